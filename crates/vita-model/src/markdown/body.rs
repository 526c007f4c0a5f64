//! Section and entry content: nodes → [`Block`]s. Here live the tab-split reading, the
//! key–value reading (`**Key:** value` rows, consecutive ones gathered into one
//! [`Block::Fields`], two-column tables included) and list conversion. A heading that opens a
//! list item (`- ### Engineer`) is that item's text, set bold.

use super::blocks::{Item, Node};
use super::inline::{self, Piece};
use super::{tables, tags};
use crate::{
    Block, CodeBlock, Diagnostic, Field, List, ListItem, Paragraph, Run, Span, SplitLine, Style,
    Text,
};

/// Longest key a `**Key:**` row may have; longer bold openings are emphasis, not labels.
const MAX_KEY_CHARS: usize = 60;

/// Converts nodes in order, gathering consecutive field rows.
pub(super) fn blocks(nodes: Vec<Node>, source: &str, warnings: &mut Vec<Diagnostic>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rows: Vec<Field> = Vec::new();
    for node in nodes {
        for block in node_blocks(node, source, warnings) {
            match block {
                Block::Fields(more) => rows.extend(more),
                other => {
                    flush_rows(&mut rows, &mut out);
                    out.push(other);
                }
            }
        }
    }
    flush_rows(&mut rows, &mut out);
    out
}

fn flush_rows(rows: &mut Vec<Field>, out: &mut Vec<Block>) {
    if !rows.is_empty() {
        out.push(Block::Fields(std::mem::take(rows)));
    }
}

/// One node's blocks. Adjacent `Fields` in the result are merged by the caller.
fn node_blocks(node: Node, source: &str, warnings: &mut Vec<Diagnostic>) -> Vec<Block> {
    match node {
        Node::Para { pieces, span } => paragraph(&pieces, span, source),
        // Headings that reach here (level 4 and below, or inside list items) are set as a bold
        // paragraph: they are labels inside an entry, not structure.
        Node::Heading { pieces, span, .. } => {
            let mut text = inline::text(&pieces);
            for run in &mut text.runs {
                run.style.strong = true;
            }
            nonempty_paragraph(text, span, inline::tags(&pieces))
        }
        Node::List { start, items, span } => list(start, items, span, source, warnings),
        Node::Table { head, rows, span } => tables::blocks(head, rows, span),
        Node::Code { text, info, span } => vec![Block::Code(CodeBlock { text, info, span })],
        Node::PageBreak { .. } => vec![Block::PageBreak],
        Node::Tags { span, .. } => {
            warnings.push(tags::stray(&span));
            Vec::new()
        }
    }
}

/// A paragraph: tab-split lines, key–value rows, or running text.
///
/// A tags comment tags the whole paragraph, or, when the paragraph is read as one key–value row
/// or TAB line per source line, the row or line it is on.
pub(super) fn paragraph(pieces: &[Piece], span: Span, source: &str) -> Vec<Block> {
    let lines = inline::lines(pieces);
    let line_tags = inline::line_tags(pieces);
    if lines
        .iter()
        .any(|line| split_at_tab(line, source).is_some())
    {
        return tabbed_lines(lines, line_tags, &span, source);
    }
    let text = inline::text(pieces);
    if lines.len() > 1 {
        let rows: Option<Vec<Field>> = lines
            .iter()
            .zip(line_tags)
            .map(|(line, tags)| {
                let row = field(
                    inline::normalize(line.clone()),
                    inline::span_of(line, &span),
                )?;
                Some(Field { tags, ..row })
            })
            .collect();
        if let Some(rows) = rows {
            return vec![Block::Fields(rows)];
        }
    }
    let tags = inline::tags(pieces);
    match field(text.clone(), span.clone()) {
        Some(row) => vec![Block::Fields(vec![Field { tags, ..row }])],
        None => nonempty_paragraph(text, span, tags),
    }
}

fn nonempty_paragraph(text: Text, span: Span, tags: Vec<String>) -> Vec<Block> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Block::Paragraph(Paragraph { text, tags, span })]
}

