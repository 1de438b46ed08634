//! Is a written value right under a policy's precision and tolerance, and
//! if not, is it the right value merely written too short or cut off?
//!
//! A decimal with d places "is the value rounded to its places" when it is
//! within half a unit of its last place: |given − value| ≤ ½·10⁻ᵈ (a tie
//! accepts both neighbours). It is right when that holds and it has the
//! places the policy asks for, or when it is the value itself.

use super::answers::Answer;
use super::policy::{Policy, Precision};
use crate::scalar::Scalar;

/// The same number: equal exactly, or as floats to 12 significant digits.
pub fn same(a: &Scalar, w: &Scalar) -> bool {
    if a.is_exact() && w.is_exact() {
        return a == w;
    }
    let (x, y) = (a.to_f64(), w.to_f64());
    (x - y).abs() <= 1e-12 * y.abs().max(1.0)
}

/// The decimal places an answer is written with: a decimal's places, 0 for
/// an integer, `None` for a fraction or a power of ten.
pub fn written_places(a: &Answer) -> Option<usize> {
    let t = a.text.to_ascii_lowercase();
    match a.decimals {
        Some(d) => Some(d),
        None if !t.contains('/') && !t.contains('e') => Some(0),
        None => None,
    }
}

/// |a − w| ≤ half a unit in the d-th decimal place (ties count).
pub fn within_half_unit(a: &Scalar, w: &Scalar, d: i32) -> bool {
    let half = 0.5 * 10f64.powi(-d);
    let diff = (a.to_f64() - w.to_f64()).abs();
    diff <= half * (1.0 + 1e-9) + 1e-12 * w.to_f64().abs().max(1.0)
}

/// Significant figures of a number as written: `0.004560` has 4, `120` has
/// 2, `-3.0` has 2.
pub fn significant_figures(text: &str) -> usize {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    if text.contains('.') {
        trimmed.len()
    } else {
        trimmed.trim_end_matches('0').len()
    }
}

/// The place (as a power of ten) of the last significant figure when `w`
/// is written with `s` figures: 0.7311 at s = 4 is -4.
fn last_figure(w: &Scalar, s: u32) -> i32 {
    let x = w.to_f64().abs();
    let lead = if x == 0.0 {
        0
    } else {
        x.log10().floor() as i32
    };
    lead - s as i32 + 1
}

/// Enough places (or figures) for the policy.
fn enough(a: &Answer, places: usize, p: Precision) -> bool {
    match p {
        Precision::Decimals(d) => places >= d as usize,
        Precision::Significant(s) => significant_figures(&a.text) >= s as usize,
    }
}

/// Right under the precision rule (see the module doc). A fraction or a
/// power of ten, which has no places of its own, is right within half a
/// unit of the required precision.
pub fn precise(a: &Answer, w: &Scalar, p: Precision) -> bool {
    if same(&a.value, w) {
        return true;
    }
    match written_places(a) {
        Some(d) => within_half_unit(&a.value, w, d as i32) && enough(a, d, p),
        None => {
            let d = match p {
                Precision::Decimals(d) => d as i32,
                Precision::Significant(s) => -last_figure(w, s),
            };
            within_half_unit(&a.value, w, d)
        }
    }
}

/// The value rounded to the answer's own places, but fewer places than the
/// policy asks for (`1.0` for 0.952574 at 4 decimals).
pub fn too_short(a: &Answer, w: &Scalar, p: Precision) -> Option<usize> {
    let d = written_places(a)?;
    (!same(&a.value, w) && within_half_unit(&a.value, w, d as i32) && !enough(a, d, p)).then_some(d)
}

/// Within the policy's absolute or relative tolerance.
pub fn in_tolerance(a: &Scalar, w: &Scalar, policy: &Policy) -> bool {
    let diff = (a.to_f64() - w.to_f64()).abs();
    let slack = 1e-12 * w.to_f64().abs().max(1.0);
    policy
        .tolerance
        .as_ref()
        .is_some_and(|t| diff <= t.to_f64() + slack)
        || policy
            .rel_tolerance
            .as_ref()
            .is_some_and(|r| diff <= r.to_f64() * w.to_f64().abs() + slack)
}

