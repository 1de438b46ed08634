//! training/1-3: networks that learn, on the batched engine (NNDL algorithm
//! 4.1 and 图 4.9; CAL 训练流程; JQ 验证集与提前停止).

use crate::activation::Activation;
use crate::catalog::common::{count, get, l2_coefficient, start};
use crate::catalog::{Audit, Engine, Exercise, NO_HAND_ROUNDING};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::report::Kind;
use crate::report::train::{DataInfo, report};
use crate::report::{Block, Cell, Figure, Panel, Report, Series, Settings, Table};
use crate::scalar::Scalar;
use crate::train::data;
use crate::train::run::{Config, train};

const SEED: Param = Param::new("seed", "0", "seed of weights, split and shuffles");

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "training",
        number: 1,
        title: "The whole training loop: shuffled SGD, L2, early stopping",
        title_zh: "训练流程与提前停止",
        sources: &[
            "NNDL, 算法 4.1 使用反向传播算法的随机梯度下降训练过程",
            "CAL deck, 训练流程 steps 1-6",
            "JQ deck, 验证集 and early stopping",
        ],
        params: &[
            Param::new("lambda", "0.001", "L2 coefficient λ"),
            Param::new(
                "patience",
                "3",
                "epochs without a lower validation loss before stopping",
            ),
            SEED,
        ],
        build: training_1,
        engine: Engine::Report,
        exercise: Exercise::None(
            "it is a whole training run (shuffled SGD, L2, early stopping) in f64 from a seed, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
    Example {
        topic: "training",
        number: 2,
        title: "A non-convex loss surface",
        title_zh: "非凸优化问题",
        sources: &["NNDL, 图 4.9 神经网络 y = σ(w2 σ(w1 x)) 的损失函数"],
        params: &[
            Param::new("x", "1", "the one input"),
            Param::new("y", "1", "its target"),
        ],
        build: training_2,
        engine: Engine::Report,
        exercise: Exercise::None(
            "it evaluates a loss surface on a grid of thousands of points in f64, for a plot, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
    Example {
        topic: "training",
        number: 3,
        title: "Handwritten digits, end to end",
        title_zh: "手写数字识别",
        sources: &[
            "JQ deck, Batch、epoch、迭代 (举例): MNIST with batch 100 and a validation split; here the same steps on the 8×8 digits with batch 32",
            "UCI optical digits (8×8; Alpaydin & Kaynak), shipped in data/digits.csv from scikit-learn's copy",
        ],
        params: &[
            Param::new("hidden", "64", "hidden ReLU units"),
            Param::new("epochs", "15", "epochs"),
            SEED,
        ],
        build: training_3,
        engine: Engine::Report,
        exercise: Exercise::None(
            "it trains on the handwritten digits for seconds; the numbers come from the data set and a seed, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
];

pub(super) fn config(sizes: Vec<usize>, hidden: Activation, loss: Loss, seed: u64) -> Config {
    Config {
        hidden,
        output: match loss {
            Loss::CrossEntropy => Activation::Softmax,
            _ => Activation::Identity,
        },
        loss,
        seed,
        ..Config::classifier(sizes)
    }
}

/// A run on a named data set, reported like `nn-tutor train`.
pub(super) fn run_report(
    cfg: &Config,
    name: &str,
    samples: usize,
) -> Result<(Report, crate::train::run::Log)> {
    let d = data::load::<f64>(name, samples, cfg.seed)?;
    let info = DataInfo::of(&d);
    let (net, log) = train(cfg, d, &mut ())?;
    let mut r = report(cfg, &info, &net, &log);
    r.blocks
        .push(Block::Figure(crate::report::train::loss_figure(&log)));
    Ok((r, log))
}

fn training_1(v: &Values, s: &Settings) -> Result<Report> {
    let seed = count(v, "seed", 0, u32::MAX as u64)?;
    let mut cfg = config(vec![2, 16, 2], Activation::Relu, Loss::CrossEntropy, seed);
    // Checked here so the error names this example's `lambda`, not the
    // train command's --l2 that it feeds.
    let lambda = l2_coefficient(v, s)?;
    cfg.l2 = lambda.to_f64();
    cfg.patience = Some(count(v, "patience", 1, 50)? as usize);
    cfg.batch = Some(1);
    cfg.lr = 0.05;
    cfg.epochs = 60;
    cfg.val = 0.25;
    let (mut r, _) = run_report(&cfg, "moons", 200)?;
    r.blocks.insert(
        0,
        Block::Text(
            "NNDL algorithm 4.1: initialise W, b at random; repeat: reshuffle the training \
             set; for each sample: forward pass, δ(l) by backpropagation, W(l) ← W(l) − \
             α(δ(l) a(l−1)ᵀ + λW(l)), b(l) ← b(l) − αδ(l); until the error on the validation \
             set stops falling. Here: two moons, batch 1 (SGD), α = 0.05."
                .into(),
        ),
    );
    // The algorithm is quoted in NNDL's column form, but the network table
    // below is in the row form of `train`: say how the two line up.
    r.blocks.insert(
        1,
        Block::Text(
            "The network table below stores W(l) in JQ's row form (in × out, h(l) = \
             f(h(l−1) W(l) + b(l))); there the same gradient δ(l) a(l−1)ᵀ is written \
             a(l−1)ᵀ δ(l), its transpose."
                .into(),
        ),
    );
    r.inputs = start(v, &["lambda", "patience", "seed"], s).inputs;
    Ok(r)
}

/// L(w1, w2) = (σ(w2 σ(w1 x)) − y)².
fn surface(w1: f64, w2: f64, x: f64, y: f64) -> f64 {
    let s = |z: f64| Activation::Sigmoid.apply_f64(z, 0);
    (s(w2 * s(w1 * x)) - y).powi(2)
}

fn training_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x", "y"], s);
    let (x, y) = (get(v, "x", s).to_f64(), get(v, "y", s).to_f64());
    r.text(format!(
        "One sample (x, y) = ({x}, {y}), the network y = σ(w2 σ(w1 x)) and the squared error \
         L(w1, w2) = (σ(w2 σ(w1 x)) − y)² on the grid w1, w2 ∈ {{−8, −6, …, 8}}."
    ));
    let ws: Vec<f64> = (-4..=4).map(|k| 2.0 * k as f64).collect();
    let mut header = vec!["w1 \\ w2".to_string()];
    header.extend(ws.iter().map(|w| format!("{w}")));
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new("L(w1, w2) on the grid · 损失曲面", &refs);
    let mut pts = vec![];
    for &w1 in &ws {
        let mut row = vec![Cell::Text(format!("{w1}"))];
        for &w2 in &ws {
            let l = surface(w1, w2, x, y);
            row.push(Cell::Num(Scalar::Float(l)));
            pts.push((w1, w2, l));
        }
        t.row(row);
    }
    r.table(t);
    // The witness: the grid pair whose midpoint lies furthest above the chord.
    let mut best = (0.0, pts[0], pts[0]);
    for (i, p) in pts.iter().enumerate() {
        for q in &pts[i + 1..] {
            let mid = surface((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0, x, y);
            let gap = mid - (p.2 + q.2) / 2.0;
            if gap > best.0 {
                best = (gap, *p, *q);
            }
        }
    }
    let (gap, p, q) = best;
    let mid = surface((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0, x, y);
    let mut w = Table::new(
        "Non-convexity witness · 非凸的证据",
        &["point", "(w1, w2)", "L"],
    );
    let f = |v: f64| Cell::Num(Scalar::Float(v));
    w.row(vec![
        "P".into(),
        Cell::Text(format!("({}, {})", p.0, p.1)),
        f(p.2),
    ]);
    w.row(vec![
        "Q".into(),
        Cell::Text(format!("({}, {})", q.0, q.1)),
        f(q.2),
    ]);
    w.row(vec![
        "midpoint M = (P + Q)/2".into(),
        Cell::Text(format!("({}, {})", (p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0)),
        f(mid),
    ]);
    w.row(vec![
        "chord (L(P) + L(Q))/2".into(),
        Cell::Empty,
        f((p.2 + q.2) / 2.0),
    ]);
    r.table(w);
    r.text(format!(
        "A convex function satisfies L((P + Q)/2) ≤ (L(P) + L(Q))/2 for every pair; here the \
         midpoint lies {gap:.6} above the chord, so L is not convex: gradient descent can stall \
         on plateaus or in local minima (NNDL 非凸优化问题)."
    ));
    r.add("gap above chord", Scalar::Float(gap), Kind::Value);
    // The heat map on a finer grid (41 × 41, step 0.4), with P, Q and M marked.
    let fine: Vec<f64> = (0..=40).map(|k| -8.0 + 0.4 * k as f64).collect();
    let mid_w = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
    r.blocks.push(Block::Figure(Figure::Heatmap {
        title: "Loss surface L(w1, w2) · 损失曲面 (NNDL 图 4.9)".into(),
        x_label: "w1".into(),
        y_label: "w2".into(),
        xs: fine.clone(),
        ys: fine.clone(),
        values: fine
            .iter()
            .map(|&w2| fine.iter().map(|&w1| surface(w1, w2, x, y)).collect())
            .collect(),
        marks: vec![
            ("P".into(), p.0, p.1),
            ("Q".into(), q.0, q.1),
            ("M".into(), mid_w.0, mid_w.1),
        ],
        value_label: "L(w1, w2)".into(),
    }));
    let seg: Vec<(f64, f64)> = (0..=100)
        .map(|i| {
            let t = i as f64 / 100.0;
            (
                t,
                surface(p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1), x, y),
            )
        })
        .collect();
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "L along the segment from P to Q".into(),
        panels: vec![Panel {
            title: "L(P + t(Q − P)) and the chord".into(),
            x_label: "t".into(),
            y_label: "L".into(),
            series: vec![
                Series {
                    label: "L on the segment".into(),
                    points: seg,
                    nums: Vec::new(),
                },
                Series {
                    label: "chord".into(),
                    points: vec![(0.0, p.2), (1.0, q.2)],
                    nums: Vec::new(),
                },
            ],
        }],
    }));
    Ok(r)
}

fn training_3(v: &Values, s: &Settings) -> Result<Report> {
    let hidden = count(v, "hidden", 4, 512)? as usize;
    let seed = count(v, "seed", 0, u32::MAX as u64)?;
    let mut cfg = config(
        vec![64, hidden, 10],
        Activation::Relu,
        Loss::CrossEntropy,
        seed,
    );
    cfg.epochs = count(v, "epochs", 1, 200)? as usize;
    cfg.val = 0.1;
    cfg.test = 0.2;
    let (mut r, _) = run_report(&cfg, "digits", 0)?;
    r.inputs = start(v, &["hidden", "epochs", "seed"], s).inputs;
    r.try_next.push(format!(
        "nn-tutor train --data digits --layers 64,{hidden},10 --epochs {} --val 0.1 --test 0.2 --plot digits.svg",
        cfg.epochs
    ));
    Ok(r)
}
