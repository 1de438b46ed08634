//! loss/1-2: MSE against 1/2 SSE and cross-entropy (CAL, PKU), and the L2
//! structured risk with its update (NNDL).

use crate::activation::Activation;
use crate::catalog::common::{HALF, SMALL};
use crate::catalog::common::{get, l2_coefficient, layer, start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::network::{Convention, Network, Objective};
use crate::report::network::update_table;
use crate::report::{Cell, Math, Num, Report, Sentence, Settings, Table};
use crate::report::{Kind, Named};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, links, named, replay};
use crate::scalar::Scalar;

/// A share of a distribution over three classes, in tenths: 36 of the
/// 8³ triples sum to 1 (the 8⁶ = 4096 draws are counted one by one).
const SHARE: Draw = Draw::Of(&["1/10", "1/5", "3/10", "2/5", "1/2", "3/5", "7/10", "4/5"]);

/// loss/1's draw: y' sums to 1 and t is one-hot.
fn distribution_and_one_hot(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    let sum = ["y1", "y2", "y3"]
        .iter()
        .try_fold(Scalar::zero(), |a, k| a.add(&v[*k]));
    if !sum.is_ok_and(|s| s.cmp_value(&Scalar::one()).is_eq()) {
        return Err("the prediction does not sum to 1");
    }
    let ones = ["t1", "t2", "t3"]
        .iter()
        .filter(|k| !v[**k].is_zero())
        .count();
    if ones != 1 {
        return Err("the target is not one-hot");
    }
    Ok(())
}

/// loss/1's problem: the prediction, the target and the three losses.
fn pose_1(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "One sample with three outputs: the prediction ⟦y' = (y1, y2, y3)⟧ (a distribution: it \
         sums to 1) and the one-hot target ⟦t = (t1, t2, t3)⟧.",
        "一个样本, 三个输出: 预测 ⟦y' = (y1, y2, y3)⟧ (一个分布, 和为 1), one-hot 目标 \
         ⟦t = (t1, t2, t3)⟧。",
    );
    st.line(
        "Find mse ⟦= (1/n) Σ_k (y'_k − t_k)²⟧ with ⟦n = 3⟧ outputs, half_sse ⟦= ½ Σ_k (y'_k − t_k)²⟧ \
         and cross_entropy ⟦= −Σ_k t_k ln y'_k⟧.",
        "求 mse ⟦= (1/n) Σ_k (y'_k − t_k)²⟧, ⟦n = 3⟧ 个输出; half_sse ⟦= ½ Σ_k (y'_k − t_k)²⟧; \
         以及 cross_entropy ⟦= −Σ_k t_k ln y'_k⟧。",
    );
    let vec3 = |p: &str| Value::Vector((1..=3).map(|k| v[&format!("{p}{k}")].clone()).collect());
    st.give("y'", vec3("y"));
    st.give("t", vec3("t"));
    Ok(st)
}

