//! Explain a network [`Trace`]: per layer, the forward table (z, a), the
//! backward table (∂L/∂a, f'(z), δ), the gradients beside their finite
//! differences, and the update; plus the named results and the JSON data
//! (`loss`, `layers`) of `nn-tutor net`.

use crate::activation::Activation;
use crate::loss::Loss;
use crate::network::{Convention, Forward, Matrix, Network, Trace, fd_agrees, transpose};
use crate::report::{Cell, Data, Math, Report, Settings, Table};
use crate::scalar::Scalar;

/// Most rows a table shows; the rest are counted (JSON has every value).
pub const MAX_ROWS: usize = crate::network::FD_SHOWN;
/// Most terms a "computed as" sum spells out.
const MAX_TERMS: usize = 6;

fn sub(name: &str, l: usize, i: usize) -> Math {
    Math::new(
        format!("{name}({l})_{i}"),
        format!("{}^{{({l})}}_{{{i}}}", latex_sym(name)),
    )
}

fn sub2(name: &str, l: usize, i: usize, j: usize) -> Math {
    Math::new(
        format!("{name}({l})_{i},{j}"),
        format!("{}^{{({l})}}_{{{i},{j}}}", latex_sym(name)),
    )
}

/// ∂L/∂(quantity).
fn dl(m: &Math) -> Math {
    Math::new(
        format!("∂L/∂{}", m.plain),
        format!("\\frac{{\\partial L}}{{\\partial {}}}", m.latex),
    )
}

fn latex_sym(name: &str) -> &str {
    match name {
        "δ" => "\\delta",
        other => other,
    }
}

/// A number inside a formula: negatives and fractions in parentheses in
/// plain text, `(-1/4)·2`, `3·(1/2)`; LaTeX needs them only for negatives.
fn op(v: &Scalar, s: &Settings) -> Math {
    let m = Math::operand(v, s.digits);
    if v.is_exact() && m.plain.contains('/') && !m.plain.starts_with('(') {
        Math::new(format!("({})", m.plain), m.latex)
    } else {
        m
    }
}

fn text(plain: impl Into<String>, latex: impl Into<String>) -> Math {
    Math::new(plain, latex)
}

/// `u1·v1 + u2·v2 + … (+ b)`, spelled out up to [`MAX_TERMS`] terms.
fn sum_of_products(pairs: &[(&Scalar, &Scalar)], plus: Option<&Scalar>, s: &Settings) -> Math {
    let mut parts: Vec<Math> = pairs
        .iter()
        .take(MAX_TERMS)
        .map(|(u, v)| Math::join(&[op(u, s), op(v, s)], "·", " \\cdot "))
        .collect();
    if pairs.len() > MAX_TERMS {
        parts.push(text(
            format!("… ({} terms)", pairs.len()),
            format!("\\dots\\ ({} terms)", pairs.len()),
        ));
    }
    if let Some(b) = plus {
        parts.push(op(b, s));
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
            "z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)},\\quad a^{(l)} = f(z^{(l)}) \\\\ \\delta^{(l)} = f'(z^{(l)}) \\odot (W^{(l+1)})^{\\top} \\delta^{(l+1)},\\quad \\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} (a^{(l-1)})^{\\top},\\quad \\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}",
        ),
        Convention::Row => text(
            "z(l) = a(l-1) W(l) + b(l),  a(l) = f(z(l))    (JQ writes h(l) = f(h(l-1) W(l) + b(l)); W(l) is in×out, a is a 1×n row)\nδ(l) = f'(z(l)) ⊙ δ(l+1) W(l+1)ᵀ,  ∂L/∂W(l) = a(l-1)ᵀ δ(l),  ∂L/∂b(l) = δ(l),  ∂L/∂a(l-1) = δ(l) W(l)ᵀ",
            "z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)},\\quad a^{(l)} = f(z^{(l)}) \\\\ \\delta^{(l)} = f'(z^{(l)}) \\odot \\delta^{(l+1)} (W^{(l+1)})^{\\top},\\quad \\frac{\\partial L}{\\partial W^{(l)}} = (a^{(l-1)})^{\\top} \\delta^{(l)},\\quad \\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}",
        ),
    }
}

