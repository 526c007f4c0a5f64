//! `vita build`: read a résumé, build the variant asked for, write the PDF atomically.

use std::path::{Path, PathBuf};

use vita_layout::FontBook;

use crate::cli::BuildArgs;
use crate::compile::{self, Compiled, Context, Overflow};
use crate::failure::Failure;
use crate::output;
use crate::source::{self, Layouts, Source};

/// What a successful build produced.
pub struct Built {
    /// Where the PDF went.
    pub path: PathBuf,
    /// Size of the PDF in bytes.
    pub bytes: usize,
    /// Worded warnings: the source's, then the variant's.
    pub warnings: Vec<String>,
    /// The build itself.
    pub compiled: Compiled,
    /// Milliseconds from reading the input to writing the PDF.
    pub millis: f64,
}

/// Runs `vita build`.
pub fn run(args: &BuildArgs) -> Result<Built, Failure> {
    let started = std::time::Instant::now();
    let variant = compile::from_flags(&args.variant)?;
    let source = Source::load(&args.input)?;
    let book = crate::fonts::book();
    let layouts = Layouts::default();
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| args.input.with_extension("pdf"));
    let pdf = crate::cli::StandardArg::pdf_options(args.standard, args.no_tags);
    build_to(&source, &variant, &book, &layouts, &path, &pdf, started)
}

/// Builds `variant` of `source` and writes it to `path`; shared with `vita watch`.
pub fn build_to(
    source: &Source,
    variant: &compile::Variant,
    book: &FontBook,
    layouts: &Layouts,
    path: &Path,
    pdf: &vita_pdf::PdfOptions,
    started: std::time::Instant,
) -> Result<Built, Failure> {
    let (creation_date, date_warning) = source::source_date_epoch();
    let ctx = Context {
        book,
        layouts,
        creation_date,
        pdf: pdf.clone(),
    };
    let compiled = compile::compile(source, variant, &ctx, Overflow::Fail)?;
    if output::same_file(path, &source.path) {
        return Err(Failure::input(format!(
            "error: the output {} is the input file; choose another path with -o",
            path.display()
        )));
    }
    output::write_atomically(path, &compiled.bytes).map_err(|e| {
        Failure::input(format!(
            "error: could not write {}: {}",
            path.display(),
            crate::os_error::worded(&e)
        ))
    })?;
    let mut warnings = source.warnings();
    warnings.extend(date_warning);
    warnings.extend(compiled.warnings.iter().cloned());
    Ok(Built {
        path: path.to_path_buf(),
        bytes: compiled.bytes.len(),
        warnings,
        compiled,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The one-line summary of a build, and what fitting moved.
pub fn summary(built: &Built) -> String {
    let c = &built.compiled;
    let mut out = format!(
        "wrote {} ({} page{}, {} bytes)",
        built.path.display(),
        c.pages,
        if c.pages == 1 { "" } else { "s" },
        built.bytes
    );
    if !c.knobs.is_empty() {
        let moved: Vec<String> = c
            .knobs
            .iter()
            .map(|k| format!("{} {} → {}", k.name, k.from, k.to))
            .collect();
        out.push_str(&format!(
            "\nfitted {} pages into {}: {}",
            c.natural_pages,
            c.pages,
            moved.join(", ")
        ));
    }
    out
}
