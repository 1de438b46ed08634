//! Exercise sheets (习题) with answer keys: draw an example's inputs from the
//! ranges of its record ([`catalog::Exercise`]) with a seeded generator ([`rng`]), redraw degenerate
//! draws, and keep the example's own [`Report`] as the key, so a key can
//! never disagree with `nn-tutor explain … --set` on the same inputs.
//! [`sheet`] turns a drawn sheet into a document of pieces that the
//! shared renderers draw (Markdown, LaTeX, an exam), or into JSON.

mod command;
pub mod messages;
pub mod rng;
pub mod sheet;

use crate::catalog::statement::Statement;
use crate::catalog::{self, Draw, Example, Exercise, Ranges};
use crate::error::{Error, Result};
use crate::report::Kind;
use crate::report::{Report, Settings};

pub use command::{Ask, Files, run};
pub use messages::Lang;
use rng::SplitMix64;

/// Draws tried per problem before giving up.
pub const MAX_ATTEMPTS: usize = 1000;
/// Problems per example on one sheet.
pub const MAX_COUNT: u32 = 50;

/// One problem: an example with drawn inputs, its statement, what it
/// asks, and its report (the key).
#[derive(Clone, Debug)]
pub struct Problem {
    pub example: &'static Example,
    /// The drawn inputs as `--set` pairs, in the example's input order.
    pub sets: Vec<(String, String)>,
    /// What the page states: the setup and every given value.
    pub statement: Statement,
    /// The names of the quantities asked, in the key's order.
    pub find: Vec<String>,
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
        self.report
            .results
            .iter()
            .filter(|n| self.find.contains(&n.name))
            .collect()
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
/// A kink is what the engines mark on a result ([`crate::report::Flags::kink`]: a
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
/// fails, is degenerate, breaks the example's constraint or is already on
/// the sheet (`seen`) is redrawn, up to [`MAX_ATTEMPTS`] times. `find`
/// overrides the quantities asked.
pub fn draw(
    ex: &'static Example,
    rng: &mut SplitMix64,
    s: &Settings,
    seen: &[Problem],
    find: Option<&[String]>,
) -> Result<Problem> {
    match ex.exercise {
        Exercise::Ranges(r) => draw_from(ex, r, rng, s, seen, find),
        Exercise::None(_) => Err(no_ranges(ex)),
    }
}

/// [`draw`] from the given ranges.
fn draw_from(
    ex: &'static Example,
    r: &Ranges,
    rng: &mut SplitMix64,
    s: &Settings,
    seen: &[Problem],
    find: Option<&[String]>,
) -> Result<Problem> {
    let mut last = String::new();
    for _ in 0..MAX_ATTEMPTS {
        let sets: Vec<(String, String)> = r
            .draws
            .iter()
            .flat_map(|(name, d)| pick(name, d, rng))
            .collect();
        if seen
            .iter()
            .any(|p| std::ptr::eq(p.example, ex) && p.sets == sets)
        {
            last = "every draw tried was already on the sheet".to_string();
            continue;
        }
        match accept(ex, r, &sets, s) {
            Ok((report, statement)) => {
                let find = asked_names(ex, r, &report, find)?;
                return Ok(Problem {
                    example: ex,
                    sets,
                    statement,
                    find,
                    report,
                });
            }
            Err(why) => last = why,
        }
    }
    Err(Error::Invalid {
        what: format!("exercise {}", ex.id()),
        problem: format!("no usable draw in {MAX_ATTEMPTS} attempts (last: {last})"),
        accepted: format!(
            "ask for fewer problems (it has {} distinct ones; `nn-tutor exercise --variants`)",
            variants(ex).describe()
        ),
    })
}

/// The report and statement of one draw, or why the draw is not used: it
/// fails, is degenerate, or breaks the example's constraint.
fn accept(
    ex: &'static Example,
    r: &Ranges,
    sets: &[(String, String)],
    s: &Settings,
) -> std::result::Result<(Report, Statement), String> {
    let report = ex.run(sets, s).map_err(|e| e.to_string())?;
    if let Some(why) = degenerate(&report) {
        return Err(why.to_string());
    }
    let values = ex.values(sets).map_err(|e| e.to_string())?;
    (r.keep)(&values, &report).map_err(str::to_string)?;
    let statement = ex
        .statement(&values)
        .expect("an example with ranges has a statement")
        .map_err(|e| e.to_string())?;
    Ok((report, statement))
}

/// The names asked: `--find` if given (each must be a result), else the
/// example's own choice, else every result.
fn asked_names(
    ex: &Example,
    r: &Ranges,
    report: &Report,
    find: Option<&[String]>,
) -> Result<Vec<String>> {
    let results: Vec<&str> = report.results.iter().map(|n| n.name.as_str()).collect();
    let chosen: Vec<String> = match find {
        Some(f) => f.to_vec(),
        None if r.find.is_empty() => results.iter().map(|s| s.to_string()).collect(),
        None => r.find.iter().map(|s| s.to_string()).collect(),
    };
    for name in &chosen {
        if !results.contains(&name.as_str()) {
            return Err(Error::UnknownName {
                name: name.clone(),
                what: format!("a quantity of {}", ex.id()),
                accepted: format!("its quantities are: {}", results.join(", ")),
            });
        }
    }
    Ok(chosen)
}

/// How many distinct problems an example's ranges give.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variants {
    /// Every combination of drawn values.
    pub draws: u128,
    /// The combinations that make a problem (not degenerate, true to the
    /// title): counted when there are at most [`ENUMERATE`] draws, else
    /// estimated from [`SAMPLE`] seeded draws.
    pub problems: u128,
    pub exact: bool,
}

