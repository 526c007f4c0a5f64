//! The name written as a labelled row or as the first line of the personal details, when the
//! file has no name heading:
//!
//! - a `Name: Jane Doe` row in a paragraph line, a list item, a table (`| Name | Jane Doe |`)
//!   or a small heading (`### My name: Jane Doe`); the label is matched without its spaces,
//!   emphasis and emoji (`姓   名：`, `**Name:**`);
//! - a first-name row and a last-name row (`Vorname` / `Nachname`, `First name` / `Surname`):
//!   the two values joined;
//! - a name row that goes on with other fields (`姓名：罗斌　　性别：男`): the name, and the
//!   fields stay where they were;
//! - the first line under a personal-details heading (`## Personalien` over `Luca Roe<br>`,
//!   `## 个人信息` over `- 王小明/男/2000`);
//! - a bare name heading a list of contact items (`- Kim Minsu` over `- Email: …`).
//!
//! Rows are looked for before the second section and in any personal-details section near the
//! top. What is read as the name is taken out, so it is printed once, in the header.

use super::blocks::{Item, Node};
use super::inline::{self, Piece};
use super::name::{looks_like_name, looks_like_name_with_gloss};
use super::{body, contact, tables, words};
use crate::{ContactKind, Field, Run, Span, Text};

/// How far down the file a personal-details heading is looked for, in top-level nodes.
const DETAILS_REACH: usize = 40;

/// A name found, where it was, and how (for the note telling the user how it was read).
pub(super) type Found = (Text, Span, &'static str);

/// The name from a labelled row before the second section or in a personal-details section;
/// the row is taken out (a node left empty goes too).
pub(super) fn labelled(nodes: &mut Vec<Node>) -> Option<Found> {
    for index in scope(nodes) {
        if let Some((name, span)) = name_row(&mut nodes[index]) {
            if is_empty(&nodes[index]) {
                nodes.remove(index);
            }
            return Some((name, span, "; its label is left out"));
        }
    }
    None
}

/// The name as the first line under a personal-details heading: the first line of the
/// paragraph right under it, or the first item of the list right under it, up to a `/`
/// (`王小明/男/2000`: the rest stays in the item).
pub(super) fn details_line(nodes: &mut Vec<Node>) -> Option<Found> {
    let at = nodes
        .iter()
        .take(DETAILS_REACH)
        .position(is_details_heading)?
        + 1;
    let found = match nodes.get_mut(at)? {
        Node::Para { pieces, span } => first_line_name(pieces, span),
        Node::List { items, .. } => first_item_name(items),
        _ => None,
    }?;
    if is_empty(&nodes[at]) {
        nodes.remove(at);
    }
    Some((
        found.0,
        found.1,
        " (the first line of the personal details)",
    ))
}

/// A bare name as the first item of a list of contact items before the first section
/// (`- Kim Minsu` over `- Email: minsu@example.com`): the item is taken out.
pub(super) fn list_head(nodes: &mut [Node]) -> Option<Found> {
    let end = nodes
        .iter()
        .position(|n| matches!(n, Node::Heading { level, .. } if *level <= 2))
        .unwrap_or(nodes.len());
    let at = nodes[..end].iter().position(|node| {
        let Node::List { items, .. } = node else {
            return false;
        };
        let Some((first, rest)) = items.split_first() else {
            return false;
        };
        let head = one_line(first).map(|(text, _)| text.plain());
        head.is_some_and(|h| !h.contains([':', '：']) && is_bare_name(&h))
            && rest.iter().any(|item| {
                one_line(item).is_some_and(|(text, span)| {
                    text.runs.iter().any(|r| r.link.is_some())
                        || matches!(
                            contact::from_text(&text.plain(), span).kind,
                            ContactKind::Email | ContactKind::Url | ContactKind::Phone
                        )
                })
            })
    })?;
    let Node::List { items, .. } = &mut nodes[at] else {
        return None;
    };
    let (text, span) = one_line(&items.remove(0))?;
    Some((text, span, " (the first item of the contact list)"))
}

/// Indices of the nodes a name row may be in: before the second section heading, and inside
/// the personal-details sections near the top.
fn scope(nodes: &[Node]) -> Vec<usize> {
    let second = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n, Node::Heading { level, .. } if *level <= 2))
        .nth(1)
        .map_or(nodes.len(), |(i, _)| i);
    let mut scope: Vec<usize> = (0..second).collect();
    for (at, node) in nodes.iter().enumerate().take(DETAILS_REACH) {
        let Node::Heading { level, .. } = node else {
            continue;
        };
        if !is_details_heading(node) {
            continue;
        }
        let end = nodes
            .iter()
            .enumerate()
            .skip(at + 1)
            .find(|(_, n)| matches!(n, Node::Heading { level: l, .. } if l <= level))
            .map_or(nodes.len(), |(i, _)| i);
        scope.extend((at + 1..end).filter(|i| *i >= second));
    }
    scope
}

