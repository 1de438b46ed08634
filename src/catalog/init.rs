//! init/1-2: weight initialisation, the bound of U(-1/√m, 1/√m) (JQ) and
//! random, Xavier and He schemes through a deep stack (CAL).

use crate::catalog::common::{count, get, start};
use crate::catalog::statement::{Pose, Statement};
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::{Cell, Math, Num, Report, Sentence, Settings, Table};
use crate::report::{Kind, Named};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, links, named, replay};
use crate::scalar::Scalar;
use crate::train::init::Init;
use crate::train::rng::Rng;

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "init",
        number: 1,
        title: "The bound of U(-1/√m, 1/√m)",
        title_zh: "初始化参数",
        sources: &["JQ deck, 初始化参数: U(-1/√m, 1/√m), m = 10 ⇒ [-1/√10, 1/√10]"],
        params: &[Param::new("m", "10", "inputs of the layer (fan-in)")],
        build: init_1,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[("m", Draw::Int(2, 256))]).pose(Pose::Custom(pose_1)),
        ),
        audit: Audit::Replay(audit_1),
        has_plot: false,
    },
    Example {
        topic: "init",
        number: 2,
        title: "Random, Xavier and He initialisation through a deep stack",
        title_zh: "参数初始化方法",
        sources: &["CAL deck, 参数初始化: 随机初始化, Xavier (Glorot) 初始化, He 初始化"],
        params: &[
            Param::new(
                "fan_in",
                "64",
                "inputs per layer (also the width of the stack)",
            ),
            Param::new("fan_out", "64", "outputs per layer"),
            Param::new("depth", "10", "layers in the stack (1-30)"),
            Param::new("batch", "32", "random inputs pushed through (1-256)"),
            Param::new("seed", "1", "random seed"),
        ],
        build: init_2,
        engine: Engine::Report,
        exercise: Exercise::None(
            "its spread table is a seeded f64 simulation through a deep stack; the bounds alone are init/1's exercise",
        ),
        audit: Audit::Replay(audit_2),
        has_plot: false,
    },
];

/// init/1's problem: a layer's fan-in m and the uniform scheme.
fn pose_1(v: &Values) -> Result<Statement> {
    let mut st = Statement::default();
    st.line(
        "A layer with ⟦m⟧ inputs (fan-in ⟦m⟧) draws every initial weight from the uniform \
         distribution ⟦U(−1/√m, 1/√m)⟧.",
        "一个有 ⟦m⟧ 个输入 (扇入为 ⟦m⟧) 的层, 每个初始权重都从均匀分布 ⟦U(−1/√m, 1/√m)⟧ 中抽取。",
    );
    st.line(
        "Find the bound ⟦1/√m⟧ and the variance of one weight, ⟦(2a)²/12⟧ with ⟦a = 1/√m⟧.",
        "求边界 ⟦1/√m⟧ (bound) 和一个权重的方差 (variance), 即 ⟦(2a)²/12⟧, ⟦a = 1/√m⟧。",
    );
    st.number("m", &v["m"]);
    Ok(st)
}

fn init_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["m"], s);
    r.heading_formula(Math::new("U(-1/√m, 1/√m)", "U(-1/\\sqrt{m}, 1/\\sqrt{m})"));
    let mi = count(v, "m", 1, 1_000_000_000)? as usize;
    let m = Scalar::int(mi as i64);
    let m = if s.float { m.to_float() } else { m };
    let root = m.sqrt()?;
    // The shared definition of the scheme (the training engine draws from it).
    let cast = |x: Scalar| if s.float { x.to_float() } else { x };
    let bound = cast(Init::Uniform.exact_scale(mi, 1)?);
    // Var U(-a, a) = (2a)²/12 = a²/3 = 1/(3m), exact
    let var = cast(Init::Uniform.exact_variance(mi, 1)?);
    let mut t = Table::new("U(-1/√m, 1/√m)", &["quantity", "computed as", "value"]);
    t.row(vec![
        "√m".into(),
        Cell::Sentence(Sentence::new("√{}", vec![Num::shown(&m)])),
        root.clone().into(),
    ]);
    t.row(vec![
        "bound 1/√m".into(),
        Cell::Sentence(Sentence::new("1/{}", vec![Num::shown(&root)])),
        bound.clone().into(),
    ]);
    t.row(vec![
        "variance a²/3 = 1/(3m)".into(),
        Cell::Sentence(Sentence::new("1/(3·{})", vec![Num::shown(&m)])),
        var.clone().into(),
    ]);
    r.table(t);
    r.sentence(
        "Every initial weight of a layer with m = {} inputs is drawn from [{}, {}]. The bound is exact only when m is a perfect square (m = 4 gives 1/2).",
        vec![Num::shown(&m), Num::shown(&bound.neg()), Num::shown(&bound)],
    );
    r.results = vec![
        Named::new("bound", bound, Kind::Value),
        Named::new("variance", var, Kind::Value),
    ];
    Ok(r)
}

/// The uniform schemes of the table, in the deck's order.
const SCHEMES: [Init; 4] = [
    Init::Small,
    Init::Uniform,
    Init::XavierUniform,
    Init::HeUniform,
];

