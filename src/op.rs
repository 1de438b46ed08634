//! The operations of the expression language, one row each: how the op is
//! written, its forward rule, its local derivative and how that derivative
//! reads, side by side (as micrograd's `engine.py` keeps `__mul__` and its
//! `_backward` together, and candle's `op.rs` names each op).
//!
//! Everything else reads these rows: the parser's function table
//! ([`function`], [`function_names`]), the graph's forward and backward pass
//! ([`Op::forward`], [`Op::local`]), and the reports, which take the symbol
//! and the derivative's template from the row and do all the formatting.

use crate::error::Result;
use crate::scalar::Scalar;

/// An operation of a computation graph.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// A variable that takes its value from the user.
    Input,
    /// A literal constant.
    Const(Scalar),
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Neg,
    Exp,
    Ln,
    Sqrt,
    Sigmoid,
    Tanh,
    Relu,
    Abs,
    Max,
    Min,
    /// A named step that is just another name: `a = b`.
    Copy,
}

/// How an op is written in the expression language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `a + b`: an operator between its two arguments.
    Infix,
    /// `-a`
    Prefix,
    /// `name(a)`, `name(a, b)`
    Function,
    /// `q = a`: a named step that only renames (not written as an op).
    Rename,
}

/// Why a local derivative does not exist where the value does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoSlope {
    /// ∂(a^b)/∂b = a^b·ln a needs a > 0: a negative base has a real power
    /// only at whole-number exponents, so there is no slope along b.
    NegativeBase,
    /// ∂(a^b)/∂b at a = 0, b = 0: 0^b jumps from 1 (b = 0) to 0 (b > 0).
    ZeroToTheZero,
    /// The tangent is vertical: √a at a = 0, a^b at a = 0 with 0 < b < 1.
    Vertical,
}

/// One operation: its spelling, forward rule, local derivative and the
/// derivative's text.
#[derive(Debug)]
pub struct OpRow {
    pub op: Op,
    /// The name a student writes (`sigmoid`) or the operator (`+`).
    pub name: &'static str,
    /// Other spellings the parser accepts (`log` for `ln`).
    pub aliases: &'static [&'static str],
    pub arity: usize,
    pub form: Form,
    /// How labels and formulas write it: `·` for `*`, `σ` for sigmoid.
    pub symbol: &'static str,
    /// The symbol in LaTeX.
    pub latex: &'static str,
    /// The gate's mark in a graph figure: `×`, `÷`, `-1×`, `σ`.
    pub gate: &'static str,
    /// The value from the argument values.
    pub forward: fn(&[Scalar]) -> Result<Scalar>,
    /// ∂out/∂a\[i\] from the arguments `a`, the output and `i`.
    pub local: fn(&[Scalar], &Scalar, usize) -> Result<Scalar>,
    /// The local derivative along each argument as text, in the arguments'
    /// names `{a}` and `{b}`.
    pub rule: [&'static str; 2],
    /// True when the arguments sit exactly on a kink, where a finite
    /// difference cannot confirm the one-sided derivative the convention picks.
    pub kink: fn(&[Scalar]) -> bool,
    /// Why ∂out/∂a\[i\] does not exist at these arguments, if it does not.
    pub no_slope: fn(&[Scalar], usize) -> Option<NoSlope>,
}

fn one() -> Scalar {
    Scalar::one()
}

fn indicator(b: bool) -> Scalar {
    if b { Scalar::one() } else { Scalar::zero() }
}

fn smooth(_: &[Scalar]) -> bool {
    false
}

fn always(_: &[Scalar], _: usize) -> Option<NoSlope> {
    None
}

pub static ADD: OpRow = OpRow {
    op: Op::Add,
    name: "+",
    aliases: &[],
    arity: 2,
    form: Form::Infix,
    symbol: "+",
    latex: "+",
    gate: "+",
    forward: |a| a[0].add(&a[1]),
    // ∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1
    local: |_, _, _| Ok(one()),
    rule: ["1", "1"],
    kink: smooth,
    no_slope: always,
};

pub static SUB: OpRow = OpRow {
    op: Op::Sub,
    name: "-",
    aliases: &[],
    arity: 2,
    form: Form::Infix,
    symbol: "-",
    latex: "-",
    gate: "-",
    forward: |a| a[0].sub(&a[1]),
    // ∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1
    local: |_, _, i| Ok(if i == 0 { one() } else { one().neg() }),
    rule: ["1", "-1"],
    kink: smooth,
    no_slope: always,
};

