//! Cover letters in the CLI: a Markdown file whose front matter says `kind = "letter"` (or a
//! manifest variant with `kind = "letter"`). Its header comes from the résumé named by
//! `resume = "resume.md"` (or its own front matter), its `{placeholders}` are filled from the
//! front matter's `values`, the manifest's `set` and `--set`, its date from the front matter,
//! else `SOURCE_DATE_EPOCH`, else today; then it is laid out on one page.

use std::path::{Path, PathBuf};

use vita_layout::{LayoutOptions, LetterOptions};
use vita_model::{
    Block, FieldOverride, FieldValue, Letter, LetterDate, Paragraph, Resume, Section, Text,
};

use crate::compile::{Compiled, Context, Origin, Overflow, Variant};
use crate::diagnostics::{Code, Diagnostic, Located};
use crate::failure::Failure;
use crate::source::Source;

/// A letter read from its file, placeholders not yet filled, with the résumé it takes its
/// header from.
pub struct LetterInput {
    /// The letter as read.
    pub letter: Letter,
    /// The résumé named by `resume`, read and parsed.
    pub resume: Option<Source>,
}

/// Where the letter's date came from, for the build's summary and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFrom {
    /// The front matter's `date` (or a `set`/`--set` of it).
    FrontMatter,
    /// The `SOURCE_DATE_EPOCH` environment variable.
    SourceDateEpoch,
    /// The system clock: today, in UTC.
    Today,
}

impl DateFrom {
    /// How the summary words it.
    pub fn describe(self) -> &'static str {
        match self {
            DateFrom::FrontMatter => "from the front matter",
            DateFrom::SourceDateEpoch => "from SOURCE_DATE_EPOCH",
            DateFrom::Today => {
                "today's date: set `date` or SOURCE_DATE_EPOCH to build it again alike"
            }
        }
    }

    /// The short name in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            DateFrom::FrontMatter => "front-matter",
            DateFrom::SourceDateEpoch => "SOURCE_DATE_EPOCH",
            DateFrom::Today => "today",
        }
    }
}

/// What a letter build adds to [`Compiled`].
#[derive(Debug, Clone, PartialEq)]
pub struct LetterBuilt {
    /// The date line as shown.
    pub date: String,
    /// Where it came from.
    pub date_from: DateFrom,
    /// The résumé the header came from, if any.
    pub resume: Option<PathBuf>,
}

/// Reads the letter in `text` (the file `path`) and the résumé it names.
pub fn read(path: &Path, text: &str) -> Result<(LetterInput, vita_model::Parsed), Failure> {
    let parsed = vita_model::parse_letter(text).map_err(|e| Failure::at(path, text, e))?;
    let letter = parsed.letter;
    let resume = match &letter.resume {
        Some((name, span)) => {
            let folder = path.parent().unwrap_or(Path::new(""));
            let resume_path = folder.join(name);
            if resume_path == path {
                return Err(Failure::at(
                    path,
                    text,
                    Diagnostic::error(
                        Code::FrontMatterField,
                        "a letter cannot take its header from itself",
                    )
                    .at(span.clone())
                    .with_hint("name the résumé, e.g. `resume = \"resume.md\"`"),
                ));
            }
            let source = Source::load_for(
                &resume_path,
                "`resume` in a letter names a Markdown or JSON Resume file beside it",
            )
            .map_err(|mut f| {
                let (line, column) = vita_model::line_col(text, span.start);
                f.diagnostic.diagnostic = f.diagnostic.diagnostic.clone().with_note(format!(
                    "the letter {}:{line}:{column} takes its header from this résumé",
                    path.display()
                ));
                f
            })?;
            if source.letter.is_some() {
                return Err(Failure::at(
                    path,
                    text,
                    Diagnostic::error(
                        Code::FrontMatterField,
                        format!("{} is a letter, not a résumé", resume_path.display()),
                    )
                    .at(span.clone())
                    .with_hint("name the résumé whose header the letter takes"),
                ));
            }
            Some(source)
        }
        None => None,
    };
    let shell = vita_model::Parsed {
        resume: Resume {
            header: letter.header.clone(),
            settings: letter.settings.clone(),
            sections: Vec::new(),
        },
        warnings: parsed.warnings,
        hidden: parsed.hidden,
        left_out: Vec::new(),
    };
    Ok((LetterInput { letter, resume }, shell))
}