/// Up to this many draws are tried one by one to count the problems.
pub const ENUMERATE: u128 = 4096;
/// Draws sampled to estimate the share of usable draws beyond that.
pub const SAMPLE: u64 = 200;

impl Variants {
    /// `37` or `about 1,200`.
    pub fn describe(&self) -> String {
        if self.exact {
            self.problems.to_string()
        } else {
            format!("about {}", self.problems)
        }
    }
}

/// The number of distinct problems of an example with ranges (0 without).
pub fn variants(ex: &'static Example) -> Variants {
    let Exercise::Ranges(r) = ex.exercise else {
        return Variants {
            draws: 0,
            problems: 0,
            exact: true,
        };
    };
    let sizes: Vec<u128> = r.draws.iter().map(|(_, d)| size(d)).collect();
    let draws: u128 = sizes.iter().product();
    let s = Settings::default();
    let ok = |idx: &[u128]| {
        let sets: Vec<(String, String)> = r
            .draws
            .iter()
            .zip(idx)
            .flat_map(|((name, d), &k)| nth(name, d, k))
            .collect();
        accept(ex, r, &sets, &s).is_ok()
    };
    if draws <= ENUMERATE {
        let mut count = 0;
        for mut k in 0..draws {
            let idx: Vec<u128> = sizes
                .iter()
                .map(|&n| {
                    let i = k % n;
                    k /= n;
                    i
                })
                .collect();
            count += u128::from(ok(&idx));
        }
        return Variants {
            draws,
            problems: count,
            exact: true,
        };
    }
    let mut rng = SplitMix64::new(0x5eed);
    let good = (0..SAMPLE)
        .filter(|_| {
            let idx: Vec<u128> = sizes
                .iter()
                .map(|&n| u128::from(rng.below(n as u64)))
                .collect();
            ok(&idx)
        })
        .count() as u128;
    Variants {
        draws,
        problems: draws * good / u128::from(SAMPLE),
        exact: false,
    }
}

/// `exercise --variants`: each example with ranges (of one topic, or all)
/// and how many distinct problems it gives.
pub fn variants_report(topic: Option<&str>) -> Result<Report> {
    let examples = match topic {
        Some(t) => catalog::topic(t)?,
        None => catalog::all(),
    };
    let mut t = crate::report::Table::new("", &["example", "draws", "problems"]);
    for ex in examples {
        if matches!(ex.exercise, Exercise::None(_)) {
            continue;
        }
        let v = variants(ex);
        t.row(vec![
            crate::report::Cell::Text(ex.id()),
            crate::report::Cell::Text(v.draws.to_string()),
            crate::report::Cell::Text(v.describe()),
        ]);
    }
    let mut r = Report {
        id: "exercise --variants".to_string(),
        title: "Distinct problems per example".to_string(),
        title_zh: "每个例题的不同题目数".to_string(),
        ..Report::default()
    };
    r.text(format!(
        "draws: every combination of the drawn values; problems: those that make a usable \
         problem (no kink, not every gradient zero, true to the title), counted one by one up \
         to {ENUMERATE} draws and estimated from {SAMPLE} seeded draws beyond."
    ));
    r.table(t);
    Ok(r)
}

