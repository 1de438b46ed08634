//! gradient-descent/1-4: linear regression by GD in exact rationals (PKU),
//! the learning rate (CAL), full-batch / SGD / mini-batch (PKU, CAL) and the
//! batch-epoch-iteration arithmetic (JQ).

use crate::catalog::common::{count, get, start};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Draw, Engine, Exercise, NO_HAND_ROUNDING, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::Kind;
use crate::report::train::{iteration_table, last_batch_text};
use crate::report::{
    Block, Cell, Figure, Math, Num, Panel, Report, Sentence, Series, Settings, Table,
};
use crate::rounding::plan::{forward, inputs, named, replay};
use crate::rounding::{Plan, Source};
use crate::scalar::Scalar;
use crate::train::data;
use crate::train::run::{Config, train};

const LR: Param = Param::new("lr", "1/10", "learning rate α");

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "gradient-descent",
        number: 1,
        title: "Linear regression by gradient descent",
        title_zh: "线性回归的梯度下降",
        sources: &[
            "PKU deck, 神经网络训练——回顾线性回归模型: ŷ = wx + b, J = 1/n Σ (ŷ - y)², ∂J/∂w = 2/n Σ (ŷ - y)x, ∂J/∂b = 2/n Σ (ŷ - y)",
        ],
        params: &[
            LR,
            Param::new("steps", "3", "iterations (1-8)"),
            Param::new("w", "0", "initial w"),
            Param::new("b", "0", "initial b"),
        ],
        build: gd_1,
        engine: Engine::Report,
        // Exact: the data y = 2x + 1 at x = 1, 2, 3 and rational steps.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                // α·2/n = α·2/3 is 1/10 or 1/20: short fractions.
                ("lr", Draw::Of(&["3/20", "3/40"])),
                ("steps", Draw::Of(&["2"])),
                ("w", Draw::Int(-3, 3)),
                ("b", Draw::Int(-4, 4)),
            ])
            .pose(Pose::Custom(pose_1))
            .keep(short_1)
            .find(&["J_1", "w_1", "b_1", "J_2", "w_2", "b_2"]),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: true,
    },
    Example {
        topic: "gradient-descent",
        number: 2,
        title: "Learning rate: too small, suitable, too large",
        title_zh: "学习率",
        sources: &[
            "CAL deck, 梯度下降算法 – 学习率: too low converges slowly, too high oscillates past the minimum",
        ],
        params: &[
            Param::new("small", "0.01", "a learning rate that is too small"),
            Param::new("good", "0.1", "a suitable learning rate"),
            Param::new("large", "0.2", "a learning rate past 2/λ_max ≈ 0.18"),
        ],
        build: gd_2,
        engine: Engine::Report,
        exercise: Exercise::None(
            "it compares learning rates over many f64 steps; its point is the shape of the loss curves, not numbers to work out by hand",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
    Example {
        topic: "gradient-descent",
        number: 3,
        title: "Full-batch GD, SGD and mini-batch SGD",
        title_zh: "全量、随机、小批量梯度下降",
        sources: &[
            "PKU deck, 全量梯度下降 (Full GD), 随机梯度下降 (SGD), 小批量梯度下降 (mini-batch GD)",
            "CAL deck, 梯度下降算法 (多种变体: 批量、随机、小批量)",
        ],
        params: &[
            Param::new("batch", "20", "mini-batch size"),
            Param::new("seed", "0", "seed of data, weights and shuffles"),
        ],
        build: gd_3,
        engine: Engine::Report,
        exercise: Exercise::None(
            "it trains with shuffled mini-batches from a seed; its loss curves are f64 runs, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
    Example {
        topic: "gradient-descent",
        number: 4,
        title: "Batch, epoch and iteration",
        title_zh: "Batch、epoch、迭代",
        sources: &[
            "JQ deck, Batch、epoch、迭代: 55,000 training images, batch-size 100, 550 steps (indices 0-549) per epoch",
        ],
        params: &[
            Param::new("n", "55000", "training samples N"),
            Param::new("batch", "100", "batch size B"),
            Param::new("other_batch", "128", "a batch size that does not divide N"),
        ],
        build: gd_4,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("n", Draw::Of(&["1000", "5000", "50000", "55000", "60000"])),
                ("batch", Draw::Of(&["32", "50", "100", "128", "250"])),
                ("other_batch", Draw::Of(&["64", "96", "128", "256"])),
            ])
            .pose(Pose::Custom(pose_4)),
        ),
        audit: Audit::Unchanged("samples, batches and iterations ⌈N/B⌉"),
        has_plot: true,
    },
];

