//! Words as an applicant tracking system sees them: the source's words from the model (what
//! the PDF should say, in reading order) and the words of extracted text.
//!
//! A word is a stretch between white space, zero-width spaces and em dashes, with punctuation
//! trimmed from both ends (`$`, `%`, `+`, `#` are kept: "$2", "C++", "C#"); stretches without a
//! letter or digit (bullets, separators, dashes) are not words. Words compare in lower case,
//! since layouts may set titles in capitals or small capitals.

use vita_model::{Block, Resume, Text};

/// Characters kept at the ends of a word.
const KEPT: [char; 4] = ['$', '%', '+', '#'];

/// The words of `text`, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !KEPT.contains(&c)))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect()
}

/// Every piece of text the résumé shows, in reading order.
pub fn texts(resume: &Resume) -> Vec<String> {
    let mut out = Vec::new();
    let header = &resume.header;
    out.extend(header.name.iter().map(Text::plain));
    out.extend(header.headline.iter().map(Text::plain));
    out.extend(header.contacts.iter().map(|c| c.text.clone()));
    for section in &resume.sections {
        out.push(section.title.plain());
        blocks(&section.blocks, &mut out);
    }
    out
}

fn blocks(list: &[Block], out: &mut Vec<String>) {
    for block in list {
        match block {
            Block::Entry(e) => {
                out.push(e.title.plain());
                out.extend(e.organization.iter().map(Text::plain));
                out.extend(e.place.iter().map(Text::plain));
                out.extend(e.dates.iter().map(|d| d.text.clone()));
                out.extend(e.details.iter().map(Text::plain));
                blocks(&e.body, out);
            }
            Block::Paragraph(p) => out.push(p.text.plain()),
            Block::List(l) => {
                for item in &l.items {
                    out.push(item.text.plain());
                    blocks(&item.children, out);
                }
            }
            Block::Fields(rows) => {
                for row in rows {
                    out.push(row.key.plain());
                    out.push(row.value.plain());
                }
            }
            Block::Split(s) => {
                out.push(s.left.plain());
                out.push(s.right.plain());
            }
            Block::Table(t) => {
                let cells = t.header.iter().chain(t.rows.iter().flatten());
                out.extend(cells.map(Text::plain));
            }
            Block::PageBreak => {}
        }
    }
}

/// True for characters that carry no meaning for a reader: private-use code points (icon
/// fonts) and U+FFFD, the replacement character an extractor gives for an unmapped glyph.
pub fn is_unmapped(c: char) -> bool {
    matches!(c,
        '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}' | '\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_trim_punctuation_and_split_at_dashes_and_invisible_spaces() {
        assert_eq!(
            words("Led “Aspire”—a system; saved $2M (C++, C#)\u{200b}2018 – 2023 • x"),
            [
                "led", "aspire", "a", "system", "saved", "$2m", "c++", "c#", "2018", "2023", "x"
            ]
        );
    }

    #[test]
    fn texts_follow_reading_order() {
        let parsed = vita_model::parse_markdown(
            "# Ada\n\nada@example.com\n\n## Work\n\n### Analyst | Acme | 2020\n\n- Wrote.\n\n**Tools:** Rust\n",
        )
        .unwrap();
        assert_eq!(
            texts(&parsed.resume),
            [
                "Ada",
                "ada@example.com",
                "Work",
                "Analyst",
                "Acme",
                "2020",
                "Wrote.",
                "Tools",
                "Rust"
            ]
        );
    }

    #[test]
    fn private_use_and_replacement_characters_are_unmapped() {
        assert!(is_unmapped('\u{e000}') && is_unmapped('\u{fffd}') && is_unmapped('\u{f0001}'));
        assert!(!is_unmapped('a') && !is_unmapped('é') && !is_unmapped('\u{200b}'));
    }
}
