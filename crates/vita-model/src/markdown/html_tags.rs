//! HTML as it turns up in Markdown résumés: a forgiving tokenizer and what each tag means to
//! Vita (a style, a link, a line or page break, a picture, hidden text, markup to drop).
//!
//! This is not an HTML parser: it reads tags, attributes, comments and text one after the
//! other and never fails. What the tags do to the résumé is decided by the caller
//! ([`super::blocks`]); this file only classifies them.

use std::borrow::Cow;
use std::ops::Range;

/// One piece of HTML source.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    /// An opening (or self-closing) tag.
    Open(Tag),
    /// A closing tag, by its lower-case name.
    Close {
        /// The element's name, lower case.
        name: String,
        /// Where the tag is in the tokenized text.
        range: Range<usize>,
    },
    /// Text between tags, entities not yet decoded.
    Text {
        /// The raw text.
        text: &'a str,
        /// Where it is in the tokenized text.
        range: Range<usize>,
    },
    /// A comment, doctype, processing instruction or CDATA section.
    Comment,
}

/// An opening tag.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tag {
    /// The element's name, lower case.
    pub name: String,
    /// Attributes: lower-case name and value (entities decoded; empty for a bare attribute).
    pub attrs: Vec<(String, String)>,
    /// True for `<x … />`.
    pub self_closing: bool,
    /// Where the tag is in the tokenized text.
    pub range: Range<usize>,
}

impl Tag {
    /// The value of attribute `name`, if present.
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The tag as written, for messages: `<i class="fa fa-github">`.
    pub(super) fn describe(&self) -> String {
        let mut out = format!("<{}", self.name);
        for (name, value) in self.attrs.iter().take(3) {
            if value.is_empty() {
                out.push_str(&format!(" {name}"));
            } else {
                out.push_str(&format!(" {name}=\"{}\"", shorten(value, 40)));
            }
        }
        out.push('>');
        out
    }

    /// True when the element can have no content (`<br>`, `<img>`) or is written `<x/>`.
    pub(super) fn is_empty_element(&self) -> bool {
        self.self_closing || is_void(&self.name)
    }
}

/// Elements whose content is raw text up to their closing tag.
const RAW_TEXT: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Text-level elements whose text is kept (with the style some of them carry).
const INLINE: [&str; 36] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "label", "acronym",
];

/// Block elements read as paragraph boundaries (their text is kept as paragraphs).
const BLOCKS: [&str; 16] = [
    "p",
    "div",
    "center",
    "section",
    "header",
    "footer",
    "main",
    "article",
    "aside",
    "address",
    "hr",
    "figure",
    "figcaption",
    "blockquote",
    "html",
    "body",
];

/// Elements dropped with everything inside them: they style or script a web page and mean
/// nothing in a PDF.
const DROPPED: [&str; 8] = [
    "style", "script", "head", "link", "meta", "title", "noscript", "base",
];

/// What an element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// `<h1>`–`<h6>`: a heading of that level.
    Heading(u8),
    /// A block that separates paragraphs (`<p>`, `<div>`, `<center>` …).
    Block,
    /// Text-level markup whose text is kept.
    Inline,
    /// Page machinery (`<style>`, `<script>`, `<head>` …), dropped with its content.
    Dropped,
    /// Anything else (`<table>`, `<ul>`, `<details>` …): structure Vita does not read.
    Other,
}

/// The role of element `name` (lower case).
pub(super) fn role(name: &str) -> Role {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Role::Heading(d - b'0'),
        _ if DROPPED.contains(&name) => Role::Dropped,
        _ if INLINE.contains(&name) => Role::Inline,
        _ if BLOCKS.contains(&name) => Role::Block,
        _ => Role::Other,
    }
}

/// True for elements that never have content.
pub(super) fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// The style a tag gives the text inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Styling {
    /// `<b>`, `<strong>`.
    pub strong: bool,
    /// `<i>`, `<em>`, `<cite>`.
    pub emphasis: bool,
    /// `<code>`, `<kbd>`, `<samp>`, `<tt>`.
    pub code: bool,
}

