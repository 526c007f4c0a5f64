//! Every input failure is one paragraph (message, quoted line, hint), names `file:line:col`
//! when there is a place to name, exits 1, and writes nothing.

use std::path::Path;

use crate::util::{Dir, assert_coded, headlines, stderr};

/// Runs `args` in `dir` and checks the failure: exit 1, one diagnostic `tag` (`error[V0303]`)
/// at a location ending in `at`, and `needles` (a quoted line, a hint) in what is drawn.
fn fails_cleanly(dir: &Dir, args: &[&str], tag: &str, at: &str, needles: &[&str]) -> String {
    let before = listing(dir.path("").as_path());
    let run = dir.vita(args);
    let message = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{args:?}: {message}");
    assert_eq!(headlines(&run).len(), 1, "{args:?}: {message}");
    assert_coded(&run, tag, at);
    for needle in needles {
        assert!(
            message.contains(needle),
            "{args:?}: `{needle}` not in\n{message}"
        );
    }
    assert!(
        !message.trim_end().contains("\n\n"),
        "not one paragraph:\n{message}"
    );
    assert_eq!(
        listing(dir.path("").as_path()),
        before,
        "{args:?} wrote something"
    );
    message
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn missing_input() {
    let dir = Dir::new();
    for command in ["build", "check"] {
        fails_cleanly(&dir, &[command, "nowhere.md"], "error[V0001]", "", &[]);
    }
    fails_cleanly(&dir, &["batch", "vita.toml"], "error[V0001]", "", &[]);
}

#[test]
fn unreadable_input() {
    // Tests may run as root, who can read any file; a folder and bad bytes cannot be read by
    // anyone.
    let dir = Dir::new();
    std::fs::create_dir(dir.path("cv.md")).unwrap();
    fails_cleanly(&dir, &["build", "cv.md"], "error[V0001]", "", &[]);
    dir.write("bad.md", b"# Ada\n\nLine \xff\xfe two\n");
    fails_cleanly(
        &dir,
        &["build", "bad.md"],
        "error[V0002]",
        "bad.md:3:6",
        &["= hint: save the file with UTF-8"],
    );
}

#[test]
fn bad_front_matter() {
    let dir = Dir::new();
    dir.write(
        "cv.md",
        "+++\nname = \"Ada\"\npages = \"two\"\n+++\n\n## Work\n",
    );
    for command in ["build", "check"] {
        fails_cleanly(
            &dir,
            &[command, "cv.md"],
            "error[V0102]",
            "cv.md:3:9",
            &["3 | pages = \"two\""],
        );
    }
}

#[test]
fn unknown_layout() {
    let dir = Dir::new();
    dir.write("cv.md", "# Ada\n\n## Work\n\nWrote.\n");
    fails_cleanly(
        &dir,
        &["build", "cv.md", "--layout", "fancy"],
        "error[V0306]",
        "",
        &["classic, modern, compact"],
    );
    dir.write("cv2.md", "+++\nlayout = \"fancy\"\n+++\n# Ada\n");
    fails_cleanly(&dir, &["check", "cv2.md"], "error[V0306]", "", &[]);
}

#[test]
fn unknown_manifest_key() {
    let dir = Dir::new();
    dir.write("cv.md", "# Ada\n\n## Work\n\nWrote.\n");
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\npgaes = 1\n[[variant]]\nname = \"a\"\n",
    );
    fails_cleanly(
        &dir,
        &["batch", "vita.toml"],
        "error[V0204]",
        "vita.toml:2:1",
        &["= hint: did you mean `pages`?"],
    );
    dir.write(
        "v2.toml",
        "input = \"cv.md\"\n[[variant]]\nname = \"a\"\nset = { emial = \"a@b.c\" }\n",
    );
    fails_cleanly(
        &dir,
        &["batch", "v2.toml"],
        "error[V0204]",
        "v2.toml:4:9",
        &["= hint: did you mean `email`?"],
    );
    dir.write(
        "v3.toml",
        "input = \"cv.md\"\n[matrix]\nlayouts = [\"classic\"]\ntag = {}\n",
    );
    fails_cleanly(
        &dir,
        &["batch", "v3.toml"],
        "error[V0204]",
        "v3.toml:4:1",
        &["= hint: did you mean `tags`?"],
    );
}
