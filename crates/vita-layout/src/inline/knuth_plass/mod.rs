//! Total-fit line breaking as TeX82 does it (§813–890 of `tex.web`), over abstract items.
//!
//! Badness, the four fitness classes, demerits with `linepenalty`, flagged-penalty demerits
//! (`doublehyphendemerits`, `finalhyphendemerits`), `adjdemerits`, the three passes
//! (`pretolerance` without hyphenation, `tolerance` with it, then emergency stretch), the
//! artificial-demerits fallback that yields an overfull line instead of failing, and
//! `looseness`. Two additions from Typst: a penalty for a one-word last line (a runt) and
//! right-margin protrusion counted before badness (pdfTeX's level 2).
//!
//! Widths are converted to TeX's scaled points (1/65536 pt) and badness and demerits are
//! integers, so results are exact and identical on every machine. Prefix sums make every line
//! measurement O(1); a node is dropped from the active list as soon as the line from it can no
//! longer shrink enough, so the work grows linearly with the paragraph at a fixed measure.

use super::linebreak::{INFINITE_PENALTY, Item, Line, set_line, skip_discardable};

/// TeX's `inf_bad`.
const INF_BAD: i64 = 10_000;
/// Scaled points per point.
const SP: f32 = 65_536.0;

/// Parameters of the breaker, with plain TeX's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Badness threshold of the first pass (no hyphenation); negative skips the pass.
    pub pretolerance: i64,
    /// Badness threshold of the second pass (with hyphenation).
    pub tolerance: i64,
    /// Added to each line's badness before squaring.
    pub line_penalty: i64,
    /// Demerits when two consecutive lines end at flagged (hyphen) breaks.
    pub double_hyphen_demerits: i64,
    /// Demerits when the second-last line ends with a hyphen.
    pub final_hyphen_demerits: i64,
    /// Demerits when adjacent lines' fitness classes differ by more than one.
    pub adj_demerits: i64,
    /// Extra stretch per line in the third pass, in points (0 skips the pass).
    pub emergency_stretch: f32,
    /// Make the paragraph this many lines longer (positive) or shorter (negative) if possible.
    pub looseness: i32,
    /// Demerits for a last line holding a single word (a runt).
    pub runt_demerits: i64,
    /// Stretch available on every line besides its glue (TeX's `\rightskip` stretch), in
    /// points: about 2 em for ragged-right text, 0 for justified text.
    pub background_stretch: f32,
    /// How far every box may widen when a line is set, as a fraction of its width: its
    /// glyphs' advances grow (pdfTeX's font expansion, without distorting the glyphs), taking
    /// a share of a stretched line's slack from the spaces. The breaker does not count it
    /// when choosing breaks: counting it let the first pass take looser lines over hyphens
    /// (seed in classic at 2%: gap p90 1.26× against 1.17×). 0 for ragged text.
    pub letter_stretch: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            pretolerance: 100,
            tolerance: 200,
            line_penalty: 10,
            double_hyphen_demerits: 10_000,
            final_hyphen_demerits: 5_000,
            adj_demerits: 10_000,
            emergency_stretch: 0.0,
            looseness: 0,
            runt_demerits: 0,
            background_stretch: 0.0,
            letter_stretch: 0.0,
        }
    }
}

/// The chosen breaks of a paragraph and what they cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Breaks {
    /// The lines, first to last.
    pub lines: Vec<BrokenLine>,
    /// Total demerits of the paragraph (artificial breaks count 0, as in TeX).
    pub demerits: i64,
    /// Which pass found the breaks: 1 pretolerance, 2 tolerance, 3 emergency stretch, 4 any
    /// badness (the last resort).
    pub pass: u8,
}

/// One line with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenLine {
    /// Where it starts and ends and how its glue is set (see [`Line`]).
    pub line: Line,
    /// TeX's badness of the line (0–10000; 10001 marks an overfull line).
    pub badness: i64,
    /// Fitness class: 0 very loose, 1 loose, 2 decent, 3 tight.
    pub fitness: u8,
    /// Whether it ends at a flagged break (a hyphen).
    pub hyphenated: bool,
    /// How far a character may hang into the right margin at its end, in points.
    pub protrusion: f32,
}

