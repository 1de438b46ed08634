//! backprop/6: NNDL's step ∂z(l)/∂w_ij(l) = 𝕀_i(a_j(l-1)) on its own. In
//! z(l) = W(l) a(l-1) + b(l) the weight w_ij appears only in z_i, multiplied
//! by a_j, so the derivative of the whole vector z(l) with respect to w_ij is
//! the vector with a_j in place i and 0 elsewhere; with δ(l) = ∂L/∂z(l),
//! ∂L/∂w_ij = 𝕀_i(a_j)ᵀ δ(l) = δ_i a_j, the (i, j) entry of δ(l) a(l-1)ᵀ
//! (NNDL, 反向传播算法).
//!
//! The check: z is linear in w_ij, so raising w_ij by 1 changes each z_k by
//! exactly ∂z_k/∂w_ij; the example recomputes z with the network engine at
//! w_ij + 1 and compares the exact differences.

use crate::activation::Activation;
use crate::catalog::common::{BIAS, HALF, SMALL, WEIGHT};
use crate::catalog::common::{count, layer, start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::network::{Convention, Network};
use crate::report::layer_math::sum_of_products;
use crate::report::{Cell, Kind, Math, Named, Num, Report, Sentence, Settings, Table};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, named, replay};
use crate::scalar::Scalar;

const PARAMS: &[Param] = &[
    Param::new("a1", "2", "a_1(l-1)"),
    Param::new("a2", "-1", "a_2(l-1)"),
    Param::new("w11", "1", "W(l)_11"),
    Param::new("w12", "0", "W(l)_12"),
    Param::new("w21", "-1", "W(l)_21"),
    Param::new("w22", "1/2", "W(l)_22"),
    Param::new("w31", "1/2", "W(l)_31"),
    Param::new("w32", "2", "W(l)_32"),
    Param::new("b1", "0", "b(l)_1"),
    Param::new("b2", "1", "b(l)_2"),
    Param::new("b3", "-1", "b(l)_3"),
    Param::new("i", "2", "row i of the weight w_ij (1-3)"),
    Param::new("j", "1", "column j of the weight w_ij (1-2)"),
    Param::new("d1", "1/2", "δ(l)_1 = ∂L/∂z(l)_1, from the layer above"),
    Param::new("d2", "-1", "δ(l)_2"),
    Param::new("d3", "1/4", "δ(l)_3"),
];

pub static BACKPROP: &[Example] = &[Example {
    topic: "backprop",
    number: 6,
    title: "One weight moves one z: ∂z/∂w_ij = I_i(a_j)",
    title_zh: "反向传播算法: ∂z/∂w_ij = 𝕀_i(a_j)",
    sources: &[
        "NNDL, 反向传播算法: ∂z(l)/∂w_ij(l) = [0, …, a_j(l-1), …, 0] ≜ 𝕀_i(a_j(l-1)), and ∂L/∂w_ij(l) = 𝕀_i(a_j(l-1)) δ(l) = δ_i(l) a_j(l-1)",
    ],
    params: PARAMS,
    build: backprop_6,
    engine: Engine::Report,
    // Every number stays exact.
    exercise: Exercise::Ranges(
        &Ranges::new(&[
            ("a1", SMALL),
            ("a2", SMALL),
            ("w11", WEIGHT),
            ("w12", WEIGHT),
            ("w21", WEIGHT),
            ("w22", WEIGHT),
            ("w31", WEIGHT),
            ("w32", WEIGHT),
            ("b1", BIAS),
            ("b2", BIAS),
            ("b3", BIAS),
            ("i", Draw::Int(1, 3)),
            ("j", Draw::Int(1, 2)),
            ("d1", HALF),
            ("d2", HALF),
            ("d3", HALF),
        ])
        .pose(Pose::Custom(pose)),
    ),
    audit: Audit::Replay(audit),
    has_plot: false,
}];

