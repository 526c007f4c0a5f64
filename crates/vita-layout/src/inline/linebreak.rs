//! Line breaking over abstract items (TeX's boxes, glue and penalties), free of fonts.
//!
//! The breaker sees only widths, stretch, shrink and penalties, so it can be tested with plain
//! numbers. The items and the line measure are shared with the Knuth–Plass engine
//! (`knuth_plass/`, the default); the breaker here is first-fit (greedy), kept for comparison
//! (`algorithm = "greedy"`): items in, chosen breakpoints and per-line figures out.

/// One element of a paragraph as the breaker sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material of a fixed width.
    Box {
        /// Natural width.
        width: f32,
    },
    /// Space that may stretch and shrink; a legal break when it follows a box.
    Glue {
        /// Natural width.
        width: f32,
        /// How much it may grow (finite order).
        stretch: f32,
        /// How much it may shrink.
        shrink: f32,
        /// Infinitely stretchable (TeX's `fil`): absorbs all slack on its line.
        fill: bool,
    },
    /// A possible break with a cost; `width` is added only when breaking here (a hyphen).
    Penalty {
        /// Width of material inserted at a break here.
        width: f32,
        /// Cost of breaking here; `>= 10000` forbids, `<= -10000` forces.
        penalty: i32,
        /// A hyphen break: two in a row cost extra demerits. With a width it is an automatic
        /// hyphenation point (the hyphen is inserted), without one an explicit hyphen.
        flagged: bool,
    },
}

/// Penalty at or above which a break is forbidden.
pub const INFINITE_PENALTY: i32 = 10_000;

/// A chosen line: items `start..end` (the break item itself excluded) and how its glue is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// First item on the line.
    pub start: usize,
    /// One past the last item on the line (the index of the break item, or `items.len()`).
    pub end: usize,
    /// Adjustment ratio: > 0 stretches, < 0 shrinks, 0 natural; `None` when fill glue absorbs
    /// the slack or no glue can adjust.
    pub ratio: Option<f32>,
    /// By how much the line is too wide even at full shrink (0 when it fits).
    pub overfull: f32,
}

/// Breaks `items` into lines no wider than `width(line_index)`, first-fit.
///
/// Glue and non-forced penalties at the start of a line are discarded, as in TeX. The
/// paragraph's last line may end with fill glue; a forced penalty ends a line wherever it is.
pub fn break_greedy(items: &[Item], width: impl Fn(usize) -> f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = skip_discardable(items, 0);
    while start < items.len() {
        let measure = width(lines.len());
        let mut best: Option<usize> = None;
        let mut i = start;
        let mut forced = None;
        while i < items.len() {
            if is_legal_break(items, i) {
                let (natural, _, shrink, _) = measure_range(items, start, i);
                let fits = natural - shrink <= measure + 1e-3;
                if fits || best.is_none() {
                    best = Some(i);
                }
                if matches!(items[i], Item::Penalty { penalty, .. } if penalty <= -INFINITE_PENALTY)
                {
                    forced = Some(i);
                    break;
                }
                if !fits {
                    break;
                }
            }
            i += 1;
        }
        let end = match (forced, best) {
            (Some(f), Some(b)) if f == b => f,
            (_, Some(b)) if i < items.len() => b,
            _ => items.len(),
        };
        let end = if end <= start { items.len() } else { end };
        lines.push(set_line(items, start..end, measure, 0.0, 0.0));
        start = skip_discardable(items, end + usize::from(end < items.len()));
    }
    lines
}

/// Whether a break is allowed at item `i`.
fn is_legal_break(items: &[Item], i: usize) -> bool {
    match items[i] {
        Item::Glue { .. } => i > 0 && matches!(items[i - 1], Item::Box { .. }),
        Item::Penalty { penalty, .. } => penalty < INFINITE_PENALTY,
        Item::Box { .. } => false,
    }
}

/// The first item at or after `i` that a line may start with: glue and ordinary penalties
/// after a break are discarded, as in TeX.
pub(crate) fn skip_discardable(items: &[Item], mut i: usize) -> usize {
    while let Some(item) = items.get(i) {
        match item {
            Item::Box { .. } => break,
            Item::Penalty { penalty, .. } if *penalty <= -INFINITE_PENALTY => break,
            _ => i += 1,
        }
    }
    i
}

