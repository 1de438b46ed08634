//! How long building the whole book takes: every directive, figure and
//! formula, and mdBook's HTML and search index (`cargo bench --bench book`).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use nn_tutor::book::{BuildOptions, build};

fn build_the_book(c: &mut Criterion) {
    let out = std::env::temp_dir().join(format!("nn-tutor-bench-book-{}", std::process::id()));
    let opts = BuildOptions {
        book_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("book"),
        out: Some(out.clone()),
        force: false,
        lang: nn_tutor::report::i18n::Lang::En,
    };
    let mut group = c.benchmark_group("book");
    group.sample_size(10);
    group.bench_function("build", |b| b.iter(|| build(&opts).unwrap()));
    group.finish();
    let _ = std::fs::remove_dir_all(&out);
}

criterion_group!(benches, build_the_book);
criterion_main!(benches);