fn size(d: &Draw) -> u128 {
    match *d {
        Draw::Int(lo, hi) => (hi - lo + 1) as u128,
        Draw::Of(values) => values.len() as u128,
        Draw::Tuple(_, rows) => rows().len() as u128,
    }
}

/// The k-th value of a draw (k < [`size`]) as `--set` pairs: one for the
/// input `name`, or a tuple's whole row.
fn nth(name: &str, d: &Draw, k: u128) -> Vec<(String, String)> {
    let value = match *d {
        Draw::Int(lo, _) => (lo + k as i64).to_string(),
        Draw::Of(values) => values[k as usize].to_string(),
        Draw::Tuple(names, rows) => {
            let row = &rows()[k as usize];
            return names
                .iter()
                .zip(row)
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect();
        }
    };
    vec![(name.to_string(), value)]
}

/// A draw's value, uniform over its [`size`] values.
fn pick(name: &str, d: &Draw, rng: &mut SplitMix64) -> Vec<(String, String)> {
    nth(name, d, u128::from(rng.below(size(d) as u64)))
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
    make_asking(examples, seed, count, lang, command, None)
}

/// [`make`], asking the quantities `find` names instead of each example's
/// choice.
pub fn make_asking(
    examples: &[&'static Example],
    seed: u64,
    count: u32,
    lang: Lang,
    command: String,
    find: Option<&[String]>,
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
            let p = draw(ex, &mut rng, &s, &problems, find)?;
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
            if let Exercise::Ranges(r) = ex.exercise {
                for name in r.draws.iter().flat_map(|(n, d)| d.names(n)) {
                    assert!(
                        ex.params.iter().any(|p| p.name == name),
                        "{}: no input {name}",
                        ex.id()
                    );
                }
            }
        }
    }

    #[test]
    fn every_tuple_draw_has_whole_rows() {
        // A tuple with no rows cannot be drawn (`below(0)`), and a short
        // row would leave an input at its default.
        let mut tuples = 0;
        for ex in catalog::all() {
            if let Exercise::Ranges(r) = ex.exercise {
                for (_, d) in r.draws {
                    if let Draw::Tuple(names, rows) = d {
                        tuples += 1;
                        assert!(!rows().is_empty(), "{}: an empty tuple", ex.id());
                        assert!(rows().iter().all(|row| row.len() == names.len()));
                    }
                }
            }
        }
        assert!(tuples > 0, "xor/2 draws its network as a tuple");
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
        let tie = Ranges::new(&[("z", Draw::Of(&["1"])), ("w", Draw::Of(&["1"]))]);
        let mut rng = SplitMix64::new(1);
        let err = draw_from(ex, &tie, &mut rng, &Settings::default(), &[], None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("exercise backprop/3: no usable draw in 1000 attempts")
                && err.contains("kink"),
            "{err}"
        );
        // y = 0 makes chain-rule/1 divide by zero at v = x/y: the error is kept.
        let ex = catalog::find("chain-rule", 1).unwrap();
        let zero = Ranges::new(&[("y", Draw::Of(&["0"]))]);
        let err = draw_from(ex, &zero, &mut rng, &Settings::default(), &[], None)
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

    /// Examples whose sheet is still only an inputs table (issue 12: a
    /// problem must be solvable from the page alone). Empty when done; an
    /// example that gains a statement must leave this list.
    const UNPOSED: &[&str] = &[];

    #[test]
    fn every_problem_is_stated_beyond_its_inputs() {
        use crate::catalog::statement::Pose;
        let unposed: Vec<String> = catalog::all()
            .into_iter()
            .filter(|e| matches!(e.exercise, Exercise::Ranges(r) if matches!(r.pose, Pose::Inputs)))
            .map(|e| e.id())
            .collect();
        assert_eq!(
            unposed, UNPOSED,
            "the examples posed by their inputs table alone"
        );
        // Every other statement builds at the defaults and has a sentence.
        for ex in catalog::all() {
            if let Some(st) = ex.statement(&ex.values(&[]).unwrap()) {
                let st = st.unwrap_or_else(|e| panic!("{}: {e}", ex.id()));
                if !UNPOSED.contains(&ex.id().as_str()) {
                    assert!(!st.lines.is_empty(), "{}: no setup sentence", ex.id());
                }
            }
        }
    }

    /// Examples that still ask more than [`catalog::MAX_FIND`] quantities
    /// by default (issue 12: at most 12, chosen for the lesson).
    const ASK_TOO_MANY: &[&str] = &[];

    #[test]
    fn at_most_twelve_quantities_are_asked() {
        let mut many = Vec::new();
        for ex in catalog::all() {
            if matches!(ex.exercise, Exercise::None(_)) {
                continue;
            }
            let sheet = make(&[ex], 3, 1, Lang::En, String::new()).unwrap();
            let p = &sheet.problems[0];
            assert!(!p.asked().is_empty(), "{}: asks nothing", ex.id());
            if p.asked().len() > catalog::MAX_FIND {
                many.push(ex.id());
            }
        }
        assert_eq!(many, ASK_TOO_MANY, "examples asking more than 12");
    }

    /// Examples with fewer than 100 distinct problems (issue 12: enough
    /// for a class).
    const FEW_VARIANTS: &[&str] = &[];

    #[test]
    fn every_example_has_a_hundred_problems() {
        let mut few = Vec::new();
        for ex in catalog::all() {
            if matches!(ex.exercise, Exercise::None(_)) {
                continue;
            }
            let v = variants(ex);
            assert!(v.problems <= v.draws, "{}", ex.id());
            if v.problems < 100 {
                few.push(ex.id());
            }
        }
        assert_eq!(
            few, FEW_VARIANTS,
            "examples with fewer than 100 distinct problems"
        );
    }

    #[test]
    fn a_sheet_never_repeats_a_problem() {
        // 50 problems of an example with at least 100: all different.
        for id in ["backprop/1", "backprop/5"] {
            let (t, n) = id.split_once('/').unwrap();
            let ex = catalog::find(t, n.parse().unwrap()).unwrap();
            let sheet = make(&[ex], 2026, 50, Lang::En, String::new()).unwrap();
            let mut sets: Vec<_> = sheet.problems.iter().map(|p| p.sets.clone()).collect();
            sets.sort();
            sets.dedup();
            assert_eq!(sets.len(), 50, "{id}");
        }
        // An example with fewer problems than asked says so: the first
        // example still below MAX_COUNT (chain-rule/2, the old witness, now
        // has 121), asked for one more than it has.
        let few = catalog::all()
            .into_iter()
            .filter(|e| matches!(e.exercise, Exercise::Ranges(_)))
            .map(|e| (e, variants(e)))
            .find(|(_, v)| v.exact && v.problems < u128::from(MAX_COUNT));
        if let Some((ex, v)) = few {
            let err = make(&[ex], 1, v.problems as u32 + 1, Lang::En, String::new())
                .unwrap_err()
                .to_string();
            assert!(err.contains("distinct ones"), "{}: {err}", ex.id());
        }
    }

    #[test]
    fn find_picks_other_quantities_and_names_unknown_ones() {
        let ex = catalog::find("backprop", 1).unwrap();
        let find = vec!["df/dx".to_string(), "q".to_string()];
        let sheet = make_asking(&[ex], 1, 1, Lang::En, String::new(), Some(&find)).unwrap();
        // In the key's order (q is computed before df/dx).
        let names: Vec<&str> = sheet.problems[0]
            .asked()
            .iter()
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(names, ["q", "df/dx"]);
        let bad = vec!["df/dw".to_string()];
        let err = make_asking(&[ex], 1, 1, Lang::En, String::new(), Some(&bad))
            .unwrap_err()
            .to_string();
        assert!(err.contains("df/dw") && err.contains("df/dq"), "{err}");
    }

    #[test]
    fn variants_are_counted_one_by_one_when_few() {
        // backprop/1: x, y, z each in -5..=5: 11³ = 1331 draws. A draw is
        // unusable exactly when every gradient is zero: df/dx = df/dy = z,
        // df/dz = x + y, so z = 0 and x + y = 0: 11 draws (x = -5..5).
        let v = variants(catalog::find("backprop", 1).unwrap());
        assert_eq!((v.draws, v.problems, v.exact), (1331, 1320, true));
    }
}