/// gradient-descent/1's problem: the data, the model, the loss, the steps.
fn pose_1(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    let steps = count(v, "steps", 1, 8)?;
    st.line(
        "Fit ⟦ŷ = w x + b⟧ to the ⟦n = 3⟧ points ⟦(x, y) = (1, 3), (2, 5), (3, 7)⟧ by full-batch \
         gradient descent on ⟦J = 1/n Σ (ŷ_i − y_i)²⟧, with ⟦∂J/∂w = 2/n Σ (ŷ_i − y_i) x_i⟧ and \
         ⟦∂J/∂b = 2/n Σ (ŷ_i − y_i)⟧; each step: ⟦w ← w − α ∂J/∂w⟧, ⟦b ← b − α ∂J/∂b⟧.",
        "用全批量梯度下降把 ⟦ŷ = w x + b⟧ 拟合到 ⟦n = 3⟧ 个数据点 ⟦(x, y) = (1, 3), (2, 5), (3, 7)⟧, \
         损失 ⟦J = 1/n Σ (ŷ_i − y_i)²⟧, ⟦∂J/∂w = 2/n Σ (ŷ_i − y_i) x_i⟧, ⟦∂J/∂b = 2/n Σ (ŷ_i − y_i)⟧; \
         每一步: ⟦w ← w − α ∂J/∂w⟧, ⟦b ← b − α ∂J/∂b⟧。",
    );
    st.line(
        format!(
            "Starting from the given ⟦w⟧ and ⟦b⟧ with learning rate ⟦α = lr⟧, take {steps} steps. \
             For step ⟦k⟧ find ⟦J_k⟧ (the loss before the step) and ⟦w_k⟧, ⟦b_k⟧ (after it)."
        ),
        format!(
            "从给定的 ⟦w⟧ 和 ⟦b⟧ 出发, 学习率 ⟦α = lr⟧, 走 {steps} 步。对第 ⟦k⟧ 步求 ⟦J_k⟧ (这一步之前的损失) \
             以及这一步之后的 ⟦w_k⟧、⟦b_k⟧。"
        ),
    );
    let (xs, ys) = points();
    st.give("data_x", Value::Vector(xs));
    st.give("data_y", Value::Vector(ys));
    for n in ["lr", "steps", "w", "b"] {
        st.number(n, &v[n]);
    }
    Ok(st)
}

/// gradient-descent/1's answers stay short: every asked value's denominator
/// at most 400 (the final J, not asked, is left out) (α·2/n is 1/10 or 1/20, so two steps stay within 400).
fn short_1(v: &Values, r: &Report) -> std::result::Result<(), &'static str> {
    if v["w"].to_f64() == 2.0 && v["b"].to_f64() == 1.0 {
        return Err("the start is the optimum: nothing moves");
    }
    let long = r.results.iter().any(|n| match &n.value {
        Scalar::Exact(q) => n.name != "J" && *q.denom() > num_bigint::BigInt::from(400),
        _ => false,
    });
    if long {
        Err("an answer has a denominator above 400")
    } else {
        Ok(())
    }
}

/// gradient-descent/4's problem: N, and the two batch sizes.
fn pose_4(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "A training set of ⟦N⟧ samples is split into batches of ⟦B⟧ samples in order; an \
         iteration processes one batch and updates the parameters once, and an epoch is one \
         pass over the training set (the last batch may be smaller). Iterations are indexed \
         from 0.",
        "把 ⟦N⟧ 个训练样本按顺序分成每批 ⟦B⟧ 个样本; 一次迭代处理一个 batch 并更新一次参数, \
         一个 epoch 是对训练集的一次完整遍历 (最后一个 batch 可能较小)。迭代从 0 开始编号。",
    );
    st.line(
        "For ⟦B = batch⟧ and again for ⟦B = other_batch⟧, find the iterations per epoch, the last \
         iteration's index, and the size of the last batch.",
        "分别对 ⟦B = batch⟧ 和 ⟦B = other_batch⟧, 求每个 epoch 的迭代次数、最后一次迭代的编号和最后一个 \
         batch 的大小。",
    );
    for n in ["n", "batch", "other_batch"] {
        st.number(n, &v[n]);
    }
    Ok(st)
}

