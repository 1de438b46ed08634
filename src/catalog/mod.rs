//! The catalog of worked examples (`shared/WORKED_EXAMPLES.md`). Each
//! example is one [`Example`] record, declared in the file of its topic
//! (`neuron.rs`, `backprop.rs`, …) and listed once in [`all`]: its deck
//! sources, parameters and defaults, the function from parameter values to
//! a [`Report`], what it computes ([`Engine`]: a graph program or a layer
//! problem that `check` and the rounding audit replay), its exercise ranges
//! or why it has none ([`Exercise`]), its rounding audit or why it has none
//! ([`Audit`]), and whether it draws a plot. Every field is required, so an
//! example that forgets one does not compile.

mod activation;
mod approx_outer;
mod approximation;
mod autodiff;
mod backprop;
mod cal_chains;
mod chain_rule;
mod common;
mod descent;
mod dying_relu;
mod forward;
mod forward_mode;
mod indicator;
mod init;
mod layouts;
mod loss;
mod network;
mod neuron;
mod pku_layers;
mod softmax;
pub mod statement;
mod training;
mod vanishing;
mod xor;

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::network::Pass;
use crate::report::{Cell, Report, Settings, Table};
use crate::rounding::Plan;
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
    /// The computation `check` (order of steps, slips) and the rounding
    /// audit replay.
    pub engine: Engine,
    /// Where `exercise` draws the inputs from, or why it has no exercise.
    pub exercise: Exercise,
    /// How `explain --round-each D` replays it, or why it cannot.
    pub audit: Audit,
    /// The report draws a plot or bar chart (`explain … --plot FILE.svg`).
    pub has_plot: bool,
}

/// What an example computes, as data the other tools can replay.
#[derive(Clone, Copy, Debug)]
pub enum Engine {
    /// A program of the expression language (backprop/1-3, autodiff/1-2,
    /// chain-rule/1-2): `check` orders answers by its trace.
    Graph(&'static str),
    /// A layer problem (network, input, objective) built from the values:
    /// `check` looks for slips in its trace (neuron/1-2, forward/1,
    /// backprop/4-5).
    Layers(fn(&Values) -> Result<Pass>),
    /// Only the report: counts, training runs, simulations, and worked
    /// examples whose steps `check` orders by the report's results.
    Report,
}

/// Where each input of an exercise is drawn from.
#[derive(Clone, Copy, Debug)]
pub enum Draw {
    /// A whole number in `lo..=hi`.
    Int(i64, i64),
    /// One of these values, as a student would type them.
    Of(&'static [&'static str]),
    /// Several inputs drawn together (these names, in the example's input
    /// order): one whole assignment of the list the function gives, each
    /// row a value per name. For inputs that must agree with each other,
    /// e.g. a network's weights that compute XOR (xor/2), where independent
    /// draws would almost never do.
    Tuple(&'static [&'static str], fn() -> &'static [Vec<String>]),
}

impl Draw {
    /// The inputs this draw sets: its own for a tuple, else the one its
    /// entry in [`Ranges::draws`] names.
    pub fn names<'a>(&'a self, entry: &'a str) -> Vec<&'a str> {
        match self {
            Draw::Tuple(names, _) => names.to_vec(),
            _ => vec![entry],
        }
    }
}

/// An example's exercise: the problem it poses, or the reason it has none.
#[derive(Clone, Copy, Debug)]
pub enum Exercise {
    /// Ranges to draw from, the statement, the draw's constraints and what
    /// is asked.
    Ranges(&'static Ranges),
    /// No exercise: why (`exercise` says so).
    None(&'static str),
}

/// A draw that keeps the lesson true, or why this one does not (it is
/// redrawn): e.g. "the sigmoid is saturated".
pub type Keep = fn(&Values, &Report) -> std::result::Result<(), &'static str>;

/// An exercise: ranges that favour small integers and simple fractions (a
/// student does the arithmetic by hand; exact where the example allows),
/// the problem's statement, the constraints every draw meets, and the
/// quantities asked. Inputs not drawn keep their defaults (e.g. a learning
/// rate) and the statement gives them.
#[derive(Clone, Copy, Debug)]
pub struct Ranges {
    /// (input name, where it is drawn from), in the example's input order;
    /// for a [`Draw::Tuple`] the name is a label and the tuple names its
    /// inputs.
    pub draws: &'static [(&'static str, Draw)],
    /// What the page states beyond the drawn inputs.
    pub pose: statement::Pose,
    /// Rejects a draw that contradicts the example's title.
    pub keep: Keep,
    /// The quantities asked by default, by result name, chosen for the
    /// lesson (at most [`MAX_FIND`]); empty: every result.
    pub find: &'static [&'static str],
}

/// At most this many quantities are asked by default.
pub const MAX_FIND: usize = 12;

impl Ranges {
    /// Ranges posed from the example's engine, every draw kept, every
    /// result asked.
    pub const fn new(draws: &'static [(&'static str, Draw)]) -> Ranges {
        Ranges {
            draws,
            pose: statement::Pose::Engine(&[]),
            keep: keep_every_draw,
            find: &[],
        }
    }

    /// With this statement.
    pub const fn pose(mut self, pose: statement::Pose) -> Ranges {
        self.pose = pose;
        self
    }

    /// With this draw constraint.
    pub const fn keep(mut self, keep: Keep) -> Ranges {
        self.keep = keep;
        self
    }

    /// Asking these quantities by default.
    pub const fn find(mut self, find: &'static [&'static str]) -> Ranges {
        self.find = find;
        self
    }
}

