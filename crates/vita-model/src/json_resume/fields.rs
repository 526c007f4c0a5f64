//! The list-like sections: `skills`, `languages`, `interests` as key–value rows, `references`
//! as paragraphs.
//!
//! - skills: one [`Block::Fields`] with a row per skill, `name: keywords joined by ", "`, the
//!   `level` appended in parentheses ("Rust, Go (Advanced)") or alone when there are no
//!   keywords.
//! - languages: rows `language: fluency` (`name`/`level` accepted from older files).
//! - interests: rows `name: keywords`.
//! - Items with a name but no value (`{"name": "Chess"}`, or a bare string in the list) would
//!   make rows with an empty right side, and items with a value but no name rows with an empty
//!   key; they are gathered into one paragraph after the rows instead ("Chess, Hiking").
//! - references: the `reference` text as paragraphs, then a paragraph "— Name".

use super::map::joined;
use super::node::{Kind, Node, Str};
use super::{Cx, make, schema};
use crate::{Block, Diagnostic, Text};

/// A row's name and its value, if any.
type Row = (Str, Option<Str>);

/// The `skills` section.
pub(super) fn skills(node: &Node, cx: &mut Cx) -> Result<Vec<Block>, Diagnostic> {
    let mut rows = Vec::new();
    for item in items(node)? {
        let obj = item.object_or("name")?;
        cx.check_keys(&obj, schema::SKILL);
        let keywords = joined(&obj.texts("keywords")?);
        let level = obj.text("level")?;
        let value = match (keywords, level) {
            (Some(k), Some(l)) => Some(Str {
                text: format!("{} ({})", k.text, l.text),
                span: k.span.start.min(l.span.start)..k.span.end.max(l.span.end),
            }),
            (k, l) => k.or(l),
        };
        rows.extend(row(obj.text("name")?, value));
    }
    Ok(blocks(rows, node))
}

/// The `interests` section.
pub(super) fn interests(node: &Node, cx: &mut Cx) -> Result<Vec<Block>, Diagnostic> {
    let mut rows = Vec::new();
    for item in items(node)? {
        let obj = item.object_or("name")?;
        cx.check_keys(&obj, schema::SKILL);
        rows.extend(row(obj.text("name")?, joined(&obj.texts("keywords")?)));
    }
    Ok(blocks(rows, node))
}

/// The `languages` section.
pub(super) fn languages(node: &Node, cx: &mut Cx) -> Result<Vec<Block>, Diagnostic> {
    let mut rows = Vec::new();
    for item in items(node)? {
        let obj = item.object_or("language")?;
        cx.check_keys(&obj, schema::LANGUAGE);
        let name = obj.text_of(&["language", "name"])?;
        let value = joined_with(
            obj.text_of(&["fluency", "level"])?,
            obj.text("summary")?,
            " — ",
        );
        rows.extend(row(name, value));
    }
    Ok(blocks(rows, node))
}

/// The `references` section.
pub(super) fn references(node: &Node, cx: &mut Cx) -> Result<Vec<Block>, Diagnostic> {
    let mut blocks = Vec::new();
    for item in items(node)? {
        let obj = item.object_or("reference")?;
        cx.check_keys(&obj, schema::REFERENCE);
        if let Some(text) = obj.text("reference")? {
            blocks.extend(make::paragraphs(&text));
        }
        if let Some(name) = obj.text("name")? {
            let name = joined_with(Some(name), obj.text("relationship")?, ", ");
            if let Some(name) = name {
                let text = Text::plain_run(format!("— {}", name.text), name.span.clone());
                blocks.push(make::paragraph(text, name.span));
            }
        }
        let contact: Vec<Str> = [obj.text("email")?, obj.text("phone")?]
            .into_iter()
            .flatten()
            .collect();
        if let Some(first) = contact.first() {
            let texts: Vec<&str> = contact.iter().map(|c| c.text.as_str()).collect();
            let span = first.span.start..contact.last().map_or(first.span.end, |c| c.span.end);
            let text = Text::plain_run(texts.join(" · "), span.clone());
            blocks.push(make::paragraph(text, span));
        }
    }
    Ok(blocks)
}

/// `a` + `between` + `b` from two optional texts (either alone as it is), spanning both.
fn joined_with(a: Option<Str>, b: Option<Str>, between: &str) -> Option<Str> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Str {
            text: format!("{}{between}{}", a.text, b.text),
            span: a.span.start.min(b.span.start)..a.span.end.max(b.span.end),
        }),
        (a, b) => a.or(b),
    }
}

/// The non-null items of a list section (a lone value is one item).
fn items<'a>(node: &Node<'a>) -> Result<Vec<Node<'a>>, Diagnostic> {
    if node.kind() == Kind::Bool {
        return Err(node.wrong_type("a list", Some("write it like [{ \"name\": \"…\" }]")));
    }
    Ok(node
        .items()?
        .into_iter()
        .filter(|item| item.kind() != Kind::Null)
        .collect())
}

/// A row from a name and a value. A value without a name (`{"name": "", "keywords":
/// ["C/C++"]}`) is set like a bare name, in the paragraph after the rows: a row with an empty
/// key would print as ": C/C++".
fn row(name: Option<Str>, value: Option<Str>) -> Option<Row> {
    match (name, value) {
        (Some(name), value) => Some((name, value)),
        (None, Some(value)) => Some((value, None)),
        (None, None) => None,
    }
}

/// Rows with values as one [`Block::Fields`], then the bare names as one paragraph.
fn blocks(rows: Vec<Row>, node: &Node) -> Vec<Block> {
    let mut fields = Vec::new();
    let mut bare = Vec::new();
    for (name, value) in rows {
        match value {
            Some(value) => {
                let span = name.span.start.min(value.span.start)..name.span.end.max(value.span.end);
                fields.push(make::field(make::text(&name), make::text(&value), span));
            }
            None => bare.push(name),
        }
    }
    let mut blocks = Vec::new();
    if !fields.is_empty() {
        blocks.push(Block::Fields(fields));
    }
    if let Some(line) = joined(&bare) {
        blocks.push(make::paragraph(make::text(&line), node.span.clone()));
    }
    blocks
}
