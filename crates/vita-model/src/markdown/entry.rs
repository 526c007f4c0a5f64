//! Entries: a `###` heading cut into title, organisation, place and dates, then the meta lines
//! under it, then the body.
//!
//! Meta lines are the short one-line paragraphs right after the heading ("San Francisco, CA",
//! "Founding member, Aspire (…)", "2018 – 2023"). The body starts at the first list, the first
//! paragraph that is long, multi-line, tab-split or a `**Key:**` row, or the first line that
//! reads as a sentence (ends with a period and has four or more words) — that last rule keeps a
//! one-line project description out of the organisation slot. A multi-line paragraph still
//! counts as meta lines when every line is short and one of them is a date or a place (the
//! same meta lines written without blank lines between them).

use std::collections::VecDeque;
use std::ops::Range;

use super::blocks::Node;
use super::inline::{self, Piece};
use super::{body, dates, parts, place};
use crate::{Dates, Diagnostic, Entry, Run, Span, Text};

/// Longest line, in characters, that can be a meta line.
const MAX_META_CHARS: usize = 120;

/// Title, organisation, place, dates and details as they are being found.
#[derive(Debug, Default)]
struct Slots {
    title: Option<Text>,
    organization: Option<Text>,
    place: Option<Text>,
    dates: Option<Dates>,
    details: Vec<Text>,
}

/// Reads an entry from its heading's pieces and span and the nodes up to the next heading.
///
/// Its tags are those of the heading, of tags comments on their own lines before the body, and
/// of tags comments in its meta lines.
pub(super) fn read(
    heading: &[Piece],
    span: Span,
    nodes: Vec<Node>,
    source: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Entry {
    let mut slots = Slots::default();
    let mut tags = inline::tags(heading);
    read_heading(&inline::text(heading).runs, source, &mut slots);
    let mut nodes: VecDeque<Node> = nodes.into();
    loop {
        if let Some(Node::Tags { names, .. }) = nodes.front() {
            inline::merge_tags(&mut tags, names);
        } else if let Some((lines, node)) = nodes
            .front()
            .and_then(|node| Some((meta_lines(node, source)?, node)))
        {
            if let Node::Para { pieces, .. } = node {
                inline::merge_tags(&mut tags, &inline::tags(pieces));
            }
            for line in lines {
                read_meta(&line, source, &mut slots);
            }
        } else if let Some((lines, rest)) = nodes.front().and_then(|n| leading_meta(n, source)) {
            // Dates or a place on the first lines of a paragraph that goes on as body text.
            for line in lines {
                read_meta(&line, source, &mut slots);
            }
            nodes[0] = rest;
            break;
        } else {
            break;
        }
        nodes.pop_front();
    }
    Entry {
        title: slots.title.unwrap_or_default(),
        organization: slots.organization,
        place: slots.place,
        dates: slots.dates,
        details: slots.details,
        body: body::blocks(nodes.into(), source, warnings),
        tags,
        span,
    }
}

/// Fills the slots from the heading: dates and places by shape, then title, organisation and
/// details in order.
fn read_heading(runs: &[Run], source: &str, slots: &mut Slots) {
    let plain = inline::plain(runs);
    let cut = parts::cut(&plain);
    let mut dates_at = None;
    let mut place = None;
    let mut rest: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, range) in cut.iter().enumerate() {
        let text = plain.get(range.clone()).unwrap_or_default();
        if dates_at.is_none()
            && let Some(found) = dates::whole(text)
        {
            slots.dates = Some(make_dates(runs, &plain, range.clone(), found, source));
            dates_at = Some(i);
        } else if place.is_none() && place::is_place(text) {
            place = Some(range.clone());
        } else {
            rest.push((i, range.clone()));
        }
    }
    // "Engineer | Acme | 2019 – 2021 | Springfield": a last part after the dates, once title and
    // organisation are taken, is the place even when the heuristic does not know the town.
    if place.is_none()
        && rest.len() >= 3
        && let (Some(d), Some((last, _))) = (dates_at, rest.last())
        && *last == cut.len() - 1
        && *last > d
    {
        place = rest.pop().map(|(_, r)| r);
    }
    // A heading that is only a place ("### Remote") is a title after all.
    if rest.is_empty()
        && let Some(p) = place.take()
    {
        rest.push((0, p));
    }
    let mut rest: Vec<Range<usize>> = rest.into_iter().map(|(_, r)| r).collect();
    if let [only] = rest.as_slice()
        && let Some((title, org)) = split_title(&plain, only.clone(), cut.len() > 1)
    {
        rest = vec![title, org];
    }
    let text_of = |range: Range<usize>| slice_text(runs, range, source);
    slots.place = place.map(text_of);
    let mut rest = rest.into_iter().map(text_of);
    slots.title = rest.next();
    slots.organization = rest.next();
    slots.details.extend(rest);
}