/// The regression data of gradient-descent/1-2: y = 2x + 1 at x = 1, 2, 3.
fn points() -> (Vec<Scalar>, Vec<Scalar>) {
    (
        [1, 2, 3].map(Scalar::int).to_vec(),
        [3, 5, 7].map(Scalar::int).to_vec(),
    )
}

/// One GD step on J = 1/n Σ (wx + b − y)²: (J, ∂J/∂w, ∂J/∂b, ŷ).
fn step(w: &Scalar, b: &Scalar) -> Result<(Scalar, Scalar, Scalar, Vec<Scalar>)> {
    let (xs, ys) = points();
    let n = Scalar::int(xs.len() as i64);
    let (mut j, mut gw, mut gb, mut yhat) =
        (Scalar::zero(), Scalar::zero(), Scalar::zero(), vec![]);
    for (x, y) in xs.iter().zip(&ys) {
        let p = w.mul(x)?.add(b)?;
        let e = p.sub(y)?;
        j = j.add(&e.mul(&e)?)?;
        gw = gw.add(&e.mul(x)?)?;
        gb = gb.add(&e)?;
        yhat.push(p);
    }
    let two_n = Scalar::int(2).div(&n)?;
    Ok((j.div(&n)?, two_n.mul(&gw)?, two_n.mul(&gb)?, yhat))
}

fn gd_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["lr", "steps", "w", "b"], s);
    let steps = count(v, "steps", 1, 8)?;
    let lr = get(v, "lr", s);
    let (mut w, mut b) = (get(v, "w", s), get(v, "b", s));
    r.text("Data: y = 2x + 1 at x = 1, 2, 3, i.e. (1, 3), (2, 5), (3, 7); n = 3.");
    r.formula(Math::new(
        "J = 1/n Σ (ŷ_i − y_i)²,  ∂J/∂w = 2/n Σ (ŷ_i − y_i) x_i,  ∂J/∂b = 2/n Σ (ŷ_i − y_i),  w ← w − α ∂J/∂w,  b ← b − α ∂J/∂b",
        "J = \\frac{1}{n} \\sum_i (\\hat y_i - y_i)^2,\\quad \\frac{\\partial J}{\\partial w} = \\frac{2}{n} \\sum_i (\\hat y_i - y_i) x_i,\\quad \\frac{\\partial J}{\\partial b} = \\frac{2}{n} \\sum_i (\\hat y_i - y_i),\\quad w \\leftarrow w - \\alpha \\frac{\\partial J}{\\partial w},\\quad b \\leftarrow b - \\alpha \\frac{\\partial J}{\\partial b}",
    ));
    // The words follow the arithmetic: `--float` (or a float input) makes
    // every value below an f64, and the report must not call it exact.
    let exact = [&lr, &w, &b].iter().all(|x| x.is_exact());
    let mut t = Table::new(
        if exact {
            "Iterations · 迭代 (exact)"
        } else {
            "Iterations · 迭代 (f64)"
        },
        &[
            "k",
            "w",
            "b",
            "ŷ = wx + b",
            "J",
            "∂J/∂w",
            "∂J/∂b",
            "new w",
            "new b",
        ],
    );
    for k in 1..=steps {
        let (j, gw, gb, yhat) = step(&w, &b)?;
        let nw = w.sub(&lr.mul(&gw)?)?;
        let nb = b.sub(&lr.mul(&gb)?)?;
        let shown = Sentence::join(yhat.iter().map(|p| Num::shown(p).into()), ", ");
        t.row(vec![
            Cell::Num(Scalar::int(k as i64)),
            w.clone().into(),
            b.clone().into(),
            Cell::Sentence(shown),
            j.clone().into(),
            gw.clone().into(),
            gb.clone().into(),
            nw.clone().into(),
            nb.clone().into(),
        ]);
        r.add(format!("J_{k}"), j, Kind::Loss);
        r.add(format!("w_{k}"), nw.clone(), Kind::Parameter);
        r.add(format!("b_{k}"), nb.clone(), Kind::Parameter);
        (w, b) = (nw, nb);
    }
    r.table(t);
    let (j, ..) = step(&w, &b)?;
    let js: Vec<(f64, f64)> = (1..=steps)
        .filter_map(|k| r.result(&format!("J_{k}")).map(|j| (k as f64, j.to_f64())))
        .chain(std::iter::once(((steps + 1) as f64, j.to_f64())))
        .collect();
    let how = if exact {
        "Every number above is an exact fraction: decimal inputs such as 0.1 are read as 1/10."
    } else {
        "Every number above is an f64 rounded for display; without --float the same steps are exact fractions."
    };
    // J is a number the renderer writes, so a long fraction follows the
    // tables' rule (its decimal, the whole fraction on request).
    r.sentence(
        format!("After {steps} steps J = {{}}; the minimum is J = 0 at w = 2, b = 1. {how}"),
        vec![Num::table(&j)],
    );
    r.add("J", j, Kind::Loss);
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "J before each step".into(),
        panels: vec![Panel {
            title: "J(w, b) before step k".into(),
            x_label: "step k".into(),
            y_label: "J(w, b)".into(),
            series: vec![Series {
                label: "J".into(),
                points: js,
                nums: Vec::new(),
            }],
        }],
    }));
    Ok(r)
}