/// Each line with a tab becomes a [`SplitLine`]; runs of other lines stay a paragraph.
fn tabbed_lines(
    lines: Vec<Vec<Run>>,
    line_tags: Vec<Vec<String>>,
    span: &Span,
    source: &str,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pending: Vec<Run> = Vec::new();
    let mut pending_tags: Vec<String> = Vec::new();
    let mut line_tags = line_tags.into_iter();
    for line in lines {
        let tags = line_tags.next().unwrap_or_default();
        match split_at_tab(&line, source) {
            Some(split) => {
                let text = inline::normalize(std::mem::take(&mut pending));
                let pending_span = inline::span_of(&text.runs, span);
                let before = std::mem::take(&mut pending_tags);
                out.extend(nonempty_paragraph(text, pending_span, before));
                out.push(Block::Split(SplitLine { tags, ..split }));
            }
            None => {
                inline::merge_tags(&mut pending_tags, &tags);
                if !pending.is_empty() {
                    pending.push(Run {
                        text: " ".into(),
                        style: Style::default(),
                        link: None,
                        span: inline::span_of(&line, span),
                    });
                }
                pending.extend(line);
            }
        }
    }
    let text = inline::normalize(pending);
    let pending_span = inline::span_of(&text.runs, span);
    out.extend(nonempty_paragraph(text, pending_span, pending_tags));
    out
}

/// A line cut at its first tab, when both sides have text.
pub(super) fn split_at_tab(line: &[Run], source: &str) -> Option<SplitLine> {
    let plain = inline::plain(line);
    let tab = plain.find('\t')?;
    let left = inline::normalize(inline::slice(line, 0..tab, source));
    let right = inline::normalize(inline::slice(line, tab + 1..plain.len(), source));
    if left.is_empty() || right.is_empty() {
        return None;
    }
    let span = inline::span_of(line, &(0..0));
    Some(SplitLine {
        left,
        right,
        tags: Vec::new(),
        span,
    })
}

/// A `**Key:** value` (or `**Key**: value`) row; `None` for any other text.
pub(super) fn field(text: Text, span: Span) -> Option<Field> {
    let key_len = text
        .runs
        .iter()
        .take_while(|r| r.style.strong && r.text != "\n")
        .count();
    let (key_runs, value_runs) = text.runs.split_at(key_len);
    let mut key: Vec<Run> = key_runs.to_vec();
    let mut value: Vec<Run> = value_runs.to_vec();
    let last_key = key.last_mut()?;
    let trimmed = last_key.text.trim_end();
    if let Some(stripped) = trimmed.strip_suffix(':') {
        // Spans of runs that map one-to-one onto the source shrink with the text.
        if last_key.span.len() == last_key.text.len() {
            last_key.span.end = last_key.span.start + stripped.len();
        }
        last_key.text = stripped.to_string();
    } else {
        let first_value = value.first_mut()?;
        // `**Key**: value`, or `**Key** : value` with French spacing.
        let spaced = first_value
            .text
            .trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let rest = spaced.strip_prefix(':')?;
        let cut = first_value.text.len() - rest.len();
        if first_value.span.len() == first_value.text.len() {
            first_value.span.start += cut;
        }
        first_value.text = rest.to_string();
    }
    let key = inline::normalize(key);
    let value = inline::normalize(value);
    let key_chars = key.plain().chars().count();
    if key.is_empty() || value.is_empty() || key_chars > MAX_KEY_CHARS {
        return None;
    }
    Some(Field {
        key,
        value,
        tags: Vec::new(),
        span,
    })
}

/// A list; items that are field rows (and have no nested content) become `Fields` instead,
/// splitting the list around them with the numbering carried on.
fn list(
    start: Option<u64>,
    items: Vec<Item>,
    span: Span,
    source: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    let mut current: Vec<ListItem> = Vec::new();
    let mut first_index = 0;
    for (index, mut item) in items.into_iter().enumerate() {
        let tags = item_tags(&mut item);
        let row = match item.nodes.as_slice() {
            [Node::Para { pieces, .. }] => {
                field(inline::text(pieces), item.span.clone()).map(|row| Field {
                    tags: tags.clone(),
                    ..row
                })
            }
            _ => None,
        };
        match row {
            Some(row) => {
                flush_list(&mut current, start, first_index, &span, &mut out);
                rows.push(row);
            }
            None => {
                flush_rows(&mut rows, &mut out);
                let item = list_item(item, tags, source, warnings);
                // An item left empty (its text was hidden, or an image) is no bullet at all.
                if item.text.is_empty() && item.children.is_empty() {
                    continue;
                }
                if current.is_empty() {
                    first_index = index;
                }
                current.push(item);
            }
        }
    }
    flush_rows(&mut rows, &mut out);
    flush_list(&mut current, start, first_index, &span, &mut out);
    out
}

