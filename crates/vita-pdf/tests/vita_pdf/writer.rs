//! Writes display lists to PDF and reads them back: text, links, outline, metadata, fonts,
//! determinism, and the reader's behaviour on bad input.

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Name, Stream, String as PdfString};
use vita_layout::{Item, OutlineEntry, Point};
use vita_pdf::{Error, PdfOptions, extract_text, pdf};

use crate::support::{self, document, page, resume, run};

fn write(doc: &vita_layout::Document) -> Vec<u8> {
    pdf(doc, &PdfOptions::default()).expect("the document serialises")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The document catalog, through the reader crate.
fn with_catalog<T>(bytes: &[u8], f: impl FnOnce(&Pdf, Dict<'_>) -> T) -> T {
    let pdf = Pdf::new(bytes.to_vec()).expect("our output parses");
    let catalog = pdf
        .xref()
        .get::<Dict<'_>>(pdf.xref().root_id())
        .expect("a catalog");
    f(&pdf, catalog)
}

/// A PDF text string as written by krilla: UTF-16BE with a byte-order mark, or ASCII.
fn decode(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect::<Vec<_>>(),
        ),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn text_of(string: Option<PdfString<'_>>) -> Option<String> {
    Some(decode(string?.as_bytes()))
}

#[test]
fn text_comes_back_in_reading_order() {
    let bytes = write(&resume());
    assert_eq!(
        extract_text(&bytes).expect("readable"),
        ["Ada Lovelace\nAnalytical engine efficiency"]
    );
}

#[test]
fn ffi_ligature_extracts_as_three_letters() {
    let Some(ligature) = support::ffi_ligature() else {
        // Nothing to check with a font that has no such ligature.
        return;
    };
    let run = support::run_with_ffi("efficiency", ligature, 72.0, 100.0, 12.0);
    assert_eq!(run.glyphs.len(), "efficiency".len() - 2);
    let bytes = write(&document(vec![page(vec![Item::Text(run)])]));
    assert_eq!(extract_text(&bytes).expect("readable"), ["efficiency"]);
}

#[test]
fn link_becomes_a_uri_annotation() {
    let bytes = write(&resume());
    with_catalog(&bytes, |pdf, _| {
        let page = &pdf.pages()[0];
        let annots = page.raw().get::<Array<'_>>(b"Annots").expect("annotations");
        let annot = annots.iter::<Dict<'_>>().next().expect("one annotation");
        assert_eq!(
            annot.get::<Name<'_>>(b"Subtype").as_deref(),
            Some(&b"Link"[..])
        );
        let action = annot.get::<Dict<'_>>(b"A").expect("an action");
        assert_eq!(
            action
                .get::<PdfString<'_>>(b"URI")
                .map(|s| s.as_bytes().to_vec()),
            Some(b"https://example.org/ada".to_vec())
        );
        // The rectangle is flipped into PDF's y-up space: top edge 120 pt below the top of an
        // 842 pt page.
        let rect = annot.get::<[f32; 4]>(b"Rect").expect("a rectangle");
        assert!((rect[3] - (842.0 - 120.0)).abs() < 0.01, "{rect:?}");
    });
}

#[test]
fn outline_nests_by_level() {
    let mut doc = resume();
    doc.outline = [("A", 1), ("A.1", 2), ("A.1.a", 3), ("A.2", 2), ("B", 1)]
        .into_iter()
        .map(|(title, level)| OutlineEntry {
            title: title.to_owned(),
            level,
            page: 0,
            at: Point { x: 0.0, y: 0.0 },
        })
        .collect();
    let bytes = write(&doc);
    with_catalog(&bytes, |_, catalog| {
        let outlines = catalog.get::<Dict<'_>>(b"Outlines").expect("an outline");
        let title = |d: &Dict<'_>| text_of(d.get::<PdfString<'_>>(b"Title")).unwrap_or_default();
        fn children<'a>(d: &Dict<'a>) -> Vec<Dict<'a>> {
            let mut out = Vec::new();
            let mut next = d.get::<Dict<'_>>(b"First");
            while let Some(item) = next {
                next = item.get::<Dict<'_>>(b"Next");
                out.push(item);
            }
            out
        }
        let top = children(&outlines);
        assert_eq!(top.iter().map(title).collect::<Vec<_>>(), ["A", "B"]);
        let a = children(&top[0]);
        assert_eq!(a.iter().map(title).collect::<Vec<_>>(), ["A.1", "A.2"]);
        assert_eq!(
            children(&a[0]).iter().map(title).collect::<Vec<_>>(),
            ["A.1.a"]
        );
        assert!(children(&top[1]).is_empty());
    });
}

