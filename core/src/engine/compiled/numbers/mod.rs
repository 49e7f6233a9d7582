//! The number plan, compiled: mobile prefixes and carriers, legacy 11-digit prefixes, official
//! services, risky country codes and the blocklist (a sorted array of numeric keys, so a
//! million entries cost 8 MB and a lookup ~20 comparisons); and the parser that reads a number
//! against it.

mod calling_code;
mod parse;

use canhgiac_catalogue::model::Catalogue;
use rustc_hash::{FxHashMap, FxHashSet};

pub(crate) use parse::ParsedNumber;

use super::CategoryIds;
use crate::error::CoreError;

/// An official service number: its names and owner.
#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub name_vi: String,
    pub name_en: String,
    pub entity: Option<usize>,
}

pub(crate) struct NumberPlan {
    /// `0XY` mobile prefix (as `XY`, 0..100) → carrier.
    carriers: Vec<Option<String>>,
    /// Old 4-digit prefix (`0168`) → new 3-digit prefix (`038`).
    legacy: FxHashMap<String, String>,
    /// National-form digits (`113`, `1900545413`, `0241234567`) → service.
    services: FxHashMap<String, Service>,
    risky_countries: FxHashSet<u16>,
    /// Sorted, deduplicated keys of blocked numbers (see [`ParsedNumber::key`]).
    blocked: Vec<u64>,
    /// Category (index) of blocked numbers that name a known one.
    blocked_category: FxHashMap<u64, usize>,
}

impl NumberPlan {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Self {
        let plan = &catalogue.numbers;
        let mut carriers = vec![None; 100];
        for prefix in &plan.mobile_prefixes {
            if let Some(slot) = prefix_slot(&prefix.prefix) {
                carriers[slot] = Some(prefix.carrier.clone());
            }
        }
        let entity_of = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| catalogue.entities.iter().position(|e| &e.id == id))
        };
        let mut services: FxHashMap<String, Service> = plan
            .services
            .iter()
            .map(|s| {
                let service = Service {
                    name_vi: s.name_vi.clone(),
                    name_en: s.name_en.clone(),
                    entity: entity_of(&s.entity),
                };
                (s.number.clone(), service)
            })
            .collect();
        for (i, entity) in catalogue.entities.iter().enumerate() {
            for fact in entity.hotlines.iter().chain(&entity.short_codes) {
                services
                    .entry(fact.value.clone())
                    .or_insert_with(|| Service {
                        name_vi: entity.name.clone(),
                        name_en: entity.name.clone(),
                        entity: Some(i),
                    });
            }
        }
        let mut numbers = NumberPlan {
            carriers,
            legacy: plan
                .legacy_prefixes
                .iter()
                .map(|p| (p.old.clone(), p.new.clone()))
                .collect(),
            services,
            risky_countries: plan.risky_country_codes.iter().map(|c| c.code).collect(),
            blocked: Vec::new(),
            blocked_category: FxHashMap::default(),
        };
        let mut blocked = Vec::with_capacity(catalogue.blocklist.numbers.len());
        for entry in &catalogue.blocklist.numbers {
            if let Ok(parsed) = numbers.parse(&entry.value) {
                blocked.push(parsed.key);
                if let Some(category) = categories.of(&entry.category) {
                    numbers.blocked_category.insert(parsed.key, category);
                }
            }
        }
        numbers.set_blocked(blocked);
        numbers
    }

    /// Parses what a person typed or the phone showed as a caller (see [`parse::parse`]).
    pub fn parse(&self, input: &str) -> Result<ParsedNumber, CoreError> {
        parse::parse(input, self)
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

    /// The official service at national number `national`.
    pub fn service(&self, national: &str) -> Option<&Service> {
        self.services.get(national)
    }

    /// The carrier of a 10-digit national mobile number (`0XY…`).
    pub fn carrier(&self, national: &str) -> Option<&str> {
        prefix_slot(national.get(..3)?).and_then(|slot| self.carriers[slot].as_deref())
    }
}

fn prefix_slot(prefix: &str) -> Option<usize> {
    let bytes = prefix.as_bytes();
    (bytes.len() == 3 && bytes[0] == b'0' && bytes[1..].iter().all(u8::is_ascii_digit))
        .then(|| usize::from(bytes[1] - b'0') * 10 + usize::from(bytes[2] - b'0'))
}
