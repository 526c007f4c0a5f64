//! The résumé document model: a typed tree that every front-end produces and layout consumes.
//!
//! It knows nothing about fonts or geometry. Every node that came from a source file keeps the
//! byte [`Span`] it was read from, so later stages can point diagnostics at the right line.

use std::ops::Range;

/// A byte range in the source file.
pub type Span = Range<usize>;

/// A whole résumé.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resume {
    /// Name, headline and contact items.
    pub header: Header,
    /// The `##` sections in source order.
    pub sections: Vec<Section>,
    /// Settings read from front matter that are not part of the header.
    pub settings: Settings,
}

/// The top of the résumé.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// The person's name; `None` when the source has none (a warning, not an error).
    pub name: Option<Text>,
    /// Headline lines under the name ("Staff Engineer · Distributed systems").
    pub headline: Vec<Text>,
    /// Contact items in source order.
    pub contacts: Vec<Contact>,
    /// A portrait photo, when the source has a local image in the header or first section
    /// (and front matter does not say `photo = false`).
    pub photo: Option<Photo>,
}

/// A local image file used as the résumé's photo.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// The file as written in the source, relative to the résumé's folder. The reader only
    /// accepts relative paths that stay inside that folder (no `..`, no absolute paths, no
    /// URLs); whoever reads the file resolves it against the folder.
    pub path: std::path::PathBuf,
    /// The image's alternative text.
    pub alt: String,
    /// Where the image was read from.
    pub span: Span,
}

/// One contact item (email, phone, web link, place, or free text).
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// What kind of item it is.
    pub kind: ContactKind,
    /// The text to show ("ada@example.com", "github.com/ada").
    pub text: String,
    /// Link target (`mailto:`, `tel:`, `https://`), if it is a link.
    pub url: Option<String>,
    /// Where it was read from.
    pub span: Span,
}

/// The kind of a [`Contact`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// A web link.
    Url,
    /// A place ("Berlin, Germany").
    Location,
    /// Anything else.
    Other,
}

/// A `##` section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// The section title as written.
    pub title: Text,
    /// Its content in source order.
    pub blocks: Vec<Block>,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where the heading was read from.
    pub span: Span,
}

/// A block of section or entry content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A `###` entry (a job, a degree, a project).
    Entry(Entry),
    /// A paragraph of running text.
    Paragraph(Paragraph),
    /// A bulleted or numbered list.
    List(List),
    /// Consecutive `**Key:** value` rows, to be set with aligned values.
    Fields(Vec<Field>),
    /// A line split by a TAB into a left and a right part (e.g. a degree and its dates).
    Split(SplitLine),
    /// A GFM table that is neither a two-column key–value table (read as [`Block::Fields`])
    /// nor a table of contact items in the header (read as [`Header::contacts`]).
    ///
    /// ```markdown
    /// | Language | Level  | Years |
    /// |----------|--------|-------|
    /// | Rust     | Expert | 6     |
    /// ```
    Table(Table),
    /// A page-break hint written by the author: `\newpage` alone on a line, or an HTML block
    /// such as `<div class="pagebreak"></div>` or `<div style="page-break-before: always">`.
    ///
    /// It is a hint: the page builder may honour it by starting a new page at this point. A
    /// hint written right before a heading ends the section (or entry) above it and is lifted
    /// out of an entry's body to the section's level. It carries no text and no tags; tag
    /// selection always keeps it.
    PageBreak,
    /// A code block (fenced with ```` ``` ```` or `~~~`, or indented), kept as written: its
    /// lines, spaces and punctuation are the author's, never read as rows, dates or a name.
    Code(CodeBlock),
}

/// A block of code or preformatted text, set line for line in a monospaced face.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodeBlock {
    /// The lines as written (tabs and runs of spaces kept, trailing spaces and blank lines at
    /// either end dropped): one code-styled run per non-empty line, with a `"\n"` run after
    /// every line but the last, so a blank line is two `"\n"` runs in a row.
    pub text: Text,
    /// The fence's info string (`yaml`, `text`), if any.
    pub info: Option<String>,
    /// Where it was read from.
    pub span: Span,
}

/// A table of rich-text cells, row by row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The header row's cells; empty when the source's header row has no text (GFM requires a
    /// header row, so authors who want none leave it blank).
    pub header: Vec<Text>,
    /// The body rows. Every row has as many cells as the table has columns (GFM pads short
    /// rows with empty cells and cuts long ones).
    pub rows: Vec<Vec<Text>>,
    /// Tags from `<!-- tags: a, b -->` comments in any cell (lower case, in source order);
    /// empty when untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where the table was read from.
    pub span: Span,
}

