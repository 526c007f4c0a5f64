//! The first pass: pulldown-cmark events → a small tree of headings, paragraphs and lists whose
//! inline content is still raw [`Piece`]s, with spans shifted into the whole file.
//!
//! Block quotes are flattened (a résumé has no use for them), code blocks become code-styled
//! paragraphs, HTML blocks lose their comments and tags. The builder keeps an explicit stack,
//! and lists nested deeper than [`MAX_DEPTH`] are flattened into their parent item, so hostile
//! nesting cannot overflow the stack here or in the later recursive passes.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::inline::Piece;
use super::tags;
use crate::{Run, Span, Style, Warning};

/// Deepest list nesting kept as structure; deeper lists are flattened.
const MAX_DEPTH: usize = 16;

/// A block of the source.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// `#` to `######`.
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

/// Reads `body` (which starts at byte `base` of the file) into nodes. Malformed tag comments
/// are reported in `warnings`.
pub(super) fn read(body: &str, base: usize, warnings: &mut Vec<Warning>) -> Vec<Node> {
    let mut b = Builder::default();
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        b.event(event, range.start + base..range.end + base);
    }
    warnings.append(&mut b.warnings);
    b.finish()
}

/// A container being filled.
#[derive(Debug)]
enum Frame {
    List {
        start: Option<u64>,
        items: Vec<Item>,
        span: Span,
    },
    Item {
        nodes: Vec<Node>,
        span: Span,
    },
}

/// Inline content being collected.
#[derive(Debug)]
struct Open {
    heading: Option<u8>,
    pieces: Vec<Piece>,
    span: Span,
}

