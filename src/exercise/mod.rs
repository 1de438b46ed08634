//! Exercise sheets (习题) with answer keys: draw an example's inputs from the
//! ranges of its record ([`catalog::Exercise`]) with a seeded generator ([`rng`]), redraw degenerate
//! draws, and keep the example's own [`Report`] as the key, so a key can
//! never disagree with `nn-tutor explain … --set` on the same inputs.

mod command;
pub mod latex_safe;
pub mod messages;
pub mod rng;
pub mod sheet;

use crate::catalog::{self, Draw, Example, Exercise};
use crate::error::{Error, Result};
use crate::report::Kind;
use crate::report::{Report, Settings};

pub use command::{Ask, Files, run};
pub use messages::Lang;
use rng::SplitMix64;

/// Draws tried per problem before giving up.
pub const MAX_ATTEMPTS: usize = 200;
/// Problems per example on one sheet.
pub const MAX_COUNT: u32 = 50;

/// One problem: an example with drawn inputs, and its report (the key).
#[derive(Clone, Debug)]
pub struct Problem {
    pub example: &'static Example,
    /// The drawn inputs as `--set` pairs, in the example's input order.
    pub sets: Vec<(String, String)>,
    pub report: Report,
}

impl Problem {
    /// `--set a=1,b=2`, to rerun the problem with `explain`.
    pub fn set_flag(&self) -> String {
        format!("--set {}", self.set_value())
    }

    /// The drawn inputs as the value of `--set`: `a=1,b=2`.
    pub fn set_value(&self) -> String {
        let pairs: Vec<String> = self.sets.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join(",")
    }

    /// The quantities the sheet asks for, in the key's order: what the
    /// sheet's Find line, the answers template, `check` and `grade` name.
    pub fn asked(&self) -> Vec<&crate::report::Named> {
        self.report.results.iter().collect()
    }
}

/// A sheet: its seed, the command that regenerates it, and its problems.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub seed: u64,
    pub lang: Lang,
    /// `nn-tutor exercise …` that gives the same sheet.
    pub command: String,
    pub problems: Vec<Problem>,
}

/// Why a drawn report makes a poor exercise, if it does: a kink (where the
/// derivative is a convention), or every gradient zero.
///
/// A kink is what the engines mark on a result ([`Flags::kink`]: a
/// gradient taken where the derivative jumps, ReLU or Leaky ReLU at exactly
/// 0, a max tie); a gradient is a result of [`Kind::Gradient`].
pub fn degenerate(r: &Report) -> Option<&'static str> {
    if r.results.iter().any(|n| n.flags.kink) {
        return Some("an input sits on a kink");
    }
    let grads: Vec<_> = r
        .results
        .iter()
        .filter(|n| n.kind == Kind::Gradient)
        .map(|n| &n.value)
        .collect();
    if !grads.is_empty() && grads.iter().all(|v| v.is_zero()) {
        return Some("every gradient is zero");
    }
    None
}

/// Draw one problem of `ex`, continuing the generator's stream; a draw that
/// fails or is degenerate is redrawn, up to [`MAX_ATTEMPTS`] times. A draw
/// already on the sheet (`seen`) is redrawn in the first half of the
/// attempts only, so an example with few possible draws still fills a sheet.
pub fn draw(
    ex: &'static Example,
    rng: &mut SplitMix64,
    s: &Settings,
    seen: &[Problem],
) -> Result<Problem> {
    match ex.exercise {
        Exercise::Ranges(draws) => draw_from(ex, draws, rng, s, seen),
        Exercise::None(_) => Err(no_ranges(ex)),
    }
}

/// [`draw`] from the given ranges.
fn draw_from(
    ex: &'static Example,
    draws: &[(&str, Draw)],
    rng: &mut SplitMix64,
    s: &Settings,
    seen: &[Problem],
) -> Result<Problem> {
    let mut last = String::new();
    for attempt in 0..MAX_ATTEMPTS {
        let sets: Vec<(String, String)> = draws
            .iter()
            .map(|(name, d)| (name.to_string(), pick(d, rng)))
            .collect();
        let repeat = seen
            .iter()
            .any(|p| std::ptr::eq(p.example, ex) && p.sets == sets);
        if repeat && attempt < MAX_ATTEMPTS / 2 {
            continue;
        }
        match ex.run(&sets, s) {
            Ok(report) => match degenerate(&report) {
                None => {
                    return Ok(Problem {
                        example: ex,
                        sets,
                        report,
                    });
                }
                Some(why) => last = why.to_string(),
            },
            Err(e) => last = e.to_string(),
        }
    }
    Err(Error::Invalid {
        what: format!("exercise {}", ex.id()),
        problem: format!("no usable draw in {MAX_ATTEMPTS} attempts (last: {last})"),
        accepted: "widen its ranges in src/exercise/ranges.rs".to_string(),
    })
}

fn pick(d: &Draw, rng: &mut SplitMix64) -> String {
    match *d {
        Draw::Int(lo, hi) => (lo + rng.below((hi - lo + 1) as u64) as i64).to_string(),
        Draw::Of(values) => values[rng.below(values.len() as u64) as usize].to_string(),
    }
}

fn no_ranges(ex: &Example) -> Error {
    let id = ex.id();
    Error::Invalid {
        what: format!("exercise {id}"),
        problem: match ex.exercise {
            Exercise::None(why) => format!("{id} has no exercise: {why}"),
            Exercise::Ranges(_) => "this example has no exercise ranges".to_string(),
        },
        accepted: format!("examples with exercises: {}", with_ranges().join(", ")),
    }
}

