//! The network spec of `nn-tutor net SPEC.toml`.
//!
//! ```toml
//! convention = "column"        # or "row"
//! input = [1, 2]
//! target = [1]
//! loss = "half_sse"            # mse | half_sse | bce | cross_entropy
//! learning_rate = "1/2"        # optional
//! l2 = 0                       # optional λ
//! [[layer]]
//! weights = [["1/2", "-1/4"], [-1, 0.25]]   # out×in (column), in×out (row)
//! bias = ["1/4", "-1/4"]
//! activation = "sigmoid"
//! ```
//!
//! Numbers may be integers, decimals or quoted fractions; all are exact
//! (`0.25` is 1/4). Unknown keys are errors, so a typo never passes silently.

use serde::Deserialize;

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::loss::Loss;
use crate::network::{Convention, LayerSpec, Matrix, Network, Objective};
use crate::scalar::Scalar;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    convention: Option<String>,
    input: Vec<toml::Value>,
    target: Option<Vec<toml::Value>>,
    loss: Option<String>,
    learning_rate: Option<toml::Value>,
    l2: Option<toml::Value>,
    layer: Vec<RawLayer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    weights: Vec<Vec<toml::Value>>,
    bias: Vec<toml::Value>,
    activation: String,
}

/// A parsed spec: a network, its input, and (optionally) what to learn.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub convention: Convention,
    pub input: Vec<Scalar>,
    pub target: Option<Vec<Scalar>>,
    pub loss: Option<Loss>,
    pub learning_rate: Option<Scalar>,
    pub l2: Scalar,
    pub layers: Vec<LayerSpec>,
}

/// Most characters a spec file may have.
pub const MAX_SPEC_BYTES: usize = 4_000_000;

impl Spec {
    /// Parse the text of a spec; `path` names the file in error messages.
    pub fn parse(text: &str, path: &str) -> Result<Spec> {
        if text.len() > MAX_SPEC_BYTES {
            return Err(Error::Limit {
                what: format!("{path} ({} bytes)", text.len()),
                limit: format!("{MAX_SPEC_BYTES} bytes"),
                hint: String::new(),
            });
        }
        let raw: RawSpec = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            Error::toml(path, text, Some(at), e.message().trim().to_string())
        })?;
        let convention = match raw
            .convention
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("column") => Convention::Column,
            Some("row") => Convention::Row,
            Some(other) => return Err(Error::UnknownName {
                name: other.to_string(),
                what: "a convention".into(),
                accepted:
                    "use \"column\" (z = W a + b, W out×in) or \"row\" (h = f(h W + b), W in×out)"
                        .into(),
            }),
        };
        let loss = raw.loss.as_deref().map(Loss::parse).transpose()?;
        let target = raw
            .target
            .as_deref()
            .map(|t| numbers(t, "target"))
            .transpose()?;
        if target.is_some() != loss.is_some() {
            return Err(Error::Usage(format!(
                "{path}: give both `target` and `loss` (or neither, for a forward pass only)"
            )));
        }
        let mut layers = Vec::with_capacity(raw.layer.len());
        for (i, l) in raw.layer.iter().enumerate() {
            let at = format!("layer {}", i + 1);
            let weights: Matrix = l
                .weights
                .iter()
                .enumerate()
                .map(|(r, row)| numbers(row, &format!("{at} weights row {}", r + 1)))
                .collect::<Result<_>>()?;
            layers.push(LayerSpec {
                weights,
                bias: numbers(&l.bias, &format!("{at} bias"))?,
                activation: Activation::parse(&l.activation).map_err(|e| in_layer(e, &at))?,
            });
        }
        Ok(Spec {
            convention,
            input: numbers(&raw.input, "input")?,
            target,
            loss,
            learning_rate: raw
                .learning_rate
                .as_ref()
                .map(|v| number(v, "learning_rate"))
                .transpose()?,
            l2: raw
                .l2
                .as_ref()
                .map(|v| number(v, "l2"))
                .transpose()?
                .unwrap_or_else(Scalar::zero),
            layers,
        })
    }

    /// The spec with every number as an f64 (`--float`).
    pub fn to_float(&self) -> Spec {
        let f = |v: &[Scalar]| v.iter().map(Scalar::to_float).collect::<Vec<_>>();
        Spec {
            input: f(&self.input),
            target: self.target.as_deref().map(f),
            learning_rate: self.learning_rate.as_ref().map(Scalar::to_float),
            l2: self.l2.to_float(),
            layers: self
                .layers
                .iter()
                .map(|l| LayerSpec {
                    weights: l.weights.iter().map(|r| f(r)).collect(),
                    bias: f(&l.bias),
                    activation: l.activation.clone(),
                })
                .collect(),
            ..self.clone()
        }
    }

    /// The network, with its shapes checked.
    pub fn network(&self) -> Result<Network> {
        Network::new(self.convention, self.layers.clone())
    }

    /// Target, loss, λ and η, when the spec has a target.
    pub fn objective(&self) -> Option<Objective> {
        Some(Objective {
            target: self.target.clone()?,
            loss: self.loss?,
            l2: self.l2.clone(),
            learning_rate: self.learning_rate.clone(),
        })
    }
}

