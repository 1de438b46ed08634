//! vanishing/1-2: vanishing and exploding gradients in a deep stack (MS
//! 梯度消失与梯度爆炸; NNDL 梯度消失问题), measured on the batched engine.

use crate::activation::Activation;
use crate::catalog::common::{count, get, start};
use crate::catalog::{Audit, Engine, Exercise, NO_HAND_ROUNDING};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::loss::Loss;
use crate::report::Kind;
use crate::report::{Block, Cell, Figure, Panel, Report, Series, Settings, Table};
use crate::scalar::Scalar;
use crate::train::engine::{Mlp, Targets, Workspace};
use crate::train::init::Init;
use crate::train::rng::Rng;
use crate::train::run::norm;

const DEPTH: Param = Param::new("depth", "10", "hidden layers (2-30)");
const SEED: Param = Param::new("seed", "0", "seed of weights and inputs");

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "vanishing",
        number: 1,
        title: "Vanishing gradients in a deep sigmoid network",
        title_zh: "梯度消失",
        sources: &[
            "MS deck, 梯度消失与梯度爆炸问题",
            "NNDL, 梯度消失问题: y = f5(f4(f3(f2(f1(x))))), each σ' ≤ 1/4",
        ],
        params: &[DEPTH, SEED],
        build: vanishing_1,
        engine: Engine::Report,
        exercise: Exercise::None(
            "its gradient norms come from a seeded random deep network in f64, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
    Example {
        topic: "vanishing",
        number: 2,
        title: "Exploding gradients: factors above 1",
        title_zh: "梯度爆炸",
        sources: &["MS deck, 梯度消失与梯度爆炸问题"],
        params: &[
            DEPTH,
            Param::new("gain", "2", "weights are He-normal times this gain"),
            SEED,
        ],
        build: vanishing_2,
        engine: Engine::Report,
        exercise: Exercise::None(
            "its gradient norms come from a seeded random deep network in f64, not a hand computation",
        ),
        audit: Audit::None(NO_HAND_ROUNDING),
        has_plot: true,
    },
];

/// ‖∂L/∂W(l)‖ and ‖δ(l)‖ = ‖∂L/∂Z(l)‖ for l = 1..L of a `depth`-hidden-layer stack of width 32 on 64
/// random inputs (N(0, 1)) with 10 random classes, softmax cross-entropy.
fn layer_norms(
    hidden: Activation,
    init: Init,
    depth: usize,
    gain: f64,
    seed: u64,
) -> Result<(Vec<f64>, Vec<f64>)> {
    let mut sizes = vec![32; depth + 1];
    sizes.push(10);
    let mut net = Mlp::<f64>::new(
        &sizes,
        hidden,
        Activation::Softmax,
        Loss::CrossEntropy,
        init,
        seed,
    )?;
    for l in &mut net.layers {
        l.w.iter_mut().for_each(|w| *w *= gain);
    }
    let mut rng = Rng::new(seed.wrapping_add(100));
    let x: Vec<f64> = (0..64 * 32).map(|_| rng.normal()).collect();
    let labels: Vec<u32> = (0..64).map(|_| rng.below(10) as u32).collect();
    let mut ws = Workspace::new(&net, 64);
    let bsz = net.load(&mut ws, &x);
    net.gradients(&mut ws, bsz, Targets::Labels(&labels), 0.0);
    // δ(l) of the batch mean: scale back by B to the per-sample sum.
    Ok((
        ws.grad_w.iter().map(|g| norm(g)).collect(),
        ws.delta.iter().map(|d| norm(d) * bsz as f64).collect(),
    ))
}

fn norms_table(title: &str, what: &str, cols: &[(&str, &[f64])]) -> Table {
    let mut header = vec!["layer l".to_string()];
    for (name, _) in cols {
        header.push(format!("{what} {name}"));
        header.push(format!("÷ layer L, {name}"));
    }
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new(title, &refs);
    let layers = cols[0].1.len();
    for l in 0..layers {
        let mut row = vec![Cell::Num(Scalar::int(l as i64 + 1))];
        for (_, v) in cols {
            row.push(Cell::Num(Scalar::Float(v[l])));
            row.push(Cell::Num(Scalar::Float(v[l] / v[layers - 1])));
        }
        t.row(row);
    }
    t
}

fn plot(title: &str, cols: &[(&str, &[f64])]) -> Block {
    Block::Figure(Figure::Plot {
        title: title.into(),
        panels: vec![Panel {
            title: "log10 of the norm against layer l".into(),
            x_label: "layer l".into(),
            y_label: "log10 of the norm".into(),
            series: cols
                .iter()
                .map(|(name, v)| Series {
                    label: (*name).into(),
                    points: v
                        .iter()
                        .enumerate()
                        .map(|(l, g)| ((l + 1) as f64, g.log10()))
                        .collect(),
                    nums: Vec::new(),
                })
                .collect(),
        }],
    })
}

