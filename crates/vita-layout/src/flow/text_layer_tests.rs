//! Tests of the text a display list carries for extraction: every glyph's text range is a
//! character range of its run, and every character of the source is there exactly once.

use std::collections::BTreeMap;

use super::test_support::lay_with;
use crate::{Document, Item};

/// What an extractor that honours ActualText reads from the document, page furniture aside.
fn extracted(doc: &Document) -> String {
    let mut out = String::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                out.push_str(run.actual_text.as_deref().unwrap_or(&run.text));
            }
        }
    }
    out
}

/// How often each character other than white space and invisible bridges occurs.
fn counts(text: &str) -> BTreeMap<char, usize> {
    let mut map = BTreeMap::new();
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
    {
        *map.entry(c).or_default() += 1;
    }
    map
}

/// Asserts that each glyph of every run stands for whole characters of the run's text, and
/// that the glyphs' texts, in order and with shared clusters counted once, give the run's text.
fn assert_glyph_ranges_are_character_ranges(doc: &Document) {
    for page in &doc.pages {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let mut rebuilt = String::new();
            let mut last = None;
            for glyph in &run.glyphs {
                let text = run.text.get(glyph.text.clone()).unwrap_or_else(|| {
                    panic!(
                        "{:?} is not a character range of {:?}",
                        glyph.text, run.text
                    )
                });
                if last != Some(glyph.text.clone()) {
                    rebuilt.push_str(text);
                }
                last = Some(glyph.text.clone());
            }
            assert_eq!(
                rebuilt, run.text,
                "the glyphs do not cover their run's text"
            );
        }
    }
}

#[test]
fn a_word_set_in_two_faces_maps_each_glyph_to_its_own_characters() {
    // Lato lacks Cyrillic "Ԕ" and Greek "ϗ": they come from Charis SIL, in the middle of
    // words, after one or two Latin letters, and on the contact line beside a link.
    let markdown = "# Ana Ԕ\n\nϗ [site](https://example.com) · ana@example.com\n\n## Work\n\n\
                    aԔԔ abϗϗϗ 1Ԕ(ϗ) DBԔԔ、x\n";
    let laid = lay_with(markdown, "modern");
    assert_glyph_ranges_are_character_ranges(&laid.document);
    let text = extracted(&laid.document);
    for word in ["aԔԔ", "abϗϗϗ", "1Ԕ(ϗ)", "DBԔԔ、x", "ϗ", "site"] {
        assert!(text.contains(word), "{word} not in {text}");
    }
}

#[test]
fn text_without_spaces_broken_over_lines_comes_back_once() {
    // Section titles read as capitals in the text layer (what ATS parsers look for).
    // Ideographs break anywhere; with no CJK font on the machine they are boxes, but each
    // still stands for its own character, and no line stands for the whole paragraph.
    let source =
        "负责支付清算系统的设计与开发带领团队完成核心账务模块重构系统吞吐量提升三倍".repeat(4);
    let markdown = format!("# Wang\n\n## Work\n\n{source}\n");
    let laid = lay_with(&markdown, "classic");
    let text = extracted(&laid.document);
    assert_eq!(counts(&text), counts(&format!("Wang WORK {source}")));
    let lines = laid
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i, Item::Text(r) if r.text.contains('负')))
        .count();
    assert!(lines >= 3, "the paragraph should take several lines");
}

#[test]
fn a_hyphenated_word_comes_back_once_and_whole() {
    let source = "Engineers orchestrated the workflow of incomprehensibilities \
                  internationalization responsibilities characteristically";
    let markdown = format!("# Ada\n\n## Work\n\n{}\n", [source; 6].join(" "));
    let laid = lay_with(&markdown, "classic");
    let text = extracted(&laid.document);
    let hyphenated = laid.lines.iter().filter(|l| l.hyphenated).count();
    assert!(
        hyphenated > 0,
        "no line is hyphenated: the test proves nothing"
    );
    let without_hyphens: String = text.chars().filter(|&c| c != '-').collect();
    let source_all = format!("Ada WORK {}", [source; 6].join(" "));
    assert_eq!(counts(&without_hyphens), counts(&source_all));
}

#[test]
fn a_word_in_two_faces_cut_at_a_line_end_comes_back_once() {
    // Lato lacks "Ԕ": the word alternates between Lato and Charis SIL runs, and is longer than
    // the line, so it is cut between characters; its head spans several runs.
    let word = "abcdefghԔ".repeat(14);
    let markdown = format!("# Ana\n\n## Work\n\nThe {word} word.\n");
    let laid = lay_with(&markdown, "modern");
    assert_glyph_ranges_are_character_ranges(&laid.document);
    let text = extracted(&laid.document);
    assert_eq!(text.matches(word.as_str()).count(), 1, "{text}");
    assert_eq!(counts(&text), counts(&format!("Ana WORK The {word} word.")));
}
