//! What a run's glyphs stand for in the text layer, where that differs from the source text:
//! small capitals that read back as capitals, and no-break spaces that read back as spaces.

use crate::display::{Glyph, GlyphRun};
use crate::font::{FaceId, FontBook};

/// Rewrites the text of `run`, set with small capitals, so that every glyph that is a small
/// capital (a glyph other than the one the same text gets without `smcp`) stands for the
/// upper-case form of its text. A section title then reads "PROFESSIONAL EXPERIENCE" in every
/// extractor, which is how ATS parsers recognise headings. Glyphs the font has no small
/// capital for keep their text: a lower-case glyph mapped to a capital would make every later
/// use of it read as a capital.
pub(super) fn small_caps_read_as_capitals(book: &FontBook, run: &mut GlyphRun) {
    let face = FaceId(run.font.0);
    rewrite(run, |slice, glyph| {
        let is_small_cap = glyph.is_some_and(|g| {
            slice.chars().any(char::is_lowercase)
                && book
                    .shape(face, false, slice)
                    .glyphs
                    .first()
                    .is_some_and(|plain| plain.id != g.id)
        });
        if is_small_cap {
            slice.to_uppercase()
        } else {
            slice.to_string()
        }
    });
}

/// Rewrites no-break spaces (which keep a contact item such as a phone number on one line) and
/// the narrow spaces around a contact item's icon as plain spaces, so that the item is one text run
/// of ordinary words in every extractor.
pub(super) fn no_break_spaces_read_as_spaces(run: &mut GlyphRun) {
    const SPACES: [char; 3] = ['\u{a0}', '\u{2004}', '\u{2005}'];
    if run.text.contains(SPACES) {
        rewrite(run, |slice, _| slice.replace(SPACES, " "));
    }
}

/// Rebuilds `run.text` glyph by glyph with `f(text of the glyph, the glyph)` and moves every
/// glyph's range to its new text. Text no glyph starts at is passed with `None`, a character
/// at a time.
fn rewrite(run: &mut GlyphRun, mut f: impl FnMut(&str, Option<&Glyph>) -> String) {
    let mut text = String::with_capacity(run.text.len());
    // New byte offset of every old character boundary.
    let mut offsets = vec![0; run.text.len() + 1];
    let mut cursor = 0;
    while cursor < run.text.len() {
        let glyph = run.glyphs.iter().find(|g| g.text.start == cursor);
        let end = glyph.map_or(cursor + 1, |g| g.text.end.max(cursor + 1));
        let end = (end..=run.text.len())
            .find(|&e| run.text.is_char_boundary(e))
            .unwrap_or(run.text.len());
        let slice = &run.text[cursor..end];
        for (i, _) in slice.char_indices() {
            offsets[cursor + i] = text.len();
        }
        text.push_str(&f(slice, glyph));
        cursor = end;
    }
    offsets[run.text.len()] = text.len();
    for glyph in &mut run.glyphs {
        glyph.text = offsets[glyph.text.start]..offsets[glyph.text.end];
    }
    run.text = text;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{Color, FontId, Point};

    fn run(text: &str, ranges: &[std::ops::Range<usize>]) -> GlyphRun {
        GlyphRun {
            font: FontId(0),
            size: 10.0,
            color: Color::BLACK,
            origin: Point::default(),
            glyphs: ranges
                .iter()
                .map(|r| Glyph {
                    id: 1,
                    advance: 5.0,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: r.clone(),
                })
                .collect(),
            text: text.into(),
            actual_text: None,
            source: None,
        }
    }

    #[test]
    fn no_break_spaces_become_spaces_and_ranges_follow() {
        // "(1)\u{a0}55": the no-break space is two bytes, the space one.
        let mut r = run("(1)\u{a0}55", &[0..1, 1..2, 2..3, 3..5, 5..6, 6..7]);
        no_break_spaces_read_as_spaces(&mut r);
        assert_eq!(r.text, "(1) 55");
        let texts: Vec<&str> = r.glyphs.iter().map(|g| &r.text[g.text.clone()]).collect();
        assert_eq!(texts, ["(", "1", ")", " ", "5", "5"]);
    }
}
