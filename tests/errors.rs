//! Bad input: clear messages with file:line:col, the right exit code, and no clobbered output.

use crate::util::{Dir, stderr};

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
    let message = stderr(&run);
    assert!(message.contains("cv.md:3:"), "{message}");
    assert!(
        message.contains("headline = \"Analyst"),
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
    let run = dir.vita(&["build", "nowhere.md"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("nowhere.md"), "{}", stderr(&run));
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
    assert!(stderr(&run).contains("classic"), "{}", stderr(&run));
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
    let message = stderr(&run);
    assert!(message.contains("mine.toml:2:1"), "{message}");
    assert!(message.contains("sise"), "{message}");
    assert!(message.contains("did you mean `size`"), "{message}");
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
        let message = stderr(&run);
        assert!(
            message.starts_with("error[V0303]: ")
                && message.contains(&format!("{at}: `page.size`: \"a44\" is no page size")),
            "{message}"
        );
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
    assert!(d["message"].as_str().unwrap().contains("pages"), "{d}");
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
        !stderr(&run).contains("no available font"),
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