/// W as the user writes it (in×out in the row convention).
pub fn shown(w: &Matrix, c: Convention) -> Matrix {
    match c {
        Convention::Column => w.clone(),
        Convention::Row => transpose(w),
    }
}

/// Indices (i, j) of W(l) as shown, for stored entry (out o, in k).
fn shown_index(c: Convention, o: usize, k: usize) -> (usize, usize) {
    match c {
        Convention::Column => (o + 1, k + 1),
        Convention::Row => (k + 1, o + 1),
    }
}

fn push_capped(t: &mut Table, row: Vec<Cell>) {
    if t.rows.len() < MAX_ROWS {
        t.row(row);
    } else if t.rows.len() == MAX_ROWS {
        let mut r = vec![Cell::Text("… more rows: see --format json".into())];
        r.resize(t.header.len(), Cell::Empty);
        t.row(r);
    }
}

fn layer_name(l: usize, n: usize) -> String {
    if l == n {
        format!("Layer {l} (output · 输出层)")
    } else {
        format!("Layer {l} (hidden · 隐藏层)")
    }
}

/// The forward table of every layer.
pub fn forward_tables(
    report: &mut Report,
    net: &Network,
    x: &[Scalar],
    fwd: &[Forward],
    s: &Settings,
) {
    let n = net.layers.len();
    for (idx, (layer, f)) in net.layers.iter().zip(fwd).enumerate() {
        let l = idx + 1;
        let below = if idx == 0 { x } else { &fwd[idx - 1].a };
        let (fz, _) = rule(&layer.activation);
        let mut t = Table::new(
            format!(
                "{} · {} · forward 前向传播 · {}",
                layer_name(l, n),
                layer.activation,
                fz.plain
            ),
            &["quantity", "computed as", "value"],
        );
        for (o, (row, b)) in layer.w.iter().zip(&layer.b).enumerate() {
            let pairs: Vec<(&Scalar, &Scalar)> = match net.convention {
                Convention::Column => row.iter().zip(below).collect(),
                Convention::Row => below.iter().zip(row).collect(),
            };
            push_capped(
                &mut t,
                vec![
                    sub("z", l, o + 1).into(),
                    sum_of_products(&pairs, Some(b), s).into(),
                    f.z[o].clone().into(),
                ],
            );
        }
        for (i, a) in f.a.iter().enumerate() {
            push_capped(
                &mut t,
                vec![
                    sub("a", l, i + 1).into(),
                    apply_computed(&layer.activation, &f.z, i, s).into(),
                    a.clone().into(),
                ],
            );
        }
        report.table(t);
    }
}

fn apply_computed(act: &Activation, z: &[Scalar], i: usize, s: &Settings) -> Math {
    let name = match act {
        Activation::Sigmoid => "σ",
        Activation::Identity => "",
        Activation::Relu => "ReLU",
        Activation::Tanh => "tanh",
        Activation::Softplus => "softplus",
        Activation::LeakyRelu(_) | Activation::Prelu(_) => "LeakyReLU",
        Activation::Elu(_) => "ELU",
        Activation::Maxout(k) => {
            let parts: Vec<Math> = z[i * k..(i + 1) * k]
                .iter()
                .map(|v| Math::num(v, s.digits))
                .collect();
            let inner = Math::join(&parts, ", ", ", ");
            return text(
                format!("max({})", inner.plain),
                format!("\\max({})", inner.latex),
            );
        }
        Activation::Softmax => {
            return text(
                format!(
                    "e^(z_{0}) / Σ_k e^(z_k), z_{0} = {1}",
                    i + 1,
                    z[i].show(s.digits)
                ),
                format!(
                    "\\frac{{e^{{z_{{{0}}}}}}}{{\\sum_k e^{{z_k}}}},\\ z_{{{0}}} = {1}",
                    i + 1,
                    Math::num(&z[i], s.digits).latex
                ),
            );
        }
    };
    let arg = Math::num(&z[i], s.digits);
    if name.is_empty() {
        return arg;
    }
    text(
        format!("{name}({})", arg.plain),
        format!("\\operatorname{{{name}}}({})", arg.latex).replace("\\operatorname{σ}", "\\sigma"),
    )
}

