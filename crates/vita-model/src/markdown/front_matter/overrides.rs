//! Front-matter fields set from outside the file: a manifest's `set` table or `vita build --set
//! key=value`. They go through the same type rules as front matter and then replace the field
//! in the résumé, whatever the file said (front matter or Markdown header).

use super::FrontMatter;
use super::fields::{self, Entry, KEYS, Syntax, Value};
use crate::{Code, ContactKind, Diagnostic, Resume, Span};

/// One front-matter field set from outside the source file.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldOverride {
    /// The front-matter key (`headline`, `email`, `pages`, …).
    pub key: String,
    /// The value to set.
    pub value: FieldValue,
    /// Where the override was written, in the caller's file (a manifest); errors point here.
    pub span: Span,
}

/// The value of a [`FieldOverride`].
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A string (`headline = "Platform engineer"`).
    Text(String),
    /// A whole number (`pages = 1`).
    Number(i64),
    /// A list of strings (`keywords = ["rust", "go"]`, `links = ["https://…"]`).
    List(Vec<String>),
    /// `true` or `false` (`photo = false`).
    Flag(bool),
}

/// True when `key` is a résumé front-matter key (`name`, `headline`, `layout`, …), one that
/// [`apply_overrides`] can set.
pub fn is_front_matter_key(key: &str) -> bool {
    KEYS.iter().any(|(k, _)| *k == key)
}

/// Sets each field in `resume`, in order, replacing what the source gave: `name`, `headline`,
/// `email`, `phone` and `location` replace the header's (a contact of the same kind is
/// replaced in place), `links` replaces the web links, and the settings (`layout`, `lang`,
/// `pages`, `keywords`, `hyphenation`) replace theirs. `photo = false` removes the photo
/// (`true` cannot bring back one the file turned off); `"true"` and `"false"` as text are
/// read as that flag.
///
/// `base_url` cannot be set this way: relative links are resolved while the file is read.
///
/// # Errors
///
/// A [`Code::FrontMatterField`] error at the override's span for an unknown key (with a
/// "did you mean" hint) or a value of the wrong type.
pub fn apply_overrides(resume: &mut Resume, overrides: &[FieldOverride]) -> Result<(), Diagnostic> {
    for o in overrides {
        let known = KEYS.map(|(k, _)| k);
        if !known.contains(&o.key.as_str()) {
            let hint = match crate::closest(&o.key, &known) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("the fields that can be set are {}", known.join(", ")),
            };
            return Err(Diagnostic::error(
                Code::FrontMatterField,
                format!("unknown front matter key `{}`", o.key),
            )
            .at(o.span.clone())
            .with_hint(hint));
        }
        if o.key == "base_url" {
            return Err(Diagnostic::error(Code::FrontMatterField, "`base_url` cannot be set from outside the résumé").at(o.span.clone()).with_hint("relative links are resolved while the file is read; put `base_url` in its front matter"
                        ));
        }
        let value = match &o.value {
            FieldValue::Text(s) if o.key == "photo" && matches!(s.trim(), "true" | "false") => {
                Value::Bool(s.trim() == "true")
            }
            FieldValue::Flag(on) => Value::Bool(*on),
            FieldValue::Text(s) => Value::Str(s.clone()),
            FieldValue::Number(n) => Value::Int(*n),
            FieldValue::List(items) => Value::Array(
                items
                    .iter()
                    .map(|s| (Value::Str(s.clone()), o.span.clone()))
                    .collect(),
            ),
        };
        let mut front = FrontMatter::default();
        let entry = Entry {
            key: &o.key,
            key_span: o.span.clone(),
            value,
            span: o.span.clone(),
        };
        fields::apply(&mut front, entry, Syntax::Toml, &mut Vec::new())?;
        merge(resume, &o.key, front);
    }
    Ok(())
}

