//! Turning serde_json's errors into [`Error`]s with a byte span.
//!
//! serde_json reports a one-based line and a column counted in bytes, where the column of the
//! offending byte is its one-based index in the line (0 when nothing of the line was read
//! yet). The span is that byte, so the CLI's `line_col` prints the same line and the column in
//! characters. Its message ends in " at line L column C", which is cut off: the CLI prints the
//! position itself.

use serde_json::error::Category;

use crate::{Error, ErrorKind};

/// An error for `err`, raised while reading `source[start..]`.
pub(super) fn error(source: &str, start: usize, err: &serde_json::Error) -> Error {
    let text = source.get(start..).unwrap_or_default();
    let offset = start + offset_of(text, err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let (kind, message) = match err.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            (ErrorKind::JsonSyntax, format!("invalid JSON: {message}"))
        }
        Category::Data => (ErrorKind::JsonField, message.to_string()),
    };
    // The span covers the offending character, or is empty at the end of the file.
    let end = source
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    Error {
        hint: hint(err.classify(), &message),
        message,
        span: offset..end,
        kind,
    }
}

/// The byte offset in `text` of serde_json's `line` and `column`, kept on a character
/// boundary and inside `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(newlines_before) => text
            .match_indices('\n')
            .nth(newlines_before)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Advice for the common ways hand-written JSON goes wrong.
fn hint(category: Category, message: &str) -> Option<String> {
    let hint = if category == Category::Eof {
        "the file ends too early: check for a missing `}`, `]` or closing `\"`"
    } else if message.contains("trailing comma") {
        "remove the comma after the last item"
    } else if message.contains("key must be a string") {
        "put keys in double quotes: \"name\": \"…\""
    } else if message.contains("expected `,` or") {
        "a comma may be missing at the end of the previous item"
    } else if message.contains("control character") {
        "write a line break inside text as \\n"
    } else if message.contains("escape") {
        "write a backslash inside text as \\\\"
    } else if message.contains("expected value") || message.contains("expected ident") {
        "JSON needs double quotes around text and allows no comments"
    } else if message.contains("trailing characters") {
        "remove what follows the closing `}`"
    } else {
        return None;
    };
    Some(hint.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_col;

    /// The error for `src` and its line and column as the CLI would print them.
    fn at(src: &str) -> (Error, (usize, usize)) {
        let err = serde_json::from_str::<serde_json::Value>(src).unwrap_err();
        let error = error(src, 0, &err);
        let pos = line_col(src, error.span.start);
        (error, pos)
    }

    #[test]
    fn points_at_the_offending_character() {
        let (err, pos) = at("{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(pos, (3, 3));
        assert_eq!(err.message, "invalid JSON: expected `,` or `}`");
        assert!(err.hint.unwrap().contains("comma"));
    }

    #[test]
    fn columns_are_characters_for_the_cli() {
        let (_, pos) = at("{\"é\": 1 2}");
        assert_eq!(pos, (1, 9));
    }

    #[test]
    fn trailing_commas_and_early_ends() {
        let (err, pos) = at("{\"a\": [1, 2,]}");
        assert_eq!(pos, (1, 13));
        assert_eq!(err.hint.unwrap(), "remove the comma after the last item");
        let (err, _) = at("{\"a\": [1, 2");
        assert!(err.hint.unwrap().contains("ends too early"));
        let (err, pos) = at("");
        assert_eq!((err.span, pos), (0..0, (1, 1)));
    }

    #[test]
    fn offsets_stay_inside_the_text() {
        assert_eq!(offset_of("ab\ncd", 2, 99), 5);
        assert_eq!(offset_of("ab", 9, 1), 2);
        assert_eq!(offset_of("é", 1, 2), 0);
        assert_eq!(offset_of("x", 0, 0), 0);
    }
}
