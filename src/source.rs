//! Reading inputs: a résumé file into text and a parsed model, and layouts by name or path
//! (cached, so a batch parses each layout once).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use vita_layout::Layout;

use crate::diagnostics::{Code, Diagnostic, Located};
use crate::failure::Failure;
use crate::{limits, os_error, read, scan};

/// A résumé read and parsed.
pub struct Source {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text, with control characters and combining-mark floods blanked out (offsets are
    /// those of the file).
    pub text: String,
    /// The model and the reader's warnings.
    pub parsed: vita_model::Parsed,
    /// What the scan before parsing found (control characters, mark floods, …).
    findings: Vec<Diagnostic>,
    /// For a cover letter (`kind = "letter"`): the letter and the résumé it names; `parsed`
    /// then holds the letter's header, settings and warnings.
    pub letter: Option<Box<crate::letter::LetterInput>>,
}

/// What to pass instead, for `vita build` (the hint of a wrong path).
pub const FOR_BUILD: &str = "`vita build resume.md` takes a Markdown or JSON Resume file";

impl Source {
    /// Reads and parses the résumé at `path` for `vita build`.
    pub fn load(path: &Path) -> Result<Source, Failure> {
        Source::load_for(path, FOR_BUILD)
    }

    /// Reads and parses the résumé at `path`: Markdown, or JSON Resume for a `.json` file.
    /// `what_to_pass` completes the hint for a wrong path (it names the command).
    pub fn load_for(path: &Path, what_to_pass: &str) -> Result<Source, Failure> {
        Source::load_as(path, what_to_pass, None)
    }

    /// Reads and parses the file at `path` as [`Source::load_for`] does; `kind` (a manifest's
    /// `kind = "letter"`) wins over what the front matter says.
    pub fn load_as(
        path: &Path,
        what_to_pass: &str,
        kind: Option<vita_model::DocumentKind>,
    ) -> Result<Source, Failure> {
        let raw = read_text(path, what_to_pass, limits::MAX_INPUT_BYTES, "a résumé")?;
        refuse_unusable(path, &raw)?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let (text, findings) = scan::clean(&raw, json);
        drop(raw);
        if json && kind == Some(vita_model::DocumentKind::Letter) {
            return Err(Failure::input(Located::about(
                Diagnostic::error(
                    Code::NotAResume,
                    format!("{} is JSON, but a cover letter is Markdown", path.display()),
                )
                .with_hint(
                    "write the letter in Markdown with `kind = \"letter\"` in its front matter",
                ),
                path,
                true,
            )));
        }
        let letter = !json
            && kind.unwrap_or_else(|| vita_model::document_kind(&text))
                == vita_model::DocumentKind::Letter;
        if letter {
            let (input, parsed) = crate::letter::read(path, &text)?;
            return Ok(Source {
                path: path.to_path_buf(),
                text,
                parsed,
                findings,
                letter: Some(Box::new(input)),
            });
        }
        let result = if json {
            vita_model::parse_json_resume(&text)
        } else {
            vita_model::parse_markdown(&text)
        };
        let parsed = result.map_err(|e| Failure::at(path, &text, e))?;
        Ok(Source {
            path: path.to_path_buf(),
            text,
            parsed,
            findings,
            letter: None,
        })
    }

    /// The scan's and the reader's warnings, placed in this file, in source order.
    pub fn warnings(&self) -> Vec<Located> {
        let mut all: Vec<Diagnostic> = self
            .findings
            .iter()
            .cloned()
            .chain(self.parsed.warnings.iter().cloned())
            .collect();
        all.sort_by_key(|d| d.range().map_or(0, |r| r.start));
        all.into_iter().map(|d| self.locate(d)).collect()
    }

