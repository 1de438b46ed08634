//! The training loop (CAL 训练流程 steps 1-6; NNDL algorithm 4.1; JQ batch,
//! epoch, iteration, validation and early stopping):
//!
//! ```text
//! split the data (seeded): training, validation, test
//! initialise W(l) (seeded), b(l) = 0
//! for epoch = 1..E:
//!     shuffle the training samples (seeded)
//!     for each of the ⌈N/B⌉ iterations: forward, δ, backward, update
//!     validation loss; stop early after P epochs without improvement
//! ```

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::loss::Loss;
use crate::train::Real;
use crate::train::data::{Dataset, Target};
use crate::train::engine::{BatchStats, Mlp, Targets, Update, Workspace, predict};
use crate::train::init::Init;
use crate::train::rng::Rng;

/// Everything a run needs besides the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// n0, n1, …, nL.
    pub sizes: Vec<usize>,
    pub hidden: Activation,
    pub output: Activation,
    pub loss: Loss,
    pub init: Init,
    pub lr: f64,
    pub epochs: usize,
    /// Samples per iteration; `None` means the whole training set (full-batch GD).
    pub batch: Option<usize>,
    /// True when `batch` is the default, not asked for: a default larger
    /// than the training set (XOR's 4 samples) shrinks to it.
    pub default_batch: bool,
    /// λ of the L2 penalty λ/2 Σ‖W(l)‖².
    pub l2: f64,
    /// Fractions of the data held out for validation and for testing.
    pub val: f64,
    pub test: f64,
    /// Stop after this many epochs without a lower validation loss.
    pub patience: Option<usize>,
    pub shuffle: bool,
    pub seed: u64,
}

impl Config {
    /// A classifier of these layer sizes with the usual settings: ReLU
    /// hidden layers, softmax + cross-entropy, He uniform, η = 0.1, 10
    /// epochs of mini-batches of 32, no L2, no split, reshuffled, seed 0.
    /// Change a field with `Config { epochs: 1, ..Config::classifier(s) }`.
    pub fn classifier(sizes: Vec<usize>) -> Config {
        Config {
            sizes,
            hidden: Activation::Relu,
            output: Activation::Softmax,
            loss: Loss::CrossEntropy,
            init: Init::HeUniform,
            lr: 0.1,
            epochs: 10,
            batch: Some(32),
            default_batch: false,
            l2: 0.0,
            val: 0.0,
            test: 0.0,
            patience: None,
            shuffle: true,
            seed: 0,
        }
    }
}

/// One row of the per-epoch table.
#[derive(Clone, Debug, PartialEq)]
pub struct Epoch {
    pub epoch: usize,
    /// Mean training loss over the epoch's batches (as they were seen).
    pub loss: f64,
    pub accuracy: Option<f64>,
    pub val_loss: Option<f64>,
    pub val_accuracy: Option<f64>,
    /// ‖∂R/∂W(l)‖_F for l = 1..L at the epoch's last iteration.
    pub grad_norms: Vec<f64>,
    /// λ/2 Σ‖W(l)‖² at the end of the epoch.
    pub penalty: f64,
}

/// Loss, accuracy and confusion matrix of a network on a data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub loss: f64,
    pub accuracy: Option<f64>,
    /// counts[true class][predicted class].
    pub confusion: Option<Vec<Vec<usize>>>,
}

/// What a run did.
#[derive(Clone, Debug, PartialEq)]
pub struct Log {
    pub n_train: usize,
    pub n_val: usize,
    pub n_test: usize,
    pub batch: usize,
    /// ⌈N/B⌉.
    pub iterations_per_epoch: usize,
    /// Size of the last batch of an epoch: N − (⌈N/B⌉ − 1)·B.
    pub last_batch: usize,
    pub epochs: Vec<Epoch>,
    /// Mean loss of every batch, in order, over all epochs.
    pub batch_losses: Vec<f64>,
    /// Epoch whose parameters were kept (the best validation loss when
    /// early stopping is on, else the last).
    pub kept_epoch: usize,
    pub stopped_early: bool,
    /// The evaluation of the kept parameters on the test set, else on the
    /// validation set, else on the training set.
    pub final_eval: Evaluation,
    /// Which set `final_eval` is on: "test", "validation" or "training".
    pub final_on: &'static str,
    /// Wall time of the epochs alone (no split, no final evaluation), for
    /// `--time` only: reports never show it, so outputs stay reproducible.
    pub seconds: f64,
}

