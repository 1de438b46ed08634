//! How `explain --round-each D` replays each example: as programs of the
//! expression language (replayed by [`crate::rounding::replay`]) or as layer
//! problems (replayed by [`crate::rounding::layers`]), so one replay engine
//! serves every example. Examples whose values rounding cannot change
//! (integer counts) say so; training runs and seeded simulations have no
//! hand computation to replay and are refused with the reason.

use std::collections::HashMap;

use crate::activation::Activation;
use crate::catalog::common::{layer, vector};
use crate::catalog::{LayerProblem, Values};
use crate::error::{Error, Result};
use crate::network::{Convention, Network};
use crate::report::Settings;
use crate::rounding::{Item, Kind, Plan};
use crate::scalar::Scalar;

/// A value written into a program as a literal: `(-1/2)`, `(0.1)`.
fn lit(x: &Scalar) -> String {
    match x.exact_string() {
        Some(s) => format!("({s})"),
        None => format!("({})", x.to_f64()),
    }
}

fn inputs(v: &Values, names: &[&str]) -> HashMap<String, Scalar> {
    names
        .iter()
        .map(|n| (n.to_string(), v[*n].clone()))
        .collect()
}

fn links(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A program replayed forward and backward.
fn backward(label: String, src: String, inputs: HashMap<String, Scalar>) -> Item {
    Item {
        label,
        kind: Kind::Graph {
            src,
            inputs,
            backward: true,
            finals: Vec::new(),
        },
        links: Vec::new(),
    }
}

/// A program replayed forward only, with its final answers named.
fn forward(src: String, inputs: HashMap<String, Scalar>, finals: &[&str]) -> Item {
    Item {
        label: String::new(),
        kind: Kind::Graph {
            src,
            inputs,
            backward: false,
            finals: finals.iter().map(|s| s.to_string()).collect(),
        },
        links: Vec::new(),
    }
}

fn replay(items: Vec<Item>) -> Result<Plan> {
    Ok(Plan::Replay { items, note: None })
}

/// The audit plan of an example; `None` when it has none (the caller says
/// which examples have one).
pub fn plan(id: &str, v: &Values) -> Option<Result<Plan>> {
    if let Some(src) = super::program(id) {
        let item = backward(String::new(), src.to_string(), v.clone());
        return Some(replay(vec![item]));
    }
    if let Some(p) = super::network_of(id, v) {
        return Some(p.map(|p| {
            let links = match id {
                "forward/1" => same(&p),
                _ => Vec::new(),
            };
            Plan::Replay {
                items: vec![Item {
                    label: String::new(),
                    kind: Kind::Layers(p),
                    links,
                }],
                note: None,
            }
        }));
    }
    let count = |what: &str| {
        Ok(Plan::Unchanged(format!(
            "Every value of {id} is an integer count ({what}); rounding to any number of \
             decimals changes nothing, so there is no drift to show."
        )))
    };
    Some(match id {
        "activation/1" => activation_1(v),
        "activation/2" => activation_2(v),
        "activation/3" => activation_3(v),
        "activation/4" => activation_4(v),
        "forward/2" => forward_2(v),
        "forward/3" => forward_3(v),
        "forward/4" => super::pku_layers::audit(v),
        "backprop/6" => super::indicator::audit(v),
        "matrix-calculus/1" => super::layouts::audit(v),
        "softmax/1" => softmax_1(v),
        "softmax/2" => softmax_2(v),
        "loss/1" => loss_1(v),
        "loss/2" => loss_2(v),
        "neuron/3" => neuron_3(v),
        "gradient-descent/1" => gd_1(v),
        "xor/2" => xor_2(v),
        "autodiff/3" => autodiff_3(v),
        "init/1" => init_1(v),
        "init/2" => init_2(v),
        "network/1" | "network/2" => count("weights n_in·n_out and biases n_out per layer"),
        "network/3" => count("the shapes of W and b"),
        "gradient-descent/4" => count("samples, batches and iterations ⌈N/B⌉"),
        "xor/1" => count("the mistakes of a perceptron and the points a line gets right"),
        _ => return None,
    })
}

/// Why an example has no audit, for the error message.
pub fn why_not(id: &str) -> &'static str {
    match id {
        "gradient-descent/2" | "gradient-descent/3" | "xor/3" | "training/1" | "training/2"
        | "training/3" | "approximation/1" | "vanishing/1" | "vanishing/2" | "dying-relu/1" => {
            "it is a training run or a seeded simulation in f64, not a computation a student \
             does by hand, so there is no hand rounding to replay"
        }
        _ => "the rounding audit is not available for this example",
    }
}