/// Moves the one field `key` of `front` into `resume`.
fn merge(resume: &mut Resume, key: &str, front: FrontMatter) {
    let header = &mut resume.header;
    let settings = &mut resume.settings;
    match key {
        "name" => header.name = front.name,
        // `--set surname=Roe` goes after the name the file gives.
        "surname" => {
            header.name = match (header.name.take(), front.surname) {
                (Some(name), Some(surname)) => Some(super::join_names(&name, &surname)),
                (name, surname) => surname.or(name),
            }
        }
        "headline" => header.headline = front.headline,
        "email" | "phone" | "location" | "links" => {
            let kind = match key {
                "email" => ContactKind::Email,
                "phone" => ContactKind::Phone,
                "location" => ContactKind::Location,
                _ => ContactKind::Url,
            };
            let at = header
                .contacts
                .iter()
                .position(|c| c.kind == kind)
                .unwrap_or(header.contacts.len());
            header.contacts.retain(|c| c.kind != kind);
            let at = at.min(header.contacts.len());
            header.contacts.splice(at..at, front.contacts);
        }
        "layout" => settings.layout = front.settings.layout,
        "lang" => settings.lang = front.settings.lang,
        "pages" => settings.pages = front.settings.pages,
        "keywords" => settings.keywords = front.settings.keywords,
        "hyphenation" => settings.hyphenation = front.settings.hyphenation,
        "photo" if front.photo == Some(false) => header.photo = None,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(key: &str, value: FieldValue) -> FieldOverride {
        FieldOverride {
            key: key.into(),
            value,
            span: 100..110,
        }
    }

    #[test]
    fn overrides_replace_header_fields_and_settings() {
        let src =
            "# Ada\n\nAnalyst\n\nada@example.com | London, UK | github.com/ada\n\n## Work\n\nHi.\n";
        let mut resume = crate::parse_markdown(src).unwrap().resume;
        apply_overrides(
            &mut resume,
            &[
                set("headline", FieldValue::Text("Platform engineer".into())),
                set("email", FieldValue::Text("ada@work.example".into())),
                set("pages", FieldValue::Number(1)),
                set("keywords", FieldValue::List(vec!["rust".into()])),
            ],
        )
        .unwrap();
        let headline: Vec<_> = resume.header.headline.iter().map(|t| t.plain()).collect();
        assert_eq!(headline, ["Platform engineer"]);
        let contacts: Vec<_> = resume
            .header
            .contacts
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            contacts,
            ["ada@work.example", "London, UK", "github.com/ada"]
        );
        assert_eq!(resume.settings.pages, Some(1));
        assert_eq!(resume.settings.keywords, ["rust"]);
    }

    #[test]
    fn photo_false_removes_the_photo_and_base_url_cannot_be_set() {
        let mut resume = crate::parse_markdown("# Ada\n\n![me](me.jpg)\n")
            .unwrap()
            .resume;
        assert!(resume.header.photo.is_some());
        apply_overrides(
            &mut resume,
            &[set("photo", FieldValue::Text("false".into()))],
        )
        .unwrap();
        assert!(resume.header.photo.is_none());
        apply_overrides(&mut resume, &[set("photo", FieldValue::Flag(true))]).unwrap();
        let err = apply_overrides(
            &mut resume,
            &[set("base_url", FieldValue::Text("https://a.b/".into()))],
        )
        .unwrap_err();
        assert_eq!(err.code, Code::FrontMatterField);
        // Known, but not to be set from outside: the hint says where it goes.
        assert!(
            err.hints
                .first()
                .cloned()
                .unwrap()
                .ends_with("put `base_url` in its front matter"),
            "{}",
            err.message
        );
        let err = apply_overrides(&mut resume, &[set("photo", FieldValue::Number(0))]).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterField);
    }

    #[test]
    fn a_surname_override_goes_after_the_name() {
        let mut resume = crate::parse_markdown("# Ada\n\n## Work\n\nHi.\n")
            .unwrap()
            .resume;
        apply_overrides(
            &mut resume,
            &[set("surname", FieldValue::Text("King".into()))],
        )
        .unwrap();
        assert_eq!(resume.header.name.unwrap().plain(), "Ada King");
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors_at_the_override() {
        let mut resume = Resume::default();
        let err = apply_overrides(&mut resume, &[set("headlin", FieldValue::Text("x".into()))])
            .unwrap_err();
        assert_eq!(err.range().unwrap(), 100..110);
        assert_eq!(
            err.hints.first().map(String::as_str),
            Some("did you mean `headline`?")
        );
        let err = apply_overrides(&mut resume, &[set("pages", FieldValue::Text("one".into()))])
            .unwrap_err();
        assert_eq!(err.code, Code::FrontMatterField);
    }
}
