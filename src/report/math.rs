//! Formulas in two spellings: plain text for a terminal, LaTeX for
//! Markdown, the book and LaTeX output.
//!
//! A [`Math`] keeps its numbers as [`Scalar`]s, not as text: a report is
//! built with exact values, and each renderer spells the formula with its
//! own `--digits` ([`Math::plain`], [`Math::latex`]), through the one
//! function [`number`] (numbers among words have theirs,
//! [`super::words::Num::words`]). So a formula and the table beside it
//! cannot disagree on rounding.

use crate::scalar::Scalar;

/// A formula written twice: `∂f/∂q = z` and `\frac{\partial f}{\partial q} = z`.
///
/// Each spelling is kept as a template in which every number stands as a
/// placeholder character (one of Unicode's private-use code points,
/// U+F0000 + its index in `nums`); [`Math::plain`] and [`Math::latex`] put
/// the numbers in. A number may be in one spelling only (a plain spelling
/// with `1/4 (0.25)` beside a LaTeX one with `\frac{1}{4}`).
#[derive(Clone, Debug, PartialEq)]
pub struct Math {
    plain: String,
    latex: String,
    nums: Vec<Slot>,
}

/// A number of a formula and how it is written there.
#[derive(Clone, Debug, PartialEq)]
struct Slot {
    value: Scalar,
    shape: Shape,
    /// The LaTeX spelling is the plain one through [`latex_label`] (a
    /// formula whose LaTeX is made from its plain text), not [`latex_number`].
    latex_as_label: bool,
}

/// How a number is written in a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// As a value: `-1/4`, `0.731059`.
    Value,
    /// As an operand: a negative value in parentheses, `(-4)`.
    Operand,
    /// As a table shows it, with the decimal of a fraction: `1/4 (0.25)`.
    Shown,
}

/// First placeholder code point (Supplementary Private Use Area-A).
const SLOT0: u32 = 0xF0000;
/// How many numbers one formula can hold.
const SLOTS: u32 = 0xFFFE;

fn marker(k: usize) -> char {
    u32::try_from(k)
        .ok()
        .filter(|&k| k < SLOTS)
        .and_then(|k| char::from_u32(SLOT0 + k))
        .expect("a formula holds fewer than 65534 numbers")
}

fn slot_of(c: char) -> Option<usize> {
    let u = c as u32;
    (SLOT0..SLOT0 + SLOTS)
        .contains(&u)
        .then(|| (u - SLOT0) as usize)
}

/// `s` with every placeholder's index moved up by `by`.
fn shift(s: &str, by: usize) -> String {
    if by == 0 {
        return s.to_string();
    }
    s.chars()
        .map(|c| slot_of(c).map_or(c, |k| marker(k + by)))
        .collect()
}

/// A number as every formula (and a bare number among words,
/// [`super::words::Spell::Bare`]) writes it: an exact value whole (`-1/4`,
/// `3`), a rounded one to `digits` significant digits (`0.731059`,
/// `4.5e-5`). The one place that decides how a number of a formula is
/// rounded for display.
pub fn number(v: &Scalar, digits: usize) -> String {
    match v {
        Scalar::Exact(_) => v.exact_string().unwrap_or_default(),
        Scalar::Float(x) => crate::scalar::format_float(*x, digits),
    }
}

impl Slot {
    /// The number's plain and LaTeX spellings at `digits`.
    fn spell(&self, digits: usize) -> (String, String) {
        let (plain, latex) = match self.shape {
            Shape::Value => {
                let p = number(&self.value, digits);
                let l = latex_number(&p);
                (p, l)
            }
            // The parentheses stretch (`\left(…\right)`) only round a
            // fraction; round a plain number they are tight, `(-4)` (a
            // stretchy pair is set with space inside it in the book: "( −4 )").
            Shape::Operand => {
                let p = number(&self.value, digits);
                let l = latex_number(&p);
                if p.starts_with('-') {
                    let l = if l.contains("\\frac") {
                        format!("\\left({l}\\right)")
                    } else {
                        format!("({l})")
                    };
                    (format!("({p})"), l)
                } else {
                    (p, l)
                }
            }
            Shape::Shown => {
                let p = self.value.show(digits);
                let l = latex_number(&p);
                (p, l)
            }
        };
        if self.latex_as_label {
            let l = latex_label(&plain);
            (plain, l)
        } else {
            (plain, latex)
        }
    }
}

