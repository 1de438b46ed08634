//! Weight initialisers (JQ 初始化参数: U(−1/√m, 1/√m); CAL 参数初始化:
//! random, Xavier/Glorot, He). m is the fan-in (inputs of the layer), n the
//! fan-out. Biases start at 0 under every scheme.

use std::fmt;

use crate::error::{Error, Result};
use crate::train::rng::Rng;

/// How W(l) is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// Every weight 0: all units of a layer stay identical (symmetry is never broken).
    Zeros,
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

/// Names accepted by [`Init::parse`].
pub const INITS: &str =
    "zeros, uniform (U(-1/√m, 1/√m)), xavier_uniform, xavier_normal, he_uniform, he_normal";

impl fmt::Display for Init {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Init::Zeros => "zeros",
            Init::Uniform => "uniform",
            Init::XavierUniform => "xavier_uniform",
            Init::XavierNormal => "xavier_normal",
            Init::HeUniform => "he_uniform",
            Init::HeNormal => "he_normal",
        })
    }
}

impl Init {
    /// Read an initialiser name (`glorot_*` = `xavier_*`, `kaiming_*` = `he_*`).
    pub fn parse(text: &str) -> Result<Init> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        Ok(match t.as_str() {
            "zeros" | "zero" => Init::Zeros,
            "uniform" | "lecun_uniform" => Init::Uniform,
            "xavier_uniform" | "glorot_uniform" | "xavier" | "glorot" => Init::XavierUniform,
            "xavier_normal" | "glorot_normal" => Init::XavierNormal,
            "he_uniform" | "kaiming_uniform" => Init::HeUniform,
            "he_normal" | "kaiming_normal" | "he" => Init::HeNormal,
            _ => {
                return Err(Error::UnknownName {
                    name: text.to_string(),
                    what: "a known initialiser".to_string(),
                    accepted: format!("known initialisers: {INITS}"),
                });
            }
        })
    }

    /// The bound r of U(−r, r) or the standard deviation of N(0, s²), for
    /// fan-in m and fan-out n; 0 for zeros.
    pub fn scale(self, m: usize, n: usize) -> f64 {
        let (m, n) = (m as f64, n as f64);
        match self {
            Init::Zeros => 0.0,
            Init::Uniform => 1.0 / m.sqrt(),
            Init::XavierUniform => (6.0 / (m + n)).sqrt(),
            Init::XavierNormal => (2.0 / (m + n)).sqrt(),
            Init::HeUniform => (6.0 / m).sqrt(),
            Init::HeNormal => (2.0 / m).sqrt(),
        }
    }

    /// True for the schemes that draw from a normal distribution.
    pub fn is_normal(self) -> bool {
        matches!(self, Init::XavierNormal | Init::HeNormal)
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
}