/// The résumé the letter at `input` takes its header from, if `input` is a letter that names
/// one (for `vita watch`, which rebuilds when it is saved too).
pub fn resume_of(input: &Path) -> Option<PathBuf> {
    let text =
        crate::source::read_text(input, "", crate::limits::MAX_INPUT_BYTES, "a letter").ok()?;
    if vita_model::document_kind(&text) != vita_model::DocumentKind::Letter {
        return None;
    }
    let (name, _) = vita_model::parse_letter(&text).ok()?.letter.resume?;
    Some(input.parent().unwrap_or(Path::new("")).join(name))
}

/// Builds the letter of `source` in memory.
pub fn compile(
    source: &Source,
    input: &LetterInput,
    variant: &Variant,
    ctx: &Context<'_>,
    on_overflow: Overflow,
) -> Result<Compiled, Failure> {
    let mut warnings = Vec::new();
    let mut letter = input.letter.clone();
    // The header, photo, layout and language of the résumé, unless the letter says otherwise.
    let mut photo_of = None;
    // A layout file is found beside the file that names it.
    let mut layout_beside = source.path.clone();
    if let Some(resume) = &input.resume {
        let theirs = &resume.parsed.resume;
        letter.header = theirs.header.clone();
        photo_of = Some(resume.path.clone());
        let ours = &mut letter.settings;
        if ours.layout.is_none() && theirs.settings.layout.is_some() {
            ours.layout = theirs.settings.layout.clone();
            layout_beside = resume.path.clone();
        }
        ours.lang = ours.lang.take().or_else(|| theirs.settings.lang.clone());
        if ours.hyphenation.is_empty() {
            ours.hyphenation = theirs.settings.hyphenation.clone();
        }
    }
    let values = apply_overrides(&mut letter, &variant.overrides, &variant.origin)?;
    letter
        .fill(&values)
        .map_err(|e| Failure::at(&source.path, &source.text, e))?;
    let (date, date_from) = date(&letter, ctx.creation_date);
    let layout_name = variant
        .layout
        .clone()
        .or_else(|| letter.settings.layout.clone())
        .unwrap_or_else(|| "classic".to_string());
    let layout_input = match variant.layout {
        Some(_) => &source.path,
        None => &layout_beside,
    };
    let layout = ctx.layout(&layout_name, layout_input)?;
    let photo = match (&letter.header.photo, &photo_of) {
        (Some(photo), Some(resume)) => match crate::photo::load(resume, photo, "photo") {
            Ok(data) => Some(data),
            Err(mut warning) => {
                // Its place is in the résumé, whose text is not at hand: name the file.
                warning.primary = None;
                warnings.push(Located::about(warning, resume, false));
                None
            }
        },
        _ => None,
    };
    let signature =
        letter.signature.image.as_ref().and_then(|image| {
            crate::photo::load_or_warn(source, image, "signature", &mut warnings)
        });
    let options = LayoutOptions {
        creation_date: ctx.creation_date,
        photo,
    };
    let letter_options = LetterOptions {
        date: Some(date.clone()).filter(|_| !matches!(letter.date, Some(LetterDate::Written(_)))),
        signature,
    };
    let pages = variant.pages.or(letter.settings.pages).unwrap_or(1) as usize;
    let layout_failure = |e| crate::compile::layout_failure(&layout_name, e);
    let mut overflow = None;
    let fitted = match vita_layout::layout_letter(
        &letter,
        &layout,
        ctx.book,
        &options,
        &letter_options,
        &vita_layout::Fit::pages(pages),
    ) {
        Ok(fitted) => fitted,
        Err(vita_layout::FitError::Layout(e)) => return Err(layout_failure(e)),
        Err(e @ vita_layout::FitError::TooLong { .. }) => {
            let message = format!(
                "{e}, even with the letter's text at 9pt (the header keeps the résumé's sizes)"
            );
            let severity = match on_overflow {
                Overflow::Fail => vita_diagnostic::Severity::Error,
                Overflow::Report => vita_diagnostic::Severity::Warning,
            };
            let told = Located::about(
                Diagnostic::new(severity, Code::TooLong, message)
                    .with_hint("shorten the letter; a letter fits one page"),
                &source.path,
                false,
            );
            if on_overflow == Overflow::Fail {
                return Err(Failure::check(told));
            }
            overflow = Some(told);
            vita_layout::layout_letter(
                &letter,
                &layout,
                ctx.book,
                &options,
                &letter_options,
                &vita_layout::Fit::pages(crate::limits::MAX_PAGES),
            )
            .map_err(|e| match e {
                vita_layout::FitError::Layout(e) => layout_failure(e),
                e => Failure::input(Diagnostic::error(Code::TooLong, e.to_string())),
            })?
        }
    };
    let laid = fitted.laid;
    warnings.extend(crate::compile::locate_layout_warnings(
        source,
        &laid.warnings,
    ));
    let bytes = vita_pdf::pdf(&laid.document, &ctx.pdf).map_err(|e| {
        let mut d = e.diagnostic();
        d.message = format!("could not write the PDF: {}", d.message);
        Failure::input(Located::about(d, &source.path, false))
    })?;
    let resume = as_resume(&letter, &date);
    Ok(Compiled {
        bytes,
        pages: laid.document.pages.len(),
        natural_pages: fitted.natural_pages,
        page_limit: Some(pages as u32),
        layout: layout_name,
        keep_keywords_whole: layout.paragraph.keep_keywords_whole,
        // A letter has no entry dates to rebuild.
        dates_rebuilt: false,
        warnings,
        lines: laid.lines,
        knobs: fitted.knobs,
        resume,
        overflow,
        missing_glyphs: laid.missing_glyphs.clone(),
        hidden: crate::compile::hidden_text(source),
        furniture: crate::check::furniture(&laid.document),
        outside: crate::check::outside(&laid.document),
        document: laid.document,
        letter: Some(LetterBuilt {
            date,
            date_from,
            resume: input.resume.as_ref().map(|r| r.path.clone()),
        }),
    })
}

