//! `nn-tutor grade DIR`: every student of the manifest graded against the
//! manifest's problems (never the answers file's own example, inputs or
//! policy: a student cannot change what is asked or how it is graded).
//!
//! A student's answers file that cannot be used (missing, a folder, past
//! the 1 MiB input limit, not UTF-8, not TOML, a symlink leading out of
//! DIR) is reported for that student, who scores 0, and never stops the
//! others.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{Manifest, ProblemEntry, StudentEntry};
use super::write::ANSWERS;
use crate::check::policy::{Policy, PolicySpec};
use crate::check::verdict::{ProblemVerdict, sum};
use crate::check::{ProblemAnswers, Target, example_named, grade_target, parse_answers, split_set};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Why a student's answers file was not graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileProblem {
    Missing,
    NotAFile,
    TooLarge,
    NotUtf8,
    Malformed,
    OutsideDir,
    Unreadable,
}

impl FileProblem {
    /// The machine code in the gradebook.
    pub fn as_str(self) -> &'static str {
        match self {
            FileProblem::Missing => "missing_file",
            FileProblem::NotAFile => "not_a_file",
            FileProblem::TooLarge => "too_large",
            FileProblem::NotUtf8 => "not_utf8",
            FileProblem::Malformed => "malformed",
            FileProblem::OutsideDir => "outside_dir",
            FileProblem::Unreadable => "unreadable",
        }
    }
}

/// One graded student.
#[derive(Clone, Debug)]
pub struct Graded {
    pub student: StudentEntry,
    /// `None` when the file was graded; else why not, and the message.
    pub problem: Option<(FileProblem, String)>,
    /// Notes on a usable file (it names another student, another set …).
    pub notes: Vec<String>,
    /// Every problem of the manifest, graded (all unanswered when the
    /// file was unusable).
    pub problems: Vec<ProblemVerdict>,
}

impl Graded {
    /// Points earned (0 for an unusable file).
    pub fn total(&self) -> Scalar {
        sum(self
            .problems
            .iter()
            .map(|p| p.points())
            .collect::<Vec<_>>()
            .iter())
    }

    /// Points possible.
    pub fn max_total(&self) -> Scalar {
        sum(self
            .problems
            .iter()
            .map(|p| p.max_points())
            .collect::<Vec<_>>()
            .iter())
    }
}

/// The policy of a class: the default, then the manifest's `policy`, then
/// `flags` (a `--policy FILE` and the command line's flags, which win).
pub fn class_policy(m: &Manifest, flags: &[PolicySpec], shown: &str) -> Result<Policy> {
    let mut p = Policy::default();
    if let Some(v) = &m.policy {
        let spec: PolicySpec = serde_json::from_value(v.clone()).map_err(|e| Error::Invalid {
            what: format!("{shown}: policy"),
            problem: e.to_string(),
            accepted: "keys decimals, significant, tolerance, rel-tolerance, round-each, \
                           follow-through, points, points-for"
                .to_string(),
        })?;
        p = spec.apply(&p)?;
    }
    for f in flags {
        p = f.apply(&p)?;
    }
    Ok(p)
}

/// Grade every student of the manifest (in the manifest's order).
pub fn grade_all(dir: &Path, m: &Manifest, policy: &Policy) -> Result<Vec<Graded>> {
    let root = dir.canonicalize().map_err(|e| Error::File {
        path: dir.display().to_string(),
        message: format!("cannot read it: {e}"),
    })?;
    m.students
        .par_iter()
        .map(|s| grade_student(&root, s, policy))
        .collect()
}

/// The answers of one student, or why they cannot be read.
fn read_answers(
    root: &Path,
    s: &StudentEntry,
) -> std::result::Result<crate::check::Answers, (FileProblem, String)> {
    let path: PathBuf = root.join(&s.dir).join(ANSWERS);
    let shown = format!("{}/{ANSWERS}", s.dir);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Err((FileProblem::Missing, format!("{shown} does not exist")));
    };
    // Wherever a link leads, the file read must lie inside DIR.
    match path.canonicalize() {
        Ok(real) if !real.starts_with(root) => {
            return Err((
                FileProblem::OutsideDir,
                format!("{shown} leads out of the class folder"),
            ));
        }
        Err(_) => {
            return Err((
                FileProblem::Missing,
                format!("{shown} is a link to nothing"),
            ));
        }
        Ok(_) => {}
    }
    if meta.is_dir() || path.is_dir() {
        return Err((FileProblem::NotAFile, format!("{shown} is a folder")));
    }
    let text = crate::files::read_text(&path).map_err(|e| match e {
        Error::Limit { .. } => (
            FileProblem::TooLarge,
            format!(
                "{shown} is larger than the input limit of {} bytes",
                crate::files::MAX_INPUT_BYTES
            ),
        ),
        Error::Invalid { .. } => (FileProblem::NotUtf8, format!("{shown} is not UTF-8 text")),
        other => (FileProblem::Unreadable, other.to_string()),
    })?;
    parse_answers(&text, &shown).map_err(|e| {
        (
            FileProblem::Malformed,
            format!("{shown} is not a valid answers file: {e}"),
        )
    })
}

