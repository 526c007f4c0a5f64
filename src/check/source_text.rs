//! The source's own text, read independently of vita-model: what a person sees when the file
//! is shown as a page (GitHub's rendering), as pieces with their byte offsets in the file.
//!
//! Markdown: the text of pulldown-cmark's events (link text, code, table cells; not link
//! targets, image alt text or list numbers), the text between HTML tags (not comments, not the
//! content of `<style>`, `<script>`, `<head>` or `<template>`), and the values of the front
//! matter's text fields (`name`, `headline`, `email`, `phone`, `location`, link labels), not
//! its keys or settings. JSON Resume: every string of the file except addresses of pictures,
//! the schema and `meta`; dates count by their year; links, profiles' network and user names,
//! street addresses, postal and country codes may be left out.
//!
//! Each piece says whether it must come back: text inside a span the reader warned about
//! (template syntax, hidden text, a dropped HTML element …) and link addresses may be left
//! out.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::value::RawValue;

/// A stretch of the source's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The text as a reader sees it (entities decoded).
    pub text: String,
    /// Where it is in the file.
    pub at: Range<usize>,
    /// Whether the text maps one to one onto `at` (so word offsets inside it are exact).
    pub exact: bool,
    /// False for text that may be left out without a warning (link addresses in JSON).
    pub required: bool,
}

/// Front-matter keys whose values are shown.
const SHOWN_KEYS: [&str; 7] = [
    "name", "surname", "headline", "email", "phone", "location", "label",
];

/// HTML elements whose content is never shown.
const UNSHOWN_ELEMENTS: [&str; 4] = ["style", "script", "head", "template"];

/// JSON Resume keys whose values are not text a reader sees.
const JSON_UNSHOWN: [&str; 5] = ["$schema", "meta", "image", "picture", "avatar"];

/// JSON Resume keys whose values may be left out or shown in another form: addresses (a
/// profile is shown as `github.com/ada`, not as its network and user name), the street address
/// and postal code (which résumé themes leave out), and a project's type.
const JSON_OPTIONAL: [&str; 8] = [
    "url",
    "website",
    "network",
    "username",
    "address",
    "postalCode",
    "countryCode",
    "type",
];

/// JSON Resume keys holding dates, shown as "Jun 2021" by the reader (whose words are checked).
const JSON_DATES: [&str; 4] = ["startDate", "endDate", "date", "releaseDate"];

/// Page-break commands written as text (LaTeX's, which Markdown-to-PDF tools honour).
const BREAK_COMMANDS: [&str; 3] = ["\\newpage", "\\pagebreak", "\\clearpage"];

/// Inline HTML elements: text on both sides of one is one run of text.
const INLINE_ELEMENTS: [&str; 17] = [
    "a", "abbr", "b", "code", "em", "font", "i", "kbd", "mark", "s", "small", "span", "strong",
    "sub", "sup", "u", "del",
];

/// The pieces of a Markdown source.
pub fn markdown(source: &str) -> Vec<Piece> {
    let (front, body_start) = front_matter(source);
    let body = &source[body_start..];
    let mut pieces: Vec<Piece> = Vec::new();
    let mut image_depth = 0usize;
    let mut heading = false;
    // An unshown element (`<style>`) or a comment stays open across the events of an HTML
    // block (one per line).
    let mut html = HtmlState::default();
    let mut in_code_block = false;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        let at = range.start + body_start..range.end + body_start;
        // Outside code, `:office:` is read as the emoji it stands for, as the reader does.
        let verbatim = in_code_block || matches!(event, Event::Code(_));
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => heading = false,
            Event::Text(text) | Event::Code(text)
                if image_depth == 0 && html.unshown.is_none() && !html.comment =>
            {
                if BREAK_COMMANDS.contains(&text.trim()) {
                    continue;
                }
                let text = if verbatim {
                    text.into_string()
                } else {
                    vita_model::emoji_shortcodes(&text).into_owned()
                };
                let exact = source.get(at.clone()) == Some(text.as_str());
                push_joined(
                    source,
                    &mut pieces,
                    Piece {
                        text,
                        at,
                        exact,
                        required: true,
                    },
                );
                if heading {
                    excuse_connector(&mut pieces);
                }
            }
            Event::Html(fragment) | Event::InlineHtml(fragment) => {
                for piece in html_text(&fragment, at.start, &mut html) {
                    push_joined(source, &mut pieces, piece);
                }
            }
            _ => {}
        }
    }
    // A front-matter value written again in the body (the name as `# Name`) is shown once.
    let mut out: Vec<Piece> = front
        .into_iter()
        .map(|mut p| {
            let again = pieces
                .iter()
                .any(|b| b.text.trim().eq_ignore_ascii_case(p.text.trim()));
            p.required &= !again;
            p
        })
        .collect();
    out.extend(pieces);
    out
}

