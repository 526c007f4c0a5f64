//! What the layout tests share: the bundled fonts without system fallback, a Markdown résumé
//! laid out with a built-in layout, and the runs of a document grouped into lines.

use std::collections::BTreeMap;

use crate::{Document, FontBook, GlyphRun, Item, Laid, Layout, LayoutOptions, layout};

/// The bundled fonts without system fallback: results must not depend on the machine.
pub(crate) fn book() -> FontBook {
    FontBook::with_fallback(Vec::new(), false)
}

/// `markdown` laid out with the built-in layout `name` and default options.
pub(crate) fn lay_with(markdown: &str, name: &str) -> Laid {
    let parsed = vita_model::parse_markdown(markdown).expect("parses");
    let chosen = Layout::builtin(name).expect("a built-in layout");
    layout(&parsed.resume, &chosen, &book(), &LayoutOptions::default()).expect("lays out")
}

/// The runs of every page grouped by page and baseline, left to right: one entry a line.
pub(crate) fn lines(doc: &Document) -> Vec<Vec<&GlyphRun>> {
    grouped(doc, 0..doc.pages.len())
}

/// The lines of page `page` alone (zero-based), as [`lines`] gives them.
pub(crate) fn page_lines(doc: &Document, page: usize) -> Vec<Vec<&GlyphRun>> {
    grouped(doc, page..page + 1)
}

/// The text runs of `pages`, grouped by page and baseline, each line left to right.
fn grouped(doc: &Document, pages: std::ops::Range<usize>) -> Vec<Vec<&GlyphRun>> {
    let mut by_line: BTreeMap<(usize, i64), Vec<&GlyphRun>> = BTreeMap::new();
    for (p, page) in doc
        .pages
        .iter()
        .enumerate()
        .filter(|(p, _)| pages.contains(p))
    {
        for item in &page.items {
            if let Item::Text(run) = item {
                let key = (p, (run.origin.y * 100.0).round() as i64);
                by_line.entry(key).or_default().push(run);
            }
        }
    }
    by_line
        .into_values()
        .map(|mut runs| {
            runs.sort_by(|a, b| a.origin.x.total_cmp(&b.origin.x));
            runs
        })
        .collect()
}
