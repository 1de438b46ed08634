//! autodiff/4: forward-mode automatic differentiation beside reverse mode
//! on the graph of autodiff/1 (NNDL, 计算图与自动微分).
//!
//! Forward mode carries a tangent t(n) = ∂n/∂v for one chosen input v
//! through the graph in the order it is computed:
//! t(v) = 1, t(other inputs) = 0, t(n) = Σ over n's inputs u of ∂n/∂u · t(u).
//! One pass gives the derivative of every node with respect to v, so it
//! takes one pass per input. Reverse mode (backpropagation, NNDL's 自动微分
//! 的反向模式) carries g(u) = ∂f/∂u from the output back: one backward pass
//! per output gives ∂f with respect to every input. Both use the same local
//! derivatives ∂n/∂u, so at the output the tangents must equal the reverse
//! gradients exactly; the report checks that and central differences.

use std::collections::HashMap;

use crate::catalog::autodiff::{AUTODIFF_1, LOGISTIC_B, LOGISTIC_W, unsaturated};
use crate::catalog::common::{SMALL, get, start};
use crate::catalog::statement::{Pose, Statement};
use crate::catalog::{Audit, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::graph::{Graph, Op, Trace};
use crate::network::fd_agrees;
use crate::report::labels::{self, Labels};
use crate::report::{Cell, Kind, Named, Report, Settings, Table};
use crate::rounding::Plan;
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[Example {
    topic: "autodiff",
    number: 4,
    title: "Forward mode beside reverse mode: one pass per input or one per output",
    title_zh: "自动微分的前向模式与反向模式",
    sources: &[
        "NNDL, 计算图 table: f(x; w, b) = 1/(exp(-(wx + b)) + 1) staged as h1 … h6 (the graph of autodiff/1)",
        "NNDL, 反向传播算法 (自动微分的反向模式)",
    ],
    params: &[
        Param::new("x", "1", "input"),
        Param::new("w", "0", "weight"),
        Param::new("b", "0", "bias"),
    ],
    build: autodiff_4,
    engine: Engine::Report,
    exercise: Exercise::Ranges(
        &Ranges::new(&[("x", SMALL), ("w", LOGISTIC_W), ("b", LOGISTIC_B)])
            .keep(unsaturated)
            .pose(Pose::Custom(pose_4)),
    ),
    audit: Audit::Replay(audit_4),
    has_plot: false,
}];

/// autodiff/4's problem: the logistic graph, differentiated in forward mode.
fn pose_4(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    let steps: Vec<String> = AUTODIFF_1
        .split(';')
        .map(|step| format!("⟦{}⟧", step.trim()))
        .collect();
    let steps = steps.join(", ");
    st.line(
        format!(
            "⟦f(x; w, b) = 1/(exp(−(w x + b)) + 1)⟧, computed by the steps {steps} (in order)."
        ),
        format!("⟦f(x; w, b) = 1/(exp(−(w x + b)) + 1)⟧, 按以下步骤依次计算: {steps}。"),
    );
    st.line(
        "Find ⟦f⟧, then ⟦df/dx⟧, ⟦df/dw⟧ and ⟦df/db⟧ by forward mode: one pass per input, carrying \
         the tangent ⟦t(n) = ∂n/∂v⟧ of every step (⟦t(v) = 1⟧, the other inputs 0).",
        "求 ⟦f⟧, 再用前向模式求 ⟦df/dx⟧、⟦df/dw⟧、⟦df/db⟧: 每个输入做一遍, 沿计算顺序传递每一步的切向量 \
         ⟦t(n) = ∂n/∂v⟧ (⟦t(v) = 1⟧, 其他输入为 0)。",
    );
    for n in ["x", "w", "b"] {
        st.number(n, &v[n]);
    }
    st.text("program", AUTODIFF_1);
    Ok(st)
}

/// The layers of network/2 (PKU's 784-512-512-10 model), for the cost
/// comparison on a real network.
const PKU_MODEL: [u64; 4] = [784, 512, 512, 10];

/// t(n) = ∂n/∂(seed) for every node, in the order the graph computes them.
fn tangents(trace: &Trace, seed: usize, s: &Settings) -> Result<Vec<Scalar>> {
    let g = &trace.graph;
    let (one, zero) = if s.float {
        (Scalar::Float(1.0), Scalar::Float(0.0))
    } else {
        (Scalar::one(), Scalar::zero())
    };
    let mut t: Vec<Scalar> = Vec::with_capacity(g.nodes.len());
    for (k, node) in g.nodes.iter().enumerate() {
        let tk = match node.op {
            Op::Input if k == seed => one.clone(),
            Op::Input | Op::Const(_) => zero.clone(),
            _ => {
                let args: Vec<Scalar> = node
                    .inputs
                    .iter()
                    .map(|&i| trace.values[i].clone())
                    .collect();
                let mut sum = zero.clone();
                for (arg, &u) in node.inputs.iter().enumerate() {
                    if matches!(g.nodes[u].op, Op::Const(_)) {
                        continue;
                    }
                    let local = node.op.local(&args, &trace.values[k], arg)?;
                    sum = sum.add(&local.mul(&t[u])?)?;
                }
                sum
            }
        };
        t.push(tk);
    }
    Ok(t)
}

/// Edges along which a local derivative is multiplied (constants carry none).
fn edges(g: &Graph) -> usize {
    g.nodes
        .iter()
        .map(|n| {
            n.inputs
                .iter()
                .filter(|&&u| !matches!(g.nodes[u].op, Op::Const(_)))
                .count()
        })
        .sum()
}

/// 669706 → `669,706`.
fn grouped(n: u64) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (k, c) in d.chars().enumerate() {
        if k > 0 && (d.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn autodiff_4(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["x", "w", "b"], s);
    let graph = Graph::parse(AUTODIFF_1)?;
    let inputs: HashMap<String, Scalar> = ["x", "w", "b"]
        .iter()
        .map(|n| (n.to_string(), get(v, n, s)))
        .collect();
    let trace = labels::run(&graph, &inputs, s.float)?;
    r.text("The graph of autodiff/1, differentiated both ways. Forward mode seeds one input with tangent 1 (the others 0) and carries t(n) = Σ_u ∂n/∂u · t(u) forward in the order the nodes are computed; each pass gives the derivative of every node with respect to that one input. Reverse mode seeds the output with 1 and carries ∂f/∂u backward; one pass gives ∂f with respect to every node.");
    let vars = graph.variables.clone();
    let names = graph.variable_names();
    let l = Labels::of(&graph);
    let passes: Vec<Vec<Scalar>> = vars
        .iter()
        .map(|&k| tangents(&trace, k, s))
        .collect::<Result<_>>()?;
    let mut header: Vec<String> = vec!["node".into(), "computed as".into(), "value".into()];
    for (p, n) in names.iter().enumerate() {
        header.push(format!("∂·/∂{n} (forward pass {})", p + 1));
    }
    header.push("∂f/∂· (reverse)".into());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new("Tangents per input · 前向模式: 每个输入一遍", &header);
    for (k, node) in graph.nodes.iter().enumerate() {
        if matches!(node.op, Op::Const(_)) {
            continue;
        }
        let mut row = vec![
            Cell::Text(l.label[k].clone()),
            Cell::Text(if l.expr[k].is_empty() {
                "input".to_string()
            } else {
                l.expr[k].clone()
            }),
            trace.values[k].clone().into(),
        ];
        row.extend(passes.iter().map(|p| Cell::from(p[k].clone())));
        row.push(trace.grads[k].clone().map_or(Cell::Empty, Cell::from));
        t.row(row);
    }
    r.table(t);
    // The identity: each tangent of the output equals the reverse gradient
    // of its input; and both agree with central differences.
    let out = graph.output;
    let mut identity = true;
    let mut fd_ok = true;
    let mut results = vec![Named::new("f", trace.values[out].clone(), Kind::Value)];
    for (p, &k) in vars.iter().enumerate() {
        let fwd = &passes[p][out];
        let rev = trace.grads[k].clone().unwrap_or_else(Scalar::zero);
        identity &= if fwd.is_exact() && rev.is_exact() {
            *fwd == rev
        } else {
            (fwd.to_f64() - rev.to_f64()).abs() <= 1e-12 * rev.to_f64().abs().max(1.0)
        };
        fd_ok &= trace
            .finite_difference(k, &inputs)
            .is_some_and(|d| fd_agrees(fwd, d));
        results.push(Named::new(
            format!("df/d{}", names[p]),
            fwd.clone(),
            Kind::Gradient,
        ));
    }
    r.text(match (identity, fd_ok) {
        (true, true) => "The last row of each forward pass equals the reverse-mode gradient of its input exactly ✓, and both agree with central differences of f ✓.",
        (true, false) => "The last row of each forward pass equals the reverse-mode gradient of its input exactly ✓; a central difference of f disagrees ✗.",
        _ => "A forward pass does NOT end at the reverse-mode gradient ✗.",
    });
    let e = edges(&graph);
    let n_in = vars.len();
    let mut c = Table::new(
        "Cost · 计算量: one pass per input against one backward pass per output",
        &[
            "mode",
            "passes for this graph",
            "each pass gives",
            "local products",
        ],
    );
    c.row(vec![
        Cell::Text("forward (tangents)".into()),
        Cell::Text(format!("{n_in} (one per input)")),
        Cell::Text("∂(every node)/∂(one input)".into()),
        Cell::Text(format!("{n_in} × {e} = {}", n_in * e)),
    ]);
    c.row(vec![
        Cell::Text("reverse (backpropagation)".into()),
        Cell::Text("1 (one per output)".into()),
        Cell::Text("∂(one output)/∂(every node)".into()),
        Cell::Text(format!("1 × {e} = {e}")),
    ]);
    r.table(c);
    let n: u64 = PKU_MODEL.windows(2).map(|p| p[0] * p[1] + p[1]).sum();
    r.text(format!(
        "A network has one loss and many parameters. The 784-512-512-10 model of network/2 has {} parameters: forward mode would need {} tangent passes for its gradient, reverse mode one backward pass. Forward mode pays off only when a function has fewer inputs than outputs.",
        grouped(n),
        grouped(n)
    ));
    r.results = results;
    Ok(r)
}

/// `--round-each` replays the reverse pass of the same program (the
/// forward-mode tangents at the output are the same numbers).
fn audit_4(v: &Values) -> Result<Plan> {
    use crate::rounding::plan::{backward, links, named, replay};
    let it = backward(AUTODIFF_1.to_string(), v.clone());
    let names = ["f", "df/dx", "df/dw", "df/db"].map(|n| (n, n));
    replay(vec![named(it, links(&names))])
}