impl Math {
    /// A formula from its two spellings.
    pub fn new(plain: impl Into<String>, latex: impl Into<String>) -> Math {
        Math {
            plain: plain.into(),
            latex: latex.into(),
            nums: Vec::new(),
        }
    }

    /// A name or label of the expression language, e.g. `w0` → `w_{0}`.
    pub fn name(label: &str) -> Math {
        Math::new(label, latex_label(label))
    }

    fn slot(value: &Scalar, shape: Shape) -> Math {
        let m = marker(0).to_string();
        Math {
            plain: m.clone(),
            latex: m,
            nums: vec![Slot {
                value: value.clone(),
                shape,
                latex_as_label: false,
            }],
        }
    }

    /// A number as a value: `-1/4` → `-\frac{1}{4}`; a float is rounded
    /// when the formula is spelled, to the renderer's digits.
    pub fn num(v: &Scalar) -> Math {
        Math::slot(v, Shape::Value)
    }

    /// A number as an operand: negative values in parentheses, `(-4)`.
    /// The parentheses stretch (`\left(…\right)`) only round a fraction;
    /// round a plain number they are tight, `(-4)`.
    pub fn operand(v: &Scalar) -> Math {
        Math::slot(v, Shape::Operand)
    }

    /// A number as a table shows it: `1/4 (0.25)`, `3`, `0.731059`.
    pub fn shown(v: &Scalar) -> Math {
        Math::slot(v, Shape::Shown)
    }

    /// `∂a/∂b`; a label that is not a plain name is put in parentheses,
    /// `∂(x·y + z)/∂(x·y)`.
    pub fn partial(a: &str, b: &str) -> Math {
        let wrap = |l: &str| {
            if l.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '#')
            {
                l.to_string()
            } else {
                format!("({l})")
            }
        };
        let (a, b) = (&wrap(a), &wrap(b));
        Math::new(
            format!("∂{a}/∂{b}"),
            format!(
                "\\frac{{\\partial {}}}{{\\partial {}}}",
                latex_label(a),
                latex_label(b)
            ),
        )
    }

    /// Join formulas with a separator given in both spellings.
    pub fn join(parts: &[Math], plain_sep: &str, latex_sep: &str) -> Math {
        let mut out = Math::new("", "");
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                out.plain.push_str(plain_sep);
                out.latex.push_str(latex_sep);
            }
            let by = out.nums.len();
            out.plain.push_str(&shift(&p.plain, by));
            out.latex.push_str(&shift(&p.latex, by));
            out.nums.extend(p.nums.iter().cloned());
        }
        out
    }

    /// Formulas one after the other: `Math::cat(&[Math::new("σ(", "\\sigma("), Math::num(z), Math::new(")", ")")])`.
    pub fn cat(parts: &[Math]) -> Math {
        Math::join(parts, "", "")
    }

    /// `self = other`.
    pub fn eq(&self, other: &Math) -> Math {
        Math::join(&[self.clone(), other.clone()], " = ", " = ")
    }

    /// The formula with its plain spelling only (the LaTeX one empty), to
    /// be joined with one that has the LaTeX spelling only.
    pub fn plain_only(mut self) -> Math {
        self.latex.clear();
        self
    }

    /// The formula with its LaTeX spelling only (see [`Math::plain_only`]).
    pub fn latex_only(mut self) -> Math {
        self.plain.clear();
        self
    }

    /// The formula with its LaTeX made from its plain spelling by
    /// [`latex_label`], its numbers included (`a(1 - a) = 1/2·(1 - 1/2)`
    /// → `a(1 - a) = 1/2 \cdot (1 - 1/2)`).
    pub fn latex_from_plain(mut self) -> Math {
        self.latex = latex_label(&self.plain);
        for n in &mut self.nums {
            n.latex_as_label = true;
        }
        self
    }

    /// The formula with both spellings rewritten by `plain` and `latex`,
    /// which see each number as a placeholder and must keep it (a
    /// translation, a renamed symbol).
    pub fn rewrite(&self, plain: impl Fn(&str) -> String, latex: impl Fn(&str) -> String) -> Math {
        Math {
            plain: plain(&self.plain),
            latex: latex(&self.latex),
            nums: self.nums.clone(),
        }
    }

    /// The plain spelling of a formula without numbers (a rule, a name),
    /// for searching it and for titles; a number stands there as its
    /// placeholder, so spell a formula with numbers by [`Math::plain`].
    pub fn words(&self) -> &str {
        debug_assert!(self.nums.is_empty(), "words() of a formula with numbers");
        &self.plain
    }

    /// True when the formula holds no numbers.
    pub fn has_numbers(&self) -> bool {
        !self.nums.is_empty()
    }

    /// The plain spelling, floats rounded to `digits` significant digits.
    pub fn plain(&self, digits: usize) -> String {
        self.fill(&self.plain, digits, |s| s.0)
    }

    /// The LaTeX spelling, floats rounded to `digits` significant digits.
    pub fn latex(&self, digits: usize) -> String {
        self.fill(&self.latex, digits, |s| s.1)
    }

    fn fill(&self, template: &str, digits: usize, pick: fn((String, String)) -> String) -> String {
        if self.nums.is_empty() {
            return template.to_string();
        }
        let mut out = String::with_capacity(template.len() + 8 * self.nums.len());
        for c in template.chars() {
            match slot_of(c).and_then(|k| self.nums.get(k)) {
                Some(slot) => out.push_str(&pick(slot.spell(digits))),
                None => out.push(c),
            }
        }
        out
    }

    /// The same formula with its numbers written in, at `digits`: what
    /// JSON holds (its `plain` and `latex` are strings).
    pub fn spelled(&self, digits: usize) -> Math {
        Math::new(self.plain(digits), self.latex(digits))
    }
}