/// The style `tag` gives its content.
pub(super) fn styling(tag: &Tag) -> Styling {
    let name = tag.name.as_str();
    Styling {
        strong: matches!(name, "b" | "strong"),
        emphasis: matches!(name, "i" | "em" | "cite" | "dfn"),
        code: matches!(name, "code" | "kbd" | "samp" | "tt"),
    }
}

/// Where a page-break hint puts the break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageBreak {
    /// Before the element (`page-break-before`, `break-before`, a `pagebreak` class).
    Before,
    /// After the element (`page-break-after`, `break-after`).
    After,
}

/// Class names that mean "new page here" in résumé templates and print style sheets.
const BREAK_CLASSES: [&str; 6] = [
    "pagebreak",
    "page-break",
    "page_break",
    "new-page",
    "newpage",
    "break-page",
];

/// The page-break hint of `tag`, if it is one.
pub(super) fn page_break(tag: &Tag) -> Option<PageBreak> {
    let class_hint = tag.attr("class").is_some_and(|class| {
        class
            .split_whitespace()
            .any(|c| BREAK_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
    });
    if class_hint {
        return Some(PageBreak::Before);
    }
    let breaks = |value: &str| matches!(value, "always" | "page" | "left" | "right");
    for (prop, value) in declarations(tag.attr("style").unwrap_or_default()) {
        match prop.as_str() {
            "page-break-before" | "break-before" if breaks(&value) => {
                return Some(PageBreak::Before);
            }
            "page-break-after" | "break-after" if breaks(&value) => return Some(PageBreak::After),
            _ => {}
        }
    }
    None
}

/// Class names that hide an element in common CSS frameworks.
const HIDING_CLASSES: [&str; 5] = [
    "hidden",
    "d-none",
    "sr-only",
    "visually-hidden",
    "invisible",
];

/// Class names that show an element when printing, whatever hides it on screen.
const PRINT_CLASSES: [&str; 8] = [
    "d-print-block",
    "d-print-inline",
    "d-print-inline-block",
    "d-print-flex",
    "visible-print",
    "visible-print-block",
    "print-only",
    "show-on-print",
];

/// Why the content of `tag` is invisible, if it is: the `hidden` attribute, an inline style
/// (`display: none`, `visibility: hidden`, `opacity: 0`, `font-size` below 4px, a white or
/// transparent colour without a background), a `<font color>` of white, or a class that
/// frameworks use to hide things — unless another class shows it in print (`d-print-block`).
pub(super) fn hidden(tag: &Tag) -> Option<String> {
    if tag.attr("hidden").is_some() {
        return Some("the `hidden` attribute".into());
    }
    // Hidden on screen but shown in print (`d-none d-print-block`): a PDF is print.
    let printed = tag.attr("class").is_some_and(|class| {
        class
            .split_whitespace()
            .any(|c| PRINT_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
    });
    if let Some(class) = tag.attr("class").filter(|_| !printed)
        && let Some(c) = class
            .split_whitespace()
            .find(|c| HIDING_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
    {
        return Some(format!("class `{c}`"));
    }
    if tag.name == "font"
        && let Some(color) = tag.attr("color")
        && let Some(why) = invisible_color(color)
    {
        return Some(why.into());
    }
    let decls = declarations(tag.attr("style").unwrap_or_default());
    let has_background = decls
        .iter()
        .any(|(p, v)| (p == "background" || p == "background-color") && !v.is_empty());
    for (prop, value) in &decls {
        let why = match prop.as_str() {
            "display" if value == "none" => Some("`display: none`".to_string()),
            "visibility" if value == "hidden" || value == "collapse" => {
                Some(format!("`visibility: {value}`"))
            }
            "opacity" if parse_number(value).is_some_and(|n| n <= 0.01) => {
                Some("`opacity: 0`".into())
            }
            "font-size" if tiny_font(value) => Some(format!("`font-size: {value}`")),
            "color" if !has_background => invisible_color(value).map(String::from),
            _ => None,
        };
        if why.is_some() {
            return why;
        }
    }
    None
}

/// The `property: value` pairs of an inline style, lower case, `!important` removed.
pub(super) fn declarations(style: &str) -> Vec<(String, String)> {
    style
        .split(';')
        .filter_map(|decl| {
            let (prop, value) = decl.split_once(':')?;
            let value = value.trim().to_ascii_lowercase();
            let value = value.trim_end_matches("!important").trim().to_string();
            Some((prop.trim().to_ascii_lowercase(), value))
        })
        .collect()
}

/// Font sizes nobody can read: below 4px (3pt, 0.25em, 25%).
fn tiny_font(value: &str) -> bool {
    let Some(number) = parse_number(value) else {
        return false;
    };
    let unit = value
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
        .trim();
    let limit = match unit {
        "" | "px" => 4.0,
        "pt" => 3.0,
        "em" | "rem" => 0.25,
        "%" => 25.0,
        "mm" => 1.06,
        _ => return false,
    };
    number < limit
}

/// The number at the start of a CSS value.
fn parse_number(value: &str) -> Option<f64> {
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(value.len());
    value.get(..end)?.parse().ok()
}

/// Named colours at least as light as #F0F0F0: text in them vanishes on a white page.
const WHITE_NAMES: [&str; 12] = [
    "white",
    "snow",
    "ivory",
    "ghostwhite",
    "whitesmoke",
    "azure",
    "mintcream",
    "seashell",
    "floralwhite",
    "honeydew",
    "aliceblue",
    "lavenderblush",
];

/// Why text in colour `value` cannot be seen on a white page, if it cannot.
pub(super) fn invisible_color(value: &str) -> Option<&'static str> {
    let v = value.trim().to_ascii_lowercase();
    if v == "transparent" {
        return Some("transparent text");
    }
    if WHITE_NAMES.contains(&v.as_str()) {
        return Some("white text");
    }
    let channels: Vec<f64> = if let Some(hex) = v.strip_prefix('#') {
        let digits: Vec<u32> = hex.chars().filter_map(|c| c.to_digit(16)).collect();
        if digits.len() != hex.len() {
            return None;
        }
        match digits.len() {
            3 | 4 => digits.iter().map(|d| f64::from(d * 17)).collect(),
            6 | 8 => digits
                .chunks(2)
                .map(|p| f64::from(p[0] * 16 + p[1]))
                .collect(),
            _ => return None,
        }
    } else if let Some(args) = v
        .strip_prefix("rgba(")
        .or_else(|| v.strip_prefix("rgb("))
        .and_then(|r| r.strip_suffix(')'))
    {
        let parts: Vec<&str> = args
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .collect();
        let mut out = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let n = parse_number(part)?;
            let n = match (i, part.ends_with('%')) {
                (0..=2, true) => n * 2.55,
                (3, true) => n * 2.55,
                (3, false) => n * 255.0,
                _ => n,
            };
            out.push(n);
        }
        out
    } else {
        return None;
    };
    if channels.len() == 4 && channels[3] < 3.0 {
        return Some("transparent text");
    }
    (channels.len() >= 3 && channels[..3].iter().all(|c| *c >= 240.0)).then_some("white text")
}

/// Splits `html` into tokens. Never fails: a `<` that starts no tag is text.
pub(super) fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while pos < bytes.len() {
        if bytes[pos] != b'<' {
            pos += 1;
            continue;
        }
        let Some((token, end)) = markup_at(html, pos) else {
            pos += 1;
            continue;
        };
        if text_start < pos {
            out.push(Token::Text {
                text: &html[text_start..pos],
                range: text_start..pos,
            });
        }
        pos = end;
        // The content of `<script>` and `<style>` is raw text up to the closing tag.
        if let Token::Open(tag) = &token
            && !tag.self_closing
            && RAW_TEXT.contains(&tag.name.as_str())
        {
            let close = find_ascii_ci(html, pos, &format!("</{}", tag.name)).unwrap_or(html.len());
            out.push(token);
            if close > pos {
                out.push(Token::Text {
                    text: &html[pos..close],
                    range: pos..close,
                });
            }
            pos = close;
        } else {
            out.push(token);
        }
        text_start = pos;
    }
    if text_start < html.len() {
        out.push(Token::Text {
            text: &html[text_start..],
            range: text_start..html.len(),
        });
    }
    out
}

