//! The organisations of the catalogue as the detectors and the scorer read them: each one's
//! name, category, whether it speaks for the state, whether it writes only under its
//! brandname, and which brandnames are its own. After them come the owners of the sites of
//! `domains.toml` (well-known sites, state domains), which a link's reason names but which
//! nothing else reads.

use canhgiac_catalogue::model::Catalogue;
use rustc_hash::FxHashMap;

use super::refs::CategoryIds;

/// Every entity of the catalogue, by index, then the site owners.
pub(crate) struct Entities {
    name: Vec<String>,
    category: Vec<Option<usize>>,
    /// Entities that speak for the state (`scoring.authority_kinds`).
    authority: Vec<bool>,
    /// Entities that write only under their brandname (`scoring.brandname_only_kinds`).
    brandname_only: Vec<bool>,
    /// Registered brandname (lower case) → entity.
    brandnames: FxHashMap<String, usize>,
}

/// Where a well-known site (`links.well_known[i]`) stands among the entities: after the
/// catalogue's own.
pub(crate) fn well_known_index(catalogue: &Catalogue, i: usize) -> usize {
    catalogue.entities.len() + i
}

/// Where the owner of a state domain (`links.state_domains[i]`) stands among the entities:
/// after the well-known sites.
pub(crate) fn state_domain_index(catalogue: &Catalogue, i: usize) -> usize {
    catalogue.entities.len() + catalogue.links.well_known.len() + i
}

impl Entities {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Self {
        let entities = &catalogue.entities;
        let links = &catalogue.links;
        let sites = links.well_known.iter().chain(&links.state_domains);
        let sites_count = links.well_known.len() + links.state_domains.len();
        let kinds = |kinds: &[String]| {
            entities
                .iter()
                .map(|e| kinds.contains(&e.kind))
                .chain(std::iter::repeat_n(false, sites_count))
                .collect()
        };
        let mut brandnames = FxHashMap::default();
        for (i, entity) in entities.iter().enumerate() {
            for brandname in &entity.brandnames {
                let key = brandname.value.trim().to_lowercase();
                brandnames.entry(key).or_insert(i);
            }
        }
        Entities {
            name: entities
                .iter()
                .map(|e| e.name.clone())
                .chain(sites.map(|s| s.name.clone()))
                .collect(),
            category: entities
                .iter()
                .map(|e| categories.of(&e.category))
                .chain(std::iter::repeat_n(None, sites_count))
                .collect(),
            authority: kinds(&catalogue.scoring.authority_kinds),
            brandname_only: kinds(&catalogue.scoring.brandname_only_kinds),
            brandnames,
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

    /// The entity whose registered brandname `sender` is (compared without case).
    pub fn by_brandname(&self, sender: &str) -> Option<usize> {
        self.brandnames.get(&sender.trim().to_lowercase()).copied()
    }
}
