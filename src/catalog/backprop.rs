//! backprop/1-5: backpropagation on small circuits from the PKU deck's
//! slides (1-3, graph programs), then at the level of layers: the chains of
//! the CAL 2-2-1 network (4) and the δ recursion in matrix form (5; NNDL, PKU).

use crate::activation::Activation;
use crate::catalog::cal_chains::cal_partial;
use crate::catalog::common::{BIAS, SMALL, WEIGHT};
use crate::catalog::common::{count, get, start, vector};
use crate::catalog::forward::{COLUMN, cal_network};
use crate::catalog::statement::Pose;
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::network::Pass;
use crate::network::{Convention, LayerSpec, Network, Objective, fd_agrees};
use crate::report::graph::{build, gate_patterns};
use crate::report::network::explain;
use crate::report::{Cell, Math, Num, Report, Sentence, Settings, Table};
use crate::report::{Kind, Named};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, links, named, replay_named, replay_renamed, using};
use crate::scalar::Scalar;

const CAL: &[Param] = &[
    COLUMN[0],
    COLUMN[1],
    COLUMN[2],
    COLUMN[3],
    COLUMN[4],
    COLUMN[5],
    COLUMN[6],
    COLUMN[7],
    COLUMN[8],
    COLUMN[9],
    COLUMN[10],
    Param::new("y", "1", "target of the output y_0"),
];

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "backprop",
        number: 1,
        title: "Backpropagation through a small circuit",
        title_zh: "反向传播 例1",
        sources: &["PKU deck, 反向传播 例1: f(x, y, z) = (x + y)z at x = -2, y = 5, z = -4"],
        params: &[
            Param::new("x", "-2", "first summand"),
            Param::new("y", "5", "second summand"),
            Param::new("z", "-4", "multiplier"),
        ],
        build: example_1,
        engine: Engine::Graph(PROGRAM_1),
        exercise: Exercise::Ranges(&Ranges::new(&[
            ("x", Draw::Int(-5, 5)),
            ("y", Draw::Int(-5, 5)),
            ("z", Draw::Int(-5, 5)),
        ])),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "backprop",
        number: 2,
        title: "A sigmoid neuron, gate by gate",
        title_zh: "Sigmoid 神经元的反向传播",
        sources: &[
            "CS231n (Stanford), notes 'Backpropagation, Intuitions': the sigmoid example w = (2, -3, -3), x = (-1, -2), whose numbers these are",
            "PKU deck, 反向传播 figures (the staged sigmoid neuron they follow)",
            "NNDL, Logistic 函数 f'(x) = f(x)(1 - f(x))",
        ],
        params: &[
            Param::new("w0", "2", "weight of x0"),
            Param::new("x0", "-1", "first input"),
            Param::new("w1", "-3", "weight of x1"),
            Param::new("x1", "-2", "second input"),
            Param::new("w2", "-3", "bias"),
        ],
        build: example_2,
        engine: Engine::Graph(PROGRAM_2),
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("w0", Draw::Int(-3, 3)),
                ("x0", SMALL),
                ("w1", Draw::Int(-3, 3)),
                ("x1", SMALL),
                ("w2", Draw::Int(-3, 3)),
            ])
            .keep(unsaturated_2)
            .find(&[
                "a", "b", "c", "z", "e", "f", "df/dz", "df/dw0", "df/dx0", "df/dw1", "df/dx1",
                "df/dw2",
            ]),
        ),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "backprop",
        number: 3,
        title: "Gate patterns: add, mul, max, copy",
        title_zh: "常见操作的反向传播",
        sources: &["PKU deck, 常见操作的反向传播: add gate, mul gate, copy gate, max gate"],
        params: &[
            Param::new("x", "3", "multiplied by y"),
            Param::new("y", "-4", "multiplied by x"),
            Param::new("z", "2", "first argument of max"),
            Param::new("w", "-1", "second argument of max"),
        ],
        build: example_3,
        engine: Engine::Graph(PROGRAM_3),
        exercise: Exercise::Ranges(&Ranges::new(&[
            ("x", Draw::Int(-5, 5)),
            ("y", Draw::Int(-5, 5)),
            ("z", Draw::Int(-4, 4)),
            ("w", Draw::Int(-4, 4)),
        ])),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "backprop",
        number: 4,
        title: "The chains of a 2-2-1 network, factor by factor",
        title_zh: "反向传播算法 (链式求导)",
        sources: &[
            "CAL deck, 反向传播算法: ∂Loss/∂w^2_(0,0) = ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂w^2_(0,0), and the five-factor chain of ∂Loss/∂w^1_(0,0)",
            "CAL deck, 反向传播算法: the gradients it asks for, output layer w^2_(0,0), w^2_(1,0), b^2_0 and hidden layer w^1_(0,0), w^1_(0,1), w^1_(1,0), w^1_(1,1), b^1_0, b^1_1",
        ],
        params: CAL,
        build: backprop_4,
        engine: Engine::Layers(pass_4),
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("x1", SMALL),
                ("x2", SMALL),
                ("w1_11", WEIGHT),
                ("w1_12", WEIGHT),
                ("w1_21", WEIGHT),
                ("w1_22", WEIGHT),
                ("b1_1", BIAS),
                ("b1_2", BIAS),
                ("w2_11", WEIGHT),
                ("w2_12", WEIGHT),
                ("b2_1", BIAS),
                ("y", Draw::Int(-1, 2)),
            ])
            .pose(Pose::Engine(NOTES_4)),
        ),
        audit: Audit::Replay(audit_4),
        has_plot: false,
    },
    Example {
        topic: "backprop",
        number: 5,
        title: "The δ recursion in matrix form, softmax with cross-entropy",
        title_zh: "反向传播算法 (误差项 δ)",
        sources: &[
            "NNDL, 反向传播算法: δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1), ∂L/∂W(l) = δ(l) a(l-1)ᵀ, ∂L/∂b(l) = δ(l)",
            "PKU deck, 反向传播 通用矩阵形式: ∂J/∂a(L) = W(L)ᵀ ∂J/∂z(L+1)",
        ],
        params: &[
            Param::new("x1", "1", "input 1"),
            Param::new("x2", "-1", "input 2"),
            Param::new("class", "2", "true class (1-3), one-hot target"),
            Param::new("lr", "1/2", "learning rate η"),
        ],
        build: backprop_5,
        engine: Engine::Layers(pass_5),
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("x1", Draw::Int(-4, 4)),
                ("x2", Draw::Int(-4, 4)),
                ("class", Draw::Int(1, 3)),
                ("lr", Draw::Of(&["1/2", "1/4", "1/10"])),
            ])
            .pose(Pose::Engine(NOTES_5))
            .keep(hidden_alive_5)
            .find(&[
                "loss",
                "a(1)_1",
                "a(1)_2",
                "a(2)_1",
                "a(2)_2",
                "delta(2)_1",
                "delta(2)_2",
                "delta(2)_3",
                "delta(1)_1",
                "delta(1)_2",
                "dL/dW(1)_1,1",
                "W(1)_1,1 new",
            ]),
        ),
        audit: Audit::Replay(audit_5),
        has_plot: false,
    },
];

