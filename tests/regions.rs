//! Regions: the seed in the two-column `sidebar` layout reads back region by region, in the
//! layout's order (header, sidebar, main column), through vita-pdf's own text extraction.

use crate::util::{Dir, assert_ok, common_in_order, pdf_text, repo, source_words, words};

/// The seed's words in the sidebar layout's reading order: the header (name and contact line),
/// then the sections the sidebar takes, then the rest.
fn seed_in_reading_order() -> (Vec<String>, Vec<String>, Vec<String>) {
    let seed = std::fs::read_to_string(repo("tests/fixtures/seed-header.md")).unwrap();
    let (header, body) = seed.split_at(seed.find("\n## ").unwrap());
    let mut side = String::new();
    let mut main = String::new();
    for section in body.split("\n## ").filter(|s| !s.trim().is_empty()) {
        let title = section.lines().next().unwrap().to_lowercase();
        let aside = ["skills", "languages", "tools", "education"]
            .iter()
            .any(|name| {
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == *name)
            });
        let target = if aside { &mut side } else { &mut main };
        target.push_str("\n## ");
        target.push_str(section);
    }
    let lower = |text: &str| -> Vec<String> {
        source_words(text)
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect()
    };
    (lower(header), lower(&side), lower(&main))
}

#[test]
fn the_seed_in_the_sidebar_layout_reads_header_then_sidebar_then_main_column() {
    let dir = Dir::new();
    let input = repo("tests/fixtures/seed-header.md");
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        "side.pdf",
        "--layout",
        "sidebar",
    ]);
    assert_ok(&run);
    let text = pdf_text(&dir.path("side.pdf")).join("\n");
    let got: Vec<String> = words(&text).into_iter().map(|w| w.to_lowercase()).collect();
    let (header, side, main) = seed_in_reading_order();
    assert!(side.len() > 40 && main.len() > 400, "{side:?}");
    let expected: Vec<String> = [header, side.clone(), main.clone()].concat();
    assert_eq!(common_in_order(&expected, &got), expected.len(), "{text}");
    // Each column is one run of text: the sidebar's last word comes before the main column's
    // first, and nothing of the sidebar follows it.
    let at = |word: &str| got.iter().position(|w| w == word).unwrap();
    let last_side = got.iter().rposition(|w| w == "allahabad").unwrap();
    assert!(last_side < at("professional"), "{text}");
    assert!(at("cloud") < at("professional"), "{text}");
}
