//! forward/1-3: the forward pass layer by layer in both notations (NNDL,
//! PKU, CAL 2-2-1; JQ row vectors) and the three kinds of output layer (PKU).

use crate::activation::Activation;
use crate::catalog::common::{BIAS, HALF, SMALL, WEIGHT};
use crate::catalog::common::{layer, start, vector};
use crate::catalog::statement::{Pose, Statement, Value, of_pass};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::network::{Convention, Network, transpose};
use crate::network::{LayerSpec, Pass};
use crate::report::Kind;
use crate::report::layer_math::formulas;
use crate::report::net::forward_results;
use crate::report::network::forward_tables;
use crate::report::{Block, Cell, Figure, Math, Num, Report, Settings, Table};
use crate::rounding::plan::{links, replay, replay_pass};
use crate::rounding::{Item, Plan, Source};

/// The CAL 2-2-1 network, W(l) out×in: W(l)_ij joins input j to unit i.
pub(crate) const COLUMN: &[Param] = &[
    Param::new("x1", "1", "input 1 (CAL x_0^1)"),
    Param::new("x2", "2", "input 2 (CAL x_1^1)"),
    Param::new("w1_11", "1", "W(1)_11: input 1 → hidden 1"),
    Param::new("w1_12", "-1/2", "W(1)_12: input 2 → hidden 1"),
    Param::new("w1_21", "1/2", "W(1)_21: input 1 → hidden 2"),
    Param::new("w1_22", "1", "W(1)_22: input 2 → hidden 2"),
    Param::new("b1_1", "1/4", "b(1)_1"),
    Param::new("b1_2", "-1", "b(1)_2"),
    Param::new("w2_11", "2", "W(2)_11: hidden 1 → output"),
    Param::new("w2_12", "-1", "W(2)_12: hidden 2 → output"),
    Param::new("b2_1", "1/2", "b(2)_1"),
];

