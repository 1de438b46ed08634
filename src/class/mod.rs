//! A class: one sheet per student from a roster (`exercise --roster`),
//! one command that grades the whole folder (`grade`), and the exports to
//! learning-management systems (Moodle GIFT, Canvas QTI 1.2, Gradescope's
//! `results.json`).
//!
//! The class folder (`DIR`) holds `manifest.json` (student id → seed →
//! problems, [`manifest`]) and one folder per student with the sheet, the
//! key and an answers template ([`template`]); `grade` adds
//! `gradebook.csv`, `gradebook.json`, `report.md` and `results.json` and
//! writes nothing else. Every number in these files is the catalog's: a
//! student's problems are [`crate::exercise::make`] with the student's seed
//! ([`roster::student_seed`]), so `nn-tutor exercise … --seed N` reprints
//! any student's sheet.

pub mod class_report;
pub mod export;
pub mod folder;
pub mod gift;
pub mod grade;
pub mod gradebook;
pub mod manifest;
pub mod qti;
pub mod roster;
pub mod template;
pub mod write;

/// The tolerance of an exported numerical question when no policy sets
/// one: half a unit in the 4th decimal, what the sheet asks for ("exact
/// values where you can, otherwise 4 decimals").
pub const DEFAULT_TOLERANCE: f64 = 0.00005;

/// A value as a plain decimal for an LMS: the exact decimal when it ends
/// within 12 places, else 12 decimal places, trailing zeros trimmed; never
/// scientific notation (GIFT and QTI readers expect plain numbers).
pub fn plain_decimal(v: &crate::scalar::Scalar) -> String {
    let d = v.decimal(17);
    if v.is_exact() && !d.starts_with('≈') && !d.contains('e') {
        return d;
    }
    let s = format!("{:.12}", v.to_f64());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// One exported question: a quantity a sheet asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    /// The problem's number on the sheet.
    pub number: usize,
    /// Its place among the problem's asked quantities (from 1).
    pub index: usize,
    /// `P1 backprop/1 df/dx`: unique on the sheet.
    pub title: String,
    /// The question as a reader sees it: problem, inputs, program, what to find.
    pub text: String,
    pub value: crate::scalar::Scalar,
}

/// Every asked quantity of a sheet as a question (GIFT and QTI both).
pub fn asked(sh: &crate::exercise::Sheet) -> Vec<Asked> {
    use crate::exercise::Lang;
    let l = sh.lang;
    let mut out = Vec::new();
    for (k, p) in sh.problems.iter().enumerate() {
        let (n, ex) = (k + 1, p.example);
        let title = match l {
            Lang::En => ex.title.to_string(),
            Lang::Zh => format!("{} · {}", ex.title_zh, ex.title),
        };
        let inputs: Vec<String> = p
            .report
            .inputs
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k} = {}",
                    v.exact_string().unwrap_or_else(|| plain_decimal(v))
                )
            })
            .collect();
        let inputs = inputs.join(", ");
        let given = crate::catalog::program(&ex.id())
            .map(|g| match l {
                Lang::En => format!(" Given: {g}."),
                Lang::Zh => format!(" 已知: {g}。"),
            })
            .unwrap_or_default();
        for (j, q) in p.asked().into_iter().enumerate() {
            let (id, name) = (ex.id(), &q.name);
            let text = match l {
                Lang::En => format!(
                    "Problem {n}, {title} ({id}). Inputs: {inputs}.{given} Find {name} (exact values where you can, otherwise 4 decimals)."
                ),
                Lang::Zh => format!(
                    "第 {n} 题，{title} ({id})。输入: {inputs}。{given} 求 {name} (能精确就写精确值，否则保留 4 位小数)。"
                ),
            };
            out.push(Asked {
                number: n,
                index: j + 1,
                title: format!("P{n} {id} {name}"),
                text,
                value: q.value.clone(),
            });
        }
    }
    out
}

/// The error for a sheet with no problem: none of its examples has ranges.
pub fn no_problems() -> crate::error::Error {
    crate::error::Error::Usage(format!(
        "none of the examples asked for has exercise ranges; examples with exercises: {}",
        crate::exercise::with_ranges().join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scalar::Scalar;

    #[test]
    fn plain_decimals() {
        assert_eq!(plain_decimal(&Scalar::ratio(-1, 4)), "-0.25");
        assert_eq!(plain_decimal(&Scalar::int(-16)), "-16");
        // 1/3 does not end: 12 places.
        assert_eq!(plain_decimal(&Scalar::ratio(1, 3)), "0.333333333333");
        // σ(1) = 0.7310585786300049 (a float): 12 places, the trailing 0 dropped.
        let s = Scalar::float(0.7310585786300049).unwrap();
        assert_eq!(plain_decimal(&s), "0.73105857863");
        // A tiny float is not written 1e-7.
        assert_eq!(plain_decimal(&Scalar::float(1.5e-7).unwrap()), "0.00000015");
    }
}

/// Formats of `exercise --format`: the sheet's own three, and the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExerciseFormat {
    /// Markdown with LaTeX formulas in `$…$` (the default).
    #[default]
    Markdown,
    /// A complete LaTeX document for pdflatex (with --lang zh, also CJKutf8).
    Latex,
    /// One JSON object for autograders: seed, problems, inputs, results.
    Json,
    /// Moodle GIFT: one numerical question per asked quantity.
    Gift,
    /// Canvas QTI 1.2 quiz package (a zip; needs --out).
    Qti,
}

impl ExerciseFormat {
    /// The sheet format, for the three that are sheets.
    pub fn sheet(self) -> Option<crate::exercise::sheet::SheetFormat> {
        use crate::exercise::sheet::SheetFormat;
        match self {
            ExerciseFormat::Markdown => Some(SheetFormat::Markdown),
            ExerciseFormat::Latex => Some(SheetFormat::Latex),
            ExerciseFormat::Json => Some(SheetFormat::Json),
            ExerciseFormat::Gift | ExerciseFormat::Qti => None,
        }
    }
}