/// loss/2's problem: the linear model, the two samples, the risk and one
/// SGD step on sample 1.
fn pose_2(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "A linear model ⟦ŷ = W x + b = W_11 x_1 + W_12 x_2 + b⟧ (⟦W⟧ is ⟦1×2⟧) on ⟦N = 2⟧ samples \
         ⟦(x(1), y(1))⟧ and ⟦(x(2), y(2))⟧. The loss of one sample is ⟦L = ½(ŷ − y)²⟧; the \
         structured risk is ⟦R(W, b) = (1/N) Σ_n L(n) + (λ/2)‖W‖²_F⟧ (the bias is not \
         regularised).",
        "线性模型 ⟦ŷ = W x + b = W_11 x_1 + W_12 x_2 + b⟧ (⟦W⟧ 为 ⟦1×2⟧), 共 ⟦N = 2⟧ 个样本 \
         ⟦(x(1), y(1))⟧ 和 ⟦(x(2), y(2))⟧。单个样本的损失为 ⟦L = ½(ŷ − y)²⟧; 结构化风险为 \
         ⟦R(W, b) = (1/N) Σ_n L(n) + (λ/2)‖W‖²_F⟧ (偏置不做正则化)。",
    );
    st.line(
        "Find ⟦L1⟧ and ⟦L2⟧ (the losses of samples 1 and 2), penalty ⟦= (λ/2)‖W‖²_F⟧ and ⟦R⟧.",
        "求 ⟦L1⟧ 和 ⟦L2⟧ (样本 1 和样本 2 的损失), penalty ⟦= (λ/2)‖W‖²_F⟧ 以及 ⟦R⟧。",
    );
    st.line(
        "Then take one step of stochastic gradient descent on sample 1 only (NNDL algorithm \
         4.1), learning rate ⟦α⟧: ⟦W ← W − α(∂L(1)/∂W + λW)⟧, ⟦b ← b − α ∂L(1)/∂b⟧. Find ⟦W_11 new⟧, \
         ⟦W_12 new⟧ and ⟦b new⟧.",
        "然后只在样本 1 上做一步随机梯度下降 (NNDL 算法 4.1), 学习率为 ⟦α⟧: \
         ⟦W ← W − α(∂L(1)/∂W + λW)⟧, ⟦b ← b − α ∂L(1)/∂b⟧。求 ⟦W_11 new⟧, ⟦W_12 new⟧ 和 ⟦b new⟧。",
    );
    let g = |n: &str| v[n].clone();
    st.give("x(1)", Value::Vector(vec![g("x11"), g("x12")]));
    st.number("y(1)", &g("y1"));
    st.give("x(2)", Value::Vector(vec![g("x21"), g("x22")]));
    st.number("y(2)", &g("y2"));
    st.give("W", Value::Matrix(vec![vec![g("w1"), g("w2")]]));
    st.number("b", &g("b"));
    st.number("lambda", &g("lambda"));
    st.number("alpha", &g("alpha"));
    Ok(st)
}

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "loss",
        number: 1,
        title: "MSE, half sum of squares and cross-entropy",
        title_zh: "损失函数: 均方误差与交叉熵误差",
        sources: &[
            "CAL deck, 损失函数: MSE = 1/n Σ (y_i - y'_i)², CEE = -Σ y_i ln(y'_i)",
            "PKU deck: J = 1/n Σ (ŷ - y)²",
        ],
        params: &[
            Param::new("y1", "1/2", "prediction 1"),
            Param::new("y2", "1/4", "prediction 2"),
            Param::new("y3", "1/4", "prediction 3"),
            Param::new("t1", "1", "target 1"),
            Param::new("t2", "0", "target 2"),
            Param::new("t3", "0", "target 3"),
        ],
        build: loss_1,
        engine: Engine::Report,
        // The prediction is a distribution in tenths and the target
        // one-hot: 36 predictions × 3 classes.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("y1", SHARE),
                ("y2", SHARE),
                ("y3", SHARE),
                ("t1", Draw::Of(&["0", "1"])),
                ("t2", Draw::Of(&["0", "1"])),
                ("t3", Draw::Of(&["0", "1"])),
            ])
            .pose(Pose::Custom(pose_1))
            .keep(distribution_and_one_hot),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: false,
    },
    Example {
        topic: "loss",
        number: 2,
        title: "Structured risk with L2 and its update",
        title_zh: "结构化风险与参数更新",
        sources: &[
            "NNDL, 参数学习: R(W, b) = 1/N Σ L + λ/2 ‖W‖²_F",
            "NNDL, 算法 4.1: W(l) ← W(l) - α(δ(l) a(l-1)ᵀ + λW(l)), b(l) ← b(l) - αδ(l)",
        ],
        params: &[
            Param::new("x11", "1", "sample 1, input 1"),
            Param::new("x12", "2", "sample 1, input 2"),
            Param::new("y1", "1", "sample 1, target"),
            Param::new("x21", "2", "sample 2, input 1"),
            Param::new("x22", "-1", "sample 2, input 2"),
            Param::new("y2", "0", "sample 2, target"),
            Param::new("w1", "1/2", "W_11"),
            Param::new("w2", "-1/2", "W_12"),
            Param::new("b", "0", "bias"),
            Param::new("lambda", "1/10", "λ, the L2 coefficient"),
            Param::new("alpha", "1/2", "α, the learning rate"),
        ],
        build: loss_2,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("x11", SMALL),
                ("x12", SMALL),
                ("y1", Draw::Of(&["0", "1"])),
                ("x21", SMALL),
                ("x22", SMALL),
                ("y2", Draw::Of(&["0", "1"])),
                ("w1", HALF),
                ("w2", HALF),
                ("b", Draw::Int(-1, 1)),
                ("lambda", Draw::Of(&["0", "1/10", "1/2"])),
                ("alpha", Draw::Of(&["1/2", "1/4"])),
            ])
            .pose(Pose::Custom(pose_2)),
        ),
        audit: Audit::Replay(audit_2),
        has_plot: false,
    },
];

