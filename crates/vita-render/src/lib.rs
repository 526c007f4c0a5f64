//! Vita's outputs besides the PDF.
//!
//! Pictures are drawn from the display list the PDF is written from, with the same fonts,
//! glyph positions and synthetic styles: [`png`] rasterises each page with vello_cpu, [`svg`]
//! writes each page's glyph outlines. [`text`] writes what a text extractor reads, from the
//! display list, without layout artefacts.
//!
//! Until November 2026 pictures were drawn from the PDF's bytes with hayro, a whole PDF
//! interpreter (3.4 MB of the binary, docs/performance.md). The display list is what the PDF
//! holds; that the two agree is checked, not assumed: a test renders the seed résumé both
//! ways and compares the pixels, and `tests/pictures-and-preview.sh` compares the PNG pages
//! with pdftoppm's rendering of the PDF.

mod images;
mod outlines;
pub mod png;
pub mod svg;
pub mod text;

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A font of the document cannot be read (the PDF writer would have refused it too).
    #[error("the font {0} cannot be read")]
    Font(String),
    /// The page is larger than a picture can be at this resolution.
    #[error("page {page} would be {width}×{height} pixels at {dpi} dpi; choose a lower --dpi")]
    TooLarge {
        /// One-based page number.
        page: usize,
        /// Width in pixels.
        width: f32,
        /// Height in pixels.
        height: f32,
        /// The resolution asked for.
        dpi: f32,
    },
    /// PNG encoding failed.
    #[error("the picture of page {0} could not be encoded as PNG")]
    Encode(usize),
}

impl RenderError {
    /// The error as the shared diagnostic: a picture too large for its resolution is the
    /// resolution's fault (`V0010`, with the remedy as a hint); the others are outputs that
    /// cannot be made (`V0012`).
    pub fn diagnostic(&self) -> vita_layout::Diagnostic {
        use vita_layout::{Code, Diagnostic};
        match self {
            RenderError::TooLarge {
                page,
                width,
                height,
                dpi,
            } => Diagnostic::error(
                Code::FlagValue,
                format!("page {page} would be {width}×{height} pixels at {dpi} dpi"),
            )
            .with_hint("choose a lower --dpi"),
            other => Diagnostic::error(Code::Unwritable, other.to_string()),
        }
    }
}
