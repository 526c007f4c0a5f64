//! Finding the person's name among the top-level nodes, and the heading levels the rest uses.
//!
//! The name is, in order of preference:
//!
//! 1. the first `#` heading, when what comes before it is only an intro (a quote, a code block,
//!    a badge line: moved below the header) and it is not a section or document word
//!    ("Education", "Curriculum Vitae" — `words.toml`);
//! 2. a bold name-like line, or a smaller heading that looks like a name (also before `|` and
//!    places: `### Jane Doe | Hanoi`), right under a `#` job title or document title
//!    (`# Senior Software Engineer` then `**Jane Doe**`), or under such a `##` title in a file
//!    without `#` (`## Résumé`): the title becomes the headline;
//! 3. a `##` heading at the top that looks like a name, in a file with no `#` at all;
//! 4. a `Name: Jane Doe` row, a first-name and a last-name row, the first line of a
//!    personal-details section, or a bare name heading a contact list ([`super::name_rows`]).
//!
//! Front matter's `name` always wins over these ([`super::header`]); with it, a heading is the
//! name written again only if it shares a word with it, and no row is read. When nothing is
//! found the header warns and suggests `name = "…"`, filled in with a guess when there is one
//! (Pelican's `Title`, a name in hidden text, one in an introduction sentence:
//! [`super::name_guess`]), rather than printing the guess.
//!
//! Levels: once the name is out, a file whose first heading is `#` and that has `##` headings
//! under its `#` ones, most of them not section words, uses `#` for sections and `##` for
//! entries, so every heading moves one level down (`#` → section, `##` → entry, `###` → a label
//! inside an entry).

use super::blocks::Node;
use super::inline::{self, Piece};
use super::{contact, name_rows, words};
use crate::{Code, ContactKind, Diagnostic, Span, Text};

/// What [`arrange`] took out of the nodes.
#[derive(Debug, Default)]
pub(super) struct Arranged {
    /// The name and where it was read from.
    pub name: Option<(Text, Span)>,
    /// Nodes above the name that are not header material (set as the first untitled content).
    pub intro: Vec<Node>,
    /// The name heading's span when it has a tags comment (the header is in every variant).
    pub tagged: Option<Span>,
    /// A note on how the name was found, when it was not written as a heading.
    pub note: Option<Diagnostic>,
}

/// Takes the name (and any intro above it) out of `nodes`; a job title written as `#` above a
/// bold name is left at the top as a headline paragraph.
pub(super) fn arrange(nodes: &mut Vec<Node>, front: Option<&str>) -> Arranged {
    let first = nodes
        .iter()
        .position(|n| matches!(n, Node::Heading { level, .. } if *level <= 2));
    let has_h1 = nodes
        .iter()
        .any(|n| matches!(n, Node::Heading { level: 1, .. }));
    let Some(at) = first else {
        return by_row(nodes, front);
    };
    let Node::Heading {
        level,
        pieces,
        span,
    } = &nodes[at]
    else {
        return Arranged::default();
    };
    let text = inline::text(pieces);
    let tagged = !inline::tags(pieces).is_empty();
    let (level, span) = (*level, span.clone());
    let mut arranged = pick(nodes, at, level, text, span.clone(), has_h1, front);
    if tagged && arranged.name.as_ref().is_some_and(|(_, s)| *s == span) {
        arranged.tagged = Some(span);
    }
    if arranged.name.is_some() {
        demote_contact_headings(nodes);
    }
    arranged
}

/// Contact lines written as headings right under the name (`## +20 122 052 2714 | Alexandria`)
/// are header lines, not sections.
fn demote_contact_headings(nodes: &mut [Node]) {
    let count = nodes
        .iter()
        .take(4)
        .take_while(|n| match n {
            Node::Heading { pieces, .. } => is_contact_line(&inline::text(pieces).plain()),
            _ => false,
        })
        .count();
    demote(nodes, ..count);
}

/// True when a part of `line` (cut at `|`, `·`, `•`) is an email, web address or phone number.
fn is_contact_line(line: &str) -> bool {
    line.split(['|', '·', '•']).any(|part| {
        matches!(
            contact::classify(part.trim()).0,
            ContactKind::Email | ContactKind::Url | ContactKind::Phone
        )
    })
}

