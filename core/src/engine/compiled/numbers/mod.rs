//! The number plan, compiled: Vietnam's numbering ([`national`]), risky country codes and the
//! blocklist (a sorted array of numeric keys, so a million entries cost 8 MB and a lookup ~20
//! comparisons); and the parser that reads a number against it.

mod calling_code;
mod national;
mod parse;

use canhgiac_catalogue::model::Catalogue;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::engine::compiled::refs::CategoryIds;
use crate::error::CoreError;
use national::{NationalPlan, Service};
pub(crate) use parse::ParsedNumber;

/// Vietnam's country calling code.
const VIETNAM: u16 = 84;

pub(crate) struct NumberPlan {
    national: NationalPlan,
    risky_countries: FxHashSet<u16>,
    /// Sorted, deduplicated keys of blocked numbers (see [`ParsedNumber::key`]).
    blocked: Vec<u64>,
    /// Category (index) of blocked numbers that name a known one.
    blocked_category: FxHashMap<u64, usize>,
}

impl NumberPlan {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Self {
        let national = NationalPlan::build(catalogue);
        let mut blocked = Vec::with_capacity(catalogue.blocklist.numbers.len());
        let mut blocked_category = FxHashMap::default();
        for entry in &catalogue.blocklist.numbers {
            if let Ok(parsed) = parse::parse(&entry.value, &national) {
                blocked.push(parsed.key);
                if let Some(category) = categories.of(&entry.category) {
                    blocked_category.insert(parsed.key, category);
                }
            }
        }
        let mut numbers = NumberPlan {
            national,
            risky_countries: catalogue
                .numbers
                .risky_country_codes
                .iter()
                .map(|c| c.code)
                .collect(),
            blocked: Vec::new(),
            blocked_category,
        };
        numbers.set_blocked(blocked);
        numbers
    }

    /// Parses what a person typed or the phone showed as a caller.
    pub fn parse(&self, input: &str) -> Result<ParsedNumber, CoreError> {
        parse::parse(input, &self.national)
    }

    /// Replaces the blocklist with `keys` (sorted here).
    fn set_blocked(&mut self, mut keys: Vec<u64>) {
        keys.sort_unstable();
        keys.dedup();
        self.blocked = keys;
    }

    /// Replaces the blocklist with `numbers` (benchmarks measure lookups in a million entries).
    #[cfg(feature = "test-hooks")]
    pub fn set_blocked_numbers(&mut self, numbers: &[&str]) {
        let keys = numbers
            .iter()
            .filter_map(|n| self.parse(n).ok().map(|p| p.key))
            .collect();
        self.set_blocked(keys);
    }

    /// True when the number with blocklist key `key` is blocked.
    pub fn is_blocked(&self, key: u64) -> bool {
        self.blocked.binary_search(&key).is_ok()
    }

    /// The category the blocklist gives the number with key `key`.
    pub fn blocked_category(&self, key: u64) -> Option<usize> {
        self.blocked_category.get(&key).copied()
    }

    /// True when scam calls often come from the country with calling code `code`.
    pub fn is_risky_country(&self, code: u16) -> bool {
        self.risky_countries.contains(&code)
    }

    /// The official service a number is (a Vietnamese number only: `+1 900 545 413` is not the
    /// hotline 1900 545 413).
    pub fn service(&self, number: &ParsedNumber) -> Option<&Service> {
        (number.country_code == VIETNAM)
            .then(|| self.national.service(&number.national))
            .flatten()
    }

    /// The carrier a Vietnamese mobile number's prefix was assigned to.
    pub fn carrier(&self, number: &ParsedNumber) -> Option<&str> {
        (number.country_code == VIETNAM)
            .then(|| self.national.carrier(&number.national))
            .flatten()
    }
}
