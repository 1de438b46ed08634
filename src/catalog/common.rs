//! Helpers shared by the layer-level examples: reading parameters, building
//! small networks from them, and sampling activation curves for plots.

use crate::activation::Activation;
use crate::catalog::Values;
use crate::error::{Error, Result};
use crate::network::LayerSpec;
use crate::report::{Panel, Report, Series, Settings};
use crate::scalar::Scalar;

/// The value of a parameter (always present: defaults are filled in), as
/// an f64 under `--float`.
pub fn get(v: &Values, name: &str, s: &Settings) -> Scalar {
    let x = v
        .get(name)
        .unwrap_or_else(|| panic!("parameter `{name}` is declared by its example"))
        .clone();
    if s.float { x.to_float() } else { x }
}

/// Several parameters in order.
pub fn vector(v: &Values, names: &[&str], s: &Settings) -> Vec<Scalar> {
    names.iter().map(|n| get(v, n, s)).collect()
}

/// A whole-number parameter within [lo, hi].
pub fn count(v: &Values, name: &str, lo: u64, hi: u64) -> Result<u64> {
    let x = v.get(name).expect("parameter is declared by its example");
    let n = x
        .as_exact()
        .filter(|r| r.is_integer())
        .and_then(|r| num_traits::ToPrimitive::to_u64(&r.to_integer()));
    match n {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(Error::Invalid {
            what: format!("`{name}`"),
            problem: format!("{} is not a whole number from {lo} to {hi}", x.show(6)),
            accepted: format!("give e.g. --set {name}={lo}"),
        }),
    }
}

/// The L2 coefficient `lambda`: 0 or positive (a negative one would
/// reward large weights). Checked by the example so that the error names
/// its `lambda`.
pub fn l2_coefficient(v: &Values, s: &Settings) -> Result<Scalar> {
    let lambda = get(v, "lambda", s);
    if lambda.signum() < 0 {
        return Err(Error::Invalid {
            what: "`lambda`".into(),
            problem: format!("{} is negative", lambda.show(6)),
            accepted: "give λ = 0 or a positive number, e.g. --set lambda=0.001".into(),
        });
    }
    Ok(lambda)
}

/// A report whose inputs are the named parameters, in order.
pub fn start(v: &Values, names: &[&str], s: &Settings) -> Report {
    Report {
        inputs: names
            .iter()
            .map(|n| (n.to_string(), get(v, n, s)))
            .collect(),
        ..Report::default()
    }
}

/// A dense layer from rows of parameter names (W as written in `c`).
pub fn layer(v: &Values, w: &[&[&str]], b: &[&str], f: Activation, s: &Settings) -> LayerSpec {
    LayerSpec {
        weights: w.iter().map(|r| vector(v, r, s)).collect(),
        bias: vector(v, b, s),
        activation: f,
    }
}

/// f and f' of an activation on [lo, hi], for a plot panel.
pub fn curves(title: &str, f: &Activation, lo: f64, hi: f64) -> Panel {
    // 81 points: on [-4, 4] a step of 0.1 that samples the kinks at z = 0 exactly
    let xs: Vec<f64> = (0..=80).map(|k| lo + (hi - lo) * k as f64 / 80.0).collect();
    Panel {
        title: title.to_string(),
        x_label: "z".into(),
        y_label: "f(z), f'(z)".into(),
        series: vec![
            Series {
                label: "f(z)".into(),
                points: xs.iter().map(|&x| (x, f.apply_f64(x, 0))).collect(),
                nums: Vec::new(),
            },
            Series {
                label: "f'(z)".into(),
                points: xs.iter().map(|&x| (x, f.derivative_f64(x, 0))).collect(),
                nums: Vec::new(),
            },
        ],
    }
}

// Exercise draws several examples share (see `catalog::Exercise`).
use crate::catalog::Draw;
/// A weight a student multiplies by hand.
pub const WEIGHT: Draw = Draw::Of(&["-1", "-1/2", "1/2", "1", "2"]);
/// A bias.
pub const BIAS: Draw = Draw::Of(&["-1", "-1/2", "0", "1/4", "1/2"]);
/// A small whole number.
pub const SMALL: Draw = Draw::Int(-2, 2);
/// A weight of size 1 or 1/2.
pub const HALF: Draw = Draw::Of(&["-1", "-1/2", "1/2", "1"]);
/// A point away from 0 (where ReLU has its kink).
pub const POINT: Draw = Draw::Of(&["-2", "-1", "-1/2", "1/2", "1", "2"]);

/// A sigmoid's z farther from 0 than this is saturated: σ' < 0.05, and a
/// gradient through it too small to teach with (issue 12's draws).
pub const SATURATION: f64 = 3.0;

/// A draw's sigmoid input `z` is kept unless it is saturated.
pub fn unsaturated(z: f64) -> std::result::Result<(), &'static str> {
    if z.abs() <= SATURATION {
        Ok(())
    } else {
        Err("the sigmoid is saturated (|z| > 3)")
    }
}

/// [`unsaturated`] at the report's result `name` (kept when it has none).
pub fn unsaturated_result(r: &Report, name: &str) -> std::result::Result<(), &'static str> {
    r.result(name).map_or(Ok(()), |z| unsaturated(z.to_f64()))
}
