//! Lookup tables for phone numbers: mobile prefixes and carriers, legacy 11-digit prefixes,
//! official services, risky country codes and the blocklist (a sorted array of numeric keys, so a
//! million entries cost 8 MB and a lookup ~20 comparisons).

use canhgiac_catalogue::model::Catalogue;

use super::fast_hash::{FastMap, FastSet};

/// An official service number: its names and owner.
#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub name_vi: String,
    pub name_en: String,
    pub entity: Option<usize>,
}

pub(crate) struct NumberIndex {
    /// `0XY` mobile prefix (as `XY`, 0..100) → carrier.
    pub carriers: Vec<Option<String>>,
    /// Old 4-digit prefix (`0168`) → new 3-digit prefix (`038`).
    pub legacy: FastMap<String, String>,
    /// National-form digits (`113`, `1900545413`, `0241234567`) → service.
    pub services: FastMap<String, Service>,
    pub risky_countries: FastSet<u16>,
    /// Sorted, deduplicated keys of blocked numbers (see [`crate::detect::number::Parsed::key`]).
    pub blocked: Vec<u64>,
    /// Category (index) of blocked numbers that name a known one.
    pub blocked_category: FastMap<u64, usize>,
}

impl NumberIndex {
    /// `category_of` resolves a category id to its index.
    pub fn build(
        catalogue: &Catalogue,
        category_of: impl Fn(&Option<String>) -> Option<usize>,
    ) -> Self {
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
        let mut services: FastMap<String, Service> = plan
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
        let mut index = NumberIndex {
            carriers,
            legacy: plan
                .legacy_prefixes
                .iter()
                .map(|p| (p.old.clone(), p.new.clone()))
                .collect(),
            services,
            risky_countries: plan.risky_country_codes.iter().map(|c| c.code).collect(),
            blocked: Vec::new(),
            blocked_category: FastMap::default(),
        };
        let mut blocked = Vec::with_capacity(catalogue.blocklist.numbers.len());
        for entry in &catalogue.blocklist.numbers {
            if let Ok(parsed) = crate::detect::number::parse(&entry.value, &index) {
                blocked.push(parsed.key);
                if let Some(category) = category_of(&entry.category) {
                    index.blocked_category.insert(parsed.key, category);
                }
            }
        }
        index.set_blocked(blocked);
        index
    }

    /// Replaces the blocklist with `keys` (sorted here).
    pub fn set_blocked(&mut self, mut keys: Vec<u64>) {
        keys.sort_unstable();
        keys.dedup();
        self.blocked = keys;
    }

    pub fn is_blocked(&self, key: u64) -> bool {
        self.blocked.binary_search(&key).is_ok()
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
