//! Explain a graph [`Trace`]: the forward table, the backward table
//! (upstream × local), the gradients with their finite-difference checks,
//! the chain of factors along each path, and the figure.

use std::collections::HashMap;

use crate::graph::{EdgeStep, NoGradient, NoSlope, Op, Trace};
use crate::report::labels::{self, Labels};
use crate::report::{
    Block, Cell, Figure, FigureNode, Math, Num, Report, Sentence, Settings, Table,
};
use crate::report::{Kind, Named};
use crate::scalar::Scalar;

/// Most paths from one variable to the output that a chain table lists.
pub const MAX_PATHS: usize = 16;

/// Relative tolerance of the finite-difference check.
pub const FD_TOLERANCE: f64 = 1e-6;

/// Add the forward and backward tables, the checked gradients and the
/// figure of `trace` to `report`, and its values and gradients to the
/// named results (`f`, `q`, `df/dx`, `df/dq`, …).
pub fn explain(report: &mut Report, trace: &Trace, inputs: &HashMap<String, Scalar>, s: &Settings) {
    let g = &trace.graph;
    let labels = Labels::of(g);
    let out = g.output_name().to_string();
    for &v in &g.variables {
        report
            .inputs
            .push((labels.label[v].clone(), trace.values[v].clone()));
    }
    let steps: Vec<Math> = (0..g.nodes.len())
        .filter(|&i| g.nodes[i].name.is_some() && !labels.expr[i].is_empty())
        .map(|i| {
            // the step as written, with no short names: z = w0·x0 + w1·x1 + w2
            let (l, r) = (Math::name(&labels.label[i]), Math::name(&labels.formula[i]));
            // `&=` aligns the steps at their equals signs in LaTeX.
            Math::join(&[l, r], " = ", " &= ")
        })
        .collect();
    report.formula(Math::join(&steps, "\n", " \\\\ "));
    report.table(forward_table(trace, &labels));
    report.table(backward_table(trace, &labels));
    report.table(check_table(trace, &labels, inputs, s));
    let exactness = if trace.values[g.output].is_exact()
        && g.variables
            .iter()
            .all(|&v| trace.grads[v].as_ref().is_none_or(Scalar::is_exact))
    {
        "exact"
    } else {
        "rounded to f64"
    };
    let grads: Vec<Sentence> = g
        .variables
        .iter()
        .filter_map(|&v| {
            let gr = trace.grads[v].as_ref()?;
            Some(Sentence::new(
                format!("∂{out}/∂{} = {{}}", labels.label[v]),
                vec![Num::shown(gr)],
            ))
        })
        .collect();
    let broken = no_gradient_notes(trace, &labels);
    if grads.is_empty() && broken.is_empty() {
        // A constant such as `2^3^2`: an empty "Result:" line would look like
        // a bug, so say why there is nothing to differentiate.
        report.sentence(
            format!("No variables: {out} = {{}} is a constant, so it has no gradients."),
            vec![Num::shown(&trace.values[g.output])],
        );
    } else if !grads.is_empty() {
        let mut line = Sentence::from(format!("Result ({exactness}): ").as_str());
        line.push(Sentence::join(grads, ", "));
        report.blocks.push(Block::Sentence(line));
    }
    for note in broken {
        report.blocks.push(Block::Sentence(note));
    }
    if !trace.kinks.is_empty() {
        let names: Vec<&str> = trace
            .kinks
            .iter()
            .map(|&k| labels.label[k].as_str())
            .collect();
        report.text(format!(
            "Kink: {} sits exactly where its derivative jumps; the table uses ReLU'(0) = 0, \
             |·|'(0) = 0 and sends a max/min tie to the first argument, so a finite \
             difference there cannot confirm the value.",
            names.join(", ")
        ));
    }
    report.blocks.push(Block::Figure(figure_of(trace, &labels)));
    // Named results: the output, each named step, then the gradients.
    report.add(out.clone(), trace.values[g.output].clone(), Kind::Value);
    for n in g
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != g.output && n.name.is_some() && n.op != Op::Input)
    {
        report.add(
            labels.label[n.0].clone(),
            trace.values[n.0].clone(),
            Kind::Value,
        );
    }
    for (i, n) in g.nodes.iter().enumerate() {
        if i == g.output || n.name.is_none() {
            continue;
        }
        if let Some(gr) = &trace.grads[i] {
            report.results.push(
                Named::new(
                    format!("d{out}/d{}", labels.label[i]),
                    gr.clone(),
                    Kind::Gradient,
                )
                .at_kink(!trace.kinks.is_empty()),
            );
        }
    }
}

