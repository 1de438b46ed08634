//! The gradebook files `grade` writes: `gradebook.csv` (one row per
//! student: id, total, a score per problem, status), `gradebook.json`
//! (per quantity: verdict code, slip code, the student's value, the
//! expected value, points) and each student's Gradescope `results.json`.
//! Pure: graded students in, text out.

use serde_json::{Value, json};

use super::grade::Graded;
use super::plain_decimal;
use crate::check::policy::Policy;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// A score as a JSON number (points are small exact fractions or floats).
fn number(v: &Scalar) -> Value {
    let x = v.to_f64();
    if v.is_exact() && x.fract() == 0.0 && x.abs() < 1e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// A student's status word: `graded`, or the file problem's code.
pub fn status(g: &Graded) -> &'static str {
    g.problem.as_ref().map_or("graded", |(p, _)| p.as_str())
}

/// Header of problem k: `p1 backprop/2`, or `p1` when students' problem 1
/// are different examples.
fn headers(graded: &[Graded]) -> Vec<String> {
    let n = graded.iter().map(|g| g.problems.len()).max().unwrap_or(0);
    (0..n)
        .map(|k| {
            let mut ex = graded
                .iter()
                .filter_map(|g| g.problems.get(k))
                .map(|p| p.example.as_str());
            let first = ex.next().unwrap_or_default();
            if ex.all(|e| e == first) {
                format!("p{} {first}", k + 1)
            } else {
                format!("p{}", k + 1)
            }
        })
        .collect()
}

/// `gradebook.csv`.
pub fn csv(graded: &[Graded]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Io {
        path: "gradebook.csv".to_string(),
        message: e.to_string(),
    };
    let mut head = vec!["id".to_string(), "total".to_string(), "max".to_string()];
    head.extend(headers(graded));
    head.push("status".to_string());
    w.write_record(&head).map_err(err)?;
    for g in graded {
        let mut row = vec![
            g.student.id.clone(),
            plain_decimal(&g.total()),
            plain_decimal(&g.max_total()),
        ];
        row.extend(g.problems.iter().map(|p| plain_decimal(&p.points())));
        row.push(status(g).to_string());
        w.write_record(&row).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Io {
        path: "gradebook.csv".to_string(),
        message: e.to_string(),
    })?;
    Ok(String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given"))
}

/// The policy as JSON (what the gradebook was graded by).
pub fn policy_json(p: &Policy) -> Value {
    use crate::check::policy::Precision;
    let (decimals, significant) = match p.precision {
        Precision::Decimals(d) => (Some(d), None),
        Precision::Significant(s) => (None, Some(s)),
    };
    let opt = |v: &Option<Scalar>| v.as_ref().map_or(Value::Null, |x| json!(plain_decimal(x)));
    json!({
        "decimals": decimals,
        "significant": significant,
        "tolerance": opt(&p.tolerance),
        "rel-tolerance": opt(&p.rel_tolerance),
        "round-each": p.round_each,
        "follow-through": p.follow_through,
        "points": plain_decimal(&p.points),
        "points-for": p.points_for.iter().map(|(k, v)| (k.clone(), json!(plain_decimal(v)))).collect::<serde_json::Map<_, _>>(),
    })
}

/// `gradebook.json`: every student, problem and quantity.
pub fn json(graded: &[Graded], policy: &Policy, course_seed: u64) -> String {
    // Serialized straight from the graded data: a `Value` tree of every
    // student's every quantity first was most of `grade`'s time.
    #[derive(serde::Serialize)]
    struct Student<'a> {
        id: &'a str,
        seed: u64,
        status: &'a str,
        message: Option<&'a str>,
        notes: &'a [String],
        total: Value,
        max: Value,
        problems: Vec<crate::report::Data>,
    }
    #[derive(serde::Serialize)]
    struct Book<'a> {
        course_seed: u64,
        policy: Value,
        students: Vec<Student<'a>>,
    }
    let students = graded
        .iter()
        .map(|g| Student {
            id: &g.student.id,
            seed: g.student.seed,
            status: status(g),
            message: g.problem.as_ref().map(|(_, m)| m.as_str()),
            notes: &g.notes,
            total: number(&g.total()),
            max: number(&g.max_total()),
            problems: g.problems.iter().map(|p| p.to_data()).collect(),
        })
        .collect();
    crate::render::json::pretty(&Book {
        course_seed,
        policy: policy_json(policy),
        students,
    })
}

/// A student's Gradescope autograder `results.json`, in the format of
/// Gradescope's "Autograder Specifications"
/// (<https://gradescope-autograders.readthedocs.io/en/latest/specs/>, "Output
/// format"): one test per problem (`score`, `max_score`, `name`, `number` as
/// a string, `output` with Unix line ends, `status` `passed` or `failed`)
/// and the top-level `score` (their sum) and `output`. The top-level output
/// is `simple_format` (HTML) unless told otherwise, and ours is plain text
/// that may quote a student's file, so `output_format` is `text` (a test's
/// output and name are text by default).
pub fn gradescope(g: &Graded) -> String {
    let tests: Vec<Value> = g
        .problems
        .iter()
        .map(|p| {
            let lines: Vec<String> = p
                .verdicts
                .iter()
                .map(|v| {
                    let mut l = format!("{}: {}", v.name, v.code.as_str());
                    if let Some(s) = &v.slip {
                        l.push_str(&format!(" ({})", s.code.as_str()));
                    }
                    if let Some(st) = &v.student {
                        l.push_str(&format!("; yours {st}"));
                    }
                    l
                })
                .collect();
            let mut output = lines.join("\n");
            if let Some((_, m)) = &g.problem {
                output = format!("{m}\n{output}");
            }
            json!({
                "name": format!("Problem {} · {}", p.number.unwrap_or(0), p.example),
                "number": p.number.unwrap_or(0).to_string(),
                "score": number(&p.points()),
                "max_score": number(&p.max_points()),
                "status": if p.all_right() { "passed" } else { "failed" },
                "output": output,
            })
        })
        .collect();
    crate::render::json::pretty(&json!({
        "score": number(&g.total()),
        "output": match &g.problem {
            Some((_, m)) => format!("Your answers file could not be graded: {m}"),
            None => format!("Graded with nn-tutor; student {}, seed {}.", g.student.id, g.student.seed),
        },
        "output_format": "text",
        "tests": tests,
    }))
}