/// Breaks `items` into lines of width `width(line_number)`.
///
/// `protrusion[i]` is how far the line may hang into the right margin when it breaks at item
/// `i` (pass an empty slice for none). A flagged penalty with a width is an automatic
/// hyphenation point, used from the second pass on; one without width is a break after an
/// explicit hyphen, used only from the emergency pass on.
pub fn break_optimal(
    items: &[Item],
    width: impl Fn(usize) -> f32,
    protrusion: &[f32],
    params: &Params,
) -> Breaks {
    let sums = Sums::new(items);
    let mut passes = Vec::new();
    if params.pretolerance >= 0 {
        passes.push((1, params.pretolerance, false, 0.0));
    }
    passes.push((2, params.tolerance, true, 0.0));
    if params.emergency_stretch > 0.0 {
        passes.push((3, params.tolerance, true, params.emergency_stretch));
    }
    // Last resort (a departure from TeX, whose final pass keeps `tolerance`): accept any line
    // that is not overfull, so an overfull line appears only when no set of breaks avoids it.
    passes.push((4, INF_BAD, true, params.emergency_stretch));
    let last = passes.len() - 1;
    // Callers give special widths to the first few lines at most (a right-aligned part).
    let rest = width(usize::MAX);
    let easy_line = (params.looseness == 0).then(|| {
        (0..8)
            .rev()
            .find(|&l| width(l) != rest)
            .map_or(0, |l| l + 1)
    });
    for (index, &(pass, threshold, hyphenate, emergency)) in passes.iter().enumerate() {
        let run = Run {
            items,
            sums: &sums,
            width: &width,
            protrusion,
            params,
            threshold,
            hyphenate,
            explicit_hyphens: pass >= 3,
            background: to_sp(params.background_stretch + emergency),
            set_background: to_sp(params.background_stretch),
            final_pass: index == last,
            easy_line,
        };
        if let Some(breaks) = run.solve(pass) {
            return breaks;
        }
    }
    unreachable!("the final pass always yields breaks")
}

/// Prefix sums of natural width, stretch, shrink and fill glue, in scaled points.
struct Sums {
    width: Vec<i64>,
    stretch: Vec<i64>,
    shrink: Vec<i64>,
    fill: Vec<u32>,
}

impl Sums {
    fn new(items: &[Item]) -> Sums {
        let n = items.len() + 1;
        let mut sums = Sums {
            width: Vec::with_capacity(n),
            stretch: Vec::with_capacity(n),
            shrink: Vec::with_capacity(n),
            fill: Vec::with_capacity(n),
        };
        let (mut w, mut y, mut z, mut f) = (0, 0, 0, 0);
        for item in items {
            sums.width.push(w);
            sums.stretch.push(y);
            sums.shrink.push(z);
            sums.fill.push(f);
            match *item {
                Item::Box { width } => w += to_sp(width),
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                    fill,
                } => {
                    w += to_sp(width);
                    y += to_sp(stretch);
                    z += to_sp(shrink);
                    f += u32::from(fill);
                }
                Item::Penalty { .. } => {}
            }
        }
        sums.width.push(w);
        sums.stretch.push(y);
        sums.shrink.push(z);
        sums.fill.push(f);
        sums
    }
}

/// Points to scaled points; lengths beyond ±10⁷ pt (an "infinite" measure) are clamped so
/// sums cannot overflow.
fn to_sp(points: f32) -> i64 {
    (points.clamp(-1.0e7, 1.0e7) * SP).round() as i64
}

/// A feasible break found so far: the last break of a chain of lines.
#[derive(Debug, Clone)]
struct Passive {
    /// Index of the break item (`usize::MAX` for the paragraph start).
    at: usize,
    /// The first item of the line after this break.
    next_start: usize,
    previous: Option<usize>,
    /// Number of lines up to this break.
    line: usize,
    fitness: u8,
    hyphenated: bool,
    badness: i64,
}

/// A break being considered at the current position.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Total demerits of the paragraph up to this break.
    total: i64,
    /// The passive break the line starts from.
    origin: usize,
    /// Badness of the line.
    badness: i64,
}

impl Passive {
    /// The start of the paragraph, before its first line.
    fn paragraph_start(items: &[Item]) -> Passive {
        Passive {
            at: usize::MAX,
            next_start: skip_discardable(items, 0),
            previous: None,
            line: 0,
            fitness: 2,
            hyphenated: false,
            badness: 0,
        }
    }
}

