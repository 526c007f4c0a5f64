//! Bookmarks: the flat, levelled [`OutlineEntry`] list becomes krilla's nested outline.

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use vita_layout::OutlineEntry;

use crate::Error;

/// Nests entries by level: an entry becomes a child of the nearest preceding entry with a
/// smaller level, or a top-level bookmark when there is none. Skipped levels (1 then 3) simply
/// nest one step; level 0 counts as 1.
///
/// krilla panics on a destination outside the document, so targets are checked against
/// `page_count` first.
pub(crate) fn build(entries: &[OutlineEntry], page_count: usize) -> Result<Outline, Error> {
    let mut outline = Outline::new();
    // Open entries from the top level down to the one most recently added.
    let mut open: Vec<(u8, OutlineNode)> = Vec::new();

    for entry in entries {
        if entry.page >= page_count || !(entry.at.x.is_finite() && entry.at.y.is_finite()) {
            return Err(Error::OutlineTarget {
                title: entry.title.clone(),
                page: entry.page.saturating_add(1),
            });
        }
        let level = entry.level.max(1);
        close_to(&mut open, &mut outline, level);
        let destination = XyzDestination::new(entry.page, Point::from_xy(entry.at.x, entry.at.y));
        open.push((level, OutlineNode::new(entry.title.clone(), destination)));
    }
    close_to(&mut open, &mut outline, 1);
    Ok(outline)
}

/// Closes every open entry at `level` or deeper, attaching each to its parent.
fn close_to(open: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline, level: u8) {
    while open.last().is_some_and(|(l, _)| *l >= level) {
        let Some((_, node)) = open.pop() else { break };
        match open.last_mut() {
            Some((_, parent)) => parent.push_child(node),
            None => outline.push_child(node),
        }
    }
}