/// The markup starting at `at` (which holds `<`) and where it ends, or `None` when the `<` is
/// text.
fn markup_at(html: &str, at: usize) -> Option<(Token<'static>, usize)> {
    let rest = &html[at..];
    if let Some(after) = rest.strip_prefix("<!--") {
        let end = after.find("-->").map_or(html.len(), |i| at + 4 + i + 3);
        return Some((Token::Comment, end));
    }
    let next = *rest.as_bytes().get(1)?;
    if next == b'!' || next == b'?' {
        let end = rest.find('>').map_or(html.len(), |i| at + i + 1);
        return Some((Token::Comment, end));
    }
    if next == b'/' {
        let name = tag_name(&rest[2..]);
        if name.is_empty() {
            return None;
        }
        let end = at + rest.find('>')? + 1;
        return Some((
            Token::Close {
                name,
                range: at..end,
            },
            end,
        ));
    }
    if !next.is_ascii_alphabetic() {
        return None;
    }
    let name = tag_name(&rest[1..]);
    let mut pos = at + 1 + name.len();
    let mut attrs = Vec::new();
    let bytes = html.as_bytes();
    loop {
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        match bytes.get(pos)? {
            b'>' => {
                let tag = Tag {
                    name,
                    attrs,
                    self_closing: false,
                    range: at..pos + 1,
                };
                return Some((Token::Open(tag), pos + 1));
            }
            b'/' if bytes.get(pos + 1) == Some(&b'>') => {
                let tag = Tag {
                    name,
                    attrs,
                    self_closing: true,
                    range: at..pos + 2,
                };
                return Some((Token::Open(tag), pos + 2));
            }
            b'<' => return None,
            _ => {}
        }
        let name_end = html[pos..]
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/' | '<'))
            .map_or(html.len(), |i| pos + i);
        let attr = html[pos..name_end].to_ascii_lowercase();
        pos = name_end.max(pos + 1);
        let mut value = String::new();
        let mut look = pos;
        while bytes.get(look).is_some_and(u8::is_ascii_whitespace) {
            look += 1;
        }
        if bytes.get(look) == Some(&b'=') {
            look += 1;
            while bytes.get(look).is_some_and(u8::is_ascii_whitespace) {
                look += 1;
            }
            match bytes.get(look) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = html[look + 1..].find(q as char)? + look + 1;
                    value = decode_entities(&html[look + 1..close]).into_owned();
                    pos = close + 1;
                }
                Some(_) => {
                    let end = html[look..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |i| look + i);
                    value = decode_entities(&html[look..end]).into_owned();
                    pos = end;
                }
                None => return None,
            }
        }
        if !attr.is_empty() && attr != "/" {
            attrs.push((attr, value));
        }
    }
}