/// `w` cut off (toward zero) after the answer's places, where rounding
/// gives something else: -0.8934 for -0.893493. Returns the rounded value.
pub fn truncated(a: &Answer, w: &Scalar) -> Option<Scalar> {
    let d = a.decimals.filter(|&d| d >= 1)? as u32;
    let rounded = crate::rounding::round(w, d).ok()?;
    let scale = 10f64.powi(d as i32);
    let cut = (w.to_f64() * scale).trunc() / scale;
    let is_cut = (a.value.to_f64() - cut).abs() <= 1e-9 / scale;
    (is_cut && !same(&a.value, &rounded) && !same(&a.value, w)).then_some(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ans(t: &str) -> Answer {
        Answer {
            name: "x".into(),
            text: t.into(),
            value: Scalar::parse(t).unwrap(),
            decimals: super::super::answers::places(t),
        }
    }

    fn n(t: &str) -> Scalar {
        Scalar::parse(t).unwrap()
    }

    const FOUR: Precision = Precision::Decimals(4);

    #[test]
    fn the_sheet_rule_four_decimals_or_exact() {
        // σ(3) = 0.952574…: 0.9526 (4 places, rounded) is right; 1.0 is the
        // value rounded to 1 place, too short; 0.9525 is cut off.
        let w = Scalar::Float(0.952_574_126_822_433);
        assert!(precise(&ans("0.9526"), &w, FOUR));
        assert!(precise(&ans("0.952574"), &w, FOUR));
        assert!(!precise(&ans("1.0"), &w, FOUR));
        assert_eq!(too_short(&ans("1.0"), &w, FOUR), Some(1));
        assert!(!precise(&ans("0.9525"), &w, FOUR));
        // -17/4 = -4.25 exactly: -4.25 is the value; -4.3 and -4.2 are the
        // value to 1 place (ties at .x5 accept both) but not 4 decimals.
        let w = n("-17/4");
        assert!(precise(&ans("-4.25"), &w, FOUR));
        assert!(precise(&ans("-4.2500"), &w, FOUR));
        assert!(!precise(&ans("-4.3"), &w, FOUR) && !precise(&ans("-4.2"), &w, FOUR));
        assert_eq!(too_short(&ans("-4.3"), &w, FOUR), Some(1));
        // -0.00091 to 4 places is -0.0009; 0.0 is too short, 0.0000 wrong.
        let w = n("-0.00091");
        assert!(precise(&ans("-0.0009"), &w, FOUR));
        assert!(!precise(&ans("0.0"), &w, FOUR));
        assert!(!precise(&ans("0.0000"), &w, FOUR));
        // 1/3 has no exact decimal: 0.3333 is right, "1/3" is the value.
        assert!(precise(&ans("0.3333"), &n("1/3"), FOUR));
        assert!(precise(&ans("1/3"), &n("1/3"), FOUR));
        assert!(!precise(&ans("0.333"), &n("1/3"), FOUR));
    }

    #[test]
    fn significant_figures_and_fractions() {
        assert_eq!(significant_figures("0.004560"), 4);
        assert_eq!(significant_figures("120"), 2);
        assert_eq!(significant_figures("-3.0"), 2);
        // 0.000711 to 3 figures: 0.000711 right, 0.0007 (1 figure) not.
        let w = Scalar::Float(0.000_711_2);
        let three = Precision::Significant(3);
        assert!(precise(&ans("0.000711"), &w, three));
        assert!(!precise(&ans("0.0007"), &w, three));
        // A fraction for a rounded value: right within ½·10⁻⁴.
        let w = Scalar::Float(0.666_67);
        assert!(precise(&ans("2/3"), &w, FOUR));
        assert!(!precise(&ans("3/5"), &w, FOUR));
    }

    #[test]
    fn truncation_is_named_only_when_rounding_differs() {
        // -0.893493 cut to 4 places is -0.8934, rounded -0.8935.
        let w = Scalar::Float(-0.893_493);
        assert_eq!(truncated(&ans("-0.8934"), &w), Some(n("-0.8935")));
        assert_eq!(truncated(&ans("-0.8935"), &w), None);
        // 0.731059 cut and rounded to 3 places are both 0.731: not a slip.
        assert_eq!(truncated(&ans("0.731"), &Scalar::Float(0.731_059)), None);
        assert_eq!(
            truncated(&ans("0.7310"), &Scalar::Float(0.731_059)),
            Some(n("0.7311"))
        );
    }

    #[test]
    fn tolerances() {
        let p = Policy {
            tolerance: Some(n("0.01")),
            ..Policy::default()
        };
        assert!(in_tolerance(&n("-0.60"), &n("-0.595"), &p));
        assert!(!in_tolerance(&n("-0.60"), &Scalar::Float(-0.589_836), &p));
        let p = Policy {
            rel_tolerance: Some(n("0.05")),
            ..Policy::default()
        };
        assert!(in_tolerance(&n("105"), &n("100"), &p));
        assert!(!in_tolerance(&n("106"), &n("100"), &p));
    }
}
