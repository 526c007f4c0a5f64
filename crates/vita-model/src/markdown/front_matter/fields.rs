//! The front matter fields and their types, shared by the TOML and YAML readers: a value of the
//! right type fills [`FrontMatter`], a wrong type is an error at the value, an unknown key is a
//! warning with a "did you mean" hint.

use super::FrontMatter;
use super::letter_fields::{self, LETTER_KEYS};
use crate::markdown::{contact, links};
use crate::{Code, Contact, ContactKind, Diagnostic, Span, Text};

/// A front matter value, in the few shapes the fields need. Spans are file offsets.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// A string.
    Str(String),
    /// A whole number.
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
    /// A list of values with their spans.
    Array(Vec<(Value, Span)>),
    /// A table: key, key span, value, value span.
    Table(Vec<(String, Span, Value, Span)>),
    /// Anything else, by its description ("a boolean").
    Other(&'static str),
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
            Value::Other(what) => what,
        }
    }
}

/// Which syntax the value came from, for hints written the way the user writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    /// `key = value`.
    Toml,
    /// `key: value`.
    Yaml,
}

/// Every known key with an example value.
pub(super) const KEYS: [(&str, &str); 14] = [
    ("name", "\"Ada Lovelace\""),
    ("surname", "\"Lovelace\""),
    ("headline", "\"Staff Engineer\""),
    ("email", "\"ada@example.com\""),
    ("phone", "\"+44 20 7946 0000\""),
    ("location", "\"London, UK\""),
    (
        "links",
        "[{ label = \"GitHub\", url = \"https://github.com/ada\" }]",
    ),
    ("layout", "\"classic\""),
    ("lang", "\"en\""),
    ("pages", "1"),
    ("keywords", "[\"backend\", \"rust\"]"),
    ("hyphenation", "[\"mi-cro-ser-vice\"]"),
    ("base_url", "\"https://ada.dev/\""),
    ("photo", "false"),
];

/// A field read from front matter.
pub(super) struct Entry<'a> {
    /// The key as written.
    pub key: &'a str,
    /// Where the key is.
    pub key_span: Span,
    /// The value.
    pub value: Value,
    /// Where the value is.
    pub span: Span,
}

/// Files one field into `front`.
pub(super) fn apply(
    front: &mut FrontMatter,
    entry: Entry<'_>,
    syntax: Syntax,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    let Entry {
        key,
        key_span,
        value,
        span,
    } = entry;
    let wrong = |expected: &str| wrong_type(key, expected, &value, span.clone(), syntax);
    let settings = &mut front.settings;
    match (key, &value) {
        ("name", Value::Str(s)) => front.name = Some(Text::plain_run(s.trim(), span.clone())),
        ("name", _) => return Err(wrong("a string")),
        ("surname", Value::Str(s)) => {
            front.surname = Some(Text::plain_run(s.trim(), span.clone()));
        }
        ("surname", _) => return Err(wrong("a string")),
        ("headline", Value::Str(s)) => front.headline = vec![Text::plain_run(s.trim(), span)],
        ("headline", Value::Array(_)) => {
            front.headline = strings(&value)
                .ok_or_else(|| wrong("a string or a list of strings"))?
                .into_iter()
                .map(|(s, span)| Text::plain_run(s.trim(), span))
                .collect();
        }
        ("headline", _) => return Err(wrong("a string or a list of strings")),
        ("email", Value::Str(s)) => front.contacts.push(Contact {
            kind: ContactKind::Email,
            text: s.trim().to_string(),
            url: Some(format!("mailto:{}", s.trim())),
            span,
        }),
        ("phone", Value::Str(s)) => front.contacts.push(Contact {
            kind: ContactKind::Phone,
            text: s.trim().to_string(),
            url: Some(format!("tel:{}", contact::tel_digits(s))),
            span,
        }),
        ("location", Value::Str(s)) => front.contacts.push(Contact {
            kind: ContactKind::Location,
            text: s.trim().to_string(),
            url: None,
            span,
        }),
        ("base_url", Value::Str(s)) => {
            settings.base_url = Some(links::normalize_base(s).ok_or_else(|| Diagnostic::error(Code::FrontMatterField, format!("front matter `base_url` must be an http(s) address, found `{s}`")).at(span.clone()).with_hint("relative links are resolved against it: write the address of the folder they are relative to, like `base_url = \"https://ada.dev/\"`"))?);
        }
        ("photo", Value::Bool(on)) => front.photo = Some(*on),
        ("photo", _) => return Err(wrong("`true` or `false`")),
        ("email" | "phone" | "location" | "layout" | "lang" | "base_url", _) if !is_str(&value) => {
            return Err(wrong("a string"));
        }
        ("links", Value::Array(items)) => {
            for (item, item_span) in items {
                let link = link(item, item_span.clone(), warnings)?;
                front.contacts.push(link);
            }
        }
        ("links", _) => return Err(wrong("a list of `{ label, url }` tables")),
        ("layout", Value::Str(s)) => settings.layout = Some(s.trim().to_string()),
        ("lang", Value::Str(s)) => settings.lang = Some(s.trim().to_string()),
        ("pages", Value::Int(n)) => {
            settings.pages = Some(
                u32::try_from(*n)
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| wrong("a whole number of at least 1"))?,
            );
        }
        ("pages", _) => return Err(wrong("a whole number of at least 1")),
        ("keywords", Value::Str(s)) => {
            settings.keywords = s
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
        }
        ("keywords" | "hyphenation", _) => {
            let list = strings(&value).ok_or_else(|| wrong("a list of strings"))?;
            let list = list
                .into_iter()
                .map(|(s, _)| s.trim().to_string())
                .collect();
            match key {
                "keywords" => settings.keywords = list,
                _ => settings.hyphenation = list,
            }
        }
        _ => {
            let letter = &mut front.letter;
            if !letter_fields::apply(letter, key, &key_span, &value, &span, syntax)? {
                let known: Vec<&str> = KEYS.iter().chain(&LETTER_KEYS).map(|(k, _)| *k).collect();
                warnings.push(unknown_key(key, key_span, &known));
            }
        }
    }
    Ok(())
}

