//! Weight initialisers (JQ 初始化参数: U(−1/√m, 1/√m); CAL 参数初始化:
//! random, Xavier/Glorot, He). m is the fan-in (inputs of the layer), n the
//! fan-out. Biases start at 0 under every scheme.
//!
//! This is the one definition of each scheme: the training engine draws
//! W(l) with [`Init::weights`], and the catalog's init/1-2 show the exact
//! bound and variance from [`Init::exact_scale`] and [`Init::exact_variance`]
//! and draw their random stack through the same [`Init::weights`].

use std::fmt;

use crate::error::{Error, Result};
use crate::scalar::Scalar;
use crate::train::rng::Rng;

/// How W(l) is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// Every weight 0: all units of a layer stay identical (symmetry is never broken).
    Zeros,
    /// "Random small": U(−0.01, 0.01) whatever the layer's size (CAL 随机初始化).
    Small,
    /// U(−1/√m, 1/√m) (JQ).
    Uniform,
    /// Xavier/Glorot uniform: U(−r, r), r = √(6/(m + n)).
    XavierUniform,
    /// Xavier/Glorot normal: N(0, 2/(m + n)).
    XavierNormal,
    /// He uniform: U(−r, r), r = √(6/m).
    HeUniform,
    /// He normal: N(0, 2/m).
    HeNormal,
}

/// Names accepted by [`Init::parse`], with the bound of the uniform ones
/// that have no other name: `zeros, small (U(-0.01, 0.01)), …, he_normal`.
pub fn known() -> String {
    Init::ALL
        .map(|i| match i.gist() {
            Some(g) => format!("{i} ({g})"),
            None => i.to_string(),
        })
        .join(", ")
}

impl fmt::Display for Init {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Init {
    /// Every initialiser, in the order lists show them.
    pub const ALL: [Init; 7] = [
        Init::Zeros,
        Init::Small,
        Init::Uniform,
        Init::XavierUniform,
        Init::XavierNormal,
        Init::HeUniform,
        Init::HeNormal,
    ];

    /// The name `--init` takes.
    pub fn name(self) -> &'static str {
        match self {
            Init::Zeros => "zeros",
            Init::Small => "small",
            Init::Uniform => "uniform",
            Init::XavierUniform => "xavier_uniform",
            Init::XavierNormal => "xavier_normal",
            Init::HeUniform => "he_uniform",
            Init::HeNormal => "he_normal",
        }
    }

