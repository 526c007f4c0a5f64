//! Tagged PDF: the structure tree is written, page furniture reaches no extractor, and
//! `--standard` builds validate (or fail saying what is missing).

use crate::util::{Dir, assert_ok, pdf_text, repo, stderr};

/// Builds the seed with a header (name, email, phone) with extra flags; returns the PDF bytes.
fn build(dir: &Dir, flags: &[&str]) -> (std::process::Output, Vec<u8>) {
    let input = dir.write(
        "seed.md",
        std::fs::read(repo("tests/fixtures/seed-header.md")).unwrap(),
    );
    let output = dir.path("seed.pdf");
    let _ = std::fs::remove_file(&output);
    let mut args = vec![
        "build",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ];
    args.extend(flags);
    let run = dir.vita(&args);
    let bytes = std::fs::read(&output).unwrap_or_default();
    (run, bytes)
}

/// How often `needle` occurs in `bytes`.
fn count(bytes: &[u8], needle: &str) -> usize {
    bytes
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

#[test]
fn the_structure_tree_is_written_by_default() {
    let dir = Dir::new();
    let (run, pdf) = build(&dir, &[]);
    assert_ok(&run);
    assert_eq!(
        count(&pdf, "/StructTreeRoot"),
        2,
        "catalog key and the root"
    );
    assert_eq!(count(&pdf, "/S/H1"), 1, "the name");
    // Three section titles, four jobs, and every bullet as a list item.
    assert_eq!(count(&pdf, "/S/H2"), 3);
    assert_eq!(count(&pdf, "/S/H3"), 4);
    assert_eq!(count(&pdf, "/S/LI"), count(&pdf, "/S/LBody"));
    assert!(count(&pdf, "/S/LI") >= 14);
    assert_eq!(count(&pdf, "/S/Link"), 2, "email and phone links");
    assert!(count(&pdf, "/Marked true") == 1);
}

#[test]
fn no_tags_writes_no_structure_tree() {
    let dir = Dir::new();
    let (run, pdf) = build(&dir, &["--no-tags"]);
    assert_ok(&run);
    assert_eq!(count(&pdf, "/StructTreeRoot"), 0);
}

#[test]
fn the_footer_is_drawn_but_reads_as_nothing() {
    let dir = Dir::new();
    let (run, pdf) = build(&dir, &["--pages", "2"]);
    assert_ok(&run);
    let path = dir.path("seed.pdf");
    let pages = pdf_text(&path);
    assert_eq!(pages.len(), 2, "the seed kept on two pages has footers");
    for page in &pages {
        assert!(!page.contains("Page "), "footer text extracted: {page}");
    }
    assert!(!pdf.is_empty());
}

#[test]
fn pdf_ua_1_builds_validate() {
    let dir = Dir::new();
    let (run, pdf) = build(&dir, &["--standard", "pdf-ua-1"]);
    assert_ok(&run);
    assert!(
        count(&pdf, "pdfuaid:part") >= 1,
        "PDF/UA identification in XMP"
    );
    assert!(count(&pdf, "/DisplayDocTitle true") == 1);
}

#[test]
fn pdf_a_without_a_date_fails_saying_what_is_missing() {
    let dir = Dir::new();
    let (run, _) = build(&dir, &["--standard", "pdf-a-2b"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    crate::util::assert_coded(&run, "error[V0502]", "");
    // What is missing, and how to give it.
    let err = stderr(&run);
    assert!(err.contains("SOURCE_DATE_EPOCH"), "{err}");
}

#[test]
fn a_title_set_on_several_lines_is_tagged_with_spaces_where_they_meet() {
    let dir = Dir::new();
    // The sidebar's narrow column sets the skills title on three lines.
    let (run, pdf) = build(&dir, &["--layout", "sidebar"]);
    assert_ok(&run);
    assert_eq!(
        count(&pdf, "(PROGRAMMING LANGUAGES, FRAMEWORKS AND TOOLS)"),
        1,
        "{}",
        stderr(&run)
    );
}