/// autodiff/3: at each input, the static graph and the dynamic graph the
/// input's branch builds.
fn autodiff_3(v: &Values) -> Result<Plan> {
    use super::autodiff::{AUTODIFF_3_OTHER, AUTODIFF_3_POSITIVE, AUTODIFF_3_STATIC};
    let mut items = Vec::new();
    for n in ["x1", "x2"] {
        let x = &v[n];
        let dynamic = if x.signum() > 0 {
            AUTODIFF_3_POSITIVE
        } else {
            AUTODIFF_3_OTHER
        };
        for (kind, src) in [("static", AUTODIFF_3_STATIC), ("dynamic", dynamic)] {
            let mut it = backward(
                format!("{kind} {n}"),
                src.to_string(),
                HashMap::from([("x".to_string(), x.clone())]),
            );
            let mut l = vec![("df/dx", format!("df/dx({n}) {kind}"))];
            if kind == "static" {
                l.push(("f", format!("f({n})")));
            }
            it.links = l.into_iter().map(|(a, b)| (a.to_string(), b)).collect();
            items.push(it);
        }
    }
    replay(items)
}

/// Links from every row named like one of the example's results.
fn same((net, _, obj): &LayerProblem) -> Vec<(String, String)> {
    let mut l = Vec::new();
    for (i, layer) in net.layers.iter().enumerate() {
        for k in 0..layer.b.len() {
            for q in ["z", "a"] {
                let n = format!("{q}({})_{}", i + 1, k + 1);
                l.push((n.clone(), n));
            }
        }
    }
    if obj.is_some() {
        l.clear();
    }
    l
}

/// activation/1: each function at each point, `a = f(z)` and `da/dz`.
fn activation_1(v: &Values) -> Result<Plan> {
    let gamma = lit(&v["gamma"]);
    let mut items = Vec::new();
    for n in ["z1", "z2", "z3", "z4", "z5"] {
        let z = &v[n];
        let elu = if z.signum() > 0 {
            "a = z".to_string()
        } else {
            format!("a = {gamma}*(exp(z) - 1)")
        };
        for (key, src) in [
            ("logistic", "a = sigmoid(z)".to_string()),
            ("tanh", "a = tanh(z)".to_string()),
            ("relu", "a = relu(z)".to_string()),
            ("elu", elu),
            ("softplus", "a = ln(1 + exp(z))".to_string()),
        ] {
            let mut it = backward(
                format!("{key}({n})"),
                src,
                HashMap::from([("z".to_string(), z.clone())]),
            );
            it.links = links(&[
                ("a", &format!("{key}({n})")),
                ("da/dz", &format!("{key}'({n})")),
            ]);
            items.push(it);
        }
    }
    replay(items)
}

/// Leaky ReLU, PReLU and ELU on their branch at z (f'(0) takes the z ≤ 0
/// branch, as the example does), then maxout.
fn activation_2(v: &Values) -> Result<Plan> {
    let z = &v["z"];
    let mut items = Vec::new();
    for (label, slope, elu) in [
        ("Leaky ReLU", "gamma", false),
        ("PReLU unit 1", "gamma1", false),
        ("PReLU unit 2", "gamma2", false),
        ("ELU", "alpha", true),
    ] {
        let g = lit(&v[slope]);
        let src = match (z.signum() > 0, elu) {
            (true, _) => "a = z".to_string(),
            (false, false) => format!("a = {g}*z"),
            (false, true) => format!("a = {g}*(exp(z) - 1)"),
        };
        let mut it = backward(label.to_string(), src, inputs(v, &["z"]));
        it.links = links(&[
            ("a", &format!("{label}(z)")),
            ("da/dz", &format!("{label}'(z)")),
        ]);
        items.push(it);
    }
    let w = |n: &str| lit(&v[n]);
    let src = format!(
        "z1 = {}*x1 + {}*x2 + {}; z2 = {}*x1 + {}*x2 + {}; a = max(z1, z2)",
        w("w11"),
        w("w12"),
        w("b1"),
        w("w21"),
        w("w22"),
        w("b2")
    );
    let mut it = backward("maxout".to_string(), src, inputs(v, &["x1", "x2"]));
    it.links = links(&[
        ("a", "maxout a"),
        ("da/dz1", "da/dz1"),
        ("da/dz2", "da/dz2"),
    ]);
    items.push(it);
    replay(items)
}

