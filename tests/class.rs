//! A class on the real binary: `exercise --roster` makes the folder, a
//! simulated class of 120 students fills in answers with known slips, and
//! `grade` must give back exactly what the simulation put in: every
//! quantity's verdict and slip code in gradebook.json, every total in
//! gradebook.csv, every share in the class report, and full marks for every
//! right answer whatever the student's seed. One class of backprop/4 is
//! graded with `--follow-through`: students who flip y0 and work the loss
//! and every gradient from it are credited on exactly those.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use nn_tutor::scalar::Scalar;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_nn-tutor");

fn nn(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env_remove("NN_TUTOR_LANG")
        .output()
        .expect("the binary runs")
}

/// 120 ids: s001 … s118, a Chinese one and one with a dot and a hyphen.
fn roster(dir: &Path) -> std::path::PathBuf {
    let mut text = String::from("\u{feff}id,name\r\n");
    for i in 1..=118 {
        text.push_str(&format!("s{i:03},\"Student, {i}\"\r\n"));
    }
    text.push_str("王小明,Wang\r\nli.lei-2,Li\r\n");
    let p = dir.join("students.csv");
    std::fs::write(&p, text).unwrap();
    p
}

/// What the simulation wrote for one quantity and what grade must say:
/// the verdict code, the slip code, and whether the credit is for
/// following through from the student's own earlier value.
#[derive(Clone, Debug, PartialEq)]
struct Want {
    code: &'static str,
    slip: Option<&'static str>,
    follow: bool,
}

const RIGHT: Want = Want {
    code: "right",
    slip: None,
    follow: false,
};

const fn wrong(slip: &'static str) -> Want {
    Want {
        code: "wrong",
        slip: Some(slip),
        follow: false,
    }
}

const UNANSWERED: Want = Want {
    code: "unanswered",
    slip: None,
    follow: false,
};

