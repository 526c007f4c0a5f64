//! Tests of the page model's regions and page filling: the sidebar flows beside the main
//! column in its own band, reads in the layout's order, and paginates on its own; a short last
//! page is fitted away within gentle floors; `page.fill = "spread"` fills the page.

use super::test_support::book;
use crate::{Document, Item, Layout, LayoutOptions, Rule, layout};

const SEED: &str = include_str!("../../../../tests/fixtures/seed-header.md");

fn text_runs(doc: &Document, page: usize) -> Vec<(usize, &crate::GlyphRun)> {
    doc.pages[page]
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Text(run) => Some((i, run)),
            _ => None,
        })
        .collect()
}

fn index_of(doc: &Document, text: &str) -> (usize, f32) {
    text_runs(doc, 0)
        .into_iter()
        .find(|(_, r)| r.text.contains(text))
        .map(|(i, r)| (i, r.origin.x))
        .unwrap_or_else(|| panic!("no run with {text:?}"))
}

#[test]
fn the_sidebar_takes_its_sections_into_a_tinted_band_that_reads_first() {
    let resume = vita_model::parse_markdown(SEED).unwrap().resume;
    let sidebar = Layout::builtin("sidebar").unwrap();
    let laid = layout(&resume, &sidebar, &book(), &LayoutOptions::default()).unwrap();
    let doc = &laid.document;
    let margin = sidebar.page.margin.resolve(10.0);
    let width = sidebar
        .sidebar
        .width
        .resolve(sidebar.fonts.size.resolve(10.0));
    // Skills and Education stand in the sidebar on the left; Experience right of it.
    let (skills, skills_x) = index_of(doc, "Cloud platforms");
    let (education, education_x) = index_of(doc, "Masters in");
    let (experience, experience_x) = index_of(doc, "Staff Software Engineer");
    let (name, _) = index_of(doc, "Alex Example");
    for x in [skills_x, education_x] {
        assert!(x >= margin - 0.01 && x < margin + width, "{x}");
    }
    assert!(experience_x > margin + width + 20.0, "{experience_x}");
    // Content-stream order: header, sidebar, main column.
    assert!(name < skills && skills < education && education < experience);
    // The tint is drawn first, under everything, and is page furniture.
    let Item::Rule(Rule { color, rect }) = &doc.pages[0].items[0] else {
        panic!("the band is not the first item");
    };
    assert_eq!(*color, sidebar.sidebar.tint);
    assert!(rect.x <= 0.01 && rect.width > width);
    assert_eq!(doc.structure[0].kind, crate::StructKind::Artifact);
    // The structure tree reads the same way: the sidebar's titles before the main column's.
    let mut titles = Vec::new();
    fn walk(doc: &Document, node: &crate::StructNode, out: &mut Vec<String>) {
        for child in &node.children {
            match child {
                crate::StructChild::Node(inner) if inner.kind == crate::StructKind::Heading(2) => {
                    let mut text = String::new();
                    for c in &inner.children {
                        if let crate::StructChild::Item(p, i) = c
                            && let Item::Text(run) = &doc.pages[*p].items[*i]
                        {
                            text.push_str(&run.text);
                        }
                    }
                    out.push(text);
                }
                crate::StructChild::Node(inner) => walk(doc, inner, out),
                crate::StructChild::Item(..) => {}
            }
        }
    }
    for root in &doc.structure {
        walk(doc, root, &mut titles);
    }
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles[0].starts_with("PROGRAMMING"), "{titles:?}");
    assert!(titles[1].starts_with("EDUCATION"), "{titles:?}");
    assert!(titles[2].starts_with("PROFESSIONAL"), "{titles:?}");
}

#[test]
fn each_column_paginates_on_its_own() {
    // A long main column and a short sidebar: the main column runs onto page 2, the sidebar
    // ends on page 1, and the sidebar's first line is level with the main column's.
    let mut markdown = String::from("# Ada Quill\n\n## Skills\n\nRust, TeX.\n\n## Work\n\n");
    for i in 0..90 {
        markdown.push_str(&format!("Paragraph {i} of work done well and on time.\n\n"));
    }
    let resume = vita_model::parse_markdown(&markdown).unwrap().resume;
    let sidebar = Layout::builtin("sidebar").unwrap();
    let laid = layout(&resume, &sidebar, &book(), &LayoutOptions::default()).unwrap();
    let doc = &laid.document;
    assert!(doc.pages.len() >= 2);
    let on = |page: usize, text: &str| {
        text_runs(doc, page)
            .iter()
            .any(|(_, r)| r.text.contains(text))
    };
    assert!(on(0, "Rust") && !on(1, "Rust"));
    assert!(on(doc.pages.len() - 1, "Paragraph 89"));
    let y = |text: &str| {
        text_runs(doc, 0)
            .into_iter()
            .find(|(_, r)| r.text.contains(text))
            .unwrap()
            .1
            .origin
            .y
    };
    assert!((y("SKILLS") - y("WORK")).abs() < 0.01);
    // Page 2 starts at the top of the text area (no header there), the band runs full height.
    let top = text_runs(doc, 1)
        .iter()
        .map(|(_, r)| r.origin.y)
        .fold(f32::INFINITY, f32::min);
    assert!(top < sidebar.page.margin.resolve(10.0) + 20.0, "{top}");
    let Item::Rule(band) = &doc.pages[1].items[0] else {
        panic!("no band on page 2")
    };
    assert!(band.rect.y.abs() < 0.01 && (band.rect.height - doc.pages[1].height).abs() < 0.01);
}

