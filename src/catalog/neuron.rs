//! neuron/1-3: one sigmoid neuron (MS §1-2, JQ 神经元): forward, its
//! backprop with binary cross-entropy, and the gradient-descent loop.

use crate::activation::Activation;
use crate::catalog::common::{HALF, SMALL, WEIGHT};
use crate::catalog::common::{count, get, start};
use crate::catalog::statement::{Pose, Statement};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::network::Pass;
use crate::network::{Convention, LayerSpec, Network, Objective, PassTrace, fd_agrees};
use crate::report::net::forward_results;
use crate::report::network::forward_tables;
use crate::report::{
    Block, Cell, Figure, Math, Num, Panel, Report, Sentence, Series, Settings, Table,
};
use crate::report::{Kind, Named};
use crate::rounding::plan::{forward, inputs, links, named, replay, replay_named};
use crate::rounding::{Plan, Source};
use crate::scalar::Scalar;

const X: Param = Param::new("x", "2", "input");
const W: Param = Param::new("w", "1/2", "weight");
const B: Param = Param::new("b", "-1", "bias");
const Y: Param = Param::new("y", "1", "label (0 or 1, or a probability)");

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "neuron",
        number: 1,
        title: "Forward pass of one sigmoid neuron",
        title_zh: "单个神经元的前向传播",
        sources: &[
            "MS deck §1: a = σ(z), z = wx + b, 整个网络仅有一个神经元",
            "JQ deck, 神经元（人工神经网络）: 输入、权重、偏置、求和、激活",
        ],
        params: &[Param::new("x", "3", "input"), W, B],
        build: neuron_1,
        engine: Engine::Layers(pass_1),
        // |z| ≤ 3: the sigmoid away from saturation.
        exercise: Exercise::Ranges(
            &Ranges::new(&[("x", Draw::Int(-3, 3)), ("w", WEIGHT), ("b", SMALL)])
                .pose(Pose::Engine(&[(
                    "One neuron: ⟦W(1) = [w]⟧, ⟦b(1) = [b]⟧; ⟦z = z(1)_1 = w·x + b⟧ is the weighted \
                     sum and ⟦a = a(1)_1 = σ(z)⟧, with ⟦σ(z) = 1/(1 + e^(−z))⟧, the activation. \
                     Find ⟦z⟧ and ⟦a⟧.",
                    "单个神经元: ⟦W(1) = [w]⟧, ⟦b(1) = [b]⟧; ⟦z = z(1)_1 = w·x + b⟧ 为加权求和, \
                     ⟦a = a(1)_1 = σ(z)⟧ 为激活, 其中 ⟦σ(z) = 1/(1 + e^(−z))⟧。求 ⟦z⟧ 和 ⟦a⟧。",
                )]))
                .keep(unsaturated),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: false,
    },
    Example {
        topic: "neuron",
        number: 2,
        title: "One neuron, one sample: backprop with binary cross-entropy",
        title_zh: "单神经元、单个数据的反向传播",
        sources: &["MS deck §2: ∂L/∂a = -y/a + (1-y)/(1-a), dz = a - y, dw = x·dz, db = dz"],
        params: &[X, W, B, Y],
        build: neuron_2,
        engine: Engine::Layers(pass_2),
        // |z| ≤ |w||x| + |b| ≤ 3: never saturated.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("x", Draw::Of(&["-2", "-1", "1", "2"])),
                ("w", HALF),
                ("b", Draw::Of(&["-1", "-1/2", "0", "1/2", "1"])),
                ("y", Draw::Of(&["0", "1"])),
            ])
            .pose(Pose::Engine(&[(
                "MS's names: ⟦w = W(1)_11⟧, ⟦b = b(1)_1⟧, the label ⟦y = t⟧; ⟦z = w·x + b⟧, ⟦a = σ(z)⟧ \
                 with ⟦σ(z) = 1/(1 + e^(−z))⟧. Find ⟦z⟧, ⟦a⟧, ⟦L⟧, ⟦dL/da = ∂L/∂a⟧, ⟦da/dz = ∂a/∂z⟧, \
                 ⟦dz = ∂L/∂z⟧, ⟦dw = ∂L/∂w⟧ and ⟦db = ∂L/∂b⟧.",
                "MS 的记号: ⟦w = W(1)_11⟧, ⟦b = b(1)_1⟧, 标签 ⟦y = t⟧; ⟦z = w·x + b⟧, ⟦a = σ(z)⟧, \
                 其中 ⟦σ(z) = 1/(1 + e^(−z))⟧。求 ⟦z⟧, ⟦a⟧, ⟦L⟧, ⟦dL/da = ∂L/∂a⟧, ⟦da/dz = ∂a/∂z⟧, \
                 ⟦dz = ∂L/∂z⟧, ⟦dw = ∂L/∂w⟧ 和 ⟦db = ∂L/∂b⟧。",
            )]))
            .keep(unsaturated),
        ),
        audit: Audit::Replay(audit_2),
        has_plot: false,
    },
    Example {
        topic: "neuron",
        number: 3,
        title: "The gradient-descent loop for one neuron",
        title_zh: "梯度下降",
        sources: &[
            "MS deck, 梯度下降: 初始化 w, b; 学习率 γ; 计算 dw, db; w_new = w_old - γ·dw; 回到步骤3",
        ],
        params: &[
            X,
            W,
            B,
            Y,
            Param::new("lr", "1", "learning rate γ"),
            Param::new("steps", "5", "iterations (1-50)"),
        ],
        build: neuron_3,
        engine: Engine::Report,
        // Two or three iterations; a, L, dw, db are sigmoid values (f64).
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("x", Draw::Of(&["-2", "-1", "1", "2"])),
                ("w", HALF),
                ("b", Draw::Int(-1, 1)),
                ("y", Draw::Of(&["0", "1"])),
                ("lr", Draw::Of(&["1/2", "1"])),
                ("steps", Draw::Int(2, 3)),
            ])
            .pose(Pose::Custom(pose_3)),
        ),
        audit: Audit::Replay(audit_3),
        has_plot: true,
    },
];

