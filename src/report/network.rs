//! Explain a network [`PassTrace`]: per layer, the forward table (z, a), the
//! backward table (∂L/∂a, f'(z), δ), the gradients beside their finite
//! differences, and the update; plus the named results and the JSON
//! `loss` and `layers`.

use crate::activation::Activation;
use crate::loss::Loss;
use crate::network::{
    Convention, Forward, Matrix, Network, PassTrace, display_order, fd_agrees, transpose,
};
use crate::report::layer_math::{
    apply_computed, derivative_computed, dl, formulas, loss_grad_rule, op, rule, sub, sub2,
    sum_of_products, text,
};
use crate::report::{Cell, Data, Math, Num, Report, Sentence, Table};
use crate::report::{Kind, Named};
use crate::scalar::Scalar;

/// Most rows a table shows; the rest are counted (JSON has every value).
pub const MAX_ROWS: usize = crate::network::FD_SHOWN;

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
pub fn forward_tables(report: &mut Report, net: &Network, x: &[Scalar], fwd: &[Forward]) {
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
                fz.words()
            ),
            &["quantity", "computed as", "value"],
        );
        t.title_math = vec![fz.clone()];
        for (o, (row, b)) in layer.w.iter().zip(&layer.b).enumerate() {
            let pairs: Vec<(&Scalar, &Scalar)> = match net.convention {
                Convention::Column => row.iter().zip(below).collect(),
                Convention::Row => below.iter().zip(row).collect(),
            };
            push_capped(
                &mut t,
                vec![
                    sub("z", l, o + 1).into(),
                    sum_of_products(&pairs, Some(b)).into(),
                    f.z[o].clone().into(),
                ],
            );
        }
        for (i, a) in f.a.iter().enumerate() {
            push_capped(
                &mut t,
                vec![
                    sub("a", l, i + 1).into(),
                    apply_computed(&layer.activation, &f.z, i).into(),
                    a.clone().into(),
                ],
            );
        }
        report.table(t);
    }
}

