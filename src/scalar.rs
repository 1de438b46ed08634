//! Numbers that stay exact where the math allows.
//!
//! A [`Scalar`] is either an exact rational (`Exact`) or a rounded `f64`
//! (`Float`). Exact op exact stays exact; anything that touches a float
//! becomes a float. Transcendental functions stay exact where the value is a
//! rational number (`exp(0) = 1`, `ln(1) = 0`, `σ(0) = 1/2`, `tanh(0) = 0`,
//! `√` of a perfect square); otherwise they round to `f64`, and the value is
//! marked as rounded wherever it is shown.
//!
//! Exact numbers can grow without bound (think `2^100000`), so every exact
//! result is checked against [`MAX_BITS`]; past it the operation fails with
//! [`Error::TooLarge`], which suggests `--float`.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::error::{Error, Result};

/// Largest numerator or denominator, in bits, an exact value may have.
/// 4,096 bits is about 1,233 decimal digits: far past anything a worked
/// example needs, small enough that arithmetic on it stays instant.
pub const MAX_BITS: u64 = 4096;

/// Most decimal places shown for an exact value whose decimal expansion ends;
/// beyond this the decimal is shown rounded, with `≈`.
const MAX_EXACT_DECIMALS: u32 = 12;

/// An exact rational or a rounded float.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    /// An exact rational number.
    Exact(BigRational),
    /// A rounded IEEE-754 double.
    Float(f64),
}

impl Scalar {
    /// The exact integer `n`.
    pub fn int(n: i64) -> Scalar {
        Scalar::Exact(BigRational::from_integer(BigInt::from(n)))
    }

    /// The exact fraction `num/den` (`den` must not be 0).
    pub fn ratio(num: i64, den: i64) -> Scalar {
        assert!(den != 0, "Scalar::ratio called with a zero denominator");
        Scalar::Exact(BigRational::new(BigInt::from(num), BigInt::from(den)))
    }

    /// Exact zero.
    pub fn zero() -> Scalar {
        Scalar::int(0)
    }

    /// Exact one.
    pub fn one() -> Scalar {
        Scalar::int(1)
    }

