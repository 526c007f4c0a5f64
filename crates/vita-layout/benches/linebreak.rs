//! Line-breaking benchmarks: the seed's bullets (shaping + Knuth–Plass, and Knuth–Plass
//! alone), and paragraphs of 1k, 10k and 100k words to show that time grows linearly.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vita_layout::FontBook;
use vita_layout::inline::knuth_plass::{Params, break_optimal};
use vita_layout::inline::text_items;

const SEED: &str = include_str!("../../../tests/fixtures/seed-resume.md");
/// The classic layout's measure for bullet text, in points.
const MEASURE: f32 = 488.0;

fn bullets() -> Vec<String> {
    SEED.lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| l.replace("**", ""))
        .collect()
}

fn params() -> Params {
    Params {
        emergency_stretch: 15.0,
        runt_demerits: 5000,
        ..Params::default()
    }
}

fn seed(c: &mut Criterion) {
    let book = FontBook::bundled();
    let bullets = bullets();
    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Elements(bullets.len() as u64));
    group.bench_function("shape+break all bullets (warm cache)", |b| {
        b.iter(|| {
            for text in &bullets {
                let items = text_items(&book, "Charis SIL", 10.0, text);
                std::hint::black_box(break_optimal(&items, |_| MEASURE, &[], &params()));
            }
        })
    });
    let items: Vec<_> = bullets
        .iter()
        .map(|t| text_items(&book, "Charis SIL", 10.0, t))
        .collect();
    group.bench_function("break all bullets", |b| {
        b.iter(|| {
            for items in &items {
                std::hint::black_box(break_optimal(items, |_| MEASURE, &[], &params()));
            }
        })
    });
    group.finish();
}

fn long(c: &mut Criterion) {
    let book = FontBook::bundled();
    let words: Vec<&str> = bullets().join(" ").leak().split_whitespace().collect();
    let mut group = c.benchmark_group("words");
    group.sample_size(10);
    for count in [1_000usize, 10_000, 100_000] {
        let text: Vec<&str> = words.iter().copied().cycle().take(count).collect();
        let items = text_items(&book, "Charis SIL", 10.0, &text.join(" "));
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &items, |b, items| {
            b.iter(|| break_optimal(items, |_| MEASURE, &[], &params()))
        });
    }
    group.finish();
}

criterion_group!(benches, seed, long);
criterion_main!(benches);
