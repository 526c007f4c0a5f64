//! JSON values kept as source slices, so every value read has a byte span.
//!
//! serde_json does not report where a value sits, but a borrowed [`RawValue`] is a slice of
//! the input, and a slice's address minus the input's address is its byte offset. The file is
//! checked once as a whole; after that each object or list we care about is split one level
//! at a time into raw children. Keys the schema does not know are never looked into, so
//! nesting under them costs nothing (serde_json skips raw values without recursion).
//!
//! Reading is tolerant where the intent is clear (a number where text is expected, one string
//! where a list is expected, `null` for "absent") and a [`Diagnostic`] with the value's span where
//! it is not (an object where text is expected).

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::syntax;
use crate::{Code, Diagnostic, Span};

/// A JSON value in source form, with its span and its path for messages (`work[0].name`).
#[derive(Debug, Clone)]
pub(super) struct Node<'a> {
    /// The whole source file: spans are offsets into it.
    source: &'a str,
    /// The value's own text, a slice of `source`.
    raw: &'a str,
    /// Where `raw` sits in `source`.
    pub span: Span,
    /// Where the value sits in the document, as `basics.profiles[1].url`; empty for the root.
    pub path: String,
}

/// Text read from a JSON string or number, trimmed, never empty.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Str {
    /// The text (escapes resolved, `\r` removed).
    pub text: String,
    /// The span of the JSON value it came from, quotes included.
    pub span: Span,
}

/// What a JSON value is, judged from its first byte (the file is already known to be valid).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl Kind {
    /// "an object", "a list", … for messages.
    fn describe(self) -> &'static str {
        match self {
            Kind::Null => "`null`",
            Kind::Bool => "`true` or `false`",
            Kind::Number => "a number",
            Kind::Text => "text",
            Kind::List => "a list",
            Kind::Object => "an object",
        }
    }
}

impl<'a> Node<'a> {
    /// The value making up `source[start..]`, after checking that the whole of it is JSON.
    pub fn root(source: &'a str, start: usize) -> Result<Self, Diagnostic> {
        let text = source.get(start..).unwrap_or_default();
        let raw: &RawValue =
            serde_json::from_str(text).map_err(|e| syntax::error(source, start, &e))?;
        Ok(Self::new(source, raw.get(), String::new()))
    }

    /// A node for `raw`, a slice of `source`.
    fn new(source: &'a str, raw: &'a str, path: String) -> Self {
        let span = offset_in(source, raw).map_or(0..0, |start| start..start + raw.len());
        Node {
            source,
            raw,
            span,
            path,
        }
    }

    /// A node for a child value of this one, named `path`.
    fn child(&self, raw: &'a RawValue, path: String) -> Self {
        Self::new(self.source, raw.get(), path)
    }

    /// What the value is.
    pub fn kind(&self) -> Kind {
        match self.raw.as_bytes().first() {
            Some(b'n') => Kind::Null,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'"') => Kind::Text,
            Some(b'[') => Kind::List,
            Some(b'{') => Kind::Object,
            _ => Kind::Number,
        }
    }

    /// Whether the value is or holds text or a number (an empty list, `null` or `true` do
    /// not). A scan of the value's source, not a walk of its tree: nesting costs no stack.
    pub fn holds_text(&self) -> bool {
        let bytes = self.raw.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    // Skip to the closing quote, then see whether the string was a key.
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                    let next = bytes[i.min(bytes.len())..]
                        .iter()
                        .find(|b| !b.is_ascii_whitespace());
                    if next != Some(&b':') {
                        return true;
                    }
                }
                b'-' | b'0'..=b'9' => return true,
                _ => i += 1,
            }
        }
        false
    }

    /// The path of this value's field `key` (`work[0]` + `name` → `work[0].name`).
    fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The object's fields in source order; a repeated key keeps its first place and its
    /// last value, as JSON readers usually do.
    pub fn object(&self) -> Result<Obj<'a>, Diagnostic> {
        if self.kind() != Kind::Object {
            return Err(self.wrong_type(
                "an object `{ … }`",
                Some("write it like { \"name\": \"…\" }"),
            ));
        }
        let Fields(raw_fields) =
            serde_json::from_str(self.raw).map_err(|e| self.nested_error(&e))?;
        let mut fields: Vec<(String, Node<'a>)> = Vec::with_capacity(raw_fields.len());
        let mut index: HashMap<String, usize> = HashMap::new();
        for (key, raw) in raw_fields {
            let node = self.child(raw, self.field_path(&key));
            match index.get(&key) {
                Some(&i) => fields[i].1 = node,
                None => {
                    index.insert(key.clone(), fields.len());
                    fields.push((key, node));
                }
            }
        }
        Ok(Obj {
            node: self.clone(),
            fields,
        })
    }

    /// The object's fields, or, for text or a number, an object whose only field `primary` is
    /// this value (`"skills": ["Rust"]` reads like `[{"name": "Rust"}]`).
    pub fn object_or(&self, primary: &str) -> Result<Obj<'a>, Diagnostic> {
        match self.kind() {
            Kind::Text | Kind::Number => Ok(Obj {
                node: self.clone(),
                fields: vec![(primary.to_string(), self.clone())],
            }),
            _ => self.object(),
        }
    }

    /// The items of a list; `null` is no items, and any other single value is one item.
    pub fn items(&self) -> Result<Vec<Node<'a>>, Diagnostic> {
        match self.kind() {
            Kind::Null => Ok(Vec::new()),
            Kind::List => {
                let raws: Vec<&RawValue> =
                    serde_json::from_str(self.raw).map_err(|e| self.nested_error(&e))?;
                Ok(raws
                    .into_iter()
                    .enumerate()
                    .map(|(i, raw)| self.child(raw, format!("{}[{i}]", self.path)))
                    .collect())
            }
            _ => Ok(vec![self.clone()]),
        }
    }

    /// The value as text: a string, or a number as written; `None` for `null` or blank text.
    pub fn text(&self) -> Result<Option<Str>, Diagnostic> {
        let text = match self.kind() {
            Kind::Null => return Ok(None),
            Kind::Number => self.raw.to_string(),
            Kind::Text => serde_json::from_str::<String>(self.raw)
                .map_err(|e| self.nested_error(&e))?
                .replace('\r', ""),
            Kind::Bool | Kind::List | Kind::Object => {
                return Err(self.wrong_type("text", Some("write it in double quotes: \"…\"")));
            }
        };
        let text = text.trim();
        Ok((!text.is_empty()).then(|| Str {
            text: text.to_string(),
            span: self.span.clone(),
        }))
    }

    /// The value as a list of text; one string is a one-item list, blank items are dropped.
    pub fn texts(&self) -> Result<Vec<Str>, Diagnostic> {
        if matches!(self.kind(), Kind::Bool | Kind::Object) {
            return Err(self.wrong_type("a list of text", Some("write it like [\"…\", \"…\"]")));
        }
        let mut out = Vec::new();
        for item in self.items()? {
            out.extend(item.text()?);
        }
        Ok(out)
    }

    /// An error saying this value should have been `expected`.
    pub fn wrong_type(&self, expected: &str, hint: Option<&str>) -> Diagnostic {
        let what = if self.path.is_empty() {
            "a JSON Resume file".to_string()
        } else {
            format!("`{}`", self.path)
        };
        Diagnostic::error(
            Code::JsonField,
            format!(
                "{what} must be {expected}, found {}",
                self.kind().describe()
            ),
        )
        .at(self.span.clone())
        .with_hint_maybe(hint.map(str::to_string))
    }

    /// An error from re-reading this (already valid) value, positioned inside it.
    fn nested_error(&self, err: &serde_json::Error) -> Diagnostic {
        syntax::error(self.source, self.span.start, err)
    }
}

