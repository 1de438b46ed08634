//! Formulas and "computed as" cells of the layer tables: f(z) and f'(z)
//! of each activation (NNDL table), ∂L/∂a of each loss, and sums of
//! products spelled out with their numbers.

use crate::activation::Activation;
use crate::loss::Loss;
use crate::network::Convention;
use crate::report::Math;
use crate::scalar::Scalar;

/// Most terms a "computed as" sum spells out.
pub(crate) const MAX_TERMS: usize = 6;

pub(crate) fn sub(name: &str, l: usize, i: usize) -> Math {
    Math::new(
        format!("{name}({l})_{i}"),
        format!("{}^{{({l})}}_{{{i}}}", latex_sym(name)),
    )
}

pub(crate) fn sub2(name: &str, l: usize, i: usize, j: usize) -> Math {
    Math::new(
        format!("{name}({l})_{i},{j}"),
        format!("{}^{{({l})}}_{{{i},{j}}}", latex_sym(name)),
    )
}

/// ∂L/∂(quantity).
pub(crate) fn dl(m: &Math) -> Math {
    Math::cat(&[
        text("∂L/∂", "\\frac{\\partial L}{\\partial "),
        m.clone(),
        text("", "}"),
    ])
}

pub(crate) fn latex_sym(name: &str) -> &str {
    match name {
        "δ" => "\\delta",
        other => other,
    }
}

/// A number inside a formula: negatives and fractions in parentheses in
/// plain text, `(-1/4)·2`, `3·(1/2)`; LaTeX needs them only for negatives.
pub(crate) fn op(v: &Scalar) -> Math {
    // An exact value's spelling does not depend on the digits: a positive
    // fraction is bracketed here, a negative value by `Math::operand`.
    let fraction = v.as_exact().is_some_and(|r| !r.is_integer());
    if fraction && v.signum() > 0 {
        Math::cat(&[text("(", ""), Math::num(v), text(")", "")])
    } else {
        Math::operand(v)
    }
}

pub(crate) fn text(plain: impl Into<String>, latex: impl Into<String>) -> Math {
    Math::new(plain, latex)
}

/// `u1·v1 + u2·v2 + … (+ b)`, spelled out up to [`MAX_TERMS`] terms.
pub(crate) fn sum_of_products(pairs: &[(&Scalar, &Scalar)], plus: Option<&Scalar>) -> Math {
    let mut parts: Vec<Math> = pairs
        .iter()
        .take(MAX_TERMS)
        .map(|(u, v)| Math::join(&[op(u), op(v)], "·", " \\cdot "))
        .collect();
    if pairs.len() > MAX_TERMS {
        parts.push(text(
            format!("… ({} terms)", pairs.len()),
            format!("\\dots\\ ({} terms)", pairs.len()),
        ));
    }
    if let Some(b) = plus {
        parts.push(op(b));
    }
    Math::join(&parts, " + ", " + ")
}

