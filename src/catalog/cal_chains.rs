//! backprop/4's nine chains: every gradient the CAL deck asks for on its
//! 2-2-1 network (output layer w^2_(0,0), w^2_(1,0), b^2_0; hidden layer
//! w^1_(0,0), w^1_(0,1), w^1_(1,0), w^1_(1,1), b^1_0, b^1_1), each written as
//! the product of the factors CAL names (CAL deck, 反向传播算法):
//!
//! ∂Loss/∂w^2_(j,0) = ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂w^2_(j,0)   (last factor x^2_j)
//! ∂Loss/∂w^1_(i,j) = ∂Loss/∂g(u2) · ∂g(u2)/∂u2 · ∂u2/∂f(u_j) · ∂f(u_j)/∂u_j · ∂u_j/∂w^1_(i,j)
//!                                               (w^2_(j,0))     (f'(u_j))      (x^1_i)
//!
//! A bias ends its chain with ∂u/∂b = 1. Each product is checked against the
//! δ-rule engine's gradient and against the central difference of the loss.

use crate::error::Result;
use crate::network::{Network, PassTrace, fd_agrees};
use crate::report::{Cell, Kind, Math, Named, Num, Report, Sentence, Settings, Table};
use crate::scalar::Scalar;

/// One chain: the parameter, its result key, the factors (name, value),
/// and what the engine and the central difference say.
struct Chain {
    /// The parameter θ in CAL's notation (`w^1_(0,1)`).
    theta: String,
    /// The hidden unit j the chain passes through; `None` for the output layer.
    unit: Option<usize>,
    /// The last factor ∂u/∂θ as a rule (`x^1_0 = 1`).
    rule: Sentence,
    key: String,
    factors: Vec<(String, Scalar)>,
    engine: Scalar,
    fd: Option<f64>,
}

/// A CAL symbol in LaTeX: `w^2_(0,0)` → `w^{2}_{0,0}`, `x^1_i` →
/// `x^{1}_{i}`, `u2` → `u_{2}`, `g(u2)` → `g(u_{2})`, `Loss` →
/// `\mathrm{Loss}`, `θ` → `\theta`.
fn cal_latex(symbol: &str) -> String {
    let c: Vec<char> = symbol.chars().collect();
    let mut out = String::new();
    let mut k = 0;
    while k < c.len() {
        match c[k] {
            '^' | '_' if c.get(k + 1) == Some(&'(') => {
                let end = c[k..]
                    .iter()
                    .position(|&x| x == ')')
                    .map_or(c.len(), |e| k + e);
                let inner: String = c[k + 2..end].iter().collect();
                out.push_str(&format!("{}{{{inner}}}", c[k]));
                k = end + 1;
            }
            '^' | '_' if k + 1 < c.len() => {
                out.push_str(&format!("{}{{{}}}", c[k], c[k + 1]));
                k += 2;
            }
            'u' if c.get(k + 1).is_some_and(char::is_ascii_digit) => {
                out.push_str(&format!("u_{{{}}}", c[k + 1]));
                k += 2;
            }
            'L' if c[k..].starts_with(&['L', 'o', 's', 's']) => {
                out.push_str("\\mathrm{Loss}");
                k += 4;
            }
            'θ' => {
                out.push_str("\\theta");
                k += 1;
            }
            x => {
                out.push(x);
                k += 1;
            }
        }
    }
    out
}

/// CAL's `∂a/∂b` in both spellings: `∂Loss/∂w^2_(0,0)`.
pub(super) fn cal_partial(a: &str, b: &str) -> Math {
    Math::new(
        format!("∂{a}/∂{b}"),
        format!(
            "\\frac{{\\partial {}}}{{\\partial {}}}",
            cal_latex(a),
            cal_latex(b)
        ),
    )
}

/// A product of CAL's factors, `∂Loss/∂g(u2) · ∂g(u2)/∂u2 · …`.
fn cal_chain(pairs: &[(&str, &str)]) -> Math {
    let parts: Vec<Math> = pairs.iter().map(|(a, b)| cal_partial(a, b)).collect();
    Math::join(&parts, " · ", " \\cdot ")
}

