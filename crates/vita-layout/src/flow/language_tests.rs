//! The résumé's language in the display list: dates printed with its month names and
//! "present" word, its footer, its document title and the photo's default text (the German
//! and French samples).

use crate::{DateFormat, Document, FontBook, Item, Layout, LayoutOptions, layout};

/// Lays `markdown` out in the classic layout with dates written out (`date-format = "long"`),
/// as the samples' `long-dates.toml` asks, with the bundled fonts only.
fn lay(markdown: &str, photo: Option<crate::PhotoData>) -> Document {
    let parsed = vita_model::parse_markdown(markdown).expect("parses");
    let mut classic = Layout::builtin("classic").unwrap();
    classic.entry.date_format = DateFormat::Long;
    let book = FontBook::with_fallback(Vec::new(), false);
    let options = LayoutOptions {
        photo,
        ..LayoutOptions::default()
    };
    layout(&parsed.resume, &classic, &book, &options)
        .unwrap()
        .document
}

/// The text of every glyph run, page by page.
fn page_texts(doc: &Document) -> Vec<Vec<String>> {
    doc.pages
        .iter()
        .map(|page| {
            page.items
                .iter()
                .filter_map(|item| match item {
                    Item::Text(run) => Some(run.text.clone()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

fn has(texts: &[String], wanted: &str) -> bool {
    texts.iter().any(|t| t.contains(wanted))
}

#[test]
fn the_german_sample_prints_dates_and_footer_in_german() {
    let doc = lay(include_str!("../../../../samples/de.md"), None);
    let pages = page_texts(&doc);
    assert_eq!(
        pages.len(),
        2,
        "the sample takes two pages, so it has footers"
    );
    let all: Vec<String> = pages.concat();
    // "März 2019 – Heute" is read as Present and printed with the German word; "Okt. 2015 –
    // Feb. 2019" is read and printed with German month names written out.
    for wanted in [
        "März 2019 – heute",
        "Oktober 2015 – Februar 2019",
        "April 2013 – September 2015",
        "Januar 2020 – heute",
        "2016 – heute",
    ] {
        assert!(has(&all, wanted), "{wanted:?} not in {all:#?}");
    }
    for (index, texts) in pages.iter().enumerate() {
        let footer = format!("Jonas Weber · Seite {} von 2", index + 1);
        assert!(
            texts.contains(&footer),
            "{footer:?} not on page {}",
            index + 1
        );
        assert!(
            !has(texts, "Page "),
            "an English footer on page {}",
            index + 1
        );
    }
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Jonas Weber — Lebenslauf")
    );
    assert_eq!(doc.metadata.language.as_deref(), Some("de"));
}

#[test]
fn the_french_sample_prints_dates_and_footer_in_french() {
    let doc = lay(include_str!("../../../../samples/fr.md"), None);
    let pages = page_texts(&doc);
    assert_eq!(pages.len(), 2);
    let all: Vec<String> = pages.concat();
    // "aujourd'hui" and "présent" are both read as Present; "Sept. 2016" and "Janv. 2020" as
    // months.
    for wanted in [
        "février 2020 – aujourd’hui",
        "septembre 2016 – janvier 2020",
        "mars 2019 – aujourd’hui",
        "avril 2016 – août 2016",
    ] {
        assert!(has(&all, wanted), "{wanted:?} not in {all:#?}");
    }
    for (index, texts) in pages.iter().enumerate() {
        let footer = format!("Camille Dubois · Page {} sur 2", index + 1);
        assert!(
            texts.contains(&footer),
            "{footer:?} not on page {}",
            index + 1
        );
    }
}

#[test]
fn a_photo_without_alternative_text_is_described_in_the_language() {
    let png = include_bytes!("../../../../tests/fixtures/photo.png");
    let photo = |alt: &str| crate::PhotoData {
        image: crate::Image {
            rect: crate::Rect::default(),
            data: std::sync::Arc::new(png.as_slice()),
            format: crate::ImageFormat::Png,
            alt: alt.into(),
        },
        width: 60,
        height: 80,
    };
    let alt = |markdown: &str, given: &str| {
        let doc = lay(markdown, Some(photo(given)));
        doc.pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Image(image) => Some(image.alt.clone()),
                _ => None,
            })
            .expect("the photo is placed")
    };
    let de = "+++\nlang = \"de\"\n+++\n# Jonas Weber\n\n## Erfahrung\n\nSchrieb.\n";
    assert_eq!(alt(de, ""), "Foto von Jonas Weber");
    assert_eq!(alt(de, "Jonas am Schreibtisch"), "Jonas am Schreibtisch");
    let en = "# Ada Lovelace\n\n## Work\n\nWrote.\n";
    assert_eq!(alt(en, " "), "Photo of Ada Lovelace");
}

/// Every glyph run of page 1 as (text, left x), in drawing order.
fn placed(doc: &Document) -> Vec<(String, f32)> {
    doc.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) => Some((run.text.clone(), run.origin.x)),
            _ => None,
        })
        .collect()
}

fn x_of(runs: &[(String, f32)], text: &str) -> f32 {
    runs.iter()
        .find(|(t, _)| t == text)
        .unwrap_or_else(|| panic!("no run {text:?} in {runs:?}"))
        .1
}

#[test]
fn a_hebrew_resume_is_set_right_to_left_with_latin_runs_left_to_right() {
    // The bundled fonts have no Hebrew (the glyphs are boxes): the order and places of the
    // words are what is checked, and they do not depend on the glyphs.
    let source = "+++\nlang = \"he\"\n+++\n# נועה לוי\n\n## ניסיון\n\n\
                  ### מפתחת | 2015 – 2019\n\nבנתה עם Rust and Go היום.\n";
    let parsed = vita_model::parse_markdown(source).expect("parses");
    let classic = Layout::builtin("classic").unwrap();
    let book = FontBook::with_fallback(Vec::new(), false);
    let doc = layout(&parsed.resume, &classic, &book, &LayoutOptions::default())
        .unwrap()
        .document;
    let runs = placed(&doc);
    // Right to left: the sentence's first word is rightmost; "Rust and Go" keeps its order.
    let order = ["בנתה", "עם", "Go", "and", "Rust", "היום."];
    let xs: Vec<f32> = order.iter().map(|w| x_of(&runs, w)).collect();
    assert!(xs.windows(2).all(|w| w[0] > w[1]), "{order:?} at {xs:?}");
    // The drawing order stays logical, for extractors that read in content order.
    let index = |w: &str| runs.iter().position(|(t, _)| t == w).unwrap();
    assert!(index("בנתה") < index("Rust") && index("Rust") < index("Go"));
    // Mirrored layout: the dates stand left of the title, as a left-to-right number range.
    let title = x_of(&runs, "מפתחת");
    let (from, to) = (x_of(&runs, "2015"), x_of(&runs, "2019"));
    assert!(
        from < to && to < title,
        "2015 at {from}, 2019 at {to}, title at {title}"
    );
    // The paragraph ends flush right: its first word ends at the text area's right edge.
    let right = doc.pages[0].width - 17.0 * 72.0 / 25.4;
    let first = runs.iter().find(|(t, _)| t == "בנתה").unwrap();
    assert!(
        first.1 > right - 60.0,
        "{first:?} vs the right edge {right}"
    );
    assert_eq!(doc.metadata.language.as_deref(), Some("he"));
}
