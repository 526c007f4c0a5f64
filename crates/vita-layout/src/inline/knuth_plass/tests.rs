//! Knuth–Plass on abstract items with plain numbers: hand-worked paragraphs, a brute-force
//! check of optimality, and properties against first-fit.

use proptest::prelude::*;

use super::*;
use crate::inline::linebreak::{break_greedy, skip_discardable};
use crate::inline::testutil::{finish, glue, word};

fn space() -> Item {
    glue(1.0, 1.0, 0.5)
}

fn hyphen_point() -> Item {
    Item::Penalty {
        width: 0.5,
        penalty: 50,
        flagged: true,
    }
}

fn paragraph(words: &[f32]) -> Vec<Item> {
    crate::inline::testutil::paragraph(words, space())
}

fn ends(breaks: &Breaks) -> Vec<usize> {
    breaks.lines.iter().map(|l| l.line.end).collect()
}

#[test]
fn badness_matches_tex() {
    // tex.web §108: badness(t, s) ≈ 100 (t/s)³.
    assert_eq!(badness(0, 100), 0);
    assert_eq!(badness(100, 0), INF_BAD);
    assert_eq!(badness(65536, 65536), 100);
    assert_eq!(badness(65536, 131072), 12);
    assert_eq!(badness(3 * 65536, 65536), 2698);
    assert_eq!(badness(5 * 65536, 65536), INF_BAD);
}

#[test]
fn equal_lines_break_where_they_fill_exactly() {
    // Four words of 3 plus three spaces of 1 make exactly 15.
    let items = paragraph(&[3.0; 12]);
    let breaks = break_optimal(&items, |_| 15.0, &[], &Params::default());
    assert_eq!(ends(&breaks), vec![7, 15, items.len() - 1]);
    assert!(
        breaks.lines[..2]
            .iter()
            .all(|l| l.badness == 0 && l.fitness == 2)
    );
    assert_eq!(breaks.pass, 1);
    // Each full line: (10 + 0)² = 100; the last line is set by fill glue: 100 again.
    assert_eq!(breaks.demerits, 300);
}

#[test]
fn spreads_slack_that_first_fit_leaves_on_one_line() {
    // Measure 14. First-fit packs four words (2 4 4 2) on line 1 and leaves "6" alone on a
    // hopelessly loose line 2; the optimum sets three words per line.
    let items = paragraph(&[2.0, 4.0, 4.0, 2.0, 6.0, 3.0, 5.0, 3.0]);
    let params = Params::default();
    let optimal = break_optimal(&items, |_| 14.0, &[], &params);
    let greedy: Vec<usize> = break_greedy(&items, |_| 14.0)
        .iter()
        .map(|l| l.end)
        .collect();
    assert_eq!(greedy, vec![7, 11, 17]);
    assert_eq!(ends(&optimal), vec![5, 11, 17]);
    let greedy_demerits = evaluate(&items, &greedy, |_| 14.0, &[], &params);
    assert_eq!(optimal.demerits, 32_684);
    assert_eq!(greedy_demerits, 41_058_536);
    assert!(optimal.lines.iter().all(|l| l.badness <= 200));
}

#[test]
fn a_word_wider_than_the_measure_gives_one_overfull_line_not_a_failure() {
    let items = paragraph(&[2.0, 30.0, 2.0]);
    let breaks = break_optimal(&items, |_| 10.0, &[], &Params::default());
    let overfull: Vec<f32> = breaks.lines.iter().map(|l| l.line.overfull).collect();
    assert_eq!(
        overfull.iter().filter(|&&o| o > 0.0).count(),
        1,
        "{overfull:?}"
    );
    assert!(
        overfull.iter().any(|&o| (o - 20.0).abs() < 1.0),
        "{overfull:?}"
    );
    assert_eq!(breaks.pass, 4);
}

