//! The first pass: pulldown-cmark events → a small tree of headings, paragraphs, lists, tables
//! and page breaks whose inline content is still raw [`Piece`]s, with spans shifted into the
//! whole file.
//!
//! GFM tables are on (pulldown-cmark's `ENABLE_TABLES`). Block quotes are flattened (a résumé
//! has no use for them), code blocks are kept line for line ([`Node::Code`]). Raw HTML is read by
//! [`raw_html`]: text-level tags keep their text, `<h1>`–`<h6>`, `<p>` and `<div>` blocks read as
//! the Markdown they stand for, other HTML blocks are reported and left out, hidden text is
//! recorded and left out. Template syntax is removed here too ([`super::templates`]), and
//! `\newpage` on a line of its own is a page break.
//!
//! The builder keeps an explicit stack, and lists nested deeper than [`MAX_DEPTH`] are
//! flattened into their parent item, so hostile nesting cannot overflow the stack here or in
//! the later recursive passes.

mod builder;
mod parse_markers;
mod raw_html;

use pulldown_cmark::{CowStr, Event, Options, Parser};

use super::inline::Piece;
use crate::{Diagnostic, Span};
use builder::Builder;

/// Deepest list nesting kept as structure; deeper lists are flattened.
const MAX_DEPTH: usize = 16;

/// A table cell's inline content.
pub(super) type Cell = Vec<Piece>;

/// A block of the source.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// `#` to `######` (or setext `===`/`---` underlines, or `<h1>`–`<h6>`).
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading's inline content.
        pieces: Vec<Piece>,
        /// The whole heading line.
        span: Span,
    },
    /// A paragraph (also the implicit paragraph of a tight list item).
    Para {
        /// The inline content.
        pieces: Vec<Piece>,
        /// Where it was read from.
        span: Span,
    },
    /// A list.
    List {
        /// The first number of an ordered list.
        start: Option<u64>,
        /// The items.
        items: Vec<Item>,
        /// Where it was read from.
        span: Span,
    },
    /// A GFM table.
    Table {
        /// The header row (GFM always has one; it may be blank).
        head: Vec<Cell>,
        /// The body rows, each as wide as the header.
        rows: Vec<Vec<Cell>>,
        /// Where it was read from.
        span: Span,
    },
    /// A code block, its lines as written (see [`crate::CodeBlock`]).
    Code {
        /// The lines.
        text: crate::Text,
        /// The fence's info string.
        info: Option<String>,
        /// Where it was read from.
        span: Span,
    },
    /// A page-break hint (`\newpage`, `<div class="pagebreak">` …).
    PageBreak {
        /// Where the hint was read from.
        span: Span,
    },
    /// A `<!-- tags: … -->` comment on a line of its own (an HTML block of just that comment).
    Tags {
        /// The tag names, normalised.
        names: Vec<String>,
        /// Where the comment was read from.
        span: Span,
    },
}

impl Node {
    /// Where the node was read from.
    pub(super) fn span(&self) -> Span {
        match self {
            Node::Heading { span, .. }
            | Node::Para { span, .. }
            | Node::List { span, .. }
            | Node::Table { span, .. }
            | Node::Code { span, .. }
            | Node::PageBreak { span }
            | Node::Tags { span, .. } => span.clone(),
        }
    }
}

/// A list item: the blocks inside it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    /// Its blocks; usually a paragraph, then nested lists.
    pub nodes: Vec<Node>,
    /// Where it was read from.
    pub span: Span,
}

/// What the first pass found.
#[derive(Debug, Default)]
pub(super) struct Read {
    /// The blocks in source order.
    pub nodes: Vec<Node>,
    /// Spans of hidden text (also reported in the warnings).
    pub hidden: Vec<Span>,
}

/// Reads `body` (which starts at byte `base` of the file) into nodes. Relative links resolve
/// against `base_url` (normalised, ending in `/`). Problems go to `warnings`.
pub(super) fn read(
    body: &str,
    base: usize,
    base_url: Option<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Read {
    let mut b = Builder::new(body, base, base_url);
    let options = Options::ENABLE_TABLES | Options::ENABLE_DEFINITION_LIST;
    let Some(prepared) = parse_markers::prepare(body) else {
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            b.event(event, range.start + base..range.end + base);
        }
        return b.finish(warnings);
    };
    for (event, range) in Parser::new_ext(&prepared.text, options).into_offset_iter() {
        let span = prepared.original(range.start) + base..prepared.original(range.end) + base;
        b.event(without_markers(event), span);
    }
    b.finish(warnings)
}

