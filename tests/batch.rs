//! `vita init` and `vita batch`: every variant built, byte-identical on a rerun, matrices,
//! failures that do not stop the other variants, and JSON reports.

use crate::util::{Dir, assert_ok, pdf_text, stderr};

/// Files in a folder with their bytes, sorted by name.
fn pdfs(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn init_then_batch_writes_every_variant_and_a_rerun_is_byte_identical() {
    let dir = Dir::new();
    assert_ok(&dir.vita(&["init", "starter"]));
    assert!(dir.path("starter/resume.md").exists());
    // The manifest's first line points editors at the schema written beside it.
    let manifest = std::fs::read_to_string(dir.path("starter/vita.toml")).unwrap();
    let schema = manifest
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("#:schema "))
        .expect("a #:schema first line");
    let schema = std::fs::read_to_string(dir.path("starter").join(schema)).unwrap();
    assert!(schema.contains("\"title\": \"Vita manifest (vita.toml)\""));
    assert!(dir.path("starter/schemas/layout.schema.json").exists());
    let run = dir.vita(&["batch", "starter/vita.toml"]);
    assert_ok(&run);
    let first = pdfs(&dir.path("starter/pdf"));
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "backend.pdf",
            "frontend.pdf",
            "full.pdf",
            "letter-acme.pdf",
            "letter-globex.pdf"
        ]
    );
    let table = stderr(&run);
    assert!(
        table.contains("variant") && table.contains("5 built, 0 failed"),
        "{table}"
    );

    assert_ok(&dir.vita(&["batch", "starter/vita.toml", "-j", "1"]));
    assert!(
        first == pdfs(&dir.path("starter/pdf")),
        "a rerun changed a PDF"
    );

    // The variants differ as their tags say.
    let text = |name: &str| pdf_text(&dir.path(&format!("starter/pdf/{name}.pdf"))).join("\n");
    let backend = text("backend");
    assert!(
        backend.contains("billing service") && !backend.contains("React"),
        "{backend}"
    );
    assert!(
        backend.contains("Backend Engineer"),
        "set.headline: {backend}"
    );
    let frontend = text("frontend");
    assert!(
        frontend.contains("React") && !frontend.contains("billing"),
        "{frontend}"
    );
    let full = text("full");
    assert!(full.contains("React") && full.contains("billing"), "{full}");
    assert!(
        full.contains("Mentored two interns"),
        "untagged lines are in every variant"
    );
}

#[test]
fn init_never_overwrites() {
    let dir = Dir::new();
    dir.write("resume.md", "mine");
    let run = dir.vita(&["init"]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0012]", "");
    assert_eq!(
        std::fs::read_to_string(dir.path("resume.md")).unwrap(),
        "mine"
    );
    assert!(!dir.path("vita.toml").exists());
}

const CV: &str = "# Ada Lovelace\n\nada@example.com\n\n## Work\n\n\
    ### Analyst | Babbage & Co | 1842 – 1843\n\n\
    - Wrote the first program <!-- tags: math -->\n\
    - Translated Menabrea's paper <!-- tags: writing -->\n";

#[test]
fn a_matrix_builds_every_layout_for_every_tag_set() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\noutput = \"out/{name}.pdf\"\n\n[matrix]\n\
         layouts = [\"classic\", \"modern\", \"compact\"]\n\
         tags = { math = \"math\", words = \"writing\" }\n",
    );
    let run = dir.vita(&["batch", "vita.toml", "--format", "json"]);
    assert_ok(&run);
    let names: Vec<String> = pdfs(&dir.path("out")).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "math-classic.pdf",
            "math-compact.pdf",
            "math-modern.pdf",
            "words-classic.pdf",
            "words-compact.pdf",
            "words-modern.pdf"
        ]
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON report");
    assert_eq!(report["built"], 6);
    assert_eq!(report["variants"][0]["name"], "math-classic");
    assert_eq!(report["variants"][0]["pages"], 1);
    let words = pdf_text(&dir.path("out/words-modern.pdf")).join("\n");
    assert!(
        words.contains("Menabrea") && !words.contains("first program"),
        "{words}"
    );
}

