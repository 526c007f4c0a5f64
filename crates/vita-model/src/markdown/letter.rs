//! Reading a cover letter: the front matter (the résumé's fields plus the letter's, see
//! `front_matter::letter_fields`), then the Markdown body read as a section's content — no
//! header reading, so a short first paragraph stays body text. Headings in a letter are set
//! as bold paragraphs; images are left out with the usual warnings.

use super::{blocks, front_matter, images, section};
use crate::letter::{Day, Letter, LetterDate, ParsedLetter, Signature};
use crate::{Block, Diagnostic, Header, Paragraph, Photo, Style, Text};

/// What a document is: a résumé (the default) or a cover letter.
pub use front_matter::letter_fields::DocumentKind;

/// Image files a `signature` may name.
const IMAGE_EXTENSIONS: [&str; 3] = ["png", "jpg", "jpeg"];

/// The kind the front matter of `source` declares (a résumé when it says nothing); front
/// matter that does not read is a résumé here, and its error comes from the reader.
pub(crate) fn kind(source: &str) -> DocumentKind {
    let start = bom_len(source);
    front_matter::read(source, start, &mut Vec::new())
        .ok()
        .and_then(|(front, _)| front?.letter.kind.map(|(k, _)| k))
        .unwrap_or_default()
}

fn bom_len(source: &str) -> usize {
    if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Reads a cover letter. Only front matter can fail.
pub(crate) fn parse(source: &str) -> Result<ParsedLetter, Diagnostic> {
    let mut warnings = Vec::new();
    let (front, body_start) = front_matter::read(source, bom_len(source), &mut warnings)?;
    let front = front.unwrap_or_default();
    let body = source.get(body_start..).unwrap_or_default();
    let read = blocks::read(
        body,
        body_start,
        front.settings.base_url.as_deref(),
        &mut warnings,
    );
    let mut nodes = read.nodes;
    images::take_photo(&mut nodes, 0, false, &mut warnings);
    let sections = section::read(nodes, Vec::new(), source, &mut warnings);
    let mut body_blocks = Vec::new();
    for section in sections {
        if !section.title.is_empty() {
            let mut title = section.title.clone();
            for run in &mut title.runs {
                run.style = Style {
                    strong: true,
                    ..run.style
                };
            }
            body_blocks.push(Block::Paragraph(Paragraph {
                text: title,
                tags: section.tags.clone(),
                span: section.span.clone(),
            }));
        }
        body_blocks.extend(section.blocks);
    }
    let letter_front = front.letter;
    let date = letter_front
        .date
        .map(|(text, span)| match Day::parse_iso(&text) {
            Some(day) => LetterDate::Day(day),
            None => LetterDate::Written(Text::plain_run(text, span)),
        });
    let signature = match letter_front.signature {
        Some((path, span)) if is_image(&path) => Signature {
            image: Some(Photo {
                path: path.into(),
                alt: String::new(),
                span,
            }),
            name: None,
        },
        Some((name, span)) => Signature {
            image: None,
            name: Some(Text::plain_run(name, span)),
        },
        None => Signature::default(),
    };
    let letter = Letter {
        header: Header {
            name: front.name,
            headline: front.headline,
            contacts: front.contacts,
            photo: None,
        },
        resume: letter_front.resume.map(|(path, span)| (path.into(), span)),
        date,
        to: letter_front.to,
        subject: letter_front.subject,
        salutation: letter_front.salutation,
        body: body_blocks,
        closing: letter_front.closing,
        signature,
        settings: front.settings,
        values: letter_front
            .values
            .into_iter()
            .map(|(k, v, _)| (k, v))
            .collect(),
        placeholders: crate::letter::find_placeholders(source),
    };
    warnings.sort_by_key(|w| w.range().map(|r| r.start));
    Ok(ParsedLetter {
        letter,
        warnings,
        hidden: read.hidden,
    })
}

fn is_image(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The warning for letter fields in a file that is not a letter.
pub(super) fn letter_fields_in_resume(key: &str, span: crate::Span) -> Diagnostic {
    Diagnostic::warning(
        crate::Code::LetterField,
        format!(
            "`{key}` is a cover-letter field, but this file is read as a résumé; it is ignored"
        ),
    )
    .at(span)
    .with_hint("add `kind = \"letter\"` to the front matter to build a cover letter")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "+++\nkind = \"letter\"\nname = \"Ada Lovelace\"\nemail = \"ada@example.com\"\n\
        date = \"2026-03-12\"\nto = [\"Ms Jane Roe\", \"{company}\", \"1 Market Street\"]\n\
        subject = \"Application: {role}\"\nsalutation = \"Dear Ms Roe,\"\nclosing = \"Kind regards,\"\n\
        signature = \"sig.png\"\nvalues = { company = \"Acme\", role = \"Analyst\" }\n+++\n\
        Short first line.\n\nI would like to join **{company}** as {role}.\n\n## Why\n\n- One\n- Two\n";

    #[test]
    fn a_letter_reads_its_fields_and_body() {
        assert_eq!(kind(LETTER), DocumentKind::Letter);
        assert_eq!(kind("# Ada\n"), DocumentKind::Resume);
        let parsed = parse(LETTER).unwrap();
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let l = &parsed.letter;
        assert_eq!(l.header.name.as_ref().unwrap().plain(), "Ada Lovelace");
        assert_eq!(l.header.contacts.len(), 1);
        assert_eq!(
            l.date,
            Some(LetterDate::Day(Day {
                year: 2026,
                month: 3,
                day: 12
            }))
        );
        let to: Vec<String> = l.to.iter().map(Text::plain).collect();
        assert_eq!(to, ["Ms Jane Roe", "{company}", "1 Market Street"]);
        assert_eq!(
            l.signature.image.as_ref().unwrap().path,
            std::path::Path::new("sig.png")
        );
        assert_eq!(l.body.len(), 4, "{:#?}", l.body);
        let Block::Paragraph(first) = &l.body[0] else {
            panic!()
        };
        assert_eq!(first.text.plain(), "Short first line.");
        let Block::Paragraph(why) = &l.body[2] else {
            panic!()
        };
        assert!(why.text.runs.iter().all(|r| r.style.strong));
        let names: Vec<&str> = l.placeholders.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["company", "role", "company", "role"]);
    }

    #[test]
    fn filling_replaces_every_placeholder_and_later_values_win() {
        let mut letter = parse(LETTER).unwrap().letter;
        letter
            .fill(&[("company".into(), "Globex_Corp".into())])
            .unwrap();
        assert_eq!(letter.to[1].plain(), "Globex_Corp");
        assert_eq!(
            letter.subject.as_ref().unwrap().plain(),
            "Application: Analyst"
        );
        let Block::Paragraph(p) = &letter.body[1] else {
            panic!()
        };
        assert_eq!(
            p.text.plain(),
            "I would like to join Globex_Corp as Analyst."
        );
    }

    #[test]
    fn an_unknown_placeholder_is_an_error_at_its_place() {
        let src = "+++\nkind = \"letter\"\nvalues = { company = \"Acme\" }\n+++\nDear {recipent} at {company},\n";
        let mut letter = parse(src).unwrap().letter;
        let err = letter
            .fill(&[("recipient".into(), "Jo".into())])
            .unwrap_err();
        assert_eq!(err.code, crate::Code::Placeholder);
        assert_eq!(crate::line_col(src, err.range().unwrap().start), (5, 6));
        assert_eq!(
            err.hints.first().map(String::as_str),
            Some("did you mean `{recipient}`?")
        );
    }

    #[test]
    fn letter_fields_in_a_resume_are_a_warning_and_kind_must_be_known() {
        let src = "+++\nname = \"Ada\"\nsubject = \"Hello\"\n+++\n## Work\n\nHi.\n";
        let parsed = crate::parse_markdown(src).unwrap();
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
        assert_eq!(parsed.warnings[0].code, crate::Code::LetterField);
        assert_eq!(&src[parsed.warnings[0].range().unwrap()], "subject");
        let src = "+++\nkind = \"leter\"\n+++\n";
        let err = parse(src).unwrap_err();
        assert_eq!(err.code, crate::Code::FrontMatterField);
        assert_eq!(&src[err.range().unwrap()], "\"leter\"");
        let err = parse("+++\nkind = \"letter\"\nto = [1]\n+++\n").unwrap_err();
        assert_eq!(err.code, crate::Code::FrontMatterField);
    }

    #[test]
    fn placeholders_with_underscores_survive_the_markdown_reader() {
        let src =
            "+++\nkind = \"letter\"\n+++\nAt {start_date} and {a_b_c}, *{x}* [{y}](https://e.x).\n";
        let mut letter = parse(src).unwrap().letter;
        let values: Vec<(String, String)> = ["start_date", "a_b_c", "x", "y"]
            .iter()
            .map(|k| (k.to_string(), k.to_uppercase()))
            .collect();
        letter.fill(&values).unwrap();
        let Block::Paragraph(p) = &letter.body[0] else {
            panic!()
        };
        assert_eq!(p.text.plain(), "At START_DATE and A_B_C, X Y.");
    }
}
