//! Activation functions and their derivatives (NNDL 常见激活函数及其导数;
//! PKU 常见激活函数; JQ 输出层-softmax函数).
//!
//! Each function has a `Scalar` form (exact where the value is rational) and
//! a plain `f64` form that a batched training engine can share. Element-wise
//! functions are [`Activation::apply`] / [`Activation::derivative`]; maxout and
//! softmax act on the whole vector z, so the layer-level entry points are
//! [`Activation::forward`] and [`Activation::backward`] (δ = Jᵀ · ∂L/∂a).
//!
//! Kinks, documented and used everywhere (tables, engine, finite-difference
//! notes): ReLU'(0) = 0 (NNDL: f'(x) = I(x > 0)); Leaky ReLU'(0) = PReLU'(0) = γ
//! (the `x ≤ 0` branch); ELU'(0) = γ (NNDL: I(x ≤ 0)·γ·exp(x)); a maxout tie
//! sends the gradient to the first of the tied pieces.

use std::fmt;

use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// What an activation's name takes in parentheses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// Nothing: `relu`.
    None,
    /// One slope γ: `leaky_relu(0.1)`.
    Gamma,
    /// One γ per unit: `prelu(0.1, 0.2)`.
    PerUnit,
    /// A whole number of pieces: `maxout(2)`.
    Pieces,
}

/// One row per activation: the name specs and flags use, other spellings
/// the parser accepts, its parameter, and whether the batched training
/// engine has it (maxout changes a layer's width; softmax is an output
/// only). Parsing, display, and every list of names read these rows.
pub struct ActivationRow {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub param: Param,
    pub trainable: bool,
    /// The activation from its parameters (checked against `param` first).
    pub make: fn(Vec<Scalar>) -> Activation,
}

/// Every activation, in the order the lists show them.
pub const ACTIVATIONS: &[ActivationRow] = &[
    row("identity", &["linear"], Param::None, true, |_| {
        Activation::Identity
    }),
    row("sigmoid", &["logistic"], Param::None, true, |_| {
        Activation::Sigmoid
    }),
    row("tanh", &[], Param::None, true, |_| Activation::Tanh),
    row("relu", &[], Param::None, true, |_| Activation::Relu),
    row("leaky_relu", &["leakyrelu"], Param::Gamma, true, |g| {
        Activation::LeakyRelu(g[0].clone())
    }),
    row("prelu", &[], Param::PerUnit, false, Activation::Prelu),
    row("elu", &[], Param::Gamma, true, |g| {
        Activation::Elu(g[0].clone())
    }),
    row("softplus", &[], Param::None, true, |_| Activation::Softplus),
    // k is checked to be a whole number from 1 to 16 first
    row("maxout", &[], Param::Pieces, false, |k| {
        Activation::Maxout(k[0].to_f64() as usize)
    }),
    row("softmax", &[], Param::None, false, |_| Activation::Softmax),
];

const fn row(
    name: &'static str,
    aliases: &'static [&'static str],
    param: Param,
    trainable: bool,
    make: fn(Vec<Scalar>) -> Activation,
) -> ActivationRow {
    ActivationRow {
        name,
        aliases,
        param,
        trainable,
        make,
    }
}

impl ActivationRow {
    /// How a list shows it: `leaky_relu(γ)`, `prelu(γ1, γ2, …)`, `maxout(k)`.
    pub fn usage(&self) -> String {
        match self.param {
            Param::None => self.name.to_string(),
            Param::Gamma => format!("{}(γ)", self.name),
            Param::PerUnit => format!("{}(γ1, γ2, …)", self.name),
            Param::Pieces => format!("{}(k)", self.name),
        }
    }
}

/// The activations the batched training engine has, as lists show them:
/// `identity`, `sigmoid`, …, `leaky_relu(γ)`, `elu(γ)`, `softplus`.
pub fn trainable_usages() -> Vec<String> {
    ACTIVATIONS
        .iter()
        .filter(|r| r.trainable)
        .map(ActivationRow::usage)
        .collect()
}

