//! What grading says about each quantity, as data: machine codes for
//! scripts and gradebooks (`right`, `wrong`, `unanswered`, `unknown`; slip
//! codes such as `sign_flip`), points, and the English detail a report
//! shows (localized by the message table).

use crate::report::{Data, Named};
use crate::scalar::Scalar;

/// The verdict on one quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Right,
    Wrong,
    /// Asked, and not answered (missing, or `""`).
    Unanswered,
    /// Answered, but not a quantity of the problem (a misspelt name).
    Unknown,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Right => "right",
            Code::Wrong => "wrong",
            Code::Unanswered => "unanswered",
            Code::Unknown => "unknown",
        }
    }
}

/// A named slip behind a wrong answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SlipCode {
    /// −x for x.
    SignFlip,
    /// Entry (j, i) of a matrix for (i, j), or z computed with Wᵀ.
    TransposedW,
    /// An activation's derivative f'(z) left out of a chain.
    MissingActivationDerivative,
    /// Another local derivative left out of a chain.
    MissingLocalGradient,
    /// The pre-activation z given for a = f(z).
    ZForA,
    /// One path's contribution at a fork, not the sum over paths.
    PathsNotSummed,
    /// Exactly the value got by rounding every intermediate to the
    /// answer's decimals (`explain --round-each D`).
    StepRounded,
    /// The value cut off after its decimals instead of rounded.
    Truncated,
    /// The value rounded to fewer places (or figures) than the policy asks.
    TooFewDecimals,
    /// Right from the student's own earlier wrong value.
    CarriedForward,
}

impl SlipCode {
    pub fn as_str(self) -> &'static str {
        match self {
            SlipCode::SignFlip => "sign_flip",
            SlipCode::TransposedW => "transposed_w",
            SlipCode::MissingActivationDerivative => "missing_activation_derivative",
            SlipCode::MissingLocalGradient => "missing_local_gradient",
            SlipCode::ZForA => "z_for_a",
            SlipCode::PathsNotSummed => "paths_not_summed",
            SlipCode::StepRounded => "step_rounded",
            SlipCode::Truncated => "truncated",
            SlipCode::TooFewDecimals => "too_few_decimals",
            SlipCode::CarriedForward => "carried_forward",
        }
    }
}

/// A slip: its code and the sentence that explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    pub code: SlipCode,
    pub text: String,
}

/// Why a right answer counts as right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credit {
    /// The value itself.
    Exact,
    /// The value rounded to the answer's places, at the required precision.
    Rounded,
    /// Within the policy's tolerance.
    Tolerance,
    /// The value with every step rounded to the policy's `round-each`.
    StepRounded,
    /// Computed correctly from the student's own earlier values.
    FollowThrough,
}

impl Credit {
    pub fn as_str(self) -> &'static str {
        match self {
            Credit::Exact => "exact",
            Credit::Rounded => "rounded",
            Credit::Tolerance => "tolerance",
            Credit::StepRounded => "step_rounded",
            Credit::FollowThrough => "follow_through",
        }
    }
}

/// The verdict on one quantity of a problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The quantity (`df/dx`, `dL/dW(2)_1,2`).
    pub name: String,
    pub code: Code,
    /// The likely slip of a wrong answer, when one explains it.
    pub slip: Option<Slip>,
    /// Why a right answer counts (`None` unless right).
    pub credit: Option<Credit>,
    /// The answer as written; `None` when unanswered.
    pub student: Option<String>,
    /// The computed value; `None` for an unknown quantity.
    pub expected: Option<Scalar>,
    pub points: Scalar,
    pub max_points: Scalar,
    /// Position in computation order (forward, then backward).
    pub order: usize,
}

/// The verdicts on one problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemVerdict {
    /// The problem's number on the sheet, if the file gives it.
    pub number: Option<u32>,
    /// `topic/N`, `graph` (`--expr`) or `net` (`--net`).
    pub example: String,
    pub title: String,
    pub title_zh: String,
    /// The inputs the problem was computed with.
    pub inputs: Vec<(String, Scalar)>,
    /// The `--set` value the problem was computed with (`a=1,b=2`).
    pub set: String,
    /// Checked against the deck's default inputs because the answers
    /// named no sheet and no `--set` was given.
    pub defaults: bool,
    /// Every asked quantity in computation order, then unknown ones.
    pub verdicts: Vec<Verdict>,
    /// The command that shows every step of this problem.
    pub explain: String,
    /// The other quantities the problem has (named when one is unknown).
    pub quantities: Vec<String>,
}

