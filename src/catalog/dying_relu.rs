//! dying-relu/1: a ReLU unit that never fires again after one bad update
//! (NNDL 死亡ReLU问题), and Leaky ReLU beside it.

use crate::activation::Activation;
use crate::catalog::common::{get, start};
use crate::catalog::{Audit, Engine, Exercise, NO_HAND_ROUNDING};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::report::Kind;
use crate::report::{Block, Cell, Figure, Num, Panel, Report, Sentence, Series, Settings, Table};
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
        Param::new("outlier", "5", "the one large input x (its target is 0)"),
        Param::new("lr", "0.15", "learning rate"),
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
    if z_after < 0.0 {
        r.text(format!(
            "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 < 0 on every training \
             sample.",
            l1.w[0], l1.b[0]
        ));
    } else {
        r.sentence(
            format!(
                "After the outlier step: w1 = {}, b1 = {}, so z = w1·x + b1 is still > 0 on some \
                 training sample (max z = {{}}): this outlier is too small to kill the unit.",
                l1.w[0], l1.b[0],
            ),
            vec![Num::shown(&Scalar::Float(z_after))],
        );
    }
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
    let (mut relu_runs, mut leaky_runs) = (vec![], vec![]);
    for e in 1..=EPOCHS {
        let (la, za, ga) = relu.epoch(lr);
        let (lb, zb, gb) = leaky.epoch(lr);
        relu_runs.push(Epoch {
            loss: la,
            z_max: za,
            grad: ga,
        });
        leaky_runs.push(Epoch {
            loss: lb,
            z_max: zb,
            grad: gb,
        });
        if e <= 3 || e % 5 == 0 {
            let f = |x: f64| Cell::Num(Scalar::Float(x));
            t.row(vec![
                Cell::Num(Scalar::int(e as i64)),
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
    let verdict = Verdict::of(&relu_runs, &leaky_runs);
    for sentence in verdict.sentences(lr) {
        r.blocks.push(Block::Sentence(sentence));
    }
    r.add(
        "relu dead in all epochs",
        Scalar::int(i64::from(verdict.dead)),
        Kind::Value,
    );
    r.add(
        "leaky fires again in epoch",
        Scalar::int(verdict.fired.map_or(0, |e| e as i64)),
        Kind::Count,
    );
    r.add(
        "relu loss, last epoch",
        Scalar::Float(verdict.relu_loss),
        Kind::Loss,
    );
    r.add(
        "leaky loss, last epoch",
        Scalar::Float(verdict.leaky_loss),
        Kind::Loss,
    );
    let (a_series, b_series) = (z_series(&relu_runs), z_series(&leaky_runs));
    r.blocks.push(Block::Figure(Figure::Plot {
        title: "Largest pre-activation of the hidden unit".into(),
        panels: vec![Panel {
            title: "max z over the training samples, per epoch".into(),
            x_label: "epoch".into(),
            y_label: "max z".into(),
            series: vec![
                Series {
                    label: "ReLU".into(),
                    points: a_series,
                    nums: Vec::new(),
                },
                Series {
                    label: "Leaky ReLU".into(),
                    points: b_series,
                    nums: Vec::new(),
                },
            ],
        }],
    }));
    Ok(r)
}

/// Full-batch epochs after the outlier step.
const EPOCHS: usize = 40;

/// One epoch of one network: the loss, the largest z of the hidden unit over
/// the samples, and the norm of its gradient (w1, b1).
struct Epoch {
    loss: f64,
    z_max: f64,
    grad: f64,
}

fn z_series(runs: &[Epoch]) -> Vec<(f64, f64)> {
    runs.iter()
        .enumerate()
        .map(|(i, e)| ((i + 1) as f64, e.z_max))
        .collect()
}

/// What the epoch table of dying-relu/1 shows, read off the numbers so that
/// the closing sentences hold for any `--set outlier=…,lr=…`.
struct Verdict {
    /// ReLU: gradient exactly 0 and z < 0 on every sample in every epoch.
    dead: bool,
    /// Leaky ReLU: the first epoch with max z > 0.
    fired: Option<usize>,
    /// Leaky ReLU: max z > 0 in every epoch from `fired` to the last.
    stays: bool,
    /// Leaky ReLU: the first epoch whose loss is not a finite number.
    overflow: Option<usize>,
    leaky_grad_1: f64,
    leaky_z_last: f64,
    relu_loss: f64,
    leaky_loss: f64,
}

impl Verdict {
    fn of(relu: &[Epoch], leaky: &[Epoch]) -> Verdict {
        let fired = leaky.iter().position(|e| e.z_max > 0.0);
        Verdict {
            dead: relu.iter().all(|e| e.grad == 0.0 && e.z_max < 0.0),
            fired: fired.map(|i| i + 1),
            stays: fired.is_some_and(|i| leaky[i..].iter().all(|e| e.z_max > 0.0)),
            overflow: leaky
                .iter()
                .position(|e| !e.loss.is_finite())
                .map(|i| i + 1),
            leaky_grad_1: leaky[0].grad,
            leaky_z_last: leaky[leaky.len() - 1].z_max,
            relu_loss: relu[relu.len() - 1].loss,
            leaky_loss: leaky[leaky.len() - 1].loss,
        }
    }

    fn sentences(&self, lr: f64) -> Vec<Sentence> {
        let n = |x: f64| Num::shown(&Scalar::Float(x));
        let mut out = vec![if self.dead {
            // ŷ = w2·0 + b2 = b2 for every x, so only b2 learns and the best
            // it can do is the mean 1.25 of y = 0.5, 1, 1.5, 2: the mean half
            // squared error (1/4)·Σ ½(y − 1.25)² = (0.5625 + 0.0625)·2/8 = 0.15625.
            Sentence::new(
                format!(
                    "ReLU: the unit's gradient is exactly 0 in all {EPOCHS} epochs, because f'(z) = 0 \
                     for z < 0 on every sample: nothing can move w1 or b1 again. The unit outputs 0, \
                     so ŷ = b2 for every x and only b2 learns; the best it can do is predict the mean \
                     of y, a loss of 0.15625. In epoch {EPOCHS} the loss is {{}}."
                ),
                vec![n(self.relu_loss)],
            )
        } else {
            "ReLU: the unit is not dead: z > 0 on some sample in some epoch, so its gradient is \
             not always 0 (a larger outlier or learning rate, such as the defaults 5 and 0.15, \
             kills it)."
                .into()
        }];
        out.push(if let Some(e) = self.overflow {
            Sentence::new(
                format!(
                    "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient, but at α = {lr} the steps \
                     after this outlier are too large: the loss overflows in epoch {e}. Try a smaller \
                     learning rate."
                ),
                vec![],
            )
        } else if !self.dead {
            Sentence::new(
                format!("Leaky ReLU: loss {{}} in epoch {EPOCHS}, against ReLU's {{}}."),
                vec![n(self.leaky_loss), n(self.relu_loss)],
            )
        } else if self.leaky_loss < self.relu_loss {
            Sentence::new(
                format!(
                    "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient (‖∂R/∂(w1, b1)‖ = {{}} in epoch \
                     1), so w1 and b1 go on learning: in epoch {EPOCHS} its loss is {{}}, below the \
                     ReLU network's {{}}."
                ),
                vec![n(self.leaky_grad_1), n(self.leaky_loss), n(self.relu_loss)],
            )
        } else {
            Sentence::new(
                format!(
                    "Leaky ReLU: f'(z) = 0.1 for z < 0 keeps a gradient (‖∂R/∂(w1, b1)‖ = {{}} in epoch \
                     1), yet in epoch {EPOCHS} its loss {{}} is still above the ReLU network's {{}}: a \
                     gradient that does not vanish does not promise a quick recovery from an update \
                     this large."
                ),
                vec![n(self.leaky_grad_1), n(self.leaky_loss), n(self.relu_loss)],
            )
        });
        if self.overflow.is_none() {
            out.push(self.firing());
        }
        out
    }

    /// Whether the Leaky unit's z crosses 0 again, as the max z column shows.
    fn firing(&self) -> Sentence {
        match self.fired {
            None => {
                "The Leaky unit never fires again (max z < 0 in every epoch), and it need not: \
                 for z < 0 it passes 0.1·z on, so ŷ = 0.1·w2·(w1·x + b1) + b2 is still a straight \
                 line in x that can fit y = x."
                    .into()
            }
            Some(1) if self.stays => "The Leaky unit fires (max z > 0) in every epoch.".into(),
            Some(e) if self.stays => Sentence::new(
                format!(
                    "The Leaky unit fires again (max z > 0) in epoch {e} and stays active through \
                     epoch {EPOCHS}."
                ),
                vec![],
            ),
            Some(e) => Sentence::new(
                format!(
                    "The Leaky unit's max z first crosses 0 in epoch {e} but is back below 0 by epoch \
                     {EPOCHS} (max z = {{}})."
                ),
                vec![Num::shown(&Scalar::Float(self.leaky_z_last))],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::{Block, Report};

    use crate::catalog::{paragraphs as texts, report_with as run};

    /// The epoch table's last row: (ReLU loss, Leaky max z, Leaky loss).
    fn last_row(r: &Report) -> (f64, f64, f64) {
        let t = r
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.title.starts_with("Epoch by epoch") => Some(t),
                _ => None,
            })
            .expect("the epoch table");
        let num = |c: &crate::report::Cell| match c {
            crate::report::Cell::Num(x) => x.to_f64(),
            other => panic!("a number, not {other:?}"),
        };
        let row = t.rows.last().expect("rows");
        assert_eq!(num(&row[0]), 40.0, "the last row is epoch 40");
        (num(&row[3]), num(&row[4]), num(&row[6]))
    }

    #[test]
    fn dying_relu_says_what_its_table_shows_for_several_settings() {
        // (outlier, lr) and what the table shows, recomputed with an
        // independent replica (tests/independent/dying.py):
        // - defaults 5, 0.15: ReLU dead (w1 = 1 − 0.15·5·5 = −2.75,
        //   b1 = −0.15·5 = −0.75, z ≤ −2.75·0.5 − 0.75 = −2.125); its loss
        //   sinks to the floor 0.15625 of predicting the mean; Leaky's z
        //   stays < 0 yet its loss ends at 0.000969, far below.
        // - 50, 0.01 (the old defaults): Leaky's loss 25.97 stays above
        //   ReLU's 0.855; its max z crosses 0 in epoch 16 and is < 0 again.
        // - 50, 0.02: the Leaky network's loss overflows in epoch 10.
        // - outlier 0: the step changes nothing, ReLU is alive.
        // - 20, 0.01: dead ReLU, Leaky below it without ever firing.
        let cases: [(&[(&str, &str)], &str); 5] = [
            (&[], "below"),
            (&[("outlier", "50"), ("lr", "0.01")], "above"),
            (&[("outlier", "50"), ("lr", "0.02")], "overflow"),
            (&[("outlier", "0")], "alive"),
            (&[("outlier", "20"), ("lr", "0.01")], "below"),
        ];
        for (sets, want) in cases {
            let r = run("dying-relu/1", sets);
            let text = texts(&r).join("\n");
            let (relu_loss, leaky_z, leaky_loss) = last_row(&r);
            let dead = r.result("relu dead in all epochs").unwrap().to_f64() == 1.0;
            let fired = r.result("leaky fires again in epoch").unwrap().to_f64();
            let says = |p: &str| text.contains(p);
            let kind = if !dead {
                "alive"
            } else if !leaky_loss.is_finite() {
                "overflow"
            } else if leaky_loss < relu_loss {
                "below"
            } else {
                "above"
            };
            assert_eq!(kind, want, "{sets:?}: {text}");
            assert_eq!(says("exactly 0 in all 40 epochs"), dead, "{sets:?}");
            assert_eq!(says("the unit is not dead"), !dead, "{sets:?}");
            assert_eq!(says("loss overflows"), kind == "overflow", "{sets:?}");
            assert_eq!(
                says("below the ReLU network's"),
                kind == "below",
                "{sets:?}"
            );
            assert_eq!(
                says("still above the ReLU network's"),
                kind == "above",
                "{sets:?}"
            );
            if dead {
                // A dead unit leaves ŷ = b2: no loss below the mean's 0.15625.
                assert!(relu_loss >= 0.15625, "{sets:?}: {relu_loss}");
            }
            if kind != "overflow" {
                assert_eq!(says("never fires again"), fired == 0.0, "{sets:?}");
                assert_eq!(
                    says("back below 0"),
                    fired > 0.0 && leaky_z < 0.0,
                    "{sets:?}"
                );
                assert!(!says("stays active") || leaky_z > 0.0, "{sets:?}");
            }
        }
        // The defaults' numbers (replica: ReLU 0.156256, Leaky 0.000969072).
        let (relu_loss, _, leaky_loss) = last_row(&run("dying-relu/1", &[]));
        assert!((relu_loss - 0.156256).abs() < 1e-6, "{relu_loss}");
        assert!((leaky_loss - 0.000969072).abs() < 1e-9, "{leaky_loss}");
    }
}
