//! Sections and the entries inside them: `#`/`##` headings open sections, `###` headings open
//! entries, and everything else is content of the nearest one.
//!
//! Content that comes before any section heading (non-header material at the top, or a lone
//! `###`) gets a section with an empty title rather than being dropped. An `#` heading after
//! the name is read as a section heading too, for files that use `#` throughout.
//!
//! A titled section with nothing left in it is left out with a warning at its heading.
//!
//! A page-break hint at the end of an entry (written just before the next heading) is lifted
//! out of the entry's body to the section's level, so the break comes between entries.

use super::blocks::Node;
use super::inline::{self, Piece};
use super::{body, entry};
use crate::{Block, Code, Diagnostic, Section, Span, Text};

/// A section being gathered: title, heading span, tags, content nodes.
struct Open {
    title: Text,
    span: Span,
    tags: Vec<String>,
    /// False for the untitled section of content before the first heading.
    titled: bool,
    nodes: Vec<Node>,
}

/// Builds sections from the non-header nodes before the first section heading (`untitled`)
/// and the nodes from that heading on.
pub(super) fn read(
    untitled: Vec<Node>,
    rest: Vec<Node>,
    source: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current: Option<Open> = None;
    for node in untitled.into_iter().chain(rest) {
        match node {
            Node::Heading {
                level: 1 | 2,
                pieces,
                span,
            } => {
                if let Some(done) = current.take() {
                    sections.extend(finish(done, source, warnings));
                }
                current = Some(Open {
                    title: inline::text(&pieces),
                    tags: inline::tags(&pieces),
                    span,
                    titled: true,
                    nodes: Vec::new(),
                });
            }
            // A tags comment on its own line right under the heading tags the section.
            Node::Tags { names, .. }
                if current
                    .as_ref()
                    .is_some_and(|open| open.titled && open.nodes.is_empty()) =>
            {
                if let Some(open) = &mut current {
                    inline::merge_tags(&mut open.tags, &names);
                }
            }
            node => {
                let open = current.get_or_insert_with(|| Open {
                    title: Text::default(),
                    span: node.span(),
                    tags: Vec::new(),
                    titled: false,
                    nodes: Vec::new(),
                });
                open.nodes.push(node);
            }
        }
    }
    if let Some(done) = current {
        sections.extend(finish(done, source, warnings));
    }
    sections
}

/// The finished section, or `None` for a titled one with nothing left in it (its content was
/// all left out: an image, an HTML block, a template loop), which is reported at its heading.
fn finish(open: Open, source: &str, warnings: &mut Vec<Diagnostic>) -> Option<Section> {
    let blocks = section_blocks(open.nodes, source, warnings);
    if open.titled && blocks.iter().all(|b| matches!(b, Block::PageBreak)) {
        warnings.push(
            Diagnostic::warning(
                Code::EmptySection,
                format!(
                    "section `{}` has nothing left in it and is left out",
                    open.title.plain()
                ),
            )
            .at(open.span)
            .with_hint(
                "its content was left out (see the warnings above) or it has none; write its \
                 content in Markdown, or delete the heading",
            ),
        );
        return None;
    }
    Some(Section {
        title: open.title,
        blocks,
        tags: open.tags,
        span: open.span,
    })
}

/// An entry heading and the nodes after it.
type OpenEntry = (Vec<Piece>, Span, Vec<Node>);

/// A section's content: leading blocks, then one entry per `###`.
fn section_blocks(nodes: Vec<Node>, source: &str, warnings: &mut Vec<Diagnostic>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut leading = Vec::new();
    let mut open: Option<OpenEntry> = None;
    for node in nodes {
        match node {
            Node::Heading {
                level: 3,
                pieces,
                span,
            } => {
                if let Some((heading, span, body)) = open.take() {
                    push_entry(
                        entry::read(&heading, span, body, source, warnings),
                        &mut blocks,
                    );
                } else {
                    blocks.extend(body::blocks(std::mem::take(&mut leading), source, warnings));
                }
                open = Some((pieces, span, Vec::new()));
            }
            node => match &mut open {
                Some((_, _, body)) => body.push(node),
                None => leading.push(node),
            },
        }
    }
    match open {
        Some((heading, span, body)) => push_entry(
            entry::read(&heading, span, body, source, warnings),
            &mut blocks,
        ),
        None => blocks.extend(body::blocks(leading, source, warnings)),
    }
    blocks
}