/// The name when the first heading (at `at`) is `level` with `text`.
fn pick(
    nodes: &mut Vec<Node>,
    at: usize,
    level: u8,
    text: Text,
    span: Span,
    has_h1: bool,
    front: Option<&str>,
) -> Arranged {
    let plain = text.plain();
    // With a name in the front matter, a heading is the name written again only if it shares
    // a word with it; "# Cursus Universitaire" under `name: Matthias` stays a section.
    let fits = |heading: &str| front.is_none_or(|name| shares_a_word(name, heading));
    if level == 1 {
        // "和树香的简历" ("Shuxiang He's résumé"): the name is before "的简历".
        if let Some(name) = possessive_name(&plain) {
            let suffix = plain.trim()[name.len()..].trim().to_string();
            let note = Diagnostic::warning(
                Code::NameGuess,
                format!(
                    "the title `{}` is read as the name `{name}`; `{suffix}` (\"'s résumé\") is \
                     left out",
                    plain.trim()
                ),
            )
            .at(span.clone())
            .with_hint("write the name alone in the `#` heading to silence this");
            let name = Text::plain_run(name, span.clone());
            return Arranged {
                note: Some(note),
                ..take(nodes, at, name, span)
            };
        }
        // A title that is not a name ("# cv-markdown") above a `#` that is one.
        if !looks_like_name(&plain)
            && !words::has_section_word(&plain)
            && let Some(later) = later_name(nodes, at)
            && let Node::Heading { pieces, span, .. } = &nodes[later]
            && fits(&inline::text(pieces).plain())
        {
            let (text, span) = (inline::text(pieces), span.clone());
            demote(nodes, ..later);
            return take(nodes, later, text, span);
        }
        let role_only = only_roles(&plain);
        let document = words::names_the_document(&plain);
        if role_only || document || words::has_role_word(&plain) {
            if let Some(found) = name_under(nodes, at) {
                return under_title(nodes, at, found);
            }
            if role_only || document {
                // "# Software Developer", "# Curriculum Vitae": a headline, and no name yet.
                demote(nodes, at..=at);
                return by_row(nodes, front);
            }
        }
        if !words::is_not_a_name(&plain) && fits(&plain) {
            return take(nodes, at, text, span);
        }
    }
    // "## Résumé", "## Junior Developer Resume" at the top of a file without `#`: a title too.
    if level == 2 && !has_h1 && (only_roles(&plain) || words::names_the_document(&plain)) {
        if let Some(found) = name_under(nodes, at) {
            return under_title(nodes, at, found);
        }
        demote(nodes, at..=at);
        return by_row(nodes, front);
    }
    if level == 2 && !has_h1 && looks_like_name_with_gloss(&plain) && fits(&plain) {
        return take(nodes, at, text, span);
    }
    by_row(nodes, front)
}

/// True when `a` and `b` have a word in common, ignoring case (or, in scripts written without
/// spaces, a letter).
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.iter().any(|w| wb.contains(w))
        || a.chars()
            .any(|c| is_unspaced_letter(c) && c != '·' && b.contains(c))
}

/// A name, or a name with its transcription after `/` or in brackets ("李文博 /Wenbo Li",
/// "류민수 (Minsoo Ryu)").
pub(super) fn looks_like_name_with_gloss(title: &str) -> bool {
    looks_like_name(title)
        || title
            .split(['/', '(', '（'])
            .next()
            .is_some_and(|first| first.trim() != title.trim() && looks_like_name(first))
}

/// Suffixes that make a heading "X's résumé" in Chinese and Japanese.
const POSSESSIVE: [&str; 6] = [
    "的简历",
    "的個人簡歷",
    "的个人简历",
    "的簡歷",
    "の履歴書",
    "の職務経歴書",
];

/// The name in "X的简历", if `title` is written so.
fn possessive_name(title: &str) -> Option<String> {
    let title = title.trim();
    POSSESSIVE.iter().find_map(|suffix| {
        let name = title.strip_suffix(suffix)?.trim();
        ((1..=6).contains(&name.chars().count()) && !name.contains(char::is_whitespace))
            .then(|| name.to_string())
    })
}