/// The names of the variants a `--format json` batch report lists, in its order.
fn variant_names(run: &std::process::Output) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON report");
    report["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .map(|v| v["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn shards_together_build_exactly_the_unsharded_batch() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\noutput = \"out/{name}.pdf\"\n\n\
         [[variant]]\nname = \"plain\"\n\n\
         [[variant]]\nname = \"one-page\"\npages = 1\n\n[matrix]\n\
         layouts = [\"classic\", \"modern\", \"compact\"]\n\
         tags = { math = \"math\", words = \"writing\" }\n",
    );
    assert_ok(&dir.vita(&["batch", "vita.toml", "-q"]));
    let whole = pdfs(&dir.path("out"));
    assert_eq!(whole.len(), 8);
    std::fs::remove_dir_all(dir.path("out")).unwrap();

    // Three shards, each with a different thread count, into the same folder.
    let mut seen = Vec::new();
    for (shard, jobs) in [("1/3", "1"), ("2/3", "3"), ("3/3", "2")] {
        let run = dir.vita(&[
            "batch",
            "vita.toml",
            "--shard",
            shard,
            "-j",
            jobs,
            "--format",
            "json",
        ]);
        assert_ok(&run);
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON report");
        assert_eq!(report["shard"], shard);
        let names = variant_names(&run);
        assert!(!names.is_empty(), "shard {shard} built nothing");
        seen.extend(names);
    }
    seen.sort();
    let mut expected: Vec<String> = whole
        .iter()
        .map(|(n, _)| n.trim_end_matches(".pdf").to_string())
        .collect();
    expected.sort();
    assert_eq!(seen, expected, "every variant in exactly one shard");
    assert!(
        pdfs(&dir.path("out")) == whole,
        "the shards' PDFs differ from the unsharded run's"
    );

    // The same shard again, on one thread, builds the same variants.
    let again = dir.vita(&["batch", "vita.toml", "--shard", "2/3", "--format", "json"]);
    let single = dir.vita(&[
        "batch",
        "vita.toml",
        "--shard",
        "2/3",
        "-j",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(variant_names(&again), variant_names(&single));

    let bad = dir.vita(&["batch", "vita.toml", "--shard", "4/3"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("K/N"), "{}", stderr(&bad));
}

#[test]
fn one_failing_variant_does_not_stop_the_others() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\n\n[[variant]]\nname = \"good\"\n\n\
         [[variant]]\nname = \"lost\"\ninput = \"missing.md\"\n\n\
         [[variant]]\nname = \"also-good\"\nlayout = \"modern\"\n",
    );
    let run = dir.vita(&["batch", "vita.toml"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(dir.path("good.pdf").exists() && dir.path("also-good.pdf").exists());
    assert!(!dir.path("lost.pdf").exists());
    crate::util::assert_coded(&run, "error[V0001]", "");
    let message = stderr(&run);
    assert!(message.contains("2 built, 1 failed"), "{message}");
    // In the JSON report the failure is a diagnostic object, not drawn text.
    let run = dir.vita(&["batch", "vita.toml", "--format", "json", "--quiet"]);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON report");
    let lost = &report["variants"][1];
    assert_eq!(lost["status"], "failed", "{report}");
    assert_eq!(lost["error"]["code"], "V0001", "{report}");
    assert_eq!(lost["error"]["severity"], "error", "{report}");
    assert!(
        lost["error"]["file"]
            .as_str()
            .unwrap()
            .ends_with("missing.md"),
        "{report}"
    );
}

#[test]
fn a_variant_that_does_not_fit_fails_with_exit_3() {
    let dir = Dir::new();
    dir.write(
        "long.md",
        std::fs::read(crate::util::repo("samples/three-pages.md")).unwrap(),
    );
    dir.write(
        "vita.toml",
        "input = \"long.md\"\n[[variant]]\nname = \"one\"\npages = 1\n[[variant]]\nname = \"free\"\n",
    );
    let run = dir.vita(&["batch", "vita.toml", "--quiet"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    assert!(dir.path("free.pdf").exists() && !dir.path("one.pdf").exists());
    crate::util::assert_coded(&run, "error[V0405]", "long.md");
}

#[test]
fn batch_check_fails_a_variant_whose_text_does_not_come_back() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    dir.write(
        "spaced.toml",
        "extends = \"classic\"\n[section]\nletter-spacing = \"0.3em\"\n",
    );
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\n[[variant]]\nname = \"plain\"\n[[variant]]\nname = \"spaced\"\nlayout = \"spaced.toml\"\n",
    );
    let run = dir.vita(&["batch", "vita.toml", "--check", "--format", "json"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["variants"][0]["status"], "ok");
    assert_eq!(report["variants"][0]["check"]["recovered_percent"], 100.0);
    assert_eq!(report["variants"][1]["status"], "check failed");
    assert_eq!(
        report["variants"][1]["check"]["letter_spaced"][0],
        // Small capitals read back as the capitals they show.
        "W O R K"
    );
}

#[test]
fn manifest_errors_name_the_line_and_build_nothing() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    let manifest = dir.write(
        "vita.toml",
        "input = \"cv.md\"\n\n[[variant]]\nname = \"a\"\n\n[[variant]]\nname = \"b\"\nlayuot = \"modern\"\n",
    );
    let run = dir.vita(&["batch", manifest.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0204]", "vita.toml:8:1");
    let message = stderr(&run);
    assert!(
        message.contains("8 | layuot = \"modern\""),
        "quotes the line: {message}"
    );
    assert!(
        message.contains("= hint: did you mean `layout`?"),
        "{message}"
    );
    assert!(!message.trim().contains("\n\n"), "one paragraph: {message}");
    assert!(!dir.path("a.pdf").exists(), "nothing is built");
}

#[test]
fn the_workflow_in_docs_ci_builds_and_checks_the_sample_manifest() {
    let workflow = std::fs::read_to_string(crate::util::repo("docs/ci.md")).unwrap();
    assert!(
        workflow.contains("vita batch samples/vita.toml --check --format json"),
        "docs/ci.md no longer runs the command this test runs"
    );
    let dir = Dir::new();
    for file in ["tagged.md", "vita.toml"] {
        dir.write(
            file,
            std::fs::read(crate::util::repo(&format!("samples/{file}"))).unwrap(),
        );
    }
    let run = dir.vita(&["batch", "vita.toml", "--check", "--format", "json"]);
    assert_ok(&run);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["failed"], 0);
    assert_eq!(report["built"], 8);
    for variant in report["variants"].as_array().unwrap() {
        assert_eq!(variant["check"]["recovered_percent"], 100.0, "{variant}");
    }
    let data = pdf_text(&dir.path("pdf/data.pdf")).join("\n");
    assert!(
        data.contains("Data Engineer") && data.contains("Berlin Buzzwords"),
        "{data}"
    );
    assert!(!data.contains("Kubernetes, Terraform"), "{data}");
}