fn gd_2(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["small", "good", "large"];
    let mut r = start(v, &names, s);
    r.text(
        "The data and loss of gradient-descent/1 (y = 2x + 1 at x = 1, 2, 3), from w = b = 0. \
         J is a quadratic in (w, b) with Hessian H = 2/n Σ [x², x; x, 1] = 2/3 [14, 6; 6, 3]; \
         gradient descent on a quadratic converges exactly when α < 2/λ_max(H).",
    );
    let lam_max = 2.0 / 3.0 * (17.0 + 265f64.sqrt()) / 2.0;
    r.formula(Math::new(
        format!("λ_max = (2/3)·(17 + √265)/2 ≈ {lam_max:.4},  2/λ_max ≈ {:.4}", 2.0 / lam_max),
        format!(
            "\\lambda_{{\\max}} = \\tfrac{{2}}{{3}} \\cdot \\tfrac{{17 + \\sqrt{{265}}}}{{2}} \\approx {lam_max:.4},\\quad 2/\\lambda_{{\\max}} \\approx {:.4}",
            2.0 / lam_max
        ),
    ));
    let lrs: Vec<Scalar> = names.iter().map(|n| get(v, n, s)).collect();
    let mut header = vec!["step"];
    header.extend(lrs.iter().map(|_| "J at α = {}"));
    let mut t = Table::new("Loss per step · 每步的损失", &header)
        .quoting(lrs.iter().map(Num::shown).collect());
    // w = b = 0 as f64 under --float, so that step 0 is not an exact 83/3
    // beside float steps.
    let zero = if s.float {
        Scalar::zero().to_float()
    } else {
        Scalar::zero()
    };
    let mut state: Vec<(Scalar, Scalar)> = vec![(zero.clone(), zero); 3];
    let mut series: Vec<Series> = lrs
        .iter()
        .map(|a| Series {
            label: "α = {}".into(),
            points: vec![],
            nums: vec![Num::shown(a)],
        })
        .collect();
    for k in 0..=8 {
        let mut row = vec![Cell::Num(Scalar::int(k))];
        for (i, a) in lrs.iter().enumerate() {
            let (w, b) = state[i].clone();
            let (j, gw, gb, _) = step(&w, &b)?;
            series[i].points.push((k as f64, j.to_f64()));
            row.push(j.clone().into());
            if k == 8 {
                r.add(format!("J_8 {}", names[i]), j, Kind::Loss);
            }
            state[i] = (w.sub(&a.mul(&gw)?)?, b.sub(&a.mul(&gb)?)?);
        }
        t.row(row);
    }
    r.table(t);
    r.text(
        "Too small: J falls, but slowly. Suitable: J falls fast. Too large (α above 2/λ_max): \
         each step overshoots the minimum along the steep direction, w swings from one side to \
         the other and J grows without bound.",
    );
    // With --set large=0.11 the "too large" column converges: say so rather
    // than leave the sentence above contradicting the table.
    let large = lrs[2].to_f64();
    if large < 2.0 / lam_max {
        r.sentence(
            format!(
                "Here the large rate α = {{}} is below 2/λ_max ≈ {:.4}, so it still converges; \
                 set it above {:.4} to see J grow.",
                2.0 / lam_max,
                2.0 / lam_max
            ),
            vec![Num::shown(&lrs[2])],
        );
    }
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "J against the step for three learning rates".into(),
        panels: vec![Panel {
            title: "J(w, b) after k steps".into(),
            x_label: "step k".into(),
            y_label: "J(w, b)".into(),
            series,
        }],
    }));
    Ok(r)
}

