//! From placed pieces to text: lines by baseline, words by gaps.

use super::interp::Piece;

/// Baselines closer than this fraction of the larger font size share a line, so superscripts
/// and small caps stay on their line while real lines (at least ~1 em apart) do not merge.
const SAME_LINE: f32 = 0.4;
/// A horizontal gap wider than this fraction of the font size separates words, for PDFs that
/// position words instead of showing space glyphs.
const WORD_GAP: f32 = 0.2;

/// Lays pieces out as text: lines top to bottom separated by `'\n'`, pieces in a line left to
/// right, words separated by one `' '`. Empty lines are dropped.
pub(crate) fn page_text(mut pieces: Vec<Piece>) -> String {
    // Stable sorts keep content order among equal keys.
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line)
                if line.first().is_some_and(|first| {
                    piece.y - first.y <= SAME_LINE * first.size.max(piece.size)
                }) =>
            {
                line.push(piece);
            }
            _ => lines.push(vec![piece]),
        }
    }
    lines
        .into_iter()
        .map(line_text)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line's text, words joined by single spaces.
fn line_text(mut line: Vec<Piece>) -> String {
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut previous_end: Option<f32> = None;
    for piece in line {
        if let Some(end) = previous_end
            && piece.x - end > WORD_GAP * piece.size
        {
            text.push(' ');
        }
        text.push_str(&piece.text);
        previous_end = Some(previous_end.map_or(piece.end_x, |end| end.max(piece.end_x)));
    }
    // Space glyphs, gaps and any whitespace inside pieces all become one plain space.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{Piece, page_text};

    fn piece(x: f32, y: f32, text: &str) -> Piece {
        Piece {
            x,
            y,
            end_x: x + 5.0 * text.chars().count() as f32,
            size: 10.0,
            text: text.to_owned(),
        }
    }

    #[test]
    fn orders_lines_and_words() {
        let pieces = vec![
            piece(0.0, 20.0, "second"),
            piece(10.0, 0.0, "b"),
            piece(0.0, 0.0, "a"),
            piece(5.0, 1.0, "z"), // same line as "a", within tolerance
            piece(40.0, 20.0, "line"),
        ];
        assert_eq!(page_text(pieces), "azb\nsecond line");
    }

    #[test]
    fn space_glyphs_and_gaps_make_single_spaces() {
        let pieces = vec![
            piece(0.0, 0.0, "one"),
            piece(15.0, 0.0, " "),
            piece(20.0, 0.0, "two"),
            piece(100.0, 0.0, "three"),
            piece(0.0, 30.0, ""),
        ];
        assert_eq!(page_text(pieces), "one two three");
    }
}