/// ∂L/∂a(L) as the loss's rule, e.g. `a - t`.
fn loss_grad_rule(loss: Loss, a: &Scalar, t: &Scalar, n: usize, s: &Settings) -> Math {
    let (a, t) = (op(a, s), op(t, s));
    match loss {
        Loss::HalfSse => text(
            format!("a - t = {} - {}", a.plain, t.plain),
            format!("a - t = {} - {}", a.latex, t.latex),
        ),
        Loss::Mse => text(
            format!("2/n (a - t) = 2/{n}·({} - {})", a.plain, t.plain),
            format!(
                "\\frac{{2}}{{n}}(a - t) = \\frac{{2}}{{{n}}}({} - {})",
                a.latex, t.latex
            ),
        ),
        Loss::Bce => text(
            format!(
                "-t/a + (1 - t)/(1 - a) = -{0}/{1} + (1 - {0})/(1 - {1})",
                t.plain, a.plain
            ),
            format!(
                "-\\frac{{t}}{{a}} + \\frac{{1 - t}}{{1 - a}} = -\\frac{{{0}}}{{{1}}} + \\frac{{1 - {0}}}{{1 - {1}}}",
                t.latex, a.latex
            ),
        ),
        Loss::CrossEntropy => text(
            format!("-t/a = -{}/{}", t.plain, a.plain),
            format!("-\\frac{{t}}{{a}} = -\\frac{{{}}}{{{}}}", t.latex, a.latex),
        ),
    }
}

/// f'(z) with its numbers, e.g. `a(1 - a) = 1/2·(1 - 1/2)`.
fn derivative_computed(act: &Activation, z: &Scalar, a: &Scalar, s: &Settings) -> Math {
    let (zp, ap) = (Math::num(z, s.digits), op(a, s));
    let pick = |cond: bool, yes: &str, no: &str| {
        if cond {
            yes.to_string()
        } else {
            no.to_string()
        }
    };
    let p = match act {
        Activation::Identity => "1".to_string(),
        Activation::Sigmoid => format!("a(1 - a) = {0}·(1 - {0})", ap.plain),
        Activation::Tanh => format!("1 - a² = 1 - {}²", ap.plain),
        Activation::Relu => pick(
            z.signum() > 0,
            &format!("z = {} > 0", zp.plain),
            &format!("z = {} ≤ 0", zp.plain),
        ),
        Activation::LeakyRelu(_) | Activation::Prelu(_) => pick(
            z.signum() > 0,
            &format!("z = {} > 0 → 1", zp.plain),
            &format!("z = {} ≤ 0 → γ", zp.plain),
        ),
        Activation::Elu(_) => pick(
            z.signum() > 0,
            &format!("z = {} > 0 → 1", zp.plain),
            &format!("γe^z, z = {}", zp.plain),
        ),
        Activation::Softplus => format!("σ({})", zp.plain),
        Activation::Maxout(_) | Activation::Softmax => String::new(),
    };
    let l = crate::report::math::latex_label(&p).replace("→", "\\to");
    text(p, l)
}

