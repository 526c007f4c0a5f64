//! Reading typed values out of toml's spanned tree, each failure an error at the value, and
//! unknown keys an error at the key with a "did you mean".

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Span;
use super::{Diagnostic, problem};

/// A value with its span.
pub type Value<'i> = Spanned<DeValue<'i>>;

/// The entries of a table in source order: key, key span, value.
pub fn entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<(&'a str, Span, &'a Value<'i>)> {
    let mut out: Vec<_> = table
        .iter()
        .map(|(k, v)| (k.get_ref().as_ref(), k.span(), v))
        .collect();
    out.sort_by_key(|(_, span, _)| span.start);
    out
}

/// Fails at the first key of `table` that is not in `known`.
pub fn known_keys(table: &DeTable<'_>, known: &[&str], what: &str) -> Result<(), Diagnostic> {
    for (key, span, _) in entries(table) {
        if !known.contains(&key) {
            let hint = match vita_model::closest(key, known) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("{what} takes {}", known.join(", ")),
            };
            return Err(problem(
                format!("unknown key `{key}` in {what}"),
                span,
                Some(hint),
            ));
        }
    }
    Ok(())
}

/// What a value is, for messages.
fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The error for a value of the wrong type.
pub fn wrong(key: &str, expected: &str, value: &Value<'_>, example: &str) -> Diagnostic {
    problem(
        format!(
            "`{key}` must be {expected}, found {}",
            describe(value.get_ref())
        ),
        value.span(),
        Some(format!("write it like `{key} = {example}`")),
    )
}

/// A string value.
pub fn string(key: &str, value: &Value<'_>, example: &str) -> Result<String, Diagnostic> {
    match value.get_ref() {
        DeValue::String(s) => Ok(s.to_string()),
        _ => Err(wrong(key, "a string", value, example)),
    }
}

/// A whole number.
pub fn integer(key: &str, value: &Value<'_>, example: &str) -> Result<i64, Diagnostic> {
    match value.get_ref() {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map_err(|_| wrong(key, "a whole number", value, example)),
        _ => Err(wrong(key, "a whole number", value, example)),
    }
}

/// A list of strings, each with its span.
pub fn strings(
    key: &str,
    value: &Value<'_>,
    example: &str,
) -> Result<Vec<(String, Span)>, Diagnostic> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(wrong(key, "a list of strings", value, example));
    };
    items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::String(s) => Ok((s.to_string(), item.span())),
            _ => Err(wrong(key, "a list of strings", item, example)),
        })
        .collect()
}

/// A table.
pub fn table<'a, 'i>(
    key: &str,
    value: &'a Value<'i>,
    example: &str,
) -> Result<&'a DeTable<'i>, Diagnostic> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t),
        _ => Err(wrong(key, "a table", value, example)),
    }
}
