//! The in-memory pipeline shared by build, batch, check and watch: a parsed résumé and a
//! variant (layout, pages, tags, field overrides) → PDF bytes and what the build found.

use std::path::Path;
use std::sync::Arc;

use vita_layout::{FontBook, Layout, LayoutOptions};
use vita_model::{FieldOverride, Resume, TagExpr};

use crate::diagnostics::{Code, Diagnostic, Located};
use crate::failure::Failure;
use crate::source::{Layouts, Source};

/// Where a variant's tags and overrides were written, so their errors point there.
#[derive(Debug, Clone)]
pub enum Origin {
    /// Command-line flags (`--tags`, `--set`).
    Flags {
        /// The `--tags` value as written (empty without the flag), to point into.
        tags: String,
    },
    /// A manifest: its path and text (override spans are byte ranges of it).
    Manifest {
        /// The manifest file.
        path: std::path::PathBuf,
        /// Its text.
        text: std::sync::Arc<str>,
        /// The variant's name.
        variant: String,
        /// Where its tag selection is written, when the manifest gives one.
        tags: Option<std::ops::Range<usize>>,
    },
}

/// What to build from a résumé.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Layout name or path; `None` takes the front matter's, then `classic`.
    pub layout: Option<String>,
    /// Page limit; `None` takes the front matter's.
    pub pages: Option<u32>,
    /// Which tagged parts to keep.
    pub tags: TagExpr,
    /// Front-matter fields to set.
    pub overrides: Vec<FieldOverride>,
    /// Where the above were written.
    pub origin: Origin,
    /// What to read the input as, when the manifest says (`kind = "letter"`); `None` takes
    /// the front matter's `kind`.
    pub kind: Option<vita_model::DocumentKind>,
}

/// Things every build of a run shares.
pub struct Context<'a> {
    /// The fonts, parsed once; its shaping cache is shared.
    pub book: &'a FontBook,
    /// Layouts resolved so far.
    pub layouts: &'a Layouts,
    /// The PDF creation date (`SOURCE_DATE_EPOCH`).
    pub creation_date: Option<i64>,
    /// Tagging and the standard the PDF conforms to.
    pub pdf: vita_pdf::PdfOptions,
}

impl Context<'_> {
    /// The layout `name` (a built-in, or a file found as given or beside `input`), with every
    /// family it names found in the book: an unknown family fails here, at its key in the
    /// layout file, before anything is set.
    pub fn layout(&self, name: &str, input: &Path) -> Result<Arc<Layout>, Failure> {
        let layout = self.layouts.get(name, input)?;
        let file = self.layouts.file(name, input);
        crate::fonts::check_layout(
            self.book,
            &layout,
            file.as_ref().map(|(p, t)| (p.as_path(), &**t)),
        )?;
        Ok(layout)
    }
}

/// An error of the layout `name` found while setting the résumé: a range a layout file
/// allows but the page cannot hold, a family gone since the layout loaded. Such errors have no
/// place in the file; the message names the layout.
pub fn layout_failure(name: &str, mut d: Diagnostic) -> Failure {
    d.message = format!("layout '{name}': {}", d.message);
    Failure::input(d)
}

/// What to do when the résumé cannot be fitted into the pages asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Fail with exit code 3 (build, batch).
    Fail,
    /// Lay it out at its natural length and say so in [`Compiled::overflow`] (check).
    Report,
}

