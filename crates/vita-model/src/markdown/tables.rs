//! GFM tables, read three ways:
//!
//! - in the header (before the first section), a table with an email, web address or phone
//!   number in it is **contact items** ([`contacts`]): a two-column table row by row as label
//!   and value ("Nationality: Portuguese"), a wider one cell by cell, except bare labels such
//!   as "Email" or "GitHub:"; column titles are left out with a warning;
//! - a **two-column** table whose first column is short labels is **key–value rows**
//!   ([`Block::Fields`]), like `**Key:** value` lines, when its header row is blank or is its
//!   first row (a header whose key is bold or ends with a colon, or whose value is a list, has
//!   a comma). GFM demands a header row; one used for column titles (`| Sprache | Niveau |`,
//!   `| Education | Languages |`) holds words the reader of the Markdown sees, so that table
//!   stays a table with its titles;
//! - any other table is a [`Block::Table`].

use super::blocks::Cell;
use super::contact;
use super::inline;
use crate::{Block, Code, Contact, ContactKind, Diagnostic, Field, Run, Span, Table, Text};

/// Longest key of a key–value row, as for `**Key:**` rows.
const MAX_KEY_CHARS: usize = 60;

/// Words that label a contact cell rather than being one.
const LABELS: [&str; 24] = [
    "email",
    "e-mail",
    "mail",
    "phone",
    "mobile",
    "cell",
    "tel",
    "telephone",
    "github",
    "gitlab",
    "linkedin",
    "website",
    "web",
    "site",
    "homepage",
    "portfolio",
    "blog",
    "location",
    "address",
    "twitter",
    "contact",
    "links",
    "stack overflow",
    "mastodon",
];

/// The contact items of a header table, or `None` when it holds no email, web address or
/// phone number.
///
/// A two-column table is read row by row, as label and value: each row is one item that reads
/// "Email: jane@example.com", "Nationality: Portuguese" (its kind and link from the value).
/// Wider tables give one item per cell, bare labels left out. The
/// header row is a row like the others when it holds a contact or a `Label:`; otherwise it
/// is column titles ("Contact Information | Links"), left out with a warning.
pub(super) fn contacts(
    head: &[Cell],
    rows: &[Vec<Cell>],
    warnings: &mut Vec<Diagnostic>,
) -> Option<Vec<Contact>> {
    let texts = |row: &[Cell]| -> Vec<Text> { row.iter().map(|c| inline::text(c)).collect() };
    let head = texts(head);
    let rows: Vec<Vec<Text>> = rows.iter().map(|r| texts(r)).collect();
    let reachable = |t: &Text| {
        !t.is_empty()
            && matches!(
                cell_contact(t).kind,
                ContactKind::Email | ContactKind::Url | ContactKind::Phone
            )
    };
    if !head.iter().chain(rows.iter().flatten()).any(reachable) {
        return None;
    }
    let head_is_row = head.iter().any(reachable)
        || head.first().is_some_and(|key| {
            key.plain().trim_end().ends_with(':') || key.runs.iter().any(|r| r.style.strong)
        });
    let titles: Vec<String> = head
        .iter()
        .map(Text::plain)
        .filter(|t| !t.trim().is_empty())
        .collect();
    if !head_is_row && !titles.is_empty() {
        let spans: Vec<Span> = head
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| inline::span_of(&t.runs, &(0..0)))
            .collect();
        let span = match (spans.first(), spans.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        };
        warnings.push(
            Diagnostic::warning(
                Code::TableTitles,
                format!(
                    "the contact table's column titles `{}` are left out",
                    titles.join(" | ")
                ),
            )
            .at(span)
            .with_hint(
                "a contact line says what each item is by its shape; leave the header row \
                 empty (`| | |`) to say nothing",
            ),
        );
    }
    let all_rows = head_is_row
        .then_some(head.as_slice())
        .into_iter()
        .chain(rows.iter().map(Vec::as_slice));
    let mut items = Vec::new();
    for row in all_rows {
        match row {
            [key, value] => items.extend(labelled(key, value)),
            cells => items.extend(
                cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(cell_contact)
                    .filter(|c| !is_label(&c.text) || c.kind != ContactKind::Other),
            ),
        }
    }
    Some(items)
}

/// The contact of one cell: a link keeps its target, plain text is classified by shape.
fn cell_contact(text: &Text) -> Contact {
    let plain = text.plain();
    let span = inline::span_of(&text.runs, &(0..0));
    match text.runs.iter().find_map(|r| r.link.as_deref()) {
        Some(url) => contact::from_link(&plain, url, span),
        None => contact::from_text(&plain, span),
    }
}

/// True for words that label a contact cell rather than being one ("Email", "GitHub:").
fn is_label(text: &str) -> bool {
    let word = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    LABELS.contains(&word.as_str())
}

