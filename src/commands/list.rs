//! `nn-tutor list`: the worked examples, all or one topic's.

use super::Outcome;
use crate::args::ListArgs;
use crate::catalog;
use crate::error::Result;

pub fn run(a: ListArgs) -> Result<Outcome> {
    Outcome::report(catalog::listing(a.topic.as_deref())?, a.out)
}
