//! A traced dense network on [`Scalar`]: forward, loss, backward, update.
//!
//! NNDL 信息传递过程 / PKU 通用矩阵形式, layers counted from 1:
//!
//! ```text
//! z(l) = W(l) a(l-1) + b(l),   a(l) = f_l(z(l)),   a(0) = x
//! δ(L) = f'(z(L)) ⊙ ∂L/∂a(L)           (softmax + cross-entropy: δ(L) = ŷ − y)
//! δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1)
//! ∂L/∂W(l) = δ(l) (a(l-1))ᵀ + λ W(l),   ∂L/∂b(l) = δ(l),   ∂L/∂a(l-1) = (W(l))ᵀ δ(l)
//! W(l) ← W(l) − η ∂L/∂W(l),            b(l) ← b(l) − η δ(l)
//! ```
//!
//! One engine for both notations: W is stored out×in (the column
//! convention); a row-convention network (JQ: h(i) = f(h(i-1) W(i) + b(i)),
//! W in×out) is transposed on the way in, and the report transposes back.
//! Every gradient is checked against a central difference computed by a
//! separate plain-f64 forward pass that shares the activation and loss
//! definitions.

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::loss::{Loss, l2_penalty};
use crate::scalar::Scalar;

mod fd;
use fd::NetF64;

/// Most parameters an exact run may have; beyond it `--float` is needed.
pub const MAX_EXACT_PARAMS: usize = 2_000;
/// Most parameters any traced run may have.
pub const MAX_PARAMS: usize = 10_000;
/// Up to this many parameters every gradient gets a central difference;
/// beyond it (each costs a forward pass), only the first
/// [`FD_SHOWN`] of each layer, the ones the report's tables show.
pub const FD_ALL_UP_TO: usize = 2_000;
/// Gradients per layer checked in a network past [`FD_ALL_UP_TO`].
pub const FD_SHOWN: usize = 64;

/// A matrix as rows of scalars.
pub type Matrix = Vec<Vec<Scalar>>;

/// How W is written: out×in with column vectors, or in×out with row vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    /// z = W a + b, W out×in (NNDL, PKU, CAL).
    Column,
    /// h = f(h W + b), W in×out (JQ).
    Row,
}

/// One dense layer, W stored out×in (column convention).
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub w: Matrix,
    pub b: Vec<Scalar>,
    pub activation: Activation,
}

impl Layer {
    /// Units (length of a): pre-activations / maxout pieces.
    pub fn units(&self) -> usize {
        self.b.len() / self.activation.pieces()
    }

    /// Inputs (length of a(l-1)).
    pub fn inputs(&self) -> usize {
        self.w.first().map_or(0, Vec::len)
    }

    /// δ(l) = ∂L/∂z(l) from z(l), a(l) and ∂L/∂a(l): the activation's
    /// backward (f'(z(l)) ⊙ ∂L/∂a(l) element-wise); at a softmax output with
    /// cross-entropy (`shortcut` is the target y), ŷ − y.
    pub fn delta(
        &self,
        z: &[Scalar],
        a: &[Scalar],
        grad_a: &[Scalar],
        shortcut: Option<&[Scalar]>,
    ) -> Result<Vec<Scalar>> {
        match shortcut {
            Some(t) => a.iter().zip(t).map(|(a, t)| a.sub(t)).collect(),
            None => self.activation.backward(z, a, grad_a),
        }
    }

    /// ∂L/∂W(l) = δ(l) a(l-1)ᵀ + λW(l) (out×in).
    pub fn grad_w(&self, delta: &[Scalar], below: &[Scalar], l2: &Scalar) -> Result<Matrix> {
        add_scaled(&outer(delta, below)?, &self.w, l2)
    }

    /// ∂L/∂a(l-1) = W(l)ᵀ δ(l).
    pub fn grad_below(&self, delta: &[Scalar]) -> Result<Vec<Scalar>> {
        transpose_times(&self.w, delta)
    }
}

/// A layer as the user writes it, W in the network's convention.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerSpec {
    pub weights: Matrix,
    pub bias: Vec<Scalar>,
    pub activation: Activation,
}

/// A dense feed-forward network.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub convention: Convention,
    pub layers: Vec<Layer>,
}

