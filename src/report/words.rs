//! Numbers in words: a paragraph, a table cell, a title or a legend that
//! quotes a value keeps the value as a [`Scalar`] ([`Num`]) and a `{}`
//! where it goes ([`Sentence`]). The report is built with exact values and
//! no digits; each renderer writes the numbers with its own `--digits`
//! ([`Num::words`], [`Sentence::fill`], [`super::Table::written`]), as
//! it writes the numbers of formulas ([`super::math::number`]) and tables
//! ([`crate::render::number::value`]). So a sentence and the table beside
//! it cannot disagree on rounding.

use crate::scalar::Scalar;

/// How a number is written among words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spell {
    /// As a table writes a value ([`crate::render::number::value`]): a
    /// fraction too long to read as its decimal, the whole fraction with
    /// `--exact-long` and on hover in the book. Paragraphs only; anywhere
    /// else it is written as [`Spell::Shown`].
    Table,
    /// With the decimal of a fraction: `1/4 (0.25)`, `3`, `0.731059`
    /// ([`Scalar::show`]).
    Shown,
    /// As a factor of a product written out: `(-4)`, `(1/4)`, `0.5`
    /// ([`Scalar::show_operand`]).
    Operand,
    /// Bare: `-1/4`, `0.731059` ([`super::math::number`]).
    Bare,
    /// Bare, in parentheses when negative, as a formula writes an operand
    /// ([`super::Math::operand`]): `(-4)`, `1/4`.
    Signed,
}

/// A number among words, and how it is written there.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    pub value: Scalar,
    pub spell: Spell,
}

impl Num {
    /// Written as a table writes it ([`Spell::Table`]).
    pub fn table(v: &Scalar) -> Num {
        Num::of(v, Spell::Table)
    }

    /// Written with its decimal: `1/4 (0.25)` ([`Spell::Shown`]).
    pub fn shown(v: &Scalar) -> Num {
        Num::of(v, Spell::Shown)
    }

    /// Written as a factor: `(-4)` ([`Spell::Operand`]).
    pub fn operand(v: &Scalar) -> Num {
        Num::of(v, Spell::Operand)
    }

    /// Written bare: `-1/4` ([`Spell::Bare`]).
    pub fn bare(v: &Scalar) -> Num {
        Num::of(v, Spell::Bare)
    }

    /// Written bare, in parentheses when negative: `(-4)`, `1/4`
    /// ([`Spell::Signed`]).
    pub fn signed(v: &Scalar) -> Num {
        Num::of(v, Spell::Signed)
    }

    fn of(v: &Scalar, spell: Spell) -> Num {
        Num {
            value: v.clone(),
            spell,
        }
    }

    /// The number as words write it, floats rounded to `digits`
    /// significant digits; a [`Spell::Table`] number as [`Spell::Shown`].
    /// The one place a number among words is rounded for display.
    pub fn words(&self, digits: usize) -> String {
        match self.spell {
            Spell::Table | Spell::Shown => self.value.show(digits),
            Spell::Operand => self.value.show_operand(digits),
            Spell::Bare => super::math::number(&self.value, digits),
            Spell::Signed => match super::math::number(&self.value, digits) {
                n if n.starts_with('-') => format!("({n})"),
                n => n,
            },
        }
    }
}

/// Words with numbers in them: `text` has a `{}` where each of `nums`
/// goes, in order. A translation keeps the `{}`s (and their order).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Sentence {
    pub text: String,
    pub nums: Vec<Num>,
}

impl From<&str> for Sentence {
    fn from(s: &str) -> Sentence {
        Sentence::new(s, Vec::new())
    }
}

impl From<Num> for Sentence {
    fn from(n: Num) -> Sentence {
        Sentence::new("{}", vec![n])
    }
}

impl Sentence {
    /// Words with a `{}` for each of `nums`.
    pub fn new(text: impl Into<String>, nums: Vec<Num>) -> Sentence {
        let text = text.into();
        debug_assert_eq!(
            text.matches("{}").count(),
            nums.len(),
            "one number for each {{}} of {text:?}"
        );
        Sentence { text, nums }
    }

    /// Append words (which hold no `{}`).
    pub fn push_words(&mut self, w: &str) {
        debug_assert!(!w.contains("{}"), "words with a hole: {w:?}");
        self.text.push_str(w);
    }

    /// Append a number.
    pub fn push_num(&mut self, n: Num) {
        self.text.push_str("{}");
        self.nums.push(n);
    }

    /// Append another sentence.
    pub fn push(&mut self, other: Sentence) {
        self.text.push_str(&other.text);
        self.nums.extend(other.nums);
    }

    /// The sentence followed by `text`, whose `{}`s take `nums`.
    pub fn then(mut self, text: &str, nums: Vec<Num>) -> Sentence {
        self.push(Sentence::new(text, nums));
        self
    }

    /// `inner` between `open` and `close`: `(1/2, 3)`, `[2, 1; 0, 4]`.
    pub fn enclosed(open: &str, inner: Sentence, close: &str) -> Sentence {
        let mut s = Sentence::from(open);
        s.push(inner);
        s.push_words(close);
        s
    }

    /// The pieces joined by `sep`: `1/2, 3, (-4)`.
    pub fn join(pieces: impl IntoIterator<Item = Sentence>, sep: &str) -> Sentence {
        let mut out = Sentence::default();
        for (i, p) in pieces.into_iter().enumerate() {
            if i > 0 {
                out.push_words(sep);
            }
            out.push(p);
        }
        out
    }

