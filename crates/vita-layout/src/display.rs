//! The display list: laid-out pages as plain data, the seam between layout and any backend.
//!
//! Everything here is already decided: glyphs are shaped and positioned, lines are broken,
//! pages are cut. A backend (PDF, PNG preview, plain text) only walks these items. Units are
//! PostScript points; the origin is the page's top-left corner and y grows downwards.

use std::ops::Range;
use std::sync::Arc;

/// Raw bytes of a font file, shared between the layout engine and backends without copying.
pub type FontBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A laid-out document: pages plus what a reader needs besides the ink.
#[derive(Debug, Clone)]
pub struct Document {
    /// The pages in reading order.
    pub pages: Vec<Page>,
    /// Every font a glyph run refers to, indexed by [`FontId`].
    pub fonts: Vec<FontData>,
    /// Bookmarks, one per section, in document order.
    pub outline: Vec<OutlineEntry>,
    /// Document information (title, author, keywords, language, date).
    pub metadata: Metadata,
    /// The logical structure (headings, paragraphs, lists) pointing at page items, for tagging,
    /// followed by [`StructKind::Artifact`] roots for page furniture. An item no node points
    /// at is drawn as ordinary content.
    pub structure: Vec<StructNode>,
}

/// One font file used by the document.
#[derive(Clone)]
pub struct FontData {
    /// A human-readable name ("Charis SIL Bold"), for reports.
    pub name: String,
    /// The font file's bytes.
    pub data: FontBytes,
    /// The face index inside a collection (0 for a plain TTF/OTF).
    pub index: u32,
    /// A variable font's instance: axis tags and values (`wght` 700); empty for a static font.
    pub variations: Vec<([u8; 4], f32)>,
    /// Draw the glyphs slanted: the family has no italic and this upright face stands in.
    pub synthetic_italic: bool,
    /// Draw the glyphs thickened: the family has no bold and this face stands in.
    pub synthetic_bold: bool,
}

impl std::fmt::Debug for FontData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontData")
            .field("name", &self.name)
            .field("len", &(*self.data).as_ref().len())
            .field("index", &self.index)
            .field("variations", &self.variations)
            .field("synthetic_italic", &self.synthetic_italic)
            .field("synthetic_bold", &self.synthetic_bold)
            .finish()
    }
}

/// Index into [`Document::fonts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub usize);

/// One page: its size and the items drawn on it, in drawing (and reading) order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// What is drawn, in order.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of shaped glyphs in one font, size and colour.
    Text(GlyphRun),
    /// A filled rectangle (rules under section titles, bullets drawn as shapes).
    Rule(Rule),
    /// A clickable area pointing at a URL.
    Link(LinkArea),
    /// A raster image (the résumé's photo).
    Image(Image),
}

/// A raster image scaled into a rectangle.
#[derive(Clone)]
pub struct Image {
    /// Where it is drawn.
    pub rect: Rect,
    /// The encoded file (PNG or JPEG), shared without copying.
    pub data: FontBytes,
    /// How `data` is encoded.
    pub format: ImageFormat,
    /// Alternative text for readers that cannot see it.
    pub alt: String,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("rect", &self.rect)
            .field("len", &(*self.data).as_ref().len())
            .field("format", &self.format)
            .field("alt", &self.alt)
            .finish()
    }
}

impl PartialEq for Image {
    fn eq(&self, other: &Self) -> bool {
        self.rect == other.rect
            && self.format == other.format
            && self.alt == other.alt
            && (*self.data).as_ref() == (*other.data).as_ref()
    }
}

/// Encodings of [`Image::data`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Portable Network Graphics.
    Png,
    /// JPEG (baseline or progressive).
    Jpeg,
}

/// A run of glyphs sharing font, size and colour, set on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The font of every glyph in the run.
    pub font: FontId,
    /// Font size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Color,
    /// Left end of the baseline, in page coordinates.
    pub origin: Point,
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs represent; each glyph's `text` range indexes into it.
    pub text: String,
    /// Text that replaces the run for extraction (e.g. a whole word for a hyphenated half);
    /// `Some("")` marks the run as contributing no text.
    pub actual_text: Option<String>,
    /// Byte range in the source file this run came from, when known (for diagnostics).
    pub source: Option<Range<usize>>,
}

impl GlyphRun {
    /// Total advance width of the run in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// One positioned glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Horizontal advance in points (already includes kerning and justification).
    pub advance: f32,
    /// Horizontal offset from the pen position, in points.
    pub x_offset: f32,
    /// Vertical offset from the baseline, in points, positive upwards.
    pub y_offset: f32,
    /// The byte range of [`GlyphRun::text`] this glyph stands for (several bytes for a ligature).
    pub text: Range<usize>,
}

/// A filled axis-aligned rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The rectangle.
    pub rect: Rect,
    /// Fill colour.
    pub color: Color,
}

/// A link annotation area.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    /// The clickable rectangle.
    pub rect: Rect,
    /// Where it points (`https://…`, `mailto:…`, `tel:…`).
    pub url: String,
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// The text shown in the reader's sidebar.
    pub title: String,
    /// Nesting depth, 1 for top level.
    pub level: u8,
    /// Zero-based page index of the target.
    pub page: usize,
    /// Target position (top of the heading) on that page.
    pub at: Point,
}

/// Document information for the PDF's metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Document title, e.g. "Ada Lovelace — Résumé".
    pub title: Option<String>,
    /// The author's name.
    pub author: Option<String>,
    /// A one-line subject (the headline).
    pub subject: Option<String>,
    /// Keywords for search.
    pub keywords: Vec<String>,
    /// BCP 47 language tag of the content, e.g. "en".
    pub language: Option<String>,
    /// Creation date as seconds since the Unix epoch; `None` writes no date at all.
    pub creation_date: Option<i64>,
}

/// A node of the logical structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct StructNode {
    /// What the node is.
    pub kind: StructKind,
    /// Its children, in reading order.
    pub children: Vec<StructChild>,
}

/// The role of a structure node, mirroring the PDF/UA standard structure types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructKind {
    /// A heading; 1 is the name, 2 a section title, 3 an entry title.
    Heading(u8),
    /// A paragraph (including entry meta lines and key–value rows).
    Paragraph,
    /// A list.
    List,
    /// One item of a list.
    ListItem,
    /// The bullet or number of a list item.
    Label,
    /// The body of a list item.
    ListBody,
    /// A grouping of related content (a section or an entry).
    Section,
    /// An illustration (the photo); its alternative text is on the image item.
    Figure,
    /// A table.
    Table,
    /// A row of a table.
    TableRow,
    /// A header cell (it heads its column).
    TableHeader,
    /// A data cell.
    TableCell,
    /// A link: its text runs and its clickable area (whose URL it carries).
    Link,
    /// Page furniture (footers, rules): not part of the résumé's content. A backend marks it
    /// as such and keeps its text out of extraction (the PDF backend draws it as outlines).
    /// Only ever a root of [`Document::structure`].
    Artifact,
}

/// A child of a structure node: a nested node or a page item.
#[derive(Debug, Clone, PartialEq)]
pub enum StructChild {
    /// A nested node.
    Node(StructNode),
    /// An item on a page: `(page index, item index)`.
    Item(usize, usize),
}

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Color {
    /// Black.
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0 };
    /// White.
    pub const WHITE: Color = Color {
        r: 255,
        g: 255,
        b: 255,
    };
}

/// A point in page coordinates (points, y down).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Distance from the left edge.
    pub x: f32,
    /// Distance from the top edge.
    pub y: f32,
}

/// An axis-aligned rectangle in page coordinates (y down).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}
