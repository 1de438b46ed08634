//! softmax/1-2 and loss/1-2: softmax and its stable form (JQ), softmax with
//! cross-entropy (NNDL), MSE against 1/2 SSE and cross-entropy (CAL, PKU),
//! and the L2 structured risk with its update (NNDL).

use crate::activation::Activation;
use crate::catalog::common::{count, get, layer, start, vector};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::network::{Convention, Network, Objective};
use crate::report::network::update_table;
use crate::report::{Block, Cell, Figure, Math, Report, Settings, Table};
use crate::scalar::Scalar;

pub static SOFTMAX: &[Example] = &[
    Example {
        topic: "softmax",
        number: 1,
        title: "Softmax and its subtract-the-max form",
        title_zh: "输出层-softmax函数",
        sources: &["JQ deck, 输出层-softmax函数: y_k = exp(a_k) / Σ_i exp(a_i), 输出和总是1"],
        params: &[
            Param::new("a1", "0.3", "input signal 1"),
            Param::new("a2", "2.9", "input signal 2"),
            Param::new("a3", "4.0", "input signal 3"),
            Param::new(
                "shift",
                "1000",
                "added to every a_k in the overflow demonstration",
            ),
        ],
        build: softmax_1,
    },
    Example {
        topic: "softmax",
        number: 2,
        title: "Softmax with cross-entropy: the gradient is ŷ - y",
        title_zh: "Softmax 与交叉熵损失",
        sources: &["NNDL, 应用到机器学习: ŷ = softmax(z(L)), L(y, ŷ) = -yᵀ log ŷ"],
        params: &[
            Param::new("z1", "1", "logit of class 1"),
            Param::new("z2", "2", "logit of class 2"),
            Param::new("z3", "-1", "logit of class 3"),
            Param::new("class", "2", "the true class (1-3); y is one-hot"),
        ],
        build: softmax_2,
    },
];

pub static LOSS: &[Example] = &[
    Example {
        topic: "loss",
        number: 1,
        title: "MSE, half sum of squares and cross-entropy",
        title_zh: "损失函数: 均方误差与交叉熵误差",
        sources: &[
            "CAL deck, 损失函数: MSE = 1/n Σ (y_i - y'_i)², CEE = -Σ y_i ln(y'_i)",
            "PKU deck: J = 1/n Σ (ŷ - y)²",
        ],
        params: &[
            Param::new("y1", "1/2", "prediction 1"),
            Param::new("y2", "1/4", "prediction 2"),
            Param::new("y3", "1/4", "prediction 3"),
            Param::new("t1", "1", "target 1"),
            Param::new("t2", "0", "target 2"),
            Param::new("t3", "0", "target 3"),
        ],
        build: loss_1,
    },
    Example {
        topic: "loss",
        number: 2,
        title: "Structured risk with L2 and its update",
        title_zh: "结构化风险与参数更新",
        sources: &[
            "NNDL, 参数学习: R(W, b) = 1/N Σ L + λ/2 ‖W‖²_F",
            "NNDL, 算法 4.1: W(l) ← W(l) - α(δ(l) a(l-1)ᵀ + λW(l)), b(l) ← b(l) - αδ(l)",
        ],
        params: &[
            Param::new("x11", "1", "sample 1, input 1"),
            Param::new("x12", "2", "sample 1, input 2"),
            Param::new("y1", "1", "sample 1, target"),
            Param::new("x21", "2", "sample 2, input 1"),
            Param::new("x22", "-1", "sample 2, input 2"),
            Param::new("y2", "0", "sample 2, target"),
            Param::new("w1", "1/2", "W_11"),
            Param::new("w2", "-1/2", "W_12"),
            Param::new("b", "0", "bias"),
            Param::new("lambda", "1/10", "λ, the L2 coefficient"),
            Param::new("alpha", "1/2", "α, the learning rate"),
        ],
        build: loss_2,
    },
];

