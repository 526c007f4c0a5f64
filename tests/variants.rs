//! `vita build --tags/--set`, and the listing commands.

use crate::util::{Dir, assert_ok, pdf_text, stderr};

const CV: &str = "# Ada Lovelace\n\nAnalyst\n\n## Work <!-- tags: work -->\n\n\
    ### Analyst | Babbage & Co | 1842 – 1843\n\n\
    - Wrote the first program <!-- tags: math -->\n\
    - Translated Menabrea's paper <!-- tags: writing -->\n\
    - Corresponded with Faraday\n\n\
    ## Talks\n<!-- tags: speaking -->\n\nSpoke at the Royal Society.\n";

#[test]
fn tags_select_what_is_built() {
    let dir = Dir::new();
    let input = dir.write("cv.md", CV);
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--tags",
        "math,work",
        "-o",
        "m.pdf",
    ]);
    assert_ok(&run);
    let text = pdf_text(&dir.path("m.pdf")).join("\n");
    assert!(
        text.contains("first program") && text.contains("Faraday"),
        "{text}"
    );
    assert!(
        !text.contains("Menabrea") && !text.contains("Royal Society"),
        "{text}"
    );
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--tags",
        "!writing",
        "-o",
        "n.pdf",
    ]);
    assert_ok(&run);
    let text = pdf_text(&dir.path("n.pdf")).join("\n");
    assert!(
        text.contains("Royal Society") && !text.contains("Menabrea"),
        "{text}"
    );
}

#[test]
fn an_unknown_tag_is_a_warning_with_a_suggestion() {
    let dir = Dir::new();
    let input = dir.write("cv.md", CV);
    let run = dir.vita(&["build", input.to_str().unwrap(), "--tags", "mathh"]);
    assert_ok(&run);
    crate::util::assert_coded(&run, "warning[V0201]", "--tags");
    let message = stderr(&run);
    assert!(message.contains("| mathh\n"), "quotes the flag: {message}");
    assert!(
        message.contains("= hint: did you mean `math`?"),
        "{message}"
    );
}

#[test]
fn a_bad_tag_expression_is_exit_1_with_a_caret() {
    let dir = Dir::new();
    let input = dir.write("cv.md", CV);
    let run = dir.vita(&["build", input.to_str().unwrap(), "--tags", "math,,x"]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0103]", "--tags");
    assert!(
        stderr(&run).contains(" | math,,x\n |      ^"),
        "{}",
        stderr(&run)
    );
    assert!(!dir.path("cv.pdf").exists());
}

#[test]
fn set_overrides_front_matter_fields() {
    let dir = Dir::new();
    let input = dir.write("cv.md", CV);
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--set",
        "headline=Mathematician and writer",
    ]);
    assert_ok(&run);
    let text = pdf_text(&dir.path("cv.pdf")).join("\n");
    assert!(
        text.contains("Mathematician and writer") && !text.contains("\nAnalyst\n"),
        "{text}"
    );
    let run = dir.vita(&["build", input.to_str().unwrap(), "--set", "headlin=x"]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0202]", "--set");
    assert!(
        stderr(&run).contains("= hint: did you mean `headline`?"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn layouts_and_fonts_are_listed() {
    let dir = Dir::new();
    let run = dir.vita(&["layouts"]);
    assert_ok(&run);
    let out = String::from_utf8_lossy(&run.stdout);
    for name in ["classic", "modern", "compact"] {
        assert!(out.contains(name), "{out}");
    }
    let run = dir.vita(&["fonts"]);
    assert_ok(&run);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("Charis SIL") && out.contains("Lato"), "{out}");
}

#[test]
fn an_unknown_tag_in_a_manifest_is_warned_at_its_term() {
    let dir = Dir::new();
    dir.write("cv.md", CV);
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\n[[variant]]\nname = \"a\"\ntags = \"math,!Mathh\"\n\
         [matrix]\ntags = { b = [\"poetri\"] }\n",
    );
    let run = dir.vita(&["batch", "vita.toml", "--quiet"]);
    assert_ok(&run);
    crate::util::assert_coded(&run, "warning[V0201]", "vita.toml:4:15");
    crate::util::assert_coded(&run, "warning[V0201]", "vita.toml:6:16");
    assert!(
        stderr(&run).contains("4 | tags = \"math,!Mathh\"\n  |               ^^^^^\n"),
        "{}",
        stderr(&run)
    );
}