/// One sentence per edge where the chain rule breaks (a derivative that does
/// not exist at these values), naming the gradients it takes away.
fn no_gradient_notes(trace: &Trace, labels: &Labels) -> Vec<Sentence> {
    let g = &trace.graph;
    let out = g.output_name();
    let mut notes = Vec::new();
    let mut seen: Vec<&NoGradient> = Vec::new();
    for broken in trace.no_gradient.iter().flatten() {
        if seen.contains(&broken) {
            continue;
        }
        seen.push(broken);
        // The gradients the student asked for: variables, then named steps.
        let mut order: Vec<usize> = g.variables.clone();
        order.extend(
            (0..g.nodes.len()).filter(|&i| {
                i != g.output && g.nodes[i].name.is_some() && g.nodes[i].op != Op::Input
            }),
        );
        let lost: Vec<String> = order
            .iter()
            .filter(|&&i| trace.no_gradient[i].as_ref() == Some(broken))
            .map(|&i| format!("∂{out}/∂{}", labels.label[i]))
            .collect();
        if lost.is_empty() {
            continue;
        }
        let lost = lost.join(", ");
        let c = &g.nodes[broken.consumer];
        let expr = &labels.expr[broken.consumer];
        let input = |k: usize| labels.label[c.inputs[k]].as_str();
        notes.push(match broken.why {
            NoSlope::NegativeBase => Sentence::new(
                format!(
                    "No gradient {lost}: the base of {} is {} = {{}}, and a negative number has a real power \
                     only at whole-number exponents, so there is no slope along the exponent {}.",
                    expr,
                    input(0),
                    input(1)
                ),
                vec![Num::shown(&trace.values[c.inputs[0]])],
            ),
            NoSlope::ZeroToTheZero => format!(
                "No gradient {lost}: {} is 0^0 here, and 0^b jumps from 1 at b = 0 to 0 for b > 0, \
                 so there is no slope along the exponent {}.",
                expr,
                input(1)
            )
            .as_str()
            .into(),
            NoSlope::Vertical => format!(
                "No gradient {lost}: {} has a vertical tangent at {} = 0, so its slope there is infinite.",
                expr,
                input(0)
            )
            .as_str()
            .into(),
        });
    }
    notes
}

fn forward_table(trace: &Trace, labels: &Labels) -> Table {
    let g = &trace.graph;
    let mut t = Table::new(
        "Forward pass · 前向传播",
        &["#", "node", "computed as", "value"],
    );
    let mut k = 0;
    for (i, n) in g.nodes.iter().enumerate() {
        if matches!(n.op, Op::Input | Op::Const(_)) {
            continue;
        }
        k += 1;
        // a named step, or a short name (n1 = w0·x0 + w1·x1): says once
        // what the name stands for
        let (label, expr) = (&labels.label[i], &labels.expr[i]);
        let node = if n.name.is_some() || label != expr {
            Math::name(label).eq(&Math::name(expr))
        } else {
            Math::name(label)
        };
        let args: Vec<&Scalar> = n.inputs.iter().map(|&a| &trace.values[a]).collect();
        t.row(vec![
            Cell::Text(k.to_string()),
            node.into(),
            computed_as(&n.op, &args).into(),
            trace.values[i].clone().into(),
        ]);
    }
    t
}

