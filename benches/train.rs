//! Speed of one training epoch (issue 4): 784-512-512-10 on 55,000 synthetic
//! MNIST-shaped samples, batch 100, f32, ReLU, softmax cross-entropy, SGD
//! with η = 0.1, He-uniform — the work of `benches/peers/mlp_numpy.py` — and
//! one epoch of the 8×8 digits (64-64-10, batch 32). Only the epoch loop is
//! timed (`Log::seconds`): data generation and the final evaluation are not.
//!
//! Run: `cargo bench --bench train`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use nn_tutor::train::data::{self, Dataset};
use nn_tutor::train::run::{Config, train};

fn config(sizes: &[usize], batch: usize) -> Config {
    Config {
        epochs: 1,
        batch: Some(batch),
        ..Config::classifier(sizes.to_vec())
    }
}

/// Time `iters` epochs, each on a fresh copy of the data (copy not timed).
fn epochs<T: nn_tutor::train::Real>(cfg: &Config, d: &Dataset<T>, iters: u64) -> Duration {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let copy = d.clone();
        let (_, log) = pool.install(|| train(cfg, copy, &mut ())).unwrap();
        total += Duration::from_secs_f64(log.seconds);
    }
    total
}

fn mnist_epoch(c: &mut Criterion) {
    let d = data::load::<f32>("synthetic-mnist", 55_000, 0).unwrap();
    let cfg = config(&[784, 512, 512, 10], 100);
    let mut g = c.benchmark_group("epoch");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("784-512-512-10, 55000 samples, batch 100, f32", |b| {
        b.iter_custom(|iters| epochs(&cfg, &d, iters))
    });
    let digits = data::load::<f32>("digits", 0, 0).unwrap();
    let cfg = config(&[64, 64, 10], 32);
    g.bench_function("digits 64-64-10, 1797 samples, batch 32, f32", |b| {
        b.iter_custom(|iters| epochs(&cfg, &digits, iters))
    });
    g.finish();
}

criterion_group!(benches, mnist_epoch);
criterion_main!(benches);