/// Natural width, stretch, shrink and presence of fill glue for a line `start..end` that breaks
/// at `end` (a penalty there adds its width).
pub fn measure_range(items: &[Item], start: usize, end: usize) -> (f32, f32, f32, bool) {
    let (mut natural, mut stretch, mut shrink, mut fill) = (0.0, 0.0, 0.0, false);
    for item in &items[start..end] {
        match *item {
            Item::Box { width } => natural += width,
            Item::Glue {
                width,
                stretch: y,
                shrink: z,
                fill: f,
            } => {
                natural += width;
                stretch += y;
                shrink += z;
                fill |= f;
            }
            Item::Penalty { .. } => {}
        }
    }
    if let Some(Item::Penalty { width, .. }) = items.get(end) {
        natural += width;
    }
    (natural, stretch, shrink, fill)
}

/// Measures the line `range` (its end the break item) against `measure` and works out how its
/// glue is set. `background` is stretch in points that belongs to the line rather than to its
/// glue (ragged-right space): it takes its share of the slack at the line's end. Every box
/// stretches by `letter` of its width besides (see `Params::letter_stretch`), at the same
/// ratio as the glue.
pub(crate) fn set_line(
    items: &[Item],
    range: std::ops::Range<usize>,
    measure: f32,
    background: f32,
    letter: f32,
) -> Line {
    let (start, end) = (range.start, range.end);
    let (natural, mut stretch, shrink, fill) = measure_range(items, start, end);
    if letter > 0.0 {
        let boxes: f32 = items[start..end]
            .iter()
            .map(|item| match *item {
                Item::Box { width } => width,
                _ => 0.0,
            })
            .sum();
        stretch += boxes * letter;
    }
    let slack = measure - natural;
    let (ratio, overfull) = if slack >= 0.0 {
        if fill || stretch + background <= 0.0 {
            (None, 0.0)
        } else {
            (Some(slack / (stretch + background)), 0.0)
        }
    } else if shrink > 0.0 {
        (Some((slack / shrink).max(-1.0)), (-slack - shrink).max(0.0))
    } else {
        (None, -slack)
    };
    Line {
        start,
        end,
        ratio,
        overfull,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::inline::testutil::{finish, forced_break, glue, word};

    fn space() -> Item {
        glue(1.0, 0.5, 0.3)
    }

    fn paragraph(words: &[f32]) -> Vec<Item> {
        crate::inline::testutil::paragraph(words, space())
    }

    #[test]
    fn fills_lines_first_fit() {
        // 3 + 1 + 3 + 1 + 3 = 11 fits 11; the fourth word goes to line 2.
        let items = paragraph(&[3.0, 3.0, 3.0, 3.0]);
        let lines = break_greedy(&items, |_| 11.0);
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0].start, lines[0].end), (0, 5));
        assert_eq!(lines[0].ratio, Some(0.0));
        assert_eq!(lines[1].start, 6);
        assert_eq!(lines[1].ratio, None, "last line is set by fill glue");
    }

    #[test]
    fn shrinks_to_fit_when_it_can() {
        // Natural 11.0 with 0.6 shrink fits a 10.5 measure.
        let items = paragraph(&[3.0, 3.0, 3.0]);
        let lines = break_greedy(&items, |_| 10.5);
        assert_eq!(lines.len(), 1);
        // Fill glue only absorbs stretch; the last line shrinks like any other: -0.5 / 0.6.
        let r = lines[0].ratio.unwrap();
        assert!((r + 0.5 / 0.6).abs() < 1e-4, "{r}");
        let items = paragraph(&[3.0, 3.0, 3.0, 5.0]);
        let lines = break_greedy(&items, |_| 10.5);
        assert!(lines[0].ratio.unwrap() < 0.0);
        assert_eq!(lines[0].overfull, 0.0);
    }

    #[test]
    fn a_word_wider_than_the_measure_is_overfull_not_lost() {
        let items = paragraph(&[2.0, 20.0, 2.0]);
        let lines = break_greedy(&items, |_| 10.0);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].overfull > 9.0);
        let covered: usize = lines.iter().map(|l| l.end - l.start).sum();
        assert!(covered >= 5);
    }

    #[test]
    fn forced_break_ends_a_line() {
        let mut items = vec![word(2.0), space(), word(2.0)];
        forced_break(&mut items);
        items.push(word(2.0));
        finish(&mut items);
        let lines = break_greedy(&items, |_| 100.0);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].end, 4);
        assert_eq!(lines[1].start, 5);
    }

    #[test]
    fn widths_may_differ_per_line() {
        let items = paragraph(&[3.0, 3.0, 3.0, 3.0]);
        let lines = break_greedy(&items, |i| if i == 0 { 3.0 } else { 100.0 });
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].end, 1);
    }
}
