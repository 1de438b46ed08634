//! The batched engine: a multilayer perceptron on f32 or f64 matrices.
//!
//! Row convention of the JQ deck, one sample per row: for a batch of B
//! samples, A(0) = X (B × n0) and, for layers l = 1..L,
//!
//! ```text
//! Z(l) = A(l−1) W(l) + 1 b(l)ᵀ      W(l) is n(l−1) × n(l)
//! A(l) = f(Z(l))
//! ```
//!
//! The backward pass is the delta rule of NNDL in the same convention:
//! δ(L) = ∂R/∂Z(L) (already divided by B), δ(l−1) = (δ(l) W(l)ᵀ) ⊙ f'(Z(l−1)),
//! ∂R/∂W(l) = A(l−1)ᵀ δ(l) + λ W(l), ∂R/∂b(l) = Σ_rows δ(l).
//!
//! Products go to `faer`; tiny ones (fewer than [`crate::train::product::SMALL`] multiply-adds) run
//! in a plain loop with a fixed order, so the small networks of the catalog
//! give the same bits on every machine. Every other reduction (bias
//! gradients, losses) is a sequential loop: the numbers never depend on the
//! number of threads.

use faer::Accum;

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::loss::Loss;
use crate::train::Real;
use crate::train::init::Init;
use crate::train::product::{Op, parallelism, product};
use crate::train::rng::Rng;

/// One dense layer: z = a W + b, a' = f(z), layer l counted from 1.
#[derive(Clone, Debug)]
pub struct Layer<T> {
    pub n_in: usize,
    pub n_out: usize,
    /// W(l), row-major n_in × n_out.
    pub w: Vec<T>,
    /// b(l), n_out values.
    pub b: Vec<T>,
    pub act: Activation,
}

/// A multilayer perceptron and its loss.
#[derive(Clone, Debug)]
pub struct Mlp<T> {
    pub layers: Vec<Layer<T>>,
    pub loss: Loss,
}

/// Targets of a batch: class labels (one-hot against the outputs) or values.
#[derive(Clone, Copy, Debug)]
pub enum Targets<'a, T> {
    /// One class index per sample; the target row is one-hot.
    Labels(&'a [u32]),
    /// B × n_out values, row-major.
    Values(&'a [T]),
}

/// Buffers for one batch, allocated once for the largest batch.
#[derive(Clone, Debug)]
pub struct Workspace<T> {
    pub cap: usize,
    /// A(0): the batch of inputs, B × n0 row-major.
    pub x: Vec<T>,
    /// Z(l) for l = 1..L (index l − 1).
    pub z: Vec<Vec<T>>,
    /// A(l) for l = 1..L (index l − 1).
    pub a: Vec<Vec<T>>,
    /// δ(l) = ∂R/∂Z(l) for l = 1..L.
    pub delta: Vec<Vec<T>>,
    /// ∂R/∂W(l) and ∂R/∂b(l), filled by [`Update::Store`].
    pub grad_w: Vec<Vec<T>>,
    pub grad_b: Vec<Vec<T>>,
}

/// What the backward pass does with the gradients.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Update {
    /// Keep ∂R/∂W(l), ∂R/∂b(l) in the workspace; leave W, b unchanged.
    Store,
    /// W ← W − lr (A(l−1)ᵀ δ(l) + λW) folded into one product after δ(l−1)
    /// has used the old W; b ← b − lr Σ δ(l). Nothing is stored.
    Step { lr: f64, l2: f64 },
}

/// Loss and hits of one batch.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BatchStats {
    /// Σ over the batch of L(sample) (not divided by B).
    pub loss_sum: f64,
    /// Samples classified correctly (when labels are known).
    pub correct: usize,
}

