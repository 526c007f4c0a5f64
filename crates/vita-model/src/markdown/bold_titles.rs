//! Bold paragraphs used as headings. Many résumés written outside GitHub have no `##` at all
//! and mark their sections with a bold line (`**Experience**`, `**SKILLS:**`), and many start
//! with their name in bold rather than as a `#` heading.
//!
//! - A bold first line that looks like a name (two to four capitalised words, no digits, no
//!   section, document or job-title word from `words.toml`) is the name (`#`), in any document.
//! - A bold line right under the name (bold or `#`) with no dates or section word in it is the
//!   headline, as a plain line would be (`**Mobile Engineer | Android Specialist**`).
//! - When a document has no `#`/`##` heading besides a leading name, every other bold line is
//!   a heading: an entry (`###`) when it has fields or dates in it
//!   (`**Engineer | Acme | 2019 – 2021**`), else a section (`##`).
//!
//! A bold line is a top-level paragraph of one line, at most [`MAX_CHARS`] characters, whose
//! text is all strong; a trailing colon is dropped.

use super::blocks::Node;
use super::inline::{self, Piece};
use super::{dates, name, parts, words};

/// Longest bold line read as a heading.
const MAX_CHARS: usize = 60;

/// Turns bold lines into headings when `nodes` (the top level of a document) has no section
/// heading of its own.
pub(super) fn promote(nodes: &mut [Node]) {
    let has_sections = nodes.iter().enumerate().any(|(i, node)| {
        matches!(node, Node::Heading { level, .. } if *level <= 2 && !(i == 0 && *level == 1))
    });
    let mut named = matches!(nodes.first(), Some(Node::Heading { level: 1, .. }));
    for (i, node) in nodes.iter_mut().enumerate() {
        let Node::Para { pieces, span } = node else {
            continue;
        };
        let Some(title) = bold_line(pieces) else {
            continue;
        };
        let level = if i == 0 && name::looks_like_name(&title) {
            1
        } else if i == 1
            && named
            && !words::has_section_word(&title)
            && dates::find_all(&title).is_empty()
        {
            // The line right under a bold name is its headline, as under `# Name`
            // ("**Mobile Engineer | Android Specialist**").
            continue;
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
        named |= i == 0 && level == 1;
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
    fn a_bold_line_under_a_bold_name_is_the_headline() {
        let src = "**Jane Doe**\n\n**Mobile Engineer | Android Specialist | Engineering Leader**\n\n\
                   jane@example.com\n\n**Experience**\n\n**Engineer | Acme | 2020 – 2022**\n\n- Built.\n";
        let parsed = parse_ok(src);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "Jane Doe");
        let headline: Vec<String> = header.headline.iter().map(|h| h.plain()).collect();
        assert_eq!(
            headline,
            ["Mobile Engineer | Android Specialist | Engineering Leader"]
        );
        assert_eq!(parsed.resume.sections[0].title.plain(), "Experience");
        assert_eq!(
            entry_of(&parsed.resume.sections[0].blocks[0]).title.plain(),
            "Engineer"
        );
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
