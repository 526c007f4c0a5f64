//! vita-layout: typesetting a [`vita_model::Resume`] into pages.
//!
//! The main types are [`FontBook`] (the bundled fonts, parsed once and shared), [`Layout`] (a
//! TOML theme: page, fonts, colours, how each résumé element is arranged) and [`Document`] (the
//! display list: pages of positioned glyph runs, rules and links, plus outline, metadata and
//! logical structure). [`layout`] turns the first two and a résumé into the third; a backend
//! such as `vita-pdf` only serialises it.
//!
//! ```
//! use vita_layout::{FontBook, Layout, LayoutOptions};
//! let parsed = vita_model::parse_markdown("# Ada Lovelace\n\n## Work\n\nWrote the first program.\n").unwrap();
//! let book = FontBook::bundled();
//! let classic = Layout::builtin("classic").unwrap();
//! let laid = vita_layout::layout(&parsed.resume, &classic, &book, &LayoutOptions::default()).unwrap();
//! assert_eq!(laid.document.pages.len(), 1);
//! assert_eq!(laid.document.metadata.title.as_deref(), Some("Ada Lovelace — Résumé"));
//! ```

#![deny(missing_docs)]

mod display;
mod flow;
mod font;
pub mod icons;
pub mod inline;
mod outside;

pub use inline::LineFigures;
mod theme;

pub use display::*;
pub use flow::{
    Fit, FitError, Fitted, Knob, LetterOptions, family_hint, fit, keywords_of as keywords, layout,
    layout_letter, letter_date, settle,
};
pub use font::{
    AxisValue, FaceId, Family, FamilyError, FamilyInfo, FamilySource, FontBook, Synthesis, Variant,
    bundled_file,
};
pub use outside::{Outside, outside_text_area};
pub use vita_diagnostic::{Code, Diagnostic};

pub use theme::{
    Algorithm, Align, Arrangement, Colors, DateFormat, EntryStyle, Fill, FontStyle, HeaderStyle,
    Layout, Length, ListStyle, PageSize, PageStyle, ParagraphStyle, SectionStyle, Side,
    SidebarStyle, TitleCase, parse_color, value_span,
};

/// Options for one layout run that are not part of the layout file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutOptions {
    /// Creation date for the metadata, as seconds since the Unix epoch (from
    /// `SOURCE_DATE_EPOCH`); `None` records no date.
    pub creation_date: Option<i64>,
    /// The photo's file, read by the caller (layout reads no files); placed in the header.
    pub photo: Option<PhotoData>,
}

/// An image file ready to place: its bytes, encoding and size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoData {
    /// The encoded image.
    pub image: Image,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The result of a layout run.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The pages and everything a backend needs.
    pub document: Document,
    /// Things the reader should know (overfull lines, missing glyphs), as warnings placed in
    /// the résumé's source text.
    pub warnings: Vec<Diagnostic>,
    /// Characters no available font has (they show as boxes), once each, in order of first
    /// use, at most [`MAX_MISSING_GLYPHS`].
    pub missing_glyphs: Vec<char>,
    /// How every line of running text was set, in reading order, for reports.
    pub lines: Vec<LineReport>,
}

/// The line breaker's figures for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineReport {
    /// Zero-based page index.
    pub page: usize,
    /// The line's text.
    pub text: String,
    /// Adjustment ratio of its glue (positive stretched, negative shrunk).
    pub ratio: f32,
    /// TeX badness (10001 when overfull).
    pub badness: i64,
    /// TeX's fitness class of the line.
    pub fitness: Fitness,
    /// Ends with an inserted hyphen or after an explicit one.
    pub hyphenated: bool,
    /// How far the line sticks out past the measure, in points.
    pub overfull: f32,
    /// Total demerits of its paragraph.
    pub paragraph_demerits: i64,
    /// The breaker pass that set its paragraph (1–4).
    pub pass: u8,
    /// Justified (spaces carry the ratio) or ragged (the line end does).
    pub justified: bool,
}

/// TeX's fitness classes: how far a line's spaces are stretched or shrunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fitness {
    /// Stretched, badness over 99.
    VeryLoose,
    /// Stretched, badness 13 to 99.
    Loose,
    /// Badness 12 or less, stretched or shrunk.
    Decent,
    /// Shrunk, badness 13 or more.
    Tight,
}

impl Fitness {
    /// The class from the line breaker's number (0 very loose … 3 tight).
    pub fn from_class(class: u8) -> Fitness {
        match class {
            0 => Fitness::VeryLoose,
            1 => Fitness::Loose,
            3 => Fitness::Tight,
            _ => Fitness::Decent,
        }
    }

    /// The class in words, as reports print it: "very loose", "loose", "decent", "tight".
    pub fn as_str(self) -> &'static str {
        match self {
            Fitness::VeryLoose => "very loose",
            Fitness::Loose => "loose",
            Fitness::Decent => "decent",
            Fitness::Tight => "tight",
        }
    }
}

/// Most characters listed in [`Laid::missing_glyphs`]: a résumé in a script the fonts lack
/// would otherwise list thousands.
pub const MAX_MISSING_GLYPHS: usize = 50;
