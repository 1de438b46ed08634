//! softmax/1-2: softmax (JQ) and its stable form (Saito, Deep Learning from
//! Scratch §3.5, whose scores it uses), and softmax with
//! cross-entropy, whose gradient collapses to ŷ − y (NNDL).

use crate::activation::Activation;
use crate::catalog::common::SMALL;
use crate::catalog::common::{count, get, start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::report::{Block, Cell, Figure, Math, Num, Report, Sentence, Settings, Table};
use crate::report::{Kind, Named};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, links, named, replay};
use crate::scalar::Scalar;

/// softmax/1's problem: the three scores and the two forms of softmax.
fn pose_1(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "Softmax of the scores ⟦a = (a1, a2, a3)⟧: ⟦y_k = exp(a_k) / Σ_i exp(a_i)⟧, ⟦k = 1, 2, 3⟧. \
         Computed in the subtract-the-max form ⟦y_k = exp(a_k − m) / Σ_i exp(a_i − m)⟧, \
         ⟦m = max_i a_i⟧, it gives the same values without overflow.",
        "分数 ⟦a = (a1, a2, a3)⟧ 的 softmax: ⟦y_k = exp(a_k) / Σ_i exp(a_i)⟧, ⟦k = 1, 2, 3⟧。\
         用减去最大值的形式 ⟦y_k = exp(a_k − m) / Σ_i exp(a_i − m)⟧, ⟦m = max_i a_i⟧, \
         计算, 结果相同且不会溢出。",
    );
    st.line(
        "Find ⟦y1⟧, ⟦y2⟧, ⟦y3⟧ and their sum.",
        "求 ⟦y1⟧, ⟦y2⟧, ⟦y3⟧ 及其和 sum。",
    );
    st.give(
        "a",
        Value::Vector(vec![v["a1"].clone(), v["a2"].clone(), v["a3"].clone()]),
    );
    Ok(st)
}

/// softmax/2's problem: the logits, the class (from 1) and the loss.
fn pose_2(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "Three logits ⟦z = (z1, z2, z3)⟧; ⟦ŷ = softmax(z)⟧, ⟦ŷ_k = e^(z_k) / Σ_i e^(z_i)⟧. The \
         target ⟦y⟧ is one-hot at the true class `class` (classes count from 1: ⟦y_class = 1⟧, \
         every other ⟦y_k = 0⟧). The loss is the cross-entropy ⟦L = −Σ_k y_k ln ŷ_k⟧.",
        "三个 logit ⟦z = (z1, z2, z3)⟧; ⟦ŷ = softmax(z)⟧, ⟦ŷ_k = e^(z_k) / Σ_i e^(z_i)⟧。\
         目标 ⟦y⟧ 是真实类别 class 处为 1 的 one-hot 向量 (类别从 1 开始编号: ⟦y_class = 1⟧, \
         其余 ⟦y_k = 0⟧)。损失为交叉熵 ⟦L = −Σ_k y_k ln ŷ_k⟧。",
    );
    st.line(
        "Find ⟦L⟧ and ⟦dL/dzk = ∂L/∂z_k⟧ for ⟦k = 1, 2, 3⟧.",
        "求 ⟦L⟧ 以及 ⟦dL/dzk = ∂L/∂z_k⟧, ⟦k = 1, 2, 3⟧。",
    );
    st.give(
        "z",
        Value::Vector(vec![v["z1"].clone(), v["z2"].clone(), v["z3"].clone()]),
    );
    st.number("class", &v["class"]);
    Ok(st)
}

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "softmax",
        number: 1,
        title: "Softmax and its subtract-the-max form",
        title_zh: "输出层-softmax函数",
        sources: &[
            "JQ deck, 输出层-softmax函数: y_k = exp(a_k) / Σ_i exp(a_i), 输出和总是1",
            "Saito, Deep Learning from Scratch, §3.5: the scores (0.3, 2.9, 4.0) and the subtract-the-max guard (neither is in the JQ text)",
        ],
        params: &[
            Param::new("a1", "0.3", "input signal 1"),
            Param::new("a2", "2.9", "input signal 2"),
            Param::new("a3", "4.0", "input signal 3"),
            Param::new(
                "shift",
                "1000",
                "added to every a_k in the overflow demonstration",
            ),
        ],
        build: softmax_1,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("a1", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
                ("a2", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
                // shift keeps its default 1000: the example's point is that
                // exp(a + 1000) overflows and the subtract-the-max form does not.
                ("a3", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
            ])
            .pose(Pose::Custom(pose_1)),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: true,
    },
    Example {
        topic: "softmax",
        number: 2,
        title: "Softmax with cross-entropy: the gradient is ŷ - y",
        title_zh: "Softmax 与交叉熵损失",
        sources: &["NNDL, 应用到机器学习: ŷ = softmax(z(L)), L(y, ŷ) = -yᵀ log ŷ"],
        params: &[
            Param::new("z1", "1", "logit of class 1"),
            Param::new("z2", "2", "logit of class 2"),
            Param::new("z3", "-1", "logit of class 3"),
            Param::new("class", "2", "the true class (1-3); y is one-hot"),
        ],
        build: softmax_2,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("z1", SMALL),
                ("z2", SMALL),
                ("z3", SMALL),
                ("class", Draw::Int(1, 3)),
            ])
            .pose(Pose::Custom(pose_2)),
        ),
        audit: Audit::Replay(audit_2),
        has_plot: true,
    },
];