#[test]
fn hyphenates_only_when_the_first_pass_fails() {
    // "aaaa bbbb-cccc": the measure 10 fits "aaaa bbbb-" exactly; without the hyphen the
    // best is a very loose first line.
    let mut items = vec![word(4.0), space(), word(4.0), hyphen_point(), word(4.0)];
    finish(&mut items);
    let breaks = break_optimal(&items, |_| 9.5, &[], &Params::default());
    assert_eq!(breaks.pass, 2, "{breaks:?}");
    assert!(breaks.lines[0].hyphenated);
    assert_eq!(breaks.lines[0].line.end, 3);
    // With room, no hyphen: the first pass succeeds.
    let relaxed = break_optimal(&items, |_| 14.0, &[], &Params::default());
    assert_eq!(relaxed.pass, 1);
    assert!(relaxed.lines.iter().all(|l| !l.hyphenated));
}

#[test]
fn emergency_stretch_rescues_a_paragraph_too_loose_for_tolerance() {
    // Two words and a measure far wider than they are: every line is very loose.
    let items = paragraph(&[10.0, 10.0, 10.0, 10.0]);
    let params = Params {
        tolerance: 100,
        pretolerance: 50,
        emergency_stretch: 8.0,
        ..Params::default()
    };
    let breaks = break_optimal(&items, |_| 27.0, &[], &params);
    assert_eq!(breaks.pass, 3, "{breaks:?}");
    assert!(breaks.lines.iter().all(|l| l.line.overfull == 0.0));
}

#[test]
fn double_hyphens_cost_more_than_one() {
    let params = Params::default();
    let mut items = vec![
        word(4.0),
        hyphen_point(),
        word(4.0),
        hyphen_point(),
        word(4.0),
    ];
    finish(&mut items);
    let breaks = [1, 3, items.len() - 1];
    let charged = evaluate(&items, &breaks, |_| 4.5, &[], &params);
    let free = Params {
        double_hyphen_demerits: 0,
        ..params.clone()
    };
    let uncharged = evaluate(&items, &breaks, |_| 4.5, &[], &free);
    assert_eq!(charged - uncharged, params.double_hyphen_demerits);
}

#[test]
fn looseness_lengthens_the_paragraph_when_it_can() {
    let items = paragraph(&[3.0; 16]);
    let natural = break_optimal(&items, |_| 20.0, &[], &Params::default());
    let looser = Params {
        looseness: 1,
        tolerance: 10_000,
        ..Params::default()
    };
    let longer = break_optimal(&items, |_| 20.0, &[], &looser);
    assert_eq!(longer.lines.len(), natural.lines.len() + 1);
}

#[test]
fn a_one_word_last_line_costs_the_runt_penalty() {
    let params = Params {
        runt_demerits: 5_000,
        ..Params::default()
    };
    let items = paragraph(&[3.0, 3.0, 3.0, 3.0, 3.0]);
    let runt = evaluate(&items, &[7, items.len() - 1], |_| 15.0, &[], &params);
    let plain = evaluate(
        &items,
        &[7, items.len() - 1],
        |_| 15.0,
        &[],
        &Params::default(),
    );
    assert_eq!(runt - plain, 5_000);
}

#[test]
fn protrusion_lets_a_line_hang_into_the_margin() {
    let items = paragraph(&[5.0, 5.0]);
    // 11 wide in a 10.5 measure only fits (without shrink) if its end may hang 0.5 out.
    let hang = vec![0.0; items.len()];
    let mut hang_last = hang.clone();
    hang_last[items.len() - 1] = 0.6;
    let rigid = Params::default();
    let with = break_optimal(&items, |_| 10.5, &hang_last, &rigid);
    assert_eq!(with.lines.len(), 1);
    assert_eq!(with.lines[0].protrusion, 0.6);
}

