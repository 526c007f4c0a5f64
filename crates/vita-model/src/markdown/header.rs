//! The header: name, headline and contact items, from front matter and from the top of the
//! Markdown (a leading `# Name` and the short paragraphs after it).
//!
//! Front matter wins per field: its name replaces the `# Name` heading (a differing heading is
//! reported), and its headline and contacts come first, followed by any Markdown ones it does
//! not already have, so nothing the user wrote is dropped.
//!
//! Content before the first `##` is header material only while it is short: one-line-ish
//! paragraphs (every line at most [`MAX_LINE_CHARS`] characters, no tab). From the first node
//! that is not (a list, a long paragraph, a `###`), the rest goes back to the caller, which sets
//! it as a section with an empty title — so a summary paragraph at the top is kept as body text
//! rather than squeezed into the header. A GFM table with contact items in it (emails, web
//! addresses, phone numbers) is header material too ([`tables::contacts`]), and so is a list
//! of one-line items one of which is a contact (`- Email: ada@example.com`).

use super::blocks::{Item, Node};
use super::contact;
use super::front_matter::FrontMatter;
use super::inline::{self, Piece};
use super::{tables, tags};
use crate::{Code, Contact, ContactKind, Diagnostic, Header, Run, Span, Text};

/// Longest line, in characters, that still reads as a header line.
const MAX_LINE_CHARS: usize = 120;

/// Contact item separators.
const SEPARATORS: [char; 3] = ['|', '·', '•'];

/// Dashes that separate contact items when spaced (`Designer — Milan — ada@example.com`);
/// unspaced they join words and dates.
const SPACED_SEPARATORS: [char; 2] = ['—', '–'];

/// Builds the header from the nodes before the first `##`. Returns it and the nodes that are
/// not header material.
///
/// `heading` is the name found in the Markdown ([`super::name`]); `guess` a name to suggest
/// when there is none (Pelican's title, a name in hidden text).
pub(super) fn read(
    preamble: Vec<Node>,
    heading: Option<(Text, Span)>,
    front: Option<FrontMatter>,
    guess: Option<String>,
    source: &str,
    body_start: usize,
    warnings: &mut Vec<Diagnostic>,
) -> (Header, Vec<Node>) {
    let mut nodes = preamble.into_iter().peekable();
    let mut md = Header::default();
    loop {
        match nodes.peek() {
            Some(Node::Para { pieces, span }) if is_header_material(pieces) => {
                warn_tags(pieces, span, warnings);
                for line in inline::lines(pieces) {
                    read_line(line, source, &mut md);
                }
            }
            Some(Node::Tags { span, .. }) => warnings.push(tags::in_header(span)),
            Some(Node::List { items, .. }) => match list_contacts(items) {
                Some(items) => md.contacts.extend(items),
                None => break,
            },
            Some(Node::Table { head, rows, .. }) => match tables::contacts(head, rows, warnings) {
                Some(items) => md.contacts.extend(items),
                None => break,
            },
            _ => break,
        }
        nodes.next();
    }
    let front = front.unwrap_or_default();
    let name = match (front.name, heading) {
        (Some(name), Some((text, span))) => {
            if text.plain() != name.plain() {
                warnings.push(
                    Diagnostic::warning(
                        Code::LeftOut,
                        format!(
                            "heading `# {}` is ignored: the front matter names you `{}`",
                            text.plain(),
                            name.plain()
                        ),
                    )
                    .at(span)
                    .with_hint("remove one of the two names"),
                );
            }
            Some(name)
        }
        (Some(name), None) => Some(name),
        (None, heading) => heading.map(|(text, _)| text).filter(|t| !t.is_empty()),
    };
    if name.is_none() {
        let hint = match guess {
            Some(guess) => format!(
                "if `{guess}` is your name, add `name = \"{guess}\"` to the front matter \
                 (Vita does not print a guess); or start the file with `# Your Name`"
            ),
            None => "start the file with `# Your Name`, or add `name = \"…\"` to the front matter"
                .into(),
        };
        warnings.push(
            Diagnostic::warning(Code::NoName, "no name found at the top of the résumé")
                .at(body_start..body_start)
                .with_hint(hint),
        );
    }
    let mut headline = front.headline;
    for line in md.headline {
        if !headline.iter().any(|h| h.plain() == line.plain()) {
            headline.push(line);
        }
    }
    let mut contacts = front.contacts;
    for item in md.contacts {
        if !contacts.iter().any(|c| c.text == item.text) {
            contacts.push(item);
        }
    }
    let header = Header {
        name,
        headline,
        contacts,
        photo: None,
    };
    (header, nodes.collect())
}

/// Tags inside a header line are a warning: the header is in every variant.
fn warn_tags(pieces: &[Piece], span: &Span, warnings: &mut Vec<Diagnostic>) {
    if !inline::tags(pieces).is_empty() {
        warnings.push(tags::in_header(span));
    }
}

fn is_header_material(pieces: &[Piece]) -> bool {
    inline::lines(pieces).iter().all(|line| {
        let plain = inline::plain(line);
        !plain.contains('\t') && plain.trim().chars().count() <= MAX_LINE_CHARS
    })
}

