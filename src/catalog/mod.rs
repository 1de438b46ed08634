//! The catalog of worked examples (`shared/WORKED_EXAMPLES.md`): one entry
//! per example, with its deck sources, its parameters and defaults, and a
//! function from parameter values to a [`Report`].

mod activation;
pub mod audits;
mod autodiff;
mod backprop;
mod common;
mod counts;
mod descent;
mod forward;
mod layers;
mod learning;
mod neuron;
mod problems;
mod softmax;
mod xor;

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::report::{Cell, Report, Settings, Table};
use crate::scalar::Scalar;

/// One input of an example, with its default.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: &'static str,
    /// The default, as a student would type it (`-2`, `1/4`, `0.15`).
    pub default: &'static str,
    pub help: &'static str,
}

impl Param {
    /// A parameter: its name, its default and a line of help.
    pub const fn new(name: &'static str, default: &'static str, help: &'static str) -> Param {
        Param {
            name,
            default,
            help,
        }
    }
}

/// A worked example: `topic/number`.
#[derive(Clone, Debug)]
pub struct Example {
    pub topic: &'static str,
    pub number: u32,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// Deck and slide the example reproduces.
    pub sources: &'static [&'static str],
    pub params: &'static [Param],
    /// Compute the report from the parameter values (defaults filled in).
    pub build: fn(&Values, &Settings) -> Result<Report>,
}

/// Parameter values of one run, by name.
pub type Values = HashMap<String, Scalar>;

impl Example {
    /// `topic/N`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.topic, self.number)
    }

    /// The defaults, overridden by `sets` (name, value text). A name the
    /// example does not have is an error that lists the names it has.
    pub fn values(&self, sets: &[(String, String)]) -> Result<Values> {
        let mut v = Values::new();
        for p in self.params {
            let parsed = Scalar::parse(p.default)
                .unwrap_or_else(|e| panic!("default of {}/{} is broken: {e}", self.id(), p.name));
            v.insert(p.name.to_string(), parsed);
        }
        for (name, text) in sets {
            if !self.params.iter().any(|p| p.name == name) {
                return Err(Error::UnknownName {
                    name: name.clone(),
                    what: format!("an input of {}", self.id()),
                    accepted: format!("its inputs are: {}", self.param_names()),
                });
            }
            v.insert(name.clone(), Scalar::parse(text)?);
        }
        Ok(v)
    }

    fn param_names(&self) -> String {
        if self.params.is_empty() {
            "(none)".to_string()
        } else {
            self.params
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// Run the example with `--set` overrides.
    pub fn run(&self, sets: &[(String, String)], s: &Settings) -> Result<Report> {
        let values = self.values(sets)?;
        let mut r = (self.build)(&values, s)?;
        r.id = self.id();
        r.title = self.title.to_string();
        r.title_zh = self.title_zh.to_string();
        r.sources = self.sources.iter().map(|s| s.to_string()).collect();
        if let Some(p) = self.params.first() {
            r.try_next.insert(
                0,
                format!(
                    "nn-tutor explain {} --example {} --set {}=…",
                    self.topic, self.number, p.name
                ),
            );
        }
        r.try_next.push("--format markdown|latex|json".to_string());
        Ok(r)
    }
}

/// Every example, in course order.
pub fn all() -> Vec<&'static Example> {
    [
        neuron::EXAMPLES,
        activation::EXAMPLES,
        forward::EXAMPLES,
        softmax::SOFTMAX,
        softmax::LOSS,
        backprop::EXAMPLES,
        layers::EXAMPLES,
        autodiff::EXAMPLES,
        descent::EXAMPLES,
        counts::NETWORK,
        counts::INIT,
        problems::VANISHING,
        problems::DYING,
        xor::EXAMPLES,
        learning::XOR,
        learning::APPROXIMATION,
        learning::TRAINING,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The expression-language program of a graph-based example (backprop/1-3,
/// autodiff/1-2, chain-rule/1-2), whose trace answer checking and the
/// rounding audit replay; `None` for layer-level examples.
pub fn program(id: &str) -> Option<&'static str> {
    Some(match id {
        "backprop/1" => backprop::PROGRAM_1,
        "backprop/2" => backprop::PROGRAM_2,
        "backprop/3" => backprop::PROGRAM_3,
        "autodiff/1" => autodiff::AUTODIFF_1,
        "autodiff/2" => autodiff::AUTODIFF_2,
        "chain-rule/1" => autodiff::CHAIN_RULE_1,
        "chain-rule/2" => autodiff::CHAIN_RULE_2,
        _ => return None,
    })
}

/// The network, input and objective (`None`: forward pass only) of a
/// layer-level example whose rounding audit and answer checking can replay
/// it (neuron/1-2, forward/1, backprop/4-5); `None` for the others.
pub fn network_of(id: &str, v: &Values) -> Option<Result<LayerProblem>> {
    use crate::network::Objective;
    let s = Settings::default();
    let g = |n: &str| common::get(v, n, &s);
    let cal_x = || common::vector(v, &["x1", "x2"], &s);
    Some(match id {
        "neuron/1" => neuron::neuron(&g("w"), &g("b")).map(|n| (n, vec![g("x")], None)),
        "neuron/2" => neuron::neuron(&g("w"), &g("b"))
            .map(|n| (n, vec![g("x")], Some(neuron::bce_objective(&g("y"), None)))),
        "forward/1" => forward::cal_network(v, &s).map(|n| (n, cal_x(), None)),
        "backprop/4" => forward::cal_network(v, &s).map(|n| {
            let obj = Objective {
                target: vec![g("y")],
                loss: crate::loss::Loss::Mse,
                l2: Scalar::zero(),
                learning_rate: None,
            };
            (n, cal_x(), Some(obj))
        }),
        "backprop/5" => layers::backprop_5_problem(v, &s).map(|(n, x, o)| (n, x, Some(o))),
        _ => return None,
    })
}

/// A layer-level example as data: network, input, objective.
pub type LayerProblem = (
    crate::network::Network,
    Vec<Scalar>,
    Option<crate::network::Objective>,
);

/// The topics, in course order, each once.
pub fn topics() -> Vec<&'static str> {
    let mut t: Vec<&str> = Vec::new();
    for e in all() {
        if !t.contains(&e.topic) {
            t.push(e.topic);
        }
    }
    t
}

/// The examples of one topic; an unknown topic lists the known ones.
pub fn topic(name: &str) -> Result<Vec<&'static Example>> {
    let found: Vec<_> = all().into_iter().filter(|e| e.topic == name).collect();
    if found.is_empty() {
        return Err(Error::UnknownExample {
            message: format!("unknown topic `{name}`; topics: {}", topics().join(", ")),
        });
    }
    Ok(found)
}