/// A résumé built in memory.
pub struct Compiled {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Pages before fitting.
    pub natural_pages: usize,
    /// The page limit that applied, if any.
    pub page_limit: Option<u32>,
    /// The layout used.
    pub layout: String,
    /// Warnings of this variant (tags, layout); the source's own warnings are separate.
    pub warnings: Vec<Located>,
    /// How each line of running text was set.
    pub lines: Vec<vita_layout::LineReport>,
    /// What fitting to a page count moved.
    pub knobs: Vec<vita_layout::Knob>,
    /// The résumé as selected and overridden: what the PDF should say.
    pub resume: Resume,
    /// With [`Overflow::Report`], why the résumé does not fit its page limit.
    pub overflow: Option<Located>,
    /// Characters set with a font's missing-glyph box (glyph 0), once each, in order.
    pub missing_glyphs: Vec<char>,
    /// Text the source hides (white, tiny, `display: none` …), which is left out of the PDF:
    /// its line and its text, in source order.
    pub hidden: Vec<HiddenText>,
    /// Texts Vita adds around the résumé's own (footers, list labels).
    pub furniture: Vec<String>,
    /// Glyphs drawn outside the text area.
    pub outside: Vec<crate::check::Outside>,
    /// The laid-out pages the PDF was written from (for the plain-text output).
    pub document: vita_layout::Document,
    /// Whether the layout rebuilds entry dates (`entry.date-format` other than "as-written"):
    /// their words may then differ from the source's.
    pub dates_rebuilt: bool,
    /// Whether the layout keeps keywords whole (`paragraph.keep-keywords-whole`): a keyword
    /// split at a line end then fails the check.
    pub keep_keywords_whole: bool,
    /// For a cover letter: its date and where it came from.
    pub letter: Option<crate::letter::LetterBuilt>,
}

/// A stretch of hidden text in the source (see [`vita_model::Parsed::hidden`]).
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenText {
    /// One-based line of the source where it starts.
    pub line: usize,
    /// The source there, white space collapsed, cut to a readable length.
    pub text: String,
}

/// Most characters of hidden text quoted in a report.
const MAX_HIDDEN_CHARS: usize = 80;

/// The hidden text of `source`, by line.
pub fn hidden_text(source: &Source) -> Vec<HiddenText> {
    source
        .parsed
        .hidden
        .iter()
        .map(|span| {
            let text = source.text.get(span.clone()).unwrap_or_default();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut short: String = text.chars().take(MAX_HIDDEN_CHARS).collect();
            if short.len() < text.len() {
                short.push('…');
            }
            HiddenText {
                line: vita_model::line_col(&source.text, span.start).0,
                text: short,
            }
        })
        .collect()
}

/// Builds `variant` of `source` in memory. A photo whose pixel data turns out to be damaged
/// when the PDF is written is left out with a warning naming it, and the résumé is built again
/// without it.
pub fn compile(
    source: &Source,
    variant: &Variant,
    ctx: &Context<'_>,
    on_overflow: Overflow,
) -> Result<Compiled, Failure> {
    if let Some(letter) = &source.letter {
        return crate::letter::compile(source, letter, variant, ctx, on_overflow);
    }
    match compile_with(source, variant, ctx, on_overflow, true) {
        Err(Attempt::DamagedPhoto(reason)) => {
            let mut compiled = compile_with(source, variant, ctx, on_overflow, false)
                .map_err(Attempt::into_failure)?;
            if let Some(photo) = &source.parsed.resume.header.photo {
                compiled.warnings.insert(
                    0,
                    source.locate(
                        Diagnostic::warning(
                            Code::Photo,
                            format!(
                                "the photo '{}' could not be decoded ({reason}); it is left out",
                                photo.path.display()
                            ),
                        )
                        .at(photo.span.clone())
                        .with_hint("save the image again as PNG or JPEG"),
                    ),
                );
            }
            Ok(compiled)
        }
        other => other.map_err(Attempt::into_failure),
    }
}

/// Why one attempt at a build failed.
enum Attempt {
    /// The build failed for good.
    Failed(Failure),
    /// The PDF writer could not decode the photo.
    DamagedPhoto(String),
}

impl Attempt {
    fn into_failure(self) -> Failure {
        match self {
            Attempt::Failed(f) => f,
            Attempt::DamagedPhoto(reason) => Failure::input(Diagnostic::error(
                Code::Photo,
                format!("the photo could not be decoded: {reason}"),
            )),
        }
    }
}

impl From<Failure> for Attempt {
    fn from(f: Failure) -> Attempt {
        Attempt::Failed(f)
    }
}

