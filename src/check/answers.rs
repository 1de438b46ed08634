//! Reading an answers file (TOML), in either of its two forms
//! (/work/notes/answers-contract.md):
//!
//! - sheet-bound: `student`, `seed`, and one `[[problem]]` per problem on
//!   the sheet, each with `number`, `example`, `set` and a
//!   `[problem.answers]` table; `""` is a quantity left unanswered;
//! - legacy: one `"name" = value` line per quantity at the top level, an
//!   optional `tolerance`, the example and `--set` on the command line.
//!
//! Either may carry a `[policy]` table. A Unicode minus (−) reads as `-`, a
//! byte-order mark is skipped, and an unquoted key such as `df/dx = 3` gets
//! a hint to quote it.

use std::collections::HashMap;

use crate::check::policy::PolicySpec;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// One answer as the student wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub name: String,
    pub text: String,
    pub value: Scalar,
    /// Decimal places, when written as a decimal (`-0.25` has 2); `None`
    /// for an integer, a fraction or a power of ten.
    pub decimals: Option<usize>,
}

/// The answers to one problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProblemAnswers {
    /// The problem's number on the sheet (sheet-bound form).
    pub number: Option<u32>,
    /// `topic/N` (sheet-bound form).
    pub example: Option<String>,
    /// The problem's inputs, `a=1,b=2` (sheet-bound form).
    pub set: Option<String>,
    /// Answered quantities, in the file's order.
    pub answers: Vec<Answer>,
    /// Quantities listed with `""`: left unanswered.
    pub blank: Vec<String>,
}

/// A whole answers file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub student: Option<String>,
    pub seed: Option<u64>,
    /// The file names its sheet: `[[problem]]` tables.
    pub sheet_bound: bool,
    /// One problem for the legacy form.
    pub problems: Vec<ProblemAnswers>,
    /// The legacy form's `tolerance`.
    pub tolerance: Option<Scalar>,
    pub policy: Option<PolicySpec>,
}

impl Answers {
    /// The legacy form's answers (the first problem's).
    pub fn legacy(&self) -> &[Answer] {
        self.problems.first().map_or(&[], |p| p.answers.as_slice())
    }
}

/// The text as TOML reads it: a byte-order mark dropped and each Unicode
/// minus (U+2212) a `-`, so `f = −4` and `"−1/4"` read as a student means.
fn normalized(text: &str) -> String {
    text.trim_start_matches('\u{feff}').replace('\u{2212}', "-")
}

/// Parse TOML, naming the file, line and column of an error, with a hint
/// when the key is a quantity name that needs quotes.
pub fn parse_toml(text: &str, path: &str) -> Result<toml::Table> {
    let text = normalized(text);
    text.parse().map_err(|e: toml::de::Error| {
        let at = e.span().map(|s| s.start);
        let mut message = e.message().trim_end().to_string();
        let line = at.map(|at| text[..at.min(text.len())].matches('\n').count());
        if let Some(hint) = line.and_then(|i| text.lines().nth(i)).and_then(quote_hint) {
            message.push_str(&hint);
        }
        Error::toml(path, &text, at, message)
    })
}

/// `df/dx = 3` → "; put the name in quotes: \"df/dx\" = 3".
fn quote_hint(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if key.is_empty() || key.starts_with(['"', '\'', '[']) || key.chars().all(bare) {
        return None;
    }
    Some(format!(
        "; put the name in quotes: \"{key}\" = {}",
        value.trim()
    ))
}