/// The sigmoid neuron's z stays in [−3, 3], away from saturation.
fn unsaturated(_: &Values, r: &Report) -> std::result::Result<(), &'static str> {
    crate::catalog::common::unsaturated_result(r, "z")
}

/// neuron/3's problem: the neuron, the loss, the loop and its start. The
/// starting weight and bias are given as w0, b0, so that the asked w and b
/// (after the last update) do not share their names.
fn pose_3(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "One sigmoid neuron ⟦a = σ(w·x + b)⟧, ⟦σ(z) = 1/(1 + e^(−z))⟧, is trained on one sample \
         ⟦(x, y)⟧ with the binary cross-entropy loss ⟦L = −[y ln a + (1 − y) ln(1 − a)]⟧.",
        "单个 sigmoid 神经元 ⟦a = σ(w·x + b)⟧, ⟦σ(z) = 1/(1 + e^(−z))⟧, 在一个样本 ⟦(x, y)⟧ 上训练, \
         损失为二元交叉熵 ⟦L = −[y ln a + (1 − y) ln(1 − a)]⟧。",
    );
    st.line(
        "The inputs ⟦w⟧ and ⟦b⟧ are the starting values ⟦w0⟧, ⟦b0⟧. Repeat steps times: compute ⟦a⟧ and \
         ⟦L⟧, the gradients ⟦dw = ∂L/∂w⟧ and ⟦db = ∂L/∂b⟧, then update ⟦w ← w − γ·dw⟧, \
         ⟦b ← b − γ·db⟧ with the learning rate ⟦γ = lr⟧.",
        "输入 ⟦w⟧ 和 ⟦b⟧ 是初始值 ⟦w0⟧, ⟦b0⟧。重复 steps 次: 计算 ⟦a⟧ 和 ⟦L⟧, 求梯度 ⟦dw = ∂L/∂w⟧ 和 \
         ⟦db = ∂L/∂b⟧, 再以学习率 ⟦γ = lr⟧ 更新 ⟦w ← w − γ·dw⟧, ⟦b ← b − γ·db⟧。",
    );
    st.line(
        "Find ⟦L_k⟧, the loss of iteration ⟦k⟧ (before its update), for ⟦k = 1, …, steps⟧, and the \
         answers ⟦w⟧ and ⟦b⟧: the values after the last update.",
        "求第 ⟦k⟧ 次迭代的损失 ⟦L_k⟧ (在该次更新之前计算), ⟦k = 1, …, steps⟧, \
         以及答案 ⟦w⟧ 和 ⟦b⟧: 最后一次更新之后的值。",
    );
    for (name, input) in [
        ("x", "x"),
        ("y", "y"),
        ("w0", "w"),
        ("b0", "b"),
        ("lr", "lr"),
        ("steps", "steps"),
    ] {
        st.number(name, &v[input]);
    }
    Ok(st)
}

