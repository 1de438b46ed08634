//! forward/4: the PKU deck's four-layer network (Layer 1 input, Layers 2
//! and 3 hidden, Layer 4 output), forward pass neuron by neuron in the
//! deck's scalar form and checked against its matrix form:
//!
//! z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L),   a_i^(L+1) = g(z_i^(L+1)),
//! z^(L+1) = W^(L) a^(L) + b^(L),  W^(L) ∈ R^(d_(L+1) × d_L),  W^(L)_ij = w_ji^(L).
//!
//! PKU counts the input as Layer 1 (a^(1) = x), so its a^(L+1) is the
//! a(L) of NNDL's numbering, while W^(L) keeps the same index in both.

use crate::activation::Activation;
use crate::catalog::common::{BIAS, SMALL, WEIGHT};
use crate::catalog::common::{get, layer, start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::network::{Convention, Network};
use crate::report::layer_math::{sub, sum_of_products};
use crate::report::{Cell, Kind, Math, Num, Report, Sentence, Settings, Table};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, named, replay};
use crate::scalar::Scalar;

/// Layer sizes d_1..d_4 of the example: 2 inputs, 3 and 2 hidden units, 1 output.
const SIZES: [usize; 4] = [2, 3, 2, 1];

/// Inputs and parameters; `wL_ji` is PKU's w_ji^(L), from unit j of Layer
/// L to unit i of Layer L+1.
const PARAMS: &[Param] = &[
    Param::new("x1", "1", "a_1^(1) = x_1"),
    Param::new("x2", "2", "a_2^(1) = x_2"),
    Param::new("w1_11", "1", "w_11^(1): Layer 1 unit 1 → Layer 2 unit 1"),
    Param::new("w1_21", "1/2", "w_21^(1): Layer 1 unit 2 → Layer 2 unit 1"),
    Param::new("w1_12", "-1", "w_12^(1): Layer 1 unit 1 → Layer 2 unit 2"),
    Param::new("w1_22", "1", "w_22^(1): Layer 1 unit 2 → Layer 2 unit 2"),
    Param::new("w1_13", "1", "w_13^(1): Layer 1 unit 1 → Layer 2 unit 3"),
    Param::new("w1_23", "-1", "w_23^(1): Layer 1 unit 2 → Layer 2 unit 3"),
    Param::new("b1_1", "0", "b_1^(1)"),
    Param::new("b1_2", "-1/2", "b_2^(1)"),
    Param::new("b1_3", "1/2", "b_3^(1)"),
    Param::new("w2_11", "1/2", "w_11^(2): Layer 2 unit 1 → Layer 3 unit 1"),
    Param::new("w2_21", "1", "w_21^(2): Layer 2 unit 2 → Layer 3 unit 1"),
    Param::new("w2_31", "1", "w_31^(2): Layer 2 unit 3 → Layer 3 unit 1"),
    Param::new("w2_12", "1", "w_12^(2): Layer 2 unit 1 → Layer 3 unit 2"),
    Param::new("w2_22", "-2", "w_22^(2): Layer 2 unit 2 → Layer 3 unit 2"),
    Param::new("w2_32", "1", "w_32^(2): Layer 2 unit 3 → Layer 3 unit 2"),
    Param::new("b2_1", "-1", "b_1^(2)"),
    Param::new("b2_2", "0", "b_2^(2)"),
    Param::new("w3_11", "2", "w_11^(3): Layer 3 unit 1 → output"),
    Param::new("w3_21", "1", "w_21^(3): Layer 3 unit 2 → output"),
    Param::new("b3_1", "-1", "b_1^(3)"),
];