/// The backward tables (δ, gradients with checks, update) from layer L down to 1.
pub fn backward_tables(report: &mut Report, net: &Network, t: &Trace, s: &Settings) {
    let n = net.layers.len();
    let c = net.convention;
    for idx in (0..n).rev() {
        let (l, layer, lt) = (idx + 1, &net.layers[idx], &t.layers[idx]);
        let below = if idx == 0 {
            &t.input
        } else {
            &t.layers[idx - 1].a
        };
        let (_, fprime) = rule(&layer.activation);
        let mut d = Table::new(
            format!(
                "{} · backward 反向传播 · δ({l}) = ∂L/∂z({l}) · {}",
                layer_name(l, n),
                fprime.plain
            ),
            &["quantity", "computed as", "value"],
        );
        for (i, g) in lt.grad_a.iter().enumerate() {
            let how = if l == n {
                loss_grad_rule(
                    t.objective.loss,
                    &lt.a[i],
                    &t.objective.target[i],
                    lt.a.len(),
                    s,
                )
            } else {
                let up = &t.layers[idx + 1];
                let col: Vec<&Scalar> = net.layers[idx + 1].w.iter().map(|r| &r[i]).collect();
                sum_of_products(&col.into_iter().zip(&up.delta).collect::<Vec<_>>(), None, s)
            };
            push_capped(
                &mut d,
                vec![dl(&sub("a", l, i + 1)).into(), how.into(), g.clone().into()],
            );
        }
        match &lt.f_prime {
            Some(fp) => {
                for (i, v) in fp.iter().enumerate() {
                    push_capped(
                        &mut d,
                        vec![
                            text(
                                format!("f'(z({l})_{})", i + 1),
                                format!("f'(z^{{({l})}}_{{{}}})", i + 1),
                            )
                            .into(),
                            derivative_computed(&layer.activation, &lt.z[i], &lt.a[i], s).into(),
                            v.clone().into(),
                        ],
                    );
                }
                for (i, v) in lt.delta.iter().enumerate() {
                    push_capped(
                        &mut d,
                        vec![
                            sub("δ", l, i + 1).into(),
                            Math::join(&[op(&lt.grad_a[i], s), op(&fp[i], s)], " × ", " \\times ")
                                .into(),
                            v.clone().into(),
                        ],
                    );
                }
            }
            None => {
                let how = if t.softmax_shortcut && l == n {
                    "ŷ - y (softmax with cross-entropy)"
                } else if layer.activation == Activation::Softmax {
                    "(diag(ŷ) - ŷŷᵀ) ∂L/∂ŷ"
                } else {
                    "∂L/∂a of the unit if this piece is the largest, else 0"
                };
                for (i, v) in lt.delta.iter().enumerate() {
                    push_capped(
                        &mut d,
                        vec![
                            sub("δ", l, i + 1).into(),
                            Cell::Text(how.into()),
                            v.clone().into(),
                        ],
                    );
                }
            }
        }
        report.table(d);
        let kink = t.layers[idx..].iter().any(|x| x.kink);
        report.table(gradient_table(
            l,
            lt,
            below,
            &layer.w,
            (&t.objective.l2, kink),
            c,
            s,
        ));
        if idx == 0 {
            let mut x = Table::new(
                "Gradient with respect to the input · ∂L/∂x = W(1)ᵀ δ(1)",
                &["quantity", "value"],
            );
            for (j, g) in lt.grad_a_prev.iter().enumerate() {
                push_capped(
                    &mut x,
                    vec![
                        dl(&Math::new(
                            format!("x_{}", j + 1),
                            format!("x_{{{}}}", j + 1),
                        ))
                        .into(),
                        g.clone().into(),
                    ],
                );
            }
            report.table(x);
        }
    }
}

fn gradient_table(
    l: usize,
    lt: &crate::network::LayerTrace,
    below: &[Scalar],
    w: &Matrix,
    (l2, kink): (&Scalar, bool),
    c: Convention,
    s: &Settings,
) -> Table {
    let rule = match (c, l2.is_zero()) {
        (Convention::Column, true) => {
            format!("∂L/∂W({l}) = δ({l}) a({})ᵀ, ∂L/∂b({l}) = δ({l})", l - 1)
        }
        (Convention::Row, true) => {
            format!("∂L/∂W({l}) = a({})ᵀ δ({l}), ∂L/∂b({l}) = δ({l})", l - 1)
        }
        (_, false) => format!(
            "∂L/∂W({l}) = δ({l}) a({})ᵀ + λW({l}), ∂L/∂b({l}) = δ({l}) (no λ on biases)",
            l - 1
        ),
    };
    let mut t = Table::new(
        format!("Gradients of layer {l} · 梯度 · {rule} · checked by central differences"),
        &[
            "gradient",
            "computed as",
            "backprop",
            "finite difference",
            "check",
        ],
    );
    let verdict = |g: &Scalar, fd: Option<f64>| match fd {
        None => "n/a".to_string(),
        Some(d) if fd_agrees(g, d) => "✓ agrees".to_string(),
        Some(_) if kink => "kink: one-sided, see note".to_string(),
        Some(_) => "✗ DIFFERS".to_string(),
    };
    for (o, row) in lt.grad_w.iter().enumerate() {
        for (k, g) in row.iter().enumerate() {
            let (i, j) = shown_index(c, o, k);
            let mut how = Math::join(&[op(&lt.delta[o], s), op(&below[k], s)], "·", " \\cdot ");
            if !l2.is_zero() {
                how = Math::join(
                    &[
                        how,
                        Math::join(&[op(l2, s), op(&w[o][k], s)], "·", " \\cdot "),
                    ],
                    " + ",
                    " + ",
                );
            }
            let name = sub2("W", l, i, j);
            push_capped(
                &mut t,
                vec![
                    dl(&name).into(),
                    how.into(),
                    g.clone().into(),
                    lt.fd_w[o][k].map_or(Cell::Empty, |d| Cell::Num(Scalar::Float(d))),
                    verdict(g, lt.fd_w[o][k]).into(),
                ],
            );
        }
    }
    for (o, g) in lt.grad_b.iter().enumerate() {
        push_capped(
            &mut t,
            vec![
                dl(&sub("b", l, o + 1)).into(),
                sub("δ", l, o + 1).into(),
                g.clone().into(),
                lt.fd_b[o].map_or(Cell::Empty, |d| Cell::Num(Scalar::Float(d))),
                verdict(g, lt.fd_b[o]).into(),
            ],
        );
    }
    t
}

