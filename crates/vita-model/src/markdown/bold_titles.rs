//! Bold paragraphs used as headings. Many résumés written outside GitHub have no `##` at all
//! and mark their sections with a bold line (`**Experience**`, `**SKILLS:**`), and many start
//! with their name in bold rather than as a `#` heading.
//!
//! - A bold first line that looks like a name (two to four capitalised words, no digits, no
//!   section word such as "Experience") is the name (`#`), in any document.
//! - When a document has no `#`/`##` heading besides a leading name, every other bold line is
//!   a heading: an entry (`###`) when it has fields or dates in it
//!   (`**Engineer | Acme | 2019 – 2021**`), else a section (`##`).
//!
//! A bold line is a top-level paragraph of one line, at most [`MAX_CHARS`] characters, whose
//! text is all strong; a trailing colon is dropped.

use super::blocks::Node;
use super::inline::{self, Piece};
use super::{dates, parts};

/// Longest bold line read as a heading.
const MAX_CHARS: usize = 60;

/// Words that name résumé sections; a bold first line with one of them is not a name.
const SECTION_WORDS: [&str; 36] = [
    "experience",
    "education",
    "skills",
    "summary",
    "profile",
    "projects",
    "work",
    "employment",
    "history",
    "about",
    "objective",
    "certifications",
    "certificates",
    "awards",
    "publications",
    "languages",
    "interests",
    "references",
    "volunteering",
    "volunteer",
    "contact",
    "achievements",
    "honors",
    "honours",
    "training",
    "courses",
    "activities",
    "qualifications",
    "expertise",
    "competencies",
    "overview",
    "career",
    "research",
    "talks",
    "hobbies",
    "leadership",
];

/// Turns bold lines into headings when `nodes` (the top level of a document) has no section
/// heading of its own.
pub(super) fn promote(nodes: &mut [Node]) {
    let has_sections = nodes.iter().enumerate().any(|(i, node)| {
        matches!(node, Node::Heading { level, .. } if *level <= 2 && !(i == 0 && *level == 1))
    });
    for (i, node) in nodes.iter_mut().enumerate() {
        let Node::Para { pieces, span } = node else {
            continue;
        };
        let Some(title) = bold_line(pieces) else {
            continue;
        };
        let level = if i == 0 && looks_like_name(&title) {
            1
        } else if has_sections {
            continue;
        } else if parts::cut(&title).len() > 1 || !dates::find_all(&title).is_empty() {
            3
        } else {
            2
        };
        let mut pieces = std::mem::take(pieces);
        for piece in &mut pieces {
            if let Piece::Run(run) = piece {
                run.style.strong = false;
            }
        }
        if let Some(Piece::Run(last)) = pieces
            .iter_mut()
            .rev()
            .find(|p| matches!(p, Piece::Run(r) if !r.text.trim().is_empty()))
        {
            let kept = last.text.trim_end().trim_end_matches(':').len();
            last.text.truncate(kept);
        }
        *node = Node::Heading {
            level,
            pieces,
            span: span.clone(),
        };
    }
}

/// The title of a one-line, all-bold paragraph, without a trailing colon.
fn bold_line(pieces: &[Piece]) -> Option<String> {
    let mut any = false;
    for piece in pieces {
        match piece {
            Piece::Run(run) if run.text.trim().is_empty() => {}
            Piece::Run(run) if run.style.strong && !run.style.code && run.link.is_none() => {
                any = true;
            }
            Piece::Tags { .. } => {}
            _ => return None,
        }
    }
    let title = inline::text(pieces).plain();
    let title = title.trim_end_matches(':').trim();
    (any && !title.is_empty() && title.chars().count() <= MAX_CHARS).then(|| title.to_string())
}

/// Two to four capitalised words without digits or section words.
fn looks_like_name(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && !w.contains(|c: char| c.is_ascii_digit())
                && !SECTION_WORDS.contains(&w.to_lowercase().trim_end_matches([':', ',']))
        })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{entry_of, parse_ok};

    #[test]
    fn bold_lines_are_headings_without_any_section_heading() {
        let src = "**Ada Lovelace**\n\nada@example.com\n\n**Experience**\n\n\
                   **Analyst | Babbage & Co | 1842 – 1843**\n\n- Wrote the first program.\n\n\
                   **SKILLS:**\n\n**Math:** analysis\n";
        let parsed = parse_ok(src);
        let resume = &parsed.resume;
        assert_eq!(resume.header.name.as_ref().unwrap().plain(), "Ada Lovelace");
        let titles: Vec<String> = resume.sections.iter().map(|s| s.title.plain()).collect();
        assert_eq!(titles, ["Experience", "SKILLS"]);
        let job = entry_of(&resume.sections[0].blocks[0]);
        assert_eq!(job.organization.as_ref().unwrap().plain(), "Babbage & Co");
        assert!(matches!(
            resume.sections[1].blocks[0],
            crate::Block::Fields(_)
        ));
        assert!(!resume.sections[0].title.runs[0].style.strong);
    }

    #[test]
    fn documents_with_sections_keep_bold_lines_but_a_bold_name() {
        let parsed = parse_ok("# Ada\n\n## Work\n\n**Experience**\n");
        assert_eq!(parsed.resume.sections.len(), 1);
        let first = &parsed.resume.sections[0].blocks[0];
        assert!(matches!(first, crate::Block::Paragraph(_)), "{first:?}");
        let parsed = parse_ok("**Ada Lovelace**\n\nada@example.com\n\n## Work\n\n**Skills**\n");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "Ada Lovelace");
        assert_eq!(header.contacts.len(), 1);
        let parsed = parse_ok("**Work Experience**\n\n## Work\n");
        assert!(parsed.resume.header.name.is_none());
    }
}