fn softmax_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["a1", "a2", "a3", "shift"], s);
    let a = vector(v, &["a1", "a2", "a3"], s);
    r.formula(Math::new("y_k = exp(a_k) / Σ_i exp(a_i) = exp(a_k - m) / Σ_i exp(a_i - m),  m = max_i a_i", "y_k = \\frac{\\exp(a_k)}{\\sum_i \\exp(a_i)} = \\frac{\\exp(a_k - m)}{\\sum_i \\exp(a_i - m)},\\quad m = \\max_i a_i"));
    let y = softmax_table(&mut r, "Softmax · the two forms agree".into(), &a)?;
    let shift = get(v, "shift", s);
    let shifted: Vec<Scalar> = a.iter().map(|x| x.add(&shift)).collect::<Result<_>>()?;
    // A large negative shift fails the other way: every exp(a_k) underflows
    // to 0 and the direct form is 0/0.
    let underflows = shifted.iter().all(|x| x.exp().is_ok_and(|e| e.is_zero()));
    let title = if underflows {
        "Every a_k + {}: exp(a_k) underflows to 0 in f64 below about -745, the subtract-the-max form does not"
    } else {
        "Every a_k + {}: exp(a_k) overflows f64 past about 709.78, the subtract-the-max form does not"
    };
    let title = Sentence::new(title, vec![Num::shown(&shift)]);
    let ys = softmax_table(&mut r, title, &shifted)?;
    let same = y
        .iter()
        .zip(&ys)
        .all(|(p, q)| (p.to_f64() - q.to_f64()).abs() < 1e-12);
    r.text(format!("Adding a constant to every a_k leaves softmax unchanged {}: exp(a_k + c) = e^c exp(a_k), and e^c cancels.", if same { "✓" } else { "✗" }));
    for (k, yk) in y.iter().enumerate() {
        r.add(format!("y{}", k + 1), yk.clone(), Kind::Value);
    }
    r.add("sum", crate::activation::sum(&y)?, Kind::Value);
    r.blocks.push(Block::Figure(bars(
        "Softmax probabilities y_k · 分类概率",
        &y,
    )));
    Ok(r)
}

fn bars(title: &str, y: &[Scalar]) -> Figure {
    Figure::Bars {
        title: title.into(),
        labels: (1..=y.len()).map(|k| format!("k = {k}")).collect(),
        values: y.iter().map(Scalar::to_f64).collect(),
        y_label: "y_k".into(),
    }
}

