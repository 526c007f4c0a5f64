//! Lines at the top of a file that belong to the tool it was written for, not to the résumé:
//! Markdown Preview Enhanced's `@import "resume.less"`, table-of-contents markers (`[TOC]`,
//! `[[_TOC_]]`), Pelican's metadata lines (`Title: …`, `Date: …`, `Slug: …`) and a language
//! switcher (`[中文](README.md) / English`). Each is left out with a warning, so it is neither
//! printed nor taken for the headline or the name. Pelican's `Title` is kept as a last resort
//! for the name.
//!
//! Only nodes before the first heading are looked at, except the language switcher, which may
//! also sit right under the name.

use super::blocks::Node;
use super::inline::{self, Piece};
use crate::{Code, Diagnostic, Span, Text};

/// Pelican's metadata keys (lower case).
const PELICAN_KEYS: [&str; 18] = [
    "title",
    "date",
    "modified",
    "tags",
    "category",
    "slug",
    "author",
    "authors",
    "summary",
    "lang",
    "translation",
    "status",
    "template",
    "save_as",
    "url",
    "keywords",
    "subtitle",
    "permalink",
];

/// Keys of which one must be present for lines to be Pelican metadata.
const PELICAN_REQUIRED: [&str; 3] = ["title", "date", "slug"];

/// Names a language switcher shows (lower case): each language in its own name and in English,
/// and two-letter codes.
const LANGUAGE_NAMES: [&str; 52] = [
    "magyar",
    "hungarian",
    "polski",
    "polish",
    "nederlands",
    "dutch",
    "svenska",
    "swedish",
    "українська",
    "ukrainian",
    "čeština",
    "czech",
    "english",
    "中文",
    "简体中文",
    "繁體中文",
    "繁体中文",
    "chinese",
    "한국어",
    "korean",
    "日本語",
    "japanese",
    "español",
    "spanish",
    "deutsch",
    "german",
    "français",
    "french",
    "português",
    "portuguese",
    "русский",
    "russian",
    "italiano",
    "italian",
    "english version",
    "en",
    "zh",
    "zh-cn",
    "zh-tw",
    "ko",
    "ja",
    "es",
    "de",
    "fr",
    "pt",
    "pt-br",
    "ru",
    "it",
    "简体",
    "繁體",
    "türkçe",
    "tiếng việt",
];

/// What was found in the preamble.
#[derive(Debug, Default)]
pub(super) struct Preamble {
    /// Pelican's `Title:` value, if any.
    pub title: Option<(Text, Span)>,
}

/// Removes preamble nodes from the top of `nodes`, with a warning each, and the warnings the
/// reader gave about what they held (a relative link in a switcher).
pub(super) fn strip(
    nodes: &mut Vec<Node>,
    source: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Preamble {
    let mut found = Preamble::default();
    let mut first_heading = nodes
        .iter()
        .position(|n| matches!(n, Node::Heading { .. }))
        .unwrap_or(nodes.len());
    // The switcher may also sit in the two nodes right under the first heading (the name).
    let mut index = 0;
    while index < nodes.len() && index <= first_heading + 2 {
        if index > first_heading && matches!(nodes[index], Node::Heading { .. }) {
            break;
        }
        let Node::Para { pieces, span } = &nodes[index] else {
            index += 1;
            continue;
        };
        let written = source.get(span.clone()).unwrap_or_default();
        let top = index < first_heading;
        let (what, title) = match classify(pieces, written, top) {
            Some(found) => found,
            None => {
                index += 1;
                continue;
            }
        };
        let span = span.clone();
        warnings.retain(|w| {
            !w.range()
                .is_some_and(|r| span.start <= r.start && r.end <= span.end)
        });
        warnings.push(
            Diagnostic::warning(
                Code::LeftOut,
                format!(
                    "{what} `{}` is left out",
                    super::html_tags::shorten(&inline::text(pieces).plain(), 50)
                ),
            )
            .at(span.clone())
            .with_hint(
                "it belongs to the tool or site the file was written for, not to the résumé",
            ),
        );
        if found.title.is_none() {
            found.title = title.map(|t| (t, span));
        }
        nodes.remove(index);
        // What was removed above the heading moves it up; it is still the same heading.
        if index < first_heading {
            first_heading -= 1;
        }
    }
    found
}

/// What kind of preamble `pieces` are, and Pelican's title; `None` when they are content.
/// `top` is true above the first heading, where directives and metadata may be.
fn classify(pieces: &[Piece], written: &str, top: bool) -> Option<(&'static str, Option<Text>)> {
    if is_switcher(pieces, written) {
        return Some(("language switcher", None));
    }
    if !top {
        return None;
    }
    let lines: Vec<String> = inline::lines(pieces)
        .into_iter()
        .map(|line| inline::plain(&line).trim().to_string())
        .filter(|line| !line.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    if lines.iter().all(|line| is_directive(line)) {
        return Some(("editor directive", None));
    }
    let keys: Vec<(String, &str)> = lines
        .iter()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim().to_lowercase();
            PELICAN_KEYS
                .contains(&key.as_str())
                .then_some((key, value.trim()))
        })
        .collect();
    if keys.len() == lines.len()
        && keys
            .iter()
            .any(|(k, _)| PELICAN_REQUIRED.contains(&k.as_str()))
    {
        let title = keys
            .iter()
            .find(|(k, v)| k == "title" && !v.is_empty())
            .map(|(_, v)| Text::plain_run(*v, 0..0));
        return Some(("Pelican metadata", title));
    }
    None
}

