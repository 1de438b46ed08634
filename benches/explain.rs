//! How long explaining takes: every catalog example (compute the report and
//! render the terminal tables), and one `graph` run.

use std::collections::HashMap;

use criterion::{Criterion, criterion_group, criterion_main};
use nn_tutor::Scalar;
use nn_tutor::catalog;
use nn_tutor::render::{Format, RenderOptions, render};
use nn_tutor::report::{Settings, graph};

fn explain_each_example(c: &mut Criterion) {
    let mut group = c.benchmark_group("explain");
    for ex in catalog::all() {
        group.bench_function(ex.id(), |b| {
            b.iter(|| {
                let r = ex.run(&[], &Settings::default()).unwrap();
                render(&r, Format::Table, &RenderOptions::default())
            })
        });
    }
    group.finish();
}

fn graph_run(c: &mut Criterion) {
    let at: HashMap<String, Scalar> = [("x", -2), ("y", 5), ("z", -4)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Scalar::int(v)))
        .collect();
    c.bench_function("graph (x + y) * z", |b| {
        b.iter(|| {
            let (r, _) = graph::build("q = x + y; f = q * z", &at, &Settings::default()).unwrap();
            render(&r, Format::Table, &RenderOptions::default())
        })
    });
}

criterion_group!(benches, explain_each_example, graph_run);
criterion_main!(benches);