/// backprop/4's names: inputs 1-based as W(l)_ij, answers in CAL's 0-based names.
const NOTES_4: &[(&str, &str)] = &[
    (
        "The inputs name the entries 1-based: ⟦w1_ij = W(1)_ij⟧ (hidden unit ⟦i⟧, input ⟦j⟧), \
         ⟦b1_i = b(1)_i⟧, ⟦w2_1j = W(2)_1j⟧, ⟦b2_1 = b(2)_1⟧, and ⟦y⟧ is the target ⟦t⟧.",
        "输入按从 1 开始的下标命名: ⟦w1_ij = W(1)_ij⟧ (隐藏单元 ⟦i⟧, 输入 ⟦j⟧), ⟦b1_i = b(1)_i⟧, \
         ⟦w2_1j = W(2)_1j⟧, ⟦b2_1 = b(2)_1⟧, ⟦y⟧ 为目标 ⟦t⟧。",
    ),
    (
        "The answers use the CAL deck's 0-based names: ⟦y0 = a(2)_1⟧ is the output and Loss the \
         loss; ⟦dLoss/dw1_ij⟧ is ⟦∂Loss/∂w^1_(i,j)⟧, the weight from input ⟦i⟧ to hidden unit ⟦j⟧, \
         i.e. ⟦∂Loss/∂W(1)_(j+1)(i+1)⟧ (⟦dLoss/dw1_01 = ∂Loss/∂W(1)_21⟧); ⟦dLoss/dw2_j0⟧ is \
         ⟦∂Loss/∂W(2)_1(j+1)⟧; ⟦dLoss/db1_j⟧ is ⟦∂Loss/∂b(1)_(j+1)⟧; ⟦dLoss/db2_0⟧ is ⟦∂Loss/∂b(2)_1⟧.",
        "答案使用 CAL 课件从 0 开始的记号: ⟦y0 = a(2)_1⟧ 为输出, Loss 为损失; ⟦dLoss/dw1_ij⟧ 即 \
         ⟦∂Loss/∂w^1_(i,j)⟧, 从输入 ⟦i⟧ 到隐藏单元 ⟦j⟧ 的权重, 也就是 ⟦∂Loss/∂W(1)_(j+1)(i+1)⟧ \
         (⟦dLoss/dw1_01 = ∂Loss/∂W(1)_21⟧); ⟦dLoss/dw2_j0⟧ 即 ⟦∂Loss/∂W(2)_1(j+1)⟧; ⟦dLoss/db1_j⟧ 即 \
         ⟦∂Loss/∂b(1)_(j+1)⟧; ⟦dLoss/db2_0⟧ 即 ⟦∂Loss/∂b(2)_1⟧。",
    ),
];

