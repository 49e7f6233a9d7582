//! Lookup tables for links: official registrable domains and their entities, the labels and
//! keywords a look-alike would imitate, and the lists of risky extensions, shorteners and blocked
//! domains.

use std::collections::{HashMap, HashSet};

use canhgiac_catalogue::model::Catalogue;

use crate::normalise::Normaliser;

pub(crate) struct DomainIndex {
    /// Registrable domain (`vietcombank.com.vn`) → entity.
    pub official: HashMap<String, usize>,
    /// The name part of official domains (`vietcombank`) → entity, for look-alike comparison.
    pub official_labels: Vec<(String, usize)>,
    /// Words that betray a host posing as an entity (`vcb`, `vietcombank`).
    pub keywords: Vec<(String, usize)>,
    pub official_suffixes: Vec<String>,
    /// Registrable domains of platforms where anyone publishes (Zalo, Facebook).
    pub user_content: HashSet<String>,
    pub blocked: HashSet<String>,
    pub risky_tlds: HashSet<String>,
    pub shorteners: HashSet<String>,
    pub credential_words: Vec<String>,
}

impl DomainIndex {
    pub fn build(catalogue: &Catalogue, normaliser: &Normaliser) -> Self {
        let mut official = HashMap::new();
        let mut official_labels = Vec::new();
        let mut keywords = Vec::new();
        let mut user_content = HashSet::new();
        for (i, entity) in catalogue.entities.iter().enumerate() {
            if entity.user_content {
                // Anyone can publish there: neither official nor a name to imitate.
                for domain in &entity.domains {
                    let domain = domain.value.trim().to_ascii_lowercase();
                    user_content.insert(psl::domain_str(&domain).unwrap_or(&domain).to_owned());
                }
                continue;
            }
            for domain in &entity.domains {
                let domain = domain
                    .value
                    .trim()
                    .trim_end_matches('.')
                    .to_ascii_lowercase();
                let registrable = psl::domain_str(&domain).unwrap_or(&domain).to_owned();
                if let Some(label) = name_label(&registrable) {
                    official_labels.push((label.to_owned(), i));
                }
                official.insert(registrable, i);
            }
            for keyword in &entity.domain_keywords {
                // Keywords are compared with hosts folded the same way (look-alikes, leetspeak).
                let folded = normaliser.normalise(keyword).text.replace(' ', "");
                if !folded.is_empty() {
                    keywords.push((folded, i));
                }
            }
        }
        let links = &catalogue.links;
        DomainIndex {
            official,
            official_labels,
            keywords,
            official_suffixes: lower(&links.official_suffixes),
            user_content,
            blocked: catalogue
                .blocklist
                .domains
                .iter()
                .map(|d| d.value.trim().to_ascii_lowercase())
                .collect(),
            risky_tlds: lower(&links.risky_tlds),
            shorteners: lower(&links.shorteners),
            credential_words: lower(&links.credential_words),
        }
    }
}

fn lower<C: FromIterator<String>>(items: &[String]) -> C {
    items
        .iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect()
}

/// The part of a registrable domain before its public suffix: `vietcombank` of `vietcombank.com.vn`.
pub(crate) fn name_label(registrable: &str) -> Option<&str> {
    let suffix = psl::suffix_str(registrable)?;
    let label = registrable.strip_suffix(suffix)?.strip_suffix('.')?;
    (!label.is_empty()).then_some(label)
}
