//! What the apps show about the catalogue itself: version, validity, counts, change log, and the
//! categories with their explanations and quiz for the learning screen. A category, a quiz and a
//! change-log entry are shown as the catalogue holds them: the API names are aliases of the model.

use canhgiac_catalogue::model::Catalogue;
use canhgiac_catalogue::BundleHeader;
use serde::Serialize;

/// Version and contents of the catalogue in use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueInfo {
    pub version: u64,
    /// Unix seconds.
    pub issued_at: i64,
    /// Unix seconds; after it the app should fetch a newer catalogue.
    pub expires_at: i64,
    /// True when signed with the development key (never in a district release).
    pub development: bool,
    pub categories: u32,
    pub entities: u32,
    pub signals: u32,
    pub official_domains: u32,
    pub official_numbers: u32,
    pub blocked_numbers: u32,
    pub blocked_domains: u32,
    pub blocked_accounts: u32,
    /// What changed, newest first.
    pub changelog: Vec<ChangeEntry>,
}

pub use canhgiac_catalogue::model::{
    Category as CategoryInfo, Change as ChangeEntry, Quiz as QuizInfo,
};

pub(crate) fn catalogue_info(
    c: &Catalogue,
    header: &BundleHeader,
    development: bool,
) -> CatalogueInfo {
    let count = |n: usize| n as u32;
    let official_numbers: usize = c
        .entities
        .iter()
        .map(|e| e.hotlines.len() + e.short_codes.len())
        .sum::<usize>()
        + c.numbers.services.len();
    CatalogueInfo {
        version: header.version,
        issued_at: header.issued_at,
        expires_at: header.expires_at,
        development,
        categories: count(c.categories.len()),
        entities: count(c.entities.len()),
        signals: count(c.signals.len()),
        official_domains: count(c.entities.iter().map(|e| e.domains.len()).sum()),
        official_numbers: count(official_numbers),
        blocked_numbers: count(c.blocklist.numbers.len()),
        blocked_domains: count(c.blocklist.domains.len()),
        blocked_accounts: count(c.blocklist.accounts.len()),
        changelog: c.meta.changelog.clone(),
    }
}