fn activation_3(v: &Values) -> Result<Plan> {
    let x = HashMap::from([("x".to_string(), v["start"].clone())]);
    let mut s = backward("sigmoid".into(), "a = sigmoid(x)".into(), x.clone());
    s.links = links(&[("da/dx", "sigmoid'(start)")]);
    let mut r = backward("ReLU".into(), "a = relu(x)".into(), x);
    r.links = links(&[("da/dx", "relu'(start)")]);
    Ok(Plan::Replay {
        items: vec![s, r],
        note: Some("The step counts come from a loop run in f64 and are not replayed.".to_string()),
    })
}

fn activation_4(v: &Values) -> Result<Plan> {
    let src = format!(
        "z = w1*x1 + w2*x2 + w3*x3; s = sigmoid(z); L = {}*s",
        lit(&v["g"])
    );
    let mut it = backward(
        String::new(),
        src,
        inputs(v, &["x1", "x2", "x3", "w1", "w2", "w3"]),
    );
    it.links = links(&[
        ("dL/dw1", "dL/dw1"),
        ("dL/dw2", "dL/dw2"),
        ("dL/dw3", "dL/dw3"),
    ]);
    replay(vec![it])
}

fn forward_2(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let net = Network::new(
        Convention::Row,
        vec![
            layer(
                v,
                &[&["w1_11", "w1_12"], &["w1_21", "w1_22"]],
                &["b1_1", "b1_2"],
                Activation::Relu,
                &s,
            ),
            layer(
                v,
                &[&["w2_11"], &["w2_21"]],
                &["b2_1"],
                Activation::Identity,
                &s,
            ),
        ],
    )?;
    let p = (net, vector(v, &["x1", "x2"], &s), None);
    let links = same(&p);
    replay(vec![Item {
        label: String::new(),
        kind: Kind::Layers(p),
        links,
    }])
}

fn forward_3(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let a = vector(v, &["a1", "a2"], &s);
    let mut items = Vec::new();
    let heads = [
        ("sigmoid head", Activation::Sigmoid, "sigmoid p(y=1|x)"),
        ("identity head", Activation::Identity, "f(x)"),
    ];
    for (label, f, key) in heads {
        let net = super::forward::forward_3_unit(v, f, &s)?;
        items.push(Item {
            label: label.into(),
            kind: Kind::Layers((net, a.clone(), None)),
            links: links(&[("a(1)_1", key)]),
        });
    }
    let net = super::forward::forward_3_softmax(v, &s)?;
    items.push(Item {
        label: "softmax head".into(),
        kind: Kind::Layers((net, a, None)),
        links: (1..=3)
            .map(|k| (format!("a(1)_{k}"), format!("softmax p(y={k}|x)")))
            .collect(),
    });
    replay(items)
}

/// e_k = exp(a_k), their sum, and each y_k = e_k / Σ e, rounded as written.
fn softmax_1(v: &Values) -> Result<Plan> {
    let src = "e1 = exp(a1); e2 = exp(a2); e3 = exp(a3); s = e1 + e2 + e3; \
               y1 = e1 / s; y2 = e2 / s; y3 = e3 / s"
        .to_string();
    let mut it = forward(src, inputs(v, &["a1", "a2", "a3"]), &["y1", "y2", "y3"]);
    it.links = links(&[("y1", "y1"), ("y2", "y2"), ("y3", "y3")]);
    Ok(Plan::Replay {
        items: vec![it],
        note: Some(
            "The subtract-the-max form (a_k - max a) gives the same y_k; the audit replays \
             the plain form, as a student computes it by hand."
                .to_string(),
        ),
    })
}

