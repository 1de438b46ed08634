//! autodiff/1-3 and chain-rule/1-2: computation graphs and the chain rule
//! (NNDL 计算图与自动微分; PKU 偏导数与链式法则).

use crate::catalog::common::{get, start};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::graph::{Graph, Trace};
use crate::report::graph::{build, chain_blocks, gate_patterns};
use crate::report::{Block, Cell, Math, Report, Settings, Table};
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
    },
    Example {
        topic: "chain-rule",
        number: 1,
        title: "The chain rule for z = u² + v²",
        title_zh: "偏导数与链式法则",
        sources: &["PKU deck, 偏导数与链式法则 例: z = u² + v², u = xy, v = x/y"],
        params: &[
            Param::new("x", "1", "first variable"),
            Param::new("y", "2", "second variable (not 0)"),
        ],
        build: chain_rule_1,
    },
    Example {
        topic: "chain-rule",
        number: 2,
        title: "Five sigmoids in a row: each factor at most 1/4",
        title_zh: "链式法则与梯度消失",
        sources: &[
            "NNDL, 梯度消失问题: y = f⁵(f⁴(f³(f²(f¹(x)))))",
            "MS, 梯度消失与梯度爆炸",
        ],
        params: &[Param::new("x", "0", "input of the first sigmoid")],
        build: chain_rule_2,
    },
];

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

/// The program of chain-rule/1.
pub const CHAIN_RULE_1: &str = "u = x*y; v = x/y; z = u^2 + v^2";
/// The program of chain-rule/2.
pub const CHAIN_RULE_2: &str =
    "f1 = sigmoid(x); f2 = sigmoid(f1); f3 = sigmoid(f2); f4 = sigmoid(f3); y = sigmoid(f4)";

/// The NNDL table, h1 … h6, with f = h6 so the chain reads as on the slide.
fn autodiff_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(AUTODIFF_1, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "w", s));
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
    r.text(format!(
        "Closed form: f = σ(wx + b), so ∂f/∂w = σ(z)(1 - σ(z))·x at z = {} gives {} — {}.",
        z.show(s.digits),
        closed.show(s.digits),
        if agree {
            "the same as the chain"
        } else {
            "DIFFERENT from the chain"
        }
    ));
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
    r.blocks.extend(chain_blocks(&trace, "x", s));
    r.blocks.extend(chain_blocks(&trace, "y", s));
    r.table(gate_patterns(&trace, s));
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
            let tr = Trace::run(&g, &at, s.float)?;
            let d = tr.grads[g.find("x").expect("x is a variable")]
                .clone()
                .unwrap_or_else(Scalar::zero);
            // each node as written (relu(x)^2, not its short name n1)
            let nodes: Vec<&str> = g
                .nodes
                .iter()
                .map(|n| match (&n.name, n.formula.is_empty()) {
                    (None, false) => n.formula.as_str(),
                    _ => n.label.as_str(),
                })
                .collect();
            let built = if kind == "static" {
                format!("static, built once: {src}")
            } else {
                format!("dynamic, built for {name}: {src}")
            };
            t.row(vec![
                built.into(),
                format!("{name} = {}", x.show(s.digits)).into(),
                format!("{} ({})", nodes.len(), nodes.join(", ")).into(),
                tr.values[g.output].clone().into(),
                d.clone().into(),
                Cell::Num(Scalar::Float(fd)),
            ]);
            if kind == "static" {
                r.results
                    .push((format!("f({name})"), tr.values[g.output].clone()));
            }
            r.results.push((format!("df/dx({name}) {kind}"), d.clone()));
            grads.push(d);
        }
        let agree = grads[0] == grads[1];
        same.row(vec![
            format!("{name} = {}", x.show(s.digits)).into(),
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

/// z = u² + v², u = xy, v = x/y, as on the PKU slide.
fn chain_rule_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(CHAIN_RULE_1, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "x", s));
    r.blocks.extend(chain_blocks(&trace, "y", s));
    closed_form_check(
        &mut r,
        &trace,
        v,
        s,
        &[("x", "2*x*y^2 + 2*x/y^2"), ("y", "2*x^2*y - 2*x^2/y^3")],
    )?;
    Ok(r)
}

/// y = f5(f4(f3(f2(f1(x))))) with sigmoids: a product of five factors ≤ 1/4.
fn chain_rule_2(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(CHAIN_RULE_2, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "x", s));
    let mut t = Table::new(
        "Each factor against the bound σ' ≤ 1/4",
        &["factor", "value", "≤ 1/4"],
    );
    let quarter = Scalar::ratio(1, 4);
    for st in &trace.steps {
        let c = &trace.graph.nodes[st.consumer];
        let ok = st.local.cmp_value(&quarter).is_le();
        t.row(vec![
            Math::partial(&c.label, &trace.graph.nodes[st.input].label).into(),
            st.local.clone().into(),
            (if ok { "✓" } else { "✗" }).into(),
        ]);
    }
    r.table(t);
    let dy = trace.grads[trace.graph.find("x").expect("x is a variable")].clone();
    let bound = quarter.pow(&Scalar::int(5))?;
    r.text(format!(
        "∂y/∂x = {} ≤ (1/4)^5 = {}: every sigmoid layer multiplies the gradient by at most \
         1/4, so it shrinks geometrically with depth (the vanishing gradient).",
        dy.map_or("-".to_string(), |d| d.show(s.digits)),
        bound.show(s.digits)
    ));
    Ok(r)
}

/// Evaluate hand-derived closed forms of the gradients with the same engine
/// and state whether each equals the backpropagated value.
fn closed_form_check(
    r: &mut Report,
    trace: &Trace,
    v: &Values,
    s: &Settings,
    forms: &[(&str, &str)],
) -> Result<()> {
    let out = trace.graph.output_name().to_string();
    let mut t = Table::new(
        "Check against the hand-derived formula",
        &["gradient", "formula", "formula's value", "backprop", "same"],
    );
    for (var, form) in forms {
        let g = Graph::parse(form)?;
        let used: Values = v
            .iter()
            .filter(|(k, _)| g.variable_names().contains(k))
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        let value = Trace::run(&g, &used, s.float)?.values[g.output].clone();
        let bp = trace.grads[trace.graph.find(var).expect("the variable exists")]
            .clone()
            .unwrap_or_else(Scalar::zero);
        let same = (value.to_f64() - bp.to_f64()).abs() <= 1e-12 * bp.to_f64().abs().max(1.0)
            && (value.is_exact() != bp.is_exact() || value == bp || !value.is_exact());
        t.row(vec![
            Math::partial(&out, var).into(),
            Math::name(form).into(),
            value.into(),
            bp.into(),
            (if same { "✓" } else { "✗" }).into(),
        ]);
    }
    r.blocks.push(Block::Table(t));
    Ok(())
}