/// The update table W ← W − η ∂L/∂W, b ← b − η δ of every layer.
pub fn update_table(net: &Network, t: &Trace, eta: &Scalar, s: &Settings) -> Table {
    let mut u = Table::new(
        format!(
            "Update · 参数更新 · W ← W - η ∂L/∂W, b ← b - η ∂L/∂b, η = {}",
            eta.show(s.digits)
        ),
        &["parameter", "computed as", "new value"],
    );
    for (idx, (layer, lt)) in net.layers.iter().zip(&t.layers).enumerate() {
        let l = idx + 1;
        let (Some(nw), Some(nb)) = (&lt.new_w, &lt.new_b) else {
            continue;
        };
        for (o, row) in nw.iter().enumerate() {
            for (k, v) in row.iter().enumerate() {
                let (i, j) = shown_index(net.convention, o, k);
                let how = text(
                    format!(
                        "{} - {}·{}",
                        Math::num(&layer.w[o][k], s.digits).plain,
                        op(eta, s).plain,
                        op(&lt.grad_w[o][k], s).plain
                    ),
                    format!(
                        "{} - {} \\cdot {}",
                        Math::num(&layer.w[o][k], s.digits).latex,
                        op(eta, s).latex,
                        op(&lt.grad_w[o][k], s).latex
                    ),
                );
                push_capped(
                    &mut u,
                    vec![sub2("W", l, i, j).into(), how.into(), v.clone().into()],
                );
            }
        }
        for (o, v) in nb.iter().enumerate() {
            let how = text(
                format!(
                    "{} - {}·{}",
                    Math::num(&layer.b[o], s.digits).plain,
                    op(eta, s).plain,
                    op(&lt.grad_b[o], s).plain
                ),
                format!(
                    "{} - {} \\cdot {}",
                    Math::num(&layer.b[o], s.digits).latex,
                    op(eta, s).latex,
                    op(&lt.grad_b[o], s).latex
                ),
            );
            push_capped(
                &mut u,
                vec![sub("b", l, o + 1).into(), how.into(), v.clone().into()],
            );
        }
    }
    u
}

/// Forward, loss, backward, checks and update of a trace, with the named
/// results (`loss`, `z(l)_i`, `a(l)_i`, `delta(l)_i`, `dL/dW(l)_ij`,
/// `dL/db(l)_i`) and the JSON `loss` and `layers`.
pub fn explain(report: &mut Report, net: &Network, t: &Trace, s: &Settings) {
    report.formula(formulas(net.convention));
    let fwd: Vec<Forward> = t
        .layers
        .iter()
        .map(|l| Forward {
            z: l.z.clone(),
            a: l.a.clone(),
        })
        .collect();
    forward_tables(report, net, &t.input, &fwd, s);
    report.table(loss_table(t, s));
    backward_tables(report, net, t, s);
    let checks: Vec<bool> = t
        .layers
        .iter()
        .flat_map(|l| {
            l.grad_w
                .iter()
                .flatten()
                .zip(l.fd_w.iter().flatten())
                .chain(l.grad_b.iter().zip(&l.fd_b))
                .filter_map(|(g, fd)| fd.map(|d| fd_agrees(g, d)))
        })
        .collect();
    let agree = checks.iter().filter(|&&b| b).count();
    let total = net.parameter_count();
    let scope = if checks.len() < total {
        format!(
            " (a central difference is computed for the {} gradients the tables show; the network has {total} parameters)",
            checks.len()
        )
    } else {
        String::new()
    };
    report.text(format!("Check: {agree} of {} gradients agree with central differences (L(p + h) - L(p - h))/2h, h = 1e-6·max(1, |p|), computed by a separate f64 forward pass{scope}.", checks.len()));
    if t.layers.iter().any(|l| l.kink) {
        report.text("Kink: some z sits exactly where f' jumps; the tables use ReLU'(0) = 0, Leaky ReLU'(0) = γ, ELU'(0) = γ and give a maxout tie to the first piece, so a finite difference there is one-sided and may disagree.");
    }
    if let Some(eta) = &t.objective.learning_rate {
        report.table(update_table(net, t, eta, s));
    }
    results(report, net, t);
}