fn backward_table(trace: &Trace, labels: &Labels) -> Table {
    let g = &trace.graph;
    let out = g.output_name();
    let grad_col = format!("∂{out}/∂· (sum so far)");
    let mut t = Table::new(
        "Backward pass · 反向传播 (gradient = upstream × local)",
        &["#", "node", "upstream", "local", "contribution", &grad_col],
    );
    t.row(vec![
        "1".into(),
        Math::name(out).into(),
        Cell::Empty,
        Cell::Empty,
        "seed".into(),
        trace.grads[g.output].clone().map_or(Cell::Empty, Cell::Num),
    ]);
    let mut running: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    for (k, st) in trace.steps.iter().enumerate() {
        let consumer = &labels.label[st.consumer];
        let input = &labels.label[st.input];
        let (r, v) = (rule(trace, labels, st), Math::num(&st.local));
        // A rule that is the number itself (`1`, a constant factor `3`)
        // is not written twice: ∂q/∂x = 1, not ∂q/∂x = 1 = 1.
        let local = if is_the_number(r.words(), &st.local) {
            Math::partial(consumer, input).eq(&v)
        } else {
            Math::partial(consumer, input).eq(&r).eq(&v)
        };
        let contribution = Math::join(
            &[Math::operand(&st.upstream), Math::operand(&st.local)],
            " × ",
            " \\times ",
        );
        let total = match running[st.input].take() {
            None => Cell::Num(st.contribution.clone()),
            Some(prev) => {
                let sum = prev
                    .add(&st.contribution)
                    .unwrap_or_else(|_| st.contribution.clone());
                let m = Math::join(
                    &[Math::num(&prev), Math::operand(&st.contribution)],
                    " + ",
                    " + ",
                )
                .eq(&Math::num(&sum));
                running[st.input] = Some(sum);
                t.row(row(k, input, st, local, contribution, m.into()));
                continue;
            }
        };
        running[st.input] = Some(st.contribution.clone());
        t.row(row(k, input, st, local, contribution, total));
    }
    t
}

fn row(
    k: usize,
    input: &str,
    st: &EdgeStep,
    local: Math,
    contribution: Math,
    total: Cell,
) -> Vec<Cell> {
    vec![
        Cell::Text((k + 2).to_string()),
        Math::name(input).into(),
        st.upstream.clone().into(),
        local.into(),
        contribution.into(),
        total,
    ]
}

fn check_table(
    trace: &Trace,
    labels: &Labels,
    inputs: &HashMap<String, Scalar>,
    s: &Settings,
) -> Table {
    let g = &trace.graph;
    let out = g.output_name();
    let mut t = Table::new(
        format!(
            "Gradients, checked by central differences (f(v+h) - f(v-h))/2h, tolerance {FD_TOLERANCE:e}"
        ),
        &["gradient", "backprop", "finite difference", "check"],
    );
    let mut order: Vec<usize> = g.variables.clone();
    order.extend(
        (0..g.nodes.len())
            .filter(|&i| i != g.output && g.nodes[i].name.is_some() && g.nodes[i].op != Op::Input),
    );
    for i in order {
        let Some(gr) = &trace.grads[i] else { continue };
        let fd = trace.finite_difference(i, inputs);
        let check = fd_verdict(trace, i, gr, fd);
        t.row(vec![
            Math::partial(out, &labels.label[i]).into(),
            gr.clone().into(),
            fd.map_or(Cell::Empty, |d| Cell::Num(Scalar::Float(d))),
            check.into(),
        ]);
    }
    let _ = s;
    t
}

/// `agrees`, `DIFFERS`, `kink` or `n/a` for one gradient.
pub fn fd_verdict(trace: &Trace, node: usize, grad: &Scalar, fd: Option<f64>) -> String {
    let near_kink = !trace.kinks.is_empty() && depends_on_kink(trace, node);
    match fd {
        None => "n/a (a nearby value leaves the domain)".to_string(),
        Some(d) if (d - grad.to_f64()).abs() <= FD_TOLERANCE * grad.to_f64().abs().max(1.0) => {
            "✓ agrees".to_string()
        }
        Some(_) if near_kink => "kink: one-sided, see note".to_string(),
        Some(_) => "✗ DIFFERS".to_string(),
    }
}

fn depends_on_kink(trace: &Trace, node: usize) -> bool {
    trace.paths(node, MAX_PATHS).is_none_or(|ps| {
        ps.iter()
            .flatten()
            .any(|st| trace.kinks.contains(&st.consumer))
    })
}

