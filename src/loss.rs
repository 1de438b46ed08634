//! Loss functions L(y, t) of one sample and their gradients ∂L/∂y
//! (CAL 损失函数: MSE, CEE; MS: binary cross-entropy of one neuron;
//! NNDL: softmax + cross-entropy, L2 structured risk).
//!
//! y is the network output a(L), t the target. Every loss has a `Scalar`
//! form (exact where the value is rational) and a plain `f64` form that a
//! batched training engine can share.

use std::fmt;

use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// The names [`Loss::parse`] accepts, for error messages, help and shell
/// completion: `mse, half_sse, bce, cross_entropy`.
pub fn known() -> String {
    Loss::ALL.map(|l| l.to_string()).join(", ")
}

/// A loss of one sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// MSE = 1/n Σ (y_i − t_i)² (CAL, PKU); ∂L/∂y_i = 2/n (y_i − t_i).
    Mse,
    /// 1/2 Σ (y_i − t_i)², the form whose gradient is y − t.
    HalfSse,
    /// Binary cross-entropy −Σ [t ln y + (1 − t) ln(1 − y)] (MS);
    /// ∂L/∂y = −t/y + (1 − t)/(1 − y). Needs 0 < y < 1.
    Bce,
    /// Cross-entropy −Σ t_k ln y_k = −tᵀ log y (CAL CEE, NNDL); ∂L/∂y_k = −t_k/y_k.
    /// With softmax outputs, δ(L) = y − t. Targets must be a distribution.
    CrossEntropy,
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Loss {
    /// Every loss, in the order lists show them.
    pub const ALL: [Loss; 4] = [Loss::Mse, Loss::HalfSse, Loss::Bce, Loss::CrossEntropy];

    /// The name specs and flags use.
    pub fn name(self) -> &'static str {
        match self {
            Loss::Mse => "mse",
            Loss::HalfSse => "half_sse",
            Loss::Bce => "bce",
            Loss::CrossEntropy => "cross_entropy",
        }
    }

    /// What a list adds after the name: `1/n Σ` for mse.
    pub fn gist(self) -> Option<&'static str> {
        match self {
            Loss::Mse => Some("1/n Σ"),
            Loss::HalfSse => Some("1/2 Σ"),
            Loss::Bce | Loss::CrossEntropy => None,
        }
    }

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
                accepted: format!("known losses: {}", known()),
            }),
        }
    }

    /// Check the target t before computing: BCE needs 0 ≤ t_i ≤ 1,
    /// cross-entropy needs t_i ≥ 0 and Σ t_i = 1.
    pub fn check_target(&self, t: &[Scalar]) -> Result<()> {
        let bad = |problem: String, accepted: &str| Error::Invalid {
            what: format!("target for {self}"),
            problem,
            accepted: accepted.to_string(),
        };
        match self {
            Loss::Bce => {
                if let Some(v) = t
                    .iter()
                    .find(|v| v.signum() < 0 || v.cmp_value(&Scalar::one()).is_gt())
                {
                    return Err(bad(
                        format!("{} is outside [0, 1]", v.show(6)),
                        "each target must be a probability from 0 to 1",
                    ));
                }
            }
            Loss::CrossEntropy => {
                if let Some(v) = t.iter().find(|v| v.signum() < 0) {
                    return Err(bad(
                        format!("{} is negative", v.show(6)),
                        "targets must be a distribution: non-negative, summing to 1 (e.g. one-hot [0, 1, 0])",
                    ));
                }
                let s = crate::activation::sum(t)?;
                let one = match &s {
                    Scalar::Exact(_) => s == Scalar::one(),
                    Scalar::Float(x) => (x - 1.0).abs() <= 1e-9,
                };
                if !one {
                    return Err(bad(
                        format!("they sum to {}, not 1", s.show(6)),
                        "targets must be a distribution: non-negative, summing to 1 (e.g. one-hot [0, 1, 0])",
                    ));
                }
            }
            Loss::Mse | Loss::HalfSse => {}
        }
        Ok(())
    }

    /// L(y, t).
    pub fn value(&self, y: &[Scalar], t: &[Scalar]) -> Result<Scalar> {
        let mut terms = Vec::with_capacity(y.len());
        for (k, (yk, tk)) in y.iter().zip(t).enumerate() {
            terms.push(self.term(yk, tk, k)?);
        }
        let s = crate::activation::sum(&terms)?;
        match self {
            Loss::Mse => s.div(&Scalar::int(y.len() as i64)),
            Loss::HalfSse => s.div(&Scalar::int(2)),
            Loss::Bce | Loss::CrossEntropy => Ok(s.neg()),
        }
    }

    /// One summand: (y − t)², t ln y + (1 − t) ln(1 − y), or t ln y.
    fn term(&self, y: &Scalar, t: &Scalar, k: usize) -> Result<Scalar> {
        match self {
            Loss::Mse | Loss::HalfSse => {
                let d = y.sub(t)?;
                d.mul(&d)
            }
            Loss::Bce => {
                self.check_open_unit(y, k)?;
                let one = Scalar::one();
                let a = t.mul(&y.ln()?)?;
                let b = one.sub(t)?.mul(&one.sub(y)?.ln()?)?;
                a.add(&b)
            }
            Loss::CrossEntropy => {
                if t.is_zero() {
                    return Ok(Scalar::zero());
                }
                if y.signum() <= 0 {
                    return Err(Error::Domain {
                        func: "cross-entropy ln y".to_string(),
                        value: y.show(6),
                        node: format!("output {}", k + 1),
                        hint: "a class with target > 0 needs a predicted probability > 0"
                            .to_string(),
                    });
                }
                t.mul(&y.ln()?)
            }
        }
    }

    fn check_open_unit(&self, y: &Scalar, k: usize) -> Result<()> {
        if y.signum() <= 0 || y.cmp_value(&Scalar::one()).is_ge() {
            return Err(Error::Domain {
                func: "binary cross-entropy".to_string(),
                value: y.show(6),
                node: format!("output {}", k + 1),
                hint: "BCE needs every output strictly between 0 and 1, since ln 0 is undefined \
                       (a sigmoid output rounds to exactly 1 in f64 once z > 36.7, and an identity \
                       or ReLU output can be anything); use smaller weights, a sigmoid output, or \
                       mse/half_sse"
                    .to_string(),
            });
        }
        Ok(())
    }

    /// ∂L/∂y_k for every output k.
    pub fn grad(&self, y: &[Scalar], t: &[Scalar]) -> Result<Vec<Scalar>> {
        let n = Scalar::int(y.len() as i64);
        y.iter()
            .zip(t)
            .enumerate()
            .map(|(k, (yk, tk))| match self {
                // 2/n (y − t)
                Loss::Mse => Scalar::int(2).mul(&yk.sub(tk)?)?.div(&n),
                // y − t
                Loss::HalfSse => yk.sub(tk),
                // −t/y + (1 − t)/(1 − y)
                Loss::Bce => {
                    self.check_open_unit(yk, k)?;
                    let one = Scalar::one();
                    tk.div(yk)?.neg().add(&one.sub(tk)?.div(&one.sub(yk)?)?)
                }
                // −t/y (0 where t = 0)
                Loss::CrossEntropy => {
                    if tk.is_zero() {
                        Ok(if yk.is_exact() {
                            Scalar::zero()
                        } else {
                            Scalar::Float(0.0)
                        })
                    } else {
                        tk.div(yk).map(|v| v.neg())
                    }
                }
            })
            .collect()
    }

    /// L(y, t) in plain f64 (same definitions as [`Loss::value`]).
    pub fn value_f64(&self, y: &[f64], t: &[f64]) -> f64 {
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

    /// ∂L/∂y in plain f64.
    pub fn grad_f64(&self, y: &[f64], t: &[f64]) -> Vec<f64> {
        let n = y.len() as f64;
        y.iter()
            .zip(t)
            .map(|(a, b)| match self {
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
            })
            .collect()
    }
}

