//! Data sets for training, all offline: XOR, seeded generators (circles,
//! two moons, spirals, Gaussian blobs), the real 8×8 handwritten digits and
//! iris (shipped in `data/`, see `data/README.md`), synthetic MNIST-shaped
//! data, and MNIST
//! from IDX files the user has (`mnist:DIR`, see [`crate::train::idx`]).

use std::f64::consts::PI;

use crate::error::{Error, Result};
use crate::train::Real;
use crate::train::idx;
use crate::train::rng::Rng;

/// What the network should output for each sample.
#[derive(Clone, Debug, PartialEq)]
pub enum Target<T> {
    /// A class 0..k per sample.
    Classes { labels: Vec<u32>, k: usize },
    /// `dim` real values per sample, row-major.
    Values { v: Vec<T>, dim: usize },
}

/// Samples as rows of `x` (row-major, `n_features` per row) with targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset<T> {
    /// The name given to `--data`.
    pub name: String,
    /// Where the data comes from, for the report.
    pub source: String,
    pub x: Vec<T>,
    pub n_features: usize,
    pub y: Target<T>,
    /// A test set that comes with the data (MNIST's t10k files).
    pub test: Option<Box<Dataset<T>>>,
}

/// The data sets [`load`] knows by name (besides `mnist:DIR`), in the order
/// lists show them; help and shell completion read this list.
pub const NAMES: &[&str] = &[
    "xor",
    "circles",
    "moons",
    "spirals",
    "blobs",
    "digits",
    "iris",
    "synthetic-mnist",
];

/// Names accepted by `--data`, for its error message.
pub fn known() -> String {
    format!(
        "{}, mnist:DIR (a folder with the four MNIST IDX files)",
        NAMES.join(", ")
    )
}

/// Attribution of iris.
pub const IRIS_SOURCE: &str = "Fisher's iris (1936; 150 flowers, 4 measurements in cm, 3 species), \
scikit-learn's copy, shipped in data/iris.csv";

/// Attribution of the digits.
pub const DIGITS_SOURCE: &str = "UCI Optical Recognition of Handwritten Digits \
(Alpaydin & Kaynak, 1998; 1,797 images of 8×8 pixels, values 0-16), shipped in \
data/digits.csv from scikit-learn's copy; pixels divided by 16";

impl<T: Real> Dataset<T> {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.x.len() / self.n_features
    }

    /// True when there are no samples.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Classes of a classification set, 0 for regression.
    pub fn classes(&self) -> usize {
        match &self.y {
            Target::Classes { k, .. } => *k,
            Target::Values { .. } => 0,
        }
    }

    /// The samples at `idx`, in that order.
    pub fn subset(&self, idx: &[usize], name: &str) -> Dataset<T> {
        let f = self.n_features;
        let mut x = Vec::with_capacity(idx.len() * f);
        for &i in idx {
            x.extend_from_slice(&self.x[i * f..(i + 1) * f]);
        }
        let y = match &self.y {
            Target::Classes { labels, k } => Target::Classes {
                labels: idx.iter().map(|&i| labels[i]).collect(),
                k: *k,
            },
            Target::Values { v, dim } => {
                let mut out = Vec::with_capacity(idx.len() * dim);
                for &i in idx {
                    out.extend_from_slice(&v[i * dim..(i + 1) * dim]);
                }
                Target::Values { v: out, dim: *dim }
            }
        };
        Dataset {
            name: name.to_string(),
            source: self.source.clone(),
            x,
            n_features: f,
            y,
            test: None,
        }
    }
}

