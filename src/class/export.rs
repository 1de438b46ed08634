//! `exercise --format gift` and `--format qti`: the sheet's problems as
//! questions for Moodle and Canvas, from the same draw as the sheet.

use std::path::Path;

use super::ExerciseFormat;
use crate::error::{Error, Result};
use crate::exercise::Ask;

/// Draw the sheet and export it; returns what goes to standard output.
pub fn run(ask: &Ask, format: ExerciseFormat, out: Option<&Path>, force: bool) -> Result<String> {
    if let Some(p) = out {
        crate::files::check_writable(p, force)?;
    }
    let mut command = ask.command();
    command.push_str(match format {
        ExerciseFormat::Gift => " --format gift",
        _ => " --format qti",
    });
    let sh = ask.sheet(&ask.examples()?, command)?;
    if sh.problems.is_empty() {
        return Err(super::no_problems());
    }
    match format {
        ExerciseFormat::Qti => {
            let Some(p) = out else {
                return Err(Error::Usage(
                    "--format qti writes a zip: give the file with --out, e.g. --out quiz.zip"
                        .to_string(),
                ));
            };
            crate::files::write_atomic(p, &super::qti::zip(&sh, None)?, force)?;
            Ok(format!("Canvas QTI 1.2 quiz written to {}.\n", p.display()))
        }
        _ => {
            let text = super::gift::render(&sh, None);
            match out {
                Some(p) => {
                    crate::files::write_atomic(p, text.as_bytes(), force)?;
                    Ok(format!("GIFT questions written to {}.\n", p.display()))
                }
                None => Ok(text),
            }
        }
    }
}
