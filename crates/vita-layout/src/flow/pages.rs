//! Page building: cutting the vertical list into pages and writing the display list.
//!
//! The breaks come from `breaks::choose` (a global optimum); this file places the lines,
//! drops spaces at the top of each page, and writes pages, bookmarks and the structure tree.

use super::compose::place;
use super::vlist::{StructArena, VItem, Vertical};
use crate::LineReport;
use crate::display::{OutlineEntry, Page, Point, StructChild, StructKind, StructNode};

/// The text area of a page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub page_width: f32,
    pub page_height: f32,
    pub left: f32,
    pub top: f32,
    pub bottom: f32,
}

/// Where each line goes: its page and baseline.
struct Placement {
    index: usize,
    page: usize,
    baseline: f32,
}

/// What page building produces.
pub(crate) struct Paged {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub structure: Vec<StructNode>,
    pub lines: Vec<LineReport>,
}

/// Cuts `list` into pages; returns the pages, bookmarks, structure tree and line figures.
pub(crate) fn paginate(
    list: &[VItem],
    arena: &StructArena,
    frame: Frame,
    vertical: Vertical,
) -> Paged {
    let breaks = super::breaks::choose(list, frame.bottom - frame.top, vertical);
    let mut placements = Vec::new();
    let mut page = 0;
    let mut y = frame.top;
    let mut at_top = true;
    for (index, item) in list.iter().enumerate() {
        if breaks.contains(&index) {
            page += 1;
            y = frame.top;
            at_top = true;
        }
        match item {
            VItem::Space(_) | VItem::Gap { .. } => {
                if !at_top {
                    y += vertical.height(item);
                }
            }
            VItem::Line(line) => {
                let (ascent, descent) = line.extent(vertical.leading);
                let baseline = y + ascent;
                placements.push(Placement {
                    index,
                    page,
                    baseline,
                });
                y = baseline + descent;
                at_top = false;
            }
        }
    }
    let page_count = placements.last().map_or(0, |p| p.page) + 1;
    let mut pages: Vec<Page> = (0..page_count)
        .map(|_| Page {
            width: frame.page_width,
            height: frame.page_height,
            items: Vec::new(),
        })
        .collect();
    let mut outline = Vec::new();
    let mut lines = Vec::new();
    let mut leaves: Vec<Vec<StructChild>> = vec![Vec::new(); arena.nodes.len()];
    for placement in &placements {
        let VItem::Line(line) = &list[placement.index] else {
            continue;
        };
        if let Some((title, level)) = &line.bookmark {
            outline.push(OutlineEntry {
                title: title.clone(),
                level: *level,
                page: placement.page,
                at: Point {
                    x: frame.left,
                    y: placement.baseline - line.extent(vertical.leading).0,
                },
            });
        }
        if let Some((figures, text, overfull)) = &line.figures {
            lines.push(LineReport {
                page: placement.page,
                text: text.clone(),
                ratio: figures.ratio,
                badness: figures.badness,
                fitness: figures.fitness,
                hyphenated: figures.hyphenated,
                overfull: *overfull,
                paragraph_demerits: figures.paragraph_demerits,
                pass: figures.pass,
                justified: figures.justified,
            });
        }
        let page = &mut pages[placement.page];
        for (item, node) in place(line, frame.left, placement.baseline) {
            leaves[node].push(StructChild::Item(placement.page, page.items.len()));
            page.items.push(item);
        }
    }
    Paged {
        pages,
        outline,
        structure: build_tree(arena, leaves),
        lines,
    }
}

/// Turns the arena plus the items collected per node into a nested tree.
fn build_tree(arena: &StructArena, mut leaves: Vec<Vec<StructChild>>) -> Vec<StructNode> {
    let count = arena.nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut roots = Vec::new();
    for (id, (_, parent)) in arena.nodes.iter().enumerate() {
        match parent {
            Some(p) => children[*p].push(id),
            None => roots.push(id),
        }
    }
    // Children are created after their parents, so building from the last id backwards
    // always finds a node's children already built.
    let mut built: Vec<Option<StructNode>> = vec![None; count];
    for id in (0..count).rev() {
        let mut node_children = std::mem::take(&mut leaves[id]);
        for &child in &children[id] {
            if let Some(node) = built[child].take()
                && has_content(&node)
            {
                node_children.push(StructChild::Node(node));
            }
        }
        let kind: StructKind = arena.nodes[id].0;
        built[id] = Some(StructNode {
            kind,
            children: node_children,
        });
    }
    roots
        .into_iter()
        .filter_map(|id| built[id].take())
        .filter(has_content)
        .collect()
}

fn has_content(node: &StructNode) -> bool {
    !node.children.is_empty()
}