/// backprop/5's names.
const NOTES_5: &[(&str, &str)] = &[(
    "The true class counts from 1 (⟦t⟧ is its one-hot vector). ⟦delta(l) = ∂L/∂z(l)⟧; \
         ⟦dL/dW(1)_i,j = ∂L/∂W(1)_ij⟧; ⟦a(l)_i⟧ and ⟦z(l)_i⟧ count from 1. ⟦W(1)_1,1 new⟧ is \
         ⟦W(1)_11⟧ after the step, ⟦W(1)_11 − η ∂L/∂W(1)_11⟧ with ⟦η = lr⟧.",
    "真实类别从 1 开始编号 (⟦t⟧ 为它的 one-hot 向量)。⟦delta(l) = ∂L/∂z(l)⟧; \
         ⟦dL/dW(1)_i,j = ∂L/∂W(1)_ij⟧; ⟦a(l)_i⟧ 与 ⟦z(l)_i⟧ 的下标从 1 开始。⟦W(1)_1,1 new⟧ \
         为这一步之后的 ⟦W(1)_11⟧, 即 ⟦W(1)_11 − η ∂L/∂W(1)_11⟧, ⟦η = lr⟧。",
)];

/// backprop/2's sigmoid away from saturation: |w0·x0 + w1·x1 + w2| ≤ 3.
fn unsaturated_2(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    crate::catalog::common::unsaturated(
        v["w0"].to_f64() * v["x0"].to_f64()
            + v["w1"].to_f64() * v["x1"].to_f64()
            + v["w2"].to_f64(),
    )
}

/// backprop/5 needs a gradient to flow into W(1): a hidden ReLU alive.
fn hidden_alive_5(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    let (x1, x2) = (v["x1"].to_f64(), v["x2"].to_f64());
    // z(1) = (x1 − x2, x1 + x2 + 1/2)
    if x1 - x2 > 0.0 || x1 + x2 + 0.5 > 0.0 {
        Ok(())
    } else {
        Err("both hidden ReLUs are dead")
    }
}

/// The program of backprop/1: f = (x + y)z staged as q = x + y, f = q·z.
pub const PROGRAM_1: &str = "q = x + y; f = q * z";
/// The program of backprop/2, gate by gate.
pub const PROGRAM_2: &str =
    "a = w0*x0; b = w1*x1; c = a + b; z = c + w2; n = -z; e = exp(n); d = 1 + e; f = 1/d";
