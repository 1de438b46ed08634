//! What an exercise states on the page (issue 12): the setup a student
//! needs beyond the drawn inputs — structure, activations, loss, notation,
//! index base — as sentences in both languages, and every given number as
//! structured data (`given` in the sheet's JSON) from which a program can
//! compute every asked quantity.
//!
//! An example with exercise ranges poses its problem in its record
//! ([`super::Ranges`]): [`Pose::Engine`] derives the statement from the
//! example's engine (a graph program's steps, a layer pass's network and
//! objective), [`Pose::Custom`] writes it by hand.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::error::Result;
use crate::loss::Loss;
use crate::network::{Convention, Pass};
use crate::report::serial::Number;
use crate::scalar::Scalar;

use super::{Engine, Example, Values};

/// One sentence of a statement, in English and Chinese. Formulas inside
/// it are marked `⟦…⟧` ([`OPEN`], [`CLOSE`]) and written as a student
/// types them (`⟦z(l) = W(l) a(l−1) + b(l)⟧`, `⟦W_ij⟧`, `⟦x1⟧`); the
/// renderers spell them: as written in plain text and JSON ([`Line::plain`]),
/// as inline math `$…$` in Markdown and LaTeX ([`Line::spell`], [`latex_math`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub en: String,
    pub zh: String,
}

/// Opens a formula inside a statement line.
pub const OPEN: char = '⟦';
/// Closes a formula inside a statement line.
pub const CLOSE: char = '⟧';