pub static FORWARD: &[Example] = &[Example {
    topic: "forward",
    number: 4,
    title: "PKU's four-layer network, Layer 1 to Layer 4",
    title_zh: "正向传播 (四层网络)",
    sources: &[
        "PKU deck, 正向传播: 单独看第二层 (第一隐层)、第三层 (第二隐层) 和输出层的一个神经元; Layer 1-4",
        "PKU deck, 神经网络的反向传播 通用标量形式 z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L) and 通用矩阵形式 z^(L+1) = W^(L) a^(L) + b^(L), W^(L)_ij = w_ji^(L)",
        "PKU deck, 输出层: p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3))",
    ],
    params: PARAMS,
    build: forward_4,
    engine: Engine::Report,
    // The hidden layers stay exact; the sigmoid output is a float to 4 decimals.
    exercise: Exercise::Ranges(
        &Ranges::new(&[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w1_11", WEIGHT),
            ("w1_21", WEIGHT),
            ("w1_12", WEIGHT),
            ("w1_22", WEIGHT),
            ("w1_13", WEIGHT),
            ("w1_23", WEIGHT),
            ("b1_1", BIAS),
            ("b1_2", BIAS),
            ("b1_3", BIAS),
            ("w2_11", WEIGHT),
            ("w2_21", WEIGHT),
            ("w2_31", WEIGHT),
            ("w2_12", WEIGHT),
            ("w2_22", WEIGHT),
            ("w2_32", WEIGHT),
            ("b2_1", BIAS),
            ("b2_2", BIAS),
            ("w3_11", WEIGHT),
            ("w3_21", WEIGHT),
            ("b3_1", BIAS),
        ])
        .pose(Pose::Custom(pose))
        .keep(unsaturated),
    ),
    audit: Audit::Replay(audit),
    has_plot: false,
}];

/// The four-layer network in column form: row i of W^(L) holds
/// w_1i^(L), w_2i^(L), … (W^(L)_ij = w_ji^(L)).
pub(crate) fn pku_network(v: &Values, s: &Settings) -> Result<Network> {
    let mut specs = Vec::new();
    for l in 1..SIZES.len() {
        let (ins, outs) = (SIZES[l - 1], SIZES[l]);
        let names: Vec<Vec<String>> = (1..=outs)
            .map(|i| (1..=ins).map(|j| format!("w{l}_{j}{i}")).collect())
            .collect();
        let rows: Vec<Vec<&str>> = names
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let bias: Vec<String> = (1..=outs).map(|i| format!("b{l}_{i}")).collect();
        let bias: Vec<&str> = bias.iter().map(String::as_str).collect();
        let f = if l + 1 == SIZES.len() {
            Activation::Sigmoid
        } else {
            Activation::Relu
        };
        specs.push(layer(v, &rows, &bias, f, s));
    }
    Network::new(Convention::Column, specs)
}

/// The problem in PKU's numbering: Layer 1 is the input, W^(L) and b^(L)
/// lead from Layer L to Layer L+1, given as matrices W^(L)_ij = w_ji^(L).
fn pose(v: &Values) -> Result<Statement> {
    let s = Settings::default();
    let mut st = Statement::default();
    st.line(
        "PKU's four-layer network: Layer 1 is the input, ⟦a^(1) = x⟧ (2 units); Layers 2 and 3 \
         are hidden (3 and 2 units, ⟦g = ReLU⟧, ⟦ReLU(z) = max(0, z)⟧); Layer 4 is the output \
         (1 unit, ⟦g = σ⟧, ⟦σ(z) = 1/(1 + e^(−z))⟧, ⟦a^(4)_1 = p(y = 1 | x)⟧).",
        "PKU 的四层网络: 第 1 层为输入, ⟦a^(1) = x⟧ (2 个单元); 第 2、3 层为隐层 (3 个和 2 个单元, \
         ⟦g = ReLU⟧, ⟦ReLU(z) = max(0, z)⟧); 第 4 层为输出层 (1 个单元, ⟦g = σ⟧, \
         ⟦σ(z) = 1/(1 + e^(−z))⟧, ⟦a^(4)_1 = p(y = 1 | x)⟧)。",
    );
    st.line(
        "⟦z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L)⟧ and ⟦a_i^(L+1) = g(z_i^(L+1))⟧, where \
         ⟦w_ji^(L)⟧ joins unit ⟦j⟧ of Layer ⟦L⟧ to unit ⟦i⟧ of Layer ⟦L+1⟧; in matrix form \
         ⟦z^(L+1) = W^(L) a^(L) + b^(L)⟧ with ⟦W^(L)_ij = w_ji^(L)⟧, given below (row ⟦i⟧: unit ⟦i⟧ \
         of Layer ⟦L+1⟧). Units count from 1.",
        "⟦z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L)⟧, ⟦a_i^(L+1) = g(z_i^(L+1))⟧, 其中 ⟦w_ji^(L)⟧ \
         连接第 ⟦L⟧ 层的单元 ⟦j⟧ 与第 ⟦L+1⟧ 层的单元 ⟦i⟧; 矩阵形式为 ⟦z^(L+1) = W^(L) a^(L) + b^(L)⟧, \
         ⟦W^(L)_ij = w_ji^(L)⟧, 见下 (第 ⟦i⟧ 行: 第 ⟦L+1⟧ 层的单元 ⟦i⟧)。单元从 1 开始编号。",
    );
    st.line(
        "Find ⟦z(L)_i = z_i^(L)⟧ and ⟦a(L)_i = a_i^(L)⟧ of Layers 2, 3 and 4.",
        "求第 2、3、4 层的 ⟦z(L)_i = z_i^(L)⟧ 和 ⟦a(L)_i = a_i^(L)⟧。",
    );
    st.give("x", Value::Vector(vector(v, &["x1", "x2"], &s)));
    for (k, l) in pku_network(v, &s)?.layers.iter().enumerate() {
        st.give(format!("W^({})", k + 1), Value::Matrix(l.w.clone()));
        st.give(format!("b^({})", k + 1), Value::Vector(l.b.clone()));
    }
    Ok(st)
}

