//! Tag comments: `<!-- tags: backend, lead -->`. GitHub (and every CommonMark renderer) hides
//! HTML comments, so tagging a résumé never changes how it looks as Markdown.
//!
//! Which element a comment tags is decided where the elements are read:
//!
//! - a comment inside a heading, paragraph or list item's line (usually at its end) tags that
//!   heading's section or entry, that paragraph (or the one key–value row or TAB line it is on),
//!   or that list item with everything nested under it;
//! - a comment on a line of its own tags the `#`/`##`/`###` heading right above it (blank
//!   lines between are fine), or, indented under a list item, that item. Anywhere else it
//!   tags nothing and is a warning.
//!
//! This file only reads the comment: `tags:` (or `tag:`, any case) then names separated by
//! commas or spaces. Names are compared in lower case.

use crate::{Code, Diagnostic, Span, select};

/// Reads a comment (`<!-- … -->`, surrounding white space allowed). `None` when it is not a
/// tags comment; otherwise the valid names, with a warning for each invalid one and for a
/// comment that names none.
pub(super) fn read(html: &str, span: &Span, warnings: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    if inner.contains("-->") {
        return None;
    }
    let inner = inner.trim_start();
    let lower = inner.get(..5).map(str::to_ascii_lowercase);
    let list = match lower.as_deref() {
        Some("tags:") => &inner[5..],
        _ if inner
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("tag:")) =>
        {
            &inner[4..]
        }
        _ => return None,
    };
    let mut names: Vec<String> = Vec::new();
    for word in list.split(|c: char| c == ',' || c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        match select::normalize_tag(word) {
            Some(name) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => warnings.push(
                Diagnostic::warning(
                    Code::TagComment,
                    format!("`{word}` is not a tag name and is ignored"),
                )
                .at(span.clone())
                .with_hint("tag names are letters, digits and `-`, `_`, `.`, `+`, `#`, `/`"),
            ),
        }
    }
    if names.is_empty() {
        warnings.push(
            Diagnostic::warning(Code::TagComment, "this tags comment names no tag")
                .at(span.clone())
                .with_hint("write it like `<!-- tags: backend, lead -->`"),
        );
    }
    Some(names)
}

/// The warning for a tags comment on a line of its own that follows no heading or list item.
pub(super) fn stray(span: &Span) -> Diagnostic {
    Diagnostic::warning(Code::TagComment, "this tags comment tags nothing")
        .at(span.clone())
        .with_hint(
            "put it at the end of the line it tags (a heading, paragraph or bullet), or on the \
             line under a `##` or `###` heading",
        )
}

/// The warning for tags in the header, which every variant shows.
pub(super) fn in_header(span: &Span) -> Diagnostic {
    Diagnostic::warning(
        Code::TagComment,
        "tags in the header have no effect: the header is in every variant",
    )
    .at(span.clone())
    .with_hint("to vary the headline per variant, use `set.headline` in vita.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> (Option<Vec<String>>, usize) {
        let mut warnings = Vec::new();
        let got = read(html, &(0..html.len()), &mut warnings);
        (got, warnings.len())
    }

    #[test]
    fn reads_names_in_lower_case_without_repeats() {
        let (got, warned) = names("<!-- tags: Backend, lead  lead,c++ -->");
        assert_eq!(got.unwrap(), ["backend", "lead", "c++"]);
        assert_eq!(warned, 0);
        assert_eq!(names("<!--TAG:x-->").0.unwrap(), ["x"]);
        assert_eq!(names("  <!-- tags: a -->\n").0.unwrap(), ["a"]);
    }

    #[test]
    fn other_comments_are_not_tags() {
        assert_eq!(names("<!-- todo: tags -->").0, None);
        assert_eq!(names("<!-- tagsoup -->").0, None);
        assert_eq!(names("<!-- tags: a --> x <!-- b -->").0, None);
        assert_eq!(names("<span>").0, None);
    }

    #[test]
    fn bad_names_and_empty_lists_warn() {
        let (got, warned) = names("<!-- tags: ok, !no, (x) -->");
        assert_eq!(got.unwrap(), ["ok"]);
        assert_eq!(warned, 2);
        let (got, warned) = names("<!-- tags: -->");
        assert!(got.unwrap().is_empty());
        assert_eq!(warned, 1);
    }
}
