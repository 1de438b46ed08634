//! `nn-tutor train`: train a network on a data set (the work is in
//! [`crate::train::command`]).

use super::{Outcome, write_plot};
use crate::args::TrainArgs;
use crate::error::{Error, Result};

pub fn run(a: TrainArgs) -> Result<Outcome> {
    if a.out.float {
        return Err(Error::Usage(
            "--float does nothing here: training always computes in floating point; \
             --dtype f32|f64 chooses the precision"
                .to_string(),
        ));
    }
    let (mut r, time) = crate::train::command::run(&a.flags)?;
    if let Some(path) = &a.flags.plot {
        write_plot(&r, path, a.flags.force, a.out.lang)?;
        r.text(format!("Plot written to {}.", path.display()));
    }
    if let Some(t) = time {
        eprintln!("{t}");
    }
    Outcome::report(r, a.out)
}
