//! Where vita-model's problems come from: every error and warning it reports is the shared
//! [`Diagnostic`] (with a [`Code`] listed in docs/errors.md), placed at a byte range of the text
//! it was handed; this module re-exports that type and resolves byte offsets to lines and
//! columns for callers that word positions themselves.
//!
//! The library only says what is wrong and where; the CLI decides the wording around it
//! (file name, line excerpt, colours).

pub use vita_diagnostic::{Code, Diagnostic, Severity};

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
