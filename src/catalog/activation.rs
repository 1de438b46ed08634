//! activation/1-4: activation functions and their derivatives (NNDL 常见激活函数
//! 及其导数; PKU 常见激活函数, 激活函数选择).

use std::collections::HashMap;

use crate::activation::Activation;
use crate::catalog::common::{HALF, POINT, SMALL};
use crate::catalog::common::{curves, get, start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::{Error, Result};
use crate::report::{Block, Cell, Figure, Math, Num, Report, Sentence, Settings, Table};
use crate::report::{Kind, Named};
use crate::rounding::Plan;
use crate::rounding::plan::{backward, inputs, links, lit, named, replay};
use crate::scalar::Scalar;

const fn p(name: &'static str, default: &'static str, help: &'static str) -> Param {
    Param {
        name,
        default,
        help,
    }
}

/// A positive input of activation/4.
const POSITIVE: Draw = Draw::Of(&["1/2", "1", "3/2", "2"]);

/// activation/1's problem: the five functions (NNDL's table), each asked at
/// its own point.
fn pose_1(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "The five activation functions of NNDL's table: logistic ⟦σ(z) = 1/(1 + e^(−z))⟧; \
         ⟦tanh(z) = (e^z − e^(−z))/(e^z + e^(−z))⟧; ⟦relu(z) = max(0, z)⟧; ⟦elu(z) = z⟧ if ⟦z > 0⟧, \
         ⟦γ(e^z − 1)⟧ if ⟦z ≤ 0⟧; ⟦softplus(z) = ln(1 + e^z)⟧.",
        "NNDL 表中的五个激活函数: logistic ⟦σ(z) = 1/(1 + e^(−z))⟧; \
         ⟦tanh(z) = (e^z − e^(−z))/(e^z + e^(−z))⟧; ⟦relu(z) = max(0, z)⟧; ⟦elu(z) = z⟧ (⟦z > 0⟧), \
         ⟦γ(e^z − 1)⟧ (⟦z ≤ 0⟧); ⟦softplus(z) = ln(1 + e^z)⟧。",
    );
    st.line(
        "Find each function and its derivative (⟦f' = df/dz⟧) at its own point: logistic at ⟦z1⟧, \
         tanh at ⟦z2⟧, relu at ⟦z3⟧, elu at ⟦z4⟧ (with the given ⟦γ⟧), softplus at ⟦z5⟧.",
        "在各自的点上求每个函数及其导数 (⟦f' = df/dz⟧): logistic 在 ⟦z1⟧, tanh 在 ⟦z2⟧, relu 在 ⟦z3⟧, \
         elu 在 ⟦z4⟧ (用给定的 ⟦γ⟧), softplus 在 ⟦z5⟧。",
    );
    for n in ["z1", "z2", "z3", "z4", "z5", "gamma"] {
        st.number(n, &v[n]);
    }
    Ok(st)
}

/// activation/1 asks ELU at z4: below 0, where γ matters.
fn elu_below_zero(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    if v["z4"].signum() < 0 {
        Ok(())
    } else {
        Err("ELU is asked at z4 > 0, where γ plays no part")
    }
}

/// activation/2's problem: the ReLU variants at z < 0 and a maxout unit of
/// two pieces.
fn pose_2(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "At the point ⟦z⟧ (⟦< 0⟧): ⟦Leaky ReLU(z) = z⟧ if ⟦z > 0⟧, ⟦γz⟧ if ⟦z ≤ 0⟧; PReLU unit ⟦i⟧ is the \
         same with its own ⟦γ_i⟧ (unit 1: gamma1, unit 2: gamma2); ⟦ELU(z) = z⟧ if ⟦z > 0⟧, \
         ⟦α(e^z − 1)⟧ if ⟦z ≤ 0⟧. Find each value ⟦f(z)⟧ and derivative ⟦f'(z) = df/dz⟧.",
        "在点 ⟦z⟧ (⟦< 0⟧) 处: ⟦Leaky ReLU(z) = z⟧ (⟦z > 0⟧), ⟦γz⟧ (⟦z ≤ 0⟧); PReLU 的单元 ⟦i⟧ 形式相同, \
         用各自的 ⟦γ_i⟧ (单元 1: gamma1, 单元 2: gamma2); ⟦ELU(z) = z⟧ (⟦z > 0⟧), ⟦α(e^z − 1)⟧ (⟦z ≤ 0⟧)。\
         求每个函数值 ⟦f(z)⟧ 和导数 ⟦f'(z) = df/dz⟧。",
    );
    st.line(
        "A maxout unit with input ⟦x = (x1, x2)⟧ and two pieces ⟦z1 = w11 x1 + w12 x2 + b1⟧, \
         ⟦z2 = w21 x1 + w22 x2 + b2⟧ outputs ⟦a = max(z1, z2)⟧. Find maxout a, ⟦da/dz1 = ∂a/∂z1⟧ \
         and ⟦da/dz2 = ∂a/∂z2⟧.",
        "maxout 单元: 输入 ⟦x = (x1, x2)⟧, 两个分段 ⟦z1 = w11 x1 + w12 x2 + b1⟧, \
         ⟦z2 = w21 x1 + w22 x2 + b2⟧, 输出 ⟦a = max(z1, z2)⟧。求 maxout a, ⟦da/dz1 = ∂a/∂z1⟧ \
         和 ⟦da/dz2 = ∂a/∂z2⟧。",
    );
    for n in ["z", "gamma", "gamma1", "gamma2", "alpha", "x1", "x2"] {
        st.number(n, &v[n]);
    }
    let g = |n: &str| v[n].clone();
    st.give(
        "w",
        Value::Matrix(vec![vec![g("w11"), g("w12")], vec![g("w21"), g("w22")]]),
    );
    st.give("b", Value::Vector(vec![g("b1"), g("b2")]));
    Ok(st)
}

