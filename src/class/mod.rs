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