/// A JSON file.
fn json_file(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// backprop/1, the example of the tests that need just some class.
const BACKPROP_1: [&str; 3] = ["backprop", "--example", "1"];

/// `nn-tutor exercise ARGS --roster CSV --out CLASS EXTRA`.
fn exercise(args: &[&str], csv: &Path, class: &Path, extra: &[&str]) -> std::process::Output {
    let mut all = vec!["exercise"];
    all.extend(args);
    all.extend([
        "--roster",
        csv.to_str().unwrap(),
        "--out",
        class.to_str().unwrap(),
    ]);
    all.extend(extra);
    nn(&all)
}

/// `nn-tutor exercise ARGS --roster CSV --out CLASS --seed SEED`, which
/// must succeed: the class's manifest.
fn make_class(args: &[&str], seed: &str, csv: &Path, class: &Path) -> Value {
    let out = exercise(args, csv, class, &["--seed", seed]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_file(&class.join("manifest.json"))
}

/// A value as a student writes it: the exact fraction in quotes, or a
/// float to 10 decimals.
fn written(v: &Scalar) -> String {
    match v.exact_string() {
        Some(e) => format!("\"{e}\""),
        None => format!("{:.10}", v.to_f64()),
    }
}

/// A count in report JSON: `{"exact": "3", "float": 3.0}`.
fn count(j: &Value) -> usize {
    j["exact"].as_str().unwrap().parse().unwrap()
}

fn scalar(j: &Value) -> Scalar {
    match j["exact"].as_str() {
        Some(e) => Scalar::parse(e).unwrap(),
        None => Scalar::float(j["float"].as_f64().unwrap()).unwrap(),
    }
}

/// z(1)_1 computed with W(1)ᵀ: Σ_j W_j1 x_j + b_1 (the transposed-W slip).
fn z_transposed(given: &Value) -> Scalar {
    let w = given["W(1)"].as_array().unwrap();
    let x = given["x"].as_array().unwrap();
    let mut z = scalar(&given["b(1)"][0]);
    for (j, xj) in x.iter().enumerate() {
        z = z.add(&scalar(&w[j][0]).mul(&scalar(xj)).unwrap()).unwrap();
    }
    z
}

/// Truncated (not rounded) to 6 decimals, when that differs from rounding.
/// (At 4 decimals a truncated value can equal the value got by rounding
/// every step to 4 places, which the sheet's rule accepts.)
fn truncated(v: &Scalar) -> Option<String> {
    let x = v.to_f64();
    let t = (x * 1e6).trunc() / 1e6;
    let r = (x * 1e6).round() / 1e6;
    (v.exact_string().is_none() && t != r && t != 0.0).then(|| format!("{t:.6}"))
}

/// backprop/4's y0 with its sign flipped, and the factor r every gradient
/// takes when worked on correctly from it: with MSE L = (y0 − t)² and an
/// identity output, δ(2) = ∂L/∂y0 = 2(y0 − t) enters every gradient once as
/// a factor (∂L/∂W(2) = δ(2)a(1)ᵀ, δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀδ(2),
/// ∂L/∂W(1) = δ(1)xᵀ, ∂L/∂b = δ), while z(1) and a(1) do not depend on y0;
/// so from y0' = −y0 every gradient is r = (y0' − t)/(y0 − t) times the
/// right one and the loss is (y0' − t)². None where the flip changes
/// nothing (y0 = 0) or r is undefined (y0 = t).
fn flipped_y0(p: &Value) -> Option<(Scalar, Scalar, Scalar)> {
    let y0 = scalar(&p["results"]["y0"]);
    let t = scalar(&p["given"]["t"][0]);
    let (flip, err) = (y0.neg(), y0.sub(&t).unwrap());
    if y0.is_zero() || err.is_zero() {
        return None;
    }
    let slipped = flip.sub(&t).unwrap();
    let r = slipped.div(&err).unwrap();
    Some((flip, r, slipped.mul(&slipped).unwrap()))
}

/// Fill every student's answers.toml; returns the expected verdicts
/// (id → problem → quantity → want) and which students have no usable file.
fn simulate(class: &Path, manifest: &Value) -> BTreeMap<String, Vec<Vec<(String, Want)>>> {
    let mut out = BTreeMap::new();
    for (i, s) in manifest["students"].as_array().unwrap().iter().enumerate() {
        let id = s["id"].as_str().unwrap().to_string();
        let dir = class.join(s["dir"].as_str().unwrap());
        let key = json_file(&dir.join("key.json"));
        let mut toml = format!("student = \"{id}\"\nseed = {}\n", s["seed"]);
        let mut wants = Vec::new();
        for p in key["problems"].as_array().unwrap() {
            toml.push_str(&format!(
                "\n[[problem]]\nnumber = {}\nexample = \"{}\"\nset = \"{}\"\n[problem.answers]\n",
                p["number"],
                p["example"].as_str().unwrap(),
                p["set"].as_str().unwrap().trim_start_matches("--set ")
            ));
            let mut pw = Vec::new();
            let mut slipped = false;
            // backprop/4: y0's sign flipped, then every later step worked
            // correctly from it (graded with --follow-through).
            let carried = (i % 10 == 7 && p["example"] == "backprop/4")
                .then(|| flipped_y0(p))
                .flatten();
            for (k, name) in p["find"].as_array().unwrap().iter().enumerate() {
                let name = name.as_str().unwrap();
                let v = scalar(&p["results"][name]);
                let (text, want) = match i % 10 {
                    _ if carried.is_some() => {
                        let (y0, r, loss) = carried.clone().unwrap();
                        let own = match name {
                            "y0" => y0,
                            "Loss" => loss,
                            _ => v.mul(&r).unwrap(),
                        };
                        let want = if name == "y0" {
                            wrong("sign_flip")
                        } else if own == v {
                            // A gradient through a dead ReLU: 0 either way.
                            RIGHT
                        } else {
                            Want {
                                follow: true,
                                ..RIGHT
                            }
                        };
                        (written(&own), want)
                    }
                    // A sign flip on the first nonzero quantity.
                    1 if !slipped && !v.is_zero() => {
                        slipped = true;
                        (written(&v.neg()), wrong("sign_flip"))
                    }
                    // z(1)_1 with Wᵀ, where that is neither z nor -z.
                    2 if name == "z(1)_1" => {
                        let t = z_transposed(&p["given"]);
                        if t != v && t != v.neg() {
                            (written(&t), wrong("transposed_w"))
                        } else {
                            (written(&v), RIGHT)
                        }
                    }
                    // Two quantities left unanswered.
                    3 if k < 2 => ("\"\"".to_string(), UNANSWERED),
                    // Truncation of e = exp(n) in backprop/2 (n exact: one
                    // rounding, so every-step rounding is plain rounding and
                    // a truncated e is no step-rounded value).
                    4 if name == "e" && truncated(&v).is_some() => {
                        slipped = true;
                        (truncated(&v).unwrap(), wrong("truncated"))
                    }
                    // Decimals rounded to 6 places: right (the sheet asks 4).
                    5 if v.exact_string().is_none() => (format!("{:.6}", v.to_f64()), RIGHT),
                    _ => (written(&v), RIGHT),
                };
                toml.push_str(&format!("\"{name}\" = {text}\n"));
                pw.push((name.to_string(), want));
            }
            wants.push(pw);
        }
        let path = dir.join("answers.toml");
        match i {
            6 => std::fs::remove_file(&path).unwrap(),
            16 => std::fs::write(&path, "f = = 1\n").unwrap(),
            _ => std::fs::write(&path, toml).unwrap(),
        }
        if i == 6 || i == 16 {
            for pw in &mut wants {
                for (_, w) in pw.iter_mut() {
                    *w = UNANSWERED;
                }
            }
        }
        out.insert(id, wants);
    }
    out
}

/// What one graded class came to: quantities right, slips by code, and
/// quantities credited for following through.
struct Tally {
    right: usize,
    slips: BTreeMap<&'static str, usize>,
    followed: usize,
}

/// A class of 120 on `exercise ARGS` (seed 2024), its answers simulated,
/// graded with `grade FLAGS`: every verdict, total and share must be the
/// simulation's.
fn class_round(args: &[&str], flags: &[&str]) -> Tally {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class");
    let manifest = make_class(args, "2024", &roster(tmp.path()), &class);
    assert_eq!(manifest["students"].as_array().unwrap().len(), 120);
    let wants = simulate(&class, &manifest);
    let mut grade = vec!["grade", class.to_str().unwrap(), "--format", "json"];
    grade.extend(flags);
    let out = nn(&grade);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let book = json_file(&class.join("gradebook.json"));
    let csv_text = std::fs::read_to_string(class.join("gradebook.csv")).unwrap();
    let rows: Vec<&str> = csv_text.lines().skip(1).collect();
    let mut tally = Tally {
        right: 0,
        slips: BTreeMap::new(),
        followed: 0,
    };
    for (k, s) in book["students"].as_array().unwrap().iter().enumerate() {
        let id = s["id"].as_str().unwrap();
        let want = &wants[id];
        let mut right = 0;
        for (p, pw) in s["problems"].as_array().unwrap().iter().zip(want) {
            let got: Vec<(String, Want)> = p["verdicts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    let code: &'static str = match v["code"].as_str().unwrap() {
                        "right" => "right",
                        "wrong" => "wrong",
                        "unanswered" => "unanswered",
                        other => panic!("{id}: unexpected code {other}"),
                    };
                    let slip = v["slip"].as_str().map(|s| match s {
                        "sign_flip" => "sign_flip",
                        "transposed_w" => "transposed_w",
                        "truncated" => "truncated",
                        other => panic!("{id}: unexpected slip {other} for {}", v["name"]),
                    });
                    let follow = v["credit"] == "follow_through";
                    let name = v["name"].as_str().unwrap().to_string();
                    (name, Want { code, slip, follow })
                })
                .collect();
            let mut g = got.clone();
            g.sort_by(|a, b| a.0.cmp(&b.0));
            let mut w = pw.clone();
            w.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(g, w, "student {id}, problem {}", p["number"]);
            right += w.iter().filter(|(_, x)| x.code == "right").count();
            tally.followed += w.iter().filter(|(_, x)| x.follow).count();
            for (_, x) in &w {
                if let Some(sl) = x.slip {
                    *tally.slips.entry(sl).or_default() += 1;
                }
            }
        }
        tally.right += right;
        // One point per quantity: the total is the number right.
        assert_eq!(s["total"], Value::from(right), "{id}");
        let status = match k {
            6 => "missing_file",
            16 => "malformed",
            _ => "graded",
        };
        assert_eq!(s["status"], status, "{id}");
        let row: Vec<&str> = rows[k].split(',').collect();
        assert_eq!(row[0], id);
        assert_eq!(row[1], right.to_string(), "gradebook.csv total of {id}");
        assert_eq!(*row.last().unwrap(), status);
        // Full marks for every right answer: the all-right students.
        if k % 10 == 0 || k % 10 == 5 || id == "王小明" {
            assert_eq!(s["total"], s["max"], "{id} answered everything right");
        }
    }
    // The class report's counts are the simulation's.
    let mut reported: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut reported_right = 0;
    for q in report["quantities"].as_array().unwrap() {
        reported_right += count(&q["right"]);
        for (code, n) in q["slips"].as_object().unwrap() {
            let code: &'static str = match code.as_str() {
                "sign_flip" => "sign_flip",
                "transposed_w" => "transposed_w",
                "truncated" => "truncated",
                other => panic!("unexpected slip {other} in the report"),
            };
            *reported.entry(code).or_default() += count(n);
        }
    }
    assert_eq!(reported, tally.slips);
    assert_eq!(reported_right, tally.right);
    tally
}

