//! `vita fonts --sample`: one page showing every bundled family in the same short text, each
//! set by the layout engine as a résumé would be (bold, italic, small capitals, code).

use std::path::Path;

use vita_layout::{Document, FontBook, Item, Layout, LayoutOptions, Metadata, Page};

use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;

/// A failure to make the specimen.
fn failed(message: String) -> Failure {
    Failure::input(Diagnostic::error(Code::Unwritable, message))
}

/// The text every family is shown in: Western and Central European letters, the styles a
/// résumé uses, and a code span (set in the layout's code family).
fn specimen(family: &str) -> String {
    format!(
        "# {family}\n\n## Experience and Skills\n\n\
         Led a team of **eight engineers**; *cut build times by 40%* and shipped \
         ***zero-downtime*** releases with `cargo build --release`. Žluťoučký kůň úpěl \
         ďábelské ódy; zażółć gęślą jaźń; árvíztűrő tükörfúrógép; ß, æ, ø, œ, € 1 234,56.\n"
    )
}

/// The page: A4 wide, each family's block under the previous one.
const PAGE: (f32, f32) = (595.276, 841.89);
/// The page margin, in points.
const MARGIN: f32 = 36.0;
/// Space between two families' blocks, in points.
const GAP: f32 = 10.0;

/// Writes the specimen to `path`: a PDF, or a PNG picture of it when the name ends in `.png`.
pub fn write(path: &Path) -> Result<i32, Failure> {
    let book = crate::fonts::book();
    let mut items = Vec::new();
    let mut top = MARGIN;
    for family in book.families() {
        let (block, height) = block(&book, family)?;
        items.extend(block.into_iter().map(|item| moved(item, top)));
        top += height + GAP;
    }
    // The page ends below the last family (at least an inch, at most A4).
    let height = (top - GAP + 2.0 * MARGIN).clamp(72.0, PAGE.1);
    let document = Document {
        pages: vec![Page {
            width: PAGE.0,
            height,
            items,
        }],
        fonts: book.font_table(),
        outline: Vec::new(),
        metadata: Metadata {
            title: Some("Vita font specimen".into()),
            language: Some("en".into()),
            ..Metadata::default()
        },
        structure: Vec::new(),
    };
    let png = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let bytes = if png {
        let mut pages = vita_render::png::pages(&document, 100.0)
            .map_err(|e| failed(format!("the specimen could not be drawn: {e}")))?;
        pages.remove(0)
    } else {
        vita_pdf::pdf(&document, &vita_pdf::PdfOptions::default())
            .map_err(|e| failed(format!("the specimen could not be written: {e}")))?
    };
    crate::output::write_atomically(path, &bytes).map_err(|e| {
        failed(format!(
            "could not write {}: {}",
            path.display(),
            crate::os_error::worded(&e)
        ))
    })?;
    eprintln!(
        "wrote {} ({} families, {} bytes)",
        path.display(),
        book.families().len(),
        bytes.len()
    );
    Ok(0)
}

/// One family's block, laid out on a page of its own, and how tall it is.
fn block(book: &FontBook, family: &str) -> Result<(Vec<Item>, f32), Failure> {
    let parsed = vita_model::parse_markdown(&specimen(family))
        .map_err(|e| failed(format!("specimen text: {e}")))?;
    let mut layout = Layout::builtin("classic").unwrap_or_default();
    layout.fonts.body = family.to_string();
    layout.fonts.heading = family.to_string();
    layout.fonts.mono = "JetBrains Mono".to_string();
    layout.fonts.name_size = vita_layout::Length::Pt(16.0);
    layout.page.margin = vita_layout::Length::Pt(MARGIN);
    layout.header.space_after = vita_layout::Length::Pt(2.0);
    layout.section.space_before = vita_layout::Length::Pt(0.0);
    let laid = vita_layout::layout(&parsed.resume, &layout, book, &LayoutOptions::default())
        .map_err(|e| failed(format!("specimen in {family}: {e}")))?;
    let page = laid.document.pages.into_iter().next();
    let items = page.map(|p| p.items).unwrap_or_default();
    let bottom = items.iter().map(bottom).fold(0.0_f32, f32::max);
    let first = items.iter().map(top_of).fold(f32::MAX, f32::min);
    let start = if first == f32::MAX { 0.0 } else { first };
    let items = items.into_iter().map(|item| moved(item, -start)).collect();
    Ok((items, bottom - start))
}

/// The lowest point of an item (its baseline, for text).
fn bottom(item: &Item) -> f32 {
    match item {
        Item::Text(run) => run.origin.y + run.size * 0.3,
        Item::Rule(rule) => rule.rect.y + rule.rect.height,
        Item::Link(link) => link.rect.y + link.rect.height,
        Item::Image(image) => image.rect.y + image.rect.height,
    }
}

/// The highest point of an item.
fn top_of(item: &Item) -> f32 {
    match item {
        Item::Text(run) => run.origin.y - run.size,
        Item::Rule(rule) => rule.rect.y,
        Item::Link(link) => link.rect.y,
        Item::Image(image) => image.rect.y,
    }
}

/// `item` moved down by `dy` points.
fn moved(mut item: Item, dy: f32) -> Item {
    match &mut item {
        Item::Text(run) => run.origin.y += dy,
        Item::Rule(rule) => rule.rect.y += dy,
        Item::Link(link) => link.rect.y += dy,
        Item::Image(image) => image.rect.y += dy,
    }
    item
}