/// The same network in JQ's row notation, W(l) in×out: W(l)_kj joins input k to unit j.
const ROW: &[Param] = &[
    Param::new("x1", "1", "h(0)_1"),
    Param::new("x2", "2", "h(0)_2"),
    Param::new("w1_11", "1", "W(1)_11: input 1 → hidden 1"),
    Param::new("w1_12", "1/2", "W(1)_12: input 1 → hidden 2"),
    Param::new("w1_21", "-1/2", "W(1)_21: input 2 → hidden 1"),
    Param::new("w1_22", "1", "W(1)_22: input 2 → hidden 2"),
    Param::new("b1_1", "1/4", "b(1)_1"),
    Param::new("b1_2", "-1", "b(1)_2"),
    Param::new("w2_11", "2", "W(2)_11: hidden 1 → output"),
    Param::new("w2_21", "-1", "W(2)_21: hidden 2 → output"),
    Param::new("b2_1", "1/2", "b(2)_1"),
];

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "forward",
        number: 1,
        title: "Forward pass of a 2-2-1 network, column notation",
        title_zh: "前向传播 (列向量记号)",
        sources: &[
            "NNDL, 信息传递过程: z(l) = W(l) a(l-1) + b(l), a(l) = f_l(z(l))",
            "PKU deck, 通用矩阵形式 W ∈ R^(d_(L+1) × d_L)",
            "CAL deck, 前向传播算法: the 2-2-1 network (x_j^2 = f(Σ_i w_ij^1 x_i^1 + b_j^1))",
        ],
        params: COLUMN,
        build: forward_1,
        engine: Engine::Layers(pass_1),
        exercise: Exercise::Ranges(&Ranges::new(&[
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
        ])),
        audit: Audit::Replay(audit_1),
        has_plot: false,
    },
    Example {
        topic: "forward",
        number: 2,
        title: "The same network in JQ's row notation",
        title_zh: "前向传播 (行向量记号)",
        sources: &[
            "JQ deck, 神经网络-激活函数: h(i) = f(h(i-1) W(i) + b(i)), 输入 1×m, W 为 m×n, 输出 1×n",
        ],
        params: ROW,
        build: forward_2,
        engine: Engine::Report,
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
                ("w2_21", WEIGHT),
                ("b2_1", BIAS),
            ])
            .pose(Pose::Custom(pose_2)),
        ),
        audit: Audit::Replay(audit_2),
        has_plot: false,
    },
    Example {
        topic: "forward",
        number: 3,
        title: "Output layers: sigmoid, identity, softmax",
        title_zh: "输出层的设计",
        sources: &["PKU deck, 输出层: 二分类用 sigmoid, 回归直接输出, K 分类用 softmax"],
        params: &[
            Param::new("a1", "1", "a(3)_1, last hidden activation 1"),
            Param::new("a2", "2", "a(3)_2, last hidden activation 2"),
            Param::new("w11", "1/2", "binary/regression weight of a1"),
            Param::new("w21", "-1/4", "binary/regression weight of a2"),
            Param::new("b1", "0", "binary/regression bias"),
            Param::new("v11", "1", "softmax weight a1 → class 1"),
            Param::new("v21", "0", "softmax weight a2 → class 1"),
            Param::new("v12", "0", "softmax weight a1 → class 2"),
            Param::new("v22", "1/2", "softmax weight a2 → class 2"),
            Param::new("v13", "-1", "softmax weight a1 → class 3"),
            Param::new("v23", "1", "softmax weight a2 → class 3"),
            Param::new("c1", "0", "softmax bias of class 1"),
            Param::new("c2", "0", "softmax bias of class 2"),
            Param::new("c3", "-1", "softmax bias of class 3"),
        ],
        build: forward_3,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("a1", SMALL),
                ("a2", SMALL),
                ("w11", HALF),
                ("w21", HALF),
                ("b1", BIAS),
                ("v11", HALF),
                ("v21", HALF),
                ("v12", HALF),
                ("v22", HALF),
                ("v13", HALF),
                ("v23", HALF),
                ("c1", Draw::Int(-1, 1)),
                ("c2", Draw::Int(-1, 1)),
                ("c3", Draw::Int(-1, 1)),
            ])
            .pose(Pose::Custom(pose_3))
            .keep(unsaturated_3),
        ),
        audit: Audit::Replay(audit_3),
        has_plot: true,
    },
];

fn names(ps: &[Param]) -> Vec<&'static str> {
    ps.iter().map(|p| p.name).collect()
}

pub(crate) fn cal_network(v: &Values, s: &Settings) -> Result<Network> {
    let l1 = layer(
        v,
        &[&["w1_11", "w1_12"], &["w1_21", "w1_22"]],
        &["b1_1", "b1_2"],
        Activation::Relu,
        s,
    );
    let l2 = layer(
        v,
        &[&["w2_11", "w2_12"]],
        &["b2_1"],
        Activation::Identity,
        s,
    );
    Network::new(Convention::Column, vec![l1, l2])
}

fn forward_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &names(COLUMN), s);
    r.formula(formulas(Convention::Column));
    r.text("Hidden layer f = ReLU, output g = identity (CAL leaves f and g open; these keep every number exact). CAL's 0-based w^1_(i,j), input i → hidden j, is W(1)_(j+1, i+1) here.");
    let net = cal_network(v, s)?;
    let x = vector(v, &["x1", "x2"], s);
    let fwd = net.forward(&x)?;
    forward_tables(&mut r, &net, &x, &fwd);
    r.text("Note: CAL's output sum runs j = 0..2, but the network has two hidden units, j = 0..1 (see the errata page).");
    forward_results(&mut r, &fwd);
    Ok(r)
}

