//! The catalogue's regex signals, searched together: one pass of a combined automaton over the
//! normalised message says which patterns match, and only those are searched again for where.
//! A message matches one or two patterns at most, so a check costs one search, not one per
//! pattern (measured: several times faster than searching each pattern in turn).

use canhgiac_catalogue::source::compile_ascii_regex_set;
use regex::bytes::{Regex, RegexSet};

use super::malformed;
use crate::error::CoreError;

/// Every regex signal of the catalogue.
pub(crate) struct Patterns {
    /// All patterns at once, in the order of `each`.
    set: RegexSet,
    /// The signal each pattern belongs to, and the pattern alone (for the span of a match).
    each: Vec<(usize, Regex)>,
}

impl Patterns {
    /// `each` holds the signal index and its compiled pattern.
    pub fn build(each: Vec<(usize, Regex)>) -> Result<Self, CoreError> {
        let set = compile_ascii_regex_set(each.iter().map(|(_, regex)| regex.as_str()))
            .map_err(|_| malformed("the signal patterns cannot be combined"))?;
        Ok(Patterns { set, each })
    }

    /// Calls `found` with the signal and the first match's byte range, for every pattern that
    /// matches `text`.
    pub fn each_first_match(&self, text: &[u8], mut found: impl FnMut(usize, (usize, usize))) {
        if self.each.is_empty() {
            return;
        }
        for i in self.set.matches(text).iter() {
            let (signal, regex) = &self.each[i];
            if let Some(m) = regex.find(text) {
                found(*signal, (m.start(), m.end()));
            }
        }
    }
}