/// What to learn from one sample: target, loss, L2 λ, learning rate η.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    pub target: Vec<Scalar>,
    pub loss: Loss,
    pub l2: Scalar,
    pub learning_rate: Option<Scalar>,
}

/// One pass through a network, as a worked example poses it: the network,
/// its input, and the objective of the backward pass (`None`: forward only).
/// `check` and the rounding audit replay it.
pub type Pass = (Network, Vec<Scalar>, Option<Objective>);

/// z and a of one layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Forward {
    pub z: Vec<Scalar>,
    pub a: Vec<Scalar>,
}

/// Everything computed for layer l.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerTrace {
    pub z: Vec<Scalar>,
    pub a: Vec<Scalar>,
    /// ∂L/∂a(l).
    pub grad_a: Vec<Scalar>,
    /// f'(z(l)) for element-wise activations.
    pub f_prime: Option<Vec<Scalar>>,
    /// δ(l) = ∂L/∂z(l).
    pub delta: Vec<Scalar>,
    /// δ(l) a(l-1)ᵀ, before the L2 term (out×in).
    pub grad_w_data: Matrix,
    /// ∂L/∂W(l) = δ(l) a(l-1)ᵀ + λW(l) (out×in).
    pub grad_w: Matrix,
    pub grad_b: Vec<Scalar>,
    /// ∂L/∂a(l-1) = W(l)ᵀ δ(l).
    pub grad_a_prev: Vec<Scalar>,
    pub new_w: Option<Matrix>,
    pub new_b: Option<Vec<Scalar>>,
    /// Central differences of L with respect to each W_ij and b_i.
    pub fd_w: Vec<Vec<Option<f64>>>,
    pub fd_b: Vec<Option<f64>>,
    /// Some z sits on a kink of f (ReLU at 0, a maxout tie).
    pub kink: bool,
}

/// A forward and backward pass of one sample (named `PassTrace` to tell it
/// from the graph engine's [`crate::graph::Trace`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PassTrace {
    pub input: Vec<Scalar>,
    pub objective: Objective,
    pub layers: Vec<LayerTrace>,
    /// L(a(L), t) without the L2 term.
    pub data_loss: Scalar,
    /// λ/2 Σ_l ‖W(l)‖²_F.
    pub penalty: Scalar,
    /// data_loss + penalty.
    pub loss: Scalar,
    /// δ(L) was taken as ŷ − y (softmax with cross-entropy).
    pub softmax_shortcut: bool,
}

/// `1 value`, `3 values`: a count with its noun in the right number.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn invalid(what: String, problem: String, accepted: String) -> Error {
    Error::Invalid {
        what,
        problem,
        accepted,
    }
}

/// Mᵀ.
pub fn transpose(m: &Matrix) -> Matrix {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .map(|j| m.iter().map(|r| r[j].clone()).collect())
        .collect()
}

fn shape(m: &Matrix, c: Convention) -> String {
    let (r, k) = (m.len(), m.first().map_or(0, Vec::len));
    match c {
        Convention::Column => format!("{r}×{k} (out×in)"),
        Convention::Row => format!("{r}×{k} (in×out)"),
    }
}

impl Network {
    /// Check the shapes and build the network. Layer 1 takes as many inputs
    /// as its weights have; each later layer must take as many as the layer
    /// below has units. Softmax may only be the last activation.
    pub fn new(convention: Convention, specs: Vec<LayerSpec>) -> Result<Network> {
        if specs.is_empty() {
            return Err(Error::Usage(
                "the network has no layers; add at least one [[layer]]".into(),
            ));
        }
        let n = specs.len();
        let mut layers: Vec<Layer> = Vec::with_capacity(n);
        for (idx, s) in specs.into_iter().enumerate() {
            let l = idx + 1;
            check_rectangular(&s.weights, l)?;
            if s.activation == Activation::Softmax && l != n {
                return Err(invalid(format!("layer {l}"), format!("softmax is layer {l} of {n}"), "softmax normalises the output into probabilities, so it may only be the activation of the last layer".into()));
            }
            let w = match convention {
                Convention::Column => s.weights.clone(),
                Convention::Row => transpose(&s.weights),
            };
            check_fit(l, &s, &w, layers.last(), convention)?;
            layers.push(Layer {
                w,
                b: s.bias,
                activation: s.activation,
            });
        }
        Ok(Network { convention, layers })
    }