/// What breaking at `item` costs: its penalty (clamped to −10000), whether it is flagged, and
/// the width it inserts in scaled points. Breaks at glue cost nothing.
fn penalty_break(item: &Item) -> (i64, bool, i64) {
    match *item {
        Item::Penalty {
            width,
            penalty,
            flagged,
        } => (
            i64::from(penalty.max(-INFINITE_PENALTY)),
            flagged,
            to_sp(width),
        ),
        _ => (0, false, 0),
    }
}

/// An active node: a passive break still able to start a line.
#[derive(Debug, Clone)]
struct Active {
    passive: usize,
    total: i64,
}

struct Run<'a, W: Fn(usize) -> f32> {
    items: &'a [Item],
    sums: &'a Sums,
    width: &'a W,
    protrusion: &'a [f32],
    params: &'a Params,
    threshold: i64,
    hyphenate: bool,
    /// Whether breaks after explicit hyphens are allowed: only from the emergency pass on,
    /// because extractors lose the compound ("high-" + "throughput" reads "highthroughput").
    explicit_hyphens: bool,
    background: i64,
    /// Background stretch that is real glue when the line is set (ragged-right space);
    /// emergency stretch only eases the search, as in TeX.
    set_background: i64,
    final_pass: bool,
    /// The first line number from which all lines have the same width, when looseness is 0.
    easy_line: Option<usize>,
}

