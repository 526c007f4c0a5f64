//! Tests of code blocks: set in the layout's monospaced family, line for line, flush left,
//! with their indentation and spaces kept, wrapped inside the text area, never the name.

use super::test_support::{lay_with as lay, page_lines};
use crate::{Document, GlyphRun, Item, Layout, outside_text_area};

fn text(runs: &[&GlyphRun]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

fn font_name(doc: &Document, run: &GlyphRun) -> String {
    doc.fonts[run.font.0].name.clone()
}

const CODE: &str = "# Lena Fischer\n\nBackend engineer\n\n## Example\n\nA short example:\n\n\
```js\nlet total = 0        // running total\nfor (const x of xs) {\n\ttotal += x\n\n    log(total)\n}\n```\n";

#[test]
fn a_code_block_is_set_as_written_in_the_monospaced_family() {
    for name in ["classic", "compact", "modern"] {
        let laid = lay(CODE, name);
        let doc = &laid.document;
        let lines = page_lines(doc, 0);
        let at = |start: &str| {
            lines
                .iter()
                .position(|l| text(l).trim_start().starts_with(start))
                .unwrap_or_else(|| panic!("{name}: no line {start:?} in {lines:#?}"))
        };
        let first = at("let total");
        // Spaces kept as written: a run of them is that many spaces, indentation included.
        assert_eq!(
            text(&lines[first]),
            "let total = 0        // running total",
            "{name}"
        );
        assert_eq!(
            text(&lines[first + 2]),
            "    total += x",
            "{name}: a tab to column 4"
        );
        // The blank line stays: the next line sits two line-heights lower.
        let y = |i: usize| lines[i][0].origin.y;
        let step = y(first + 1) - y(first);
        let after_blank = at("log(total)");
        assert_eq!(after_blank, first + 3, "{name}");
        assert!(
            (y(after_blank) - y(first + 2) - 2.0 * step).abs() < 0.01,
            "{name}: blank line lost"
        );
        // Flush left with the text before it, in the monospaced family, smaller than the
        // body text so that its lowercase letters stand as tall.
        let lead = &lines[at("A short example")][0];
        for i in [first, first + 1, first + 2, after_blank] {
            let run = lines[i][0];
            assert!(
                (run.origin.x - lead.origin.x).abs() < 0.01,
                "{name}: line {i} not flush left"
            );
            assert_eq!(font_name(doc, run), "JetBrains Mono Regular", "{name}");
            assert!(
                run.size < lead.size && run.size >= 0.75 * lead.size,
                "{name}: {}",
                run.size
            );
        }
        // Four columns of indentation are four space widths.
        let indent = lines[first + 2].iter().flat_map(|r| &r.glyphs).take(4);
        let width: f32 = indent.map(|g| g.advance).sum();
        let space = lines[first][0].glyphs[3].advance;
        assert!(
            (width - 4.0 * space).abs() < 0.01,
            "{name}: {width} vs {space}"
        );
    }
}

#[test]
fn a_long_code_line_wraps_inside_the_text_area() {
    let long = format!(
        "    result = compute(region, year, {})",
        (0..30)
            .map(|i| format!("option_{i}=True"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let word = "x".repeat(200);
    let markdown = format!("# Lena Fischer\n\n## Code\n\n```\n{long}\n{word}\n```\n");
    let laid = lay(&markdown, "classic");
    let classic = Layout::builtin("classic").unwrap();
    assert!(outside_text_area(&laid.document, &classic).is_empty());
    let read: String = page_lines(&laid.document, 0)
        .iter()
        .map(|l| text(l))
        .collect::<Vec<_>>()
        .join("\n");
    // Broken at spaces (the break takes the space), and the word with none between characters.
    assert_eq!(read.matches("option_").count(), 30, "{read}");
    assert_eq!(read.matches('x').count(), 200, "{read}");
    assert!(
        read.lines().filter(|l| l.contains("option_")).count() > 1,
        "{read}"
    );
    // The lines it wraps into hang four columns in from its own indentation of four.
    let lines = page_lines(&laid.document, 0);
    let wrapped: Vec<&Vec<&GlyphRun>> = lines
        .iter()
        .filter(|l| text(l).contains("option_"))
        .collect();
    let space = wrapped[0][0].glyphs[0].advance;
    let left = wrapped[0][0].origin.x;
    for line in &wrapped[1..] {
        assert!(
            (line[0].origin.x - left - 8.0 * space).abs() < 0.01,
            "{} vs {left} + 8 × {space}",
            line[0].origin.x
        );
    }
}

#[test]
fn a_code_block_at_the_top_is_neither_the_name_nor_the_headline() {
    let markdown = "```text\nlena fischer\nbackend engineer\n```\n\n## Work\n\n- Built.\n";
    let parsed = vita_model::parse_markdown(markdown).expect("parses");
    assert_eq!(parsed.resume.header.name, None);
    assert!(parsed.resume.header.headline.is_empty());
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("no name found")),
        "{:?}",
        parsed.warnings
    );
    let laid = lay(markdown, "classic");
    let doc = &laid.document;
    assert_eq!(doc.metadata.author, None);
    let first = &page_lines(doc, 0)[0];
    assert_eq!(text(first), "lena fischer");
    assert_eq!(font_name(doc, first[0]), "JetBrains Mono Regular");
}

#[test]
fn a_long_code_block_breaks_pages_between_its_groups_of_lines() {
    let groups: Vec<String> = (0..40)
        .map(|g| format!("step {g} begins\n  step {g} works\nstep {g} ends"))
        .collect();
    let markdown = format!(
        "# Lena Fischer\n\n## Log\n\n```\n{}\n```\n",
        groups.join("\n\n")
    );
    let laid = lay(&markdown, "classic");
    let doc = &laid.document;
    assert!(doc.pages.len() > 1);
    for page in &doc.pages {
        let mut texts: Vec<(f32, &str)> = page
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) if run.text.contains("step") => {
                    Some((run.origin.y, run.text.as_str()))
                }
                _ => None,
            })
            .collect();
        texts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (Some(first), Some(last)) = (texts.first(), texts.last()) else {
            continue;
        };
        assert!(
            first.1.ends_with("begins"),
            "a page starts with {:?}",
            first.1
        );
        assert!(last.1.ends_with("ends"), "a page ends with {:?}", last.1);
    }
}