/// The program of backprop/3.
pub const PROGRAM_3: &str = "p = x*y; m = max(z, w); s = p + m; f = 2*s";

/// f = (x + y)z staged as q = x + y, f = q·z.
fn example_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(PROGRAM_1, v, s)?;
    r.table(gate_patterns(&trace));
    r.text(
        "Pattern: the add gate hands its upstream gradient to both inputs unchanged; \
         the multiply gate gives each input the upstream gradient times the other input.",
    );
    Ok(r)
}

/// f = σ(w0·x0 + w1·x1 + w2), first gate by gate, then with one sigmoid gate.
fn example_2(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, fine) = build(PROGRAM_2, v, s)?;
    r.blocks.insert(
        0,
        crate::report::Block::Text(
            "Staged with primitive gates: ×, +, ×(-1), exp, +1, 1/x.".to_string(),
        ),
    );
    let (coarse_report, coarse) = build("z = w0*x0 + w1*x1 + w2; f = sigmoid(z)", v, s)?;
    r.heading("The same neuron with one sigmoid gate · σ'(z) = σ(z)(1 - σ(z))");
    r.heading_formula(Math::new(
        "σ'(z) = σ(z)(1 - σ(z))",
        "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))",
    ));
    r.blocks
        .extend(coarse_report.blocks.into_iter().filter(|b| {
            matches!(
                b,
                crate::report::Block::Table(_) | crate::report::Block::Formula(_)
            )
        }));
    // Both graphs must give the same gradients: compare them here, in the
    // report, so the reader sees the check.
    let mut worst: f64 = 0.0;
    for (&var, name) in fine.graph.variables.iter().zip(fine.graph.variable_names()) {
        let other = coarse
            .graph
            .find(&name)
            .expect("both graphs have the same variables");
        let (a, b) = (fine.grads[var].clone(), coarse.grads[other].clone());
        if let (Some(a), Some(b)) = (a, b) {
            worst = worst.max((a.to_f64() - b.to_f64()).abs());
        }
    }
    r.text(format!(
        "Both graphs give the same gradients (largest difference {worst:.1e}): the sigmoid \
         gate's local gradient σ(z)(1 - σ(z)) replaces the four gates -1×, exp, +1 and 1/x."
    ));
    Ok(r)
}

/// f = 2(xy + max(z, w)) staged as p = xy, m = max(z, w), s = p + m, f = 2s.
fn example_3(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(PROGRAM_3, v, s)?;
    r.table(gate_patterns(&trace));
    r.text(
        "A variable used in several places (a copy gate) receives the sum of the gradients \
         of its uses; see `nn-tutor explain autodiff --example 2`.",
    );
    Ok(r)
}