/// forward/2's layers in JQ's row notation, h = f(h W + b) (W is in×out):
/// the report and the rounding audit both build the network from them.
fn row_layers(v: &Values, s: &Settings) -> Vec<LayerSpec> {
    let l1 = layer(
        v,
        &[&["w1_11", "w1_12"], &["w1_21", "w1_22"]],
        &["b1_1", "b1_2"],
        Activation::Relu,
        s,
    );
    let l2 = layer(
        v,
        &[&["w2_11"], &["w2_21"]],
        &["b2_1"],
        Activation::Identity,
        s,
    );
    vec![l1, l2]
}

/// forward/2's network.
fn row_network(v: &Values, s: &Settings) -> Result<Network> {
    Network::new(Convention::Row, row_layers(v, s))
}

fn forward_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &names(ROW), s);
    r.formula(formulas(Convention::Row));
    let layers = row_layers(v, s);
    let column = Network::new(
        Convention::Column,
        layers
            .iter()
            .map(|l| LayerSpec {
                weights: transpose(&l.weights),
                ..l.clone()
            })
            .collect(),
    )?;
    let net = Network::new(Convention::Row, layers)?;
    let mut shapes = Table::new(
        "Shapes · 维度 (JQ: 输入 1×m, 权重 m×n, 输出 1×n)",
        &[
            "layer",
            "h(l-1)",
            "W(l)",
            "b(l)",
            "h(l) = f(h(l-1) W(l) + b(l))",
        ],
    );
    for (i, l) in net.layers.iter().enumerate() {
        let (m, n) = (l.inputs(), l.units());
        shapes.row(vec![
            Cell::Text((i + 1).to_string()),
            Cell::Text(format!("1×{m}")),
            Cell::Text(format!("{m}×{n}")),
            Cell::Text(format!("1×{n}")),
            Cell::Text(format!("1×{m} · {m}×{n} + 1×{n} = 1×{n}")),
        ]);
    }
    r.table(shapes);
    let x = vector(v, &["x1", "x2"], s);
    let fwd = net.forward(&x)?;
    forward_tables(&mut r, &net, &x, &fwd);
    let same = column.forward(&x)? == fwd;
    r.text(format!(
        "Computed in the column notation of forward/1 (z = W a + b with each W(l) transposed), the network gives {}: the two notations differ only in how W is written. JQ calls the outputs h(l); they are the a(l) of the tables.",
        if same { "exactly the same z and a ✓" } else { "different numbers ✗" }
    ));
    forward_results(&mut r, &fwd);
    Ok(r)
}

/// forward/2's problem: its row-notation network layer by layer, with
/// JQ's name for the outputs.
fn pose_2(v: &Values) -> Result<Statement> {
    let s = Settings::default();
    let mut st = of_pass(&(row_network(v, &s)?, vector(v, &["x1", "x2"], &s), None));
    st.line(
        "JQ writes the layer outputs as ⟦h(l) = a(l)⟧, with ⟦h(0) = x⟧. Find every ⟦z(l)_i⟧ and \
         ⟦a(l)_i⟧.",
        "JQ 把各层输出记为 ⟦h(l) = a(l)⟧, ⟦h(0) = x⟧。求所有 ⟦z(l)_i⟧ 和 ⟦a(l)_i⟧。",
    );
    Ok(st)
}

