//! Detectors of common slips. Each returns a message only when the wrong
//! answer equals (to the student's rounding) the value that slip gives.

use crate::check::verdict::{Slip, SlipCode};
use crate::check::{Answer, Context, is_activation, matches};
use crate::graph::Trace;
use crate::report::Kind;
use crate::report::labels::Labels;
use crate::scalar::Scalar;

/// The likely slip behind a wrong `given` for a quantity whose right value
/// is `want`; `None` when no detector explains it.
pub fn explain(ctx: &Context, given: &Answer, want: &Scalar) -> Option<Slip> {
    sign(ctx, given, want)
        .or_else(|| transposed(ctx, given, want))
        .or_else(|| z_with_w_transposed(ctx, given, want))
        .or_else(|| z_for_a(ctx, given, want))
        .or_else(|| ctx.trace.and_then(|t| graph_gradient(ctx, t, given, want)))
        .or_else(|| missing_da_dz(ctx, given, want))
        .or_else(|| missing_f_prime(ctx, given, want))
}

/// `delta(l)_i` answered with ∂L/∂a(l)_i: f'(z(l)_i) left out of
/// δ(l) = f'(z(l)) ⊙ ∂L/∂a(l).
fn missing_f_prime(ctx: &Context, given: &Answer, want: &Scalar) -> Option<Slip> {
    let rest = given.name.strip_prefix("delta(")?;
    let (l, i) = rest.split_once(")_")?;
    let (l, i): (usize, usize) = (l.parse().ok()?, i.parse().ok()?);
    let layer = ctx.net?.layers.get(l.checked_sub(1)?)?;
    let fp = layer.f_prime.as_ref()?.get(i.checked_sub(1)?)?;
    let da = layer.grad_a.get(i - 1)?;
    (is(ctx, given, da) && !is(ctx, given, want)).then(|| {
        slip(
            SlipCode::MissingActivationDerivative,
            format!(
                "missing activation derivative (漏乘激活函数的导数): this is ∂L/∂a({l})_{i}; \
                 δ({l}) = f'(z({l})) ⊙ ∂L/∂a({l}), and f'(z({l})_{i}) = {}",
                fp.show(6)
            ),
        )
    })
}

fn slip(code: SlipCode, text: String) -> Slip {
    Slip { code, text }
}

/// `given` is `v`: exactly in a strict context, else also to the
/// student's own rounding or within the tolerance.
fn is(ctx: &Context, given: &Answer, v: &Scalar) -> bool {
    if ctx.strict {
        crate::check::judge::same(&given.value, v)
    } else {
        matches(given, v, ctx.tol)
    }
}

/// −x for x: a sign slip (符号错误).
fn sign(ctx: &Context, given: &Answer, want: &Scalar) -> Option<Slip> {
    (!want.is_zero() && is(ctx, given, &want.neg()) && !is(ctx, given, want)).then(|| {
        slip(
            SlipCode::SignFlip,
            "sign flipped (符号错误): the size is right, the sign is not".to_string(),
        )
    })
}

/// `X_i,j` answered with the value of `X_j,i`: W transposed (转置).
fn transposed(ctx: &Context, given: &Answer, want: &Scalar) -> Option<Slip> {
    let (stem, idx) = given.name.rsplit_once('_')?;
    let (i, j) = idx.split_once(',')?;
    if i == j {
        return None;
    }
    let other = format!("{stem}_{j},{i}");
    let v = ctx.result(&other)?;
    (is(ctx, given, v) && !is(ctx, given, want)).then(|| {
        slip(
            SlipCode::TransposedW,
            format!(
                "W transposed (转置): this is entry ({j}, {i}), `{other}`; \
                 ∂L/∂W = δ aᵀ has one row per output and one column per input"
            ),
        )
    })
}

/// `z(l)_i` computed with Wᵀ in place of W (a square W(l) only):
/// Σ_j W(l)_j,i a(l-1)_j + b(l)_i.
fn z_with_w_transposed(ctx: &Context, given: &Answer, want: &Scalar) -> Option<Slip> {
    let rest = given.name.strip_prefix("z(")?;
    let (l, i) = rest.split_once(")_")?;
    let (l, i): (usize, usize) = (l.parse().ok()?, i.parse().ok()?);
    let (net, x) = ctx.layers?;
    let layer = net.layers.get(l.checked_sub(1)?)?;
    let i = i.checked_sub(1)?;
    if layer.w.len() < 2 || layer.w.iter().any(|row| row.len() != layer.w.len()) {
        return None;
    }
    let below = match l {
        1 => x.clone(),
        _ => net.forward(x).ok()?.get(l - 2)?.a.clone(),
    };
    let mut z = layer.b.get(i)?.clone();
    for (j, a) in below.iter().enumerate() {
        z = z.add(&layer.w.get(j)?.get(i)?.mul(a).ok()?).ok()?;
    }
    (is(ctx, given, &z) && !is(ctx, given, want)).then(|| {
        slip(
            SlipCode::TransposedW,
            format!(
                "W transposed (转置): this is z({l}) computed with W({l})ᵀ; \
                 in z = W a + b row {} of W (out×in) meets a",
                i + 1
            ),
        )
    })
}