/// backprop/6's problem: one layer, the weight w_ij, and δ from above.
fn pose(v: &Values) -> Result<Statement> {
    let (i, j) = (count(v, "i", 1, 3)?, count(v, "j", 1, 2)?);
    let s = Settings::default();
    let rows = [["w11", "w12"], ["w21", "w22"], ["w31", "w32"]];
    let mut st = Statement::default();
    st.line(
        format!(
            "One layer with 2 inputs and 3 units, column notation: ⟦z(l) = W(l) a(l−1) + b(l)⟧, \
             ⟦W(l)⟧ is ⟦3×2⟧ and ⟦w_ij = W(l)_ij⟧ joins input ⟦j⟧ to unit ⟦i⟧ (indices count from 1). \
             ⟦δ(l) = ∂L/∂z(l)⟧ is given from the layer above. Here ⟦i = {i}⟧, ⟦j = {j}⟧."
        ),
        format!(
            "一层网络, 2 个输入、3 个单元, 列向量记号: ⟦z(l) = W(l) a(l−1) + b(l)⟧, ⟦W(l)⟧ 为 ⟦3×2⟧, \
             ⟦w_ij = W(l)_ij⟧ 连接输入 ⟦j⟧ 与单元 ⟦i⟧ (下标从 1 开始)。⟦δ(l) = ∂L/∂z(l)⟧ 由上一层给出。\
             这里 ⟦i = {i}⟧, ⟦j = {j}⟧。"
        ),
    );
    st.line(
        format!(
            "Find each ⟦z(l)_k⟧, each ⟦∂z_k/∂w_{i}{j}⟧ (⟦dz_k/dw_{i}{j}⟧, ⟦k = 1, 2, 3⟧), and \
             ⟦∂L/∂w_{i}{j}⟧ (⟦dL/dw_{i}{j}⟧)."
        ),
        format!(
            "求每个 ⟦z(l)_k⟧、每个 ⟦∂z_k/∂w_{i}{j}⟧ (⟦dz_k/dw_{i}{j}⟧, ⟦k = 1, 2, 3⟧) 以及 \
             ⟦∂L/∂w_{i}{j}⟧ (⟦dL/dw_{i}{j}⟧)。"
        ),
    );
    st.give("a(l-1)", Value::Vector(vector(v, &["a1", "a2"], &s)));
    st.give(
        "W(l)",
        Value::Matrix(rows.iter().map(|r| vector(v, r, &s)).collect()),
    );
    st.give("b(l)", Value::Vector(vector(v, &["b1", "b2", "b3"], &s)));
    st.number("i", &v["i"]);
    st.number("j", &v["j"]);
    st.give(
        "delta(l)",
        Value::Vector(vector(v, &["d1", "d2", "d3"], &s)),
    );
    Ok(st)
}

fn layer_of(v: &Values, s: &Settings) -> Result<Network> {
    Network::new(
        Convention::Column,
        vec![layer(
            v,
            &[&["w11", "w12"], &["w21", "w22"], &["w31", "w32"]],
            &["b1", "b2", "b3"],
            Activation::Identity,
            s,
        )],
    )
}