impl Line {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Line {
        Line {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The sentence in one language, markers and all.
    pub fn raw(&self, zh: bool) -> &str {
        if zh { &self.zh } else { &self.en }
    }

    /// The sentence as plain text (Unicode): formulas as written, without
    /// their markers. What the sheet's JSON `setup` and the terminal show.
    pub fn plain(&self, zh: bool) -> String {
        self.raw(zh).replace([OPEN, CLOSE], "")
    }

    /// The sentence for a format with inline math: `text` escapes the prose
    /// between formulas (Markdown's or LaTeX's escape), each formula becomes
    /// `$…$` in LaTeX math ([`latex_math`]).
    pub fn spell(&self, zh: bool, text: fn(&str) -> String) -> String {
        let mut out = String::new();
        for (k, part) in self.raw(zh).split([OPEN, CLOSE]).enumerate() {
            // Even parts are prose, odd parts formulas (markers alternate).
            if k % 2 == 0 {
                out.push_str(&text(part));
            } else {
                out.push('$');
                out.push_str(&latex_math(part));
                out.push('$');
            }
        }
        out
    }
}

/// A formula as a student types it, in LaTeX math: `x1` → `x_{1}`, `W_ij`
/// → `W_{ij}`, `a^(1)` → `a^{(1)}`, `ReLU` → `\operatorname{ReLU}`, other
/// words of two letters or more upright, and the Greek letters, operators
/// and Unicode sub/superscripts of the decks as commands (`η` → `\eta`,
/// `ᵀ` → `^{\top}`, `−` → `-`, `ₖ` → `_{k}`).
pub fn latex_math(f: &str) -> String {
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c.is_ascii_alphabetic() {
            let start = k;
            while k < chars.len() && chars[k].is_ascii_alphanumeric() {
                k += 1;
            }
            let word: String = chars[start..k].iter().collect();
            let sub = chars[(k + 1).min(chars.len())..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if chars.get(k) == Some(&'_') && word.len() > 1 && sub >= 3 {
                // `other_batch`: one name, upright, its `_` a character.
                let name: String = chars[start..k + 1 + sub].iter().collect();
                out.push_str(&format!("\\mathrm{{{}}}", name.replace('_', "\\_")));
                k += 1 + sub;
            } else if chars.get(k) == Some(&'_') && word.contains(|c: char| c.is_ascii_digit()) {
                // `w1_ij`: the digits belong to the name, the script follows.
                out.push_str(&format!("\\mathrm{{{word}}}"));
            } else {
                // `W(1)_1,1 new`: a name after a space keeps the space.
                let spaced = start > 0 && chars[start - 1] == ' ';
                let spelled = math_word(&word);
                if spaced && spelled.starts_with("\\mathrm") && ends_with_operand(&out) {
                    out.truncate(out.trim_end().len());
                    out.push_str("\\ ");
                }
                out.push_str(&spelled);
            }
            continue;
        }
        if (c == '_' || c == '^') && k + 1 < chars.len() {
            let (mut script, end) = script(&chars, k + 1);
            // `e^(−z)` is e to the −z: the parentheses only group it (a
            // layer index `a^(1)` keeps them, as the decks write it).
            let base_e =
                k > 0 && chars[k - 1] == 'e' && (k < 2 || !chars[k - 2].is_ascii_alphanumeric());
            if c == '^' && base_e && script.starts_with('(') && script.ends_with(')') {
                script = script[1..script.len() - 1].to_string();
            }
            out.push(c);
            out.push('{');
            out.push_str(&script);
            out.push('}');
            k = end;
            continue;
        }
        match c {
            '{' | '}' | '%' | '#' | '&' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\backslash "),
            '~' => out.push_str("\\sim "),
            '^' => out.push_str("\\hat{}"),
            _ => match math_symbol(c) {
                Some(m) => {
                    out.push_str(m);
                    // `\eta x`, not `\etax`.
                    let next = chars.get(k + 1).is_some_and(char::is_ascii_alphabetic);
                    if next && m.ends_with(|c: char| c.is_ascii_alphabetic()) {
                        out.push(' ');
                    }
                }
                None => out.push(c),
            },
        }
        k += 1;
    }
    out
}

/// Whether LaTeX math so far ends with an operand (`x`, `W_{11}`, `)`),
/// not an operator or a command (`\\le`, `=`): a name written after an
/// operand with a space keeps the space (`b new`).
fn ends_with_operand(out: &str) -> bool {
    let t = out.trim_end();
    match t.chars().last() {
        Some('}' | ')') => true,
        Some(c) if c.is_ascii_alphanumeric() => {
            let word = t.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
            !word.ends_with('\\')
        }
        _ => false,
    }
}

/// A sub- or superscript starting at `from`: a parenthesised group (kept
/// with its parentheses, as in `a^(1)`), else a run of letters, digits and
/// commas between them (`_ij`, `_1,2`). Returns its LaTeX and where it ends.
fn script(chars: &[char], from: usize) -> (String, usize) {
    if chars[from] == '(' {
        let mut depth = 0;
        let mut end = chars.len();
        for (i, &c) in chars.iter().enumerate().skip(from) {
            depth += i32::from(c == '(') - i32::from(c == ')');
            if depth == 0 {
                end = i + 1;
                break;
            }
        }
        let inner: String = chars[from..end].iter().collect();
        return (latex_math(&inner), end);
    }
    let mut end = from;
    while end < chars.len()
        && (chars[end].is_ascii_alphanumeric()
            || (chars[end] == ','
                && end > from
                && chars.get(end + 1).is_some_and(char::is_ascii_alphanumeric)))
    {
        end += 1;
    }
    let end = end.max(from + 1);
    let run: String = chars[from..end].iter().collect();
    (run, end)
}

/// A word of a formula: a function's name, a letter with a digit index
/// (`x1` → `x_{1}`), one letter, or a longer name set upright.
fn math_word(w: &str) -> String {
    const FUNCS: &[&str] = &["exp", "ln", "log", "tanh", "max", "min", "sin", "cos"];
    const NAMED: &[&str] = &[
        "ReLU", "relu", "softmax", "sigmoid", "AND", "OR", "sign", "ELU", "GELU", "Leaky",
        "maxout", "diag", "argmax",
    ];
    if FUNCS.contains(&w) {
        return format!("\\{w}");
    }
    if w == "XOR" {
        return "\\mathbin{\\mathrm{XOR}}".to_string();
    }
    if NAMED.contains(&w) {
        return format!("\\operatorname{{{w}}}");
    }
    let cut = w.find(|c: char| c.is_ascii_digit()).unwrap_or(w.len());
    let (stem, digits) = w.split_at(cut);
    let stem = if stem.len() > 1 {
        format!("\\mathrm{{{stem}}}")
    } else {
        stem.to_string()
    };
    if digits.is_empty() {
        stem
    } else {
        format!("{stem}_{{{digits}}}")
    }
}

/// A Unicode symbol of the decks in LaTeX math.
fn math_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '·' | '*' => "\\cdot",
        '×' => "\\times",
        '∂' => "\\partial",
        '→' => "\\to",
        '←' => "\\leftarrow",
        '≈' => "\\approx",
        '≥' => "\\ge",
        '≤' => "\\le",
        '≠' => "\\ne",
        '∈' => "\\in",
        '⊙' => "\\odot",
        '‖' => "\\Vert",
        '−' => "-",
        '…' => "\\dots",
        '√' => "\\sqrt",
        '∞' => "\\infty",
        '′' => "'",
        'ᵀ' => "^{\\top}",
        '²' => "^{2}",
        '³' => "^{3}",
        'ₖ' => "_{k}",
        'ᵢ' => "_{i}",
        'ⱼ' => "_{j}",
        'ₙ' => "_{n}",
        'ŷ' => "\\hat{y}",
        '½' => "\\tfrac{1}{2}",
        'Σ' => "\\sum",
        'α' => "\\alpha",
        'β' => "\\beta",
        'γ' => "\\gamma",
        'δ' => "\\delta",
        'ε' => "\\varepsilon",
        'η' => "\\eta",
        'θ' => "\\theta",
        'λ' => "\\lambda",
        'μ' => "\\mu",
        'π' => "\\pi",
        'σ' => "\\sigma",
        'φ' => "\\varphi",
        '∇' => "\\nabla",
        _ => return None,
    })
}