/// A bare decimal's places are in its text, not in the f64 TOML reads
/// (`0.40` is 0.4): the written text of every float, by key path.
fn raw_floats(text: &str) -> HashMap<Vec<String>, String> {
    fn walk(v: &toml::de::DeValue, path: &mut Vec<String>, out: &mut HashMap<Vec<String>, String>) {
        match v {
            toml::de::DeValue::Float(f) => {
                out.insert(path.clone(), f.as_str().to_string());
            }
            toml::de::DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    path.push(k.get_ref().to_string());
                    walk(v.get_ref(), path, out);
                    path.pop();
                }
            }
            toml::de::DeValue::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    path.push(i.to_string());
                    walk(v.get_ref(), path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = HashMap::new();
    if let Ok(t) = toml::de::DeTable::parse(text) {
        walk(
            &toml::de::DeValue::Table(t.into_inner()),
            &mut Vec::new(),
            &mut out,
        );
    }
    out
}

/// Read an answers file of either form (see the module doc).
pub fn parse_answers(text: &str, path: &str) -> Result<Answers> {
    let table = parse_toml(text, path)?;
    let text = normalized(text);
    let raw = raw_floats(&text);
    let mut out = Answers::default();
    if let Some(p) = table.get("policy") {
        out.policy = Some(PolicySpec::from_toml(p, path)?);
    }
    let Some(problems) = table.get("problem") else {
        out.problems
            .push(legacy(&table, &raw, path, &mut out.tolerance)?);
        return Ok(out);
    };
    out.sheet_bound = true;
    out.student = match table.get("student") {
        None => None,
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(v) => Some(v.to_string()),
    };
    out.seed = match table.get("seed") {
        None => None,
        Some(toml::Value::Integer(i)) if *i >= 0 => Some(*i as u64),
        Some(v) => return Err(invalid(path, "seed", &format!("`{v}` is not a seed"))),
    };
    for (k, _) in &table {
        if !["student", "seed", "problem", "policy"].contains(&k.as_str()) {
            return Err(invalid(
                path,
                k,
                "is not a key of a sheet-bound answers file; its answers go under \
                 [problem.answers]",
            ));
        }
    }
    let toml::Value::Array(list) = problems else {
        return Err(invalid(
            path,
            "problem",
            "write each problem as [[problem]]",
        ));
    };
    for (i, p) in list.iter().enumerate() {
        out.problems.push(sheet_problem(p, i, &raw, path)?);
    }
    Ok(out)
}

fn invalid(path: &str, key: &str, problem: &str) -> Error {
    Error::Invalid {
        what: format!("{path}: `{key}`"),
        problem: problem.to_string(),
        accepted: "see `nn-tutor check --help` for the answers file".to_string(),
    }
}

fn legacy(
    table: &toml::Table,
    raw: &HashMap<Vec<String>, String>,
    path: &str,
    tolerance: &mut Option<Scalar>,
) -> Result<ProblemAnswers> {
    let mut p = ProblemAnswers::default();
    for (key, v) in table {
        if key == "policy" {
            continue;
        }
        let written = raw.get(&vec![key.clone()]).map(String::as_str);
        match answer(key, v, written, path)? {
            Some(a) if key == "tolerance" => *tolerance = Some(a.value.abs()),
            Some(a) => p.answers.push(a),
            None => p.blank.push(key.clone()),
        }
    }
    Ok(p)
}

fn sheet_problem(
    v: &toml::Value,
    i: usize,
    raw: &HashMap<Vec<String>, String>,
    path: &str,
) -> Result<ProblemAnswers> {
    let at = format!("problem {}", i + 1);
    let toml::Value::Table(t) = v else {
        return Err(invalid(path, &at, "is not a table"));
    };
    let mut p = ProblemAnswers {
        number: match t.get("number") {
            None => None,
            Some(toml::Value::Integer(n)) if *n >= 1 && *n <= u32::MAX as i64 => Some(*n as u32),
            Some(v) => {
                return Err(invalid(
                    path,
                    &format!("{at}: number"),
                    &format!("`{v}` is not a problem number"),
                ));
            }
        },
        ..ProblemAnswers::default()
    };
    let text = |key: &str| match t.get(key) {
        None => Ok(None),
        Some(toml::Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(invalid(
            path,
            &format!("{at}: {key}"),
            &format!("`{v}` is not a string"),
        )),
    };
    p.example = text("example")?;
    p.set = text("set")?;
    if p.example.is_none() {
        return Err(invalid(
            path,
            &at,
            "names no example; add example = \"topic/N\"",
        ));
    }
    for (k, _) in t {
        if !["number", "example", "set", "answers"].contains(&k.as_str()) {
            return Err(invalid(
                path,
                &format!("{at}: {k}"),
                "is not a key of a problem (number, example, set, answers)",
            ));
        }
    }
    let answers = match t.get("answers") {
        None => return Ok(p),
        Some(toml::Value::Table(a)) => a,
        Some(_) => return Err(invalid(path, &format!("{at}: answers"), "is not a table")),
    };
    for (key, v) in answers {
        let written = raw
            .get(&vec![
                "problem".into(),
                i.to_string(),
                "answers".into(),
                key.clone(),
            ])
            .map(String::as_str);
        match answer(key, v, written, path)? {
            Some(a) => p.answers.push(a),
            None => p.blank.push(key.clone()),
        }
    }
    Ok(p)
}

/// One `name = value`; `None` for `""` (unanswered).
fn answer(key: &str, v: &toml::Value, raw: Option<&str>, path: &str) -> Result<Option<Answer>> {
    let text = match v {
        toml::Value::String(s) if s.trim().is_empty() => return Ok(None),
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Integer(i) => i.to_string(),
        // The decimal as written (`0.40`, underscores dropped), else the
        // shortest round-trip text: 0.39 stays "0.39", an exact 39/100.
        toml::Value::Float(f) => raw
            .map(|r| r.replace('_', "").trim_start_matches('+').to_string())
            .filter(|r| Scalar::parse(r).is_ok())
            .unwrap_or_else(|| f.to_string()),
        _ => String::new(),
    };
    let value = Scalar::parse(&text).map_err(|e| Error::Invalid {
        what: format!("{path}: answer `{key}`"),
        problem: match e {
            Error::BadNumber { reason, .. } if !text.is_empty() => {
                format!("cannot read `{text}` as a number ({reason})")
            }
            _ => format!("`{v}` is not a number"),
        },
        accepted: "write a fraction such as \"-1/4\" or a decimal such as -0.25".to_string(),
    })?;
    Ok(Some(Answer {
        name: key.to_string(),
        decimals: places(&text),
        text,
        value,
    }))
}

/// Decimal places of a number written as a decimal: `-0.250` has 3; an
/// integer, a fraction or a power of ten has none.
pub fn places(text: &str) -> Option<usize> {
    if text.contains('/') || text.to_ascii_lowercase().contains('e') {
        return None;
    }
    text.split_once('.').map(|(_, d)| d.len())
}