pub static MUL: OpRow = OpRow {
    op: Op::Mul,
    name: "*",
    aliases: &[],
    arity: 2,
    form: Form::Infix,
    symbol: "·",
    latex: "\\cdot",
    gate: "×",
    forward: |a| a[0].mul(&a[1]),
    // ∂(ab)/∂a = b, ∂(ab)/∂b = a: the multiply gate swaps its inputs
    local: |a, _, i| Ok(a[1 - i].clone()),
    rule: ["{b}", "{a}"],
    kink: smooth,
    no_slope: always,
};

pub static DIV: OpRow = OpRow {
    op: Op::Div,
    name: "/",
    aliases: &[],
    arity: 2,
    form: Form::Infix,
    symbol: "/",
    latex: "/",
    gate: "÷",
    forward: |a| a[0].div(&a[1]),
    // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
    local: |a, _, i| match i {
        0 => one().div(&a[1]),
        _ => a[0].neg().div(&a[1].mul(&a[1])?),
    },
    rule: ["1/{b}", "-{a}/{b}²"],
    kink: smooth,
    no_slope: always,
};

pub static POW: OpRow = OpRow {
    op: Op::Pow,
    name: "^",
    aliases: &[],
    arity: 2,
    form: Form::Infix,
    symbol: "^",
    latex: "^",
    gate: "^",
    forward: |a| a[0].pow(&a[1]),
    local: |a, out, i| match i {
        // ∂(a^n)/∂a = n·a^(n−1); a^0 = 1 is flat, even at a = 0
        0 if a[1].is_zero() => Ok(a[1].clone()),
        0 => a[1].mul(&a[0].pow(&a[1].sub(&one())?)?),
        // ∂(a^b)/∂b = a^b · ln a for a > 0; 0^b = 0 for every b > 0, so
        // at a = 0 the slope along b is 0 (a ≤ 0 otherwise: see no_slope)
        _ if a[0].is_zero() => Ok(out.clone()),
        _ => out.mul(&a[0].ln()?),
    },
    rule: ["{b}·{a}^({b} - 1)", "{a}^{b}·ln {a}"],
    kink: smooth,
    no_slope: |a, i| match i {
        // a^b with a < 0 is real only at whole b: no slope along b.
        1 if a[0].signum() < 0 => Some(NoSlope::NegativeBase),
        // 0^b is 1 at b = 0 and 0 for b > 0 (undefined for b < 0).
        1 if a[0].is_zero() && a[1].is_zero() => Some(NoSlope::ZeroToTheZero),
        1 => None,
        // b·a^(b−1) at a = 0 with 0 < b < 1: a vertical tangent.
        _ => (a[0].is_zero() && a[1].signum() > 0 && a[1].cmp_value(&one()).is_lt())
            .then_some(NoSlope::Vertical),
    },
};

pub static NEG: OpRow = OpRow {
    op: Op::Neg,
    name: "-",
    aliases: &[],
    arity: 1,
    form: Form::Prefix,
    symbol: "-",
    latex: "-",
    gate: "-1×",
    forward: |a| Ok(a[0].neg()),
    // ∂(−a)/∂a = −1
    local: |_, _, _| Ok(one().neg()),
    rule: ["-1", ""],
    kink: smooth,
    no_slope: always,
};

pub static EXP: OpRow = OpRow {
    op: Op::Exp,
    name: "exp",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "exp",
    latex: "\\exp",
    gate: "exp",
    forward: |a| a[0].exp(),
    // ∂exp(a)/∂a = exp(a), the node's own value
    local: |_, out, _| Ok(out.clone()),
    rule: ["exp({a})", ""],
    kink: smooth,
    no_slope: always,
};

pub static LN: OpRow = OpRow {
    op: Op::Ln,
    name: "ln",
    aliases: &["log"],
    arity: 1,
    form: Form::Function,
    symbol: "ln",
    latex: "\\ln",
    gate: "ln",
    forward: |a| a[0].ln(),
    // ∂ln(a)/∂a = 1/a
    local: |a, _, _| one().div(&a[0]),
    rule: ["1/{a}", ""],
    kink: smooth,
    no_slope: always,
};