/// A given value: a number, a vector, a matrix (rows), a list of points,
/// or a word (an activation's or a loss's name, a program).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(Scalar),
    Vector(Vec<Scalar>),
    Matrix(Vec<Vec<Scalar>>),
    Text(String),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Value::Number(v) => Number(v).serialize(s),
            Value::Vector(v) => s.collect_seq(v.iter().map(Number)),
            Value::Matrix(m) => {
                s.collect_seq(m.iter().map(|r| r.iter().map(Number).collect::<Vec<_>>()))
            }
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// What a problem gives: sentences and named values, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Statement {
    /// The setup, sentence by sentence.
    pub lines: Vec<Line>,
    /// Every given, by name (a matrix as rows), in order.
    pub given: Vec<(String, Value)>,
}

impl Statement {
    /// Add a sentence.
    pub fn line(&mut self, en: impl Into<String>, zh: impl Into<String>) -> &mut Self {
        self.lines.push(Line::new(en, zh));
        self
    }

    /// Add a given value.
    pub fn give(&mut self, name: impl Into<String>, v: Value) -> &mut Self {
        self.given.push((name.into(), v));
        self
    }

    /// Add a given number.
    pub fn number(&mut self, name: impl Into<String>, v: &Scalar) -> &mut Self {
        self.give(name, Value::Number(v.clone()))
    }

    /// Add a given word.
    pub fn text(&mut self, name: impl Into<String>, t: impl Into<String>) -> &mut Self {
        self.give(name, Value::Text(t.into()))
    }

    /// The given value called `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.given.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// `given` in JSON: one object, in order.
pub struct GivenJson<'a>(pub &'a [(String, Value)]);

impl Serialize for GivenJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// How an example with ranges states its problem.
#[derive(Clone, Copy, Debug)]
pub enum Pose {
    /// From the engine (a graph program's steps, a layer pass's network and
    /// objective), with these sentences (English, Chinese) after it: the
    /// example's own notation, what its names mean.
    Engine(&'static [(&'static str, &'static str)]),
    /// Written by the example from the drawn values.
    Custom(fn(&Values) -> Result<Statement>),
    /// Nothing beyond the inputs table: the title and the deck define the
    /// problem. Issue 12 retires it (a sheet must be solvable from the page
    /// alone); `UNPOSED` in the catalog tests lists who still uses it.
    Inputs,
}

impl Example {
    /// The statement of this example's problem at these values (defaults
    /// filled in), or `None` for an example without exercise ranges.
    pub fn statement(&self, v: &Values) -> Option<Result<Statement>> {
        let ranges = match self.exercise {
            super::Exercise::Ranges(r) => r,
            super::Exercise::None(_) => return None,
        };
        Some(match ranges.pose {
            Pose::Custom(f) => f(v),
            Pose::Inputs => Ok(Statement::default()),
            Pose::Engine(notes) => self.engine_statement(v).map(|mut st| {
                for (en, zh) in notes {
                    st.line(*en, *zh);
                }
                st
            }),
        })
    }

