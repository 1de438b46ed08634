//! `nn-tutor exercise`: exercise sheets and answer keys (the work is in
//! `crate::exercise::command`), a class from a roster and the LMS exports
//! ([`crate::class`]).

use super::{Outcome, topic_and_example};
use crate::args::ExerciseArgs;
use crate::class::ExerciseFormat;
use crate::error::{Error, Result};
use crate::exercise::sheet::SheetFormat;

pub fn run(a: ExerciseArgs) -> Result<Outcome> {
    if a.variants {
        let out = crate::args::OutputArgs::default();
        return Outcome::report(crate::exercise::variants_report(a.topic.as_deref())?, out);
    }
    let (topic, example) = match &a.topic {
        Some(t) => {
            let (t, n) = topic_and_example(t, a.example)?;
            (Some(t), n)
        }
        None => (None, a.example),
    };
    let ask = crate::exercise::Ask {
        topic,
        example,
        all: a.all,
        seed: a.seed,
        count: a.count,
        lang: a.lang,
        find: a.find,
    };
    if let Some(roster) = &a.roster {
        if a.format != ExerciseFormat::Markdown {
            return Err(Error::Usage(
                "--roster writes every format itself (sheet.md, sheet.tex, key.md, key.tex, key.json, answers.toml); drop --format".to_string(),
            ));
        }
        let out = a.out.as_deref().expect("clap requires --out with --roster");
        let class = crate::class::write::Class {
            roster,
            out,
            force: a.force,
            digits: a.digits as usize,
        };
        return crate::class::write::run(&ask, &class).map(Outcome::Text);
    }
    let Some(format) = a.format.sheet() else {
        if a.exam {
            return Err(Error::Usage(
                "--exam writes a LaTeX exam (exam.cls); leave out --format gift/qti".to_string(),
            ));
        }
        return crate::class::export::run(&ask, a.format, a.out.as_deref(), a.force)
            .map(Outcome::Text);
    };
    let files = crate::exercise::Files {
        key: a.key,
        key_out: a.key_out,
        out: a.out,
        force: a.force,
        answers_only: a.answers_only,
        exam: a.exam,
    };
    let format = match (a.exam, format) {
        (false, f) => f,
        (true, SheetFormat::Markdown | SheetFormat::Latex) => SheetFormat::Latex,
        (true, SheetFormat::Json) => {
            return Err(Error::Usage(
                "--exam writes a LaTeX exam (exam.cls); leave out --format json".to_string(),
            ));
        }
    };
    crate::exercise::run(&ask, &files, format, a.digits as usize).map(Outcome::Text)
}