impl ProblemVerdict {
    /// Points earned.
    pub fn points(&self) -> Scalar {
        sum(self.verdicts.iter().map(|v| &v.points))
    }

    /// Points possible.
    pub fn max_points(&self) -> Scalar {
        sum(self.verdicts.iter().map(|v| &v.max_points))
    }

    /// Names of the quantities with this code, in order.
    pub fn with(&self, code: Code) -> Vec<&str> {
        self.verdicts
            .iter()
            .filter(|v| v.code == code)
            .map(|v| v.name.as_str())
            .collect()
    }

    /// Every asked quantity answered and right, and nothing unknown.
    pub fn all_right(&self) -> bool {
        self.verdicts.iter().all(|v| v.code == Code::Right)
    }

    /// The JSON shape (what `check --format json` prints under `problems`,
    /// and what a gradebook stores): numbers as `{"exact", "float"}`, codes
    /// as plain strings.
    pub fn to_data(&self) -> Data {
        let text = |s: &str| Data::Text(s.to_string());
        let opt = |s: Option<&str>| s.map_or(Data::Null, text);
        let verdicts = self
            .verdicts
            .iter()
            .map(|v| {
                Data::Map(vec![
                    ("name".into(), text(&v.name)),
                    ("code".into(), text(v.code.as_str())),
                    ("slip".into(), opt(v.slip.as_ref().map(|s| s.code.as_str()))),
                    ("credit".into(), opt(v.credit.map(Credit::as_str))),
                    ("student".into(), opt(v.student.as_deref())),
                    (
                        "expected".into(),
                        v.expected.clone().map_or(Data::Null, Data::Num),
                    ),
                    ("points".into(), Data::Num(v.points.clone())),
                    ("max_points".into(), Data::Num(v.max_points.clone())),
                ])
            })
            .collect();
        let names = |c: Code| Data::List(self.with(c).into_iter().map(text).collect());
        Data::Map(vec![
            (
                "number".into(),
                self.number
                    .map_or(Data::Null, |n| Data::Num(Scalar::int(n as i64))),
            ),
            ("example".into(), text(&self.example)),
            ("set".into(), text(&self.set)),
            (
                "inputs".into(),
                Data::Map(
                    self.inputs
                        .iter()
                        .map(|(k, v)| (k.clone(), Data::Num(v.clone())))
                        .collect(),
                ),
            ),
            (
                "inputs_from".into(),
                text(if self.defaults { "defaults" } else { "given" }),
            ),
            ("points".into(), Data::Num(self.points())),
            ("max_points".into(), Data::Num(self.max_points())),
            ("unanswered".into(), names(Code::Unanswered)),
            ("unknown".into(), names(Code::Unknown)),
            ("verdicts".into(), Data::List(verdicts)),
        ])
    }
}

/// Σ of points (exact while every term is).
pub fn sum<'a>(xs: impl Iterator<Item = &'a Scalar>) -> Scalar {
    xs.fold(Scalar::zero(), |acc, x| acc.add(x).unwrap_or(acc))
}

/// Results as counts, for a report's `results` (right, wrong, unanswered,
/// unknown, points, max_points).
pub fn counts(problems: &[ProblemVerdict]) -> Vec<Named> {
    use crate::report::Kind;
    let n = |c: Code| problems.iter().map(|p| p.with(c).len()).sum::<usize>() as i64;
    let mut out: Vec<Named> = [Code::Right, Code::Wrong, Code::Unanswered, Code::Unknown]
        .into_iter()
        .map(|c| Named::new(c.as_str(), Scalar::int(n(c)), Kind::Count))
        .collect();
    let pts: Vec<Scalar> = problems.iter().map(ProblemVerdict::points).collect();
    let max: Vec<Scalar> = problems.iter().map(ProblemVerdict::max_points).collect();
    out.push(Named::new("points", sum(pts.iter()), Kind::Value));
    out.push(Named::new("max_points", sum(max.iter()), Kind::Value));
    out
}
