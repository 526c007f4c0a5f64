//! Diagnostics as JSON objects for `--format json`: code, severity, file, line, column, end,
//! message, hints, notes and related places (each with its file, line, column, end and
//! label) — data, never drawn text.

use serde_json::{Value, json};

use super::Located;

/// One diagnostic as an object. `file`, `line`, `column` and `end` are `null` when it has no
/// place.
pub fn object(located: &Located) -> Value {
    let d = &located.diagnostic;
    let primary = located.places.first().filter(|p| p.numbered);
    let secondary: Vec<Value> = located
        .places
        .iter()
        .skip(1)
        .filter(|p| p.numbered)
        .map(|p| {
            json!({
                "file": located.file,
                "line": p.line,
                "column": p.column,
                "end": { "line": p.end_line, "column": p.end_column },
                "label": p.label,
            })
        })
        .collect();
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "file": located.file,
        "line": primary.map(|p| p.line),
        "column": primary.map(|p| p.column),
        "end": primary.map(|p| json!({ "line": p.end_line, "column": p.end_column })),
        "message": d.message,
        "hints": d.hints,
        "notes": d.notes,
        "related": secondary,
    })
}

/// Several diagnostics as an array.
pub fn array<'a>(all: impl IntoIterator<Item = &'a Located>) -> Value {
    Value::Array(all.into_iter().map(object).collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostics::{Code, Diagnostic};

    #[test]
    fn objects_carry_data_not_drawings() {
        let text = "[page]\nsize = \"a44\"\n";
        let d = Diagnostic::error(Code::LayoutValue, "no page size")
            .at(14..19)
            .with_hint("write \"a4\"");
        let v = object(&Located::in_file(d, Path::new("mine.toml"), text));
        assert_eq!(v["code"], "V0303");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["file"], "mine.toml");
        assert_eq!(
            (v["line"].as_u64(), v["column"].as_u64()),
            (Some(2), Some(8))
        );
        assert_eq!(v["end"]["column"], 13);
        assert_eq!(v["message"], "no page size");
        assert_eq!(v["hints"][0], "write \"a4\"");
        assert!(!v.to_string().contains('^'));
    }
}
