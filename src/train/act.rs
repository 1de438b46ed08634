//! Activations and losses as the batched engine uses them.
//!
//! **Temporary home.** The traced engine of issue 3 (`src/activation.rs`,
//! `src/loss.rs` on branch `net`) owns the definitions; until it lands this
//! file states the same definitions with the same conventions (ReLU'(0) = 0,
//! Leaky ReLU'(0) = γ, ELU'(0) = γ; MSE = 1/n Σ (y − t)²) so the two can be
//! folded together by replacing the bodies below with calls to the shared
//! `apply_f64` / `derivative_f64` / `value_f64` / `grad_f64`.

use std::fmt;

use crate::error::{Error, Result};

/// An activation f in a(l) = f(z(l)) (NNDL 常见激活函数; PKU; JQ softmax).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Act {
    /// f(z) = z, f' = 1.
    Identity,
    /// σ(z) = 1/(1 + e^(−z)), σ' = σ(1 − σ).
    Sigmoid,
    /// tanh z, tanh' = 1 − tanh².
    Tanh,
    /// max(0, z), f' = I(z > 0).
    Relu,
    /// z for z > 0, γz for z ≤ 0 (PKU: max(0.1x, x)).
    LeakyRelu(f64),
    /// z for z > 0, γ(e^z − 1) for z ≤ 0.
    Elu(f64),
    /// ln(1 + e^z), f' = σ(z).
    Softplus,
    /// y_k = e^{z_k} / Σ_i e^{z_i} (output layer only, with cross-entropy).
    Softmax,
}

/// Names accepted by [`Act::parse`].
pub const ACTIVATIONS: &str =
    "identity, sigmoid, tanh, relu, leaky_relu or leaky_relu(γ), elu or elu(γ), softplus, softmax";

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Act::Identity => f.write_str("identity"),
            Act::Sigmoid => f.write_str("sigmoid"),
            Act::Tanh => f.write_str("tanh"),
            Act::Relu => f.write_str("relu"),
            Act::LeakyRelu(g) => write!(f, "leaky_relu({g})"),
            Act::Elu(g) => write!(f, "elu({g})"),
            Act::Softplus => f.write_str("softplus"),
            Act::Softmax => f.write_str("softmax"),
        }
    }
}

impl Act {
    /// Read `relu`, `leaky_relu(0.1)`, `sigmoid`, … (`logistic` = `sigmoid`).
    pub fn parse(text: &str) -> Result<Act> {
        let t = text.trim().to_ascii_lowercase();
        let (name, arg) = match t.split_once('(') {
            Some((n, rest)) => (n.trim().to_string(), rest.strip_suffix(')').map(str::trim)),
            None => (t.clone(), None),
        };
        let gamma = |default: f64| -> Result<f64> {
            match arg {
                None => Ok(default),
                Some(a) => a
                    .parse::<f64>()
                    .ok()
                    .filter(|g| g.is_finite())
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "cannot read γ = `{a}` in `{text}`; e.g. leaky_relu(0.1)"
                        ))
                    }),
            }
        };
        Ok(match name.as_str() {
            "identity" | "linear" => Act::Identity,
            "sigmoid" | "logistic" => Act::Sigmoid,
            "tanh" => Act::Tanh,
            "relu" => Act::Relu,
            "leaky_relu" | "leakyrelu" => Act::LeakyRelu(gamma(0.1)?),
            "elu" => Act::Elu(gamma(1.0)?),
            "softplus" => Act::Softplus,
            "softmax" => Act::Softmax,
            _ => {
                return Err(Error::UnknownName {
                    name: text.to_string(),
                    what: "a known activation".to_string(),
                    accepted: format!("known activations: {ACTIVATIONS}"),
                });
            }
        })
    }

    /// f(z) (softmax is handled per row by the engine; here it is the identity).
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Act::Identity | Act::Softmax => z,
            Act::Sigmoid => sigmoid(z),
            Act::Tanh => z.tanh(),
            Act::Relu => z.max(0.0),
            Act::LeakyRelu(g) => {
                if z > 0.0 {
                    z
                } else {
                    g * z
                }
            }
            Act::Elu(g) => {
                if z > 0.0 {
                    z
                } else {
                    g * z.exp_m1()
                }
            }
            // max(z, 0) + ln(1 + e^(−|z|)): never overflows
            Act::Softplus => z.max(0.0) + (-z.abs()).exp().ln_1p(),
        }
    }

    /// f'(z), with the kink conventions of the module doc.
    pub fn derivative(self, z: f64) -> f64 {
        match self {
            Act::Identity | Act::Softmax => 1.0,
            Act::Sigmoid => {
                let s = sigmoid(z);
                s * (1.0 - s)
            }
            Act::Tanh => 1.0 - z.tanh().powi(2),
            Act::Relu => f64::from(u8::from(z > 0.0)),
            Act::LeakyRelu(g) => {
                if z > 0.0 {
                    1.0
                } else {
                    g
                }
            }
            Act::Elu(g) => {
                if z > 0.0 {
                    1.0
                } else {
                    g * z.exp()
                }
            }
            Act::Softplus => sigmoid(z),
        }
    }
}

