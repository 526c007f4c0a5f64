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
    /// Space between two entries: scaled like [`VItem::Space`] when fitting, but never less
    /// than `floor` times the leading (a share of the body's baseline-to-baseline distance),
    /// so that a reader, or a parser, still sees where one entry ends and the next begins.
    Gap {
        space: f32,
        floor: f32,
    },
}

/// One line of the résumé.
#[derive(Debug, Clone)]
pub(crate) struct VLine {
    /// The largest font size on the line; with the leading it gives the line's height.
    pub size: f32,
    /// The least depth below the baseline (a rule under a section title needs room).
    pub depth_min: f32,
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

impl VLine {
    /// Height above and depth below the baseline at `leading` (baseline-to-baseline distance
    /// as a multiple of the size). The leading is split evenly above and below the type, as
    /// CSS does, so lines of different sizes sit at predictable distances.
    pub fn extent(&self, leading: f32) -> (f32, f32) {
        let height = self.size * leading;
        let ascent = self.size * 0.78 + (height - self.size) / 2.0;
        (ascent, (height - ascent).max(self.depth_min))
    }
}

/// Settings applied when the list is cut into pages, so that fitting to a page count can try
/// them without setting the text again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Vertical {
    /// Factor on every vertical space.
    pub space_scale: f32,
    /// Baseline-to-baseline distance as a multiple of the font size.
    pub leading: f32,
}

impl Vertical {
    /// Height of a list item.
    pub fn height(&self, item: &VItem) -> f32 {
        match item {
            VItem::Line(line) => {
                let (ascent, descent) = line.extent(self.leading);
                ascent + descent
            }
            VItem::Space(space) => space * self.space_scale,
            VItem::Gap { space, floor } => (space * self.space_scale).max(floor * self.leading),
        }
    }
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
        Item::Image(image) => {
            image.rect.x += dx;
            image.rect.y += dy;
        }
    }
}
