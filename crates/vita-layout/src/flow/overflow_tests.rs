//! Tests that nothing is drawn off the text area: URLs, TAB lines, over-long words and table
//! columns are broken instead; Korean keeps its words whole; a contact line's separator never
//! starts or ends a line; missing-glyph warnings come one per script.

use super::test_support::{book, lay_with, lines};
use crate::{Document, Layout, LayoutOptions, layout, outside_text_area};

fn lay(markdown: &str) -> crate::Laid {
    lay_with(markdown, "classic")
}

fn line_text(runs: &[&crate::GlyphRun]) -> String {
    runs.iter()
        .map(|r| r.text.as_str())
        .collect::<String>()
        .replace('\u{200b}', "")
}

/// What an extractor that honours ActualText reads.
fn extracted(doc: &Document) -> String {
    lines(doc)
        .iter()
        .map(|runs| {
            runs.iter()
                .map(|r| r.actual_text.as_deref().unwrap_or(&r.text))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_inside(laid: &crate::Laid, name: &str) {
    let outside = outside_text_area(&laid.document, &Layout::builtin(name).unwrap());
    assert!(outside.is_empty(), "outside the text area: {outside:?}");
}

const URL: &str = "https://example.com/aaaaaaaaaaaaaaaaaaaa/bbbbbbbbbbbbbbbbbbbbbbbbbb/cccccccccccccccccccccccccc/dddddddddddddddddddd?x=1&y=2";

#[test]
fn a_long_url_breaks_after_its_punctuation_without_a_hyphen() {
    let laid = lay(&format!(
        "# Ada\n\n## Work\n\nThe code and the notes are at {URL} for anyone to read.\n"
    ));
    assert_inside(&laid, "classic");
    let lines = lines(&laid.document);
    let url_lines: Vec<String> = lines
        .iter()
        .map(|l| line_text(l))
        .filter(|t| t.contains("aaaa") || t.contains("cccc") || t.contains("dddd"))
        .collect();
    assert!(url_lines.len() >= 2, "the URL is not broken: {url_lines:?}");
    for line in &url_lines[..url_lines.len() - 1] {
        let end = line.trim_end();
        assert!(
            end.ends_with('/') || end.ends_with('.') || end.ends_with('?') || end.ends_with('&'),
            "a URL line ends inside a path part, or with a hyphen: {line:?}"
        );
    }
    // Read back whole, once, by extractors that honour ActualText.
    let text = extracted(&laid.document);
    assert_eq!(text.matches(URL).count(), 1, "{text}");
    assert_eq!(text.matches("aaaa").count(), 5, "{text}");
}

#[test]
fn a_justified_line_holding_a_url_is_not_very_loose() {
    let laid = lay(&format!(
        "# Ada\n\n## Work\n\nDocumentation lives at {URL} and the issue tracker at \
         https://tracker.example.org/projects/vita-typesetting/issues?status=open&sort=age \
         where every report gets an answer within a week.\n"
    ));
    assert_inside(&laid, "classic");
    let body: Vec<_> = laid
        .lines
        .iter()
        .filter(|l| l.text.contains("https") || l.text.contains("week"))
        .collect();
    assert!(body.len() >= 3, "{body:?}");
    for line in &body {
        assert!(line.ratio <= 1.0, "a very loose line: {line:?}");
    }
}

#[test]
fn a_tab_line_whose_parts_do_not_fit_wraps_and_stays_on_the_page() {
    let sentence = "Worked on a very long sentence that goes on and on and does not stop before \
                    it is far longer than a line, and then some more words to be sure of it.";
    let laid = lay(&format!("# Ada\n\n## Work\n\n2009-now\t{sentence}\n"));
    assert_inside(&laid, "classic");
    let doc = &laid.document;
    let margin = 17.0 * 72.0 / 25.4;
    let right = doc.pages[0].width - margin;
    let right_lines: Vec<_> = lines(doc)
        .into_iter()
        .filter(|l| line_text(l).contains("on and") || line_text(l).contains("to be sure"))
        .collect();
    assert!(!right_lines.is_empty());
    for line in &right_lines {
        let last = line.last().unwrap();
        assert!(
            (last.origin.x + last.width() - right).abs() < 0.5,
            "the right part is not flush right: {}",
            line_text(line)
        );
    }
    assert!(extracted(doc).contains("2009-now"));
}

#[test]
fn a_word_longer_than_the_line_is_split_between_characters_and_read_back_whole() {
    let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);
    let laid = lay(&format!("# Ada\n\n## Work\n\nA {word} in a sentence.\n"));
    assert_inside(&laid, "classic");
    assert!(
        !laid
            .warnings
            .iter()
            .any(|w| w.code == crate::Code::Overfull),
        "{:?}",
        laid.warnings
    );
    let text = extracted(&laid.document);
    assert_eq!(text.matches(word.as_str()).count(), 1, "{text}");
}

#[test]
fn a_table_wider_than_the_page_breaks_its_cells() {
    let laid = lay(&format!(
        "# Ada\n\n## Links\n\n| Where | What |\n|---|---|\n| {URL} | Supercalifragilisticexpialidociousnessxxxxxxxxxxxxxxxxxxxxxxxx |\n"
    ));
    assert_inside(&laid, "classic");
}

#[test]
fn a_grid_too_wide_for_the_page_is_set_in_parts_and_reported_with_its_source() {
    // Forty columns of wide letters: they cannot stand side by side, so the table is set in
    // parts one under the other, nothing leaves the text area, and a warning names the table.
    let row = |cell: &str| format!("|{}\n", format!(" {cell} |").repeat(40));
    let markdown = format!(
        "# Ada\n\n## Grid\n\n{}{}{}",
        row("H"),
        row("---"),
        row("WWWW")
    );
    let laid = lay(&markdown);
    assert_inside(&laid, "classic");
    let warned = laid
        .warnings
        .iter()
        .filter(|w| w.code == crate::Code::TableSplit)
        .collect::<Vec<_>>();
    assert!(!warned.is_empty(), "{:?}", laid.warnings);
    assert!(warned.iter().all(|w| w.range().is_some()), "{warned:?}");
}

#[test]
fn what_cannot_be_made_to_fit_is_reported_with_its_source() {
    // A text area 80pt wide and a 144pt name: not even one letter of it fits.
    let narrow = Layout::from_toml(
        "extends = \"classic\"\n[page]\nsize = \"200pt x 400pt\"\nmargin = \"60pt\"\n\
         [fonts]\nname-size = \"144pt\"\n",
    )
    .expect("layout");
    let parsed = vita_model::parse_markdown("# WM\n\n## Work\n\nText.\n").expect("parses");
    let laid = layout(&parsed.resume, &narrow, &book(), &LayoutOptions::default()).unwrap();
    let outside = outside_text_area(&laid.document, &narrow);
    assert!(!outside.is_empty(), "the name should not fit");
    let warned = laid
        .warnings
        .iter()
        .filter(|w| matches!(w.code, crate::Code::Overfull | crate::Code::OutsideTextArea))
        .collect::<Vec<_>>();
    assert!(!warned.is_empty(), "{:?}", laid.warnings);
    assert!(warned.iter().all(|w| w.range() == Some(2..4)), "{warned:?}");
}

#[test]
fn korean_breaks_between_words_not_syllables() {
    let korean = "대규모 결제 시스템의 설계와 개발을 담당했으며 핵심 회계 모듈을 재구성하여 \
                  처리량을 세 배로 늘리고 장애율을 크게 줄였습니다. 그치지 않고 지속적인 \
                  통합과 자동화된 테스트를 전 부서에 도입했습니다.";
    let laid = lay(&format!("# Kim\n\n## Work\n\n{korean} {korean}\n"));
    let words: Vec<&str> = korean.split_whitespace().collect();
    let body: Vec<_> = laid
        .lines
        .iter()
        .filter(|l| l.text.contains('대'))
        .collect();
    assert!(!body.is_empty());
    let many = laid.lines.iter().filter(|l| l.text.contains('다')).count();
    assert!(many >= 2, "the paragraph should take several lines");
    for line in laid
        .lines
        .iter()
        .filter(|l| l.text.chars().any(|c| c >= '가'))
    {
        for word in line.text.split_whitespace() {
            assert!(
                words.contains(&word),
                "{word:?} is a broken word in {:?}",
                line.text
            );
        }
    }
}

#[test]
fn a_contact_separator_never_starts_or_ends_a_line() {
    let contacts = [
        "jane.doe@example.com",
        "+1 555 0100",
        "[GitHub](https://github.com/janedoe)",
        "[LinkedIn](https://linkedin.com/in/jane-doe-1234)",
        "San Francisco",
        "[Blog](https://janedoe.dev)",
        "[Portfolio](https://janedoe.dev/work)",
        "Open to relocation",
        "Remote or on site",
        "Available from June",
        "Speaks English and French",
    ];
    for name in ["classic", "modern", "compact"] {
        let laid = lay_with(
            &format!(
                "# Jane Doe\n\n{}\n\n## Work\n\nText.\n",
                contacts.join(" · ")
            ),
            name,
        );
        let lines: Vec<String> = lines(&laid.document)
            .iter()
            .map(|l| line_text(l))
            .filter(|t| t.contains('·') || t.contains("relocation") || t.contains("site"))
            .collect();
        assert!(
            lines.len() >= 2,
            "{name}: the contact line should wrap: {lines:?}"
        );
        for line in &lines {
            let t = line.trim();
            assert!(!t.starts_with('·') && !t.ends_with('·'), "{name}: {line:?}");
        }
        assert_inside(&laid, name);
    }
}

#[test]
fn characters_no_font_has_are_reported_once_per_script() {
    let laid = lay(
        "# Kim\n\n## Work\n\n대규모 결제 시스템의 설계와 개발을 담당했습니다. 负责支付清算系统的设计与开发。\n\n\
         - 그치지 않고 지속적인 통합과 자동화된 테스트를 도입했습니다.\n",
    );
    let missing: Vec<&str> = laid
        .warnings
        .iter()
        .filter(|w| w.code == crate::Code::MissingGlyphs)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing.iter().any(|m| m.contains("Korean")), "{missing:?}");
    assert!(missing.iter().any(|m| m.contains("Chinese")), "{missing:?}");
}

/// Every résumé of `tests/corpus` in every built-in layout: nothing outside the text area.
#[test]
fn nothing_in_the_corpus_is_drawn_outside_the_text_area() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut checked = 0;
    let mut faults = Vec::new();
    for folder in ["markdown", "json"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(folder))
            .expect("corpus folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "json"))
            .collect();
        files.sort();
        for file in files {
            let source = std::fs::read_to_string(&file).expect("read");
            let parsed = if folder == "json" {
                vita_model::parse_json_resume(&source)
            } else {
                vita_model::parse_markdown(&source)
            };
            let Ok(parsed) = parsed else { continue };
            for name in ["classic", "modern", "compact"] {
                let chosen = Layout::builtin(name).unwrap();
                let laid = layout(&parsed.resume, &chosen, &book(), &LayoutOptions::default())
                    .expect("lays out");
                for out in outside_text_area(&laid.document, &chosen) {
                    faults.push(format!("{} ({name}): {out:?}", file.display()));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "only {checked} layouts checked");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