    /// Inputs of layer 1.
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs()
    }

    /// Units of the output layer.
    pub fn outputs(&self) -> usize {
        self.layers.last().map_or(0, Layer::units)
    }

    /// Σ_l (n_in + 1) · n_out: weights and biases.
    pub fn parameter_count(&self) -> usize {
        self.layers
            .iter()
            .map(|l| l.b.len() * (l.inputs() + 1))
            .sum()
    }

    /// The same network with every number turned into an f64 (`--float`).
    pub fn to_float(&self) -> Network {
        let f = |v: &Vec<Scalar>| v.iter().map(Scalar::to_float).collect::<Vec<_>>();
        Network {
            convention: self.convention,
            layers: self
                .layers
                .iter()
                .map(|l| Layer {
                    w: l.w.iter().map(f).collect(),
                    b: f(&l.b),
                    activation: l.activation.clone(),
                })
                .collect(),
        }
    }

    /// Refuse networks too large to trace (exact or not).
    pub fn check_size(&self, float: bool) -> Result<()> {
        let p = self.parameter_count();
        if p > MAX_PARAMS {
            return Err(Error::Limit {
                what: format!("the network's {p} parameters"),
                limit: MAX_PARAMS.to_string(),
                hint: "; nn-tutor traces small networks by hand-sized steps".into(),
            });
        }
        if !float && p > MAX_EXACT_PARAMS {
            return Err(Error::Limit {
                what: format!("the network's {p} parameters"),
                limit: format!("{MAX_EXACT_PARAMS} for exact arithmetic"),
                hint: "; rerun with --float to compute in floating point".into(),
            });
        }
        Ok(())
    }

    /// Forward pass: z(l) and a(l) for l = 1..L.
    pub fn forward(&self, x: &[Scalar]) -> Result<Vec<Forward>> {
        if x.len() != self.inputs() {
            // Either side may be the mistake: name the input and the matrix
            // (a 2×3 W(1) was blamed on the input alone), in the spec's
            // convention.
            let (n, units) = (self.inputs(), self.layers[0].w.len());
            let (shape, side, layout) = match self.convention {
                Convention::Column => (format!("{units}×{n}"), "column", "out×in"),
                Convention::Row => (format!("{n}×{units}"), "row", "in×out"),
            };
            return Err(invalid(
                "input".into(),
                format!(
                    "it has {} but layer 1's weight matrix W(1) is {shape}, which takes {}",
                    count(x.len(), "value"),
                    count(n, "input")
                ),
                format!(
                    "give {}, or a W(1) with {} ({layout})",
                    count(n, "input value"),
                    count(x.len(), side)
                ),
            ));
        }
        let mut out: Vec<Forward> = Vec::with_capacity(self.layers.len());
        for (idx, layer) in self.layers.iter().enumerate() {
            let below = out.last().map_or(x, |f| f.a.as_slice());
            let l = idx + 1;
            let z = layer
                .w
                .iter()
                .zip(&layer.b)
                .enumerate()
                .map(|(i, (row, b))| {
                    dot(row, below)?
                        .add(b)?
                        .checked()
                        .map_err(|e| e.at_node(&format!("z({l})_{}", i + 1)))
                })
                .collect::<Result<Vec<_>>>()?;
            let a = layer
                .activation
                .forward(&z)
                .map_err(|e| e.at_node(&format!("a({l})")))?;
            out.push(Forward { z, a });
        }
        Ok(out)
    }

    /// δ(L) is taken as ŷ − y: a softmax output with cross-entropy.
    pub fn softmax_shortcut(&self, obj: &Objective) -> bool {
        self.layers
            .last()
            .is_some_and(|l| l.activation == Activation::Softmax)
            && obj.loss == Loss::CrossEntropy
    }

    /// Forward, loss, backward and (with a learning rate) the update, with a
    /// finite-difference estimate beside every gradient.
    pub fn trace(&self, x: &[Scalar], obj: &Objective) -> Result<PassTrace> {
        let fwd = self.forward(x)?;
        if obj.target.len() != self.outputs() {
            return Err(invalid(
                "target".into(),
                format!(
                    "it has {} but the output layer has {}",
                    count(obj.target.len(), "value"),
                    count(self.outputs(), "unit")
                ),
                format!("give {}", count(self.outputs(), "target value")),
            ));
        }
        obj.loss.check_target(&obj.target)?;
        let y = &fwd.last().expect("at least one layer").a;
        let data_loss = obj.loss.value(y, &obj.target)?;
        let penalty = l2_penalty(
            &obj.l2,
            self.layers.iter().flat_map(|l| l.w.iter().flatten()),
        )?;
        let loss = data_loss
            .add(&penalty)?
            .checked()
            .map_err(|e| e.at_node("L"))?;
        let shortcut = self.softmax_shortcut(obj);
        let mut grad_a = obj.loss.grad(y, &obj.target)?;
        let cap = (self.parameter_count() > FD_ALL_UP_TO).then_some(FD_SHOWN);
        let (mut fd_w, mut fd_b) = NetF64::new(self, x, obj).all_fd(cap, self.convention);
        let mut layers: Vec<LayerTrace> = Vec::with_capacity(self.layers.len());
        for (idx, layer) in self.layers.iter().enumerate().rev() {
            let l = idx + 1;
            let at = |e: Error, what: &str| e.at_node(&format!("{what}({l})"));
            let f = &fwd[idx];
            let below = if idx == 0 { x } else { &fwd[idx - 1].a };
            let target = (shortcut && l == self.layers.len()).then_some(obj.target.as_slice());
            let delta = layer
                .delta(&f.z, &f.a, &grad_a, target)
                .map_err(|e| at(e, "δ"))?;
            let f_prime = if layer.activation.is_elementwise() {
                Some(
                    f.z.iter()
                        .enumerate()
                        .map(|(i, z)| layer.activation.derivative(z, i))
                        .collect::<Result<Vec<_>>>()?,
                )
            } else {
                None
            };
            let grad_w_data = outer(&delta, below).map_err(|e| at(e, "∂L/∂W"))?;
            let grad_w = add_scaled(&grad_w_data, &layer.w, &obj.l2).map_err(|e| at(e, "∂L/∂W"))?;
            let grad_a_prev = layer.grad_below(&delta).map_err(|e| at(e, "∂L/∂a"))?;
            let (new_w, new_b) = match &obj.learning_rate {
                Some(eta) => (
                    Some(add_scaled(&layer.w, &grad_w, &eta.neg()).map_err(|e| at(e, "W"))?),
                    Some(axpy(&layer.b, &delta, &eta.neg()).map_err(|e| at(e, "b"))?),
                ),
                None => (None, None),
            };
            layers.push(LayerTrace {
                z: f.z.clone(),
                a: f.a.clone(),
                grad_a: std::mem::take(&mut grad_a),
                f_prime,
                fd_w: std::mem::take(&mut fd_w[idx]),
                fd_b: std::mem::take(&mut fd_b[idx]),
                kink: layer.activation.at_kink(&f.z),
                delta,
                grad_w_data,
                grad_w,
                grad_b: Vec::new(),
                grad_a_prev: grad_a_prev.clone(),
                new_w,
                new_b,
            });
            let t = layers.last_mut().expect("just pushed");
            t.grad_b = t.delta.clone();
            grad_a = grad_a_prev;
        }
        layers.reverse();
        Ok(PassTrace {
            input: x.to_vec(),
            objective: obj.clone(),
            layers,
            data_loss,
            penalty,
            loss,
            softmax_shortcut: shortcut,
        })
    }
}

