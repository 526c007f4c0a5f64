//! The layout's invariant that nothing is drawn off the text area: a check over a finished
//! [`Document`], run on every layout (as warnings) and available to `vita check` and tests.

use std::ops::Range;

use crate::display::{Document, GlyphRun, Item};
use crate::theme::Layout;

/// The largest share of its advance a line's last glyph may hang into the right margin
/// (a full stop or comma, with protrusion on).
const PROTRUSION: f32 = 0.8;

/// The characters that may hang into the right margin (see `Paragraph::protrusion`).
const HANGING: &[char] = &['.', ',', '-', ':', ';', '–', '—'];

/// Slack for rounding, in points.
const EPSILON: f32 = 0.01;

/// A glyph run that reaches outside the text area.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    /// Zero-based page index.
    pub page: usize,
    /// Index of the run among the page's items.
    pub item: usize,
    /// The source byte range of the run, when known.
    pub source: Option<Range<usize>>,
    /// How far its ink reaches beyond what is allowed, in points.
    pub by: f32,
    /// The run's text.
    pub text: String,
}

/// Every glyph run of `doc` that reaches outside the text area `layout` gives its pages: left
/// of the left margin, right of the right margin by more than a hanging punctuation mark, or
/// above or below the page. Blank glyphs (spaces, invisible gap bridges) are not ink and do
/// not count.
pub fn outside_text_area(doc: &Document, layout: &Layout) -> Vec<Outside> {
    let margin = layout.page.margin.resolve(layout.fonts.size.resolve(10.0));
    outside_margins(doc, margin)
}

/// [`outside_text_area`] for left and right margins of `margin` points.
pub(crate) fn outside_margins(doc: &Document, margin: f32) -> Vec<Outside> {
    let mut found = Vec::new();
    for (page_index, page) in doc.pages.iter().enumerate() {
        let (left, right) = (margin, page.width - margin);
        for (item_index, item) in page.items.iter().enumerate() {
            let Item::Text(run) = item else { continue };
            let mut by: f32 = 0.0;
            // Above the page or below it (the footer sits in the bottom margin, on the page).
            if run.origin.y - run.size < -EPSILON || run.origin.y > page.height + EPSILON {
                by = by.max((-(run.origin.y - run.size)).max(run.origin.y - page.height));
            }
            for (x, width, hangs) in inked(run) {
                by = by.max(left - x);
                let allowed = if hangs { PROTRUSION * width } else { 0.0 };
                by = by.max(x + width - right - allowed);
            }
            if by > EPSILON {
                found.push(Outside {
                    page: page_index,
                    item: item_index,
                    source: run.source.clone(),
                    by,
                    text: run.text.clone(),
                });
            }
        }
    }
    found
}

/// Left edge and advance of every glyph of `run` that has ink, and whether it may hang.
fn inked(run: &GlyphRun) -> impl Iterator<Item = (f32, f32, bool)> + '_ {
    let mut pen = run.origin.x;
    run.glyphs.iter().filter_map(move |glyph| {
        let x = pen + glyph.x_offset;
        pen += glyph.advance;
        let text = run.text.get(glyph.text.clone()).unwrap_or("");
        let blank = text.chars().all(|c| c.is_whitespace() || c == '\u{200b}');
        let hangs = text.chars().all(|c| HANGING.contains(&c));
        (!blank || text.is_empty()).then_some((x, glyph.advance, hangs && !text.is_empty()))
    })
}