/// Files one header line as contact items or as a headline.
///
/// A line cut by separators is contact items when at least one item looks like a contact
/// (so "Staff Engineer · Distributed systems" stays a headline); a line without separators is a
/// contact only if it looks like one.
fn read_line(line: Vec<Run>, source: &str, header: &mut Header) {
    let text = inline::normalize(line);
    if text.is_empty() {
        return;
    }
    let runs = text.runs.clone();
    let plain = inline::plain(&runs);
    let mut items = Vec::new();
    let mut item_start = 0;
    let mut pos = 0;
    for run in &runs {
        if run.link.is_none() {
            for (i, c) in run.text.char_indices() {
                let spaced = |at: usize| plain.as_bytes().get(at) == Some(&b' ');
                let dash = SPACED_SEPARATORS.contains(&c)
                    && pos + i > 0
                    && spaced(pos + i - 1)
                    && spaced(pos + i + c.len_utf8());
                if SEPARATORS.contains(&c) || dash {
                    items.push(item_start..pos + i);
                    item_start = pos + i + c.len_utf8();
                }
            }
        }
        pos += run.text.len();
    }
    items.push(item_start..plain.len());
    let contacts: Vec<Contact> = items
        .into_iter()
        .map(|range| inline::trim_range(&plain, range, &[' ', '\u{a0}']))
        .filter(|range| !range.is_empty())
        .map(|range| item(&inline::slice(&runs, range, source)))
        .collect();
    if contacts.iter().any(|c| c.kind != ContactKind::Other) {
        header.contacts.extend(contacts);
    } else {
        header.headline.push(text);
    }
}

/// The items of a list of one-line contact items (`- Email: ada@example.com`), or `None`
/// when an item is longer or holds more, or none is an email, web address or phone number.
fn list_contacts(items: &[Item]) -> Option<Vec<Contact>> {
    let contacts: Vec<Contact> = items
        .iter()
        .map(|it| match it.nodes.as_slice() {
            [Node::Para { pieces, .. }] if is_header_material(pieces) => {
                let lines = inline::lines(pieces);
                let [line] = lines.as_slice() else {
                    return None;
                };
                Some(item(line))
            }
            _ => None,
        })
        .collect::<Option<_>>()?;
    contacts
        .iter()
        .any(|c| {
            matches!(
                c.kind,
                ContactKind::Email | ContactKind::Url | ContactKind::Phone
            )
        })
        .then_some(contacts)
}

/// One contact item: a Markdown link keeps its target, plain text is classified by shape.
fn item(runs: &[Run]) -> Contact {
    let text = inline::normalize(runs.to_vec());
    let span = inline::span_of(runs, &(0..0));
    let plain = text.plain();
    match runs.iter().find_map(|r| r.link.as_deref()) {
        Some(url) => contact::from_link(&plain, url, span),
        None => contact::from_text(&plain, span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::blocks;

    fn header(src: &str) -> (Header, Vec<Node>, Vec<Diagnostic>) {
        let mut warnings = Vec::new();
        let mut nodes = blocks::read(src, 0, None, &mut warnings).nodes;
        let name = super::super::name::arrange(&mut nodes, None).name;
        let (header, rest) = read(nodes, name, None, None, src, 0, &mut warnings);
        (header, rest, warnings)
    }

    #[test]
    fn name_headline_and_contacts() {
        let src = "# Ada Lovelace\n\nStaff Engineer · Distributed systems\n\n\
                   ada@example.com | +1 555 0100 | [GitHub](https://github.com/ada) | London, UK\n\
                   github.com/ada\n";
        let (h, rest, warnings) = header(src);
        assert!(rest.is_empty() && warnings.is_empty());
        assert_eq!(h.name.unwrap().plain(), "Ada Lovelace");
        assert_eq!(h.headline.len(), 1);
        assert_eq!(
            h.headline[0].plain(),
            "Staff Engineer · Distributed systems"
        );
        let got: Vec<_> = h
            .contacts
            .iter()
            .map(|c| (c.kind, c.text.as_str(), c.url.as_deref()))
            .collect();
        use ContactKind::*;
        assert_eq!(
            got,
            [
                (Email, "ada@example.com", Some("mailto:ada@example.com")),
                (Phone, "+1 555 0100", Some("tel:+15550100")),
                (Url, "GitHub", Some("https://github.com/ada")),
                (Location, "London, UK", None),
                (Url, "github.com/ada", Some("https://github.com/ada")),
            ]
        );
        assert_eq!(&src[h.contacts[0].span.clone()], "ada@example.com");
    }

    #[test]
    fn spaced_dashes_separate_contact_items() {
        let (h, _, _) = header(
            "# Ada\n\nStaff Engineer — Distributed systems\n\nDesigner — Milan, Italy – ada@example.com\n",
        );
        assert_eq!(
            h.headline[0].plain(),
            "Staff Engineer — Distributed systems"
        );
        let texts: Vec<&str> = h.contacts.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Designer", "Milan, Italy", "ada@example.com"]);
    }

    #[test]
    fn missing_name_is_a_warning() {
        let (h, _, warnings) = header("Just a headline\n");
        assert!(h.name.is_none());
        assert_eq!(h.headline[0].plain(), "Just a headline");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].code == crate::Code::NoName);
        assert!(
            warnings[0]
                .hints
                .first()
                .map(String::as_str)
                .unwrap()
                .contains("# Your Name")
        );
    }

    #[test]
    fn long_preamble_is_left_for_an_untitled_section() {
        let long = "word ".repeat(40);
        let (h, rest, _) = header(&format!("# Ada\n\nshort line\n\n{long}\n\n- item\n"));
        assert_eq!(h.headline[0].plain(), "short line");
        assert_eq!(rest.len(), 2);
    }
}
