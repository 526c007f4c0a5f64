//! `vita build` writing pictures and text besides the PDF, and `vita check --show-text`.

use crate::util::{Dir, assert_ok, common_in_order, repo, source_words, stderr, words};

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The seed's text as `-o seed.txt` writes it, with `layout_toml` as its layout file.
fn seed_text(dir: &Dir, layout_toml: &str) -> String {
    let seed = repo("tests/fixtures/seed-resume.md");
    let layout = dir.write("layout.toml", layout_toml);
    let run = dir.vita(&[
        "build",
        seed.to_str().unwrap(),
        "-o",
        "seed.txt",
        "--layout",
        layout.to_str().unwrap(),
    ]);
    assert_ok(&run);
    std::fs::read_to_string(dir.path("seed.txt")).unwrap()
}

/// Asserts that no layout artefact is left: zero-width spaces, private-use characters.
fn assert_clean(text: &str) {
    assert!(!text.contains('\u{200b}'), "a zero-width space is left");
    let private = text
        .chars()
        .find(|c| matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}'));
    assert_eq!(private, None, "a private-use character is left");
}

/// Lower-cased words (section titles are set in capitals).
fn lower(words: Vec<String>) -> Vec<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

#[test]
fn the_seeds_text_has_every_word_in_order_and_no_layout_artefacts() {
    let dir = Dir::new();
    let seed = repo("tests/fixtures/seed-resume.md");
    let expected = lower(source_words(&std::fs::read_to_string(&seed).unwrap()));
    assert_eq!(expected.len(), 534);
    // The arrangement that keeps the source's order of an entry's parts: every word in order.
    let text = seed_text(
        &dir,
        "extends = \"classic\"\n[entry]\narrangement = \"title-place\"\n",
    );
    let got = lower(words(&text));
    assert_eq!(common_in_order(&expected, &got), 534, "{text}");
    assert_clean(&text);
    // The default arrangement reads dates before the organisation: every word, some moved.
    let text = seed_text(&dir, "extends = \"classic\"\n");
    let mut got = lower(words(&text));
    let mut want = expected.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want, "{text}");
    assert_clean(&text);
    // A word hyphenated across lines in the PDF is whole in the text; the footer is page
    // furniture.
    assert!(text.contains("reduced"), "{text}");
    assert!(!text.contains("re-\nduced"), "{text}");
    assert!(!text.contains("Page 1 of 2"), "{text}");
}

#[test]
fn png_pages_are_numbered_sized_by_dpi_and_the_same_every_time() {
    let dir = Dir::new();
    let seed = repo("tests/fixtures/seed-resume.md");
    let build = |name: &str| {
        // Two pages, as `--pages 2` keeps them (by default the seed is fitted to one page).
        let run = dir.vita(&[
            "build",
            seed.to_str().unwrap(),
            "-o",
            name,
            "--dpi",
            "80",
            "--pages",
            "2",
        ]);
        assert_ok(&run);
        assert!(stderr(&run).contains("2 pages"), "{}", stderr(&run));
    };
    build("a.png");
    build("b.png");
    for page in 1..=2 {
        let a = std::fs::read(dir.path(&format!("a-{page}.png"))).unwrap();
        let b = std::fs::read(dir.path(&format!("b-{page}.png"))).unwrap();
        // A4 at 80 dpi: 595.28 × 841.89 pt → 661 × 935 pixels.
        assert_eq!(png_size(&a), (661, 935));
        assert!(a == b, "page {page} differs between two builds");
    }
    assert!(!dir.path("a.png").exists() && !dir.path("a-3.png").exists());
}

#[test]
fn svg_pages_and_the_format_flag() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Quill\n\n## Work\n\nWrote the first program.\n",
    );
    let run = dir.vita(&["build", input.to_str().unwrap(), "--format", "svg"]);
    assert_ok(&run);
    let svg = std::fs::read_to_string(dir.path("cv-1.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(!dir.path("cv.pdf").exists(), "--format svg writes no PDF");

    // --format wins over the extension; --format json is still the report, with the PDF.
    let run = dir.vita(&["build", "cv.md", "-o", "plain.out", "--format", "txt"]);
    assert_ok(&run);
    let text = std::fs::read_to_string(dir.path("plain.out")).unwrap();
    assert_eq!(text, "Ada Quill\nWORK\nWrote the first program.\n");
    for flags in [["--format", "json"], ["--report", "json"]] {
        let run = dir.vita(&["build", "cv.md", flags[0], flags[1]]);
        assert_ok(&run);
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(report["pages"], 1, "{report}");
        assert!(dir.path("cv.pdf").exists());
    }
}

#[test]
fn check_shows_the_text_it_reads() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Quill\n\n## Work\n\nWrote the first program.\n",
    );
    let run = dir.vita(&["check", input.to_str().unwrap(), "--show-text"]);
    assert_ok(&run);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "Ada Quill\nWORK\nWrote the first program.\n"
    );
    assert!(stderr(&run).contains("check passed"), "{}", stderr(&run));
}

#[test]
fn batch_writes_the_formats_each_variant_lists() {
    let dir = Dir::new();
    dir.write(
        "cv.md",
        "# Ada Quill\n\n## Work\n\nWrote the first program.\n",
    );
    dir.write(
        "vita.toml",
        "input = \"cv.md\"\noutput = \"out/{name}.pdf\"\n\n[[variant]]\nname = \"all\"\nformat = [\"pdf\", \"png\", \"txt\"]\n\n[[variant]]\nname = \"pictures\"\nformat = \"svg\"\n\n[[variant]]\nname = \"plain\"\n",
    );
    let run = dir.vita(&["batch", "vita.toml", "-q"]);
    assert_ok(&run);
    for file in [
        "all.pdf",
        "all-1.png",
        "all.txt",
        "pictures-1.svg",
        "plain.pdf",
    ] {
        assert!(dir.path("out").join(file).exists(), "{file} is missing");
    }
    assert!(!dir.path("out/pictures.pdf").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path("out/all.txt")).unwrap(),
        "Ada Quill\nWORK\nWrote the first program.\n"
    );

    dir.write(
        "bad.toml",
        "input = \"cv.md\"\n\n[[variant]]\nname = \"x\"\nformat = [\"pdf\", \"jpg\"]\n",
    );
    let run = dir.vita(&["batch", "bad.toml"]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0204]", "bad.toml:5:18");
    let message = stderr(&run);
    assert!(message.contains("use pdf, png, svg, txt"), "{message}");
}
