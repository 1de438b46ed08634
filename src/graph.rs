//! Computation graphs and traced reverse-mode autodiff (计算图与自动微分).
//!
//! A program in the expression language becomes a DAG of [`Node`]s in
//! topological order (every input before its consumers). [`Trace::run`]
//! computes every value forward, then seeds the output with 1 and walks the
//! nodes in reverse: each node sends `upstream × local` to each of its
//! inputs, and contributions from several paths add up (NNDL, autodiff; PKU,
//! "反向传播 例1"). Every step is recorded so reports can show it.
//!
//! The graph is structure only: each node's op, inputs, and the name or
//! literal the student wrote. It formats no text: how a node reads (`x·y`,
//! the short name `n1`, its formula) is built by `report::labels`, and a
//! failure names its node by index ([`RunError`]).

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::expr::{BinOp, Expr, Statement};
use crate::scalar::Scalar;

pub use crate::op::{NoSlope, Op};

/// One node: its operation, its inputs (indices of earlier nodes), and what
/// the student wrote of it (a name, a literal). How it reads on the page
/// (`x·y`, `n1`) is `report::labels`' business.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub op: Op,
    pub inputs: Vec<usize>,
    /// The step's name (`q`) or the variable's name; `None` for an unnamed
    /// intermediate.
    pub name: Option<String>,
    /// A constant as the student wrote it (`0.5`, `1/4`, `2/(1/2)`);
    /// `None` for every other node.
    pub literal: Option<String>,
}

/// A computation graph in topological order; the output is the last node of
/// the last statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub output: usize,
    /// Variables in the order they first appear.
    pub variables: Vec<usize>,
    /// True for a node that is a constant to the student: a literal, or an
    /// unnamed node computed from literals alone (the `-1` of `x^(-1)`).
    /// Gradients are not sent into constants.
    pub constant: Vec<bool>,
}

impl Graph {
    /// Build the graph of a program. An unnamed last statement is named `f`.
    pub fn parse(src: &str) -> Result<Graph> {
        crate::expr::with_stack_for(src, || Graph::parse_here(src))
    }

    fn parse_here(src: &str) -> Result<Graph> {
        let stmts = crate::expr::parse_here(src)?;
        let mut b = Builder::default();
        let last = stmts.len() - 1;
        for (k, st) in stmts.iter().enumerate() {
            let name = match (&st.name, k == last) {
                (Some(n), _) => Some(n.clone()),
                // The output is `f` as in the decks, unless `f` is taken.
                (None, true) if src_uses_name(&stmts, "f") => Some("out".to_string()),
                (None, true) => Some("f".to_string()),
                (None, false) => None,
            };
            b.statement(st, name)?;
        }
        let output = b.nodes.len() - 1;
        let mut constant: Vec<bool> = Vec::with_capacity(b.nodes.len());
        for n in &b.nodes {
            let c = match n.op {
                Op::Const(_) => true,
                Op::Input => false,
                _ => n.name.is_none() && n.inputs.iter().all(|&i| constant[i]),
            };
            constant.push(c);
        }
        Ok(Graph {
            nodes: b.nodes,
            output,
            variables: b.variables,
            constant,
        })
    }

    /// Name of the output (`f` unless the last step was named).
    pub fn output_name(&self) -> &str {
        self.nodes[self.output]
            .name
            .as_deref()
            .expect("the last statement is always named")
    }

    /// The variable names, in order of first appearance.
    pub fn variable_names(&self) -> Vec<String> {
        self.variables
            .iter()
            .map(|&i| self.nodes[i].name.clone().expect("a variable has a name"))
            .collect()
    }

    /// Index of the node with this name.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.name.as_deref() == Some(name))
    }
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    names: HashMap<String, usize>,
    variables: Vec<usize>,
}

