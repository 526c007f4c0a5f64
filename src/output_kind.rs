//! The kinds of file a build can write (PDF, PNG, SVG, plain text) and the names that pick
//! them. Kept apart from `formats` (which renders and writes them) so that the manifest parser,
//! which the manifest fuzz target includes on its own, needs nothing else.

use std::path::Path;

/// A kind of output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The PDF.
    Pdf,
    /// A PNG picture per page.
    Png,
    /// An SVG picture per page.
    Svg,
    /// The plain text, in reading order.
    Txt,
}

/// The names a manifest's `format` list takes, with their kinds.
pub const NAMES: [(&str, Kind); 4] = [
    ("pdf", Kind::Pdf),
    ("png", Kind::Png),
    ("svg", Kind::Svg),
    ("txt", Kind::Txt),
];

impl Kind {
    /// The kind named `name` (`pdf`, `png`, `svg`, `txt`).
    pub fn named(name: &str) -> Option<Kind> {
        NAMES.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// The kind a path's extension asks for; a PDF for any other extension.
    pub fn of_path(path: &Path) -> Kind {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Kind::named(&ext.to_ascii_lowercase()).unwrap_or(Kind::Pdf)
    }

    /// The file extension of this kind.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Png => "png",
            Kind::Svg => "svg",
            Kind::Txt => "txt",
        }
    }
}