/// activation/3's problem: gradient descent on f(x) from start to goal.
fn pose_3(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "Gradient descent minimises ⟦L = f(x)⟧ by ⟦x ← x − η f'(x)⟧ with learning rate ⟦η = lr⟧, \
         from ⟦x = start⟧ until ⟦x ≤ goal⟧, where ⟦f⟧ is the sigmoid ⟦σ(x) = 1/(1 + e^(−x))⟧ or \
         ⟦ReLU(x) = max(0, x)⟧.",
        "梯度下降以学习率 ⟦η = lr⟧ 通过 ⟦x ← x − η f'(x)⟧ 最小化 ⟦L = f(x)⟧, 从 ⟦x = start⟧ 开始, \
         直到 ⟦x ≤ goal⟧; ⟦f⟧ 为 sigmoid ⟦σ(x) = 1/(1 + e^(−x))⟧ 或 ⟦ReLU(x) = max(0, x)⟧。",
    );
    st.line(
        "Find the slopes at the start, ⟦sigmoid'(start) = σ'(start)⟧ and \
         ⟦relu'(start) = ReLU'(start)⟧, and steps relu, the number of steps ReLU needs to reach goal.",
        "求起点处的斜率 ⟦sigmoid'(start) = σ'(start)⟧ 和 ⟦relu'(start) = ReLU'(start)⟧, \
         以及 steps relu: ReLU 到达 goal 所需的步数。",
    );
    for n in ["start", "goal", "lr"] {
        st.number(n, &v[n]);
    }
    Ok(st)
}

/// activation/4's problem: a logistic neuron with positive inputs.
fn pose_4(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "A logistic neuron ⟦σ = σ(z)⟧, ⟦z = wᵀx = w1 x1 + w2 x2 + w3 x3⟧ (no bias), \
         ⟦σ(z) = 1/(1 + e^(−z))⟧. Every input ⟦x_i⟧ is positive, as the outputs of a logistic \
         layer are. ⟦g = ∂L/∂σ⟧ is the gradient of the loss ⟦L⟧ with respect to the neuron's \
         output, arriving from the layer above.",
        "一个 logistic 神经元 ⟦σ = σ(z)⟧, ⟦z = wᵀx = w1 x1 + w2 x2 + w3 x3⟧ (无偏置), \
         ⟦σ(z) = 1/(1 + e^(−z))⟧。每个输入 ⟦x_i⟧ 都为正, 就像 logistic 层的输出一样。\
         ⟦g = ∂L/∂σ⟧ 是损失 ⟦L⟧ 对该神经元输出的梯度, 由上一层传回。",
    );
    st.line(
        "Find ⟦dL/dwi = ∂L/∂w_i⟧ for ⟦i = 1, 2, 3⟧ (and see that they share one sign).",
        "求 ⟦dL/dwi = ∂L/∂w_i⟧, ⟦i = 1, 2, 3⟧ (并观察它们的符号相同)。",
    );
    let vec3 = |p: &str| Value::Vector((1..=3).map(|k| v[&format!("{p}{k}")].clone()).collect());
    st.give("x", vec3("x"));
    st.give("w", vec3("w"));
    st.number("g", &v["g"]);
    Ok(st)
}