/// For unit tests: the example `topic/N` and `("name", "value")` pairs in
/// the form `Example::run` and `Example::values` take.
#[cfg(test)]
pub(crate) fn example_with(
    id: &str,
    sets: &[(&str, &str)],
) -> (&'static Example, Vec<(String, String)>) {
    let (t, n) = id.split_once('/').expect("topic/N");
    let ex = find(t, n.parse().expect("a number")).expect("a catalog example");
    let sets = sets
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (ex, sets)
}

/// One example; an unknown number lists the topic's examples.
pub fn find(topic_name: &str, number: u32) -> Result<&'static Example> {
    let examples = topic(topic_name)?;
    examples
        .iter()
        .find(|e| e.number == number)
        .copied()
        .ok_or_else(|| Error::UnknownExample {
            message: format!(
                "{topic_name} has no example {number}; its examples: {}",
                examples
                    .iter()
                    .map(|e| e.number.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
}

/// A report listing examples (all of them, or one topic's).
pub fn listing(topic_name: Option<&str>) -> Result<Report> {
    let examples = match topic_name {
        Some(t) => topic(t)?,
        None => all(),
    };
    let mut t = Table::new(
        "",
        &["example", "title", "中文", "inputs (defaults)", "source"],
    );
    for e in &examples {
        let inputs: Vec<String> = e
            .params
            .iter()
            .map(|p| format!("{}={}", p.name, p.default))
            .collect();
        t.row(vec![
            Cell::Text(e.id()),
            e.title.into(),
            e.title_zh.into(),
            Cell::Text(inputs.join(", ")),
            Cell::Text(
                e.sources
                    .first()
                    .map_or("", |s| s.split(',').next().unwrap_or(s))
                    .to_string(),
            ),
        ]);
    }
    if topic_name.is_none() {
        // On a narrow terminal: the id and title of every example.
        t.narrow = Some((
            vec![0, 1],
            "Inputs and sources: `nn-tutor list TOPIC` or `nn-tutor list --wide`.".to_string(),
        ));
    }
    let mut r = Report {
        id: "list".to_string(),
        title: match topic_name {
            Some(t) => format!("Worked examples of `{t}`"),
            None => "Worked examples".to_string(),
        },
        title_zh: "例题".to_string(),
        ..Report::default()
    };
    r.table(t);
    let first = examples[0];
    r.try_next.push(format!(
        "nn-tutor explain {} --example {}",
        first.topic, first.number
    ));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_defaults_parse() {
        let mut ids: Vec<String> = all().iter().map(|e| e.id()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate example ids");
        for e in all() {
            e.values(&[]).unwrap();
            assert!(!e.sources.is_empty(), "{} names no deck", e.id());
        }
    }

    #[test]
    fn unknown_names_list_what_exists() {
        let err = find("backprop", 99).unwrap_err().to_string();
        assert!(err.contains("1, 2, 3"), "{err}");
        let err = find("nope", 1).unwrap_err().to_string();
        assert!(err.contains("backprop"), "{err}");
        let err = find("backprop", 1)
            .unwrap()
            .values(&[("k".into(), "1".into())])
            .unwrap_err()
            .to_string();
        assert!(err.contains("x, y, z"), "{err}");
    }
}
