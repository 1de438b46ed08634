//! Building blocks of an example's audit plan: the pieces an example's
//! record (`catalog::Audit`) lists, as programs of the expression language
//! or layer problems, each row named as the example's result it computes.

use std::collections::HashMap;

use crate::error::Result;
use crate::network::Pass;
use crate::rounding::{Item, Plan, Source};
use crate::scalar::Scalar;

/// An example's program replayed forward and backward, as it computes:
/// its step names are the example's result names.
pub fn replay_program(src: &str, v: &HashMap<String, Scalar>) -> Plan {
    Plan::Replay {
        items: vec![backward(src.to_string(), v.clone())],
        note: None,
    }
}

/// An example's layer problem replayed, each row the example names shown
/// under the example's name for it (`delta(1)_1` as `dz`), so the audit
/// and the sheet say one name per quantity.
pub fn replay_named(p: Pass, names: &[(&str, &str)]) -> Plan {
    Plan::Replay {
        items: vec![Item {
            kind: Source::Layers(p),
            names: links(names),
            uses: Vec::new(),
        }],
        note: None,
    }
}

/// An example's layer problem replayed, every row under its own name.
pub fn replay_pass(p: Pass) -> Plan {
    Plan::Replay {
        items: vec![Item {
            kind: Source::Layers(p),
            names: Vec::new(),
            uses: Vec::new(),
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
pub fn backward(src: String, inputs: HashMap<String, Scalar>) -> Item {
    Item {
        kind: Source::Graph {
            src,
            inputs,
            backward: true,
            finals: Vec::new(),
        },
        names: Vec::new(),
        uses: Vec::new(),
    }
}

/// A program replayed forward only, with its final answers named.
pub fn forward(src: String, inputs: HashMap<String, Scalar>, finals: &[&str]) -> Item {
    Item {
        kind: Source::Graph {
            src,
            inputs,
            backward: false,
            finals: finals.iter().map(|s| s.to_string()).collect(),
        },
        names: Vec::new(),
        uses: Vec::new(),
    }
}

/// This item with these (step, result name) pairs as its shown rows.
pub fn named(mut it: Item, names: Vec<(String, String)>) -> Item {
    it.names = names;
    it
}

/// This item going on from steps an earlier piece shows
/// ([`crate::rounding::Item::uses`]).
pub fn using(mut it: Item, uses: Vec<(String, String)>) -> Item {
    it.uses = uses;
    it
}

pub fn replay(items: Vec<Item>) -> Result<Plan> {
    Ok(Plan::Replay { items, note: None })
}

/// An example's layer problem replayed, every row shown, these under the
/// example's name for them (backprop/5's `L` as `loss`).
pub fn replay_renamed(p: Pass, renames: &[(&str, &str)]) -> Result<Plan> {
    // The row names do not depend on the places; 12 keeps every replay
    // defined (a probability rounded to 0 would stop ln).
    let names = crate::rounding::layers::rows(&p, 12)?
        .into_iter()
        .map(|r| {
            let shown = renames
                .iter()
                .find(|(step, _)| *step == r.name)
                .map_or(r.name.clone(), |(_, s)| s.to_string());
            (r.name, shown)
        })
        .collect();
    Ok(Plan::Replay {
        items: vec![Item {
            kind: Source::Layers(p),
            names,
            uses: Vec::new(),
        }],
        note: None,
    })
}
