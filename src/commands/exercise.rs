//! `nn-tutor exercise`: exercise sheets and answer keys (the work is in
//! [`crate::exercise::command`]).

use super::{Outcome, topic_and_example};
use crate::args::ExerciseArgs;
use crate::error::Result;
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
    let files = crate::exercise::Files {
        key: a.key,
        key_out: a.key_out,
        out: a.out,
        force: a.force,
        answers_only: a.answers_only,
        exam: a.exam,
    };
    let format = match (a.exam, a.format) {
        (false, f) => f,
        (true, SheetFormat::Markdown | SheetFormat::Latex) => SheetFormat::Latex,
        (true, SheetFormat::Json) => {
            return Err(crate::error::Error::Usage(
                "--exam writes a LaTeX exam (exam.cls); leave out --format json".to_string(),
            ));
        }
    };
    crate::exercise::run(&ask, &files, format, a.digits as usize).map(Outcome::Text)
}
