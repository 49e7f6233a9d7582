//! The catalogue's regex signals, searched together: one pass of a combined automaton over the
//! normalised message says which patterns match, and only those are searched again for where.
//! A message matches one or two patterns at most, so a check costs one search, not one per
//! pattern (measured: several times faster than searching each pattern in turn). A pattern whose
//! signal weighs nothing (an amount, an account number: parts of combos) is never quoted in a
//! reason, so it is not searched again at all.

use canhgiac_catalogue::source::compile_ascii_regex_set;
use regex::bytes::{Regex, RegexSet};

use super::malformed;
use crate::error::CoreError;

/// Every regex signal of the catalogue.
pub(crate) struct Patterns {
    /// All patterns at once, in the order of `each`.
    set: RegexSet,
    each: Vec<Pattern>,
}

/// One regex signal.
pub(crate) struct Pattern {
    /// The signal it belongs to.
    pub signal: usize,
    /// The pattern alone, for the span of a match.
    pub regex: Regex,
    /// True when a reason may quote what it matched (the signal has a weight).
    pub quoted: bool,
}

impl Patterns {
    pub fn build(each: Vec<Pattern>) -> Result<Self, CoreError> {
        let set = compile_ascii_regex_set(each.iter().map(|p| p.regex.as_str()))
            .map_err(|_| malformed("the signal patterns cannot be combined"))?;
        Ok(Patterns { set, each })
    }

    /// Calls `found` with the signal and the first match's byte range, for every pattern that
    /// matches `text`; the range is empty for a pattern that is never quoted.
    pub fn each_first_match(&self, text: &[u8], mut found: impl FnMut(usize, (usize, usize))) {
        if self.each.is_empty() {
            return;
        }
        for i in self.set.matches(text).iter() {
            let pattern = &self.each[i];
            if !pattern.quoted {
                found(pattern.signal, (0, 0));
            } else if let Some(m) = pattern.regex.find(text) {
                found(pattern.signal, (m.start(), m.end()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use canhgiac_catalogue::source::compile_ascii_regex;

    fn pattern(signal: usize, regex: &str, quoted: bool) -> Pattern {
        Pattern {
            signal,
            regex: compile_ascii_regex(regex).expect("compiles"),
            quoted,
        }
    }

    #[test]
    fn quoted_patterns_have_their_first_span_and_the_others_none() {
        let patterns = Patterns::build(vec![
            pattern(7, r"\bbam (21|62) [0-9]+", true),
            pattern(3, r"\b[0-9]+ ?k\b", false),
            pattern(9, r"\bkhong khop\b", true),
        ])
        .expect("builds");
        let text = b"nap 500k roi bam 21 0912345678 va 200k";
        let mut found = Vec::new();
        patterns.each_first_match(text, |signal, span| found.push((signal, span)));
        found.sort_unstable();
        assert_eq!(found, vec![(3, (0, 0)), (7, (13, 30))]);
        assert_eq!(&text[13..30], b"bam 21 0912345678");
    }
}