fn loss_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["y1", "y2", "y3", "t1", "t2", "t3"], s);
    let y = vector(v, &["y1", "y2", "y3"], s);
    let t = vector(v, &["t1", "t2", "t3"], s);
    r.text("y'_k is the prediction, t_k the target. CAL's n counts samples; here the sum runs over the 3 outputs of one sample, which is the same arithmetic.");
    let mut tb = Table::new(
        "Per output · 逐项",
        &[
            "k",
            "y'_k",
            "t_k",
            "(y'_k - t_k)²",
            "∂MSE/∂y'_k = 2/n (y' - t)",
            "∂(½SSE)/∂y'_k = y' - t",
            "-t_k ln y'_k",
            "∂CE/∂y'_k = -t/y'",
        ],
    )
    .math_header(vec![
        Math::new("y'_k", "y'_k"),
        Math::new("t_k", "t_k"),
        Math::new("(y'_k - t_k)²", "(y'_k - t_k)^2"),
        Math::new(
            "∂MSE/∂y'_k = 2/n (y' - t)",
            "\\frac{\\partial \\mathrm{MSE}}{\\partial y'_k} = \\frac{2}{n} (y' - t)",
        ),
        Math::new(
            "∂(½SSE)/∂y'_k = y' - t",
            "\\frac{\\partial (\\frac{1}{2}\\mathrm{SSE})}{\\partial y'_k} = y' - t",
        ),
        Math::new("-t_k ln y'_k", "-t_k \\ln y'_k"),
        Math::new(
            "∂CE/∂y'_k = -t/y'",
            "\\frac{\\partial \\mathrm{CE}}{\\partial y'_k} = -\\frac{t}{y'}",
        ),
    ]);
    let (gm, gh) = (Loss::Mse.grad(&y, &t)?, Loss::HalfSse.grad(&y, &t)?);
    let ce_ok = Loss::CrossEntropy.check_target(&t).is_ok() && y.iter().all(|x| x.signum() > 0);
    let gc = if ce_ok {
        Some(Loss::CrossEntropy.grad(&y, &t)?)
    } else {
        None
    };
    for k in 0..3 {
        let d = y[k].sub(&t[k])?;
        let term = if t[k].is_zero() || !ce_ok {
            Cell::Num(Scalar::zero())
        } else {
            Cell::Num(t[k].mul(&y[k].ln()?)?.neg())
        };
        tb.row(vec![
            Cell::Text((k + 1).to_string()),
            y[k].clone().into(),
            t[k].clone().into(),
            d.mul(&d)?.into(),
            gm[k].clone().into(),
            gh[k].clone().into(),
            if ce_ok { term } else { Cell::Empty },
            gc.as_ref().map_or(Cell::Empty, |g| Cell::Num(g[k].clone())),
        ]);
    }
    r.table(tb);
    let mut tot = Table::new("Totals · 损失", &["loss", "formula", "value"]);
    let mse = Loss::Mse.value(&y, &t)?;
    let half = Loss::HalfSse.value(&y, &t)?;
    tot.row(vec![
        "MSE 均方误差".into(),
        Math::new("1/n Σ (y'_k - t_k)²", "\\frac{1}{n}\\sum_k (y'_k - t_k)^2").into(),
        mse.clone().into(),
    ]);
    tot.row(vec![
        "½ SSE".into(),
        Math::new("1/2 Σ (y'_k - t_k)²", "\\frac{1}{2}\\sum_k (y'_k - t_k)^2").into(),
        half.clone().into(),
    ]);
    r.results = vec![
        Named::new("mse", mse, Kind::Loss),
        Named::new("half_sse", half, Kind::Loss),
    ];
    if ce_ok {
        let ce = Loss::CrossEntropy.value(&y, &t)?;
        tot.row(vec![
            "CEE 交叉熵误差".into(),
            Math::new("-Σ t_k ln y'_k", "-\\sum_k t_k \\ln y'_k").into(),
            ce.clone().into(),
        ]);
        r.add("cross_entropy", ce, Kind::Loss);
    }
    r.table(tot);
    r.text(if ce_ok {
        "MSE and ½SSE differ only by the constant factor 2/n, so they have the same minimum; the ½ makes the gradient exactly y' - t."
    } else {
        "Cross-entropy is left out: it needs targets that form a distribution (non-negative, summing to 1) and predictions above 0."
    });
    Ok(r)
}