fn gd_3(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["batch", "seed"], s);
    let batch = count(v, "batch", 2, 159)? as usize;
    let seed = count(v, "seed", 0, u32::MAX as u64)?;
    r.text(
        "Two moons, 200 points (160 for training, 40 for validation), a 2-8-2 ReLU network \
         with softmax cross-entropy, the same initial weights, α = 0.1, 10 epochs. Only the \
         batch size differs.",
    );
    let mut t = Table::new(
        "One data set, three batch sizes",
        &[
            "optimiser",
            "B",
            "updates per epoch ⌈N/B⌉",
            "updates in all",
            "train loss, epoch 1",
            "train loss, epoch 10",
            "val loss, epoch 10",
            "spread of the batch losses in epoch 10 (std)",
        ],
    );
    let mut series = vec![];
    for (name, b) in [
        ("full-batch GD", None),
        ("mini-batch", Some(batch)),
        ("SGD", Some(1)),
    ] {
        let cfg = Config {
            batch: b,
            val: 0.2,
            seed,
            ..Config::classifier(vec![2, 8, 2])
        };
        let d = data::load::<f64>("moons", 200, seed)?;
        let (_, log) = train(&cfg, d, &mut ())?;
        let last = &log.batch_losses[log.batch_losses.len() - log.iterations_per_epoch..];
        let mean = last.iter().sum::<f64>() / last.len() as f64;
        let sd = (last.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / last.len() as f64).sqrt();
        let e = &log.epochs;
        t.row(vec![
            name.into(),
            Cell::Num(Scalar::int(log.batch as i64)),
            Cell::Num(Scalar::int(log.iterations_per_epoch as i64)),
            Cell::Num(Scalar::int((log.iterations_per_epoch * e.len()) as i64)),
            Cell::Num(Scalar::Float(e[0].loss)),
            Cell::Num(Scalar::Float(e[9].loss)),
            Cell::Num(Scalar::Float(e[9].val_loss.unwrap_or(f64::NAN))),
            Cell::Num(Scalar::Float(sd)),
        ]);
        r.add(
            format!("val_loss {name}"),
            Scalar::Float(e[9].val_loss.unwrap_or(0.0)),
            Kind::Loss,
        );
        let per = log.iterations_per_epoch as f64;
        series.push(Series {
            label: format!("{name} (B = {})", log.batch),
            points: log
                .batch_losses
                .iter()
                .enumerate()
                .map(|(i, l)| ((i + 1) as f64 / per, *l))
                .collect(),
            nums: Vec::new(),
        });
    }
    r.table(t);
    r.text(
        "Full-batch GD makes one careful update per epoch, so after 10 epochs it has barely \
         moved; SGD makes 160 cheap, noisy updates per epoch (one sample each: the batch \
         losses scatter widely); mini-batch sits between, which is why it is the usual choice \
         (PKU: SGD is mini-batch with B = 1, full GD is B = N).",
    );
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Loss of every batch, against epochs".into(),
        panels: vec![Panel {
            title: "batch loss".into(),
            x_label: "epoch".into(),
            y_label: "loss".into(),
            series,
        }],
    }));
    Ok(r)
}

fn gd_4(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["n", "batch", "other_batch"], s);
    let n = count(v, "n", 1, 100_000_000)? as usize;
    let b = count(v, "batch", 1, n as u64)? as usize;
    let b2 = count(v, "other_batch", 1, n as u64)? as usize;
    r.text(format!(
        "N = {n} training samples (JQ's example is MNIST's 55,000 training images, with 5,000 \
         for validation and 10,000 for testing). An iteration (a step) processes one batch and updates the parameters once; \
         an epoch is one pass over the training set."
    ));
    for (bb, label) in [(b, "batch"), (b2, "other_batch")] {
        let it = n.div_ceil(bb);
        let log = crate::train::run::Log::arithmetic(n, bb, 1);
        r.heading(format!("B = {bb}"));
        r.heading_formula(Math::new(format!("B = {bb}"), format!("B = {bb}")));
        r.table(iteration_table(&log, 1));
        r.text(last_batch_text(&log));
        let key = if label == "batch" {
            ""
        } else {
            " (other batch)"
        };
        r.add(
            format!("iterations per epoch{key}"),
            Scalar::int(it as i64),
            Kind::Count,
        );
        r.add(
            format!("last index{key}"),
            Scalar::int(it as i64 - 1),
            Kind::Count,
        );
        r.add(
            format!("last batch{key}"),
            Scalar::int(log.last_batch as i64),
            Kind::Count,
        );
    }
    r.blocks.push(Block::Figure(batch_figure(n, &[b, b2])));
    Ok(r)
}