/// L = -ln ŷ_class with ŷ the softmax of z; backward gives ∂L/∂z_k = ŷ_k - y_k.
fn softmax_2(v: &Values) -> Result<Plan> {
    let c = crate::catalog::common::count(v, "class", 1, 3)?;
    let src = format!(
        "e1 = exp(z1); e2 = exp(z2); e3 = exp(z3); s = e1 + e2 + e3; y{c} = e{c} / s; \
         L = -ln(y{c})"
    );
    let mut it = backward(String::new(), src, inputs(v, &["z1", "z2", "z3"]));
    it.links = links(&[
        ("L", "L"),
        ("dL/dz1", "dL/dz1"),
        ("dL/dz2", "dL/dz2"),
        ("dL/dz3", "dL/dz3"),
    ]);
    replay(vec![it])
}

fn loss_1(v: &Values) -> Result<Plan> {
    let s = Settings::default();
    let (y, t) = (
        vector(v, &["y1", "y2", "y3"], &s),
        vector(v, &["t1", "t2", "t3"], &s),
    );
    // As the example: cross-entropy only when t is a distribution and y > 0.
    let ce_ok = crate::loss::Loss::CrossEntropy.check_target(&t).is_ok()
        && y.iter().all(|x| x.signum() > 0);
    // 0·ln y is 0: only the classes with t_k ≠ 0 enter the cross-entropy.
    let terms: Vec<String> = (1..=3)
        .filter(|k| !t[k - 1].is_zero())
        .map(|k| format!("t{k}*ln(y{k})"))
        .collect();
    let mut src = "sse = (y1 - t1)^2 + (y2 - t2)^2 + (y3 - t3)^2; mse = sse / 3; \
                   half_sse = sse / 2"
        .to_string();
    let mut finals = vec!["mse", "half_sse"];
    if ce_ok && !terms.is_empty() {
        src.push_str(&format!("; cross_entropy = -({})", terms.join(" + ")));
        finals.push("cross_entropy");
    }
    let mut it = forward(
        src,
        inputs(v, &["y1", "y2", "y3", "t1", "t2", "t3"]),
        &finals,
    );
    it.links = finals
        .iter()
        .map(|f| (f.to_string(), f.to_string()))
        .collect();
    replay(vec![it])
}

/// R and one step of algorithm 4.1 on sample 1, every step rounded.
fn loss_2(v: &Values) -> Result<Plan> {
    let src = "yh1 = w1*x11 + w2*x12 + b; L1 = (yh1 - y1)^2 / 2; \
               yh2 = w1*x21 + w2*x22 + b; L2 = (yh2 - y2)^2 / 2; \
               penalty = lambda / 2 * (w1^2 + w2^2); R = (L1 + L2) / 2 + penalty; \
               delta = yh1 - y1; g11 = delta*x11 + lambda*w1; g12 = delta*x12 + lambda*w2; \
               W11 = w1 - alpha*g11; W12 = w2 - alpha*g12; bnew = b - alpha*delta"
        .to_string();
    let names = [
        "x11", "x12", "y1", "x21", "x22", "y2", "w1", "w2", "b", "lambda", "alpha",
    ];
    let mut it = forward(src, inputs(v, &names), &["R", "W11", "W12", "bnew"]);
    it.links = links(&[
        ("L1", "L1"),
        ("L2", "L2"),
        ("penalty", "penalty"),
        ("R", "R"),
        ("W11", "W_11 new"),
        ("W12", "W_12 new"),
        ("bnew", "b new"),
    ]);
    replay(vec![it])
}

/// The gradient-descent loop unrolled: each iteration's a, L, dw, db and
/// new w, b, rounded as written in the iteration table.
fn neuron_3(v: &Values) -> Result<Plan> {
    let steps = crate::catalog::common::count(v, "steps", 1, 50)?;
    let y = &v["y"];
    let mut src = String::new();
    let (mut w, mut b) = ("w".to_string(), "b".to_string());
    for k in 1..=steps {
        let loss = if y.cmp_value(&Scalar::one()).is_eq() {
            format!("-ln(a{k})")
        } else if y.is_zero() {
            format!("-ln(1 - a{k})")
        } else {
            format!("-(y*ln(a{k}) + (1 - y)*ln(1 - a{k}))")
        };
        src.push_str(&format!(
            "z{k} = {w}*x + {b}; a{k} = sigmoid(z{k}); L_{k} = {loss}; db{k} = a{k} - y; \
             dw{k} = x*db{k}; w{k} = {w} - lr*dw{k}; b{k} = {b} - lr*db{k}; "
        ));
        (w, b) = (format!("w{k}"), format!("b{k}"));
    }
    let src = src.trim_end().trim_end_matches(';').to_string();
    let mut it = forward(src, inputs(v, &["x", "w", "b", "y", "lr"]), &[]);
    let mut l: Vec<(String, String)> = (1..=steps)
        .map(|k| (format!("L_{k}"), format!("L_{k}")))
        .collect();
    l.push((w.clone(), "w".into()));
    l.push((b.clone(), "b".into()));
    if let Kind::Graph { finals, .. } = &mut it.kind {
        *finals = vec![format!("L_{steps}"), w, b];
    }
    it.links = l;
    replay(vec![it])
}