/// The date line and where it came from.
fn date(letter: &Letter, source_date_epoch: Option<i64>) -> (String, DateFrom) {
    match &letter.date {
        Some(LetterDate::Written(text)) => (text.plain(), DateFrom::FrontMatter),
        Some(LetterDate::Day(day)) => (vita_layout::letter_date(*day), DateFrom::FrontMatter),
        None => match source_date_epoch {
            Some(seconds) => (
                vita_layout::letter_date(vita_model::Day::from_unix(seconds)),
                DateFrom::SourceDateEpoch,
            ),
            None => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
                (
                    vita_layout::letter_date(vita_model::Day::from_unix(now)),
                    DateFrom::Today,
                )
            }
        },
    }
}

/// Applies a variant's `set` (or `--set`) to the letter: the résumé's front-matter keys set
/// the header and settings, the letter's keys set its parts, and every value is also a
/// placeholder value (`{company}`). Returns the placeholder values.
fn apply_overrides(
    letter: &mut Letter,
    overrides: &[FieldOverride],
    origin: &Origin,
) -> Result<Vec<(String, String)>, Failure> {
    let mut values = Vec::new();
    let mut shell = Resume {
        header: letter.header.clone(),
        settings: letter.settings.clone(),
        sections: Vec::new(),
    };
    for o in overrides {
        let text = match &o.value {
            FieldValue::Text(s) => s.clone(),
            FieldValue::Number(n) => n.to_string(),
            FieldValue::Flag(on) => on.to_string(),
            FieldValue::List(items) => items.join(", "),
        };
        let plain = |s: &str| Text::plain_run(s.trim(), 0..0);
        match o.key.as_str() {
            "subject" => letter.subject = Some(plain(&text)),
            "salutation" => letter.salutation = Some(plain(&text)),
            "closing" => letter.closing = Some(plain(&text)),
            "date" => {
                letter.date = Some(match vita_model::Day::parse_iso(&text) {
                    Some(day) => LetterDate::Day(day),
                    None => LetterDate::Written(plain(&text)),
                })
            }
            "signature" => {
                letter.signature = match std::path::Path::new(text.trim())
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref()
                {
                    Some("png" | "jpg" | "jpeg") => vita_model::Signature {
                        image: Some(vita_model::Photo {
                            path: text.trim().into(),
                            alt: String::new(),
                            span: 0..0,
                        }),
                        name: None,
                    },
                    _ => vita_model::Signature {
                        image: None,
                        name: Some(plain(&text)),
                    },
                }
            }
            "to" => {
                letter.to = match &o.value {
                    FieldValue::List(items) => items.iter().map(|s| plain(s)).collect(),
                    _ => text.lines().map(plain).collect(),
                }
            }
            key if vita_model::is_front_matter_key(key) => {
                vita_model::apply_overrides(&mut shell, std::slice::from_ref(o))
                    .map_err(|e| crate::compile::override_failure(e, origin))?;
            }
            _ => {}
        }
        values.push((o.key.clone(), text));
    }
    letter.header = shell.header;
    letter.settings = shell.settings;
    Ok(values)
}