/// The lower-case element name at the start of `text`.
fn tag_name(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The first position at or after `from` where `needle` (ASCII) starts, ignoring case.
fn find_ascii_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1)).find(|&i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Named entities common in résumés; numeric ones are decoded too.
const ENTITIES: [(&str, &str); 20] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("middot", "·"),
    ("bull", "•"),
    ("hellip", "…"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("verbar", "|"),
    ("vert", "|"),
];

/// `text` with `&amp;`, `&#8211;`, `&#x2014;` and the other [`ENTITIES`] decoded; unknown
/// entities are left as written.
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|&e| e <= 10)?;
            let name = &after[..end];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code).filter(|c| *c != '\0')?.to_string()
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name)?.1.to_string()
            };
            Some((c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `text` cut to `max` characters with an ellipsis, for messages.
pub(super) fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(html: &str) -> Tag {
        match tokens(html).into_iter().next() {
            Some(Token::Open(tag)) => tag,
            other => panic!("not a tag: {other:?}"),
        }
    }

    #[test]
    fn tokenizes_tags_attributes_comments_and_text() {
        let toks = tokens("a <B class='x y' hidden data-v=1>b</b><!-- c --> 1 < 2 <br/>");
        let kinds: Vec<String> = toks
            .iter()
            .map(|t| match t {
                Token::Open(tag) => format!("<{} {:?} {}>", tag.name, tag.attrs, tag.self_closing),
                Token::Close { name, .. } => format!("</{name}>"),
                Token::Text { text, .. } => format!("{text:?}"),
                Token::Comment => "comment".into(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "\"a \"",
                "<b [(\"class\", \"x y\"), (\"hidden\", \"\"), (\"data-v\", \"1\")] false>",
                "\"b\"",
                "</b>",
                "comment",
                "\" 1 < 2 \"",
                "<br [] true>",
            ]
        );
    }

    #[test]
    fn script_and_style_content_is_raw_text() {
        let toks = tokens("<style>p > b { color: red }</style>x");
        assert!(matches!(&toks[1], Token::Text { text, .. } if text.contains("p > b")));
        assert!(matches!(&toks[2], Token::Close { name, .. } if name == "style"));
    }

    #[test]
    fn odd_markup_never_panics() {
        for html in [
            "<",
            "<a",
            "<a href=",
            "<a href=\"x",
            "</",
            "</>",
            "<!--",
            "<é>",
            "<a b=c",
        ] {
            let _ = tokens(html);
        }
    }

    #[test]
    fn hidden_styles() {
        let hidden_cases = [
            "<span style=\"color:#fff\">",
            "<span style=\"color: white !important\">",
            "<span style=\"color:rgb(255, 255, 255)\">",
            "<span style=\"color: rgba(0,0,0,0)\">",
            "<span style=\"color:transparent\">",
            "<span style=\"font-size:1px\">",
            "<span style=\"font-size: 0\">",
            "<div style=\"display:none\">",
            "<p style=\"visibility: hidden\">",
            "<span style=\"opacity:0\">",
            "<span hidden>",
            "<font color=\"#FFFFFF\">",
            "<span class=\"sr-only\">",
        ];
        for html in hidden_cases {
            assert!(hidden(&open(html)).is_some(), "{html}");
        }
        let visible_cases = [
            "<span style=\"color:#333\">",
            "<span style=\"font-size: 12px\">",
            "<span style=\"color:white; background:#123\">",
            "<span style=\"display:inline\">",
            "<span class=\"highlight\">",
            "<div class=\"d-none d-print-block\">",
        ];
        for html in visible_cases {
            assert!(hidden(&open(html)).is_none(), "{html}");
        }
    }

    #[test]
    fn page_break_hints() {
        assert_eq!(
            page_break(&open("<div class=\"pagebreak\">")),
            Some(PageBreak::Before)
        );
        assert_eq!(
            page_break(&open("<div style=\"page-break-before: always\">")),
            Some(PageBreak::Before)
        );
        assert_eq!(
            page_break(&open("<div style=\"break-after:page\">")),
            Some(PageBreak::After)
        );
        assert_eq!(page_break(&open("<div class=\"page\">")), None);
    }

    #[test]
    fn entities_and_roles() {
        assert_eq!(
            decode_entities("a &amp; b &#8211; &#x2014; &foo;"),
            "a & b – — &foo;"
        );
        assert_eq!(role("h2"), Role::Heading(2));
        assert_eq!(role("span"), Role::Inline);
        assert_eq!(role("style"), Role::Dropped);
        assert_eq!(role("table"), Role::Other);
        assert_eq!(role("center"), Role::Block);
    }
}
