//! Page building: cutting the vertical list into pages and writing the display list.
//!
//! The breaks come from `breaks::choose` (a global optimum); this file places the lines,
//! drops spaces at the top of each page, and writes pages, bookmarks and the structure tree.

use super::compose::place;
use super::vlist::{StructArena, VItem, Vertical};
use crate::LineReport;
use crate::display::{
    Color, Item, OutlineEntry, Page, Point, Rect, Rule, StructChild, StructKind, StructNode,
};

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

/// One stretch of the vertical list that flows on its own: the whole résumé, or the header,
/// the main column or the sidebar. A region starts `skip` below the top of the first page's
/// text area (a column under the header) and at the top of every later page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region<'l> {
    pub list: &'l [VItem],
    pub skip: f32,
    /// Whether `page.fill = "spread"` applies (the main flow; not the header or a sidebar,
    /// whose short content would only drift apart).
    pub spread: bool,
}

/// A background band drawn under a region (the sidebar's tint), from `first_top` down on the
/// first page and from the top of the paper on the others, to the foot of the paper.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Band {
    pub x: f32,
    pub width: f32,
    pub first_top: f32,
    pub color: Color,
}

/// What page building produces.
pub(crate) struct Paged {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub structure: Vec<StructNode>,
    pub lines: Vec<LineReport>,
}

/// Most a vertical space may grow when a page's spare height is spread: to this many times
/// its size.
const SPREAD_LIMIT: f32 = 3.0;

/// Where each line of a region falls: page and baseline. With `spread`, a page's spare height
/// is shared among its vertical spaces in proportion to their size, each growing to at most
/// [`SPREAD_LIMIT`] times its size; the last page of a region of several pages only when that
/// fills it (a half-empty last page keeps the rhythm of the pages before it).
fn place_region(
    region: Region<'_>,
    frame: Frame,
    vertical: Vertical,
    spread: bool,
) -> Vec<Placement> {
    let height = frame.bottom - frame.top;
    let list = region.list;
    let breaks = super::breaks::choose(list, height, height - region.skip, vertical);
    // Page by page: the list's index range, then its spaces' share of the spare height.
    let mut starts = vec![0];
    starts.extend(breaks.iter().copied());
    let mut placements = Vec::new();
    for (page, &from) in starts.iter().enumerate() {
        let to = starts.get(page + 1).copied().unwrap_or(list.len());
        let top = frame.top + if page == 0 { region.skip } else { 0.0 };
        let room = frame.bottom - top;
        // Spaces before the page's first line are dropped.
        let first_line = (from..to).find(|&i| matches!(list[i], VItem::Line(_)));
        let Some(first_line) = first_line else {
            continue;
        };
        let heights: Vec<f32> = (first_line..to)
            .map(|i| vertical.height(&list[i]))
            .collect();
        let used: f32 = heights.iter().sum();
        let spaces: f32 = (first_line..to)
            .zip(&heights)
            .filter(|(i, _)| !matches!(list[*i], VItem::Line(_)))
            .map(|(_, h)| h)
            .sum();
        let wanted = if spaces > 0.0 {
            (room - used) / spaces
        } else {
            0.0
        };
        let last_of_several = page + 1 == starts.len() && page > 0;
        let grow = if !spread || wanted <= 0.0 || (last_of_several && wanted > SPREAD_LIMIT - 1.0) {
            0.0
        } else {
            wanted.min(SPREAD_LIMIT - 1.0)
        };
        let mut y = top;
        for (i, h) in (first_line..to).zip(&heights) {
            match &list[i] {
                VItem::Space(_) | VItem::Gap { .. } => y += h * (1.0 + grow),
                VItem::Line(line) => {
                    let (ascent, descent) = line.extent(vertical.leading);
                    let baseline = y + ascent;
                    placements.push(Placement {
                        index: i,
                        page,
                        baseline,
                    });
                    y = baseline + descent;
                }
            }
        }
    }
    placements
}

/// Cuts each region into pages and writes them in order onto shared pages: on every page the
/// band first (underneath), then each region's lines in the order of `regions`, which is the
/// reading order of the content stream; returns the pages, bookmarks, structure tree and line
/// figures.
pub(crate) fn paginate(
    regions: &[Region<'_>],
    arena: &StructArena,
    frame: Frame,
    vertical: Vertical,
    spread: bool,
    band: Option<Band>,
) -> Paged {
    let placed: Vec<Vec<Placement>> = regions
        .iter()
        .map(|r| place_region(*r, frame, vertical, spread && r.spread))
        .collect();
    let page_count = placed
        .iter()
        .filter_map(|p| p.last().map(|p| p.page + 1))
        .max()
        .unwrap_or(1);
    let mut pages: Vec<Page> = (0..page_count)
        .map(|_| Page {
            width: frame.page_width,
            height: frame.page_height,
            items: Vec::new(),
        })
        .collect();
    let mut structure = Vec::new();
    if let Some(band) = band {
        let mut children = Vec::new();
        for (index, page) in pages.iter_mut().enumerate() {
            let top = if index == 0 { band.first_top } else { 0.0 };
            children.push(StructChild::Item(index, page.items.len()));
            page.items.push(Item::Rule(Rule {
                rect: Rect {
                    x: band.x,
                    y: top,
                    width: band.width,
                    height: frame.page_height - top,
                },
                color: band.color,
            }));
        }
        structure.push(StructNode {
            kind: StructKind::Artifact,
            children,
        });
    }
    let mut outline = Vec::new();
    let mut lines = Vec::new();
    let mut leaves: Vec<Vec<StructChild>> = vec![Vec::new(); arena.nodes.len()];
    // Page by page, region by region: the content stream reads in the regions' order.
    for page_index in 0..page_count {
        for (region, placements) in regions.iter().zip(&placed) {
            for placement in placements.iter().filter(|p| p.page == page_index) {
                let VItem::Line(line) = &region.list[placement.index] else {
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
                        fitness: crate::Fitness::from_class(figures.fitness),
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
        }
    }
    structure.extend(build_tree(arena, leaves));
    Paged {
        pages,
        outline,
        structure,
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
        let mixed = !node_children.is_empty();
        for &child in &children[id] {
            if let Some(node) = built[child].take()
                && has_content(&node)
            {
                node_children.push(StructChild::Node(node));
            }
        }
        // Items and nested nodes side by side (a paragraph's text and its links): in the
        // order they are drawn, which is the order they are read.
        if mixed {
            node_children.sort_by_key(first_item);
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

/// The first page item under a child, as (page, index), for reading order.
fn first_item(child: &StructChild) -> (usize, usize) {
    match child {
        StructChild::Item(page, item) => (*page, *item),
        StructChild::Node(node) => node
            .children
            .iter()
            .map(first_item)
            .min()
            .unwrap_or((usize::MAX, usize::MAX)),
    }
}

fn has_content(node: &StructNode) -> bool {
    !node.children.is_empty()
}