    fn engine_statement(&self, v: &Values) -> Result<Statement> {
        match self.engine {
            Engine::Graph(src) => Ok(of_program(src, v, self)),
            Engine::Layers(f) => Ok(of_pass(&f(v)?)),
            Engine::Report => Err(crate::error::Error::Invalid {
                what: format!("the statement of {}", self.id()),
                problem: "its record says to pose it from its engine, but it has none".into(),
                accepted: "give it a Pose::Custom statement".into(),
            }),
        }
    }
}

/// A graph program's problem: the inputs, and the steps that define every
/// intermediate (`q = x + y; f = q * z`).
pub fn of_program(src: &str, v: &Values, ex: &Example) -> Statement {
    let mut st = Statement::default();
    let steps: Vec<&str> = src.split(';').map(str::trim).collect();
    let out = steps
        .last()
        .and_then(|s| s.split('=').next())
        .map_or("f", str::trim)
        .to_string();
    st.line(
        format!(
            "The function is computed by these steps, in order: ⟦{}⟧.",
            steps.join("⟧; ⟦")
        ),
        format!("函数按以下步骤依次计算: ⟦{}⟧。", steps.join("⟧; ⟦")),
    );
    st.line(
        format!(
            "Find the value of every step (forward pass), then the derivative of ⟦{out}⟧ \
             with respect to every input and every step by backpropagation \
             (⟦d{out}/dq⟧ means ⟦∂{out}/∂q⟧)."
        ),
        format!(
            "求每一步的值 (前向传播), 再用反向传播求 ⟦{out}⟧ 对每个输入和每一步的导数 \
             (⟦d{out}/dq⟧ 即 ⟦∂{out}/∂q⟧)。"
        ),
    );
    for p in ex.params {
        if let Some(x) = v.get(p.name) {
            st.number(p.name, x);
        }
    }
    st.text("program", src);
    st
}

/// A layer pass's problem: the network layer by layer (W, b, f), the
/// input, and the objective (target, loss, L2, learning rate).
pub fn of_pass(pass: &Pass) -> Statement {
    let (net, x, obj) = pass;
    let mut st = Statement::default();
    let mut widths = vec![x.len().to_string()];
    for l in &net.layers {
        widths.push(format!("{} ({})", l.units(), l.activation));
    }
    st.line(
        format!(
            "Network: {} (inputs, then units of each layer with its activation ⟦f(l)⟧). \
             Layers count from 1; ⟦a(0) = x⟧; indices of vectors and matrices count from 1.",
            widths.join(" → ")
        ),
        format!(
            "网络: {} (输入维数, 然后各层单元数及其激活函数 ⟦f(l)⟧)。层从 1 开始编号; \
             ⟦a(0) = x⟧; 向量和矩阵的下标从 1 开始。",
            widths.join(" → ")
        ),
    );
    match net.convention {
        Convention::Column => st.line(
            "Column notation: ⟦z(l) = W(l) a(l−1) + b(l)⟧, ⟦a(l) = f(l)(z(l))⟧; ⟦W(l)⟧ is \
             out×in, so ⟦W(l)_ij⟧ connects input ⟦j⟧ to unit ⟦i⟧.",
            "列向量记号: ⟦z(l) = W(l) a(l−1) + b(l)⟧, ⟦a(l) = f(l)(z(l))⟧; ⟦W(l)⟧ 为 输出×输入, \
             ⟦W(l)_ij⟧ 连接输入 ⟦j⟧ 与单元 ⟦i⟧。",
        ),
        Convention::Row => st.line(
            "Row notation: ⟦z(l) = a(l−1) W(l) + b(l)⟧, ⟦a(l) = f(l)(z(l))⟧; ⟦W(l)⟧ is \
             in×out, so ⟦W(l)_ij⟧ connects input ⟦i⟧ to unit ⟦j⟧.",
            "行向量记号: ⟦z(l) = a(l−1) W(l) + b(l)⟧, ⟦a(l) = f(l)(z(l))⟧; ⟦W(l)⟧ 为 输入×输出, \
             ⟦W(l)_ij⟧ 连接输入 ⟦i⟧ 与单元 ⟦j⟧。",
        ),
    };
    st.text(
        "convention",
        match net.convention {
            Convention::Column => "column",
            Convention::Row => "row",
        },
    );
    st.give("x", Value::Vector(x.clone()));
    for (k, l) in net.layers.iter().enumerate() {
        let n = k + 1;
        let w = match net.convention {
            Convention::Column => l.w.clone(),
            Convention::Row => transpose(&l.w),
        };
        st.give(format!("W({n})"), Value::Matrix(w));
        st.give(format!("b({n})"), Value::Vector(l.b.clone()));
        st.text(format!("f({n})"), l.activation.to_string());
    }
    if let Some(o) = obj {
        let (en, zh) = loss_words(o.loss);
        st.line(
            format!("Loss of this one sample: {en}, with target ⟦t⟧."),
            format!("这一个样本的损失: {zh}, 目标为 ⟦t⟧。"),
        );
        st.give("t", Value::Vector(o.target.clone()));
        st.text("loss", o.loss.to_string());
        if !o.l2.is_zero() {
            st.line(
                "With L2 regularisation: the objective adds ⟦(λ/2)‖W‖²⟧ over every weight, so \
                 ⟦∂/∂W⟧ gains ⟦λW⟧.",
                "带 L2 正则化: 目标函数加上所有权重的 ⟦(λ/2)‖W‖²⟧, 于是 ⟦∂/∂W⟧ 多出 ⟦λW⟧。",
            );
            st.number("lambda", &o.l2);
        }
        if let Some(lr) = &o.learning_rate {
            st.line(
                "Then take one gradient-descent step with learning rate ⟦η⟧: \
                 ⟦W ← W − η ∂L/∂W⟧, ⟦b ← b − η ∂L/∂b⟧.",
                "然后以学习率 ⟦η⟧ 做一步梯度下降: ⟦W ← W − η ∂L/∂W⟧, ⟦b ← b − η ∂L/∂b⟧。",
            );
            st.number("lr", lr);
        }
    }
    st
}

fn transpose(m: &[Vec<Scalar>]) -> Vec<Vec<Scalar>> {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .map(|j| m.iter().map(|r| r[j].clone()).collect())
        .collect()
}

/// A loss in words, with its formula (English, Chinese).
pub fn loss_words(l: Loss) -> (&'static str, &'static str) {
    match l {
        Loss::Mse => (
            "mean squared error ⟦L = (1/n) Σᵢ (aᵢ − tᵢ)²⟧ over the ⟦n⟧ outputs",
            "均方误差 ⟦L = (1/n) Σᵢ (aᵢ − tᵢ)²⟧, 对 ⟦n⟧ 个输出求平均",
        ),
        Loss::HalfSse => (
            "half the sum of squares ⟦L = ½ Σᵢ (aᵢ − tᵢ)²⟧",
            "平方和的一半 ⟦L = ½ Σᵢ (aᵢ − tᵢ)²⟧",
        ),
        Loss::Bce => (
            "binary cross-entropy ⟦L = −[t ln a + (1 − t) ln(1 − a)]⟧",
            "二元交叉熵 ⟦L = −[t ln a + (1 − t) ln(1 − a)]⟧",
        ),
        Loss::CrossEntropy => (
            "cross-entropy ⟦L = −Σₖ tₖ ln aₖ⟧ (⟦t⟧ one-hot)",
            "交叉熵 ⟦L = −Σₖ tₖ ln aₖ⟧ (⟦t⟧ 为 one-hot 向量)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{CLOSE, Line, OPEN, latex_math};

    #[test]
    fn formulas_in_latex() {
        assert_eq!(latex_math("x1"), "x_{1}");
        assert_eq!(latex_math("W_ij"), "W_{ij}");
        assert_eq!(latex_math("W(1)_1,2"), "W(1)_{1,2}");
        assert_eq!(latex_math("a^(1)"), "a^{(1)}");
        assert_eq!(
            latex_math("z(l) = W(l) a(l−1) + b(l)"),
            "z(l) = W(l) a(l-1) + b(l)"
        );
        assert_eq!(
            latex_math("h = ReLU(W x + c)"),
            "h = \\operatorname{ReLU}(W x + c)"
        );
        assert_eq!(latex_math("y = wᵀh + b"), "y = w^{\\top}h + b");
        assert_eq!(
            latex_math("W − η ∂L/∂W"),
            "W - \\eta \\partial L/\\partial W"
        );
        assert_eq!(
            latex_math("L = −Σₖ tₖ ln aₖ"),
            "L = -\\sum_{k} t_{k} \\ln a_{k}"
        );
        assert_eq!(
            latex_math("dL/dW(1)_i,j"),
            "\\mathrm{dL}/\\mathrm{dW}(1)_{i,j}"
        );
        // a comma that ends the script is punctuation
        assert_eq!(latex_math("(x_1, x_2)"), "(x_{1}, x_{2})");
        assert_eq!(latex_math("50%"), "50\\%");
        assert_eq!(latex_math("e^(−z)"), "e^{-z}");
        assert_eq!(latex_math("dw1_ij"), "\\mathrm{dw1}_{ij}");
        assert_eq!(latex_math("B = other_batch"), "B = \\mathrm{other\\_batch}");
        assert_eq!(latex_math("y_class"), "y_{class}");
        assert_eq!(latex_math("b new"), "b\\ \\mathrm{new}");
        assert_eq!(latex_math("x ≤ goal"), "x \\le \\mathrm{goal}");
        assert_eq!(latex_math("max_i a_i"), "\\max_{i} a_{i}");
        assert_eq!(latex_math("W(1)_1,1 new"), "W(1)_{1,1}\\ \\mathrm{new}");
        assert_eq!(
            latex_math("x1 XOR x2"),
            "x_{1} \\mathbin{\\mathrm{XOR}} x_{2}"
        );
    }

    /// Every statement line of every example (at its defaults and at
    /// three drawn problems): markers pair up, the prose between formulas
    /// holds no formula (no `=`, `∂`, `Σ`, `ᵀ`, `←`, `^`), and every formula
    /// spells as ASCII LaTeX with balanced braces and no double subscript.
    #[test]
    fn every_formula_in_a_statement_is_math() {
        let mut lines = 0;
        for ex in crate::catalog::all() {
            if !matches!(ex.exercise, crate::catalog::Exercise::Ranges(_)) {
                continue;
            }
            let mut sets: Vec<Vec<(String, String)>> = vec![Vec::new()];
            for seed in 1..=3 {
                let sheet =
                    crate::exercise::make(&[ex], seed, 1, crate::exercise::Lang::En, String::new())
                        .expect("a sheet");
                sets.push(sheet.problems[0].sets.clone());
            }
            for set in sets {
                let v = ex.values(&set).unwrap();
                let st = ex.statement(&v).unwrap().unwrap();
                for line in &st.lines {
                    for zh in [false, true] {
                        lines += 1;
                        check(&ex.id(), line.raw(zh));
                    }
                }
            }
        }
        assert!(lines > 100, "{lines} lines");
    }

    fn check(id: &str, raw: &str) {
        let marks: Vec<char> = raw.chars().filter(|c| [OPEN, CLOSE].contains(c)).collect();
        let alternate = marks
            .iter()
            .enumerate()
            .all(|(k, &c)| c == if k % 2 == 0 { OPEN } else { CLOSE });
        assert!(
            alternate && marks.len().is_multiple_of(2),
            "{id}: markers do not pair in {raw}"
        );
        for (k, part) in raw.split([OPEN, CLOSE]).enumerate() {
            if k % 2 == 0 {
                let bad = ['=', '∂', 'Σ', 'ᵀ', '←', '^'];
                assert!(
                    !part.contains(bad),
                    "{id}: a formula outside ⟦⟧: {part:?} in {raw}"
                );
                continue;
            }
            let tex = latex_math(part);
            assert!(tex.is_ascii(), "{id}: {part:?} spells {tex:?}");
            let mut depth = 0i32;
            for c in tex.chars() {
                depth += i32::from(c == '{') - i32::from(c == '}');
                assert!(depth >= 0, "{id}: {tex}");
            }
            assert_eq!(depth, 0, "{id}: {tex}");
            // `_{…}_` or `x_1_2`: LaTeX's "Double subscript".
            let double = regex_free_double_script(&tex);
            assert!(!double, "{id}: a double subscript in {tex}");
        }
    }

    /// Whether a subscript follows a subscript directly (`_{1}_{2}`).
    fn regex_free_double_script(tex: &str) -> bool {
        let b = tex.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'_' && k + 1 < b.len() {
                let end = if b[k + 1] == b'{' {
                    let mut depth = 0;
                    let mut e = k + 1;
                    while e < b.len() {
                        depth += i32::from(b[e] == b'{') - i32::from(b[e] == b'}');
                        if depth == 0 {
                            break;
                        }
                        e += 1;
                    }
                    e + 1
                } else {
                    k + 2
                };
                if b.get(end) == Some(&b'_') {
                    return true;
                }
                k = end;
                continue;
            }
            k += 1;
        }
        false
    }

    #[test]
    fn a_line_in_every_format() {
        let l = Line::new("The output ⟦y = wᵀh⟧ of ⟦x1⟧.", "输出 ⟦y = wᵀh⟧。");
        assert_eq!(l.plain(false), "The output y = wᵀh of x1.");
        assert_eq!(l.plain(true), "输出 y = wᵀh。");
        let upper = |t: &str| t.to_uppercase();
        assert_eq!(
            l.spell(false, upper),
            "THE OUTPUT $y = w^{\\top}h$ OF $x_{1}$."
        );
        assert_eq!(l.spell(true, upper), "输出 $y = w^{\\top}h$。");
    }
}
