//! The node builder: pulldown-cmark's Markdown events (paragraphs, headings, lists, tables,
//! code, links, images) into [`Node`]s. Raw HTML events go to the methods in [`super::html`].

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::super::inline::{Image, Piece};
use super::super::{dashes, links, shortcodes, tags, templates};
use super::raw_html::OpenElement;
use super::{Cell, Item, MAX_DEPTH, Node, Read};
use crate::{Code, Diagnostic, Run, Span, Style, Text};

/// Commands on a line of their own that LaTeX-minded authors use for a new page.
const NEWPAGE: [&str; 4] = ["\\newpage", "\\pagebreak", "\\clearpage", "\\newpage{}"];

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
    Table {
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        row: Vec<Cell>,
        span: Span,
    },
}

/// Inline content being collected.
#[derive(Debug)]
pub(super) struct Open {
    /// The heading level, or `None` for a paragraph (or a table cell).
    pub heading: Option<u8>,
    /// The content so far.
    pub pieces: Vec<Piece>,
    /// Where it was read from so far.
    pub span: Span,
}

/// An image whose alternative text is being read.
#[derive(Debug)]
struct OpenImage {
    url: String,
    alt: String,
    span: Span,
}

/// Hidden text being gathered until its element or paragraph ends.
#[derive(Debug)]
pub(super) struct Hiding {
    /// The hidden text, trimmed pieces joined by spaces.
    pub text: String,
    /// Where it was read from.
    pub span: Span,
    /// Why it is hidden ("white text", "`display: none`").
    pub reason: String,
}

/// A code block being read.
#[derive(Debug)]
struct OpenCode {
    /// The fence's info string.
    info: Option<String>,
    /// Its text events, each with where it was read from.
    parts: Vec<(String, Span)>,
    /// The whole block.
    span: Span,
}