/// Check that layer `l`'s W (stored out×in) fits the layer below, its bias,
/// and its activation's parameters.
fn check_fit(
    l: usize,
    s: &LayerSpec,
    w: &Matrix,
    below: Option<&Layer>,
    convention: Convention,
) -> Result<()> {
    let what = || format!("layer {l}");
    let (outs, ins) = (w.len(), w.first().map_or(0, Vec::len));
    if let Some(below) = below
        && ins != below.units()
    {
        let expected = match convention {
            Convention::Column => format!("{outs}×{} (out×in)", below.units()),
            Convention::Row => format!("{}×{outs} (in×out)", below.units()),
        };
        return Err(invalid(
            format!("layer {l} weights"),
            format!(
                "expected {expected}, because layer {} has {} units, but got {}",
                l - 1,
                below.units(),
                shape(&s.weights, convention)
            ),
            "each weight matrix must fit the layer below".into(),
        ));
    }
    let k = s.activation.pieces();
    if outs % k != 0 {
        return Err(invalid(
            what(),
            format!(
                "{} has {outs} outputs, not a multiple of k = {k}",
                s.activation
            ),
            "maxout(k) needs k linear pieces per unit, so k × units outputs".into(),
        ));
    }
    if s.bias.len() != outs {
        return Err(invalid(
            format!("layer {l} bias"),
            format!(
                "expected {} (one per output of W), got {}",
                count(outs, "value"),
                s.bias.len()
            ),
            "the bias has one entry per row of z".into(),
        ));
    }
    if let Activation::Prelu(gs) = &s.activation
        && gs.len() != outs
    {
        return Err(invalid(
            what(),
            format!("prelu has {} slopes for {outs} units", gs.len()),
            "PReLU needs one γ per unit".into(),
        ));
    }
    Ok(())
}