fn backprop_4(v: &Values, s: &Settings) -> Result<Report> {
    let names: Vec<&str> = CAL.iter().map(|p| p.name).collect();
    let mut r = start(v, &names, s);
    let net = cal_network(v, s)?;
    let x = vector(v, &["x1", "x2"], s);
    let obj = Objective {
        target: vec![get(v, "y", s)],
        loss: Loss::Mse,
        l2: Scalar::zero(),
        learning_rate: None,
    };
    let t = net.trace(&x, &obj)?;
    r.text("CAL's network with f = ReLU (hidden) and g = identity (output), Loss = MSE with n = 1: (y_0 - y)². CAL indexes from 0: u_0, u_1 are the hidden net inputs z(1), u_2 the output's z(2), x^2_j = f(u_j) the hidden outputs a(1), and w^2_(0,0) = W(2)_11, w^1_(0,0) = W(1)_11.");
    let (h, o) = (&t.layers[0], &t.layers[1]);
    let n = Num::operand;
    let v_ = Num::bare;
    let say = |text: &str, nums: Vec<Num>| Sentence::new(text, nums);
    let dloss = o.grad_a[0].clone();
    let dg = o.f_prime.as_ref().expect("identity is element-wise")[0].clone();
    let df = h.f_prime.as_ref().expect("ReLU is element-wise")[0].clone();
    let (x0_2, w2_00, x0_1) = (h.a[0].clone(), net.layers[1].w[0][0].clone(), x[0].clone());
    // The title: the gradient as a formula, then words.
    let chain = |r: &mut Report,
                 title: (Math, &str),
                 factors: Vec<(Math, Sentence, Scalar)>,
                 engine: &Scalar,
                 fd: Option<f64>|
     -> Result<Scalar> {
        let mut tb = Table::new("", &["factor", "rule", "value"])
            .then_math(title.0)
            .then_words(title.1);
        let mut prod = if s.float {
            Scalar::Float(1.0)
        } else {
            Scalar::one()
        };
        for (f, rule, val) in &factors {
            tb.row(vec![
                f.clone().into(),
                Cell::Sentence(rule.clone()),
                val.clone().into(),
            ]);
            prod = prod.mul(val)?;
        }
        let shown = Sentence::join(factors.iter().map(|f| n(&f.2).into()), " × ");
        tb.row(vec![
            "product".into(),
            Cell::Sentence(shown),
            prod.clone().into(),
        ]);
        tb.row(vec![
            "δ-rule engine".into(),
            Cell::Sentence(match fd {
                Some(f) => say("central difference {}", vec![v_(&Scalar::Float(f))]),
                None => "central difference -".into(),
            }),
            engine.clone().into(),
        ]);
        r.table(tb);
        let ok = prod == *engine
            || fd.is_some_and(|f| fd_agrees(&prod, f)) && fd_agrees(engine, fd.unwrap_or(f64::NAN));
        r.text(format!(
            "The product {} the δ-rule gradient and the central difference.",
            if ok {
                "matches ✓"
            } else {
                "does NOT match ✗"
            }
        ));
        Ok(prod)
    };
    let (y0, y) = (o.a[0].clone(), get(v, "y", s));
    let f1 = (
        cal_partial("Loss", "g(u2)"),
        say("2(y_0 - y) = 2·({} - {})", vec![n(&y0), n(&y)]),
        dloss.clone(),
    );
    let f2 = (
        cal_partial("g(u2)", "u2"),
        Sentence::from("g'(u2) = 1 (identity)"),
        dg.clone(),
    );
    let g2 = chain(
        &mut r,
        (cal_partial("Loss", "w^2_(0,0)"), " · 输出层权重的梯度"),
        vec![
            f1.clone(),
            f2.clone(),
            (
                cal_partial("u2", "w^2_(0,0)"),
                say("x^2_0 = {}", vec![v_(&x0_2)]),
                x0_2.clone(),
            ),
        ],
        &o.grad_w[0][0],
        o.fd_w[0][0],
    )?;
    let relu = say(
        if h.z[0].signum() > 0 {
            "f'(u0) = ReLU'({}) = 1"
        } else {
            "f'(u0) = ReLU'({}) = 0"
        },
        vec![v_(&h.z[0])],
    );
    let g1 = chain(
        &mut r,
        (cal_partial("Loss", "w^1_(0,0)"), " · 隐藏层权重的梯度"),
        vec![
            f1,
            f2,
            (
                cal_partial("u2", "f(u0)"),
                say("w^2_(0,0) = {}", vec![v_(&w2_00)]),
                w2_00,
            ),
            (cal_partial("f(u0)", "u0"), relu, df),
            (
                cal_partial("u0", "w^1_(0,0)"),
                say("x^1_0 = {}", vec![v_(&x0_1)]),
                x0_1,
            ),
        ],
        &h.grad_w[0][0],
        h.fd_w[0][0],
    )?;
    let nine = super::cal_chains::all_nine(&mut r, &net, &t, &x, s)?;
    debug_assert!(
        nine[0].value == g2 && nine[3].value == g1,
        "the two chains above are in the nine"
    );
    r.results = vec![
        Named::new("y0", y0, Kind::Value),
        Named::new("Loss", t.loss.clone(), Kind::Loss),
    ];
    r.results.extend(nine);
    Ok(r)
}