fn backprop_6(v: &Values, s: &Settings) -> Result<Report> {
    let names: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
    let mut r = start(v, &names, s);
    // The title's formula, in its English (ASCII I) and Chinese (𝕀)
    // spellings.
    for plain in ["∂z/∂w_ij = I_i(a_j)", "∂z/∂w_ij = 𝕀_i(a_j)"] {
        r.heading_formula(Math::new(
            plain,
            "\\partial z / \\partial w_{ij} = \\mathbb{I}_i(a_j)",
        ));
    }
    let (i, j) = (count(v, "i", 1, 3)? as usize, count(v, "j", 1, 2)? as usize);
    let a = vector(v, &["a1", "a2"], s);
    let delta = vector(v, &["d1", "d2", "d3"], s);
    let net = layer_of(v, s)?;
    r.text(format!("One layer z(l) = W(l) a(l-1) + b(l) with 3 units and 2 inputs (NNDL's column form, W(l) is 3×2). The weight w_{i}{j} joins input {j} to unit {i}: it appears in z_{i} only, multiplied by a_{j}."));
    let z = net.forward(&a)?.remove(0).z;
    // The same layer with w_ij raised by 1: z is linear in w_ij, so the
    // exact change of each z_k is ∂z_k/∂w_ij.
    let mut bumped = net.clone();
    let one = if s.float {
        Scalar::Float(1.0)
    } else {
        Scalar::one()
    };
    bumped.layers[0].w[i - 1][j - 1] = bumped.layers[0].w[i - 1][j - 1].add(&one)?;
    let z_up = bumped.forward(&a)?.remove(0).z;
    let mut t = Table::new(
        "",
        &[
            "k",
            "computed as",
            "z_k",
            &format!("∂z_k/∂w_{i}{j}"),
            &format!("z_k at w_{i}{j} + 1, minus z_k"),
        ],
    )
    .then_math(Math::new(
        format!("∂z(l)/∂w_{i}{j} = I_{i}(a_{j})"),
        format!("\\frac{{\\partial z^{{(l)}}}}{{\\partial w_{{{i}{j}}}}} = \\mathbb{{I}}_{{{i}}}(a_{{{j}}})"),
    ))
    .then_words(&format!(" · 只有第 {i} 个分量不为 0"))
    .math_header(vec![
        Math::new("z_k", "z_k"),
        Math::new(
            format!("∂z_k/∂w_{i}{j}"),
            format!("\\frac{{\\partial z_k}}{{\\partial w_{{{i}{j}}}}}"),
        ),
    ]);
    let mut results = Vec::new();
    let mut all_same = true;
    for (k, (row, b)) in net.layers[0].w.iter().zip(&net.layers[0].b).enumerate() {
        let pairs: Vec<(&Scalar, &Scalar)> = row.iter().zip(&a).collect();
        let dz = if k + 1 == i {
            a[j - 1].clone()
        } else if s.float {
            Scalar::Float(0.0)
        } else {
            Scalar::zero()
        };
        let diff = z_up[k].sub(&z[k])?;
        all_same &= diff == dz || (dz.to_f64() - diff.to_f64()).abs() <= 1e-12;
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            sum_of_products(&pairs, Some(b)).into(),
            z[k].clone().into(),
            dz.clone().into(),
            diff.into(),
        ]);
        results.push(Named::new(
            format!("z(l)_{}", k + 1),
            z[k].clone(),
            Kind::Value,
        ));
        results.push(Named::new(
            format!("dz_{}/dw_{i}{j}", k + 1),
            dz,
            Kind::Gradient,
        ));
    }
    r.table(t);
    r.text(if all_same {
        "Raising the weight by 1 changes z by exactly this vector ✓: z is linear in each weight, so this difference, like a central difference, is exact."
    } else {
        "Raising the weight by 1 does NOT change z by this vector ✗."
    });
    // ∂L/∂w_ij = 𝕀_i(a_j)ᵀ δ: every term but the i-th is 0·δ_k.
    let mut dl = if s.float {
        Scalar::Float(0.0)
    } else {
        Scalar::zero()
    };
    let mut terms = Vec::new();
    for (k, d) in delta.iter().enumerate() {
        let e = if k + 1 == i {
            a[j - 1].clone()
        } else {
            Scalar::zero()
        };
        dl = dl.add(&e.mul(d)?)?;
        terms.push(Sentence::new(
            "{}·{}",
            vec![Num::operand(&e), Num::operand(d)],
        ));
    }
    let direct = delta[i - 1].mul(&a[j - 1])?;
    let mut g = Table::new("", &["quantity", "computed as", "value"]).then_math(Math::new(
        format!("∂L/∂w_{i}{j} = I_{i}(a_{j})ᵀ δ(l) = δ_{i} a_{j}"),
        format!(
            "\\frac{{\\partial L}}{{\\partial w_{{{i}{j}}}}} = \\mathbb{{I}}_{{{i}}}(a_{{{j}}})^{{\\top}} \\delta^{{(l)}} = \\delta_{{{i}}} a_{{{j}}}"
        ),
    ));
    g.row(vec![
        Cell::Text(format!("I_{i}(a_{j})ᵀ δ(l)")),
        Cell::Sentence(Sentence::join(terms, " + ")),
        dl.clone().into(),
    ]);
    g.row(vec![
        Cell::Text(format!("δ_{i} a_{j}")),
        Cell::Sentence(Sentence::new(
            "{}·{}",
            vec![Num::operand(&delta[i - 1]), Num::operand(&a[j - 1])],
        )),
        direct.clone().into(),
    ]);
    r.table(g);
    // The whole gradient δ(l) a(l-1)ᵀ: its (i, j) entry is the value above.
    let mut m = Table::new("", &["", "a_1", "a_2"])
        .then_math(Math::new(
            "∂L/∂W(l) = δ(l) a(l-1)ᵀ",
            "\\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} (a^{(l-1)})^{\\top}",
        ))
        .then_words(" · 3×2, the shape of ")
        .then_math(Math::new("W(l)", "W^{(l)}"))
        .math_header(vec![Math::new("a_1", "a_1"), Math::new("a_2", "a_2")]);
    for (k, d) in delta.iter().enumerate() {
        let mut row = vec![Cell::Text(format!("δ_{}", k + 1))];
        for x in &a {
            row.push(d.mul(x)?.into());
        }
        m.row(row);
    }
    r.table(m);
    let entry = delta[i - 1].mul(&a[j - 1])?;
    r.sentence(
        format!(
            "Entry ({i}, {j}) of δ(l) a(l-1)ᵀ is {{}}, the same as I_{i}(a_{j})ᵀ δ(l) {}. Likewise ∂z(l)/∂b(l) is the 3×3 identity: b_k appears only in z_k, with coefficient 1, so ∂L/∂b(l) = δ(l).",
            if entry == dl && dl == direct { "✓" } else { "✗" }
        ),
        vec![Num::shown(&entry)],
    );
    results.push(Named::new(format!("dL/dw_{i}{j}"), dl, Kind::Gradient));
    r.results = results;
    Ok(r)
}