/// activation/4's draw: every input positive and |z| ≤ 3.
fn positive_unsaturated(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    if ["x1", "x2", "x3"].iter().any(|k| v[*k].signum() <= 0) {
        return Err("an input is not positive");
    }
    let z: f64 = (1..=3)
        .map(|k| v[&format!("w{k}")].to_f64() * v[&format!("x{k}")].to_f64())
        .sum();
    crate::catalog::common::unsaturated(z)
}

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "activation",
        number: 1,
        title: "Logistic, tanh, ReLU, ELU and softplus with their derivatives",
        title_zh: "常见激活函数及其导数",
        sources: &["NNDL, 常见激活函数及其导数 (table: Logistic, Tanh, ReLU, ELU, SoftPlus)"],
        params: &[
            p("z1", "-2", "first point"),
            p("z2", "-1", "second point"),
            p("z3", "0", "third point"),
            p("z4", "1", "fourth point"),
            p("z5", "2", "fifth point"),
            p("gamma", "1", "γ of ELU"),
        ],
        build: activation_1,
        engine: Engine::Report,
        // No point at 0: ReLU's kink there would be redrawn every time.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("z1", POINT),
                ("z2", POINT),
                ("z3", POINT),
                ("z4", POINT),
                ("z5", POINT),
                ("gamma", Draw::Of(&["1", "1/2", "2"])),
            ])
            .pose(Pose::Custom(pose_1))
            .keep(elu_below_zero)
            .find(&[
                "logistic(z1)",
                "logistic'(z1)",
                "tanh(z2)",
                "tanh'(z2)",
                "relu(z3)",
                "relu'(z3)",
                "elu(z4)",
                "elu'(z4)",
                "softplus(z5)",
                "softplus'(z5)",
            ]),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: true,
    },
    Example {
        topic: "activation",
        number: 2,
        title: "Leaky ReLU, PReLU, ELU and maxout",
        title_zh: "ReLU函数的改进",
        sources: &[
            "NNDL, 常见激活函数(ReLU函数的改进): LeakyReLU, PReLU_i, ELU",
            "PKU deck, 常见激活函数: Leaky ReLU max(0.1x, x), Maxout max(w1ᵀx + b1, w2ᵀx + b2), ELU",
        ],
        params: &[
            p("z", "-2", "the point where each function is evaluated"),
            p("gamma", "1/10", "γ of Leaky ReLU (PKU: 0.1)"),
            p("gamma1", "1/10", "PReLU γ of unit 1"),
            p("gamma2", "1/4", "PReLU γ of unit 2"),
            p("alpha", "1", "α of ELU (PKU; NNDL calls it γ)"),
            p("x1", "1", "maxout input 1"),
            p("x2", "-1", "maxout input 2"),
            p("w11", "1", "piece 1 weight of x1"),
            p("w12", "2", "piece 1 weight of x2"),
            p("b1", "0", "piece 1 bias"),
            p("w21", "1/2", "piece 2 weight of x1"),
            p("w22", "-1", "piece 2 weight of x2"),
            p("b2", "0", "piece 2 bias"),
        ],
        build: activation_2,
        engine: Engine::Report,
        // z = 0 (Leaky ReLU's kink) and maxout ties are redrawn.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                // z < 0: where the ReLU variants differ from ReLU.
                ("z", Draw::Of(&["-2", "-3/2", "-1", "-1/2"])),
                ("gamma", Draw::Of(&["1/10", "1/5"])),
                ("gamma1", Draw::Of(&["1/10", "1/4"])),
                ("gamma2", Draw::Of(&["1/4", "1/2"])),
                ("alpha", Draw::Of(&["1", "1/2"])),
                ("x1", SMALL),
                ("x2", SMALL),
                ("w11", HALF),
                ("w12", HALF),
                ("b1", Draw::Of(&["-1/2", "0", "1/2"])),
                ("w21", HALF),
                ("w22", HALF),
                ("b2", Draw::Of(&["-1/2", "0", "1/2"])),
            ])
            .pose(Pose::Custom(pose_2)),
        ),
        audit: Audit::Replay(audit_2),
        has_plot: true,
    },
    Example {
        topic: "activation",
        number: 3,
        title: "Why sigmoid trains slowly far from 0",
        title_zh: "激活函数选择: 梯度消失",
        sources: &[
            "PKU deck, 激活函数选择: x 的当前值在 10, 最优值在 1, 从 10 到 1 优化时梯度太小",
        ],
        params: &[
            p("start", "10", "where x starts"),
            p("goal", "1", "where x should get to"),
            p("lr", "1", "learning rate η"),
        ],
        build: activation_3,
        engine: Engine::Report,
        // σ'(start), ReLU'(start) and ReLU's step count by hand; the
        // sigmoid's step count is the f64 loop's, not asked (the key gives
        // it with the integral estimate).
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("start", Draw::Int(3, 10)),
                ("goal", Draw::Of(&["1", "3/2", "2"])),
                ("lr", Draw::Of(&["1/2", "1", "3/2", "2", "3"])),
            ])
            .pose(Pose::Custom(pose_3))
            .find(&["sigmoid'(start)", "relu'(start)", "steps relu"]),
        ),
        audit: Audit::Replay(audit_3),
        has_plot: false,
    },
    Example {
        topic: "activation",
        number: 4,
        title: "Non-zero-centred outputs: every weight gradient has one sign",
        title_zh: "非零中心化的输出",
        sources: &["NNDL, 当logistic函数的输出恒大于0: ∂L/∂w = ∂L/∂σ · σ(1 - σ) · x"],
        params: &[
            p("x1", "1", "input 1 (> 0)"),
            p("x2", "2", "input 2 (> 0)"),
            p("x3", "1/2", "input 3 (> 0)"),
            p("w1", "1/2", "weight 1"),
            p("w2", "-1/4", "weight 2"),
            p("w3", "0", "weight 3"),
            p("g", "-1", "upstream gradient ∂L/∂σ"),
        ],
        build: activation_4,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                // Every input positive: the deck's case (a logistic layer's
                // outputs); |z| ≤ 3 keeps σ(1 − σ) away from 0.
                ("x1", POSITIVE),
                ("x2", POSITIVE),
                ("x3", Draw::Of(&["1/2", "1"])),
                ("w1", HALF),
                ("w2", HALF),
                ("w3", Draw::Of(&["0", "1/4", "-1/4"])),
                ("g", Draw::Of(&["-1", "1", "2", "-1/2"])),
            ])
            .pose(Pose::Custom(pose_4))
            .keep(positive_unsaturated),
        ),
        audit: Audit::Replay(audit_4),
        has_plot: false,
    },
];

/// Central difference of f at z in f64.
fn fd(f: &Activation, z: f64) -> f64 {
    let h = 1e-6 * z.abs().max(1.0);
    (f.apply_f64(z + h, 0) - f.apply_f64(z - h, 0)) / (2.0 * h)
}