/// `event` with the markers of [`parse_markers`] taken out of its text.
fn without_markers(event: Event<'_>) -> Event<'_> {
    fn strip(text: CowStr<'_>) -> CowStr<'_> {
        if text.contains(parse_markers::MARKER) {
            text.replace(parse_markers::MARKER, "").into()
        } else {
            text
        }
    }
    match event {
        Event::Text(t) => Event::Text(strip(t)),
        Event::Code(t) => Event::Code(strip(t)),
        Event::Html(t) => Event::Html(strip(t)),
        Event::InlineHtml(t) => Event::InlineHtml(strip(t)),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str, base: usize) -> Vec<Node> {
        super::read(body, base, None, &mut Vec::new()).nodes
    }

    fn read_all(body: &str) -> (Read, Vec<Diagnostic>) {
        let mut warnings = Vec::new();
        let read = super::read(body, 0, None, &mut warnings);
        (read, warnings)
    }

    fn para_text(node: &Node) -> String {
        match node {
            Node::Para { pieces, .. } => super::super::inline::text(pieces).plain(),
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn html_comments_are_invisible() {
        let nodes = read("<!-- a\nblock -->\n\na <!-- x\ny --> b <span>c</span>\n", 0);
        assert_eq!(nodes.len(), 1);
        assert_eq!(para_text(&nodes[0]), "a b c");
    }

    #[test]
    fn tag_comments_are_pieces_or_nodes() {
        let nodes = read(
            "## A <!-- tags: x -->\n<!-- tags: y -->\n\np <!-- tags: z -->\n",
            0,
        );
        let [
            Node::Heading { pieces, .. },
            Node::Tags { names, span },
            Node::Para { pieces: para, .. },
        ] = &nodes[..]
        else {
            panic!("{nodes:#?}")
        };
        assert_eq!(super::super::inline::tags(pieces), ["x"]);
        assert_eq!((names.as_slice(), span.start), (&["y".to_string()][..], 22));
        assert_eq!(super::super::inline::tags(para), ["z"]);
        assert_eq!(para_text(&nodes[2]), "p");
    }

    #[test]
    fn spans_are_shifted_by_base() {
        let nodes = read("## Hi\n", 10);
        let Node::Heading { level, span, .. } = &nodes[0] else {
            panic!()
        };
        assert_eq!((*level, span.start), (2, 10));
    }

    #[test]
    fn tight_items_get_an_implicit_paragraph_and_nest() {
        let nodes = read("- a\n  more\n  - b\n", 0);
        let Node::List { items, .. } = &nodes[0] else {
            panic!()
        };
        assert_eq!(para_text(&items[0].nodes[0]), "a more");
        assert!(matches!(items[0].nodes[1], Node::List { .. }));
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        let src: String = (0..500)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        let nodes = read(&src, 0);
        assert_eq!(nodes.len(), 1);
        let quotes = ">".repeat(5000) + " deep";
        assert_eq!(para_text(&read(&quotes, 0)[0]), "deep");
    }

    #[test]
    fn setext_headings_are_headings() {
        let nodes = read("Ada Lovelace\n============\n\nExperience\n----------\n", 0);
        let levels: Vec<u8> = nodes
            .iter()
            .map(|n| match n {
                Node::Heading { level, .. } => *level,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(levels, [1, 2]);
    }

    #[test]
    fn gfm_tables_keep_cells() {
        let nodes = read("| A | B |\n|---|---|\n| 1 | **2** |\n| 3 |\n", 0);
        let [Node::Table { head, rows, .. }] = &nodes[..] else {
            panic!("{nodes:#?}")
        };
        let cell = |c: &Cell| super::super::inline::text(c).plain();
        assert_eq!(head.iter().map(cell).collect::<Vec<_>>(), ["A", "B"]);
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(cell).collect()).collect();
        assert_eq!(rows, [vec!["1", "2"], vec!["3", ""]]);
    }

    #[test]
    fn code_blocks_keep_their_lines_spaces_and_places() {
        let body = "Intro\n\n```yaml\n\ndeploy:\n  strategy:   blue-green\n\n\tdone  \n```\n\n    indented  code\n";
        let nodes = read(body, 100);
        let [
            _,
            Node::Code { text, info, .. },
            Node::Code {
                text: indented,
                info: none,
                ..
            },
        ] = &nodes[..]
        else {
            panic!("{nodes:#?}")
        };
        assert_eq!(info.as_deref(), Some("yaml"));
        assert_eq!(*none, None);
        let runs: Vec<&str> = text.runs.iter().map(|r| r.text.as_str()).collect();
        // Blank lines at either end and trailing spaces go; inner ones and tabs stay.
        assert_eq!(
            runs,
            [
                "deploy:",
                "\n",
                "  strategy:   blue-green",
                "\n",
                "\n",
                "\tdone"
            ]
        );
        assert!(
            text.runs
                .iter()
                .filter(|r| r.text != "\n")
                .all(|r| r.style.code)
        );
        // Each line points at its own place in the file.
        for run in text.runs.iter().filter(|r| r.text != "\n") {
            let at = run.span.start - 100..run.span.end - 100;
            assert_eq!(&body[at], run.text, "{run:?}");
        }
        assert_eq!(indented.plain(), "indented  code");
    }

    #[test]
    fn newpage_lines_are_page_breaks() {
        let nodes = read("Before\n\\newpage\nAfter\n\n\\pagebreak\n", 0);
        let kinds: Vec<&str> = nodes
            .iter()
            .map(|n| match n {
                Node::Para { .. } => "para",
                Node::PageBreak { .. } => "break",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["para", "break", "para", "break"]);
        assert_eq!(para_text(&nodes[2]), "After");
    }

    #[test]
    fn inline_html_keeps_text_and_style() {
        let src = "<b>Bold</b> <i>it</i> <u>under</u> x<sup>2</sup> <a href=\"https://a.b\">link</a> \
             <code>c</code><br>next <i class=\"fa fa-github\"></i>gh <i class=\"fa fa-unicorn\"></i>\n";
        let (read, warnings) = read_all(src);
        let Node::Para { pieces, .. } = &read.nodes[0] else {
            panic!()
        };
        let text = super::super::inline::text(pieces);
        // A Font Awesome icon Vita has is its icon character; one it lacks is left out.
        assert_eq!(
            text.plain().trim_end(),
            "Bold it under x2 link c\nnext \u{f09b}gh"
        );
        let bold = &text.runs[0];
        assert!(bold.style.strong && bold.text == "Bold");
        assert!(text.runs.iter().any(|r| r.style.emphasis && r.text == "it"));
        assert!(
            text.runs
                .iter()
                .any(|r| r.link.as_deref() == Some("https://a.b"))
        );
        assert!(text.runs.iter().any(|r| r.style.code && r.text == "c"));
        assert_eq!(
            crate::markdown::testutil::placed(src, &warnings),
            [("V0123", "<i class=\"fa fa-unicorn\">")]
        );
    }

    #[test]
    fn underlined_text_is_kept_in_every_form() {
        let src = "<u>Start</u> of a line.\n\n<u>Alone</u>\n\n<u>\nBlock\n</u>\n\n### <u>Heading</u>\n\n\
                   <p align=\"center\"><U>upper</U></p>\n\n- <u>item</u>\n\n| <u>cell</u> | x |\n|---|---|\n";
        let (read, warnings) = read_all(src);
        let mut texts = Vec::new();
        for node in &read.nodes {
            match node {
                Node::Para { pieces, .. } | Node::Heading { pieces, .. } => {
                    texts.push(super::super::inline::text(pieces).plain());
                }
                Node::List { items, .. } => texts.push(para_text(&items[0].nodes[0])),
                Node::Table { head, .. } => {
                    texts.push(super::super::inline::text(&head[0]).plain());
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            texts,
            [
                "Start of a line.",
                "Alone",
                "Block",
                "Heading",
                "upper",
                "item",
                "cell"
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn hidden_text_is_recorded_and_left_out() {
        let src = "Visible <span style=\"color:#ffffff\">kubernetes aws</span> end.\n\n\
                   <div style=\"display:none\">\n\nsecret keywords\n\n</div>\n\nShown <b hidden>zz</b>.\n";
        let (read, warnings) = read_all(src);
        let texts: Vec<String> = read.nodes.iter().map(para_text).collect();
        assert_eq!(texts, ["Visible end.", "Shown."]);
        let hidden: Vec<&str> = read.hidden.iter().map(|s| &src[s.clone()]).collect();
        assert_eq!(hidden, ["kubernetes aws", "secret keywords", "zz"]);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].code == crate::Code::HiddenText);
    }

    #[test]
    fn html_blocks_read_as_markdown_or_are_reported() {
        let src = "<h1 align=\"center\">Ada Lovelace</h1>\n<p align=\"center\">ada@example.com &middot; \
                   <a href=\"https://ada.dev\">ada.dev</a></p>\n\n<table><tr><td>Lost</td></tr></table>\n\n\
                   <style>p { color: red }</style>\n\n<div class=\"pagebreak\"></div>\n";
        let (read, warnings) = read_all(src);
        let [
            Node::Heading { level: 1, .. },
            Node::Para { .. },
            Node::PageBreak { .. },
        ] = &read.nodes[..]
        else {
            panic!("{:#?}", read.nodes)
        };
        assert_eq!(para_text(&read.nodes[1]), "ada@example.com · ada.dev");
        assert_eq!(
            crate::markdown::testutil::placed(src, &warnings),
            [
                // A table is reported at its start.
                ("V0123", ""),
                ("V0123", "<style>"),
            ]
        );
        assert_eq!(
            crate::line_col(src, warnings[0].range().unwrap().start).0,
            4
        );
    }

    #[test]
    fn images_become_pieces() {
        let nodes = read("![Me](me.jpg) <img src=\"icon.png\" width=\"16\">\n", 0);
        let Node::Para { pieces, .. } = &nodes[0] else {
            panic!()
        };
        let images: Vec<(&str, &str, bool)> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Image(i) => Some((i.url.as_str(), i.alt.as_str(), i.icon)),
                _ => None,
            })
            .collect();
        assert_eq!(images, [("me.jpg", "Me", false), ("icon.png", "", true)]);
    }
}