/// The batch sizes plotted: every B from half the smallest chosen batch to
/// twice the largest (within 1..N), thinned to about 400 when that is more,
/// and always the chosen ones.
fn batch_sizes(n: usize, chosen: &[usize]) -> Vec<usize> {
    let lo = (chosen.iter().min().copied().unwrap_or(1) / 2).max(1);
    let hi = (chosen.iter().max().copied().unwrap_or(1) * 2).min(n);
    let step = (hi - lo).div_ceil(400).max(1);
    let mut bs: Vec<usize> = (lo..=hi)
        .step_by(step)
        .chain(chosen.iter().copied())
        .collect();
    bs.sort_unstable();
    bs.dedup();
    bs
}

/// ⌈N/B⌉ against B, with a vertical line up to the curve at each chosen B.
fn batch_figure(n: usize, chosen: &[usize]) -> Figure {
    let mut series = vec![Series {
        label: "⌈N/B⌉".into(),
        points: batch_sizes(n, chosen)
            .iter()
            .map(|&b| (b as f64, n.div_ceil(b) as f64))
            .collect(),
        nums: Vec::new(),
    }];
    let mut marked = chosen.to_vec();
    marked.dedup();
    for b in marked {
        let it = n.div_ceil(b);
        let word = if it == 1 { "iteration" } else { "iterations" };
        series.push(Series {
            label: format!("B = {b}: {it} {word}"),
            points: vec![(b as f64, 0.0), (b as f64, it as f64)],
            nums: Vec::new(),
        });
    }
    Figure::Plot {
        title: format!("Iterations per epoch against the batch size, N = {n}"),
        panels: vec![Panel {
            title: "iterations per epoch ⌈N/B⌉".into(),
            x_label: "batch size B".into(),
            y_label: "iterations".into(),
            series,
        }],
    }
}

/// Linear regression by GD unrolled, on the data y = 2x + 1 at x = 1, 2, 3:
/// each step's errors, J, ∂J/∂w, ∂J/∂b and new w, b, rounded as written.
fn audit_1(v: &Values) -> Result<Plan> {
    let steps = crate::catalog::common::count(v, "steps", 1, 8)?;
    let mut src = String::new();
    let (mut w, mut b) = ("w".to_string(), "b".to_string());
    let step = |w: &str, b: &str, k: u64| {
        let e: Vec<String> = [(1, 3), (2, 5), (3, 7)]
            .iter()
            .map(|(x, y)| format!("e{k}_{x} = {w}*{x} + {b} - {y}"))
            .collect();
        format!(
            "{}; J_{k} = (e{k}_1^2 + e{k}_2^2 + e{k}_3^2) / 3",
            e.join("; ")
        )
    };
    for k in 1..=steps {
        src.push_str(&step(&w, &b, k));
        src.push_str(&format!(
            "; gw{k} = 2*(e{k}_1*1 + e{k}_2*2 + e{k}_3*3) / 3; gb{k} = 2*(e{k}_1 + e{k}_2 + e{k}_3) / 3; \
             w_{k} = {w} - lr*gw{k}; b_{k} = {b} - lr*gb{k}; "
        ));
        (w, b) = (format!("w_{k}"), format!("b_{k}"));
    }
    let last = steps + 1;
    src.push_str(&step(&w, &b, last));
    let mut it = forward(src, inputs(v, &["w", "b", "lr"]), &[]);
    let mut l: Vec<(String, String)> = Vec::new();
    for k in 1..=steps {
        for q in ["J", "w", "b"] {
            l.push((format!("{q}_{k}"), format!("{q}_{k}")));
        }
    }
    l.push((format!("J_{last}"), "J".into()));
    if let Source::Graph { finals, .. } = &mut it.kind {
        *finals = vec![w, b, format!("J_{last}")];
    }
    replay(vec![named(it, l)])
}