/// "Staff Engineer at Stripe" → title and organisation; with other parts present (pipes),
/// also "Tech Lead, Incubyte".
fn split_title(
    plain: &str,
    range: Range<usize>,
    had_separators: bool,
) -> Option<(Range<usize>, Range<usize>)> {
    let text = plain.get(range.clone())?;
    let mut seps = vec![" at ", " @ "];
    if had_separators {
        seps.push(", ");
    }
    seps.into_iter().find_map(|sep| {
        let i = text.find(sep)?;
        let title = inline::trim_range(plain, range.start..range.start + i, &[' ']);
        let org = inline::trim_range(plain, range.start + i + sep.len()..range.end, &[' ']);
        (!title.is_empty() && !org.is_empty()).then_some((title, org))
    })
}

/// The lines of `node` if it is made of meta lines.
fn meta_lines(node: &Node, source: &str) -> Option<Vec<Vec<Run>>> {
    let Node::Para { pieces, span } = node else {
        return None;
    };
    // A code block is body, never a meta line.
    let code = pieces.iter().all(|p| match p {
        Piece::Run(run) => run.style.code,
        _ => true,
    });
    if code {
        return None;
    }
    let lines: Vec<Vec<Run>> = inline::lines(pieces)
        .into_iter()
        .filter(|line| !inline::normalize(line.clone()).is_empty())
        .collect();
    let short = lines
        .iter()
        .all(|line| is_meta_candidate(line, span, source));
    if !short || lines.is_empty() {
        return None;
    }
    let marked = lines.iter().any(|line| is_marked(line));
    (lines.len() == 1 || marked).then_some(lines)
}

/// The first lines of a paragraph that are dates or a place, when later lines are body text
/// ("Nov 2020 – Present" on the line above "Working closely with teams."): those lines, and the
/// rest of the paragraph as a paragraph of its own.
fn leading_meta(node: &Node, source: &str) -> Option<(Vec<Vec<Run>>, Node)> {
    let Node::Para { pieces, span } = node else {
        return None;
    };
    let lines = inline::lines(pieces);
    let lead = lines
        .iter()
        .take_while(|line| is_meta_candidate(line, span, source) && is_marked(line))
        .count();
    if lead == 0 || lead >= lines.len() {
        return None;
    }
    let mut breaks = 0;
    let cut = pieces.iter().position(|p| {
        breaks += usize::from(matches!(p, Piece::Break { .. }));
        breaks == lead
    })?;
    let rest: Vec<Piece> = pieces[cut + 1..].to_vec();
    let start = rest.first().map(|p| match p {
        Piece::Run(run) => run.span.start,
        Piece::Break { span, .. } | Piece::Tags { span, .. } => span.start,
        Piece::Image(image) => image.span.start,
    })?;
    let rest = Node::Para {
        pieces: rest,
        span: start.max(span.start)..span.end,
    };
    Some((lines[..lead].to_vec(), rest))
}

/// True when a part of the line is a date or a place.
fn is_marked(line: &[Run]) -> bool {
    let plain = inline::normalize(line.to_vec()).plain();
    parts::cut(&plain).iter().any(|r| {
        let part = plain.get(r.clone()).unwrap_or_default();
        dates::whole(part).is_some() || place::is_place(part)
    })
}

fn is_meta_candidate(line: &[Run], span: &Span, source: &str) -> bool {
    if body::split_at_tab(line, source).is_some() {
        return false;
    }
    let text = inline::normalize(line.to_vec());
    let plain = text.plain();
    let sentence = plain.ends_with('.') && plain.split_whitespace().count() >= 4;
    plain.chars().count() <= MAX_META_CHARS
        && !plain.contains('\n')
        && !sentence
        && body::field(text, span.clone()).is_none()
}

