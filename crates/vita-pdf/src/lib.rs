//! vita-pdf: the PDF backend of Vita, and a small PDF text reader.
//!
//! [`pdf`] serialises a laid-out [`vita_layout::Document`] with krilla: fonts are embedded as
//! subsets, every glyph maps back to its text, links become URI annotations, the outline becomes
//! bookmarks and the metadata fills both the `/Info` dictionary and the XMP stream. The crate
//! decides nothing about the page: it does not measure text, choose fonts or break lines, it only
//! writes down what the display list says. The same document always gives the same bytes.
//!
//! [`extract_text`] reads text back out of a PDF (ours or anyone's simple enough), so that tests
//! and `vita check` can verify output without external tools.
#![deny(missing_docs)]

mod convert;
mod error;
mod extract;
mod fonts;
mod image;
mod link;
mod metadata;
mod outline;
mod rule;
mod standard;
mod tagging;
mod text;

pub use convert::pdf;
pub use error::Error;
pub use extract::{extract_text, extract_text_ignoring_actual_text};

/// Document-level choices for [`pdf`] that are not part of the display list.
///
/// Build it from `PdfOptions::default()` (tagged, no standard) so that options added later do
/// not break callers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write the structure tree (tagged PDF: headings, paragraphs, lists, tables, links and
    /// the photo for screen readers, page furniture as artifacts). On by default.
    pub tagged: bool,
    /// A standard krilla validates the document against (tagging is then always on); the
    /// build fails with [`Error::Standard`] naming what the document lacks.
    pub standard: Option<Standard>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            tagged: true,
            standard: None,
        }
    }
}

/// A PDF standard to conform to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/UA-1: universal accessibility (tagged, titled, every image and link described).
    PdfUa1,
    /// PDF/A-2b: archival, visual appearance preserved.
    PdfA2b,
    /// PDF/A-3b: as PDF/A-2b, allowing embedded files.
    PdfA3b,
}

impl Standard {
    /// The name people know it by ("PDF/UA-1").
    pub fn name(self) -> &'static str {
        match self {
            Standard::PdfUa1 => "PDF/UA-1",
            Standard::PdfA2b => "PDF/A-2b",
            Standard::PdfA3b => "PDF/A-3b",
        }
    }
}
