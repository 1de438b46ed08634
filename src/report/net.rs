//! The report of `nn-tutor net SPEC.toml`: the spec echoed for JSON, then
//! the layer tables of [`crate::report::network`].

use crate::network::{Convention, Forward};
use crate::report::layer_math::formulas;
use crate::report::network::{explain, forward_tables};
use crate::report::{Data, Math, Report, Settings};
use crate::report::{Kind, Named};
use crate::scalar::Scalar;

/// The report of `nn-tutor net SPEC.toml`: the spec echoed (JSON `spec`),
/// then forward, loss, backward, checks and update; with `forward_only`
/// (`--forward-only`, or a spec without a target and a loss) the forward
/// pass alone, as a chapter on the forward pass shows it before backprop
/// is taught.
pub fn net_report(
    written: &crate::netspec::Spec,
    path: &str,
    s: &Settings,
    forward_only: bool,
) -> crate::error::Result<Report> {
    let spec = written;
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
    let forward_only = forward_only || spec.objective().is_none();
    if forward_only {
        r.sources = vec!["PKU 通用矩阵形式; JQ h = f(hW + b) for the row convention".into()];
    }
    r.inputs = spec
        .input
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("x_{}", i + 1), v.clone()))
        .collect();
    // the spec as written (exact), even when computing with --float
    r.data.push(("spec".into(), spec_data(written)));
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
    match spec.objective().filter(|_| !forward_only) {
        Some(obj) => {
            let t = net.trace(&spec.input, &obj)?;
            explain(&mut r, &net, &t);
        }
        None => {
            let fwd = net.forward(&spec.input)?;
            r.formula(forward_formula(net.convention));
            forward_tables(&mut r, &net, &spec.input, &fwd);
            r.text(if spec.objective().is_some() {
                "The forward pass only (--forward-only); without the flag the loss, the backward pass and the update follow."
            } else {
                "No target and loss in the spec, so this is the forward pass only; add `target` and `loss` for the backward pass."
            });
            forward_results(&mut r, &fwd);
            r.data.push(("loss".into(), Data::Null));
        }
    }
    if forward_only && spec.objective().is_some() {
        r.try_next.push(format!("nn-tutor net {path}"));
    }
    r.try_next
        .push(format!("nn-tutor net {path} --format json"));
    r.try_next.push("--float".into());
    Ok(r)
}

/// The first line of [`formulas`], the forward pass: z(l) and a(l), without
/// the δ recursion a forward-only report has not met.
fn forward_formula(c: Convention) -> Math {
    let both = formulas(c);
    let first = |s: &str, sep: &str| s.split(sep).next().unwrap_or_default().to_string();
    both.rewrite(|p| first(p, "\n"), |l| first(l, " \\\\ "))
}

/// Named results `z(l)_i`, `a(l)_i` of a forward pass, and JSON `layers`.
pub fn forward_results(r: &mut Report, fwd: &[Forward]) {
    for (idx, f) in fwd.iter().enumerate() {
        let l = idx + 1;
        for (q, vs) in [("z", &f.z), ("a", &f.a)] {
            r.results.extend(
                vs.iter().enumerate().map(|(i, v)| {
                    Named::new(format!("{q}({l})_{}", i + 1), v.clone(), Kind::Value)
                }),
            );
        }
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