/// f(z) and f'(z) as formulas (NNDL table of activations and derivatives).
pub fn rule(act: &Activation) -> (Math, Math) {
    let m = |p: &str, l: &str| text(p, l);
    match act {
        Activation::Identity => (m("f(z) = z", "f(z) = z"), m("f'(z) = 1", "f'(z) = 1")),
        Activation::Sigmoid => (
            m(
                "σ(z) = 1/(1 + e^(-z))",
                "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
            ),
            m(
                "σ'(z) = σ(z)(1 - σ(z))",
                "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))",
            ),
        ),
        Activation::Tanh => (
            m(
                "tanh(z) = (e^z - e^(-z))/(e^z + e^(-z))",
                "\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
            ),
            m("tanh'(z) = 1 - tanh²(z)", "\\tanh'(z) = 1 - \\tanh^{2}(z)"),
        ),
        Activation::Relu => (
            m(
                "ReLU(z) = max(0, z)",
                "\\operatorname{ReLU}(z) = \\max(0, z)",
            ),
            m(
                "ReLU'(z) = I(z > 0), so ReLU'(0) = 0",
                "\\operatorname{ReLU}'(z) = I(z > 0),\\ \\operatorname{ReLU}'(0) = 0",
            ),
        ),
        Activation::LeakyRelu(_) | Activation::Prelu(_) => (
            m(
                "f(z) = z if z > 0, γz if z ≤ 0",
                "f(z) = \\begin{cases} z & z > 0 \\\\ \\gamma z & z \\le 0 \\end{cases}",
            ),
            m(
                "f'(z) = 1 if z > 0, γ if z ≤ 0",
                "f'(z) = \\begin{cases} 1 & z > 0 \\\\ \\gamma & z \\le 0 \\end{cases}",
            ),
        ),
        Activation::Elu(_) => (
            m(
                "ELU(z) = z if z > 0, γ(e^z - 1) if z ≤ 0",
                "\\operatorname{ELU}(z) = \\begin{cases} z & z > 0 \\\\ \\gamma(e^{z} - 1) & z \\le 0 \\end{cases}",
            ),
            m(
                "ELU'(z) = I(z > 0) + I(z ≤ 0)·γe^z",
                "\\operatorname{ELU}'(z) = I(z > 0) + I(z \\le 0)\\,\\gamma e^{z}",
            ),
        ),
        Activation::Softplus => (
            m(
                "softplus(z) = ln(1 + e^z)",
                "\\operatorname{softplus}(z) = \\ln(1 + e^{z})",
            ),
            m(
                "softplus'(z) = σ(z)",
                "\\operatorname{softplus}'(z) = \\sigma(z)",
            ),
        ),
        Activation::Maxout(_) => (
            m("a_j = max_k z_j,k", "a_j = \\max_k z_{j,k}"),
            m(
                "∂a_j/∂z_j,k = 1 for the largest piece, 0 for the others",
                "\\frac{\\partial a_j}{\\partial z_{j,k}} = I(k = \\arg\\max)",
            ),
        ),
        Activation::Softmax => (
            m(
                "ŷ_k = e^(z_k) / Σ_i e^(z_i)",
                "\\hat y_k = \\frac{e^{z_k}}{\\sum_i e^{z_i}}",
            ),
            m(
                "∂ŷ/∂z = diag(ŷ) - ŷŷᵀ",
                "\\frac{\\partial \\hat y}{\\partial z} = \\operatorname{diag}(\\hat y) - \\hat y \\hat y^{\\top}",
            ),
        ),
    }
}

/// The formulas of the forward and backward pass in the network's notation.
pub fn formulas(c: Convention) -> Math {
    match c {
        Convention::Column => text(
            "z(l) = W(l) a(l-1) + b(l),  a(l) = f(z(l)),  a(0) = x    (W(l) is out×in)\nδ(l) = f'(z(l)) ⊙ W(l+1)ᵀ δ(l+1),  ∂L/∂W(l) = δ(l) a(l-1)ᵀ,  ∂L/∂b(l) = δ(l),  ∂L/∂a(l-1) = W(l)ᵀ δ(l)",
            "z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)},\\quad a^{(l)} = f(z^{(l)}),\\quad a^{(0)} = x \\\\ \\delta^{(l)} = f'(z^{(l)}) \\odot (W^{(l+1)})^{\\top} \\delta^{(l+1)},\\quad \\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} (a^{(l-1)})^{\\top},\\quad \\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)},\\quad \\frac{\\partial L}{\\partial a^{(l-1)}} = (W^{(l)})^{\\top} \\delta^{(l)}",
        ),
        Convention::Row => text(
            "z(l) = a(l-1) W(l) + b(l),  a(l) = f(z(l))    (JQ writes h(l) = f(h(l-1) W(l) + b(l)); W(l) is in×out, a is a 1×n row)\nδ(l) = f'(z(l)) ⊙ δ(l+1) W(l+1)ᵀ,  ∂L/∂W(l) = a(l-1)ᵀ δ(l),  ∂L/∂b(l) = δ(l),  ∂L/∂a(l-1) = δ(l) W(l)ᵀ",
            "z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)},\\quad a^{(l)} = f(z^{(l)}) \\\\ \\delta^{(l)} = f'(z^{(l)}) \\odot \\delta^{(l+1)} (W^{(l+1)})^{\\top},\\quad \\frac{\\partial L}{\\partial W^{(l)}} = (a^{(l-1)})^{\\top} \\delta^{(l)},\\quad \\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)},\\quad \\frac{\\partial L}{\\partial a^{(l-1)}} = \\delta^{(l)} (W^{(l)})^{\\top}",
        ),
    }
}