/// forward/3's problem: the last hidden layer's output a and the three
/// output layers in PKU's row notation.
fn pose_3(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "The last hidden layer outputs ⟦a = (a1, a2)⟧. Each output layer below is in row \
         notation, as PKU's ⟦w_jk⟧ joins input ⟦j⟧ to output ⟦k⟧: ⟦z_k = Σ_j a_j W_jk + b_k⟧.",
        "最后一个隐层的输出为 ⟦a = (a1, a2)⟧。下面每个输出层都用行向量记号, 与 PKU 的 ⟦w_jk⟧ \
         (输入 ⟦j⟧ 到输出 ⟦k⟧) 一致: ⟦z_k = Σ_j a_j W_jk + b_k⟧。",
    );
    st.line(
        "Binary classification: one unit ⟦z = a1 W_11 + a2 W_21 + b_1⟧ and \
         ⟦p(y=1|x) = σ(z) = 1/(1 + e^(−z))⟧; find sigmoid ⟦p(y=1|x)⟧.",
        "二分类: 一个单元 ⟦z = a1 W_11 + a2 W_21 + b_1⟧, ⟦p(y=1|x) = σ(z) = 1/(1 + e^(−z))⟧; \
         求 sigmoid ⟦p(y=1|x)⟧。",
    );
    st.line(
        "Regression: the same unit with the identity as output function, ⟦f(x) = z⟧; find ⟦f(x)⟧.",
        "回归: 同一个单元, 输出函数为恒等函数, ⟦f(x) = z⟧; 求 ⟦f(x)⟧。",
    );
    st.line(
        "⟦K = 3⟧ classes: ⟦z_k = Σ_j a_j V_jk + c_k⟧ and \
         ⟦p(y=k|x) = softmax(z)_k = e^(z_k) / Σ_i e^(z_i)⟧, ⟦k = 1, 2, 3⟧ (classes count from 1); find softmax ⟦p(y=k|x)⟧ \
         for each ⟦k⟧.",
        "⟦K = 3⟧ 分类: ⟦z_k = Σ_j a_j V_jk + c_k⟧, ⟦p(y=k|x) = softmax(z)_k = e^(z_k) / Σ_i e^(z_i)⟧, \
         ⟦k = 1, 2, 3⟧ (类别从 1 开始编号); 对每个 ⟦k⟧ 求 softmax ⟦p(y=k|x)⟧。",
    );
    let g = |n: &str| v[n].clone();
    st.give("a", Value::Vector(vec![g("a1"), g("a2")]));
    st.give("W", Value::Matrix(vec![vec![g("w11")], vec![g("w21")]]));
    st.give("b", Value::Vector(vec![g("b1")]));
    st.give(
        "V",
        Value::Matrix(vec![
            vec![g("v11"), g("v12"), g("v13")],
            vec![g("v21"), g("v22"), g("v23")],
        ]),
    );
    st.give("c", Value::Vector(vec![g("c1"), g("c2"), g("c3")]));
    Ok(st)
}

/// forward/3's sigmoid head stays unsaturated: |z| = |f(x)| ≤ 3.
fn unsaturated_3(_: &Values, r: &Report) -> std::result::Result<(), &'static str> {
    crate::catalog::common::unsaturated_result(r, "f(x)")
}

/// forward/3's one-unit output head (sigmoid or identity) on a = (a1, a2),
/// row notation: z = a1·w11 + a2·w21 + b1.
pub(super) fn forward_3_unit(v: &Values, f: Activation, s: &Settings) -> Result<Network> {
    Network::new(
        Convention::Row,
        vec![layer(v, &[&["w11"], &["w21"]], &["b1"], f, s)],
    )
}

/// forward/3's softmax head: three units, z_k = Σ_j a_j v_jk + c_k.
pub(super) fn forward_3_softmax(v: &Values, s: &Settings) -> Result<Network> {
    Network::new(
        Convention::Row,
        vec![layer(
            v,
            &[&["v11", "v12", "v13"], &["v21", "v22", "v23"]],
            &["c1", "c2", "c3"],
            Activation::Softmax,
            s,
        )],
    )
}