impl Builder {
    fn statement(&mut self, st: &Statement, name: Option<String>) -> Result<()> {
        if let Some(n) = &name
            && let Some(&i) = self.names.get(n)
        {
            let what = if self.nodes[i].op == Op::Input {
                "is used as a variable before this step defines it"
            } else {
                "is defined twice"
            };
            return Err(Error::Usage(format!("step `{n}` {what}")));
        }
        let mut top = self.expr(&st.expr)?;
        // A step that only renames a node or a constant gets a node of its own.
        let reuse = matches!(st.expr, Expr::Var { .. } | Expr::Num { .. });
        if reuse && name.is_some() {
            top = self.push(Op::Copy, vec![top], None);
        }
        if let Some(n) = name {
            self.nodes[top].name = Some(n.clone());
            self.names.insert(n, top);
        }
        Ok(())
    }

    fn push(&mut self, op: Op, inputs: Vec<usize>, name: Option<String>) -> usize {
        self.nodes.push(Node {
            op,
            inputs,
            name,
            literal: None,
        });
        self.nodes.len() - 1
    }

    fn expr(&mut self, e: &Expr) -> Result<usize> {
        Ok(match e {
            Expr::Num { value, text } => {
                let i = self.push(Op::Const(value.clone()), vec![], None);
                self.nodes[i].literal = Some(text.clone());
                i
            }
            Expr::Var { name, .. } => match self.names.get(name) {
                Some(&i) => i,
                None => {
                    let i = self.push(Op::Input, vec![], Some(name.clone()));
                    self.names.insert(name.clone(), i);
                    self.variables.push(i);
                    i
                }
            },
            Expr::Neg(a) => {
                let a = self.expr(a)?;
                self.push(Op::Neg, vec![a], None)
            }
            Expr::Binary(op, a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                let op = match op {
                    BinOp::Add => Op::Add,
                    BinOp::Sub => Op::Sub,
                    BinOp::Mul => Op::Mul,
                    BinOp::Div => Op::Div,
                    BinOp::Pow => Op::Pow,
                };
                self.push(op, vec![a, b], None)
            }
            Expr::Call { func, args } => {
                let ins = args
                    .iter()
                    .map(|a| self.expr(a))
                    .collect::<Result<Vec<_>>>()?;
                let op = crate::op::function(func)
                    .expect("the parser only accepts known functions")
                    .op
                    .clone();
                self.push(op, ins, None)
            }
        })
    }
}

/// True when a program mentions `name` as a variable or step.
fn src_uses_name(stmts: &[Statement], name: &str) -> bool {
    fn uses(e: &Expr, name: &str) -> bool {
        match e {
            Expr::Var { name: n, .. } => n == name,
            Expr::Num { .. } => false,
            Expr::Neg(a) => uses(a, name),
            Expr::Binary(_, a, b) => uses(a, name) || uses(b, name),
            Expr::Call { args, .. } => args.iter().any(|a| uses(a, name)),
        }
    }
    stmts
        .iter()
        .any(|s| s.name.as_deref() == Some(name) || uses(&s.expr, name))
}

/// One backward step along an edge `input → consumer`.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeStep {
    /// The consumer node, whose gradient is the upstream gradient.
    pub consumer: usize,
    /// Which argument of the consumer (0 or 1).
    pub arg: usize,
    /// The input node that receives the contribution.
    pub input: usize,
    pub upstream: Scalar,
    /// ∂consumer/∂input at the current values.
    pub local: Scalar,
    /// upstream × local.
    pub contribution: Scalar,
}

/// A gradient that does not exist at these values, and the edge where the
/// chain breaks: ∂consumer/∂(its input `arg`) has no value (see [`NoSlope`]).
#[derive(Clone, Debug, PartialEq)]
pub struct NoGradient {
    pub consumer: usize,
    pub arg: usize,
    pub why: NoSlope,
}

/// Why [`Trace::run`] stopped. An arithmetic error carries the index of
/// the node where it happened, not its name: the engine formats no text, and
/// `report::labels` names the node as the student reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum RunError {
    /// The values do not fit the graph: a name it does not have, a
    /// variable without a value.
    Values(Error),
    /// Computing node `node` failed (a division by zero, a value outside a
    /// function's domain, an overflow); `error` does not name the node yet.
    At { node: usize, error: Error },
}

