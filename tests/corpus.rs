//! The input corpus (`tests/corpus/`): Markdown résumés as people write them and JSON Resume
//! files, each beside an expectation file `NAME.expect.toml`:
//!
//! ```toml
//! appear = ["Ada Lovelace", "Babbage & Co"]   # must come back from the PDF (any case)
//! absent = ["kubernetes", "{{"]               # must not come back
//! warnings = ["V0122 8:5", "left out"]       # a diagnostic's code at a line:column of the
//!                                             # file, or a substring of standard error
//! check_fails = true                          # `vita check` exits 3 (false: exits 0;
//!                                             # left out: either, but no crash)
//! markup = ["**", "##", "|", "<", "{%"]       # markup that must not come back (this list
//!                                             # is the default when the key is left out)
//! missing = ["email"]                          # known faults: the words `vita check` finds
//! repeated = []                                # missing, repeated, extra (not in the
//! extra = []                                   # source) and outside the page; each list
//! outside = []                                 # must match exactly (default: empty)
//! ```
//!
//! Every file is built through the binary (`vita build`), which must succeed without a panic;
//! its PDF is read back with vita-pdf's reader and checked against the expectations, then
//! `vita check --format json` is run: its full-text comparison of the PDF with the source file
//! must find exactly the known faults listed (none, for a file Vita reads right). All failures
//! are gathered and reported together.

use std::path::{Path, PathBuf};

use crate::util::{Dir, repo, stderr};

/// Fewest Markdown résumés the corpus must hold (issue #6).
const MIN_MARKDOWN: usize = 25;

/// Markup that must not come back from any PDF unless its expect file says otherwise.
const MARKUP: [&str; 5] = ["**", "##", "|", "<", "{%"];

/// The findings of `vita check` that an expect file lists as known faults.
const FINDINGS: [&str; 4] = ["missing", "repeated", "extra", "outside"];

/// What one corpus file must give.
#[derive(Debug, Default)]
struct Expect {
    appear: Vec<String>,
    absent: Vec<String>,
    warnings: Vec<String>,
    check_fails: Option<bool>,
    markup: Option<Vec<String>>,
    /// Known faults by finding ("missing" …), as `vita check` lists them.
    known: std::collections::BTreeMap<String, Vec<String>>,
}

/// Every résumé of the corpus, Markdown then JSON, sorted by name.
fn corpus() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (folder, ext) in [("markdown", "md"), ("json", "json")] {
        let dir = repo(&format!("tests/corpus/{folder}"));
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == ext))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// The expectation file of `input`.
fn expect_path(input: &Path) -> PathBuf {
    input.with_extension("expect.toml")
}

/// Reads an expectation file; unknown keys are an error, so typos do not pass silently.
fn read_expect(path: &Path) -> Result<Expect, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut expect = Expect::default();
    for (key, value) in table {
        let strings = || -> Result<Vec<String>, String> {
            value
                .as_array()
                .ok_or(format!("{}: `{key}` must be a list", path.display()))?
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(String::from)
                        .ok_or(format!("{}: `{key}` must hold strings", path.display()))
                })
                .collect()
        };
        match key.as_str() {
            "appear" => expect.appear = strings()?,
            "absent" => expect.absent = strings()?,
            "warnings" => expect.warnings = strings()?,
            "markup" => expect.markup = Some(strings()?),
            finding if FINDINGS.contains(&finding) => {
                expect.known.insert(finding.to_string(), strings()?);
            }
            "check_fails" => {
                expect.check_fails = Some(value.as_bool().ok_or(format!(
                    "{}: `check_fails` must be true or false",
                    path.display()
                ))?);
            }
            other => return Err(format!("{}: unknown key `{other}`", path.display())),
        }
    }
    Ok(expect)
}

