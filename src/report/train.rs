//! The report of a training run: the data, the network, the iteration
//! arithmetic of JQ (batch, epoch, iteration), the per-epoch table and the
//! confusion matrix.

use crate::report::{Cell, Figure, Kind, Math, Panel, Report, Series, Table};
use crate::scalar::Scalar;
use crate::train::Real;
use crate::train::data::Dataset;
use crate::train::engine::Mlp;
use crate::train::run::{Config, Log};

/// What the report says about the data (the data itself is gone by then).
#[derive(Clone, Debug)]
pub struct DataInfo {
    pub name: String,
    pub source: String,
    pub features: usize,
    pub classes: usize,
}

impl DataInfo {
    /// Describe a data set.
    pub fn of<T: Real>(d: &Dataset<T>) -> DataInfo {
        DataInfo {
            name: d.name.clone(),
            source: d.source.clone(),
            features: d.n_features,
            classes: d.classes(),
        }
    }
}

fn f(x: f64) -> Cell {
    Cell::Num(Scalar::Float(x))
}

fn n(x: usize) -> Cell {
    Cell::Num(Scalar::int(x as i64))
}

/// The optimiser's name for a batch size, with the Chinese term.
pub fn optimiser(batch: usize, n: usize) -> &'static str {
    if batch == n {
        "full-batch gradient descent · 批量梯度下降"
    } else if batch == 1 {
        "stochastic gradient descent (SGD) · 随机梯度下降"
    } else {
        "mini-batch SGD · 小批量梯度下降"
    }
}

/// The network table: one row per layer l = 1..L.
pub fn network_table<T: Real>(cfg: &Config, net: &Mlp<T>) -> Table {
    let mut t = Table::new(
        "Network · 网络结构 (row convention: h(l) = f(h(l−1) W(l) + b(l)))",
        &["layer l", "W(l)", "b(l)", "f", "parameters", "initial W(l)"],
    );
    for (i, l) in net.layers.iter().enumerate() {
        let scale = cfg.init.scale(l.n_in, l.n_out);
        let init = match cfg.init {
            crate::train::init::Init::Zeros => "0".to_string(),
            i if i.is_normal() => format!("{i}: N(0, σ²), σ = {scale:.4}"),
            i => format!("{i}: U(−r, r), r = {scale:.4}"),
        };
        t.row(vec![
            n(i + 1),
            Cell::Text(format!("{} × {}", l.n_in, l.n_out)),
            Cell::Text(format!("1 × {}", l.n_out)),
            Cell::Text(l.act.to_string()),
            n(l.n_in * l.n_out + l.n_out),
            Cell::Text(init),
        ]);
    }
    t
}

/// JQ's arithmetic: iterations per epoch ⌈N/B⌉ and the last, partial batch.
pub fn iteration_table(log: &Log, epochs_asked: usize) -> Table {
    let (nn, b, it, r) = (
        log.n_train,
        log.batch,
        log.iterations_per_epoch,
        log.last_batch,
    );
    let mut t = Table::new(
        "Batches, epochs, iterations · 批次、轮次、迭代",
        &["quantity", "formula", "value"],
    );
    t.row(vec!["training samples N".into(), Cell::Empty, n(nn)]);
    t.row(vec![
        "batch size B".into(),
        Cell::Text(optimiser(b, nn).into()),
        n(b),
    ]);
    t.row(vec![
        "iterations per epoch".into(),
        Cell::Math(Math::new(
            format!("⌈N/B⌉ = ⌈{nn}/{b}⌉"),
            format!("\\lceil N/B \\rceil = \\lceil {nn}/{b} \\rceil"),
        )),
        n(it),
    ]);
    t.row(vec![
        "size of the last batch".into(),
        Cell::Math(Math::new(
            format!("N − (⌈N/B⌉ − 1)·B = {nn} − {}·{b}", it - 1),
            format!(
                "N - (\\lceil N/B \\rceil - 1) B = {nn} - {} \\cdot {b}",
                it - 1
            ),
        )),
        n(r),
    ]);
    t.row(vec![
        "iterations indexed".into(),
        Cell::Empty,
        Cell::Text(format!("0-{} in every epoch", it - 1)),
    ]);
    t.row(vec!["epochs asked".into(), Cell::Empty, n(epochs_asked)]);
    t.row(vec![
        "iterations in all".into(),
        Cell::Text("epochs run × iterations per epoch".into()),
        n(if log.epochs.is_empty() {
            epochs_asked
        } else {
            log.epochs.len()
        } * it),
    ]);
    t
}