/// Adds `piece`, joined to the previous one when only inline markup (`**`, `<sup>`, a
/// backslash) stands between them in the source: "R<sup>2</sup>" reads as one word.
fn push_joined(source: &str, pieces: &mut Vec<Piece>, piece: Piece) {
    if let Some(last) = pieces.last_mut() {
        let gap = source.get(last.at.end..piece.at.start).unwrap_or(" ");
        // A table's `|` between cells is a boundary even without spaces around it.
        if last.at.end <= piece.at.start
            && !gap.contains(|c: char| c.is_whitespace() || c == '|')
            && inline_only(gap)
        {
            last.text.push_str(&piece.text);
            last.at.end = piece.at.end;
            last.exact = false;
            last.required &= piece.required;
            return;
        }
    }
    pieces.push(piece);
}

/// True when every tag in `gap` is an inline element's.
fn inline_only(gap: &str) -> bool {
    gap.split('<').skip(1).all(|tag| {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        INLINE_ELEMENTS.contains(&name.as_str())
    })
}

/// In a heading, "Engineer at Acme" is a title and an organisation: the "at" joining them is
/// syntax, which a layout may leave out. Splits it off the last piece as an optional piece.
fn excuse_connector(pieces: &mut Vec<Piece>) {
    let Some(last) = pieces.last_mut() else {
        return;
    };
    let Some(i) = last.text.find(" at ") else {
        return;
    };
    let after = last.text.split_off(i + 4);
    last.text.truncate(i + 1);
    let whole = last.at.clone();
    let exact = last.exact;
    let part = |from: usize, to: usize| {
        if exact {
            whole.start + from..whole.start + to
        } else {
            whole.clone()
        }
    };
    last.at = part(0, i + 1);
    pieces.push(Piece {
        text: " at ".into(),
        at: part(i, i + 4),
        exact,
        required: false,
    });
    pieces.push(Piece {
        text: after,
        at: part(i + 4, whole.end - whole.start),
        exact,
        required: true,
    });
}

/// What is open at the end of an HTML fragment.
#[derive(Debug, Default)]
struct HtmlState {
    /// An element whose content is never shown (`style`).
    unshown: Option<String>,
    /// A comment.
    comment: bool,
}

/// The text between the tags of an HTML fragment starting at byte `offset`; `state` is what is
/// open at its start (and at its end, on return).
fn html_text(html: &str, offset: usize, state: &mut HtmlState) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    let skip_until = &mut state.unshown;
    if state.comment {
        match html.find("-->") {
            Some(e) => {
                state.comment = false;
                i = e + 3;
            }
            None => return out,
        }
    }
    let bytes = html.as_bytes();
    while i < html.len() {
        if html[i..].starts_with("<!--") {
            match html[i + 4..].find("-->") {
                Some(e) => i = i + 4 + e + 3,
                None => {
                    state.comment = true;
                    break;
                }
            }
            continue;
        }
        if bytes[i] == b'<' {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(open) = skip_until.as_deref() {
                if closing && name == open {
                    *skip_until = None;
                }
            } else if !closing && UNSHOWN_ELEMENTS.contains(&name.as_str()) && !tag.ends_with('/') {
                *skip_until = Some(name);
            }
            i = end;
            continue;
        }
        let end = html[i..].find('<').map_or(html.len(), |e| i + e);
        if skip_until.is_none() && !html[i..end].trim().is_empty() {
            let raw = &html[i..end];
            let text = decode_entities(raw);
            out.push(Piece {
                exact: text == raw,
                text,
                at: offset + i..offset + end,
                required: true,
            });
        }
        i = end;
    }
    out
}

/// `&amp;`, `&#233;`, `&#xE9;` and the named entities résumés use, decoded; others are kept.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The named entities that stand for text (the rest are kept as written).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "middot" => '·',
        "bull" => '•',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        _ => return None,
    })
}