/// The chain of local gradients from the output down to `var`, one table
/// per path, and the sum over paths (NNDL: several paths add up).
pub fn chain_blocks(trace: &Trace, var: &str) -> Vec<Block> {
    let g = &trace.graph;
    let labels = Labels::of(g);
    let out = g.output_name();
    let Some(node) = g.find(var) else {
        return vec![];
    };
    let Some(paths) = trace.paths(node, MAX_PATHS) else {
        return vec![Block::Text(format!(
            "∂{out}/∂{var} runs along more than {MAX_PATHS} paths; too many to list."
        ))];
    };
    let mut blocks = Vec::new();
    let mut totals = Vec::new();
    for (p, path) in paths.iter().enumerate() {
        let route: Vec<&str> = std::iter::once(var)
            .chain(
                path.iter()
                    .rev()
                    .map(|st| labels.label[st.consumer].as_str()),
            )
            .collect();
        let title = if paths.len() == 1 {
            format!("∂{out}/∂{var} as one chain: {}", route.join(" → "))
        } else {
            format!("path {} of {}: {}", p + 1, paths.len(), route.join(" → "))
        };
        // The seed ∂out/∂out = 1 is left out: multiplying by it changes nothing.
        let mut t = Table::new(title, &["factor", "rule", "value"]);
        let names: Vec<Math> = route.iter().map(|n| Math::name(n)).collect();
        t.title_math = vec![Math::join(&names, " → ", " \\to ")];
        let mut product = Scalar::one();
        let mut factors = Vec::new();
        for st in path {
            let (c, input) = (&labels.label[st.consumer], &labels.label[st.input]);
            t.row(vec![
                Math::partial(c, input).into(),
                with_values(rule(trace, &labels, st), trace, &labels, st).into(),
                st.local.clone().into(),
            ]);
            product = product.mul(&st.local).unwrap_or(product);
            factors.push(Math::operand(&st.local));
        }
        blocks.push(Block::Table(t));
        let lhs = if paths.len() == 1 {
            Math::partial(out, var)
        } else {
            Math::new(
                format!("path {}", p + 1),
                format!("\\text{{path {}}}", p + 1),
            )
        };
        // One factor is its own product: ∂f/∂z = 3, not ∂f/∂z = 3 = 3.
        let prod = if factors.len() == 1 {
            lhs.eq(&Math::num(&product))
        } else {
            lhs.eq(&Math::join(&factors, " × ", " \\times "))
                .eq(&Math::num(&product))
        };
        blocks.push(Block::Formula(prod));
        totals.push(product);
    }
    if totals.len() > 1 {
        let parts: Vec<Math> = totals.iter().map(Math::operand).collect();
        let total = trace.grads[node].clone().unwrap_or_else(Scalar::zero);
        blocks.push(Block::Formula(
            Math::partial(out, var)
                .eq(&Math::join(&parts, " + ", " + "))
                .eq(&Math::num(&total)),
        ));
        blocks.push(Block::Text(format!(
            "The {} paths from {var} to {out} each carry a product of local gradients; \
             the gradient is their sum.",
            totals.len()
        )));
    }
    blocks
}

/// A rule followed by the values of the names it uses: `-1/h5²  (h5 = 2)`.
fn with_values(rule: Math, trace: &Trace, labels: &Labels, st: &EdgeStep) -> Math {
    let c = &trace.graph.nodes[st.consumer];
    let mut used: Vec<Math> = Vec::new();
    for &i in &c.inputs {
        let label = &labels.label[i];
        if matches!(trace.graph.nodes[i].op, Op::Const(_)) || !rule.words().contains(label.as_str())
        {
            continue;
        }
        let m = Math::name(label).eq(&Math::num(&trace.values[i]));
        if !used.contains(&m) {
            used.push(m);
        }
    }
    if used.is_empty() {
        return rule;
    }
    let ctx = Math::join(&used, ", ", ",\\ ");
    Math::cat(&[
        rule,
        Math::new("  (", " \\quad ("),
        ctx,
        Math::new(")", ")"),
    ])
}

/// True when a rule's text is the number `v` itself (`1`, a constant
/// factor `3`): an exact value spelled the same, a float equal to it.
fn is_the_number(rule: &str, v: &Scalar) -> bool {
    match v {
        Scalar::Exact(_) => v.exact_string().is_some_and(|e| e == rule),
        Scalar::Float(x) => Scalar::parse(rule).is_ok_and(|r| r.to_f64() == *x),
    }
}