    /// `diagnostic`, whose spans are byte ranges of this file, placed in it.
    pub fn locate(&self, diagnostic: Diagnostic) -> Located {
        Located::in_file(diagnostic, &self.path, &self.text)
    }
}

/// Refuses inputs that are no résumé at all: an empty file, a manifest or layout file, more
/// lines than allowed.
fn refuse_unusable(path: &Path, text: &str) -> Result<(), Failure> {
    let shown = path.display();
    let about = |d: Diagnostic| Failure::input(Located::about(d, path, true));
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(about(
            Diagnostic::error(Code::EmptyInput, format!("{shown} is empty")).with_hint(
                "write your name as a `# Heading` on the first line; `vita init` writes a \
                 starter résumé",
            ),
        ));
    }
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if toml {
        let manifest = ["[[variant]]", "[matrix]", "\ninput", "input ="]
            .iter()
            .any(|k| text.contains(k));
        return Err(about(if manifest {
            Diagnostic::error(
                Code::NotAResume,
                format!("{shown} is a manifest, not a résumé"),
            )
            .with_hint(format!(
                "build its variants with `vita batch {shown}`; a manifest's `input` names the \
                 résumé"
            ))
        } else {
            Diagnostic::error(
                Code::NotAResume,
                format!("{shown} is a TOML file, not a résumé"),
            )
            .with_hint(format!(
                "a layout file goes with `--layout {shown}`; the résumé is Markdown (.md) or \
                 JSON Resume (.json)"
            ))
        }));
    }
    let lines = text.lines().count();
    if lines > limits::MAX_INPUT_LINES {
        return Err(about(
            Diagnostic::error(
                Code::OverLimit,
                format!(
                    "{shown} has {lines} lines, more than the {} a résumé may have",
                    limits::MAX_INPUT_LINES
                ),
            )
            .with_hint("shorten it, or split it into several résumés"),
        ));
    }
    Ok(())
}

/// Reads a UTF-8 text file of at most `limit` bytes; a missing or unreadable file, one too
/// large, a pipe or device that does not end, or bad UTF-8 is an input failure. `what_to_pass`
/// completes the hint for a wrong path, `what` names the kind of file ("a résumé").
pub fn read_text(
    path: &Path,
    what_to_pass: &str,
    limit: u64,
    what: &str,
) -> Result<String, Failure> {
    let shown = path.display();
    let bytes = read::capped(path, limit).map_err(|e| {
        let (reason, hint) = match e {
            read::Error::Io(e) if path.is_dir() && e.kind() != std::io::ErrorKind::NotFound => {
                ("it is a folder".to_string(), what_to_pass.to_string())
            }
            read::Error::Io(e) => (
                os_error::worded(&e),
                format!("check the path; {what_to_pass}"),
            ),
            read::Error::Folder => ("it is a folder".to_string(), what_to_pass.to_string()),
            read::Error::TooLarge => (
                format!(
                    "it is larger than the {} {what} may have",
                    limits::bytes(limit)
                ),
                format!("{what_to_pass}; the limits are listed in docs/cli.md"),
            ),
            read::Error::Endless => (
                format!(
                    "it is a device or pipe that gave more than {} without ending",
                    limits::bytes(limit)
                ),
                format!("pass a file; {what_to_pass}"),
            ),
            read::Error::NoWriter => (
                "it is a named pipe (FIFO) that nothing writes to".to_string(),
                format!("pass the file itself, or a pipe that ends: <(cat cv.md); {what_to_pass}"),
            ),
            read::Error::Stalled => (
                format!(
                    "it is a pipe or device that did not end within {} seconds",
                    limits::STREAM_MILLIS / 1000
                ),
                format!("pass a file, or a pipe that ends; {what_to_pass}"),
            ),
            read::Error::Special => (
                "it is a device, not a file".to_string(),
                format!("pass a file; {what_to_pass}"),
            ),
        };
        Failure::input(Located::about(
            Diagnostic::error(Code::Unreadable, format!("cannot read {shown}: {reason}"))
                .with_hint(hint),
            path,
            true,
        ))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Failure::at(
            path,
            &text,
            Diagnostic::error(Code::NotUtf8, "the file is not valid UTF-8")
                .at(offset..offset)
                .with_hint("save the file with UTF-8 encoding"),
        )
    })
}