#[test]
fn same_document_gives_same_bytes() {
    let mut doc = resume();
    doc.metadata.title = Some("Ada Lovelace".to_owned());
    doc.metadata.creation_date = Some(1_700_000_000);
    if let Item::Text(run) = &mut doc.pages[0].items[0] {
        run.actual_text = Some("Countess Lovelace".to_owned());
    }
    let first = write(&doc);
    let second = write(&doc);
    assert!(first == second, "two serialisations differ");
}

#[test]
fn creation_date_is_written_only_when_given() {
    let mut doc = resume();
    let undated = write(&doc);
    assert!(!contains(&undated, b"/CreationDate"));
    assert!(!contains(&undated, b"CreateDate"));
    with_catalog(&undated, |pdf, _| {
        assert_eq!(pdf.metadata().creation_date, None);
    });

    doc.metadata.creation_date = Some(0);
    let dated = write(&doc);
    assert!(contains(&dated, b"/CreationDate(D:19700101000000Z)"));
    assert!(contains(&dated, b"1970-01-01T00:00:00"));
    with_catalog(&dated, |pdf, _| {
        let date = pdf.metadata().creation_date.expect("a creation date");
        assert_eq!((date.year, date.month, date.day), (1970, 1, 1));
    });
}

#[test]
fn metadata_reaches_info_xmp_and_catalog() {
    let mut doc = resume();
    doc.metadata.title = Some("Ada Lovelace — Résumé".to_owned());
    doc.metadata.author = Some("Ada Lovelace".to_owned());
    doc.metadata.subject = Some("Analyst of engines".to_owned());
    doc.metadata.keywords = vec!["mathematics".to_owned(), "engines".to_owned()];
    doc.metadata.language = Some("en-GB".to_owned());
    let bytes = write(&doc);
    with_catalog(&bytes, |pdf, catalog| {
        let info = pdf.metadata();
        let text = |b: &Option<Box<[u8]>>| b.as_deref().map(decode);
        assert_eq!(text(&info.title).as_deref(), Some("Ada Lovelace — Résumé"));
        assert_eq!(text(&info.author).as_deref(), Some("Ada Lovelace"));
        assert_eq!(text(&info.subject).as_deref(), Some("Analyst of engines"));
        assert_eq!(
            text(&info.keywords).as_deref(),
            Some("mathematics, engines")
        );
        assert_eq!(text(&info.creator).as_deref(), Some("Vita"));
        assert_eq!(
            text_of(catalog.get::<PdfString<'_>>(b"Lang")).as_deref(),
            Some("en-GB")
        );
        let xmp = catalog
            .get::<Stream<'_>>(b"Metadata")
            .expect("an XMP stream");
        let xmp = xmp.decoded().expect("decodes");
        let xmp = String::from_utf8_lossy(&xmp);
        assert!(xmp.contains("Ada Lovelace — Résumé"), "{xmp}");
        assert!(xmp.contains("Analyst of engines"));
    });
}

#[test]
fn actual_text_replaces_the_glyphs() {
    let mut first = run("orches-", 72.0, 100.0, 12.0);
    first.actual_text = Some("orchestrated".to_owned());
    let mut second = run("trated", 72.0, 115.0, 12.0);
    second.actual_text = Some(String::new());
    // Plain text after the replaced runs, sharing their glyphs: its letters must keep their
    // own mappings.
    let plain = run("more orchestras", 72.0, 130.0, 12.0);
    let bytes = write(&document(vec![page(vec![
        Item::Text(first),
        Item::Text(second),
        Item::Text(plain),
    ])]));
    assert_eq!(
        extract_text(&bytes).expect("readable"),
        ["orchestrated\nmore orchestras"]
    );

    // No glyph's ToUnicode entry is the whole replacement word.
    with_catalog(&bytes, |pdf, _| {
        let fonts = pdf.pages()[0].resources().fonts.clone();
        for key in fonts.keys() {
            let font = fonts.get::<Dict<'_>>(&*key).expect("a font");
            let cmap = font
                .get::<Stream<'_>>(b"ToUnicode")
                .expect("a ToUnicode map");
            let cmap = cmap.decoded().expect("decodes").to_ascii_uppercase();
            let word: String = "orchestrated"
                .encode_utf16()
                .map(|u| format!("{u:04X}"))
                .collect();
            assert!(!contains(&cmap, word.as_bytes()));
            assert!(!contains(&cmap, b"<>"), "an empty mapping");
        }
    });
}

#[test]
fn font_is_a_small_truetype_subset() {
    let bytes = write(&resume());
    assert_eq!(support::lato().len(), 661_592);
    assert!(bytes.len() < 30_000, "{} bytes", bytes.len());
    with_catalog(&bytes, |pdf, _| {
        let fonts = pdf.pages()[0].resources().fonts.clone();
        let key = fonts.keys().next().expect("one font");
        let font = fonts.get::<Dict<'_>>(&*key).expect("a font");
        let base = font.get::<Name<'_>>(b"BaseFont").expect("a base font");
        let (tag, name) = base.as_str().split_once('+').expect("a subset tag");
        assert_eq!(tag.len(), 6);
        assert!(tag.bytes().all(|b| b.is_ascii_uppercase()), "{tag}");
        assert_eq!(name, "Lato-Regular");
        let descendant = font
            .get::<Array<'_>>(b"DescendantFonts")
            .and_then(|a| a.iter::<Dict<'_>>().next())
            .expect("a descendant font");
        let descriptor = descendant
            .get::<Dict<'_>>(b"FontDescriptor")
            .expect("a descriptor");
        let file = descriptor
            .get::<Stream<'_>>(b"FontFile2")
            .expect("an embedded TrueType program");
        assert!(file.decoded().expect("decodes").len() < 20_000);
    });
}

#[test]
fn two_pages_extract_separately() {
    let doc = document(vec![
        page(vec![Item::Text(run("first page", 72.0, 100.0, 12.0))]),
        page(vec![Item::Text(run("second page", 72.0, 100.0, 12.0))]),
    ]);
    assert_eq!(
        extract_text(&write(&doc)).expect("readable"),
        ["first page", "second page"]
    );
}

#[test]
fn reader_rejects_garbage_without_panicking() {
    let real = write(&resume());
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"not a pdf at all".to_vec(),
        b"%PDF-1.7\n%%EOF".to_vec(),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    ];
    for input in &inputs {
        assert!(
            matches!(extract_text(input), Err(Error::Read { .. })),
            "accepted {} bytes",
            input.len()
        );
    }
    // Damaged copies of a real file may or may not be repairable; they must not panic.
    for cut in (0..real.len()).step_by(997) {
        inputs.push(real[..cut].to_vec());
        let mut flipped = real.clone();
        flipped[cut] ^= 0x5A;
        inputs.push(flipped);
    }
    for input in &inputs {
        let _ = extract_text(input);
    }
}

#[test]
fn invalid_display_lists_are_errors() {
    let good = resume();

    let mut doc = good.clone();
    doc.fonts[0].data = std::sync::Arc::new(b"not a font".as_slice());
    let error = pdf(&doc, &PdfOptions::default()).expect_err("bad font");
    assert_eq!(error.to_string(), "font 'Lato Regular' could not be read");

    let mut doc = good.clone();
    if let Item::Text(run) = &mut doc.pages[0].items[0] {
        run.font = vita_layout::FontId(3);
    }
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::UnknownFont { font: 3, .. })
    ));

    let mut doc = good.clone();
    if let Item::Text(run) = &mut doc.pages[0].items[0] {
        run.glyphs[0].text = 0..99;
    }
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::Item {
            page: 1,
            item: 1,
            ..
        })
    ));

    let mut doc = good.clone();
    doc.outline[0].page = 5;
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::OutlineTarget { page: 6, .. })
    ));

    let mut doc = good.clone();
    doc.pages[0].width = f32::NAN;
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::PageSize { page: 1, .. })
    ));

    let mut doc = good.clone();
    if let Item::Link(link) = &mut doc.pages[0].items[3] {
        link.rect.width = -1.0;
    }
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::Item {
            page: 1,
            item: 4,
            ..
        })
    ));

    let mut doc = good;
    doc.metadata.creation_date = Some(i64::MAX);
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::CreationDate { .. })
    ));
}

