//! Vietnam's numbering as the parser needs it: mobile prefixes and their carriers, the old
//! 11-digit prefixes and their new forms, and the official service numbers.

use canhgiac_catalogue::model::Catalogue;
use rustc_hash::FxHashMap;

/// An official service number: its names and owner.
#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub name_vi: String,
    pub name_en: String,
    pub entity: Option<usize>,
}

/// The national numbering plan.
pub(crate) struct NationalPlan {
    /// `0XY` mobile prefix (as `XY`, 0..100) → carrier.
    carriers: Vec<Option<String>>,
    /// Old 4-digit prefix (`0168`) → new 3-digit prefix (`038`).
    legacy: FxHashMap<String, String>,
    /// National-form digits (`113`, `1900545413`, `0241234567`) → service.
    services: FxHashMap<String, Service>,
}

impl NationalPlan {
    pub fn build(catalogue: &Catalogue) -> Self {
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
        NationalPlan {
            carriers,
            legacy: plan
                .legacy_prefixes
                .iter()
                .map(|p| (p.old.clone(), p.new.clone()))
                .collect(),
            services,
        }
    }

    /// The new 3-digit prefix of an old 4-digit one (`0168` → `038`).
    pub fn new_prefix(&self, old: &str) -> Option<&str> {
        self.legacy.get(old).map(String::as_str)
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
