//! Whole-résumé layout: a plain layout of the seed against fitting it into one page, in every
//! built-in layout (`sidebar` measures two regions against `modern`, its one-column base).

use criterion::{Criterion, criterion_group, criterion_main};
use vita_layout::{Fit, FontBook, Layout, LayoutOptions, fit, layout};

const SEED: &str = include_str!("../../../tests/fixtures/seed-resume.md");
const SEED_HEADER: &str = include_str!("../../../tests/fixtures/seed-header.md");

fn pages(c: &mut Criterion) {
    let resume = vita_model::parse_markdown(SEED).unwrap().resume;
    let book = FontBook::bundled();
    let options = LayoutOptions::default();
    let mut group = c.benchmark_group("seed layout");
    for name in ["classic", "modern", "compact", "sidebar", "dense"] {
        let style = Layout::builtin(name).unwrap();
        group.bench_function(format!("{name} plain"), |b| {
            b.iter(|| layout(&resume, &style, &book, &options).unwrap())
        });
        group.bench_function(format!("{name} --pages 1"), |b| {
            b.iter(|| fit(&resume, &style, &book, &options, &Fit::pages(1)).unwrap())
        });
    }
    group.finish();
}

/// Two regions against one column doing the same work: the seed with its header, where both
/// `modern` and `sidebar` (which extends it) need spacing, looseness and leading to fit one
/// page.
fn regions(c: &mut Criterion) {
    let resume = vita_model::parse_markdown(SEED_HEADER).unwrap().resume;
    let book = FontBook::bundled();
    let options = LayoutOptions::default();
    let mut group = c.benchmark_group("regions");
    for name in ["modern", "sidebar"] {
        let style = Layout::builtin(name).unwrap();
        group.bench_function(format!("{name} plain"), |b| {
            b.iter(|| layout(&resume, &style, &book, &options).unwrap())
        });
        group.bench_function(format!("{name} --pages 1"), |b| {
            b.iter(|| fit(&resume, &style, &book, &options, &Fit::pages(1)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, pages, regions);
criterion_main!(benches);