fn loss_2(v: &Values, s: &Settings) -> Result<Report> {
    let all: Vec<&str> = EXAMPLES[1].params.iter().map(|p| p.name).collect();
    let mut r = start(v, &all, s);
    let (lambda, alpha) = (l2_coefficient(v, s)?, get(v, "alpha", s));
    let net = Network::new(
        Convention::Column,
        vec![layer(v, &[&["w1", "w2"]], &["b"], Activation::Identity, s)],
    )?;
    let samples = [
        (vector(v, &["x11", "x12"], s), get(v, "y1", s)),
        (vector(v, &["x21", "x22"], s), get(v, "y2", s)),
    ];
    r.formula(Math::new("R(W, b) = 1/N Σ_n L(y(n), ŷ(n)) + λ/2 ‖W‖²_F,   L = 1/2 (ŷ - y)²,   ŷ = W x + b", "\\mathcal{R}(W, b) = \\frac{1}{N}\\sum_{n} \\mathcal{L}(y^{(n)}, \\hat y^{(n)}) + \\frac{\\lambda}{2}\\lVert W \\rVert_F^2,\\quad \\mathcal{L} = \\tfrac{1}{2}(\\hat y - y)^2,\\quad \\hat y = W x + b"));
    let mut t = Table::new(
        "Structured risk · 结构化风险 (N = 2 samples)",
        &[
            "sample n",
            "x(n)",
            "ŷ(n) = W x + b",
            "y(n)",
            "L = ½(ŷ - y)²",
        ],
    );
    let mut losses = Vec::new();
    for (n, (x, y)) in samples.iter().enumerate() {
        let obj = Objective {
            target: vec![y.clone()],
            loss: Loss::HalfSse,
            l2: Scalar::zero(),
            learning_rate: None,
        };
        let tr = net.trace(x, &obj)?;
        t.row(vec![
            Cell::Text((n + 1).to_string()),
            Cell::Sentence(Sentence::new(
                "({}, {})",
                vec![Num::shown(&x[0]), Num::shown(&x[1])],
            )),
            tr.layers[0].a[0].clone().into(),
            y.clone().into(),
            tr.loss.clone().into(),
        ]);
        losses.push(tr.loss);
    }
    r.table(t);
    let mean = losses[0].add(&losses[1])?.div(&Scalar::int(2))?;
    let penalty = crate::loss::l2_penalty(&lambda, net.layers[0].w.iter().flatten())?;
    let risk = mean.add(&penalty)?;
    // ‖W‖²_F = 2·penalty/λ, computed directly so λ = 0 works too.
    let norm2 = crate::loss::l2_penalty(&Scalar::int(2), net.layers[0].w.iter().flatten())?;
    r.sentence(
        "R = 1/2 ({} + {}) + λ/2 · ‖W‖²_F = {} + ({})/2 · {} = {} + {} = {}",
        vec![
            Num::signed(&losses[0]),
            Num::signed(&losses[1]),
            Num::bare(&mean),
            Num::bare(&lambda),
            Num::signed(&norm2),
            Num::bare(&mean),
            Num::bare(&penalty),
            Num::shown(&risk),
        ],
    );
    r.heading("One step of algorithm 4.1 on sample 1 · 随机梯度下降的一步");
    let obj = Objective {
        target: vec![samples[0].1.clone()],
        loss: Loss::HalfSse,
        l2: lambda.clone(),
        learning_rate: Some(alpha.clone()),
    };
    let tr = net.trace(&samples[0].0, &obj)?;
    let l = &tr.layers[0];
    let mut g = Table::new(
        "∂/∂W of L + λ/2‖W‖² = δ aᵀ + λW (the bias gets no λ term)",
        &["parameter", "δ a_j", "λ W", "gradient"],
    );
    for j in 0..2 {
        let lw = lambda.mul(&net.layers[0].w[0][j])?;
        g.row(vec![
            Cell::Text(format!("W_1{}", j + 1)),
            l.grad_w_data[0][j].clone().into(),
            lw.into(),
            l.grad_w[0][j].clone().into(),
        ]);
    }
    g.row(vec![
        Cell::Text("b_1".into()),
        l.delta[0].clone().into(),
        Cell::Empty,
        l.grad_b[0].clone().into(),
    ]);
    r.table(g);
    // The shared title says W ← W - η ∂L/∂W; here the step is NNDL's α and
    // the gradient includes the L2 term, as in algorithm 4.1.
    let mut u = update_table(&net, &tr, &alpha);
    // The title is replaced whole, with the numbers it quotes (the column
    // names quote none).
    u.title = "Update · 参数更新 · W ← W - α(δ aᵀ + λW), b ← b - αδ, α = {}".into();
    u.nums = vec![Num::shown(&alpha)];
    r.table(u);
    let (nw, nb) = (
        l.new_w.as_ref().expect("α given"),
        l.new_b.as_ref().expect("α given"),
    );
    r.results = vec![
        Named::new("L1", losses[0].clone(), Kind::Loss),
        Named::new("L2", losses[1].clone(), Kind::Loss),
        Named::new("penalty", penalty, Kind::Loss),
        Named::new("R", risk, Kind::Loss),
        Named::new("W_11 new", nw[0][0].clone(), Kind::Parameter),
        Named::new("W_12 new", nw[0][1].clone(), Kind::Parameter),
        Named::new("b new", nb[0].clone(), Kind::Parameter),
    ];
    Ok(r)
}