/// `f(z)` with its number, e.g. `σ(1/4)`, `max(-1, 3/2)`.
pub(crate) fn apply_computed(act: &Activation, z: &[Scalar], i: usize) -> Math {
    let name = match act {
        Activation::Sigmoid => "σ",
        Activation::Identity => "",
        Activation::Relu => "ReLU",
        Activation::Tanh => "tanh",
        Activation::Softplus => "softplus",
        Activation::LeakyRelu(_) | Activation::Prelu(_) => "LeakyReLU",
        Activation::Elu(_) => "ELU",
        Activation::Maxout(k) => {
            let parts: Vec<Math> = z[i * k..(i + 1) * k].iter().map(Math::num).collect();
            let inner = Math::join(&parts, ", ", ", ");
            return Math::cat(&[text("max(", "\\max("), inner, text(")", ")")]);
        }
        Activation::Softmax => {
            return Math::cat(&[
                text(
                    format!("e^(z_{0}) / Σ_k e^(z_k), z_{0} = ", i + 1),
                    format!(
                        "\\frac{{e^{{z_{{{0}}}}}}}{{\\sum_k e^{{z_k}}}},\\ z_{{{0}}} = ",
                        i + 1
                    ),
                ),
                // the plain side as a table shows it, `1/4 (0.25)`
                Math::shown(&z[i]).plain_only(),
                Math::num(&z[i]).latex_only(),
            ]);
        }
    };
    let arg = Math::num(&z[i]);
    if name.is_empty() {
        return arg;
    }
    let latex_name = format!("\\operatorname{{{name}}}").replace("\\operatorname{σ}", "\\sigma");
    Math::cat(&[
        text(format!("{name}("), format!("{latex_name}(")),
        arg,
        text(")", ")"),
    ])
}

/// ∂L/∂a(L) as the loss's rule, e.g. `a - t`.
pub(crate) fn loss_grad_rule(loss: Loss, a: &Scalar, t: &Scalar, n: usize) -> Math {
    // Cross-entropy −Σ t_k ln a_k has no term for a class with t_k = 0, so
    // its ∂L/∂a_k is 0 outright, not a division with 0 on top.
    if loss == Loss::CrossEntropy && t.is_zero() {
        return text("-t/a = 0 (t = 0)", "-\\frac{t}{a} = 0 \\quad (t = 0)");
    }
    // Binary cross-entropy with t = 1 or t = 0 keeps one of its two terms:
    // the numbers show that term, not a zero one (`-0/a + …`).
    if loss == Loss::Bce && (t.is_zero() || t.cmp_value(&Scalar::one()).is_eq()) {
        let a = op(a);
        return if t.is_zero() {
            Math::cat(&[
                text(
                    "-t/a + (1 - t)/(1 - a) = 1/(1 - ",
                    "-\\frac{t}{a} + \\frac{1 - t}{1 - a} = \\frac{1}{1 - ",
                ),
                a,
                text(") (t = 0)", "} \\quad (t = 0)"),
            ])
        } else {
            Math::cat(&[
                text(
                    "-t/a + (1 - t)/(1 - a) = -1/",
                    "-\\frac{t}{a} + \\frac{1 - t}{1 - a} = -\\frac{1}{",
                ),
                a,
                text(" (t = 1)", "} \\quad (t = 1)"),
            ])
        };
    }
    let (a, t) = (op(a), op(t));
    let cat = |parts: &[Math]| Math::cat(parts);
    match loss {
        Loss::HalfSse => cat(&[text("a - t = ", "a - t = "), a, text(" - ", " - "), t]),
        Loss::Mse => cat(&[
            text(
                format!("2/n (a - t) = 2/{n}·("),
                format!("\\frac{{2}}{{n}}(a - t) = \\frac{{2}}{{{n}}}("),
            ),
            a,
            text(" - ", " - "),
            t,
            text(")", ")"),
        ]),
        Loss::Bce => cat(&[
            text(
                "-t/a + (1 - t)/(1 - a) = -",
                "-\\frac{t}{a} + \\frac{1 - t}{1 - a} = -\\frac{",
            ),
            t.clone(),
            text("/", "}{"),
            a.clone(),
            text(" + (1 - ", "} + \\frac{1 - "),
            t,
            text(")/(1 - ", "}{1 - "),
            a,
            text(")", "}"),
        ]),
        Loss::CrossEntropy => cat(&[
            text("-t/a = -", "-\\frac{t}{a} = -\\frac{"),
            t,
            text("/", "}{"),
            a,
            text("", "}"),
        ]),
    }
}

