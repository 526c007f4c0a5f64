//! The vertical list: lines and spaces stacked down the page before it is cut into pages.
//!
//! Each line's display items are positioned relative to its own baseline (y = 0); page
//! building only decides where each line's baseline falls.

use crate::display::{Item, StructKind};
use crate::inline::LineFigures;

/// Something stacked vertically.
#[derive(Debug, Clone)]
pub(crate) enum VItem {
    Line(VLine),
    /// Vertical space; dropped at the top of a page.
    Space(f32),
}

/// One line of the résumé.
#[derive(Debug, Clone)]
pub(crate) struct VLine {
    /// Distance from the top of the line box to the baseline.
    pub ascent: f32,
    /// Distance from the baseline to the bottom of the line box.
    pub descent: f32,
    /// Items positioned with the baseline at y = 0, each with the structure node it belongs to.
    pub items: Vec<(Item, usize)>,
    /// Cost of a page break right after this line: 0 between blocks, club/widow/broken
    /// penalties inside paragraphs, 10000 or more to keep it with what follows (headings,
    /// short entries).
    pub penalty: i32,
    /// A bookmark to create at this line: (title, level).
    pub bookmark: Option<(String, u8)>,
    /// The breaker's figures, for lines of broken paragraphs: (figures, text, overfull).
    pub figures: Option<(LineFigures, String, f32)>,
}

/// The logical structure being built alongside the lines: an arena of nodes, each knowing
/// its parent, in creation (= reading) order.
#[derive(Debug, Default)]
pub(crate) struct StructArena {
    pub nodes: Vec<(StructKind, Option<usize>)>,
}

impl StructArena {
    /// Adds a node under `parent` and returns its id.
    pub fn open(&mut self, kind: StructKind, parent: Option<usize>) -> usize {
        self.nodes.push((kind, parent));
        self.nodes.len() - 1
    }
}

/// Moves an item down by `dy` (and right by `dx`).
pub(crate) fn translate(item: &mut Item, dx: f32, dy: f32) {
    match item {
        Item::Text(run) => {
            run.origin.x += dx;
            run.origin.y += dy;
        }
        Item::Rule(rule) => {
            rule.rect.x += dx;
            rule.rect.y += dy;
        }
        Item::Link(link) => {
            link.rect.x += dx;
            link.rect.y += dy;
        }
    }
}
