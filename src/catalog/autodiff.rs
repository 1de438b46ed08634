//! autodiff/1-3: computation graphs, automatic differentiation and static
//! against dynamic graphs (NNDL 计算图与自动微分).

use std::collections::HashMap;

use crate::catalog::chain_rule::closed_form_check;
use crate::catalog::common::SMALL;
use crate::catalog::common::{get, start};
use crate::catalog::statement::{Pose, Statement};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::graph::Graph;
use crate::report::Kind;
use crate::report::graph::{build, chain_blocks, gate_patterns};
use crate::report::labels::{self, Labels};
use crate::report::{Cell, Num, Report, Sentence, Settings, Table};
use crate::rounding::Plan;
use crate::rounding::plan::{backward, named, replay};
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "autodiff",
        number: 1,
        title: "Reverse-mode autodiff of the logistic function",
        title_zh: "计算图与自动微分",
        sources: &[
            "NNDL, 计算图 table: f(x; w, b) = 1/(exp(-(wx + b)) + 1) at x = 1, w = 0, b = 0",
        ],
        params: &[
            Param::new("x", "1", "input"),
            Param::new("w", "0", "weight"),
            Param::new("b", "0", "bias"),
        ],
        build: autodiff_1,
        engine: Engine::Graph(AUTODIFF_1),
        exercise: Exercise::Ranges(
            &Ranges::new(&[("x", SMALL), ("w", LOGISTIC_W), ("b", LOGISTIC_B)])
                .keep(unsaturated)
                .find(&[
                    "h1", "h2", "h3", "h4", "h5", "h6", "df/dh5", "df/dh4", "df/dh2", "df/dx",
                    "df/dw", "df/db",
                ]),
        ),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "autodiff",
        number: 2,
        title: "Several paths add up",
        title_zh: "多条路径的梯度相加",
        sources: &["NNDL, 自动微分: 如果函数和参数之间有多条路径, 将多条路径上的导数相加"],
        params: &[
            Param::new("x", "2", "used by u and by v"),
            Param::new("y", "3", "used by u and by v"),
        ],
        build: autodiff_2,
        engine: Engine::Graph(AUTODIFF_2),
        exercise: Exercise::Ranges(&Ranges::new(&[
            ("x", Draw::Int(-5, 5)),
            ("y", Draw::Int(-5, 5)),
        ])),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "autodiff",
        number: 3,
        title: "Static and dynamic graphs: one graph for every input, or one per input",
        title_zh: "静态计算图和动态计算图",
        sources: &[
            "NNDL, 静态计算图和动态计算图 (Theano/TensorFlow against DyNet/Chainer/PyTorch)",
        ],
        params: &[
            Param::new("x1", "3", "first input (x > 0 takes the x·x branch)"),
            Param::new("x2", "-2", "second input (x ≤ 0 takes the -x branch)"),
        ],
        build: autodiff_3,
        engine: Engine::Report,
        // x1 takes the x·x branch, x2 the -x branch; 0 (the kink) is left out.
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                (
                    "x1",
                    Draw::Of(&[
                        "1/4", "1/2", "1", "3/2", "2", "5/2", "3", "7/2", "4", "5", "6",
                    ]),
                ),
                (
                    "x2",
                    Draw::Of(&[
                        "-6", "-5", "-4", "-7/2", "-3", "-5/2", "-2", "-3/2", "-1", "-1/2",
                    ]),
                ),
            ])
            .pose(Pose::Custom(pose_3)),
        ),
        audit: Audit::Replay(audit_3),
        has_plot: false,
    },
];

/// autodiff/1 and /4's weight: small, halves allowed.
pub const LOGISTIC_W: Draw = Draw::Of(&["-2", "-1", "-1/2", "0", "1/2", "1", "2"]);
/// autodiff/1 and /4's bias.
pub const LOGISTIC_B: Draw = Draw::Of(&["-1", "-1/2", "0", "1/2", "1"]);

/// The logistic function away from saturation: |wx + b| ≤ 3.
pub fn unsaturated(v: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    crate::catalog::common::unsaturated(v["w"].to_f64() * v["x"].to_f64() + v["b"].to_f64())
}