fn init_2(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["fan_in", "fan_out", "depth", "batch", "seed"];
    let mut r = start(v, &names, s);
    let (fi, fo) = (count(v, "fan_in", 1, 512)?, count(v, "fan_out", 1, 512)?);
    let (depth, batch, seed) = (
        count(v, "depth", 1, 30)?,
        count(v, "batch", 1, 256)?,
        count(v, "seed", 0, u64::MAX >> 1)?,
    );
    // --float: every computed value is an f64, as everywhere else.
    let cast = |x: Scalar| if s.float { x.to_float() } else { x };
    let mut t = Table::new(
        format!("Uniform U(-a, a) versions, n_in = {fi}, n_out = {fo} (Var = a²/3)"),
        &["scheme", "bound", "a", "variance"],
    );
    for init in SCHEMES {
        let (fi, fo) = (fi as usize, fo as usize);
        let var = cast(init.exact_variance(fi, fo)?);
        t.row(vec![
            init.label().into(),
            init.rule().into(),
            cast(init.exact_scale(fi, fo)?).into(),
            var.clone().into(),
        ]);
        r.add(format!("var {}", init.label()), var, Kind::Value);
    }
    r.table(t);
    r.text("Xavier keeps Var(z) ≈ Var(a) for tanh-like units (Var W = 2/(n_in + n_out)); He doubles it for ReLU, which zeroes half its inputs (Var W = 2/n_in).");
    let _ = get(v, "seed", s);
    // The first, middle and last layer; for depth 1 or 2 these coincide, and
    // a column shown twice under the same heading would look like a bug.
    let mut shown: Vec<usize> = vec![1, depth as usize / 2 + 1, depth as usize];
    shown.dedup();
    let mut header = vec!["scheme".to_string(), "activation".to_string()];
    header.extend(shown.iter().map(|l| format!("layer {l}")));
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut spread = Table::new(
        format!(
            "Standard deviation of the activations through {depth} square layers of width {fi}, {batch} random inputs with unit variance, seed {seed}"
        ),
        &header_refs,
    );
    for init in SCHEMES {
        for act in ["tanh", "relu"] {
            let stds = stack_spread(init, fi as usize, depth as usize, batch as usize, act, seed);
            let mut row: Vec<Cell> = vec![init.label().into(), act.into()];
            row.extend(shown.iter().map(|&l| Cell::Num(Scalar::Float(stds[l - 1]))));
            spread.row(row);
        }
    }
    r.table(spread);
    r.text("Read down the last column: tiny weights make the signal vanish layer after layer; Xavier keeps tanh alive; He keeps ReLU's spread steady.");
    Ok(r)
}

/// Push `batch` inputs U(-√3, √3) (unit variance) through `depth` square
/// layers of `width` units, each W(l) drawn by `init` as the training engine
/// draws it (row-major width × width, from the seeded ChaCha8 stream right
/// after the inputs), b = 0, z_j = Σ_i a_i W_ij; the std of a(l) for each l.
fn stack_spread(
    init: Init,
    width: usize,
    depth: usize,
    batch: usize,
    act: &str,
    seed: u64,
) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let r3 = 3f64.sqrt();
    let mut x: Vec<Vec<f64>> = (0..batch)
        .map(|_| (0..width).map(|_| rng.range(-r3, r3)).collect())
        .collect();
    let mut out = Vec::with_capacity(depth);
    for _ in 0..depth {
        let w = init.weights(width, width, &mut rng);
        x = x
            .iter()
            .map(|row| {
                (0..width)
                    .map(|j| {
                        let z: f64 = (0..width).map(|i| row[i] * w[i * width + j]).sum();
                        if act == "tanh" { z.tanh() } else { z.max(0.0) }
                    })
                    .collect()
            })
            .collect();
        let all: Vec<f64> = x.iter().flatten().copied().collect();
        let mean = all.iter().sum::<f64>() / all.len() as f64;
        out.push((all.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / all.len() as f64).sqrt());
    }
    out
}

/// The rounding audit of init/1.
fn audit_1(v: &Values) -> Result<Plan> {
    crate::catalog::common::count(v, "m", 1, 1_000_000_000)?;
    let src = "root = sqrt(m); bound = 1 / root; variance = 1 / (3*m)".to_string();
    let it = forward(src, inputs(v, &["m"]), &["bound", "variance"]);
    replay(vec![named(
        it,
        links(&[("bound", "bound"), ("variance", "variance")]),
    )])
}

/// The bounds and variances of each scheme; the spread through the stack is
/// a seeded simulation and is not replayed.
fn audit_2(v: &Values) -> Result<Plan> {
    crate::catalog::common::count(v, "fan_in", 1, 512)?;
    crate::catalog::common::count(v, "fan_out", 1, 512)?;
    let src = "small_var = (1/100)^2 / 3; jq_bound = 1 / sqrt(fan_in); jq_var = 1 / (3*fan_in); \
               xavier_bound = sqrt(6 / (fan_in + fan_out)); xavier_var = 2 / (fan_in + fan_out); \
               he_bound = sqrt(6 / fan_in); he_var = 2 / fan_in"
        .to_string();
    let finals = ["small_var", "jq_var", "xavier_var", "he_var"];
    let it = forward(src, inputs(v, &["fan_in", "fan_out"]), &finals);
    let names = links(&[
        ("small_var", "var random small"),
        ("jq_var", "var JQ U(-1/√m, 1/√m)"),
        ("xavier_var", "var Xavier / Glorot"),
        ("he_var", "var He"),
    ]);
    Ok(Plan::Replay {
        items: vec![named(it, names)],
        note: Some(
            "The spread of activations through the stack is a seeded simulation in f64 and \
             is not replayed."
                .to_string(),
        ),
    })
}