/// Adds an entry, with the page breaks that end its body moved after it.
fn push_entry(mut entry: crate::Entry, blocks: &mut Vec<Block>) {
    let mut breaks = 0;
    while matches!(entry.body.last(), Some(Block::PageBreak)) {
        entry.body.pop();
        breaks += 1;
    }
    blocks.push(Block::Entry(entry));
    blocks.extend(std::iter::repeat_n(Block::PageBreak, breaks));
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{entry_of, parse_ok};
    use crate::Block;

    #[test]
    fn sections_are_tagged_at_the_end_of_the_heading_or_on_the_next_line() {
        let parsed = parse_ok(
            "# Ada\n\n## Work <!-- tags: Backend -->\n\nText.\n\n## Talks\n\n<!-- tags: speaking, lead -->\n\nSome.\n\n## Plain\n\nNone.\n",
        );
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let tags: Vec<_> = parsed
            .resume
            .sections
            .iter()
            .map(|s| s.tags.clone())
            .collect();
        assert_eq!(tags, [vec!["backend"], vec!["speaking", "lead"], vec![]]);
        assert_eq!(parsed.resume.sections[0].title.plain(), "Work");
        assert_eq!(parsed.resume.sections[1].blocks.len(), 1);
    }

    #[test]
    fn a_comment_after_content_tags_nothing() {
        let parsed = parse_ok("# Ada\n\n## Work\n\nText.\n\n<!-- tags: late -->\n");
        assert!(parsed.resume.sections[0].tags.is_empty());
        assert_eq!(parsed.warnings.len(), 1);
        assert!(parsed.warnings[0].code == crate::Code::TagComment);
    }

    #[test]
    fn page_breaks_before_headings_leave_the_entry() {
        let parsed = parse_ok(
            "# Ada\n\n## Work\n\n### Lead | Acme | 2020\n\n- Led.\n\n\\newpage\n\n## Education\n\n\
             Text.\n\n<div style=\"page-break-before: always\"></div>\n\nMore.\n",
        );
        let work = &parsed.resume.sections[0].blocks;
        assert!(
            matches!(work[..], [Block::Entry(_), Block::PageBreak]),
            "{work:#?}"
        );
        assert_eq!(entry_of(&work[0]).body.len(), 1);
        let education = &parsed.resume.sections[1].blocks;
        assert!(
            matches!(
                education[..],
                [Block::Paragraph(_), Block::PageBreak, Block::Paragraph(_)]
            ),
            "{education:#?}"
        );
    }

    #[test]
    fn entries_are_tagged_on_the_heading_or_the_line_under_it() {
        let parsed = parse_ok(
            "# Ada\n\n## Work\n\n### Lead | Acme | 2020 <!-- tags: lead -->\n\n- Led.\n\n\
             ### Dev | Initech | 2018\n<!-- tags: backend -->\n\n- Coded.\n\n\
             ### Intern | Hooli | 2017\n\nMountain View, CA <!-- tags: early -->\n",
        );
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let blocks = &parsed.resume.sections[0].blocks;
        let lead = entry_of(&blocks[0]);
        assert_eq!(
            (lead.title.plain(), lead.tags.clone()),
            ("Lead".into(), vec!["lead".into()])
        );
        assert_eq!(lead.dates.as_ref().unwrap().text, "2020");
        let dev = entry_of(&blocks[1]);
        assert_eq!(dev.tags, ["backend"]);
        assert!(matches!(dev.body[..], [Block::List(_)]));
        let intern = entry_of(&blocks[2]);
        assert_eq!(intern.tags, ["early"]);
        assert_eq!(intern.place.as_ref().unwrap().plain(), "Mountain View, CA");
    }
}