/// One table of both forms, its title beginning with `title`; returns the
/// stable y.
fn softmax_table(r: &mut Report, title: Sentence, a: &[Scalar]) -> Result<Vec<Scalar>> {
    let m = a.iter().skip(1).fold(a[0].clone(), |m, x| m.max(x));
    let direct: Vec<Option<Scalar>> = a.iter().map(|x| x.exp().ok()).collect();
    let stable: Vec<Scalar> = a.iter().map(|x| x.sub(&m)?.exp()).collect::<Result<_>>()?;
    let total_direct = direct.iter().try_fold(Scalar::zero(), |acc, e| {
        e.as_ref().and_then(|e| acc.add(e).ok())
    });
    let y = Activation::Softmax.forward(a)?;
    let mut t = Table::quoted(
        title.then(" (m = max a = {})", vec![Num::shown(&m)]),
        &[
            "k",
            "a_k",
            "exp(a_k)",
            "y_k = exp(a_k)/Σ",
            "exp(a_k - m)",
            "y_k = exp(a_k - m)/Σ",
        ],
    )
    .math_header(vec![
        Math::new("a_k", "a_k"),
        Math::new("exp(a_k)", "\\exp(a_k)"),
        Math::new("y_k = exp(a_k)/Σ", "y_k = \\exp(a_k)/\\Sigma"),
        Math::new("exp(a_k - m)", "\\exp(a_k - m)"),
        Math::new("y_k = exp(a_k - m)/Σ", "y_k = \\exp(a_k - m)/\\Sigma"),
    ]);
    for k in 0..a.len() {
        let (e, yd) = match (&direct[k], &total_direct) {
            (Some(e), Some(tot)) if tot.is_zero() => {
                (Cell::Num(e.clone()), Cell::Text("0/0: NaN".into()))
            }
            (Some(e), Some(tot)) => (Cell::Num(e.clone()), Cell::Num(e.div(tot)?)),
            _ => (
                Cell::Text("overflow (∞)".into()),
                Cell::Text("∞/∞: NaN".into()),
            ),
        };
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            a[k].clone().into(),
            e,
            yd,
            stable[k].clone().into(),
            y[k].clone().into(),
        ]);
    }
    t.row(vec![
        Cell::Text("Σ".into()),
        Cell::Empty,
        total_direct.map_or(Cell::Text("overflow".into()), Cell::Num),
        Cell::Empty,
        Cell::Num(crate::activation::sum(&stable)?),
        Cell::Num(crate::activation::sum(&y)?),
    ]);
    r.table(t);
    Ok(y)
}

fn softmax_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["z1", "z2", "z3", "class"], s);
    r.heading_formula(Math::new("ŷ - y", "\\hat{y} - y"));
    let z = vector(v, &["z1", "z2", "z3"], s);
    let c = count(v, "class", 1, 3)? as usize;
    let (one, zero) = if s.float {
        (Scalar::Float(1.0), Scalar::Float(0.0))
    } else {
        (Scalar::one(), Scalar::zero())
    };
    let y: Vec<Scalar> = (1..=3)
        .map(|k| if k == c { one.clone() } else { zero.clone() })
        .collect();
    let yhat = Activation::Softmax.forward(&z)?;
    let loss = Loss::CrossEntropy.value(&yhat, &y)?;
    let dl = Loss::CrossEntropy.grad(&yhat, &y)?;
    let jac = Activation::Softmax.backward(&z, &yhat, &dl)?;
    r.formula(Math::new("L = -yᵀ log ŷ = -log ŷ_c;  ∂L/∂z = (diag(ŷ) - ŷŷᵀ)(-y/ŷ) = ŷ - y", "L = -y^{\\top}\\log \\hat y,\\quad \\frac{\\partial L}{\\partial z} = (\\operatorname{diag}(\\hat y) - \\hat y \\hat y^{\\top})\\left(-\\frac{y}{\\hat y}\\right) = \\hat y - y"));
    let zf: Vec<f64> = z.iter().map(Scalar::to_f64).collect();
    let yf: Vec<f64> = y.iter().map(Scalar::to_f64).collect();
    let lf = |zz: &[f64]| Loss::CrossEntropy.value_f64(&Activation::Softmax.forward_f64(zz), &yf);
    let mut t = Table::new(
        format!("Softmax + cross-entropy, true class {c} · L = {{}}"),
        &[
            "k",
            "z_k",
            "ŷ_k",
            "y_k",
            "∂L/∂ŷ_k = -y_k/ŷ_k",
            "Jacobian route",
            "ŷ_k - y_k",
            "central difference",
        ],
    )
    .quoting(vec![Num::shown(&loss)])
    .math_header(vec![
        Math::new("z_k", "z_k"),
        Math::new("ŷ_k", "\\hat{y}_k"),
        Math::new("y_k", "y_k"),
        Math::new(
            "∂L/∂ŷ_k = -y_k/ŷ_k",
            "\\frac{\\partial L}{\\partial \\hat{y}_k} = -\\frac{y_k}{\\hat{y}_k}",
        ),
        Math::new("ŷ_k - y_k", "\\hat{y}_k - y_k"),
    ]);
    for k in 0..3 {
        let short = yhat[k].sub(&y[k])?;
        let h = 1e-6 * zf[k].abs().max(1.0);
        let (mut up, mut down) = (zf.clone(), zf.clone());
        up[k] += h;
        down[k] -= h;
        let fd = (lf(&up) - lf(&down)) / (2.0 * h);
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            z[k].clone().into(),
            yhat[k].clone().into(),
            y[k].clone().into(),
            dl[k].clone().into(),
            jac[k].clone().into(),
            short.clone().into(),
            Cell::Num(Scalar::Float(fd)),
        ]);
        r.add(format!("dL/dz{}", k + 1), short, Kind::Gradient);
    }
    r.table(t);
    r.text("The three gradient columns agree: the Jacobian of softmax times -y/ŷ collapses to ŷ - y, which is why the output layer's δ is simply prediction minus label.");
    r.results.insert(0, Named::new("L", loss, Kind::Loss));
    r.blocks.push(Block::Figure(bars("ŷ = softmax(z)", &yhat)));
    Ok(r)
}