/// backprop/5's network, input and objective (also used by the rounding audit).
pub(crate) fn backprop_5_problem(
    v: &Values,
    s: &Settings,
) -> Result<(Network, Vec<Scalar>, Objective)> {
    let c = count(v, "class", 1, 3)? as usize;
    let cast = |t: &str| {
        let x = Scalar::parse(t).expect("literal");
        if s.float { x.to_float() } else { x }
    };
    let m = |rows: &[&[&str]]| {
        rows.iter()
            .map(|row| row.iter().map(|t| cast(t)).collect())
            .collect::<Vec<Vec<Scalar>>>()
    };
    let net = Network::new(
        Convention::Column,
        vec![
            LayerSpec {
                weights: m(&[&["1", "-1"], &["1", "1"]]),
                bias: vec![cast("0"), cast("1/2")],
                activation: Activation::Relu,
            },
            LayerSpec {
                weights: m(&[&["1", "0"], &["0", "1"], &["-1/2", "1"]]),
                bias: vec![cast("0"), cast("0"), cast("1/2")],
                activation: Activation::Softmax,
            },
        ],
    )?;
    let target = (1..=3)
        .map(|k| cast(if k == c { "1" } else { "0" }))
        .collect();
    let obj = Objective {
        target,
        loss: Loss::CrossEntropy,
        l2: Scalar::zero(),
        learning_rate: Some(get(v, "lr", s)),
    };
    Ok((net, vector(v, &["x1", "x2"], s), obj))
}

fn backprop_5(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x1", "x2", "class", "lr"], s);
    // δ in the English title and again in the Chinese one.
    for _ in 0..2 {
        r.heading_formula(Math::new("δ", "\\delta"));
    }
    let c = count(v, "class", 1, 3)? as usize;
    let (net, x, obj) = backprop_5_problem(v, s)?;
    r.text(format!("A 2-2-3 network: ReLU hidden layer, softmax output, cross-entropy against the one-hot class {c}. W(1) = [[1, -1], [1, 1]], b(1) = (0, 1/2), W(2) = [[1, 0], [0, 1], [-1/2, 1]], b(2) = (0, 0, 1/2). At the output δ(2) = ŷ - y (NNDL); below it δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀ δ(2)."));
    let t = net.trace(&x, &obj)?;
    explain(&mut r, &net, &t);
    r.data.clear();
    // The one step the sheet asks about: W(1)_11 − η ∂L/∂W(1)_11.
    let new = t.layers[0].new_w.as_ref().expect("η given")[0][0].clone();
    r.add("W(1)_1,1 new", new, Kind::Parameter);
    Ok(r)
}

/// backprop/4 as a layer problem: the CAL network at x with MSE against y.
fn pass_4(v: &Values) -> Result<Pass> {
    let s = Settings::default();
    let obj = Objective {
        target: vec![get(v, "y", &s)],
        loss: Loss::Mse,
        l2: Scalar::zero(),
        learning_rate: None,
    };
    Ok((cal_network(v, &s)?, vector(v, &["x1", "x2"], &s), Some(obj)))
}

/// backprop/5 as a layer problem, with the step (the sheet asks W(1)_11
/// after it, so the statement gives η).
fn pass_5(v: &Values) -> Result<Pass> {
    let (net, x, obj) = backprop_5_problem(v, &Settings::default())?;
    Ok((net, x, Some(obj)))
}

/// The rounding audit of backprop/4 under CAL's names: y0, Loss and the
/// nine chains' ∂Loss/∂θ. CAL counts from 0 and writes w^l_(from, to):
/// w2_j0 is W(2)_1,(j+1) and w1_ij is W(1)_(j+1),(i+1).
fn audit_4(v: &Values) -> Result<Plan> {
    let names = [
        ("a(2)_1", "y0"),
        ("L", "Loss"),
        ("dL/dW(2)_1,1", "dLoss/dw2_00"),
        ("dL/dW(2)_1,2", "dLoss/dw2_10"),
        ("dL/db(2)_1", "dLoss/db2_0"),
        ("dL/dW(1)_1,1", "dLoss/dw1_00"),
        ("dL/dW(1)_2,1", "dLoss/dw1_01"),
        ("dL/dW(1)_1,2", "dLoss/dw1_10"),
        ("dL/dW(1)_2,2", "dLoss/dw1_11"),
        ("dL/db(1)_1", "dLoss/db1_0"),
        ("dL/db(1)_2", "dLoss/db1_1"),
    ];
    Ok(replay_named(pass_4(v)?, &names))
}