/// The front matter's shown values, and where the body starts.
fn front_matter(source: &str) -> (Vec<Piece>, usize) {
    // After a byte-order mark and blank lines, as the reader finds it.
    let bom = usize::from(source.starts_with('\u{feff}')) * 3;
    let blank = source[bom..].len()
        - source[bom..]
            .trim_start_matches(|c: char| c.is_whitespace())
            .len();
    let start = bom + source[bom..bom + blank].rfind('\n').map_or(0, |e| e + 1);
    let text = &source[start..];
    let Some(fence) = ["+++", "---"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
    }) else {
        return (Vec::new(), 0);
    };
    let body_at = text[3..]
        .find(&format!("\n{fence}"))
        .map(|e| start + 3 + e + 1)
        .filter(|&e| {
            source[e + 3..].starts_with('\n')
                || source[e + 3..].starts_with("\r\n")
                || e + 3 == source.len()
        });
    // No closing fence: the reader takes it all as Markdown.
    let Some(close) = body_at else {
        return (Vec::new(), 0);
    };
    let body = source[close..]
        .find('\n')
        .map_or(source.len(), |e| close + e + 1);
    let inner = &source[start + 3..close];
    let at = start..close;
    let pieces = if fence == "+++" {
        toml_values(inner, at)
    } else {
        yaml_values(inner, start + 3)
    };
    (pieces, body)
}

/// The shown values of TOML front matter (the whole front matter is their span).
fn toml_values(inner: &str, at: Range<usize>) -> Vec<Piece> {
    let Ok(table) = inner.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |text: &str, required: bool| {
        out.push(Piece {
            text: text.to_string(),
            at: at.clone(),
            exact: false,
            required,
        });
    };
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("links", toml::Value::Array(items)) => {
                for item in items {
                    match item {
                        toml::Value::String(s) => push(s, true),
                        toml::Value::Table(t) => {
                            if let Some(label) = t.get("label").and_then(toml::Value::as_str) {
                                push(label, true);
                            }
                            if let Some(url) = t.get("url").and_then(toml::Value::as_str) {
                                push(url, false);
                            }
                        }
                        _ => {}
                    }
                }
            }
            (key, toml::Value::String(s)) if SHOWN_KEYS.contains(&key) => push(s, true),
            (key, toml::Value::Array(items)) if SHOWN_KEYS.contains(&key) => {
                for s in items.iter().filter_map(toml::Value::as_str) {
                    push(s, true);
                }
            }
            _ => {}
        }
    }
    out
}

/// The shown values of YAML front matter, read line by line (`key: value`, `- item`).
fn yaml_values(inner: &str, offset: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = offset;
    let mut list_key: Option<&str> = None;
    for line in inner.split_inclusive('\n') {
        let line_at = at;
        at += line.len();
        let trimmed = line.trim();
        let (key, value) = if let Some(item) = trimmed.strip_prefix("- ") {
            (list_key.unwrap_or_default(), item)
        } else if let Some((key, value)) = trimmed.split_once(':') {
            if !line.starts_with([' ', '\t']) {
                list_key = Some(key.trim());
            }
            (key.trim(), value)
        } else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        if SHOWN_KEYS.contains(&key) && !value.is_empty() {
            out.push(Piece {
                text: value.to_string(),
                at: line_at..at,
                exact: false,
                required: true,
            });
        }
    }
    out
}