/// JSON writes a formula as `{"plain": …, "latex": …}`; its numbers must be
/// written in first ([`Math::spelled`], which [`crate::render::json`] does
/// with the renderer's digits).
impl serde::Serialize for Math {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeStruct};
        if self.has_numbers() {
            return Err(S::Error::custom(
                "a formula's numbers are spelled (Math::spelled) before it is serialized",
            ));
        }
        let mut m = s.serialize_struct("Math", 2)?;
        m.serialize_field("plain", &self.plain)?;
        m.serialize_field("latex", &self.latex)?;
        m.end()
    }
}

/// LaTeX for a plain number string: `-1/4` → `-\frac{1}{4}`, `1e-5` → `1 \times 10^{-5}`.
pub fn latex_number(plain: &str) -> String {
    let (sign, body) = match plain.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", plain),
    };
    if let Some((n, d)) = body.split_once('/') {
        return format!("{sign}\\frac{{{n}}}{{{d}}}");
    }
    if let Some((m, e)) = body.split_once('e') {
        return format!("{sign}{m} \\times 10^{{{e}}}");
    }
    plain.to_string()
}

/// LaTeX for a label of the expression language. Names get subscripts
/// (`w0` → `w_{0}`, `h_1` → `h_{1}`), long names upright text, `·` becomes
/// `\cdot`, `σ` becomes `\sigma`.
pub fn latex_label(label: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = label.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c.is_ascii_alphabetic() {
            let start = k;
            while k < chars.len() && (chars[k].is_ascii_alphanumeric() || chars[k] == '_') {
                k += 1;
            }
            let word: String = chars[start..k].iter().collect();
            out.push_str(&latex_identifier(&word));
            continue;
        }
        match c {
            '·' | '*' => out.push_str(" \\cdot "),
            '×' => out.push_str(" \\times "),
            'σ' => out.push_str("\\sigma"),
            '∂' => out.push_str("\\partial "),
            '≥' => out.push_str(" \\ge "),
            '≤' => out.push_str(" \\le "),
            '√' => out.push_str("\\sqrt"),
            '²' => out.push_str("^{2}"),
            // `u^(2 - 1)` and `x^10`: the whole exponent goes in braces,
            // or LaTeX raises only its first character.
            '^' if k + 2 < chars.len() && exponent_end(&chars, k + 1) > k + 2 => {
                let end = exponent_end(&chars, k + 1);
                let exp: String = chars[k + 1..end].iter().collect();
                out.push_str(&format!("^{{{}}}", latex_label(&exp)));
                k = end;
                continue;
            }
            '{' | '}' | '%' | '#' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        k += 1;
    }
    out
}