/// The rounding audit of backprop/5: the pass with the loss under the
/// sheet's name, and W(1)_11 after the step as a student computes it from
/// the same steps (z(1) = (x1 − x2, x1 + x2 + 1/2), softmax of z(2) =
/// (h1, h2, −h1/2 + h2 + 1/2), δ(1)_1 = ReLU'(z(1)_1)(δ(2)_1 − δ(2)_3/2)).
/// A dead unit's ReLU' = 0 is written in, as by hand.
fn audit_5(v: &Values) -> Result<Plan> {
    let Plan::Replay { mut items, note } = replay_renamed(pass_5(v)?, &[("L", "loss")])? else {
        unreachable!("replay_renamed replays")
    };
    let s = Settings::default();
    let (x1, x2) = (get(v, "x1", &s), get(v, "x2", &s));
    let alive = |z: Scalar| z.signum() > 0;
    let h1 = if alive(x1.sub(&x2)?) { "x1 - x2" } else { "0" };
    let h2 = if alive(x1.add(&x2)?.add(&Scalar::ratio(1, 2))?) {
        "x1 + x2 + 1/2"
    } else {
        "0"
    };
    let grad = if h1 == "0" { "0*x1" } else { "(d1 - d3/2)*x1" };
    let c = count(v, "class", 1, 3)?;
    let t = |k: u64| if k == c { "1" } else { "0" };
    let src = format!(
        "h1 = {h1}; h2 = {h2}; e1 = exp(h1); e2 = exp(h2); e3 = exp(-h1/2 + h2 + 1/2); \
         s = e1 + e2 + e3; d1 = e1/s - {}; d3 = e3/s - {}; g = {grad}; W11 = 1 - lr*g",
        t(1),
        t(3)
    );
    let it = forward(src, inputs(v, &["x1", "x2", "lr"]), &["W11"]);
    // Under --follow-through the update goes on from the student's own
    // ∂L/∂W(1)_1,1 (g), which the pass above already shows.
    let it = using(it, links(&[("g", "dL/dW(1)_1,1")]));
    items.push(named(it, links(&[("W11", "W(1)_1,1 new")])));
    Ok(Plan::Replay { items, note })
}

#[cfg(test)]
mod tests {
    use crate::catalog::find;
    use crate::exercise::{Lang, make};

    /// The report's own value of `name` in problem `seed` of `id`.
    fn drawn(topic: &str, n: u32, seed: u64) -> crate::report::Report {
        let ex = find(topic, n).unwrap();
        let sheet = make(&[ex], seed, 1, Lang::En, String::new()).unwrap();
        sheet.problems[0].report.clone()
    }

    #[test]
    fn backprop_2_never_draws_a_saturated_sigmoid() {
        // Over 1,000 seeds the report's own z = w0·x0 + w1·x1 + w2 stays in
        // [−3, 3], where σ'(z) ≥ σ'(3) ≈ 0.045.
        for seed in 0..1000 {
            let z = drawn("backprop", 2, seed).result("z").unwrap().to_f64();
            assert!(z.abs() <= 3.0, "seed {seed}: z = {z}");
        }
    }

    #[test]
    fn backprop_5_keeps_a_hidden_unit_alive() {
        // A gradient reaches W(1) only through a live ReLU: a(1) ≠ 0.
        for seed in 0..1000 {
            let r = drawn("backprop", 5, seed);
            let a: Vec<f64> = ["a(1)_1", "a(1)_2"]
                .iter()
                .map(|n| r.result(n).unwrap().to_f64())
                .collect();
            assert!(a.iter().any(|&x| x > 0.0), "seed {seed}: a(1) = {a:?}");
        }
    }
}
