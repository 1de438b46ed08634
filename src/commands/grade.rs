//! `nn-tutor grade DIR`: the work is in [`crate::class::grade`].

use super::Outcome;
use crate::args::GradeArgs;
use crate::error::Result;

pub fn run(a: GradeArgs) -> Result<Outcome> {
    let specs = super::policy_specs(&a.policy)?;
    let r = crate::class::grade::run(&a.dir, &specs, a.out.lang)?;
    Outcome::report(r, a.out)
}
