//! Bad input: clear messages with file:line:col, the right exit code, and no clobbered output.

use crate::util::{Dir, assert_coded, headlines, place, reported, stderr};

#[test]
fn malformed_front_matter_names_the_line_and_keeps_the_old_output() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "+++\nname = \"Ada\"\nheadline = \"Analyst\nemail = \"ada@example.com\"\n+++\n\n## Work\n",
    );
    let out = dir.write("cv.pdf", b"previous output");
    let run = dir.vita(&["build", input.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_coded(&run, "error[V0101]", "cv.md:3:20");
    let message = stderr(&run);
    assert!(
        message.contains("3 | headline = \"Analyst"),
        "quotes the line: {message}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"previous output");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path(""))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn malformed_front_matter_writes_nothing_when_there_was_no_output() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "+++\nname = \n+++\n");
    let run = dir.vita(&["build", input.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!dir.path("cv.pdf").exists());
}

#[test]
fn missing_input_is_exit_1_with_the_path() {
    let dir = Dir::new();
    let run = dir.vita(&["build", "nowhere.md", "--format", "json"]);
    assert_eq!(run.status.code(), Some(1));
    let d = &reported(&run)[0];
    assert_eq!(
        (d["code"].as_str(), d["file"].as_str()),
        (Some("V0001"), Some("nowhere.md"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = Dir::new();
    assert_eq!(dir.vita(&["build"]).status.code(), Some(2));
    assert_eq!(dir.vita(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn unknown_layout_lists_the_built_ins() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n");
    let run = dir.vita(&["build", input.to_str().unwrap(), "--layout", "fancy"]);
    assert_eq!(run.status.code(), Some(1));
    assert_coded(&run, "error[V0306]", "");
    // The hint lists the names there are.
    assert!(
        stderr(&run)
            .contains("= hint: use a built-in layout (classic, modern, compact, sidebar, dense)"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn layout_file_typo_points_at_the_key() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n");
    let layout = dir.write("mine.toml", "[page]\nsise = \"a4\"\n");
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--layout",
        layout.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert_coded(&run, "error[V0302]", "mine.toml:2:1");
    let message = stderr(&run);
    assert!(
        message.contains("= hint: did you mean `size`?"),
        "{message}"
    );
}

#[test]
fn a_page_size_that_is_no_size_fails_at_its_place_through_extends_too() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n\n## Work\n\nWrote.\n");
    for (text, at) in [
        ("[page]\nsize = \"a44\"\n", "mine.toml:2:8"),
        (
            "extends = \"modern\"\n[page]\nsize = \"a44\"\n",
            "mine.toml:3:8",
        ),
    ] {
        let layout = dir.write("mine.toml", text);
        let run = dir.vita(&[
            "build",
            input.to_str().unwrap(),
            "--layout",
            layout.to_str().unwrap(),
            "--report",
            "json",
        ]);
        assert_eq!(run.status.code(), Some(1), "{text}");
        assert_eq!(headlines(&run).len(), 1, "{}", stderr(&run));
        assert_coded(&run, "error[V0303]", at);
        let message = stderr(&run);
        assert!(message.contains("= hint: write \"a4\""), "{message}");
        assert!(!dir.path("cv.pdf").exists(), "a PDF was written");
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "V0303", "{report}");
        assert_eq!(d["severity"], "error");
        assert!(d["file"].as_str().unwrap().ends_with("mine.toml"), "{d}");
        let line: usize = at[10..11].parse().unwrap();
        assert_eq!(d["line"], line, "{d}");
        assert_eq!(d["column"], 8, "{d}");
        assert_eq!(d["end"]["column"], 13, "{d}");
        assert!(
            d["hints"][0].as_str().unwrap().contains("210mm x 297mm"),
            "{d}"
        );
    }
}

#[test]
fn a_range_error_through_extends_names_the_base_as_a_related_place() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n\n## Work\n\nWrote.\n");
    dir.write(
        "mine.toml",
        "extends = \"modern\"\n\n[fonts]\nsize = \"1pt\"\n",
    );
    let args = ["build", input.to_str().unwrap(), "--layout", "mine.toml"];
    let run = dir.vita(&args);
    assert_eq!(run.status.code(), Some(1));
    assert_coded(&run, "error[V0304]", "mine.toml:4:8");
    assert!(
        stderr(&run).contains("::: mine.toml:1:11\n"),
        "{}",
        stderr(&run)
    );
    let run = dir.vita(&[&args[..], &["--format", "json"]].concat());
    let d = &reported(&run)[0];
    assert_eq!(place(d), ("V0304".into(), "mine.toml".into(), 4, 8));
    let related = &d["related"][0];
    assert_eq!(related["file"], "mine.toml", "{d}");
    assert_eq!(
        (related["line"].as_u64(), related["column"].as_u64()),
        (Some(1), Some(11))
    );
    assert_eq!(related["end"]["column"], 19, "{d}");
    assert_eq!(
        related["label"], "the keys this file does not set come from `modern`",
        "{d}"
    );
}

#[test]
fn json_reports_carry_diagnostics_as_objects_not_drawings() {
    let dir = Dir::new();
    let bad = dir.write("bad.md", "+++\npages = \"two\"\n+++\n# Ada\n");
    let run = dir.vita(&["build", bad.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["exit_code"], 1);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "V0102", "{d}");
    assert!(d["file"].as_str().unwrap().ends_with("bad.md"), "{d}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert!(!d["hints"].as_array().unwrap().is_empty(), "{d}");
    let text = report.to_string();
    assert!(
        !text.contains('^') && !text.contains(" | "),
        "drawn text in {text}"
    );
    // Warnings of a build that succeeds are objects too.
    let ok = dir.write(
        "ok.md",
        "+++\nnmae = \"Ada\"\n+++\n# Ada\n\n## Work\n\nWrote.\n",
    );
    let run = dir.vita(&["build", ok.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let w = &report["warnings"][0];
    assert_eq!(w["code"], "V0112", "{report}");
    assert_eq!(w["severity"], "warning");
    assert_eq!(
        (w["line"].as_u64(), w["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(w["hints"][0], "did you mean `name`?");
}

#[test]
fn output_never_overwrites_the_input() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n");
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "# Ada\n");
}

#[test]
fn font_path_supplies_characters_the_bundled_fonts_lack() {
    let dir = Dir::new();
    let input = dir.write("cv.md", "# Ada\n\n## Work\n\nSpoke 中文 at meetings.\n");
    let fonts = crate::util::repo("tests/fixtures/fonts");
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--font-path",
        fonts.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        !headlines(&run)
            .iter()
            .any(|(tag, _)| tag == "warning[V0401]"),
        "{}",
        stderr(&run)
    );
    let pdf = std::fs::read(dir.path("cv.pdf")).unwrap();
    let needle = b"VitaTestCJK";
    assert!(
        pdf.windows(needle.len()).any(|w| w == needle),
        "the test font is not embedded"
    );
    let text = crate::util::pdf_text(&dir.path("cv.pdf")).join("\n");
    assert!(text.contains("中文"), "{text}");
}

#[test]
fn a_key_set_twice_points_at_its_first_definition() {
    let dir = Dir::new();
    dir.write("cv.md", "+++\nname = \"Ada\"\nname = \"Bob\"\n+++\n# Ada\n");
    dir.write("ok.md", "# Ada\n\n## Work\n\nWrote.\n");
    dir.write(
        "mine.toml",
        "[page]\nsize = \"a4\"\n[fonts]\nsize = \"10pt\"\n[page]\n",
    );
    dir.write("vita.toml", "input = \"ok.md\"\ninput = \"cv.md\"\n");
    for (args, code, at, first) in [
        (&["build", "cv.md"][..], "V0101", (3, 1), (2, 1)),
        (
            &["build", "ok.md", "-l", "mine.toml"][..],
            "V0301",
            (5, 2),
            (1, 2),
        ),
        (&["batch", "vita.toml"][..], "V0204", (2, 1), (1, 1)),
    ] {
        let run = dir.vita(&[args, &["--format", "json"]].concat());
        assert_eq!(run.status.code(), Some(1), "{args:?}: {}", stderr(&run));
        let d = &reported(&run)[0];
        assert_eq!(
            (d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some(code), Some(at.0), Some(at.1)),
            "{d}"
        );
        let related = &d["related"][0];
        assert_eq!(
            (related["line"].as_u64(), related["column"].as_u64()),
            (Some(first.0), Some(first.1)),
            "{d}"
        );
        assert_eq!(related["label"], "first set here", "{d}");
    }
}