impl Log {
    /// A log with only the iteration arithmetic of N samples in batches of
    /// B (for explaining it without training).
    pub fn arithmetic(n: usize, batch: usize, _epochs: usize) -> Log {
        let per_epoch = n.div_ceil(batch);
        Log {
            n_train: n,
            n_val: 0,
            n_test: 0,
            batch,
            iterations_per_epoch: per_epoch,
            last_batch: n - (per_epoch - 1) * batch,
            epochs: Vec::new(),
            batch_losses: Vec::new(),
            kept_epoch: 0,
            stopped_early: false,
            final_eval: Evaluation {
                loss: 0.0,
                accuracy: None,
                confusion: None,
            },
            final_on: "training",
            seconds: 0.0,
        }
    }
}

/// Progress of a run, reported after every iteration.
pub trait Progress {
    /// `done` of `total` iterations finished.
    fn tick(&mut self, done: u64, total: u64);
}

impl Progress for () {
    fn tick(&mut self, _: u64, _: u64) {}
}

/// Check the network against the data and the flags against each other.
pub fn check<T: Real>(cfg: &Config, data: &Dataset<T>) -> Result<()> {
    let sizes = &cfg.sizes;
    let layers = |accepted: String| Error::BadFlag {
        flag: "--layers".to_string(),
        value: sizes
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(","),
        accepted,
    };
    if sizes.len() < 2 || sizes.contains(&0) {
        return Err(layers(
            "give at least an input and an output size, none of them 0, e.g. 64,32,10".into(),
        ));
    }
    if sizes[0] != data.n_features {
        return Err(layers(format!(
            "the first size must be the number of inputs of {}: {} (e.g. {},…)",
            data.name, data.n_features, data.n_features
        )));
    }
    let out = *sizes.last().expect("checked: at least two sizes");
    match &data.y {
        Target::Classes { k, .. } => {
            let binary_ok = *k == 2 && out == 1 && cfg.loss != Loss::CrossEntropy;
            if out != *k && !binary_ok {
                return Err(layers(format!(
                    "the last size must be the number of classes of {}: {k}{}",
                    data.name,
                    if *k == 2 {
                        " (or 1 with --loss bce or mse)"
                    } else {
                        ""
                    }
                )));
            }
        }
        Target::Values { dim, .. } if out != *dim => {
            return Err(layers(format!(
                "the last size must be the number of targets of {}: {dim}",
                data.name
            )));
        }
        Target::Values { .. } => {}
    }
    if !(cfg.lr.is_finite() && cfg.lr > 0.0) {
        return Err(Error::BadFlag {
            flag: "--lr".into(),
            value: cfg.lr.to_string(),
            accepted: "the learning rate must be a positive number, e.g. 0.1".into(),
        });
    }
    if !(cfg.l2.is_finite() && cfg.l2 >= 0.0) {
        return Err(Error::BadFlag {
            flag: "--l2".into(),
            value: cfg.l2.to_string(),
            accepted: "λ must be 0 or a positive number, e.g. 0.0001".into(),
        });
    }
    for (flag, v) in [("--val", cfg.val), ("--test", cfg.test)] {
        if !(0.0..1.0).contains(&v) {
            return Err(Error::BadFlag {
                flag: flag.into(),
                value: v.to_string(),
                accepted: "a fraction of the data from 0 up to (not including) 1, e.g. 0.1".into(),
            });
        }
    }
    // Each fraction is below 1, but together they could claim more than all
    // the data (and the split would slice past its end).
    if cfg.val + cfg.test >= 1.0 {
        return Err(Error::BadFlag {
            flag: "--val/--test".into(),
            value: format!("{} + {}", cfg.val, cfg.test),
            accepted: "the validation and test fractions together must be below 1, \
                       so that some data is left for training, e.g. --val 0.1 --test 0.2"
                .into(),
        });
    }
    if cfg.patience.is_some() && cfg.val == 0.0 {
        return Err(Error::Usage(
            "--early-stopping watches the validation loss: add --val FRACTION, e.g. --val 0.1"
                .into(),
        ));
    }
    if cfg.epochs == 0 {
        return Err(Error::BadFlag {
            flag: "--epochs".into(),
            value: "0".into(),
            accepted: "train for at least 1 epoch".into(),
        });
    }
    Ok(())
}