impl<W: Fn(usize) -> f32> Run<'_, W> {
    fn solve(&self, pass: u8) -> Option<Breaks> {
        let mut passives = vec![Passive::paragraph_start(self.items)];
        let mut active = vec![Active {
            passive: 0,
            total: 0,
        }];
        for (i, item) in self.items.iter().enumerate() {
            let (penalty, flagged, extra) = match *item {
                Item::Glue { .. } if i > 0 && matches!(self.items[i - 1], Item::Box { .. }) => {
                    (0, false, 0)
                }
                Item::Penalty {
                    width,
                    penalty,
                    flagged,
                } if penalty < INFINITE_PENALTY => {
                    if flagged && width > 0.0 && !self.hyphenate {
                        continue;
                    }
                    if flagged && width == 0.0 && !self.explicit_hyphens {
                        continue;
                    }
                    penalty_break(item)
                }
                _ => continue,
            };
            self.try_break(i, penalty, flagged, extra, &mut passives, &mut active);
            if active.is_empty() {
                return None;
            }
        }
        let breaks = self.choose(&passives, &active, pass)?;
        // TeX (§873) moves on to the next pass when looseness asked for a line count this
        // pass cannot reach.
        if self.params.looseness != 0 && !self.final_pass {
            let natural = self.natural_lines(&passives, &active);
            let wanted = natural as i64 + i64::from(self.params.looseness);
            if breaks.lines.len() as i64 != wanted {
                return None;
            }
        }
        Some(breaks)
    }

    /// Line count of the fewest-demerits solution among the final nodes.
    fn natural_lines(&self, passives: &[Passive], active: &[Active]) -> usize {
        let end = self.items.len().saturating_sub(1);
        active
            .iter()
            .filter(|a| passives[a.passive].at == end)
            .min_by_key(|a| (a.total, a.passive))
            .map_or(0, |a| passives[a.passive].line)
    }

    /// TeX's `try_break`: measures the line from every active node to break `i`, deactivates
    /// nodes that can no longer fit, and records the best new breaks per fitness class.
    fn try_break(
        &self,
        i: usize,
        penalty: i64,
        flagged: bool,
        extra: i64,
        passives: &mut Vec<Passive>,
        active: &mut Vec<Active>,
    ) {
        let forced = penalty <= -(INFINITE_PENALTY as i64);
        // The best new break per line class and fitness class.
        let mut best: Vec<(usize, [Option<Candidate>; 4])> = Vec::new();
        let mut keep = Vec::with_capacity(active.len());
        let last_resort = active.len();
        for (n, node) in active.iter().enumerate() {
            let from = &passives[node.passive];
            let (mut badness, fitness) = self.measure(from, i, extra);
            let overfull = badness > INF_BAD;
            let deactivate = overfull || forced;
            let mut feasible = badness <= self.threshold;
            let mut artificial = false;
            if !feasible
                && self.final_pass
                && deactivate
                && n + 1 == last_resort
                && keep.is_empty()
                && best.is_empty()
            {
                // TeX's artificial_demerits: the last hope survives as an overfull (or very
                // bad) line rather than leaving the paragraph unbreakable.
                feasible = true;
                artificial = true;
                badness = badness.min(INF_BAD + 1);
            }
            if feasible {
                let demerits = if artificial {
                    0
                } else {
                    self.demerits(badness, penalty, flagged, forced, from, fitness, i)
                };
                let class = self.line_class(from.line + 1);
                let slot = match best.iter_mut().find(|(c, _)| *c == class) {
                    Some((_, slots)) => slots,
                    None => {
                        best.push((class, [None; 4]));
                        &mut best.last_mut().expect("just pushed").1
                    }
                };
                let total = node.total + demerits;
                let entry = &mut slot[usize::from(fitness)];
                if entry.is_none_or(|c| total < c.total) {
                    *entry = Some(Candidate {
                        total,
                        origin: node.passive,
                        badness,
                    });
                }
            }
            if !deactivate {
                keep.push(node.clone());
            }
        }
        *active = keep;
        let next_start = skip_discardable(self.items, i + 1);
        for (_, slots) in best {
            let minimum = slots
                .iter()
                .flatten()
                .map(|c| c.total)
                .min()
                .unwrap_or(i64::MAX);
            for (fitness, slot) in slots.iter().enumerate() {
                let Some(Candidate {
                    total,
                    origin,
                    badness,
                }) = *slot
                else {
                    continue;
                };
                if total > minimum.saturating_add(self.params.adj_demerits.abs()) {
                    continue;
                }
                passives.push(Passive {
                    at: i,
                    next_start,
                    previous: Some(origin),
                    line: passives[origin].line + 1,
                    fitness: fitness as u8,
                    hyphenated: flagged,
                    badness,
                });
                active.push(Active {
                    passive: passives.len() - 1,
                    total,
                });
            }
        }
    }

    /// Badness and fitness class of the line from `from` to a break at `i` that adds `extra`
    /// (a hyphen's width). Overfull lines get badness 10001, as in TeX.
    fn measure(&self, from: &Passive, i: usize, extra: i64) -> (i64, u8) {
        let start = from.next_start.min(i);
        let natural = self.sums.width[i] - self.sums.width[start] + extra;
        let stretch = self.sums.stretch[i] - self.sums.stretch[start] + self.background;
        let shrink = self.sums.shrink[i] - self.sums.shrink[start];
        let fill = self.sums.fill[i] > self.sums.fill[start];
        let protrude = self.protrusion.get(i).map_or(0, |&p| to_sp(p));
        let shortfall = to_sp((self.width)(from.line)) + protrude - natural;
        if shortfall > 0 {
            if fill {
                (0, 2)
            } else {
                let b = badness(shortfall, stretch);
                (
                    b,
                    if b > 99 {
                        0
                    } else if b > 12 {
                        1
                    } else {
                        2
                    },
                )
            }
        } else if -shortfall > shrink {
            (INF_BAD + 1, 3)
        } else {
            let b = badness(-shortfall, shrink);
            (b, if b > 12 { 3 } else { 2 })
        }
    }

    /// Line numbers past the last line of special width are interchangeable when looseness
    /// is 0, so their nodes compete in one class (TeX's `easy_line`).
    fn line_class(&self, line: usize) -> usize {
        match self.easy_line {
            Some(easy) => line.min(easy),
            None => line,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn demerits(
        &self,
        badness: i64,
        penalty: i64,
        flagged: bool,
        forced: bool,
        from: &Passive,
        fitness: u8,
        at: usize,
    ) -> i64 {
        let params = self.params;
        let base = params.line_penalty + badness;
        let mut d = if base.abs() >= INF_BAD {
            100_000_000
        } else {
            base * base
        };
        if penalty > 0 {
            d += penalty * penalty;
        } else if penalty > -(INFINITE_PENALTY as i64) {
            d -= penalty * penalty;
        }
        if flagged && from.hyphenated {
            d += params.double_hyphen_demerits;
        }
        if forced && from.hyphenated {
            d += params.final_hyphen_demerits;
        }
        if (i16::from(fitness) - i16::from(from.fitness)).abs() > 1 {
            d += params.adj_demerits;
        }
        if forced && from.previous.is_some() && self.is_single_word(from.next_start, at) {
            d += params.runt_demerits;
        }
        d
    }

    /// Whether items `start..end` hold a single word (boxes not separated by glue).
    fn is_single_word(&self, start: usize, end: usize) -> bool {
        self.items[start.min(end)..end]
            .split(|item| matches!(item, Item::Glue { .. }))
            .filter(|word| word.iter().any(|item| matches!(item, Item::Box { .. })))
            .count()
            == 1
    }

    /// Picks the final node (by looseness) and walks back to the first line.
    fn choose(&self, passives: &[Passive], active: &[Active], pass: u8) -> Option<Breaks> {
        let end = self.items.len().checked_sub(1)?;
        let finals: Vec<&Active> = active
            .iter()
            .filter(|a| passives[a.passive].at == end)
            .collect();
        let best = finals.iter().min_by_key(|a| (a.total, a.passive))?;
        let chosen = if self.params.looseness == 0 {
            best
        } else {
            let natural = passives[best.passive].line as i64;
            let target = natural + i64::from(self.params.looseness);
            finals
                .iter()
                .min_by_key(|a| {
                    let lines = passives[a.passive].line as i64;
                    ((lines - target).abs(), a.total, a.passive)
                })
                .expect("finals is not empty")
        };
        let mut chain = Vec::new();
        let mut cursor = Some(chosen.passive);
        while let Some(p) = cursor {
            if passives[p].previous.is_none() {
                break;
            }
            chain.push(p);
            cursor = passives[p].previous;
        }
        chain.reverse();
        let mut lines = Vec::with_capacity(chain.len());
        for &p in &chain {
            let node = &passives[p];
            let from = &passives[node.previous.expect("chain nodes have a previous")];
            let start = from.next_start.min(node.at);
            let protrusion = self.protrusion.get(node.at).copied().unwrap_or(0.0);
            let measure = (self.width)(from.line) + protrusion;
            let background = self.set_background as f32 / SP;
            let line = set_line(
                self.items,
                start..node.at,
                measure,
                background,
                self.params.letter_stretch,
            );
            lines.push(BrokenLine {
                line,
                badness: node.badness,
                fitness: node.fitness,
                hyphenated: node.hyphenated,
                protrusion,
            });
        }
        Some(Breaks {
            lines,
            demerits: chosen.total,
            pass,
        })
    }
}

/// The total demerits TeX would charge for breaking `items` at `breaks` (indices of break
/// items; the paragraph's final penalty included), with the same rules as [`break_optimal`]
/// but no feasibility limit. Overfull lines count as badness 10001. Used to compare other
/// breakers (first-fit) with the optimum.
pub fn evaluate(
    items: &[Item],
    breaks: &[usize],
    width: impl Fn(usize) -> f32,
    protrusion: &[f32],
    params: &Params,
) -> i64 {
    let sums = Sums::new(items);
    let run = Run {
        items,
        sums: &sums,
        width: &width,
        protrusion,
        params,
        threshold: INF_BAD + 1,
        hyphenate: true,
        explicit_hyphens: true,
        background: to_sp(params.background_stretch),
        set_background: to_sp(params.background_stretch),
        final_pass: true,
        easy_line: None,
    };
    let mut from = Passive::paragraph_start(items);
    let mut total = 0;
    for &at in breaks {
        let (penalty, flagged, extra) = items.get(at).map_or((0, false, 0), penalty_break);
        let (badness, fitness) = run.measure(&from, at, extra);
        let forced = penalty <= -(INFINITE_PENALTY as i64);
        total += run.demerits(badness, penalty, flagged, forced, &from, fitness, at);
        from = Passive {
            at,
            next_start: skip_discardable(items, at + 1),
            previous: Some(0),
            line: from.line + 1,
            fitness,
            hyphenated: flagged,
            badness,
        };
    }
    total
}

/// TeX's badness: about 100·(t/s)³, computed in integers, capped at 10000.
pub fn badness(t: i64, s: i64) -> i64 {
    if t == 0 {
        return 0;
    }
    if s <= 0 {
        return INF_BAD;
    }
    let r = if t <= 7_230_584 {
        (t * 297) / s
    } else if s >= 1_663_497 {
        t / (s / 297)
    } else {
        t
    };
    if r > 1290 {
        INF_BAD
    } else {
        (r * r * r + 0o400000) / 0o1000000
    }
}

#[cfg(test)]
mod tests;