/// The sentence under the iteration table about the last batch.
pub fn last_batch_text(log: &Log) -> String {
    if log.last_batch == log.batch {
        let noun = if log.batch == 1 { "sample" } else { "samples" };
        format!(
            "B divides N, so every iteration sees exactly {} {noun}.",
            log.batch
        )
    } else {
        format!(
            "B does not divide N: the last iteration of each epoch uses the {} samples that are \
             left, and its gradient is their mean (divided by {}, not {}), so every sample is \
             seen once per epoch. The samples left over change from epoch to epoch because the \
             order is reshuffled.",
            log.last_batch, log.last_batch, log.batch
        )
    }
}

/// Rows to show: every epoch up to 25, else a round step (2, 5, 10, 20,
/// 50, …) that gives at most 25 rows; the first and last epochs always.
pub fn every(epochs: usize) -> usize {
    let mut step = 1;
    let mut k = 0;
    while epochs.div_ceil(step) > 25 {
        step = [2, 5, 10][k % 3] * 10usize.pow((k / 3) as u32);
        k += 1;
    }
    step
}

/// One row per epoch (every `every`-th, with the first and the last).
pub fn epoch_table(log: &Log, l2: f64) -> Table {
    let step = every(log.epochs.len());
    let layers = log.epochs.first().map_or(0, |e| e.grad_norms.len());
    let has_val = log.n_val > 0;
    let has_acc = log.epochs.first().is_some_and(|e| e.accuracy.is_some());
    let mut header: Vec<String> = vec!["epoch".into(), "loss (train)".into()];
    if has_acc {
        header.push("accuracy (train)".into());
    }
    if has_val {
        header.push("loss (val)".into());
        if has_acc {
            header.push("accuracy (val)".into());
        }
    }
    if l2 > 0.0 {
        header.push("λ/2 Σ‖W‖²".into());
    }
    for l in 1..=layers {
        header.push(format!("‖∂R/∂W({l})‖"));
    }
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let shown = if step == 1 {
        String::new()
    } else {
        format!("; one row every {step} epochs, with the first, the kept and the last")
    };
    let mut t = Table::new(
        format!(
            "Per epoch · 每轮 (training loss: mean over the epoch's batches; gradient norms: \
             the epoch's last iteration{shown})"
        ),
        &refs,
    );
    let last = log.epochs.len();
    for e in log.epochs.iter().filter(|e| {
        e.epoch == 1 || e.epoch % step == 0 || e.epoch == last || e.epoch == log.kept_epoch
    }) {
        let mut row = vec![n(e.epoch), f(e.loss)];
        if has_acc {
            row.push(e.accuracy.map_or(Cell::Empty, f));
        }
        if has_val {
            row.push(e.val_loss.map_or(Cell::Empty, f));
            if has_acc {
                row.push(e.val_accuracy.map_or(Cell::Empty, f));
            }
        }
        if l2 > 0.0 {
            row.push(f(e.penalty));
        }
        row.extend(e.grad_norms.iter().map(|g| f(*g)));
        t.row(row);
    }
    t
}

/// `counts[true][predicted]` as a table.
pub fn confusion_table(c: &[Vec<usize>], on: &str) -> Table {
    let mut header = vec!["true \\ predicted".to_string()];
    header.extend((0..c.len()).map(|j| j.to_string()));
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("Confusion matrix · 混淆矩阵 ({on} set)"), &refs);
    for (i, row) in c.iter().enumerate() {
        let mut cells = vec![Cell::Text(i.to_string())];
        cells.extend(row.iter().map(|v| n(*v)));
        t.row(cells);
    }
    t
}