/// The index of a later `#` heading that looks like a name, among the few nodes after `at` and
/// before any `##`.
fn later_name(nodes: &[Node], at: usize) -> Option<usize> {
    nodes
        .iter()
        .enumerate()
        .skip(at + 1)
        .take(5)
        .take_while(|(_, n)| !matches!(n, Node::Heading { level: 2, .. }))
        .find_map(|(i, n)| match n {
            Node::Heading {
                level: 1, pieces, ..
            } if looks_like_name(&inline::text(pieces).plain()) => Some(i),
            _ => None,
        })
}

/// A name found under a title: the node it is in, the name, and what is left of that node
/// (the place and contact parts of `### Jane Doe | Hanoi | Vietnam`, as a header line).
type Under = (usize, Text, Option<Node>);

/// The title at `at` stays where it was, as a paragraph (the header reads it as a headline);
/// the name under it comes out, leaving the rest of its line in its place.
fn under_title(nodes: &mut Vec<Node>, at: usize, (index, name, rest): Under) -> Arranged {
    let name_span = nodes[index].span();
    demote(nodes, at..=at);
    match rest {
        Some(rest) => nodes[index] = rest,
        None => {
            nodes.remove(index);
        }
    }
    let intro: Vec<Node> = nodes.drain(..at).collect();
    Arranged {
        name: Some((name, name_span)),
        intro,
        ..Arranged::default()
    }
}

/// The name right under a title at `at`, skipping paragraphs that are only pictures: a bold
/// name line, or a smaller heading that looks like a name, alone or before `|` and more
/// (`### Jane Doe | Hanoi | Vietnam`).
fn name_under(nodes: &[Node], at: usize) -> Option<Under> {
    let (index, node) = nodes.iter().enumerate().skip(at + 1).find(|(_, n)| {
        !matches!(n, Node::Para { pieces, .. }
            if pieces.iter().all(|p| matches!(p, Piece::Image(_) | Piece::Break { .. })
                || matches!(p, Piece::Run(r) if r.text.trim().is_empty())))
    })?;
    match node {
        Node::Heading {
            level,
            pieces,
            span,
        } if *level >= 2 => {
            let mut text = inline::text(pieces);
            for run in &mut text.runs {
                run.style.strong = false;
            }
            let plain = text.plain();
            if looks_like_name(&plain) {
                return Some((index, text, None));
            }
            let cut = plain.find('|')?;
            if !looks_like_name(&plain[..cut]) {
                return None;
            }
            let name = inline::normalize(inline::slice(&text.runs, 0..cut, ""));
            let rest = inline::normalize(inline::slice(&text.runs, cut + 1..plain.len(), ""));
            let rest = Node::Para {
                pieces: rest.runs.into_iter().map(Piece::Run).collect(),
                span: span.clone(),
            };
            Some((index, name, Some(rest)))
        }
        node => bold_name(node).map(|text| (index, text, None)),
    }
}

/// Turns the headings in `range` into paragraphs (a title kept as text, not as a section).
fn demote(nodes: &mut [Node], range: impl std::ops::RangeBounds<usize>) {
    let len = nodes.len();
    let start = match range.start_bound() {
        std::ops::Bound::Included(&s) => s,
        std::ops::Bound::Excluded(&s) => s + 1,
        std::ops::Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        std::ops::Bound::Included(&e) => e + 1,
        std::ops::Bound::Excluded(&e) => e,
        std::ops::Bound::Unbounded => len,
    };
    for node in nodes.iter_mut().take(end.min(len)).skip(start) {
        if let Node::Heading { pieces, span, .. } = node {
            *node = Node::Para {
                pieces: std::mem::take(pieces),
                span: span.clone(),
            };
        }
    }
}

/// Words that join the words of a job title ("Desarrollador de Software").
const CONNECTORS: [&str; 12] = [
    "de", "of", "and", "the", "y", "e", "und", "et", "da", "do", "&", "/",
];

/// True when every word of `title` is a job-title word or a connector ("Software Developer").
fn only_roles(title: &str) -> bool {
    let parts: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '-' | '–' | '—'))
        .filter(|w| !w.is_empty())
        .collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|w| CONNECTORS.contains(&w.to_lowercase().as_str()) || words::has_role_word(w))
}

