//! The front matter fields of a cover letter (`kind = "letter"`): which résumé gives the
//! header, the date, the recipient's address, the subject, salutation, closing, signature and
//! default placeholder values. They share the value types and error wording of [`super::fields`].

use super::fields::{Syntax, Value, wrong_type};
use crate::{Code, Diagnostic, Span, Text};

/// Every letter key with an example value (for hints and "did you mean").
pub(crate) const LETTER_KEYS: [(&str, &str); 9] = [
    ("kind", "\"letter\""),
    ("resume", "\"resume.md\""),
    ("date", "\"2026-03-12\""),
    (
        "to",
        "[\"Ms Jane Roe\", \"{company}\", \"1 Market Street\"]",
    ),
    ("subject", "\"Application for {role}\""),
    ("salutation", "\"Dear {recipient},\""),
    ("closing", "\"Kind regards,\""),
    ("signature", "\"signature.png\""),
    (
        "values",
        "{ company = \"Acme\", role = \"Staff Engineer\" }",
    ),
];

/// What a document is: a résumé (the default) or a cover letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentKind {
    /// A résumé.
    #[default]
    Resume,
    /// A cover letter.
    Letter,
}

/// The letter fields read from front matter, as written (placeholders not yet filled).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LetterFront {
    /// `kind` and where it was written.
    pub kind: Option<(DocumentKind, Span)>,
    /// `resume`: the résumé whose header the letter takes.
    pub resume: Option<(String, Span)>,
    /// `date` as written.
    pub date: Option<(String, Span)>,
    /// `to`: the recipient's address block, line by line.
    pub to: Vec<Text>,
    /// `subject`.
    pub subject: Option<Text>,
    /// `salutation`.
    pub salutation: Option<Text>,
    /// `closing`.
    pub closing: Option<Text>,
    /// `signature`: an image path or a typed name.
    pub signature: Option<(String, Span)>,
    /// `values`: default placeholder values (key, value, span of the value).
    pub values: Vec<(String, String, Span)>,
    /// The first letter key written, for the warning on a résumé that has letter fields.
    pub first_key: Option<(String, Span)>,
}

/// Files one letter field into `letter`; `Ok(false)` when `key` is no letter key.
pub(super) fn apply(
    letter: &mut LetterFront,
    key: &str,
    key_span: &Span,
    value: &Value,
    span: &Span,
    syntax: Syntax,
) -> Result<bool, Diagnostic> {
    if !LETTER_KEYS.iter().any(|(k, _)| *k == key) {
        return Ok(false);
    }
    let wrong = |expected: &str| wrong_type(key, expected, value, span.clone(), syntax);
    if key != "kind" && letter.first_key.is_none() {
        letter.first_key = Some((key.to_string(), key_span.clone()));
    }
    let text = |s: &str| Text::plain_run(s.trim(), span.clone());
    match (key, value) {
        ("kind", Value::Str(s)) => {
            let kind = match s.trim() {
                "letter" => DocumentKind::Letter,
                "resume" | "résumé" | "cv" => DocumentKind::Resume,
                other => {
                    return Err(Diagnostic::error(Code::FrontMatterField, format!(
                            "front matter `kind` must be \"resume\" or \"letter\", found \"{other}\""
                        )).at(span.clone()).with_hint("write `kind = \"letter\"` for a cover letter"));
                }
            };
            letter.kind = Some((kind, span.clone()));
        }
        ("resume", Value::Str(s)) => letter.resume = Some((s.trim().to_string(), span.clone())),
        ("date", Value::Str(s)) => letter.date = Some((s.trim().to_string(), span.clone())),
        ("signature", Value::Str(s)) => {
            letter.signature = Some((s.trim().to_string(), span.clone()))
        }
        ("subject", Value::Str(s)) => letter.subject = Some(text(s)),
        ("salutation", Value::Str(s)) => letter.salutation = Some(text(s)),
        ("closing", Value::Str(s)) => letter.closing = Some(text(s)),
        ("to", Value::Str(s)) => {
            letter.to = s
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(text)
                .collect()
        }
        ("to", Value::Array(items)) => {
            let mut lines = Vec::new();
            for (item, item_span) in items {
                let Value::Str(s) = item else {
                    return Err(wrong("a list of strings (one per address line)"));
                };
                lines.push(Text::plain_run(s.trim(), item_span.clone()));
            }
            letter.to = lines;
        }
        ("to", _) => return Err(wrong("a list of strings (one per address line)")),
        ("values", Value::Table(entries)) => {
            for (name, _, v, v_span) in entries {
                let Value::Str(s) = v else {
                    return Err(wrong("a table of strings"));
                };
                letter
                    .values
                    .push((name.clone(), s.clone(), v_span.clone()));
            }
        }
        ("values", _) => return Err(wrong("a table of strings")),
        _ => return Err(wrong("a string")),
    }
    Ok(true)
}
