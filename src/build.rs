//! `vita build`: read a résumé, lay it out, write the PDF atomically.

use std::path::{Path, PathBuf};

use vita_layout::{FontBook, Layout, LayoutOptions};

use crate::cli::BuildArgs;
use crate::failure::{Failure, located};
use crate::output;

/// What a successful build produced.
pub struct Built {
    /// Where the PDF went.
    pub path: PathBuf,
    /// Number of pages.
    pub pages: usize,
    /// Size of the PDF in bytes.
    pub bytes: usize,
    /// Worded warnings, one per entry.
    pub warnings: Vec<String>,
    /// How each line of running text was set.
    pub lines: Vec<vita_layout::LineReport>,
    /// What fitting to a page count moved (empty without `--pages` or when it fitted).
    pub knobs: Vec<vita_layout::Knob>,
    /// Pages before fitting.
    pub natural_pages: usize,
}

/// Runs `vita build`.
pub fn run(args: &BuildArgs) -> Result<Built, Failure> {
    let source = read_source(&args.input)?;
    let parsed = vita_model::parse_markdown(&source).map_err(|e| {
        Failure::input(located(
            "error",
            &args.input,
            &source,
            e.span.start,
            &e.message,
            e.hint.as_deref(),
        ))
    })?;
    let mut warnings: Vec<String> = parsed
        .warnings
        .iter()
        .map(|w| {
            located(
                "warning",
                &args.input,
                &source,
                w.span.start,
                &w.message,
                w.hint.as_deref(),
            )
        })
        .collect();
    let layout_name = args
        .layout
        .clone()
        .or_else(|| parsed.resume.settings.layout.clone())
        .unwrap_or_else(|| "classic".to_string());
    let layout = resolve_layout(&layout_name, &args.input)?;
    let book = FontBook::bundled();
    let options = LayoutOptions {
        creation_date: source_date_epoch(&mut warnings),
    };
    let layout_failure =
        |e: vita_layout::LayoutError| Failure::input(format!("error: layout '{layout_name}': {e}"));
    let pages = args.pages.or(parsed.resume.settings.pages);
    let (laid, knobs, natural_pages) = match pages {
        None => {
            let laid = vita_layout::layout(&parsed.resume, &layout, &book, &options)
                .map_err(layout_failure)?;
            let pages = laid.document.pages.len();
            (laid, Vec::new(), pages)
        }
        Some(n) => {
            let fit = vita_layout::Fit::pages(n as usize);
            match vita_layout::fit(&parsed.resume, &layout, &book, &options, &fit) {
                Ok(fitted) => (fitted.laid, fitted.knobs, fitted.natural_pages),
                Err(vita_layout::FitError::Layout(e)) => return Err(layout_failure(e)),
                Err(e @ vita_layout::FitError::TooLong { .. }) => {
                    return Err(Failure::check(format!(
                        "error: {}: {e}, even at 9pt body text, 1.1 leading and 10mm margins\n  = hint: shorten the résumé or allow more pages (--pages {})",
                        args.input.display(),
                        n + 1
                    )));
                }
            }
        }
    };
    warnings.extend(laid.warnings.iter().map(|w| match &w.source {
        Some(span) => located(
            "warning",
            &args.input,
            &source,
            span.start,
            &w.message,
            None,
        ),
        None => format!("warning: {}: {}", args.input.display(), w.message),
    }));
    let bytes = vita_pdf::pdf(&laid.document, &vita_pdf::PdfOptions::default())
        .map_err(|e| Failure::input(format!("error: could not write the PDF: {e}")))?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| args.input.with_extension("pdf"));
    if same_file(&path, &args.input) {
        return Err(Failure::input(format!(
            "error: the output {} is the input file; choose another path with -o",
            path.display()
        )));
    }
    output::write_atomically(&path, &bytes)
        .map_err(|e| Failure::input(format!("error: could not write {}: {e}", path.display())))?;
    Ok(Built {
        path,
        pages: laid.document.pages.len(),
        bytes: bytes.len(),
        warnings,
        lines: laid.lines,
        knobs,
        natural_pages,
    })
}

fn read_source(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => e.to_string(),
        };
        Failure::input(format!(
            "error: cannot read {}: {what}\n  = hint: check the path; `vita build resume.md` takes a Markdown file",
            path.display()
        ))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Failure::input(located(
            "error",
            path,
            &text,
            offset,
            "the file is not valid UTF-8",
            Some("save the file with UTF-8 encoding"),
        ))
    })
}

/// A built-in layout by name, or a layout file by path.
fn resolve_layout(name: &str, input: &Path) -> Result<Layout, Failure> {
    if let Some(layout) = Layout::builtin(name) {
        return Ok(layout);
    }
    let looks_like_path = name.ends_with(".toml") || name.contains(['/', '\\']);
    let mut path = PathBuf::from(name);
    if !path.exists()
        && path.is_relative()
        && let Some(dir) = input.parent()
    {
        path = dir.join(name);
    }
    if !looks_like_path && !path.exists() {
        let names: Vec<&str> = Layout::builtin_names().collect();
        return Err(Failure::input(format!(
            "error: unknown layout '{name}'\n  = hint: use a built-in layout ({}) or the path of a layout file",
            names.join(", ")
        )));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::input(format!("error: cannot read layout {}: {e}", path.display()))
    })?;
    Layout::from_toml(&text).map_err(|e| {
        Failure::input(match e.span {
            Some(span) => located(
                "error",
                &path,
                &text,
                span.start,
                &e.message,
                e.hint.as_deref(),
            ),
            None => format!("error: {}: {}", path.display(), e.message),
        })
    })
}

/// The creation date from `SOURCE_DATE_EPOCH`, when it is set and valid.
fn source_date_epoch(warnings: &mut Vec<String>) -> Option<i64> {
    let value = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    match value.trim().parse::<i64>() {
        Ok(seconds) if seconds >= 0 => Some(seconds),
        _ => {
            warnings.push(format!(
                "warning: SOURCE_DATE_EPOCH='{value}' is not a number of seconds; no creation date written"
            ));
            None
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