fn loss_table(t: &Trace, s: &Settings) -> Table {
    let o = &t.objective;
    let (rule, latex) = match o.loss {
        Loss::Mse => (
            "MSE = 1/n Σ (a_k - t_k)²",
            "\\frac{1}{n}\\sum_k (a_k - t_k)^2",
        ),
        Loss::HalfSse => ("1/2 Σ (a_k - t_k)²", "\\frac{1}{2}\\sum_k (a_k - t_k)^2"),
        Loss::Bce => (
            "-Σ [t ln a + (1 - t) ln(1 - a)]",
            "-\\sum_k [t_k \\ln a_k + (1 - t_k)\\ln(1 - a_k)]",
        ),
        Loss::CrossEntropy => ("-Σ t_k ln a_k", "-\\sum_k t_k \\ln a_k"),
    };
    let mut tb = Table::new(
        format!("Loss · 损失函数 · {}", o.loss),
        &["quantity", "formula", "value"],
    );
    tb.row(vec![
        Cell::Text("target t".into()),
        Cell::Empty,
        Cell::Text(
            o.target
                .iter()
                .map(|v| v.show(s.digits))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]);
    tb.row(vec![
        Cell::Text("L(a, t)".into()),
        text(rule, latex).into(),
        t.data_loss.clone().into(),
    ]);
    if !o.l2.is_zero() {
        tb.row(vec![
            Cell::Text("L2 term".into()),
            text(
                format!("λ/2 Σ_l ‖W(l)‖²_F, λ = {}", o.l2.show(s.digits)),
                "\\frac{\\lambda}{2}\\sum_l \\lVert W^{(l)} \\rVert_F^2",
            )
            .into(),
            t.penalty.clone().into(),
        ]);
        tb.row(vec![
            Cell::Text("L (total)".into()),
            text(
                "L(a, t) + λ/2 Σ‖W‖²",
                "L + \\frac{\\lambda}{2}\\sum \\lVert W \\rVert^2",
            )
            .into(),
            t.loss.clone().into(),
        ]);
    }
    tb
}

fn results(report: &mut Report, net: &Network, t: &Trace) {
    let c = net.convention;
    report.results.push(("loss".into(), t.loss.clone()));
    for (idx, lt) in t.layers.iter().enumerate() {
        let l = idx + 1;
        let r = &mut report.results;
        r.extend(
            lt.z.iter()
                .enumerate()
                .map(|(i, v)| (format!("z({l})_{}", i + 1), v.clone())),
        );
        r.extend(
            lt.a.iter()
                .enumerate()
                .map(|(i, v)| (format!("a({l})_{}", i + 1), v.clone())),
        );
        r.extend(
            lt.delta
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("delta({l})_{}", i + 1), v.clone())),
        );
        for (o, row) in lt.grad_w.iter().enumerate() {
            for (k, v) in row.iter().enumerate() {
                let (i, j) = shown_index(c, o, k);
                r.push((format!("dL/dW({l})_{i},{j}"), v.clone()));
            }
        }
        r.extend(
            lt.grad_b
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("dL/db({l})_{}", i + 1), v.clone())),
        );
    }
    let layers = t
        .layers
        .iter()
        .map(|lt| {
            Data::Map(vec![
                ("z".into(), Data::nums(&lt.z)),
                ("a".into(), Data::nums(&lt.a)),
                ("delta".into(), Data::nums(&lt.delta)),
                ("grad_W".into(), Data::matrix(&shown(&lt.grad_w, c))),
                ("grad_b".into(), Data::nums(&lt.grad_b)),
            ])
        })
        .collect();
    report.data.push(("loss".into(), Data::Num(t.loss.clone())));
    report.data.push(("layers".into(), Data::List(layers)));
}

