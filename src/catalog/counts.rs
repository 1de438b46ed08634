//! network/1-3 and init/1-2: parameter counts layer by layer (JQ, PKU),
//! the shape of W in both notations, and weight initialisation (JQ, CAL).

use crate::catalog::common::{count, get, start};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::{Cell, Math, Report, Settings, Table};
use crate::scalar::Scalar;
use crate::train::init::Init;
use crate::train::rng::Rng;

pub static NETWORK: &[Example] = &[
    Example {
        topic: "network",
        number: 1,
        title: "Parameter count of a 784-10-14-10 network",
        title_zh: "神经网络-参数",
        sources: &[
            "JQ deck, 神经网络-参数: 权重 784×10 + 10×14 + 14×10 = 8120, 偏置 10 + 14 + 10 = 34, 总参数 8154",
        ],
        params: &[
            Param::new("n0", "784", "inputs (a flattened 28×28 image)"),
            Param::new("n1", "10", "units of hidden layer 1"),
            Param::new("n2", "14", "units of hidden layer 2"),
            Param::new("n3", "10", "outputs (classes)"),
        ],
        build: counts,
    },
    Example {
        topic: "network",
        number: 2,
        title: "Parameter count of the 784-512-512-10 model",
        title_zh: "模型参数量",
        sources: &[
            "PKU deck, nn.Sequential(nn.Linear(28*28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))",
        ],
        params: &[
            Param::new("n0", "784", "inputs (28*28)"),
            Param::new("n1", "512", "units of hidden layer 1"),
            Param::new("n2", "512", "units of hidden layer 2"),
            Param::new("n3", "10", "outputs (classes)"),
        ],
        build: counts,
    },
    Example {
        topic: "network",
        number: 3,
        title: "The shape of W in both notations",
        title_zh: "权重矩阵的维度",
        sources: &[
            "NNDL, 记号: W(l) ∈ R^(M_l × M_(l-1))",
            "JQ deck, 神经网络-权重weight: W 为 m×n (m 前一层, n 本层)",
        ],
        params: &[
            Param::new("n0", "3", "inputs"),
            Param::new("n1", "4", "hidden units"),
            Param::new("n2", "2", "outputs"),
        ],
        build: shapes,
    },
];

pub static INIT: &[Example] = &[
    Example {
        topic: "init",
        number: 1,
        title: "The bound of U(-1/√m, 1/√m)",
        title_zh: "初始化参数",
        sources: &["JQ deck, 初始化参数: U(-1/√m, 1/√m), m = 10 ⇒ [-1/√10, 1/√10]"],
        params: &[Param::new("m", "10", "inputs of the layer (fan-in)")],
        build: init_1,
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
    },
];

fn sizes(v: &Values, names: &[&str]) -> Result<Vec<u64>> {
    names.iter().map(|n| count(v, n, 1, 1_000_000)).collect()
}

fn n(x: u64) -> Scalar {
    Scalar::int(x as i64)
}

/// Σ_l (n_(l-1) + 1) · n_l, layer by layer.
fn counts(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["n0", "n1", "n2", "n3"];
    let mut r = start(v, &names, s);
    let ns = sizes(v, &names)?;
    r.formula(Math::new(
        "parameters = Σ_l (n_(l-1) · n_l + n_l) = Σ_l (n_(l-1) + 1) · n_l",
        "\\sum_l (n_{l-1} n_l + n_l) = \\sum_l (n_{l-1} + 1)\\, n_l",
    ));
    let mut t = Table::new(
        "Layer by layer · 逐层 (权重数 = 上一层神经元数 × 本层神经元数, 偏置数 = 本层神经元数)",
        &[
            "layer",
            "n_in → n_out",
            "weights n_in·n_out",
            "biases n_out",
            "(n_in + 1)·n_out",
        ],
    );
    let (mut w, mut b) = (0u64, 0u64);
    for (l, pair) in ns.windows(2).enumerate() {
        let (i, o) = (pair[0], pair[1]);
        t.row(vec![
            Cell::Text((l + 1).to_string()),
            Cell::Text(format!("{i} → {o}")),
            Cell::Text(format!("{i}×{o} = {}", i * o)),
            n(o).into(),
            Cell::Text(format!("({i} + 1)×{o} = {}", (i + 1) * o)),
        ]);
        w += i * o;
        b += o;
    }
    t.row(vec![
        "total".into(),
        Cell::Empty,
        n(w).into(),
        n(b).into(),
        n(w + b).into(),
    ]);
    r.table(t);
    r.text(format!(
        "Weights {w}, biases {b}, total {}. The input layer (layer 0) has no parameters.",
        w + b
    ));
    r.results = vec![
        ("weights".into(), n(w)),
        ("biases".into(), n(b)),
        ("total".into(), n(w + b)),
    ];
    Ok(r)
}

fn shapes(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["n0", "n1", "n2"];
    let mut r = start(v, &names, s);
    let ns = sizes(v, &names)?;
    let mut t = Table::new(
        "W(l) in the two notations · 列向量 vs 行向量",
        &[
            "layer",
            "a(l-1)",
            "column: W(l) out×in, z = W a + b",
            "row: W(l) in×out, z = a W + b",
            "entry W_ij joins",
        ],
    );
    for (l, pair) in ns.windows(2).enumerate() {
        let (i, o) = (pair[0], pair[1]);
        t.row(vec![
            Cell::Text((l + 1).to_string()),
            Cell::Text(format!("{i} values")),
            Cell::Text(format!("{o}×{i} · {i}×1 + {o}×1 → {o}×1")),
            Cell::Text(format!("1×{i} · {i}×{o} + 1×{o} → 1×{o}")),
            Cell::Text("column: unit i ← input j; row: input i → unit j".into()),
        ]);
        r.results
            .push((format!("W({}) rows (column)", l + 1), n(o)));
        r.results.push((format!("W({}) rows (row)", l + 1), n(i)));
    }
    r.table(t);
    r.text("One notation's W is the other's transpose, W_row = W_colᵀ; both hold n_in·n_out numbers, and PKU writes the link as W_ij = w_ji. nn-tutor net accepts either with convention = \"column\" or \"row\".");
    Ok(r)
}

fn init_1(v: &Values, s: &Settings) -> Result<Report> {
    let mut r = start(v, &["m"], s);
    let mi = count(v, "m", 1, 1_000_000_000)? as usize;
    let m = n(mi as u64);
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
        Cell::Text(format!("√{}", m.show(s.digits))),
        root.clone().into(),
    ]);
    t.row(vec![
        "bound 1/√m".into(),
        Cell::Text(format!("1/{}", root.show(s.digits))),
        bound.clone().into(),
    ]);
    t.row(vec![
        "variance a²/3 = 1/(3m)".into(),
        Cell::Text(format!("1/(3·{})", m.show(s.digits))),
        var.clone().into(),
    ]);
    r.table(t);
    r.text(format!("Every initial weight of a layer with m = {} inputs is drawn from [{}, {}]. The bound is exact only when m is a perfect square (m = 4 gives 1/2).", m.show(s.digits), bound.neg().show(s.digits), bound.show(s.digits)));
    r.results = vec![("bound".into(), bound), ("variance".into(), var)];
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
        r.results.push((format!("var {}", init.label()), var));
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