pub(crate) fn neuron(w: &Scalar, b: &Scalar) -> Result<Network> {
    Network::new(
        Convention::Column,
        vec![LayerSpec {
            weights: vec![vec![w.clone()]],
            bias: vec![b.clone()],
            activation: Activation::Sigmoid,
        }],
    )
}

/// a = σ(wx + b).
fn neuron_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x", "w", "b"], s);
    let (x, w, b) = (get(v, "x", s), get(v, "w", s), get(v, "b", s));
    r.formula(Math::new(
        "z = w·x + b,  a = σ(z) = 1/(1 + e^(-z))",
        "z = w x + b,\\quad a = \\sigma(z) = \\frac{1}{1 + e^{-z}}",
    ));
    let net = neuron(&w, &b)?;
    let fwd = net.forward(std::slice::from_ref(&x))?;
    forward_tables(&mut r, &net, &[x], &fwd);
    r.text("One neuron is a network with one layer of one unit: W(1) = [w], b(1) = [b]; z(1)_1 is the weighted sum (求和) and a(1)_1 the activation (激活).");
    forward_results(&mut r, &fwd);
    r.data.clear();
    r.results = vec![
        Named::new("z", fwd[0].z[0].clone(), Kind::Value),
        Named::new("a", fwd[0].a[0].clone(), Kind::Value),
    ];
    Ok(r)
}

pub(crate) fn bce_objective(y: &Scalar, lr: Option<Scalar>) -> Objective {
    Objective {
        target: vec![y.clone()],
        loss: Loss::Bce,
        l2: Scalar::zero(),
        learning_rate: lr,
    }
}

