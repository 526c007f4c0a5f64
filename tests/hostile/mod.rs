//! Hostile and broken input through the binary (issue #10): the cases of
//! `tests/hostile/run.sh` that need nothing but Rust, so `cargo test` guards them too. The
//! script adds the time and memory limits, pipes, signals and the full corpus.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::util::{Dir, assert_coded, assert_ok, headlines, stderr};

const RESUME: &str = "# Ada Example\nada@example.com\n\n## Skills\n\nRust, Go\n";

#[test]
fn a_fifo_with_no_writer_is_refused_at_once() {
    let dir = Dir::new();
    let fifo = dir.path("cv.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let started = std::time::Instant::now();
    let out = dir.vita(&["build", "cv.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert_coded(&out, "error[V0001]", "");
    // Refused as a pipe nothing writes to, not after waiting for one that stalls.
    assert!(
        stderr(&out).contains("named pipe (FIFO) that nothing writes to"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn dev_zero_is_refused_everywhere_with_the_right_command() {
    let dir = Dir::new();
    dir.write("cv.md", RESUME);
    // Each hint names what the command takes, which is what is tested beside the code.
    for (args, code, needle) in [
        (&["build", "/dev/zero"][..], "error[V0001]", "pass a file"),
        (
            &["check", "/dev/zero"][..],
            "error[V0001]",
            "`vita check resume.md`",
        ),
        (
            &["batch", "/dev/zero"][..],
            "error[V0001]",
            "`vita batch` takes a manifest",
        ),
        (
            &["build", "cv.md", "--layout", "/dev/zero"][..],
            "error[V0001]",
            "256 KB",
        ),
        (
            &["build", "cv.md", "--font-path", "/dev/zero"][..],
            "error[V0010]",
            "pass a font file",
        ),
    ] {
        let out = dir.vita(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_coded(&out, code, "");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn empty_files_manifests_and_layouts_are_no_resume() {
    let dir = Dir::new();
    dir.write("empty.md", "\n  \n");
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\n[[variant]]\nname = \"a\"\n",
    );
    dir.write("mine.toml", "[page]\nsize = \"a4\"\n");
    for (file, code) in [
        ("empty.md", "error[V0003]"),
        ("vita.toml", "error[V0004]"),
        ("mine.toml", "error[V0004]"),
    ] {
        let out = dir.vita(&["build", file]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_coded(&out, code, "");
        assert!(!dir.path(file).with_extension("pdf").exists(), "{file}");
    }
}

#[test]
fn layout_values_out_of_range_are_located_errors_in_the_unit_written() {
    let dir = Dir::new();
    dir.write("cv.md", RESUME);
    dir.write("l.toml", "[page]\nmargin = \"-10mm\"\n");
    let out = dir.vita(&["build", "cv.md", "--layout", "l.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_coded(&out, "error[V0304]", "l.toml:2:10");
    // The suggested margin is in the unit written.
    let err = stderr(&out);
    assert!(err.contains("e.g. \"18mm\""), "{err}");
    dir.write("l.toml", "[fonts]\nsize = \"0pt\"\n");
    let out = dir.vita(&["build", "cv.md", "--layout", "l.toml"]);
    assert_eq!(out.status.code(), Some(1));
    // One error, from the layout: nothing reached the PDF writer.
    assert_eq!(
        headlines(&out),
        [("error[V0304]".to_string(), "l.toml:2:8".to_string())]
    );
}

#[test]
fn control_characters_are_warned_at_their_line_and_never_echoed() {
    let dir = Dir::new();
    dir.write(
        "cv.md",
        "# Ada Example\nada@example.com\n\n## Skills\n\nRust\0Go \x1b[2J\n",
    );
    let out = dir.vita(&["build", "cv.md"]);
    assert_ok(&out);
    assert_coded(&out, "warning[V0006]", "cv.md:6:5");
    assert_coded(&out, "warning[V0006]", "cv.md:6:9");
    let err = stderr(&out);
    assert!(!err.contains('\x1b') && !err.contains('\0'), "{err:?}");
    let text = crate::util::pdf_text(&dir.path("cv.pdf")).join(" ");
    assert!(text.contains("Rust Go"), "{text}");
    assert!(!text.contains('\0'));
}

#[test]
fn a_table_wider_than_the_page_is_set_in_parts_with_a_warning() {
    let dir = Dir::new();
    let cols = 16;
    let head: Vec<String> = (0..cols).map(|i| format!("Column {i}")).collect();
    let row: Vec<String> = (0..cols).map(|i| format!("value{i} text")).collect();
    let source = format!(
        "# Ada Example\nada@example.com\n\n## Skills\n\n| {} |\n|{}\n| {} |\n",
        head.join(" | "),
        "---|".repeat(cols),
        row.join(" | ")
    );
    dir.write("cv.md", source);
    let out = dir.vita(&["build", "cv.md"]);
    assert_ok(&out);
    assert_coded(&out, "warning[V0403]", "cv.md:6:1");
    let text = crate::util::pdf_text(&dir.path("cv.pdf")).join(" ");
    for i in 0..cols {
        assert!(
            text.contains(&format!("value{i}")),
            "value{i} missing: {text}"
        );
    }
}

#[test]
fn manifest_outputs_stay_in_its_folder_unless_allowed() {
    let dir = Dir::new();
    std::fs::create_dir(dir.path("sub")).unwrap();
    dir.write("sub/cv.md", RESUME);
    dir.write(
        "sub/vita.toml",
        "input = \"cv.md\"\n[[variant]]\nname = \"a\"\noutput = \"../a.pdf\"\n",
    );
    let out = dir.vita(&["batch", "sub/vita.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_coded(&out, "error[V0204]", "sub/vita.toml:4:10");
    assert!(!dir.path("a.pdf").exists());
    assert_ok(&dir.vita(&["batch", "--allow-outside", "sub/vita.toml"]));
    assert!(dir.path("a.pdf").exists());
}

#[test]
fn a_rebuilt_pdf_keeps_its_mode_and_a_new_one_is_not_private() {
    let dir = Dir::new();
    dir.write("cv.md", RESUME);
    assert_ok(&dir.vita(&["build", "cv.md"]));
    let mode = |p| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let pdf = dir.path("cv.pdf");
    // The test's umask decides group and other bits; the owner always reads and writes, and a
    // PDF is never made private just because it went through a temporary file.
    assert_eq!(mode(&pdf) & 0o600, 0o600);
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_ok(&dir.vita(&["build", "cv.md"]));
    assert_eq!(mode(&pdf), 0o644);
}

#[test]
fn ten_thousand_unused_tags_give_one_warning() {
    let dir = Dir::new();
    dir.write("cv.md", RESUME);
    let terms: Vec<String> = (0..10_000).map(|i| format!("t{i}")).collect();
    let out = dir.vita(&["build", "cv.md", "--tags", &terms.join(",")]);
    assert_ok(&out);
    assert_eq!(
        headlines(&out),
        [("warning[V0201]".to_string(), "--tags".to_string())]
    );
    // The one warning counts them, and does not quote the flag's value.
    let err = stderr(&out);
    assert!(err.contains("10000 tags are used nowhere"), "{err}");
    assert!(err.len() < 1000, "{err}");
}

#[test]
fn os_errors_are_worded() {
    let dir = Dir::new();
    dir.write("cv.md", RESUME);
    let out = dir.vita(&["build", "cv.md", "-o", "cv.md/x.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert_coded(&out, "error[V0012]", "");
    // The system's reason, worded for a person, is what is tested.
    let err = stderr(&out);
    assert!(
        err.contains("a part of the path is a file, not a folder"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}
