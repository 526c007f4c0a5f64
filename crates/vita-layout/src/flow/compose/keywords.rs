//! The résumé's keywords: words a keyword search looks for, which are never hyphenated
//! anywhere (issue #11). Most text extractors do not rejoin a hyphenated word (EXTRACTION.md),
//! so a keyword split across two lines is a keyword an ATS does not find.
//!
//! A keyword is any word that is bold, in a `**Key:** value` row, in a section whose title
//! names skills, or in the front matter's `keywords`; it stays whole wherever else it appears.
//! Titles, organisations and tables are never hyphenated either (their pieces say so), but
//! their words are not keywords: protecting every such word in prose too cost the seed's
//! spacing (gap p90 1.22× → 1.35×) for words no search looks for ("software", "platform").

use std::collections::BTreeSet;

use vita_model::{Block, Resume, Text};

/// The keywords of `resume`, lowercased, without surrounding punctuation.
pub fn keywords(resume: &Resume) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for keyword in &resume.settings.keywords {
        add_words(&mut out, keyword);
    }
    for section in &resume.sections {
        let skills = section.title.plain().to_lowercase().contains("skill");
        walk(&mut out, &section.blocks, skills);
    }
    out
}

fn walk(out: &mut BTreeSet<String>, blocks: &[Block], all: bool) {
    for block in blocks {
        match block {
            Block::Entry(entry) => {
                for detail in &entry.details {
                    add_bold(out, detail, all);
                }
                walk(out, &entry.body, all);
            }
            Block::Paragraph(p) => add_bold(out, &p.text, all),
            Block::List(list) => {
                for item in &list.items {
                    add_bold(out, &item.text, all);
                    walk(out, &item.children, all);
                }
            }
            Block::Fields(fields) => {
                for field in fields {
                    add_text(out, &field.key);
                    add_text(out, &field.value);
                }
            }
            Block::Split(split) if all => {
                add_text(out, &split.left);
                add_text(out, &split.right);
            }
            Block::Table(table) if all => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    add_text(out, cell);
                }
            }
            Block::Split(_) | Block::Table(_) | Block::Code(_) | Block::PageBreak => {}
        }
    }
}

/// The bold words of `text`, or all of them when `all`.
fn add_bold(out: &mut BTreeSet<String>, text: &Text, all: bool) {
    for run in &text.runs {
        if all || run.style.strong {
            add_words(out, &run.text);
        }
    }
}

fn add_text(out: &mut BTreeSet<String>, text: &Text) {
    for run in &text.runs {
        add_words(out, &run.text);
    }
}

fn add_words(out: &mut BTreeSet<String>, text: &str) {
    for word in text.split(|c: char| c.is_whitespace() || c == '/' || c == '—') {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty() {
            out.insert(core.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_words_field_rows_skills_and_front_matter_keywords() {
        let source = "+++\nname = \"Ada\"\nkeywords = [\"orchestration\"]\n+++\n\n## Experience\n\n\
            ### Engineer\n\n- Led the **messaging microservice** rollout, which reduced toil.\n\n\
            ## Skills\n\n- Distributed scheduling\n\n**Databases:** PostgreSQL, Cassandra\n";
        let parsed = vita_model::parse_markdown(source).unwrap();
        let words = keywords(&parsed.resume);
        for word in [
            "messaging",
            "microservice",
            "distributed",
            "scheduling",
            "databases",
            "postgresql",
            "orchestration",
        ] {
            assert!(words.contains(word), "{word} missing from {words:?}");
        }
        // Ordinary prose stays hyphenatable.
        for word in ["rollout", "reduced", "toil", "engineer"] {
            assert!(!words.contains(word), "{word} should not be a keyword");
        }
    }
}
