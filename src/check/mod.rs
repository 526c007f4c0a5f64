//! `vita check`: the ATS check. Builds the résumé in memory, reads the PDF's text back with
//! vita-pdf's reader (a PDF parser, not the layout's own state) and compares its words with
//! the source's, in order. Fails (exit 3) on missing or garbled words, letter-spaced words
//! that come back as single letters, characters no reader can map to text (private-use icons,
//! U+FFFD, glyphs the fonts lack), hidden text in the source (white, tiny or `display: none`
//! text, which Vita leaves out of the PDF: it is what keyword stuffing looks like) and a résumé
//! that does not fit the pages asked for.

mod compare;
mod words;

use std::fmt::Write as _;

use crate::cli::{CheckArgs, Format};
use crate::compile::{self, Compiled, Context, HiddenText, Overflow};
use crate::failure::{EXIT_CHECK, Failure};
use crate::report;
use crate::source::{self, Layouts, Source};

pub use compare::Comparison;

/// What the check found for one build.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// The word comparison.
    pub words: Comparison,
    /// Characters of the source itself that carry no text (private-use icons), with the text
    /// they sit in.
    pub source_unmapped: Vec<(char, String)>,
    /// Characters the fonts have no glyph for (drawn as a box).
    pub missing_glyphs: Vec<char>,
    /// Why the résumé does not fit its page limit, if it does not.
    pub overflow: Option<String>,
    /// Text the source hides from readers, by line.
    pub hidden: Vec<HiddenText>,
    /// Pages of the PDF that was read.
    pub pages: usize,
}

impl Findings {
    /// True when a machine reads back everything the source says and the pages fit.
    pub fn passed(&self) -> bool {
        self.words.is_clean()
            && self.source_unmapped.is_empty()
            && self.missing_glyphs.is_empty()
            && self.overflow.is_none()
            && self.hidden.is_empty()
    }
}

/// Checks a build: reads its PDF back and compares it with the résumé it was built from.
pub fn inspect(compiled: &Compiled) -> Result<Findings, Failure> {
    let pages = vita_pdf::extract_text(&compiled.bytes).map_err(|e| {
        Failure::check(format!(
            "error: the PDF Vita wrote cannot be read back: {e}"
        ))
    })?;
    let texts = words::texts(&compiled.resume);
    let expected: Vec<String> = texts.iter().flat_map(|t| words::words(t)).collect();
    let mut source_unmapped = Vec::new();
    for text in &texts {
        for c in text.chars().filter(|c| words::is_unmapped(*c)) {
            if source_unmapped.len() < 20 {
                source_unmapped.push((c, text.clone()));
            }
        }
    }
    Ok(Findings {
        words: compare::compare(&expected, &pages.join("\n")),
        source_unmapped,
        missing_glyphs: compiled.missing_glyphs.clone(),
        overflow: compiled.overflow.clone(),
        hidden: compiled.hidden.clone(),
        pages: pages.len(),
    })
}

/// Runs `vita check`; returns the exit code (0 passed, 3 failed).
pub fn run(args: &CheckArgs) -> Result<i32, Failure> {
    let started = std::time::Instant::now();
    let variant = compile::from_flags(&args.variant)?;
    let source = Source::load(&args.input)?;
    let book = crate::fonts::book();
    let layouts = Layouts::default();
    let (creation_date, _) = source::source_date_epoch();
    let ctx = Context {
        book: &book,
        layouts: &layouts,
        creation_date,
        pdf: vita_pdf::PdfOptions::default(),
    };
    let compiled = compile::compile(&source, &variant, &ctx, Overflow::Report)?;
    let findings = inspect(&compiled)?;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let mut warnings = source.warnings();
    warnings.extend(compiled.warnings.iter().cloned());
    if args.format == Some(Format::Json) {
        let json = report::check(&args.input, &compiled, &findings, &warnings, millis);
        println!("{json:#}");
    } else if !args.quiet || !findings.passed() {
        for warning in &warnings {
            eprintln!("{warning}");
        }
        eprintln!("{}", describe(&args.input, &findings));
    }
    Ok(if findings.passed() { 0 } else { EXIT_CHECK })
}

/// The human report: one line when the check passes, a list of problems when it fails.
pub fn describe(input: &std::path::Path, f: &Findings) -> String {
    let w = &f.words;
    let order = match w.in_order {
        Some(n) => format!(
            ", {n} in source order ({:.1}%)",
            n as f64 * 100.0 / w.expected.max(1) as f64
        ),
        None => String::new(),
    };
    let verdict = if f.passed() { "passed" } else { "FAILED" };
    let mut out = format!(
        "check {verdict}: {}: {} of {} words recovered ({:.1}%){order}, {} page{}",
        input.display(),
        w.recovered,
        w.expected,
        w.percent(),
        f.pages,
        if f.pages == 1 { "" } else { "s" }
    );
    if !w.missing.is_empty() {
        let list: Vec<String> = w
            .missing
            .iter()
            .take(20)
            .map(|m| format!("`{m}`"))
            .collect();
        let more = w.missing.len().saturating_sub(20);
        let _ = write!(out, "\n  missing: {}", list.join(", "));
        if more > 0 {
            let _ = write!(out, " and {more} more");
        }
    }
    for (want, got) in &w.garbled {
        let _ = write!(out, "\n  garbled: `{want}` comes back as `{got}`");
    }
    for run in &w.letter_spaced {
        let _ = write!(
            out,
            "\n  letter-spaced: `{run}` comes back as single letters\n    = hint: keep `letter-spacing` at 0.08em or less in the layout"
        );
    }
    for (c, text) in &f.source_unmapped {
        let _ = write!(
            out,
            "\n  no text: U+{:04X} in `{text}` is a private-use character (an icon?) that means nothing to a reader\n    = hint: write the word (\"Email\", \"GitHub\") instead of, or beside, the icon",
            u32::from(*c)
        );
    }
    for (c, token) in &w.unmapped {
        let _ = write!(
            out,
            "\n  unmapped: U+{:04X} comes back in `{token}`",
            u32::from(*c)
        );
    }
    for c in &f.missing_glyphs {
        let _ = write!(
            out,
            "\n  missing glyph: `{c}` (U+{:04X}) has no glyph in the layout's fonts and shows as a box",
            u32::from(*c)
        );
    }
    for hidden in &f.hidden {
        let _ = write!(
            out,
            "\n  hidden text: line {}: `{}` is hidden from readers and left out of the PDF\n    = hint: text a reader cannot see but a machine reads is keyword stuffing to an applicant tracking system; delete it or make it visible",
            hidden.line, hidden.text
        );
    }
    if let Some(overflow) = &f.overflow {
        let _ = write!(out, "\n  pages: {overflow}");
    }
    out
}
