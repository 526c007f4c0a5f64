//! Cover letters: the [`Letter`] model, read from Markdown with `kind = "letter"` in its front
//! matter ([`crate::parse_letter`]), and its `{name}` placeholders ([`Placeholder`]).
//!
//! A letter has the résumé's header (its own front matter's name and contacts, or those of the
//! résumé named by `resume = "resume.md"`, which the caller reads), then a date, the
//! recipient's address (`to`), a subject, a salutation, the body (the Markdown after the front
//! matter), a closing and a signature (a typed name, or a local image and the name).

mod placeholders;

pub use placeholders::Placeholder;
pub(crate) use placeholders::find as find_placeholders;

use std::path::PathBuf;

use crate::{Block, Code, Diagnostic, Header, Photo, Settings, Span, Text};

pub use crate::markdown::DocumentKind;

/// A cover letter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Letter {
    /// The sender: name, headline, contacts (from the letter's front matter; the caller
    /// replaces it with the résumé's when [`Letter::resume`] is given).
    pub header: Header,
    /// The résumé whose header the letter takes, as written, relative to the letter's folder.
    pub resume: Option<(PathBuf, Span)>,
    /// The date line; `None` when the front matter gives none (the caller fills it in).
    pub date: Option<LetterDate>,
    /// The recipient's address block, line by line.
    pub to: Vec<Text>,
    /// The subject line.
    pub subject: Option<Text>,
    /// The salutation ("Dear Ms Roe,").
    pub salutation: Option<Text>,
    /// The body: paragraphs (and any lists) of the Markdown after the front matter.
    pub body: Vec<Block>,
    /// The closing ("Kind regards,").
    pub closing: Option<Text>,
    /// The signature.
    pub signature: Signature,
    /// Layout, language and the other settings of the front matter.
    pub settings: Settings,
    /// Default placeholder values from the front matter's `values` table.
    pub values: Vec<(String, String)>,
    /// Every `{name}` placeholder in the source, in order.
    pub placeholders: Vec<Placeholder>,
}

/// The date of a letter.
#[derive(Debug, Clone, PartialEq)]
pub enum LetterDate {
    /// A calendar day (written as `YYYY-MM-DD`, or from the clock); the layout prints it.
    Day(Day),
    /// Text shown as written ("12 March 2026", "Berlin, 12. März 2026").
    Written(Text),
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Day {
    /// The day `seconds` after 1970-01-01T00:00:00Z (UTC).
    ///
    /// ```
    /// let day = vita_model::Day::from_unix(1_773_273_600);
    /// assert_eq!((day.year, day.month, day.day), (2026, 3, 12));
    /// ```
    pub fn from_unix(seconds: i64) -> Day {
        // Howard Hinnant's days-to-civil algorithm.
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// Reads `YYYY-MM-DD` (a real calendar day), or `None`.
    ///
    /// ```
    /// assert!(vita_model::Day::parse_iso("2026-02-29").is_none());
    /// assert_eq!(vita_model::Day::parse_iso("2024-02-29").map(|d| d.day), Some(29));
    /// ```
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Day { year, month, day })
    }
}

/// How the letter is signed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    /// A local image of the handwritten signature (PNG or JPEG beside the letter).
    pub image: Option<Photo>,
    /// The typed name under it; the header's name when the front matter gives none.
    pub name: Option<Text>,
}

/// A letter read from Markdown, with the reader's warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedLetter {
    /// The letter, placeholders not yet filled.
    pub letter: Letter,
    /// Everything suspicious that did not stop the read.
    pub warnings: Vec<Diagnostic>,
    /// Hidden text (see [`crate::Parsed::hidden`]).
    pub hidden: Vec<Span>,
}

impl Letter {
    /// Replaces every `{name}` placeholder in the letter's text with its value: `values` (from
    /// a manifest's `set` or `--set`) win over the front matter's `values` table.
    ///
    /// # Errors
    ///
    /// A [`Code::Placeholder`] error at the first placeholder that has no value, with
    /// the known names as a hint.
    ///
    /// ```
    /// let src = "+++\nkind = \"letter\"\nsubject = \"Joining {company}\"\n+++\nHello {company}.\n";
    /// let mut letter = vita_model::parse_letter(src).unwrap().letter;
    /// letter.fill(&[("company".into(), "Acme".into())]).unwrap();
    /// assert_eq!(letter.subject.unwrap().plain(), "Joining Acme");
    /// let mut letter = vita_model::parse_letter(src).unwrap().letter;
    /// let err = letter.fill(&[]).unwrap_err();
    /// assert_eq!(err.code, vita_model::Code::Placeholder);
    /// assert_eq!(&src[err.range().unwrap()], "{company}");
    /// ```
    pub fn fill(&mut self, values: &[(String, String)]) -> Result<(), Diagnostic> {
        let mut all = self.values.clone();
        all.extend(values.iter().cloned());
        if let Some(missing) = self
            .placeholders
            .iter()
            .find(|p| !all.iter().any(|(k, _)| *k == p.name))
        {
            let mut known: Vec<String> = all.iter().map(|(k, _)| format!("{{{k}}}")).collect();
            known.dedup();
            let hint = match crate::closest(
                &missing.name,
                &all.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ) {
                Some(k) => format!("did you mean `{{{k}}}`?"),
                None if known.is_empty() => format!(
                    "give it a value: `values = {{ {} = \"…\" }}` in the front matter, `set = {{ {} = \"…\" }}` in the manifest, or `--set {}=…`",
                    missing.name, missing.name, missing.name
                ),
                None => format!("the values given are {}", known.join(", ")),
            };
            return Err(Diagnostic::error(
                Code::Placeholder,
                format!("the placeholder `{{{}}}` has no value", missing.name),
            )
            .at(missing.span.clone())
            .with_hint(hint));
        }
        let fill = |t: &mut Text| placeholders::fill_text(t, &all);
        let header = &mut self.header;
        header.name.iter_mut().for_each(fill);
        header.headline.iter_mut().for_each(fill);
        for contact in &mut header.contacts {
            contact.text = placeholders::fill_str(&contact.text, &all);
        }
        self.to.iter_mut().for_each(fill);
        self.subject.iter_mut().for_each(fill);
        self.salutation.iter_mut().for_each(fill);
        self.closing.iter_mut().for_each(fill);
        self.signature.name.iter_mut().for_each(fill);
        if let Some(LetterDate::Written(text)) = &mut self.date {
            fill(text);
        }
        placeholders::fill_blocks(&mut self.body, &all);
        Ok(())
    }
}