/// Emits the pending items as a list; an ordered list cut by field rows keeps counting.
fn flush_list(
    items: &mut Vec<ListItem>,
    start: Option<u64>,
    first_index: usize,
    span: &Span,
    out: &mut Vec<Block>,
) {
    if items.is_empty() {
        return;
    }
    let items = std::mem::take(items);
    let span = match (items.first(), items.last()) {
        (Some(first), Some(last)) => first.span.start..last.span.end,
        _ => span.clone(),
    };
    let offset = u64::try_from(first_index).unwrap_or(u64::MAX);
    out.push(Block::List(List {
        start: start.map(|n| n.saturating_add(offset)),
        items,
        span,
    }));
}

/// An item's tags: those in its first paragraph and those of tags comments on lines of their
/// own directly inside it (which are taken out of its nodes).
fn item_tags(item: &mut Item) -> Vec<String> {
    let mut tags = match item.nodes.first() {
        Some(Node::Para { pieces, .. }) => inline::tags(pieces),
        _ => Vec::new(),
    };
    item.nodes.retain(|node| match node {
        Node::Tags { names, .. } => {
            inline::merge_tags(&mut tags, names);
            false
        }
        _ => true,
    });
    tags
}

fn list_item(
    item: Item,
    tags: Vec<String>,
    source: &str,
    warnings: &mut Vec<Diagnostic>,
) -> ListItem {
    let mut nodes = item.nodes;
    let text = match nodes.first() {
        Some(Node::Para { pieces, .. }) => {
            let text = inline::text(pieces);
            nodes.remove(0);
            text
        }
        Some(Node::Heading { pieces, .. }) => {
            let mut text = inline::text(pieces);
            for run in &mut text.runs {
                run.style.strong = true;
            }
            nodes.remove(0);
            text
        }
        _ => Text::default(),
    };
    ListItem {
        text,
        children: blocks(nodes, source, warnings),
        tags,
        span: item.span,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse_ok;
    use crate::Block;

    fn blocks(src: &str) -> Vec<Block> {
        let parsed = parse_ok(&format!("## S\n\n{src}"));
        parsed.resume.sections.into_iter().next().unwrap().blocks
    }

    #[test]
    fn key_value_rows_in_paragraphs_lines_and_lists() {
        let got = blocks(
            "**Languages:** Rust, Go\n\n**Tools**: git\n**Cloud** : GCP\n\nAfter.\n\n- **A:** 1\n- **B:** 2\n",
        );
        let [
            Block::Fields(first),
            Block::Paragraph(_),
            Block::Fields(second),
        ] = &got[..]
        else {
            panic!("{got:#?}")
        };
        let rows: Vec<_> = first
            .iter()
            .map(|r| (r.key.plain(), r.value.plain()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Languages".to_string(), "Rust, Go".to_string()),
                ("Tools".into(), "git".into()),
                ("Cloud".into(), "GCP".into())
            ]
        );
        assert_eq!(second.len(), 2);
        assert!(first[0].key.runs[0].style.strong);
    }

    #[test]
    fn bold_labels_without_values_are_paragraphs() {
        assert!(matches!(blocks("**Awards:**\n")[..], [Block::Paragraph(_)]));
        assert!(matches!(
            blocks("**Bold** text\n")[..],
            [Block::Paragraph(_)]
        ));
    }

    #[test]
    fn tab_lines_split_and_others_stay_text() {
        let got = blocks("Intro line\nBSc\t2010 - 2014\n");
        let [Block::Paragraph(p), Block::Split(s)] = &got[..] else {
            panic!("{got:#?}")
        };
        assert_eq!(p.text.plain(), "Intro line");
        assert_eq!(
            (s.left.plain().as_str(), s.right.plain().as_str()),
            ("BSc", "2010 - 2014")
        );
    }

    #[test]
    fn nested_and_ordered_lists() {
        let got = blocks("3. first\n   continued\n4. second\n   - inner\n     - deeper\n");
        let [Block::List(list)] = &got[..] else {
            panic!("{got:#?}")
        };
        assert_eq!(list.start, Some(3));
        assert_eq!(list.items[0].text.plain(), "first continued");
        let [Block::List(inner)] = &list.items[1].children[..] else {
            panic!("{:#?}", list.items[1])
        };
        assert_eq!(inner.start, None);
        assert_eq!(inner.items[0].text.plain(), "inner");
        assert!(matches!(inner.items[0].children[..], [Block::List(_)]));
    }

    #[test]
    fn list_cut_by_field_rows_keeps_numbering() {
        let got = blocks("1. one\n2. **K:** v\n3. three\n");
        let [Block::List(a), Block::Fields(_), Block::List(b)] = &got[..] else {
            panic!("{got:#?}")
        };
        assert_eq!((a.start, b.start), (Some(1), Some(3)));
    }

    #[test]
    fn inline_styles_links_breaks_and_escapes() {
        let got = blocks(
            "*em* **strong** `code` [link](https://a.b) <https://c.d> <e@f.gh>\\\nnext  \nlast \\$2 “quoted” — dash\n",
        );
        let [Block::Paragraph(p)] = &got[..] else {
            panic!("{got:#?}")
        };
        let runs: Vec<_> = p
            .text
            .runs
            .iter()
            .map(|r| {
                (
                    r.text.as_str(),
                    r.style.emphasis,
                    r.style.strong,
                    r.style.code,
                    r.link.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            runs,
            [
                ("em", true, false, false, None),
                (" ", false, false, false, None),
                ("strong", false, true, false, None),
                (" ", false, false, false, None),
                ("code", false, false, true, None),
                (" ", false, false, false, None),
                ("link", false, false, false, Some("https://a.b")),
                (" ", false, false, false, None),
                ("https://c.d", false, false, false, Some("https://c.d")),
                (" ", false, false, false, None),
                ("e@f.gh", false, false, false, Some("mailto:e@f.gh")),
                ("\n", false, false, false, None),
                ("next", false, false, false, None),
                ("\n", false, false, false, None),
                ("last $2 “quoted” — dash", false, false, false, None),
            ]
        );
    }

    #[test]
    fn paragraphs_bullets_rows_and_tab_lines_are_tagged() {
        let got = blocks(
            "Intro. <!-- tags: a -->\n\n- one <!-- tags: b -->\n  - nested <!-- tags: c -->\n- two\n  <!-- tags: d -->\n- **K:** v <!-- tags: e -->\n\n\
             **X:** 1 <!-- tags: f -->\n**Y:** 2\n\nBSc\t2010 <!-- tags: g -->\nMSc\t2012\n",
        );
        // The list item's row and the paragraph's rows are consecutive, so they form one block.
        let [
            Block::Paragraph(p),
            Block::List(list),
            Block::Fields(rows),
            Block::Split(bsc),
            Block::Split(msc),
        ] = &got[..]
        else {
            panic!("{got:#?}")
        };
        assert_eq!(p.tags, ["a"]);
        assert_eq!(list.items[0].tags, ["b"]);
        let [Block::List(inner)] = &list.items[0].children[..] else {
            panic!()
        };
        assert_eq!(inner.items[0].tags, ["c"]);
        assert_eq!(list.items[1].tags, ["d"]);
        assert!(list.items[1].children.is_empty());
        let row_tags: Vec<Vec<String>> = rows.iter().map(|r| r.tags.clone()).collect();
        assert_eq!(
            row_tags,
            [vec!["e".to_string()], vec!["f".to_string()], vec![]]
        );
        assert_eq!(bsc.tags, ["g"]);
        assert!(msc.tags.is_empty());
        assert_eq!(bsc.right.plain(), "2010");
    }

    #[test]
    fn html_is_invisible_and_headings_in_lists_are_text() {
        let got = blocks(
            "<!-- tags: backend -->\n\nKept <!-- hidden --> text <b>bold</b>.\n\n- ## Heading in list\n  - under it\n",
        );
        let [Block::Paragraph(p), Block::List(list)] = &got[..] else {
            panic!("{got:#?}")
        };
        assert_eq!(p.text.plain(), "Kept text bold.");
        let item = &list.items[0];
        assert_eq!(item.text.plain(), "Heading in list");
        assert!(item.text.runs.iter().all(|r| r.style.strong));
        assert!(matches!(&item.children[..], [Block::List(_)]));
    }

    #[test]
    fn bullets_separated_by_blank_lines_are_one_list() {
        let got = blocks("- one\n\n- two\n\n\n- three\n");
        let [Block::List(list)] = &got[..] else {
            panic!("{got:#?}")
        };
        let texts: Vec<String> = list.items.iter().map(|i| i.text.plain()).collect();
        assert_eq!(texts, ["one", "two", "three"]);
        assert!(list.items.iter().all(|i| i.children.is_empty()));
    }

    #[test]
    fn wild_markdown_inline_readings() {
        let got = blocks(
            "Led \\*not emphasis\\* and \\# not a heading --- fast -- 2019--2021 `a--b` \
             [site](https://x.org/a--b) 🚀 ❤\u{fe0f} 👩\u{200d}💻<br/>next\\\nlast  \nend",
        );
        let [Block::Paragraph(p)] = &got[..] else {
            panic!("{got:#?}")
        };
        assert_eq!(
            p.text.plain(),
            "Led *not emphasis* and # not a heading — fast – 2019–2021 a--b site 🚀 ❤\u{fe0f} \
             👩\u{200d}💻\nnext\nlast\nend"
        );
        assert!(
            p.text
                .runs
                .iter()
                .any(|r| r.link.as_deref() == Some("https://x.org/a--b"))
        );
    }

    #[test]
    fn reference_and_shortcut_links() {
        let got = blocks(
            "See [my blog][blog], [GitHub] and [Docs][].\n\n[blog]: https://ada.dev/blog\n\
             [github]: https://github.com/ada\n[docs]: <https://docs.ada.dev> \"Docs\"\n",
        );
        let [Block::Paragraph(p)] = &got[..] else {
            panic!("{got:#?}")
        };
        let links: Vec<(&str, &str)> = p
            .text
            .runs
            .iter()
            .filter_map(|r| Some((r.text.as_str(), r.link.as_deref()?)))
            .collect();
        assert_eq!(
            links,
            [
                ("my blog", "https://ada.dev/blog"),
                ("GitHub", "https://github.com/ada"),
                ("Docs", "https://docs.ada.dev")
            ]
        );
    }

    #[test]
    fn relative_links_resolve_against_base_url_or_lose_their_target() {
        let src = "+++\nbase_url = \"https://ada.dev/cv\"\n+++\n## S\n\n[Talk](talks/rust.pdf) [Home](/)\n";
        let parsed = super::super::testutil::parse_ok(src);
        let Block::Paragraph(p) = &parsed.resume.sections[0].blocks[0] else {
            panic!()
        };
        let links: Vec<&str> = p
            .text
            .runs
            .iter()
            .filter_map(|r| r.link.as_deref())
            .collect();
        assert_eq!(
            links,
            ["https://ada.dev/cv/talks/rust.pdf", "https://ada.dev/"]
        );
        assert_eq!(
            parsed.resume.settings.base_url.as_deref(),
            Some("https://ada.dev/cv/")
        );

        let parsed = super::super::testutil::parse_ok("# A\n\n## S\n\n[Talk](talks/rust.pdf)\n");
        let Block::Paragraph(p) = &parsed.resume.sections[0].blocks[0] else {
            panic!()
        };
        assert_eq!(
            (p.text.plain().as_str(), p.text.runs[0].link.as_deref()),
            ("Talk", None)
        );
        assert_eq!(parsed.warnings.len(), 1);
        assert!(
            parsed.warnings[0]
                .message
                .contains("relative link `talks/rust.pdf`")
        );
    }
}
