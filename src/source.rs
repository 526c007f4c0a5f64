//! Reading inputs: a résumé file into text and a parsed model, and layouts by name or path
//! (cached, so a batch parses each layout once).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use vita_layout::Layout;

use crate::failure::{Failure, located};

/// A résumé read and parsed.
pub struct Source {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The model and the reader's warnings.
    pub parsed: vita_model::Parsed,
}

impl Source {
    /// Reads and parses the résumé at `path`: Markdown, or JSON Resume for a `.json` file.
    pub fn load(path: &Path) -> Result<Source, Failure> {
        let text = read_text(path, "`vita build resume.md` takes a Markdown file")?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let result = if json {
            vita_model::parse_json_resume(&text)
        } else {
            vita_model::parse_markdown(&text)
        };
        let parsed = result
            .map_err(|e| Failure::at(path, &text, e.span.start, &e.message, e.hint.as_deref()))?;
        Ok(Source {
            path: path.to_path_buf(),
            text,
            parsed,
        })
    }

    /// The reader's warnings, worded with `file:line:col` and the quoted line.
    pub fn warnings(&self) -> Vec<String> {
        self.parsed
            .warnings
            .iter()
            .map(|w| self.located("warning", w.span.start, &w.message, w.hint.as_deref()))
            .collect()
    }

    /// A diagnostic pointing at byte `offset` of this file.
    pub fn located(
        &self,
        severity: &str,
        offset: usize,
        message: &str,
        hint: Option<&str>,
    ) -> String {
        located(severity, &self.path, &self.text, offset, message, hint)
    }
}

/// Reads a UTF-8 text file; a missing or unreadable file, or bad UTF-8, is an input failure.
/// `what_to_pass` completes the hint for a wrong path.
pub fn read_text(path: &Path, what_to_pass: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if path.is_dir() => "it is a folder".to_string(),
            _ => e.to_string(),
        };
        Failure::input(format!(
            "error: cannot read {}: {what}\n  = hint: check the path; {what_to_pass}",
            path.display()
        ))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Failure::at(
            path,
            &text,
            offset,
            "the file is not valid UTF-8",
            Some("save the file with UTF-8 encoding"),
        )
    })
}

/// Layouts resolved so far, by name (built-ins) or path (files).
#[derive(Default)]
pub struct Layouts {
    cache: Mutex<HashMap<PathBuf, Arc<Layout>>>,
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
        let layout = Arc::new(resolve(name, &key)?);
        self.lock().insert(key, layout.clone());
        Ok(layout)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Layout>>> {
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Where a layout file named `name` is: as given if it exists, else beside the input.
fn layout_path(name: &str, input: &Path) -> PathBuf {
    let path = PathBuf::from(name);
    if !path.exists()
        && path.is_relative()
        && let Some(dir) = input.parent()
    {
        return dir.join(name);
    }
    path
}

/// Reads the layout `name`, which is a built-in or at `path`.
fn resolve(name: &str, path: &Path) -> Result<Layout, Failure> {
    if let Some(layout) = Layout::builtin(name) {
        return Ok(layout);
    }
    let looks_like_path = name.ends_with(".toml") || name.contains(['/', '\\']);
    if !looks_like_path && !path.exists() {
        let names: Vec<&str> = Layout::builtin_names().collect();
        return Err(Failure::input(format!(
            "error: unknown layout '{name}'\n  = hint: use a built-in layout ({}) or the path of a layout file",
            names.join(", ")
        )));
    }
    let text = read_text(
        path,
        "--layout takes a built-in name or a layout file (TOML)",
    )?;
    Layout::from_toml(&text).map_err(|e| match e.span {
        Some(span) => Failure::at(path, &text, span.start, &e.message, e.hint.as_deref()),
        None => Failure::input(format!("error: {}: {}", path.display(), e.message)),
    })
}

/// The creation date from `SOURCE_DATE_EPOCH`, when it is set and valid, and a warning when it
/// is set but not a number of seconds.
pub fn source_date_epoch() -> (Option<i64>, Option<String>) {
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return (None, None);
    };
    match value.trim().parse::<i64>() {
        Ok(seconds) if seconds >= 0 => (Some(seconds), None),
        _ => (
            None,
            Some(format!(
                "warning: SOURCE_DATE_EPOCH='{value}' is not a number of seconds; no creation date written"
            )),
        ),
    }
}