/// One attempt at [`compile`], with or without the photo.
fn compile_with(
    source: &Source,
    variant: &Variant,
    ctx: &Context<'_>,
    on_overflow: Overflow,
    with_photo: bool,
) -> Result<Compiled, Attempt> {
    let mut warnings = Vec::new();
    let overridden;
    let resume = if variant.overrides.is_empty() {
        &source.parsed.resume
    } else {
        let mut copy = source.parsed.resume.clone();
        vita_model::apply_overrides(&mut copy, &variant.overrides)
            .map_err(|e| override_failure(e, &variant.origin))?;
        overridden = copy;
        &overridden
    };
    let selection = vita_model::select(resume, &variant.tags);
    if selection.unknown.len() > MAX_TAG_WARNINGS {
        warnings.push(unknown_tags(
            &selection.unknown,
            &source.path,
            &variant.origin,
        ));
    } else {
        for unknown in &selection.unknown {
            warnings.push(unknown_tag(unknown, &source.path, &variant.origin));
        }
    }
    let resume = selection.resume;
    let mut layout_name = variant
        .layout
        .clone()
        .or_else(|| resume.settings.layout.clone())
        .unwrap_or_else(|| "classic".to_string());
    let layout = match ctx.layouts.get(&layout_name, &source.path) {
        Err(_) if variant.layout.is_none() && is_page_layout(source, &layout_name) => {
            warnings.push(page_layout_warning(source, &layout_name));
            layout_name = "classic".to_string();
            ctx.layout(&layout_name, &source.path)?
        }
        _ => ctx.layout(&layout_name, &source.path)?,
    };
    let photo = resume
        .header
        .photo
        .as_ref()
        .filter(|_| with_photo)
        .and_then(|photo| crate::photo::load_or_warn(source, photo, "photo", &mut warnings));
    let options = LayoutOptions {
        creation_date: ctx.creation_date,
        photo,
    };
    let layout_failure = |e| layout_failure(&layout_name, e);
    let page_limit = variant.pages.or(resume.settings.pages);
    let mut overflow = None;
    let (laid, knobs, natural_pages) = match page_limit {
        None => {
            // No near-empty last page: one page fewer when gentle floors allow it.
            let settled = vita_layout::settle(&resume, &layout, ctx.book, &options)
                .map_err(layout_failure)?;
            (settled.laid, settled.knobs, settled.natural_pages)
        }
        Some(n) => {
            let fit = vita_layout::Fit::pages(n as usize);
            match vita_layout::fit(&resume, &layout, ctx.book, &options, &fit) {
                Ok(fitted) => (fitted.laid, fitted.knobs, fitted.natural_pages),
                Err(vita_layout::FitError::Layout(e)) => return Err(layout_failure(e).into()),
                Err(e @ vita_layout::FitError::TooLong { at_floors, .. }) => {
                    let message = format!("{e}, even at {}", fit.floors());
                    let severity = match on_overflow {
                        Overflow::Fail => vita_diagnostic::Severity::Error,
                        Overflow::Report => vita_diagnostic::Severity::Warning,
                    };
                    let told = Located::about(
                        Diagnostic::new(severity, Code::TooLong, message).with_hint(format!(
                            "shorten the résumé or allow more pages (--pages {})",
                            at_floors.max(n as usize + 1)
                        )),
                        &source.path,
                        false,
                    );
                    if on_overflow == Overflow::Fail {
                        return Err(Failure::check(told).into());
                    }
                    overflow = Some(told);
                    let laid = vita_layout::layout(&resume, &layout, ctx.book, &options)
                        .map_err(layout_failure)?;
                    let pages = laid.document.pages.len();
                    (laid, Vec::new(), pages)
                }
            }
        }
    };
    warnings.extend(locate_layout_warnings(source, &laid.warnings));
    let pages = laid.document.pages.len();
    if pages > crate::limits::MAX_PAGES {
        return Err(Failure::input(Located::about(
            Diagnostic::error(
                Code::OverLimit,
                format!(
                    "{} takes {pages} pages, more than the {} a résumé may have",
                    source.path.display(),
                    crate::limits::MAX_PAGES
                ),
            )
            .with_hint("shorten it; the limits are listed in docs/cli.md"),
            &source.path,
            true,
        ))
        .into());
    }
    let missing_glyphs = laid.missing_glyphs.clone();
    let furniture = crate::check::furniture(&laid.document);
    let outside = crate::check::outside(&laid.document);
    let has_photo = options.photo.is_some();
    let bytes = vita_pdf::pdf(&laid.document, &ctx.pdf).map_err(|e| match e {
        vita_pdf::Error::Standard { .. } => Attempt::Failed(Failure::input(Located::about(
            e.diagnostic()
                .with_hint("fix what is named, or build without --standard"),
            &source.path,
            false,
        ))),
        vita_pdf::Error::Image { reason } if has_photo => Attempt::DamagedPhoto(reason),
        e => {
            let mut d = e.diagnostic();
            d.message = format!("could not write the PDF: {}", d.message);
            Attempt::Failed(Failure::input(d))
        }
    })?;
    Ok(Compiled {
        bytes,
        pages: laid.document.pages.len(),
        natural_pages,
        page_limit,
        layout: layout_name,
        keep_keywords_whole: layout.paragraph.keep_keywords_whole,
        dates_rebuilt: layout.entry.date_format != vita_layout::DateFormat::AsWritten,
        warnings,
        lines: laid.lines,
        knobs,
        resume,
        overflow,
        missing_glyphs,
        hidden: hidden_text(source),
        furniture,
        outside,
        document: laid.document,
        letter: None,
    })
}

