//! Raw HTML in the Markdown, inline and as blocks.
//!
//! - Text-level tags (`<span>`, `<u>`, `<sup>`, `<a href>`, `<b>`, `<i>` …) are dropped and
//!   their text kept, with the style or link some of them carry; `<br>` is a line break.
//! - An HTML block made of headings, paragraphs and wrappers (`<h1>`–`<h6>`, `<p>`, `<div>`,
//!   `<center>` …) reads as the Markdown it stands for: GitHub READMEs centre their headers
//!   that way. Any other HTML block (`<table>`, `<ul>`, `<details>` …) is not rendered and is
//!   reported at its line.
//! - `<style>`, `<script>`, `<head>`, `<link>`, `<meta>` vanish with a warning, and so do empty
//!   icon tags Vita has no icon for; a Font Awesome one (`<i class="fa fa-github"></i>`)
//!   becomes its icon character ([`crate::icons`]).
//! - Text inside an element its author hid ([`html_tags::hidden`]) is recorded, reported and left
//!   out, also when the hiding element is an HTML block wrapped around Markdown.
//! - A page-break hint (`<div class="pagebreak">`, `page-break-before: always`) is a
//!   [`Node::PageBreak`].
//! - `<img src>` is an image piece, like `![alt](src)`.
//!
//! Elements opened by an HTML block stay open across the Markdown that follows until their
//! closing tag, as in a browser; elements opened inside a paragraph close with it.

use super::super::html_tags::{self, PageBreak, Role, Styling, Tag, Token};
use super::Node;
use super::builder::Builder;
use crate::{Code, Diagnostic, Span};

/// Most HTML elements kept open at once; deeper ones are ignored.
const MAX_OPEN: usize = 64;

/// Smallest width or height, in pixels, that an `<img>` may have and still be a photo.
const MIN_PHOTO_PIXELS: u32 = 64;

/// An HTML element open around the current position.
#[derive(Debug, Clone)]
pub(in super::super) struct OpenElement {
    /// Its lower-case name.
    pub name: String,
    /// The style it gives its text.
    pub styling: Styling,
    /// Its link, for `<a href>`.
    pub link: Option<String>,
    /// Why its content is hidden, if it is.
    pub hidden: Option<String>,
    /// True when its content is dropped (`<style>`, `<script>` …).
    pub dropped: bool,
    /// True when it outlives the paragraph it is in (opened by an HTML block).
    pub persists: bool,
    /// True once text was seen inside it.
    pub had_text: bool,
    /// The tag as written, when it has a class: an empty one is an icon.
    pub icon: Option<String>,
    /// The icon character its class names (`fa fa-github`), drawn when it is empty.
    pub icon_char: Option<char>,
    /// True when a page break follows its end.
    pub break_after: bool,
    /// Where it was opened.
    pub span: Span,
}