/// The sigmoid output stays unsaturated: |z(4)_1| ≤ 3.
fn unsaturated(_: &Values, r: &Report) -> std::result::Result<(), &'static str> {
    crate::catalog::common::unsaturated_result(r, "z(4)_1")
}

/// The layer's name as PKU's figure labels it.
fn layer_title(l: usize) -> &'static str {
    match l {
        2 => "Layer 2 (hidden layer 1, g = ReLU) · 第二层 (第一隐层)",
        3 => "Layer 3 (hidden layer 2, g = ReLU) · 第三层 (第二隐层)",
        _ => "Layer 4 (output layer, σ: p(y = 1 | x)) · 输出层",
    }
}

fn forward_4(v: &Values, s: &Settings) -> Result<Report> {
    let names: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
    let mut r = start(v, &names, s);
    r.formula(Math::new(
        "z_i^(L+1) = Σ_j w_ji^(L) a_j^(L) + b_i^(L),  a_i^(L+1) = g(z_i^(L+1)),  a^(1) = x;  \
         z^(L+1) = W^(L) a^(L) + b^(L),  W^(L)_ij = w_ji^(L)",
        "z_i^{(L+1)} = \\sum_j w_{ji}^{(L)} a_j^{(L)} + b_i^{(L)},\\quad a_i^{(L+1)} = g\\left(z_i^{(L+1)}\\right),\\quad a^{(1)} = x;\\quad z^{(L+1)} = W^{(L)} a^{(L)} + b^{(L)},\\ W^{(L)}_{ij} = w_{ji}^{(L)}",
    ));
    r.text("PKU counts the input as Layer 1, so the first hidden layer is Layer 2 and its activations are a^(2); W^(L) and b^(L) lead from Layer L to Layer L+1. The deck's figure is missing from the text; this network has 2 inputs, 3 and 2 hidden ReLU units, and one sigmoid output, whose last step is the deck's p(y = 1 | x) = σ(w_11^(3) a_1^(3) + w_21^(3) a_2^(3) + b_1^(3)).");
    let net = pku_network(v, s)?;
    let x = vector(v, &["x1", "x2"], s);
    let mut shapes = Table::new(
        "Shapes · 维度: ",
        &["from → to", "a^(L)", "W^(L)", "b^(L)", "z^(L+1)"],
    )
    .then_math(Math::new(
        "W^(L) ∈ R^(d_(L+1) × d_L)",
        "W^{(L)} \\in \\mathbb{R}^{d_{L+1} \\times d_{L}}",
    ))
    .math_header(vec![
        Math::new("a^(L)", "a^{(L)}"),
        Math::new("W^(L)", "W^{(L)}"),
        Math::new("b^(L)", "b^{(L)}"),
        Math::new("z^(L+1)", "z^{(L+1)}"),
    ]);
    for l in 1..SIZES.len() {
        let (d, e) = (SIZES[l - 1], SIZES[l]);
        shapes.row(vec![
            Cell::Text(format!("Layer {l} → Layer {}", l + 1)),
            Cell::Text(format!("{d}")),
            Cell::Text(format!("{e}×{d}")),
            Cell::Text(format!("{e}")),
            Cell::Text(format!("{e}×{d} · {d} + {e} = {e}")),
        ]);
    }
    r.table(shapes);
    // Neuron by neuron, the deck's scalar form, summed here term by term.
    let mut a: Vec<Scalar> = x.clone();
    let mut by_neuron: Vec<Vec<Scalar>> = Vec::new();
    for (idx, lay) in net.layers.iter().enumerate() {
        let l = idx + 1; // W^(l) leads from Layer l to Layer l+1
        let mut t = Table::new(layer_title(l + 1), &["quantity", "computed as", "value"]);
        let mut z_next = Vec::new();
        for i in 0..lay.units() {
            // Σ_j w_ji^(l) a_j^(l), then + b_i^(l), read from the inputs by name.
            let mut z = Scalar::zero();
            let mut pairs = Vec::new();
            for (j, a_j) in a.iter().enumerate() {
                let w = get(v, &format!("w{l}_{}{}", j + 1, i + 1), s);
                z = z.add(&w.mul(a_j)?)?;
                pairs.push(w);
            }
            let b = get(v, &format!("b{l}_{}", i + 1), s);
            z = z.add(&b)?;
            let shown: Vec<(&Scalar, &Scalar)> = pairs.iter().zip(a.iter()).collect();
            t.row(vec![
                sub("z", l + 1, i + 1).into(),
                sum_of_products(&shown, Some(&b)).into(),
                z.clone().into(),
            ]);
            z_next.push(z);
        }
        let a_next = lay.activation.forward(&z_next)?;
        for (i, (z, y)) in z_next.iter().zip(&a_next).enumerate() {
            let rule = match lay.activation {
                Activation::Sigmoid => "σ({})",
                _ => "ReLU({})",
            };
            t.row(vec![
                sub("a", l + 1, i + 1).into(),
                Cell::Sentence(Sentence::new(rule, vec![Num::bare(z)])),
                y.clone().into(),
            ]);
        }
        r.table(t);
        by_neuron.push(z_next);
        a = a_next;
    }
    // The matrix form computed by the network engine must give the same z.
    let fwd = net.forward(&x)?;
    let same = fwd.iter().zip(&by_neuron).all(|(f, z)| f.z == *z);
    r.text(if same {
        "The matrix form z^(L+1) = W^(L) a^(L) + b^(L), computed layer by layer by the network engine, gives exactly these z ✓."
    } else {
        "The matrix form z^(L+1) = W^(L) a^(L) + b^(L) gives different z ✗."
    });
    for (idx, f) in fwd.iter().enumerate() {
        let l = idx + 2;
        for (i, z) in f.z.iter().enumerate() {
            r.add(format!("z({l})_{}", i + 1), z.clone(), Kind::Value);
        }
        for (i, y) in f.a.iter().enumerate() {
            r.add(format!("a({l})_{}", i + 1), y.clone(), Kind::Value);
        }
    }
    Ok(r)
}