/// Forward values, backward gradients and every step in between.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    pub graph: Graph,
    pub values: Vec<Scalar>,
    /// ∂out/∂node; `None` for constants and nodes the output does not use.
    pub grads: Vec<Option<Scalar>>,
    /// Backward steps in the order they are taken.
    pub steps: Vec<EdgeStep>,
    /// Nodes whose inputs sit exactly on a kink (ReLU at 0, a max tie, …).
    pub kinks: Vec<usize>,
    /// For each node whose gradient does not exist (its `grads` entry is
    /// `None`), the edge where the chain breaks; the chain breaks for every
    /// node below that edge too.
    pub no_gradient: Vec<Option<NoGradient>>,
}

impl Trace {
    /// Run forward and backward with the given variable values. Every
    /// variable needs a value; `float` turns every number into an f64 first.
    /// A failure names the node by its index ([`RunError`]);
    /// `report::labels::run` runs this and names it by its label.
    pub fn run(
        graph: &Graph,
        values: &HashMap<String, Scalar>,
        float: bool,
    ) -> std::result::Result<Trace, RunError> {
        let vals = forward(graph, values, float, None)?;
        let mut kinks = Vec::new();
        let n = graph.nodes.len();
        let mut grads: Vec<Option<Scalar>> = vec![None; n];
        grads[graph.output] = Some(if float {
            Scalar::Float(1.0)
        } else {
            Scalar::one()
        });
        let mut steps = Vec::new();
        let mut no_gradient: Vec<Option<NoGradient>> = vec![None; n];
        for c in (0..=graph.output).rev() {
            let node = &graph.nodes[c];
            if let Some(broken) = no_gradient[c].clone() {
                // No gradient here: none for anything this node is computed from.
                for &input in &node.inputs {
                    if !graph.constant[input] {
                        no_gradient[input].get_or_insert(broken.clone());
                    }
                }
                continue;
            }
            let Some(upstream) = grads[c].clone() else {
                continue;
            };
            let args: Vec<Scalar> = node.inputs.iter().map(|&i| vals[i].clone()).collect();
            if !node.inputs.is_empty() && node.op.at_kink(&args) {
                kinks.push(c);
            }
            for (arg, &input) in node.inputs.iter().enumerate() {
                if graph.constant[input] {
                    continue;
                }
                if let Some(why) = node.op.no_slope(&args, arg) {
                    no_gradient[input].get_or_insert(NoGradient {
                        consumer: c,
                        arg,
                        why,
                    });
                    continue;
                }
                let at = |error| RunError::At { node: c, error };
                let local = node.op.local(&args, &vals[c], arg).map_err(at)?;
                let contribution = upstream.mul(&local).map_err(at)?;
                grads[input] = Some(match &grads[input] {
                    None => contribution.clone(),
                    Some(g) => g.add(&contribution).map_err(at)?,
                });
                steps.push(EdgeStep {
                    consumer: c,
                    arg,
                    input,
                    upstream: upstream.clone(),
                    local,
                    contribution,
                });
            }
        }
        // A gradient with one path that breaks does not exist, whatever the
        // other paths carry.
        for (i, broken) in no_gradient.iter().enumerate() {
            if broken.is_some() {
                grads[i] = None;
            }
        }
        steps.retain(|st| no_gradient[st.input].is_none() && no_gradient[st.consumer].is_none());
        Ok(Trace {
            graph: graph.clone(),
            values: vals,
            grads,
            steps,
            kinks,
            no_gradient,
        })
    }

    /// ∂out/∂node by central differences in f64, perturbing that node alone:
    /// (f(v + h) − f(v − h)) / 2h with h = 1e-6·max(1, |v|).
    /// `None` when a perturbed evaluation fails (e.g. leaves a domain).
    pub fn finite_difference(&self, node: usize, inputs: &HashMap<String, Scalar>) -> Option<f64> {
        let v = self.values[node].to_f64();
        let h = 1e-6 * v.abs().max(1.0);
        let at = |x: f64| {
            forward(&self.graph, inputs, true, Some((node, x)))
                .ok()
                .map(|vals| vals[self.graph.output].to_f64())
        };
        let d = (at(v + h)? - at(v - h)?) / (2.0 * h);
        d.is_finite().then_some(d)
    }

