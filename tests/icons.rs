//! Icons (issue #11): the header's contact items get icons in `modern`, Font Awesome markup
//! draws its icon, and no icon reaches the text layer: the contact line reads as plain text,
//! with or without ActualText (the icons are artifacts drawn as outlines; the display list's
//! side is tested in vita-layout's `icons` tests).

use crate::util::{Dir, assert_ok, repo};

/// Builds the icon fixture in `layout`; returns the PDF bytes.
fn build(dir: &Dir, layout: &str) -> Vec<u8> {
    let output = dir.path("icons.pdf");
    let input = repo("tests/fixtures/icons.md");
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--layout",
        layout,
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_ok(&run);
    std::fs::read(&output).unwrap()
}

fn private_use(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| ('\u{e000}'..='\u{f8ff}').contains(c))
        .collect()
}

#[test]
fn the_contact_line_reads_as_plain_text_with_icons_on() {
    let dir = Dir::new();
    let pdf = build(&dir, "modern");
    let pages = vita_pdf::extract_text(&pdf).unwrap();
    let naive = vita_pdf::extract_text_ignoring_actual_text(&pdf).unwrap();
    for text in [pages.join("\n"), naive.join("\n")] {
        assert_eq!(private_use(&text), Vec::<char>::new(), "{text}");
        for item in [
            "robin.quill@example.org",
            "+44 20 7946 0958",
            "Leeds, UK",
            "github.com/rquill",
            "orcid.org/0000-0002-1825-0097",
            "rquill.dev",
        ] {
            assert!(text.contains(item), "{item} missing from {text}");
        }
        // The markup's icons leave their sentence whole.
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(
            words.windows(2).any(|w| w == ["libraries;", "writes"]),
            "{text}"
        );
    }
}