/// The `--round-each` plan: the forward pass as a program of the expression
/// language, one statement per z and a (`z2_1 = w1_11*x1 + w1_21*x2 + b1_1;
/// a2_1 = relu(z2_1); …`), each linked to the result of the same name.
fn audit(v: &Values) -> Result<Plan> {
    let mut src = Vec::new();
    let mut names = Vec::new();
    for l in 1..SIZES.len() {
        for i in 1..=SIZES[l] {
            let terms: Vec<String> = (1..=SIZES[l - 1])
                .map(|j| {
                    let below = if l == 1 {
                        format!("x{j}")
                    } else {
                        format!("a{l}_{j}")
                    };
                    format!("w{l}_{j}{i}*{below}")
                })
                .collect();
            let f = if l + 1 == SIZES.len() {
                "sigmoid"
            } else {
                "relu"
            };
            let n = l + 1;
            src.push(format!("z{n}_{i} = {} + b{l}_{i}", terms.join(" + ")));
            src.push(format!("a{n}_{i} = {f}(z{n}_{i})"));
        }
        // In the example's order: the layer's z, then its a.
        let n = l + 1;
        for q in ["z", "a"] {
            for i in 1..=SIZES[l] {
                names.push((format!("{q}{n}_{i}"), format!("{q}({n})_{i}")));
            }
        }
    }
    let last = format!("a{}_1", SIZES.len());
    let item = forward(src.join("; "), v.clone(), &[&last]);
    replay(vec![named(item, names)])
}