/// The `--round-each` plan: z(l) and δ_i a_j as a forward program of the
/// expression language, linked to the results.
fn audit(v: &Values) -> Result<Plan> {
    let (i, j) = (count(v, "i", 1, 3)?, count(v, "j", 1, 2)?);
    // ∂z_k/∂w_ij = 𝕀_i(a_j): a_j in row i, 0 in the others (0·a_j).
    let mut src = String::new();
    let mut names: Vec<(String, String)> = Vec::new();
    for k in 1..=3 {
        let one = if k == i { "1" } else { "0" };
        src.push_str(&format!(
            "z{k} = w{k}1*a1 + w{k}2*a2 + b{k}; i{k} = {one}*a{j}; "
        ));
        names.push((format!("z{k}"), format!("z(l)_{k}")));
        names.push((format!("i{k}"), format!("dz_{k}/dw_{i}{j}")));
    }
    src.push_str(&format!("g = d{i}*a{j}"));
    names.push(("g".into(), format!("dL/dw_{i}{j}")));
    let mut used: Vec<String> = [
        "a1", "a2", "w11", "w12", "w21", "w22", "w31", "w32", "b1", "b2", "b3",
    ]
    .map(String::from)
    .to_vec();
    used.push(format!("d{i}"));
    let used: Vec<&str> = used.iter().map(String::as_str).collect();
    let item = forward(src, inputs(v, &used), &["g"]);
    replay(vec![named(item, names)])
}
