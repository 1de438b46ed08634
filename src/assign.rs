//! `NAME=VALUE` pairs as the command line gives them (`--set`, `--at`,
//! `--points-for`): a leaf module the commands and `check` share.

use crate::error::{Error, Result};

/// Split `x=3` into (`x`, `3`). A name given twice (`x=1,x=2`) is an error
/// rather than silently the last value.
pub fn parse_assignments(items: &[String]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(items.len());
    for s in items.iter().filter(|s| !s.trim().is_empty()) {
        let (k, v) = s
            .split_once('=')
            .ok_or_else(|| Error::BadAssignment { text: s.clone() })?;
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() || v.is_empty() {
            return Err(Error::BadAssignment { text: s.clone() });
        }
        if let Some((_, first)) = out.iter().find(|(name, _)| name == k) {
            return Err(Error::Usage(format!(
                "`{k}` is given twice ({k}={first} and {k}={v}); give each name once"
            )));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}