fn softmax_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["a1", "a2", "a3", "shift"], s);
    let a = vector(v, &["a1", "a2", "a3"], s);
    r.formula(Math::new("y_k = exp(a_k) / Σ_i exp(a_i) = exp(a_k - m) / Σ_i exp(a_i - m),  m = max_i a_i", "y_k = \\frac{\\exp(a_k)}{\\sum_i \\exp(a_i)} = \\frac{\\exp(a_k - m)}{\\sum_i \\exp(a_i - m)},\\quad m = \\max_i a_i"));
    let y = softmax_table(&mut r, "Softmax · the two forms agree", &a, s)?;
    let shift = get(v, "shift", s);
    let shifted: Vec<Scalar> = a.iter().map(|x| x.add(&shift)).collect::<Result<_>>()?;
    // A large negative shift fails the other way: every exp(a_k) underflows
    // to 0 and the direct form is 0/0.
    let underflows = shifted.iter().all(|x| x.exp().is_ok_and(|e| e.is_zero()));
    let title = if underflows {
        format!(
            "Every a_k + {}: exp(a_k) underflows to 0 in f64 below about -745, the subtract-the-max form does not",
            shift.show(s.digits)
        )
    } else {
        format!(
            "Every a_k + {}: exp(a_k) overflows f64 past about 709.78, the subtract-the-max form does not",
            shift.show(s.digits)
        )
    };
    let ys = softmax_table(&mut r, &title, &shifted, s)?;
    let same = y
        .iter()
        .zip(&ys)
        .all(|(p, q)| (p.to_f64() - q.to_f64()).abs() < 1e-12);
    r.text(format!("Adding a constant to every a_k leaves softmax unchanged {}: exp(a_k + c) = e^c exp(a_k), and e^c cancels.", if same { "✓" } else { "✗" }));
    for (k, yk) in y.iter().enumerate() {
        r.results.push((format!("y{}", k + 1), yk.clone()));
    }
    r.results.push(("sum".into(), crate::activation::sum(&y)?));
    r.blocks.push(Block::Figure(bars(
        "Softmax probabilities y_k · 分类概率",
        &y,
    )));
    Ok(r)
}

fn bars(title: &str, y: &[Scalar]) -> Figure {
    Figure::Bars {
        title: title.into(),
        labels: (1..=y.len()).map(|k| format!("k = {k}")).collect(),
        values: y.iter().map(Scalar::to_f64).collect(),
        y_label: "y_k".into(),
    }
}

/// One table of both forms; returns the stable y.
fn softmax_table(r: &mut Report, title: &str, a: &[Scalar], s: &Settings) -> Result<Vec<Scalar>> {
    let m = a.iter().skip(1).fold(a[0].clone(), |m, x| m.max(x));
    let direct: Vec<Option<Scalar>> = a.iter().map(|x| x.exp().ok()).collect();
    let stable: Vec<Scalar> = a.iter().map(|x| x.sub(&m)?.exp()).collect::<Result<_>>()?;
    let total_direct = direct.iter().try_fold(Scalar::zero(), |acc, e| {
        e.as_ref().and_then(|e| acc.add(e).ok())
    });
    let y = Activation::Softmax.forward(a)?;
    let mut t = Table::new(
        format!("{title} (m = max a = {})", m.show(s.digits)),
        &[
            "k",
            "a_k",
            "exp(a_k)",
            "y_k = exp(a_k)/Σ",
            "exp(a_k - m)",
            "y_k = exp(a_k - m)/Σ",
        ],
    );
    for k in 0..a.len() {
        let (e, yd) = match (&direct[k], &total_direct) {
            (Some(e), Some(tot)) if tot.is_zero() => {
                (Cell::Num(e.clone()), Cell::Text("0/0: NaN".into()))
            }
            (Some(e), Some(tot)) => (Cell::Num(e.clone()), Cell::Num(e.div(tot)?)),
            _ => (
                Cell::Text("overflow (∞)".into()),
                Cell::Text("∞/∞: NaN".into()),
            ),
        };
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            a[k].clone().into(),
            e,
            yd,
            stable[k].clone().into(),
            y[k].clone().into(),
        ]);
    }
    t.row(vec![
        Cell::Text("Σ".into()),
        Cell::Empty,
        total_direct.map_or(Cell::Text("overflow".into()), Cell::Num),
        Cell::Empty,
        Cell::Num(crate::activation::sum(&stable)?),
        Cell::Num(crate::activation::sum(&y)?),
    ]);
    r.table(t);
    Ok(y)
}

