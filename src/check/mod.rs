//! `vita check`: the ATS check. Builds the résumé in memory, reads the PDF's text back with
//! vita-pdf's reader (a PDF parser, not the layout's own state) and compares its words with
//! the source file's own text (read apart from vita-model, see [`source_text`]) as multisets.
//! Fails (exit 3) on missing, repeated, invented or garbled words, glyphs drawn outside the
//! text area, letter-spaced words
//! that come back as single letters, characters no reader can map to text (private-use icons,
//! U+FFFD, glyphs the fonts lack), hidden text in the source (white, tiny or `display: none`
//! text, which Vita leaves out of the PDF: it is what keyword stuffing looks like) and a résumé
//! that does not fit the pages asked for.

mod compare;
mod document;
mod source_text;
mod split;
mod words;

use std::fmt::Write as _;

use crate::cli::{CheckArgs, Format};
use crate::compile::{self, Compiled, Context, HiddenText, Overflow};
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::{EXIT_CHECK, Failure};
use crate::report;
use crate::source::{self, Layouts, Source};
use vita_model::Resume;

pub use compare::{Comparison, Expected};
pub use document::{Outside, furniture, outside};

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
    pub overflow: Option<crate::diagnostics::Located>,
    /// Text the source hides from readers, by line.
    pub hidden: Vec<HiddenText>,
    /// Glyphs drawn outside the text area (cut off or run into the margin).
    pub outside: Vec<Outside>,
    /// Pages of the PDF that was read.
    pub pages: usize,
    /// Words that extractors ignoring `/ActualText` read split at a line end (`head-|tail`).
    pub split_words: Vec<String>,
    /// Those of them that are keywords; they fail the check when the layout keeps keywords
    /// whole.
    pub split_keywords: Vec<String>,
    /// Whether split keywords fail the check (the layout's `paragraph.keep-keywords-whole`).
    pub keywords_must_stay_whole: bool,
}

impl Findings {
    /// True when a machine reads back everything the source says and the pages fit.
    pub fn passed(&self) -> bool {
        self.words.is_clean()
            && self.source_unmapped.is_empty()
            && self.missing_glyphs.is_empty()
            && self.overflow.is_none()
            && self.hidden.is_empty()
            && self.outside.is_empty()
            && (self.split_keywords.is_empty() || !self.keywords_must_stay_whole)
    }
}

/// Warnings that say text is left out: their spans excuse the words inside.
const LEFT_OUT: [Code; 12] = [
    Code::EmptySection,
    Code::NameGuess,
    Code::TemplateSyntax,
    Code::LeftOut,
    Code::Html,
    Code::HiddenText,
    Code::UnknownJsonKey,
    Code::UnknownFrontMatterKey,
    Code::YamlNotRead,
    Code::TagComment,
    Code::TableTitles,
    Code::Image,
];

/// Words the JSON Resume reader adds: "BSc in Physics", "GPA: 3.8", a "Courses" row.
const JSON_LABELS: [&str; 3] = ["in", "GPA", "Courses"];

