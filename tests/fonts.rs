//! Typefaces: every bundled family sets the seed, families are named in layout files (unknown
//! ones are errors at their line with the nearest names), code spans take `fonts.mono`, and
//! `vita fonts` lists and shows the families.

use crate::util::{Dir, assert_ok, common_in_order, pdf_text, repo, source_words, stderr, words};

/// The bundled families, as `vita fonts` names them.
const BUNDLED: [&str; 6] = [
    "Charis SIL",
    "Inter",
    "JetBrains Mono",
    "Lato",
    "Noto Sans",
    "Vollkorn",
];

/// The base fonts a PDF's pages use (`/BaseFont /ABCDEF+Name`), without the subset tags,
/// sorted and without duplicates.
fn base_fonts(pdf: &[u8]) -> Vec<String> {
    let mut names: Vec<String> = subsets(pdf)
        .iter()
        .map(|base| {
            base.split_once('+')
                .map_or(base.as_str(), |(_, n)| n)
                .to_string()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The embedded font subsets (`ABCDEF+Name`) a PDF's pages use, sorted by name, without
/// duplicates: one per face (the instances of a variable font share a name).
fn subsets(pdf: &[u8]) -> Vec<String> {
    use hayro_syntax::object::{Dict, Name};
    let pdf = hayro_syntax::Pdf::new(pdf.to_vec()).expect("the PDF parses");
    let mut names = Vec::new();
    for page in pdf.pages().iter() {
        let fonts = page.resources().fonts.clone();
        for key in fonts.keys() {
            let Some(font) = fonts.get::<Dict<'_>>(&*key) else {
                continue;
            };
            if let Some(base) = font.get::<Name<'_>>(b"BaseFont") {
                names.push(base.as_str().to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_bundled_family_sets_the_seed_with_every_word_bold_italic_and_small_caps() {
    let dir = Dir::new();
    let seed = repo("tests/fixtures/seed-resume.md");
    let expected: Vec<String> = source_words(&std::fs::read_to_string(&seed).unwrap())
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    assert_eq!(expected.len(), 534);
    for family in BUNDLED {
        // Classic's bold small-capital titles, in the arrangement that keeps the source order.
        let layout = dir.write(
            "family.toml",
            format!(
                "extends = \"classic\"\n[entry]\narrangement = \"title-place\"\n\
                 [fonts]\nbody = \"{family}\"\nheading = \"{family}\"\n"
            ),
        );
        let run = dir.vita(&[
            "build",
            seed.to_str().unwrap(),
            "-o",
            "family.pdf",
            "--layout",
            layout.to_str().unwrap(),
        ]);
        assert_ok(&run);
        assert!(
            !crate::util::headlines(&run)
                .iter()
                .any(|(tag, _)| tag == "warning[V0407]"),
            "{family}: {}",
            stderr(&run)
        );
        let pages = pdf_text(&dir.path("family.pdf"));
        let text = pages.join("\n");
        let got: Vec<String> = words(&text).into_iter().map(|w| w.to_lowercase()).collect();
        // Every word comes back.
        let (mut sorted_got, mut sorted_expected) = (got.clone(), expected.clone());
        sorted_got.sort();
        sorted_expected.sort();
        assert_eq!(sorted_got, sorted_expected, "{family}:\n{text}");
        // In source order too (JetBrains Mono wraps an organisation line; its dates go on
        // the wrapped line's last line).
        assert_eq!(common_in_order(&expected, &got), 534, "{family}:\n{text}");
        // Regular, bold and italic faces of the family, and nothing else.
        let pdf = std::fs::read(dir.path("family.pdf")).unwrap();
        let fonts = subsets(&pdf);
        assert_eq!(fonts.len(), 3, "{family}: {fonts:?}");
        let fonts = base_fonts(&pdf);
        let stem = family.replace(' ', "");
        assert!(
            fonts.iter().all(|f| f.starts_with(&stem)),
            "{family}: {fonts:?}"
        );
        // Families with small capitals show the titles in them, read back as capitals.
        if ["Charis SIL", "Noto Sans", "Vollkorn"].contains(&family) {
            assert!(
                text.contains("PROFESSIONAL EXPERIENCE"),
                "{family}:\n{text}"
            );
        }
    }
}

#[test]
fn an_unknown_family_fails_at_its_line_with_the_nearest_names() {
    let dir = Dir::new();
    let seed = repo("tests/fixtures/seed-resume.md");
    dir.write(
        "mine.toml",
        "extends = \"classic\"\n\n[fonts]\nheading = \"Volkorn\"\n",
    );
    let run = dir.vita(&["build", seed.to_str().unwrap(), "--layout", "mine.toml"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    crate::util::assert_coded(&run, "error[V0307]", "mine.toml:4:11");
    let err = stderr(&run);
    assert!(err.contains("= hint: did you mean \"Vollkorn\"?"), "{err}");
    assert!(!dir.path("seed-resume.pdf").exists());
    // A name like nothing there is: where to look instead.
    dir.write(
        "mine.toml",
        "[fonts]\nbody = \"Quetzalcoatl Grotesk Display\"\n",
    );
    let run = dir.vita(&["build", seed.to_str().unwrap(), "--layout", "mine.toml"]);
    assert_eq!(run.status.code(), Some(1));
    crate::util::assert_coded(&run, "error[V0307]", "mine.toml:2:8");
    let err = stderr(&run);
    assert!(err.contains("`vita fonts` lists"), "{err}");
}

#[test]
fn code_spans_take_the_mono_family_without_ligatures() {
    let dir = Dir::new();
    dir.write(
        "cv.md",
        "# Ada Example\n\n## Skills\n\n- Wrote `fn fib() -> u64` and `final != first` daily.\n",
    );
    dir.write("mono.toml", "[fonts]\nmono = \"JetBrains Mono\"\n");
    let run = dir.vita(&["build", "cv.md", "--layout", "mono.toml", "-o", "mono.pdf"]);
    assert_ok(&run);
    let fonts = base_fonts(&std::fs::read(dir.path("mono.pdf")).unwrap());
    assert!(
        fonts.contains(&"JetBrainsMono-Regular".to_string()),
        "{fonts:?}"
    );
    let text = pdf_text(&dir.path("mono.pdf")).join("\n");
    assert!(text.contains("fn fib() -> u64"), "{text}");
    assert!(text.contains("final != first"), "{text}");
    // The built-in layouts set code in JetBrains Mono too.
    let run = dir.vita(&["build", "cv.md", "-o", "classic.pdf"]);
    assert_ok(&run);
    let fonts = base_fonts(&std::fs::read(dir.path("classic.pdf")).unwrap());
    assert!(
        fonts.contains(&"JetBrainsMono-Regular".to_string()),
        "{fonts:?}"
    );
    // With `fonts.mono` empty, code is set in the body's family.
    dir.write(
        "plain.toml",
        "extends = \"classic\"\n\n[fonts]\nmono = \"\"\n",
    );
    let run = dir.vita(&[
        "build",
        "cv.md",
        "--layout",
        "plain.toml",
        "-o",
        "plain.pdf",
    ]);
    assert_ok(&run);
    let fonts = base_fonts(&std::fs::read(dir.path("plain.pdf")).unwrap());
    assert!(
        fonts.iter().all(|f| f.starts_with("CharisSIL")),
        "{fonts:?}"
    );
}

#[test]
fn vita_fonts_lists_the_families_and_writes_a_specimen() {
    let dir = Dir::new();
    let run = dir.vita(&["fonts"]);
    assert_ok(&run);
    let out = String::from_utf8_lossy(&run.stdout);
    for family in BUNDLED {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(family))
            .unwrap_or_else(|| panic!("{family} missing:\n{out}"));
        assert!(
            line.contains("Regular, Italic, Bold, Bold Italic"),
            "{line}"
        );
        assert!(line.contains("[bundled]"), "{line}");
    }
    let run = dir.vita(&["fonts", "--sample", "specimen.pdf"]);
    assert_ok(&run);
    let pages = pdf_text(&dir.path("specimen.pdf"));
    assert_eq!(pages.len(), 1);
    for family in BUNDLED {
        assert!(pages[0].contains(family), "{family}:\n{}", pages[0]);
    }
    assert!(pages[0].contains("árvíztűrő tükörfúrógép"), "{}", pages[0]);
    let fonts = base_fonts(&std::fs::read(dir.path("specimen.pdf")).unwrap());
    // Four faces of each family (Inter's instances share one name).
    assert!(fonts.len() > 5 * 4, "{fonts:?}");
    let run = dir.vita(&["fonts", "--sample", "specimen.png"]);
    assert_ok(&run);
    let png = std::fs::read(dir.path("specimen.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}