#[test]
fn a_sidebar_no_section_goes_into_has_no_band() {
    let resume = vita_model::parse_markdown("# A\n\n## Work\n\nRust.\n")
        .unwrap()
        .resume;
    let sidebar = Layout::builtin("sidebar").unwrap();
    let laid = layout(&resume, &sidebar, &book(), &LayoutOptions::default()).unwrap();
    assert!(
        laid.document.pages[0]
            .items
            .iter()
            .all(|i| !matches!(i, Item::Rule(r) if r.color == sidebar.sidebar.tint))
    );
}

#[test]
fn a_sidebar_too_wide_for_the_page_is_an_error() {
    let resume = vita_model::parse_markdown("# A\n\n## Skills\n\nRust.\n")
        .unwrap()
        .resume;
    // A layout file this wide fails where it loads (theme::ranges); one built in code fails
    // when it is set.
    let mut wide = Layout::builtin("sidebar").unwrap();
    wide.sidebar.width = crate::Length::Pt(160.0 * 72.0 / 25.4);
    let err = layout(&resume, &wide, &book(), &LayoutOptions::default()).unwrap_err();
    assert_eq!(err.code, crate::Code::LayoutRange);
    assert!(err.message.contains("`sidebar.width`"), "{}", err.message);
}

#[test]
fn the_seed_in_classic_settles_on_one_page_at_nine_and_a_half_points_or_more() {
    let resume = vita_model::parse_markdown(SEED).unwrap().resume;
    let classic = Layout::builtin("classic").unwrap();
    let options = LayoutOptions::default();
    let plain = layout(&resume, &classic, &book(), &options).unwrap();
    assert_eq!(plain.document.pages.len(), 2);
    let settled = crate::settle(&resume, &classic, &book(), &options).unwrap();
    assert_eq!(settled.laid.document.pages.len(), 1);
    assert_eq!(settled.natural_pages, 2);
    assert!(!settled.knobs.is_empty());
    let smallest = text_runs(&settled.laid.document, 0)
        .into_iter()
        .map(|(_, r)| r.size)
        .fold(f32::INFINITY, f32::min);
    assert!(smallest >= 9.5, "body at {smallest}pt");
    // Without it (or asking for two pages) the two pages stay.
    let keep = Layout::from_toml("extends = \"classic\"\n[page]\nmin-last-page = 0\n").unwrap();
    let kept = crate::settle(&resume, &keep, &book(), &options).unwrap();
    assert_eq!(kept.laid.document.pages.len(), 2);
    assert!(kept.knobs.is_empty());
    let two = crate::fit(&resume, &classic, &book(), &options, &crate::Fit::pages(2)).unwrap();
    assert_eq!(two.laid.document.pages.len(), 2);
}

/// The empty share of the text area below the last line of page 1.
fn empty_at_bottom(doc: &Document, layout: &Layout) -> f32 {
    let margin = layout.page.margin.resolve(layout.fonts.size.resolve(10.0));
    let (top, bottom) = (margin, doc.pages[0].height - margin);
    let lowest = text_runs(doc, 0)
        .into_iter()
        .map(|(_, r)| r.origin.y + 0.25 * r.size)
        .fold(0.0, f32::max);
    (bottom - lowest) / (bottom - top)
}

#[test]
fn compact_spreads_the_seed_over_its_page() {
    let resume = vita_model::parse_markdown(SEED).unwrap().resume;
    let compact = Layout::builtin("compact").unwrap();
    let laid = layout(&resume, &compact, &book(), &LayoutOptions::default()).unwrap();
    assert_eq!(laid.document.pages.len(), 1);
    let spread = empty_at_bottom(&laid.document, &compact);
    assert!(spread <= 0.05, "{:.1}% empty", spread * 100.0);
    let mut plain = compact.clone();
    plain.page.fill = crate::Fill::None;
    let unspread = layout(&resume, &plain, &book(), &LayoutOptions::default()).unwrap();
    assert!(empty_at_bottom(&unspread.document, &plain) > 0.08);
}