/// Text as compared: invisible U+200B bridges removed, white space collapsed, lower case.
fn comparable(text: &str) -> String {
    text.replace('\u{200b}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An expected warning written as a code and a place, `V0122 8:5`: the code and `8:5`.
fn coded(expected: &str) -> Option<(&str, &str)> {
    let (code, at) = expected.split_once(' ')?;
    let is_code =
        code.len() == 5 && code.starts_with('V') && code[1..].bytes().all(|b| b.is_ascii_digit());
    let is_place = at.split_once(':').is_some_and(|(l, c)| {
        [l, c]
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    (is_code && is_place).then_some((code, at))
}

/// Builds one corpus file and returns what is wrong with it.
fn check_file(dir: &Dir, input: &Path) -> Vec<String> {
    let name = input
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut problems = Vec::new();
    let expect = match read_expect(&expect_path(input)) {
        Ok(expect) => expect,
        Err(e) => return vec![e],
    };
    let pdf = dir.path(&format!("{name}.pdf"));
    let input_arg = input.to_string_lossy();
    let pdf_arg = pdf.to_string_lossy();
    let built = dir.vita(&["build", &input_arg, "-o", &pdf_arg]);
    let err = stderr(&built);
    if err.contains("panicked") {
        problems.push(format!("build panicked:\n{err}"));
    }
    if !built.status.success() {
        problems.push(format!(
            "build exited with {:?}:\n{err}",
            built.status.code()
        ));
        return problems;
    }
    let drawn = crate::util::headlines(&built);
    for warning in &expect.warnings {
        let found = match coded(warning) {
            Some((code, at)) => drawn.iter().any(|(tag, location)| {
                tag.ends_with(&format!("[{code}]")) && location.ends_with(&format!("{name}:{at}"))
            }),
            None => err.contains(warning.as_str()),
        };
        if !found {
            problems.push(format!("no warning `{warning}`"));
        }
    }
    let pages = match std::fs::read(&pdf).map(|bytes| vita_pdf::extract_text(&bytes)) {
        Ok(Ok(pages)) => pages,
        Ok(Err(e)) => return vec![format!("PDF cannot be read back: {e}")],
        Err(e) => return vec![format!("no PDF written: {e}")],
    };
    let text = comparable(&pages.join("\n"));
    if let Some(blank) = expect
        .appear
        .iter()
        .chain(&expect.absent)
        .find(|w| comparable(w).is_empty())
    {
        problems.push(format!("expectation `{blank:?}` is only white space"));
    }
    for word in &expect.appear {
        if !text.contains(&comparable(word)) {
            problems.push(format!("`{word}` does not come back from the PDF"));
        }
    }
    for word in &expect.absent {
        if text.contains(&comparable(word)) {
            problems.push(format!("`{word}` comes back from the PDF"));
        }
    }
    let markup: Vec<String> = expect
        .markup
        .clone()
        .unwrap_or_else(|| MARKUP.iter().map(|m| m.to_string()).collect());
    let raw = pages.join("\n");
    for m in &markup {
        if raw.contains(m.as_str()) {
            problems.push(format!("markup `{m}` comes back from the PDF"));
        }
    }
    let checked = dir.vita(&["check", "--format", "json", &input_arg]);
    let code = checked.status.code();
    let report = stderr(&checked);
    match serde_json::from_slice::<serde_json::Value>(&checked.stdout) {
        Ok(json) => problems.extend(compare_findings(&json["check"], &expect)),
        Err(e) => problems.push(format!("`vita check --format json` is not JSON: {e}")),
    }
    let wanted = match expect.check_fails {
        Some(true) => vec![Some(3)],
        Some(false) => vec![Some(0)],
        None => vec![Some(0), Some(3)],
    };
    if !wanted.contains(&code) || report.contains("panicked") {
        problems.push(format!("`vita check` exited with {code:?}:\n{report}"));
    }
    problems
}

/// The full-text findings of `vita check` against the known faults of the expect file.
fn compare_findings(check: &serde_json::Value, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    for finding in FINDINGS {
        let found: Vec<String> = check[finding]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|item| match item {
                        serde_json::Value::String(s) => s.clone(),
                        other => other["word"]
                            .as_str()
                            .or(other["text"].as_str())
                            .unwrap_or_default()
                            .to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let known = expect.known.get(finding).cloned().unwrap_or_default();
        if found != known {
            problems.push(format!(
                "`vita check` finds {finding} {found:?}, the expect file lists {known:?}"
            ));
        }
    }
    problems
}

#[test]
fn corpus_is_complete() {
    let files = corpus();
    let markdown = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "md"))
        .count();
    assert!(
        markdown >= MIN_MARKDOWN,
        "the corpus has {markdown} Markdown résumés; issue #6 asks for at least {MIN_MARKDOWN}"
    );
    let json = files.len() - markdown;
    assert!(json >= 2, "the corpus has {json} JSON Resume files");
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !expect_path(f).exists())
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "no expectation file for {missing:?}");
}

#[test]
fn corpus_builds_and_reads_back() {
    let dir = Dir::new();
    let files = corpus();
    // Two workers: the binary is the bottleneck, and CI machines have at least two cores.
    let (first, second) = files.split_at(files.len() / 2);
    let report = |part: &[PathBuf]| -> Vec<String> {
        part.iter()
            .flat_map(|input| {
                let name = input
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                check_file(&dir, input)
                    .into_iter()
                    .map(move |problem| format!("{name}: {problem}"))
            })
            .collect()
    };
    let mut problems = std::thread::scope(|scope| {
        let other = scope.spawn(|| report(second));
        let mut mine = report(first);
        mine.extend(
            other
                .join()
                .unwrap_or_else(|_| vec!["worker panicked".into()]),
        );
        mine
    });
    problems.sort();
    assert!(
        problems.is_empty(),
        "{} corpus problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