/// What the PDF of `compiled` should say: the source file's words, less those a warning said
/// are left out. A variant that selects part of the résumé (tags) or overrides fields must say
/// what its model says, and may say any other source word.
pub fn expected(source: &Source, compiled: &Compiled) -> Expected {
    let json = source
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let pieces = if json {
        source_text::json(&source.text)
    } else {
        source_text::markdown(&source.text)
    };
    let excused: Vec<std::ops::Range<usize>> = source
        .parsed
        .warnings
        .iter()
        .filter(|w| LEFT_OUT.contains(&w.code))
        .filter_map(|w| w.range())
        .map(|range| covered(&source.text, &range))
        .chain(source.parsed.hidden.iter().cloned())
        .chain(source.parsed.left_out.iter().cloned())
        .chain(
            entry_dates(&source.parsed.resume)
                .filter(|_| compiled.dates_rebuilt)
                .map(|d| d.span.clone()),
        )
        .collect();
    let mut out = Expected::default();
    for piece in &pieces {
        for (word, range) in words::spans(&piece.text) {
            let at = if piece.exact {
                piece.at.start + range.start..piece.at.start + range.end
            } else {
                piece.at.clone()
            };
            let optional =
                !piece.required || excused.iter().any(|e| e.start < at.end && at.start < e.end);
            if optional {
                out.optional.push(word);
            } else {
                out.required.push(word);
            }
        }
    }
    let texts = words::texts(&compiled.resume);
    if compiled.resume != source.parsed.resume {
        out.optional.append(&mut out.required);
        out.required = texts.iter().flat_map(|t| words::words(t)).collect();
    }
    if json {
        // Section titles and shown dates ("Jun 2021 – Present") are the reader's words.
        let resume = &compiled.resume;
        let titles = resume.sections.iter().map(|s| s.title.plain());
        let dates = resume
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                vita_model::Block::Entry(e) => e.dates.as_ref().map(|d| d.text.clone()),
                _ => None,
            });
        // The shown dates are required: the source's dates are optional, since a range
        // within one month ("2016-08-24" to "2016-08-24") is shown once.
        // (A variant's required words are its model's texts, dates included.)
        if compiled.resume == source.parsed.resume {
            out.required.extend(dates.flat_map(|d| words::words(&d)));
        }
        // Profiles are shown as addresses made from their network ("github.com/ada").
        let contacts = resume.header.contacts.iter().map(|c| c.text.clone());
        out.generated = titles
            .chain(contacts)
            .chain(JSON_LABELS.iter().map(|l| (*l).to_string()))
            .flat_map(|t| words::words(&t))
            .collect();
    }
    if compiled.dates_rebuilt {
        out.generated.extend(rebuilt_dates(&compiled.resume));
    }
    out.furniture = compiled.furniture.clone();
    out
}

/// The dates of every entry of `resume`.
fn entry_dates(resume: &Resume) -> impl Iterator<Item = &vita_model::Dates> {
    resume
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            vita_model::Block::Entry(e) => e.dates.as_ref(),
            _ => None,
        })
}

/// The words an entry's dates may be shown with when the layout rebuilds them
/// (`entry.date-format`): month names, long and short, and the "present" word, in the
/// résumé's language. The dates as written may then be left out (their spans are excused).
fn rebuilt_dates(resume: &Resume) -> Vec<String> {
    let language = vita_model::Language::for_tag(resume.settings.lang.as_deref());
    let mut shown = vec![language.present().to_string()];
    for dates in entry_dates(resume) {
        let end = match dates.end {
            Some(vita_model::DateEnd::Date(end)) => Some(end),
            _ => None,
        };
        for date in std::iter::once(dates.start).chain(end) {
            if let Some(month) = date.month {
                for long in [true, false] {
                    shown.push(language.month_year(month, date.year, long));
                }
            }
        }
    }
    shown.iter().flat_map(|t| words::words(t)).collect()
}

/// The source a warning's span covers: the span itself, or from a point to the end of its
/// block (an HTML block that is not rendered is reported at its start).
fn covered(text: &str, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    if span.end > span.start {
        return span.clone();
    }
    let rest = text.get(span.start..).unwrap_or_default();
    let end = rest
        .find("\n\n")
        .or_else(|| rest.find("\r\n\r\n"))
        .map_or(text.len(), |e| span.start + e);
    span.start..end
}