/// Every way to break a small paragraph, scored with [`evaluate`]: the optimum among sets
/// whose lines all have badness ≤ 10000.
fn brute_force(items: &[Item], width: f32, params: &Params) -> Option<i64> {
    let legal: Vec<usize> = (0..items.len() - 1)
        .filter(|&i| match items[i] {
            Item::Glue { .. } => matches!(items[i - 1], Item::Box { .. }),
            Item::Penalty { penalty, .. } => penalty < INFINITE_PENALTY,
            Item::Box { .. } => false,
        })
        .collect();
    let mut best: Option<i64> = None;
    for mask in 0u32..(1 << legal.len()) {
        let mut breaks: Vec<usize> = (0..legal.len())
            .filter(|b| mask & (1 << b) != 0)
            .map(|b| legal[b])
            .collect();
        breaks.push(items.len() - 1);
        let sums = Sums::new(items);
        let run = Run {
            items,
            sums: &sums,
            width: &|_| width,
            protrusion: &[],
            params,
            threshold: INF_BAD,
            hyphenate: true,
            explicit_hyphens: true,
            background: 0,
            set_background: 0,
            final_pass: true,
            easy_line: None,
        };
        let mut from_next = skip_discardable(items, 0);
        let mut feasible = true;
        for &at in &breaks {
            let from = Passive {
                at: 0,
                next_start: from_next,
                previous: None,
                line: 0,
                fitness: 2,
                hyphenated: false,
                badness: 0,
            };
            let extra = match items[at] {
                Item::Penalty { width, .. } => to_sp(width),
                _ => 0,
            };
            if run.measure(&from, at, extra).0 > INF_BAD {
                feasible = false;
            }
            from_next = skip_discardable(items, at + 1);
        }
        if feasible {
            let d = evaluate(items, &breaks, |_| width, &[], params);
            best = Some(best.map_or(d, |b: i64| b.min(d)));
        }
    }
    best
}

fn random_paragraph() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((1u8..12, any::<bool>()), 1..40).prop_map(|words| {
        let mut items = Vec::new();
        for (i, (w, hyphen)) in words.into_iter().enumerate() {
            if i > 0 {
                items.push(space());
            }
            if hyphen && w > 4 {
                let half = f32::from(w) / 2.0;
                items.push(word(half));
                items.push(hyphen_point());
                items.push(word(half));
            } else {
                items.push(word(f32::from(w)));
            }
        }
        finish(&mut items);
        items
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// With every badness allowed in one pass, the result is optimal, so never worse than
    /// first-fit whenever first-fit has no overfull line.
    #[test]
    fn never_worse_than_first_fit(items in random_paragraph(), measure in 12.0f32..40.0) {
        let sloppy = Params { pretolerance: -1, tolerance: 10_000, ..Params::default() };
        let optimal = break_optimal(&items, |_| measure, &[], &sloppy);
        let greedy = break_greedy(&items, |_| measure);
        if greedy.iter().all(|l| l.overfull == 0.0) {
            let ends: Vec<usize> = greedy.iter().map(|l| l.end).collect();
            let greedy_demerits = evaluate(&items, &ends, |_| measure, &[], &sloppy);
            prop_assert!(optimal.demerits <= greedy_demerits,
                "optimal {} > greedy {}", optimal.demerits, greedy_demerits);
        }
    }

    /// With TeX's default passes, no line is overfull when first-fit manages without one.
    #[test]
    fn no_overfull_line_when_one_can_be_avoided(items in random_paragraph(), measure in 12.0f32..40.0) {
        let greedy = break_greedy(&items, |_| measure);
        let breaks = break_optimal(&items, |_| measure, &[], &Params::default());
        if greedy.iter().all(|l| l.overfull == 0.0) {
            prop_assert!(breaks.lines.iter().all(|l| l.line.overfull == 0.0), "{breaks:?}");
        }
        // Lines tile the paragraph in order.
        let mut expected_start = skip_discardable(&items, 0);
        for line in &breaks.lines {
            prop_assert_eq!(line.line.start, expected_start);
            expected_start = skip_discardable(&items, line.line.end + 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// Against every possible set of breaks of a short paragraph.
    #[test]
    fn matches_brute_force(words in prop::collection::vec(1u8..9, 1..9), measure in 8.0f32..20.0) {
        let widths: Vec<f32> = words.iter().map(|&w| f32::from(w)).collect();
        let items = paragraph(&widths);
        let sloppy = Params { pretolerance: -1, tolerance: 10_000, ..Params::default() };
        let optimal = break_optimal(&items, |_| measure, &[], &sloppy);
        if let Some(best) = brute_force(&items, measure, &sloppy) {
            prop_assert_eq!(optimal.demerits, best);
        }
    }
}