/// The nine chains in the deck's order; `x` is the input (x^1_0, x^1_1).
fn chains(net: &Network, t: &PassTrace, x: &[Scalar], s: &Settings) -> Vec<Chain> {
    let (h, o) = (&t.layers[0], &t.layers[1]);
    let one = if s.float {
        Scalar::Float(1.0)
    } else {
        Scalar::one()
    };
    let head = || {
        vec![
            ("∂Loss/∂g(u2)".to_string(), o.grad_a[0].clone()),
            (
                "∂g(u2)/∂u2".to_string(),
                o.f_prime.as_ref().expect("g is element-wise")[0].clone(),
            ),
        ]
    };
    let mut out = Vec::new();
    // Output layer: u2 = x^2_0 w^2_(0,0) + x^2_1 w^2_(1,0) + b^2_0.
    for j in 0..2 {
        let mut factors = head();
        factors.push((format!("∂u2/∂w^2_({j},0)"), h.a[j].clone()));
        out.push(Chain {
            theta: format!("w^2_({j},0)"),
            unit: None,
            rule: Sentence::new(format!("x^2_{j} = {{}}"), vec![Num::shown(&h.a[j])]),
            key: format!("dLoss/dw2_{j}0"),
            factors,
            engine: o.grad_w[0][j].clone(),
            fd: o.fd_w[0][j],
        });
    }
    let mut factors = head();
    factors.push(("∂u2/∂b^2_0".to_string(), one.clone()));
    out.push(Chain {
        theta: "b^2_0".to_string(),
        unit: None,
        rule: "1".into(),
        key: "dLoss/db2_0".to_string(),
        factors,
        engine: o.grad_b[0].clone(),
        fd: o.fd_b[0],
    });
    // Hidden layer: u_j = x^1_0 w^1_(0,j) + x^1_1 w^1_(1,j) + b^1_j, in the
    // deck's order w^1_(0,0), w^1_(0,1), w^1_(1,0), w^1_(1,1), then b^1_0, b^1_1.
    let through = |j: usize| {
        let mut f = head();
        f.push((format!("∂u2/∂f(u{j})"), net.layers[1].w[0][j].clone()));
        f.push((
            format!("∂f(u{j})/∂u{j}"),
            h.f_prime.as_ref().expect("f is element-wise")[j].clone(),
        ));
        f
    };
    for (i, x_i) in x.iter().enumerate() {
        for j in 0..2 {
            let mut factors = through(j);
            factors.push((format!("∂u{j}/∂w^1_({i},{j})"), x_i.clone()));
            out.push(Chain {
                theta: format!("w^1_({i},{j})"),
                unit: Some(j),
                rule: Sentence::new(format!("x^1_{i} = {{}}"), vec![Num::shown(x_i)]),
                key: format!("dLoss/dw1_{i}{j}"),
                factors,
                // CAL's w^1_(i,j) (input i → hidden j) is W(1)_(j+1, i+1).
                engine: h.grad_w[j][i].clone(),
                fd: h.fd_w[j][i],
            });
        }
    }
    for j in 0..2 {
        let mut factors = through(j);
        factors.push((format!("∂u{j}/∂b^1_{j}"), one.clone()));
        out.push(Chain {
            theta: format!("b^1_{j}"),
            unit: Some(j),
            rule: "1".into(),
            key: format!("dLoss/db1_{j}"),
            factors,
            engine: h.grad_b[j].clone(),
            fd: h.fd_b[j],
        });
    }
    out
}

/// Exact values must be equal; a float within 1e-12 (relative).
fn same(a: &Scalar, b: &Scalar) -> bool {
    match (a.is_exact(), b.is_exact()) {
        (true, true) => a == b,
        _ => (a.to_f64() - b.to_f64()).abs() <= 1e-12 * a.to_f64().abs().max(1.0),
    }
}

