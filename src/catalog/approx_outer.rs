//! approximation/2: universal approximation with PKU's outer φ,
//! f_θ(x) = φ(Σ_i c_i φ(w_i x + b_i) + c_0) (PKU 万能逼近定理), where
//! approximation/1 used an identity output.
//!
//! Inside, the hidden ReLUs build a broken line g through knots k_i = i/n
//! (as in approximation/1). The outer φ then limits what the network can
//! output to φ's range: with φ = ReLU nothing below 0, with φ = σ only
//! (0, 1). For a target f inside that range, put the knots on φ⁻¹(f)
//! instead of f: σ(g) with g through logit(f(k_i)) passes through f at every
//! knot, and the error still falls like 1/n². A target outside the range
//! cannot be approached: ReLU(g) never goes below 0.

use crate::activation::Activation;
use crate::catalog::common::{count, start};
use crate::catalog::{Audit, Engine, Exercise};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::{Block, Cell, Figure, Kind, Math, Panel, Report, Series, Settings, Table};
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[Example {
    topic: "approximation",
    number: 2,
    title: "Universal approximation with PKU's outer φ",
    title_zh: "万能逼近定理: 外层激活函数 φ",
    sources: &[
        "PKU deck, 万能逼近定理: f_θ(x) = φ(Σ_i c_i φ(w_iᵀx + b_i) + c_0), φ 为激活函数; 单隐藏层 ReLU 网络描述连续折线 φ(c φ(x) + …)",
    ],
    params: &[Param::new(
        "shown",
        "4",
        "hidden units of the σ-output network drawn in the plot",
    )],
    build: approximation_2,
    engine: Engine::Report,
    exercise: Exercise::None(
        "it fits ReLU knots to a function and measures the error on 1,001 points in f64; there is nothing to draw that a student computes by hand",
    ),
    audit: Audit::None(
        "it fits ReLU knots to a function and measures errors on 1,001 points in f64, not a computation a student does by hand, so there is no hand rounding to replay",
    ),
    has_plot: true,
}];

/// Hidden units of the error tables.
const UNITS: [usize; 7] = [1, 2, 4, 8, 16, 32, 64];

/// The broken line through (k_i, h(k_i)), k_i = i/n on [0, 1], evaluated at
/// x as a hidden ReLU layer: h(0) + Σ_i c_i relu(x − k_i), c_i the change
/// of slope at k_i.
fn broken_line(h: &dyn Fn(f64) -> f64, n: usize, x: f64) -> f64 {
    let relu = Activation::Relu;
    let k = |i: usize| i as f64 / n as f64;
    let slope = |i: usize| (h(k(i + 1)) - h(k(i))) * n as f64;
    let mut y = h(0.0);
    for i in 0..n {
        let c = if i == 0 {
            slope(0)
        } else {
            slope(i) - slope(i - 1)
        };
        y += c * relu.apply_f64(x - k(i), 0);
    }
    y
}

/// sin(2πx): negative on (1/2, 1), outside ReLU's range.
fn wave(x: f64) -> f64 {
    (2.0 * std::f64::consts::PI * x).sin()
}

/// 0.5 + 0.4 sin(2πx): inside σ's range (0, 1), between 0.1 and 0.9.
fn inside(x: f64) -> f64 {
    0.5 + 0.4 * wave(x)
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn max_error(f: &dyn Fn(f64) -> f64, net: &dyn Fn(f64) -> f64) -> f64 {
    (0..=1000)
        .map(|i| i as f64 / 1000.0)
        .map(|x| (f(x) - net(x)).abs())
        .fold(0.0, f64::max)
}

fn approximation_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["shown"], s);
    // φ in the English title and again in the Chinese one.
    for _ in 0..2 {
        r.heading_formula(Math::new("φ", "\\varphi"));
    }
    let shown = count(v, "shown", 1, 64)? as usize;
    let (relu, sigma) = (Activation::Relu, Activation::Sigmoid);
    r.text("PKU writes the network with an activation φ outside as well: f_θ(x) = φ(Σ_i c_i φ(w_i x + b_i) + c_0). Inside, n hidden ReLUs with knots k_i = i/n build a broken line g(x) (as in approximation/1, whose output is the identity); outside, φ is applied to g, so the network can only output values in φ's range. Errors are measured on 1,001 points of [0, 1].");
    let mut t = Table::new(
        "Outer φ = ReLU, target f(x) = sin(2πx) · 外层 ReLU",
        &[
            "hidden units n",
            "max |f − g| (identity outside)",
            "max |f − ReLU(g)|",
        ],
    );
    for n in UNITS {
        let g = |x: f64| broken_line(&wave, n, x);
        let e_id = max_error(&wave, &g);
        let e_relu = max_error(&wave, &|x| relu.apply_f64(g(x), 0));
        t.row(vec![
            Cell::Num(Scalar::int(n as i64)),
            Cell::Num(Scalar::Float(e_id)),
            Cell::Num(Scalar::Float(e_relu)),
        ]);
        r.add(
            format!("relu error n={n}"),
            Scalar::Float(e_relu),
            Kind::Value,
        );
    }
    r.table(t);
    r.text("With ReLU outside, the network never goes below 0, so on (1/2, 1), where sin(2πx) is negative, the error stays at max |f| = 1 however many hidden units there are. For a target that is never negative (sin(πx) of approximation/1) the broken line through its knots is never negative either, and ReLU(g) = g.");
    let mut t = Table::new(
        "Outer φ = σ, target f(x) = 0.5 + 0.4 sin(2πx) in (0, 1) · 外层 sigmoid",
        &[
            "hidden units n",
            "max |f − σ(g)|, knots on logit f",
            "error × n²",
        ],
    );
    let mut errs = Vec::new();
    for n in UNITS {
        let g = |x: f64| broken_line(&|x| logit(inside(x)), n, x);
        let e = max_error(&inside, &|x| sigma.apply_f64(g(x), 0));
        t.row(vec![
            Cell::Num(Scalar::int(n as i64)),
            Cell::Num(Scalar::Float(e)),
            Cell::Num(Scalar::Float(e * (n * n) as f64)),
        ]);
        errs.push(((n as f64).log2(), e.log10()));
        r.add(
            format!("sigmoid error n={n}"),
            Scalar::Float(e),
            Kind::Value,
        );
    }
    r.table(t);
    r.text("With σ outside, put the knots of the broken line on logit f = ln(f/(1 − f)), the inverse of σ: then σ(g) equals f at every knot, and from n = 16 on doubling the hidden units divides the error by close to 4 (error × n² levels off near 2), as with an identity output. The outer φ changes which values can be reached, not whether enough hidden units get close.");
    let g = |x: f64| broken_line(&|x| logit(inside(x)), shown, x);
    let fine: Vec<f64> = (0..=200).map(|i| i as f64 / 200.0).collect();
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Universal approximation with an outer σ".into(),
        panels: vec![
            Panel {
                title: format!("f(x) = 0.5 + 0.4 sin(2πx) and σ(g) with {shown} hidden ReLUs"),
                x_label: "x".into(),
                y_label: "y".into(),
                series: vec![
                    Series {
                        label: "f(x)".into(),
                        points: fine.iter().map(|&x| (x, inside(x))).collect(),
                        nums: Vec::new(),
                    },
                    Series {
                        label: format!("σ(g), n = {shown}"),
                        points: fine
                            .iter()
                            .map(|&x| (x, sigma.apply_f64(g(x), 0)))
                            .collect(),
                        nums: Vec::new(),
                    },
                ],
            },
            super::approximation::error_panel(errs),
        ],
    }));
    Ok(r)
}