/// A JSON object's fields with their nodes.
#[derive(Debug, Clone)]
pub(super) struct Obj<'a> {
    /// The object itself.
    pub node: Node<'a>,
    /// Fields in source order, keys unique.
    fields: Vec<(String, Node<'a>)>,
}

impl<'a> Obj<'a> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }

    /// Fields in source order.
    pub fn fields(&self) -> &[(String, Node<'a>)] {
        &self.fields
    }

    /// The text of `key`; `None` when it is absent, `null` or blank.
    pub fn text(&self, key: &str) -> Result<Option<Str>, Diagnostic> {
        self.get(key).map_or(Ok(None), Node::text)
    }

    /// The text of the first of `keys` that has some (`["name", "company"]`).
    pub fn text_of(&self, keys: &[&str]) -> Result<Option<Str>, Diagnostic> {
        for key in keys {
            if let Some(text) = self.text(key)? {
                return Ok(Some(text));
            }
        }
        Ok(None)
    }

    /// The list of text under `key`; empty when absent.
    pub fn texts(&self, key: &str) -> Result<Vec<Str>, Diagnostic> {
        self.get(key).map_or(Ok(Vec::new()), Node::texts)
    }
}

/// The byte offset of `part` in `source`, when `part` is a slice of it.
fn offset_in(source: &str, part: &str) -> Option<usize> {
    let offset = (part.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (offset.checked_add(part.len())? <= source.len()).then_some(offset)
}

/// An object's fields as raw values, in source order, duplicates included.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// Collects an object's fields for [`Fields`].
struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(field) = map.next_entry::<String, &'de RawValue>()? {
            fields.push(field);
        }
        Ok(Fields(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_values() {
        let src = r#"{ "a": "x", "b": [1, "two"], "c": {"d": null} }"#;
        let obj = Node::root(src, 0).unwrap().object().unwrap();
        let a = obj.text("a").unwrap().unwrap();
        assert_eq!(&src[a.span.clone()], "\"x\"");
        let b = obj.texts("b").unwrap();
        assert_eq!(
            b.iter().map(|s| &src[s.span.clone()]).collect::<Vec<_>>(),
            ["1", "\"two\""]
        );
        let c = obj.get("c").unwrap().object().unwrap();
        assert_eq!(c.get("d").unwrap().path, "c.d");
        assert_eq!(c.text("d").unwrap(), None);
    }

    #[test]
    fn repeated_keys_keep_the_last_value() {
        let obj = Node::root(r#"{"a": 1, "b": 2, "a": 3}"#, 0)
            .unwrap()
            .object()
            .unwrap();
        assert_eq!(obj.fields().len(), 2);
        assert_eq!(obj.text("a").unwrap().unwrap().text, "3");
    }

    #[test]
    fn one_string_is_a_one_item_list() {
        let obj = Node::root(r#"{"h": "only", "n": null}"#, 0)
            .unwrap()
            .object()
            .unwrap();
        assert_eq!(obj.texts("h").unwrap()[0].text, "only");
        assert!(obj.texts("n").unwrap().is_empty());
    }

    #[test]
    fn objects_are_not_text() {
        let src = "{\"a\": {\"b\": 1}}";
        let obj = Node::root(src, 0).unwrap().object().unwrap();
        let err = obj.text("a").unwrap_err();
        assert_eq!(err.code, Code::JsonField);
        assert_eq!(err.message, "`a` must be text, found an object");
        assert_eq!(&src[err.range().unwrap()], "{\"b\": 1}");
    }
}
