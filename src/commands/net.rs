//! `nn-tutor net`: trace a network written in a TOML spec.

use std::path::Path;

use super::Outcome;
use crate::args::NetArgs;
use crate::error::Result;

pub fn run(a: NetArgs) -> Result<Outcome> {
    run_in(a, Path::new(""))
}

/// As [`run`], reading a relative spec path from `base` (the book reads
/// specs beside its chapters) and showing the path as it was given.
pub fn run_in(a: NetArgs, base: &Path) -> Result<Outcome> {
    let path = a.spec.display().to_string();
    let text = crate::files::read_text(&base.join(&a.spec))?;
    let parsed = crate::netspec::Spec::parse(&text, &path)?;
    Outcome::report(
        crate::report::net::net_report(&parsed, &path, &a.out.settings(), a.forward_only)?,
        a.out,
    )
}