/// True when `name`, read from YAML front matter, is no Vita layout but a site generator's page
/// layout (Jekyll's `layout: resume`): a name, not a layout file's path.
fn is_page_layout(source: &Source, name: &str) -> bool {
    let text = source.text.trim_start_matches('\u{feff}');
    let yaml = text.starts_with("---");
    yaml && !name.ends_with(".toml") && !name.contains(['/', '\\'])
}

/// The warning for a page layout in YAML front matter, at its line.
fn page_layout_warning(source: &Source, name: &str) -> Located {
    let at = source
        .text
        .match_indices("layout:")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || source.text.as_bytes().get(i - 1) == Some(&b'\n'))
        .unwrap_or(0);
    let names: Vec<&str> = vita_layout::Layout::builtin_names().collect();
    source.locate(
        Diagnostic::warning(
            Code::PageLayout,
            format!("`layout: {name}` is not a Vita layout (a Jekyll page layout?); using classic"),
        )
        .at(at..at + "layout:".len())
        .with_hint(format!(
            "choose a Vita layout with `--layout` ({}) or a layout file",
            names.join(", ")
        )),
    )
}

/// An override that does not apply, placed at the manifest line or the `--set` flag.
pub fn override_failure(mut d: Diagnostic, origin: &Origin) -> Failure {
    d.code = Code::Override;
    Failure::input(match origin {
        Origin::Manifest { path, text, .. } => Located::in_file(d, path, text),
        Origin::Flags { .. } => {
            d.primary = None;
            Located::about(d, std::path::Path::new("--set"), false)
        }
    })
}

/// Most unused tags warned about one by one; more are summed up in one warning.
const MAX_TAG_WARNINGS: usize = 3;

/// One warning for many unused tags: how many, and the first few.
fn unknown_tags(unknown: &[vita_model::UnknownTag], input: &Path, origin: &Origin) -> Located {
    let first: Vec<String> = unknown
        .iter()
        .take(5)
        .map(|u| format!("`{}`", u.name))
        .collect();
    let warning = |from: &str| {
        Diagnostic::warning(
            Code::UnknownTag,
            format!(
                "{} tags{from} are used nowhere in {}: {}, …",
                unknown.len(),
                input.display(),
                first.join(", ")
            ),
        )
        .with_hint(
            "tag elements with `<!-- tags: name -->` at the end of their line, or drop the \
             unused terms",
        )
    };
    match origin {
        // About the flag, without quoting its value: it may be long.
        Origin::Flags { .. } => Located::about(warning(""), Path::new("--tags"), false),
        Origin::Manifest { variant, .. } => {
            Located::plain(warning(&format!(" (variant `{variant}`)")))
        }
    }
}