/// The training, validation and test sets: a seeded shuffle (seed + 1), then
/// the test fraction, the validation fraction, and the rest for training.
pub fn split<T: Real>(
    cfg: &Config,
    mut data: Dataset<T>,
) -> (Dataset<T>, Option<Dataset<T>>, Option<Dataset<T>>) {
    let n = data.len();
    let given_test = data.test.take().map(|b| *b);
    let n_test = if given_test.is_some() {
        0
    } else {
        (cfg.test * n as f64).round() as usize
    };
    let n_val = (cfg.val * n as f64).round() as usize;
    if n_test == 0 && n_val == 0 {
        return (data, None, given_test);
    }
    let mut idx: Vec<usize> = (0..n).collect();
    Rng::new(cfg.seed.wrapping_add(1)).shuffle(&mut idx);
    let test = (n_test > 0).then(|| data.subset(&idx[..n_test], "test"));
    let val = (n_val > 0).then(|| data.subset(&idx[n_test..n_test + n_val], "validation"));
    let train = data.subset(&idx[n_test + n_val..], &data.name);
    (train, val, test.or(given_test))
}

/// Targets of a data set for the network's output size: labels one-hot, or
/// for one output the label itself as a 0/1 value.
fn targets<T: Real>(d: &Dataset<T>, out: usize) -> (Option<Vec<T>>, Option<&[u32]>) {
    match &d.y {
        Target::Classes { labels, .. } if out == 1 => (
            Some(labels.iter().map(|l| T::of(f64::from(*l))).collect()),
            Some(labels),
        ),
        Target::Classes { labels, .. } => (None, Some(labels)),
        Target::Values { v, .. } => (Some(v.clone()), None),
    }
}

/// Train a fresh network (weights from `cfg.seed`) on `data`.
pub fn train<T: Real>(
    cfg: &Config,
    data: Dataset<T>,
    progress: &mut dyn Progress,
) -> Result<(Mlp<T>, Log)> {
    check(cfg, &data)?;
    let mut net = Mlp::new(
        &cfg.sizes,
        cfg.hidden.clone(),
        cfg.output.clone(),
        cfg.loss,
        cfg.init,
        cfg.seed,
    )?;
    let total_samples = data.len();
    let (train, val, test) = split(cfg, data);
    let n = train.len();
    if n == 0 {
        // Not a --batch problem: the split itself left nothing to train on.
        return Err(Error::BadFlag {
            flag: "--val/--test".into(),
            value: format!("{} + {}", cfg.val, cfg.test),
            accepted: format!(
                "the split leaves no training samples out of {total_samples}; \
                 hold out a smaller fraction or use more samples"
            ),
        });
    }
    let batch = match cfg.batch {
        Some(b) if cfg.default_batch => b.min(n),
        Some(b) => b,
        None => n,
    };
    if batch == 0 || batch > n {
        return Err(Error::BadFlag {
            flag: "--batch".into(),
            value: batch.to_string(),
            accepted: format!(
                "the batch size must be from 1 to the number of training samples, {n}{}",
                if cfg.val + cfg.test > 0.0 {
                    " (after the validation/test split)"
                } else {
                    ""
                }
            ),
        });
    }
    let per_epoch = n.div_ceil(batch);
    let out = *cfg.sizes.last().expect("checked");
    let (values, labels) = targets(&train, out);
    let f = train.n_features;
    let mut ws = Workspace::new(&net, batch);
    let mut tbuf: Vec<T> = vec![T::zero(); batch * out];
    let mut lbuf: Vec<u32> = vec![0; batch];
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(cfg.seed.wrapping_add(2));
    let mut epochs = Vec::new();
    let mut batch_losses = Vec::with_capacity(per_epoch * cfg.epochs);
    let (mut best, mut best_loss, mut kept_epoch) = (None, f64::INFINITY, 0);
    let total = (per_epoch * cfg.epochs) as u64;
    let mut stopped_early = false;
    let clock = std::time::Instant::now();
    for epoch in 1..=cfg.epochs {
        if cfg.shuffle {
            rng.shuffle(&mut order);
        }
        let mut sum = BatchStats::default();
        let mut grad_norms = Vec::new();
        for it in 0..per_epoch {
            let rows = &order[it * batch..((it + 1) * batch).min(n)];
            let bsz = rows.len();
            for (r, &i) in rows.iter().enumerate() {
                ws.x[r * f..(r + 1) * f].copy_from_slice(&train.x[i * f..(i + 1) * f]);
                if let Some(v) = &values {
                    tbuf[r * out..(r + 1) * out].copy_from_slice(&v[i * out..(i + 1) * out]);
                }
                if let Some(l) = labels {
                    lbuf[r] = l[i];
                }
            }
            let t = match &values {
                Some(_) => Targets::Values(&tbuf[..bsz * out]),
                None => Targets::Labels(&lbuf[..bsz]),
            };
            net.forward(&mut ws, bsz);
            let s = net.output_delta(&mut ws, bsz, t, labels.map(|_| &lbuf[..bsz]));
            if !s.loss_sum.is_finite() {
                return Err(Error::Diverged {
                    epoch,
                    iteration: it + 1,
                    value: format!("{}", s.loss_sum),
                    lr: cfg.lr,
                    suggest: cfg.lr / 10.0,
                });
            }
            batch_losses.push(s.loss_sum / bsz as f64);
            sum.loss_sum += s.loss_sum;
            sum.correct += s.correct;
            if it + 1 == per_epoch {
                // The last iteration keeps its gradients for the table.
                net.backward(&mut ws, bsz, Update::Store);
                net.add_l2(&mut ws, cfg.l2);
                grad_norms = ws.grad_w.iter().map(|g| norm(g)).collect();
                net.apply(&ws, cfg.lr);
            } else {
                net.backward(
                    &mut ws,
                    bsz,
                    Update::Step {
                        lr: cfg.lr,
                        l2: cfg.l2,
                    },
                );
            }
            progress.tick(((epoch - 1) * per_epoch + it + 1) as u64, total);
        }
        let v = val.as_ref().map(|v| evaluate(&net, v));
        epochs.push(Epoch {
            epoch,
            loss: sum.loss_sum / n as f64,
            accuracy: labels.map(|_| sum.correct as f64 / n as f64),
            val_loss: v.as_ref().map(|e| e.loss),
            val_accuracy: v.as_ref().and_then(|e| e.accuracy),
            grad_norms,
            penalty: 0.5 * cfg.l2 * net.weight_norm2(),
        });
        kept_epoch = epoch;
        if let (Some(p), Some(v)) = (cfg.patience, v) {
            if v.loss < best_loss {
                (best_loss, best) = (v.loss, Some((net.clone(), epoch)));
            } else if epoch - best.as_ref().map_or(0, |b| b.1) >= p {
                stopped_early = true;
                break;
            }
        }
    }
    let seconds = clock.elapsed().as_secs_f64();
    if let Some((b, e)) = best {
        (net, kept_epoch) = (b, e);
    }
    let (final_eval, final_on) = match (&test, &val) {
        (Some(t), _) => (evaluate(&net, t), "test"),
        (None, Some(v)) => (evaluate(&net, v), "validation"),
        (None, None) => (evaluate(&net, &train), "training"),
    };
    let log = Log {
        n_train: n,
        n_val: val.as_ref().map_or(0, Dataset::len),
        n_test: test.as_ref().map_or(0, Dataset::len),
        batch,
        iterations_per_epoch: per_epoch,
        last_batch: n - (per_epoch - 1) * batch,
        epochs,
        batch_losses,
        kept_epoch,
        stopped_early,
        final_eval,
        final_on,
        seconds,
    };
    Ok((net, log))
}

