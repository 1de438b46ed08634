//! Building blocks of an example's audit plan: the pieces an example's
//! record (`catalog::Audit`) lists, as programs of the expression language
//! or layer problems, and the links from audit rows to the example's
//! results.

use std::collections::HashMap;

use crate::error::Result;
use crate::network::Pass;
use crate::rounding::{Item, Plan, Source};
use crate::scalar::Scalar;

/// An example's program replayed forward and backward, as it computes.
pub fn replay_program(src: &str, v: &HashMap<String, Scalar>) -> Plan {
    Plan::Replay {
        items: vec![backward(String::new(), src.to_string(), v.clone())],
        note: None,
    }
}

/// An example's layer problem replayed, each row the example names shown
/// under the example's name for it (`delta(1)_1` as `dz`) and linked to
/// that result, so the audit and the sheet say one name per quantity.
pub fn replay_named(p: Pass, names: &[(&str, &str)]) -> Plan {
    let shown: Vec<&str> = names.iter().map(|(_, s)| *s).collect();
    Plan::Replay {
        items: vec![Item {
            label: String::new(),
            kind: Source::Layers(p),
            links: shown
                .iter()
                .map(|s| (s.to_string(), s.to_string()))
                .collect(),
            names: links(names),
        }],
        note: None,
    }
}

/// An example's layer problem replayed, with these links.
pub fn replay_pass(p: Pass, links: Vec<(String, String)>) -> Plan {
    Plan::Replay {
        items: vec![Item {
            label: String::new(),
            kind: Source::Layers(p),
            links,
            names: Vec::new(),
        }],
        note: None,
    }
}

/// A value written into a program as a literal: `(-1/2)`, `(0.1)`.
pub fn lit(x: &Scalar) -> String {
    match x.exact_string() {
        Some(s) => format!("({s})"),
        None => format!("({})", x.to_f64()),
    }
}

pub fn inputs(v: &HashMap<String, Scalar>, names: &[&str]) -> HashMap<String, Scalar> {
    names
        .iter()
        .map(|n| (n.to_string(), v[*n].clone()))
        .collect()
}

pub fn links(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A program replayed forward and backward.
pub fn backward(label: String, src: String, inputs: HashMap<String, Scalar>) -> Item {
    Item {
        label,
        kind: Source::Graph {
            src,
            inputs,
            backward: true,
            finals: Vec::new(),
        },
        links: Vec::new(),
        names: Vec::new(),
    }
}

/// A program replayed forward only, with its final answers named.
pub fn forward(src: String, inputs: HashMap<String, Scalar>, finals: &[&str]) -> Item {
    Item {
        label: String::new(),
        kind: Source::Graph {
            src,
            inputs,
            backward: false,
            finals: finals.iter().map(|s| s.to_string()).collect(),
        },
        links: Vec::new(),
        names: Vec::new(),
    }
}

pub fn replay(items: Vec<Item>) -> Result<Plan> {
    Ok(Plan::Replay { items, note: None })
}

/// Links from every row named like one of the example's results.
pub fn same((net, _, obj): &Pass) -> Vec<(String, String)> {
    let mut l = Vec::new();
    for (i, layer) in net.layers.iter().enumerate() {
        for k in 0..layer.b.len() {
            for q in ["z", "a"] {
                let n = format!("{q}({})_{}", i + 1, k + 1);
                l.push((n.clone(), n));
            }
        }
    }
    if obj.is_some() {
        l.clear();
    }
    l
}
