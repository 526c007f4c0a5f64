//! Cover letters through the binary: the sample letter on one page with its résumé's header,
//! three tailored letters from one manifest, an unknown placeholder named at its line, the
//! date's source, fitting that explains itself, `vita check` and the tagged PDF.

use std::process::{Command, Output};

use crate::util::{Dir, assert_coded, assert_ok, pdf_text, repo, stderr};

/// A folder with the sample letter, its résumé and the letters manifest.
fn samples() -> Dir {
    let dir = Dir::new();
    for name in ["letter.md", "tagged.md", "letters.toml"] {
        dir.write(
            name,
            std::fs::read(repo(&format!("samples/{name}"))).unwrap(),
        );
    }
    dir
}

/// Runs `vita` in `dir` with `SOURCE_DATE_EPOCH` set.
fn vita_at(dir: &Dir, epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vita"))
        .args(args)
        .current_dir(dir.path(""))
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run vita")
}

#[test]
fn the_sample_letter_builds_on_one_page_with_its_parts_in_order() {
    let dir = samples();
    let run = dir.vita(&["build", "letter.md"]);
    assert_ok(&run);
    let summary = stderr(&run);
    assert!(
        summary.contains("(1 page,")
            && summary.contains("letter dated 12 March 2026 (from the front matter)")
            && summary.contains("header from tagged.md"),
        "{summary}"
    );
    let pages = pdf_text(&dir.path("letter.pdf"));
    assert_eq!(pages.len(), 1);
    let text = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    let order = [
        "Ines Hartmann",
        "Data and Platform Engineer",
        "12 March 2026",
        "Ms Jana Okafor",
        "Nordlicht Energy",
        "Application for the Staff Data Engineer position",
        "Dear Ms Jana Okafor,",
        "I am writing to apply",
        "Kind regards,",
    ];
    let mut from = 0;
    for part in order {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` missing or out of order in {text}"));
        from += at + part.len();
    }
    assert!(
        text[from..].contains("Ines Hartmann"),
        "the typed name: {text}"
    );
    assert!(!text.contains('{'), "a placeholder is left: {text}");
}

#[test]
fn a_manifest_builds_three_tailored_letters() {
    let dir = samples();
    let run = dir.vita(&["batch", "letters.toml"]);
    assert_ok(&run);
    assert!(
        stderr(&run).contains("3 built, 0 failed"),
        "{}",
        stderr(&run)
    );
    let companies = ["Nordlicht Energy", "Hafenbahn Digital", "Elbwerk Robotics"];
    for (name, company) in ["nordlicht", "hafenbahn", "elbwerk"].iter().zip(companies) {
        let pages = pdf_text(&dir.path(&format!("pdf/letter-{name}.pdf")));
        assert_eq!(pages.len(), 1, "{name}");
        let text = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("to apply for the"), "{text}");
        assert!(text.contains(company), "{name}: {text}");
        for other in companies.iter().filter(|c| **c != company) {
            assert!(!text.contains(other), "{name} mentions {other}: {text}");
        }
    }
    let elbwerk = pdf_text(&dir.path("pdf/letter-elbwerk.pdf")).join(" ");
    assert!(
        elbwerk.contains("Principal Engineer, Data Infrastructure — application"),
        "set.subject: {elbwerk}"
    );
}

#[test]
fn an_unknown_placeholder_exits_1_naming_its_line_and_column() {
    let dir = samples();
    let text = std::fs::read_to_string(dir.path("letter.md"))
        .unwrap()
        .replace("I care about the people", "I care about {peeple}");
    dir.write("letter.md", &text);
    let line = text.lines().position(|l| l.contains("{peeple}")).unwrap() + 1;
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("{peeple}")
        .unwrap()
        + 1;
    let run = dir.vita(&["build", "letter.md"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let at = format!("letter.md:{line}:{col}");
    assert_coded(&run, "error[V0125]", &at);
    assert!(!dir.path("letter.pdf").exists());
    // Through a manifest too: the variant fails, the others are built.
    let run = dir.vita(&["batch", "letters.toml"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_coded(&run, "error[V0125]", &at);
}

#[test]
fn the_date_comes_from_front_matter_else_source_date_epoch_else_today() {
    let dir = samples();
    let text = std::fs::read_to_string(dir.path("letter.md"))
        .unwrap()
        .replace("date = \"2026-03-12\"\n", "");
    dir.write("undated.md", text);
    let run = vita_at(&dir, "1780000000", &["build", "undated.md"]);
    assert_ok(&run);
    assert!(
        stderr(&run).contains("letter dated 28 May 2026 (from SOURCE_DATE_EPOCH)"),
        "{}",
        stderr(&run)
    );
    assert!(pdf_text(&dir.path("undated.pdf"))[0].contains("28 May 2026"));
    let first = std::fs::read(dir.path("undated.pdf")).unwrap();
    assert_ok(&vita_at(&dir, "1780000000", &["build", "undated.md"]));
    assert!(
        first == std::fs::read(dir.path("undated.pdf")).unwrap(),
        "not reproducible"
    );
    let run = dir.vita(&["build", "undated.md", "--report", "json"]);
    assert_ok(&run);
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["letter"]["date_from"], "today");
    assert_eq!(report["pages"], 1);
    let run = dir.vita(&["build", "undated.md", "--set", "date=1 April 2026"]);
    assert!(stderr(&run).contains("letter dated 1 April 2026 (from the front matter)"));
}

#[test]
fn a_long_letter_is_fitted_on_one_page_and_says_how() {
    let dir = samples();
    let text = std::fs::read_to_string(dir.path("letter.md")).unwrap();
    let body_at = text.find("\n+++\n").unwrap() + 5;
    let longer = format!("{}{}", text, text[body_at..].repeat(3));
    dir.write("long.md", &longer);
    let run = dir.vita(&["build", "long.md"]);
    assert_ok(&run);
    let summary = stderr(&run);
    assert!(
        summary.contains("fitted 2 pages into 1: vertical spacing 100% → ")
            && summary.contains("looseness 0 → -1")
            && summary.contains("letter text size 10pt → "),
        "{summary}"
    );
    assert!(summary.contains("header matches"), "{summary}");
    assert_eq!(pdf_text(&dir.path("long.pdf")).len(), 1);
    // Far too long: exit 3, nothing written.
    let endless = format!("{}{}", text, text[body_at..].repeat(6));
    dir.write("endless.md", &endless);
    let run = dir.vita(&["build", "endless.md"]);
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    assert_coded(&run, "error[V0405]", "endless.md");
    assert!(!dir.path("endless.pdf").exists());
}

#[test]
fn vita_check_reads_the_letter_back_and_the_pdf_is_tagged() {
    let dir = samples();
    let run = dir.vita(&["check", "letter.md"]);
    assert_ok(&run);
    assert!(stderr(&run).contains("check passed"), "{}", stderr(&run));
    assert_ok(&dir.vita(&["build", "letter.md"]));
    let pdf = std::fs::read(dir.path("letter.pdf")).unwrap();
    let count = |needle: &str| {
        pdf.windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count()
    };
    assert_eq!(count("/StructTreeRoot"), 2);
    assert_eq!(count("/S/H1"), 1, "the name");
    // Date, address, subject, salutation, four body paragraphs, closing, typed name, and
    // the header's headline and contact line.
    assert!(count("/S/P") >= 12, "{}", count("/S/P"));
    assert!(String::from_utf8_lossy(&pdf).contains("Cover letter"));
    // An outline (the subject) and a title: krilla's PDF/UA-1 validator accepts it.
    let run = dir.vita(&[
        "build",
        "letter.md",
        "-o",
        "ua.pdf",
        "--standard",
        "pdf-ua-1",
    ]);
    assert_ok(&run);
}

#[test]
fn a_signature_image_is_a_figure_above_the_typed_name() {
    let dir = samples();
    dir.write(
        "signature.png",
        std::fs::read(repo("tests/fixtures/photo.png")).unwrap(),
    );
    let run = dir.vita(&["build", "letter.md", "--set", "signature=signature.png"]);
    assert_ok(&run);
    let pdf = std::fs::read(dir.path("letter.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/S/Figure"), "the signature is a figure");
    assert!(text.contains("/Subtype/Image"), "the image is in the PDF");
    let page = pdf_text(&dir.path("letter.pdf")).join(" ");
    assert!(page.trim_end().ends_with("Ines Hartmann"), "{page}");
    // A missing picture is a warning; the letter is signed by name.
    let run = dir.vita(&["build", "letter.md", "--set", "signature=gone.png"]);
    assert_ok(&run);
    assert_coded(&run, "warning[V0406]", "");
    // Named as the signature, not as a photo.
    assert!(
        stderr(&run).contains("the signature 'gone.png' was not found"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn init_writes_a_letter_beside_the_resume_with_its_header() {
    let dir = Dir::new();
    assert_ok(&dir.vita(&["init", "mine"]));
    let run = dir.vita(&["build", "mine/letter.md"]);
    assert_ok(&run);
    assert!(
        stderr(&run).contains("header from mine/resume.md"),
        "{}",
        stderr(&run)
    );
    let text = pdf_text(&dir.path("mine/letter.pdf")).join(" ");
    for part in [
        "Robin Okafor",
        "Dear Hiring Team,",
        "Acme Analytics",
        "Kind regards,",
    ] {
        assert!(text.contains(part), "`{part}` in {text}");
    }
    assert_ok(&dir.vita(&["batch", "mine/vita.toml"]));
    let globex = pdf_text(&dir.path("mine/pdf/letter-globex.pdf")).join(" ");
    assert!(
        globex.contains("Dear Ms Ana Costa,") && !globex.contains("Acme"),
        "{globex}"
    );
}

#[test]
fn an_unknown_family_in_a_letters_layout_fails_at_its_key_before_setting() {
    let dir = samples();
    dir.write(
        "mine.toml",
        "extends = \"classic\"\n[fonts]\nbody = \"Volkorn\"\n",
    );
    let run = dir.vita(&[
        "build",
        "letter.md",
        "--layout",
        "mine.toml",
        "--report",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_coded(&run, "error[V0307]", "mine.toml:3:8");
    let d = &crate::util::reported(&run)[0];
    assert_eq!(
        crate::util::place(d),
        ("V0307".into(), "mine.toml".into(), 3, 8)
    );
    let hint = d["hints"][0].as_str().unwrap_or_default();
    assert!(hint.starts_with("did you mean \"Vollkorn\"?"), "{d}");
    assert!(!dir.path("letter.pdf").exists());
}