/// The symbolic local derivative ∂consumer/∂input, in the inputs' names.
pub fn rule(trace: &Trace, labels: &Labels, st: &EdgeStep) -> Math {
    let c = &trace.graph.nodes[st.consumer];
    let raw: Vec<&str> = c.inputs.iter().map(|&i| labels.label[i].as_str()).collect();
    // A label with an operator in it is bracketed inside a formula
    // (-(x + y)/z², 1/(x·y)), but not where the rule already brackets it:
    // σ(x + y), not σ((x + y)).
    let wrapped: Vec<String> = raw
        .iter()
        .map(|l| {
            if l.contains([' ', '·', '/', '^']) {
                format!("({l})")
            } else {
                l.to_string()
            }
        })
        .collect();
    let fill = |template: &str| {
        let mut t = template.to_string();
        for (k, key) in ["{a}", "{b}"].iter().enumerate().take(raw.len()) {
            t = t.replace(&format!("({key})"), &format!("({})", raw[k]));
            t = t.replace(key, &wrapped[k]);
        }
        t
    };
    let plain = match (c.op.row(), &c.op) {
        // 0^b = 0 for every b > 0: no ln needed (and ln 0 has no value)
        (_, Op::Pow) if st.arg == 1 && trace.values[c.inputs[0]].is_zero() => "0".to_string(),
        // the multiply gate's local gradient is the other input, alone: a
        // product needs no brackets there (x·y), a sum keeps them
        (Some(row), Op::Mul) => {
            let alone = |l: &str| {
                if l.contains(' ') {
                    format!("({l})")
                } else {
                    l.to_string()
                }
            };
            row.rule[st.arg]
                .replace("{a}", &alone(raw[0]))
                .replace("{b}", &alone(raw[1]))
        }
        (Some(row), _) => fill(row.rule[st.arg]),
        (None, _) => labels.label[st.consumer].clone(),
    };
    Math::name(&plain)
}

/// `-2 + 5`, `3 · (-4)`, `σ(0)`: the operation with its input values.
fn computed_as(op: &Op, a: &[&Scalar]) -> Math {
    // The first operand needs no parentheses: `-2 + 5`, `3 · (-4)`.
    let o = |k: usize| {
        if k == 0 {
            Math::num(a[k])
        } else {
            Math::operand(a[k])
        }
    };
    let Some(row) = op.row() else {
        return Math::new("", ""); // inputs and constants compute nothing
    };
    match op {
        // `-2 + 5`, `3 · (-4)` (MUL's symbol · is \cdot in LaTeX)
        Op::Add | Op::Sub | Op::Mul | Op::Div => Math::join(
            &[o(0), o(1)],
            &format!(" {} ", row.symbol),
            &format!(" {} ", row.latex),
        ),
        // A negative base keeps its parentheses: (-1/4)^2, not -1/4^2.
        Op::Pow => {
            let base = Math::operand(a[0]);
            Math::cat(&[
                Math::new("", "{"),
                base,
                Math::new("^", "}^{"),
                o(1),
                Math::new("", "}"),
            ])
        }
        // -(-0.693147), not --0.693147
        Op::Neg => Math::cat(&[Math::new("-", "-"), Math::operand(a[0])]),
        Op::Copy => Math::num(a[0]),
        Op::Input | Op::Const(_) => Math::new("", ""),
        Op::Exp
        | Op::Ln
        | Op::Sqrt
        | Op::Sigmoid
        | Op::Tanh
        | Op::Relu
        | Op::Abs
        | Op::Max
        | Op::Min => {
            let args = Math::join(
                &a.iter().map(|v| Math::num(v)).collect::<Vec<_>>(),
                ", ",
                ", ",
            );
            // stretchy parentheses only round a fraction (see Math::operand);
            // an exact non-integer is the one number written as `\frac`
            let fraction = a
                .iter()
                .any(|v| v.as_exact().is_some_and(|r| !r.is_integer()));
            let (open, close) = if fraction {
                ("\\left(", "\\right)")
            } else {
                ("(", ")")
            };
            Math::cat(&[
                Math::name(row.symbol),
                Math::new("(", open),
                args,
                Math::new(")", close),
            ])
        }
    }
}

/// The gate's mark in the figure: `+`, `×`, `σ`; empty for inputs and constants.
fn op_symbol(op: &Op) -> String {
    op.row().map_or(String::new(), |r| r.gate.to_string())
}

/// The computation graph with values and gradients, for the diagram.
pub fn figure(trace: &Trace) -> Figure {
    figure_of(trace, &Labels::of(&trace.graph))
}

fn figure_of(trace: &Trace, labels: &Labels) -> Figure {
    let g = &trace.graph;
    Figure::Graph {
        nodes: g
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| FigureNode {
                label: labels.label[i].clone(),
                op: op_symbol(&n.op),
                value: trace.values[i].clone(),
                grad: trace.grads[i].clone(),
                inputs: n.inputs.clone(),
                constant: matches!(n.op, Op::Const(_)),
            })
            .collect(),
        output: g.output,
    }
}