fn forward_3(v: &Values, s: &Settings) -> Result<Report> {
    let all: Vec<&str> = EXAMPLES[2].params.iter().map(|p| p.name).collect();
    let mut r = start(v, &all, s);
    let a = vector(v, &["a1", "a2"], s);
    r.text("PKU writes the output layer with w_jk^(3): input j, output k, i.e. the row notation z_k = Σ_j a_j w_jk + b_k.");
    for (plain, latex) in [
        ("p(y = 1 | x) = σ(z)", "p(y = 1 \\mid x) = \\sigma(z)"),
        ("f(x) = z", "f(x) = z"),
        (
            "p(y = k | x) = softmax(z)_k",
            "p(y = k \\mid x) = \\operatorname{softmax}(z)_k",
        ),
    ] {
        r.heading_formula(Math::new(plain, latex));
    }
    let heads = [
        (
            "Binary classification · 二分类: p(y = 1 | x) = σ(z)",
            Activation::Sigmoid,
            "sigmoid p(y=1|x)",
        ),
        ("Regression · 回归: f(x) = z", Activation::Identity, "f(x)"),
    ];
    for (title, f, key) in heads {
        r.heading(title);
        let net = forward_3_unit(v, f, s)?;
        let fwd = net.forward(&a)?;
        forward_tables(&mut r, &net, &a, &fwd);
        r.add(key, fwd[0].a[0].clone(), Kind::Value);
    }
    r.heading("K classes · K 分类: p(y = k | x) = softmax(z)_k");
    let net = forward_3_softmax(v, s)?;
    let fwd = net.forward(&a)?;
    forward_tables(&mut r, &net, &a, &fwd);
    let total = crate::activation::sum(&fwd[0].a)?;
    r.sentence(
        "The K probabilities sum to {} (softmax normalises).",
        vec![Num::shown(&total)],
    );
    for (k, y) in fwd[0].a.iter().enumerate() {
        r.add(format!("softmax p(y={}|x)", k + 1), y.clone(), Kind::Value);
    }
    r.blocks.push(Block::Figure(Figure::Bars {
        title: "Softmax output p(y = k | x)".into(),
        labels: (1..=fwd[0].a.len()).map(|k| format!("k = {k}")).collect(),
        values: fwd[0].a.iter().map(|y| y.to_f64()).collect(),
        y_label: "p(y = k | x)".into(),
    }));
    Ok(r)
}

/// The rounding audit of forward/2: its row-notation network, each z and a
/// linked to the result of the same name.
fn audit_2(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let p = (row_network(v, &s)?, vector(v, &["x1", "x2"], &s), None);
    Ok(replay_pass(p))
}

/// The rounding audit of forward/3.
fn audit_3(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let a = vector(v, &["a1", "a2"], &s);
    let mut items = Vec::new();
    let heads = [
        (Activation::Sigmoid, "sigmoid p(y=1|x)"),
        (Activation::Identity, "f(x)"),
    ];
    for (f, key) in heads {
        let net = super::forward::forward_3_unit(v, f, &s)?;
        items.push(Item {
            kind: Source::Layers((net, a.clone(), None)),
            names: links(&[("a(1)_1", key)]),
            uses: Vec::new(),
        });
    }
    let net = super::forward::forward_3_softmax(v, &s)?;
    items.push(Item {
        kind: Source::Layers((net, a, None)),
        names: (1..=3)
            .map(|k| (format!("a(1)_{k}"), format!("softmax p(y={k}|x)")))
            .collect(),
        uses: Vec::new(),
    });
    replay(items)
}

/// forward/1 as a layer problem: the CAL network at x, forward only.
fn pass_1(v: &Values) -> Result<Pass> {
    let s = Settings::default();
    Ok((cal_network(v, &s)?, vector(v, &["x1", "x2"], &s), None))
}

/// The rounding audit of forward/1: its layer problem, each z and a linked
/// to the result of the same name.
fn audit_1(v: &Values) -> Result<Plan> {
    Ok(replay_pass(pass_1(v)?))
}

#[cfg(test)]
mod stmt_tests {
    use crate::catalog::neuron::thousand_draws;

    #[test]
    fn the_sigmoid_outputs_are_never_saturated_in_1000_draws() {
        for (id, z) in [("forward/3", "f(x)"), ("forward/4", "z(4)_1")] {
            for p in thousand_draws(id) {
                let z = p.report.result(z).expect("z").to_f64();
                assert!(z.abs() <= 3.0, "{id} {}: z = {z}", p.set_value());
            }
        }
    }
}