    /// Read a number as a student writes it: `3`, `-0.15`, `1/4`, `2.5e-3`.
    /// Every such literal is exact (`0.15` is `3/20`).
    pub fn parse(text: &str) -> Result<Scalar> {
        let t = text.trim();
        let bad = |reason: &str| Error::BadNumber {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        if t.is_empty() {
            return Err(bad("it is empty"));
        }
        if t.len() > 200 {
            return Err(bad("it is longer than 200 characters"));
        }
        if let Some((n, d)) = t.split_once('/') {
            let n = parse_decimal(n.trim()).ok_or_else(|| bad("the numerator is not a number"))?;
            let d =
                parse_decimal(d.trim()).ok_or_else(|| bad("the denominator is not a number"))?;
            if d.is_zero() {
                return Err(bad("the denominator is 0"));
            }
            return Ok(Scalar::Exact(n / d));
        }
        let lower = t.to_ascii_lowercase();
        if ["nan", "inf", "+inf", "-inf", "infinity", "-infinity"].contains(&lower.as_str()) {
            return Err(bad(
                "NaN and infinity are not numbers nn-tutor can compute with",
            ));
        }
        parse_decimal(t).map(Scalar::Exact).ok_or_else(|| match exponent_out_of_range(t) {
            Some(e) => bad(&format!(
                "the power of ten e{e} is out of range: exponents from e-{MAX_EXPONENT} to e{MAX_EXPONENT} are read"
            )),
            None => bad("expected an integer, a decimal such as 0.15, or a fraction such as 1/4"),
        })
    }

    /// A float, rejecting NaN and infinities.
    pub fn float(x: f64) -> Result<Scalar> {
        if x.is_finite() {
            Ok(Scalar::Float(x))
        } else {
            Err(Error::NotFinite {
                node: String::new(),
                value: format!("{x}"),
            })
        }
    }

    /// True for an exact value.
    pub fn is_exact(&self) -> bool {
        matches!(self, Scalar::Exact(_))
    }

    /// The exact value, if there is one.
    pub fn as_exact(&self) -> Option<&BigRational> {
        match self {
            Scalar::Exact(r) => Some(r),
            Scalar::Float(_) => None,
        }
    }

    /// The nearest `f64`.
    pub fn to_f64(&self) -> f64 {
        match self {
            Scalar::Exact(r) => ratio_to_f64(r),
            Scalar::Float(x) => *x,
        }
    }

    /// The same value as a float (what `--float` does to every input).
    pub fn to_float(&self) -> Scalar {
        Scalar::Float(self.to_f64())
    }

    /// True when the value is exactly zero (a float `0.0` counts).
    pub fn is_zero(&self) -> bool {
        match self {
            Scalar::Exact(r) => r.is_zero(),
            Scalar::Float(x) => *x == 0.0,
        }
    }

    /// Compare by value, exact against exact without rounding.
    pub fn cmp_value(&self, other: &Scalar) -> Ordering {
        match (self, other) {
            (Scalar::Exact(a), Scalar::Exact(b)) => a.cmp(b),
            _ => self
                .to_f64()
                .partial_cmp(&other.to_f64())
                .unwrap_or(Ordering::Equal),
        }
    }

    /// `-1`, `0` or `1` by the sign of the value.
    pub fn signum(&self) -> i32 {
        match self.cmp_value(&Scalar::zero()) {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        }
    }

    // ---- arithmetic -------------------------------------------------------

    /// a + b
    pub fn add(&self, b: &Scalar) -> Result<Scalar> {
        binary(self, b, |x, y| Ok(x + y), |x, y| x + y)
    }

    /// a − b
    pub fn sub(&self, b: &Scalar) -> Result<Scalar> {
        binary(self, b, |x, y| Ok(x - y), |x, y| x - y)
    }

    /// a · b
    pub fn mul(&self, b: &Scalar) -> Result<Scalar> {
        binary(self, b, |x, y| Ok(x * y), |x, y| x * y)
    }

    /// a / b; dividing by zero is an error, never `inf`.
    pub fn div(&self, b: &Scalar) -> Result<Scalar> {
        if b.is_zero() {
            return Err(Error::DivisionByZero {
                node: String::new(),
            });
        }
        binary(self, b, |x, y| Ok(x / y), |x, y| x / y)
    }

    /// −a
    pub fn neg(&self) -> Scalar {
        match self {
            Scalar::Exact(r) => Scalar::Exact(-r),
            Scalar::Float(x) => Scalar::Float(-x),
        }
    }

    /// |a|
    pub fn abs(&self) -> Scalar {
        match self {
            Scalar::Exact(r) => Scalar::Exact(r.abs()),
            Scalar::Float(x) => Scalar::Float(x.abs()),
        }
    }

    /// max(a, b); on a tie the first argument wins.
    pub fn max(&self, b: &Scalar) -> Scalar {
        let pick = if b.cmp_value(self) == Ordering::Greater {
            b
        } else {
            self
        };
        mixed(pick, self, b)
    }

    /// min(a, b); on a tie the first argument wins.
    pub fn min(&self, b: &Scalar) -> Scalar {
        let pick = if b.cmp_value(self) == Ordering::Less {
            b
        } else {
            self
        };
        mixed(pick, self, b)
    }

    /// ReLU(a) = max(0, a); always exact for exact input.
    pub fn relu(&self) -> Scalar {
        if self.signum() > 0 {
            self.clone()
        } else {
            match self {
                Scalar::Exact(_) => Scalar::zero(),
                Scalar::Float(_) => Scalar::Float(0.0),
            }
        }
    }

    /// a ^ b. Exact for an exact base and an integer exponent (0^negative is a
    /// division by zero); exact for `p/2` powers of perfect squares; otherwise
    /// a float, and a negative base with a fractional exponent is an error.
    pub fn pow(&self, b: &Scalar) -> Result<Scalar> {
        if let (Scalar::Exact(base), Scalar::Exact(e)) = (self, b) {
            if e.is_integer() {
                return pow_exact(base, e.numer());
            }
            if e.denom() == &BigInt::from(2)
                && !base.is_negative()
                && let Some(root) = exact_sqrt(base)
            {
                return pow_exact(&root, e.numer());
            }
        }
        let (x, y) = (self.to_f64(), b.to_f64());
        if x < 0.0 && y.fract() != 0.0 {
            return Err(domain(
                "a ^ b",
                self,
                "a negative base needs an integer exponent",
            ));
        }
        if x == 0.0 && y < 0.0 {
            return Err(Error::DivisionByZero {
                node: String::new(),
            });
        }
        Scalar::float(x.powf(y))
    }

    /// e^a; exact only at a = 0.
    pub fn exp(&self) -> Result<Scalar> {
        if self.is_exact() && self.is_zero() {
            return Ok(Scalar::one());
        }
        Scalar::float(self.to_f64().exp())
    }

    /// ln a (natural log, written `log` in the decks); a must be positive.
    pub fn ln(&self) -> Result<Scalar> {
        if self.signum() <= 0 {
            return Err(domain("ln", self, "the logarithm needs a positive number"));
        }
        if let Scalar::Exact(r) = self
            && r.is_one()
        {
            return Ok(Scalar::zero());
        }
        Scalar::float(self.to_f64().ln())
    }

    /// √a; exact for perfect squares; a must not be negative.
    pub fn sqrt(&self) -> Result<Scalar> {
        if self.signum() < 0 {
            return Err(domain("sqrt", self, "the square root needs a number ≥ 0"));
        }
        if let Scalar::Exact(r) = self
            && let Some(root) = exact_sqrt(r)
        {
            return Ok(Scalar::Exact(root));
        }
        Scalar::float(self.to_f64().sqrt())
    }

    /// σ(a) = 1 / (1 + e^(−a)); exact only at a = 0 (σ(0) = 1/2).
    pub fn sigmoid(&self) -> Result<Scalar> {
        if self.is_exact() && self.is_zero() {
            return Ok(Scalar::ratio(1, 2));
        }
        let x = self.to_f64();
        // Two algebraically equal forms; each avoids overflow on its side.
        let s = if x >= 0.0 {
            1.0 / (1.0 + (-x).exp())
        } else {
            let e = x.exp();
            e / (1.0 + e)
        };
        Scalar::float(s)
    }

    /// tanh a; exact only at a = 0.
    pub fn tanh(&self) -> Result<Scalar> {
        if self.is_exact() && self.is_zero() {
            return Ok(Scalar::zero());
        }
        Scalar::float(self.to_f64().tanh())
    }

    /// Check the bit cap (exact) or finiteness (float) of a computed value.
    pub fn checked(self) -> Result<Scalar> {
        match &self {
            Scalar::Exact(r) => {
                if r.numer().bits() > MAX_BITS || r.denom().bits() > MAX_BITS {
                    Err(Error::TooLarge {
                        node: String::new(),
                        cap: MAX_BITS,
                    })
                } else {
                    Ok(self)
                }
            }
            Scalar::Float(x) => Scalar::float(*x),
        }
    }

    // ---- display ----------------------------------------------------------

    /// The exact value as `n` or `p/q`; `None` for a float.
    pub fn exact_string(&self) -> Option<String> {
        self.as_exact().map(|r| {
            if r.is_integer() {
                r.numer().to_string()
            } else {
                format!("{}/{}", r.numer(), r.denom())
            }
        })
    }

    /// The decimal form: exact when the expansion ends within 12 places
    /// (`-0.25`), otherwise rounded to `digits` significant digits and marked
    /// with `≈` when the value itself is exact (`≈0.333333`).
    pub fn decimal(&self, digits: usize) -> String {
        match self {
            Scalar::Float(x) => format_float(*x, digits),
            Scalar::Exact(r) => match exact_decimal(r) {
                Some(s) => s,
                None => format!("≈{}", format_float(ratio_to_f64(r), digits)),
            },
        }
    }

    /// How a value is shown in a table: `3`, `-1/4 (-0.25)`,
    /// `1/3 (≈0.333333)`, or a rounded float `0.731059`.
    pub fn show(&self, digits: usize) -> String {
        match self {
            Scalar::Exact(r) if r.is_integer() => r.numer().to_string(),
            Scalar::Exact(_) => format!(
                "{} ({})",
                self.exact_string().unwrap_or_default(),
                self.decimal(digits)
            ),
            Scalar::Float(x) => format_float(*x, digits),
        }
    }

    /// Shown inside a formula: like [`Scalar::show`] but without the decimal,
    /// and negative values in parentheses, e.g. `3 · (-4)`.
    pub fn show_operand(&self, digits: usize) -> String {
        let s = match self {
            Scalar::Exact(_) => self.exact_string().unwrap_or_default(),
            Scalar::Float(x) => format_float(*x, digits),
        };
        if s.starts_with('-') || (s.contains('/') && self.is_exact()) {
            format!("({s})")
        } else {
            s
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(6))
    }
}

/// Format a float with `digits` significant digits, trailing zeros trimmed;
/// scientific notation for very small or very large magnitudes.
pub fn format_float(x: f64, digits: usize) -> String {
    let digits = digits.clamp(1, 17);
    if x == 0.0 {
        return "0".to_string();
    }
    if !x.is_finite() {
        return format!("{x}");
    }
    let exp10 = x.abs().log10().floor() as i32;
    if !(-4..15).contains(&exp10) {
        let s = format!("{:.*e}", digits - 1, x);
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        return format!("{}e{}", trim_zeros(mantissa), exponent);
    }
    let decimals = (digits as i32 - 1 - exp10).max(0) as usize;
    let s = trim_zeros(&format!("{x:.decimals$}"));
    if s == "-0" { "0".to_string() } else { s }
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// The exact decimal expansion of `r` when it ends within 12 places.
fn exact_decimal(r: &BigRational) -> Option<String> {
    let mut d = r.denom().clone();
    let (two, five) = (BigInt::from(2), BigInt::from(5));
    let (mut twos, mut fives) = (0u32, 0u32);
    while d.is_even() {
        d /= &two;
        twos += 1;
    }
    while (&d % &five).is_zero() {
        d /= &five;
        fives += 1;
    }
    let places = twos.max(fives);
    if !d.is_one() || places > MAX_EXACT_DECIMALS {
        return None;
    }
    let scaled = r * BigRational::from_integer(BigInt::from(10).pow(places));
    let n = scaled.to_integer();
    let (sign, digits) = (n.sign(), n.abs().to_string());
    if places == 0 {
        return Some(n.to_string());
    }
    let padded = format!("{:0>width$}", digits, width = places as usize + 1);
    let (int, frac) = padded.split_at(padded.len() - places as usize);
    let minus = if sign == Sign::Minus { "-" } else { "" };
    Some(format!("{minus}{int}.{frac}"))
}

/// The largest power of ten a literal may carry (`1e400`): past it the exact
/// value is too large to compute with and far outside f64 anyway.
const MAX_EXPONENT: u32 = 400;

/// The exponent of a literal such as `1e999` when it is well formed but past
/// ±MAX_EXPONENT, so the error can say so instead of "not a number".
fn exponent_out_of_range(t: &str) -> Option<String> {
    let i = t.find(['e', 'E'])?;
    let exp = &t[i + 1..];
    let digits = exp.strip_prefix(['-', '+']).unwrap_or(exp);
    let mantissa_ok = parse_decimal(&t[..i]).is_some();
    let exp_is_integer = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
    (mantissa_ok && exp_is_integer).then(|| exp.to_string())
}

/// Parse `-12`, `0.15`, `2.5e-3` exactly.
fn parse_decimal(t: &str) -> Option<BigRational> {
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
        None => (t, 0),
    };
    if exponent.unsigned_abs() > MAX_EXPONENT {
        return None;
    }
    let (neg, body) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    // Most numbers typed or stored (`2`, `-0.5`, `1e-3`) have few digits:
    // read them as an i64 over a power of ten, without big-number steps.
    Some(
        small_decimal(neg, int, frac, exponent)
            .unwrap_or_else(|| big_decimal(neg, int, frac, exponent)),
    )
}

/// `±int.frac × 10^exponent` (ASCII digits) when it has at most 18 digits
/// and a scale within 10^±18: machine integers, one reduction.
fn small_decimal(neg: bool, int: &str, frac: &str, exponent: i32) -> Option<BigRational> {
    let scale = exponent - frac.len() as i32;
    if int.len() + frac.len() > 18 || !(-18..=18).contains(&scale) {
        return None;
    }
    let n = int
        .bytes()
        .chain(frac.bytes())
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    let n = BigInt::from(if neg { -n } else { n });
    let p = BigInt::from(10i64.pow(scale.unsigned_abs()));
    Some(if scale >= 0 {
        BigRational::from_integer(n * p)
    } else {
        BigRational::new(n, p)
    })
}

/// `±int.frac × 10^exponent` (ASCII digits) of any size.
fn big_decimal(neg: bool, int: &str, frac: &str, exponent: i32) -> BigRational {
    let digits: BigInt = format!("{int}{frac}").parse::<BigInt>().unwrap_or_default();
    let scale = exponent - frac.len() as i32;
    let ten = BigInt::from(10);
    let mut r = BigRational::from_integer(digits);
    if scale >= 0 {
        r *= BigRational::from_integer(ten.pow(scale as u32));
    } else {
        r /= BigRational::from_integer(ten.pow((-scale) as u32));
    }
    if neg { -r } else { r }
}

fn ratio_to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or_else(|| {
        // Only reached for values outside f64's range.
        if r.is_negative() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    })
}