/// Mean loss, accuracy and confusion matrix of `net` on `d`, in chunks.
pub fn evaluate<T: Real>(net: &Mlp<T>, d: &Dataset<T>) -> Evaluation {
    let out = *net.sizes().last().expect("a network has layers");
    let (values, labels) = targets(d, out);
    let n = d.len();
    let chunk = n.clamp(1, 1000);
    let mut ws = Workspace::new(net, chunk);
    let f = d.n_features;
    let k = d.classes().max(2);
    let mut confusion = labels.map(|_| vec![vec![0usize; k]; k]);
    let (mut loss, mut correct) = (0.0, 0);
    let mut row = vec![0.0; out];
    for start in (0..n).step_by(chunk) {
        let end = (start + chunk).min(n);
        let bsz = end - start;
        ws.x[..bsz * f].copy_from_slice(&d.x[start * f..end * f]);
        net.forward(&mut ws, bsz);
        let t = match (&values, labels) {
            (Some(v), _) => Targets::Values(&v[start * out..end * out]),
            (None, Some(l)) => Targets::Labels(&l[start..end]),
            (None, None) => unreachable!("a data set has values or labels"),
        };
        let s = net.output_delta(&mut ws, bsz, t, labels.map(|l| &l[start..end]));
        loss += s.loss_sum;
        correct += s.correct;
        if let (Some(c), Some(l)) = (&mut confusion, labels) {
            for r in 0..bsz {
                for (j, v) in row.iter_mut().enumerate() {
                    *v = ws.output()[r * out + j].f64();
                }
                c[l[start + r] as usize][predict(&row)] += 1;
            }
        }
    }
    Evaluation {
        loss: loss / n as f64,
        accuracy: labels.map(|_| correct as f64 / n as f64),
        confusion,
    }
}

/// ‖g‖₂ (Frobenius for a matrix), summed in f64 in order.
pub fn norm<T: Real>(g: &[T]) -> f64 {
    g.iter().map(|v| v.f64() * v.f64()).sum::<f64>().sqrt()
}