/// The constraint of an example whose every draw teaches its lesson.
fn keep_every_draw(_: &Values, _: &Report) -> std::result::Result<(), &'static str> {
    Ok(())
}

/// An example's rounding audit (`explain --round-each D`).
#[derive(Clone, Copy, Debug)]
pub enum Audit {
    /// Replay the example's [`Engine`] (a graph program or layer problem).
    Engine,
    /// Replay the pieces this plan lists.
    Replay(fn(&Values) -> Result<Plan>),
    /// Every value is an integer count (what, in words): rounding changes
    /// nothing.
    Unchanged(&'static str),
    /// No audit: why (training runs and seeded simulations in f64).
    None(&'static str),
}

/// Why the training runs and seeded simulations have no rounding audit.
pub const NO_HAND_ROUNDING: &str = "it is a training run or a seeded simulation in f64, not a \
     computation a student does by hand, so there is no hand rounding to replay";

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

    /// The program of an [`Engine::Graph`] example.
    pub fn program(&self) -> Option<&'static str> {
        match self.engine {
            Engine::Graph(src) => Some(src),
            Engine::Layers(_) | Engine::Report => None,
        }
    }

    /// The layer problem of an [`Engine::Layers`] example at these values.
    pub fn pass(&self, v: &Values) -> Option<Result<Pass>> {
        match self.engine {
            Engine::Layers(f) => Some(f(v)),
            Engine::Graph(_) | Engine::Report => None,
        }
    }

    /// The rounding-audit plan at these values; an example without one is
    /// an error that says why and names the examples that have one.
    pub fn audit_plan(&self, v: &Values) -> Result<Plan> {
        let id = self.id();
        match self.audit {
            Audit::Engine => match self.engine {
                Engine::Graph(src) => Ok(crate::rounding::plan::replay_program(src, v)),
                Engine::Layers(f) => Ok(crate::rounding::plan::replay_pass(f(v)?)),
                Engine::Report => Err(Error::Invalid {
                    what: format!("--round-each on {id}"),
                    problem: "its record says to replay its engine, but it has none".to_string(),
                    accepted: format!("use it on {}", with_audit().join(", ")),
                }),
            },
            Audit::Replay(f) => f(v),
            Audit::Unchanged(what) => Ok(Plan::Unchanged(format!(
                "Every value of {id} is an integer count ({what}); rounding to any number of \
                 decimals changes nothing, so there is no drift to show."
            ))),
            Audit::None(why) => Err(Error::Invalid {
                what: format!("--round-each on {id}"),
                problem: why.to_string(),
                accepted: format!("use it on {}", with_audit().join(", ")),
            }),
        }
    }
}

/// Every example, in course order.
pub fn all() -> Vec<&'static Example> {
    [
        neuron::EXAMPLES,
        activation::EXAMPLES,
        forward::EXAMPLES,
        pku_layers::FORWARD,
        softmax::EXAMPLES,
        loss::EXAMPLES,
        backprop::EXAMPLES,
        indicator::BACKPROP,
        layouts::EXAMPLES,
        autodiff::EXAMPLES,
        forward_mode::EXAMPLES,
        chain_rule::EXAMPLES,
        descent::EXAMPLES,
        network::EXAMPLES,
        init::EXAMPLES,
        vanishing::EXAMPLES,
        dying_relu::EXAMPLES,
        xor::EXAMPLES,
        approximation::EXAMPLES,
        approx_outer::EXAMPLES,
        training::EXAMPLES,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The expression-language program of the example `id`, if it computes
/// with one (its [`Engine::Graph`]).
pub fn program(id: &str) -> Option<&'static str> {
    all()
        .into_iter()
        .find(|e| e.id() == id)
        .and_then(|e| e.program())
}

/// Ids of the examples `--round-each` replays or explains.
pub fn with_audit() -> Vec<String> {
    all()
        .into_iter()
        .filter(|e| !matches!(e.audit, Audit::None(_)))
        .map(|e| e.id())
        .collect()
}

/// Ids of the examples whose report draws a plot.
pub fn with_plot() -> Vec<String> {
    all()
        .into_iter()
        .filter(|e| e.has_plot)
        .map(|e| e.id())
        .collect()
}

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

/// For unit tests: the report of `topic/N` with `--set` pairs, default
/// settings.
#[cfg(test)]
pub(crate) fn report_with(id: &str, sets: &[(&str, &str)]) -> Report {
    let (ex, sets) = example_with(id, sets);
    ex.run(&sets, &Settings::default())
        .expect("the example runs")
}

/// For unit tests: the text paragraphs of a report, in order, their
/// numbers written at the default 6 digits.
#[cfg(test)]
pub(crate) fn paragraphs(r: &Report) -> Vec<String> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            crate::report::Block::Text(t) => Some(t.clone()),
            crate::report::Block::Sentence(s) => Some(s.plain(6)),
            _ => None,
        })
        .collect()
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
mod tests;