/// Builds nodes from events.
#[derive(Debug)]
pub(in super::super) struct Builder<'a> {
    /// The Markdown body.
    pub body: &'a str,
    /// The file offset the body starts at.
    pub base: usize,
    /// `base_url`, normalised.
    pub base_url: Option<&'a str>,
    root: Vec<Node>,
    stack: Vec<Frame>,
    /// The paragraph, heading or cell being filled.
    pub open: Option<Open>,
    strong: usize,
    emphasis: usize,
    links: Vec<Option<String>>,
    image: Option<OpenImage>,
    images: usize,
    /// Text of an open HTML block and its span.
    verbatim: Option<(String, Span)>,
    /// The open code block.
    code: Option<OpenCode>,
    /// Lists below [`MAX_DEPTH`] currently open.
    skipped: usize,
    /// HTML elements open around the current position.
    pub elements: Vec<OpenElement>,
    /// Hidden text being gathered.
    pub hiding: Option<Hiding>,
    /// Spans of hidden text found so far.
    pub hidden: Vec<Span>,
    /// True right after hidden text was left out: a space left before punctuation that
    /// follows it goes too ("program <span hidden>…</span>." reads "program.").
    after_hidden: bool,
    /// Problems found.
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    /// A builder for `body`, which starts at byte `base` of the file.
    pub fn new(body: &'a str, base: usize, base_url: Option<&'a str>) -> Self {
        Builder {
            body,
            base,
            base_url,
            root: Vec::new(),
            stack: Vec::new(),
            open: None,
            strong: 0,
            emphasis: 0,
            links: Vec::new(),
            image: None,
            images: 0,
            verbatim: None,
            code: None,
            skipped: 0,
            elements: Vec::new(),
            hiding: None,
            hidden: Vec::new(),
            after_hidden: false,
            warnings: Vec::new(),
        }
    }

    /// The source text of a file span, if it lies in the body.
    pub fn slice(&self, span: &Span) -> Option<&'a str> {
        let start = span.start.checked_sub(self.base)?;
        let end = span.end.checked_sub(self.base)?;
        self.body.get(start..end)
    }

    /// Handles one event.
    pub fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = &mut self.code {
                    code.parts.push((text.to_string(), span));
                } else if let Some((buf, _)) = &mut self.verbatim {
                    buf.push_str(&text);
                } else if let Some(image) = &mut self.image {
                    image.alt.push_str(&text);
                } else if self.images == 0 {
                    self.text(&text, false, span);
                }
            }
            Event::Code(text) => match &mut self.image {
                Some(image) => image.alt.push_str(&text),
                None if self.images == 0 => self.text(&text, true, span),
                None => {}
            },
            Event::Html(html) => {
                if let Some((buf, _)) = &mut self.verbatim {
                    buf.push_str(&html);
                }
            }
            Event::SoftBreak | Event::HardBreak if self.images == 0 => {
                self.line_break(matches!(event, Event::HardBreak), span);
            }
            Event::Rule => self.flush(),
            Event::InlineHtml(html) if self.verbatim.is_none() && self.code.is_none() => {
                self.inline_html(&html, span)
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
            Tag::Table(_) => {
                self.flush();
                self.stack.push(Frame::Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    span,
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                    row.clear();
                }
            }
            Tag::TableCell => self.open_inline(None, span),
            // A definition list (`Term` then `: definition`, as Pandoc and PHP Markdown Extra
            // write it) reads like `**Term:** definition` rows: the term opens a paragraph in
            // bold, and a definition without paragraphs of its own continues it.
            Tag::DefinitionListTitle => {
                self.open_inline(None, span);
                self.strong += 1;
            }
            Tag::DefinitionListDefinition => {
                if self.open.is_none() {
                    self.open_inline(None, span);
                }
            }
            Tag::DefinitionList => self.flush(),
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => {
                        Some(info.trim().to_string()).filter(|i| !i.is_empty())
                    }
                    CodeBlockKind::Indented => None,
                };
                self.code = Some(OpenCode {
                    info,
                    parts: Vec::new(),
                    span,
                });
            }
            Tag::HtmlBlock => {
                self.flush();
                self.verbatim = Some((String::new(), span));
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
                        Some(format!("mailto:{dest_url}"))
                    }
                    LinkType::Email | LinkType::Autolink => Some(dest_url.to_string()),
                    _ => self.resolve_link(&dest_url, &span),
                };
                self.links.push(url);
            }
            Tag::Image { dest_url, .. } => {
                if self.images == 0 {
                    self.image = Some(OpenImage {
                        url: dest_url.to_string(),
                        alt: String::new(),
                        span,
                    });
                }
                self.images += 1;
            }
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::DefinitionListTitle => {
                let at = span_end(&self.open);
                self.text(":", false, at.clone());
                self.strong = self.strong.saturating_sub(1);
                self.text(" ", false, at);
            }
            TagEnd::DefinitionListDefinition | TagEnd::DefinitionList => self.flush(),
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
            TagEnd::TableCell => {
                let pieces = self.take_open().map(|open| open.pieces).unwrap_or_default();
                if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                    row.push(pieces);
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { head, row, .. }) = self.stack.last_mut() {
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                self.flush();
                if let Some(Frame::Table {
                    head, rows, span, ..
                }) = self.stack.pop()
                {
                    self.push_node(Node::Table { head, rows, span });
                }
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    let text = code_text(self.body, self.base, &code.parts, &code.span);
                    if !text.is_empty() {
                        self.push_node(Node::Code {
                            text,
                            info: code.info,
                            span: code.span,
                        });
                    }
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((buf, span)) = self.verbatim.take() {
                    if let Some(names) = tags::read(&buf, &span, &mut self.warnings) {
                        self.push_node(Node::Tags { names, span });
                    } else {
                        self.html_block(&buf, span);
                    }
                }
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => {
                self.images = self.images.saturating_sub(1);
                if self.images == 0
                    && let Some(image) = self.image.take()
                {
                    self.image(image.url, image.alt, false, image.span);
                }
            }
            _ => self.flush(),
        }
    }

    /// The target of a Markdown or HTML link, with a warning when a relative one cannot be
    /// resolved.
    pub fn resolve_link(&mut self, url: &str, span: &Span) -> Option<String> {
        match links::target(url, self.base_url) {
            links::Target::Link(url) => Some(url),
            links::Target::None => None,
            links::Target::Unresolved => {
                self.warnings.push(Diagnostic::warning(Code::RelativeLink, format!(
                        "relative link `{url}` has no `base_url` to resolve against; its text is kept without a link"
                    )).at(span.clone()).with_hint("add `base_url = \"https://your.site/\"` to the front matter, or write the full address"
                            ));
                None
            }
        }
    }

    /// The style at the current position: Markdown emphasis and HTML elements together.
    pub fn style(&self, code: bool) -> Style {
        let html = |f: fn(&OpenElement) -> bool| self.elements.iter().any(f);
        Style {
            strong: self.strong > 0 || html(|e| e.styling.strong),
            emphasis: self.emphasis > 0 || html(|e| e.styling.emphasis),
            code: code || html(|e| e.styling.code),
        }
    }

    /// The link at the current position.
    pub fn link(&self) -> Option<String> {
        match self.links.last() {
            Some(link) => link.clone(),
            None => self.elements.iter().rev().find_map(|e| e.link.clone()),
        }
    }

    /// Text from the Markdown (or from HTML, already decoded): hidden text is recorded, dropped
    /// text skipped, the rest pushed as a run with typed dashes made typographic.
    pub fn text(&mut self, text: &str, code: bool, span: Span) {
        if self.elements.iter().any(|e| e.dropped) {
            return;
        }
        if let Some(reason) = self.elements.iter().rev().find_map(|e| e.hidden.clone()) {
            self.hide(text, span, reason);
            return;
        }
        for element in &mut self.elements {
            element.had_text |= !text.trim().is_empty();
        }
        if std::mem::take(&mut self.after_hidden)
            && text.starts_with(['.', ',', ';', ':', '!', '?', ')'])
            && let Some(Open { pieces, .. }) = &mut self.open
            && let Some(Piece::Run(last)) = pieces.last_mut()
        {
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
        }
        let text = if code {
            text.to_string()
        } else {
            shortcodes::replace(&dashes::typographic(text)).into_owned()
        };
        let run = Run {
            text,
            style: self.style(code),
            link: self.link(),
            span: span.clone(),
        };
        self.push_piece(Piece::Run(run), span);
    }

    /// A soft or hard line break, unless inside hidden or dropped HTML.
    pub fn line_break(&mut self, hard: bool, span: Span) {
        if self
            .elements
            .iter()
            .any(|e| e.dropped || e.hidden.is_some())
        {
            return;
        }
        let piece = Piece::Break {
            hard,
            style: self.style(false),
            link: self.link(),
            span: span.clone(),
        };
        self.push_piece(piece, span);
    }

    /// A line break before an item of inline HTML, unless the line is still empty.
    pub fn item_break(&mut self, span: Span) {
        let started = self.open.as_ref().is_some_and(|open| {
            open.pieces
                .last()
                .is_some_and(|p| !matches!(p, Piece::Break { .. }))
        });
        if started {
            self.line_break(true, span);
        }
    }

    /// An image, unless inside hidden or dropped HTML.
    pub fn image(&mut self, url: String, alt: String, icon: bool, span: Span) {
        if self
            .elements
            .iter()
            .any(|e| e.dropped || e.hidden.is_some())
        {
            return;
        }
        let image = Image {
            url,
            alt,
            icon,
            span: span.clone(),
        };
        self.push_piece(Piece::Image(image), span);
    }

    /// Records hidden text under the current hidden element.
    fn hide(&mut self, text: &str, span: Span, reason: String) {
        if text.trim().is_empty() {
            return;
        }
        self.after_hidden = true;
        match &mut self.hiding {
            Some(h) => {
                h.text.push(' ');
                h.text.push_str(text.trim());
                h.span.start = h.span.start.min(span.start);
                h.span.end = h.span.end.max(span.end);
            }
            None => {
                self.hiding = Some(Hiding {
                    text: text.trim().to_string(),
                    span,
                    reason,
                })
            }
        }
    }

    /// Reports the hidden text gathered so far.
    pub fn end_hiding(&mut self) {
        let Some(h) = self.hiding.take() else {
            return;
        };
        self.warnings.push(
            Diagnostic::warning(
                Code::HiddenText,
                format!(
                    "hidden text is left out ({}): `{}`",
                    h.reason,
                    super::super::html_tags::shorten(&h.text, 60)
                ),
            )
            .at(h.span.clone())
            .with_hint(
                "text that a reader cannot see but a machine reads is keyword stuffing to an \
                 applicant tracking system; delete it or make it visible",
            ),
        );
        self.hidden.push(h.span);
    }

    /// Adds inline content, opening an implicit paragraph for tight list items.
    pub fn push_piece(&mut self, piece: Piece, span: Span) {
        let open = self.open.get_or_insert_with(|| Open {
            heading: None,
            pieces: Vec::new(),
            span: span.clone(),
        });
        open.span.start = open.span.start.min(span.start);
        open.span.end = open.span.end.max(span.end);
        open.pieces.push(piece);
    }

    /// Starts a paragraph (`heading` `None`) or heading.
    pub fn open_inline(&mut self, heading: Option<u8>, span: Span) {
        self.flush();
        self.open = Some(Open {
            heading,
            pieces: Vec::new(),
            span,
        });
    }

    /// Ends inline content: reports hidden text, closes HTML elements opened inside it, and
    /// returns what was collected with template syntax removed.
    fn take_open(&mut self) -> Option<Open> {
        self.end_hiding();
        let (kept, closed): (Vec<_>, Vec<_>) = std::mem::take(&mut self.elements)
            .into_iter()
            .partition(|e| e.persists);
        self.elements = kept;
        for element in closed {
            self.closed(element);
        }
        let mut open = self.open.take()?;
        let body = self.body;
        let base = self.base;
        let verbatim = |run: &Run| {
            run.span.len() == run.text.len()
                && run
                    .span
                    .start
                    .checked_sub(base)
                    .and_then(|s| body.get(s..s + run.text.len()))
                    == Some(run.text.as_str())
        };
        open.pieces = templates::strip(
            std::mem::take(&mut open.pieces),
            &verbatim,
            &mut self.warnings,
        );
        Some(open)
    }

    /// Closes the open paragraph or heading, if any.
    pub fn flush(&mut self) {
        let Some(open) = self.take_open() else {
            return;
        };
        match open.heading {
            Some(level) => self.push_node(Node::Heading {
                level,
                pieces: open.pieces,
                span: open.span,
            }),
            None => {
                for node in split_at_newpage(open.pieces, open.span) {
                    self.push_node(node);
                }
            }
        }
    }

    /// Adds a finished block to the innermost container.
    pub fn push_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Item { nodes, .. }) => nodes.push(node),
            Some(Frame::List { items, .. }) => match items.last_mut() {
                Some(item) => item.nodes.push(node),
                None => self.root.push(node),
            },
            // Cells hold inline content only; nothing else can arrive inside a table.
            Some(Frame::Table { .. }) => {}
            None => self.root.push(node),
        }
    }

    /// Ends the document: closes what is open and hands over the nodes and findings.
    pub fn finish(mut self, warnings: &mut Vec<Diagnostic>) -> Read {
        self.flush();
        while let Some(frame) = self.stack.last() {
            let end = match frame {
                Frame::Item { .. } => TagEnd::Item,
                Frame::List { .. } => TagEnd::List(false),
                Frame::Table { .. } => TagEnd::Table,
            };
            self.end(end);
        }
        for element in std::mem::take(&mut self.elements) {
            self.closed(element);
        }
        self.end_hiding();
        warnings.append(&mut self.warnings);
        Read {
            nodes: self.root,
            hidden: self.hidden,
        }
    }
}

