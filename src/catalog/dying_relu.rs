//! dying-relu/1: a ReLU unit that never fires again after one bad update
//! (NNDL 死亡ReLU问题), and Leaky ReLU beside it.

use crate::activation::Activation;
use crate::catalog::common::{get, start};
use crate::catalog::{Audit, Engine, Exercise, NO_HAND_ROUNDING};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::report::Kind;
use crate::report::{Block, Cell, Figure, Panel, Report, Series, Settings, Table};
use crate::scalar::Scalar;
use crate::train::engine::{Mlp, Targets, Update, Workspace};
use crate::train::init::Init;

pub static EXAMPLES: &[Example] = &[Example {
    topic: "dying-relu",
    number: 1,
    title: "A ReLU unit that never fires again",
    title_zh: "死亡ReLU问题",
    sources: &[
        "NNDL, 死亡ReLU问题: after one bad update a hidden ReLU is inactive on every training sample, its gradient stays 0; Leaky ReLU is the remedy",
    ],
    params: &[
        Param::new("outlier", "50", "the one large input x (its target is 0)"),
        Param::new("lr", "0.01", "learning rate"),
    ],
    build: dying_1,
    engine: Engine::Report,
    exercise: Exercise::None(
        "it is a training run in f64 (an outlier update, then epochs of SGD), not a hand computation",
    ),
    audit: Audit::None(NO_HAND_ROUNDING),
    has_plot: true,
}];

/// One unit, 1-1-1, half SSE, trained on x = 0.5, 1, 1.5, 2 with y = x.
struct Unit {
    net: Mlp<f64>,
    ws: Workspace<f64>,
}

const XS: [f64; 4] = [0.5, 1.0, 1.5, 2.0];

impl Unit {
    fn new(f: Activation) -> Result<Unit> {
        let mut net = Mlp::new(
            &[1, 1, 1],
            f,
            Activation::Identity,
            Loss::HalfSse,
            Init::Zeros,
            0,
        )?;
        net.layers[0].w = vec![1.0];
        net.layers[1].w = vec![1.0];
        let ws = Workspace::new(&net, 4);
        Ok(Unit { net, ws })
    }

    /// One SGD step on the single sample (x, y).
    fn outlier(&mut self, x: f64, y: f64, lr: f64) {
        let b = self.net.load(&mut self.ws, &[x]);
        self.net.forward(&mut self.ws, b);
        self.net
            .output_delta(&mut self.ws, b, Targets::Values(&[y]), None);
        self.net
            .backward(&mut self.ws, b, Update::Step { lr, l2: 0.0 });
    }

    /// A full-batch step: (loss, max z of the hidden unit, ‖∂R/∂(w1, b1)‖).
    fn epoch(&mut self, lr: f64) -> (f64, f64, f64) {
        let b = self.net.load(&mut self.ws, &XS);
        let s = self
            .net
            .gradients(&mut self.ws, b, Targets::Values(&XS), 0.0);
        let zmax = self.ws.z[0][..4]
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let g = self.ws.grad_w[0][0].hypot(self.ws.grad_b[0][0]);
        self.net.apply(&self.ws, lr);
        (s.loss_sum / 4.0, zmax, g)
    }
}

fn dying_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["outlier", "lr"], s);
    let (x, lr) = (get(v, "outlier", s).to_f64(), get(v, "lr", s).to_f64());
    r.text(format!(
        "A 1-1-1 network a = f(w1·x + b1), ŷ = w2·a + b2 with w1 = w2 = 1, b1 = b2 = 0 fits \
         the training set x = 0.5, 1, 1.5, 2 (y = x) exactly. One SGD step on an outlier \
         x = {x} with target 0 (error ŷ − y = {x}) changes w1 by −α·{x}·{x} and b1 by −α·{x}. \
         Then full-batch gradient descent on the four training samples, α = {lr}."
    ));
    let mut relu = Unit::new(Activation::Relu)?;
    let mut leaky = Unit::new(Activation::LeakyRelu(Scalar::ratio(1, 10)))?;
    relu.outlier(x, 0.0, lr);
    leaky.outlier(x, 0.0, lr);
    let l1 = &relu.net.layers[0];
    let z_after = XS
        .iter()
        .map(|x| l1.w[0] * x + l1.b[0])
        .fold(f64::NEG_INFINITY, f64::max);
    // A small outlier (e.g. --set outlier=0) does not kill the unit: say so
    // instead of claiming z < 0 everywhere.
    r.text(if z_after < 0.0 {
        format!(
            "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 < 0 on every training \
             sample.",
            l1.w[0], l1.b[0]
        )
    } else {
        format!(
            "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 is still > 0 on some \
             training sample (max z = {}): this outlier is too small to kill the unit.",
            l1.w[0],
            l1.b[0],
            Scalar::Float(z_after).show(s.digits)
        )
    });
    let mut t = Table::new(
        "Epoch by epoch · 逐轮",
        &[
            "epoch",
            "ReLU: max z over the samples",
            "ReLU: ‖∂R/∂(w1, b1)‖",
            "ReLU: loss",
            "Leaky ReLU (γ = 0.1): max z",
            "Leaky: ‖∂R/∂(w1, b1)‖",
            "Leaky: loss",
        ],
    );
    let (mut dead_all, mut leaky_fired) = (true, None);
    let (mut a_series, mut b_series) = (vec![], vec![]);
    for e in 1..=40 {
        let (la, za, ga) = relu.epoch(lr);
        let (lb, zb, gb) = leaky.epoch(lr);
        dead_all &= ga == 0.0 && za < 0.0;
        if zb > 0.0 && leaky_fired.is_none() {
            leaky_fired = Some(e);
        }
        a_series.push((e as f64, za));
        b_series.push((e as f64, zb));
        if e <= 3 || e % 5 == 0 {
            let f = |x: f64| Cell::Num(Scalar::Float(x));
            t.row(vec![
                Cell::Num(Scalar::int(e)),
                f(za),
                f(ga),
                f(la),
                f(zb),
                f(gb),
                f(lb),
            ]);
        }
    }
    r.table(t);
    let leaky_epoch =
        leaky_fired.map_or("— (not within 40 epochs)".to_string(), |e| e.to_string());
    r.text(if dead_all {
        format!(
            "ReLU: the unit's gradient is exactly 0 in every epoch (checked: all 40 epochs), \
             because f'(z) = 0 for z < 0 on every sample: nothing can move w1 or b1 again, only \
             the output bias learns. Leaky ReLU: f'(z) = 0.1 keeps a gradient, and the unit \
             fires again (max z > 0) in epoch {leaky_epoch}."
        )
    } else {
        // Not a dead unit: the sentence above would contradict the table.
        format!(
            "ReLU: the unit is not dead: z > 0 on some sample in some epoch, so its gradient \
             is not always 0 (a larger outlier, such as the default 50, kills it). Leaky ReLU: \
             the unit fires (max z > 0) in epoch {leaky_epoch}."
        )
    });
    r.add(
        "relu dead in all epochs",
        Scalar::int(i64::from(dead_all)),
        Kind::Value,
    );
    r.add(
        "leaky fires again in epoch",
        Scalar::int(leaky_fired.unwrap_or(0)),
        Kind::Count,
    );
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Largest pre-activation of the hidden unit".into(),
        panels: vec![Panel {
            title: "max z over the training samples, per epoch".into(),
            x_label: "epoch".into(),
            series: vec![
                Series {
                    label: "ReLU".into(),
                    points: a_series,
                },
                Series {
                    label: "Leaky ReLU".into(),
                    points: b_series,
                },
            ],
        }],
    }));
    Ok(r)
}
