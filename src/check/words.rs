//! Words as an applicant tracking system sees them: the source's words from the model (what
//! the PDF should say, in reading order) and the words of extracted text.
//!
//! A word is a stretch between white space, zero-width spaces, dashes, slashes and separators
//! (`|`, `·`, `•`), with punctuation trimmed from both ends (`$`, `%`, `+`, `#` are kept: "$2",
//! "C++", "C#"); stretches without a letter or digit are not words. Scripts written without
//! spaces (Chinese, Japanese, Korean, Thai …) count each character as a word, so a line break
//! between two of them cannot join or split anything. Words compare in lower case, since
//! layouts may set titles in capitals or small capitals; typewriter apostrophes and quotes
//! compare equal to typographic ones.

use vita_model::{Block, Resume, Text};

/// Characters kept at the ends of a word.
const KEPT: [char; 4] = ['$', '%', '+', '#'];

/// The words of `text`, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    spans(text).into_iter().map(|(w, _)| w).collect()
}

/// True between words: white space, dashes, slashes, separators, brackets, commas and
/// semicolons (a line may break after any of them, so "a,b" may come back as "a," and "b"), and
/// the punctuation of CJK text (`，`, `、`, `（`, `／` …). Full stops, colons, `@` and `_` stay
/// inside words ("php5.6", "ada@x.com", "10:30"), except a colon between two words
/// ("Python:Excel", see [`spans`]).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}'
                | '-'
                | '‐'
                | '‑'
                | '‒'
                | '–'
                | '—'
                | '―'
                | '/'
                | '|'
                | '·'
                | '•'
                | ','
                | ';'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\u{3000}'..='\u{303f}'
                | '\u{ff01}'..='\u{ff0f}'
                | '\u{ff1a}'..='\u{ff20}'
                | '\u{ff3b}'..='\u{ff40}'
                | '\u{ff5b}'..='\u{ff65}'
        )
}

/// True for characters of scripts written without spaces between words, each a word of its own.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'
        | '\u{0e00}'..='\u{0eff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{17ff}'
        | '\u{2e80}'..='\u{2fdf}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3100}'..='\u{312f}'
        | '\u{3130}'..='\u{318f}'
        | '\u{31f0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}'
        | '\u{20000}'..='\u{3134f}')
}

/// The words of `text` with their byte ranges in it.
pub fn spans(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize| {
        let mut raw = &text[start..end];
        // A link's scheme is markup: `https://ada.dev` may be shown as `ada.dev`.
        let lower = raw.to_ascii_lowercase();
        if matches!(lower.as_str(), "http:" | "https:" | "ftp:") {
            return;
        }
        let mut start = start;
        for scheme in ["mailto:", "tel:"] {
            if lower.starts_with(scheme) {
                start += scheme.len();
                raw = &raw[scheme.len()..];
            }
        }
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric() && !KEPT.contains(&c));
        let lead = raw.len() - trimmed.len();
        let trimmed =
            trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && !KEPT.contains(&c));
        if trimmed.chars().any(char::is_alphanumeric) {
            let word = trimmed.to_lowercase().replace(['’', '‘', 'ʼ'], "'");
            out.push((word, start + lead..start + lead + trimmed.len()));
        }
    };
    let mut start = None;
    for (i, c) in text.char_indices() {
        // "Python:Excel" (a key and its value, which the PDF sets as "Python:" and "Excel")
        // is two words; "10:30" and "mailto:ada@x.com" stay whole.
        let colon_between_words = c == ':'
            && text[i + 1..].starts_with(char::is_alphabetic)
            && start.is_some_and(|s| {
                let before = text[s..i].to_ascii_lowercase();
                before.chars().last().is_some_and(char::is_alphabetic)
                    && !matches!(before.as_str(), "mailto" | "tel" | "http" | "https" | "ftp")
            });
        if colon_between_words {
            if let Some(s) = start.take() {
                push(s, i + 1);
            }
        } else if is_separator(c) || is_unspaced(c) {
            if let Some(s) = start.take() {
                push(s, i);
            }
            if is_unspaced(c) {
                push(i, i + c.len_utf8());
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
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
            Block::Code(c) => out.push(c.text.plain()),
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
    fn unspaced_scripts_count_by_character_and_dashes_slashes_split() {
        assert_eq!(words("负责 AB测试。"), ["负", "责", "ab", "测", "试"]);
        assert_eq!(
            words("2020-2021 e/f it’s"),
            ["2020", "2021", "e", "f", "it's"]
        );
        let text = "ab（英";
        let found = spans(text);
        assert_eq!(found[1], ("英".to_string(), 5..8));
        assert_eq!(&text[found[0].1.clone()], "ab");
    }

    #[test]
    fn a_colon_between_words_splits_but_times_paths_and_schemes_do_not() {
        assert_eq!(
            words("Python:Excel at 10:30, mailto:ada@x.com std::vec"),
            ["python", "excel", "at", "10:30", "ada@x.com", "std::vec"]
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
