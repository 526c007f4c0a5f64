//! `vita check`: the ATS check on the seed, on an icon without text, on letter-spaced titles,
//! on hidden text, and on a résumé that does not fit its pages.

use crate::util::{Dir, assert_ok, repo, stderr};

#[test]
fn the_seed_passes_with_every_word_recovered() {
    let dir = Dir::new();
    let seed = repo("tests/fixtures/seed-resume.md");
    let run = dir.vita(&["check", seed.to_str().unwrap()]);
    assert_ok(&run);
    let message = stderr(&run);
    assert!(
        message.contains("check passed") && message.contains("550 of 550 words recovered (100.0%)"),
        "{message}"
    );
    let run = dir.vita(&["check", seed.to_str().unwrap(), "--format", "json"]);
    assert_ok(&run);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(report["passed"], true);
    assert_eq!(report["check"]["recovered_percent"], 100.0);
    assert_eq!(report["check"]["missing"].as_array().unwrap().len(), 0);
    assert!(
        std::fs::read_dir(dir.path("")).unwrap().next().is_none(),
        "check writes nothing"
    );
}

#[test]
fn an_icon_without_text_is_reported() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\n\u{e000} ada@example.com\n\n## Work\n\nWrote the first program.\n",
    );
    let run = dir.vita(&["check", input.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let message = stderr(&run);
    assert!(message.contains("check FAILED"), "{message}");
    assert!(message.contains("U+E000"), "{message}");
    let run = dir.vita(&["check", input.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["passed"], false);
    assert_eq!(report["check"]["source_unmapped"][0]["char"], "U+E000");
}

#[test]
fn a_letter_spaced_name_is_reported() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\n## Experience\n\nWrote the first program.\n",
    );
    dir.write(
        "wide.toml",
        "extends = \"classic\"\n[section]\nletter-spacing = \"0.3em\"\n",
    );
    let run = dir.vita(&["check", input.to_str().unwrap(), "--layout", "wide.toml"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let message = stderr(&run);
    assert!(message.contains("letter-spaced"), "{message}");
    assert!(
        message.contains("E x p e r i e n c e") || message.contains("E X P E R I E N C E"),
        "{message}"
    );
    // The same résumé with the plain layout passes.
    assert_ok(&dir.vita(&["check", input.to_str().unwrap()]));
}

#[test]
fn a_resume_that_cannot_fit_exits_3() {
    let dir = Dir::new();
    let long = repo("samples/three-pages.md");
    let run = dir.vita(&["check", long.to_str().unwrap(), "--pages", "1"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    // The check's own report (not a diagnostic) says why; the JSON below has the code.
    assert!(
        stderr(&run).contains("too long for 1 page"),
        "{}",
        stderr(&run)
    );
    let run = dir.vita(&[
        "check",
        long.to_str().unwrap(),
        "--pages",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(3));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let overflow = &report["check"]["overflow"];
    assert_eq!(overflow["code"], "V0405", "{overflow}");
    assert!(
        overflow["file"]
            .as_str()
            .unwrap()
            .ends_with("three-pages.md"),
        "{overflow}"
    );
}

#[test]
fn check_follows_tags() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada\n\n## Work\n\n- Rust <!-- tags: backend -->\n- React <!-- tags: frontend -->\n",
    );
    let run = dir.vita(&[
        "check",
        input.to_str().unwrap(),
        "--tags",
        "backend",
        "--format",
        "json",
    ]);
    assert_ok(&run);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["check"]["words"], 3, "Ada, Work, Rust");
}

#[test]
fn hidden_text_is_left_out_and_fails_the_check_at_its_line() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\nada@example.com\n\n## Work\n\n- Wrote the first program.\n\
         - Translated Menabrea <span style=\"color:#fff\">python kubernetes</span>.\n",
    );
    let built = dir.vita(&["build", input.to_str().unwrap()]);
    assert_ok(&built);
    crate::util::assert_coded(&built, "warning[V0122]", "cv.md:8:48");
    let text = crate::util::pdf_text(&dir.path("cv.pdf")).join("\n");
    assert!(
        text.contains("Menabrea") && !text.contains("kubernetes"),
        "{text}"
    );

    let run = dir.vita(&["check", input.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let message = stderr(&run);
    assert!(
        message.contains("hidden text: line 8: `python kubernetes`"),
        "{message}"
    );
    let run = dir.vita(&["check", input.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["passed"], false);
    assert_eq!(report["check"]["hidden_text"][0]["line"], 8);
    assert_eq!(
        report["check"]["hidden_text"][0]["text"],
        "python kubernetes"
    );
}

#[test]
fn words_the_reader_drops_or_repeats_fail_against_the_source_text() {
    let dir = Dir::new();
    // A `<u>` line the reader keeps, and text after a LaTeX break command, which is markup.
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\n## Experience\n\n### Analyst at Babbage & Co\n\n- Wrote the <u>first</u> program.\n\n\\newpage\n\n## Skills\n\nRust, 设计\n",
    );
    let run = dir.vita(&["check", input.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let check = &report["check"];
    for finding in ["missing", "repeated", "extra", "outside"] {
        assert_eq!(
            check[finding],
            serde_json::json!([]),
            "{finding}: {report:#}"
        );
    }
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

#[test]
fn a_tables_column_titles_come_back_and_pass_the_check() {
    let dir = Dir::new();
    // The reader used to turn this table into key–value rows and drop its header row silently
    // (issue #9), and the check failed on "Language" and "Level"; the titles are now kept.
    // (The check's detection of dropped words is unit-tested in src/check/compare.rs.)
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\n## Languages\n\n| Language | Level |\n|---|---|\n| English | Native |\n",
    );
    let run = dir.vita(&["check", input.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(run.status.code(), Some(0), "{report:#}");
    assert_eq!(report["check"]["missing"], serde_json::json!([]));
}