/// The item of a label–value row.
fn labelled(key: &Text, value: &Text) -> Option<Contact> {
    match (key.is_empty(), value.is_empty()) {
        (true, true) => return None,
        (true, false) => return Some(cell_contact(value)),
        (false, true) => return Some(cell_contact(key)).filter(|c| !is_label(&c.text)),
        (false, false) => {}
    }
    let found = cell_contact(value);
    let label = key.plain();
    let label = label.trim().trim_end_matches([':', '：']).trim();
    let key_span = inline::span_of(&key.runs, &(0..0));
    Some(Contact {
        text: format!("{label}: {}", found.text),
        span: key_span.start.min(found.span.start)..key_span.end.max(found.span.end),
        ..found
    })
}

/// Takes a name out of a table: the cell after one whose text `is_key` accepts ("Name"), in
/// the header row or a body row. Both cells are emptied.
pub(super) fn take_name(
    head: &mut [Cell],
    rows: &mut [Vec<Cell>],
    is_key: fn(&str) -> bool,
) -> Option<(Text, Span)> {
    for row in std::iter::once(head).chain(rows.iter_mut().map(Vec::as_mut_slice)) {
        let Some(at) = row
            .iter()
            .position(|cell| is_key(&inline::text(cell).plain()))
        else {
            continue;
        };
        let Some(value) = row.get(at + 1).map(|c| inline::text(c)) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let key = inline::text(&row[at]);
        let value_span = inline::span_of(&value.runs, &(0..0));
        let key_span = inline::span_of(&key.runs, &value_span);
        let span = key_span.start.min(value_span.start)..value_span.end;
        row[at].clear();
        row[at + 1].clear();
        return Some((value, span));
    }
    None
}

/// The blocks of a table in the body: key–value rows or a table.
pub(super) fn blocks(head: Vec<Cell>, rows: Vec<Vec<Cell>>, span: Span) -> Vec<Block> {
    let mut tags = Vec::new();
    for cell in head.iter().chain(rows.iter().flatten()) {
        inline::merge_tags(&mut tags, &inline::tags(cell));
    }
    let text_row = |row: &[Cell]| -> Vec<Text> { row.iter().map(|c| inline::text(c)).collect() };
    let head = text_row(&head);
    let rows: Vec<Vec<Text>> = rows.iter().map(|r| text_row(r)).collect();
    let blank_head = head.iter().all(Text::is_empty);
    if let Some(fields) = key_values(&head, blank_head, &rows, &tags) {
        return vec![Block::Fields(fields)];
    }
    vec![Block::Table(Table {
        header: if blank_head { Vec::new() } else { head },
        rows,
        tags,
        span,
    })]
}

/// The rows of a two-column key–value table, or `None` when the table is not one.
fn key_values(
    head: &[Text],
    blank_head: bool,
    rows: &[Vec<Text>],
    tags: &[String],
) -> Option<Vec<Field>> {
    if head.len() != 2 {
        return None;
    }
    let head_is_row = !blank_head && {
        let key = head[0].plain();
        head[0].runs.iter().any(|r| r.style.strong)
            || key.trim_end().ends_with(':')
            || head[1].plain().contains(',')
    };
    // Column titles ("| Sprache | Niveau |", "| Education | Languages |") are words the author
    // wrote and a reader of the Markdown sees: such a table stays a table, titles and all.
    if !blank_head && !head_is_row {
        return None;
    }
    let all_rows = head_is_row
        .then_some(head)
        .into_iter()
        .chain(rows.iter().map(Vec::as_slice));
    let mut fields = Vec::new();
    for row in all_rows {
        let [key, value] = row else {
            return None;
        };
        let key = strip_colon(key);
        let short = key.plain().chars().count() <= MAX_KEY_CHARS && !key.plain().contains('\n');
        if key.is_empty() || value.is_empty() || !short {
            return None;
        }
        let span =
            inline::span_of(&key.runs, &(0..0)).start..inline::span_of(&value.runs, &(0..0)).end;
        fields.push(Field {
            key,
            value: value.clone(),
            tags: tags.to_vec(),
            span,
        });
    }
    (!fields.is_empty()).then_some(fields)
}

