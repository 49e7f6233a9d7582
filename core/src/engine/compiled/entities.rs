//! The organisations of the catalogue as the detectors and the scorer read them: each one's
//! name, category, whether it speaks for the state, and whether it writes only under its
//! brandname.

use canhgiac_catalogue::model::Catalogue;

use super::refs::CategoryIds;

/// Every entity of the catalogue, by index.
pub(crate) struct Entities {
    name: Vec<String>,
    category: Vec<Option<usize>>,
    /// Entities that speak for the state (`scoring.authority_kinds`).
    authority: Vec<bool>,
    /// Entities that write only under their brandname (`scoring.brandname_only_kinds`).
    brandname_only: Vec<bool>,
}

impl Entities {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Self {
        let entities = &catalogue.entities;
        let kinds = |kinds: &[String]| entities.iter().map(|e| kinds.contains(&e.kind)).collect();
        Entities {
            name: entities.iter().map(|e| e.name.clone()).collect(),
            category: entities
                .iter()
                .map(|e| categories.of(&e.category))
                .collect(),
            authority: kinds(&catalogue.scoring.authority_kinds),
            brandname_only: kinds(&catalogue.scoring.brandname_only_kinds),
        }
    }

    pub fn name(&self, entity: usize) -> &str {
        &self.name[entity]
    }

    pub fn category(&self, entity: usize) -> Option<usize> {
        self.category[entity]
    }

    /// True when the entity speaks for the state.
    pub fn authority(&self, entity: usize) -> bool {
        self.authority[entity]
    }

    /// True when the entity writes only under its brandname, never from a personal number.
    pub fn brandname_only(&self, entity: usize) -> bool {
        self.brandname_only[entity]
    }
}
