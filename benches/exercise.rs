//! 1,000 exercise variants with their answer keys across every example with
//! exercise ranges (issue 6's target: under 1 s in a release build): draw,
//! compute each key, and render sheet + key as Markdown.

use criterion::{Criterion, criterion_group, criterion_main};
use nn_tutor::catalog;
use nn_tutor::exercise::sheet::{Parts, SheetFormat, render};
use nn_tutor::exercise::{Lang, make, with_ranges};
use nn_tutor::render::RenderOptions;

fn thousand_variants(c: &mut Criterion) {
    let examples = catalog::all();
    // Whole sheets across all examples until 1,000 problems are drawn.
    let per_sheet = with_ranges().len() as u64;
    let sheets = 1000_u64.div_ceil(per_sheet);
    let mut group = c.benchmark_group("exercise");
    group.sample_size(10);
    group.bench_function(format!("{} variants with keys", sheets * per_sheet), |b| {
        b.iter(|| {
            let mut bytes = 0;
            for seed in 0..sheets {
                let sh = make(&examples, seed, 1, Lang::En, String::new()).unwrap();
                let parts = Parts {
                    questions: true,
                    key: true,
                    ..Parts::default()
                };
                bytes += render(&sh, SheetFormat::Markdown, parts, &RenderOptions::default()).len();
            }
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, thousand_variants);
criterion_main!(benches);
