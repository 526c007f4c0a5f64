//! vita-model: the résumé document model and its front-ends.
//!
//! [`parse_markdown`] reads a Markdown résumé (with optional TOML `+++` or YAML `---` front
//! matter) into a [`Resume`]: header, sections, entries with recognised title, organisation,
//! place and dates, lists, key–value rows. Markdown itself never fails to parse; only front
//! matter can produce an [`Error`]. Everything odd but readable becomes a [`Warning`].
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
mod markdown;
mod resume;
mod suggest;

pub use diagnostic::{Error, ErrorKind, Warning, line_at, line_col};
pub use resume::*;
pub use suggest::closest;

/// A parsed résumé with the warnings collected while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The document.
    pub resume: Resume,
    /// Everything suspicious that did not stop the read, in source order.
    pub warnings: Vec<Warning>,
}

/// Reads a Markdown résumé. Fails only on malformed front matter.
pub fn parse_markdown(source: &str) -> Result<Parsed, Error> {
    markdown::parse(source)
}