fn agrees(d: &Scalar, fd: f64) -> bool {
    (d.to_f64() - fd).abs() <= 1e-6 * d.to_f64().abs().max(1.0)
}

fn verdict(d: &Scalar, fd: f64, at_kink: bool) -> String {
    if agrees(d, fd) {
        "✓ agrees".into()
    } else if at_kink {
        "kink: f' jumps here (convention)".into()
    } else {
        "✗ DIFFERS".into()
    }
}

/// f(z), f'(z) from the rule, the identity the deck states, and a central difference.
fn activation_1(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["z1", "z2", "z3", "z4", "z5"];
    let mut r = start(v, &["z1", "z2", "z3", "z4", "z5", "gamma"], s);
    let zs = vector(v, &names, s);
    let gamma = get(v, "gamma", s);
    // The deck's identity for f' in terms of f(z), in both spellings.
    let funcs: Vec<(&str, Activation, Math)> = vec![
        (
            "logistic σ",
            Activation::Sigmoid,
            Math::new("f' = σ(z)(1 - σ(z))", "f' = \\sigma(z)(1 - \\sigma(z))"),
        ),
        (
            "tanh",
            Activation::Tanh,
            Math::new("f' = 1 - tanh(z)²", "f' = 1 - \\tanh(z)^{2}"),
        ),
        (
            "ReLU",
            Activation::Relu,
            Math::new("f' = I(z > 0)", "f' = I(z > 0)"),
        ),
        (
            "ELU",
            Activation::Elu(gamma.clone()),
            Math::new(
                "f' = I(z > 0) + I(z ≤ 0)·γe^z",
                "f' = I(z > 0) + I(z \\le 0)\\,\\gamma e^{z}",
            ),
        ),
        (
            "softplus",
            Activation::Softplus,
            Math::new("f' = σ(z)", "f' = \\sigma(z)"),
        ),
    ];
    let mut panels = Vec::new();
    for (label, f, identity) in funcs {
        let (rule, deriv) = crate::report::layer_math::rule(&f);
        let f = &f;
        let mut t = Table::new(
            format!("{label}: "),
            &[
                "z",
                "f(z)",
                "f'(z)",
                "identity",
                "central difference",
                "check",
            ],
        )
        .then_math(rule)
        .then_words(" · ")
        .then_math(deriv)
        .then_words(" · identity ")
        .then_math(identity);
        for (n, z) in names.iter().zip(&zs) {
            let (fz, d) = (f.apply(z, 0)?, f.derivative(z, 0)?);
            let ident = identity_value(f, z, &fz, &gamma)?;
            let c = fd(f, z.to_f64());
            let at_kink = f.at_kink(std::slice::from_ref(z));
            let v = verdict(&d, c, at_kink);
            // The check cell says `kink` exactly when the derivative is a
            // convention the central difference cannot confirm.
            let kink = at_kink && !agrees(&d, c);
            t.row(vec![
                z.clone().into(),
                fz.clone().into(),
                d.clone().into(),
                ident.into(),
                Cell::Num(Scalar::Float(c)),
                v.into(),
            ]);
            let key = label.split(' ').next().unwrap_or(label).to_lowercase();
            r.add(format!("{key}({n})"), fz, Kind::Value);
            r.results
                .push(Named::new(format!("{key}'({n})"), d, Kind::Gradient).at_kink(kink));
        }
        r.table(t);
        panels.push(curves(&format!("{label}: f and f'"), f, -4.0, 4.0));
    }
    r.text("Kink convention: ReLU'(0) = 0 as in NNDL's I(z > 0); ELU'(0) = γ from the z ≤ 0 branch. At a kink the central difference averages the two one-sided slopes, so it cannot confirm the value.");
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Activation functions and their derivatives · 激活函数及其导数".into(),
        panels,
    }));
    Ok(r)
}

/// The right-hand side of the deck's derivative identity, computed from f(z).
fn identity_value(f: &Activation, z: &Scalar, fz: &Scalar, gamma: &Scalar) -> Result<Scalar> {
    let one = Scalar::one();
    let positive = z.signum() > 0;
    match f {
        // σ' = σ(1 - σ)
        Activation::Sigmoid => fz.mul(&one.sub(fz)?),
        // tanh' = 1 - tanh²
        Activation::Tanh => one.sub(&fz.mul(fz)?),
        // softplus' = σ
        Activation::Softplus => z.sigmoid(),
        // ReLU' = I(z > 0)
        Activation::Relu => Ok(if positive { one } else { Scalar::zero() }),
        // ELU' = 1 for z > 0, γe^z for z ≤ 0
        Activation::Elu(_) if positive => Ok(one),
        Activation::Elu(_) => gamma.mul(&z.exp()?),
        Activation::Identity
        | Activation::LeakyRelu(_)
        | Activation::Prelu(_)
        | Activation::Maxout(_)
        | Activation::Softmax => Err(crate::error::Error::Invalid {
            what: format!("activation/1's identity for {f}"),
            problem:
                "activation/1 states the deck's identity only for σ, tanh, ReLU, ELU and softplus"
                    .to_string(),
            accepted: "one of those functions".to_string(),
        }),
    }
}

