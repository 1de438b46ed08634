//! How a renderer writes a value of a table: one function, [`value`], for
//! the terminal, Markdown (and so the book) and LaTeX, so that they agree on
//! when a fraction is too long to read and how a negative value is signed.
//! JSON keeps every exact value whole (`exact`), whatever these rules say.

use crate::scalar::Scalar;

/// Most digits (numerator and denominator together) an exact fraction is
/// shown with; a longer one is shown as its decimal, the fraction kept for
/// `--exact-long`, the book's tooltip and the JSON.
pub const LONG_DIGITS: usize = 12;

/// A value as a renderer writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// `3`, `-1/4 (-0.25)`, `0.731059`, or for a long fraction its
    /// decimal: `≈13.6646`.
    pub text: String,
    /// The whole fraction when `text` leaves it out: `466945159207571/34171875000000`.
    pub exact: Option<String>,
}

/// True for an exact fraction (not a whole number) whose numerator and
/// denominator have more than [`LONG_DIGITS`] digits together:
/// 466945159207571/34171875000000 (29 digits), not 44576/34171875 (13) …
/// which is long too; 1476179/67500 (12) is not.
pub fn is_long(v: &Scalar) -> bool {
    v.as_exact().is_some_and(|r| {
        !r.is_integer()
            && r.numer().magnitude().to_string().len() + r.denom().to_string().len() > LONG_DIGITS
    })
}

/// The value as a table shows it: [`Scalar::show`], except that a long
/// fraction ([`is_long`]) is shown as its decimal unless `exact_long`.
pub fn value(v: &Scalar, digits: usize, exact_long: bool) -> Shown {
    if is_long(v) && !exact_long {
        Shown {
            text: v.decimal(digits),
            exact: v.exact_string(),
        }
    } else {
        Shown {
            text: v.show(digits),
            exact: None,
        }
    }
}

/// The true minus sign (U+2212) for the sign of each number in `s`: a `-`
/// right before a digit (or `.5`) at the start or after a space, `(`, `[`,
/// `{`, `,`, `;`, `≈`, `←` or `×`. Hyphens in words (`mini-batch`),
/// exponents (`1e-6`), differences written tight (`a-b`), flags (`--set`),
/// arguments (`x=-2`) and everything inside `` `code` `` stay as written,
/// so a command can still be copied into a shell.
pub fn minus(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut code = false;
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            code = !code;
        }
        let next = chars.peek().copied();
        let signs = |p: Option<char>| p.is_none_or(|p| p.is_whitespace() || "([{,;≈←×".contains(p));
        let number_follows = next.is_some_and(|n| n.is_ascii_digit() || n == '.');
        if c == '-' && !code && number_follows && signs(prev) {
            out.push('−');
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(p: &str) -> Scalar {
        Scalar::parse(p).unwrap()
    }

    #[test]
    fn a_fraction_past_twelve_digits_is_shown_as_its_decimal() {
        // 466945159207571/34171875000000 = 13.66460… (gradient-descent/2, step 3)
        let long = q("466945159207571/34171875000000");
        assert!(is_long(&long));
        let s = value(&long, 6, false);
        assert_eq!(s.text, "≈13.6646");
        assert_eq!(s.exact.as_deref(), Some("466945159207571/34171875000000"));
        assert_eq!(value(&long, 6, true).text, long.show(6));
        assert_eq!(value(&long, 6, true).exact, None);
        // 12 digits stay: 1476179/67500 (7 + 5)
        assert!(!is_long(&q("1476179/67500")));
        assert_eq!(
            value(&q("1476179/67500"), 6, false).text,
            "1476179/67500 (≈21.8693)"
        );
        // 13 digits: 44576/34171875 (5 + 8); the sign does not count
        assert!(is_long(&q("-44576/34171875")));
        assert_eq!(value(&q("-44576/34171875"), 6, false).text, "≈-0.00130446");
        // a long fraction whose decimal ends is exact as a decimal:
        // 123456789/1000 = 123456.789
        assert_eq!(value(&q("123456789/1000"), 6, false).text, "123456.789");
        // whole numbers are never shortened, floats stay as they are
        assert!(!is_long(&q("12345678901234567890")));
        assert!(!is_long(&Scalar::Float(1.0 / 3.0)));
    }

    #[test]
    fn only_the_sign_of_a_number_becomes_the_true_minus() {
        assert_eq!(minus("x = -2, y = 5"), "x = −2, y = 5");
        assert_eq!(minus("-1/4 (-0.25)"), "−1/4 (−0.25)");
        assert_eq!(minus("x ← -4, y ← -4"), "x ← −4, y ← −4");
        assert_eq!(
            minus("U(-0.01, 0.01) ≈-0.5 [-3, 3]"),
            "U(−0.01, 0.01) ≈−0.5 [−3, 3]"
        );
        assert_eq!(minus("-.5"), "−.5");
        // words, exponents, flags, tight differences and code stay
        for s in [
            "mini-batch",
            "1e-6",
            "e^(-z)",
            "--set x=3",
            "a-1",
            "`--set x=-3`",
            "f(v+h) - f(v-h)",
            "--at x=-2,y=5",
        ] {
            assert_eq!(minus(s), s);
        }
        assert_eq!(minus("at -2: `--set x=-2`"), "at −2: `--set x=-2`");
    }
}