/// The name heading at `at`: it and the intro above it come out of `nodes`.
fn take(nodes: &mut Vec<Node>, at: usize, text: Text, span: Span) -> Arranged {
    let mut intro: Vec<Node> = nodes.drain(..=at).collect();
    intro.pop();
    let (text, fields) = split_fields(text, &span);
    if let Some(fields) = fields {
        nodes.insert(0, fields);
    }
    Arranged {
        name: (!text.is_empty()).then_some((text, span)),
        intro,
        ..Arranged::default()
    }
}

/// A name heading that goes on with labelled fields ("罗斌　　性别：男　　年龄：21岁"): the
/// name, and the fields as a paragraph of their own (the header sets it as a headline).
fn split_fields(text: Text, span: &Span) -> (Text, Option<Node>) {
    let plain = text.plain();
    let Some(cut) = plain.find(|c: char| c.is_whitespace()) else {
        return (text, None);
    };
    let (name, rest) = (plain[..cut].trim(), plain[cut..].trim());
    let labelled = rest.contains('：') || rest.contains(": ");
    if !labelled || !looks_like_name(name) {
        return (text, None);
    }
    let run = |t: &str| crate::Run {
        text: t.to_string(),
        style: crate::Style::default(),
        link: None,
        span: span.clone(),
    };
    let fields = Node::Para {
        pieces: vec![Piece::Run(run(rest))],
        span: span.clone(),
    };
    (
        Text {
            runs: vec![run(name)],
        },
        Some(fields),
    )
}

/// A paragraph that is one bold line looking like a name.
fn bold_name(node: &Node) -> Option<Text> {
    let Node::Para { pieces, .. } = node else {
        return None;
    };
    let all_bold = pieces.iter().all(|p| match p {
        Piece::Run(run) => run.style.strong || run.text.trim().is_empty(),
        Piece::Break { .. } => false,
        Piece::Tags { .. } | Piece::Image(_) => true,
    });
    let mut text = inline::text(pieces);
    for run in &mut text.runs {
        run.style.strong = false;
    }
    (all_bold && looks_like_name(&text.plain())).then_some(text)
}

/// Two to four capitalised words without digits, or two or three letters of a script written
/// without spaces (or two short parts: 山田 花子); never a section, document or job-title word.
pub(super) fn looks_like_name(title: &str) -> bool {
    let title = title.trim();
    if words::is_not_a_name(title) || words::has_role_word(title) {
        return false;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let cjk = title.chars().filter(|c| !c.is_whitespace()).count();
    if title
        .chars()
        .all(|c| c.is_whitespace() || is_unspaced_letter(c))
    {
        // 王小明, 山田 花子, 김민준: two or three letters, or two short parts.
        let parts: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
        return cjk >= 2
            && match parts.as_slice() {
                [one] => (2..=3).contains(one),
                [a, b] => (1..=3).contains(a) && (1..=3).contains(b),
                _ => false,
            };
    }
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.contains(|c: char| c.is_ascii_digit()))
}

/// True for a letter of a script written without spaces (Han, Kana, Hangul), or `·`.
pub(super) fn is_unspaced_letter(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x3400..=0x4DBF)
        || c == '·'
}

/// The name from a `Name: …` row before the second section, which is taken out, or from a
/// `## Name` heading over a one-line paragraph, or from a first line that looks like one.
fn by_row(nodes: &mut Vec<Node>, front: Option<&str>) -> Arranged {
    // The front matter's name needs no guess, and a row read as one would be dropped.
    if front.is_some() {
        return Arranged::default();
    }
    let found = name_rows::labelled(nodes)
        .or_else(|| under_name_heading(nodes))
        .or_else(|| name_rows::details_line(nodes))
        .or_else(|| name_rows::list_head(nodes))
        .or_else(|| first_line(nodes))
        .or_else(|| first_small_heading(nodes));
    let Some((name, span, how)) = found else {
        return Arranged::default();
    };
    let note = Diagnostic::warning(
        Code::NameGuess,
        format!("`{}` is read as your name{how}", name.plain()),
    )
    .at(span.clone())
    .with_hint("write `# Your Name` on the first line to say so directly");
    Arranged {
        name: Some((name, span)),
        note: Some(note),
        ..Arranged::default()
    }
}