fn activation_2(v: &Values, s: &Settings) -> Result<Report> {
    let names = [
        "z", "gamma", "gamma1", "gamma2", "alpha", "x1", "x2", "w11", "w12", "b1", "w21", "w22",
        "b2",
    ];
    let mut r = start(v, &names, s);
    let z = get(v, "z", s);
    let prelu = Activation::Prelu(vec![get(v, "gamma1", s), get(v, "gamma2", s)]);
    let funcs = [
        (
            "Leaky ReLU",
            Activation::LeakyRelu(get(v, "gamma", s)),
            0usize,
        ),
        ("PReLU unit 1", prelu.clone(), 0),
        ("PReLU unit 2", prelu, 1),
        ("ELU", Activation::Elu(get(v, "alpha", s)), 0),
    ];
    let mut t = Table::new(
        "The ReLU family at z · ReLU函数的改进 (f'(0) takes the z ≤ 0 branch)",
        &[
            "function",
            "rule",
            "f(z)",
            "f'(z)",
            "central difference",
            "check",
        ],
    );
    for (label, f, unit) in &funcs {
        let (mut rule, _) = crate::report::layer_math::rule(f);
        // The shared rule says γ; here γ is Leaky ReLU's input. Name the
        // slope each row really uses: PReLU's γ_i, and ELU's α (PKU, input alpha).
        match f {
            Activation::Prelu(_) => {
                rule = rule.rewrite(
                    |p| p.replace("γz", &format!("γ_{}·z", unit + 1)),
                    |l| l.replace("\\gamma", &format!("\\gamma_{{{}}}", unit + 1)),
                )
            }
            Activation::Elu(_) => {
                rule = rule.rewrite(|p| p.replace('γ', "α"), |l| l.replace("\\gamma", "\\alpha"))
            }
            _ => {}
        }
        let (fz, d) = (f.apply(&z, *unit)?, f.derivative(&z, *unit)?);
        let h = 1e-6 * z.to_f64().abs().max(1.0);
        let c =
            (f.apply_f64(z.to_f64() + h, *unit) - f.apply_f64(z.to_f64() - h, *unit)) / (2.0 * h);
        t.row(vec![
            label.to_string().into(),
            rule.into(),
            fz.clone().into(),
            d.clone().into(),
            Cell::Num(Scalar::Float(c)),
            verdict(&d, c, z.is_zero()).into(),
        ]);
        r.add(format!("{label}(z)"), fz, Kind::Value);
        // A kink where the central difference cannot confirm f'(0).
        let kink = z.is_zero() && !agrees(&d, c);
        r.results
            .push(Named::new(format!("{label}'(z)"), d, Kind::Gradient).at_kink(kink));
    }
    r.table(t);
    r.text("PKU writes Leaky ReLU as max(0.1x, x): the same function as NNDL's max(0, x) + γ min(0, x) for γ = 0.1 < 1. PReLU is Leaky ReLU with a learned γ_i for each unit i.");
    maxout_table(&mut r, v, s)?;
    let panels = vec![
        curves("Leaky ReLU: f and f'", &funcs[0].1, -4.0, 4.0),
        curves("ELU: f and f'", &funcs[3].1, -4.0, 4.0),
    ];
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Leaky ReLU and ELU with their derivatives".into(),
        panels,
    }));
    Ok(r)
}

/// Maxout with two pieces: the largest piece wins and takes the whole gradient.
fn maxout_table(r: &mut Report, v: &Values, s: &Settings) -> Result<()> {
    let x = vector(v, &["x1", "x2"], s);
    let w = [vector(v, &["w11", "w12"], s), vector(v, &["w21", "w22"], s)];
    let b = [get(v, "b1", s), get(v, "b2", s)];
    let zs = [
        crate::network::dot(&w[0], &x)?.add(&b[0])?,
        crate::network::dot(&w[1], &x)?.add(&b[1])?,
    ];
    let m = Activation::Maxout(2);
    let a = m.forward(&zs)?;
    let one = if s.float {
        Scalar::Float(1.0)
    } else {
        Scalar::one()
    };
    let d = m.backward(&zs, &a, &[one])?;
    let mut t = Table::new(
        "Maxout max(w1ᵀx + b1, w2ᵀx + b2) · gradient routed to the winning piece",
        &[
            "piece k",
            "z_k = w_kᵀx + b_k",
            "value",
            "∂a/∂z_k",
            "∂a/∂w_k = (∂a/∂z_k)·x",
            "∂a/∂b_k",
        ],
    )
    .math_header(vec![
        Math::new("z_k = w_kᵀx + b_k", "z_k = w_k^{\\top} x + b_k"),
        Math::new("∂a/∂z_k", "\\frac{\\partial a}{\\partial z_k}"),
        Math::new(
            "∂a/∂w_k = (∂a/∂z_k)·x",
            "\\frac{\\partial a}{\\partial w_k} = \\frac{\\partial a}{\\partial z_k}\\, x",
        ),
        Math::new("∂a/∂b_k", "\\frac{\\partial a}{\\partial b_k}"),
    ]);
    for k in 0..2 {
        let how = Sentence::new(
            "{}·{} + {}·{} + {}",
            [&w[k][0], &x[0], &w[k][1], &x[1], &b[k]]
                .into_iter()
                .map(Num::operand)
                .collect(),
        );
        let gw: Vec<Sentence> = x
            .iter()
            .map(|xi| d[k].mul(xi).map(|g| Num::shown(&g).into()))
            .collect::<Result<_>>()?;
        let gw_cell = Sentence::enclosed("(", Sentence::join(gw, ", "), ")");
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            Cell::Sentence(how),
            zs[k].clone().into(),
            d[k].clone().into(),
            Cell::Sentence(gw_cell),
            d[k].clone().into(),
        ]);
    }
    r.table(t);
    r.formula(Math::cat(&[
        Math::new("a = max(", "a = \\max("),
        Math::num(&zs[0]),
        Math::new(", ", ", "),
        Math::num(&zs[1]),
        Math::new(") = ", ") = "),
        Math::num(&a[0]),
    ]));
    let tie = zs[0].cmp_value(&zs[1]).is_eq();
    if tie {
        r.text("Kink: the two pieces tie, where maxout's derivative jumps; the gradient goes to the first piece by convention.");
    }
    r.add("maxout a", a[0].clone(), Kind::Value);
    for (k, dk) in d.iter().enumerate().take(2) {
        r.results
            .push(Named::new(format!("da/dz{}", k + 1), dk.clone(), Kind::Gradient).at_kink(tie));
    }
    Ok(())
}