fn is_str(value: &Value) -> bool {
    matches!(value, Value::Str(_))
}

/// The strings of a list, or `None` if it is not a list of strings.
fn strings(value: &Value) -> Option<Vec<(String, Span)>> {
    let Value::Array(items) = value else {
        return None;
    };
    items
        .iter()
        .map(|(item, span)| match item {
            Value::Str(s) => Some((s.clone(), span.clone())),
            _ => None,
        })
        .collect()
}

/// One entry of `links`: a `{ label, url }` table, or a bare URL string.
fn link(item: &Value, span: Span, warnings: &mut Vec<Diagnostic>) -> Result<Contact, Diagnostic> {
    let example = "{ label = \"GitHub\", url = \"https://github.com/ada\" }";
    let fail = |message: String| {
        Diagnostic::error(Code::FrontMatterField, message)
            .at(span.clone())
            .with_hint(format!("write each link as `{example}`"))
    };
    let (label, url) = match item {
        Value::Str(url) => (None, url.clone()),
        Value::Table(entries) => {
            let mut label = None;
            let mut url = None;
            for (key, key_span, value, value_span) in entries {
                match (key.as_str(), value) {
                    ("label", Value::Str(s)) => label = Some(s.clone()),
                    ("url", Value::Str(s)) => url = Some(s.clone()),
                    ("label" | "url", other) => {
                        return Err(fail(format!(
                            "link `{key}` must be a string, found {}",
                            other.describe()
                        ))
                        .at(value_span.clone()));
                    }
                    _ => warnings.push(unknown_key(key, key_span.clone(), &["label", "url"])),
                }
            }
            let url = url.ok_or_else(|| fail("link has no `url`".into()))?;
            (label, url)
        }
        other => {
            return Err(fail(format!(
                "each link must be a table, found {}",
                other.describe()
            )));
        }
    };
    let url = url.trim().to_string();
    let text = label.map_or_else(|| url.clone(), |l| l.trim().to_string());
    let url = contact::web_url(&url).unwrap_or(url);
    Ok(Contact {
        kind: ContactKind::Url,
        text,
        url: Some(url),
        span,
    })
}

pub(super) fn wrong_type(
    key: &str,
    expected: &str,
    value: &Value,
    span: Span,
    syntax: Syntax,
) -> Diagnostic {
    let example = KEYS
        .iter()
        .chain(&LETTER_KEYS)
        .find(|(k, _)| *k == key)
        .map_or("\"…\"", |(_, e)| e);
    let hint = match syntax {
        Syntax::Toml => format!("write it like `{key} = {example}`"),
        Syntax::Yaml => format!("write it like `{key}: {example}`"),
    };
    Diagnostic::error(
        Code::FrontMatterField,
        format!(
            "front matter `{key}` must be {expected}, found {}",
            value.describe()
        ),
    )
    .at(span)
    .with_hint(hint)
}

fn unknown_key(key: &str, span: Span, known: &[&str]) -> Diagnostic {
    let hint = match crate::closest(key, known) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("known keys are {}", known.join(", ")),
    };
    Diagnostic::warning(
        Code::UnknownFrontMatterKey,
        format!("unknown front matter key `{key}` is ignored"),
    )
    .at(span)
    .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_pages_is_an_error() {
        let entry = Entry {
            key: "pages",
            key_span: 0..5,
            value: Value::Int(0),
            span: 8..9,
        };
        let err = apply(
            &mut FrontMatter::default(),
            entry,
            Syntax::Yaml,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(err.range().unwrap(), 8..9);
        assert_eq!(
            err.hints.first().map(String::as_str),
            Some("write it like `pages: 1`")
        );
    }
}