fn exact_sqrt(r: &BigRational) -> Option<BigRational> {
    if r.is_negative() {
        return None;
    }
    let (n, d) = (r.numer().sqrt(), r.denom().sqrt());
    (&n * &n == *r.numer() && &d * &d == *r.denom()).then(|| BigRational::new(n, d))
}

fn pow_exact(base: &BigRational, e: &BigInt) -> Result<Scalar> {
    if base.is_zero() {
        return match e.sign() {
            Sign::Minus => Err(Error::DivisionByZero {
                node: String::new(),
            }),
            Sign::NoSign => Ok(Scalar::one()),
            Sign::Plus => Ok(Scalar::zero()),
        };
    }
    if base.abs().is_one() {
        let odd = e.is_odd();
        return Ok(Scalar::Exact(if base.is_negative() && odd {
            -BigRational::one()
        } else {
            BigRational::one()
        }));
    }
    // Guard before computing: the result needs about bits(base) · |e| bits.
    let bits = base.numer().bits().max(base.denom().bits());
    let too_large = Error::TooLarge {
        node: String::new(),
        cap: MAX_BITS,
    };
    let n = e.abs().to_u64().ok_or(too_large.clone())?;
    if bits.saturating_sub(1).saturating_mul(n) > MAX_BITS {
        return Err(too_large);
    }
    let n = n as i32; // bounded by MAX_BITS above (bits ≥ 2 here)
    Scalar::Exact(if e.is_negative() {
        base.pow(-n)
    } else {
        base.pow(n)
    })
    .checked()
}

