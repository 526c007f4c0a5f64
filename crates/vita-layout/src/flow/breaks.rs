//! Choosing page breaks: a global optimum over the whole résumé, not TeX's greedy builder.
//!
//! A résumé has at most a few hundred lines and four pages, so every feasible page can be
//! tried: dynamic programming over the breaks between lines minimises first the number of
//! pages, then the sum of the break penalties (headings kept with what follows, club, widow
//! and broken-hyphen penalties, short entries kept whole) and of the empty space left at the
//! foot of every page but the last, squared so that pages fill evenly. A break whose penalty
//! is 10000 or more is taken only when nothing else fits on the fewest pages (a keep chain
//! longer than a page); one of 20000 or more ([`MUST_KEEP`]) only when nothing fits on any
//! number of pages: an extra page is cheaper.

use super::vlist::{VItem, Vertical};

/// Penalty at or above which a break is avoided at almost any cost.
pub(crate) const NO_BREAK: i32 = 10_000;
/// Penalty at or below which a page must end after the line (a page-break hint).
pub(crate) const FORCE_BREAK: i32 = -10_000;
/// Penalty at or above which a break is taken only when nothing at all fits: one more page is
/// cheaper (an entry's heading block — title, organisation, dates, links — is never left at
/// the foot of a page, not even to save a page when fitting to `--pages`).
pub(crate) const MUST_KEEP: i32 = 20_000;

/// Cost units: one more page outweighs any arrangement of fewer pages.
const PAGE_COST: f64 = 1.0e9;
/// A forbidden break that had to be taken.
const FORCED_COST: f64 = 1.0e7;
/// A break after a [`MUST_KEEP`] line: dearer than a page.
const MUST_KEEP_COST: f64 = 1.0e11;
/// Weight of a page's empty fraction (squared).
const FILL_WEIGHT: f64 = 1000.0;

/// Indices of the list items that start a new page, for text areas `height` tall (the first
/// page's `first` tall: a column below the header).
pub(crate) fn choose(list: &[VItem], height: f32, first: f32, vertical: Vertical) -> Vec<usize> {
    let lines: Vec<usize> = (0..list.len())
        .filter(|&i| matches!(list[i], VItem::Line(_)))
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    // Prefix sums of heights over the list, to measure any run of items in O(1).
    let mut prefix = vec![0.0f64; list.len() + 1];
    for (i, item) in list.iter().enumerate() {
        prefix[i + 1] = prefix[i] + f64::from(vertical.height(item));
    }
    let (rest, first) = (f64::from(height), f64::from(first));
    let n = lines.len();
    // best[k]: the cheapest way to set lines[..k] on whole pages, and where its last page starts.
    let mut best: Vec<Option<(f64, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0));
    for start in 0..n {
        let Some((base, _)) = best[start] else {
            continue;
        };
        // Only a page that starts at the first line is the first page.
        let height = if start == 0 { first } else { rest };
        for end in start..n {
            // A page from lines[start] to lines[end]: spaces before its first line are dropped.
            let used = prefix[lines[end] + 1] - prefix[lines[start]];
            let last = end + 1 == n;
            if used > height + 0.01 && end > start {
                break;
            }
            let penalty = if last {
                0
            } else {
                penalty_after(&list[lines[end]])
            };
            let forced = penalty <= FORCE_BREAK;
            let mut cost = base + PAGE_COST;
            if penalty >= MUST_KEEP {
                cost += MUST_KEEP_COST;
            } else if penalty >= NO_BREAK {
                cost += FORCED_COST;
            } else if !forced {
                cost += f64::from(penalty);
            }
            if !last && !forced {
                let empty = ((height - used) / height).max(0.0);
                cost += FILL_WEIGHT * empty * empty;
            }
            if best[end + 1].is_none_or(|(c, _)| cost < c) {
                best[end + 1] = Some((cost, start));
            }
            // No page runs past a forced break.
            if forced {
                break;
            }
        }
    }
    let mut starts = Vec::new();
    let mut k = n;
    while k > 0 {
        let Some((_, start)) = best[k] else { break };
        if start > 0 {
            starts.push(lines[start]);
        }
        k = start;
    }
    starts.reverse();
    // A page starts at the first item after the previous page's last line.
    starts
        .into_iter()
        .map(|line_index| {
            let mut i = line_index;
            while i > 0 && matches!(list[i - 1], VItem::Space(_) | VItem::Gap { .. }) {
                i -= 1;
            }
            i
        })
        .collect()
}

