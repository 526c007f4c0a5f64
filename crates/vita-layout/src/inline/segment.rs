//! Splitting a word between fonts (fallback for characters the style's face lacks) and at
//! the line-break opportunities that scripts without spaces have (UAX #14, for CJK).

use std::ops::Range;

use crate::font::{CjkForms, FaceId, FontBook};

/// A run of a word set in one face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub face: FaceId,
    pub range: Range<usize>,
}

/// Runs of `text` by the face that can set them: `primary` where it has the glyph, else the
/// fallback face the book finds. Characters no available font has stay with `primary` (they
/// show as .notdef boxes) and are returned so the caller can warn about each one. Marks,
/// variation selectors and joiners stay with the character before them.
pub(crate) fn by_face(
    book: &FontBook,
    primary: FaceId,
    text: &str,
    forms: CjkForms,
) -> (Vec<Segment>, Vec<char>) {
    let forms = forms.for_text(text);
    let mut segments: Vec<Segment> = Vec::new();
    let mut missing = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if let Some(last) = segments.last_mut().filter(|_| joins_previous(c)) {
            last.range.end = end;
            continue;
        }
        let face = if book.has_glyph(primary, c) || c.is_whitespace() {
            primary
        } else {
            match book.fallback_for(primary, c, forms) {
                Some(face) => face,
                None => {
                    if !missing.contains(&c) {
                        missing.push(c);
                    }
                    primary
                }
            }
        };
        match segments.last_mut() {
            Some(last) if last.face == face => last.range.end = end,
            _ => segments.push(Segment {
                face,
                range: at..end,
            }),
        }
    }
    (segments, missing)
}

/// For a word written right to left: punctuation set in another face than the
/// Hebrew or Arabic letters next to them ("(שפת", "אם),") move into the letters' face when it
/// has them, so that they are shaped right to left with the letters (a parenthesis then takes
/// its mirrored form and its place at the word's start). Neighbouring runs of one face merge.
pub(crate) fn join_rtl_neutrals(
    book: &FontBook,
    text: &str,
    segments: Vec<Segment>,
) -> Vec<Segment> {
    let rtl_face =
        |seg: &Segment| crate::font::is_right_to_left(&text[seg.range.clone()]).then_some(seg.face);
    let faces: Vec<FaceId> = segments
        .iter()
        .enumerate()
        .map(|(i, seg)| {
            // Letters and digits keep their face and their own run: shaped right to left with
            // the letters, "PostgreSQL" or "90" would read backwards.
            let neutral = text[seg.range.clone()].chars().all(|c| {
                use unicode_bidi::BidiClass as B;
                !matches!(
                    unicode_bidi::bidi_class(c),
                    B::L | B::R | B::AL | B::EN | B::AN
                )
            });
            if !neutral {
                return seg.face;
            }
            let neighbours = [i.checked_sub(1), Some(i + 1)];
            neighbours
                .into_iter()
                .flatten()
                .filter_map(|n| segments.get(n).and_then(rtl_face))
                .find(|&face| {
                    text[seg.range.clone()]
                        .chars()
                        .all(|c| c.is_whitespace() || book.has_glyph(face, c))
                })
                .unwrap_or(seg.face)
        })
        .collect();
    let mut out: Vec<Segment> = Vec::new();
    for (seg, face) in segments.into_iter().zip(faces) {
        match out.last_mut() {
            Some(last) if last.face == face => last.range.end = seg.range.end,
            _ => out.push(Segment {
                face,
                range: seg.range,
            }),
        }
    }
    out
}

/// Characters that belong to the one before: combining marks, variation selectors, joiners.
fn joins_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}'
        | '\u{E0100}'..='\u{E01EF}'
        | '\u{1F3FB}'..='\u{1F3FF}')
}

/// Whether `c` is written without spaces between words (Han, kana, Hangul syllables, and
/// the CJK punctuation around them).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Byte offsets inside `text` (never 0 or its end) where UAX #14 allows a break next to a
/// CJK character. Breaks between Latin letters, after hyphens or slashes are not added: those
/// words follow the résumé's own rules. Hangul counts as letters here: Korean is written with
/// spaces between words and breaks there (CSS `word-break: keep-all`), never between the
/// syllables of a word ("그|치지"), unless a word is wider than the line (see
/// `Paragraph::split_wide_words`).
pub(crate) fn cjk_breaks(text: &str) -> Vec<usize> {
    let breaks_around = |c: char| is_cjk(c) && !is_hangul(c);
    if !text.chars().any(breaks_around) {
        return Vec::new();
    }
    unicode_linebreak::linebreaks(text)
        .filter(|&(at, _)| at > 0 && at < text.len())
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            before.is_some_and(breaks_around) || after.is_some_and(breaks_around)
        })
        .map(|(at, _)| at)
        .collect()
}

/// Whether `c` is a Hangul syllable or jamo.
fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{D7B0}'..='\u{D7FF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Variant;

    #[test]
    fn breaks_between_ideographs_not_inside_latin() {
        assert_eq!(cjk_breaks("中文简历"), vec![3, 6, 9]);
        assert!(cjk_breaks("orchestrated").is_empty());
        // Latin next to CJK: a break only where a CJK character is involved.
        let breaks = cjk_breaks("Rust开发");
        assert!(breaks.contains(&4) && breaks.contains(&7), "{breaks:?}");
        // No break before closing punctuation.
        assert!(!cjk_breaks("简历。").contains(&6));
    }

    #[test]
    fn korean_words_keep_their_syllables_together() {
        assert!(cjk_breaks("그치지").is_empty());
        assert!(cjk_breaks("설계와").is_empty());
        // Next to an ideograph or CJK bracket a break is still allowed.
        assert_eq!(cjk_breaks("한국語"), vec![6]);
    }

    #[test]
    fn a_character_the_face_lacks_goes_to_a_face_that_has_it() {
        let book = FontBook::with_fallback(Vec::new(), false);
        let lato = book.select("Lato", Variant::default());
        // Lato has no Cyrillic "Ԕ" (U+0514); Charis SIL has.
        assert!(!book.has_glyph(lato, 'Ԕ'));
        let (segments, missing) = by_face(&book, lato, "abԔcd", CjkForms::default());
        assert!(missing.is_empty());
        assert_eq!(segments.len(), 3, "{segments:?}");
        assert_eq!(segments[1].range, 2..4);
        assert_ne!(segments[1].face, lato);
        assert_eq!(book.face_name(segments[1].face), "Charis SIL Regular");
    }

    #[test]
    fn characters_no_font_has_are_reported_once() {
        let book = FontBook::with_fallback(Vec::new(), false);
        let charis = book.select("Charis SIL", Variant::default());
        let (segments, missing) = by_face(&book, charis, "a\u{E000}\u{E000}b", CjkForms::default());
        assert_eq!(missing, vec!['\u{E000}']);
        assert_eq!(segments.len(), 1);
    }

    #[test]
    fn variation_selectors_stay_with_their_base() {
        let book = FontBook::with_fallback(Vec::new(), false);
        let charis = book.select("Charis SIL", Variant::default());
        let (segments, _) = by_face(&book, charis, "a\u{FE0F}", CjkForms::default());
        assert_eq!(segments.len(), 1);
    }
}
