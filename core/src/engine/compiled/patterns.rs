//! The catalogue's regex signals, searched together: one pass of a combined automaton over the
//! normalised message says which patterns match, and only those are searched again for where.
//! A message matches one or two patterns at most, so a check costs one search, not one per
//! pattern (measured: several times faster than searching each pattern in turn). A pattern whose
//! signal weighs nothing (an amount, an account number: parts of combos) is never quoted in a
//! reason, so it is not searched again at all.

use canhgiac_catalogue::model::{Catalogue, SignalKind};
use canhgiac_catalogue::pattern::{compile_ascii_regex, compile_ascii_regex_set};
use regex::bytes::Regex;
use regex_automata::{Input, PatternSet};

use super::refs::malformed;
use crate::engine::evidence::shown;
use crate::error::CoreError;

/// Every regex signal of the catalogue.
pub(crate) struct Patterns {
    /// All patterns at once, in the order of `each`.
    set: regex_automata::meta::Regex,
    each: Vec<Pattern>,
}

/// One regex signal.
struct Pattern {
    /// The signal it belongs to.
    signal: usize,
    /// The pattern alone, for the span of a match.
    regex: Regex,
    /// True when a reason may quote what it matched (the signal has a weight).
    quoted: bool,
}

impl Patterns {
    /// The regex signals of `catalogue`; fails when one does not compile, or they do not
    /// compile as one set.
    pub fn build(catalogue: &Catalogue) -> Result<Self, CoreError> {
        let mut each = Vec::new();
        for (i, signal) in catalogue.signals.iter().enumerate() {
            if signal.kind == SignalKind::Regex {
                let pattern = signal.pattern.as_deref().unwrap_or_default();
                let regex = compile_ascii_regex(pattern)
                    .map_err(|_| malformed("a signal pattern does not compile"))?;
                each.push(Pattern {
                    signal: i,
                    regex,
                    quoted: shown(signal.weight),
                });
            }
        }
        Self::from_patterns(each)
    }

    /// The patterns, searched together; fails when they do not compile as one set.
    fn from_patterns(each: Vec<Pattern>) -> Result<Self, CoreError> {
        let set = compile_ascii_regex_set(each.iter().map(|p| p.regex.as_str()))
            .map_err(|_| malformed("the signal patterns cannot be combined"))?;
        Ok(Patterns { set, each })
    }

    /// Calls `found` with the signal and the first match's byte range, for every pattern that
    /// matches `text`; the range is empty for a pattern that is never quoted. `matched` is
    /// written over (its memory is reused).
    pub fn each_first_match(
        &self,
        text: &[u8],
        matched: &mut MatchedPatterns,
        mut found: impl FnMut(usize, (usize, usize)),
    ) {
        if self.each.is_empty() {
            return;
        }
        let matched = matched.reset(self.set.pattern_len());
        self.set
            .which_overlapping_matches(&Input::new(text), matched);
        for id in matched.iter() {
            let pattern = &self.each[id.as_usize()];
            if !pattern.quoted {
                found(pattern.signal, (0, 0));
            } else if let Some(m) = pattern.regex.find(text) {
                found(pattern.signal, (m.start(), m.end()));
            }
        }
    }
}

/// Which patterns matched a message. Kept from one message to the next: a new set each time
/// asks the allocator for zeroed memory (`calloc`), which skips glibc's cache of small blocks.
pub(crate) struct MatchedPatterns(PatternSet);

impl Default for MatchedPatterns {
    fn default() -> Self {
        MatchedPatterns(PatternSet::new(0))
    }
}

impl MatchedPatterns {
    /// Empty, and able to hold `patterns` patterns.
    fn reset(&mut self, patterns: usize) -> &mut PatternSet {
        if self.0.capacity() == patterns {
            self.0.clear();
        } else {
            self.0 = PatternSet::new(patterns);
        }
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(signal: usize, regex: &str, quoted: bool) -> Pattern {
        Pattern {
            signal,
            regex: compile_ascii_regex(regex).expect("compiles"),
            quoted,
        }
    }

    #[test]
    fn quoted_patterns_have_their_first_span_and_the_others_none() {
        let patterns = Patterns::from_patterns(vec![
            pattern(7, r"\bbam (21|62) [0-9]+", true),
            pattern(3, r"\b[0-9]+ ?k\b", false),
            pattern(9, r"\bkhong khop\b", true),
        ])
        .expect("builds");
        let text = b"nap 500k roi bam 21 0912345678 va 200k";
        let mut matched = MatchedPatterns::default();
        let mut found = Vec::new();
        patterns.each_first_match(text, &mut matched, |signal, span| {
            found.push((signal, span))
        });
        found.sort_unstable();
        assert_eq!(found, vec![(3, (0, 0)), (7, (13, 30))]);
        assert_eq!(&text[13..30], b"bam 21 0912345678");
        // The same set, reused: what matched before is forgotten.
        found.clear();
        patterns.each_first_match(b"khong khop", &mut matched, |signal, span| {
            found.push((signal, span))
        });
        assert_eq!(found, vec![(9, (0, 10))]);
    }
}
