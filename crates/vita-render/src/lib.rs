//! Vita's outputs besides the PDF.
//!
//! Pictures are drawn from the PDF's bytes, never from the display list, so that a picture
//! cannot show anything the PDF does not: [`png`] rasterises each page with hayro, [`svg`]
//! converts each page with hayro-svg. [`text`] writes what a text extractor reads, from the
//! display list, without layout artefacts.

pub mod png;
pub mod svg;
pub mod text;

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The PDF could not be parsed.
    #[error("the PDF cannot be read: {0}")]
    Pdf(String),
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

/// Parses PDF bytes with hayro's parser.
fn open(pdf: &[u8]) -> Result<hayro::hayro_syntax::Pdf, RenderError> {
    hayro::hayro_syntax::Pdf::new(pdf.to_vec()).map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

/// Interpreter settings for Vita's PDFs: every font is embedded, so no font is ever looked up.
fn interpreter() -> hayro::hayro_interpret::InterpreterSettings {
    hayro::hayro_interpret::InterpreterSettings::default()
}