fn check_rectangular(w: &Matrix, l: usize) -> Result<()> {
    if w.is_empty() || w[0].is_empty() {
        return Err(invalid(
            format!("layer {l} weights"),
            "the matrix is empty".into(),
            "write W as a list of rows, e.g. [[1, 2], [3, 4]]".into(),
        ));
    }
    if let Some((r, row)) = w.iter().enumerate().find(|(_, r)| r.len() != w[0].len()) {
        return Err(invalid(
            format!("layer {l} weights"),
            format!(
                "row {} has {} entries but row 1 has {}",
                r + 1,
                row.len(),
                w[0].len()
            ),
            "every row of W must have the same length".into(),
        ));
    }
    Ok(())
}

/// The stored entries (out o, in k) of an out×in W in the order a reader
/// of convention `c` sees them: row by row of W as written (out×in for
/// column, in×out for row).
pub fn display_order(c: Convention, outs: usize, ins: usize) -> Vec<(usize, usize)> {
    match c {
        Convention::Column => (0..outs)
            .flat_map(|o| (0..ins).map(move |k| (o, k)))
            .collect(),
        Convention::Row => (0..ins)
            .flat_map(|k| (0..outs).map(move |o| (o, k)))
            .collect(),
    }
}

/// Σ_j u_j v_j.
pub fn dot(u: &[Scalar], v: &[Scalar]) -> Result<Scalar> {
    let mut s = Scalar::zero();
    for (a, b) in u.iter().zip(v) {
        s = s.add(&a.mul(b)?)?;
    }
    Ok(s)
}

/// u vᵀ.
fn outer(u: &[Scalar], v: &[Scalar]) -> Result<Matrix> {
    u.iter()
        .map(|a| v.iter().map(|b| a.mul(b)?.checked()).collect())
        .collect()
}

/// A + c·B.
fn add_scaled(a: &Matrix, b: &Matrix, c: &Scalar) -> Result<Matrix> {
    a.iter().zip(b).map(|(ra, rb)| axpy(ra, rb, c)).collect()
}

/// u + c·v.
fn axpy(u: &[Scalar], v: &[Scalar], c: &Scalar) -> Result<Vec<Scalar>> {
    if c.is_zero() && c.is_exact() {
        return Ok(u.to_vec());
    }
    u.iter()
        .zip(v)
        .map(|(a, b)| a.add(&c.mul(b)?)?.checked())
        .collect()
}

/// Wᵀ δ.
fn transpose_times(w: &Matrix, delta: &[Scalar]) -> Result<Vec<Scalar>> {
    let cols = w.first().map_or(0, Vec::len);
    (0..cols)
        .map(|j| {
            let col: Vec<Scalar> = w.iter().map(|r| r[j].clone()).collect();
            dot(&col, delta)?.checked()
        })
        .collect()
}

/// Relative tolerance of the finite-difference check.
pub const FD_TOLERANCE: f64 = 1e-6;

/// True when a backprop gradient and its central difference agree.
pub fn fd_agrees(grad: &Scalar, fd: f64) -> bool {
    (fd - grad.to_f64()).abs() <= FD_TOLERANCE * grad.to_f64().abs().max(1.0)
}

#[cfg(test)]
mod tests;