/// The pieces of a JSON Resume source (nothing when it is not JSON: the reader refuses it).
/// Each piece is placed at its value in the file, so warnings and the reader's left-out
/// values excuse it; dates are the reader's words (a range within one month is shown once),
/// so the source's are optional and the shown dates are required instead.
pub fn json(source: &str) -> Vec<Piece> {
    let Ok(root) = serde_json::from_str::<&RawValue>(source.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    json_value(source, root, None, &mut out);
    out
}

fn json_value(source: &str, raw: &RawValue, key: Option<&str>, out: &mut Vec<Piece>) {
    let text = raw.get();
    let at = offset_in(source, text).map_or(0..0, |start| start..start + text.len());
    match text.as_bytes().first() {
        Some(b'"') => {
            let Ok(s) = serde_json::from_str::<String>(text) else {
                return;
            };
            let key = key.unwrap_or_default();
            let date = JSON_DATES.contains(&key);
            let optional = date || s.contains("://") || JSON_OPTIONAL.contains(&key);
            out.push(Piece {
                text: s,
                at,
                exact: false,
                required: !optional,
            });
        }
        Some(b'[') => {
            if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(text) {
                for item in items {
                    json_value(source, item, key, out);
                }
            }
        }
        Some(b'{') => {
            if let Ok(map) = serde_json::from_str::<BTreeMap<String, &RawValue>>(text) {
                let mut seen = Vec::new();
                for (k, v) in map {
                    if JSON_UNSHOWN.contains(&k.as_str()) {
                        continue;
                    }
                    let first = out.len();
                    json_value(source, v, Some(&k), out);
                    // The same text under two keys of one object (`studyType` and
                    // `qualification`) is shown once.
                    for piece in &mut out[first..] {
                        if seen.contains(&piece.text) {
                            piece.required = false;
                        } else {
                            seen.push(piece.text.clone());
                        }
                    }
                }
            }
        }
        Some(b'n' | b't' | b'f') | None => {}
        Some(_) => out.push(Piece {
            text: text.to_string(),
            at,
            exact: false,
            required: true,
        }),
    }
}

/// The byte offset of `part` in `source`, when `part` is a slice of it.
fn offset_in(source: &str, part: &str) -> Option<usize> {
    let offset = (part.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (offset.checked_add(part.len())? <= source.len()).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn markdown_text_without_markup_link_targets_or_alt_text() {
        let src = "# Ada **Lovelace**\n\n![me](me.png) [site](https://ada.dev) `x`\n\n| A | B |\n|---|---|\n| c | d |\n";
        let pieces = markdown(src);
        assert_eq!(
            texts(&pieces),
            ["Ada Lovelace", " site x", "A", "B", "c", "d"]
        );
        assert_eq!(&src[pieces[2].at.clone()], "A");
        assert!(pieces[2].exact);
    }

    #[test]
    fn inline_markup_joins_and_heading_connectors_are_optional() {
        let pieces = markdown("### Analyst at Acme\n\nthe R<sup>2</sup> of 1\\.2<br>x\n");
        assert_eq!(
            texts(&pieces),
            ["Analyst ", " at ", "Acme", "the R2 of 1.2", "x"]
        );
        let table = markdown("|React|1年|\n|---|---|\n|Vue|2年|\n");
        assert_eq!(texts(&table), ["React", "1年", "Vue", "2年"]);
        assert!(!pieces[1].required && pieces[2].required);
    }

    #[test]
    fn html_text_skips_tags_comments_and_style() {
        let src =
            "<div align=\"center\">Ada &amp; Co<!-- tags: x --><style>p{}</style></div>\n\nText\n";
        assert_eq!(texts(&markdown(src)), ["Ada & Co", "Text"]);
        let comment = "A\n\n<!-- ## Projects\n\n### commons\n\nI was -->\n\nB\n";
        assert_eq!(texts(&markdown(comment)), ["A", "B"]);
    }

    #[test]
    fn front_matter_values_of_shown_keys_only() {
        let src = "+++\nname = \"Ada\"\nlayout = \"classic\"\nlinks = [{ label = \"GitHub\", url = \"https://x\" }]\n+++\n# Body\n";
        let pieces = markdown(src);
        let mut shown: Vec<&str> = pieces
            .iter()
            .filter(|p| p.required)
            .map(|p| p.text.as_str())
            .collect();
        shown.sort_unstable();
        assert_eq!(shown, ["Ada", "Body", "GitHub"]);
        let yaml = "---\nname: Ada Lovelace\ntitle: Resume\n---\nText\n";
        assert_eq!(texts(&markdown(yaml)), ["Ada Lovelace", "Text"]);
        // Blank lines before the fence, as the reader allows.
        let late = "\n  \n---\ntitle: Ron - Resume\n---\nText\n";
        assert_eq!(texts(&markdown(late)), ["Text"]);
    }

    #[test]
    fn json_strings_placed_dates_and_addresses_optional() {
        let src = r#"{"basics": {"name": "Ada", "image": "me.png", "url": "https://ada.dev"},
            "work": [{"startDate": "2021-06", "highlights": ["Led it"]}]}"#;
        let pieces = json(src);
        let mut required: Vec<&str> = pieces
            .iter()
            .filter(|p| p.required)
            .map(|p| p.text.as_str())
            .collect();
        required.sort_unstable();
        assert_eq!(required, ["Ada", "Led it"]);
        let led = pieces.iter().find(|p| p.text == "Led it").unwrap();
        assert_eq!(&src[led.at.clone()], "\"Led it\"");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&nbsp;b &#233; &#x41; &bogus; &"),
            "a b é A &bogus; &"
        );
    }
}
