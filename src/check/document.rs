//! What the display list itself says about the text: page furniture (footers, list numbers and
//! bullets, which Vita adds and the source does not hold) and glyphs drawn outside the text
//! area (cut off at the paper's edge or run into the margin).

use vita_layout::{Document, Item, StructChild, StructKind, StructNode};

/// A glyph drawn outside the text area.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    /// One-based page number.
    pub page: usize,
    /// The text of the run the glyph belongs to.
    pub text: String,
    /// How far past the text area it reaches, in points.
    pub by: f32,
}

/// Most glyph runs reported as outside (a run-away line would list every one).
const MAX_OUTSIDE: usize = 20;

/// Texts Vita adds around the résumé's own: runs outside the logical structure (footers) and
/// list labels (numbers, bullets).
pub fn furniture(document: &Document) -> Vec<String> {
    let mut content = std::collections::HashSet::new();
    let mut labels = Vec::new();
    for node in &document.structure {
        collect(node, false, &mut content, &mut labels);
    }
    let mut out = Vec::new();
    for (p, page) in document.pages.iter().enumerate() {
        for (i, item) in page.items.iter().enumerate() {
            if let Item::Text(run) = item
                && (!content.contains(&(p, i)) || labels.contains(&(p, i)))
            {
                out.push(run.actual_text.clone().unwrap_or_else(|| run.text.clone()));
            }
        }
    }
    out
}

fn collect(
    node: &StructNode,
    in_label: bool,
    content: &mut std::collections::HashSet<(usize, usize)>,
    labels: &mut Vec<(usize, usize)>,
) {
    let in_label = in_label || node.kind == StructKind::Label;
    for child in &node.children {
        match child {
            StructChild::Node(n) => collect(n, in_label, content, labels),
            StructChild::Item(p, i) => {
                content.insert((*p, *i));
                if in_label {
                    labels.push((*p, *i));
                }
            }
        }
    }
}

/// Glyphs drawn outside the text area: left of the leftmost line start, right of the
/// mirrored right edge by more than protrusion allows (half the font size), or off the page.
pub fn outside(document: &Document) -> Vec<Outside> {
    let left = document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text(run) => Some(run.origin.x),
            _ => None,
        })
        .fold(f32::INFINITY, f32::min);
    let mut out = Vec::new();
    for (p, page) in document.pages.iter().enumerate() {
        let right = page.width - left;
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let slack = 0.5 * run.size + 0.5;
            let mut pen = run.origin.x;
            let mut worst = 0.0f32;
            for glyph in &run.glyphs {
                let x0 = pen + glyph.x_offset;
                let x1 = x0 + glyph.advance;
                pen += glyph.advance;
                let ink = run.text.get(glyph.text.clone()).unwrap_or_default();
                if glyph.advance <= 0.0 || ink.trim().is_empty() {
                    continue;
                }
                worst = worst.max(x1 - right - slack).max(left - slack - x0);
            }
            let y = run.origin.y;
            worst = worst.max(y - page.height).max(run.size * 0.7 - y);
            if worst > 0.0 && out.len() < MAX_OUTSIDE {
                out.push(Outside {
                    page: p + 1,
                    text: run.text.clone(),
                    by: worst,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_layout::{Color, FontId, Glyph, GlyphRun, Metadata, Page, Point};

    fn run(x: f32, y: f32, text: &str, advance: f32) -> Item {
        Item::Text(GlyphRun {
            font: FontId(0),
            size: 10.0,
            color: Color::default(),
            origin: Point { x, y },
            glyphs: text
                .char_indices()
                .map(|(i, c)| Glyph {
                    id: 1,
                    advance,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: i..i + c.len_utf8(),
                })
                .collect(),
            text: text.into(),
            actual_text: None,
            source: None,
        })
    }

    fn document(items: Vec<Item>) -> Document {
        Document {
            pages: vec![Page {
                width: 200.0,
                height: 300.0,
                items,
            }],
            fonts: Vec::new(),
            outline: Vec::new(),
            metadata: Metadata::default(),
            structure: vec![StructNode {
                kind: StructKind::Paragraph,
                children: vec![StructChild::Item(0, 0), StructChild::Item(0, 1)],
            }],
        }
    }

    #[test]
    fn a_line_past_the_right_margin_or_off_the_page_is_outside() {
        // Margins of 20pt: the text area is 20..180.
        let fits = document(vec![
            run(20.0, 50.0, "abcd", 40.0),
            run(20.0, 70.0, "ab", 81.0),
        ]);
        assert_eq!(outside(&fits), []);
        let wide = document(vec![
            run(20.0, 50.0, "abcd", 40.0),
            run(20.0, 70.0, "abcde", 40.0),
        ]);
        let found = outside(&wide);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].page, found[0].text.as_str()), (1, "abcde"));
        assert!((found[0].by - 34.5).abs() < 0.01, "{found:?}");
        let low = document(vec![
            run(20.0, 50.0, "a", 10.0),
            run(20.0, 305.0, "b", 10.0),
        ]);
        assert_eq!(outside(&low).len(), 1);
    }

    #[test]
    fn runs_outside_the_structure_and_labels_are_furniture() {
        let mut doc = document(vec![
            run(20.0, 50.0, "Text", 5.0),
            run(20.0, 60.0, "1.", 5.0),
            run(20.0, 290.0, "Ada · Page 1 of 2", 5.0),
        ]);
        doc.structure = vec![StructNode {
            kind: StructKind::ListItem,
            children: vec![
                StructChild::Node(StructNode {
                    kind: StructKind::Label,
                    children: vec![StructChild::Item(0, 1)],
                }),
                StructChild::Item(0, 0),
            ],
        }];
        assert_eq!(furniture(&doc), ["1.", "Ada · Page 1 of 2"]);
    }
}