#[derive(Debug, Default)]
struct Builder {
    root: Vec<Node>,
    stack: Vec<Frame>,
    open: Option<Open>,
    strong: usize,
    emphasis: usize,
    links: Vec<Option<String>>,
    images: usize,
    /// Text of an open code block or HTML block, and its span.
    verbatim: Option<(String, Span, bool)>,
    /// Lists below [`MAX_DEPTH`] currently open.
    skipped: usize,
    /// Problems with tag comments.
    warnings: Vec<Warning>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((buf, _, _)) = &mut self.verbatim {
                    buf.push_str(&text);
                } else if self.images == 0 {
                    self.push_run(text.to_string(), false, span);
                }
            }
            Event::Code(text) => self.push_run(text.to_string(), true, span),
            Event::Html(html) => {
                if let Some((buf, _, _)) = &mut self.verbatim {
                    buf.push_str(&html);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                let hard = matches!(event, Event::HardBreak);
                let piece = Piece::Break {
                    hard,
                    style: self.style(false),
                    link: self.link(),
                    span: span.clone(),
                };
                self.push_piece(piece, span);
            }
            Event::Rule => self.flush(),
            // A tags comment is kept as an invisible piece; other inline HTML is dropped:
            // comments vanish, other tags lose their markup while the text between them
            // arrives as ordinary text events.
            Event::InlineHtml(html) if self.verbatim.is_none() => {
                if let Some(names) = tags::read(&html, &span, &mut self.warnings) {
                    let piece = Piece::Tags {
                        names,
                        span: span.clone(),
                    };
                    self.push_piece(piece, span);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        match tag {
            Tag::Paragraph => self.open_inline(None, span),
            Tag::Heading { level, .. } => self.open_inline(Some(level_number(level)), span),
            Tag::List(start) => {
                self.flush();
                if self.stack.len() >= 2 * MAX_DEPTH || self.skipped > 0 {
                    self.skipped += 1;
                } else {
                    self.stack.push(Frame::List {
                        start,
                        items: Vec::new(),
                        span,
                    });
                }
            }
            Tag::Item => {
                self.flush();
                if self.skipped == 0 {
                    self.stack.push(Frame::Item {
                        nodes: Vec::new(),
                        span,
                    });
                }
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.verbatim = Some((String::new(), span, true));
            }
            Tag::HtmlBlock => {
                self.flush();
                self.verbatim = Some((String::new(), span, false));
            }
            Tag::Strong => self.strong += 1,
            Tag::Emphasis => self.emphasis += 1,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let url = match link_type {
                    LinkType::Email if !dest_url.starts_with("mailto:") => {
                        format!("mailto:{dest_url}")
                    }
                    _ => dest_url.to_string(),
                };
                self.links.push(Some(url));
            }
            Tag::Image { .. } => self.images += 1,
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                if self.skipped > 0 {
                    self.skipped -= 1;
                } else if let Some(Frame::List { start, items, span }) = self.stack.pop() {
                    self.push_node(Node::List { start, items, span });
                }
            }
            TagEnd::Item => {
                self.flush();
                if self.skipped == 0
                    && let Some(Frame::Item { nodes, span }) = self.stack.pop()
                {
                    match self.stack.last_mut() {
                        Some(Frame::List { items, .. }) => items.push(Item { nodes, span }),
                        _ => self.root.extend(nodes),
                    }
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                if let Some((buf, span, code)) = self.verbatim.take() {
                    if !code && let Some(names) = tags::read(&buf, &span, &mut self.warnings) {
                        self.push_node(Node::Tags { names, span });
                        return;
                    }
                    let pieces = if code {
                        code_pieces(&buf, &span)
                    } else {
                        html_pieces(&buf, &span)
                    };
                    if !pieces.is_empty() {
                        self.push_node(Node::Para { pieces, span });
                    }
                }
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            _ => self.flush(),
        }
    }

    fn style(&self, code: bool) -> Style {
        Style {
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            code,
        }
    }

    fn link(&self) -> Option<String> {
        self.links.last().cloned().flatten()
    }

    fn push_run(&mut self, text: String, code: bool, span: Span) {
        let run = Run {
            text,
            style: self.style(code),
            link: self.link(),
            span: span.clone(),
        };
        self.push_piece(Piece::Run(run), span);
    }

    /// Adds inline content, opening an implicit paragraph for tight list items.
    fn push_piece(&mut self, piece: Piece, span: Span) {
        let open = self.open.get_or_insert_with(|| Open {
            heading: None,
            pieces: Vec::new(),
            span: span.clone(),
        });
        open.span.end = open.span.end.max(span.end);
        open.pieces.push(piece);
    }

    fn open_inline(&mut self, heading: Option<u8>, span: Span) {
        self.flush();
        self.open = Some(Open {
            heading,
            pieces: Vec::new(),
            span,
        });
    }

    /// Closes the open paragraph or heading, if any.
    fn flush(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let node = match open.heading {
            Some(level) => Node::Heading {
                level,
                pieces: open.pieces,
                span: open.span,
            },
            None if open.pieces.is_empty() => return,
            None => Node::Para {
                pieces: open.pieces,
                span: open.span,
            },
        };
        self.push_node(node);
    }

    fn push_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Item { nodes, .. }) => nodes.push(node),
            Some(Frame::List { items, .. }) => match items.last_mut() {
                Some(item) => item.nodes.push(node),
                None => self.root.push(node),
            },
            None => self.root.push(node),
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.flush();
        while !self.stack.is_empty() {
            self.end(match self.stack.last() {
                Some(Frame::Item { .. }) => TagEnd::Item,
                _ => TagEnd::List(false),
            });
        }
        self.root
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A code block as code-styled lines joined by hard breaks.
fn code_pieces(code: &str, span: &Span) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (i, line) in code.lines().enumerate() {
        if i > 0 {
            pieces.push(Piece::Break {
                hard: true,
                style: Style::default(),
                link: None,
                span: span.clone(),
            });
        }
        pieces.push(Piece::Run(Run {
            text: line.to_string(),
            style: Style {
                code: true,
                ..Style::default()
            },
            link: None,
            span: span.clone(),
        }));
    }
    pieces
}

/// The visible text of an HTML block: comments and tags removed. Empty for a lone comment.
fn html_pieces(html: &str, span: &Span) -> Vec<Piece> {
    let mut text = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            text.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Vec::new();
    }
    vec![Piece::Run(Run {
        text,
        style: Style::default(),
        link: None,
        span: span.clone(),
    })]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str, base: usize) -> Vec<Node> {
        super::read(body, base, &mut Vec::new())
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
}