fn is_details_heading(node: &Node) -> bool {
    matches!(node, Node::Heading { pieces, .. }
        if words::is_details_title(&inline::text(pieces).plain()))
}

/// True for a table row whose cells are all empty.
fn is_blank_row(row: &[super::blocks::Cell]) -> bool {
    row.iter().all(|cell| inline::text(cell).is_empty())
}

/// True for a node the name was the whole of.
fn is_empty(node: &Node) -> bool {
    match node {
        Node::Para { pieces, .. } => inline::text(pieces).is_empty(),
        Node::List { items, .. } => items.is_empty(),
        _ => false,
    }
}

/// Takes a name row out of `node` (a paragraph line, a list item, a table row, a heading).
fn name_row(node: &mut Node) -> Option<(Text, Span)> {
    match node {
        Node::Para { pieces, span } => para_row(pieces, span),
        Node::List { items, .. } => list_row(items),
        Node::Table { head, rows, .. } => {
            let blank: Vec<bool> = rows.iter().map(|r| is_blank_row(r)).collect();
            // A first-name and a last-name cell pair: tried on copies, kept when both are there.
            let (mut h, mut r) = (head.clone(), rows.clone());
            let given = tables::take_name(&mut h, &mut r, words::is_given_name_key);
            let family = tables::take_name(&mut h, &mut r, words::is_family_name_key);
            let found = match (given, family) {
                (Some(given), Some(family)) => {
                    (*head, *rows) = (h, r);
                    Some(join(given, family))
                }
                _ => tables::take_name(head, rows, words::is_name_key),
            }?;
            // Rows the name was the whole of go; rows written empty stay.
            let mut index = 0;
            rows.retain(|row| {
                index += 1;
                blank[index - 1] || !is_blank_row(row)
            });
            Some(found)
        }
        Node::Heading { pieces, span, .. } => {
            let text = inline::text(pieces);
            let row = row_of(&text, span).filter(|r| words::is_name_key(&r.key.plain()))?;
            let found = (row.value, span.clone());
            *node = Node::Para {
                pieces: Vec::new(),
                span: span.clone(),
            };
            Some(found)
        }
        _ => None,
    }
}

/// Which rows hold the name: a first-name row and a last-name row, or one name row.
enum Choice {
    Joined(usize, usize),
    One(usize),
}

fn choose(keys: &[String]) -> Option<Choice> {
    let given = keys.iter().position(|k| words::is_given_name_key(k));
    let family = keys.iter().position(|k| words::is_family_name_key(k));
    match (given, family) {
        (Some(g), Some(f)) if g != f => Some(Choice::Joined(g, f)),
        _ => keys
            .iter()
            .position(|k| words::is_name_key(k))
            .map(Choice::One),
    }
}

/// A first name and a last name as one name: "Daniel Roe", or family name first and unspaced
/// for scripts written without spaces ("王" + "小明").
fn join(given: (Text, Span), family: (Text, Span)) -> (Text, Span) {
    let unspaced = family
        .0
        .plain()
        .chars()
        .all(|c| c.is_whitespace() || super::name::is_unspaced_letter(c));
    let span = given.1.start.min(family.1.start)..given.1.end.max(family.1.end);
    let (first, second) = if unspaced {
        (family.0, given.0)
    } else {
        (given.0, family.0)
    };
    let mut runs = first.runs;
    if !unspaced {
        let at = runs.last().map_or(span.start, |r| r.span.end);
        runs.push(Run {
            text: " ".into(),
            style: crate::Style::default(),
            link: None,
            span: at..at,
        });
    }
    runs.extend(second.runs);
    (inline::normalize(runs), span)
}