    /// Every path from `node` up to the output, as the list of backward steps
    /// along it (nearest the output first). `None` when there are more than
    /// `cap` paths.
    pub fn paths(&self, node: usize, cap: usize) -> Option<Vec<Vec<&EdgeStep>>> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, Vec<&EdgeStep>)> = vec![(node, Vec::new())];
        while let Some((at, path)) = stack.pop() {
            if at == self.graph.output {
                let mut p = path;
                p.reverse();
                out.push(p);
                if out.len() > cap {
                    return None;
                }
                continue;
            }
            for step in self.steps.iter().filter(|s| s.input == at).rev() {
                let mut p = path.clone();
                p.push(step);
                stack.push((step.consumer, p));
            }
        }
        Some(out)
    }
}

/// Forward pass; `over` replaces one node's value (for finite differences).
fn forward(
    graph: &Graph,
    values: &HashMap<String, Scalar>,
    float: bool,
    over: Option<(usize, f64)>,
) -> std::result::Result<Vec<Scalar>, RunError> {
    // In name order, so that the same command always names the same
    // unknown name (a map's own order changes from run to run).
    let mut names: Vec<&String> = values.keys().collect();
    names.sort();
    for name in names {
        if !graph
            .variables
            .iter()
            .any(|&i| graph.nodes[i].name.as_ref() == Some(name))
        {
            return Err(RunError::Values(Error::UnknownName {
                name: name.clone(),
                what: "a variable of this expression".to_string(),
                accepted: match graph.variable_names() {
                    names if names.is_empty() => {
                        "it has no variables (it is a constant); drop --at".to_string()
                    }
                    names => format!("its variables are: {}", names.join(", ")),
                },
            }));
        }
    }
    let mut vals: Vec<Scalar> = Vec::with_capacity(graph.nodes.len());
    for (i, node) in graph.nodes.iter().enumerate() {
        let at = |error| RunError::At { node: i, error };
        let v = match (&node.op, over) {
            (_, Some((k, x))) if k == i => Scalar::float(x).map_err(at)?,
            (Op::Input, _) => {
                let name = node.name.as_ref().expect("a variable has a name");
                values
                    .get(name)
                    .cloned()
                    .ok_or_else(|| RunError::Values(Error::MissingValue { name: name.clone() }))?
            }
            (Op::Const(c), _) => c.clone(),
            (op, _) => {
                let args: Vec<Scalar> = node.inputs.iter().map(|&k| vals[k].clone()).collect();
                op.forward(&args).map_err(at)?
            }
        };
        vals.push(if float { v.to_float() } else { v });
    }
    Ok(vals)
}