/// σ(z) in the form that cannot overflow on either side.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// A loss of one sample L(y, t) (CAL 损失函数; MS; NNDL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// 1/n Σ (y_i − t_i)²; ∂L/∂y_i = 2/n (y_i − t_i).
    Mse,
    /// 1/2 Σ (y_i − t_i)²; ∂L/∂y_i = y_i − t_i.
    HalfSse,
    /// −Σ [t ln y + (1 − t) ln(1 − y)]; ∂L/∂y = −t/y + (1 − t)/(1 − y).
    Bce,
    /// −Σ t_k ln y_k; with softmax outputs δ(L) = y − t.
    CrossEntropy,
}

/// Names accepted by [`Loss::parse`].
pub const LOSSES: &str = "mse, half_sse, bce, cross_entropy";

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Loss::Mse => "mse",
            Loss::HalfSse => "half_sse",
            Loss::Bce => "bce",
            Loss::CrossEntropy => "cross_entropy",
        })
    }
}

impl Loss {
    /// Read a loss name (case-insensitive).
    pub fn parse(text: &str) -> Result<Loss> {
        match text.trim().to_ascii_lowercase().as_str() {
            "mse" => Ok(Loss::Mse),
            "half_sse" | "sse/2" => Ok(Loss::HalfSse),
            "bce" | "binary_cross_entropy" => Ok(Loss::Bce),
            "cross_entropy" | "ce" | "cee" => Ok(Loss::CrossEntropy),
            _ => Err(Error::UnknownName {
                name: text.to_string(),
                what: "a known loss".to_string(),
                accepted: format!("known losses: {LOSSES}"),
            }),
        }
    }

    /// L(y, t) of one sample.
    pub fn value(self, y: &[f64], t: &[f64]) -> f64 {
        let pairs = y.iter().zip(t);
        match self {
            Loss::Mse => pairs.map(|(a, b)| (a - b).powi(2)).sum::<f64>() / y.len() as f64,
            Loss::HalfSse => pairs.map(|(a, b)| (a - b).powi(2)).sum::<f64>() / 2.0,
            Loss::Bce => -pairs
                .map(|(a, b)| b * a.ln() + (1.0 - b) * (1.0 - a).ln())
                .sum::<f64>(),
            Loss::CrossEntropy => -pairs
                .map(|(a, b)| if *b == 0.0 { 0.0 } else { b * a.ln() })
                .sum::<f64>(),
        }
    }

    /// ∂L/∂y_k of one sample, written into `g`.
    pub fn grad(self, y: &[f64], t: &[f64], g: &mut [f64]) {
        let n = y.len() as f64;
        for ((g, a), b) in g.iter_mut().zip(y).zip(t) {
            *g = match self {
                Loss::Mse => 2.0 * (a - b) / n,
                Loss::HalfSse => a - b,
                Loss::Bce => -b / a + (1.0 - b) / (1.0 - a),
                Loss::CrossEntropy => {
                    if *b == 0.0 {
                        0.0
                    } else {
                        -b / a
                    }
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every derivative against a central difference, away from the kinks.
    #[test]
    fn derivatives_match_finite_differences() {
        let acts = [
            Act::Identity,
            Act::Sigmoid,
            Act::Tanh,
            Act::Relu,
            Act::LeakyRelu(0.1),
            Act::Elu(1.0),
            Act::Softplus,
        ];
        for a in acts {
            for z in [-3.0, -0.7, 0.3, 2.5] {
                let h = 1e-6;
                let fd = (a.apply(z + h) - a.apply(z - h)) / (2.0 * h);
                assert!((fd - a.derivative(z)).abs() < 1e-7, "{a} at {z}");
            }
        }
        // Kink conventions: ReLU'(0) = 0, Leaky ReLU'(0) = γ.
        assert_eq!(Act::Relu.derivative(0.0), 0.0);
        assert_eq!(Act::LeakyRelu(0.1).derivative(0.0), 0.1);
        // σ(0) = 1/2 and σ'(0) = 1/4 exactly in floating point.
        assert_eq!(Act::Sigmoid.apply(0.0), 0.5);
        assert_eq!(Act::Sigmoid.derivative(0.0), 0.25);
    }

    #[test]
    fn loss_gradients_match_finite_differences() {
        let y = [0.2, 0.7, 0.1];
        let t = [0.0, 1.0, 0.0];
        for l in [Loss::Mse, Loss::HalfSse, Loss::Bce, Loss::CrossEntropy] {
            let mut g = [0.0; 3];
            l.grad(&y, &t, &mut g);
            for k in 0..3 {
                let (mut p, mut m) = (y, y);
                p[k] += 1e-6;
                m[k] -= 1e-6;
                let fd = (l.value(&p, &t) - l.value(&m, &t)) / 2e-6;
                assert!((fd - g[k]).abs() < 1e-6, "{l} k={k}: {fd} vs {}", g[k]);
            }
        }
        // MSE of (0.2, 0.7, 0.1) against (0, 1, 0): (0.04 + 0.09 + 0.01)/3 = 0.14/3.
        assert!((Loss::Mse.value(&y, &t) - 0.14 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn names_parse_and_unknown_lists_known() {
        assert_eq!(Act::parse("Leaky_ReLU(0.2)").unwrap(), Act::LeakyRelu(0.2));
        assert_eq!(Act::parse("logistic").unwrap(), Act::Sigmoid);
        let e = Act::parse("swish").unwrap_err().to_string();
        assert!(e.contains("swish") && e.contains("relu"), "{e}");
        let e = Loss::parse("hinge").unwrap_err().to_string();
        assert!(e.contains("cross_entropy"), "{e}");
    }
}