#[test]
fn glyph_ids_beyond_the_font_do_not_panic() {
    let mut doc = resume();
    if let Item::Text(run) = &mut doc.pages[0].items[0] {
        run.glyphs[0].id = u16::MAX;
    }
    // krilla's subsetter refuses the glyph; that must surface as an error, not a panic.
    assert!(matches!(
        pdf(&doc, &PdfOptions::default()),
        Err(Error::Write { .. })
    ));
}

#[test]
fn empty_document_serialises() {
    let doc = document(Vec::new());
    let bytes = write(&doc);
    assert!(bytes.starts_with(b"%PDF-"));
}

fn photo(data: &'static [u8], format: vita_layout::ImageFormat) -> Item {
    Item::Image(vita_layout::Image {
        rect: vita_layout::Rect {
            x: 400.0,
            y: 50.0,
            width: 60.0,
            height: 80.0,
        },
        data: std::sync::Arc::new(data),
        format,
        alt: "A portrait".into(),
    })
}

#[test]
fn an_image_is_embedded_and_scaled_into_its_rectangle() {
    let png = include_bytes!("../../../../tests/fixtures/photo.png");
    let doc = document(vec![page(vec![
        Item::Text(run("Photo", 72.0, 100.0, 12.0)),
        photo(png, vita_layout::ImageFormat::Png),
    ])]);
    let bytes = write(&doc);
    assert!(contains(&bytes, b"/Subtype/Image") || contains(&bytes, b"/Subtype /Image"));
    assert!(contains(&bytes, b"/Width 60") || contains(&bytes, b"/Width 60\n"));
    assert_eq!(extract_text(&bytes).unwrap()[0].trim(), "Photo");
}

