//! From placed pieces to text: lines by baseline, columns by gutters, words by gaps.

use super::interp::Piece;

/// Baselines closer than this fraction of the larger font size share a line, so superscripts
/// and small caps stay on their line while real lines (at least ~1 em apart) do not merge.
const SAME_LINE: f32 = 0.4;
/// A horizontal gap wider than this fraction of the font size separates words, for PDFs that
/// position words instead of showing space glyphs.
const WORD_GAP: f32 = 0.2;
/// A band free of ink at least this many font sizes wide, running down [`COLUMN_LINES`] lines
/// or more with ink on both sides, is a gutter between two columns (a sidebar's is 3 or more;
/// the gap after a field's key or before an entry's dates is about 1, and spans fewer lines).
const GUTTER: f32 = 2.5;
/// The fewest lines a gutter must run down.
const COLUMN_LINES: usize = 8;

/// Lays pieces out as text: lines top to bottom separated by `'\n'`, pieces in a line left to
/// right, words separated by one `' '`; where lines run in two columns beside a gutter, the
/// left column's lines first, then the right's. Empty lines are dropped.
pub(crate) fn page_text(pieces: Vec<Piece>) -> String {
    ordered_lines(pieces)
        .into_iter()
        .map(line_text)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lines in reading order: those above a stretch of columns, each column's, then the rest.
fn ordered_lines(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
    let lines = by_baseline(pieces);
    let Some((start, end, gutter)) = columns(&lines) else {
        return lines;
    };
    let mut rest = lines.into_iter();
    let mut out: Vec<Vec<Piece>> = rest.by_ref().take(start).collect();
    let (left, right): (Vec<Piece>, Vec<Piece>) = rest
        .by_ref()
        .take(end - start)
        .flatten()
        .partition(|p| (p.x + p.end_x) / 2.0 < gutter);
    // Each part is a strict subset (ink lies on both sides of the gutter), so this ends.
    out.extend(ordered_lines(left));
    out.extend(ordered_lines(right));
    out.extend(ordered_lines(rest.flatten().collect()));
    out
}

/// The first stretch of lines `start..end` that runs in two columns, and the middle of its
/// gutter: at least [`COLUMN_LINES`] consecutive lines sharing a band free of ink at least
/// [`GUTTER`] font sizes wide with ink on both sides of it.
fn columns(lines: &[Vec<Piece>]) -> Option<(usize, usize, f32)> {
    for start in 0..lines.len() {
        let mut free = vec![(f32::NEG_INFINITY, f32::INFINITY)];
        let (mut lo, mut hi, mut size) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f32);
        let mut found = None;
        for (end, line) in lines.iter().enumerate().skip(start) {
            for piece in line.iter().filter(|p| !p.text.trim().is_empty()) {
                free = free
                    .into_iter()
                    .flat_map(|(a, b)| {
                        [(a, b.min(piece.x)), (a.max(piece.end_x), b)]
                            .into_iter()
                            .filter(|(a, b)| b > a)
                    })
                    .collect();
                lo = lo.min(piece.x);
                hi = hi.max(piece.end_x);
                size = size.max(piece.size);
            }
            let gutter = free
                .iter()
                .filter(|(a, b)| *a > lo && *b < hi && b - a >= GUTTER * size)
                .max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0)));
            let Some((a, b)) = gutter else { break };
            if end + 1 - start >= COLUMN_LINES {
                found = Some((start, end + 1, (a + b) / 2.0));
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Groups pieces into lines by baseline, top to bottom.
fn by_baseline(mut pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
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
    logical(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A line read left to right (visual order) put back in reading order when it has Hebrew or
/// Arabic letters: the whole line reversed, then each run of left-to-right text (Latin
/// letters, digits and what lies between them) turned back, as poppler does. Lines without
/// right-to-left letters are returned as they are.
fn logical(visual: &str) -> String {
    use unicode_bidi::{BidiClass, bidi_class};
    let rtl = |c: char| matches!(bidi_class(c), BidiClass::R | BidiClass::AL);
    let ltr = |c: char| matches!(bidi_class(c), BidiClass::L | BidiClass::EN | BidiClass::AN);
    if !visual.chars().any(rtl) {
        return visual.to_string();
    }
    let mut chars: Vec<char> = visual.chars().rev().collect();
    let mut i = 0;
    while i < chars.len() {
        if !ltr(chars[i]) {
            i += 1;
            continue;
        }
        // From this letter or digit to the last one before the next right-to-left letter.
        let start = i;
        let mut end = i;
        while i < chars.len() && !rtl(chars[i]) {
            if ltr(chars[i]) {
                end = i;
            }
            i += 1;
        }
        chars[start..=end].reverse();
        i = end + 1;
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::{Piece, logical, page_text};

    #[test]
    fn right_to_left_lines_read_in_logical_order() {
        // As drawn, left to right: "Rust" and "2019" keep their order inside the Hebrew.
        assert_eq!(
            logical("2019 ץרמ Rust and Go תא התנב"),
            "בנתה את Rust and Go מרץ 2019"
        );
        assert_eq!(logical("plain text"), "plain text");
    }

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
    fn two_columns_beside_a_gutter_read_one_after_the_other() {
        // A header across the page, then ten lines in two columns 40pt apart (4 em).
        let mut pieces = vec![piece(0.0, 0.0, "header across the whole page width")];
        for i in 0..10 {
            let y = 20.0 + 12.0 * i as f32;
            pieces.push(piece(0.0, y, &format!("left{i}")));
            pieces.push(piece(80.0, y + 1.0, &format!("right{i}")));
        }
        let text = page_text(pieces);
        let left: Vec<String> = (0..10).map(|i| format!("left{i}")).collect();
        let right: Vec<String> = (0..10).map(|i| format!("right{i}")).collect();
        let want = format!(
            "header across the whole page width\n{}\n{}",
            left.join("\n"),
            right.join("\n")
        );
        assert_eq!(text, want);
    }

    #[test]
    fn a_narrow_gap_or_a_short_stretch_is_no_gutter() {
        // Keys and values 10pt apart (1 em), and a 40pt gap down only three lines.
        let mut pieces = Vec::new();
        for i in 0..10 {
            pieces.push(piece(0.0, 12.0 * i as f32, "key:"));
            pieces.push(piece(30.0, 12.0 * i as f32, "value"));
        }
        for i in 10..13 {
            pieces.push(piece(0.0, 12.0 * i as f32, "title"));
            pieces.push(piece(100.0, 12.0 * i as f32, "2020"));
        }
        let text = page_text(pieces);
        assert!(text.starts_with("key: value\nkey: value\n"), "{text}");
        assert!(text.ends_with("title 2020\ntitle 2020"), "{text}");
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