/// The report of `nn-tutor net SPEC.toml`: the spec echoed (JSON `spec`),
/// then forward, loss, backward, checks and update.
pub fn net_report(
    spec: &crate::netspec::Spec,
    path: &str,
    s: &Settings,
) -> crate::error::Result<Report> {
    let spec = if s.float {
        spec.to_float()
    } else {
        spec.clone()
    };
    let net = spec.network()?;
    net.check_size(s.float)?;
    let mut r = Report {
        id: "net".into(),
        title: format!("The network of {path}"),
        title_zh: "前馈神经网络".into(),
        sources: vec!["NNDL 反向传播算法 (δ recursion); PKU 通用矩阵形式; JQ h = f(hW + b) for the row convention".into()],
        ..Report::default()
    };
    r.inputs = spec
        .input
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("x_{}", i + 1), v.clone()))
        .collect();
    r.data.push(("spec".into(), spec_data(&spec)));
    let shapes: Vec<String> = net
        .layers
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "layer {}: {} → {} ({})",
                i + 1,
                l.inputs(),
                l.units(),
                l.activation
            )
        })
        .collect();
    r.text(format!(
        "{} convention; {}; {} parameters.",
        match net.convention {
            Convention::Column => "Column",
            Convention::Row => "Row",
        },
        shapes.join(", "),
        net.parameter_count()
    ));
    match spec.objective() {
        Some(obj) => {
            let t = net.trace(&spec.input, &obj)?;
            explain(&mut r, &net, &t, s);
        }
        None => {
            let fwd = net.forward(&spec.input)?;
            r.formula(formulas(net.convention));
            forward_tables(&mut r, &net, &spec.input, &fwd, s);
            r.text("No target and loss in the spec, so this is the forward pass only; add `target` and `loss` for the backward pass.");
            forward_results(&mut r, &fwd);
            r.data.push(("loss".into(), Data::Null));
        }
    }
    r.try_next
        .push(format!("nn-tutor net {path} --format json"));
    r.try_next.push("--float".into());
    Ok(r)
}

/// Named results `z(l)_i`, `a(l)_i` of a forward pass, and JSON `layers`.
pub fn forward_results(r: &mut Report, fwd: &[Forward]) {
    for (idx, f) in fwd.iter().enumerate() {
        let l = idx + 1;
        r.results.extend(
            f.z.iter()
                .enumerate()
                .map(|(i, v)| (format!("z({l})_{}", i + 1), v.clone())),
        );
        r.results.extend(
            f.a.iter()
                .enumerate()
                .map(|(i, v)| (format!("a({l})_{}", i + 1), v.clone())),
        );
    }
    let layers = fwd
        .iter()
        .map(|f| {
            Data::Map(vec![
                ("z".into(), Data::nums(&f.z)),
                ("a".into(), Data::nums(&f.a)),
            ])
        })
        .collect();
    r.data.push(("layers".into(), Data::List(layers)));
}

fn spec_data(spec: &crate::netspec::Spec) -> Data {
    let opt = |v: &Option<Scalar>| v.clone().map_or(Data::Null, Data::Num);
    let layers = spec
        .layers
        .iter()
        .map(|l| {
            Data::Map(vec![
                ("weights".into(), Data::matrix(&l.weights)),
                ("bias".into(), Data::nums(&l.bias)),
                ("activation".into(), Data::Text(l.activation.to_string())),
            ])
        })
        .collect();
    Data::Map(vec![
        (
            "convention".into(),
            Data::Text(
                match spec.convention {
                    Convention::Column => "column",
                    Convention::Row => "row",
                }
                .into(),
            ),
        ),
        ("input".into(), Data::nums(&spec.input)),
        (
            "target".into(),
            spec.target.as_deref().map_or(Data::Null, Data::nums),
        ),
        (
            "loss".into(),
            spec.loss.map_or(Data::Null, |l| Data::Text(l.to_string())),
        ),
        ("learning_rate".into(), opt(&spec.learning_rate)),
        ("l2".into(), Data::Num(spec.l2.clone())),
        ("layer".into(), Data::List(layers)),
    ])
}