/// Load `--data NAME` with `samples` points for the generators (0: their
/// default) and `seed` for generated data.
pub fn load<T: Real>(name: &str, samples: usize, seed: u64) -> Result<Dataset<T>> {
    let n = |default: usize| if samples == 0 { default } else { samples };
    let mut rng = Rng::new(seed);
    if let Some(dir) = name.strip_prefix("mnist:") {
        return idx::load_mnist(dir);
    }
    let (x, labels, k, f, source): (Vec<f64>, Vec<u32>, usize, usize, String) = match name {
        "xor" => (
            vec![0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0],
            vec![0, 1, 1, 0],
            2,
            2,
            "the four XOR points (NNDL, PKU)".into(),
        ),
        "circles" => generate(n(200), 2, &mut rng, circles, "two noisy concentric circles"),
        "moons" => generate(n(200), 2, &mut rng, moons, "two interleaving half moons"),
        "spirals" => generate(n(300), 3, &mut rng, spirals, "three interleaved spirals"),
        "blobs" => generate(n(300), 3, &mut rng, blobs, "three Gaussian blobs"),
        "digits" => table(
            DIGITS_CSV,
            "data/digits.csv",
            64,
            false,
            16.0,
            DIGITS_SOURCE,
        )?,
        "iris" => table(IRIS_CSV, "data/iris.csv", 4, true, 1.0, IRIS_SOURCE)?,
        "synthetic-mnist" => return Ok(synthetic_mnist(n(55_000), &mut rng)),
        _ => {
            return Err(Error::UnknownName {
                name: name.to_string(),
                what: "a known data set".to_string(),
                accepted: format!("known data sets: {}", known()),
            });
        }
    };
    Ok(Dataset {
        name: name.to_string(),
        source,
        x: x.into_iter().map(T::of).collect(),
        n_features: f,
        y: Target::Classes { labels, k },
        test: None,
    })
}

type Generated = (Vec<f64>, Vec<u32>, usize, usize, String);

