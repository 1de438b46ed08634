//! The grading policy: how close a written value must be to count as right,
//! what else earns credit, and how many points each quantity is worth.
//!
//! The default is what the exercise sheet tells students: "exact values
//! (fractions) where you can, otherwise 4 decimals" (src/exercise/messages.rs).
//! So an exact answer must be the exact value; a decimal is right when it has
//! at least 4 places (or is the exact value itself, such as -0.25 for -1/4)
//! and is the value rounded to its places (within half a unit of its last
//! place), or the value got by rounding every step to those 4 places (what
//! following the instruction step by step gives) while that stays within
//! one unit of the 4th place. The same keys are read from flags, from a `[policy]` table in a
//! TOML file, and from the manifest of a roster (JSON).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Required precision of a decimal answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// At least this many decimal places (the sheet's 4).
    Decimals(u32),
    /// At least this many significant figures.
    Significant(u32),
}

/// How answers are graded. [`Policy::default`] is the sheet's rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub precision: Precision,
    /// Also right within ± this (absolute).
    pub tolerance: Option<Scalar>,
    /// Also right within this fraction of |expected| (0.01 is 1 %).
    pub rel_tolerance: Option<Scalar>,
    /// Also right: the value `explain --round-each D` gives, every
    /// intermediate rounded to D decimals.
    pub round_each: Option<u32>,
    /// Also right: a value computed correctly from the student's own
    /// earlier (wrong) values, forward and backward (graph and layer
    /// examples, `--expr`, `--net`, and examples with a step-by-step replay:
    /// see `follow.rs`).
    pub follow_through: bool,
    /// Points of a quantity not listed in `points_for`.
    pub points: Scalar,
    /// Points of particular quantities, by name.
    pub points_for: BTreeMap<String, Scalar>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            precision: Precision::Decimals(4),
            tolerance: None,
            rel_tolerance: None,
            round_each: None,
            follow_through: false,
            points: Scalar::one(),
            points_for: BTreeMap::new(),
        }
    }
}

/// A number in a policy: a TOML/JSON number or a string such as "1/2".
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Num {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Num {
    fn scalar(&self, key: &str) -> Result<Scalar> {
        let text = match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => f.to_string(),
            Num::Text(t) => t.clone(),
        };
        let v = Scalar::parse(&text).map_err(|e| Error::Invalid {
            what: format!("policy `{key}`"),
            problem: e.to_string(),
            accepted: "a number such as 0.01 or \"1/2\"".to_string(),
        })?;
        if v.signum() < 0 {
            return Err(Error::Invalid {
                what: format!("policy `{key}`"),
                problem: format!("{text} is negative"),
                accepted: "a number ≥ 0".to_string(),
            });
        }
        Ok(v)
    }
}

/// A policy as written: every key optional, laid over a base policy with
/// [`PolicySpec::apply`]. Keys (TOML `[policy]`, the manifest's `"policy"`,
/// and the flags of the same names): `decimals`, `significant`,
/// `tolerance`, `rel-tolerance`, `round-each`, `follow-through`, `points`,
/// `points-for` (a table of quantity = points).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PolicySpec {
    pub decimals: Option<u32>,
    pub significant: Option<u32>,
    pub tolerance: Option<Num>,
    pub rel_tolerance: Option<Num>,
    pub round_each: Option<u32>,
    pub follow_through: Option<bool>,
    pub points: Option<Num>,
    #[serde(default)]
    pub points_for: BTreeMap<String, Num>,
}

/// Largest number of decimals or significant figures a policy may ask for.
pub const MAX_PLACES: u32 = 15;

impl PolicySpec {
    /// `base` with every key this spec gives replaced.
    pub fn apply(&self, base: &Policy) -> Result<Policy> {
        let mut p = base.clone();
        let places = |key: &str, n: u32| {
            if (1..=MAX_PLACES).contains(&n) || (key == "decimals" && n == 0) {
                Ok(n)
            } else {
                Err(Error::Invalid {
                    what: format!("policy `{key}`"),
                    problem: format!("{n} is out of range"),
                    accepted: format!(
                        "a whole number from {} to {MAX_PLACES}",
                        if key == "decimals" { 0 } else { 1 }
                    ),
                })
            }
        };
        match (self.decimals, self.significant) {
            (Some(_), Some(_)) => {
                return Err(Error::Invalid {
                    what: "policy".to_string(),
                    problem: "it gives both `decimals` and `significant`".to_string(),
                    accepted: "give one of them".to_string(),
                });
            }
            (Some(d), None) => p.precision = Precision::Decimals(places("decimals", d)?),
            (None, Some(s)) => p.precision = Precision::Significant(places("significant", s)?),
            (None, None) => {}
        }
        if let Some(t) = &self.tolerance {
            p.tolerance = Some(t.scalar("tolerance")?);
        }
        if let Some(t) = &self.rel_tolerance {
            p.rel_tolerance = Some(t.scalar("rel-tolerance")?);
        }
        if let Some(d) = self.round_each {
            p.round_each = Some(places("round-each", d)?);
        }
        if let Some(f) = self.follow_through {
            p.follow_through = f;
        }
        if let Some(n) = &self.points {
            p.points = n.scalar("points")?;
        }
        for (k, n) in &self.points_for {
            p.points_for
                .insert(k.clone(), n.scalar(&format!("points-for.{k}"))?);
        }
        Ok(p)
    }

    /// Read a `[policy]` table from a TOML value (a policy file or an
    /// answers file); `path` names the file in errors.
    pub fn from_toml(v: &toml::Value, path: &str) -> Result<PolicySpec> {
        PolicySpec::deserialize(v.clone()).map_err(|e| Error::Invalid {
            what: format!("{path}: [policy]"),
            problem: e.to_string().trim().to_string(),
            accepted: "keys decimals, significant, tolerance, rel-tolerance, round-each, \
                       follow-through, points, points-for"
                .to_string(),
        })
    }

    /// Read a policy file: a TOML file with a `[policy]` table (or the
    /// keys at its top level).
    pub fn read(path: &std::path::Path) -> Result<PolicySpec> {
        let shown = path.display().to_string();
        let text = crate::files::read_text(path)?;
        let table = super::answers::parse_toml(&text, &shown)?;
        match table.get("policy") {
            Some(p) => PolicySpec::from_toml(p, &shown),
            None => PolicySpec::from_toml(&toml::Value::Table(table), &shown),
        }
    }
}

impl Policy {
    /// Points a quantity is worth.
    pub fn points_of(&self, name: &str) -> Scalar {
        self.points_for
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.points.clone())
    }

    /// The precision rule in words: "4 decimals", "3 significant figures".
    pub fn precision_words(&self) -> String {
        match self.precision {
            Precision::Decimals(1) => "1 decimal".to_string(),
            Precision::Decimals(d) => format!("{d} decimals"),
            Precision::Significant(1) => "1 significant figure".to_string(),
            Precision::Significant(s) => format!("{s} significant figures"),
        }
    }
}