/// autodiff/3's problem: the branching function, both graphs, the inputs.
fn pose_3(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "The program computes ⟦f(x) = x·x⟧ if ⟦x > 0⟧, otherwise ⟦f(x) = −x⟧. A static graph is \
         built once for every input and holds both branches: ⟦f = relu(x)^2 + relu(−x)⟧. \
         A dynamic graph is built for each input and holds only the branch it takes \
         (⟦f = x*x⟧, or ⟦f = −x⟧).",
        "程序计算 ⟦f(x) = x·x⟧ (当 ⟦x > 0⟧), 否则 ⟦f(x) = −x⟧。静态计算图只构建一次, 对所有输入通用, \
         包含两个分支: ⟦f = relu(x)^2 + relu(−x)⟧。动态计算图对每个输入各构建一次, 只包含该输入\
         所走的分支 (⟦f = x*x⟧ 或 ⟦f = −x⟧)。",
    );
    st.line(
        "At ⟦x1⟧ and at ⟦x2⟧ find ⟦f⟧ (from the static graph) and ⟦df/dx⟧ from the static graph and \
         from the dynamic graph: ⟦f(x1)⟧, ⟦df/dx(x1)⟧ static, ⟦df/dx(x1)⟧ dynamic, and the same at ⟦x2⟧.",
        "在 ⟦x1⟧ 和 ⟦x2⟧ 处分别求 ⟦f⟧ (由静态计算图) 以及由静态计算图和动态计算图得到的 ⟦df/dx⟧: \
         ⟦f(x1)⟧, ⟦df/dx(x1)⟧ static, ⟦df/dx(x1)⟧ dynamic, ⟦x2⟧ 处同理。",
    );
    st.number("x1", &v["x1"]);
    st.number("x2", &v["x2"]);
    st.text("static", AUTODIFF_3_STATIC);
    st.text("dynamic_positive", AUTODIFF_3_POSITIVE);
    st.text("dynamic_other", AUTODIFF_3_OTHER);
    Ok(st)
}

/// The program of autodiff/1 (the NNDL table).
pub const AUTODIFF_1: &str =
    "h1 = x*w; h2 = h1 + b; h3 = -h2; h4 = exp(h3); h5 = h4 + 1; h6 = 1/h5; f = h6";
/// The program of autodiff/2.
pub const AUTODIFF_2: &str = "u = x*y; v = x + y; f = u*v";
/// autodiff/3's static graph: both branches of `x > 0 ? x·x : -x`, built
/// once, as a select written with relu (relu(x)² = x² for x > 0, 0 otherwise;
/// relu(-x) = -x for x ≤ 0, 0 otherwise).
pub const AUTODIFF_3_STATIC: &str = "f = relu(x)^2 + relu(-x)";
/// autodiff/3's dynamic graphs: only the branch the input takes.
pub const AUTODIFF_3_POSITIVE: &str = "f = x*x";
/// The other branch.
pub const AUTODIFF_3_OTHER: &str = "f = -x";

/// The NNDL table, h1 … h6, with f = h6 so the chain reads as on the slide.
fn autodiff_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(AUTODIFF_1, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "w"));
    // Independent check: σ'(z)·x with z = wx + b, from the closed form.
    let (x, w, b) = (&v["x"], &v["w"], &v["b"]);
    let cast = |a: &Scalar| if s.float { a.to_float() } else { a.clone() };
    let z = cast(w).mul(&cast(x))?.add(&cast(b))?;
    let sig = z.sigmoid()?;
    let closed = sig.mul(&Scalar::one().sub(&sig)?)?.mul(&cast(x))?;
    let dw = trace.grads[trace.graph.find("w").expect("w is a variable")].clone();
    let agree = dw
        .as_ref()
        .is_some_and(|d| (d.to_f64() - closed.to_f64()).abs() < 1e-12);
    r.sentence(
        format!(
            "Closed form: f = σ(wx + b), so ∂f/∂w = σ(z)(1 - σ(z))·x at z = {{}} gives {{}} — {}.",
            if agree {
                "the same as the chain"
            } else {
                "DIFFERENT from the chain"
            }
        ),
        vec![Num::shown(&z), Num::shown(&closed)],
    );
    r.text(
        "Slide erratum: the deck's table labels the derivative of h5 = h4 + 1 as ∂h5/∂h, \
         and that of h6 = 1/h5 as ∂h4/∂h5; recomputed, they are ∂h5/∂h4 = 1 and \
         ∂h6/∂h5 = -1/h5² (the chain on the same slide uses the right names).",
    );
    Ok(r)
}

/// f = u·v with u = xy and v = x + y: x and y each reach f along two paths.
fn autodiff_2(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(AUTODIFF_2, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "x"));
    r.blocks.extend(chain_blocks(&trace, "y"));
    r.table(gate_patterns(&trace));
    closed_form_check(
        &mut r,
        &trace,
        v,
        s,
        &[("x", "2*x*y + y^2"), ("y", "x^2 + 2*x*y")],
    )?;
    Ok(r)
}