/// A `## Name` heading (a name key, emoji aside) over a one-line paragraph: the paragraph.
fn under_name_heading(nodes: &mut Vec<Node>) -> Option<(Text, Span, &'static str)> {
    let at = nodes.iter().take(12).position(|n| match n {
        Node::Heading { pieces, .. } => {
            let plain = inline::text(pieces).plain();
            let word: String = plain
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ')
                .collect();
            words::is_name_key(&word)
        }
        _ => false,
    })?;
    let Some(Node::Para { pieces, .. }) = nodes.get(at + 1) else {
        return None;
    };
    let text = inline::text(pieces);
    if text.plain().contains('\n') || !looks_like_name_with_gloss(&text.plain()) {
        return None;
    }
    let span = nodes[at].span().start..nodes[at + 1].span().end;
    nodes.drain(at..=at + 1);
    Some((text, span, "; its heading is left out"))
}

/// The first line of a file that starts with a plain paragraph, when it looks like a name and
/// more lines follow in that paragraph, or the next paragraph holds a contact or a place
/// ("Ayush Luhar" over "Nadiad, Gujarat, India").
fn first_line(nodes: &mut [Node]) -> Option<(Text, Span, &'static str)> {
    // A paragraph of its own is a name only when a contact or place line follows it.
    let next_is_contact = match nodes.get(1) {
        Some(Node::Para { pieces, .. }) => inline::lines(pieces).iter().any(|line| {
            let plain = inline::plain(line);
            is_contact_line(&plain) || super::place::is_place(plain.trim())
        }),
        _ => false,
    };
    let Some(Node::Para { pieces, span }) = nodes.first_mut() else {
        return None;
    };
    let end = pieces
        .iter()
        .position(|p| matches!(p, Piece::Break { .. }))
        .unwrap_or(pieces.len());
    let text = inline::text(&pieces[..end]);
    if !looks_like_name(&text.plain()) || (end == pieces.len() && !next_is_contact) {
        return None;
    }
    let line_span = inline::span_of(&text.runs, span);
    pieces.drain(..(end + 1).min(pieces.len()));
    Some((text, line_span, ""))
}

/// A file that starts with a `###` (or smaller) heading that looks like a name, in a file
/// without `#` or `##` headings above it ("### Viktor Ilikeev" over "### e-mail: …"): that
/// heading, which is taken out.
fn first_small_heading(nodes: &mut Vec<Node>) -> Option<(Text, Span, &'static str)> {
    let Some(Node::Heading {
        level,
        pieces,
        span,
    }) = nodes.first()
    else {
        return None;
    };
    let text = inline::text(pieces);
    if *level < 3 || text.plain().contains('\n') || !looks_like_name(&text.plain()) {
        return None;
    }
    let span = span.clone();
    nodes.remove(0);
    Some((text, span, " (the first heading)"))
}

/// Moves every heading one level down when the file uses `#` for sections and `##` for the
/// entries under them: its first heading is `#`, and `##` headings follow a `#`, most of them
/// not section words.
pub(super) fn shift_levels(nodes: &mut [Node]) {
    let first = nodes.iter().find_map(|n| match n {
        Node::Heading { level, .. } => Some(*level),
        _ => None,
    });
    if first != Some(1) {
        return;
    }
    // `##` headings under `#` ones, and how many of them are section words themselves.
    let (mut seen_h1, mut under, mut sectionlike) = (false, 0, 0);
    for node in nodes.iter() {
        match node {
            Node::Heading { level: 1, .. } => seen_h1 = true,
            Node::Heading {
                level: 2, pieces, ..
            } if seen_h1 => {
                under += 1;
                if words::has_section_word(&inline::text(pieces).plain()) {
                    sectionlike += 1;
                }
            }
            _ => {}
        }
    }
    // Mostly section words under `#` ("Education" / "Skills" in setext) are sections too.
    if under == 0 || sectionlike * 2 >= under {
        return;
    }
    for node in nodes {
        if let Node::Heading { level, .. } = node {
            *level = (*level + 1).min(6);
        }
    }
}

