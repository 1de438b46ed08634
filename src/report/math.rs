//! Formulas in two spellings: plain text for a terminal, LaTeX for
//! Markdown, the book and LaTeX output.

use crate::scalar::Scalar;

/// A formula written twice: `∂f/∂q = z` and `\frac{\partial f}{\partial q} = z`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Math {
    pub plain: String,
    pub latex: String,
}

impl Math {
    /// A formula from its two spellings.
    pub fn new(plain: impl Into<String>, latex: impl Into<String>) -> Math {
        Math {
            plain: plain.into(),
            latex: latex.into(),
        }
    }

    /// A name or label of the expression language, e.g. `w0` → `w_{0}`.
    pub fn name(label: &str) -> Math {
        Math::new(label, latex_label(label))
    }

    /// A number as a value: `-1/4` → `-\frac{1}{4}`; rounded floats as is.
    pub fn num(v: &Scalar, digits: usize) -> Math {
        let plain = match v {
            Scalar::Exact(_) => v.exact_string().unwrap_or_default(),
            Scalar::Float(x) => crate::scalar::format_float(*x, digits),
        };
        Math::new(plain.clone(), latex_number(&plain))
    }

    /// A number as an operand: negative values in parentheses, `(-4)`.
    /// The parentheses stretch (`\left(…\right)`) only round a fraction;
    /// round a plain number they are tight, `(-4)` (a stretchy pair is set
    /// with space inside it in the book: "( −4 )").
    pub fn operand(v: &Scalar, digits: usize) -> Math {
        let m = Math::num(v, digits);
        if m.plain.starts_with('-') {
            let latex = if m.latex.contains("\\frac") {
                format!("\\left({}\\right)", m.latex)
            } else {
                format!("({})", m.latex)
            };
            Math::new(format!("({})", m.plain), latex)
        } else {
            m
        }
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
        Math::new(
            parts
                .iter()
                .map(|p| p.plain.as_str())
                .collect::<Vec<_>>()
                .join(plain_sep),
            parts
                .iter()
                .map(|p| p.latex.as_str())
                .collect::<Vec<_>>()
                .join(latex_sep),
        )
    }

    /// `self = other`.
    pub fn eq(&self, other: &Math) -> Math {
        Math::join(&[self.clone(), other.clone()], " = ", " = ")
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
        assert_eq!(Math::operand(&Scalar::int(-4), 6).plain, "(-4)");
        assert_eq!(
            Math::partial("f", "q").latex,
            "\\frac{\\partial f}{\\partial q}"
        );
    }
}
