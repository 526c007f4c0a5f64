//! Sections and the entries inside them: `#`/`##` headings open sections, `###` headings open
//! entries, and everything else is content of the nearest one.
//!
//! Content that comes before any section heading (non-header material at the top, or a lone
//! `###`) gets a section with an empty title rather than being dropped. An `#` heading after
//! the name is read as a section heading too, for files that use `#` throughout.

use super::blocks::Node;
use super::inline;
use super::{body, entry};
use crate::{Block, Section, Span, Text};

/// Builds sections from the non-header nodes before the first section heading (`untitled`)
/// and the nodes from that heading on.
pub(super) fn read(untitled: Vec<Node>, rest: Vec<Node>, source: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current: Option<(Text, Span, Vec<Node>)> = None;
    for node in untitled.into_iter().chain(rest) {
        match node {
            Node::Heading {
                level: 1 | 2,
                pieces,
                span,
            } => {
                if let Some(done) = current.take() {
                    sections.push(finish(done, source));
                }
                current = Some((inline::text(&pieces), span, Vec::new()));
            }
            node => {
                let (_, _, nodes) =
                    current.get_or_insert_with(|| (Text::default(), node.span(), Vec::new()));
                nodes.push(node);
            }
        }
    }
    if let Some(done) = current {
        sections.push(finish(done, source));
    }
    sections
}

fn finish((title, span, nodes): (Text, Span, Vec<Node>), source: &str) -> Section {
    Section {
        title,
        blocks: section_blocks(nodes, source),
        span,
    }
}

/// A section's content: leading blocks, then one entry per `###`.
fn section_blocks(nodes: Vec<Node>, source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut leading = Vec::new();
    let mut open: Option<(Vec<_>, Span, Vec<Node>)> = None;
    for node in nodes {
        match node {
            Node::Heading {
                level: 3,
                pieces,
                span,
            } => {
                if let Some((heading, span, body)) = open.take() {
                    blocks.push(Block::Entry(entry::read(&heading, span, body, source)));
                } else {
                    blocks.extend(body::blocks(std::mem::take(&mut leading), source));
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
        Some((heading, span, body)) => {
            blocks.push(Block::Entry(entry::read(&heading, span, body, source)));
        }
        None => blocks.extend(body::blocks(leading, source)),
    }
    blocks
}