/// The whole report of `nn-tutor train`.
pub fn report<T: Real>(cfg: &Config, data: &DataInfo, net: &Mlp<T>, log: &Log) -> Report {
    let mut r = Report {
        id: "train".into(),
        title: format!("Training on {}", data.name),
        title_zh: format!("在 {} 上训练", data.name),
        ..Report::default()
    };
    r.text(format!(
        "Data · 数据: {}. {} training samples (训练集), {} validation (验证集), {} test (测试集); \
         {} inputs{}. Seed {}; {} numbers.",
        data.source,
        log.n_train,
        log.n_val,
        log.n_test,
        data.features,
        if data.classes > 0 {
            format!(", {} classes", data.classes)
        } else {
            String::new()
        },
        cfg.seed,
        T::NAME,
    ));
    r.table(network_table(cfg, net));
    r.text(format!(
        "Loss · 损失函数: {}{}; learning rate · 学习率 {}; {}.",
        cfg.loss,
        if cfg.l2 > 0.0 {
            format!(" + λ/2 Σ‖W(l)‖², λ = {}", cfg.l2)
        } else {
            String::new()
        },
        cfg.lr,
        if cfg.shuffle {
            "samples reshuffled every epoch"
        } else {
            "samples in their stored order"
        },
    ));
    r.table(iteration_table(log, cfg.epochs));
    r.text(last_batch_text(log));
    r.table(epoch_table(log, cfg.l2));
    if let Some(p) = cfg.patience {
        r.text(if log.stopped_early {
            format!(
                "Early stopping · 提前停止: the validation loss did not improve for {p} epochs \
                 after epoch {}, so training stopped after epoch {} and the parameters of \
                 epoch {} were kept.",
                log.kept_epoch,
                log.epochs.len(),
                log.kept_epoch
            )
        } else {
            format!(
                "Early stopping · 提前停止 (patience {p}) never triggered; the parameters of \
                 epoch {}, the lowest validation loss, were kept.",
                log.kept_epoch
            )
        });
    }
    let e = &log.final_eval;
    r.text(format!(
        "On the {} set: loss {}{}.",
        log.final_on,
        crate::scalar::format_float(e.loss, 6),
        e.accuracy.map_or(String::new(), |a| format!(
            ", accuracy {}",
            crate::scalar::format_float(a, 6)
        )),
    ));
    if let Some(c) = &e.confusion {
        r.table(confusion_table(c, log.final_on));
    }
    results(&mut r, log);
    r
}

/// Named results for tests and JSON.
fn results(r: &mut Report, log: &Log) {
    let last = log.epochs.last().expect("at least one epoch ran");
    let count = |n: usize| Scalar::int(n as i64);
    r.add(
        "iterations_per_epoch",
        count(log.iterations_per_epoch),
        Kind::Count,
    );
    r.add("last_batch", count(log.last_batch), Kind::Count);
    r.add("epochs_run", count(log.epochs.len()), Kind::Count);
    r.add("kept_epoch", count(log.kept_epoch), Kind::Count);
    r.add("loss", Scalar::Float(last.loss), Kind::Loss);
    if let Some(v) = last.val_loss {
        r.add("val_loss", Scalar::Float(v), Kind::Loss);
    }
    let on = &log.final_on;
    r.add(
        format!("{on}_loss"),
        Scalar::Float(log.final_eval.loss),
        Kind::Loss,
    );
    if let Some(a) = log.final_eval.accuracy {
        r.add(format!("{on}_accuracy"), Scalar::Float(a), Kind::Value);
    }
}

/// Loss curves: training loss per epoch, and validation loss when there is one.
pub fn loss_figure(log: &Log) -> Figure {
    let mut series = vec![Series {
        label: "training loss (mean over the epoch)".into(),
        points: log
            .epochs
            .iter()
            .map(|e| (e.epoch as f64, e.loss))
            .collect(),
        nums: Vec::new(),
    }];
    if log.n_val > 0 {
        series.push(Series {
            label: "validation loss".into(),
            points: log
                .epochs
                .iter()
                .filter_map(|e| e.val_loss.map(|v| (e.epoch as f64, v)))
                .collect(),
            nums: Vec::new(),
        });
        // The epoch whose parameters were kept (the lowest validation loss
        // under early stopping), marked as one point on its curve.
        let kept = log.epochs.iter().find(|e| e.epoch == log.kept_epoch);
        if let Some((e, v)) = kept.and_then(|e| Some((e.epoch, e.val_loss?))) {
            series.push(Series {
                label: format!("parameters kept (epoch {e})"),
                points: vec![(e as f64, v)],
                nums: Vec::new(),
            });
        }
    }
    Figure::Plot {
        title: "Loss per epoch · 损失曲线".into(),
        panels: vec![Panel {
            title: "loss against epoch".into(),
            x_label: "epoch".into(),
            y_label: "loss".into(),
            series,
        }],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_shown() {
        // 25 epochs fit; 300 need a step of 20 (15 rows), 26 a step of 2.
        assert_eq!(super::every(25), 1);
        assert_eq!(super::every(26), 2);
        assert_eq!(super::every(300), 20);
        assert_eq!(super::every(2000), 100);
    }
}
