//! `nn-tutor exercise`: choose the examples, draw the sheet, write the
//! files. Every file is written whole or not at all, and only after the
//! whole sheet has been computed.

use std::path::PathBuf;

use crate::catalog::{self, Example};
use crate::error::{Error, Result};
use crate::exercise::sheet::{self, Parts, SheetFormat};
use crate::exercise::{Lang, MAX_COUNT, Sheet, make_asking, with_ranges};
use crate::render::RenderOptions;

/// What sheet to draw.
#[derive(Clone, Debug)]
pub struct Ask {
    pub topic: Option<String>,
    pub example: Option<u32>,
    pub all: bool,
    pub seed: u64,
    pub count: u32,
    pub lang: Lang,
    /// `--find`: the quantities asked instead of the example's choice.
    pub find: Option<Vec<String>>,
}

/// Where the sheet and key go.
#[derive(Clone, Debug)]
pub struct Files {
    /// Append the key to the sheet.
    pub key: bool,
    pub key_out: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub force: bool,
    /// The key holds each asked quantity and its value, not the steps.
    pub answers_only: bool,
    /// LaTeX as an exam (exam.cls).
    pub exam: bool,
}

impl Ask {
    /// The command line that regenerates this sheet.
    pub fn command(&self) -> String {
        let mut c = String::from("nn-tutor exercise");
        if self.all {
            c.push_str(" --all");
        }
        if let Some(t) = &self.topic {
            c.push_str(&format!(" {t}"));
        }
        if let Some(n) = self.example {
            c.push_str(&format!(" --example {n}"));
        }
        c.push_str(&format!(" --seed {}", self.seed));
        if self.count != 1 {
            c.push_str(&format!(" --count {}", self.count.min(MAX_COUNT)));
        }
        if let Some(f) = &self.find {
            c.push_str(&format!(" --find {}", f.join(",")));
        }
        if self.lang == Lang::Zh {
            c.push_str(" --lang zh");
        }
        c
    }

    /// Draw the sheet this asks for, from these examples, printing
    /// `command` as the one that regenerates it.
    pub fn sheet(&self, examples: &[&'static Example], command: String) -> Result<Sheet> {
        make_asking(
            examples,
            self.seed,
            self.count,
            self.lang,
            command,
            self.find.as_deref(),
        )
    }

    /// The examples this asks for: --all, a topic, or one example.
    pub fn examples(&self) -> Result<Vec<&'static Example>> {
        match (&self.topic, self.example) {
            (_, _) if self.all => Ok(catalog::all()),
            (Some(t), Some(n)) => Ok(vec![catalog::find(t, n)?]),
            (Some(t), None) => catalog::topic(t),
            (None, _) => Err(Error::Usage(
                "name a topic (e.g. `nn-tutor exercise backprop --example 1`) or use --all"
                    .to_string(),
            )),
        }
    }
}

/// Draw the sheet and return what goes to standard output; a note goes to
/// standard error when the count is capped.
pub fn run(ask: &Ask, files: &Files, format: SheetFormat, digits: usize) -> Result<String> {
    if ask.count > MAX_COUNT {
        let n = ask.count;
        eprintln!(
            "{}",
            match ask.lang {
                Lang::En => format!(
                    "note: --count {n} is more than {MAX_COUNT}; the sheet has {MAX_COUNT} problems per example"
                ),
                Lang::Zh =>
                    format!("注意: --count {n} 超过上限 {MAX_COUNT}; 每个例题出 {MAX_COUNT} 道题"),
            }
        );
    }
    // Every target is checked before anything is computed or written, so a
    // refused --key-out costs nothing (a sheet redirected with `>` is
    // emptied by the shell before nn-tutor starts; --out avoids that).
    for p in [&files.out, &files.key_out].into_iter().flatten() {
        crate::files::check_writable(p, files.force)?;
    }
    if let (Some(out), Some(key)) = (&files.out, &files.key_out)
        && same_file(out, key)
    {
        return Err(Error::Usage(format!(
            "--out and --key-out both name {}; give the sheet and the key different files",
            out.display()
        )));
    }
    let examples = ask.examples()?;
    // The command printed on the sheet regenerates this very file: a LaTeX
    // or JSON sheet (or a key at other --digits) is not the Markdown default.
    let mut command = ask.command();
    match format {
        SheetFormat::Markdown => {}
        SheetFormat::Latex if files.exam => command.push_str(" --exam"),
        SheetFormat::Latex => command.push_str(" --format latex"),
        SheetFormat::Json => command.push_str(" --format json"),
    }
    if files.answers_only {
        command.push_str(" --answers-only");
    }
    if digits != RenderOptions::default().digits {
        command.push_str(&format!(" --digits {digits}"));
    }
    let sh = ask.sheet(&examples, command)?;
    if sh.problems.is_empty() {
        return Err(Error::Invalid {
            what: format!("exercise {}", ask.topic.as_deref().unwrap_or("")),
            problem: format!(
                "none of its examples has exercise ranges ({})",
                examples
                    .iter()
                    .map(|e| {
                        let id = e.id();
                        let why = match e.exercise {
                            crate::catalog::Exercise::None(why) => why,
                            crate::catalog::Exercise::Ranges(_) => "no ranges yet",
                        };
                        format!("{id}: {why}")
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            accepted: format!("examples with exercises: {}", with_ranges().join(", ")),
        });
    }
    let o = RenderOptions {
        digits,
        ..RenderOptions::default()
    };
    let questions = Parts {
        questions: true,
        key: files.key,
        answers_only: files.answers_only,
        exam: files.exam,
    };
    let body = sheet::render(&sh, format, questions, &o);
    let mut told = String::new();
    // A key written before the sheet failed is removed again (unless it
    // replaced a file with --force): nothing is left half-done.
    let mut new_key = None;
    if let Some(path) = &files.key_out {
        if !path.exists() {
            new_key = Some(path.clone());
        }
        let key_only = Parts {
            questions: false,
            key: true,
            answers_only: files.answers_only,
            exam: files.exam,
        };
        let key = sheet::render(&sh, format, key_only, &o);
        crate::files::write_atomic(path, key.as_bytes(), files.force)?;
        told.push_str(&format!("Answer key written to {}.\n", path.display()));
    }
    match &files.out {
        Some(path) => {
            if let Err(e) = crate::files::write_atomic(path, body.as_bytes(), files.force) {
                if let Some(k) = new_key {
                    let _ = std::fs::remove_file(k);
                }
                return Err(e);
            }
            Ok(format!("Sheet written to {}.\n{told}", path.display()))
        }
        None => {
            if !told.is_empty() {
                eprint!("{told}");
            }
            Ok(body)
        }
    }
}

/// Do `a` and `b` name one file (`key.md` and `./key.md` do)?
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    let full = |p: &std::path::Path| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        dir.canonicalize()
            .ok()
            .zip(p.file_name())
            .map(|(d, n)| d.join(n))
    };
    a == b || full(a).is_some_and(|x| Some(x) == full(b))
}
