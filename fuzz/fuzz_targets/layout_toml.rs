//! Fuzz target: any bytes as a layout file (TOML). A layout that loads must lay out a small
//! résumé and write its PDF without the backend rejecting a value: every range is checked at
//! load time. Nothing may panic.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vita_layout::{FontBook, Layout, LayoutOptions};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| FontBook::with_fallback(Vec::new(), false))
}

const RESUME: &str = "# Ada Example\nada@example.com\n\n## Experience\n\n### Engineer, Example Co\n\
2020 – now\n\n- Built a compiler that sets text with care and checks what it wrote.\n\n\
| Skill | Level |\n|---|---|\n| Rust | high |\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(layout) = Layout::from_toml(text) else {
        return;
    };
    let parsed = vita_model::parse_markdown(RESUME).expect("the fixed résumé parses");
    let Ok(laid) = vita_layout::layout(&parsed.resume, &layout, book(), &LayoutOptions::default())
    else {
        return;
    };
    if let Err(e) = vita_pdf::pdf(&laid.document, &vita_pdf::PdfOptions::default()) {
        panic!("a layout that loaded gave the PDF writer an invalid value: {e}");
    }
});