    /// Every number written as words write it ([`Num::words`]): what
    /// JSON, a table cell, a title and a legend show.
    pub fn plain(&self, digits: usize) -> String {
        self.fill(digits, str::to_string, |v| (v.show(digits), false))
    }

    /// The words with each number in. Numbers written as words
    /// ([`Num::words`] at `digits`) go in first, and the words around
    /// them pass through `words` as one piece; each [`Spell::Table`]
    /// number goes through `table`, which also says whether it wrote the
    /// number as an approximation (`≈0.0013`): then a `= ` before it gives
    /// way, `J ≈ 0.0013` rather than `J = ≈0.0013`.
    pub fn fill(
        &self,
        digits: usize,
        words: impl Fn(&str) -> String,
        table: impl Fn(&Scalar) -> (String, bool),
    ) -> String {
        // Numbers written as words become words; a table number keeps its `{}`.
        let mut text = String::with_capacity(self.text.len());
        let mut tables = Vec::new();
        let mut nums = self.nums.iter();
        for (i, piece) in self.text.split("{}").enumerate() {
            if i > 0
                && let Some(n) = nums.next()
            {
                match n.spell {
                    Spell::Table => {
                        text.push_str("{}");
                        tables.push(&n.value);
                    }
                    _ => text.push_str(&n.words(digits)),
                }
            }
            text.push_str(piece);
        }
        let mut tables = tables.into_iter();
        let mut out = String::new();
        for (i, piece) in text.split("{}").enumerate() {
            if i > 0
                && let Some(v) = tables.next()
            {
                let (n, approx) = table(v);
                if approx && out.ends_with("= ") {
                    // `J = ≈0.0013` reads as `J ≈ 0.0013`: the sign takes
                    // the place of `=`, spaced as `=` was.
                    out.truncate(out.len() - "= ".len());
                    out.push_str(&n.replacen('≈', "≈ ", 1));
                } else {
                    out.push_str(&n);
                }
            }
            out.push_str(&words(piece));
        }
        out
    }
}

/// Fill the `{}`s of `texts`, in order, with `nums` written as words at
/// `digits`; `nums` holds the numbers of every text, one after another.
/// (A table's title and column names, a figure's legend.)
pub fn fill_texts<'a>(
    texts: impl IntoIterator<Item = &'a mut String>,
    nums: &[Num],
    digits: usize,
) {
    let mut nums = nums.iter();
    for t in texts {
        let holes = t.matches("{}").count();
        let mine: Vec<Num> = nums.by_ref().take(holes).cloned().collect();
        *t = Sentence::new(std::mem::take(t), mine).plain(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(t: &str) -> Scalar {
        Scalar::parse(t).unwrap()
    }

    #[test]
    fn a_sentence_puts_each_number_where_its_braces_are() {
        let s = Sentence::new(
            "After {} steps J = {}; the minimum is J = 0.",
            vec![Num::table(&q("3")), Num::table(&q("44576/34171875"))],
        );
        // every number exact, as JSON writes them
        assert_eq!(
            s.plain(6),
            "After 3 steps J = 44576/34171875 (≈0.00130446); the minimum is J = 0."
        );
        // a number written as an approximation takes the place of its `= `
        let approx = |v: &Scalar| match v.as_exact().is_some_and(|r| r.is_integer()) {
            true => (v.show(6), false),
            false => ("≈0.0013".to_string(), true),
        };
        assert_eq!(
            s.fill(6, str::to_uppercase, approx),
            "AFTER 3 STEPS J ≈ 0.0013; THE MINIMUM IS J = 0."
        );
    }

    #[test]
    fn numbers_among_words_are_rounded_by_the_digits_they_are_written_with() {
        // σ(1) = 0.7310585786…, 1/4 exact, -4 as a factor.
        let sig = Scalar::Float(1.0f64.exp() / (1.0 + 1.0f64.exp()));
        let s = Sentence::new(
            "σ(1) = {}, {}·{} = {}",
            vec![
                Num::shown(&sig),
                Num::operand(&q("1/4")),
                Num::operand(&q("-4")),
                Num::bare(&q("-1")),
            ],
        );
        assert_eq!(s.plain(3), "σ(1) = 0.731, (1/4)·(-4) = -1");
        assert_eq!(s.plain(6), "σ(1) = 0.731059, (1/4)·(-4) = -1");
        // a signed number is bare unless negative, as Math::operand writes it
        let signed = Sentence::new(
            "{} + {}",
            vec![Num::signed(&q("1/4")), Num::signed(&q("-4"))],
        );
        assert_eq!(signed.plain(6), "1/4 + (-4)");
        assert_eq!(
            signed.plain(6),
            format!(
                "{} + {}",
                super::super::Math::operand(&q("1/4")).plain(6),
                super::super::Math::operand(&q("-4")).plain(6)
            )
        );
        // words around a number written as words pass through `words` as
        // one piece, as a paragraph without numbers would
        assert_eq!(
            s.fill(3, |w| format!("<{w}>"), |_| unreachable!()),
            "<σ(1) = 0.731, (1/4)·(-4) = -1>"
        );
    }

    #[test]
    fn texts_take_their_numbers_in_order() {
        let mut title = "J at α = {}".to_string();
        let mut none = "step".to_string();
        let mut two = "{} and {}".to_string();
        fill_texts(
            [&mut title, &mut none, &mut two],
            &[
                Num::shown(&q("1/10")),
                Num::bare(&Scalar::Float(0.123456)),
                Num::operand(&q("-2")),
            ],
            2,
        );
        assert_eq!(title, "J at α = 1/10 (0.1)");
        assert_eq!(none, "step");
        assert_eq!(two, "0.12 and (-2)");
    }
}
