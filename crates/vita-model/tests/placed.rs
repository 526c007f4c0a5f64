//! Every problem vita-model reports is a shared `Diagnostic` with a place: a byte range of the
//! text it read, on character boundaries, of the right severity. The model once had types of
//! its own to promise this; now this test keeps the promise, over the corpus, the samples and
//! one broken input for each error code.

use std::path::{Path, PathBuf};

use vita_model::{Code, Diagnostic, DocumentKind, Severity, TagExpr};

/// Files of `dir` (from the repository root) whose names end in `ext`, sorted.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(ext)))
        .collect();
    out.sort();
    out
}

/// Asserts `d` has `severity` and a primary range inside `source`, on character boundaries.
fn assert_placed(d: &Diagnostic, severity: Severity, source: &str, what: &str) {
    assert_eq!(d.severity, severity, "{what}: {d:?}");
    let range = d
        .range()
        .unwrap_or_else(|| panic!("{what}: no place: {d:?}"));
    assert!(
        range.start <= range.end
            && range.end <= source.len()
            && source.is_char_boundary(range.start)
            && source.is_char_boundary(range.end),
        "{what}: range {range:?} outside the text ({} bytes): {d:?}",
        source.len()
    );
}

/// What a file reads to: its warnings, or the error that stopped it.
fn read(path: &Path, source: &str) -> Result<Vec<Diagnostic>, Diagnostic> {
    if path.extension().is_some_and(|e| e == "json") {
        return vita_model::parse_json_resume(source).map(|p| p.warnings);
    }
    match vita_model::document_kind(source) {
        DocumentKind::Letter => vita_model::parse_letter(source).map(|p| p.warnings),
        _ => vita_model::parse_markdown(source).map(|p| p.warnings),
    }
}

#[test]
fn every_warning_of_the_corpus_and_samples_is_placed_in_its_file() {
    let paths: Vec<PathBuf> = [
        files("tests/corpus/markdown", ".md"),
        files("tests/corpus/json", ".json"),
        files("samples", ".md"),
        files("tests/fixtures", ".md"),
    ]
    .concat();
    assert!(paths.len() > 60, "only {} files found", paths.len());
    let mut warnings = 0;
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap();
        let what = path.display().to_string();
        match read(path, &source) {
            Ok(found) => {
                for w in &found {
                    assert_placed(w, Severity::Warning, &source, &what);
                }
                warnings += found.len();
            }
            Err(e) => assert_placed(&e, Severity::Error, &source, &what),
        }
    }
    // The corpus is there to show warnings: a reader that lost them all would pass above.
    assert!(warnings > 50, "only {warnings} warnings in the corpus");
}

#[test]
fn every_model_error_code_is_placed_where_the_fault_is() {
    // Each broken input, its code, and the exact bytes the error points at.
    let cases: [(&str, Code, std::ops::Range<usize>); 6] = [
        (
            "+++\nname = \n+++\n# Ada\n",
            Code::FrontMatterSyntax,
            11..11,
        ),
        (
            "+++\nlinks = [3]\n+++\n# Ada\n",
            Code::FrontMatterField,
            13..14,
        ),
        ("{\n  \"basics\": {,\n}", Code::JsonSyntax, 15..16),
        (
            "{\"basics\": {\"name\": {\"a\": 1}}}",
            Code::JsonField,
            20..28,
        ),
        (
            "+++\nkind = \"letter\"\n+++\nDear {team},\n",
            Code::Placeholder,
            29..35,
        ),
        ("a,,b", Code::TagExpression, 2..2),
    ];
    for (source, code, at) in cases {
        let err = match code {
            Code::JsonSyntax | Code::JsonField => {
                vita_model::parse_json_resume(source).unwrap_err()
            }
            Code::Placeholder => vita_model::parse_letter(source)
                .unwrap()
                .letter
                .fill(&[])
                .unwrap_err(),
            Code::TagExpression => TagExpr::parse(source).unwrap_err(),
            _ => vita_model::parse_markdown(source).unwrap_err(),
        };
        assert_eq!(err.code, code, "{source:?}: {err:?}");
        assert_placed(&err, Severity::Error, source, source);
        assert_eq!(err.range(), Some(at), "{source:?}: {err:?}");
        assert!(!err.hints.is_empty(), "{source:?}: no hint: {err:?}");
    }
}