/// A key without the colon authors often end it with.
fn strip_colon(key: &Text) -> Text {
    let mut runs: Vec<Run> = key.runs.clone();
    if let Some(last) = runs.last_mut() {
        let kept = last.text.trim_end().trim_end_matches(':').len();
        last.text.truncate(kept);
    }
    inline::normalize(runs)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse_ok;
    use crate::{Block, ContactKind};

    fn section_blocks(src: &str) -> Vec<Block> {
        let parsed = parse_ok(&format!("## S\n\n{src}"));
        parsed.resume.sections.into_iter().next().unwrap().blocks
    }

    #[test]
    fn two_columns_are_key_value_rows() {
        let got = section_blocks(
            "| | |\n|---|---|\n| **Languages:** | Rust, Go |\n| Cloud | GCP, AWS |\n\n\
             | **Languages** | Rust |\n|---|---|\n| Tools | git |\n\n| Skill | Detail |\n|--|--|\n| Cloud | AWS |\n",
        );
        // Column titles keep the last table a table, with its titles.
        let [Block::Fields(rows), Block::Table(titled)] = &got[..] else {
            panic!("{got:#?}")
        };
        let head: Vec<String> = titled.header.iter().map(|t| t.plain()).collect();
        assert_eq!(head, ["Skill", "Detail"]);
        let pairs: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.key.plain(), r.value.plain()))
            .collect();
        let want = [
            ("Languages", "Rust, Go"),
            ("Cloud", "GCP, AWS"),
            ("Languages", "Rust"),
            ("Tools", "git"),
        ];
        assert_eq!(pairs, want.map(|(k, v)| (k.to_string(), v.to_string())));
    }

    #[test]
    fn an_html_list_in_a_cell_is_one_line_per_item() {
        let got = section_blocks(
            "| When | Team | Tools |\n|---|---|---|\n| 2021 | three | <ul><li>Vuex</li><li>Jest</li></ul> |\n",
        );
        let [Block::Table(table)] = &got[..] else {
            panic!("{got:#?}")
        };
        let tools = table.rows[0][2].plain();
        let lines: Vec<&str> = tools.lines().map(str::trim).collect();
        assert_eq!(lines, ["Vuex", "Jest"], "{tools:?}");
    }

    #[test]
    fn other_tables_are_tables() {
        let got = section_blocks(
            "| Language | Level | Years |\n|---|---|---|\n| Rust | Expert | 6 <!-- tags: x --> |\n\n\
             | Project | Notes |\n|---|---|\n| Vita | |\n",
        );
        let [Block::Table(wide), Block::Table(gappy)] = &got[..] else {
            panic!("{got:#?}")
        };
        let head: Vec<String> = wide.header.iter().map(|t| t.plain()).collect();
        assert_eq!(head, ["Language", "Level", "Years"]);
        assert_eq!(wide.rows[0][2].plain(), "6");
        assert_eq!(wide.tags, ["x"]);
        assert!(gappy.rows[0][1].is_empty());
        assert_eq!(gappy.header.len(), 2);
    }

    #[test]
    fn a_two_column_contact_table_is_labelled_items() {
        let src = "# Jane Doe\n\n| Contact Information | Links |\n|---|---|\n| Email | jane@example.com |\n\
                   | Nationality | Portuguese |\n| Date of birth | 1 May 1990 |\n\
                   | GitHub | [janedoe](https://github.com/janedoe) |\n\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        let contacts: Vec<(ContactKind, &str)> = parsed
            .resume
            .header
            .contacts
            .iter()
            .map(|c| (c.kind, c.text.as_str()))
            .collect();
        assert_eq!(
            contacts,
            [
                (ContactKind::Email, "Email: jane@example.com"),
                (ContactKind::Other, "Nationality: Portuguese"),
                (ContactKind::Other, "Date of birth: 1 May 1990"),
                (ContactKind::Url, "GitHub: janedoe"),
            ]
        );
        let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            ["the contact table's column titles `Contact Information | Links` are left out"]
        );
        let first = &parsed.resume.header.contacts[1];
        assert_eq!(&src[first.span.clone()], "Nationality | Portuguese");
        // A first row written in the header row is a row.
        let parsed =
            parse_ok("| Email | jane@example.com |\n|---|---|\n| Phone | +351 21 000 0000 |\n");
        let texts: Vec<&str> = parsed
            .resume
            .header
            .contacts
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Email: jane@example.com", "Phone: +351 21 000 0000"]
        );
        assert_eq!(parsed.resume.header.contacts[1].kind, ContactKind::Phone);
    }

    #[test]
    fn a_header_table_of_contacts_is_contact_items() {
        let parsed = parse_ok(
            "# Ada\n\n| Email | Phone | GitHub |\n|---|---|---|\n| ada@example.com | +44 20 7946 0000 | \
             [github.com/ada](https://github.com/ada) |\n\n## Work\n\nHi.\n",
        );
        let contacts: Vec<(ContactKind, String)> = parsed
            .resume
            .header
            .contacts
            .iter()
            .map(|c| (c.kind, c.text.clone()))
            .collect();
        assert_eq!(
            contacts,
            [
                (ContactKind::Email, "ada@example.com".to_string()),
                (ContactKind::Phone, "+44 20 7946 0000".into()),
                (ContactKind::Url, "github.com/ada".into()),
            ]
        );
        assert_eq!(parsed.resume.sections.len(), 1);
    }
}
