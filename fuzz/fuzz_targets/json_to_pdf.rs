//! Fuzz target: any bytes as a JSON Resume file, through layout and PDF writing.
//! Nothing may panic; errors are fine.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vita_layout::{FontBook, Layout, LayoutOptions};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| FontBook::with_fallback(Vec::new(), false))
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = vita_model::parse_json_resume(source) else {
        return;
    };
    let layout = Layout::builtin("classic").expect("built-in layout");
    let Ok(laid) = vita_layout::layout(&parsed.resume, &layout, book(), &LayoutOptions::default())
    else {
        return;
    };
    let _ = vita_pdf::pdf(&laid.document, &vita_pdf::PdfOptions::default());
});