/// A name-like stretch of hidden text, to suggest when no name is found: a name inside a hidden
/// `<div>` is left out like all hidden text, but the warning can say what to write.
pub(super) fn hidden_guess(source: &str, hidden: &[Span]) -> Option<String> {
    hidden.iter().find_map(|span| {
        let text = source.get(span.clone())?;
        let text = text.trim().trim_start_matches('#').trim();
        (!text.contains(['<', '>', '\n']) && looks_like_name(text)).then(|| text.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{entry_of, no_name_hint, parse_ok};
    use crate::Block;

    fn name_of(src: &str) -> Option<String> {
        parse_ok(src).resume.header.name.map(|n| n.plain())
    }

    #[test]
    fn a_first_small_heading_that_looks_like_a_name_is_the_name() {
        let src = "### Viktor Ilikeev\n### e-mail: vik@example.com\n### I want to work in IT.\n";
        assert_eq!(name_of(src).as_deref(), Some("Viktor Ilikeev"));
        // Not a section word, and not below a `##`.
        assert_eq!(name_of("### Experience\n\nText\n"), None);
    }

    fn titles(src: &str) -> Vec<String> {
        let parsed = parse_ok(src);
        parsed
            .resume
            .sections
            .iter()
            .map(|s| s.title.plain())
            .collect()
    }

    #[test]
    fn a_section_word_is_never_the_name() {
        let src = "Education\n=========\n\nBSc Physics, 2019\n\nSkills\n------\n\nRust\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name, None);
        assert_eq!(titles(src), ["Education", "Skills"]);
        assert!(parsed.warnings[0].code == crate::Code::NoName);
        for heading in [
            "# Berufserfahrung",
            "# 教育背景",
            "# 경력",
            "# Expérience professionnelle",
        ] {
            let src = format!("{heading}\n\nText and more text.\n");
            assert_eq!(name_of(&src), None, "{heading}");
        }
    }

    #[test]
    fn a_quote_or_code_intro_goes_below_the_header() {
        let src = "> Built with love.\n\n```\nmake cv\n```\n\n# Jane Doe\n\njane@example.com\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
        assert_eq!(parsed.resume.header.contacts.len(), 1);
        assert!(parsed.resume.header.headline.is_empty());
        let intro = &parsed.resume.sections[0];
        assert!(intro.title.is_empty());
        assert_eq!(intro.blocks.len(), 2, "{:#?}", intro.blocks);
        assert_eq!(parsed.resume.sections[1].title.plain(), "Work");
    }

    #[test]
    fn a_job_title_above_a_bold_name() {
        let src =
            "# Senior Software Engineer\n\n**Jane Doe**\n\njane@example.com\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "Jane Doe");
        assert_eq!(header.headline[0].plain(), "Senior Software Engineer");
        assert_eq!(header.contacts[0].text, "jane@example.com");
        assert_eq!(titles(src), ["Work"]);
        // A role in the name heading with no bold name under it is still the name.
        assert_eq!(
            name_of("# Jane Doe, Software Engineer\n\n## Work\n\nHi.\n").as_deref(),
            Some("Jane Doe, Software Engineer")
        );
    }

    #[test]
    fn titles_that_are_not_names() {
        // Only job-title words: a headline, and no name printed as a guess.
        let parsed = parse_ok("# Software Developer\n\njane@example.com\n\n## Work\n\nHi.\n");
        assert_eq!(parsed.resume.header.name, None);
        assert_eq!(
            parsed.resume.header.headline[0].plain(),
            "Software Developer"
        );
        assert_eq!(titles("# Software Developer\n\n## Work\n\nHi.\n"), ["Work"]);
        // A document title above a `##` name, with a picture between.
        let src = "# Lebenslauf\n\n![me](me.png)\n\n## **Richard Roe**\n\n## Erfahrung\n\nText.\n";
        assert_eq!(name_of(src).as_deref(), Some("Richard Roe"));
        assert_eq!(titles(src), ["Erfahrung"]);
        // A repository title above the real `#` name.
        let src = "# cv-markdown\n\nFor a course.\n\n# Alex Roe\n\n## Skills\n\nRust\n";
        assert_eq!(name_of(src).as_deref(), Some("Alex Roe"));
        assert_eq!(titles(src), ["", "Skills"]);
        // "X's résumé" in Chinese.
        assert_eq!(
            name_of("和小明的简历\n====\n\n联系方式\n----\n\n文字\n").as_deref(),
            Some("和小明")
        );
    }

    #[test]
    fn a_name_row_in_the_first_section_or_among_other_lines() {
        let src = "# 简历\n\n## 基本信息\n\n- 姓名：王小明\n- 邮箱：xm@example.com\n\n## 工作经历\n\n文字。\n";
        assert_eq!(name_of(src).as_deref(), Some("王小明"));
        let src = "姓名：万小圆\n手机：175 0000 0000\n\n## 技能\n\nRust\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "万小圆"
        );
        assert_eq!(parsed.resume.header.contacts[0].text, "手机：175 0000 0000");
        let src = "# 職務経歴書\n\n| 氏名 | 山田 花子 |\n|---|---|\n| 法人 | Acme |\n\n## スキル\n\nRust\n";
        assert_eq!(name_of(src).as_deref(), Some("山田 花子"));
    }

    #[test]
    fn a_name_under_a_name_heading_a_glossed_h2_or_on_the_first_line() {
        let src = "# Future CV\n\n## 👤 Name\n\nJane Roe\n\n## Skills\n\nRust\n";
        assert_eq!(name_of(src).as_deref(), Some("Jane Roe"));
        assert_eq!(titles(src), ["Skills"]);
        let src = "## 李文博 /Wenbo Li\n\n## 工作经历\n\n文字。\n";
        assert_eq!(name_of(src).as_deref(), Some("李文博 /Wenbo Li"));
        let src = "Ayush Roe\nNadiad, Gujarat, India\n\n**Summary**\n\nText.\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Ayush Roe"
        );
        assert!(
            parsed
                .warnings
                .iter()
                .any(|w| w.code == crate::Code::NameGuess)
        );
        let src = "Ayush Roe\n\nNadiad, Gujarat, India\n\n**Summary**\n\nText.\n";
        assert_eq!(name_of(src).as_deref(), Some("Ayush Roe"));
        // A one-line paragraph is a headline, not a name guess.
        assert_eq!(name_of("Staff Engineer\n\n## Work\n\nHi.\n"), None);
        assert_eq!(name_of("Open Source Fan\n\n## Work\n\nHi.\n"), None);
    }

    #[test]
    fn contact_lines_written_as_headings_under_the_name_are_header_lines() {
        let src = "# Jane Roe\n\n## +20 122 052 2714 | Alexandria, Egypt\n## jane@example.com | https://x.org/jane\n\n\
                   ## Skills\n\nRust\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.contacts.len(),
            4,
            "{:#?}",
            parsed.resume.header
        );
        assert_eq!(titles(src), ["Skills"]);
    }

    #[test]
    fn fields_after_the_name_in_its_heading_are_a_headline() {
        let parsed =
            parse_ok("# 罗小斌\u{2003}\u{2003}性别：男\u{2003}年龄：21岁\n\n## 技能\n\nRust\n");
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "罗小斌");
        assert_eq!(header.headline[0].plain(), "性别：男\u{2003}年龄：21岁");
        assert_eq!(
            name_of("# Jane Roe\n\n## Work\n\nHi.\n").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn a_document_title_as_h2_then_the_name_with_places() {
        let src = "## Résumé\n\n### MAI TRAN | VIETNAM | HANOI\n\nWeb developer.\n\n### WORK\n\n\
                   #### 2020 - Now\n\nShe leads.\n";
        let parsed = parse_ok(src);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "MAI TRAN");
        assert_eq!(header.headline[0].plain(), "Résumé");
        let items: Vec<&str> = header.contacts.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(items, ["VIETNAM", "HANOI"]);
        assert!(
            parsed
                .warnings
                .iter()
                .all(|w| w.code != crate::Code::NoName)
        );
        // A section word under the title is not the name.
        assert_eq!(
            name_of("## Resume\n\n### Experience | 2020\n\nText.\n"),
            None
        );
    }

    #[test]
    fn with_a_front_matter_name_only_a_heading_sharing_a_word_is_the_name() {
        // A first heading that shares no word with the front matter's name is a section.
        let src = "---\nname: Ines Roe\n---\n\n# Cursus Universitaire\n\n## 2016 Doctorat\n\nText.\n\n\
                   # Encadrement\n\n## 2021 Stage\n\nText.\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name.unwrap().plain(), "Ines Roe");
        assert_eq!(titles(src), ["Cursus Universitaire", "Encadrement"]);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        // The name written again as a heading is replaced, with a warning.
        let src = "---\nname: Ines Roe\n---\n\n# Ines M. Roe\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name.unwrap().plain(), "Ines Roe");
        let placed: Vec<_> = parsed
            .warnings
            .iter()
            .map(|w| (w.code, &src[w.range().unwrap()]))
            .collect();
        assert_eq!(placed, [(crate::Code::LeftOut, "# Ines M. Roe\n")]);
        // A section first: a name-like `#` further down is not taken for the name.
        let src = "# Academic Education\n\nText.\n\n# Scientific Supervision\n\nText.\n";
        assert_eq!(
            titles(src),
            ["Academic Education", "Scientific Supervision"]
        );
    }

    #[test]
    fn a_name_written_as_h2_at_the_top() {
        let src = "## Jane Doe\n\njane@example.com\n\n## Experience\n\n### Engineer | Acme | 2020\n\n- Built.\n";
        assert_eq!(name_of(src).as_deref(), Some("Jane Doe"));
        assert_eq!(titles(src), ["Experience"]);
        assert_eq!(name_of("## Experience\n\nText.\n"), None);
    }

    #[test]
    fn a_name_row_below_a_language_switcher() {
        let src = "[中文](README.md) / English\n\n- Name: Jane Doe\n- Email: jane@example.com\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Jane Doe"
        );
        // The other rows are the header's contact items.
        let contacts: Vec<&str> = parsed
            .resume
            .header
            .contacts
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(contacts, ["Email: jane@example.com"]);
        assert_eq!(titles(src), ["Work"]);
        assert!(
            parsed
                .warnings
                .iter()
                .any(|w| w.code == crate::Code::NameGuess)
        );
        assert_eq!(
            name_of("姓名：王小明\n\n## 工作经历\n\n文字。\n").as_deref(),
            Some("王小明")
        );
        assert_eq!(
            name_of(
                "| Name | Jane Doe |\n|---|---|\n| Email | jane@example.com |\n\n## Work\n\nHi.\n"
            )
            .as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn a_hidden_name_is_suggested_and_a_printed_one_read() {
        let src = "<div style=\"display:none\">\n\n# Jane Doe\n\n</div>\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name, None);
        let hint = no_name_hint(&parsed);
        assert!(hint.contains("name = \"Jane Doe\""), "{hint}");
        let src =
            "<div class=\"d-none d-print-block\">\n\n# Jane Doe\n\n</div>\n\n## Work\n\nHi.\n";
        assert_eq!(name_of(src).as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn h1_sections_with_h2_entries_move_down_a_level() {
        let src = "# Experience\n\n## Acme Corp\n\nJan 2020 – Present\n\n- Built.\n\n## Initech\n\n- Fixed.\n\n\
                   # Education\n\n## State University\n\n### Honours\n\nSumma.\n";
        let parsed = parse_ok(src);
        assert_eq!(titles(src), ["Experience", "Education"]);
        let blocks = &parsed.resume.sections[0].blocks;
        assert_eq!(blocks.len(), 2);
        let acme = entry_of(&blocks[0]);
        assert_eq!(acme.title.plain(), "Acme Corp");
        assert_eq!(acme.dates.as_ref().unwrap().text, "Jan 2020 – Present");
        let school = entry_of(&parsed.resume.sections[1].blocks[0]);
        assert!(matches!(school.body[0], Block::Paragraph(_)));
        // With a name heading, the same file keeps its levels below the name.
        let named = format!("# Jane Doe\n\n{src}");
        assert_eq!(titles(&named), ["Experience", "Education"]);
        // `#` used for every heading stays as it is.
        assert_eq!(
            titles("# Work\n\nA.\n\n# Skills\n\nB.\n"),
            ["Work", "Skills"]
        );
    }

    #[test]
    fn sections_left_empty_are_left_out_with_a_warning() {
        let src = "# Jane Doe\n\n## Posts\n\n{% for post in site.posts %}\n\n{% endfor %}\n\n## Photo\n\n\
                   ![me](https://x.org/me.png)\n\n## Table\n\n<table><tr><td>x</td></tr></table>\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(titles(src), ["Work"]);
        let lines: Vec<usize> = parsed
            .warnings
            .iter()
            .filter(|w| w.code == crate::Code::EmptySection)
            .map(|w| crate::line_col(src, w.range().unwrap().start).0)
            .collect();
        assert_eq!(lines, [3, 9, 13]);
    }
}