impl<T: Real> Mlp<T> {
    /// A network with the given sizes `n0, n1, …, nL`, `hidden` activation on
    /// layers 1..L−1, `output` on layer L, weights drawn by `init` from
    /// `seed` (layer 1 first, each row-major), biases 0.
    pub fn new(
        sizes: &[usize],
        hidden: Activation,
        output: Activation,
        loss: Loss,
        init: Init,
        seed: u64,
    ) -> Result<Mlp<T>> {
        if sizes.len() < 2 || sizes.contains(&0) {
            return Err(Error::Usage(format!(
                "layer sizes {sizes:?}: need at least an input and an output size, none of them 0"
            )));
        }
        if matches!(hidden, Activation::Softmax) {
            return Err(Error::Usage(
                "softmax acts on a whole layer and is used only on the output with cross_entropy; \
                 choose relu, sigmoid, tanh, … for the hidden layers"
                    .to_string(),
            ));
        }
        for a in [&hidden, &output] {
            if matches!(a, Activation::Maxout(_)) {
                return Err(Error::Usage(format!(
                    "the batched training engine has no {a} (it changes the layer's width); \
                     use `nn-tutor net` for maxout, or {} here",
                    crate::activation::trainable()
                )));
            }
        }
        if matches!(output, Activation::Softmax) && loss != Loss::CrossEntropy {
            return Err(Error::Usage(format!(
                "a softmax output goes with --loss cross_entropy, not {loss}"
            )));
        }
        let mut rng = Rng::new(seed);
        let last = sizes.len() - 2;
        let layers = sizes
            .windows(2)
            .enumerate()
            .map(|(i, mn)| Layer {
                n_in: mn[0],
                n_out: mn[1],
                w: init
                    .weights(mn[0], mn[1], &mut rng)
                    .into_iter()
                    .map(T::of)
                    .collect(),
                b: vec![T::zero(); mn[1]],
                act: if i == last {
                    output.clone()
                } else {
                    hidden.clone()
                },
            })
            .collect();
        Ok(Mlp { layers, loss })
    }

    /// n0, n1, …, nL.
    pub fn sizes(&self) -> Vec<usize> {
        let mut s = vec![self.layers[0].n_in];
        s.extend(self.layers.iter().map(|l| l.n_out));
        s
    }

    /// Σ_l ‖W(l)‖²_F (the L2 penalty is λ/2 times this).
    pub fn weight_norm2(&self) -> f64 {
        self.layers
            .iter()
            .flat_map(|l| l.w.iter())
            .map(|w| w.f64() * w.f64())
            .sum()
    }

