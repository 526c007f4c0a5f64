//! One diagnostic type for every Vita crate: what is wrong (or suspicious), where, and what to
//! do about it, as data.
//!
//! Libraries build [`Diagnostic`]s and return them; they never word a file name, a line number
//! or a caret. The command line resolves byte ranges to lines and columns and draws them (on a
//! terminal) or prints them as JSON objects (`--format json`).

mod code;

use std::fmt;
use std::ops::Range;

pub use code::Code;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The build stops.
    Error,
    /// The build goes on; the reader should know.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as printed and as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which file a span is in.
///
/// A library reads the one text it is handed, which is [`FileId::INPUT`]; the caller knows
/// which file that was. Ids above it are for callers that hand a library several texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

impl FileId {
    /// The text the library was handed.
    pub const INPUT: FileId = FileId(0);
}

/// A byte range in one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte offsets into its text (an empty range points between two characters).
    pub range: Range<usize>,
}

impl Span {
    /// A range of [`FileId::INPUT`].
    pub fn input(range: Range<usize>) -> Span {
        Span {
            file: FileId::INPUT,
            range,
        }
    }
}

/// A span with an optional short label drawn beside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there ("first set here"), when it helps.
    pub message: Option<String>,
}

/// A problem found in the input, its place, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, listed with an example in docs/errors.md.
    pub code: Code,
    /// What is wrong, lowercase, quoting the input where useful; no file name or position.
    pub message: String,
    /// Where it is, when it has a place in a file.
    pub primary: Option<Label>,
    /// Other places that explain it.
    pub secondary: Vec<Label>,
    /// What the user can do about it.
    pub hints: Vec<String>,
    /// Background the user may need (why a rule exists, what was done instead).
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error with `code` and `message`, not yet placed.
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning with `code` and `message`, not yet placed.
    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }

    /// A diagnostic of any severity.
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            hints: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Placed at `range` of the input text.
    pub fn at(mut self, range: Range<usize>) -> Diagnostic {
        self.primary = Some(Label {
            span: Span::input(range),
            message: None,
        });
        self
    }

    /// Placed at `range` of the input text when there is one.
    pub fn at_maybe(self, range: Option<Range<usize>>) -> Diagnostic {
        match range {
            Some(range) => self.at(range),
            None => self,
        }
    }

    /// With a labelled secondary place.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: Some(message.into()),
        });
        self
    }

    /// With a labelled secondary place at `range` of the input text ("the first is named
    /// here").
    pub fn related(self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.with_secondary(Span::input(range), message)
    }

    /// With a hint (what to do).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// With a hint when there is one.
    pub fn with_hint_maybe(mut self, hint: Option<impl Into<String>>) -> Diagnostic {
        if let Some(hint) = hint {
            self.hints.push(hint.into());
        }
        self
    }

    /// With a note (background).
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// The primary byte range, when placed.
    pub fn range(&self) -> Option<Range<usize>> {
        self.primary.as_ref().map(|l| l.span.range.clone())
    }

    /// Every span moved from [`FileId::INPUT`] to `file`: for a caller that handed the library
    /// a text it knows by another id.
    pub fn in_file(mut self, file: FileId) -> Diagnostic {
        for label in self.primary.iter_mut().chain(self.secondary.iter_mut()) {
            if label.span.file == FileId::INPUT {
                label.span.file = file;
            }
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    /// The message alone: places and hints are the renderer's to word.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_places_and_hints() {
        let d = Diagnostic::error(Code::LayoutValue, "bad")
            .at(3..5)
            .with_hint("fix it")
            .with_note("why")
            .related(0..1, "first here")
            .in_file(FileId(2));
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.range(), Some(3..5));
        assert_eq!(d.primary.as_ref().unwrap().span.file, FileId(2));
        assert_eq!(d.hints, ["fix it"]);
        assert_eq!(d.notes, ["why"]);
        assert_eq!(
            d.secondary[0].span,
            Span {
                file: FileId(2),
                range: 0..1
            }
        );
        assert_eq!(d.secondary[0].message.as_deref(), Some("first here"));
        assert_eq!(d.to_string(), "bad");
    }
}