fn vanishing_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["depth", "seed"], s);
    let depth = count(v, "depth", 2, 30)? as usize;
    let seed = count(v, "seed", 0, u32::MAX as u64)?;
    r.text(format!(
        "A stack of {depth} hidden layers of width 32 and a softmax output over 10 classes, \
         64 random inputs, one backward pass. δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1): every \
         layer multiplies the gradient by f'(z) once more, and σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4."
    ));
    let (sig, _) = layer_norms(Activation::Sigmoid, Init::XavierUniform, depth, 1.0, seed)?;
    let (relu, _) = layer_norms(Activation::Relu, Init::HeUniform, depth, 1.0, seed)?;
    let cols = [("sigmoid, Xavier", &sig[..]), ("ReLU, He", &relu[..])];
    r.table(norms_table(
        "Gradient norm per layer · 每层的梯度范数",
        "‖∂L/∂W(l)‖",
        &cols,
    ));
    let first = |v: &[f64]| v[0] / v[v.len() - 1];
    r.text(format!(
        "From the last layer down to layer 1 the sigmoid network's gradient shrinks by a factor \
         {:.2e}; the bound (1/4)^{depth} = {:.2e} for {depth} sigmoid derivatives shows why. \
         With ReLU (f' = 1 where the unit fires) and He initialisation the factor is {:.2}: \
         layer 1 learns about as fast as layer L.",
        first(&sig),
        0.25f64.powi(depth as i32),
        first(&relu)
    ));
    r.add("ratio sigmoid", Scalar::Float(first(&sig)), Kind::Value);
    r.add("ratio relu", Scalar::Float(first(&relu)), Kind::Value);
    r.blocks.push(plot("Vanishing gradients", &cols));
    Ok(r)
}

fn vanishing_2(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["depth", "gain", "seed"], s);
    let depth = count(v, "depth", 2, 30)? as usize;
    let seed = count(v, "seed", 0, u32::MAX as u64)?;
    let gain = get(v, "gain", s).to_f64();
    r.text(format!(
        "The ReLU stack of vanishing/1 with He-normal weights multiplied by {gain}: each layer \
         now multiplies the signal, and on the way back the gradient, by about {gain} instead \
         of 1."
    ));
    let (big_w, big) = layer_norms(Activation::Relu, Init::HeNormal, depth, gain, seed)?;
    let (he_w, he) = layer_norms(Activation::Relu, Init::HeNormal, depth, 1.0, seed)?;
    let cols = [("ReLU, He × gain", &big[..]), ("ReLU, He", &he[..])];
    r.table(norms_table(
        "Backpropagated error per layer · 每层的误差 δ(l) = ∂L/∂z(l)",
        "‖δ(l)‖",
        &cols,
    ));
    let ratio = big[0] / big[big.len() - 1];
    // The "explodes" sentence holds only for |gain| > 1; with --set gain=1/2
    // the same table shows the gradient shrinking, and the text must say so.
    if gain.abs() <= 1.0 {
        r.text(format!(
            "On the way down, δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) is multiplied by about the \
             gain per layer: ‖δ(1)‖ is {ratio:.3e} times ‖δ(L)‖ (gain^{} = {:.3e}). With |gain| ≤ 1 \
             nothing explodes: ‖∂L/∂W(1)‖ = {:.4e} against {:.4e} with plain He weights, and a \
             gain below 1 makes the gradient vanish instead.",
            depth,
            gain.powi(depth as i32),
            big_w[0],
            he_w[0]
        ));
    } else {
        r.text(format!(
            "On the way down, δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) grows by about the gain per \
         layer: ‖δ(1)‖ is {ratio:.3e} times ‖δ(L)‖ (gain^{} = {:.3e}). The weight gradients \
         ∂L/∂W(l) = δ(l) a(l−1)ᵀ are all huge: ‖∂L/∂W(1)‖ = {:.4e} against {:.4e} with plain He \
         weights, so a learning rate that suits He weights throws these weights far away and \
         training blows up.",
            depth,
            gain.powi(depth as i32),
            big_w[0],
            he_w[0]
        ));
    }
    r.add("delta ratio", Scalar::Float(ratio), Kind::Value);
    r.add("grad W1 gain", Scalar::Float(big_w[0]), Kind::Gradient);
    r.add("grad W1 he", Scalar::Float(he_w[0]), Kind::Gradient);
    r.blocks.push(plot("Exploding gradients", &cols));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use crate::catalog::{paragraphs as texts, report_with as run};

    #[test]
    fn vanishing_2_writes_the_weight_gradient_in_the_column_form_of_its_delta() {
        // The report's δ(l) = f'(z(l)) ⊙ (W(l+1))ᵀ δ(l+1) is NNDL's column
        // form (z = W a + b, W out×in); there ∂L/∂W(l) = δ(l) a(l−1)ᵀ
        // (out×1 · 1×in = out×in, W's shape). The row form a(l−1)ᵀ δ(l) is
        // in×out and belongs to h = f(hW + b). The norms in the table are
        // the same either way: ‖Aᵀ‖_F = ‖A‖_F.
        let r = run("vanishing/2", &[]);
        let sentence = texts(&r)
            .into_iter()
            .find(|t| t.contains("∂L/∂W(l) ="))
            .expect("the exploding sentence names ∂L/∂W(l)");
        assert!(sentence.contains("(W(l+1))ᵀ δ(l+1)"), "{sentence}");
        assert!(sentence.contains("∂L/∂W(l) = δ(l) a(l−1)ᵀ"), "{sentence}");
        assert!(!sentence.contains("a(l−1)ᵀ δ(l)"), "{sentence}");
    }
}