#[test]
fn a_simulated_class_of_120_is_graded_exactly() {
    // forward/1: exact values, sign flips, transposed W, unanswered.
    let t = class_round(&["forward", "--example", "1"], &[]);
    assert_eq!(
        t.slips["sign_flip"], 12,
        "every 10th student from index 1 flips a sign"
    );
    assert!(t.slips["transposed_w"] > 0, "{:?}", t.slips);
    // backprop/2: sigmoid's floats, truncation, 6-decimal answers.
    let t = class_round(&["backprop", "--example", "2"], &[]);
    assert!(
        t.slips["truncated"] > 0 && t.slips["sign_flip"] > 0,
        "{:?}",
        t.slips
    );
    // backprop/4 under --follow-through: every 10th student from index 7
    // flips y0 and works the loss and all nine gradients from it.
    let t = class_round(&["backprop", "--example", "4"], &["--follow-through"]);
    assert!(t.followed >= 50, "{}", t.followed);
}

#[test]
fn the_slip_share_reads_as_a_percent_of_the_class() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("c");
    let manifest = make_class(&BACKPROP_1, "9", &roster(tmp.path()), &class);
    // Every 4th student flips the sign of f (where f ≠ 0): n of 120.
    let mut flipped = 0;
    for (i, s) in manifest["students"].as_array().unwrap().iter().enumerate() {
        let dir = class.join(s["dir"].as_str().unwrap());
        let key = json_file(&dir.join("key.json"));
        let f = scalar(&key["problems"][0]["results"]["f"]);
        let f = if i % 4 == 0 && !f.is_zero() {
            flipped += 1;
            f.neg()
        } else {
            f
        };
        let p = &s["problems"][0];
        std::fs::write(
            dir.join("answers.toml"),
            format!(
                "[[problem]]\nnumber = 1\nexample = \"backprop/1\"\nset = \"{}\"\n[problem.answers]\nf = {}\n",
                p["set"].as_str().unwrap(),
                written(&f)
            ),
        )
        .unwrap();
    }
    let out = nn(&["grade", class.to_str().unwrap(), "--width", "200"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // Whole percent, half up: 100·n/120.
    let share = (200 * flipped + 120) / 240;
    assert!(flipped > 10, "{flipped}");
    let line = text
        .lines()
        .find(|l| l.contains("| f "))
        .unwrap_or_else(|| panic!("{text}"));
    let phrase = format!("{share}% flipped the sign");
    assert!(
        line.contains(&format!("| {}%", 100 - share)) && line.contains(&phrase),
        "{line}"
    );
    let md = std::fs::read_to_string(class.join("report.md")).unwrap();
    assert!(md.contains(&phrase), "{md}");
}

/// Everything in `dir`, recursively, as sorted relative paths.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if p.is_dir() && !p.is_symlink() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_bad_roster_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        ("id\ns1\n../evil\n", "row 3"),
        ("id,name\ns1,A\n\"a/b\",B\n", "row 3"),
        ("id\ns1\nS1\n", "row 3"),
        ("id\ns1\n.git\n", "row 3"),
        ("name\nAnn\n", "row 1"),
    ];
    for (text, row) in cases {
        let csv = tmp.path().join("r.csv");
        std::fs::write(&csv, text).unwrap();
        let out = exercise(&BACKPROP_1, &csv, &tmp.path().join("c"), &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text:?}: {err}");
        assert!(err.contains(&format!("r.csv, {row}")), "{text:?}: {err}");
        // Nothing but the roster itself.
        assert_eq!(tree(tmp.path()), ["r.csv"], "{text:?}");
    }
}

