//! How the nodes of a computation graph read (结点的名字): a pure function
//! from a [`Graph`] to the text each node shows. The graph holds structure
//! only (op, inputs, the student's names and literals); everything a reader
//! sees of a node is built here, from the graph and the op table's symbols
//! (`src/op.rs`).
//!
//! - `label`: how the node reads where it is used: `q`, `x`, `2`; an unnamed
//!   step computed from names and numbers reads as its formula, `x·y`; one
//!   computed from other unnamed steps gets a short name, `n1`, `n2`, … (its
//!   `expr` says once what it is), so labels never nest.
//! - `expr`: what computes it, in its inputs' labels: `x + y` for
//!   `q = x + y`, `n1 + w2`; empty for variables and constants.
//! - `formula`: the whole formula in the names the student wrote, unnamed
//!   steps written out: `w0·x0 + w1·x1 + w2` (the `expr` when longer than
//!   [`MAX_FORMULA`]); empty for variables and constants.
//!
//! A label read back by the parser is the same node: parentheses follow the
//! grammar's binding strengths (`(w/x)^(-1)`, `a/(b·c)`).
//!
//! Errors of [`Trace::run`] carry a node's index; [`Labels::error`] names
//! the node as the student reads it (`division by zero at node `h``).

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::graph::{Graph, Op, RunError, Trace};
use crate::scalar::Scalar;

/// Longest formula kept for a node ([`Labels::formula`]); past it the
/// formula is written in its inputs' labels, so formulas built from
/// formulas stay bounded.
pub const MAX_FORMULA: usize = 200;

/// The text of every node of one graph, indexed as `graph.nodes`.
#[derive(Clone, Debug, PartialEq)]
pub struct Labels {
    /// How each node reads where it is used: `q`, `x·y`, `n1`, `2`.
    pub label: Vec<String>,
    /// What computes each node, in its inputs' labels: `n1 + w2`; empty for
    /// variables and constants.
    pub expr: Vec<String>,
    /// Each node's whole formula in the student's names, unnamed steps
    /// written out: `σ(w0·x0 + w1·x1 + w2)`; empty for variables and
    /// constants.
    pub formula: Vec<String>,
}

impl Labels {
    /// The labels, exprs and formulas of every node of `g`, in node order.
    pub fn of(g: &Graph) -> Labels {
        let n = g.nodes.len();
        let mut l = Labels {
            label: Vec::with_capacity(n),
            expr: Vec::with_capacity(n),
            formula: Vec::with_capacity(n),
        };
        // Short names n1, n2, … skip any name the program uses.
        let taken: Vec<&str> = g.nodes.iter().filter_map(|n| n.name.as_deref()).collect();
        let mut short = 0;
        for node in &g.nodes {
            let expr = l.describe(g, &node.op, &node.inputs, |k| &l.label[k]);
            let formula = match l.describe(g, &node.op, &node.inputs, |k| {
                if g.nodes[k].name.is_none() && !l.formula[k].is_empty() {
                    &l.formula[k]
                } else {
                    &l.label[k]
                }
            }) {
                f if f.chars().count() > MAX_FORMULA => expr.clone(),
                f => f,
            };
            // An unnamed step built from another unnamed step gets a short
            // name, so labels never nest (σ(w0·x0 + w1·x1 + w2) would be
            // repeated in every rule that uses it); constants keep their
            // formula (-1).
            let nested = node
                .inputs
                .iter()
                .any(|&k| g.nodes[k].name.is_none() && !g.constant[k]);
            let label = match (&node.name, &node.literal) {
                (Some(name), _) => name.clone(),
                (None, Some(text)) => text.clone(),
                (None, None) if nested => loop {
                    short += 1;
                    let s = format!("n{short}");
                    if !taken.contains(&s.as_str()) {
                        break s;
                    }
                },
                (None, None) => expr.clone(),
            };
            l.label.push(label);
            l.expr.push(expr);
            l.formula.push(formula);
        }
        l
    }

    /// The node whose label is `label` (a name, a short name `n1`, `x·y`).
    pub fn find(&self, label: &str) -> Option<usize> {
        self.label.iter().position(|l| l == label)
    }