/// The rounding audit of loss/1.
fn audit_1(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let (y, t) = (
        vector(v, &["y1", "y2", "y3"], &s),
        vector(v, &["t1", "t2", "t3"], &s),
    );
    // As the example: cross-entropy only when t is a distribution and y > 0.
    let ce_ok = crate::loss::Loss::CrossEntropy.check_target(&t).is_ok()
        && y.iter().all(|x| x.signum() > 0);
    // 0·ln y is 0: only the classes with t_k ≠ 0 enter the cross-entropy.
    let terms: Vec<String> = (1..=3)
        .filter(|k| !t[k - 1].is_zero())
        .map(|k| format!("t{k}*ln(y{k})"))
        .collect();
    let mut src = "sse = (y1 - t1)^2 + (y2 - t2)^2 + (y3 - t3)^2; mse = sse / 3; \
                   half_sse = sse / 2"
        .to_string();
    let mut finals = vec!["mse", "half_sse"];
    if ce_ok && !terms.is_empty() {
        src.push_str(&format!("; cross_entropy = -({})", terms.join(" + ")));
        finals.push("cross_entropy");
    }
    let it = forward(
        src,
        inputs(v, &["y1", "y2", "y3", "t1", "t2", "t3"]),
        &finals,
    );
    let names = finals
        .iter()
        .map(|f| (f.to_string(), f.to_string()))
        .collect();
    replay(vec![named(it, names)])
}

/// R and one step of algorithm 4.1 on sample 1, every step rounded.
fn audit_2(v: &Values) -> Result<Plan> {
    let src = "yh1 = w1*x11 + w2*x12 + b; L1 = (yh1 - y1)^2 / 2; \
               yh2 = w1*x21 + w2*x22 + b; L2 = (yh2 - y2)^2 / 2; \
               penalty = lambda / 2 * (w1^2 + w2^2); R = (L1 + L2) / 2 + penalty; \
               delta = yh1 - y1; g11 = delta*x11 + lambda*w1; g12 = delta*x12 + lambda*w2; \
               W11 = w1 - alpha*g11; W12 = w2 - alpha*g12; bnew = b - alpha*delta"
        .to_string();
    let names = [
        "x11", "x12", "y1", "x21", "x22", "y2", "w1", "w2", "b", "lambda", "alpha",
    ];
    let it = forward(src, inputs(v, &names), &["R", "W11", "W12", "bnew"]);
    let names = links(&[
        ("L1", "L1"),
        ("L2", "L2"),
        ("penalty", "penalty"),
        ("R", "R"),
        ("W11", "W_11 new"),
        ("W12", "W_12 new"),
        ("bnew", "b new"),
    ]);
    replay(vec![named(it, names)])
}

#[cfg(test)]
mod stmt_tests {
    use crate::catalog::neuron::thousand_draws;
    use crate::catalog::statement::Value;
    use crate::scalar::Scalar;

    #[test]
    fn loss_1_predicts_a_distribution_against_a_one_hot_target_in_1000_draws() {
        for p in thousand_draws("loss/1") {
            let (Some(Value::Vector(y)), Some(Value::Vector(t))) =
                (p.statement.get("y'"), p.statement.get("t"))
            else {
                panic!("y' and t are given as vectors")
            };
            let sum = y.iter().fold(Scalar::zero(), |a, b| a.add(b).unwrap());
            assert!(sum.cmp_value(&Scalar::one()).is_eq(), "{}", p.set_value());
            assert_eq!(t.iter().filter(|x| !x.is_zero()).count(), 1);
            assert!(
                t.iter()
                    .all(|x| x.is_zero() || x.cmp_value(&Scalar::one()).is_eq())
            );
        }
    }
}