/// The MS derivation, each factor with its number, dw and db beside their
/// central differences.
fn neuron_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x", "w", "b", "y"], s);
    let (x, w, b, y) = (
        get(v, "x", s),
        get(v, "w", s),
        get(v, "b", s),
        get(v, "y", s),
    );
    let t = neuron(&w, &b)?.trace(std::slice::from_ref(&x), &bce_objective(&y, None))?;
    let l = &t.layers[0];
    let fp = l.f_prime.as_ref().expect("sigmoid is element-wise")[0].clone();
    let (z, a, dl_da, dz) = (&l.z[0], &l.a[0], &l.grad_a[0], &l.delta[0]);
    let shortcut = a.sub(&y)?;
    let o = Num::operand;
    let say = |text: &str, nums: Vec<Num>| Sentence::new(text, nums);
    let mut tb = Table::new(
        "Backpropagation of one neuron · 单神经元的反向传播 (MS)",
        &[
            "quantity",
            "rule",
            "computed as",
            "value",
            "finite difference",
        ],
    );
    let mut row = |q: &str, rule: &str, how: Sentence, val: &Scalar, fd: Option<f64>| {
        tb.row(vec![
            q.into(),
            rule.into(),
            Cell::Sentence(how),
            val.clone().into(),
            fd.map_or(Cell::Empty, |f| Cell::Num(Scalar::Float(f))),
        ]);
    };
    row(
        "z",
        "w·x + b",
        say("{}·{} + {}", vec![o(&w), o(&x), o(&b)]),
        z,
        None,
    );
    row("a", "σ(z)", say("σ({})", vec![o(z)]), a, None);
    // With y = 1 or y = 0 one term of L and of ∂L/∂a is zero: the numbers
    // show the term that is left, as by hand (not `-0/a + …`).
    let (l_at, dl_at) = if y.cmp_value(&Scalar::one()).is_eq() {
        (say("-ln {}", vec![o(a)]), say("-1/{}", vec![o(a)]))
    } else if y.is_zero() {
        (
            say("-ln(1 - {})", vec![o(a)]),
            say("1/(1 - {})", vec![o(a)]),
        )
    } else {
        (
            say(
                "-[{} ln {} + (1 - {}) ln(1 - {})]",
                vec![o(&y), o(a), o(&y), o(a)],
            ),
            say("-{}/{} + (1 - {})/(1 - {})", vec![o(&y), o(a), o(&y), o(a)]),
        )
    };
    row(
        "L(a, y)",
        "-[y ln a + (1 - y) ln(1 - a)]",
        l_at,
        &t.loss,
        None,
    );
    row("∂L/∂a", "-y/a + (1 - y)/(1 - a)", dl_at, dl_da, None);
    row(
        "∂a/∂z",
        "a(1 - a)",
        say("{}·(1 - {})", vec![o(a), o(a)]),
        &fp,
        None,
    );
    row(
        "dz = ∂L/∂z",
        "∂L/∂a · ∂a/∂z",
        say("{} × {}", vec![o(dl_da), o(&fp)]),
        dz,
        None,
    );
    row(
        "dz (simplified)",
        "a - y",
        say("{} - {}", vec![o(a), o(&y)]),
        &shortcut,
        None,
    );
    row(
        "dw = ∂L/∂w",
        "x·dz",
        say("{}·{}", vec![o(&x), o(dz)]),
        &l.grad_w[0][0],
        l.fd_w[0][0],
    );
    row("db = ∂L/∂b", "dz", o(dz).into(), &l.grad_b[0], l.fd_b[0]);
    r.table(tb);
    let same = (dz.to_f64() - shortcut.to_f64()).abs() <= 1e-12;
    let fd_ok = l.fd_w[0][0].is_some_and(|f| fd_agrees(&l.grad_w[0][0], f))
        && l.fd_b[0].is_some_and(|f| fd_agrees(&l.grad_b[0], f));
    r.text(format!(
        "Check: (-y/a + (1 - y)/(1 - a))·a(1 - a) = a - y {}; dw and db {} with central differences of L.",
        if same { "✓ (both give dz)" } else { "✗ DIFFERS" },
        if fd_ok { "✓ agree" } else { "✗ disagree" }
    ));
    r.results = vec![
        Named::new("z", z.clone(), Kind::Value),
        Named::new("a", a.clone(), Kind::Value),
        Named::new("L", t.loss.clone(), Kind::Loss),
        Named::new("dL/da", dl_da.clone(), Kind::Gradient),
        Named::new("da/dz", fp, Kind::Gradient),
        Named::new("dz", dz.clone(), Kind::Gradient),
        Named::new("dw", l.grad_w[0][0].clone(), Kind::Gradient),
        Named::new("db", l.grad_b[0].clone(), Kind::Gradient),
    ];
    Ok(r)
}

