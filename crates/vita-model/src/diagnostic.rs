//! Errors and warnings from reading a source file, each pointing at a byte span, and their
//! conversion into the shared [`Diagnostic`].
//!
//! The library only says what is wrong and where; the CLI decides the wording around it
//! (file name, line excerpt, colours).

pub use vita_diagnostic::{Code, Diagnostic};

use crate::Span;

/// A problem that stops the résumé from being read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// What went wrong, lowercase, quoting the input where useful.
    pub message: String,
    /// Where in the source file.
    pub span: Span,
    /// What the user can do about it.
    pub hint: Option<String>,
    /// What kind of problem it is.
    pub kind: ErrorKind,
}

/// The kind of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The TOML front matter does not parse.
    FrontMatterSyntax,
    /// A front-matter field has the wrong type or an unknown name.
    FrontMatterField,
    /// A tag expression (`backend,!frontend`) does not parse; the span is into the expression.
    TagExpression,
    /// A JSON Resume file is not valid JSON (the span points at the offending character).
    JsonSyntax,
    /// A JSON Resume field has a type that cannot be read (an object where text is expected).
    JsonField,
    /// A cover letter's `{name}` placeholder has no value (the span covers it, braces included).
    Placeholder,
}

impl ErrorKind {
    /// The stable code of errors of this kind.
    pub fn code(self) -> Code {
        match self {
            ErrorKind::FrontMatterSyntax => Code::FrontMatterSyntax,
            ErrorKind::FrontMatterField => Code::FrontMatterField,
            ErrorKind::TagExpression => Code::TagExpression,
            ErrorKind::JsonSyntax => Code::JsonSyntax,
            ErrorKind::JsonField => Code::JsonField,
            ErrorKind::Placeholder => Code::Placeholder,
        }
    }
}

impl Error {
    /// The error as a shared diagnostic, placed in the text that was read.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error(self.kind.code(), self.message.clone())
            .at(self.span.clone())
            .with_hint_maybe(self.hint.clone())
    }
}

impl Error {
    /// The error as a shared diagnostic, with the related places `source` (the text that was
    /// read) shows: a front-matter key or table defined twice points at its first definition.
    pub fn diagnostic_in(&self, source: &str) -> Diagnostic {
        let d = self.diagnostic();
        match self.kind {
            ErrorKind::FrontMatterSyntax => {
                match crate::earlier_definition(source, self.span.clone()) {
                    Some(first) => d.related(first, "first set here"),
                    None => d,
                }
            }
            _ => d,
        }
    }
}

impl From<Error> for Diagnostic {
    fn from(e: Error) -> Diagnostic {
        e.diagnostic()
    }
}

/// Something suspicious that does not stop the build.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// What kind of problem it is.
    pub code: Code,
    /// What is suspicious.
    pub message: String,
    /// Where in the source file.
    pub span: Span,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Warning {
    /// The warning as a shared diagnostic, placed in the text that was read.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::warning(self.code, self.message.clone())
            .at(self.span.clone())
            .with_hint_maybe(self.hint.clone())
    }
}

/// One-based line and column (in characters) of a byte offset in `source`.
///
/// Offsets past the end point just after the last character; offsets inside a multi-byte
/// character count that character.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The whole line of `source` that contains byte `offset`, without its line ending.
pub fn line_at(source: &str, offset: usize) -> &str {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    source[start..end].trim_end_matches('\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "ab\nçd\nx";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 5), (2, 2));
        assert_eq!(line_col(src, 7), (3, 1));
        assert_eq!(line_col(src, 100), (3, 2));
        assert_eq!(line_at(src, 5), "çd");
    }
}
