//! `vita check`'s second reading, as the extractors that ignore ActualText read the PDF: every
//! word split at a line end is listed, and split keywords are named (issue #11).

use crate::util::{Dir, assert_ok, repo};

fn report(layout: &str) -> serde_json::Value {
    let dir = Dir::new();
    let layout = if layout.contains('\n') {
        dir.write("layout.toml", layout)
            .to_str()
            .unwrap()
            .to_string()
    } else {
        layout.to_string()
    };
    let layout = layout.as_str();
    let seed = repo("tests/fixtures/seed-resume.md");
    let run = dir.vita(&[
        "check",
        seed.to_str().unwrap(),
        "--layout",
        layout,
        "--format",
        "json",
    ]);
    assert_ok(&run);
    serde_json::from_slice(&run.stdout).expect("JSON")
}

fn list(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn keywords_split_when_allowed_are_named_without_failing() {
    let report = report("extends = \"classic\"\n[paragraph]\nkeep-keywords-whole = false\n");
    let check = &report["check"];
    // "high-throughput" is bold in the seed: a keyword, split by hyphenation when allowed.
    let keywords = list(&check["split_keywords"]);
    assert!(keywords.contains(&"high-through-|put"), "{keywords:?}");
    assert!(!keywords.contains(&"re-|duced"));
    assert_eq!(check["keywords_must_stay_whole"], false);
    assert_eq!(report["passed"], true);
}

#[test]
fn classic_splits_prose_but_no_keyword() {
    let report = report("classic");
    let check = &report["check"];
    let splits = list(&check["split_words"]);
    // Ordinary prose is still hyphenated.
    assert!(splits.contains(&"re-|duced"), "{splits:?}");
    // "high-throughput" is bold in the seed: a keyword, kept whole.
    assert_eq!(list(&check["split_keywords"]), Vec::<&str>::new());
    assert_eq!(check["keywords_must_stay_whole"], true);
    assert_eq!(report["passed"], true);
}

#[test]
fn modern_keeps_every_keyword_whole() {
    let report = report("modern");
    let check = &report["check"];
    assert_eq!(check["keywords_must_stay_whole"], true);
    assert_eq!(list(&check["split_keywords"]), Vec::<&str>::new());
    assert_eq!(report["passed"], true);
}