/// Parse a program, run it at `values` and explain it: the one path from an
/// expression to a report, shared by `nn-tutor graph` and the catalog.
pub fn build(
    src: &str,
    values: &HashMap<String, Scalar>,
    s: &Settings,
) -> crate::Result<(Report, Trace)> {
    let graph = crate::graph::Graph::parse(src)?;
    let trace = labels::run(&graph, values, s.float)?;
    let mut r = Report::default();
    explain(&mut r, &trace, values, s);
    Ok((r, trace))
}

/// How each gate of the graph treats its upstream gradient (PKU, 常见操作的
/// 反向传播): add distributes, mul swaps, max routes, a copy adds.
pub fn gate_patterns(trace: &Trace) -> Table {
    let g = &trace.graph;
    let labels = Labels::of(g);
    let mut t = Table::new(
        "Gate patterns · 常见操作的反向传播",
        &["gate", "upstream", "sends", "pattern"],
    );
    for (c, node) in g.nodes.iter().enumerate() {
        let pattern = match node.op {
            Op::Add => "add gate: distributes the upstream gradient unchanged",
            Op::Mul => "mul gate: each input gets upstream × the other input (swap)",
            Op::Max => "max gate: routes the gradient to the larger input, 0 to the other",
            Op::Min => "min gate: routes the gradient to the smaller input, 0 to the other",
            _ => continue,
        };
        let Some(up) = &trace.grads[c] else { continue };
        let sends: Vec<Sentence> = trace
            .steps
            .iter()
            .filter(|st| st.consumer == c)
            .map(|st| {
                Sentence::new(
                    format!("{} ← {{}}", labels.label[st.input]),
                    vec![Num::shown(&st.contribution)],
                )
            })
            .collect();
        if sends.is_empty() {
            continue;
        }
        let gate = Math::name(&labels.label[c]).eq(&Math::name(&labels.expr[c]));
        t.row(vec![
            gate.into(),
            up.clone().into(),
            Cell::Sentence(Sentence::join(sends, ", ")),
            pattern.into(),
        ]);
    }
    for i in 0..g.nodes.len() {
        let parts: Vec<&EdgeStep> = trace.steps.iter().filter(|st| st.input == i).collect();
        if parts.len() < 2 {
            continue;
        }
        let mut sum = Sentence::join(
            parts.iter().map(|st| Num::shown(&st.contribution).into()),
            " + ",
        );
        let total = trace.grads[i].clone().unwrap_or_else(Scalar::zero);
        t.row(vec![
            Cell::Text(format!(
                "copy of {} (used {} times)",
                labels.label[i],
                parts.len()
            )),
            Cell::Empty,
            Cell::Sentence({
                sum.push_words(" = ");
                sum.push_num(Num::shown(&total));
                sum
            }),
            "copy gate: adds the gradients of its uses".into(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negated_negative_value_keeps_its_parentheses() {
        // L = -ln(p1) at ln(p1) = ln(1/2) ≈ -0.693147: -(-0.693147), not --0.693147
        let v = Scalar::Float(-std::f64::consts::LN_2);
        let m = computed_as(&Op::Neg, &[&v]);
        assert_eq!(m.plain(6), "-(-0.693147)");
        assert_eq!(m.latex(6), "-(-0.693147)");
        assert_eq!(computed_as(&Op::Neg, &[&Scalar::int(2)]).plain(6), "-2");
    }

    #[test]
    fn a_one_factor_chain_states_its_value_once() {
        // f = q·z at q = 3: the only path from z is ∂f/∂z = q = 3.
        let g = crate::graph::Graph::parse("q = x + y; f = q * z").unwrap();
        let at = crate::graph::at(&[("x", "-2"), ("y", "5"), ("z", "-4")]);
        let t = Trace::run(&g, &at, false).unwrap();
        let blocks = chain_blocks(&t, "z");
        let formulas: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Formula(m) => Some(m.plain(6)),
                _ => None,
            })
            .collect();
        assert_eq!(formulas, ["∂f/∂z = 3"]);
        let blocks = chain_blocks(&t, "x");
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::Formula(m) if m.plain(6) == "∂f/∂x = (-4) × 1 = -4"))
        );
    }

    #[test]
    fn a_negative_base_keeps_its_parentheses() {
        // (-1/4)^2 = 1/16; written -1/4^2 it would read as -(1/4)^2.
        let base = Scalar::parse("-1/4").unwrap();
        let m = computed_as(&Op::Pow, &[&base, &Scalar::int(2)]);
        assert_eq!(m.plain(6), "(-1/4)^2");
        assert_eq!(m.latex(6), "{\\left(-\\frac{1}{4}\\right)}^{2}");
    }
}