/// The L2 term λ/2 ‖W‖²_F = λ/2 Σ w² over the given weights (NNDL 结构化风险).
pub fn l2_penalty<'a>(
    lambda: &Scalar,
    weights: impl Iterator<Item = &'a Scalar>,
) -> Result<Scalar> {
    let mut s = Scalar::zero();
    for w in weights {
        s = s.add(&w.mul(w)?)?;
    }
    lambda.mul(&s)?.div(&Scalar::int(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_loss_parses_back_and_the_list_is_the_error_s() {
        assert_eq!(known(), "mse, half_sse, bce, cross_entropy");
        for l in Loss::ALL {
            assert_eq!(Loss::parse(&l.to_string()).unwrap(), l);
        }
        let e = Loss::parse("hinge").unwrap_err().to_string();
        assert!(e.contains(&known()), "{e}");
    }

    fn v(xs: &[&str]) -> Vec<Scalar> {
        xs.iter().map(|x| Scalar::parse(x).unwrap()).collect()
    }

    #[test]
    fn squared_errors_exact() {
        // y = (1, 1/2), t = (0, 1): squares 1 and 1/4, sum 5/4
        let (y, t) = (v(&["1", "1/2"]), v(&["0", "1"]));
        assert_eq!(Loss::Mse.value(&y, &t).unwrap(), Scalar::ratio(5, 8));
        assert_eq!(Loss::HalfSse.value(&y, &t).unwrap(), Scalar::ratio(5, 8));
        // MSE gradient 2/2·(1, −1/2); half_sse gradient (1, −1/2)
        assert_eq!(Loss::Mse.grad(&y, &t).unwrap(), v(&["1", "-1/2"]));
        assert_eq!(Loss::HalfSse.grad(&y, &t).unwrap(), v(&["1", "-1/2"]));
    }

    #[test]
    fn bce_at_one_half_is_ln_2_and_gradient_minus_2() {
        // MS: −1/a + 0 at a = 1/2, y = 1 gives −2; L = −ln(1/2) = ln 2
        let (y, t) = (v(&["1/2"]), v(&["1"]));
        assert_eq!(Loss::Bce.grad(&y, &t).unwrap(), v(&["-2"]));
        assert!((Loss::Bce.value(&y, &t).unwrap().to_f64() - 2f64.ln()).abs() < 1e-15);
        let e = Loss::Bce.value(&v(&["1"]), &t).unwrap_err().to_string();
        assert!(e.contains("strictly between 0 and 1"), "{e}");
    }

    #[test]
    fn cross_entropy_targets_must_be_a_distribution() {
        assert!(
            Loss::CrossEntropy
                .check_target(&v(&["0", "1", "0"]))
                .is_ok()
        );
        let e = Loss::CrossEntropy
            .check_target(&v(&["1", "1"]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("sum to 2"), "{e}");
        assert!(
            Loss::CrossEntropy
                .check_target(&v(&["-1/2", "3/2"]))
                .is_err()
        );
    }

    #[test]
    fn f64_forms_match() {
        let (y, t) = ([0.2, 0.7, 0.1], [0.0, 1.0, 0.0]);
        let ys: Vec<Scalar> = y.iter().map(|&x| Scalar::Float(x)).collect();
        let ts: Vec<Scalar> = t.iter().map(|&x| Scalar::Float(x)).collect();
        for l in [Loss::Mse, Loss::HalfSse, Loss::Bce, Loss::CrossEntropy] {
            assert!((l.value(&ys, &ts).unwrap().to_f64() - l.value_f64(&y, &t)).abs() < 1e-15);
            for (a, b) in l.grad(&ys, &ts).unwrap().iter().zip(l.grad_f64(&y, &t)) {
                assert!((a.to_f64() - b).abs() < 1e-12);
            }
        }
    }
}
