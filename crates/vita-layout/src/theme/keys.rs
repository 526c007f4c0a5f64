//! The keys of a layout file: which key or value a TOML error's span points at, the keys a
//! table has (from the [`Layout`] type itself, serialised), and the hints that go with each.
//! Errors are told apart by where they point, never by the wording of serde's messages.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::Layout;

/// What a span of a layout file points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// A key (in `table`, or at the top when `None`).
    Key {
        /// The table the key is in.
        table: Option<String>,
        /// The key as written.
        key: String,
    },
    /// The value of a key.
    Value {
        /// The table the key is in.
        table: Option<String>,
        /// The key.
        key: String,
    },
    /// Neither (the span is not a key or value of the first two levels, or the file does not
    /// parse).
    Nothing,
}

/// What `span` of `source` is.
pub fn at(source: &str, span: Range<usize>) -> At {
    let Ok(doc) = DeTable::parse(source) else {
        return At::Nothing;
    };
    for (key, value) in doc.get_ref() {
        if key.span() == span {
            return At::Key {
                table: None,
                key: key.get_ref().to_string(),
            };
        }
        if value.span() == span {
            return At::Value {
                table: None,
                key: key.get_ref().to_string(),
            };
        }
        let DeValue::Table(inner) = value.get_ref() else {
            continue;
        };
        for (sub, subvalue) in inner {
            let found = if sub.span() == span {
                At::Key {
                    table: Some(key.get_ref().to_string()),
                    key: sub.get_ref().to_string(),
                }
            } else if subvalue.span() == span {
                At::Value {
                    table: Some(key.get_ref().to_string()),
                    key: sub.get_ref().to_string(),
                }
            } else {
                continue;
            };
            return found;
        }
    }
    At::Nothing
}

/// The keys of `table` (the top level when `None`), from the default layout.
fn known(table: Option<&str>) -> Vec<String> {
    let Ok(all) = toml::Table::try_from(Layout::default()) else {
        return Vec::new();
    };
    match table {
        None => all
            .keys()
            .cloned()
            .chain(std::iter::once("extends".to_string()))
            .collect(),
        Some(name) => match all.get(name) {
            Some(toml::Value::Table(inner)) => inner.keys().cloned().collect(),
            _ => Vec::new(),
        },
    }
}

/// The hint for an unknown key: the closest known one, or the list.
pub fn unknown_hint(table: Option<&str>, key: &str) -> Option<String> {
    let names = known(table);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    match vita_model::closest(key, &names) {
        Some(name) => Some(format!("did you mean `{name}`?")),
        None if !names.is_empty() => Some(format!("known keys here: {}", names.join(", "))),
        None => None,
    }
}

/// The hint for a value that cannot be read, by what the key holds.
pub fn value_hint(table: Option<&str>, key: &str) -> Option<String> {
    let default = toml::Table::try_from(Layout::default()).ok()?;
    let value = match table {
        Some(t) => default.get(t)?.as_table()?.get(key)?.clone(),
        None => default.get(key)?.clone(),
    };
    Some(match (table, key, value) {
        (Some("page"), "size", _) => {
            "write \"a4\", \"letter\" or \"WIDTH x HEIGHT\" with units, such as \"210mm x 297mm\""
                .into()
        }
        (Some("colors"), _, _) => {
            "write a colour as \"#rrggbb\" or \"#rgb\", such as \"#1f4e79\"".into()
        }
        (_, _, toml::Value::String(s)) if super::Length::parse(&s).is_some() && s != "0" => {
            format!("write a number with a unit (pt, mm, cm, in or em), such as \"{s}\"")
        }
        (_, _, toml::Value::Boolean(b)) => format!("write true or false, such as {b}"),
        (_, _, toml::Value::Integer(i)) => format!("write a whole number, such as {i}"),
        (_, _, toml::Value::Float(f)) => format!("write a number, such as {f}"),
        (_, _, toml::Value::String(s)) => format!("write text in quotes, such as \"{s}\""),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_told_apart() {
        let src = "name = \"x\"\n[page]\nsise = \"a4\"\nmargin = 3\n";
        let key = src.find("sise").unwrap();
        assert_eq!(
            at(src, key..key + 4),
            At::Key {
                table: Some("page".into()),
                key: "sise".into()
            }
        );
        let value = src.find('3').unwrap();
        assert_eq!(
            at(src, value..value + 1),
            At::Value {
                table: Some("page".into()),
                key: "margin".into()
            }
        );
        assert_eq!(at(src, 0..1), At::Nothing);
    }

    #[test]
    fn hints_follow_the_type() {
        assert_eq!(
            unknown_hint(Some("page"), "sise").as_deref(),
            Some("did you mean `size`?")
        );
        assert!(value_hint(Some("page"), "margin").unwrap().contains("unit"));
        assert!(
            value_hint(Some("colors"), "text")
                .unwrap()
                .contains("#rrggbb")
        );
        assert!(
            value_hint(Some("paragraph"), "justify")
                .unwrap()
                .contains("true or false")
        );
    }
}