#[cfg(test)]
mod tests {
    use crate::catalog;
    use crate::report::{Block, Cell, Report, Settings};

    fn run(id: &str, float: bool) -> Report {
        let (ex, sets) = catalog::example_with(id, &[]);
        let s = Settings { float };
        ex.run(&sets, &s).expect("the example runs")
    }

    fn words(r: &Report) -> String {
        r.blocks
            .iter()
            .map(|b| match b {
                Block::Text(t) => t.clone(),
                Block::Sentence(s) => s.text.clone(),
                Block::Table(t) => t.title.clone(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn numbers(r: &Report) -> Vec<crate::scalar::Scalar> {
        r.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.rows.iter().flatten()),
                _ => None,
            })
            .flatten()
            .filter_map(|c| match c {
                Cell::Num(x) => Some(x.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn gradient_descent_1_calls_its_numbers_exact_only_when_they_are() {
        // Exact run: step 1 from w = b = 0 has J = (9 + 25 + 49)/3 = 83/3.
        let exact = run("gradient-descent/1", false);
        assert_eq!(exact.result("J_1").unwrap().show(6), "83/3 (≈27.6667)");
        assert!(words(&exact).contains("(exact)"));
        assert!(words(&exact).contains("exact fraction"));
        // --float: every value in the table (but the step counter k) is an
        // f64, so neither the title nor the closing sentence says "exact".
        let float = run("gradient-descent/1", true);
        let w = words(&float);
        assert!(
            !w.contains("(exact)") && !w.contains("is an exact fraction"),
            "{w}"
        );
        assert!(w.contains("(f64)") && w.contains("f64 rounded"), "{w}");
        // nor the example's title, which both runs share
        assert!(!float.title.contains("exact"), "{}", float.title);
        let j1 = float.result("J_1").unwrap();
        assert!(!j1.is_exact() && (j1.to_f64() - 83.0 / 3.0).abs() < 1e-12);
        // the k column is a count; every other number is a float
        let nums = numbers(&float);
        let inexact = nums.iter().filter(|x| !x.is_exact()).count();
        assert_eq!(inexact, nums.len() - 3, "only k = 1, 2, 3 are exact");
    }

    #[test]
    fn gradient_descent_2_under_float_starts_with_a_float_step_0() {
        // Step 0 is J at w = b = 0 for every rate: 83/3 ≈ 27.6667.
        let float = run("gradient-descent/2", true);
        let nums = numbers(&float);
        // rows: step k then three J values; nine rows (k = 0..8)
        assert_eq!(nums.len(), 9 * 4);
        for row in nums.chunks(4) {
            assert!(row[0].is_exact(), "the step number is a count");
            for j in &row[1..] {
                assert!(!j.is_exact(), "J {} under --float", j.show(6));
            }
        }
        assert!((nums[1].to_f64() - 83.0 / 3.0).abs() < 1e-12);
        // and without --float the same cell is the exact 83/3
        let exact = run("gradient-descent/2", false);
        assert_eq!(numbers(&exact)[1].show(6), "83/3 (≈27.6667)");
    }

    #[test]
    fn gradient_descent_1_draws_short_answers_away_from_the_optimum() {
        // Over 1,000 seeds: every asked value has a denominator ≤ 400 (α·2/n
        // is 1/10 or 1/20), and the start is not the optimum (J_1 > 0).
        use crate::exercise::{Lang, make};
        let ex = catalog::find("gradient-descent", 1).unwrap();
        for seed in 0..1000 {
            let p = &make(&[ex], seed, 1, Lang::En, String::new())
                .unwrap()
                .problems[0];
            for n in p.asked() {
                let q = n.value.as_exact().expect("exact");
                assert!(*q.denom() <= 400.into(), "seed {seed}: {} = {q}", n.name);
            }
            assert!(
                p.report.result("J_1").unwrap().to_f64() > 0.0,
                "seed {seed}"
            );
        }
    }

    #[test]
    fn gradient_descent_4_quotes_the_drawn_n() {
        // The key used to say "55,000 training images" at any N.
        let (ex, sets) = catalog::example_with("gradient-descent/4", &[("n", "50000")]);
        let r = ex.run(&sets, &Settings::default()).unwrap();
        assert!(
            words(&r).contains("N = 50000 training samples"),
            "{}",
            words(&r)
        );
    }
}