/// Linear regression by GD unrolled, on the data y = 2x + 1 at x = 1, 2, 3:
/// each step's errors, J, ∂J/∂w, ∂J/∂b and new w, b, rounded as written.
fn gd_1(v: &Values) -> Result<Plan> {
    let steps = crate::catalog::common::count(v, "steps", 1, 8)?;
    let mut src = String::new();
    let (mut w, mut b) = ("w".to_string(), "b".to_string());
    let step = |w: &str, b: &str, k: u64| {
        let e: Vec<String> = [(1, 3), (2, 5), (3, 7)]
            .iter()
            .map(|(x, y)| format!("e{k}_{x} = {w}*{x} + {b} - {y}"))
            .collect();
        format!(
            "{}; J_{k} = (e{k}_1^2 + e{k}_2^2 + e{k}_3^2) / 3",
            e.join("; ")
        )
    };
    for k in 1..=steps {
        src.push_str(&step(&w, &b, k));
        src.push_str(&format!(
            "; gw{k} = 2*(e{k}_1*1 + e{k}_2*2 + e{k}_3*3) / 3; gb{k} = 2*(e{k}_1 + e{k}_2 + e{k}_3) / 3; \
             w_{k} = {w} - lr*gw{k}; b_{k} = {b} - lr*gb{k}; "
        ));
        (w, b) = (format!("w_{k}"), format!("b_{k}"));
    }
    let last = steps + 1;
    src.push_str(&step(&w, &b, last));
    let mut it = forward(src, inputs(v, &["w", "b", "lr"]), &[]);
    let mut l: Vec<(String, String)> = Vec::new();
    for k in 1..=steps {
        for q in ["J", "w", "b"] {
            l.push((format!("{q}_{k}"), format!("{q}_{k}")));
        }
    }
    l.push((format!("J_{last}"), "J".into()));
    if let Kind::Graph { finals, .. } = &mut it.kind {
        *finals = vec![w, b, format!("J_{last}")];
    }
    it.links = l;
    replay(vec![it])
}

fn xor_2(v: &Values) -> Result<Plan> {
    let net = super::xor::xor_2_network(v, &Settings::default())?;
    let items = [(0, 0), (0, 1), (1, 0), (1, 1)]
        .into_iter()
        .map(|(x1, x2)| Item {
            label: format!("x = ({x1},{x2})"),
            kind: Kind::Layers((net.clone(), vec![Scalar::int(x1), Scalar::int(x2)], None)),
            links: links(&[("a(2)_1", &format!("y({x1},{x2})"))]),
        })
        .collect();
    replay(items)
}

fn init_1(v: &Values) -> Result<Plan> {
    crate::catalog::common::count(v, "m", 1, 1_000_000_000)?;
    let src = "root = sqrt(m); bound = 1 / root; variance = 1 / (3*m)".to_string();
    let mut it = forward(src, inputs(v, &["m"]), &["bound", "variance"]);
    it.links = links(&[("bound", "bound"), ("variance", "variance")]);
    replay(vec![it])
}

/// The bounds and variances of each scheme; the spread through the stack is
/// a seeded simulation and is not replayed.
fn init_2(v: &Values) -> Result<Plan> {
    crate::catalog::common::count(v, "fan_in", 1, 512)?;
    crate::catalog::common::count(v, "fan_out", 1, 512)?;
    let src = "jq_bound = 1 / sqrt(fan_in); jq_var = 1 / (3*fan_in); \
               xavier_bound = sqrt(6 / (fan_in + fan_out)); xavier_var = 2 / (fan_in + fan_out); \
               he_bound = sqrt(6 / fan_in); he_var = 2 / fan_in"
        .to_string();
    let finals = ["jq_var", "xavier_var", "he_var"];
    let mut it = forward(src, inputs(v, &["fan_in", "fan_out"]), &finals);
    it.links = links(&[
        ("jq_var", "var JQ U(-1/√m, 1/√m)"),
        ("xavier_var", "var Xavier / Glorot"),
        ("he_var", "var He"),
    ]);
    Ok(Plan::Replay {
        items: vec![it],
        note: Some(
            "The spread of activations through the stack is a seeded simulation in f64 and \
             is not replayed."
                .to_string(),
        ),
    })
}