/// Files one meta line: a date or place fills its slot; other text becomes the organisation if
/// there is none yet, else a detail.
fn read_meta(line: &[Run], source: &str, slots: &mut Slots) {
    let text = inline::normalize(line.to_vec());
    let runs = text.runs;
    let plain = inline::plain(&runs);
    let cut = parts::cut(&plain);
    let mut others = Vec::new();
    let mut extra = Vec::new();
    for range in &cut {
        let part = plain.get(range.clone()).unwrap_or_default();
        if let Some(found) = dates::whole(part) {
            match slots.dates {
                None => slots.dates = Some(make_dates(&runs, &plain, range.clone(), found, source)),
                Some(_) => extra.push(range.clone()),
            }
        } else if place::is_place(part) {
            match slots.place {
                None => slots.place = Some(slice_text(&runs, range.clone(), source)),
                Some(_) => extra.push(range.clone()),
            }
        } else {
            others.push(range.clone());
        }
    }
    // Nothing recognised: keep the line whole, separators and all.
    if others.len() == cut.len() {
        others.clear();
        others.push(0..plain.len());
    }
    for range in extra {
        slots.details.push(slice_text(&runs, range, source));
    }
    let dated = cut.len() > others.len();
    for range in others {
        // An icon beside the dates or place (`*📅 2016*`, `📍 Nantes`) is their label, not a
        // line of its own: with no letter or digit, it goes with what it labelled.
        let part = plain.get(range.clone()).unwrap_or_default();
        if dated && !part.chars().any(char::is_alphanumeric) {
            continue;
        }
        let text = slice_text(&runs, range, source);
        if text.is_empty() {
            continue;
        }
        let bold = text
            .runs
            .iter()
            .all(|r| r.style.strong || r.text.trim().is_empty());
        if slots.organization.is_none() && bold && dated && slots.title.is_some() {
            // "June 2019 – August 2019: **Intern**" under "### Google": the bold words beside
            // the dates are the role, and the heading is the organisation.
            slots.organization = slots.title.replace(text);
        } else if slots.organization.is_none() {
            slots.organization = Some(text);
        } else {
            slots.details.push(text);
        }
    }
}

/// Display text for a plain-text range of `runs`.
fn slice_text(runs: &[Run], range: Range<usize>, source: &str) -> Text {
    inline::normalize(inline::slice(runs, range, source))
}