fn grade_student(root: &Path, s: &StudentEntry, policy: &Policy) -> Result<Graded> {
    let (answers, problem) = match read_answers(root, s) {
        Ok(a) => (Some(a), None),
        Err(p) => (None, Some(p)),
    };
    let mut notes = Vec::new();
    if let Some(other) = answers
        .as_ref()
        .and_then(|a| a.student.as_deref())
        .filter(|id| *id != s.id)
    {
        notes.push(format!("the file names student `{other}`"));
    }
    let mut problems = Vec::new();
    for pe in &s.problems {
        let given = answers.as_ref().and_then(|a| find(a, pe));
        if let Some(g) = &given
            && (g.example.as_deref().is_some_and(|e| e != pe.example)
                || g.set.as_deref().is_some_and(|x| x != pe.set))
        {
            notes.push(format!(
                "problem {} names other inputs than the manifest; graded against the manifest's",
                pe.number
            ));
        }
        problems.push(grade_entry(pe, &given.unwrap_or_default(), policy)?);
    }
    Ok(Graded {
        student: s.clone(),
        problem,
        notes,
        problems,
    })
}

/// The file's answers to the manifest's problem `pe` (by number).
fn find(a: &crate::check::Answers, pe: &ProblemEntry) -> Option<ProblemAnswers> {
    a.problems
        .iter()
        .find(|p| p.number == Some(pe.number as u32))
        .cloned()
}

/// Grade one problem of the manifest.
pub fn grade_entry(
    pe: &ProblemEntry,
    answers: &ProblemAnswers,
    policy: &Policy,
) -> Result<ProblemVerdict> {
    let ex = example_named(&pe.example)?;
    let sets = split_set(&pe.set)?;
    // What the manifest says the sheet asked, whatever the catalog asks now.
    let mut t = Target::example(ex, &sets)?;
    t.asked = pe.asked.clone();
    let mut v = grade_target(&t, answers, policy);
    v.number = Some(pe.number as u32);
    Ok(v)
}

/// The files `grade` writes in the class folder (and `results.json` in
/// each student's folder).
pub const GRADEBOOK_CSV: &str = "gradebook.csv";
pub const GRADEBOOK_JSON: &str = "gradebook.json";
pub const REPORT_MD: &str = "report.md";
pub const RESULTS_JSON: &str = "results.json";

/// `nn-tutor grade DIR`: grade, write the outputs (each through a
/// temporary file renamed into place), and return the class report.
pub fn run(
    dir: &Path,
    flags: &[PolicySpec],
    lang: crate::report::i18n::Lang,
) -> Result<crate::report::Report> {
    let m = Manifest::read(dir)?;
    let shown = dir.join(super::manifest::FILE).display().to_string();
    let policy = class_policy(&m, flags, &shown)?;
    let graded = grade_all(dir, &m, &policy)?;
    let report = super::class_report::report(&dir.display().to_string(), &graded, &policy);
    let md = crate::render::markdown::render(
        &crate::report::i18n::localize(&report, lang),
        &crate::render::RenderOptions::default(),
    );
    let put =
        |name: &str, text: &str| crate::files::write_atomic(&dir.join(name), text.as_bytes(), true);
    put(GRADEBOOK_CSV, &super::gradebook::csv(&graded)?)?;
    put(
        GRADEBOOK_JSON,
        &super::gradebook::json(&graded, &policy, m.course_seed),
    )?;
    put(REPORT_MD, &md)?;
    for g in &graded {
        // Only into a real folder of the class: never through a link.
        let sub = dir.join(&g.student.dir);
        if std::fs::symlink_metadata(&sub).is_ok_and(|m| m.is_dir()) {
            put(
                &format!("{}/{RESULTS_JSON}", g.student.dir),
                &super::gradebook::gradescope(g),
            )?;
        }
    }
    Ok(report)
}