/// Minimise L = f(x) from x = start by x ← x − η f'(x) until x ≤ goal.
fn descend(
    f: &Activation,
    start: f64,
    goal: f64,
    lr: f64,
    cap: u64,
) -> (u64, Vec<(u64, f64, f64)>) {
    let (mut x, mut k) = (start, 0u64);
    let mut marks = vec![(0, x, f.derivative_f64(x, 0))];
    while x > goal && k < cap {
        x -= lr * f.derivative_f64(x, 0);
        k += 1;
        if k.is_power_of_two() || x <= goal {
            marks.push((k, x, f.derivative_f64(x, 0)));
        }
    }
    (k, marks)
}

fn activation_3(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["start", "goal", "lr"], s);
    let (x0, goal, lr) = (get(v, "start", s), get(v, "goal", s), get(v, "lr", s));
    if x0.cmp_value(&goal).is_le() || lr.signum() <= 0 || goal.signum() <= 0 || x0.to_f64() > 30.0 {
        return Err(Error::Invalid {
            what: "start, goal, lr".into(),
            problem: format!(
                "start = {}, goal = {}, lr = {}",
                x0.show(6),
                goal.show(6),
                lr.show(6)
            ),
            accepted: "need 0 < goal < start ≤ 30 and lr > 0".into(),
        });
    }
    let ds = Activation::Sigmoid.derivative(&x0, 0)?;
    let dr = Activation::Relu.derivative(&x0, 0)?;
    // independent check: σ'(x) = e^(-x) / (1 + e^(-x))²
    let e = (-x0.to_f64()).exp();
    // plain: as the tables show the numbers (`1/4 (0.25)`), with the check;
    // LaTeX: the values alone
    let (p, t) = (
        |v: &Scalar| Math::shown(v).plain_only(),
        |s: &str| Math::new(s, ""),
    );
    let (l, u) = (
        |v: &Scalar| Math::num(v).latex_only(),
        |s: &str| Math::new("", s),
    );
    let check = Scalar::Float(e / (1.0 + e).powi(2));
    r.formula(Math::cat(&[
        t("σ'("),
        p(&x0),
        t(") = σ("),
        p(&x0),
        t(")(1 - σ("),
        p(&x0),
        t(")) = "),
        p(&ds),
        t("   (e^(-x)/(1 + e^(-x))² = "),
        p(&check),
        t(");  ReLU'("),
        p(&x0),
        t(") = "),
        p(&dr),
        u("\\sigma'("),
        l(&x0),
        u(") = "),
        l(&ds),
        u(",\\quad \\operatorname{ReLU}'("),
        l(&x0),
        u(") = "),
        l(&dr),
    ]));
    let cap = 10_000_000;
    let (x, g, l) = (x0.to_f64(), goal.to_f64(), lr.to_f64());
    let mut t = Table::new(
        "Minimising L = f(x) by x ← x - η f'(x) from x = {} until x ≤ {} (step counts 1, 2, 4, 8, … shown)",
        &["activation", "step", "x", "f'(x) = step size / η"],
    )
    .quoting(vec![Num::shown(&x0), Num::shown(&goal)]);
    let mut steps = Vec::new();
    for (name, f) in [("sigmoid", Activation::Sigmoid), ("ReLU", Activation::Relu)] {
        let (k, marks) = descend(&f, x, g, l, cap);
        for (i, xi, di) in marks {
            t.row(vec![
                name.into(),
                Cell::Text(i.to_string()),
                Cell::Num(Scalar::Float(xi)),
                Cell::Num(Scalar::Float(di)),
            ]);
        }
        steps.push(k);
    }
    r.table(t);
    // ∫ dx / (η σ'(x)) = (1/η)[e^x + 2x − e^(−x)] between goal and start
    let prim = |x: f64| x.exp() + 2.0 * x - (-x).exp();
    let estimate = (prim(x) - prim(g)) / l;
    r.sentence(
        format!(
            "Sigmoid needs {} steps, ReLU {} (its slope stays 1). Independent estimate for sigmoid: ∫ dx / (η σ'(x)) = (1/η)[e^x + 2x - e^(-x)] from {{}} to {{}} ≈ {:.0} steps. The sigmoid's steps are tiny near x = {{}} because σ' ≈ e^(-x) there (梯度消失).",
            steps[0], steps[1], estimate
        ),
        vec![Num::shown(&goal), Num::shown(&x0), Num::shown(&x0)],
    );
    r.results = vec![
        Named::new("sigmoid'(start)", ds, Kind::Gradient),
        Named::new("relu'(start)", dr, Kind::Gradient),
        Named::new("steps sigmoid", Scalar::int(steps[0] as i64), Kind::Count),
        Named::new("steps relu", Scalar::int(steps[1] as i64), Kind::Count),
    ];
    Ok(r)
}