/// The activations the batched training engine has, for its error message:
/// `identity, sigmoid, tanh, relu, leaky_relu(γ), elu(γ) or softplus`.
pub fn trainable() -> String {
    let names = trainable_usages();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(", "),
    }
}

/// The names [`Activation::parse`] accepts, for error messages:
/// `identity, sigmoid (logistic), tanh, relu, leaky_relu(γ), …`.
pub fn known() -> String {
    ACTIVATIONS
        .iter()
        .map(|r| match r.aliases {
            // `linear` and `leakyrelu` are accepted but not advertised
            ["logistic"] => format!("{} (logistic)", r.usage()),
            _ => r.usage(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An activation function f in a(l) = f(z(l)).
#[derive(Clone, Debug, PartialEq)]
pub enum Activation {
    /// f(z) = z, f' = 1 (regression output, PKU 输出层).
    Identity,
    /// σ(z) = 1/(1 + e^(−z)), σ' = σ(1 − σ).
    Sigmoid,
    /// tanh z, tanh' = 1 − tanh².
    Tanh,
    /// max(0, z), f' = I(z > 0).
    Relu,
    /// z for z > 0, γz for z ≤ 0; f' = 1 or γ.
    LeakyRelu(Scalar),
    /// Leaky ReLU with its own γ_i for unit i.
    Prelu(Vec<Scalar>),
    /// z for z > 0, γ(e^z − 1) for z ≤ 0; f' = 1 or γe^z.
    Elu(Scalar),
    /// ln(1 + e^z), f' = σ(z).
    Softplus,
    /// a_j = max of k linear pieces z_{j,1..k}; the gradient goes to the winner.
    Maxout(usize),
    /// y_k = e^{z_k} / Σ_i e^{z_i}; Jacobian diag(y) − y yᵀ.
    Softmax,
}

impl fmt::Display for Activation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.row().name;
        match self {
            Activation::LeakyRelu(g) | Activation::Elu(g) => write!(f, "{name}({})", plain(g)),
            Activation::Prelu(gs) => {
                let v: Vec<String> = gs.iter().map(plain).collect();
                write!(f, "{name}({})", v.join(", "))
            }
            Activation::Maxout(k) => write!(f, "{name}({k})"),
            Activation::Identity
            | Activation::Sigmoid
            | Activation::Tanh
            | Activation::Relu
            | Activation::Softplus
            | Activation::Softmax => f.write_str(name),
        }
    }
}

impl Activation {
    /// Read `sigmoid`, `leaky_relu(0.1)`, `elu(1)`, `maxout(2)`,
    /// `prelu(0.1, 1/4)`, … (case-insensitive; `logistic` = `sigmoid`,
    /// `linear` = `identity`).
    pub fn parse(text: &str) -> Result<Activation> {
        let t = text.trim().to_ascii_lowercase();
        let unknown = || Error::UnknownName {
            name: text.to_string(),
            what: "a known activation".to_string(),
            accepted: format!("known activations: {}", known()),
        };
        let (name, args) = match t.split_once('(') {
            Some((n, rest)) => {
                let inner = rest.strip_suffix(')').ok_or_else(unknown)?;
                (n.trim().to_string(), Some(inner.to_string()))
            }
            None => (t.clone(), None),
        };
        let numbers =
            |a: &str| -> Result<Vec<Scalar>> { a.split(',').map(Scalar::parse).collect() };
        let one = |a: Option<String>| -> Result<Scalar> {
            let a = a.ok_or_else(|| {
                Error::Usage(format!("`{name}` needs a parameter, e.g. {name}(0.1)"))
            })?;
            let v = numbers(&a)?;
            match v.as_slice() {
                [g] => Ok(g.clone()),
                _ => Err(Error::Usage(format!(
                    "`{name}` takes one number, got `{a}`"
                ))),
            }
        };
        let row = ACTIVATIONS
            .iter()
            .find(|r| r.name == name || r.aliases.contains(&name.as_str()))
            .ok_or_else(unknown)?;
        let params = match row.param {
            Param::None => match args {
                None => vec![],
                Some(_) => return Err(Error::Usage(format!("`{name}` takes no parameter"))),
            },
            Param::Gamma => vec![one(args)?],
            Param::PerUnit => {
                let a = args.ok_or_else(|| {
                    Error::Usage("`prelu` needs one γ per unit, e.g. prelu(0.1, 0.2)".into())
                })?;
                numbers(&a)?
            }
            Param::Pieces => {
                let k = one(args)?;
                let ok = k.as_exact().filter(|r| r.is_integer()).and_then(|r| {
                    use num_traits::ToPrimitive;
                    r.to_integer().to_usize()
                });
                if !ok.is_some_and(|k| (1..=16).contains(&k)) {
                    return Err(Error::Usage(format!(
                        "maxout(k) needs a whole number of pieces k from 1 to 16, got {}",
                        plain(&k)
                    )));
                }
                vec![k]
            }
        };
        Ok((row.make)(params))
    }

    /// This activation's row in [`ACTIVATIONS`].
    pub fn row(&self) -> &'static ActivationRow {
        let name = match self {
            Activation::Identity => "identity",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu(_) => "leaky_relu",
            Activation::Prelu(_) => "prelu",
            Activation::Elu(_) => "elu",
            Activation::Softplus => "softplus",
            Activation::Maxout(_) => "maxout",
            Activation::Softmax => "softmax",
        };
        ACTIVATIONS
            .iter()
            .find(|r| r.name == name)
            .expect("every activation has a row")
    }

    /// Linear pieces per unit: k for maxout, 1 otherwise. A layer computes
    /// `pieces · units` pre-activations z.
    pub fn pieces(&self) -> usize {
        match self {
            Activation::Maxout(k) => *k,
            _ => 1,
        }
    }

    /// True when a_i depends on z_i alone (not maxout, not softmax).
    pub fn is_elementwise(&self) -> bool {
        !matches!(self, Activation::Maxout(_) | Activation::Softmax)
    }

    /// The γ of unit `i` for the ReLU family with a slope below zero.
    fn slope(&self, i: usize) -> Option<&Scalar> {
        match self {
            Activation::LeakyRelu(g) => Some(g),
            Activation::Prelu(gs) => gs.get(i).or(gs.last()),
            _ => None,
        }
    }

    /// f(z) for unit `i`, element-wise activations only (maxout and softmax
    /// return z unchanged here; use [`Activation::forward`]).
    pub fn apply(&self, z: &Scalar, i: usize) -> Result<Scalar> {
        match self {
            Activation::Identity | Activation::Maxout(_) | Activation::Softmax => Ok(z.clone()),
            Activation::Sigmoid => z.sigmoid(),
            Activation::Tanh => z.tanh(),
            Activation::Relu => Ok(z.relu()),
            // γz on z ≤ 0
            Activation::LeakyRelu(_) | Activation::Prelu(_) => {
                let g = self.slope(i).expect("leaky/prelu has a slope");
                if z.signum() > 0 {
                    Ok(z.clone())
                } else {
                    g.mul(z)
                }
            }
            // γ(e^z − 1) on z ≤ 0
            Activation::Elu(g) => {
                if z.signum() > 0 {
                    Ok(z.clone())
                } else {
                    g.mul(&z.exp()?.sub(&Scalar::one())?)
                }
            }
            // ln(1 + e^z), written as max(z, 0) + ln(1 + e^(−|z|)) so it never overflows
            Activation::Softplus => {
                let x = z.to_f64();
                Scalar::float(x.max(0.0) + (-x.abs()).exp().ln_1p())
            }
        }
    }

    /// f'(z) for unit `i` (kink conventions in the module doc).
    pub fn derivative(&self, z: &Scalar, i: usize) -> Result<Scalar> {
        let one = || {
            if z.is_exact() {
                Scalar::one()
            } else {
                Scalar::Float(1.0)
            }
        };
        let zero = || {
            if z.is_exact() {
                Scalar::zero()
            } else {
                Scalar::Float(0.0)
            }
        };
        match self {
            Activation::Identity | Activation::Maxout(_) | Activation::Softmax => Ok(one()),
            // σ' = σ(1 − σ)
            Activation::Sigmoid => {
                let s = z.sigmoid()?;
                s.mul(&Scalar::one().sub(&s)?)
            }
            // tanh' = 1 − tanh²
            Activation::Tanh => {
                let t = z.tanh()?;
                Scalar::one().sub(&t.mul(&t)?)
            }
            // I(z > 0): ReLU'(0) = 0
            Activation::Relu => Ok(if z.signum() > 0 { one() } else { zero() }),
            Activation::LeakyRelu(_) | Activation::Prelu(_) => {
                let g = self.slope(i).expect("leaky/prelu has a slope");
                Ok(if z.signum() > 0 { one() } else { g.clone() })
            }
            // I(z > 0) + I(z ≤ 0)·γe^z
            Activation::Elu(g) => {
                if z.signum() > 0 {
                    Ok(one())
                } else {
                    g.mul(&z.exp()?)
                }
            }
            // softplus' = σ
            Activation::Softplus => z.sigmoid(),
        }
    }

    /// f(z) in plain f64 (same definitions as [`Activation::apply`]).
    pub fn apply_f64(&self, z: f64, i: usize) -> f64 {
        match self {
            Activation::Identity | Activation::Maxout(_) | Activation::Softmax => z,
            Activation::Sigmoid => sigmoid_f64(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => z.max(0.0),
            Activation::LeakyRelu(_) | Activation::Prelu(_) => {
                let g = self.slope(i).map_or(0.0, Scalar::to_f64);
                if z > 0.0 { z } else { g * z }
            }
            Activation::Elu(g) => {
                if z > 0.0 {
                    z
                } else {
                    g.to_f64() * z.exp_m1()
                }
            }
            Activation::Softplus => z.max(0.0) + (-z.abs()).exp().ln_1p(),
        }
    }

    /// f'(z) in plain f64 (same conventions as [`Activation::derivative`]).
    pub fn derivative_f64(&self, z: f64, i: usize) -> f64 {
        match self {
            Activation::Identity | Activation::Maxout(_) | Activation::Softmax => 1.0,
            Activation::Sigmoid => {
                let s = sigmoid_f64(z);
                s * (1.0 - s)
            }
            Activation::Tanh => 1.0 - z.tanh().powi(2),
            Activation::Relu => f64::from(u8::from(z > 0.0)),
            Activation::LeakyRelu(_) | Activation::Prelu(_) => {
                if z > 0.0 {
                    1.0
                } else {
                    self.slope(i).map_or(0.0, Scalar::to_f64)
                }
            }
            Activation::Elu(g) => {
                if z > 0.0 {
                    1.0
                } else {
                    g.to_f64() * z.exp()
                }
            }
            Activation::Softplus => sigmoid_f64(z),
        }
    }

    /// a = f(z) for a whole layer. Maxout takes `k · units` values of z and
    /// gives `units` values; softmax uses the subtract-the-max form
    /// e^{z_k − m} / Σ e^{z_i − m}, m = max z (JQ), which is exact when all
    /// z are equal.
    pub fn forward(&self, z: &[Scalar]) -> Result<Vec<Scalar>> {
        match self {
            Activation::Maxout(k) => Ok(z.chunks(*k).map(|c| c[winner(c)].clone()).collect()),
            Activation::Softmax => {
                let m = z.iter().skip(1).fold(z[0].clone(), |m, v| m.max(v));
                let e: Vec<Scalar> = z.iter().map(|v| v.sub(&m)?.exp()).collect::<Result<_>>()?;
                let sum = sum(&e)?;
                e.iter().map(|v| v.div(&sum)).collect()
            }
            _ => z
                .iter()
                .enumerate()
                .map(|(i, v)| self.apply(v, i))
                .collect(),
        }
    }

    /// δ = ∂L/∂z from ∂L/∂a: f'(z) ⊙ ∂L/∂a element-wise; for maxout the
    /// winner of each group gets the unit's gradient and the others 0; for
    /// softmax δ_k = y_k (g_k − Σ_j g_j y_j), i.e. (diag(y) − y yᵀ) g.
    pub fn backward(&self, z: &[Scalar], a: &[Scalar], grad_a: &[Scalar]) -> Result<Vec<Scalar>> {
        match self {
            Activation::Maxout(k) => {
                let mut d = vec![zero_like(&grad_a[0]); z.len()];
                for (j, c) in z.chunks(*k).enumerate() {
                    d[j * k + winner(c)] = grad_a[j].clone();
                }
                Ok(d)
            }
            Activation::Softmax => {
                let gy: Vec<Scalar> = grad_a
                    .iter()
                    .zip(a)
                    .map(|(g, y)| g.mul(y))
                    .collect::<Result<_>>()?;
                let s = sum(&gy)?;
                a.iter()
                    .zip(grad_a)
                    .map(|(y, g)| y.mul(&g.sub(&s)?))
                    .collect()
            }
            _ => z
                .iter()
                .zip(grad_a)
                .enumerate()
                .map(|(i, (v, g))| self.derivative(v, i)?.mul(g))
                .collect(),
        }
    }

    /// [`Activation::forward`] in plain f64.
    pub fn forward_f64(&self, z: &[f64]) -> Vec<f64> {
        match self {
            Activation::Maxout(k) => z
                .chunks(*k)
                .map(|c| c.iter().copied().fold(f64::NEG_INFINITY, f64::max))
                .collect(),
            Activation::Softmax => {
                let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let e: Vec<f64> = z.iter().map(|v| (v - m).exp()).collect();
                let s: f64 = e.iter().sum();
                e.iter().map(|v| v / s).collect()
            }
            _ => z
                .iter()
                .enumerate()
                .map(|(i, &v)| self.apply_f64(v, i))
                .collect(),
        }
    }

    /// True when some z sits exactly where f' jumps (ReLU family at 0, a
    /// maxout tie): there a finite difference is one-sided and may disagree.
    pub fn at_kink(&self, z: &[Scalar]) -> bool {
        match self {
            Activation::Relu
            | Activation::LeakyRelu(_)
            | Activation::Prelu(_)
            | Activation::Elu(_) => z.iter().any(Scalar::is_zero),
            Activation::Maxout(k) => z.chunks(*k).any(|c| {
                let w = winner(c);
                c.iter()
                    .enumerate()
                    .any(|(i, v)| i != w && v.cmp_value(&c[w]).is_eq())
            }),
            _ => false,
        }
    }
}

/// A number as written in a spec: `1/10`, or the float as Rust prints it.
pub fn plain(s: &Scalar) -> String {
    s.exact_string()
        .unwrap_or_else(|| format!("{}", s.to_f64()))
}

/// σ(z) in f64, in the form that cannot overflow on either side.
pub fn sigmoid_f64(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Index of the largest value; a tie goes to the first.
fn winner(c: &[Scalar]) -> usize {
    let mut best = 0;
    for (i, v) in c.iter().enumerate() {
        if v.cmp_value(&c[best]).is_gt() {
            best = i;
        }
    }
    best
}

fn zero_like(v: &Scalar) -> Scalar {
    if v.is_exact() {
        Scalar::zero()
    } else {
        Scalar::Float(0.0)
    }
}

/// Σ v.
pub fn sum(v: &[Scalar]) -> Result<Scalar> {
    v.iter().try_fold(Scalar::zero(), |acc, x| acc.add(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Scalar {
        Scalar::parse(s).unwrap()
    }

    #[test]
    fn exact_where_the_value_is_rational() {
        // σ(0) = 1/2, σ'(0) = 1/2·1/2 = 1/4; tanh'(0) = 1 − 0² = 1
        assert_eq!(Activation::Sigmoid.apply(&q("0"), 0).unwrap(), q("1/2"));
        assert_eq!(
            Activation::Sigmoid.derivative(&q("0"), 0).unwrap(),
            q("1/4")
        );
        assert_eq!(Activation::Tanh.derivative(&q("0"), 0).unwrap(), q("1"));
        // softplus'(0) = σ(0) = 1/2
        assert_eq!(
            Activation::Softplus.derivative(&q("0"), 0).unwrap(),
            q("1/2")
        );
        // Leaky ReLU(1/10) at −3: −3/10, slope 1/10; ReLU'(0) = 0 by convention
        let l = Activation::parse("leaky_relu(0.1)").unwrap();
        assert_eq!(l.apply(&q("-3"), 0).unwrap(), q("-3/10"));
        assert_eq!(l.derivative(&q("-3"), 0).unwrap(), q("1/10"));
        assert_eq!(Activation::Relu.derivative(&q("0"), 0).unwrap(), q("0"));
        // ELU(1) at 0: 1·(e^0 − 1) = 0, slope γe^0 = 1 (the z ≤ 0 branch)
        let e = Activation::parse("elu(1)").unwrap();
        assert_eq!(e.apply(&q("0"), 0).unwrap(), q("0"));
        assert_eq!(e.derivative(&q("0"), 0).unwrap(), q("1"));
    }

    #[test]
    fn softmax_and_maxout_on_vectors() {
        // equal inputs: each e^0 / 3 = 1/3, exactly
        let y = Activation::Softmax
            .forward(&[q("2"), q("2"), q("2")])
            .unwrap();
        assert_eq!(y, vec![q("1/3"); 3]);
        // maxout(2) on (1, 3 | -1, -2) picks 3 and -1; the gradient goes to them
        let m = Activation::Maxout(2);
        let z = [q("1"), q("3"), q("-1"), q("-2")];
        let a = m.forward(&z).unwrap();
        assert_eq!(a, vec![q("3"), q("-1")]);
        let d = m.backward(&z, &a, &[q("5"), q("7")]).unwrap();
        assert_eq!(d, vec![q("0"), q("5"), q("7"), q("0")]);
    }

    #[test]
    fn f64_forms_match_scalar_forms() {
        let acts = [
            "identity",
            "sigmoid",
            "tanh",
            "relu",
            "leaky_relu(0.1)",
            "elu(2)",
            "softplus",
            "prelu(0.3)",
        ];
        for name in acts {
            let a = Activation::parse(name).unwrap();
            for x in [-2.5, -0.5, 0.0, 0.75, 3.0] {
                let s = Scalar::Float(x);
                assert!(
                    (a.apply(&s, 0).unwrap().to_f64() - a.apply_f64(x, 0)).abs() < 1e-15,
                    "{name} {x}"
                );
                assert!(
                    (a.derivative(&s, 0).unwrap().to_f64() - a.derivative_f64(x, 0)).abs() < 1e-15,
                    "{name}' {x}"
                );
                // derivative against a central difference away from kinks
                if x != 0.0 {
                    let h = 1e-6;
                    let fd = (a.apply_f64(x + h, 0) - a.apply_f64(x - h, 0)) / (2.0 * h);
                    assert!((fd - a.derivative_f64(x, 0)).abs() < 1e-7, "{name}' fd {x}");
                }
            }
        }
    }

    #[test]
    fn every_row_parses_to_itself() {
        // each name and alias reads back to an activation whose row it is
        for r in ACTIVATIONS {
            let example = match r.param {
                Param::None => r.name.to_string(),
                Param::Gamma | Param::PerUnit => format!("{}(1/10)", r.name),
                Param::Pieces => format!("{}(2)", r.name),
            };
            let a = Activation::parse(&example).unwrap();
            assert_eq!(a.row().name, r.name);
            assert_eq!(a.to_string(), example);
            for alias in r.aliases {
                let other = example.replacen(r.name, alias, 1);
                assert_eq!(Activation::parse(&other).unwrap().row().name, r.name);
            }
        }
        assert_eq!(
            known(),
            "identity, sigmoid (logistic), tanh, relu, leaky_relu(γ), prelu(γ1, γ2, …), \
             elu(γ), softplus, maxout(k), softmax"
        );
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let e = Activation::parse("swish").unwrap_err().to_string();
        assert!(e.contains("swish") && e.contains("leaky_relu"), "{e}");
        assert!(Activation::parse("maxout(0)").is_err());
        assert!(Activation::parse("relu(2)").is_err());
        assert!(Activation::parse("elu").is_err());
    }
}