fn domain(func: &str, value: &Scalar, hint: &str) -> Error {
    Error::Domain {
        func: func.to_string(),
        value: value.show(6),
        node: String::new(),
        hint: hint.to_string(),
    }
}

/// Apply an exact or a float rule; the result is checked.
fn binary(
    a: &Scalar,
    b: &Scalar,
    exact: impl Fn(&BigRational, &BigRational) -> Result<BigRational>,
    float: impl Fn(f64, f64) -> f64,
) -> Result<Scalar> {
    match (a, b) {
        (Scalar::Exact(x), Scalar::Exact(y)) => Scalar::Exact(exact(x, y)?).checked(),
        _ => Scalar::float(float(a.to_f64(), b.to_f64())),
    }
}

/// The picked value, as a float if either operand was one.
fn mixed(pick: &Scalar, a: &Scalar, b: &Scalar) -> Scalar {
    if a.is_exact() && b.is_exact() {
        pick.clone()
    } else {
        pick.to_float()
    }
}

impl From<i64> for Scalar {
    fn from(n: i64) -> Scalar {
        Scalar::int(n)
    }
}

impl TryFrom<f64> for Scalar {
    type Error = Error;
    /// An exact copy of a finite float's binary value.
    fn try_from(x: f64) -> Result<Scalar> {
        BigRational::from_f64(x)
            .map(Scalar::Exact)
            .ok_or_else(|| Error::NotFinite {
                node: String::new(),
                value: format!("{x}"),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Scalar {
        Scalar::parse(t).unwrap()
    }

    /// The short path for decimals of up to 18 digits agrees with the
    /// big-number path on every sign, digit count, point position and
    /// exponent it takes (and on its edges: 18 digits, scale ±18).
    #[test]
    fn small_decimals_read_as_big_ones_do() {
        let mut n = 0;
        for neg in [false, true] {
            for digits in ["0", "7", "25", "1000", "123456789", "999999999999999999"] {
                for point in 0..=digits.len() {
                    let (int, frac) = digits.split_at(point);
                    for exponent in [-19, -18, -7, -1, 0, 1, 3, 17, 18, 19] {
                        let small = super::small_decimal(neg, int, frac, exponent);
                        let big = super::big_decimal(neg, int, frac, exponent);
                        if let Some(small) = small {
                            assert_eq!(small, big, "{neg} {int}.{frac}e{exponent}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 300, "only {n} cases took the short path");
        // and through the parser: 1e-3 = 1/1000, -.5 = -1/2, 2.50 = 5/2
        assert_eq!(s("1e-3"), s("1/1000"));
        assert_eq!(s("-.5"), s("-1/2"));
        assert_eq!(s("2.50"), s("5/2"));
    }
    #[test]
    fn decimals_are_exact() {
        // 0.15 = 15/100 = 3/20
        assert_eq!(s("0.15"), Scalar::ratio(3, 20));
        assert_eq!(s("-2.5e-3"), Scalar::ratio(-1, 400));
        assert_eq!(s("1/4"), Scalar::ratio(1, 4));
        assert_eq!(s(" -3 "), Scalar::int(-3));
        assert_eq!(s("0.5/2"), Scalar::ratio(1, 4));
    }

    #[test]
    fn bad_literals_are_errors() {
        for t in ["", "abc", "1/0", "nan", "inf", "1e999", "--1", ".", "1..2"] {
            assert!(Scalar::parse(t).is_err(), "{t} should not parse");
        }
    }

    #[test]
    fn exact_stays_exact_and_float_is_contagious() {
        // 1/3 + 1/6 = 1/2 exactly
        assert_eq!(s("1/3").add(&s("1/6")).unwrap(), Scalar::ratio(1, 2));
        let f = s("1/3").add(&Scalar::Float(0.5)).unwrap();
        assert!(!f.is_exact());
        assert!((f.to_f64() - 5.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn transcendentals_exact_at_rational_points() {
        assert_eq!(Scalar::zero().exp().unwrap(), Scalar::one());
        assert_eq!(Scalar::one().ln().unwrap(), Scalar::zero());
        assert_eq!(Scalar::zero().sigmoid().unwrap(), Scalar::ratio(1, 2));
        assert_eq!(Scalar::zero().tanh().unwrap(), Scalar::zero());
        assert_eq!(s("9/4").sqrt().unwrap(), Scalar::ratio(3, 2));
        // 2^-3 = 1/8; (9/4)^(3/2) = (3/2)^3 = 27/8
        assert_eq!(
            Scalar::int(2).pow(&Scalar::int(-3)).unwrap(),
            Scalar::ratio(1, 8)
        );
        assert_eq!(s("9/4").pow(&s("3/2")).unwrap(), Scalar::ratio(27, 8));
        // σ(1) = 1/(1+e^-1) ≈ 0.7310585786
        let sig = Scalar::one().sigmoid().unwrap();
        assert!(!sig.is_exact());
        assert!((sig.to_f64() - 0.731_058_578_630_004_9).abs() < 1e-15);
    }

    #[test]
    fn sigmoid_is_stable_far_from_zero() {
        assert!(s("-800").sigmoid().unwrap().to_f64() >= 0.0);
        assert_eq!(s("800").sigmoid().unwrap().to_f64(), 1.0);
    }

    #[test]
    fn domain_and_division_errors() {
        assert!(matches!(
            Scalar::one().div(&Scalar::zero()),
            Err(Error::DivisionByZero { .. })
        ));
        assert!(matches!(Scalar::zero().ln(), Err(Error::Domain { .. })));
        assert!(matches!(s("-1").sqrt(), Err(Error::Domain { .. })));
        assert!(matches!(s("-8").pow(&s("1/3")), Err(Error::Domain { .. })));
        assert!(matches!(
            Scalar::zero().pow(&s("-1")),
            Err(Error::DivisionByZero { .. })
        ));
        assert!(matches!(s("1000").exp(), Err(Error::NotFinite { .. })));
    }

    #[test]
    fn huge_powers_hit_the_cap_before_computing() {
        let e = Scalar::int(2).pow(&Scalar::int(100_000));
        assert!(matches!(e, Err(Error::TooLarge { cap: MAX_BITS, .. })));
        // 2^4096 needs 4097 bits: one past the cap.
        assert!(Scalar::int(2).pow(&Scalar::int(4096)).is_err());
        assert!(Scalar::int(2).pow(&Scalar::int(4000)).is_ok());
        // ±1 and 0 to any power are cheap and exact.
        assert_eq!(s("-1").pow(&s("1000001")).unwrap(), s("-1"));
        assert_eq!(
            Scalar::zero().pow(&s("99999999999")).unwrap(),
            Scalar::zero()
        );
    }

    #[test]
    fn display_forms() {
        assert_eq!(s("-1/4").show(6), "-1/4 (-0.25)");
        assert_eq!(s("1/3").show(6), "1/3 (≈0.333333)");
        assert_eq!(s("-12").show(6), "-12");
        assert_eq!(s("1/1024").show(6), "1/1024 (0.0009765625)");
        assert_eq!(Scalar::Float(0.7310585786).show(6), "0.731059");
        assert_eq!(Scalar::Float(4.539_786_870_243_44e-5).show(5), "4.5398e-5");
        assert_eq!(Scalar::Float(-0.196_611_933).show(6), "-0.196612");
        assert_eq!(Scalar::Float(-1e-20).show(3), "-1e-20");
        assert_eq!(s("-4").show_operand(6), "(-4)");
        assert_eq!(s("3").show_operand(6), "3");
    }

    #[test]
    fn max_min_ties_pick_the_first() {
        assert_eq!(s("2").max(&s("-1")), s("2"));
        assert_eq!(s("2").min(&Scalar::Float(-1.0)), Scalar::Float(-1.0));
        assert_eq!(s("1").relu(), s("1"));
        assert_eq!(s("-1/2").relu(), Scalar::zero());
    }
}