/// A name value that goes on with labelled fields ("罗斌　　性别：男　　年龄：21岁"): the name,
/// and the fields.
fn split_fields(value: &Text) -> Option<(Text, Text)> {
    let plain = value.plain();
    let cut = plain.find(char::is_whitespace)?;
    let rest = plain[cut..].trim_start();
    let labelled = rest.contains('：') || rest.contains(": ");
    if !labelled || !looks_like_name(&plain[..cut]) {
        return None;
    }
    let name = inline::normalize(inline::slice(&value.runs, 0..cut, ""));
    let fields = inline::normalize(inline::slice(&value.runs, cut..plain.len(), ""));
    Some((name, fields))
}

/// A row in `text`: `**Name:** Jane`, `**Name**: Jane` or `Name: Jane`, `姓名：王小明`.
fn row_of(text: &Text, span: &Span) -> Option<Field> {
    body::field(text.clone(), span.clone()).or_else(|| colon_row(text, span))
}

/// `Name: Jane Doe` or `姓名：王小明` in plain text.
fn colon_row(text: &Text, span: &Span) -> Option<Field> {
    let plain = text.plain();
    let (key, value) = plain.split_once(':').or_else(|| plain.split_once('：'))?;
    let (key, value) = (key.trim(), value.trim());
    (!key.is_empty() && !value.is_empty()).then(|| Field {
        key: Text::plain_run(key, span.clone()),
        value: Text::plain_run(value, span.clone()),
        tags: Vec::new(),
        span: span.clone(),
    })
}

/// Pieces of `text` as a paragraph's content.
fn pieces_of(text: Text) -> Vec<Piece> {
    text.runs.into_iter().map(Piece::Run).collect()
}

/// Takes the name rows out of a paragraph, line by line ("姓名：万圆" above "手机：…").
fn para_row(pieces: &mut Vec<Piece>, span: &Span) -> Option<(Text, Span)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in (0..=pieces.len())
        .filter(|&i| i == pieces.len() || matches!(pieces[i], Piece::Break { .. }))
    {
        let text = inline::text(&pieces[start..end]);
        let line_span = inline::span_of(&text.runs, span);
        if let Some(row) = row_of(&text, &line_span) {
            lines.push((start..(end + 1).min(pieces.len()), row, line_span));
        }
        start = end + 1;
    }
    let keys: Vec<String> = lines.iter().map(|(_, row, _)| row.key.plain()).collect();
    match choose(&keys)? {
        Choice::Joined(g, f) => {
            let found = join(
                (lines[g].1.value.clone(), lines[g].2.clone()),
                (lines[f].1.value.clone(), lines[f].2.clone()),
            );
            let (a, b) = (lines[g].0.clone(), lines[f].0.clone());
            let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
            pieces.drain(second);
            pieces.drain(first);
            Some(found)
        }
        Choice::One(i) => {
            let (range, row, line_span) = lines.swap_remove(i);
            match split_fields(&row.value) {
                Some((name, fields)) => {
                    let mut kept = pieces_of(fields);
                    if range.end > range.start
                        && matches!(pieces[range.end - 1], Piece::Break { .. })
                    {
                        kept.push(pieces[range.end - 1].clone());
                    }
                    pieces.splice(range, kept);
                    Some((name, line_span))
                }
                None => {
                    pieces.drain(range);
                    Some((row.value, line_span))
                }
            }
        }
    }
}

/// The text and span of a list item that is one line of text.
fn one_line(item: &Item) -> Option<(Text, Span)> {
    let [Node::Para { pieces, span }] = item.nodes.as_slice() else {
        return None;
    };
    let text = inline::text(pieces);
    (!text.plain().contains('\n') && !text.is_empty()).then(|| (text, span.clone()))
}

/// Takes the name rows out of a list's items.
fn list_row(items: &mut Vec<Item>) -> Option<(Text, Span)> {
    let rows: Vec<Option<(Field, Span)>> = items
        .iter()
        .map(|item| match item.nodes.as_slice() {
            [Node::Para { pieces, span }] => {
                row_of(&inline::text(pieces), span).map(|row| (row, span.clone()))
            }
            _ => None,
        })
        .collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|(row, _)| row.key.plain())
                .unwrap_or_default()
        })
        .collect();
    let value = |i: usize| {
        rows[i]
            .as_ref()
            .map(|(row, span)| (row.value.clone(), span.clone()))
    };
    match choose(&keys)? {
        Choice::Joined(g, f) => {
            let found = join(value(g)?, value(f)?);
            items.remove(g.max(f));
            items.remove(g.min(f));
            Some(found)
        }
        Choice::One(i) => {
            let (text, span) = value(i)?;
            match split_fields(&text) {
                Some((name, fields)) => {
                    items[i].nodes = vec![Node::Para {
                        pieces: pieces_of(fields),
                        span: span.clone(),
                    }];
                    Some((name, span))
                }
                None => {
                    items.remove(i);
                    Some((text, span))
                }
            }
        }
    }
}

