//! The YAML front matter reader, for the `---` blocks common on GitHub. Only flat `key: value`
//! lines are read (values plain, quoted, or a `[a, b]` flow list); nested structure is skipped
//! with a warning naming the key, and nothing in the block is ever printed as body text.
//! Pulling in a YAML parser for this would be a large dependency for a few scalars.

use super::fields::{self, Entry, Syntax, Value};
use super::{FrontMatter, lines_from};
use crate::{Code, Diagnostic, Span};

/// True for a line of the form `key: …` or `key:`.
pub(super) fn is_key_line(line: &str) -> bool {
    key_value(line).is_some()
}

/// Reads the YAML lines between byte `start` and `end` of `source`.
pub(super) fn read(
    source: &str,
    start: usize,
    end: usize,
    warnings: &mut Vec<Diagnostic>,
) -> Result<FrontMatter, Diagnostic> {
    let mut front = FrontMatter::default();
    let mut nested_under: Option<String> = None;
    for line in lines_from(source, start).take_while(|line| line.start < end) {
        let trimmed = line.text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = trimmed.len() < line.text.len() || trimmed.starts_with('-');
        if indented && nested_under.is_some() {
            continue;
        }
        let Some((key, value, value_at)) = key_value(line.text).filter(|_| !indented) else {
            warnings.push(
                Diagnostic::warning(
                    Code::YamlNotRead,
                    format!("front matter line `{}` is not read", line.text.trim()),
                )
                .at(line.start..line.start + line.text.len())
                .with_hint("only simple `key: value` lines are read from YAML front matter"),
            );
            continue;
        };
        let key_span = line.start..line.start + key.len();
        if value.is_empty() {
            warnings.push(
                Diagnostic::warning(
                    Code::YamlNotRead,
                    format!("front matter `{key}` has nested YAML, which is not read"),
                )
                .at(key_span)
                .with_hint("write it on one line, or use TOML front matter between `+++` lines"),
            );
            nested_under = Some(key.to_string());
            continue;
        }
        nested_under = None;
        let span = line.start + value_at..line.start + value_at + value.len();
        let entry = Entry {
            key,
            key_span,
            value: parse_value(value, &span),
            span,
        };
        fields::apply(&mut front, entry, Syntax::Yaml, warnings)?;
    }
    Ok(front)
}

/// Splits `key: value # comment` into key, value and the value's offset in the line.
fn key_value(line: &str) -> Option<(&str, &str, usize)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let key_ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    if !key_ok {
        return None;
    }
    let after = &line[colon + 1..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let value_at = colon + 1 + (after.len() - after.trim_start().len());
    let value = after.trim();
    let value = if value.starts_with(['"', '\'']) {
        value
    } else {
        value.find(" #").map_or(value, |i| value[..i].trim_end())
    };
    Some((key, value, value_at))
}

/// A scalar, a quoted string or a `[a, b]` flow list.
fn parse_value(value: &str, span: &Span) -> Value {
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return Value::Array(
            inner
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| (Value::Str(unquote(item)), span.clone()))
                .collect(),
        );
    }
    match value {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = value.strip_prefix('-').unwrap_or(value);
    if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && let Ok(n) = value.parse()
    {
        return Value::Int(n);
    }
    Value::Str(unquote(value))
}

/// Removes YAML quotes: `"…"` with backslash escapes, `'…'` with `''` for a quote.
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => out.push(chars.next().unwrap_or('\\')),
                (c, false) => out.push(c),
            }
        }
        return out;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(
            parse_value("\"a \\\" b\"", &(0..0)),
            Value::Str("a \" b".into())
        );
        assert_eq!(parse_value("'it''s'", &(0..0)), Value::Str("it's".into()));
        assert_eq!(parse_value("2", &(0..0)), Value::Int(2));
        assert_eq!(
            parse_value("[a, \"b\"]", &(0..0)),
            Value::Array(vec![
                (Value::Str("a".into()), 0..0),
                (Value::Str("b".into()), 0..0)
            ])
        );
        assert_eq!(
            key_value("url: https://x.y # c"),
            Some(("url", "https://x.y", 5))
        );
        assert_eq!(key_value("https://x.y"), None);
    }
}
