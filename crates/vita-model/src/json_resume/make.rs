//! Building model nodes from JSON text: the one place that constructs [`Section`]s,
//! [`Entry`]s and blocks, so a new model field needs one change here.
//!
//! Text from JSON is plain (JSON Resume has no markup); a single line break inside a string is
//! kept as a hard break, a blank line starts a new paragraph, and lines written as bullets
//! (`- item`) are a list.

use super::node::Str;
use crate::{Block, Entry, Field, List, ListItem, Paragraph, Run, Section, Span, Style, Text};

/// Unstyled text for a value.
pub(super) fn text(s: &Str) -> Text {
    Text::plain_run(s.text.clone(), s.span.clone())
}

/// Unstyled text for a value, linked to `url` when there is one.
pub(super) fn linked(s: &Str, url: Option<&str>) -> Text {
    Text {
        runs: vec![Run {
            text: s.text.clone(),
            style: Style::default(),
            link: url.map(str::to_string),
            span: s.span.clone(),
        }],
    }
}

/// Text whose line breaks are hard-break runs (`"\n"`).
fn with_breaks(line_group: &str, span: &Span) -> Text {
    let mut runs = Vec::new();
    for (i, line) in line_group.lines().map(str::trim).enumerate() {
        if i > 0 {
            runs.push(Run {
                text: "\n".into(),
                style: Style::default(),
                link: None,
                span: span.clone(),
            });
        }
        runs.extend(Text::plain_run(line, span.clone()).runs);
    }
    Text { runs }
}

/// One paragraph per blank-line-separated part of a value; lines written as bullets
/// (`- `, `* `, `• `) are a list, each bullet an item and the lines after it without one its
/// continuation (as a Markdown list reads them).
pub(super) fn paragraphs(s: &Str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut items: Vec<String> = Vec::new();
    let flush = |current: &mut String, items: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !current.is_empty() {
            blocks.push(paragraph(with_breaks(current, &s.span), s.span.clone()));
            current.clear();
        }
        let texts: Vec<Str> = items
            .drain(..)
            .map(|text| Str {
                text,
                span: s.span.clone(),
            })
            .collect();
        blocks.extend(bullets(&texts, s.span.clone()));
    };
    for line in s.text.lines().chain([""]) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut items, &mut blocks);
        } else if let Some(item) = bullet_item(trimmed) {
            if !current.is_empty() {
                flush(&mut current, &mut items, &mut blocks);
            }
            items.push(item.to_string());
        } else if let Some(last) = items.last_mut() {
            last.push(' ');
            last.push_str(trimmed);
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    blocks
}

/// The text of a line written as a bullet (`- Led the team`), without its marker.
fn bullet_item(line: &str) -> Option<&str> {
    ["- ", "* ", "• ", "· "]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// A paragraph block.
pub(super) fn paragraph(text: Text, span: Span) -> Block {
    Block::Paragraph(Paragraph {
        text,
        span,
        ..Default::default()
    })
}

/// A bullet list of the values, or nothing for none.
pub(super) fn bullets(items: &[Str], span: Span) -> Option<Block> {
    (!items.is_empty()).then(|| {
        Block::List(List {
            start: None,
            items: items
                .iter()
                .map(|item| ListItem {
                    text: with_breaks(&item.text, &item.span),
                    span: item.span.clone(),
                    ..Default::default()
                })
                .collect(),
            span,
        })
    })
}

/// A key–value row.
pub(super) fn field(key: Text, value: Text, span: Span) -> Field {
    Field {
        key,
        value,
        span,
        ..Default::default()
    }
}

/// An entry with only a title; the caller fills in the rest.
pub(super) fn entry(title: Text, span: Span) -> Entry {
    Entry {
        title,
        span,
        ..Default::default()
    }
}

/// A section with a title.
pub(super) fn section(title: &str, blocks: Vec<Block>, span: Span) -> Section {
    Section {
        title: Text::plain_run(title, span.start..span.start),
        blocks,
        span,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_split_paragraphs_and_single_breaks_stay() {
        let s = Str {
            text: "One\ntwo\n\n\nThree".into(),
            span: 0..5,
        };
        let blocks = paragraphs(&s);
        assert_eq!(blocks.len(), 2);
        let Block::Paragraph(first) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let runs: Vec<&str> = first.text.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(runs, ["One", "\n", "two"]);
    }

    #[test]
    fn lines_written_as_bullets_are_a_list() {
        let s = Str {
            text: "Led the portal:\n- Built the API\n(Node.js, Redis)\n* Ran the tests\n\nAfter."
                .into(),
            span: 0..5,
        };
        let blocks = paragraphs(&s);
        let [
            Block::Paragraph(lead),
            Block::List(list),
            Block::Paragraph(after),
        ] = &blocks[..]
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(lead.text.plain(), "Led the portal:");
        let items: Vec<String> = list.items.iter().map(|i| i.text.plain()).collect();
        assert_eq!(items, ["Built the API (Node.js, Redis)", "Ran the tests"]);
        assert_eq!(after.text.plain(), "After.");
    }
}
