//! The crate's one error type, shared by the writer ([`crate::pdf`]) and the reader
//! ([`crate::extract_text`]).
//!
//! Every way the display list can be unfit for serialisation is checked up front and reported
//! here, because krilla answers several of them (a destination on a missing page, a glyph's text
//! range outside its string) with a panic rather than an error.

/// Why a PDF could not be written or read.
///
/// Page and item numbers in messages and fields are 1-based, as a person counts them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A font file in [`vita_layout::Document::fonts`] is not a font krilla can parse.
    #[error("font '{name}' could not be read")]
    Font {
        /// The font's human-readable name.
        name: String,
    },
    /// A glyph run names a [`vita_layout::FontId`] that the document does not have.
    #[error("page {page}, item {item}: font #{font} is not one of the document's {count} fonts")]
    UnknownFont {
        /// 1-based page number.
        page: usize,
        /// 1-based item number on that page.
        item: usize,
        /// The font index the run asked for.
        font: usize,
        /// How many fonts the document has.
        count: usize,
    },
    /// A page's width or height is not a positive, finite number of points.
    #[error("page {page} has an invalid size of {width} × {height} pt")]
    PageSize {
        /// 1-based page number.
        page: usize,
        /// The width given.
        width: f32,
        /// The height given.
        height: f32,
    },
    /// An item's geometry or text cannot be expressed in PDF.
    #[error("page {page}, item {item}: {reason}")]
    Item {
        /// 1-based page number.
        page: usize,
        /// 1-based item number on that page.
        item: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An outline entry points at a page that does not exist or at a non-finite position.
    #[error("outline entry '{title}' points at page {page}, which the document does not have")]
    OutlineTarget {
        /// The entry's title.
        title: String,
        /// The 1-based page number it points at.
        page: usize,
    },
    /// The creation date lies outside the years a PDF date can hold (0 to 9999).
    #[error("creation date {seconds} s after the unix epoch is outside the years 0 to 9999")]
    CreationDate {
        /// The timestamp given.
        seconds: i64,
    },
    /// The document does not meet the standard asked for in [`crate::PdfOptions::standard`].
    #[error("the PDF does not meet {standard}: {}", problems.join("; "))]
    Standard {
        /// The standard's name ("PDF/UA-1").
        standard: &'static str,
        /// What is missing or not allowed, one sentence each.
        problems: Vec<String>,
    },
    /// An image's data could not be decoded (a damaged PNG or JPEG).
    #[error("image data could not be decoded: {reason}")]
    Image {
        /// The decoder's own words.
        reason: String,
    },
    /// krilla refused to finish the document.
    #[error("pdf could not be written: {message}")]
    Write {
        /// krilla's own message.
        message: String,
    },
    /// The bytes handed to [`crate::extract_text`] are not a PDF this crate can read.
    #[error("pdf could not be read: {reason}")]
    Read {
        /// What went wrong.
        reason: &'static str,
    },
}

impl Error {
    /// The stable code of this error.
    pub fn code(&self) -> vita_diagnostic::Code {
        match self {
            Error::Standard { .. } => vita_diagnostic::Code::PdfStandard,
            Error::Image { .. } => vita_diagnostic::Code::Photo,
            _ => vita_diagnostic::Code::PdfWrite,
        }
    }

    /// The error as a shared diagnostic (it has no place in a source file).
    pub fn diagnostic(&self) -> vita_diagnostic::Diagnostic {
        vita_diagnostic::Diagnostic::error(self.code(), self.to_string())
    }
}