/// Repeat: compute dw, db; w ← w - γ·dw, b ← b - γ·db.
fn neuron_3(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x", "w", "b", "y", "lr", "steps"], s);
    let steps = count(v, "steps", 1, 50)?;
    let (x, y, lr) = (get(v, "x", s), get(v, "y", s), get(v, "lr", s));
    let (mut w, mut b) = (get(v, "w", s), get(v, "b", s));
    r.formula(Math::new("dw = x·(a - y),  db = a - y,  w ← w - γ·dw,  b ← b - γ·db", "dw = x(a - y),\\quad db = a - y,\\quad w \\leftarrow w - \\gamma\\,dw,\\quad b \\leftarrow b - \\gamma\\,db"));
    let mut tb = Table::new(
        "Gradient descent · 梯度下降 (one row per iteration)",
        &[
            "step",
            "w",
            "b",
            "a = σ(wx + b)",
            "L",
            "dw",
            "db",
            "new w",
            "new b",
        ],
    );
    let (mut losses, mut params) = (Vec::new(), Vec::new());
    for k in 1..=steps {
        let t: PassTrace = neuron(&w, &b)?.trace(
            std::slice::from_ref(&x),
            &bce_objective(&y, Some(lr.clone())),
        )?;
        let l = &t.layers[0];
        let (nw, nb) = (
            l.new_w.as_ref().expect("η given")[0][0].clone(),
            l.new_b.as_ref().expect("η given")[0].clone(),
        );
        tb.row(vec![
            Cell::Text(k.to_string()),
            w.clone().into(),
            b.clone().into(),
            l.a[0].clone().into(),
            t.loss.clone().into(),
            l.grad_w[0][0].clone().into(),
            l.grad_b[0].clone().into(),
            nw.clone().into(),
            nb.clone().into(),
        ]);
        r.add(format!("L_{k}"), t.loss.clone(), Kind::Loss);
        losses.push(t.loss.to_f64());
        params.push((w.to_f64(), b.to_f64()));
        (w, b) = (nw, nb);
    }
    params.push((w.to_f64(), b.to_f64()));
    r.table(tb);
    // "Does not fall" means it rose: with lr = 10 the loss reaches 1.4e-11 in
    // one step and then stays put in f64, which is convergence, not a
    // learning rate that is too large.
    let falling = losses.windows(2).all(|p| p[1] <= p[0]);
    r.text(format!(
        "The loss {} from step to step{}.",
        if falling { "falls" } else { "does not fall" },
        if falling {
            ""
        } else {
            ": the learning rate may be too large; try --set lr=1/2"
        }
    ));
    r.add("w", w, Kind::Parameter);
    r.add("b", b, Kind::Parameter);
    r.blocks.push(Block::Figure(loop_figure(&losses, &params)));
    Ok(r)
}

/// L at each step, and w, b before step k (k = steps + 1: the final values).
fn loop_figure(losses: &[f64], params: &[(f64, f64)]) -> Figure {
    let at = |f: &dyn Fn(usize) -> f64, n: usize| -> Vec<(f64, f64)> {
        (0..n).map(|i| ((i + 1) as f64, f(i))).collect()
    };
    let series = |label: &str, points| Series {
        label: label.into(),
        points,
        nums: Vec::new(),
    };
    Figure::Plot {
        title: "The gradient-descent loop, step by step".into(),
        panels: vec![
            Panel {
                title: "loss L at each step".into(),
                x_label: "step".into(),
                y_label: "L".into(),
                series: vec![series("L", at(&|i| losses[i], losses.len()))],
            },
            Panel {
                title: "w and b before each step (the last point: after the last step)".into(),
                x_label: "step".into(),
                y_label: "w, b".into(),
                series: vec![
                    series("w", at(&|i| params[i].0, params.len())),
                    series("b", at(&|i| params[i].1, params.len())),
                ],
            },
        ],
    }
}

/// The gradient-descent loop unrolled: each iteration's a, L, dw, db and
/// new w, b, rounded as written in the iteration table.
fn audit_3(v: &Values) -> Result<Plan> {
    let steps = crate::catalog::common::count(v, "steps", 1, 50)?;
    let y = &v["y"];
    let mut src = String::new();
    let (mut w, mut b) = ("w".to_string(), "b".to_string());
    for k in 1..=steps {
        let loss = if y.cmp_value(&Scalar::one()).is_eq() {
            format!("-ln(a{k})")
        } else if y.is_zero() {
            format!("-ln(1 - a{k})")
        } else {
            format!("-(y*ln(a{k}) + (1 - y)*ln(1 - a{k}))")
        };
        src.push_str(&format!(
            "z{k} = {w}*x + {b}; a{k} = sigmoid(z{k}); L_{k} = {loss}; db{k} = a{k} - y; \
             dw{k} = x*db{k}; w{k} = {w} - lr*dw{k}; b{k} = {b} - lr*db{k}; "
        ));
        (w, b) = (format!("w{k}"), format!("b{k}"));
    }
    let src = src.trim_end().trim_end_matches(';').to_string();
    let mut it = forward(src, inputs(v, &["x", "w", "b", "y", "lr"]), &[]);
    // Shown under the example's names: each step's L_k, and the final w, b.
    let mut names: Vec<(String, String)> = (1..=steps)
        .map(|k| (format!("L_{k}"), format!("L_{k}")))
        .collect();
    names.push((w.clone(), "w".into()));
    names.push((b.clone(), "b".into()));
    if let Source::Graph { finals, .. } = &mut it.kind {
        *finals = vec![format!("L_{steps}"), w, b];
    }
    replay(vec![named(it, names)])
}