fn softmax_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["z1", "z2", "z3", "class"], s);
    let z = vector(v, &["z1", "z2", "z3"], s);
    let c = count(v, "class", 1, 3)? as usize;
    let (one, zero) = if s.float {
        (Scalar::Float(1.0), Scalar::Float(0.0))
    } else {
        (Scalar::one(), Scalar::zero())
    };
    let y: Vec<Scalar> = (1..=3)
        .map(|k| if k == c { one.clone() } else { zero.clone() })
        .collect();
    let yhat = Activation::Softmax.forward(&z)?;
    let loss = Loss::CrossEntropy.value(&yhat, &y)?;
    let dl = Loss::CrossEntropy.grad(&yhat, &y)?;
    let jac = Activation::Softmax.backward(&z, &yhat, &dl)?;
    r.formula(Math::new("L = -yᵀ log ŷ = -log ŷ_c;  ∂L/∂z = (diag(ŷ) - ŷŷᵀ)(-y/ŷ) = ŷ - y", "L = -y^{\\top}\\log \\hat y,\\quad \\frac{\\partial L}{\\partial z} = (\\operatorname{diag}(\\hat y) - \\hat y \\hat y^{\\top})\\left(-\\frac{y}{\\hat y}\\right) = \\hat y - y"));
    let zf: Vec<f64> = z.iter().map(Scalar::to_f64).collect();
    let yf: Vec<f64> = y.iter().map(Scalar::to_f64).collect();
    let lf = |zz: &[f64]| Loss::CrossEntropy.value_f64(&Activation::Softmax.forward_f64(zz), &yf);
    let mut t = Table::new(
        format!(
            "Softmax + cross-entropy, true class {c} · L = {}",
            loss.show(s.digits)
        ),
        &[
            "k",
            "z_k",
            "ŷ_k",
            "y_k",
            "∂L/∂ŷ_k = -y_k/ŷ_k",
            "Jacobian route",
            "ŷ_k - y_k",
            "central difference",
        ],
    );
    for k in 0..3 {
        let short = yhat[k].sub(&y[k])?;
        let h = 1e-6 * zf[k].abs().max(1.0);
        let (mut up, mut down) = (zf.clone(), zf.clone());
        up[k] += h;
        down[k] -= h;
        let fd = (lf(&up) - lf(&down)) / (2.0 * h);
        t.row(vec![
            Cell::Text((k + 1).to_string()),
            z[k].clone().into(),
            yhat[k].clone().into(),
            y[k].clone().into(),
            dl[k].clone().into(),
            jac[k].clone().into(),
            short.clone().into(),
            Cell::Num(Scalar::Float(fd)),
        ]);
        r.results.push((format!("dL/dz{}", k + 1), short));
    }
    r.table(t);
    r.text("The three gradient columns agree: the Jacobian of softmax times -y/ŷ collapses to ŷ - y, which is why the output layer's δ is simply prediction minus label.");
    r.results.insert(0, ("L".into(), loss));
    r.blocks.push(Block::Figure(bars("ŷ = softmax(z)", &yhat)));
    Ok(r)
}

