//! approximation/1: universal approximation with one hidden ReLU layer
//! (PKU 万能逼近定理), as a broken line through the target.

use crate::activation::Activation;
use crate::catalog::common::{count, start};
use crate::catalog::{Audit, Engine, Exercise, NO_HAND_ROUNDING};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::Kind;
use crate::report::{Block, Cell, Figure, Panel, Report, Series, Settings, Table};
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[Example {
    topic: "approximation",
    number: 1,
    title: "Universal approximation with one hidden ReLU layer",
    title_zh: "万能逼近定理",
    sources: &[
        "PKU deck, 万能逼近定理: one hidden layer with enough units approximates any continuous function",
    ],
    params: &[Param::new(
        "shown",
        "4",
        "hidden units of the broken line drawn in the plot",
    )],
    build: approximation_1,
    engine: Engine::Report,
    exercise: Exercise::None(
        "it fits ReLU knots to a function and measures the error in f64; there is nothing to draw that a student computes by hand",
    ),
    audit: Audit::None(NO_HAND_ROUNDING),
    has_plot: true,
}];

/// The broken line through f at n + 1 equally spaced knots on [0, 1] as one
/// hidden ReLU layer: g(x) = f(0) + Σ_i c_i relu(x − k_i), c_i the change of
/// slope at knot k_i. Returns (W2 = c, b1 = −k, b2 = f(0)).
fn broken_line(f: fn(f64) -> f64, n: usize) -> (Vec<f64>, Vec<f64>, f64) {
    let knots: Vec<f64> = (0..=n).map(|i| i as f64 / n as f64).collect();
    let slopes: Vec<f64> = knots
        .windows(2)
        .map(|k| (f(k[1]) - f(k[0])) / (k[1] - k[0]))
        .collect();
    let c = (0..n)
        .map(|i| {
            if i == 0 {
                slopes[0]
            } else {
                slopes[i] - slopes[i - 1]
            }
        })
        .collect();
    (c, knots[..n].iter().map(|k| -k).collect(), f(0.0))
}

fn eval_line(c: &[f64], b1: &[f64], b2: f64, x: f64) -> f64 {
    let relu = Activation::Relu;
    b2 + c
        .iter()
        .zip(b1)
        .map(|(c, b)| c * relu.apply_f64(x + b, 0))
        .sum::<f64>()
}

/// The panel both approximation examples close with: how the largest
/// error falls as the hidden layer widens, (log2 n, log10 max error).
pub(super) fn error_panel(errs: Vec<(f64, f64)>) -> Panel {
    Panel {
        title: "log10 max error against log2 n".into(),
        x_label: "log2 n".into(),
        y_label: "log10 max error".into(),
        series: vec![Series {
            label: "error".into(),
            points: errs,
            nums: Vec::new(),
        }],
    }
}

fn target(x: f64) -> f64 {
    (std::f64::consts::PI * x).sin()
}

fn approximation_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["shown"], s);
    let shown = count(v, "shown", 1, 64)? as usize;
    r.text(
        "Target f(x) = sin(πx) on [0, 1]. A 1-n-1 network with hidden ReLUs a_i = relu(x − k_i) \
         (W(1) = 1, b(1)_i = −k_i) and an identity output ŷ = Σ c_i a_i + f(0) is a broken line \
         whose slope changes by c_i at knot k_i = i/n: put the knots on f and it interpolates \
         f. Error measured on 1,001 points.",
    );
    let mut t = Table::new(
        "Error against the number of hidden units · 误差与隐藏单元数",
        &[
            "hidden units n",
            "max |f − ŷ|",
            "bound h²/8 · max|f''| = π²/(8n²)",
            "error × n²",
        ],
    );
    let grid: Vec<f64> = (0..=1000).map(|i| i as f64 / 1000.0).collect();
    let mut errs = vec![];
    for n in [1, 2, 4, 8, 16, 32, 64] {
        let (c, b1, b2) = broken_line(target, n);
        let err = grid
            .iter()
            .map(|&x| (target(x) - eval_line(&c, &b1, b2, x)).abs())
            .fold(0.0, f64::max);
        let bound = std::f64::consts::PI.powi(2) / (8.0 * (n * n) as f64);
        t.row(vec![
            Cell::Num(Scalar::int(n as i64)),
            Cell::Num(Scalar::Float(err)),
            Cell::Num(Scalar::Float(bound)),
            Cell::Num(Scalar::Float(err * (n * n) as f64)),
        ]);
        errs.push(((n as f64).log2(), err.log10()));
        r.add(format!("error n={n}"), Scalar::Float(err), Kind::Value);
    }
    r.table(t);
    r.text(
        "Doubling the hidden units divides the error by about 4: enough hidden units make the \
         error as small as we like — the universal approximation theorem, seen on one function.",
    );
    let (c, b1, b2) = broken_line(target, shown);
    let fine: Vec<f64> = (0..=200).map(|i| i as f64 / 200.0).collect();
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Universal approximation".into(),
        panels: vec![
            Panel {
                title: format!("sin(πx) and the network with {shown} hidden ReLUs"),
                x_label: "x".into(),
                y_label: "y".into(),
                series: vec![
                    Series {
                        label: "f(x) = sin(πx)".into(),
                        points: fine.iter().map(|&x| (x, target(x))).collect(),
                        nums: Vec::new(),
                    },
                    Series {
                        label: format!("ŷ, n = {shown}"),
                        points: fine
                            .iter()
                            .map(|&x| (x, eval_line(&c, &b1, b2, x)))
                            .collect(),
                        nums: Vec::new(),
                    },
                ],
            },
            error_panel(errs),
        ],
    }));
    Ok(r)
}
