//! `{name}` placeholders in a cover letter: found in the source with their spans (so an unknown
//! one is reported at its line and column), and replaced in the letter's text by plain
//! substitution. There is no template language: a placeholder is a brace, a name of ASCII
//! letters, digits, `_` or `-` starting with a letter, and a closing brace; anything else in
//! braces is text. HTML comments are skipped.

use crate::{Block, Span, Text};

/// Longest placeholder name read.
const MAX_NAME: usize = 64;

/// One `{name}` in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The name between the braces.
    pub name: String,
    /// Where it is, braces included.
    pub span: Span,
}

/// Every placeholder in `source`, in order, outside HTML comments.
pub(crate) fn find(source: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = source[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| i + 4 + e + 3);
            continue;
        }
        if bytes[i] == b'{'
            && let Some(len) = name_at(&source[i + 1..])
        {
            out.push(Placeholder {
                name: source[i + 1..i + 1 + len].to_string(),
                span: i..i + len + 2,
            });
            i += len + 2;
            continue;
        }
        i += 1;
    }
    out
}

/// The length of a placeholder name at the start of `rest` that is closed by `}`.
fn name_at(rest: &str) -> Option<usize> {
    let first = rest.bytes().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let len = rest
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    (len <= MAX_NAME && rest.as_bytes().get(len) == Some(&b'}')).then_some(len)
}

/// `text` with every `{name}` that has a value replaced by it.
pub(crate) fn fill_str(text: &str, values: &[(String, String)]) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match name_at(after).and_then(|len| {
            let name = &after[..len];
            values
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| (len, v))
        }) {
            Some((len, value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fills the placeholders of rich text, run by run. A placeholder the Markdown reader split
/// across runs is joined into the first run first, so it is never left half-replaced.
pub(crate) fn fill_text(text: &mut Text, values: &[(String, String)]) {
    join_split_placeholders(text);
    for run in &mut text.runs {
        run.text = fill_str(&run.text, values);
    }
}

/// Joins a run that ends inside a placeholder (`{comp`) with the next run of the same style
/// and link, so `fill_str` sees the placeholder whole. One pass over the runs.
fn join_split_placeholders(text: &mut Text) {
    let mut joined: Vec<crate::Run> = Vec::with_capacity(text.runs.len());
    for run in std::mem::take(&mut text.runs) {
        if let Some(last) = joined.last_mut()
            && last.style == run.style
            && last.link == run.link
            && ends_inside_placeholder(&last.text)
        {
            last.text.push_str(&run.text);
            last.span.end = last.span.end.max(run.span.end);
            continue;
        }
        joined.push(run);
    }
    text.runs = joined;
}

/// True when `text` ends with `{` and a name that a later `}` could close.
fn ends_inside_placeholder(text: &str) -> bool {
    text.rfind('{').is_some_and(|open| {
        let name = &text[open + 1..];
        name.len() <= MAX_NAME
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    })
}

/// Fills the placeholders of every text in `blocks`.
pub(crate) fn fill_blocks(blocks: &mut [Block], values: &[(String, String)]) {
    for block in blocks {
        match block {
            Block::Entry(e) => {
                fill_text(&mut e.title, values);
                for t in e.organization.iter_mut().chain(&mut e.place) {
                    fill_text(t, values);
                }
                e.details.iter_mut().for_each(|t| fill_text(t, values));
                fill_blocks(&mut e.body, values);
            }
            Block::Paragraph(p) => fill_text(&mut p.text, values),
            Block::List(l) => {
                for item in &mut l.items {
                    fill_text(&mut item.text, values);
                    fill_blocks(&mut item.children, values);
                }
            }
            Block::Fields(rows) => {
                for row in rows {
                    fill_text(&mut row.key, values);
                    fill_text(&mut row.value, values);
                }
            }
            Block::Split(s) => {
                fill_text(&mut s.left, values);
                fill_text(&mut s.right, values);
            }
            Block::Table(t) => {
                for cell in t.header.iter_mut().chain(t.rows.iter_mut().flatten()) {
                    fill_text(cell, values);
                }
            }
            // Code is kept as written.
            Block::Code(_) | Block::PageBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_names_in_braces_outside_comments() {
        let src = "Dear {recipient},\n{ not one } {x y} {} {9a} <!-- {hidden} --> {company_name}!";
        let all = find(src);
        let found: Vec<(&str, &str)> = all
            .iter()
            .map(|p| (p.name.as_str(), &src[p.span.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("recipient", "{recipient}"),
                ("company_name", "{company_name}")
            ]
        );
    }

    #[test]
    fn filling_is_plain_replacement() {
        let values = vec![
            ("company".to_string(), "Acme & {Sons}".to_string()),
            ("role".to_string(), "*lead*".to_string()),
        ];
        assert_eq!(
            fill_str("{company} hires a {role} ({other}) {", &values),
            "Acme & {Sons} hires a *lead* ({other}) {"
        );
    }
}