/// f'(z) with its numbers, e.g. `a(1 - a) = 1/2·(1 - 1/2)`.
pub(crate) fn derivative_computed(act: &Activation, z: &Scalar, a: &Scalar) -> Math {
    let (zp, ap) = (Math::num(z), op(a));
    // plain text around the numbers; the LaTeX is made from it below
    let w = |s: &str| text(s, "");
    let positive = z.signum() > 0;
    let p = match act {
        Activation::Identity => w("1"),
        Activation::Sigmoid => Math::cat(&[w("a(1 - a) = "), ap.clone(), w("·(1 - "), ap, w(")")]),
        Activation::Tanh => Math::cat(&[w("1 - a² = 1 - "), ap, w("²")]),
        Activation::Relu if positive => Math::cat(&[w("z = "), zp, w(" > 0")]),
        Activation::Relu => Math::cat(&[w("z = "), zp, w(" ≤ 0")]),
        Activation::LeakyRelu(_) | Activation::Prelu(_) if positive => {
            Math::cat(&[w("z = "), zp, w(" > 0 → 1")])
        }
        Activation::LeakyRelu(_) | Activation::Prelu(_) => {
            Math::cat(&[w("z = "), zp, w(" ≤ 0 → γ")])
        }
        Activation::Elu(_) if positive => Math::cat(&[w("z = "), zp, w(" > 0 → 1")]),
        Activation::Elu(_) => Math::cat(&[w("γe^z, z = "), zp]),
        Activation::Softplus => Math::cat(&[w("σ("), zp, w(")")]),
        Activation::Maxout(_) | Activation::Softmax => w(""),
    };
    p.latex_from_plain()
        .rewrite(str::to_string, |l| l.replace("→", "\\to"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_target_in_cross_entropy_is_a_zero_term_not_a_division() {
        // backprop/5: a = (0.736125, 0.164252, 0.0996236), t = (0, 1, 0).
        // L = −ln a_2, so ∂L/∂a_1 = ∂L/∂a_3 = 0 and ∂L/∂a_2 = −1/a_2.
        let a = Scalar::Float(0.736125);
        let zero = loss_grad_rule(Loss::CrossEntropy, &a, &Scalar::zero(), 3);
        assert_eq!(zero.plain(6), "-t/a = 0 (t = 0)");
        assert!(!zero.latex(6).contains("\\frac{0}"), "{}", zero.latex(6));
        let one = loss_grad_rule(Loss::CrossEntropy, &a, &Scalar::int(1), 3);
        assert_eq!(one.plain(6), "-t/a = -1/0.736125");
    }

    #[test]
    fn binary_cross_entropy_with_a_0_or_1_target_shows_the_term_left() {
        // L = -[t ln a + (1 - t) ln(1 - a)]: t = 0 leaves 1/(1 - a), and
        // 1/(1 - 1/4) = 4/3; t = 1 leaves -1/a = -4. No `-0/…` or `(1 - 1)/…`.
        let a = Scalar::ratio(1, 4);
        let zero = loss_grad_rule(Loss::Bce, &a, &Scalar::zero(), 1);
        assert_eq!(
            zero.plain(6),
            "-t/a + (1 - t)/(1 - a) = 1/(1 - (1/4)) (t = 0)"
        );
        assert!(
            zero.latex(6).contains("\\frac{1}{1 - "),
            "{}",
            zero.latex(6)
        );
        let one = loss_grad_rule(Loss::Bce, &a, &Scalar::one(), 1);
        assert_eq!(one.plain(6), "-t/a + (1 - t)/(1 - a) = -1/(1/4) (t = 1)");
        for m in [&zero, &one] {
            assert!(!m.plain(6).contains("-0/") && !m.plain(6).contains("(1 - 1)"));
        }
        // A soft target keeps both terms.
        let half = loss_grad_rule(Loss::Bce, &a, &Scalar::ratio(1, 2), 1);
        assert!(half.plain(6).contains(" + (1 - "), "{}", half.plain(6));
    }
}