/// Where the exponent that starts at `from` ends: a parenthesised group,
/// or a run of letters, digits and `_`, or one character.
fn exponent_end(chars: &[char], from: usize) -> usize {
    if chars[from] == '(' {
        let mut depth = 0;
        for (i, &c) in chars.iter().enumerate().skip(from) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
        }
        return chars.len();
    }
    let run = chars[from..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '.')
        .count();
    from + run.max(1)
}

fn latex_identifier(word: &str) -> String {
    const FUNCS: &[&str] = &["exp", "ln", "tanh", "max", "min", "sign"];
    if FUNCS.contains(&word) {
        return format!("\\{word}");
    }
    if matches!(word, "relu" | "sqrt" | "abs" | "sigmoid") {
        return format!("\\operatorname{{{word}}}");
    }
    let (stem, sub) = match word.split_once('_') {
        Some((s, rest)) => (s.to_string(), rest.to_string()),
        None => {
            let cut = word
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(word.len());
            (word[..cut].to_string(), word[cut..].to_string())
        }
    };
    let stem = if stem.chars().count() > 1 {
        format!("\\mathrm{{{stem}}}")
    } else {
        stem
    };
    if sub.is_empty() {
        stem
    } else {
        format!("{stem}_{{{}}}", sub.replace('_', "\\_"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numbers_in_latex() {
        assert_eq!(latex_label("w0"), "w_{0}");
        assert_eq!(latex_label("h_1"), "h_{1}");
        assert_eq!(latex_label("x·y"), "x \\cdot y");
        assert_eq!(latex_label("out"), "\\mathrm{out}");
        assert_eq!(latex_label("exp(h3)"), "\\exp(h_{3})");
        assert_eq!(latex_label("2·u^(2 - 1)"), "2 \\cdot u^{(2 - 1)}");
        assert_eq!(latex_label("x^10"), "x^{10}");
        assert_eq!(latex_number("-1/4"), "-\\frac{1}{4}");
        assert_eq!(latex_number("4.5e-5"), "4.5 \\times 10^{-5}");
        assert_eq!(Math::operand(&Scalar::int(-4)).plain(6), "(-4)");
        assert_eq!(
            Math::partial("f", "q").latex(6),
            "\\frac{\\partial f}{\\partial q}"
        );
    }

    #[test]
    fn numbers_are_spelled_in_order_at_the_digits_asked() {
        // 1/3 as a float is 0.333 to 3 significant digits, 0.333333 to 6;
        // -1/4 stays exact whatever the digits.
        let third = Scalar::Float(1.0 / 3.0);
        let quarter = Scalar::parse("-1/4").unwrap();
        let m = Math::join(
            &[
                Math::num(&third),
                Math::operand(&quarter),
                Math::num(&third),
            ],
            " × ",
            " \\times ",
        );
        assert_eq!(m.plain(3), "0.333 × (-1/4) × 0.333");
        assert_eq!(m.plain(6), "0.333333 × (-1/4) × 0.333333");
        assert_eq!(
            m.latex(3),
            "0.333 \\times \\left(-\\frac{1}{4}\\right) \\times 0.333"
        );
        // a joined formula keeps each number with its own place
        let e = Math::name("a").eq(&m);
        assert_eq!(e.plain(3), "a = 0.333 × (-1/4) × 0.333");
        // a number in one spelling only
        let both = Math::cat(&[
            Math::shown(&Scalar::ratio(1, 4)).plain_only(),
            Math::num(&Scalar::ratio(1, 4)).latex_only(),
        ]);
        assert_eq!(both.plain(6), "1/4 (0.25)");
        assert_eq!(both.latex(6), "\\frac{1}{4}");
        // LaTeX made from the plain text keeps the number as written there
        let l = Math::cat(&[Math::new("z = ", ""), Math::num(&quarter)]).latex_from_plain();
        assert_eq!(l.latex(6), "z = -1/4");
        // a rewrite sees the numbers as placeholders and keeps them
        let r = e.rewrite(|p| p.replace('a', "b"), str::to_string);
        assert_eq!(r.plain(3), "b = 0.333 × (-1/4) × 0.333");
    }

    #[test]
    fn a_formula_is_serialized_only_with_its_numbers_written_in() {
        let m = Math::name("x").eq(&Math::num(&Scalar::Float(0.5)));
        assert!(serde_json::to_string(&m).is_err());
        assert_eq!(
            serde_json::to_string(&m.spelled(6)).unwrap(),
            r#"{"plain":"x = 0.5","latex":"x = 0.5"}"#
        );
    }
}