fn loss_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["y1", "y2", "y3", "t1", "t2", "t3"], s);
    let y = vector(v, &["y1", "y2", "y3"], s);
    let t = vector(v, &["t1", "t2", "t3"], s);
    r.text("y'_k is the prediction, t_k the target. CAL's n counts samples; here the sum runs over the 3 outputs of one sample, which is the same arithmetic.");
    let mut tb = Table::new(
        "Per output · 逐项",
        &[
            "k",
            "y'_k",
            "t_k",
            "(y'_k - t_k)²",
            "∂MSE/∂y'_k = 2/n (y' - t)",
            "∂(½SSE)/∂y'_k = y' - t",
            "-t_k ln y'_k",
            "∂CE/∂y'_k = -t/y'",
        ],
    );
    let (gm, gh) = (Loss::Mse.grad(&y, &t)?, Loss::HalfSse.grad(&y, &t)?);
    let ce_ok = Loss::CrossEntropy.check_target(&t).is_ok() && y.iter().all(|x| x.signum() > 0);
    let gc = if ce_ok {
        Some(Loss::CrossEntropy.grad(&y, &t)?)
    } else {
        None
    };
    for k in 0..3 {
        let d = y[k].sub(&t[k])?;
        let term = if t[k].is_zero() || !ce_ok {
            Cell::Num(Scalar::zero())
        } else {
            Cell::Num(t[k].mul(&y[k].ln()?)?.neg())
        };
        tb.row(vec![
            Cell::Text((k + 1).to_string()),
            y[k].clone().into(),
            t[k].clone().into(),
            d.mul(&d)?.into(),
            gm[k].clone().into(),
            gh[k].clone().into(),
            if ce_ok { term } else { Cell::Empty },
            gc.as_ref().map_or(Cell::Empty, |g| Cell::Num(g[k].clone())),
        ]);
    }
    r.table(tb);
    let mut tot = Table::new("Totals · 损失", &["loss", "formula", "value"]);
    let mse = Loss::Mse.value(&y, &t)?;
    let half = Loss::HalfSse.value(&y, &t)?;
    tot.row(vec![
        "MSE 均方误差".into(),
        Math::new("1/n Σ (y'_k - t_k)²", "\\frac{1}{n}\\sum_k (y'_k - t_k)^2").into(),
        mse.clone().into(),
    ]);
    tot.row(vec![
        "½ SSE".into(),
        Math::new("1/2 Σ (y'_k - t_k)²", "\\frac{1}{2}\\sum_k (y'_k - t_k)^2").into(),
        half.clone().into(),
    ]);
    r.results = vec![("mse".into(), mse), ("half_sse".into(), half)];
    if ce_ok {
        let ce = Loss::CrossEntropy.value(&y, &t)?;
        tot.row(vec![
            "CEE 交叉熵误差".into(),
            Math::new("-Σ t_k ln y'_k", "-\\sum_k t_k \\ln y'_k").into(),
            ce.clone().into(),
        ]);
        r.results.push(("cross_entropy".into(), ce));
    }
    r.table(tot);
    r.text(if ce_ok {
        "MSE and ½SSE differ only by the constant factor 2/n, so they have the same minimum; the ½ makes the gradient exactly y' - t."
    } else {
        "Cross-entropy is left out: it needs targets that form a distribution (non-negative, summing to 1) and predictions above 0."
    });
    Ok(r)
}