/// e_k = exp(a_k), their sum, and each y_k = e_k / Σ e, rounded as written.
fn audit_1(v: &Values) -> Result<Plan> {
    // The rounded y_k need not add up to 1 any more: `sum` shows by how much.
    let src = "e1 = exp(a1); e2 = exp(a2); e3 = exp(a3); s = e1 + e2 + e3; \
               y1 = e1 / s; y2 = e2 / s; y3 = e3 / s; sum = y1 + y2 + y3"
        .to_string();
    let it = forward(src, inputs(v, &["a1", "a2", "a3"]), &["y1", "y2", "y3"]);
    let names = links(&[("y1", "y1"), ("y2", "y2"), ("y3", "y3"), ("sum", "sum")]);
    Ok(Plan::Replay {
        items: vec![named(it, names)],
        note: Some(
            "The subtract-the-max form (a_k - max a) gives the same y_k; the audit replays \
             the plain form, as a student computes it by hand."
                .to_string(),
        ),
    })
}

/// The rounding audit of softmax/2: ŷ, L = -ln ŷ_class and ∂L/∂z_k = ŷ_k - y_k.
fn audit_2(v: &Values) -> Result<Plan> {
    let c = crate::catalog::common::count(v, "class", 1, 3)?;
    // The example's lesson, replayed as a student writes it: ŷ = softmax(z)
    // one rounded step at a time, L = -ln ŷ_class, then ∂L/∂z_k = ŷ_k - y_k
    // with y the one-hot class (not the long way through e_k, s and 1/s²).
    let t = |k: u64| if k == c { "1" } else { "0" };
    let src = format!(
        "e1 = exp(z1); e2 = exp(z2); e3 = exp(z3); s = e1 + e2 + e3; \
         y1 = e1 / s; y2 = e2 / s; y3 = e3 / s; L = -ln(y{c}); \
         g1 = y1 - {}; g2 = y2 - {}; g3 = y3 - {}",
        t(1),
        t(2),
        t(3)
    );
    let finals = ["L", "g1", "g2", "g3"];
    let it = forward(src, inputs(v, &["z1", "z2", "z3"]), &finals);
    let names = links(&[
        ("L", "L"),
        ("g1", "dL/dz1"),
        ("g2", "dL/dz2"),
        ("g3", "dL/dz3"),
    ]);
    replay(vec![named(it, names)])
}