/// Ids of the examples that have exercise ranges, in course order.
pub fn with_ranges() -> Vec<String> {
    catalog::all()
        .into_iter()
        .filter(|e| matches!(e.exercise, Exercise::Ranges(_)))
        .map(|e| e.id())
        .collect()
}

/// `count` problems of each example (in order) from one seeded stream.
/// Examples without ranges are an error for a single example and skipped
/// in a sheet across all.
pub fn make(
    examples: &[&'static Example],
    seed: u64,
    count: u32,
    lang: Lang,
    command: String,
) -> Result<Sheet> {
    let mut rng = SplitMix64::new(seed);
    let s = Settings::default();
    let mut problems = Vec::new();
    let many = examples.len() > 1;
    for &ex in examples {
        if many && matches!(ex.exercise, Exercise::None(_)) {
            continue;
        }
        for _ in 0..count.min(MAX_COUNT) {
            let p = draw(ex, &mut rng, &s, &problems)?;
            problems.push(p);
        }
    }
    Ok(Sheet {
        seed,
        lang,
        command,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_range_names_real_inputs() {
        for ex in catalog::all() {
            if let Exercise::Ranges(draws) = ex.exercise {
                for (name, _) in draws {
                    assert!(
                        ex.params.iter().any(|p| p.name == *name),
                        "{}: no input {name}",
                        ex.id()
                    );
                }
            }
        }
    }

    #[test]
    fn same_seed_same_draws() {
        let ex = catalog::find("backprop", 1).unwrap();
        let a = make(&[ex], 42, 3, Lang::En, String::new()).unwrap();
        let b = make(&[ex], 42, 3, Lang::En, String::new()).unwrap();
        let c = make(&[ex], 43, 3, Lang::En, String::new()).unwrap();
        let sets = |s: &Sheet| {
            s.problems
                .iter()
                .map(|p| p.sets.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(sets(&a), sets(&b));
        assert_ne!(sets(&a), sets(&c));
        // Three different problems on one sheet.
        let mut s = sets(&a);
        s.sort();
        s.dedup();
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn kinks_and_zero_gradients_are_redrawn() {
        // max(z, w) with z = w is a kink; x = y = 0 with z = 0 … makes no
        // gradient zero here, but a tie must never reach a sheet.
        let ex = catalog::find("backprop", 3).unwrap();
        let tie = ex
            .run(
                &[("z".into(), "1".into()), ("w".into(), "1".into())],
                &Settings::default(),
            )
            .unwrap();
        assert_eq!(degenerate(&tie), Some("an input sits on a kink"));
        let ex = catalog::find("backprop", 1).unwrap();
        let zero = ex
            .run(
                &[
                    ("x".into(), "1".into()),
                    ("y".into(), "-1".into()),
                    ("z".into(), "0".into()),
                ],
                &Settings::default(),
            )
            .unwrap();
        // q = 0 and z = 0: df/dz = q = 0 and df/dx = z = 0, every gradient zero.
        assert_eq!(degenerate(&zero), Some("every gradient is zero"));
    }

    #[test]
    fn activation_kinks_are_found_and_the_convention_note_is_not_one() {
        let run = |id: &str, sets: &[(&str, &str)]| {
            let (ex, sets) = catalog::example_with(id, sets);
            degenerate(&ex.run(&sets, &Settings::default()).unwrap())
        };
        // activation/1's defaults put z3 = 0 on ReLU's kink.
        assert_eq!(run("activation/1", &[]), Some("an input sits on a kink"));
        // Off zero only the always-printed "Kink convention" note mentions
        // kinks: not degenerate.
        assert_eq!(run("activation/1", &[("z3", "1/2")]), None);
        // Leaky ReLU at exactly 0.
        assert_eq!(
            run("activation/2", &[("z", "0")]),
            Some("an input sits on a kink")
        );
        // A maxout tie: z1 = 1 - 2 + 0 = -1, z2 = 1/2 + 1 - 5/2 = -1.
        assert_eq!(
            run("activation/2", &[("z", "1"), ("b2", "-5/2")]),
            Some("an input sits on a kink")
        );
        assert_eq!(run("activation/2", &[("z", "1")]), None);
    }

    #[test]
    fn no_usable_draw_is_a_clear_error() {
        // max(z, w) with z = w = 1 always: every draw is on the kink.
        let ex = catalog::find("backprop", 3).unwrap();
        let tie = [("z", Draw::Of(&["1"])), ("w", Draw::Of(&["1"]))];
        let mut rng = SplitMix64::new(1);
        let err = draw_from(ex, &tie, &mut rng, &Settings::default(), &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("exercise backprop/3: no usable draw in 200 attempts")
                && err.contains("kink"),
            "{err}"
        );
        // y = 0 makes chain-rule/1 divide by zero at v = x/y: the error is kept.
        let ex = catalog::find("chain-rule", 1).unwrap();
        let zero = [("y", Draw::Of(&["0"]))];
        let err = draw_from(ex, &zero, &mut rng, &Settings::default(), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("division by zero at node `v`"), "{err}");
    }

    #[test]
    fn an_example_without_ranges_says_so() {
        let ex = catalog::find("xor", 1).unwrap();
        let err = make(&[ex], 1, 1, Lang::En, String::new())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("xor/1 has no exercise: a perceptron on the four fixed XOR points"),
            "{err}"
        );
        assert!(err.contains("backprop/1"), "{err}");
    }
}