fn penalty_after(item: &VItem) -> i32 {
    match item {
        VItem::Line(line) => line.penalty,
        VItem::Space(_) | VItem::Gap { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::vlist::VLine;

    /// Lines exactly 10pt tall.
    const FLAT: Vertical = Vertical {
        space_scale: 1.0,
        leading: 1.0,
    };

    fn line(penalty: i32) -> VItem {
        VItem::Line(VLine {
            size: 10.0,
            depth_min: 0.0,
            items: Vec::new(),
            penalty,
            bookmark: None,
            figures: None,
        })
    }

    #[test]
    fn fits_on_one_page_when_it_can() {
        let list: Vec<VItem> = (0..10).map(|_| line(0)).collect();
        assert!(choose(&list, 100.0, 100.0, FLAT).is_empty());
    }

    #[test]
    fn fewest_pages_then_the_cheapest_break() {
        // 15 lines of 10pt on 100pt pages: two pages; the break avoids the penalised spots.
        let mut list: Vec<VItem> = (0..15).map(|_| line(0)).collect();
        for i in [6, 7, 8, 9] {
            list[i] = line(NO_BREAK);
        }
        let breaks = choose(&list, 100.0, 100.0, FLAT);
        assert_eq!(breaks.len(), 1);
        let first_page = breaks[0];
        assert!(first_page <= 6 || first_page == 10, "{first_page}");
        // 10 lines fit on the first page, so the break after line 9 is forbidden; the
        // cheapest allowed one is after line 5.
        assert_eq!(first_page, 6);
    }

    #[test]
    fn a_keep_chain_longer_than_a_page_is_broken_anyway() {
        let list: Vec<VItem> = (0..25).map(|_| line(NO_BREAK)).collect();
        let breaks = choose(&list, 100.0, 100.0, FLAT);
        assert_eq!(breaks, vec![10, 20]);
    }

    #[test]
    fn a_must_keep_costs_a_page_rather_than_break() {
        // 10 lines fit a page; lines 8–9 must stay with line 10, so page 1 ends after line 7
        // even though 11 lines would otherwise fill two pages evenly either way.
        let mut list: Vec<VItem> = (0..11).map(|_| line(0)).collect();
        list[8] = line(MUST_KEEP);
        list[9] = line(MUST_KEEP);
        assert_eq!(choose(&list, 100.0, 100.0, FLAT), vec![8]);
        // With NO_BREAK keeps covering the whole first page, a second page is preferred over
        // breaking them only for MUST_KEEP.
        let mut soft: Vec<VItem> = (0..10).map(|_| line(NO_BREAK)).collect();
        soft.push(line(0));
        assert_eq!(choose(&soft, 110.0, 110.0, FLAT), Vec::<usize>::new());
        let mut hard: Vec<VItem> = (0..3).map(|_| line(0)).collect();
        hard.extend((0..8).map(|_| line(MUST_KEEP)));
        hard.push(line(0));
        // 12 lines on 100pt pages: the keep chain (lines 3–11) moves to page 2 whole.
        assert_eq!(choose(&hard, 100.0, 100.0, FLAT), vec![3]);
    }

    #[test]
    fn a_forced_break_ends_the_page() {
        let mut list: Vec<VItem> = (0..6).map(|_| line(0)).collect();
        list[1] = line(FORCE_BREAK);
        assert_eq!(choose(&list, 100.0, 100.0, FLAT), vec![2]);
    }

    #[test]
    fn a_shorter_first_page_holds_fewer_lines() {
        // A column below a 40pt header: six lines on page 1, then ten a page.
        let list: Vec<VItem> = (0..20).map(|_| line(0)).collect();
        assert_eq!(choose(&list, 100.0, 60.0, FLAT), vec![6, 16]);
    }

    #[test]
    fn spaces_at_the_top_of_a_page_are_dropped() {
        let mut list = Vec::new();
        for _ in 0..9 {
            list.push(line(0));
        }
        list.push(VItem::Space(50.0));
        list.push(line(0));
        list.push(line(0));
        // Page 1: nine lines (90pt); the space would push line 10 off; page 2 starts at the
        // space, which is then dropped.
        let breaks = choose(&list, 100.0, 100.0, FLAT);
        assert_eq!(breaks, vec![9]);
    }
}
