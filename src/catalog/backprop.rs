//! backprop/1-3: small circuits from the PKU deck's backpropagation slides.

use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::graph::{build, gate_patterns};
use crate::report::{Report, Settings};

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "backprop",
        number: 1,
        title: "Backpropagation through a small circuit",
        title_zh: "反向传播 例1",
        sources: &["PKU deck, 反向传播 例1: f(x, y, z) = (x + y)z at x = -2, y = 5, z = -4"],
        params: &[
            Param::new("x", "-2", "first summand"),
            Param::new("y", "5", "second summand"),
            Param::new("z", "-4", "multiplier"),
        ],
        build: example_1,
    },
    Example {
        topic: "backprop",
        number: 2,
        title: "A sigmoid neuron, gate by gate",
        title_zh: "Sigmoid 神经元的反向传播",
        sources: &[
            "PKU deck, 反向传播 figures (the staged sigmoid neuron they follow)",
            "NNDL, Logistic 函数 f'(x) = f(x)(1 - f(x))",
        ],
        params: &[
            Param::new("w0", "2", "weight of x0"),
            Param::new("x0", "-1", "first input"),
            Param::new("w1", "-3", "weight of x1"),
            Param::new("x1", "-2", "second input"),
            Param::new("w2", "-3", "bias"),
        ],
        build: example_2,
    },
    Example {
        topic: "backprop",
        number: 3,
        title: "Gate patterns: add, mul, max, copy",
        title_zh: "常见操作的反向传播",
        sources: &["PKU deck, 常见操作的反向传播: add gate, mul gate, copy gate, max gate"],
        params: &[
            Param::new("x", "3", "multiplied by y"),
            Param::new("y", "-4", "multiplied by x"),
            Param::new("z", "2", "first argument of max"),
            Param::new("w", "-1", "second argument of max"),
        ],
        build: example_3,
    },
];

/// The program of backprop/1: f = (x + y)z staged as q = x + y, f = q·z.
pub const PROGRAM_1: &str = "q = x + y; f = q * z";
/// The program of backprop/2, gate by gate.
pub const PROGRAM_2: &str =
    "a = w0*x0; b = w1*x1; c = a + b; z = c + w2; n = -z; e = exp(n); d = 1 + e; f = 1/d";
/// The program of backprop/3.
pub const PROGRAM_3: &str = "p = x*y; m = max(z, w); s = p + m; f = 2*s";

/// f = (x + y)z staged as q = x + y, f = q·z.
fn example_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(PROGRAM_1, v, s)?;
    r.table(gate_patterns(&trace, s));
    r.text(
        "Pattern: the add gate hands its upstream gradient to both inputs unchanged; \
         the multiply gate gives each input the upstream gradient times the other input.",
    );
    Ok(r)
}

/// f = σ(w0·x0 + w1·x1 + w2), first gate by gate, then with one sigmoid gate.
fn example_2(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, fine) = build(PROGRAM_2, v, s)?;
    r.blocks.insert(
        0,
        crate::report::Block::Text(
            "Staged with primitive gates: ×, +, ×(-1), exp, +1, 1/x.".to_string(),
        ),
    );
    let (coarse_report, coarse) = build("z = w0*x0 + w1*x1 + w2; f = sigmoid(z)", v, s)?;
    r.heading("The same neuron with one sigmoid gate · σ'(z) = σ(z)(1 - σ(z))");
    r.blocks
        .extend(coarse_report.blocks.into_iter().filter(|b| {
            matches!(
                b,
                crate::report::Block::Table(_) | crate::report::Block::Formula(_)
            )
        }));
    // Both graphs must give the same gradients: compare them here, in the
    // report, so the reader sees the check.
    let mut worst: f64 = 0.0;
    for &var in &fine.graph.variables {
        let name = &fine.graph.nodes[var].label;
        let other = coarse
            .graph
            .find(name)
            .expect("both graphs have the same variables");
        let (a, b) = (fine.grads[var].clone(), coarse.grads[other].clone());
        if let (Some(a), Some(b)) = (a, b) {
            worst = worst.max((a.to_f64() - b.to_f64()).abs());
        }
    }
    r.text(format!(
        "Both graphs give the same gradients (largest difference {worst:.1e}): the sigmoid \
         gate's local gradient σ(z)(1 - σ(z)) replaces the four gates -1×, exp, +1 and 1/x."
    ));
    Ok(r)
}

/// f = 2(xy + max(z, w)) staged as p = xy, m = max(z, w), s = p + m, f = 2s.
fn example_3(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(PROGRAM_3, v, s)?;
    r.table(gate_patterns(&trace, s));
    r.text(
        "A variable used in several places (a copy gate) receives the sum of the gradients \
         of its uses; see `nn-tutor explain autodiff --example 2`.",
    );
    Ok(r)
}
