//! Central differences of the loss in plain f64: the independent check of
//! every backprop gradient. The forward pass here is written again from the
//! shared activation and loss definitions, not taken from the traced engine.

use crate::activation::Activation;
use crate::loss::Loss;
use crate::network::{Convention, Network, Objective, display_order};
use crate::scalar::Scalar;

/// A plain-f64 copy of the network and its objective, for central
/// differences: the independent check of every backprop gradient.
pub(super) struct NetF64 {
    x: Vec<f64>,
    t: Vec<f64>,
    loss: Loss,
    l2: f64,
    w: Vec<Vec<Vec<f64>>>,
    b: Vec<Vec<f64>>,
    act: Vec<Activation>,
}

impl NetF64 {
    pub(super) fn new(net: &Network, x: &[Scalar], obj: &Objective) -> NetF64 {
        let v = |s: &[Scalar]| s.iter().map(Scalar::to_f64).collect::<Vec<_>>();
        NetF64 {
            x: v(x),
            t: v(&obj.target),
            loss: obj.loss,
            l2: obj.l2.to_f64(),
            w: net
                .layers
                .iter()
                .map(|l| l.w.iter().map(|r| v(r)).collect())
                .collect(),
            b: net.layers.iter().map(|l| v(&l.b)).collect(),
            act: net.layers.iter().map(|l| l.activation.clone()).collect(),
        }
    }

    /// L = loss(a(L), t) + λ/2 Σ‖W‖², all in f64.
    fn loss(&self, w: &[Vec<Vec<f64>>], b: &[Vec<f64>]) -> f64 {
        let mut a = self.x.clone();
        for ((wl, bl), f) in w.iter().zip(b).zip(&self.act) {
            let z: Vec<f64> = wl
                .iter()
                .zip(bl)
                .map(|(r, bi)| r.iter().zip(&a).map(|(p, q)| p * q).sum::<f64>() + bi)
                .collect();
            a = f.forward_f64(&z);
        }
        let sq: f64 = w.iter().flatten().flatten().map(|v| v * v).sum();
        self.loss.value_f64(&a, &self.t) + self.l2 / 2.0 * sq
    }

    /// (L(p + h) − L(p − h)) / 2h for every W(l)_ij and b(l)_i (row by row,
    /// then the biases; only the first `cap` of each layer, in the order the
    /// report shows them, when given), with
    /// h = 1e-6·max(1, |p|); `None` where L is not finite nearby or past the
    /// cap. One copy of the parameters is perturbed and restored in place.
    #[allow(clippy::type_complexity)]
    pub(super) fn all_fd(
        mut self,
        cap: Option<usize>,
        c: Convention,
    ) -> (Vec<Vec<Vec<Option<f64>>>>, Vec<Vec<Option<f64>>>) {
        let mut fw = Vec::with_capacity(self.w.len());
        let mut fb = Vec::with_capacity(self.b.len());
        for l in 0..self.w.len() {
            let (outs, ins) = (self.w[l].len(), self.w[l].first().map_or(0, Vec::len));
            let mut rows = vec![vec![None; ins]; outs];
            let order = display_order(c, outs, ins);
            let keep = cap.unwrap_or(usize::MAX);
            for &(i, j) in order.iter().take(keep) {
                let p = self.w[l][i][j];
                rows[i][j] = self.central(p, |n, v| n.w[l][i][j] = v);
            }
            fw.push(rows);
            let left = keep.saturating_sub(order.len());
            let col = (0..self.b[l].len())
                .map(|i| {
                    let p = self.b[l][i];
                    if i < left {
                        self.central(p, |n, v| n.b[l][i] = v)
                    } else {
                        None
                    }
                })
                .collect();
            fb.push(col);
        }
        (fw, fb)
    }

    /// The central difference of L in one parameter (current value `p`,
    /// written by `set`), which is restored afterwards.
    fn central(&mut self, p: f64, set: impl Fn(&mut NetF64, f64)) -> Option<f64> {
        let h = 1e-6 * p.abs().max(1.0);
        set(self, p + h);
        let up = self.loss(&self.w, &self.b);
        set(self, p - h);
        let down = self.loss(&self.w, &self.b);
        set(self, p);
        let d = (up - down) / (2.0 * h);
        d.is_finite().then_some(d)
    }
}