/// Checks a build: reads its PDF back and compares it with the source it was built from.
pub fn inspect(source: &Source, compiled: &Compiled) -> Result<Findings, Failure> {
    let unreadable = |e: vita_pdf::Error| {
        Failure::check(Diagnostic::error(
            Code::PdfWrite,
            format!("the PDF Vita wrote cannot be read back: {e}"),
        ))
    };
    let pages = vita_pdf::extract_text(&compiled.bytes).map_err(unreadable)?;
    let texts = words::texts(&compiled.resume);
    let mut source_unmapped = Vec::new();
    for text in &texts {
        // Vita's own icons are drawn as artifacts, outside the text layer: pictures, not text.
        let unmapped = |c: &char| words::is_unmapped(*c) && !vita_model::icons::is_icon(*c);
        for c in text.chars().filter(unmapped) {
            if source_unmapped.len() < 20 {
                source_unmapped.push((c, text.clone()));
            }
        }
    }
    let naive = vita_pdf::extract_text_ignoring_actual_text(&compiled.bytes).map_err(unreadable)?;
    let split_words = split::split_words(&naive);
    let split_keywords =
        split::split_keywords(&split_words, &vita_layout::keywords(&compiled.resume));
    Ok(Findings {
        split_words,
        split_keywords,
        keywords_must_stay_whole: compiled.keep_keywords_whole,
        words: compare::compare(&expected(source, compiled), &pages.join("\n")),
        source_unmapped,
        missing_glyphs: compiled.missing_glyphs.clone(),
        overflow: compiled.overflow.clone(),
        hidden: compiled.hidden.clone(),
        outside: compiled.outside.clone(),
        pages: pages.len(),
    })
}

/// Runs `vita check`; returns the exit code (0 passed, 3 failed).
pub fn run(args: &CheckArgs) -> Result<i32, Failure> {
    let started = std::time::Instant::now();
    let variant = compile::from_flags(&args.variant)?;
    let source = Source::load_for(
        &args.input,
        "`vita check resume.md` takes a Markdown or JSON Resume file",
    )?;
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
    if args.show_text {
        crate::stdout::print(vita_render::text::plain_text(&compiled.document).as_bytes())?;
    }
    let findings = inspect(&source, &compiled)?;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let mut warnings = source.warnings();
    warnings.extend(compiled.warnings.iter().cloned());
    if args.format == Some(Format::Json) {
        let json = report::check(&args.input, &compiled, &findings, &warnings, millis);
        crate::stdout::line(&format!("{json:#}"))?;
    } else if !args.quiet || !findings.passed() {
        for warning in &warnings {
            crate::diagnostics::terminal::eprint(warning);
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
    for (word, source, extracted) in w.repeated.iter().take(20) {
        let _ = write!(
            out,
            "\n  repeated: `{word}` is in the source {source} time{} but comes back {extracted} times",
            if *source == 1 { "" } else { "s" }
        );
    }
    if !w.extra.is_empty() {
        let list: Vec<String> = w.extra.iter().take(20).map(|m| format!("`{m}`")).collect();
        let more = w.extra.len().saturating_sub(20);
        let _ = write!(out, "\n  extra (not in the source): {}", list.join(", "));
        if more > 0 {
            let _ = write!(out, " and {more} more");
        }
    }
    if f.keywords_must_stay_whole {
        for split in &f.split_keywords {
            let _ = write!(
                out,
                "\n  split keyword: `{}` comes back in two parts from extractors that ignore ActualText (mutool, pypdf, pdf.js)",
                split.replace('|', "` / `")
            );
        }
    }
    for o in &f.outside {
        let _ = write!(
            out,
            "\n  outside the page: page {}: `{}` reaches {:.1}pt past the text area",
            o.page, o.text, o.by
        );
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
        let _ = write!(
            out,
            "\n  pages: {}: {}",
            overflow.file.as_deref().unwrap_or_default(),
            overflow.diagnostic.message
        );
    }
    out
}

#[cfg(test)]
mod split_keyword_tests {
    use super::Findings;

    #[test]
    fn a_split_keyword_fails_only_where_the_layout_keeps_keywords_whole() {
        let mut findings = Findings {
            split_keywords: vec!["high-through-|put".into()],
            ..Findings::default()
        };
        assert!(findings.passed());
        findings.keywords_must_stay_whole = true;
        assert!(!findings.passed());
        findings.split_keywords.clear();
        assert!(findings.passed());
    }
}