/// The same branching function as a static graph (built once, both branches
/// in it) and as dynamic graphs (built per input, the taken branch only).
fn autodiff_3(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x1", "x2"], s);
    let stat = Graph::parse(AUTODIFF_3_STATIC)?;
    r.text(
        "The program: f(x) = x·x if x > 0, otherwise -x. A static graph is built once, \
         before any data, so it must hold both branches; here the branch is a select \
         written with relu: f = relu(x)^2 + relu(-x). A dynamic graph is built while the \
         program runs, once for every input, and holds only the branch that input takes.",
    );
    let mut t = Table::new(
        "One graph built once, or one per input · 静态计算图与动态计算图",
        &[
            "graph",
            "input",
            "nodes",
            "f(x)",
            "df/dx",
            "finite difference",
        ],
    );
    let mut same = Table::new(
        "Both kinds give the same derivative · 梯度",
        &["input", "static", "dynamic", "same"],
    );
    let mut kink = false;
    for name in ["x1", "x2"] {
        let x = get(v, name, s);
        kink |= x.is_zero();
        let at: Values = [("x".to_string(), x.clone())].into();
        // Independent of both graphs: central difference of the branching
        // program itself, in f64.
        let f = |t: f64| if t > 0.0 { t * t } else { -t };
        let (xf, h) = (x.to_f64(), 1e-6 * x.to_f64().abs().max(1.0));
        let fd = (f(xf + h) - f(xf - h)) / (2.0 * h);
        let dynamic = if x.signum() > 0 {
            AUTODIFF_3_POSITIVE
        } else {
            AUTODIFF_3_OTHER
        };
        let mut grads = Vec::new();
        for (kind, src) in [("static", AUTODIFF_3_STATIC), ("dynamic", dynamic)] {
            let g = if kind == "static" {
                stat.clone()
            } else {
                Graph::parse(src)?
            };
            let tr = labels::run(&g, &at, s.float)?;
            let d = tr.grads[g.find("x").expect("x is a variable")]
                .clone()
                .unwrap_or_else(Scalar::zero);
            // each node as written (relu(x)^2, not its short name n1)
            let l = Labels::of(&g);
            let nodes: Vec<&str> = g
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| match (&n.name, l.formula[i].is_empty()) {
                    (None, false) => l.formula[i].as_str(),
                    _ => l.label[i].as_str(),
                })
                .collect();
            let built = if kind == "static" {
                format!("static, built once: {src}")
            } else {
                format!("dynamic, built for {name}: {src}")
            };
            t.row(vec![
                built.into(),
                Cell::Sentence(Sentence::new(
                    format!("{name} = {{}}"),
                    vec![Num::shown(&x)],
                )),
                format!("{} ({})", nodes.len(), nodes.join(", ")).into(),
                tr.values[g.output].clone().into(),
                d.clone().into(),
                Cell::Num(Scalar::Float(fd)),
            ]);
            if kind == "static" {
                r.add(
                    format!("f({name})"),
                    tr.values[g.output].clone(),
                    Kind::Value,
                );
            }
            r.add(format!("df/dx({name}) {kind}"), d.clone(), Kind::Gradient);
            grads.push(d);
        }
        let agree = grads[0] == grads[1];
        same.row(vec![
            Cell::Sentence(Sentence::new(
                format!("{name} = {{}}"),
                vec![Num::shown(&x)],
            )),
            grads[0].clone().into(),
            grads[1].clone().into(),
            (if agree { "✓" } else { "✗ (kink)" }).into(),
        ]);
    }
    r.table(t);
    r.table(same);
    r.text(
        "The static graph has the same nodes for every input and evaluates both branches \
         each time (relu zeroes the one not taken); each dynamic graph is smaller \
         but has to be built again for every input, and inputs that take different \
         branches get graphs of different shapes, which are harder to batch and optimise.",
    );
    if kink {
        r.text(
            "At x = 0 the function has a kink (slope -1 on the left, 0 on the right): the \
             static graph's relu takes relu'(0) = 0 and the dynamic graph's -x branch gives -1; \
             both are one-sided derivatives, and the central difference sits between them.",
        );
    }
    Ok(r)
}

/// autodiff/3: at each input, the static graph and the dynamic graph the
/// input's branch builds.
fn audit_3(v: &Values) -> Result<Plan> {
    use super::autodiff::{AUTODIFF_3_OTHER, AUTODIFF_3_POSITIVE, AUTODIFF_3_STATIC};
    let mut items = Vec::new();
    for n in ["x1", "x2"] {
        let x = &v[n];
        let dynamic = if x.signum() > 0 {
            AUTODIFF_3_POSITIVE
        } else {
            AUTODIFF_3_OTHER
        };
        for (kind, src) in [("static", AUTODIFF_3_STATIC), ("dynamic", dynamic)] {
            let it = backward(
                src.to_string(),
                HashMap::from([("x".to_string(), x.clone())]),
            );
            // f(x) once (the static graph's), then each graph's df/dx.
            let mut l = Vec::new();
            if kind == "static" {
                l.push(("f".to_string(), format!("f({n})")));
            }
            l.push(("df/dx".to_string(), format!("df/dx({n}) {kind}")));
            items.push(named(it, l));
        }
    }
    replay(items)
}

#[cfg(test)]
mod tests {
    use crate::catalog::find;
    use crate::exercise::{Lang, make};

    #[test]
    fn the_logistic_is_never_drawn_saturated() {
        // autodiff/1's h2 = wx + b is the logistic's argument; autodiff/4
        // draws the same inputs: |wx + b| ≤ 3 over 1,000 seeds.
        for (n, seed) in [1, 4]
            .into_iter()
            .flat_map(|n| (0..1000).map(move |s| (n, s)))
        {
            let ex = find("autodiff", n).unwrap();
            let p = &make(&[ex], seed, 1, Lang::En, String::new())
                .unwrap()
                .problems[0];
            let z = if n == 1 {
                p.report.result("h2").unwrap().to_f64()
            } else {
                let f = p.report.result("f").unwrap().to_f64();
                (f / (1.0 - f)).ln()
            };
            assert!(z.abs() <= 3.0 + 1e-9, "autodiff/{n} seed {seed}: z = {z}");
        }
    }
}