#[test]
fn an_existing_folder_is_kept_without_force_and_replaced_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = roster(tmp.path());
    let c = tmp.path().join("c");
    let run = |extra: &[&str]| exercise(&BACKPROP_1, &csv, &c, extra);
    assert!(run(&["--seed", "1"]).status.success());
    let before = std::fs::read(c.join("manifest.json")).unwrap();
    let out = run(&["--seed", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert!(run(&["--seed", "1", "--force"]).status.success());
    assert_eq!(
        std::fs::read(c.join("manifest.json")).unwrap(),
        before,
        "the same seed gives the same class"
    );
    // Only the class folder and the roster: no temporary folder left.
    let top: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut top = top;
    top.sort();
    assert_eq!(top, ["c", "students.csv"]);
    // A folder that is not a class is never replaced.
    let other = tmp.path().join("thesis");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("ch1.tex"), "mine").unwrap();
    let out = exercise(&BACKPROP_1, &csv, &other, &["--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(other.join("ch1.tex")).unwrap(),
        "mine"
    );
}

#[test]
fn unusable_answers_files_score_zero_and_never_stop_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("r.csv");
    std::fs::write(&csv, "id\nok\nbig\nlatin1\nlink\ndir\nbad\n").unwrap();
    let c = tmp.path().join("c");
    make_class(&BACKPROP_1, "5", &csv, &c);
    let secret = tmp.path().join("secret.toml");
    std::fs::write(&secret, "f = 1\n").unwrap();
    std::fs::write(c.join("big/answers.toml"), vec![b'#'; (1 << 20) + 1]).unwrap();
    std::fs::write(c.join("latin1/answers.toml"), b"f = \"\xe9\"\n").unwrap();
    std::fs::remove_file(c.join("link/answers.toml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, c.join("link/answers.toml")).unwrap();
    std::fs::remove_file(c.join("dir/answers.toml")).unwrap();
    std::fs::create_dir(c.join("dir/answers.toml")).unwrap();
    std::fs::write(c.join("bad/answers.toml"), "df/dx = 3\n").unwrap();
    let before = tree(&c);
    let out = nn(&["grade", c.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book = std::fs::read_to_string(c.join("gradebook.csv")).unwrap();
    let status: Vec<&str> = book
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    let link = if cfg!(unix) {
        "outside_dir"
    } else {
        "missing_file"
    };
    assert_eq!(
        status,
        [
            "graded",
            "too_large",
            "not_utf8",
            link,
            "not_a_file",
            "malformed"
        ],
        "{book}"
    );
    for l in book.lines().skip(2) {
        assert_eq!(l.split(',').nth(1), Some("0"), "{l}");
    }
    // Only the outputs are new.
    let mut after = tree(&c);
    after.retain(|p| !before.contains(p));
    let mut want = vec![
        "gradebook.csv".to_string(),
        "gradebook.json".to_string(),
        "report.md".to_string(),
    ];
    for id in ["ok", "big", "latin1", "link", "dir", "bad"] {
        want.push(format!("{id}/results.json"));
    }
    want.sort();
    assert_eq!(after, want);
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "f = 1\n");
}

#[test]
fn a_folder_without_a_manifest_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = nn(&["grade", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("manifest.json"));
    let out = nn(&["grade", tmp.path().join("nope").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::write(tmp.path().join("manifest.json"), "{").unwrap();
    let out = nn(&["grade", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(tree(tmp.path()), ["manifest.json"], "nothing written");
}
