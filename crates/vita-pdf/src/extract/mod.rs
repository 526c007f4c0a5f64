//! The text reader: [`extract_text`] and its parts.
//!
//! PDF object syntax (cross-reference tables, object streams, filters) is parsed by
//! `hayro-syntax`; this module interprets page content for text only.

mod cmap;
mod font;
mod interp;
mod lines;
mod textstr;

use hayro_syntax::{LoadPdfError, Pdf};

use crate::Error;

/// Reads each page's text, in reading order as far as geometry tells it.
///
/// Glyphs are grouped into lines by baseline, lines run top to bottom and are separated by
/// `'\n'`, and within a line text runs left to right with words separated by one `' '` (a space
/// glyph or a gap wider than a fifth of the font size). `/ActualText` marked content replaces
/// the glyphs it wraps. Text is found through `ToUnicode` maps; simple fonts without one are
/// read as Latin-1. Form XObjects are entered; annotations and images are not.
///
/// Where lines run in two columns beside a gutter (at least 2.5 font sizes wide, free of ink
/// down eight lines or more), the left column's lines come first, then the right's, as
/// poppler's and pdfminer's layout analysis read them.
///
/// # Errors
///
/// [`Error::Read`] when the bytes are not a PDF, the PDF is encrypted, or it has no pages.
pub fn extract_text(pdf: &[u8]) -> Result<Vec<String>, Error> {
    read(pdf, false)
}

/// As [`extract_text`], but reading the glyphs themselves where `/ActualText` would replace
/// them, as the extractors that ignore it (mutool, pypdf, pdfminer.six, pdf.js) do: a
/// hyphenated word comes back as its two parts.
///
/// # Errors
///
/// As [`extract_text`].
pub fn extract_text_ignoring_actual_text(pdf: &[u8]) -> Result<Vec<String>, Error> {
    read(pdf, true)
}

fn read(pdf: &[u8], ignore_actual_text: bool) -> Result<Vec<String>, Error> {
    let document = Pdf::new(pdf.to_vec()).map_err(|e| Error::Read {
        reason: match e {
            LoadPdfError::Decryption(_) => "the pdf is encrypted",
            _ => "not a pdf file, or damaged beyond repair",
        },
    })?;
    let pages = document.pages();
    if pages.is_empty() {
        return Err(Error::Read {
            reason: "the pdf has no pages",
        });
    }
    Ok(pages
        .iter()
        .map(|page| {
            let mut interpreter = interp::Interpreter::new();
            interpreter.ignore_actual_text = ignore_actual_text;
            if let Some(content) = page.page_stream() {
                interpreter.run(content, page.resources(), 0);
            }
            lines::page_text(interpreter.finish())
        })
        .collect())
}
