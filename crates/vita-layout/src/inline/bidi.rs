//! Right-to-left lines (Hebrew, Arabic): the Unicode bidi algorithm (the `unicode-bidi` crate)
//! orders a line's fragments.
//!
//! A right-to-left résumé is laid out as a left-to-right one and then mirrored, page by page
//! (`flow::mirror`): every fragment keeps its glyphs (a Hebrew word is shaped right to left, in
//! visual order, a Latin word left to right) while the order of the fragments on a line is
//! reversed. That mirror is the bidi algorithm's last step, reversing everything at level 1 or
//! above. What is left for the line is the rest of rule L2: reversing, from the highest level
//! down to level 2, each sequence of fragments at that level or higher — runs of Latin words
//! and numbers embedded in the right-to-left text, which the mirror then puts back in
//! left-to-right order ("Rust and Go" stays in that order inside a Hebrew sentence).
//!
//! Fragments keep logical order in the paragraph's content list, so text extraction and the
//! structure tree still read the words in logical order.

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

use super::{Content, Fragment, Paragraph};

/// Places `fragments` (one line, in logical order, placed left to right) for a right-to-left
/// paragraph: every sequence at level 2 or higher is reversed in place, inside the span it
/// covers; the slice keeps logical order.
pub(crate) fn reorder_embedded(para: &Paragraph, fragments: &mut [Fragment]) {
    let levels = levels(para, fragments);
    let Some(&max) = levels.iter().max() else {
        return;
    };
    for level in (2..=max).rev() {
        let mut i = 0;
        while i < fragments.len() {
            if levels[i] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < fragments.len() && levels[i] >= level {
                i += 1;
            }
            reverse_in_place(&mut fragments[start..i]);
        }
    }
}

/// Each fragment's bidi embedding level on a right-to-left line (the highest of its
/// characters'): 1 for right-to-left words and neutrals between them, 2 for Latin words and
/// numbers.
fn levels(para: &Paragraph, fragments: &[Fragment]) -> Vec<u8> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(fragments.len());
    for fragment in fragments {
        let start = text.len();
        match &para.contents[fragment.content] {
            Content::Word {
                text: word, chars, ..
            } => text.push_str(&word[chars.clone()]),
            Content::Space { .. } => text.push(' '),
            Content::Separator { text: sep, .. } => text.push_str(sep),
            Content::Hyphen { .. } => text.push('-'),
            Content::Nothing => {}
        }
        spans.push(start..text.len());
    }
    let info = BidiInfo::new(&text, Some(Level::rtl()));
    let kinds: Vec<Kind> = spans.iter().map(|span| kind(&text[span.clone()])).collect();
    let mut levels: Vec<u8> = spans
        .into_iter()
        .map(|span| {
            info.levels
                .get(span)
                .and_then(|l| l.iter().map(|l| l.number()).max())
                .unwrap_or(1)
        })
        .collect();
    // A range of numbers ("2015 – 2019") reads left to right, as "2015-2019" does by the
    // algorithm's own rules (W4): the spaces and dash between two numbers join them.
    for i in 0..levels.len() {
        if kinds[i] != Kind::Neutral {
            continue;
        }
        let before = kinds[..i].iter().rev().find(|k| **k != Kind::Neutral);
        let after = kinds[i + 1..].iter().find(|k| **k != Kind::Neutral);
        if before == Some(&Kind::Number) && after == Some(&Kind::Number) {
            levels[i] = levels[i].max(2);
        }
    }
    levels
}

/// What a fragment is for the bidi algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// It has a letter (of either direction).
    Strong,
    /// Digits and number punctuation only ("2019", "06/2021").
    Number,
    /// Spaces, dashes and other punctuation.
    Neutral,
}

fn kind(text: &str) -> Kind {
    let classes = || text.chars().map(bidi_class);
    if classes().any(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL)) {
        Kind::Strong
    } else if classes().any(|c| matches!(c, BidiClass::EN | BidiClass::AN)) {
        Kind::Number
    } else {
        Kind::Neutral
    }
}

/// `logical` rewritten so that poppler's text extraction, which lays replacement text
/// (`/ActualText`) out as if it were drawn left to right and then reorders the line with its
/// own simplified bidi rules (right-to-left runs reversed, runs of Latin letters, digits and
/// the neutrals between them kept as they are, the runs taken from the right), gives
/// `logical` back: the runs in reverse order, right-to-left runs reversed.
pub(crate) fn visual_for_poppler(logical: &str) -> String {
    let class = |c: char| match bidi_class(c) {
        BidiClass::R | BidiClass::AL => 'R',
        BidiClass::L => 'L',
        BidiClass::EN | BidiClass::AN => 'N',
        _ => ' ',
    };
    let chars: Vec<char> = logical.chars().collect();
    let mut runs: Vec<(bool, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A right-to-left run: up to the next letter or digit written left to right.
        let start = i;
        while i < chars.len() && !matches!(class(chars[i]), 'L' | 'N') {
            i += 1;
        }
        if i > start {
            runs.push((true, chars[start..i].iter().rev().collect()));
        }
        // A left-to-right run: up to its last letter or digit before the next right-to-left
        // letter (the neutrals after it open the next right-to-left run).
        let start = i;
        let mut end = i;
        while i < chars.len() && class(chars[i]) != 'R' {
            if matches!(class(chars[i]), 'L' | 'N') {
                end = i + 1;
            }
            i += 1;
        }
        i = end.max(start);
        if end > start {
            runs.push((false, chars[start..end].iter().collect()));
        }
    }
    runs.into_iter().rev().map(|(_, run)| run).collect()
}

/// Reverses the places of `fragments` within the horizontal span they cover, keeping the gaps
/// between them. The fragments stay in logical order in the slice (content order is reading
/// order for extractors that follow the content stream); only their `x` changes.
fn reverse_in_place(fragments: &mut [Fragment]) {
    let left = fragments.iter().map(|f| f.x).fold(f32::INFINITY, f32::min);
    let right = fragments
        .iter()
        .map(|f| f.x + f.width)
        .fold(f32::NEG_INFINITY, f32::max);
    if !left.is_finite() || !right.is_finite() {
        return;
    }
    for fragment in fragments.iter_mut() {
        fragment.x = left + (right - (fragment.x + fragment.width));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fragment(x: f32, width: f32, content: usize) -> Fragment {
        Fragment { x, width, content }
    }

    #[test]
    fn poppler_reads_the_visual_form_back_in_logical_order() {
        assert_eq!(visual_for_poppler("שרת 2015 – 2019"), "2015 – 2019 תרש");
        assert_eq!(visual_for_poppler("מרץ 2019 – היום"), "םויה – 2019 ץרמ");
        assert_eq!(visual_for_poppler("abc"), "abc");
        assert_eq!(visual_for_poppler("אב גד"), "דג בא");
    }

    #[test]
    fn a_sequence_reverses_inside_its_span() {
        let mut f = vec![
            fragment(10.0, 5.0, 0),
            fragment(15.0, 2.0, 1),
            fragment(17.0, 8.0, 2),
        ];
        reverse_in_place(&mut f);
        let placed: Vec<(usize, f32)> = f.iter().map(|f| (f.content, f.x)).collect();
        assert_eq!(placed, [(0, 20.0), (1, 18.0), (2, 10.0)]);
    }
}
