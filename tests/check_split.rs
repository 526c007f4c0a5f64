//! `vita check`'s second reading, as the extractors that ignore ActualText read the PDF: every
//! word split at a line end is listed, and split keywords are named (issue #11).

use crate::util::{Dir, assert_ok, repo};

fn report(layout: &str) -> serde_json::Value {
    let dir = Dir::new();
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
fn classic_splits_keywords_and_says_so_without_failing() {
    let report = report("classic");
    let check = &report["check"];
    let splits = list(&check["split_words"]);
    assert!(splits.contains(&"re-|duced"), "{splits:?}");
    // "high-throughput" is bold in the seed: a keyword, split by classic's hyphenation.
    let keywords = list(&check["split_keywords"]);
    assert!(keywords.contains(&"high-through-|put"), "{keywords:?}");
    assert!(!keywords.contains(&"re-|duced"));
    assert_eq!(check["keywords_must_stay_whole"], false);
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
