//! vita-model: the résumé document model and its front-ends.
//!
//! [`parse_markdown`] reads a Markdown résumé (with optional TOML `+++` or YAML `---` front
//! matter) into a [`Resume`]: header, sections, entries with recognised title, organisation,
//! place and dates, lists, key–value rows. Markdown itself never fails to parse; only front
//! matter can produce an error. Everything odd but readable becomes a warning. Both are the
//! shared [`Diagnostic`] every Vita crate reports (a stable [`Code`], a message, a byte range
//! into the source, hints), so a caller handles them as it handles layout or PDF problems.
//!
//! Elements can be tagged with `<!-- tags: … -->` comments; [`select`] keeps the part of a
//! résumé that a [`TagExpr`] asks for (one source, many variants), and [`apply_overrides`]
//! sets front-matter fields from outside the file (a manifest's `set` table).
//!
//! ```
//! let src = "# Ada Lovelace\nada@example.com\n\n## Experience\n\n### Analyst | Babbage & Co | 1842 – 1843\n\n- Wrote the first program.\n";
//! let parsed = vita_model::parse_markdown(src).unwrap();
//! assert_eq!(parsed.resume.header.name.unwrap().plain(), "Ada Lovelace");
//! let vita_model::Block::Entry(job) = &parsed.resume.sections[0].blocks[0] else { panic!() };
//! assert_eq!(job.title.plain(), "Analyst");
//! assert_eq!(job.dates.as_ref().unwrap().text, "1842 – 1843");
//! ```

#![deny(missing_docs)]

mod diagnostic;
pub mod icons;
mod json_resume;
mod lang;
mod letter;
mod markdown;
mod resume;
mod select;
mod suggest;
mod toml_keys;

pub use diagnostic::{Code, Diagnostic, Severity, line_at, line_col};
pub use lang::{Direction, Language};
pub use letter::{Day, DocumentKind, Letter, LetterDate, ParsedLetter, Placeholder, Signature};
/// Front matter as its JSON Schema describes it (with the `schema` feature).
#[cfg(feature = "schema")]
pub use markdown::front_matter::schema::FrontMatter as FrontMatterSchema;
pub use markdown::{FieldOverride, FieldValue, apply_overrides, is_front_matter_key};
pub use resume::*;
pub use select::{Selection, TagExpr, UnknownTag, select, tags_in};
pub use suggest::closest;
pub use toml_keys::earlier_definition;

/// `text` with GitHub's emoji shortcodes (`:office:`, `:link:`) replaced by their emoji, as
/// the Markdown reader does outside code; unknown `:words:` and addresses are left as written.
///
/// ```
/// assert_eq!(vita_model::emoji_shortcodes(":office: Acme :nope:"), "🏢 Acme :nope:");
/// ```
pub fn emoji_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    markdown::emoji_shortcodes(text)
}

/// A parsed résumé with the warnings collected while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The document.
    pub resume: Resume,
    /// Everything suspicious that did not stop the read, in source order.
    pub warnings: Vec<Diagnostic>,
    /// Text its author hid, in source order: inside HTML whose inline style makes it invisible
    /// (white or transparent colour, `font-size` below 4px, `display: none`,
    /// `visibility: hidden`, `opacity: 0`) or that has the `hidden` attribute. Hidden text is
    /// never put into the [`Resume`]; each span covers the hidden text (or, where the source
    /// cannot be mapped exactly, the HTML block holding it) and also has a warning. Hidden
    /// text in a résumé is usually keyword stuffing for applicant tracking systems, so `vita
    /// check` fails when this is not empty.
    pub hidden: Vec<Span>,
    /// Source text the reader knowingly leaves out, in source order (JSON Resume keys it does
    /// not know); each key is named by a warning, so nothing vanishes unannounced.
    pub left_out: Vec<Span>,
}

/// Reads a Markdown résumé. Fails only on malformed front matter.
pub fn parse_markdown(source: &str) -> Result<Parsed, Diagnostic> {
    markdown::parse(source)
}

/// What the front matter of a Markdown file says it is: a résumé (also when it says nothing,
/// or its front matter does not read) or a cover letter (`kind = "letter"`).
///
/// ```
/// use vita_model::{DocumentKind, document_kind};
/// assert_eq!(document_kind("+++\nkind = \"letter\"\n+++\nDear Jo,\n"), DocumentKind::Letter);
/// assert_eq!(document_kind("# Ada Lovelace\n"), DocumentKind::Resume);
/// ```
pub fn document_kind(source: &str) -> DocumentKind {
    markdown::document_kind(source)
}

/// Reads a Markdown cover letter (see [`Letter`]). Fails only on malformed front matter.
///
/// ```
/// let src = "+++\nkind = \"letter\"\nname = \"Ada Lovelace\"\nsubject = \"Application\"\n+++\nI write to apply.\n";
/// let letter = vita_model::parse_letter(src).unwrap().letter;
/// assert_eq!(letter.subject.unwrap().plain(), "Application");
/// assert_eq!(letter.body.len(), 1);
/// ```
pub fn parse_letter(source: &str) -> Result<ParsedLetter, Diagnostic> {
    markdown::parse_letter(source)
}

/// Reads a [JSON Resume](https://jsonresume.org/schema) file (schema v1, plus the older key
/// names `company`, `website`, `picture` and `gpa`) into the same [`Resume`] as Markdown.
///
/// `basics` becomes the header (name, `label` as headline, email, phone, url, location and
/// profiles as contacts) and its `summary` a first section "Summary"; the other top-level
/// keys become sections in the order the file lists them. ISO dates (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`) are shown as "Jun 2021" or "2021", and a missing `endDate` reads "Present".
/// Unknown keys are ignored (a near miss of a known key is a warning). In text values a
/// blank line starts a paragraph, a single line break stays one, and lines written as bullets
/// (`- `, `* `, `• `) are a list; a skill with keywords but no name is no row with an empty key.
///
/// Fails with [`Code::JsonSyntax`] when the file is not JSON and with
/// [`Code::JsonField`] when a known field holds something unreadable (an object where
/// text is expected); the error's range points into `source`, so [`line_col`] gives its line
/// and column. A string where a list is expected is read as a one-item list.
///
/// ```
/// let src = r#"{"basics": {"name": "Ada Lovelace"},
///   "work": [{"name": "Babbage & Co", "position": "Analyst", "startDate": "1842-06"}]}"#;
/// let parsed = vita_model::parse_json_resume(src).unwrap();
/// assert_eq!(parsed.resume.header.name.unwrap().plain(), "Ada Lovelace");
/// let vita_model::Block::Entry(job) = &parsed.resume.sections[0].blocks[0] else { panic!() };
/// assert_eq!(job.title.plain(), "Analyst");
/// assert_eq!(job.dates.as_ref().unwrap().text, "Jun 1842 – Present");
///
/// let err = vita_model::parse_json_resume("{\n  \"basics\": {,\n}").unwrap_err();
/// assert_eq!(err.code, vita_model::Code::JsonSyntax);
/// assert_eq!(vita_model::line_col("{\n  \"basics\": {,\n}", err.range().unwrap().start), (2, 14));
/// ```
pub fn parse_json_resume(source: &str) -> Result<Parsed, Diagnostic> {
    json_resume::parse(source)
}