pub static SQRT: OpRow = OpRow {
    op: Op::Sqrt,
    name: "sqrt",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "sqrt",
    latex: "\\sqrt",
    gate: "sqrt",
    forward: |a| a[0].sqrt(),
    // ∂√a/∂a = 1/(2√a)
    local: |_, out, _| one().div(&Scalar::int(2).mul(out)?),
    rule: ["1/(2·sqrt({a}))", ""],
    kink: smooth,
    // 1/(2√a) at a = 0
    no_slope: |a, _| a[0].is_zero().then_some(NoSlope::Vertical),
};

pub static SIGMOID: OpRow = OpRow {
    op: Op::Sigmoid,
    name: "sigmoid",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "σ",
    latex: "\\sigma",
    gate: "σ",
    // σ(a) = 1/(1 + e^(−a))
    forward: |a| a[0].sigmoid(),
    // σ'(a) = σ(a)(1 − σ(a))
    local: |_, out, _| out.mul(&one().sub(out)?),
    rule: ["σ({a})(1 - σ({a}))", ""],
    kink: smooth,
    no_slope: always,
};

pub static TANH: OpRow = OpRow {
    op: Op::Tanh,
    name: "tanh",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "tanh",
    latex: "\\tanh",
    gate: "tanh",
    forward: |a| a[0].tanh(),
    // tanh'(a) = 1 − tanh²(a)
    local: |_, out, _| one().sub(&out.mul(out)?),
    rule: ["1 - tanh({a})²", ""],
    kink: smooth,
    no_slope: always,
};

pub static RELU: OpRow = OpRow {
    op: Op::Relu,
    name: "relu",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "relu",
    latex: "\\mathrm{relu}",
    gate: "relu",
    forward: |a| Ok(a[0].relu()),
    // ReLU'(a) = I(a > 0); ReLU'(0) = 0 as in the decks
    local: |a, _, _| Ok(indicator(a[0].signum() > 0)),
    rule: ["[{a} > 0]", ""],
    kink: |a| a[0].is_zero(),
    no_slope: always,
};

pub static ABS: OpRow = OpRow {
    op: Op::Abs,
    name: "abs",
    aliases: &[],
    arity: 1,
    form: Form::Function,
    symbol: "abs",
    latex: "\\mathrm{abs}",
    gate: "abs",
    forward: |a| Ok(a[0].abs()),
    // |a|' = sign(a); |·|'(0) = 0
    local: |a, _, _| Ok(Scalar::int(a[0].signum() as i64)),
    rule: ["sign({a})", ""],
    kink: |a| a[0].is_zero(),
    no_slope: always,
};

pub static MAX: OpRow = OpRow {
    op: Op::Max,
    name: "max",
    aliases: &[],
    arity: 2,
    form: Form::Function,
    symbol: "max",
    latex: "\\max",
    gate: "max",
    forward: |a| Ok(a[0].max(&a[1])),
    // max routes the gradient to the larger input (the first on a tie)
    local: |a, _, i| match i {
        0 => Ok(indicator(a[0].cmp_value(&a[1]).is_ge())),
        _ => Ok(indicator(a[1].cmp_value(&a[0]).is_gt())),
    },
    rule: ["[{a} ≥ {b}]", "[{b} > {a}]"],
    kink: |a| a[0].cmp_value(&a[1]).is_eq(),
    no_slope: always,
};

pub static MIN: OpRow = OpRow {
    op: Op::Min,
    name: "min",
    aliases: &[],
    arity: 2,
    form: Form::Function,
    symbol: "min",
    latex: "\\min",
    gate: "min",
    forward: |a| Ok(a[0].min(&a[1])),
    // min routes the gradient to the smaller input (the first on a tie)
    local: |a, _, i| match i {
        0 => Ok(indicator(a[0].cmp_value(&a[1]).is_le())),
        _ => Ok(indicator(a[1].cmp_value(&a[0]).is_lt())),
    },
    rule: ["[{a} ≤ {b}]", "[{b} < {a}]"],
    kink: |a| a[0].cmp_value(&a[1]).is_eq(),
    no_slope: always,
};

pub static COPY: OpRow = OpRow {
    op: Op::Copy,
    name: "=",
    aliases: &[],
    arity: 1,
    form: Form::Rename,
    symbol: "",
    latex: "",
    gate: "=",
    forward: |a| Ok(a[0].clone()),
    // ∂a/∂a = 1
    local: |_, _, _| Ok(one()),
    rule: ["1", ""],
    kink: smooth,
    no_slope: always,
};