/// For unit tests: input values from `("name", "value")` pairs.
#[cfg(test)]
pub(crate) fn at(pairs: &[(&str, &str)]) -> HashMap<String, Scalar> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), Scalar::parse(v).expect("a number")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grad(t: &Trace, name: &str) -> Scalar {
        t.grads[t.graph.find(name).unwrap()].clone().unwrap()
    }

    #[test]
    fn pku_example_1() {
        // f = (x + y)z at (-2, 5, -4): q = 3, f = -12;
        // ∂f/∂q = z = -4, ∂f/∂z = q = 3, ∂f/∂x = ∂f/∂y = -4 · 1 = -4.
        let g = Graph::parse("q = x + y; f = q * z").unwrap();
        let t = Trace::run(&g, &at(&[("x", "-2"), ("y", "5"), ("z", "-4")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::int(-12));
        assert_eq!(grad(&t, "q"), Scalar::int(-4));
        assert_eq!(grad(&t, "z"), Scalar::int(3));
        assert_eq!(grad(&t, "x"), Scalar::int(-4));
        assert_eq!(grad(&t, "y"), Scalar::int(-4));
    }

    #[test]
    fn paths_add_up_at_a_fork() {
        // f = x·x + x: ∂f/∂x = 2x + 1 = 7 at x = 3, over three paths.
        let g = Graph::parse("x*x + x").unwrap();
        let t = Trace::run(&g, &at(&[("x", "3")]), false).unwrap();
        assert_eq!(grad(&t, "x"), Scalar::int(7));
        assert_eq!(t.paths(g.find("x").unwrap(), 10).unwrap().len(), 3);
    }

    #[test]
    fn finite_differences_agree() {
        let src = "f = sigmoid(w0*x0 + w1*x1 + w2)";
        let g = Graph::parse(src).unwrap();
        let v = at(&[
            ("w0", "2"),
            ("x0", "-1"),
            ("w1", "-3"),
            ("x1", "-2"),
            ("w2", "-3"),
        ]);
        let t = Trace::run(&g, &v, false).unwrap();
        for &i in &g.variables {
            let fd = t.finite_difference(i, &v).unwrap();
            let exact = t.grads[i].clone().unwrap().to_f64();
            assert!(
                (fd - exact).abs() < 1e-8,
                "{:?}: {fd} vs {exact}",
                g.nodes[i].name
            );
        }
    }

    #[test]
    fn errors_carry_the_node() {
        // 1/(x - 1) at x = 1 divides by zero at the step h; the error holds
        // h's index, and report::labels names it.
        let g = Graph::parse("h = 1/(x - 1); f = h").unwrap();
        let e = Trace::run(&g, &at(&[("x", "1")]), false).unwrap_err();
        assert_eq!(
            e,
            RunError::At {
                node: g.find("h").unwrap(),
                error: Error::DivisionByZero {
                    node: String::new()
                }
            }
        );
        let g = Graph::parse("ln(x)").unwrap();
        assert!(matches!(
            Trace::run(&g, &at(&[("x", "0")]), false),
            Err(RunError::At { node, error: Error::Domain { .. } }) if node == g.output
        ));
        assert!(matches!(
            Trace::run(&g, &at(&[("y", "1")]), false),
            Err(RunError::Values(Error::UnknownName { .. }))
        ));
        assert!(matches!(
            Trace::run(&g, &HashMap::new(), false),
            Err(RunError::Values(Error::MissingValue { .. }))
        ));
        assert!(Graph::parse("q = x; q = 2*x").is_err());
        assert!(Graph::parse("f = q + 1; q = 2").is_err());
    }

    #[test]
    fn kinks_are_flagged() {
        let g = Graph::parse("relu(x) + max(x, y)").unwrap();
        let t = Trace::run(&g, &at(&[("x", "0"), ("y", "0")]), false).unwrap();
        assert_eq!(t.kinks.len(), 2);
        // ReLU'(0) = 0 and the tie goes to max's first argument: 0 + 1.
        assert_eq!(grad(&t, "x"), Scalar::int(1));
        assert_eq!(grad(&t, "y"), Scalar::int(0));
    }

    #[test]
    fn a_constant_integer_exponent_needs_no_ln() {
        // f = x^(-1) at x = -3: f = 1/(-3) = -1/3, ∂f/∂x = -1·x^(-2) = -1/9.
        // The exponent -1 is a constant, so no ∂f/∂(-1) = x^(-1)·ln x (which
        // has no value at x < 0) is ever asked for.
        for src in ["x^(-1)", "x^-1"] {
            let g = Graph::parse(src).unwrap();
            let t = Trace::run(&g, &at(&[("x", "-3")]), false).unwrap();
            assert_eq!(t.values[g.output], Scalar::ratio(-1, 3), "{src}");
            assert_eq!(grad(&t, "x"), Scalar::ratio(-1, 9), "{src}");
        }
        // f = (w/x)^(-1) = x/w at w = 1, x = -4: f = -4, ∂f/∂w = -x/w² = 4,
        // ∂f/∂x = 1/w = 1 (the quotient w/x = -1/4 is negative).
        let g = Graph::parse("(w/x)^(-1)").unwrap();
        let t = Trace::run(&g, &at(&[("w", "1"), ("x", "-4")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::int(-4));
        assert_eq!(grad(&t, "w"), Scalar::int(4));
        assert_eq!(grad(&t, "x"), Scalar::int(1));
        // max(y^(-1), 1) at y = -2: y^(-1) = -1/2 < 1, so f = 1 and max
        // sends nothing to y: ∂f/∂y = 0 · (-1·y^(-2)) = 0.
        let g = Graph::parse("max(y^(-1), 1)").unwrap();
        let t = Trace::run(&g, &at(&[("y", "-2")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::int(1));
        assert_eq!(grad(&t, "y"), Scalar::zero());
        // The same in floating point.
        let g = Graph::parse("x^(-1)").unwrap();
        let t = Trace::run(&g, &at(&[("x", "-3")]), true).unwrap();
        assert!((grad(&t, "x").to_f64() + 1.0 / 9.0).abs() < 1e-15);
    }

    #[test]
    fn a_missing_slope_along_an_exponent_is_named_not_fatal() {
        // f = x^y at x = 0, y = 2: f = 0; ∂f/∂x = y·x^(y−1) = 2·0 = 0, and
        // 0^b = 0 for every b > 0, so ∂f/∂y = 0 (no ln 0 is needed).
        let g = Graph::parse("x^y").unwrap();
        let t = Trace::run(&g, &at(&[("x", "0"), ("y", "2")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::zero());
        assert_eq!(grad(&t, "x"), Scalar::zero());
        assert_eq!(grad(&t, "y"), Scalar::zero());
        // f = x^y at x = -2, y = 3: f = -8, ∂f/∂x = 3·(-2)² = 12; along y,
        // (-2)^y is real only at whole y, so ∂f/∂y does not exist.
        let t = Trace::run(&g, &at(&[("x", "-2"), ("y", "3")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::int(-8));
        assert_eq!(grad(&t, "x"), Scalar::int(12));
        let y = g.find("y").unwrap();
        assert_eq!(t.grads[y], None);
        let broken = t.no_gradient[y].clone().unwrap();
        assert_eq!((broken.consumer, broken.arg), (g.output, 1));
        assert_eq!(broken.why, NoSlope::NegativeBase);
        // A named exponent step n = 2·k: the break reaches k below it too.
        let g = Graph::parse("n = 2*k; f = x^n").unwrap();
        let t = Trace::run(&g, &at(&[("x", "-3"), ("k", "1")]), false).unwrap();
        // f = (-3)^2 = 9, ∂f/∂x = 2·(-3) = -6
        assert_eq!(grad(&t, "x"), Scalar::int(-6));
        for name in ["n", "k"] {
            let i = g.find(name).unwrap();
            assert_eq!(t.grads[i], None, "{name}");
            assert_eq!(
                t.no_gradient[i].as_ref().unwrap().why,
                NoSlope::NegativeBase
            );
        }
        // 0^0 = 1 jumps to 0 for b > 0: no slope along b; along a, a^0 = 1
        // is flat: ∂f/∂x = 0.
        let t = Trace::run(&g, &at(&[("x", "0"), ("k", "0")]), false).unwrap();
        assert_eq!(t.values[g.output], Scalar::one());
        assert_eq!(grad(&t, "x"), Scalar::zero());
        let k = g.find("k").unwrap();
        assert_eq!(
            t.no_gradient[k].as_ref().unwrap().why,
            NoSlope::ZeroToTheZero
        );
        // √x at 0: the tangent is vertical, 1/(2√0) has no value.
        let g = Graph::parse("sqrt(x) + y").unwrap();
        let t = Trace::run(&g, &at(&[("x", "0"), ("y", "1")]), false).unwrap();
        assert_eq!(grad(&t, "y"), Scalar::one());
        let x = g.find("x").unwrap();
        assert_eq!(t.no_gradient[x].as_ref().unwrap().why, NoSlope::Vertical);
        assert!(t.steps.iter().all(|st| st.input != x));
    }
}