/// The warning for a tag in the expression that the résumé never uses.
fn unknown_tag(unknown: &vita_model::UnknownTag, input: &Path, origin: &Origin) -> Located {
    let warning = |from: &str| {
        let message = format!(
            "tag `{}`{from} is used nowhere in {}",
            unknown.name,
            input.display()
        );
        let hint = match &unknown.suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "tag elements with `<!-- tags: name -->` at the end of their line".to_string(),
        };
        Diagnostic::warning(Code::UnknownTag, message).with_hint(hint)
    };
    match origin {
        // Pointed at its term in the flag's value.
        Origin::Flags { tags } => Located::in_flag(
            warning("").at_maybe(term_range(tags, &unknown.name)),
            "--tags",
            tags,
        ),
        // Pointed at its term in the manifest, where the selection is written.
        Origin::Manifest {
            path,
            text,
            variant,
            tags: Some(span),
        } => {
            let term = text
                .get(span.clone())
                .and_then(|value| name_range(value, &unknown.name))
                .map_or(span.clone(), |r| span.start + r.start..span.start + r.end);
            Located::in_file(
                warning(&format!(" (variant `{variant}`)")).at(term),
                path,
                text,
            )
        }
        Origin::Manifest { variant, .. } => {
            Located::plain(warning(&format!(" (variant `{variant}`)")))
        }
    }
}

/// The byte range of the tag name `tag` as a whole word of `value` (a manifest's string or
/// array of strings), compared without case.
fn name_range(value: &str, tag: &str) -> Option<std::ops::Range<usize>> {
    let lower = value.to_lowercase();
    if lower.len() != value.len() || tag.is_empty() {
        return None;
    }
    let part_of_name = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    lower
        .match_indices(tag)
        .map(|(i, _)| i..i + tag.len())
        .find(|r| {
            !lower[..r.start]
                .chars()
                .next_back()
                .is_some_and(part_of_name)
                && !lower[r.end..].chars().next().is_some_and(part_of_name)
        })
}

/// The byte range of the term naming `tag` (with or without `!`) in the tag expression
/// `text`, compared as [`TagExpr`] compares names.
fn term_range(text: &str, tag: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for term in text.split(',') {
        let start = at;
        at += term.len() + 1;
        let name = term.trim().trim_start_matches('!').trim_start();
        if name.to_lowercase() == tag {
            let offset = term.find(name).unwrap_or(0);
            return Some(start + offset..start + offset + name.len());
        }
    }
    None
}

/// Reads `--tags` and `--set` flags into a variant.
pub fn from_flags(args: &crate::cli::VariantArgs) -> Result<Variant, Failure> {
    let tags = match &args.tags {
        Some(text) => {
            TagExpr::parse(text).map_err(|e| Failure::input(Located::in_flag(e, "--tags", text)))?
        }
        None => TagExpr::default(),
    };
    let overrides = args
        .set
        .iter()
        .map(|pair| flag_override(pair))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Variant {
        layout: args.layout.clone(),
        pages: args.pages,
        tags,
        overrides,
        origin: Origin::Flags {
            tags: args.tags.clone().unwrap_or_default(),
        },
        kind: None,
    })
}

/// `key=value` → an override; `pages` takes a number, `keywords` a comma-separated list.
fn flag_override(pair: &str) -> Result<FieldOverride, Failure> {
    let Some((key, value)) = pair.split_once('=') else {
        return Err(Failure::input(
            Diagnostic::error(Code::FlagValue, format!("--set '{pair}' has no `=`"))
                .with_hint("write it like --set headline=\"Platform engineer\""),
        ));
    };
    let key = key.trim();
    let value = match (key, value.trim().parse::<i64>()) {
        ("pages", Ok(n)) => vita_model::FieldValue::Number(n),
        _ => vita_model::FieldValue::Text(value.to_string()),
    };
    Ok(FieldOverride {
        key: key.to_string(),
        value,
        span: 0..0,
    })
}

/// The layout's warnings placed in `source`: at their span when it lies in the file, else
/// about the file as a whole (a span from a résumé a letter borrowed its header from).
pub fn locate_layout_warnings(source: &Source, warnings: &[Diagnostic]) -> Vec<Located> {
    warnings
        .iter()
        .map(|w| match w.range() {
            Some(span) if span.end <= source.text.len() => source.locate(w.clone()),
            _ => {
                let mut w = w.clone();
                w.primary = None;
                Located::about(w, &source.path, false)
            }
        })
        .collect()
}
