//! `nn-tutor check`: grade a student's answers to an example.

use super::{Outcome, parse_assignments, topic_and_example};
use crate::args::CheckArgs;
use crate::error::Result;

pub fn run(a: CheckArgs) -> Result<Outcome> {
    let (topic, example) = topic_and_example(&a.topic, Some(a.example))?;
    let sets = parse_assignments(&a.set)?;
    let (r, all_right) = crate::check::run_file(
        &topic,
        example.unwrap_or(a.example),
        &sets,
        &a.answers,
        a.tolerance.as_deref(),
    )?;
    Ok(Outcome::Graded(Box::new(r), a.out, all_right))
}