/// The error for an example without an audit.
pub fn unavailable(id: &str) -> Error {
    Error::Invalid {
        what: format!("--round-each on {id}"),
        problem: why_not(id).to_string(),
        accepted: format!("use it on {}", with_audit().join(", ")),
    }
}

/// Ids of the examples `--round-each` replays or explains.
pub fn with_audit() -> Vec<String> {
    super::all()
        .into_iter()
        .filter(|e| {
            e.values(&[])
                .ok()
                .is_some_and(|v| plan(&e.id(), &v).is_some())
        })
        .map(|e| e.id())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Example};
    use crate::exercise::{Lang, make, ranges};
    use crate::rounding::Row;

    fn plan_of(ex: &Example, sets: &[(String, String)]) -> Option<Plan> {
        let v = ex.values(sets).unwrap();
        plan(&ex.id(), &v).map(|p| p.unwrap())
    }

    /// (label, rows without the label, links) of each piece of a plan.
    type Pieces = Vec<(String, Vec<Row>, Vec<(String, String)>)>;

    fn rows_of(p: &Plan, d: u32) -> Pieces {
        let Plan::Replay { items, .. } = p else {
            return Vec::new();
        };
        items
            .iter()
            .map(|it| {
                let mut rows = it.rows(d).unwrap();
                if !it.label.is_empty() {
                    let prefix = format!("{} · ", it.label);
                    for r in &mut rows {
                        r.name = r.name[prefix.len()..].to_string();
                    }
                }
                (it.label.clone(), rows, it.links.clone())
            })
            .collect()
    }

    fn close(a: &Scalar, b: &Scalar, tol: f64) -> bool {
        match (a.exact_string(), b.exact_string()) {
            (Some(_), Some(_)) => a == b,
            _ => (a.to_f64() - b.to_f64()).abs() <= tol * a.to_f64().abs().max(1.0),
        }
    }

    /// The replay computes the example's own numbers. With D = 24 every
    /// rounded value is within 10⁻¹² of the exact one (relative to
    /// max(1, |x|)). With D = 12, the most the CLI allows, only within 10⁻⁸:
    /// 12 decimals keep few significant digits of a tiny value, and later
    /// steps amplify that (backprop/2 at w = (3, -3, -3), x = (0, 2): the
    /// local derivative -1/d² ≈ -1.5·10⁻⁸ of the sigmoid's 1/d keeps 4
    /// digits, so ∂f/∂x0 ≈ 3.7·10⁻⁴ drifts by 5·10⁻⁹; softmax/2 at
    /// z = (2, 0, -2), class 3: ŷ₃ ≈ 0.016 at 12 places, then -ln ŷ₃, drifts
    /// by 3·10⁻¹¹). Every linked row's exact value equals the result the
    /// example reports. Over the defaults and 20 seeded draws of every
    /// example with ranges.
    #[test]
    fn replay_at_12_decimals_is_the_exact_answer() {
        let mut checked = 0;
        for ex in catalog::all() {
            let mut draws: Vec<Vec<(String, String)>> = vec![Vec::new()];
            if ranges::of(&ex.id()).is_some() {
                for seed in 0..20 {
                    let sheet = make(&[ex], seed, 1, Lang::En, String::new()).unwrap();
                    draws.push(sheet.problems[0].sets.clone());
                }
            }
            for sets in draws {
                let Some(p) = plan_of(ex, &sets) else { break };
                let report = ex.run(&sets, &Default::default()).unwrap();
                for (d, tol) in [(12, 1e-8), (24, 1e-12)] {
                    for (label, rows, _) in rows_of(&p, d) {
                        for r in &rows {
                            let (x, e) = (r.rounded.to_f64(), r.exact.to_f64());
                            assert!(
                                (x - e).abs() <= tol * e.abs().max(1.0),
                                "{} {sets:?} D = {d} {label} {}: {x} vs {e}",
                                ex.id(),
                                r.name
                            );
                        }
                    }
                }
                for (label, rows, links) in rows_of(&p, 12) {
                    for (row, result) in &links {
                        let r = rows
                            .iter()
                            .find(|r| &r.name == row)
                            .unwrap_or_else(|| panic!("{} {label}: no row {row}", ex.id()));
                        let (_, want) = report
                            .results
                            .iter()
                            .find(|(n, _)| n == result)
                            .unwrap_or_else(|| panic!("{}: no result {result}", ex.id()));
                        assert!(
                            close(&r.exact, want, 1e-12),
                            "{} {sets:?} {label}: {row} = {:?}, the example says {result} = {:?}",
                            ex.id(),
                            r.exact,
                            want
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} links checked");
    }

    /// Every row of an example's audit at `d` decimals, by labelled name.
    fn audit_rows(id: &str, sets: &[(&str, &str)], d: u32) -> Vec<Row> {
        let (ex, sets) = catalog::example_with(id, sets);
        let Plan::Replay { items, .. } = plan_of(ex, &sets).unwrap() else {
            panic!("{id} replays nothing")
        };
        items.iter().flat_map(|it| it.rows(d).unwrap()).collect()
    }

    fn rounded(rows: &[Row], name: &str) -> Scalar {
        rows.iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no row {name}"))
            .rounded
            .clone()
    }

    fn p(x: &str) -> Scalar {
        Scalar::parse(x).unwrap()
    }

    #[test]
    fn activation_drift_by_hand() {
        // activation/1 at z4 = 1, 2 decimals: σ(1) = 0.731059 → 0.73, the
        // local σ' = 0.73·(1 - 0.73) = 0.1971 → 0.20 (exact 0.196612);
        // tanh(2) = 0.964028 → 0.96, tanh' = 1 - 0.96² = 0.0784 → 0.08
        // (exact 0.070651).
        let rows = audit_rows("activation/1", &[], 2);
        assert_eq!(rounded(&rows, "logistic(z4) · a"), p("0.73"));
        assert_eq!(rounded(&rows, "logistic(z4) · da/dz"), p("0.2"));
        assert_eq!(rounded(&rows, "tanh(z5) · da/dz"), p("0.08"));
        // activation/3 at start = 10: σ(10) = 0.9999546 → 1.00, so the
        // rounded σ' = 1.00·(1 - 1.00) = 0: the vanishing gradient vanishes.
        let rows = audit_rows("activation/3", &[], 2);
        assert_eq!(rounded(&rows, "sigmoid · da/dx"), Scalar::zero());
        assert_eq!(rounded(&rows, "ReLU · da/dx"), Scalar::one());
        // activation/4 (defaults): z = 0, σ = 1/2, σ' = 1/4, dL/dw3 = -1·(1/4)·(1/2)
        // = -0.125 → -0.13 (half away from zero).
        let rows = audit_rows("activation/4", &[], 2);
        assert_eq!(rounded(&rows, "dL/dw3"), p("-0.13"));
    }

    #[test]
    fn forward_and_softmax_drift_by_hand() {
        // forward/3's softmax head at z = (1, 1, 0): e/(2e + 1) = 0.422319 → 0.42,
        // 1/(2e + 1) = 0.155362 → 0.16.
        let rows = audit_rows("forward/3", &[], 2);
        assert_eq!(rounded(&rows, "softmax head · a(1)_1"), p("0.42"));
        assert_eq!(rounded(&rows, "softmax head · a(1)_3"), p("0.16"));
        // softmax/1 at a = (0.3, 2.9, 4.0): e^0.3 → 1.35, e^2.9 → 18.17,
        // e^4 → 54.60, Σ = 74.12, y1 = 1.35/74.12 = 0.018214 → 0.02
        // (exact 0.018211), y2 = 18.17/74.12 = 0.24514 → 0.25 (exact 0.245192).
        let rows = audit_rows("softmax/1", &[], 2);
        assert_eq!(rounded(&rows, "s"), p("74.12"));
        assert_eq!(rounded(&rows, "y1"), p("0.02"));
        assert_eq!(rounded(&rows, "y2"), p("0.25"));
        // softmax/2 at z = (1, 2, -1), class 2: e = (2.72, 7.39, 0.37),
        // Σ = 10.48, ŷ2 = 7.39/10.48 = 0.70515 → 0.71, L = -ln 0.71 = 0.3425
        // → 0.34 (exact 0.349012).
        let rows = audit_rows("softmax/2", &[], 2);
        assert_eq!(rounded(&rows, "y2"), p("0.71"));
        assert_eq!(rounded(&rows, "L"), p("0.34"));
    }

    #[test]
    fn loss_drift_by_hand() {
        // loss/1 at y = (1/2, 1/4, 1/4), t = (1, 0, 0): squares 0.25, 0.0625
        // → 0.06, 0.06; Σ = 0.37; MSE = 0.37/3 = 0.1233 → 0.12 where the
        // exact MSE is 1/8 = 0.125.
        let rows = audit_rows("loss/1", &[], 2);
        assert_eq!(rounded(&rows, "mse"), p("0.12"));
        assert_eq!(rounded(&rows, "half_sse"), p("0.19"));
        // loss/2 (defaults): L1 = (-3/2)²/2 = 1.125 → 1.13, L2 → 1.13,
        // penalty = (1/10)/2·(1/4 + 1/4) = 0.025 → 0.03, R = 1.13 + 0.03
        // = 1.16 where the exact R is 23/20 = 1.15.
        let rows = audit_rows("loss/2", &[], 2);
        assert_eq!(rounded(&rows, "penalty"), p("0.03"));
        assert_eq!(rounded(&rows, "R"), p("1.16"));
    }

    #[test]
    fn neuron_3_and_init_drift_by_hand() {
        // neuron/3 step 2 (w = 3/2, b = -1/2, x = 2): z = 5/2, σ(2.5) =
        // 0.924142 → 0.92, db = 0.92 - 1 = -0.08, dw = 2·(-0.08) = -0.16,
        // w = 1.5 + 0.16 = 1.66 where the exact w is 1.651716.
        let rows = audit_rows("neuron/3", &[], 2);
        assert_eq!(rounded(&rows, "a2"), p("0.92"));
        assert_eq!(rounded(&rows, "w2"), p("1.66"));
        // init/1 at m = 10: √10 = 3.16228 → 3.16, 1/3.16 = 0.31646 → 0.32
        // where the exact bound is 0.316228.
        let rows = audit_rows("init/1", &[], 2);
        assert_eq!(rounded(&rows, "bound"), p("0.32"));
        // init/2 He at fan_in = 64: 6/64 = 0.09375 → 0.09, √0.09 = 0.3 exactly,
        // where the exact bound is √(3/32) = 0.306186.
        let rows = audit_rows("init/2", &[], 2);
        assert_eq!(rounded(&rows, "he_bound"), p("0.3"));
    }

    #[test]
    fn gradient_descent_1_drift_by_hand() {
        // gradient-descent/1 at lr = 1/10, w = b = 0 (data y = 2x + 1 at
        // x = 1, 2, 3): errors (-3, -5, -7), ∂J/∂w = 2·(-3 - 10 - 21)/3 =
        // -68/3 → -22.67, ∂J/∂b = 2·(-15)/3 = -10; w_1 = 0 + 0.1·22.67 =
        // 2.267 → 2.27 where the exact w_1 is 34/15 = 2.2667; b_1 = 1 exactly.
        let rows = audit_rows("gradient-descent/1", &[], 2);
        assert_eq!(rounded(&rows, "gw1"), p("-22.67"));
        assert_eq!(rounded(&rows, "w_1"), p("2.27"));
        assert_eq!(rounded(&rows, "b_1"), Scalar::one());
    }

    #[test]
    fn xor_2_with_a_third_drifts() {
        // xor/2 with v2 = -2/3 on input (1, 1): h = (2, 1), the weighted sum
        // y = 1·2 - (2/3)·1 = 4/3 is rounded once, as written: 1.33.
        let rows = audit_rows("xor/2", &[("v2", "-2/3")], 2);
        assert_eq!(rounded(&rows, "x = (1,1) · a(2)_1"), p("1.33"));
        // The deck's integer weights never drift.
        for r in audit_rows("xor/2", &[], 2) {
            assert_eq!(r.rounded, r.exact, "{}", r.name);
        }
    }
}