/// Append the two tables of chains (output layer, hidden layer) and
/// return the nine products as results (`dLoss/dw2_00`, …, `dLoss/db1_1`),
/// in the deck's order.
pub(super) fn all_nine(
    r: &mut Report,
    net: &Network,
    t: &PassTrace,
    x: &[Scalar],
    s: &Settings,
) -> Result<Vec<Named>> {
    r.heading("All nine gradients as chains · 全部九个梯度的链式求导");
    r.text("Every chain starts with ∂Loss/∂g(u2) · ∂g(u2)/∂u2. An output-layer chain then takes what multiplies the parameter in u2 (x^2_j, or 1 for the bias); a hidden-layer chain goes on through u2 → f(u_j) → u_j: the weight w^2_(j,0), the slope f'(u_j), and what multiplies the parameter in u_j (x^1_i, or 1 for the bias).");
    let head = [("Loss", "g(u2)"), ("g(u2)", "u2")];
    let mut out_t = Table::new(
        "Output layer · 输出层: each gradient is ",
        &["θ", "∂u2/∂θ", "factors", "gradient", "central difference"],
    )
    .then_math(cal_chain(&[head[0], head[1], ("u2", "θ")]))
    .math_header(vec![cal_partial("u2", "θ")]);
    let mut hid_t = Table::new(
        "Hidden layer · 隐藏层: each gradient is ",
        &[
            "θ",
            "j",
            "∂u_j/∂θ",
            "factors",
            "gradient",
            "central difference",
        ],
    )
    .then_math(cal_chain(&[
        head[0],
        head[1],
        ("u2", "f(u_j)"),
        ("f(u_j)", "u_j"),
        ("u_j", "θ"),
    ]))
    .math_header(vec![cal_partial("u_j", "θ")]);
    // At a ReLU kink the central difference averages two slopes and cannot
    // confirm a product; the δ rule of the engine still must agree.
    let kink = t.layers.iter().any(|l| l.kink);
    let mut results = Vec::new();
    let mut wrong = Vec::new();
    for c in chains(net, t, x, s) {
        let mut prod = if s.float {
            Scalar::Float(1.0)
        } else {
            Scalar::one()
        };
        for (_, v) in &c.factors {
            prod = prod.mul(v)?;
        }
        let values = Sentence::join(c.factors.iter().map(|f| Num::operand(&f.1).into()), " × ");
        let fd_ok = c.fd.is_some_and(|f| fd_agrees(&prod, f));
        if !same(&prod, &c.engine) || !(fd_ok || kink) {
            wrong.push(format!("∂Loss/∂{}", c.theta));
        }
        let mut row = vec![Cell::Math(Math::new(c.theta.clone(), cal_latex(&c.theta)))];
        if let Some(j) = c.unit {
            row.push(Cell::Text(j.to_string()));
        }
        row.extend([
            Cell::Sentence(c.rule),
            Cell::Sentence(values),
            prod.clone().into(),
            c.fd.map_or(Cell::Text("-".into()), |f| {
                Cell::Sentence(Num::bare(&Scalar::Float(f)).into())
            }),
        ]);
        match c.unit {
            None => out_t.row(row),
            Some(_) => hid_t.row(row),
        }
        // A chain through a hidden unit sitting at ReLU's kink (u_j = 0)
        // takes f'(u_j) = 0 by convention.
        let at_kink = c.unit.is_some_and(|j| t.layers[0].z[j].is_zero());
        results.push(Named::new(c.key, prod, Kind::Gradient).at_kink(at_kink));
    }
    r.table(out_t);
    r.table(hid_t);
    if wrong.is_empty() && kink {
        r.text("All nine products equal the δ-rule engine's gradients ✓. A hidden net input sits on ReLU's kink (u_j = 0, where f'(u_j) = 0 by convention): there the central difference averages the two one-sided slopes and cannot confirm the chains through that unit.");
    } else if wrong.is_empty() {
        r.text("All nine products equal the δ-rule engine's gradients and their central differences ✓.");
    } else {
        r.text(format!(
            "These products do NOT match the δ-rule engine or the central difference ✗: {}.",
            wrong.join(", ")
        ));
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cal_symbols_become_latex_sub_and_superscripts() {
        // CAL writes the layer as a superscript and the (from, to) units as
        // a subscript: w^2_(0,0) is w with 2 above and 0,0 below.
        assert_eq!(cal_latex("w^2_(0,0)"), "w^{2}_{0,0}");
        assert_eq!(cal_latex("b^1_0"), "b^{1}_{0}");
        assert_eq!(cal_latex("g(u2)"), "g(u_{2})");
        assert_eq!(cal_latex("f(u_j)"), "f(u_{j})");
        assert_eq!(
            cal_partial("Loss", "θ").latex(6),
            "\\frac{\\partial \\mathrm{Loss}}{\\partial \\theta}"
        );
        assert_eq!(cal_partial("u2", "w^1_(1,0)").plain(6), "∂u2/∂w^1_(1,0)");
    }
}