fn activation_4(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["x1", "x2", "x3", "w1", "w2", "w3", "g"];
    let mut r = start(v, &names, s);
    let x = vector(v, &["x1", "x2", "x3"], s);
    let w = vector(v, &["w1", "w2", "w3"], s);
    let g = get(v, "g", s);
    r.formula(Math::new("∂L/∂w = ∂L/∂σ · σ(1 - σ) · x   (σ = σ(wᵀx), σ(1 - σ) > 0)", "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\sigma}\\,\\sigma(1 - \\sigma)\\,x"));
    let positive = gradient_signs(
        &mut r,
        "inputs as given (all > 0 for the deck's case)".into(),
        &x,
        &w,
        &g,
    )?;
    let n = Scalar::int(x.len() as i64);
    let mean = crate::activation::sum(&x)?.div(&n)?;
    let centred: Vec<Scalar> = x.iter().map(|xi| xi.sub(&mean)).collect::<Result<_>>()?;
    gradient_signs(
        &mut r,
        Sentence::new(
            "zero-centred inputs x - mean(x), mean = {}",
            vec![Num::shown(&mean)],
        ),
        &centred,
        &w,
        &g,
    )?;
    r.text(if positive {
        "With every x_i > 0, all components of ∂L/∂w share the sign of ∂L/∂σ, so one gradient step moves every weight in the same direction (a zig-zag path); zero-centred inputs give mixed signs."
    } else {
        "Some x_i ≤ 0 here, so the signs can differ; the deck's point needs every x_i > 0."
    });
    Ok(r)
}

/// One table of ∂L/∂w_i, its title beginning with `title`; returns
/// whether all inputs are positive.
fn gradient_signs(
    r: &mut Report,
    title: Sentence,
    x: &[Scalar],
    w: &[Scalar],
    g: &Scalar,
) -> Result<bool> {
    let z = crate::network::dot(w, x)?;
    let sig = z.sigmoid()?;
    let slope = sig.mul(&Scalar::one().sub(&sig)?)?;
    let title = title.then(
        " · z = wᵀx = {}, σ(z) = {}, σ(1 - σ) = {}",
        vec![Num::shown(&z), Num::shown(&sig), Num::shown(&slope)],
    );
    let mut t = Table::quoted(
        title,
        &["i", "x_i", "∂L/∂w_i", "sign", "finite difference", "check"],
    )
    .math_header(vec![
        Math::new("x_i", "x_i"),
        Math::new("∂L/∂w_i", "\\frac{\\partial L}{\\partial w_i}"),
    ]);
    // Independent check: L(w) = g·σ(wᵀx) has exactly this gradient, so a
    // central difference of it in f64 must agree.
    let (xf, wf): (Vec<f64>, Vec<f64>) = (
        x.iter().map(Scalar::to_f64).collect(),
        w.iter().map(Scalar::to_f64).collect(),
    );
    let loss = |w: &[f64]| {
        let z: f64 = w.iter().zip(&xf).map(|(a, b)| a * b).sum();
        g.to_f64() / (1.0 + (-z).exp())
    };
    let mut signs = Vec::new();
    for (i, xi) in x.iter().enumerate() {
        let d = g.mul(&slope)?.mul(xi)?;
        signs.push(d.signum());
        let h = 1e-6 * wf[i].abs().max(1.0);
        let (mut up, mut down) = (wf.clone(), wf.clone());
        up[i] += h;
        down[i] -= h;
        let fd = (loss(&up) - loss(&down)) / (2.0 * h);
        let ok = crate::network::fd_agrees(&d, fd);
        t.row(vec![
            Cell::Text((i + 1).to_string()),
            xi.clone().into(),
            d.clone().into(),
            Cell::Text(["-", "0", "+"][(d.signum() + 1) as usize].into()),
            Cell::Num(Scalar::Float(fd)),
            Cell::Text(if ok { "✓ agrees" } else { "✗ DIFFERS" }.into()),
        ]);
        if r.results.len() < x.len() {
            r.add(format!("dL/dw{}", i + 1), d, Kind::Gradient);
        }
    }
    r.table(t);
    Ok(x.iter().all(|xi| xi.signum() > 0))
}

