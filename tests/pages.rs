//! Layouts and fitting to a page count, through the binary.

use crate::util::{Dir, assert_ok, pdf_text, repo, stderr};

fn seed(dir: &Dir) -> std::path::PathBuf {
    dir.write(
        "seed.md",
        std::fs::read(repo("tests/fixtures/seed-resume.md")).unwrap(),
    )
}

#[test]
fn seed_fits_one_page_when_asked() {
    let dir = Dir::new();
    let input = seed(&dir);
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        "one.pdf",
        "--pages",
        "1",
    ]);
    assert_ok(&run);
    assert_eq!(pdf_text(&dir.path("one.pdf")).len(), 1);
    assert!(
        stderr(&run).contains("fitted 2 pages into 1"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn a_page_limit_it_already_meets_changes_nothing() {
    let dir = Dir::new();
    let input = seed(&dir);
    // Without fitting away a short last page, the seed takes two pages; `--pages 2` leaves
    // them as they are.
    let layout = dir.write(
        "two.toml",
        "extends = \"classic\"\n[page]\nmin-last-page = 0\n",
    );
    let layout = layout.to_str().unwrap();
    let plain = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        "plain.pdf",
        "-l",
        layout,
    ]);
    assert_ok(&plain);
    assert!(stderr(&plain).contains("(2 pages"), "{}", stderr(&plain));
    assert_ok(&dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        "two.pdf",
        "--pages",
        "2",
    ]));
    let plain = std::fs::read(dir.path("plain.pdf")).unwrap();
    let two = std::fs::read(dir.path("two.pdf")).unwrap();
    assert!(plain == two, "--pages 2 changed a two-page résumé");
}

#[test]
fn the_seed_takes_one_page_by_default_at_nine_and_a_half_points_and_says_what_moved() {
    let dir = Dir::new();
    let input = seed(&dir);
    let run = dir.vita(&["build", input.to_str().unwrap(), "-o", "one.pdf"]);
    assert_ok(&run);
    let said = stderr(&run);
    assert!(said.contains("(1 page"), "{said}");
    assert!(
        said.contains("fitted 2 pages into 1 to avoid a near-empty last page"),
        "{said}"
    );
    assert_eq!(pdf_text(&dir.path("one.pdf")).len(), 1);
    // Gentle floors: the body is never set below half a point under classic's 10pt.
    if let Some(size) = said
        .split("body size 10pt → ")
        .nth(1)
        .and_then(|rest| rest.split("pt").next())
    {
        let size: f32 = size.parse().unwrap();
        assert!(size >= 9.5, "{said}");
    }
}

#[test]
fn front_matter_pages_is_honoured() {
    let dir = Dir::new();
    let body = std::fs::read_to_string(repo("tests/fixtures/seed-resume.md")).unwrap();
    let input = dir.write(
        "cv.md",
        format!("+++\nname = \"Ada Lovelace\"\npages = 1\n+++\n{body}"),
    );
    assert_ok(&dir.vita(&["build", input.to_str().unwrap()]));
    assert_eq!(pdf_text(&dir.path("cv.pdf")).len(), 1);
}

#[test]
fn too_long_for_the_pages_is_exit_3_with_the_overflow() {
    let dir = Dir::new();
    let mut source = String::from("# Ada Lovelace\n\n## Work\n\n");
    for i in 0..150 {
        source.push_str(&format!(
            "- Item {i}: built a service that many people used every day.\n"
        ));
    }
    let input = dir.write("long.md", source);
    let run = dir.vita(&["build", input.to_str().unwrap(), "--pages", "1"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    crate::util::assert_coded(&run, "error[V0405]", "long.md");
    assert!(!dir.path("long.pdf").exists());
}

#[test]
fn every_built_in_layout_builds_the_seed() {
    let dir = Dir::new();
    let input = seed(&dir);
    for layout in ["classic", "modern", "compact"] {
        let out = format!("{layout}.pdf");
        assert_ok(&dir.vita(&[
            "build",
            input.to_str().unwrap(),
            "-o",
            &out,
            "--layout",
            layout,
        ]));
        let text = pdf_text(&dir.path(&out)).join("\n");
        assert!(text.contains("Staff Software Engineer"), "{layout}");
    }
}

#[test]
fn a_user_layout_extends_a_built_in() {
    let dir = Dir::new();
    let input = seed(&dir);
    let layout = dir.write(
        "mine.toml",
        "extends = \"modern\"\n[colors]\naccent = \"#aa0000\"\n",
    );
    let run = dir.vita(&[
        "build",
        input.to_str().unwrap(),
        "--layout",
        layout.to_str().unwrap(),
    ]);
    assert_ok(&run);
}

#[test]
fn forced_page_breaks_count_as_pages_and_the_suggestion_fits() {
    let dir = Dir::new();
    let input = dir.write(
        "cv.md",
        "# Ada Lovelace\n\nWrote the first program.\n\n<div class=\"pagebreak\"></div>\n\n## Skills\n\nMathematics.\n",
    );
    let run = dir.vita(&["build", input.to_str().unwrap(), "--pages", "1"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    crate::util::assert_coded(&run, "error[V0405]", "cv.md");
    // Which reason it gives (the breaks, not the lines) and the page count it suggests are
    // what is tested.
    let message = stderr(&run);
    assert!(
        message.contains("its 1 page break alone need 2 pages, more than 1")
            && message.contains("(--pages 2)")
            && !message.contains("lines too long"),
        "{message}"
    );
    assert_ok(&dir.vita(&["build", input.to_str().unwrap(), "--pages", "2"]));
    assert_eq!(pdf_text(&dir.path("cv.pdf")).len(), 2);

    // A long stretch after the break: whatever page count is suggested builds.
    let mut source = String::from("# Ada Lovelace\n\nIntro.\n\n\\newpage\n\n## Work\n\n");
    for i in 0..160 {
        source.push_str(&format!(
            "- Item {i}: built a service that many people used.\n"
        ));
    }
    let input = dir.write("long.md", source);
    let run = dir.vita(&["build", input.to_str().unwrap(), "--pages", "2"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    let message = stderr(&run);
    let suggested: String = message
        .split("(--pages ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("a suggestion")
        .to_string();
    assert_ok(&dir.vita(&["build", input.to_str().unwrap(), "--pages", &suggested]));
}