    /// The error of a failed [`Trace::run`] as the student reads it: an
    /// arithmetic error names the node where it happened by its label.
    pub fn error(&self, e: RunError) -> Error {
        match e {
            RunError::Values(e) => e,
            RunError::At { node, error } => error.at_node(&self.label[node]),
        }
    }

    /// How tightly node `i`'s text binds, in the parser's grammar (expr.rs):
    /// a sum 0, a product or a fraction literal such as `1/4` 1, a negation
    /// 2, a power 3, a name, number or call 4.
    fn binding(&self, g: &Graph, i: usize, text: &str) -> u8 {
        let n = &g.nodes[i];
        let (label, formula) = (&self.label[i], &self.formula[i]);
        // a name, or a short name such as n1
        if n.name.is_some() || text != formula && text == label && !formula.is_empty() {
            return 4;
        }
        match n.op {
            Op::Const(_) if text.contains('/') => 1,
            Op::Add | Op::Sub => 0,
            Op::Mul | Op::Div => 1,
            Op::Neg => 2,
            Op::Pow => 3,
            // a name, a number, a call f(…)
            _ => 4,
        }
    }

    /// The text of a node computed by `op` from `inputs`, built from its
    /// inputs' texts with the parentheses the grammar needs, so the text
    /// read back by the parser is the same node: `(w/x)^(-1)`, `a/(b·c)`. A
    /// negation is bracketed wherever it is an operand, except first in a
    /// sum (`-x + y`). `text` picks how each input is written: its label, or
    /// its formula.
    fn describe<'a>(
        &self,
        g: &Graph,
        op: &Op,
        inputs: &[usize],
        text: impl Fn(usize) -> &'a String,
    ) -> String {
        // The k-th input's text, bracketed when it binds looser than `min`.
        let l = |k: usize, min: u8| {
            let i = inputs[k];
            let t = text(i);
            let b = self.binding(g, i, t);
            if b < min || (b == 2 && min > 0) {
                format!("({t})")
            } else {
                t.clone()
            }
        };
        // the op table's symbol: `+`, `·` for `*`, `σ` for sigmoid
        let symbol = op.row().map_or("", |r| r.symbol);
        match op {
            // a + b and a − b are left-associative: b needs to be a term
            Op::Add | Op::Sub => format!("{} {symbol} {}", l(0, 0), l(1, 1)),
            // a·b and a/b: b needs to bind tighter than a product
            Op::Mul | Op::Div => format!("{}{symbol}{}", l(0, 1), l(1, 3)),
            // the base of a power is a primary; the exponent a unary
            Op::Pow => format!("{}{symbol}{}", l(0, 4), l(1, 3)),
            Op::Neg => format!("{symbol}{}", l(0, 3)),
            Op::Copy => text(inputs[0]).clone(),
            Op::Input | Op::Const(_) => String::new(),
            // a function call: σ(n2), max(x, y)
            _ => format!(
                "{symbol}({})",
                inputs
                    .iter()
                    .map(|&i| text(i).clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// [`Trace::run`], with a failure named as the student reads it
/// ([`Labels::error`]): the one way the reports, the catalog and `check`
/// run a graph.
pub fn run(g: &Graph, values: &HashMap<String, Scalar>, float: bool) -> Result<Trace> {
    Trace::run(g, values, float).map_err(|e| Labels::of(g).error(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::at;

    #[test]
    fn labels_keep_the_parentheses_the_math_needs() {
        // ((-1/2)/y)^(-1) is (-1/(2y))^(-1) = -2y; written (-1)/2/y^(-1) it
        // would read as (-1/2)/(1/y) = -y/2.
        let cases = [
            ("((-1/2)/y)^(-1)", "((-1)/2/y)^(-1)"),
            ("x/(y*z)", "x/(y·z)"),
            ("(x*y)^2", "(x·y)^2"),
            ("x^(1/4)", "x^(1/4)"),
            ("-(x*y)", "-(x·y)"),
            ("-x^2", "-x^2"),
            ("(x^y)^z", "(x^y)^z"),
            ("x^y^z", "x^y^z"),
            ("-x + y", "-x + y"),
            ("x - (y - z)", "x - (y - z)"),
            ("2/(1/2) * x", "2/(1/2)·x"),
        ];
        for (src, label) in cases {
            let g = Graph::parse(src).unwrap();
            assert_eq!(Labels::of(&g).expr[g.output], label, "{src}");
        }
    }

    #[test]
    fn unnamed_steps_of_unnamed_steps_get_short_names() {
        // f = σ(w0·x0 + w1·x1 + w2): w0·x0 and w1·x1 read as formulas; the
        // sums built from them are n1 and n2, each defined once by its expr.
        let g = Graph::parse("f = sigmoid(w0*x0 + w1*x1 + w2)").unwrap();
        let l = Labels::of(&g);
        let rows: Vec<(&str, &str)> = (0..g.nodes.len())
            .filter(|&i| !l.expr[i].is_empty())
            .map(|i| (l.label[i].as_str(), l.expr[i].as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("w0·x0", "w0·x0"),
                ("w1·x1", "w1·x1"),
                ("n1", "w0·x0 + w1·x1"),
                ("n2", "n1 + w2"),
                ("f", "σ(n2)"),
            ]
        );
        // the step as written keeps the whole formula
        assert_eq!(l.formula[g.output], "σ(w0·x0 + w1·x1 + w2)");
        // a named step's own name replaces its short name, and the count
        // goes on without a gap; names the program uses are skipped
        let g = Graph::parse("z = n1*x + y*x + 1; f = (z + x)*(z - x) + z").unwrap();
        let labels = Labels::of(&g).label;
        assert!(
            labels.contains(&"n2".to_string()) && labels.contains(&"n3".to_string()),
            "{labels:?}"
        );
        assert!(!labels.contains(&"n4".to_string()), "{labels:?}");
        assert_eq!(
            labels.iter().filter(|l| *l == "n1").count(),
            1,
            "{labels:?}"
        );
        // constants keep their formula: the -1 of x^(-1)
        let g = Graph::parse("(x + 1)^(-1)").unwrap();
        assert_eq!(Labels::of(&g).expr[g.output], "(x + 1)^(-1)");
    }

    #[test]
    fn literals_read_as_written() {
        // 0.5 and 1/2 are the same exact number; each reads as typed.
        let g = Graph::parse("0.5*x + 1/2").unwrap();
        let l = Labels::of(&g);
        assert_eq!(l.expr[g.output], "0.5·x + 1/2");
        assert_eq!(l.label[g.output], "f");
    }

    #[test]
    fn errors_name_the_node_by_its_label() {
        // 1/(x - 1) at x = 1 divides by zero at the step named h.
        let g = Graph::parse("h = 1/(x - 1); f = h").unwrap();
        let e = run(&g, &at(&[("x", "1")]), false).unwrap_err();
        assert_eq!(e, Error::DivisionByZero { node: "h".into() });
        assert_eq!(e.to_string(), "division by zero at node `h`");
        // ln 0 at the output f
        let g = Graph::parse("ln(x)").unwrap();
        assert!(matches!(
            run(&g, &at(&[("x", "0")]), false),
            Err(Error::Domain { node, .. }) if node == "f"
        ));
        // an unnamed step of names reads as its formula: x/y inside f, and
        // one of unnamed steps by its short name: 1/(x - 1) is n1
        let g = Graph::parse("f = x/y + 1").unwrap();
        let e = run(&g, &at(&[("x", "1"), ("y", "0")]), false).unwrap_err();
        assert_eq!(e, Error::DivisionByZero { node: "x/y".into() });
        let g = Graph::parse("f = 1/(x - 1) + x").unwrap();
        let e = run(&g, &at(&[("x", "1")]), false).unwrap_err();
        assert_eq!(e, Error::DivisionByZero { node: "n1".into() });
        // values that do not fit the graph pass through unchanged
        let g = Graph::parse("ln(x)").unwrap();
        assert!(matches!(
            run(&g, &at(&[("y", "1")]), false),
            Err(Error::UnknownName { .. })
        ));
        assert!(matches!(
            run(&g, &HashMap::new(), false),
            Err(Error::MissingValue { name }) if name == "x"
        ));
    }
}
