//! Fuzz target: any bytes as a Markdown résumé (or, with `kind = "letter"` in its front matter,
//! a cover letter: placeholders filled, laid out on one page), through layout and PDF writing,
//! then read back. Nothing may panic; errors are fine.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vita_layout::{Fit, FontBook, Layout, LayoutOptions};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| FontBook::with_fallback(Vec::new(), false))
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if vita_model::document_kind(source) == vita_model::DocumentKind::Letter {
        letter(source, data.len());
        return;
    }
    let Ok(parsed) = vita_model::parse_markdown(source) else {
        return;
    };
    let layout = Layout::builtin(if data.len() % 2 == 0 { "classic" } else { "modern" })
        .expect("built-in layout");
    let options = LayoutOptions::default();
    let laid = if data.len() % 3 == 0 {
        match vita_layout::fit(&parsed.resume, &layout, book(), &options, &Fit::pages(1)) {
            Ok(fitted) => fitted.laid,
            Err(_) => return,
        }
    } else {
        match vita_layout::layout(&parsed.resume, &layout, book(), &options) {
            Ok(laid) => laid,
            Err(_) => return,
        }
    };
    if let Ok(pdf) = vita_pdf::pdf(&laid.document, &vita_pdf::PdfOptions::default()) {
        let _ = vita_pdf::extract_text(&pdf);
    }
});

/// A cover letter: every placeholder given a value, laid out on one page, written and read back.
fn letter(source: &str, len: usize) {
    let Ok(parsed) = vita_model::parse_letter(source) else {
        return;
    };
    let mut letter = parsed.letter;
    let values: Vec<(String, String)> = letter
        .placeholders
        .iter()
        .map(|p| (p.name.clone(), "Acme {x} *y*".to_string()))
        .collect();
    if letter.fill(&values).is_err() {
        return;
    }
    let layout = Layout::builtin(if len % 2 == 0 { "classic" } else { "compact" })
        .expect("built-in layout");
    let options = vita_layout::LetterOptions {
        date: Some("12 March 2026".into()),
        signature: None,
    };
    let Ok(fitted) = vita_layout::layout_letter(
        &letter,
        &layout,
        book(),
        &LayoutOptions::default(),
        &options,
        &Fit::pages(1),
    ) else {
        return;
    };
    if let Ok(pdf) = vita_pdf::pdf(&fitted.laid.document, &vita_pdf::PdfOptions::default()) {
        let _ = vita_pdf::extract_text(&pdf);
    }
}