    /// Forward pass over the first `bsz` rows of `ws.x`.
    pub fn forward(&self, ws: &mut Workspace<T>, bsz: usize) {
        let par = parallelism();
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, after) = ws.a.split_at_mut(l);
            let input: &[T] = if l == 0 { &ws.x } else { &before[l - 1] };
            let a_prev = Op::new(&input[..bsz * layer.n_in], bsz, layer.n_in);
            let w = Op::new(&layer.w, layer.n_in, layer.n_out);
            let z = &mut ws.z[l][..bsz * layer.n_out];
            product(z, Accum::Replace, a_prev, w, T::one(), par);
            for row in z.chunks_exact_mut(layer.n_out) {
                for (v, b) in row.iter_mut().zip(&layer.b) {
                    *v += *b;
                }
            }
            activate(
                &layer.act,
                z,
                &mut after[0][..bsz * layer.n_out],
                layer.n_out,
            );
        }
    }

    /// The output layer: loss of each sample, hits against `labels`, and
    /// δ(L) = ∂R/∂Z(L) where R is the batch mean of the loss.
    pub fn output_delta(
        &self,
        ws: &mut Workspace<T>,
        bsz: usize,
        targets: Targets<T>,
        labels: Option<&[u32]>,
    ) -> BatchStats {
        let last = self.layers.len() - 1;
        let k = self.layers[last].n_out;
        let act = &self.layers[last].act;
        let inv_b = 1.0 / bsz as f64;
        let mut stats = BatchStats::default();
        let (mut zr, mut ar, mut tr, mut g) =
            (vec![0.0; k], vec![0.0; k], vec![0.0; k], vec![0.0; k]);
        for r in 0..bsz {
            for j in 0..k {
                zr[j] = ws.z[last][r * k + j].f64();
                ar[j] = ws.a[last][r * k + j].f64();
            }
            match targets {
                Targets::Labels(y) => {
                    tr.fill(0.0);
                    tr[y[r] as usize] = 1.0;
                }
                Targets::Values(t) => {
                    for j in 0..k {
                        tr[j] = t[r * k + j].f64();
                    }
                }
            }
            let loss = match (act, self.loss) {
                // Softmax + cross-entropy: L = log Σ e^z − Σ t z, δ = (y − t)/B.
                (Activation::Softmax, _) => {
                    let lse = log_sum_exp(&zr);
                    for j in 0..k {
                        ar[j] = (zr[j] - lse).exp();
                        g[j] = ar[j] - tr[j];
                    }
                    lse * tr.iter().sum::<f64>()
                        - zr.iter().zip(&tr).map(|(z, t)| z * t).sum::<f64>()
                }
                // Sigmoid + BCE: L = Σ softplus(z) − t z, δ = (a − t)/B.
                (Activation::Sigmoid, Loss::Bce) => {
                    for j in 0..k {
                        g[j] = ar[j] - tr[j];
                    }
                    zr.iter()
                        .zip(&tr)
                        .map(|(z, t)| Activation::Softplus.apply_f64(*z, 0) - t * z)
                        .sum()
                }
                // General: δ = f'(z) ⊙ ∂L/∂a / B.
                _ => {
                    g = self.loss.grad_f64(&ar, &tr);
                    for j in 0..k {
                        g[j] *= act.derivative_f64(zr[j], j);
                    }
                    self.loss.value_f64(&ar, &tr)
                }
            };
            stats.loss_sum += loss;
            let d = &mut ws.delta[last][r * k..(r + 1) * k];
            for (d, g) in d.iter_mut().zip(&g) {
                *d = T::of(g * inv_b);
            }
            if let Some(y) = labels {
                stats.correct += usize::from(predict(&ar) == y[r] as usize);
            }
        }
        stats
    }

    /// Backward pass from δ(L) (set by [`Mlp::output_delta`]).
    pub fn backward(&mut self, ws: &mut Workspace<T>, bsz: usize, update: Update) {
        let par = parallelism();
        for l in (0..self.layers.len()).rev() {
            let (n_in, n_out) = (self.layers[l].n_in, self.layers[l].n_out);
            // δ(l−1) = (δ(l) W(l)ᵀ) ⊙ f'(Z(l−1)), with the old W(l).
            if l > 0 {
                let (lower, upper) = ws.delta.split_at_mut(l);
                let d_prev = &mut lower[l - 1][..bsz * n_in];
                product(
                    d_prev,
                    Accum::Replace,
                    Op::new(&upper[0][..bsz * n_out], bsz, n_out),
                    Op::new(&self.layers[l].w, n_in, n_out).t(),
                    T::one(),
                    par,
                );
                let act = &self.layers[l - 1].act;
                derivative_mask(
                    act,
                    &ws.z[l - 1][..bsz * n_in],
                    &ws.a[l - 1][..bsz * n_in],
                    d_prev,
                    n_in,
                );
            }
            let input: &[T] = if l == 0 { &ws.x } else { &ws.a[l - 1] };
            let a_prev = Op::new(&input[..bsz * n_in], bsz, n_in);
            let delta = &ws.delta[l][..bsz * n_out];
            let d = Op::new(delta, bsz, n_out);
            let layer = &mut self.layers[l];
            match update {
                Update::Store => {
                    // ∂L/∂W(l) = A(l−1)ᵀ δ(l); λW is added by `add_l2`.
                    let gw = &mut ws.grad_w[l];
                    product(gw, Accum::Replace, a_prev.t(), d, T::one(), par);
                    column_sums(delta, n_out, &mut ws.grad_b[l]);
                }
                Update::Step { lr, l2 } => {
                    if l2 != 0.0 {
                        let keep = T::of(1.0 - lr * l2);
                        layer.w.iter_mut().for_each(|w| *w *= keep);
                    }
                    product(&mut layer.w, Accum::Add, a_prev.t(), d, T::of(-lr), par);
                    let gb = &mut ws.grad_b[l];
                    column_sums(delta, n_out, gb);
                    let lr = T::of(lr);
                    for (b, g) in layer.b.iter_mut().zip(gb.iter()) {
                        *b -= lr * *g;
                    }
                }
            }
        }
    }

    /// Load the first rows of `x` (row-major, n0 per row) as the batch.
    pub fn load(&self, ws: &mut Workspace<T>, x: &[T]) -> usize {
        let n0 = self.layers[0].n_in;
        let bsz = x.len() / n0;
        ws.x[..x.len()].copy_from_slice(x);
        bsz
    }

    /// ∂R/∂W(l), ∂R/∂b(l) of R = (1/B) Σ L + λ/2 Σ‖W(l)‖² on the batch in
    /// `ws.x`, stored in the workspace; W and b are left unchanged.
    pub fn gradients(
        &mut self,
        ws: &mut Workspace<T>,
        bsz: usize,
        targets: Targets<T>,
        l2: f64,
    ) -> BatchStats {
        self.forward(ws, bsz);
        let stats = self.output_delta(ws, bsz, targets, None);
        self.backward(ws, bsz, Update::Store);
        self.add_l2(ws, l2);
        stats
    }

    /// R = (1/B) Σ L + λ/2 Σ‖W(l)‖² on the batch in `ws.x`.
    pub fn risk(&self, ws: &mut Workspace<T>, bsz: usize, targets: Targets<T>, l2: f64) -> f64 {
        self.forward(ws, bsz);
        let s = self.output_delta(ws, bsz, targets, None);
        s.loss_sum / bsz as f64 + 0.5 * l2 * self.weight_norm2()
    }

    /// Add λW(l) to the stored ∂R/∂W(l) (after [`Update::Store`]).
    pub fn add_l2(&self, ws: &mut Workspace<T>, l2: f64) {
        if l2 == 0.0 {
            return;
        }
        let lambda = T::of(l2);
        for (layer, gw) in self.layers.iter().zip(ws.grad_w.iter_mut()) {
            for (g, w) in gw.iter_mut().zip(&layer.w) {
                *g += lambda * *w;
            }
        }
    }

    /// W ← W − lr·∂R/∂W, b ← b − lr·∂R/∂b from the stored gradients.
    pub fn apply(&mut self, ws: &Workspace<T>, lr: f64) {
        let lr = T::of(lr);
        for (l, layer) in self.layers.iter_mut().enumerate() {
            for (w, g) in layer.w.iter_mut().zip(&ws.grad_w[l]) {
                *w -= lr * *g;
            }
            for (b, g) in layer.b.iter_mut().zip(&ws.grad_b[l]) {
                *b -= lr * *g;
            }
        }
    }
}