/// `n` points of 2-D data, sample i of class i mod k, from `point`.
fn generate(
    n: usize,
    k: usize,
    rng: &mut Rng,
    point: fn(usize, usize, &mut Rng) -> [f64; 2],
    what: &str,
) -> Generated {
    let mut x = Vec::with_capacity(2 * n);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let c = i % k;
        x.extend_from_slice(&point(c, k, rng));
        labels.push(c as u32);
    }
    (
        x,
        labels,
        k,
        2,
        format!(
            "{what}, {n} point{}, generated from the seed",
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// Class 0 on the circle of radius 1, class 1 on radius 1/2, noise σ = 0.1.
fn circles(c: usize, _k: usize, rng: &mut Rng) -> [f64; 2] {
    let t = rng.range(0.0, 2.0 * PI);
    let r = if c == 0 { 1.0 } else { 0.5 };
    [
        r * t.cos() + 0.1 * rng.normal(),
        r * t.sin() + 0.1 * rng.normal(),
    ]
}

/// Upper moon (cos t, sin t) and lower moon (1 − cos t, 1/2 − sin t), t ∈ [0, π].
fn moons(c: usize, _k: usize, rng: &mut Rng) -> [f64; 2] {
    let t = rng.range(0.0, PI);
    let (x, y) = if c == 0 {
        (t.cos(), t.sin())
    } else {
        (1.0 - t.cos(), 0.5 - t.sin())
    };
    [x + 0.1 * rng.normal(), y + 0.1 * rng.normal()]
}

/// Arm c: radius r ∈ [0, 1], angle 4r + 2πc/k, noise 0.2 on the angle.
fn spirals(c: usize, k: usize, rng: &mut Rng) -> [f64; 2] {
    let r = rng.uniform();
    let t = 4.0 * r + 2.0 * PI * c as f64 / k as f64 + 0.2 * rng.normal();
    [r * t.cos(), r * t.sin()]
}

/// Class c around (2cos(2πc/k), 2sin(2πc/k)) with σ = 1/2.
fn blobs(c: usize, k: usize, rng: &mut Rng) -> [f64; 2] {
    let a = 2.0 * PI * c as f64 / k as f64;
    [
        2.0 * a.cos() + 0.5 * rng.normal(),
        2.0 * a.sin() + 0.5 * rng.normal(),
    ]
}

/// The 8×8 digits as scikit-learn ships them (`data/digits.csv`, see
/// `data/README.md`): 1,797 rows of 64 pixels 0-16 and the digit.
const DIGITS_CSV: &str = include_str!("../../data/digits.csv");

/// Fisher's iris as scikit-learn ships it (`data/iris.csv`): a header
/// `150,4,setosa,versicolor,virginica`, then 4 measurements and the class.
const IRIS_CSV: &str = include_str!("../../data/iris.csv");

/// Read a table of `features` numbers and a class label per line, comma
/// separated, after a header `rows,features,…` when `header` is true (the
/// header's counts are checked). Returns the features divided by `scale`,
/// row-major, and the labels. `file` names the table in errors.
pub fn parse_table(
    text: &str,
    file: &str,
    features: usize,
    header: bool,
    scale: f64,
) -> Result<(Vec<f64>, Vec<u32>)> {
    let bad = |line: usize, problem: String| Error::Invalid {
        what: format!("{file} line {line}"),
        problem,
        accepted: format!("each line holds {features} numbers and a class label 0, 1, …"),
    };
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let mut rows = None;
    if header {
        let (i, h) = lines
            .next()
            .ok_or_else(|| bad(1, "the file is empty".into()))?;
        let mut counts = h.split(',').map(|c| c.trim().parse::<usize>().ok());
        match (counts.next().flatten(), counts.next().flatten()) {
            (Some(r), Some(f)) if f == features => rows = Some(r),
            _ => {
                return Err(bad(
                    i + 1,
                    format!(
                        "the header {h:?} does not start with the number of rows and {features}"
                    ),
                ));
            }
        }
    }
    let (mut x, mut labels) = (Vec::new(), Vec::new());
    for (i, line) in lines {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != features + 1 {
            return Err(bad(
                i + 1,
                format!("{} fields, not {}", fields.len(), features + 1),
            ));
        }
        for f in &fields[..features] {
            match f.parse::<f64>() {
                Ok(v) if v.is_finite() => x.push(v / scale),
                _ => return Err(bad(i + 1, format!("{f:?} is not a number"))),
            }
        }
        let label = fields[features];
        labels.push(
            label
                .parse::<u32>()
                .map_err(|_| bad(i + 1, format!("{label:?} is not a class label")))?,
        );
    }
    if labels.is_empty() {
        return Err(bad(1, "no rows".into()));
    }
    if let Some(r) = rows.filter(|r| *r != labels.len()) {
        return Err(bad(
            1,
            format!("{} rows, but the header says {r}", labels.len()),
        ));
    }
    Ok((x, labels))
}

/// A bundled table as a data set: k = the largest label + 1.
fn table(
    text: &str,
    file: &str,
    features: usize,
    header: bool,
    scale: f64,
    source: &str,
) -> Result<Generated> {
    let (x, labels) = parse_table(text, file, features, header, scale)?;
    let k = labels.iter().max().map_or(0, |m| *m as usize + 1);
    Ok((x, labels, k, features, source.to_string()))
}

/// MNIST-shaped noise: 784 pixels uniform in [0, 1) (multiples of 2⁻²⁴, exact
/// in f32 and f64), labels uniform in 0-9; the data of the speed benchmark.
pub fn synthetic_mnist<T: Real>(n: usize, rng: &mut Rng) -> Dataset<T> {
    let x = (0..n * 784).map(|_| T::of(rng.uniform24())).collect();
    let labels = (0..n).map(|_| rng.below(10) as u32).collect();
    Dataset {
        name: "synthetic-mnist".to_string(),
        source: format!(
            "synthetic MNIST-shaped data: {n} samples of 784 uniform pixels, random labels 0-9 \
             (nothing to learn: it measures speed)"
        ),
        x,
        n_features: 784,
        y: Target::Classes { labels, k: 10 },
        test: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_loads() {
        for name in NAMES {
            let d = load::<f64>(name, 8, 0).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(d.name, *name);
        }
        let Err(e) = load::<f64>("mnst", 8, 0) else {
            panic!("`mnst` is not a data set")
        };
        let e = e.to_string();
        assert!(e.contains(&known()), "{e}");
    }

    #[test]
    fn bundled_sets_have_their_known_shapes() {
        let d = load::<f64>("digits", 0, 0).unwrap();
        assert_eq!((d.len(), d.n_features, d.classes()), (1797, 64, 10));
        // Pixels 0..16 divided by 16; the first image is a 0 (scikit-learn's
        // copy starts 0, 0, 5, 13, 9, 1, 0, 0).
        assert_eq!(
            &d.x[..8],
            &[
                0.0,
                0.0,
                5.0 / 16.0,
                13.0 / 16.0,
                9.0 / 16.0,
                1.0 / 16.0,
                0.0,
                0.0
            ]
        );
        let Target::Classes { labels, .. } = &d.y else {
            panic!()
        };
        assert_eq!(&labels[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        let i = load::<f64>("iris", 0, 0).unwrap();
        assert_eq!((i.len(), i.n_features, i.classes()), (150, 4, 3));
        // Fisher's first flower: 5.1, 3.5, 1.4, 0.2 (setosa).
        assert_eq!(&i.x[..4], &[5.1, 3.5, 1.4, 0.2]);
    }

    #[test]
    fn the_shipped_tables_are_the_published_ones() {
        let d = load::<f64>("digits", 0, 0).unwrap();
        let Target::Classes { labels, .. } = &d.y else {
            panic!()
        };
        // UCI's optdigits.tes, per class 0-9: 178, 182, 177, 183, 181, 182,
        // 181, 179, 174, 180 (sum 1,797); every pixel a whole 0..16 over 16.
        let per_class: Vec<usize> = (0..10)
            .map(|c| labels.iter().filter(|l| **l == c).count())
            .collect();
        assert_eq!(
            per_class,
            [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
        );
        assert!(
            d.x.iter()
                .all(|v| (0.0..=1.0).contains(v) && (v * 16.0).fract() == 0.0)
        );
        // Iris: 50 flowers of each species; rows 35 and 38 as in Fisher's
        // paper (UCI's copy has 0.1 for the first's petal width and
        // 4.9, 3.1, 1.5, 0.1 for the second).
        let i = load::<f64>("iris", 0, 0).unwrap();
        assert_eq!(&i.x[34 * 4..35 * 4], &[4.9, 3.1, 1.5, 0.2]);
        assert_eq!(&i.x[37 * 4..38 * 4], &[4.9, 3.6, 1.4, 0.1]);
        let Target::Classes { labels, .. } = &i.y else {
            panic!()
        };
        assert!((0..3).all(|c| labels.iter().filter(|l| **l == c).count() == 50));
    }

    #[test]
    fn a_table_is_read_or_refused_with_its_line() {
        let ok = "2,2,a,b\n1.5,2,0\n\n3,4,1\n";
        let (x, y) = parse_table(ok, "t.csv", 2, true, 2.0).unwrap();
        assert_eq!((x, y), (vec![0.75, 1.0, 1.5, 2.0], vec![0, 1]));
        let err = |text: &str, header: bool| {
            parse_table(text, "t.csv", 2, header, 1.0)
                .unwrap_err()
                .to_string()
        };
        assert!(err("1,2\n", false).contains("t.csv line 1: 2 fields, not 3"));
        assert!(err("1,2,0\n1,x,1\n", false).contains("line 2: \"x\" is not a number"));
        assert!(err("1,inf,0\n", false).contains("\"inf\" is not a number"));
        assert!(err("1,2,-1\n", false).contains("\"-1\" is not a class label"));
        assert!(err("3,2\n1,2,0\n", true).contains("1 rows, but the header says 3"));
        assert!(err("1,5\n1,2,0\n", true).contains("does not start with"));
        assert!(err("", false).contains("no rows"));
        assert!(err("", true).contains("empty"));
    }

    #[test]
    fn generators_are_seeded_and_shaped() {
        for name in ["circles", "moons", "spirals", "blobs"] {
            let a = load::<f64>(name, 90, 4).unwrap();
            let b = load::<f64>(name, 90, 4).unwrap();
            let c = load::<f64>(name, 90, 5).unwrap();
            assert_eq!(a, b, "{name}");
            assert_ne!(a.x, c.x, "{name}");
            assert_eq!(a.len(), 90);
        }
        // Circles: radius ≈ 1 for class 0 and ≈ 1/2 for class 1 (noise 0.1).
        let d = load::<f64>("circles", 400, 1).unwrap();
        let Target::Classes { labels, .. } = &d.y else {
            panic!()
        };
        let mean_r = |c: u32| {
            let r: Vec<f64> = (0..d.len())
                .filter(|i| labels[*i] == c)
                .map(|i| d.x[2 * i].hypot(d.x[2 * i + 1]))
                .collect();
            r.iter().sum::<f64>() / r.len() as f64
        };
        assert!((mean_r(0) - 1.0).abs() < 0.03 && (mean_r(1) - 0.5).abs() < 0.03);
        let e = load::<f64>("cifar", 0, 0).unwrap_err().to_string();
        assert!(e.contains("digits") && e.contains("mnist:DIR"), "{e}");
    }

    #[test]
    fn synthetic_mnist_is_exact_in_both_types() {
        let a = synthetic_mnist::<f32>(3, &mut Rng::new(0));
        let b = synthetic_mnist::<f64>(3, &mut Rng::new(0));
        assert!(a.x.iter().zip(&b.x).all(|(p, q)| f64::from(*p) == *q));
        assert!(b.x.iter().all(|v| (0.0..1.0).contains(v)));
    }
}
