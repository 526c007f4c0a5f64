//! The TOML front matter reader. It uses toml's spanned document tree ([`DeTable`]) rather than
//! serde so that every key and value keeps its span: the toml crate's spans are relative to the
//! TOML text, and adding the block's start offset makes them point into the whole file.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::fields::{self, Entry, Syntax, Value};
use super::{FrontMatter, shift};
use crate::{Code, Diagnostic};

/// How deep values are converted; the fields need at most a list of tables of strings.
const MAX_DEPTH: usize = 3;

/// Reads the TOML text `toml`, which starts at byte `base` of the file.
pub(super) fn read(
    toml: &str,
    base: usize,
    warnings: &mut Vec<Diagnostic>,
) -> Result<FrontMatter, Diagnostic> {
    let table = DeTable::parse(toml).map_err(|e| {
        let error = Diagnostic::error(
            Code::FrontMatterSyntax,
            format!("invalid TOML front matter: {}", e.message()),
        )
        .at(e.span().map_or(base..base, |span| shift(span, base)))
        .with_hint("front matter between `+++` lines is TOML: `key = \"value\"`, one per line");
        // A key or table defined twice also points at its first definition.
        match e
            .span()
            .and_then(|span| crate::earlier_definition(toml, span))
        {
            Some(first) => error.related(shift(first, base), "first set here"),
            None => error,
        }
    })?;
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut front = FrontMatter::default();
    for (key, value) in entries {
        let entry = Entry {
            key: key.get_ref(),
            key_span: shift(key.span(), base),
            value: convert(value, base, 0),
            span: shift(value.span(), base),
        };
        fields::apply(&mut front, entry, Syntax::Toml, warnings)?;
    }
    Ok(front)
}

fn convert(value: &Spanned<DeValue<'_>>, base: usize, depth: usize) -> Value {
    match value.get_ref() {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map_or(Value::Other("a number too large"), Value::Int),
        DeValue::Float(_) => Value::Other("a decimal number"),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(_) => Value::Other("a date"),
        DeValue::Array(_) | DeValue::Table(_) if depth >= MAX_DEPTH => {
            Value::Other("a deeply nested value")
        }
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| (convert(item, base, depth + 1), shift(item.span(), base)))
                .collect(),
        ),
        DeValue::Table(table) => {
            let mut entries: Vec<_> = table.iter().collect();
            entries.sort_by_key(|(key, _)| key.span().start);
            Value::Table(
                entries
                    .into_iter()
                    .map(|(key, value)| {
                        (
                            key.get_ref().to_string(),
                            shift(key.span(), base),
                            convert(value, base, depth + 1),
                            shift(value.span(), base),
                        )
                    })
                    .collect(),
            )
        }
    }
}