impl<T: Real> Workspace<T> {
    /// Buffers for batches of up to `cap` samples of `net`.
    pub fn new(net: &Mlp<T>, cap: usize) -> Workspace<T> {
        let per_layer = |f: &dyn Fn(&Layer<T>) -> usize| -> Vec<Vec<T>> {
            net.layers.iter().map(|l| vec![T::zero(); f(l)]).collect()
        };
        Workspace {
            cap,
            x: vec![T::zero(); cap * net.layers[0].n_in],
            z: per_layer(&|l| cap * l.n_out),
            a: per_layer(&|l| cap * l.n_out),
            delta: per_layer(&|l| cap * l.n_out),
            grad_w: per_layer(&|l| l.n_in * l.n_out),
            grad_b: per_layer(&|l| l.n_out),
        }
    }

    /// The outputs A(L) of the last forward pass, row-major.
    pub fn output(&self) -> &[T] {
        self.a.last().expect("a network has at least one layer")
    }
}

/// Index of the largest output (ties: the first); for one output, 1 when it
/// is at least 1/2 (a probability or a 0/1 regression target).
pub fn predict(out: &[f64]) -> usize {
    if out.len() == 1 {
        return usize::from(out[0] >= 0.5);
    }
    let mut best = 0;
    for (j, v) in out.iter().enumerate() {
        if *v > out[best] {
            best = j;
        }
    }
    best
}

/// log Σ e^{z_j}, computed as m + log Σ e^{z_j − m} with m = max z (JQ).
pub fn log_sum_exp(z: &[f64]) -> f64 {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    m + z.iter().map(|v| (v - m).exp()).sum::<f64>().ln()
}

/// a = f(z), element-wise; softmax row by row.
fn activate<T: Real>(act: &Activation, z: &[T], a: &mut [T], width: usize) {
    match act {
        Activation::Identity => a.copy_from_slice(z),
        Activation::Relu => {
            for (a, z) in a.iter_mut().zip(z) {
                *a = if *z > T::zero() { *z } else { T::zero() };
            }
        }
        Activation::Softmax => {
            let mut row = vec![0.0; width];
            for (zr, ar) in z.chunks_exact(width).zip(a.chunks_exact_mut(width)) {
                row.iter_mut().zip(zr).for_each(|(r, v)| *r = v.f64());
                let lse = log_sum_exp(&row);
                ar.iter_mut()
                    .zip(&row)
                    .for_each(|(a, v)| *a = T::of((v - lse).exp()));
            }
        }
        _ => {
            for (a, z) in a.chunks_exact_mut(width).zip(z.chunks_exact(width)) {
                for (j, (a, z)) in a.iter_mut().zip(z).enumerate() {
                    *a = T::of(act.apply_f64(z.f64(), j));
                }
            }
        }
    }
}

/// d ← d ⊙ f'(z). ReLU: f'(z) = I(z > 0) = I(a > 0), a branchless select.
fn derivative_mask<T: Real>(act: &Activation, z: &[T], a: &[T], d: &mut [T], width: usize) {
    match act {
        Activation::Identity => {}
        Activation::Relu => {
            for (d, a) in d.iter_mut().zip(a) {
                *d = if *a > T::zero() { *d } else { T::zero() };
            }
        }
        _ => {
            for (d, z) in d.chunks_exact_mut(width).zip(z.chunks_exact(width)) {
                for (j, (d, z)) in d.iter_mut().zip(z).enumerate() {
                    *d *= T::of(act.derivative_f64(z.f64(), j));
                }
            }
        }
    }
}

/// out_j = Σ_r δ_{r,j}, rows in order.
fn column_sums<T: Real>(delta: &[T], width: usize, out: &mut [T]) {
    out.fill(T::zero());
    for row in delta.chunks_exact(width) {
        for (o, v) in out.iter_mut().zip(row) {
            *o += *v;
        }
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