/// `@import "file"` (Markdown Preview Enhanced) and table-of-contents markers.
fn is_directive(line: &str) -> bool {
    let lower = line.to_lowercase();
    (lower.starts_with("@import ") && lower.contains(['"', '\'']))
        || matches!(
            lower.as_str(),
            "[toc]" | "[[toc]]" | "[[_toc_]]" | "{:toc}" | "[toc]:" | "@[toc]"
        )
}

/// A line of language names, some linked, separated by `/`, `|`, `·` or commas. `written` is
/// its source (a relative link has lost its target by now, but not its brackets).
fn is_switcher(pieces: &[Piece], written: &str) -> bool {
    let text = inline::text(pieces);
    let plain = text.plain();
    if plain.contains('\n') || plain.chars().count() > 80 {
        return false;
    }
    let linked = text.runs.iter().any(|r| r.link.is_some()) || written.contains("](");
    let names: Vec<String> = plain
        .split(['/', '|', '·', '•', ',', '｜'])
        .map(|part| {
            part.trim()
                .trim_matches(['[', ']', '(', ')'])
                .trim()
                .to_lowercase()
        })
        .filter(|part| !part.is_empty())
        .collect();
    linked && names.len() >= 2 && names.iter().all(|n| LANGUAGE_NAMES.contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse_ok;

    #[test]
    fn import_lines_and_toc_markers_are_left_out() {
        let parsed = parse_ok(
            "@import \"resume.less\"\n\n[TOC]\n\n# Jane Doe\n\njane@example.com\n\n## Work\n\nHi.\n",
        );
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
        assert!(parsed.resume.header.headline.is_empty());
        let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("editor directive `@import \"resume.less\"`"));
    }

    #[test]
    fn pelican_metadata_is_not_printed_and_its_title_is_a_last_resort() {
        let src = "Title: Resume\nDate: 2024-01-02\nSlug: resume\n\n# Jane Doe\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
        assert!(parsed.resume.header.headline.is_empty());
        let first = &parsed.warnings[0];
        assert_eq!(
            (first.code, &src[first.range().unwrap()]),
            (
                crate::Code::LeftOut,
                "Title: Resume\nDate: 2024-01-02\nSlug: resume\n"
            )
        );
        let parsed = parse_ok("Title: Jane Doe\nDate: 2024-01-02\n\n## Work\n\nHi.\n");
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
    }

    #[test]
    fn a_language_switcher_is_never_the_name() {
        let src = "[中文](README.md) / English\n\n# Jane Doe\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
        assert!(parsed.resume.header.headline.is_empty());
        let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("language switcher"));
        let parsed = parse_ok(
            "# Jane Doe\n\n[English](README.md) | [Español](README.es.md)\n\n## Work\n\nHi.\n",
        );
        assert!(parsed.resume.header.headline.is_empty());
        assert!(parsed.resume.header.contacts.is_empty());
    }
}