/// Layouts resolved so far, by name (built-ins) or path (files).
#[derive(Default)]
pub struct Layouts {
    cache: Mutex<HashMap<PathBuf, Arc<Layout>>>,
    /// The text of each layout file read, so that errors found later can point into it.
    texts: Mutex<HashMap<PathBuf, Arc<str>>>,
}

impl Layouts {
    /// A built-in layout by name, or a layout file by path (relative paths are tried as given,
    /// then beside `input`).
    pub fn get(&self, name: &str, input: &Path) -> Result<Arc<Layout>, Failure> {
        let key = match Layout::builtin_names().any(|n| n == name) {
            true => PathBuf::from(format!("builtin:{name}")),
            false => layout_path(name, input),
        };
        if let Some(layout) = self.lock().get(&key) {
            return Ok(layout.clone());
        }
        let (layout, text) = resolve(name, &key)?;
        let layout = Arc::new(layout);
        self.lock().insert(key.clone(), layout.clone());
        if let Some(text) = text {
            self.texts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(key, text);
        }
        Ok(layout)
    }

    /// The path and text of the layout file `name` resolves to, once [`Layouts::get`] has
    /// read it; `None` for a built-in layout.
    pub fn file(&self, name: &str, input: &Path) -> Option<(PathBuf, Arc<str>)> {
        if Layout::builtin_names().any(|n| n == name) {
            return None;
        }
        let key = layout_path(name, input);
        let texts = self
            .texts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        texts.get(&key).map(|text| (key.clone(), text.clone()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Layout>>> {
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Where a layout file named `name` is: as given if it exists, else beside the input.
pub fn layout_path(name: &str, input: &Path) -> PathBuf {
    let path = PathBuf::from(name);
    if !path.exists()
        && path.is_relative()
        && let Some(dir) = input.parent()
    {
        return dir.join(name);
    }
    path
}

/// Reads the layout `name`, which is a built-in or at `path`, with the file's text. A font
/// folder (`fonts.path`) is taken relative to the layout file.
fn resolve(name: &str, path: &Path) -> Result<(Layout, Option<Arc<str>>), Failure> {
    if let Some(layout) = Layout::builtin(name) {
        return Ok((layout, None));
    }
    let looks_like_path = name.ends_with(".toml") || name.contains(['/', '\\']);
    if !looks_like_path && !path.exists() {
        let names: Vec<&str> = Layout::builtin_names().collect();
        return Err(Failure::input(
            Diagnostic::error(Code::UnknownLayout, format!("unknown layout '{name}'")).with_hint(
                format!(
                    "use a built-in layout ({}) or the path of a layout file",
                    names.join(", ")
                ),
            ),
        ));
    }
    let text = read_text(
        path,
        "--layout takes a built-in name or a layout file (TOML)",
        limits::MAX_LAYOUT_BYTES,
        "a layout file",
    )?;
    let mut layout = Layout::from_toml(&text).map_err(|e| Failure::at(path, &text, e))?;
    let folder = PathBuf::from(layout.fonts.path.trim());
    if !layout.fonts.path.trim().is_empty()
        && folder.is_relative()
        && let Some(dir) = path.parent()
    {
        layout.fonts.path = dir.join(folder).display().to_string();
    }
    Ok((layout, Some(Arc::from(text.as_str()))))
}

/// The creation date from `SOURCE_DATE_EPOCH`, when it is set and valid, and a warning when it
/// is set but not a number of seconds.
pub fn source_date_epoch() -> (Option<i64>, Option<Located>) {
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return (None, None);
    };
    match value.trim().parse::<i64>() {
        Ok(seconds) if seconds >= 0 => (Some(seconds), None),
        _ => (
            None,
            Some(Located::plain(
                Diagnostic::warning(
                    Code::SourceDateEpoch,
                    format!(
                        "SOURCE_DATE_EPOCH='{value}' is not a number of seconds; no creation date \
                         written"
                    ),
                )
                .with_hint("set it to whole seconds since 1970, such as `git log -1 --format=%ct`"),
            )),
        ),
    }
}