/// The first line of a paragraph when it looks like a name: taken out with its line break.
fn first_line_name(pieces: &mut Vec<Piece>, span: &Span) -> Option<(Text, Span)> {
    let end = pieces
        .iter()
        .position(|p| matches!(p, Piece::Break { .. }))
        .unwrap_or(pieces.len());
    let text = inline::text(&pieces[..end]);
    let plain = text.plain();
    // A labelled line ("Father Name: Omar Roe") is a row, read by label or not at all.
    if !is_unlabelled(&plain) || !looks_like_name_with_gloss(&plain) {
        return None;
    }
    let line_span = inline::span_of(&text.runs, span);
    pieces.drain(..(end + 1).min(pieces.len()));
    Some((text, line_span))
}

/// The first item of a list when it is a name, or starts with one before a `/`
/// (`王小明/男/2000`): the name is taken out of the item, the rest stays.
fn first_item_name(items: &mut Vec<Item>) -> Option<(Text, Span)> {
    let (text, span) = one_line(items.first()?)?;
    let plain = text.plain();
    if plain.contains([':', '：']) {
        return None;
    }
    if is_bare_name(&plain) {
        items.remove(0);
        return Some((text, span));
    }
    let cut = plain.find(['/', '／'])?;
    if !looks_like_name(plain[..cut].trim()) {
        return None;
    }
    let slash = plain[cut..].chars().next().map_or(1, char::len_utf8);
    let name = inline::normalize(inline::slice(&text.runs, 0..cut, ""));
    let rest = inline::normalize(inline::slice(&text.runs, cut + slash..plain.len(), ""));
    if rest.is_empty() {
        items.remove(0);
    } else {
        items[0].nodes = vec![Node::Para {
            pieces: pieces_of(rest),
            span: span.clone(),
        }];
    }
    Some((name, span))
}

/// A line without a label that is not a place ("Berlin, Germany").
fn is_unlabelled(line: &str) -> bool {
    !line.contains([':', '：']) && !super::place::is_place(line)
}

