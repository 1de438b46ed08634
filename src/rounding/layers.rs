//! The rounding audit for layer-level examples: z, a, the loss, δ and the
//! gradients of each layer rounded to D decimals as they are written down
//! (each weighted sum is rounded once, after it is added up), beside the
//! exact trace of the same network.

use crate::activation::Activation;
use crate::error::Result;
use crate::loss::Loss;
use crate::network::{Network, Objective, dot};
use crate::rounding::round;
use crate::scalar::Scalar;

/// One named quantity: exact and rounded replay.
type Row = (String, Scalar, Scalar);

fn round_all(v: &[Scalar], d: u32) -> Result<Vec<Scalar>> {
    v.iter().map(|x| round(x, d)).collect()
}

/// z(l) and a(l) of every layer, each rounded (`d = None`: exact).
fn forward(net: &Network, x: &[Scalar], d: Option<u32>) -> Result<Vec<(Vec<Scalar>, Vec<Scalar>)>> {
    let r = |v: Vec<Scalar>| d.map_or(Ok(v.clone()), |d| round_all(&v, d));
    let mut out: Vec<(Vec<Scalar>, Vec<Scalar>)> = Vec::new();
    let mut below = r(x.to_vec())?;
    for layer in &net.layers {
        let z = layer
            .w
            .iter()
            .zip(&layer.b)
            .map(|(row, b)| dot(row, &below)?.add(b))
            .collect::<Result<Vec<_>>>()?;
        let z = r(z)?;
        let a = r(layer.activation.forward(&z)?)?;
        below = a.clone();
        out.push((z, a));
    }
    Ok(out)
}

/// Loss, then δ, ∂W, ∂b from the output layer down, rounded after each step.
fn backward(
    net: &Network,
    x: &[Scalar],
    obj: &Objective,
    fwd: &[(Vec<Scalar>, Vec<Scalar>)],
    d: Option<u32>,
) -> Result<Vec<Row>> {
    let r = |v: Vec<Scalar>| d.map_or(Ok(v.clone()), |d| round_all(&v, d));
    let y = &fwd.last().expect("at least one layer").1;
    let loss = r(vec![obj.loss.value(y, &obj.target)?])?;
    let mut rows = vec![("L".to_string(), loss[0].clone(), Scalar::zero())];
    let mut grad_a = r(obj.loss.grad(y, &obj.target)?)?;
    let n = net.layers.len();
    for (idx, layer) in net.layers.iter().enumerate().rev() {
        let l = idx + 1;
        let (z, a) = &fwd[idx];
        let shortcut =
            l == n && layer.activation == Activation::Softmax && obj.loss == Loss::CrossEntropy;
        let delta = if shortcut {
            a.iter()
                .zip(&obj.target)
                .map(|(a, t)| a.sub(t))
                .collect::<Result<Vec<_>>>()?
        } else {
            layer.activation.backward(z, a, &grad_a)?
        };
        let delta = r(delta)?;
        let below = if idx == 0 {
            x.to_vec()
        } else {
            fwd[idx - 1].1.clone()
        };
        for (i, di) in delta.iter().enumerate() {
            rows.push((format!("delta({l})_{}", i + 1), di.clone(), Scalar::zero()));
        }
        for (i, di) in delta.iter().enumerate() {
            for (j, aj) in below.iter().enumerate() {
                let g = di.mul(aj)?.add(&obj.l2.mul(&layer.w[i][j])?)?;
                let g = r(vec![g])?.remove(0);
                rows.push((format!("dL/dW({l})_{},{}", i + 1, j + 1), g, Scalar::zero()));
            }
        }
        for (i, di) in delta.iter().enumerate() {
            rows.push((format!("dL/db({l})_{}", i + 1), di.clone(), Scalar::zero()));
        }
        // ∂L/∂a(l-1)_j = Σ_i W_ij δ_i
        grad_a = (0..below.len())
            .map(|j| {
                let col: Vec<Scalar> = layer.w.iter().map(|row| row[j].clone()).collect();
                dot(&col, &delta)
            })
            .collect::<Result<Vec<_>>>()?;
        grad_a = r(grad_a)?;
    }
    Ok(rows)
}

/// Every quantity of the exact run beside its rounded replay.
fn pairs(net: &Network, x: &[Scalar], obj: Option<&Objective>, d: u32) -> Result<Vec<Row>> {
    let (fe, fr) = (forward(net, x, None)?, forward(net, x, Some(d))?);
    let mut out = Vec::new();
    for (l, ((ze, ae), (zr, ar))) in fe.iter().zip(&fr).enumerate() {
        for (i, (e, x)) in ze.iter().zip(zr).enumerate() {
            out.push((format!("z({})_{}", l + 1, i + 1), e.clone(), x.clone()));
        }
        for (i, (e, x)) in ae.iter().zip(ar).enumerate() {
            out.push((format!("a({})_{}", l + 1, i + 1), e.clone(), x.clone()));
        }
    }
    if let Some(obj) = obj {
        let be = backward(net, x, obj, &fe, None)?;
        let br = backward(net, &round_all(x, d)?, obj, &fr, Some(d))?;
        for ((name, e, _), (_, x, _)) in be.into_iter().zip(br) {
            out.push((name, e, x));
        }
    }
    Ok(out)
}

/// The audit rows of a layer problem: final answers are the loss and the
/// gradients, or without an objective the output layer's a.
pub fn rows((net, x, obj): &crate::network::Pass, d: u32) -> Result<Vec<super::Row>> {
    let last_a = format!("a({})_", net.layers.len());
    Ok(pairs(net, x, obj.as_ref(), d)?
        .into_iter()
        .map(|(name, exact, rounded)| super::Row {
            is_final: if obj.is_some() {
                name == "L" || name.starts_with("dL/")
            } else {
                name.starts_with(&last_a)
            },
            name,
            exact,
            rounded,
        })
        .collect())
}