/// A paragraph of rich text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// The text.
    pub text: Text,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where it was read from.
    pub span: Span,
}

/// A line with a left part and a right-aligned part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SplitLine {
    /// Text set flush left.
    pub left: Text,
    /// Text set flush right (often dates).
    pub right: Text,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where it was read from.
    pub span: Span,
}

/// An entry: a heading with recognised fields, meta lines, and a body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The role, degree or project name.
    pub title: Text,
    /// The organisation (company, school), if recognised.
    pub organization: Option<Text>,
    /// The place ("San Francisco, CA", "Remote"), if recognised.
    pub place: Option<Text>,
    /// The dates, if recognised.
    pub dates: Option<Dates>,
    /// Meta lines that are neither place nor dates nor the organisation, in source order.
    pub details: Vec<Text>,
    /// Paragraphs, lists, field rows that follow the meta lines.
    pub body: Vec<Block>,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where the `###` heading was read from.
    pub span: Span,
}

/// A recognised date or date range, kept as written for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Dates {
    /// The text as written ("Jun 2021 – Present").
    pub text: String,
    /// The start of the range (or the single date).
    pub start: Date,
    /// The end of the range; `None` for a single date.
    pub end: Option<DateEnd>,
    /// Where it was read from.
    pub span: Span,
}

/// A calendar date as precise as the source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1–12, when given.
    pub month: Option<u8>,
}

/// The end of a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEnd {
    /// A fixed date.
    Date(Date),
    /// Ongoing: "Present", "Current", "Now".
    Present,
    /// Written in words Vita does not read yet: another language's month or "present"
    /// ("Sep 2021 – Ene 2022", "Jun 2024 – Presente"). The range is shown exactly as written
    /// ([`Dates::text`]) whatever date format the layout asks for.
    Unread,
}

/// A list, possibly nested.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    /// `Some(n)` for a numbered list starting at n, `None` for bullets.
    pub start: Option<u64>,
    /// The items.
    pub items: Vec<ListItem>,
    /// Where it was read from.
    pub span: Span,
}

/// One list item: its text, then any nested blocks (sub-lists, further paragraphs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListItem {
    /// The item's first paragraph.
    pub text: Text,
    /// Nested content after the first paragraph.
    pub children: Vec<Block>,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where it was read from.
    pub span: Span,
}

/// A key–value row (`**Languages:** Python, Rust`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Field {
    /// The key without its colon ("Languages").
    pub key: Text,
    /// The value.
    pub value: Text,
    /// Tags from a `<!-- tags: a, b -->` comment (lower case, in source order); empty when
    /// untagged. Untagged content is in every variant; see [`crate::Selection`].
    pub tags: Vec<String>,
    /// Where it was read from.
    pub span: Span,
}

/// Rich text: a sequence of styled runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// The runs in order. A hard line break is a run whose text is `"\n"`.
    pub runs: Vec<Run>,
}

impl Text {
    /// Plain text of all runs, concatenated.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// True when there is no visible text.
    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.text.trim().is_empty())
    }

    /// Text made of one unstyled run.
    pub fn plain_run(text: impl Into<String>, span: Span) -> Self {
        Text {
            runs: vec![Run {
                text: text.into(),
                style: Style::default(),
                link: None,
                span,
            }],
        }
    }
}

/// A stretch of text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The characters.
    pub text: String,
    /// Bold, italic, code.
    pub style: Style,
    /// Link target if the run is (part of) a link.
    pub link: Option<String>,
    /// Where it was read from (may cover markup around the text).
    pub span: Span,
}

/// Inline style flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Style {
    /// `**strong**`.
    pub strong: bool,
    /// `*emphasis*`.
    pub emphasis: bool,
    /// `` `code` ``.
    pub code: bool,
}

/// Settings from front matter that steer the build rather than the content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Layout name or path (`layout = "classic"`).
    pub layout: Option<String>,
    /// Language tag for hyphenation and metadata (`lang = "en"`).
    pub lang: Option<String>,
    /// Maximum page count (`pages = 1`).
    pub pages: Option<u32>,
    /// Keywords for the PDF metadata.
    pub keywords: Vec<String>,
    /// User hyphenation exceptions, e.g. `"mi-cro-ser-vice"`.
    pub hyphenation: Vec<String>,
    /// The address relative links are resolved against (`base_url = "https://ada.dev/"`),
    /// always ending with `/`. Links are resolved while the file is read; without it, a
    /// relative link keeps its text and loses its target (a warning).
    pub base_url: Option<String>,
}