/// The backward tables (δ, gradients with checks, update) from layer L down to 1.
pub fn backward_tables(report: &mut Report, net: &Network, t: &PassTrace) {
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
            format!("{} · backward 反向传播 · ", layer_name(l, n)),
            &["quantity", "computed as", "value"],
        )
        .then_math(Math::new(
            format!("δ({l}) = ∂L/∂z({l})"),
            format!("\\delta^{{({l})}} = \\frac{{\\partial L}}{{\\partial z^{{({l})}}}}"),
        ))
        .then_words(" · ")
        .then_math(fprime);
        for (i, g) in lt.grad_a.iter().enumerate() {
            let how = if l == n {
                loss_grad_rule(
                    t.objective.loss,
                    &lt.a[i],
                    &t.objective.target[i],
                    lt.a.len(),
                )
            } else {
                let up = &t.layers[idx + 1];
                let col: Vec<&Scalar> = net.layers[idx + 1].w.iter().map(|r| &r[i]).collect();
                sum_of_products(&col.into_iter().zip(&up.delta).collect::<Vec<_>>(), None)
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
                            derivative_computed(&layer.activation, &lt.z[i], &lt.a[i]).into(),
                            v.clone().into(),
                        ],
                    );
                }
                for (i, v) in lt.delta.iter().enumerate() {
                    push_capped(
                        &mut d,
                        vec![
                            sub("δ", l, i + 1).into(),
                            Math::join(&[op(&lt.grad_a[i]), op(&fp[i])], " × ", " \\times ").into(),
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
        ));
        if idx == 0 {
            let mut x = Table::new(
                "Gradient with respect to the input · ",
                &["quantity", "value"],
            )
            .then_math(Math::new(
                "∂L/∂x = W(1)ᵀ δ(1)",
                "\\frac{\\partial L}{\\partial x} = (W^{(1)})^{\\top} \\delta^{(1)}",
            ));
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
) -> Table {
    let k = l - 1;
    // ∂L/∂W(l) = δ(l) a(l-1)ᵀ in both spellings, as each convention writes it.
    let d_w = |plain: String, latex: String| {
        Math::new(
            format!("∂L/∂W({l}) = {plain}, ∂L/∂b({l}) = δ({l})"),
            format!(
                "\\frac{{\\partial L}}{{\\partial W^{{({l})}}}} = {latex},\\quad \\frac{{\\partial L}}{{\\partial b^{{({l})}}}} = \\delta^{{({l})}}"
            ),
        )
    };
    let (rule, note) = match (c, l2.is_zero()) {
        (Convention::Column, true) => (
            d_w(
                format!("δ({l}) a({k})ᵀ"),
                format!("\\delta^{{({l})}} (a^{{({k})}})^{{\\top}}"),
            ),
            "",
        ),
        (Convention::Row, true) => (
            d_w(
                format!("a({k})ᵀ δ({l})"),
                format!("(a^{{({k})}})^{{\\top}} \\delta^{{({l})}}"),
            ),
            "",
        ),
        (_, false) => (
            d_w(
                format!("δ({l}) a({k})ᵀ + λW({l})"),
                format!("\\delta^{{({l})}} (a^{{({k})}})^{{\\top}} + \\lambda W^{{({l})}}"),
            ),
            " (no λ on biases)",
        ),
    };
    let mut t = Table::new(
        format!("Gradients of layer {l} · 梯度 · "),
        &[
            "gradient",
            "computed as",
            "backprop",
            "finite difference",
            "check",
        ],
    )
    .then_math(rule)
    .then_words(&format!("{note} · checked by central differences"));
    let verdict = |g: &Scalar, fd: Option<f64>| match fd {
        None => "n/a".to_string(),
        Some(d) if fd_agrees(g, d) => "✓ agrees".to_string(),
        Some(_) if kink => "kink: one-sided, see note".to_string(),
        Some(_) => "✗ DIFFERS".to_string(),
    };
    for (o, k) in display_order(c, lt.grad_w.len(), below.len()) {
        let g = &lt.grad_w[o][k];
        let (i, j) = shown_index(c, o, k);
        // column: δ_i a_j (δ aᵀ); row: a_i δ_j (aᵀ δ)
        let (d, a) = (op(&lt.delta[o]), op(&below[k]));
        let pair = match c {
            Convention::Column => [d, a],
            Convention::Row => [a, d],
        };
        let mut how = Math::join(&pair, "·", " \\cdot ");
        if !l2.is_zero() {
            how = Math::join(
                &[how, Math::join(&[op(l2), op(&w[o][k])], "·", " \\cdot ")],
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
pub fn update_table(net: &Network, t: &PassTrace, eta: &Scalar) -> Table {
    let mut u = Table::new("Update · 参数更新 · ", &["parameter", "computed as", "new value"])
        .then_math(Math::new(
            "W ← W - η ∂L/∂W, b ← b - η ∂L/∂b",
            "W \\leftarrow W - \\eta \\frac{\\partial L}{\\partial W},\\quad b \\leftarrow b - \\eta \\frac{\\partial L}{\\partial b}",
        ))
        .then_words(", η = {}")
        .quoting(vec![Num::shown(eta)]);
    for (idx, (layer, lt)) in net.layers.iter().zip(&t.layers).enumerate() {
        let l = idx + 1;
        let (Some(nw), Some(nb)) = (&lt.new_w, &lt.new_b) else {
            continue;
        };
        for (o, k) in display_order(net.convention, nw.len(), layer.inputs()) {
            let v = &nw[o][k];
            let (i, j) = shown_index(net.convention, o, k);
            let how = Math::cat(&[
                Math::num(&layer.w[o][k]),
                text(" - ", " - "),
                op(eta),
                text("·", " \\cdot "),
                op(&lt.grad_w[o][k]),
            ]);
            push_capped(
                &mut u,
                vec![sub2("W", l, i, j).into(), how.into(), v.clone().into()],
            );
        }
        for (o, v) in nb.iter().enumerate() {
            let how = Math::cat(&[
                Math::num(&layer.b[o]),
                text(" - ", " - "),
                op(eta),
                text("·", " \\cdot "),
                op(&lt.grad_b[o]),
            ]);
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
pub fn explain(report: &mut Report, net: &Network, t: &PassTrace) {
    report.formula(formulas(net.convention));
    let fwd: Vec<Forward> = t
        .layers
        .iter()
        .map(|l| Forward {
            z: l.z.clone(),
            a: l.a.clone(),
        })
        .collect();
    forward_tables(report, net, &t.input, &fwd);
    report.table(loss_table(t));
    backward_tables(report, net, t);
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
        report.table(update_table(net, t, eta));
    }
    results(report, net, t);
}

fn loss_table(t: &PassTrace) -> Table {
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
        Cell::Sentence(Sentence::join(
            o.target.iter().map(|v| Num::shown(v).into()),
            ", ",
        )),
    ]);
    tb.row(vec![
        Cell::Text("L(a, t)".into()),
        text(rule, latex).into(),
        t.data_loss.clone().into(),
    ]);
    if !o.l2.is_zero() {
        tb.row(vec![
            Cell::Text("L2 term".into()),
            Math::cat(&[
                text(
                    "λ/2 Σ_l ‖W(l)‖²_F, λ = ",
                    "\\frac{\\lambda}{2}\\sum_l \\lVert W^{(l)} \\rVert_F^2",
                ),
                Math::shown(&o.l2).plain_only(),
            ])
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

fn results(report: &mut Report, net: &Network, t: &PassTrace) {
    let c = net.convention;
    report.add("loss", t.loss.clone(), Kind::Loss);
    // At a kink every gradient takes the convention's one-sided value.
    let kink = t.layers.iter().any(|l| l.kink);
    let grad = |name: String, v: &Scalar| Named::new(name, v.clone(), Kind::Gradient).at_kink(kink);
    for (idx, lt) in t.layers.iter().enumerate() {
        let l = idx + 1;
        let r = &mut report.results;
        for (q, vs) in [("z", &lt.z), ("a", &lt.a)] {
            r.extend(
                vs.iter().enumerate().map(|(i, v)| {
                    Named::new(format!("{q}({l})_{}", i + 1), v.clone(), Kind::Value)
                }),
            );
        }
        r.extend(
            lt.delta
                .iter()
                .enumerate()
                .map(|(i, v)| grad(format!("delta({l})_{}", i + 1), v)),
        );
        let ins = lt.grad_w.first().map_or(0, Vec::len);
        for (o, k) in display_order(c, lt.grad_w.len(), ins) {
            let (i, j) = shown_index(c, o, k);
            r.push(grad(format!("dL/dW({l})_{i},{j}"), &lt.grad_w[o][k]));
        }
        r.extend(
            lt.grad_b
                .iter()
                .enumerate()
                .map(|(i, v)| grad(format!("dL/db({l})_{}", i + 1), v)),
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
