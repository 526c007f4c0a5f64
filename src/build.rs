//! `vita build`: read a résumé, build the variant asked for, write the PDF (or pictures of its
//! pages, or its text) atomically.

use std::path::PathBuf;

use vita_layout::FontBook;

use crate::cli::{BuildArgs, OutputFormat};
use crate::compile::{self, Compiled, Context, Overflow};
use crate::failure::Failure;
use crate::formats::{self, Kind, Target};
use crate::source::{self, Layouts, Source};

/// What a successful build produced.
pub struct Built {
    /// Where the PDF went (the first file, for pictures).
    pub path: PathBuf,
    /// Size of the PDF in bytes (of all files, for pictures).
    pub bytes: usize,
    /// Every file written: the PDF, the text, or one picture per page.
    pub files: Vec<PathBuf>,
    /// Warnings: the source's, then the variant's.
    pub warnings: Vec<crate::diagnostics::Located>,
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
    let pdf = crate::cli::StandardArg::pdf_options(args.standard, args.no_tags);
    build_to(
        &source,
        &variant,
        &book,
        &layouts,
        &target(args),
        &pdf,
        started,
    )
}

/// What `args` ask to write: `--format`, else the extension of `-o`, else a PDF.
pub fn target(args: &BuildArgs) -> Target {
    let kind = match args.format {
        Some(OutputFormat::Pdf) => Kind::Pdf,
        Some(OutputFormat::Png) => Kind::Png,
        Some(OutputFormat::Svg) => Kind::Svg,
        Some(OutputFormat::Txt) => Kind::Txt,
        Some(OutputFormat::Json) | None => args.output.as_deref().map_or(Kind::Pdf, Kind::of_path),
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| args.input.with_extension(kind.extension()));
    Target {
        path,
        kind,
        dpi: args.dpi.unwrap_or(formats::DEFAULT_DPI),
    }
}

/// Builds `variant` of `source` and writes what `target` asks for; shared with `vita watch`.
pub fn build_to(
    source: &Source,
    variant: &compile::Variant,
    book: &FontBook,
    layouts: &Layouts,
    target: &Target,
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
    let written = formats::write(target, &compiled, &source.path)?;
    let mut warnings = source.warnings();
    warnings.extend(date_warning);
    warnings.extend(compiled.warnings.iter().cloned());
    Ok(Built {
        path: written
            .first()
            .map_or_else(|| target.path.clone(), |(p, _)| p.clone()),
        bytes: written.iter().map(|(_, n)| n).sum(),
        files: written.into_iter().map(|(p, _)| p).collect(),
        warnings,
        compiled,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The one-line summary of a build, and what fitting moved.
pub fn summary(built: &Built) -> String {
    let c = &built.compiled;
    let shown = match built.files.as_slice() {
        [first, .., last] => format!("{} … {}", first.display(), last.display()),
        _ => built.path.display().to_string(),
    };
    let mut out = format!(
        "wrote {} ({} page{}, {} bytes)",
        shown,
        c.pages,
        if c.pages == 1 { "" } else { "s" },
        built.bytes
    );
    if let Some(letter) = &c.letter {
        out.push_str(&format!(
            "\nletter dated {} ({})",
            letter.date,
            letter.date_from.describe()
        ));
        if let Some(resume) = &letter.resume {
            out.push_str(&format!("; header from {}", resume.display()));
        }
        if c.knobs.is_empty() && c.natural_pages <= 1 {
            out.push_str("; fits one page as set");
        }
    }
    if !c.knobs.is_empty() {
        let moved: Vec<String> = c
            .knobs
            .iter()
            .map(|k| format!("{} {} → {}", k.name, k.from, k.to))
            .collect();
        let why = if c.page_limit.is_none() {
            " to avoid a near-empty last page (page.min-last-page; `--pages N` keeps N)"
        } else {
            ""
        };
        out.push_str(&format!(
            "\nfitted {} pages into {}{why}: {}",
            c.natural_pages,
            c.pages,
            moved.join(", ")
        ));
        if c.letter.is_some() {
            out.push_str(" (a letter fits one page; leading and margins stay as in the résumé, so the header matches it)");
        }
    }
    out
}