    /// The distribution a list shows beside a name that does not say it.
    pub fn gist(self) -> Option<&'static str> {
        match self {
            Init::Small => Some("U(-0.01, 0.01)"),
            Init::Uniform => Some("U(-1/√m, 1/√m)"),
            Init::Zeros
            | Init::XavierUniform
            | Init::XavierNormal
            | Init::HeUniform
            | Init::HeNormal => None,
        }
    }

    /// Read an initialiser name (`glorot_*` = `xavier_*`, `kaiming_*` = `he_*`).
    pub fn parse(text: &str) -> Result<Init> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        Ok(match t.as_str() {
            "zeros" | "zero" => Init::Zeros,
            "small" | "random_small" => Init::Small,
            "uniform" | "lecun_uniform" => Init::Uniform,
            "xavier_uniform" | "glorot_uniform" | "xavier" | "glorot" => Init::XavierUniform,
            "xavier_normal" | "glorot_normal" => Init::XavierNormal,
            "he_uniform" | "kaiming_uniform" => Init::HeUniform,
            "he_normal" | "kaiming_normal" | "he" => Init::HeNormal,
            _ => {
                return Err(Error::UnknownName {
                    name: text.to_string(),
                    what: "a known initialiser".to_string(),
                    accepted: format!("known initialisers: {}", known()),
                });
            }
        })
    }

    /// The name a student reads in a table.
    pub fn label(self) -> &'static str {
        match self {
            Init::Zeros => "zeros",
            Init::Small => "random small",
            Init::Uniform => "JQ U(-1/√m, 1/√m)",
            Init::XavierUniform => "Xavier / Glorot",
            Init::XavierNormal => "Xavier / Glorot normal",
            Init::HeUniform => "He",
            Init::HeNormal => "He normal",
        }
    }

    /// The rule for the scale: the bound a of U(−a, a) or the standard
    /// deviation σ of N(0, σ²), in n_in (= m) and n_out (= n).
    pub fn rule(self) -> &'static str {
        match self {
            Init::Zeros => "0",
            Init::Small => "U(-0.01, 0.01)",
            Init::Uniform => "a = 1/√n_in",
            Init::XavierUniform => "a = √(6/(n_in + n_out))",
            Init::XavierNormal => "σ = √(2/(n_in + n_out))",
            Init::HeUniform => "a = √(6/n_in)",
            Init::HeNormal => "σ = √(2/n_in)",
        }
    }

    /// True for the schemes that draw from a normal distribution.
    pub fn is_normal(self) -> bool {
        matches!(self, Init::XavierNormal | Init::HeNormal)
    }

    /// Var W for fan-in m and fan-out n, exact: a²/3 for U(−a, a)
    /// ((2a)²/12), σ² for N(0, σ²), 0 for zeros. Xavier's 2/(m + n) keeps
    /// Var z ≈ Var a both ways; He's 2/m makes up for ReLU zeroing half.
    pub fn exact_variance(self, m: usize, n: usize) -> Result<Scalar> {
        let (m, n) = (Scalar::int(m as i64), Scalar::int(n as i64));
        let two = Scalar::int(2);
        match self {
            Init::Zeros => Ok(Scalar::zero()),
            Init::Small => Ok(Scalar::ratio(1, 30_000)), // (1/100)²/3
            Init::Uniform => Scalar::one().div(&Scalar::int(3).mul(&m)?), // (1/√m)²/3
            Init::XavierUniform | Init::XavierNormal => two.div(&m.add(&n)?),
            Init::HeUniform | Init::HeNormal => two.div(&m),
        }
    }

    /// The bound a of U(−a, a), or the standard deviation σ of N(0, σ²), for
    /// fan-in m and fan-out n; 0 for zeros. Exact where the root is rational
    /// (1/√64 = 1/8, √(6/96) = 1/4), a rounded float otherwise.
    pub fn exact_scale(self, m: usize, n: usize) -> Result<Scalar> {
        let (mm, nn) = (Scalar::int(m as i64), Scalar::int(n as i64));
        match self {
            Init::Zeros => Ok(Scalar::zero()),
            Init::Small => Ok(Scalar::ratio(1, 100)),
            Init::Uniform => Scalar::one().div(&mm.sqrt()?),
            Init::XavierUniform => Scalar::int(6).div(&mm.add(&nn)?)?.sqrt(),
            Init::HeUniform => Scalar::int(6).div(&mm)?.sqrt(),
            Init::XavierNormal | Init::HeNormal => self.exact_variance(m, n)?.sqrt(),
        }
    }

    /// [`Init::exact_scale`] as an f64 (∞ for m = 0, which no layer has).
    pub fn scale(self, m: usize, n: usize) -> f64 {
        self.exact_scale(m, n).map_or(f64::INFINITY, |s| s.to_f64())
    }

    /// The m·n weights of a layer, row-major m × n (row i = input i), drawn in
    /// that order from `rng`.
    pub fn weights(self, m: usize, n: usize, rng: &mut Rng) -> Vec<f64> {
        let s = self.scale(m, n);
        (0..m * n)
            .map(|_| match self {
                Init::Zeros => 0.0,
                _ if self.is_normal() => s * rng.normal(),
                _ => rng.range(-s, s),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_spreads() {
        // JQ: m = 10 gives 1/√10 ≈ 0.316228.
        assert!((Init::Uniform.scale(10, 14) - 0.316_227_766).abs() < 1e-9);
        // Xavier uniform 784→512: √(6/1296) = √(1/216).
        assert!((Init::XavierUniform.scale(784, 512) - (1.0f64 / 216.0).sqrt()).abs() < 1e-15);
        // He normal: variance 2/m.
        assert_eq!(Init::HeNormal.scale(8, 3), 0.5);
        let mut r = Rng::new(3);
        let w = Init::HeUniform.weights(200, 100, &mut r);
        let bound = (6.0f64 / 200.0).sqrt();
        assert!(w.iter().all(|x| x.abs() < bound));
        // U(−r, r) has variance r²/3 = 2/m: the He condition.
        let var = w.iter().map(|x| x * x).sum::<f64>() / w.len() as f64;
        assert!((var - 0.01).abs() < 0.0005, "{var}");
        let w = Init::XavierNormal.weights(300, 100, &mut r);
        let var = w.iter().map(|x| x * x).sum::<f64>() / w.len() as f64;
        assert!((var - 2.0 / 400.0).abs() < 0.0003, "{var}");
        assert!(Init::Zeros.weights(3, 2, &mut r).iter().all(|x| *x == 0.0));
    }

    #[test]
    fn exact_scales_and_variances() {
        let q = |a, b| Scalar::ratio(a, b);
        // 1/√64 = 1/8 and √(6/(48 + 48)) = √(1/16) = 1/4 are exact; √(6/128) is not.
        assert_eq!(Init::Uniform.exact_scale(64, 7).unwrap(), q(1, 8));
        assert_eq!(Init::XavierUniform.exact_scale(48, 48).unwrap(), q(1, 4));
        assert!(!Init::XavierUniform.exact_scale(64, 64).unwrap().is_exact());
        // He normal, m = 8: σ² = 2/8 = 1/4, σ = 1/2.
        assert_eq!(Init::HeNormal.exact_scale(8, 3).unwrap(), q(1, 2));
        assert_eq!(Init::Small.exact_scale(5, 5).unwrap(), q(1, 100));
        for m in 1..=40usize {
            for n in [1usize, 3, 10, 64] {
                for init in [
                    Init::Small,
                    Init::Uniform,
                    Init::XavierUniform,
                    Init::XavierNormal,
                    Init::HeUniform,
                    Init::HeNormal,
                ] {
                    // Var U(−a, a) = a²/3 and Var N(0, σ²) = σ², exactly where a is exact.
                    let s = init.exact_scale(m, n).unwrap();
                    let var = init.exact_variance(m, n).unwrap();
                    let k = if init.is_normal() { 1 } else { 3 };
                    let from_s = s.mul(&s).unwrap().div(&Scalar::int(k)).unwrap();
                    if s.is_exact() {
                        assert_eq!(from_s, var, "{init} {m} {n}");
                    }
                    let rel = (from_s.to_f64() / var.to_f64() - 1.0).abs();
                    assert!(rel < 1e-15, "{init} {m} {n}: {rel}");
                    // The plain f64 formulas of the doc comments, to the last bit or one ulp.
                    let (mf, nf) = (m as f64, n as f64);
                    let plain = match init {
                        Init::Small => 0.01,
                        Init::Uniform => 1.0 / mf.sqrt(),
                        Init::XavierUniform => (6.0 / (mf + nf)).sqrt(),
                        Init::XavierNormal => (2.0 / (mf + nf)).sqrt(),
                        Init::HeUniform => (6.0 / mf).sqrt(),
                        _ => (2.0 / mf).sqrt(),
                    };
                    let got = init.scale(m, n);
                    assert!(
                        (got - plain).abs() <= plain * f64::EPSILON,
                        "{init} {m} {n}"
                    );
                }
            }
        }
        assert_eq!(Init::Zeros.exact_variance(3, 4).unwrap(), Scalar::zero());
    }

    #[test]
    fn names_round_trip() {
        // ALL lists every variant: the match has no wildcard arm.
        let listed = |i: Init| match i {
            Init::Zeros
            | Init::Small
            | Init::Uniform
            | Init::XavierUniform
            | Init::XavierNormal
            | Init::HeUniform
            | Init::HeNormal => Init::ALL.contains(&i),
        };
        assert!(Init::ALL.into_iter().all(listed));
        assert_eq!(
            known(),
            "zeros, small (U(-0.01, 0.01)), uniform (U(-1/√m, 1/√m)), \
             xavier_uniform, xavier_normal, he_uniform, he_normal"
        );
        for init in Init::ALL {
            assert_eq!(Init::parse(&init.to_string()).unwrap(), init);
            assert!(known().contains(&init.to_string()), "{init}");
        }
        assert!(
            Init::parse("lecun")
                .unwrap_err()
                .to_string()
                .contains("small")
        );
    }
}