impl Builder<'_> {
    /// An inline HTML event: one tag or comment inside a paragraph.
    pub fn inline_html(&mut self, raw: &str, span: Span) {
        if let Some(names) = super::super::tags::read(raw, &span, &mut self.warnings) {
            let piece = super::Piece::Tags {
                names,
                span: span.clone(),
            };
            self.push_piece(piece, span);
            return;
        }
        for token in html_tags::tokens(raw) {
            match token {
                Token::Open(tag) => self.open_element(tag, span.clone(), false),
                Token::Close { name, .. } => {
                    self.close_element(&name);
                    // Text after an inline list or paragraph starts a line of its own.
                    if matches!(name.as_str(), "ul" | "ol" | "p" | "div" | "table" | "dl") {
                        self.item_break(span.clone());
                    }
                }
                Token::Text { text, .. } => {
                    let text = html_tags::decode_entities(text).into_owned();
                    self.text(&text, false, span.clone());
                }
                Token::Comment => {}
            }
        }
    }

    /// A whole HTML block (`span` in the file, `raw` its text).
    pub fn html_block(&mut self, raw: &str, span: Span) {
        let tokens = html_tags::tokens(raw);
        // Offsets into `raw` map onto the file when the block is verbatim (not in a list or
        // quote, whose markers pulldown-cmark strips).
        let exact = self.slice(&span) == Some(raw);
        let at = |range: &std::ops::Range<usize>| -> Span {
            if exact {
                span.start + range.start..span.start + range.end
            } else {
                span.clone()
            }
        };
        let readable = tokens.iter().all(|t| match t {
            Token::Open(tag) => html_tags::role(&tag.name) != Role::Other,
            Token::Close { name, .. } => html_tags::role(name) != Role::Other,
            _ => true,
        });
        let mut lost = String::new();
        for token in &tokens {
            match token {
                Token::Open(tag) => {
                    let tag_span = at(&tag.range);
                    match html_tags::role(&tag.name) {
                        Role::Heading(level) if readable => {
                            self.open_inline(Some(level), tag_span.clone());
                            self.open_element(tag.clone(), tag_span, true);
                        }
                        Role::Block | Role::Heading(_) => {
                            self.flush();
                            self.block_element(tag, tag_span);
                        }
                        _ => self.open_element(tag.clone(), tag_span, true),
                    }
                }
                Token::Close { name, .. } => {
                    let role = html_tags::role(name);
                    self.close_element(name);
                    if matches!(role, Role::Block | Role::Heading(_)) {
                        self.flush();
                    }
                }
                Token::Text { text, range } => {
                    let text = html_tags::decode_entities(text);
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let visible = !self
                        .elements
                        .iter()
                        .any(|e| e.dropped || e.hidden.is_some());
                    if !readable && visible {
                        lost.push_str(&text);
                        lost.push(' ');
                    } else if !text.is_empty() {
                        // HTML collapses white space; a space at either end may still separate
                        // this text from its neighbours.
                        let written = &raw[range.clone()];
                        let lead_len = written.len() - written.trim_start().len();
                        let trail_len = written.len() - written.trim_end().len();
                        let lead = if lead_len > 0 { " " } else { "" };
                        let trail = if trail_len > 0 { " " } else { "" };
                        let trimmed = range.start + lead_len..range.end - trail_len;
                        self.text(&format!("{lead}{text}{trail}"), false, at(&trimmed));
                    }
                }
                Token::Comment => {}
            }
        }
        self.flush();
        // Elements of this block that drop their content do not reach past it.
        self.elements.retain(|e| !e.dropped);
        if !lost.trim().is_empty() {
            let first = tokens.iter().find_map(|t| match t {
                Token::Open(tag) if html_tags::role(&tag.name) == Role::Other => {
                    Some(tag.describe())
                }
                _ => None,
            });
            self.warnings.push(
                Diagnostic::warning(
                    Code::Html,
                    format!(
                        "this HTML block is not rendered ({}): `{}`",
                        first.unwrap_or_else(|| "HTML".into()),
                        html_tags::shorten(&lost, 60)
                    ),
                )
                .at(span.start..span.start)
                .with_hint(
                    "Vita reads Markdown; write it as a list, key–value rows (`**Key:** value`) \
                     or a Markdown table",
                ),
            );
        }
    }

    /// A block-level element of an HTML block: a page break before it, or an element to keep
    /// open.
    fn block_element(&mut self, tag: &Tag, span: Span) {
        let hint = html_tags::page_break(tag);
        if hint == Some(PageBreak::Before) {
            self.push_node(Node::PageBreak { span: span.clone() });
        }
        if tag.name == "hr" {
            return;
        }
        if tag.is_empty_element() {
            if hint == Some(PageBreak::After) {
                self.push_node(Node::PageBreak { span });
            }
            return;
        }
        let mut element = self.element(tag, span, true);
        element.break_after = hint == Some(PageBreak::After);
        self.push_element(element);
    }

    /// An opening tag inside text (inline HTML, or inside an HTML block).
    fn open_element(&mut self, tag: Tag, span: Span, in_block: bool) {
        match tag.name.as_str() {
            "br" => return self.line_break(true, span),
            "img" => {
                let src = tag.attr("src").unwrap_or_default().to_string();
                let alt = tag.attr("alt").unwrap_or_default().to_string();
                let small = |name: &str| {
                    tag.attr(name)
                        .and_then(|v| v.trim_end_matches("px").trim().parse::<u32>().ok())
                        .is_some_and(|n| n < MIN_PHOTO_PIXELS)
                };
                let icon = small("width") || small("height");
                return self.image(src, alt, icon, span);
            }
            "hr" => return self.flush(),
            // A list or paragraph written as HTML inside a line (a table cell's
            // `<ul><li>Vuex</li><li>Jest</li></ul>`): each item starts a line of its own,
            // rather than running into the one before ("VuexJest").
            "li" | "p" | "div" | "tr" | "dt" | "dd" if !in_block => self.item_break(span.clone()),
            _ => {}
        }
        if html_tags::role(&tag.name) == Role::Dropped {
            self.warnings.push(Diagnostic::warning(Code::Html, format!("`<{}>` is left out", tag.name)).at(span.clone()).with_hint("it belongs to a web page; the layout sets how the PDF looks (see `--layout`)"
                        ));
        }
        if tag.is_empty_element() {
            return;
        }
        let role = html_tags::role(&tag.name);
        let persists = in_block && role != Role::Inline;
        let element = self.element(&tag, span, persists);
        self.push_element(element);
    }

    /// The open-element record of `tag`.
    fn element(&mut self, tag: &Tag, span: Span, persists: bool) -> OpenElement {
        let link = match (tag.name.as_str(), tag.attr("href")) {
            ("a", Some(href)) => self.resolve_link(href, &span),
            _ => None,
        };
        OpenElement {
            name: tag.name.clone(),
            styling: html_tags::styling(tag),
            link,
            hidden: html_tags::hidden(tag),
            dropped: html_tags::role(&tag.name) == Role::Dropped,
            persists,
            had_text: false,
            icon: tag.attr("class").map(|_| tag.describe()),
            icon_char: tag.attr("class").and_then(crate::icons::from_classes),
            break_after: false,
            span,
        }
    }

    fn push_element(&mut self, element: OpenElement) {
        if self.elements.len() < MAX_OPEN {
            // Hidden text under a new hiding element is reported on its own.
            if element.hidden.is_some() {
                self.end_hiding();
            }
            self.elements.push(element);
        }
    }

    /// A closing tag: closes the innermost open element of that name and any opened after it.
    fn close_element(&mut self, name: &str) {
        let Some(at) = self.elements.iter().rposition(|e| e.name == name) else {
            return;
        };
        for element in self.elements.split_off(at).into_iter().rev() {
            self.closed(element);
        }
    }

    /// What happens when an element ends: hidden text under it is reported, an empty icon is
    /// reported, a page break after it is added.
    pub fn closed(&mut self, element: OpenElement) {
        if element.hidden.is_some() {
            self.end_hiding();
        }
        let empty_icon = !element.had_text
            && element.hidden.is_none()
            && matches!(element.name.as_str(), "i" | "span" | "em");
        if empty_icon && let Some(c) = element.icon_char {
            self.text(&c.to_string(), false, element.span.clone());
        } else if let Some(icon) = &element.icon
            && empty_icon
        {
            self.warnings.push(
                Diagnostic::warning(Code::Html, format!("icon `{icon}` is left out"))
                    .at(element.span.clone())
                    .with_hint(
                        "an icon font draws a picture, not a word; write the word (\"GitHub\", \
                     \"Email\") if it matters",
                    ),
            );
        }
        if element.break_after {
            self.flush();
            self.push_node(Node::PageBreak { span: element.span });
        }
    }
}