/// neuron/1 as a layer problem: the neuron at x, forward only.
fn pass_1(v: &Values) -> Result<Pass> {
    let g = |n: &str| get(v, n, &Settings::default());
    Ok((neuron(&g("w"), &g("b"))?, vec![g("x")], None))
}

/// neuron/2 as a layer problem: the neuron at x with cross-entropy against y.
fn pass_2(v: &Values) -> Result<Pass> {
    let g = |n: &str| get(v, n, &Settings::default());
    let obj = bce_objective(&g("y"), None);
    Ok((neuron(&g("w"), &g("b"))?, vec![g("x")], Some(obj)))
}

/// The rounding audit of neuron/1: z and a under the example's names.
fn audit_1(v: &Values) -> Result<Plan> {
    Ok(replay_named(
        pass_1(v)?,
        &[("z(1)_1", "z"), ("a(1)_1", "a")],
    ))
}

/// The rounding audit of neuron/2, the MS deck's steps as a student writes
/// them: z, a, L, ∂L/∂a, ∂a/∂z, dz = ∂L/∂a · ∂a/∂z, dw = x·dz, db = dz.
/// With y = 1 (or 0) the zero term of L and of ∂L/∂a is left out, as by
/// hand (and a rounded to 1.00 does not stop -0/(1 - a)).
fn audit_2(v: &Values) -> Result<Plan> {
    let y = &v["y"];
    let (loss, dlda) = if y.cmp_value(&Scalar::one()).is_eq() {
        ("-ln(a)", "-1/a")
    } else if y.is_zero() {
        ("-ln(1 - a)", "1/(1 - a)")
    } else {
        ("-(y*ln(a) + (1 - y)*ln(1 - a))", "-y/a + (1 - y)/(1 - a)")
    };
    let src = format!(
        "z = w*x + b; a = sigmoid(z); L = {loss}; dLda = {dlda}; dadz = a*(1 - a); \
         dz = dLda*dadz; dw = x*dz; db = dz"
    );
    let used: &[&str] = if dlda.contains('y') {
        &["x", "w", "b", "y"]
    } else {
        &["x", "w", "b"]
    };
    let it = forward(src, inputs(v, used), &["L", "dw", "db"]);
    let names = links(&[
        ("z", "z"),
        ("a", "a"),
        ("L", "L"),
        ("dLda", "dL/da"),
        ("dadz", "da/dz"),
        ("dz", "dz"),
        ("dw", "dw"),
        ("db", "db"),
    ]);
    replay(vec![named(it, names)])
}

/// For the draw-constraint tests of neuron/, activation/, forward/,
/// softmax/ and loss/: one problem of `id` from each of the seeds 1..=1000.
#[cfg(test)]
pub(crate) fn thousand_draws(id: &str) -> Vec<crate::exercise::Problem> {
    let (ex, _) = crate::catalog::example_with(id, &[]);
    (1..=1000)
        .map(|seed| {
            let sheet =
                crate::exercise::make(&[ex], seed, 1, crate::exercise::Lang::En, String::new())
                    .expect("a sheet");
            sheet.problems.into_iter().next().expect("one problem")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::thousand_draws;

    #[test]
    fn the_sigmoid_is_never_saturated_in_1000_draws() {
        for id in ["neuron/1", "neuron/2"] {
            for p in thousand_draws(id) {
                let z = p.report.result("z").expect("z").to_f64();
                assert!(z.abs() <= 3.0, "{id} {}: z = {z}", p.set_value());
            }
        }
    }

    #[test]
    fn neuron_3_names_its_start_apart_from_the_answers() {
        for p in thousand_draws("neuron/3").into_iter().take(50) {
            let given: Vec<&str> = p.statement.given.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(given, ["x", "y", "w0", "b0", "lr", "steps"]);
            assert!(
                p.find.iter().all(|f| !given.contains(&f.as_str())),
                "{:?}",
                p.find
            );
        }
    }
}
