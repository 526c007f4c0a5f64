//! Diagnostics placed in the files they concern: a library's [`Diagnostic`] with its byte
//! ranges turned into lines and columns of a named file, ready to be drawn on a terminal
//! ([`terminal`]) or printed as JSON ([`json`]).

pub mod json;
pub mod terminal;

use std::ops::Range;
use std::path::Path;

pub use vita_diagnostic::{Code, Diagnostic, Severity};

/// A diagnostic and where it is, resolved against the file's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// What the library (or the command) said.
    pub diagnostic: Diagnostic,
    /// The file (or flag, such as `--tags`) it concerns, as shown to the user.
    pub file: Option<String>,
    /// Whether the message already names the file, so the headline need not.
    pub file_in_message: bool,
    /// The primary place, then secondary ones, resolved.
    pub places: Vec<Place>,
}

/// A byte range resolved to lines and columns, with the lines it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// One-based line of the start.
    pub line: usize,
    /// One-based column (in characters) of the start.
    pub column: usize,
    /// One-based line of the end.
    pub end_line: usize,
    /// One-based column of the end (just after the last character).
    pub end_column: usize,
    /// The source lines the range covers, whole, without the final line ending.
    pub excerpt: String,
    /// The range within [`Place::excerpt`].
    pub range: Range<usize>,
    /// A label to draw beside the range.
    pub label: Option<String>,
    /// Whether the excerpt is a line of a file (numbered) or a flag's value (not).
    pub numbered: bool,
}

/// Most lines of a source quoted for one place.
const MAX_EXCERPT_LINES: usize = 6;
/// Longest line quoted in a range over several lines (a single line is cut around its range
/// by the renderer; a bracket over several long lines cannot be).
const MAX_BRACKETED_LINE: usize = 120;

impl Place {
    /// `range` of `text`, clamped to it and to character boundaries.
    fn resolve(text: &str, range: Range<usize>, label: Option<String>) -> Place {
        let start = floor_char(text, range.start.min(text.len()));
        let mut end = floor_char(text, range.end.clamp(start, text.len()));
        let (end_line, end_column) = vita_model::line_col(text, end);
        let long_line = text[start..end]
            .lines()
            .any(|l| l.chars().count() > MAX_BRACKETED_LINE);
        if text[start..end].contains('\n') && long_line {
            // Underline the first line only.
            end = text[start..].find('\n').map_or(end, |i| start + i);
        }
        let (line, column) = vita_model::line_col(text, start);
        let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let mut last = text[end..].find('\n').map_or(text.len(), |i| end + i);
        // A range over many lines is quoted from its start only.
        if text[start..end].matches('\n').count() >= MAX_EXCERPT_LINES {
            last = text[first..]
                .match_indices('\n')
                .nth(MAX_EXCERPT_LINES - 1)
                .map_or(text.len(), |(i, _)| first + i);
        }
        let excerpt = text[first..last].trim_end_matches('\r').to_string();
        let range = (start - first).min(excerpt.len())..(end.min(last) - first).min(excerpt.len());
        Place {
            line,
            column,
            end_line,
            end_column,
            excerpt,
            range,
            label,
            numbered: true,
        }
    }
}

/// The largest character boundary of `text` at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Located {
    /// A diagnostic with no file: the message says all there is.
    pub fn plain(diagnostic: Diagnostic) -> Located {
        Located {
            diagnostic,
            file: None,
            file_in_message: false,
            places: Vec::new(),
        }
    }

    /// A diagnostic about the file `path` as a whole; `in_message` when its message already
    /// names the file.
    pub fn about(diagnostic: Diagnostic, path: &Path, in_message: bool) -> Located {
        Located {
            diagnostic,
            file: Some(path.display().to_string()),
            file_in_message: in_message,
            places: Vec::new(),
        }
    }

    /// A diagnostic whose spans are byte ranges of `text`, the file at `path`. Spans past the
    /// end of the text point at its end.
    pub fn in_file(diagnostic: Diagnostic, path: &Path, text: &str) -> Located {
        let places = diagnostic
            .primary
            .iter()
            .chain(&diagnostic.secondary)
            .map(|l| Place::resolve(text, l.span.range.clone(), l.message.clone()))
            .collect();
        Located {
            file: Some(path.display().to_string()),
            file_in_message: false,
            places,
            diagnostic,
        }
    }

    /// A diagnostic about the value of a command-line flag; spans are byte ranges of `value`.
    pub fn in_flag(diagnostic: Diagnostic, flag: &str, value: &str) -> Located {
        let places = diagnostic
            .primary
            .iter()
            .map(|l| Place {
                numbered: false,
                ..Place::resolve(value, l.span.range.clone(), l.message.clone())
            })
            .collect();
        Located {
            file: Some(flag.to_string()),
            file_in_message: false,
            places,
            diagnostic,
        }
    }

    /// The headline's location prefix: `file:line:col`, `file`, `--flag`, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        match self.places.first() {
            Some(p) if p.numbered => Some(format!("{file}:{}:{}", p.line, p.column)),
            _ if self.file_in_message => None,
            _ => Some(file.clone()),
        }
    }
}

impl std::fmt::Display for Located {
    /// Drawn without colour, as on a terminal that has none.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&terminal::render(self, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve_to_lines_and_characters() {
        let text = "a\nçd = \"a44\"\nz\n";
        let at = text.find("\"a44\"").unwrap();
        let d = Diagnostic::error(Code::LayoutValue, "bad").at(at..at + 5);
        let l = Located::in_file(d, Path::new("mine.toml"), text);
        let p = &l.places[0];
        assert_eq!((p.line, p.column, p.end_line, p.end_column), (2, 6, 2, 11));
        assert_eq!(p.excerpt, "çd = \"a44\"");
        assert_eq!(&p.excerpt[p.range.clone()], "\"a44\"");
        assert_eq!(l.location().as_deref(), Some("mine.toml:2:6"));
    }

    #[test]
    fn ranges_over_long_lines_are_drawn_on_their_first_line_and_reported_whole() {
        let long = "x".repeat(200);
        let text = format!("a\n{long}\n{long}\nz\n");
        let d = Diagnostic::warning(Code::TableSplit, "wide").at(2..text.len() - 3);
        let l = Located::in_file(d, Path::new("cv.md"), &text);
        let p = &l.places[0];
        assert_eq!((p.line, p.end_line), (2, 3));
        assert_eq!(p.excerpt, long);
        assert_eq!(p.range, 0..200);
    }

    #[test]
    fn ranges_past_the_end_or_inside_a_character_are_clamped() {
        let text = "é";
        let d = Diagnostic::warning(Code::NoName, "x").at(1..99);
        let l = Located::in_file(d, Path::new("cv.md"), text);
        assert_eq!(l.places[0].range, 0..2);
    }
}
