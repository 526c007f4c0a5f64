//! The résumé's plain text as a text extractor reads it, written from the display list.
//!
//! Items are taken in drawing order, which is Vita's reading order; runs on one baseline make
//! one line, joined with a space where there is a gap between them. What the PDF's ActualText
//! says replaces a run's glyphs, so a word hyphenated across two lines is written once, whole,
//! at the first line, and page furniture (items under an [`StructKind::Artifact`] root of the
//! structure, such as the footer, and runs with empty ActualText) is left out. Layout artefacts never reach the text: zero-width spaces (the bridges that keep a
//! right-aligned date on its line), private-use characters (icon fonts), soft hyphens and
//! byte-order marks are dropped. A blank line separates blocks that are further apart than
//! text lines, and a form feed ends each page but the last, as `pdftotext` writes it.

use std::collections::HashSet;

use vita_layout::{Document, GlyphRun, Item, Page, StructChild, StructKind, StructNode};

/// A gap between runs wider than this share of the font size is a word space.
const SPACE_GAP: f32 = 0.12;
/// Runs whose baselines differ by less than this share of the font size share a line.
const SAME_LINE: f32 = 0.3;
/// Baselines further apart than this many times the font size start a new block.
const BLOCK_GAP: f32 = 1.75;

/// The text of `document`, page by page, in reading order.
pub fn plain_text(document: &Document) -> String {
    let mut furniture = HashSet::new();
    for root in document
        .structure
        .iter()
        .filter(|n| n.kind == StructKind::Artifact)
    {
        items_of(root, &mut furniture);
    }
    let pages: Vec<String> = document
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| page_text(index, page, &furniture))
        .collect();
    let mut out = pages.join("\n\u{c}");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// True for characters that are layout, not text: zero-width spaces and joiners, soft
/// hyphens, byte-order marks, private-use code points (icon fonts) and U+FFFD.
pub fn is_artefact(c: char) -> bool {
    matches!(c,
        '\u{200b}' | '\u{00ad}' | '\u{feff}' | '\u{fffd}'
        | '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// Adds the `(page, item)` pairs under `node` to `out`.
fn items_of(node: &StructNode, out: &mut HashSet<(usize, usize)>) {
    for child in &node.children {
        match child {
            StructChild::Node(node) => items_of(node, out),
            StructChild::Item(page, item) => {
                out.insert((*page, *item));
            }
        }
    }
}

/// One line being gathered: its baseline, font size and text so far.
struct Line {
    y: f32,
    size: f32,
    right: f32,
    text: String,
}

/// The text of one page: its lines, with blank lines between blocks.
fn page_text(index: usize, page: &Page, furniture: &HashSet<(usize, usize)>) -> String {
    let mut lines: Vec<Line> = Vec::new();
    for (item_index, item) in page.items.iter().enumerate() {
        let Item::Text(run) = item else { continue };
        if furniture.contains(&(index, item_index)) {
            continue;
        }
        let text = run_text(run);
        if text.is_empty() {
            continue;
        }
        let left = run.origin.x;
        let right = left + run.width();
        match lines.last_mut() {
            Some(line) if (line.y - run.origin.y).abs() < SAME_LINE * line.size.min(run.size) => {
                let touching = left - line.right <= SPACE_GAP * run.size.min(line.size);
                if !touching && !line.text.ends_with(' ') && !text.starts_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(&text);
                line.right = line.right.max(right);
                line.size = line.size.max(run.size);
            }
            _ => lines.push(Line {
                y: run.origin.y,
                size: run.size,
                right,
                text,
            }),
        }
    }
    let mut out = String::new();
    let mut previous: Option<&Line> = None;
    for line in &lines {
        let words: Vec<&str> = line.text.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if let Some(prev) = previous {
            out.push('\n');
            if line.y - prev.y > BLOCK_GAP * prev.size.max(line.size) {
                out.push('\n');
            }
        }
        out.push_str(&words.join(" "));
        previous = Some(line);
    }
    out
}

/// What a run says: its ActualText when it has one, else its text, without artefacts and
/// with every kind of space made a plain space.
fn run_text(run: &GlyphRun) -> String {
    let text = run.actual_text.as_deref().unwrap_or(&run.text);
    text.chars()
        .filter(|c| !is_artefact(*c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_layout::{Color, FontId, Glyph, Point};

    fn run(x: f32, y: f32, text: &str, actual: Option<&str>) -> Item {
        let glyphs = text
            .char_indices()
            .map(|(i, c)| Glyph {
                id: 1,
                advance: 5.0,
                x_offset: 0.0,
                y_offset: 0.0,
                text: i..i + c.len_utf8(),
            })
            .collect();
        Item::Text(GlyphRun {
            font: FontId(0),
            size: 10.0,
            color: Color::BLACK,
            origin: Point { x, y },
            glyphs,
            text: text.to_string(),
            actual_text: actual.map(str::to_string),
            source: None,
        })
    }

    /// A document whose item `(page, item)` is page furniture.
    fn with_furniture(mut doc: Document, page: usize, item: usize) -> Document {
        doc.structure.push(StructNode {
            kind: StructKind::Artifact,
            children: vec![StructChild::Item(page, item)],
        });
        doc
    }

    fn document(pages: Vec<Vec<Item>>) -> Document {
        Document {
            pages: pages
                .into_iter()
                .map(|items| Page {
                    width: 600.0,
                    height: 800.0,
                    items,
                })
                .collect(),
            fonts: Vec::new(),
            outline: Vec::new(),
            metadata: Default::default(),
            structure: Vec::new(),
        }
    }

    #[test]
    fn a_hyphenated_word_is_written_once_whole() {
        let doc = document(vec![vec![
            run(
                0.0,
                100.0,
                "Engineers orches-",
                Some("Engineers orchestrated"),
            ),
            run(0.0, 112.0, "trated", Some("")),
            run(30.0, 112.0, " the workflow", None),
        ]]);
        assert_eq!(plain_text(&doc), "Engineers orchestrated\nthe workflow\n");
    }

    #[test]
    fn bridges_icons_and_the_footer_leave_no_trace() {
        let doc = document(vec![
            vec![
                run(0.0, 100.0, "Analyst ", None),
                run(40.0, 100.0, "\u{200b}\u{200b}\u{200b}", None),
                run(300.0, 100.0, "2020", None),
                run(0.0, 150.0, "\u{f0e0} ada@example.com", None),
                run(200.0, 780.0, "Ada · Page 1 of 2", Some("")),
            ],
            vec![
                run(0.0, 100.0, "Rust", None),
                run(200.0, 780.0, "Ada · Page 2 of 2", None),
            ],
        ]);
        let doc = with_furniture(doc, 1, 1);
        let text = plain_text(&doc);
        assert_eq!(text, "Analyst 2020\n\nada@example.com\n\u{c}Rust\n");
        assert!(!text.chars().any(is_artefact));
    }

    #[test]
    fn runs_that_touch_join_without_a_space() {
        // A bold part in the middle of a word: two runs, no gap.
        let doc = document(vec![vec![
            run(0.0, 100.0, "Type", None),
            run(20.0, 100.0, "Script", None),
            run(60.0, 100.0, "and", None),
        ]]);
        assert_eq!(plain_text(&doc), "TypeScript and\n");
    }
}