#[test]
fn an_image_that_does_not_decode_is_an_error() {
    let doc = document(vec![page(vec![photo(
        b"not a png",
        vita_layout::ImageFormat::Png,
    )])]);
    let err = pdf(&doc, &PdfOptions::default()).unwrap_err();
    // The photo, the page's one item, is named.
    assert!(
        matches!(
            err,
            vita_pdf::Error::Item {
                page: 1,
                item: 1,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.diagnostic().code, vita_diagnostic::Code::PdfWrite);
}

#[test]
fn artifact_text_is_drawn_as_outlines_that_read_as_nothing() {
    use vita_layout::{StructChild, StructKind, StructNode};
    let mut doc = document(vec![page(vec![
        Item::Text(run("Analytical", 72.0, 100.0, 12.0)),
        Item::Text(run("Page 1 of 2", 72.0, 800.0, 9.0)),
    ])]);
    let node = |kind, item| StructNode {
        kind,
        children: vec![StructChild::Item(0, item)],
    };
    doc.structure = vec![
        node(StructKind::Paragraph, 0),
        node(StructKind::Artifact, 1),
    ];
    for options in [
        PdfOptions::default(),
        PdfOptions {
            tagged: false,
            standard: None,
        },
    ] {
        let bytes = pdf(&doc, &options).expect("writes");
        assert_eq!(extract_text(&bytes).unwrap(), ["Analytical"]);
        assert_eq!(contains(&bytes, b"/StructTreeRoot"), options.tagged);
    }
    // The same run as content reads back.
    doc.structure[1].kind = StructKind::Paragraph;
    let bytes = write(&doc);
    assert_eq!(extract_text(&bytes).unwrap(), ["Analytical\nPage 1 of 2"]);
}
