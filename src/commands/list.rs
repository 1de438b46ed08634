//! `nn-tutor list`: the worked examples, all or one topic's.

use super::{Outcome, topic_and_example};
use crate::args::ListArgs;
use crate::catalog;
use crate::error::Result;

pub fn run(a: ListArgs) -> Result<Outcome> {
    // `list backprop/1` lists the topic the example belongs to.
    let topic = match &a.topic {
        Some(t) => Some(topic_and_example(t, None)?.0),
        None => None,
    };
    let mut listing = catalog::listing(topic.as_deref())?;
    if a.wide {
        listing.all_columns();
    }
    Outcome::report(listing, a.out())
}
