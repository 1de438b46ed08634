//! `nn-tutor explain`: one worked example step by step, or a topic's list.

use super::{Outcome, parse_assignments, topic_and_example, write_plot};
use crate::args::ExplainArgs;
use crate::catalog;
use crate::error::{Error, Result};

pub fn run(a: ExplainArgs) -> Result<Outcome> {
    let (topic, example) = topic_and_example(&a.topic, a.example)?;
    let Some(n) = example else {
        if !a.set.is_empty() {
            return Err(Error::Usage("--set needs --example N".to_string()));
        }
        return Outcome::report(catalog::listing(Some(&topic))?, a.out);
    };
    let ex = catalog::find(&topic, n)?;
    let sets = parse_assignments(&a.set)?;
    let mut r = ex.run(&sets, &a.out.settings())?;
    if let Some(d) = a.round_each {
        let (values, digits) = (ex.values(&sets)?, a.out.digits as usize);
        let id = ex.id();
        let plan = ex.audit_plan(&values)?;
        crate::rounding::audit_plan(&mut r, &id, &plan, d, digits)?;
    }
    if let Some(path) = a.plot {
        write_plot(&r, &path, a.force, &a.out)?;
        r.text(format!("Plot written to {}.", path.display()));
    }
    Outcome::report(r, a.out)
}