fn loss_2(v: &Values, s: &Settings) -> Result<Report> {
    let all: Vec<&str> = LOSS[1].params.iter().map(|p| p.name).collect();
    let mut r = start(v, &all, s);
    let (lambda, alpha) = (get(v, "lambda", s), get(v, "alpha", s));
    let net = Network::new(
        Convention::Column,
        vec![layer(v, &[&["w1", "w2"]], &["b"], Activation::Identity, s)],
    )?;
    let samples = [
        (vector(v, &["x11", "x12"], s), get(v, "y1", s)),
        (vector(v, &["x21", "x22"], s), get(v, "y2", s)),
    ];
    r.formula(Math::new("R(W, b) = 1/N Σ_n L(y(n), ŷ(n)) + λ/2 ‖W‖²_F,   L = 1/2 (ŷ - y)²,   ŷ = W x + b", "\\mathcal{R}(W, b) = \\frac{1}{N}\\sum_{n} \\mathcal{L}(y^{(n)}, \\hat y^{(n)}) + \\frac{\\lambda}{2}\\lVert W \\rVert_F^2,\\quad \\mathcal{L} = \\tfrac{1}{2}(\\hat y - y)^2,\\quad \\hat y = W x + b"));
    let mut t = Table::new(
        "Structured risk · 结构化风险 (N = 2 samples)",
        &[
            "sample n",
            "x(n)",
            "ŷ(n) = W x + b",
            "y(n)",
            "L = ½(ŷ - y)²",
        ],
    );
    let mut losses = Vec::new();
    for (n, (x, y)) in samples.iter().enumerate() {
        let obj = Objective {
            target: vec![y.clone()],
            loss: Loss::HalfSse,
            l2: Scalar::zero(),
            learning_rate: None,
        };
        let tr = net.trace(x, &obj)?;
        t.row(vec![
            Cell::Text((n + 1).to_string()),
            Cell::Text(format!(
                "({}, {})",
                x[0].show(s.digits),
                x[1].show(s.digits)
            )),
            tr.layers[0].a[0].clone().into(),
            y.clone().into(),
            tr.loss.clone().into(),
        ]);
        losses.push(tr.loss);
    }
    r.table(t);
    let mean = losses[0].add(&losses[1])?.div(&Scalar::int(2))?;
    let penalty = crate::loss::l2_penalty(&lambda, net.layers[0].w.iter().flatten())?;
    let risk = mean.add(&penalty)?;
    let n = |x: &Scalar| Math::num(x, s.digits).plain;
    // ‖W‖²_F = 2·penalty/λ, computed directly so λ = 0 works too.
    let norm2 = crate::loss::l2_penalty(&Scalar::int(2), net.layers[0].w.iter().flatten())?;
    let o = |x: &Scalar| Math::operand(x, s.digits).plain;
    r.text(format!(
        "R = 1/2 ({} + {}) + λ/2 · ‖W‖²_F = {} + ({})/2 · {} = {} + {} = {}",
        o(&losses[0]),
        o(&losses[1]),
        n(&mean),
        n(&lambda),
        o(&norm2),
        n(&mean),
        n(&penalty),
        risk.show(s.digits)
    ));
    r.heading("One step of algorithm 4.1 on sample 1 · 随机梯度下降的一步");
    let obj = Objective {
        target: vec![samples[0].1.clone()],
        loss: Loss::HalfSse,
        l2: lambda.clone(),
        learning_rate: Some(alpha.clone()),
    };
    let tr = net.trace(&samples[0].0, &obj)?;
    let l = &tr.layers[0];
    let mut g = Table::new(
        "∂/∂W of L + λ/2‖W‖² = δ aᵀ + λW (the bias gets no λ term)",
        &["parameter", "δ a_j", "λ W", "gradient"],
    );
    for j in 0..2 {
        let lw = lambda.mul(&net.layers[0].w[0][j])?;
        g.row(vec![
            Cell::Text(format!("W_1{}", j + 1)),
            l.grad_w_data[0][j].clone().into(),
            lw.into(),
            l.grad_w[0][j].clone().into(),
        ]);
    }
    g.row(vec![
        Cell::Text("b_1".into()),
        l.delta[0].clone().into(),
        Cell::Empty,
        l.grad_b[0].clone().into(),
    ]);
    r.table(g);
    // The shared title says W ← W - η ∂L/∂W; here the step is NNDL's α and
    // the gradient includes the L2 term, as in algorithm 4.1.
    let mut u = update_table(&net, &tr, &alpha, s);
    u.title = format!(
        "Update · 参数更新 · W ← W - α(δ aᵀ + λW), b ← b - αδ, α = {}",
        alpha.show(s.digits)
    );
    r.table(u);
    let (nw, nb) = (
        l.new_w.as_ref().expect("α given"),
        l.new_b.as_ref().expect("α given"),
    );
    r.results = vec![
        ("L1".into(), losses[0].clone()),
        ("L2".into(), losses[1].clone()),
        ("penalty".into(), penalty),
        ("R".into(), risk),
        ("W_11 new".into(), nw[0][0].clone()),
        ("W_12 new".into(), nw[0][1].clone()),
        ("b new".into(), nb[0].clone()),
    ];
    Ok(r)
}