fn in_layer(e: Error, at: &str) -> Error {
    match e {
        Error::UnknownName {
            name,
            what,
            accepted,
        } => Error::UnknownName {
            name,
            what: format!("{what} ({at})"),
            accepted,
        },
        Error::Usage(m) => Error::Usage(format!("{at}: {m}")),
        // A bad parameter such as `leaky_relu(abc)`: say which layer's
        // activation holds it, as the weights and biases do.
        Error::BadNumber { text, reason } => Error::BadNumber {
            text,
            reason: format!("{reason} (at {at} activation)"),
        },
        other => other,
    }
}

/// 1-based line and column of a byte offset.
fn numbers(vals: &[toml::Value], at: &str) -> Result<Vec<Scalar>> {
    vals.iter()
        .enumerate()
        .map(|(i, v)| number(v, &format!("{at}, entry {}", i + 1)))
        .collect()
}

/// An integer, a decimal (read exactly from its shortest spelling), or a
/// quoted number such as "1/4".
fn number(v: &toml::Value, at: &str) -> Result<Scalar> {
    let located = |e: Error| match e {
        Error::BadNumber { text, reason } => Error::BadNumber {
            text,
            reason: format!("{reason} (at {at})"),
        },
        other => other,
    };
    match v {
        toml::Value::Integer(i) => Ok(Scalar::int(*i)),
        // The shortest spelling that reads back as f, so 0.1 is 1/10; past
        // 40 characters (1e300 spelled out) the exponent form, which reads
        // back to the same exact value.
        toml::Value::Float(f) => {
            let plain = format!("{f}");
            let text = if plain.len() > 40 {
                format!("{f:e}")
            } else {
                plain
            };
            Scalar::parse(&text).map_err(located)
        }
        toml::Value::String(s) => Scalar::parse(s).map_err(located),
        other => Err(Error::BadNumber {
            text: other.to_string(),
            reason: format!("expected a number such as 3, 0.25 or \"1/4\" (at {at})"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spec users get in `specs/`, so the shipped file is tested too.
    const SPEC: &str = include_str!("../specs/two-layer.toml");

    #[test]
    fn numbers_are_exact() {
        let s = Spec::parse(SPEC, "spec.toml").unwrap();
        // 0.25 written as a TOML float is still exactly 1/4
        assert_eq!(s.layers[0].weights[1][1], Scalar::ratio(1, 4));
        assert_eq!(s.learning_rate, Some(Scalar::ratio(1, 2)));
        assert_eq!(s.network().unwrap().parameter_count(), 9);
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let bad = SPEC.replace("bias = [\"1/8\"]", "bias = [\"1/8\"");
        let e = Spec::parse(&bad, "spec.toml").unwrap_err();
        let Error::Toml { line, .. } = &e else {
            panic!("{e:?}")
        };
        assert!(*line >= 14, "{e}");
        assert!(e.to_string().starts_with("spec.toml:"), "{e}");
    }

    #[test]
    fn bad_numbers_and_names_are_located() {
        let e = Spec::parse(&SPEC.replace("\"-1/4\"", "\"-1/x\""), "s")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("-1/x") && e.contains("layer 1 weights row 1, entry 2"),
            "{e}"
        );
        let e = Spec::parse(&SPEC.replace("half_sse", "hinge"), "s")
            .unwrap_err()
            .to_string();
        assert!(e.contains("hinge") && e.contains("cross_entropy"), "{e}");
        let e = Spec::parse(&SPEC.replacen("\"sigmoid\"", "\"swish\"", 1), "s")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("swish") && e.contains("layer 1") && e.contains("leaky_relu"),
            "{e}"
        );
        let e = Spec::parse(
            &SPEC.replace("l2 = 0\n", "").replace("learning_rate", "lr"),
            "s",
        )
        .unwrap_err();
        // An unknown key (`lr`), not a syntax error.
        assert!(
            matches!(e, Error::Toml { .. }) && e.to_string().contains("lr"),
            "{e}"
        );
    }
}
