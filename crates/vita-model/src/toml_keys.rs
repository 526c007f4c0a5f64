//! Where a TOML key or table was first defined, for a parser error that points at its second
//! definition: the error gets the first as a related place. Found from the text's structure
//! (the same key earlier in the same table, or the same table header earlier), never from the
//! parser's wording.

use std::ops::Range;

/// The byte range of an earlier definition of the key or table header at `at` in `source`:
/// the same key earlier in the same table, or the same `[table]` header earlier in the file.
/// `None` when there is none (the error at `at` is then about something else).
pub fn earlier_definition(source: &str, at: Range<usize>) -> Option<Range<usize>> {
    let name = source.get(at.clone())?.trim_matches(['"', '\'']);
    if name.is_empty() {
        return None;
    }
    let line_start = source[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let line = source[line_start..].lines().next().unwrap_or_default();
    let lines = || {
        source[..line_start]
            .split_inclusive('\n')
            .scan(0, |offset, l| {
                let start = *offset;
                *offset += l.len();
                Some((start, l))
            })
    };
    if let Some(table) = header(line) {
        // A table opened twice: the first `[table]` line.
        return lines().find_map(|(start, l)| {
            let i = l.find(table)?;
            (header(l) == Some(table)).then(|| start + i..start + i + table.len())
        });
    }
    // A key set twice: the same key after the last header above it (TOML never reopens a
    // table, so its keys are all there).
    let section = lines()
        .filter(|(_, l)| header(l).is_some() || l.trim_start().starts_with("[["))
        .last()
        .map_or(0, |(start, l)| start + l.len());
    lines()
        .filter(|(start, _)| *start >= section)
        .find_map(|(start, l)| {
            let (key, _) = l.split_once('=')?;
            let indent = key.len() - key.trim_start().len();
            let key = key.trim();
            (key.trim_matches(['"', '\'']) == name)
                .then(|| start + indent..start + indent + key.len())
        })
}

/// The name of a `[table]` header line (not an `[[array]]` one, which may repeat).
fn header(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    (!inner.starts_with('[')).then(|| inner.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(source: &str, second: &str) -> Option<String> {
        let at = source.rfind(second).unwrap();
        earlier_definition(source, at..at + second.len()).map(|r| source[r].to_string())
    }

    #[test]
    fn a_key_set_twice_in_its_table_points_at_the_first() {
        let src = "[page]\nsize = \"a4\"\nmargin = \"1in\"\nsize = \"letter\"\n";
        let second = src.rfind("size").unwrap();
        assert_eq!(earlier_definition(src, second..second + 4), Some(7..11));
        // The same key in another table is no earlier definition.
        assert_eq!(first("[fonts]\nsize = 1\n[page]\nsize = 2\n", "size"), None);
        assert_eq!(
            first("name = 1\n\"name\" = 2\n", "\"name\""),
            Some("name".into())
        );
    }

    #[test]
    fn a_table_opened_twice_points_at_its_first_header() {
        let src = "[page]\nsize = \"a4\"\n[fonts]\nsize = 1\n[page]\nmargin = 1\n";
        assert_eq!(first(src, "page"), Some("page".into()));
        let at = src.rfind("page").unwrap();
        assert_eq!(earlier_definition(src, at..at + 4), Some(1..5));
        // Array tables repeat by design.
        assert_eq!(
            first("[[variant]]\nname = 1\n[[variant]]\n", "variant"),
            None
        );
    }
}
