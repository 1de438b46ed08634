//! `nn-tutor exercise … --roster students.csv --out DIR`: a sheet, a key
//! and an answers template for every student, and the manifest, written
//! as one folder (see [`super::folder`]) after everything is computed.

use std::path::Path;

use rayon::prelude::*;

use super::manifest::{self, Manifest, ProblemEntry, StudentEntry};
use super::roster::{self, Student};
use super::{folder, template};
use crate::catalog::Example;
use crate::error::Result;
use crate::exercise::sheet::{self, Parts, SheetFormat};
use crate::exercise::{Ask, Lang, make_asking};
use crate::render::RenderOptions;

/// The files of one student's folder, named as in the folder.
pub const SHEET_MD: &str = "sheet.md";
pub const SHEET_TEX: &str = "sheet.tex";
pub const KEY_MD: &str = "key.md";
pub const KEY_TEX: &str = "key.tex";
pub const KEY_JSON: &str = "key.json";
pub const ANSWERS: &str = "answers.toml";

/// Files of the class folder: path relative to the folder, contents.
pub type Files = Vec<(String, Vec<u8>)>;

/// Where the class goes and how its sheets look.
#[derive(Clone, Debug)]
pub struct Class<'a> {
    pub roster: &'a Path,
    pub out: &'a Path,
    pub force: bool,
    pub digits: usize,
}

/// Make the class folder; returns the line to print.
pub fn run(ask: &Ask, class: &Class) -> Result<String> {
    folder::check_target(class.out, class.force)?;
    let students = roster::read(class.roster, ask.seed)?;
    let examples = ask.examples()?;
    let made: Vec<(Files, StudentEntry)> = students
        .par_iter()
        .map(|s| student(s, ask, &examples, class.digits))
        .collect::<Result<_>>()?;
    let mut files = Vec::new();
    let mut entries = Vec::new();
    for (f, e) in made {
        files.extend(f);
        entries.push(e);
    }
    let m = Manifest {
        version: manifest::VERSION,
        course_seed: ask.seed,
        command: format!(
            "{} --roster {} --out {}",
            ask.command(),
            shell_word(&class.roster.display().to_string()),
            shell_word(&class.out.display().to_string())
        ),
        lang: match ask.lang {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
        .to_string(),
        students: entries,
        policy: None,
    };
    let json = crate::render::json::pretty(&m);
    files.push((manifest::FILE.to_string(), json.into_bytes()));
    folder::write(class.out, &files, class.force)?;
    Ok(format!(
        "Sheets, keys and answers templates for {} students written to {} (see {}).\n",
        m.students.len(),
        class.out.display(),
        class.out.join(manifest::FILE).display()
    ))
}

/// A path as one shell word (quoted when it has to be).
fn shell_word(s: &str) -> String {
    shlex::try_quote(s).map_or_else(|_| s.to_string(), |q| q.into_owned())
}

/// One student's files and manifest entry.
fn student(
    s: &Student,
    course: &Ask,
    examples: &[&'static Example],
    digits: usize,
) -> Result<(Files, StudentEntry)> {
    let ask = Ask {
        seed: s.seed,
        ..course.clone()
    };
    let mut sh = make_asking(
        examples,
        s.seed,
        ask.count,
        ask.lang,
        String::new(),
        ask.find.as_deref(),
    )?;
    if sh.problems.is_empty() {
        return Err(super::no_problems());
    }
    let o = RenderOptions {
        digits,
        ..RenderOptions::default()
    };
    let extra = if digits == RenderOptions::default().digits {
        String::new()
    } else {
        format!(" --digits {digits}")
    };
    let sheet_only = Parts {
        questions: true,
        key: false,
        answers_only: false,
        exam: false,
    };
    let key_only = Parts {
        questions: false,
        key: true,
        answers_only: false,
        exam: false,
    };
    let both = Parts {
        questions: true,
        key: true,
        answers_only: false,
        exam: false,
    };
    let mut files = Vec::new();
    let mut put =
        |name: &str, text: String| files.push((format!("{}/{name}", s.id), text.into_bytes()));
    // Each file prints the command that regenerates it.
    sh.command = format!("{}{extra}", ask.command());
    put(
        SHEET_MD,
        sheet::render(&sh, SheetFormat::Markdown, sheet_only, &o),
    );
    put(
        KEY_MD,
        sheet::render(&sh, SheetFormat::Markdown, key_only, &o),
    );
    sh.command = format!("{} --format latex{extra}", ask.command());
    put(
        SHEET_TEX,
        sheet::render(&sh, SheetFormat::Latex, sheet_only, &o),
    );
    put(
        KEY_TEX,
        sheet::render(&sh, SheetFormat::Latex, key_only, &o),
    );
    sh.command = format!("{} --format json --key{extra}", ask.command());
    put(KEY_JSON, sheet::render(&sh, SheetFormat::Json, both, &o));
    put(ANSWERS, template::answers_toml(&s.id, &sh));
    let entry = StudentEntry {
        id: s.id.clone(),
        seed: s.seed,
        dir: s.id.clone(),
        columns: s
            .extra
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect(),
        problems: sh
            .problems
            .iter()
            .enumerate()
            .map(|(k, p)| ProblemEntry {
                number: k + 1,
                example: p.example.id(),
                set: p.set_value(),
                asked: p.asked().iter().map(|n| n.name.clone()).collect(),
            })
            .collect(),
    };
    Ok((files, entry))
}