/// The pre-activation z given for the activation a = f(z).
fn z_for_a(ctx: &Context, given: &Answer, _want: &Scalar) -> Option<Slip> {
    let msg = |z: &str| {
        slip(
            SlipCode::ZForA,
            format!("z used for a (用了 z 而不是 a): `{z}` before the activation; apply f to it"),
        )
    };
    let n = &given.name;
    let z_name = if n == "a" {
        Some("z".to_string())
    } else {
        n.strip_prefix("a(").map(|rest| format!("z({rest}"))
    };
    if let Some(z) = z_name
        && let Some(v) = ctx.result(&z)
        && is(ctx, given, v)
    {
        return Some(msg(&z));
    }
    // In a graph: a node f(u) with f an activation, answered with u's value.
    let t = ctx.trace?;
    let k = t.graph.find(n)?;
    let node = &t.graph.nodes[k];
    let input = *node.inputs.first()?;
    (is_activation(&node.op) && is(ctx, given, &t.values[input])).then(|| msg(&label(t, input)))
}

/// A gradient in a traced graph: a fork whose paths were not summed, or an
/// upstream gradient passed on without the local derivative.
fn graph_gradient(ctx: &Context, t: &Trace, given: &Answer, want: &Scalar) -> Option<Slip> {
    let out = t.graph.output_name();
    let node = given.name.strip_prefix(&format!("d{out}/d"))?;
    let k = t.graph.find(node)?;
    let into: Vec<_> = t.steps.iter().filter(|s| s.input == k).collect();
    if into.len() >= 2 {
        for s in &into {
            if is(ctx, given, &s.contribution) && !is(ctx, given, want) {
                return Some(slip(
                    SlipCode::PathsNotSummed,
                    format!(
                        "paths not summed at a fork (多条路径的梯度相加): `{node}` reaches \
                         `{out}` along {} edges; this is only the one through `{}`",
                        into.len(),
                        label(t, s.consumer)
                    ),
                ));
            }
        }
    }
    for s in &into {
        let local_is_one = s.local.cmp_value(&Scalar::one()).is_eq();
        if local_is_one || !is(ctx, given, &s.upstream) {
            continue;
        }
        let c = &t.graph.nodes[s.consumer];
        let d = s.local.show(6);
        return Some(if is_activation(&c.op) {
            let f = c.op.row().map_or("", |r| r.symbol);
            slip(
                SlipCode::MissingActivationDerivative,
                format!(
                    "missing activation derivative (漏乘激活函数的导数): multiply by \
                     {f}'({node}) = {d}"
                ),
            )
        } else {
            slip(
                SlipCode::MissingLocalGradient,
                format!(
                    "missing local gradient: multiply the upstream ∂{out}/∂{c} by ∂{c}/∂{node} = {d}",
                    c = label(t, s.consumer)
                ),
            )
        });
    }
    None
}

/// How node `i` of a traced graph reads (`q`, `x·y`, `n1`).
fn label(t: &Trace, i: usize) -> String {
    Labels::of(&t.graph).label.swap_remove(i)
}

/// `dz` (or `dL/dz`) answered with `dL/da`: da/dz = f'(z) left out.
fn missing_da_dz(ctx: &Context, given: &Answer, _want: &Scalar) -> Option<Slip> {
    let n = &given.name;
    if n != "dz" && !n.ends_with("/dz") {
        return None;
    }
    let (name, v) = ctx
        .results
        .iter()
        .find(|r| r.kind == Kind::Gradient && r.name.ends_with("/da"))
        .map(|r| (&r.name, &r.value))?;
    let f = ctx.result("da/dz").map(|d| d.show(6));
    is(ctx, given, v).then(|| {
        slip(
            SlipCode::MissingActivationDerivative,
            format!(
                "missing activation derivative (漏乘激活函数的导数): this is `{name}`; \
                 multiply by da/dz = f'(z){}",
                f.map(|d| format!(" = {d}")).unwrap_or_default()
            ),
        )
    })
}