fn make_dates(
    runs: &[Run],
    plain: &str,
    range: Range<usize>,
    found: dates::Found,
    source: &str,
) -> Dates {
    let cut = inline::slice(runs, range.clone(), source);
    let span = inline::span_of(&cut, &(0..0));
    Dates {
        text: plain.get(range).unwrap_or_default().trim().to_string(),
        start: found.start,
        end: found.end,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::entry;
    use crate::{Date, DateEnd, Text};

    fn slots(e: &crate::Entry) -> [Option<String>; 4] {
        [
            Some(e.title.plain()),
            e.organization.as_ref().map(Text::plain),
            e.place.as_ref().map(Text::plain),
            e.dates.as_ref().map(|d| d.text.clone()),
        ]
    }

    fn expect(heading: &str, want: [Option<&str>; 4]) {
        let e = entry(&format!("### {heading}\n"));
        assert_eq!(slots(&e), want.map(|s| s.map(String::from)), "{heading}");
    }

    #[test]
    fn heading_fields() {
        expect(
            "Staff Engineer at Stripe",
            [Some("Staff Engineer"), Some("Stripe"), None, None],
        );
        expect(
            "Engineer — Acme — 2019 - 2021",
            [Some("Engineer"), Some("Acme"), None, Some("2019 - 2021")],
        );
        expect(
            "Tech Lead, Incubyte | Jun 2021 – Present | Remote",
            [
                Some("Tech Lead"),
                Some("Incubyte"),
                Some("Remote"),
                Some("Jun 2021 – Present"),
            ],
        );
        expect(
            "Engineer | Acme | 2019 – 2021 | Springfield",
            [
                Some("Engineer"),
                Some("Acme"),
                Some("Springfield"),
                Some("2019 – 2021"),
            ],
        );
        expect(
            "Tech Lead, Platform",
            [Some("Tech Lead, Platform"), None, None, None],
        );
        expect(
            "BSc Physics (2015)",
            [Some("BSc Physics"), None, None, Some("2015")],
        );
        expect("Remote", [Some("Remote"), None, None, None]);
        expect("", [Some(""), None, None, None]);
    }

    #[test]
    fn heading_dates_variants() {
        let cases = [
            (
                "June 2019 to Present",
                Date {
                    year: 2019,
                    month: Some(6),
                },
                DateEnd::Present,
            ),
            (
                "2019–2021",
                Date {
                    year: 2019,
                    month: None,
                },
                DateEnd::Date(Date {
                    year: 2021,
                    month: None,
                }),
            ),
            (
                "03/2020 - Current",
                Date {
                    year: 2020,
                    month: Some(3),
                },
                DateEnd::Present,
            ),
            (
                "2018 — Now",
                Date {
                    year: 2018,
                    month: None,
                },
                DateEnd::Present,
            ),
        ];
        for (dates, start, end) in cases {
            let e = entry(&format!("### Engineer | Acme | {dates}\n"));
            let d = e.dates.expect(dates);
            assert_eq!((d.text.as_str(), d.start, d.end), (dates, start, Some(end)));
            assert_eq!(e.organization.unwrap().plain(), "Acme");
        }
    }

    #[test]
    fn an_icon_beside_dates_is_no_line_of_its_own() {
        let e = entry("### Master e-commerce\n*📅 2016*\n\n- Studied.\n");
        assert!(e.organization.is_none() && e.details.is_empty(), "{e:?}");
        assert_eq!(e.dates.unwrap().text, "2016");
        // Without dates the line stays whole, icon and all.
        let e = entry("### Master e-commerce\n*📅 Nantes school*\n\n- Studied.\n");
        assert_eq!(e.organization.unwrap().plain(), "📅 Nantes school");
    }

    #[test]
    fn meta_lines_fill_slots_and_details() {
        let e = entry(
            "### Staff Software Engineer\n\nSan Francisco, CA\n\nFounding member, Aspire (Python)\n\n\
             2018 – 2023\n\nPart-time\n\n- Built.\n",
        );
        assert_eq!(e.place.unwrap().plain(), "San Francisco, CA");
        assert_eq!(
            e.organization.unwrap().plain(),
            "Founding member, Aspire (Python)"
        );
        assert_eq!(e.dates.unwrap().text, "2018 – 2023");
        assert_eq!(e.details.len(), 1);
        assert_eq!(e.details[0].plain(), "Part-time");
        assert_eq!(e.body.len(), 1);
    }

    #[test]
    fn dates_on_the_first_line_of_a_body_paragraph() {
        let e = entry("### Acme Inc\nNov 2020 -- Present\nWorking closely with teams.\n");
        assert_eq!(e.title.plain(), "Acme Inc");
        assert_eq!(e.dates.as_ref().unwrap().text, "Nov 2020 – Present");
        let [crate::Block::Paragraph(p)] = &e.body[..] else {
            panic!("{:#?}", e.body)
        };
        assert_eq!(p.text.plain(), "Working closely with teams.");
    }

    #[test]
    fn seasons_and_unread_words_are_dates_in_one_piece() {
        let e = entry("### Teaching Assistant | Spring 2021 -- Fall 2022\n");
        assert_eq!(e.dates.unwrap().text, "Spring 2021 – Fall 2022");
        let e = entry("### Desarrollador | Acme | Sep 2021 – Qwer 2022\n");
        let d = e.dates.unwrap();
        assert_eq!(
            (d.text.as_str(), d.end),
            ("Sep 2021 – Qwer 2022", Some(DateEnd::Unread))
        );
        assert_eq!(e.organization.unwrap().plain(), "Acme");
        let e = entry("### Engenheiro\n\nAcme\n\nJun 2024 – Presente\n");
        let d = e.dates.unwrap();
        assert_eq!(
            (d.text.as_str(), d.end),
            ("Jun 2024 – Presente", Some(DateEnd::Present))
        );
        assert!(e.details.is_empty());
        let e = entry("### Werkstudent\n\nAcme GmbH (parallel zum Studium ab 06/2023)\n");
        assert_eq!(
            e.organization.unwrap().plain(),
            "Acme GmbH (parallel zum Studium ab 06/2023)"
        );
        assert!(e.dates.is_none());
    }

    #[test]
    fn dates_then_a_bold_role_under_an_organisation() {
        let e =
            entry("### Google\nJune 2019--August 2019: **Software Engineer Intern**\n\n- Built.\n");
        assert_eq!(e.title.plain(), "Software Engineer Intern");
        assert_eq!(e.organization.unwrap().plain(), "Google");
        assert_eq!(e.dates.unwrap().text, "June 2019–August 2019");
        assert!(matches!(e.body[..], [crate::Block::List(_)]));
    }

    #[test]
    fn body_starts_at_long_or_tabbed_or_field_paragraphs() {
        let long = "word ".repeat(30);
        let e = entry(&format!("### Engineer\n\n{long}\n\nAcme\n"));
        assert!(e.organization.is_none());
        assert_eq!(e.body.len(), 2);
        let e = entry("### Engineer\n\n**Stack:** Rust\n");
        assert!(e.organization.is_none());
        assert!(matches!(e.body[..], [crate::Block::Fields(_)]));
    }
}