/// The letter's texts as a résumé with one untitled section, for the ATS check: what the
/// PDF should say.
fn as_resume(letter: &Letter, date: &str) -> Resume {
    let mut blocks = Vec::new();
    let mut push = |text: Text| {
        blocks.push(Block::Paragraph(Paragraph {
            text,
            tags: Vec::new(),
            span: 0..0,
        }))
    };
    push(Text::plain_run(date, 0..0));
    letter.to.iter().cloned().for_each(&mut push);
    letter.subject.iter().cloned().for_each(&mut push);
    letter.salutation.iter().cloned().for_each(&mut push);
    let mut after = Vec::new();
    after.extend(letter.closing.iter().cloned());
    after.extend(
        letter
            .signature
            .name
            .as_ref()
            .or(letter.header.name.as_ref())
            .cloned(),
    );
    blocks.extend(letter.body.iter().cloned());
    for text in after {
        blocks.push(Block::Paragraph(Paragraph {
            text,
            tags: Vec::new(),
            span: 0..0,
        }));
    }
    Resume {
        header: letter.header.clone(),
        sections: vec![Section {
            blocks,
            ..Section::default()
        }],
        settings: letter.settings.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{self, Context, Overflow};
    use crate::source::Layouts;
    use vita_layout::{Document, Item, StructChild, StructKind, StructNode};

    fn build(path: &Path, set: &[(&str, &str)]) -> Compiled {
        let source = Source::load(path).unwrap_or_else(|f| panic!("{}", f.message()));
        let book = crate::fonts::book();
        let layouts = Layouts::default();
        let ctx = Context {
            book: &book,
            layouts: &layouts,
            creation_date: Some(1_773_273_600),
            pdf: vita_pdf::PdfOptions::default(),
        };
        let mut variant = compile::from_flags(&crate::cli::VariantArgs::default()).unwrap();
        variant.overrides = set
            .iter()
            .map(|(k, v)| FieldOverride {
                key: k.to_string(),
                value: FieldValue::Text(v.to_string()),
                span: 0..0,
            })
            .collect();
        compile::compile(&source, &variant, &ctx, Overflow::Fail)
            .unwrap_or_else(|f| panic!("{}", f.message()))
    }

    /// The header's items on page 1: those of the document node's children that are not
    /// sections (the name, headline, contact line and photo), with what places them.
    fn header(document: &Document) -> Vec<String> {
        fn leaves(node: &StructNode, out: &mut Vec<(usize, usize)>) {
            for child in &node.children {
                match child {
                    StructChild::Item(page, item) => out.push((*page, *item)),
                    StructChild::Node(n) => leaves(n, out),
                }
            }
        }
        let root = &document.structure[0];
        let mut at = Vec::new();
        for child in &root.children {
            if let StructChild::Node(node) = child
                && node.kind != StructKind::Section
            {
                leaves(node, &mut at);
            }
        }
        at.iter()
            .map(|&(page, item)| match &document.pages[page].items[item] {
                Item::Text(run) => format!(
                    "{page} text {:?} {:?} {} at ({:.3}, {:.3}): {:?}",
                    run.font,
                    run.text,
                    run.size,
                    run.origin.x,
                    run.origin.y,
                    run.glyphs
                        .iter()
                        .map(|g| (g.id, (g.advance * 1000.0).round() as i64))
                        .collect::<Vec<_>>()
                ),
                Item::Image(image) => format!("{page} image {:?}", image.rect),
                Item::Link(link) => format!("{page} link {:?} {:?}", link.rect, link.url),
                Item::Rule(rule) => format!("{page} rule {:?}", rule.rect),
            })
            .collect()
    }

    #[test]
    fn the_sample_letter_has_the_same_header_as_its_resume_on_one_page() {
        let letter = build(Path::new("samples/letter.md"), &[]);
        let resume = build(Path::new("samples/tagged.md"), &[]);
        assert_eq!(letter.pages, 1);
        let ours = header(&letter.document);
        assert!(ours.len() >= 5, "name, headline and contacts: {ours:#?}");
        assert_eq!(ours, header(&resume.document));
        let built = letter.letter.as_ref().unwrap();
        assert_eq!(
            (built.date.as_str(), built.date_from),
            ("12 March 2026", DateFrom::FrontMatter)
        );
    }

    #[test]
    fn watch_follows_the_resume_a_letter_names() {
        assert_eq!(
            resume_of(Path::new("samples/letter.md")),
            Some(PathBuf::from("samples/tagged.md"))
        );
        assert_eq!(resume_of(Path::new("samples/tagged.md")), None);
        assert_eq!(resume_of(Path::new("samples/missing.md")), None);
    }

    #[test]
    fn a_photo_and_a_tailored_headline_go_into_the_letter_header_too() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy("tests/fixtures/photo.png", dir.path().join("me.png")).unwrap();
        std::fs::write(
            dir.path().join("cv.md"),
            "# Ada Lovelace\n\n![Ada](me.png)\n\nAnalyst\n\nada@example.com | London\n\n## Work\n\nWrote the first program.\n",
        )
        .unwrap();
        let letter = dir.path().join("letter.md");
        std::fs::write(
            &letter,
            "+++\nkind = \"letter\"\nresume = \"cv.md\"\nlayout = \"modern\"\n+++\nDear {who},\n\nI apply.\n",
        )
        .unwrap();
        let set = [("who", "Jo"), ("headline", "Engine designer")];
        let built = build(&letter, &set);
        let resume = build(
            &dir.path().join("cv.md"),
            &[("headline", "Engine designer")],
        );
        assert_eq!(resume.layout, "classic");
        // The letter's own layout wins, so compare with the résumé in that layout.
        let source = Source::load(&dir.path().join("cv.md")).unwrap();
        let book = crate::fonts::book();
        let layouts = Layouts::default();
        let ctx = Context {
            book: &book,
            layouts: &layouts,
            creation_date: None,
            pdf: vita_pdf::PdfOptions::default(),
        };
        let mut variant = compile::from_flags(&crate::cli::VariantArgs::default()).unwrap();
        variant.layout = Some("modern".into());
        variant.overrides = vec![FieldOverride {
            key: "headline".into(),
            value: FieldValue::Text("Engine designer".into()),
            span: 0..0,
        }];
        let modern = compile::compile(&source, &variant, &ctx, Overflow::Fail).unwrap();
        let ours = header(&built.document);
        assert!(ours.iter().any(|h| h.contains(" image ")), "{ours:#?}");
        assert!(ours.iter().any(|h| h.contains("Engine")), "{ours:#?}");
        assert_eq!(ours, header(&modern.document));
        assert_ne!(ours, header(&resume.document));
    }
}