/// A paragraph's pieces as paragraphs and page breaks: a line that is only `\newpage` (or
/// `\pagebreak`, `\clearpage`) is a page break. A paragraph with nothing visible in it (only
/// breaks and spaces) gives no node.
fn split_at_newpage(pieces: Vec<Piece>, span: Span) -> Vec<Node> {
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        let is_break = matches!(piece, Piece::Break { .. });
        if let Some(line) = lines.last_mut() {
            line.push(piece);
        }
        // The break belongs to the line it ends; a page-break line takes it along.
        if is_break {
            lines.push(Vec::new());
        }
    }
    if !lines.iter().any(|line| is_newpage(line)) {
        let pieces: Vec<Piece> = lines.into_iter().flatten().collect();
        return if has_content(&pieces) {
            vec![Node::Para { pieces, span }]
        } else {
            Vec::new()
        };
    }
    let mut out = Vec::new();
    let mut para: Vec<Piece> = Vec::new();
    for line in lines {
        if is_newpage(&line) {
            push_part(std::mem::take(&mut para), &mut out);
            let at = line
                .iter()
                .find_map(piece_span)
                .unwrap_or_else(|| span.clone());
            out.push(Node::PageBreak { span: at });
        } else {
            para.extend(line);
        }
    }
    push_part(para, &mut out);
    out
}