/// Every computed op, in the order the language reference lists them.
pub static OPS: [&OpRow; 16] = [
    &ADD, &SUB, &MUL, &DIV, &POW, &NEG, &EXP, &LN, &SQRT, &SIGMOID, &TANH, &RELU, &ABS, &MAX, &MIN,
    &COPY,
];

/// The functions a student may call, as the parser, help and error
/// messages list them: `exp, ln, log, …` (aliases after their function).
pub fn function_names() -> Vec<&'static str> {
    OPS.iter()
        .filter(|r| r.form == Form::Function)
        .flat_map(|r| std::iter::once(r.name).chain(r.aliases.iter().copied()))
        .collect()
}

/// The function row of a name a student writes (`log` finds `ln`).
pub fn function(name: &str) -> Option<&'static OpRow> {
    OPS.iter()
        .copied()
        .find(|r| r.form == Form::Function && (r.name == name || r.aliases.contains(&name)))
}

impl Op {
    /// This op's row; `None` for inputs and constants, which compute nothing.
    pub fn row(&self) -> Option<&'static OpRow> {
        Some(match self {
            Op::Input | Op::Const(_) => return None,
            Op::Add => &ADD,
            Op::Sub => &SUB,
            Op::Mul => &MUL,
            Op::Div => &DIV,
            Op::Pow => &POW,
            Op::Neg => &NEG,
            Op::Exp => &EXP,
            Op::Ln => &LN,
            Op::Sqrt => &SQRT,
            Op::Sigmoid => &SIGMOID,
            Op::Tanh => &TANH,
            Op::Relu => &RELU,
            Op::Abs => &ABS,
            Op::Max => &MAX,
            Op::Min => &MIN,
            Op::Copy => &COPY,
        })
    }

    fn computed(&self) -> &'static OpRow {
        self.row()
            .expect("inputs and constants are not computed and have no inputs")
    }

    /// The value of this node from the values of its inputs.
    pub fn forward(&self, a: &[Scalar]) -> Result<Scalar> {
        (self.computed().forward)(a)
    }

    /// The local derivative ∂out/∂a\[i\], given the inputs `a` and the output.
    /// At a kink the convention is the one the decks use: ReLU'(0) = 0,
    /// |·|'(0) = 0, and max/min send the gradient to the first argument on
    /// a tie.
    pub fn local(&self, a: &[Scalar], out: &Scalar, i: usize) -> Result<Scalar> {
        (self.computed().local)(a, out, i)
    }

    /// Why ∂out/∂a\[i\] does not exist at these inputs, if it does not (the
    /// forward value exists; [`Op::local`] would fail or be infinite).
    pub fn no_slope(&self, a: &[Scalar], i: usize) -> Option<NoSlope> {
        self.row().and_then(|r| (r.no_slope)(a, i))
    }

    /// True when the inputs sit exactly on a kink, where a finite difference
    /// cannot confirm the one-sided derivative the convention picks.
    pub fn at_kink(&self, a: &[Scalar]) -> bool {
        self.row().is_some_and(|r| (r.kink)(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_the_row_of_its_op() {
        for row in OPS {
            assert!(std::ptr::eq(row.op.row().unwrap(), row), "{}", row.name);
        }
        // as the language reference and error messages list them
        assert_eq!(
            function_names().join(", "),
            "exp, ln, log, sqrt, sigmoid, tanh, relu, abs, max, min"
        );
        for name in function_names() {
            assert!(function(name).is_some(), "{name}");
        }
        assert!(std::ptr::eq(function("log").unwrap(), &LN));
        assert!(function("+").is_none());
    }

    #[test]
    fn local_derivatives_agree_with_central_differences() {
        // Each row's local rule against (f(a+h) − f(a−h))/2h at a point away
        // from kinks, in f64.
        let at = [Scalar::Float(0.7), Scalar::Float(1.3)];
        for row in OPS {
            for i in 0..row.arity {
                let h = 1e-6;
                let shift = |d: f64| {
                    let mut a = at[..row.arity].to_vec();
                    a[i] = Scalar::Float(a[i].to_f64() + d);
                    (row.forward)(&a).unwrap().to_f64()
                };
                let fd = (shift(h) - shift(-h)) / (2.0 * h);
                let out = (row.forward)(&at[..row.arity]).unwrap();
                let d = (row.local)(&at[..row.arity], &out, i).unwrap().to_f64();
                assert!((fd - d).abs() < 1e-7, "{} along {i}: {d} vs {fd}", row.name);
            }
        }
    }
}
