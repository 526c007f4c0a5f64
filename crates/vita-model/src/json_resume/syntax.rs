//! Turning serde_json's errors into [`Diagnostic`]s with a byte span.
//!
//! serde_json reports a one-based line and a column counted in bytes, where the column of the
//! offending byte is its one-based index in the line (0 when nothing of the line was read
//! yet). The span is that byte, so the CLI's `line_col` prints the same line and the column in
//! characters. Its message ends in " at line L column C", which is cut off: the CLI prints the
//! position itself.

use serde_json::error::Category;

use crate::{Code, Diagnostic};

/// An error for `err`, raised while reading `source[start..]`.
pub(super) fn error(source: &str, start: usize, err: &serde_json::Error) -> Diagnostic {
    let text = source.get(start..).unwrap_or_default();
    let offset = start + offset_of(text, err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let (kind, message) = match err.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            (Code::JsonSyntax, format!("invalid JSON: {message}"))
        }
        Category::Data => (Code::JsonField, message.to_string()),
    };
    // The span covers the offending character, or is empty at the end of the file.
    let end = source
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    Diagnostic::error(kind, message)
        .at(offset..end)
        .with_hint_maybe(hint(err.classify(), source, start, offset))
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

/// Advice for the common ways hand-written JSON goes wrong, read from the text around the
/// error (`source[start..offset]` was read before it) rather than from serde_json's wording,
/// which is not part of its API.
fn hint(category: Category, source: &str, start: usize, offset: usize) -> Option<String> {
    const EARLY_END: &str = "the file ends too early: check for a missing `}`, `]` or closing `\"`";
    if category == Category::Eof {
        return Some(EARLY_END.into());
    }
    if category != Category::Syntax {
        return None;
    }
    let read = source.get(start..offset).unwrap_or_default();
    let rest = source.get(offset..).unwrap_or_default();
    let here = rest.chars().next();
    let scan = Scan::of(read);
    let previous = read.trim_end().chars().last();
    let next = rest.trim_start().chars().next();
    let hint = if scan.in_string {
        // serde_json points at a control character or just after it (a line break).
        let control =
            here.is_some_and(char::is_control) || read.chars().last().is_some_and(char::is_control);
        if control {
            "write a line break inside text as \\n"
        } else {
            "write a backslash inside text as \\\\"
        }
    } else if scan.open.is_empty() && previous.is_some() {
        "remove what follows the closing `}`"
    } else if matches!(previous, Some(',')) && matches!(next, Some('}' | ']'))
        || here == Some(',') && matches!(rest[1..].trim_start().chars().next(), Some('}' | ']'))
    {
        "remove the comma after the last item"
    } else if scan.in_object_key() && here != Some('"') {
        "put keys in double quotes: \"name\": \"…\""
    } else if matches!(previous, Some('"' | '}' | ']' | '0'..='9' | 'e' | 'l'))
        && matches!(here, Some('"' | '{' | '[' | '0'..='9'))
    {
        "a comma may be missing at the end of the previous item"
    } else {
        "JSON needs double quotes around text and allows no comments"
    };
    Some(hint.to_string())
}

/// Where a prefix of a JSON text leaves the reader: inside a string or not, how deeply nested,
/// and whether an object key comes next.
struct Scan {
    /// Inside a string.
    in_string: bool,
    /// Open `{` and `[`, innermost last.
    open: Vec<char>,
    /// The last character outside strings that is not white space.
    last: Option<char>,
}

impl Scan {
    fn of(text: &str) -> Scan {
        let mut scan = Scan {
            in_string: false,
            open: Vec::new(),
            last: None,
        };
        let mut escaped = false;
        for c in text.chars() {
            if scan.in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => scan.in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => scan.in_string = true,
                '{' | '[' => scan.open.push(c),
                '}' | ']' => {
                    scan.open.pop();
                }
                _ => {}
            }
            if !c.is_whitespace() {
                scan.last = Some(c);
            }
        }
        scan
    }

    /// An object key is expected next: right after `{` or after a `,` inside an object.
    fn in_object_key(&self) -> bool {
        self.open.last() == Some(&'{') && matches!(self.last, Some('{' | ','))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_col;

    /// The error for `src` and its line and column as the CLI would print them.
    fn at(src: &str) -> (Diagnostic, (usize, usize)) {
        let err = serde_json::from_str::<serde_json::Value>(src).unwrap_err();
        let error = error(src, 0, &err);
        let pos = line_col(src, error.range().unwrap().start);
        (error, pos)
    }

    #[test]
    fn points_at_the_offending_character() {
        let (err, pos) = at("{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(pos, (3, 3));
        assert_eq!(err.code, crate::Code::JsonSyntax);
        assert!(err.hints.first().cloned().unwrap().contains("comma"));
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
        assert_eq!(
            err.hints.first().cloned().unwrap(),
            "remove the comma after the last item"
        );
        let (err, _) = at("{\"a\": [1, 2");
        assert!(
            err.hints
                .first()
                .cloned()
                .unwrap()
                .contains("ends too early")
        );
        let (err, pos) = at("");
        assert_eq!((err.range().unwrap(), pos), (0..0, (1, 1)));
    }

    #[test]
    fn hints_come_from_the_text_around_the_error() {
        for (src, hint) in [
            ("{\"a\": [1, 2,]}", "remove the comma"),
            ("{\"a\": 1,}", "remove the comma"),
            ("{name: \"Ada\"}", "put keys in double quotes"),
            ("{\"a\": 1, b: 2}", "put keys in double quotes"),
            ("{\"a\": 1 \"b\": 2}", "comma may be missing"),
            ("{\"a\": \"x\ny\"}", "line break inside text"),
            ("{\"a\": \"x\\qy\"}", "backslash inside text"),
            ("{\"a\": 'x'}", "double quotes around text"),
            ("{\"a\": 1} // note", "remove what follows"),
            ("[1, x]", "double quotes around text"),
        ] {
            // The hint's advice is what is tested.
            let (err, _) = at(src);
            assert_eq!(err.code, crate::Code::JsonSyntax);
            let got = err.hints.first().cloned().unwrap_or_default();
            assert!(got.contains(hint), "{src:?}: {got:?}");
        }
    }

    #[test]
    fn offsets_stay_inside_the_text() {
        assert_eq!(offset_of("ab\ncd", 2, 99), 5);
        assert_eq!(offset_of("ab", 9, 1), 2);
        assert_eq!(offset_of("é", 1, 2), 0);
        assert_eq!(offset_of("x", 0, 0), 0);
    }
}