/// True for a line that says `\newpage` and nothing else.
fn is_newpage(line: &[Piece]) -> bool {
    let plain: String = line
        .iter()
        .map(|p| match p {
            Piece::Run(run) if !run.style.code => run.text.as_str(),
            Piece::Run(_) | Piece::Tags { .. } | Piece::Image(_) => "\u{1}",
            Piece::Break { .. } => "",
        })
        .collect();
    NEWPAGE.contains(&plain.trim())
}

/// True when some piece shows something or tags something.
fn has_content(pieces: &[Piece]) -> bool {
    pieces.iter().any(|p| match p {
        Piece::Run(run) => !run.text.trim().is_empty(),
        Piece::Break { .. } => false,
        Piece::Tags { .. } | Piece::Image(_) => true,
    })
}

/// Adds part of a split paragraph, spanning its own pieces.
fn push_part(pieces: Vec<Piece>, out: &mut Vec<Node>) {
    if !has_content(&pieces) {
        return;
    }
    let first = pieces.iter().find_map(piece_span);
    let last = pieces.iter().rev().find_map(piece_span);
    if let (Some(first), Some(last)) = (first, last) {
        let span = first.start..last.end.max(first.start);
        out.push(Node::Para { pieces, span });
    }
}

fn piece_span(piece: &Piece) -> Option<Span> {
    match piece {
        Piece::Run(run) => Some(run.span.clone()),
        Piece::Break { span, .. } | Piece::Tags { span, .. } => Some(span.clone()),
        Piece::Image(image) => Some(image.span.clone()),
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
fn code_text(body: &str, base: usize, parts: &[(String, Span)], span: &Span) -> Text {
    // Each line with where it was read from: its own place when the event's text is the
    // source's (a fenced block at the margin), else the whole block.
    let mut lines: Vec<(String, Span)> = vec![(String::new(), span.clone())];
    for (text, at) in parts {
        let exact = at
            .start
            .checked_sub(base)
            .and_then(|s| body.get(s..s + text.len()))
            == Some(text.as_str());
        let mut offset = 0;
        for piece in text.split_inclusive('\n') {
            let line = piece.strip_suffix('\n').unwrap_or(piece);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if let Some(last) = lines.last_mut() {
                if last.0.is_empty() && exact {
                    last.1 = at.start + offset..at.start + offset + line.len();
                }
                last.0.push_str(line);
            }
            if piece.ends_with('\n') {
                lines.push((String::new(), span.clone()));
            }
            offset += piece.len();
        }
    }
    let lines: Vec<(String, Span)> = lines
        .into_iter()
        .map(|(line, mut at)| {
            let kept = line.trim_end();
            if at.len() == line.len() {
                at.end = at.start + kept.len();
            }
            (kept.to_string(), at)
        })
        .collect();
    let first = lines.iter().position(|(l, _)| !l.is_empty());
    let last = lines.iter().rposition(|(l, _)| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Text::default();
    };
    let mut runs = Vec::new();
    for (n, (line, at)) in lines[first..=last].iter().enumerate() {
        if n > 0 {
            runs.push(Run {
                text: "\n".into(),
                style: Style::default(),
                link: None,
                span: at.start..at.start,
            });
        }
        if !line.is_empty() {
            runs.push(Run {
                text: line.clone(),
                style: Style {
                    code: true,
                    ..Style::default()
                },
                link: None,
                span: at.clone(),
            });
        }
    }
    Text { runs }
}

/// An empty span at the end of the open paragraph (where a definition term's colon goes).
fn span_end(open: &Option<Open>) -> Span {
    open.as_ref().map_or(0..0, |o| o.span.end..o.span.end)
}
