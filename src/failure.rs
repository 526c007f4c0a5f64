//! Why a command failed, the exit code that goes with it, and how it is worded.
//!
//! Library errors carry spans; this module turns them into `file:line:col` messages that quote
//! the offending source line and say what to do.

use std::fmt::Write as _;
use std::path::Path;

/// Exit code for a wrong input or layout (diagnostics printed).
pub const EXIT_INPUT: i32 = 1;
/// Exit code for a check that failed (more pages than allowed, text not recoverable).
pub const EXIT_CHECK: i32 = 3;

/// A failed command: a fully worded message and the exit code to leave with.
#[derive(Debug)]
pub struct Failure {
    /// The message, possibly several lines, without a trailing newline.
    pub message: String,
    /// The process exit code.
    pub code: i32,
}

impl Failure {
    /// A failure caused by the input (exit code 1).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: EXIT_INPUT,
        }
    }

    /// An input failure at `offset` of `source` (the file `file`): the located message with the
    /// quoted line, and the hint when there is one.
    pub fn at(
        file: &Path,
        source: &str,
        offset: usize,
        message: &str,
        hint: Option<&str>,
    ) -> Failure {
        Failure::input(located("error", file, source, offset, message, hint))
    }

    /// A failed check (exit code 3).
    pub fn check(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: EXIT_CHECK,
        }
    }
}

/// A located diagnostic: "error: FILE:LINE:COL: MESSAGE", the source line with a caret under
/// the column, then an optional hint.
pub fn located(
    severity: &str,
    file: &Path,
    source: &str,
    offset: usize,
    message: &str,
    hint: Option<&str>,
) -> String {
    let (line, col) = vita_model::line_col(source, offset);
    let (text, caret) = window(&printable(vita_model::line_at(source, offset)), col);
    let text = text.as_str();
    let mut out = format!("{severity}: {}:{line}:{col}: {message}", file.display());
    let gutter = line.to_string().len();
    let _ = write!(
        out,
        "\n{:gutter$} |\n{line} | {text}\n{:gutter$} | ",
        "", ""
    );
    let caret_pad: String = text
        .chars()
        .take(caret)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = write!(out, "{caret_pad}^");
    if let Some(hint) = hint {
        let _ = write!(out, "\n{:gutter$} = hint: {hint}", "");
    }
    out
}

/// Most characters of a source line quoted in a diagnostic.
const MAX_QUOTED: usize = 100;

/// At most [`MAX_QUOTED`] characters of `line` around the 1-based column `col`, with `…`
/// where it is cut, and the 0-based position of the caret in what is returned.
fn window(line: &str, col: usize) -> (String, usize) {
    let count = line.chars().count();
    let at = col.saturating_sub(1).min(count);
    if count <= MAX_QUOTED {
        return (line.to_string(), at);
    }
    let start = at.saturating_sub(MAX_QUOTED / 2).min(count - MAX_QUOTED);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(MAX_QUOTED));
    if start + MAX_QUOTED < count {
        out.push('…');
    }
    (out, at - start + usize::from(start > 0))
}

/// `line` with each control character shown as its Unicode control picture (ESC as `␛`),
/// one character for one, so that a quoted line never drives the terminal and the caret
/// stays in its column.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('?'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A diagnostic about a flag's value: "error: FLAG: MESSAGE", the value with a caret under
/// byte `offset`, then an optional hint.
pub fn in_flag(
    flag: &str,
    value: &str,
    offset: usize,
    message: &str,
    hint: Option<&str>,
) -> String {
    let col = value
        .get(..offset.min(value.len()))
        .map_or(0, |s| s.chars().count());
    let mut out = format!(
        "error: {flag}: {message}\n  | {value}\n  | {}^",
        " ".repeat(col)
    );
    if let Some(hint) = hint {
        let _ = write!(out, "\n  = hint: {hint}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_quotes_the_line_with_a_caret() {
        let message = located(
            "error",
            Path::new("cv.md"),
            "a\nbad line\n",
            6,
            "oops",
            Some("fix it"),
        );
        assert_eq!(
            message,
            "error: cv.md:2:5: oops\n  |\n2 | bad line\n  |     ^\n  = hint: fix it"
        );
    }

    #[test]
    fn quoted_lines_never_carry_control_characters() {
        let message = located(
            "warning",
            Path::new("cv.md"),
            "a\u{1b}[2Jb\u{0}c\n",
            1,
            "odd",
            None,
        );
        assert!(
            !message.chars().any(|c| c.is_control() && c != '\n'),
            "{message:?}"
        );
        assert!(message.contains("a␛[2Jb␀c"), "{message}");
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let source = format!("{}X{}\n", "a".repeat(5000), "b".repeat(5000));
        let message = located("error", Path::new("cv.md"), &source, 5000, "here", None);
        let quoted = message.lines().nth(2).unwrap();
        let caret = message.lines().nth(3).unwrap();
        assert!(quoted.chars().count() < 120, "{quoted}");
        assert_eq!(
            quoted.chars().position(|c| c == 'X'),
            caret.chars().position(|c| c == '^')
        );
    }

    #[test]
    fn flag_values_get_a_caret_too() {
        let message = in_flag("--tags", "a,,b", 2, "empty term", None);
        assert_eq!(message, "error: --tags: empty term\n  | a,,b\n  |   ^");
    }
}