/// A line that is a name and nothing else: no label, not a place.
fn is_bare_name(line: &str) -> bool {
    is_unlabelled(line) && looks_like_name(line)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse_ok;

    fn name_of(src: &str) -> Option<String> {
        parse_ok(src).resume.header.name.map(|n| n.plain())
    }

    /// The plain text of everything in the sections, for "the rest stays" checks.
    fn body_text(src: &str) -> String {
        format!("{:?}", parse_ok(src).resume.sections)
    }

    #[test]
    fn first_and_last_name_rows_are_joined() {
        let table = "# Lebenslauf\n\n## Persönliche Daten\n\n| | |\n|---|---|\n| **Vorname** | Lena |\n\
                     | **Nachname** | Brandt |\n| **Telefon** | +41 79 000 00 00 |\n\n## Bildung\n\nText.\n";
        assert_eq!(name_of(table).as_deref(), Some("Lena Brandt"));
        let body = body_text(table);
        assert!(
            !body.contains("Vorname") && body.contains("Telefon"),
            "{body}"
        );
        // The rows the name filled are gone, not left blank.
        let parsed = parse_ok(table);
        let crate::Block::Fields(fields) = &parsed.resume.sections[0].blocks[0] else {
            panic!("{:#?}", parsed.resume.sections[0].blocks)
        };
        assert_eq!(fields.len(), 1);
        let list =
            "- Last name: Roe\n- First name: Jane\n- Email: jane@example.com\n\n## Work\n\nHi.\n";
        assert_eq!(name_of(list).as_deref(), Some("Jane Roe"));
        let lines = "Surname: Roe  \nGiven name: Jane\n\n## Work\n\nHi.\n";
        assert_eq!(name_of(lines).as_deref(), Some("Jane Roe"));
        // Family name first, unspaced, in scripts written without spaces.
        let cjk = "- 姓：王\n- 名：小明\n\n## 工作经历\n\n文字。\n";
        assert_eq!(name_of(cjk).as_deref(), Some("王小明"));
        // One of the two alone is not the name.
        assert_eq!(name_of("- Surname: Roe\n\n## Work\n\nHi.\n"), None);
    }

    #[test]
    fn labels_are_read_without_their_padding_and_emphasis() {
        let src = "# 简历\n\n## 基本信息\n\n- 姓   名\t：邓小勤\n- 民   族\t：汉\n\n## 校园经历\n\n文字。\n";
        assert_eq!(name_of(src).as_deref(), Some("邓小勤"));
        assert!(body_text(src).contains("民   族") || body_text(src).contains("民 族"));
        let src = "## Junior Developer Resume\n\n### My name: _Vera Lind_\n\n### Skills\n\nJava\n";
        let parsed = parse_ok(src);
        assert_eq!(
            parsed
                .resume
                .header
                .name
                .as_ref()
                .map(|n| n.plain())
                .as_deref(),
            Some("Vera Lind")
        );
        assert_eq!(
            parsed.resume.header.headline[0].plain(),
            "Junior Developer Resume"
        );
        // Another person's name is not the name.
        let src = "# Basic Information\n\nFather Name: Omar Roe\n\n# Education\n\nSchool.\n";
        assert_eq!(name_of(src), None);
    }

    #[test]
    fn a_name_row_followed_by_fields_keeps_the_fields() {
        let src = "## 个人信息\n\n- 姓名：罗小斌\u{2003}\u{2003}性别：男\u{2003}年龄：21岁\n- 专业：计算机\n\n\
                   ## 技能\n\nRust\n";
        assert_eq!(name_of(src).as_deref(), Some("罗小斌"));
        let body = body_text(src);
        assert!(
            body.contains("性别：男") && !body.contains("姓名"),
            "{body}"
        );
        let src = "姓名：罗小斌\u{2003}性别：男\n手机：138 0000 0000\n\n## 技能\n\nRust\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name.unwrap().plain(), "罗小斌");
        assert_eq!(parsed.resume.header.headline[0].plain(), "性别：男");
    }

    #[test]
    fn the_first_line_of_the_personal_details() {
        let src = "# Lebenslauf\n\n## Personalien\n\nJonas Keller<br />\n01.02.1994\n\n## Bildung\n\nText.\n";
        assert_eq!(name_of(src).as_deref(), Some("Jonas Keller"));
        assert!(body_text(src).contains("01.02.1994"));
        let src = "# 个人信息\n\n - 李小红/女/1998\n - 本科\n\n# 技能\n\n- Rust\n";
        assert_eq!(name_of(src).as_deref(), Some("李小红"));
        assert!(body_text(src).contains("女/1998"));
        // A row in a personal-details section further down.
        let src = "# 職務経歴書\n\n## 自己紹介\n\n文。\n\n## 経験\n\n文。\n\n## 基本情報\n\n\
                   |key|value|\n|--|--|\n|Name|山田 花子|\n|Birth|1995|\n\n## 技術\n\n- Java\n";
        assert_eq!(name_of(src).as_deref(), Some("山田 花子"));
        // A first line that is not a name, or a place.
        let src = "# CV\n\n## Personal details\n\nBorn 1990 in Oslo\n\n## Work\n\nHi.\n";
        assert_eq!(name_of(src), None);
        let src = "# CV\n\n## Personal details\n\nBerlin, Germany\n\n## Work\n\nHi.\n";
        assert_eq!(name_of(src), None);
    }

    #[test]
    fn a_bare_name_heading_a_contact_list() {
        let src = "# 이력서\n\n* 김민수\n* Email : minsu@example.com\n\n## 학력\n\n- 대학교\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name.unwrap().plain(), "김민수");
        assert_eq!(parsed.resume.header.contacts.len(), 1);
        // A place heading the list is not the name.
        assert_eq!(
            name_of("# CV\n\n* Berlin, Germany\n* jane@example.com\n\n## Work\n\nHi.\n"),
            None
        );
        // Without a contact item in the list, a name-like first item is not the name.
        assert_eq!(
            name_of("# CV\n\n* Jane Roe\n* Open to relocation\n\n## Work\n\nHi.\n"),
            None
        );
    }
}