/// activation/1: each function at each point, `a = f(z)` and `da/dz`.
fn audit_1(v: &Values) -> Result<Plan> {
    let gamma = lit(&v["gamma"]);
    let mut items = Vec::new();
    // In the example's order of results: each function at z1 … z5.
    for key in ["logistic", "tanh", "relu", "elu", "softplus"] {
        for n in ["z1", "z2", "z3", "z4", "z5"] {
            let z = &v[n];
            let src = match key {
                "logistic" => "a = sigmoid(z)".to_string(),
                "tanh" => "a = tanh(z)".to_string(),
                "relu" => "a = relu(z)".to_string(),
                "elu" if z.signum() > 0 => "a = z".to_string(),
                "elu" => format!("a = {gamma}*(exp(z) - 1)"),
                _ => "a = ln(1 + exp(z))".to_string(),
            };
            let it = backward(src, HashMap::from([("z".to_string(), z.clone())]));
            items.push(named(
                it,
                links(&[
                    ("a", &format!("{key}({n})")),
                    ("da/dz", &format!("{key}'({n})")),
                ]),
            ));
        }
    }
    replay(items)
}

/// Leaky ReLU, PReLU and ELU on their branch at z (f'(0) takes the z ≤ 0
/// branch, as the example does), then maxout.
fn audit_2(v: &Values) -> Result<Plan> {
    let z = &v["z"];
    let mut items = Vec::new();
    for (label, slope, elu) in [
        ("Leaky ReLU", "gamma", false),
        ("PReLU unit 1", "gamma1", false),
        ("PReLU unit 2", "gamma2", false),
        ("ELU", "alpha", true),
    ] {
        let g = lit(&v[slope]);
        let src = match (z.signum() > 0, elu) {
            (true, _) => "a = z".to_string(),
            (false, false) => format!("a = {g}*z"),
            (false, true) => format!("a = {g}*(exp(z) - 1)"),
        };
        let it = backward(src, inputs(v, &["z"]));
        items.push(named(
            it,
            links(&[
                ("a", &format!("{label}(z)")),
                ("da/dz", &format!("{label}'(z)")),
            ]),
        ));
    }
    let w = |n: &str| lit(&v[n]);
    let src = format!(
        "z1 = {}*x1 + {}*x2 + {}; z2 = {}*x1 + {}*x2 + {}; a = max(z1, z2)",
        w("w11"),
        w("w12"),
        w("b1"),
        w("w21"),
        w("w22"),
        w("b2")
    );
    let it = backward(src, inputs(v, &["x1", "x2"]));
    items.push(named(
        it,
        links(&[
            ("a", "maxout a"),
            ("da/dz1", "da/dz1"),
            ("da/dz2", "da/dz2"),
        ]),
    ));
    replay(items)
}

/// The rounding audit of activation/3.
fn audit_3(v: &Values) -> Result<Plan> {
    let x = HashMap::from([("x".to_string(), v["start"].clone())]);
    let s = backward("a = sigmoid(x)".into(), x.clone());
    let s = named(s, links(&[("da/dx", "sigmoid'(start)")]));
    let r = backward("a = relu(x)".into(), x);
    let r = named(r, links(&[("da/dx", "relu'(start)")]));
    Ok(Plan::Replay {
        items: vec![s, r],
        note: Some("The step counts come from a loop run in f64 and are not replayed.".to_string()),
    })
}

/// The rounding audit of activation/4.
fn audit_4(v: &Values) -> Result<Plan> {
    let src = format!(
        "z = w1*x1 + w2*x2 + w3*x3; s = sigmoid(z); L = {}*s",
        lit(&v["g"])
    );
    let it = backward(src, inputs(v, &["x1", "x2", "x3", "w1", "w2", "w3"]));
    let names = links(&[
        ("dL/dw1", "dL/dw1"),
        ("dL/dw2", "dL/dw2"),
        ("dL/dw3", "dL/dw3"),
    ]);
    replay(vec![named(it, names)])
}

#[cfg(test)]
mod stmt_tests {
    use crate::catalog::neuron::thousand_draws;

    #[test]
    fn activation_2_draws_z_below_zero_in_1000_draws() {
        // The ReLU family differs from ReLU only for z < 0.
        for p in thousand_draws("activation/2") {
            let z = p.statement.get("z").expect("z");
            let crate::catalog::statement::Value::Number(z) = z else {
                panic!("z is a number")
            };
            assert!(z.signum() < 0, "{}", p.set_value());
        }
    }

    #[test]
    fn activation_4_inputs_are_positive_and_unsaturated_in_1000_draws() {
        for p in thousand_draws("activation/4") {
            let v: Vec<f64> = ["x1", "x2", "x3", "w1", "w2", "w3"]
                .iter()
                .map(|k| {
                    let s = &p.sets.iter().find(|(n, _)| n == k).expect("drawn").1;
                    crate::scalar::Scalar::parse(s).expect("a number").to_f64()
                })
                .collect();
            assert!(v[..3].iter().all(|x| *x > 0.0), "{}", p.set_value());
            let z = v[0] * v[3] + v[1] * v[4] + v[2] * v[5];
            assert!(z.abs() <= 3.0, "{}: z = {z}", p.set_value());
        }
    }

    #[test]
    fn activation_1_asks_elu_below_zero_and_3_no_float_loop() {
        for p in thousand_draws("activation/1") {
            let z4 = p.report.result("elu(z4)").expect("asked");
            assert!(z4.to_f64() < 0.0, "{}", p.set_value());
            assert_eq!(p.find.len(), 10);
        }
        let p = &thousand_draws("activation/3")[0];
        assert!(!p.find.iter().any(|f| f == "steps sigmoid"), "{:?}", p.find);
    }
}
