//! Test helpers: a fresh temporary folder per test, running the binary, and comparing the
//! words of a PDF with the words of its source.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder that lives as long as the test.
pub struct Dir {
    temp: tempfile::TempDir,
}

impl Dir {
    /// A fresh, empty folder.
    pub fn new() -> Dir {
        Dir {
            temp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A path inside the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.temp.path().join(name)
    }

    /// Writes a file into the folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write test file");
        path
    }

    /// Runs `vita` with `args` in this folder.
    pub fn vita(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_vita"))
            .args(args)
            .current_dir(self.temp.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run vita")
    }
}

/// The repository root.
pub fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the command succeeded, printing its stderr if not.
pub fn assert_ok(output: &Output) {
    assert!(
        output.status.success(),
        "vita failed with {:?}\n{}",
        output.status.code(),
        stderr(output)
    );
}

/// The words of a Markdown source as a reader sees them: markup, link targets, front matter
/// and HTML comments removed; each word stripped of surrounding punctuation.
pub fn source_words(markdown: &str) -> Vec<String> {
    let mut body = markdown;
    if let Some(rest) = body.strip_prefix("+++")
        && let Some(end) = rest.find("\n+++")
    {
        body = &rest[end + 4..];
    }
    let mut text = String::new();
    let mut rest = body;
    // Drop comments, link targets and autolink brackets.
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
        } else if let Some(after) = rest.strip_prefix("](") {
            rest = after.find(')').map_or("", |i| &after[i + 1..]);
            text.push(' ');
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    let text = text
        .replace("\\$", "$")
        .replace(['*', '#', '[', ']', '<', '>', '|', '`'], " ");
    words(&text)
}

/// Splits text into normalised words: separated by whitespace or em dashes, punctuation trimmed at both ends,
/// lone punctuation (bullets, dashes, separators) dropped.
pub fn words(text: &str) -> Vec<String> {
    // An em dash joins words without spaces ("system—a"); markup around one side may add a
    // space in the source, so both sides split there.
    text.split(|c: char| c.is_whitespace() || c == '—')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && !"$%+#".contains(c))
                .to_string()
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Length of the longest common subsequence of two word lists.
pub fn common_in_order(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The text of each page of a PDF, read back with Vita's own reader.
pub fn pdf_text(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("read pdf");
    vita_pdf::extract_text(&bytes).expect("extract text")
}

/// The headlines of the diagnostics a run drew on standard error, as `(tag, location)`:
/// `("error[V0303]", "/tmp/…/mine.toml:2:8")`; the location is empty when the headline names
/// none. A batch's `[variant] ` prefix is skipped.
pub fn headlines(output: &Output) -> Vec<(String, String)> {
    stderr(output)
        .lines()
        .map(|l| match l.strip_prefix('[') {
            Some(rest) if !l.starts_with("[V") => rest.split_once("] ").map_or(l, |(_, r)| r),
            _ => l,
        })
        .filter(|l| l.starts_with("error[V") || l.starts_with("warning[V"))
        .filter_map(|l| {
            let (tag, rest) = l.split_once("]: ")?;
            let location = rest
                .split_once(": ")
                .map(|(first, _)| first)
                .filter(|first| {
                    first.contains('/') || first.contains('.') || first.starts_with("--")
                })
                .unwrap_or_default();
            Some((format!("{tag}]"), location.to_string()))
        })
        .collect()
}

/// Asserts that the run drew a diagnostic `tag` (`"error[V0303]"`) whose location ends with
/// `at` (`"mine.toml:2:8"`; `""` for any place or none).
#[track_caller]
pub fn assert_coded(output: &Output, tag: &str, at: &str) {
    let all = headlines(output);
    assert!(
        all.iter().any(|(t, l)| t == tag && l.ends_with(at)),
        "no {tag} at `{at}` among {all:?}:\n{}",
        stderr(output)
    );
}

/// The diagnostics of a run's JSON report (`--report json`, `--format json`): its errors
/// (`diagnostics`), then its warnings.
pub fn reported(output: &Output) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}):\n{}", stderr(output)));
    ["diagnostics", "warnings"]
        .iter()
        .filter_map(|k| report[k].as_array())
        .flatten()
        .cloned()
        .collect()
}

/// `(code, file name, line, column)` of a reported diagnostic; the file by its last component.
pub fn place(d: &serde_json::Value) -> (String, String, u64, u64) {
    let file = d["file"].as_str().unwrap_or_default();
    (
        d["code"].as_str().unwrap_or_default().to_string(),
        file.rsplit('/').next().unwrap_or_default().to_string(),
        d["line"].as_u64().unwrap_or(0),
        d["column"].as_u64().unwrap_or(0),
    )
}
