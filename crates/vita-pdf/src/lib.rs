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
mod text;

pub use convert::pdf;
pub use error::Error;
pub use extract::extract_text;

/// Document-level choices for [`pdf`] that are not part of the display list.
///
/// There are none yet; build it with `PdfOptions::default()` so that options added later
/// (tagged output, PDF/A) do not break callers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {}
