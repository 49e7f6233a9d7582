//! Lookup tables for links: official registrable domains and their entities, the labels and
//! keywords a look-alike would imitate ([`labels`], [`keywords`]), and the lists of risky extensions,
//! shorteners and blocked domains.

mod keywords;
mod labels;

use aho_corasick::AhoCorasick;
use canhgiac_catalogue::model::Catalogue;
use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

use crate::engine::normalise::Normaliser;
use keywords::{automaton, Keywords};
use labels::OfficialLabels;

pub(crate) struct Domains {
    /// Registrable domain (`vietcombank.com.vn`) → entity.
    official: FastMap<String, usize>,
    /// The names of official domains, which look-alikes imitate.
    official_labels: OfficialLabels,
    /// Words that betray a host posing as an entity (`vcb`, `vietcombank`).
    keywords: Keywords,
    official_suffixes: Vec<String>,
    /// Registrable domains of platforms where anyone publishes (Zalo, Facebook).
    user_content: FastSet<String>,
    blocked: FastSet<String>,
    risky_tlds: FastSet<String>,
    shorteners: FastSet<String>,
    /// The credential words (`login`, `xacthuc`) in one automaton: a host and a path are each
    /// read once.
    credential_automaton: AhoCorasick,
}

impl Domains {
    pub fn build(catalogue: &Catalogue, normaliser: &Normaliser) -> Self {
        let mut official = FastMap::default();
        let mut official_labels = Vec::new();
        let mut keywords = Vec::new();
        let mut user_content = FastSet::default();
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
        let credential_words: Vec<String> = lower(&links.credential_words);
        Domains {
            official,
            official_labels: OfficialLabels::new(official_labels),
            keywords: Keywords::new(keywords),
            credential_automaton: automaton(credential_words.iter().map(String::as_str)),
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
        }
    }
}

impl Domains {
    /// True when `registrable` or the whole `host` is blocked.
    pub fn is_blocked(&self, registrable: &str, host: &str) -> bool {
        self.blocked.contains(registrable) || self.blocked.contains(host)
    }

    /// The entity whose official domain `registrable` is.
    pub fn official(&self, registrable: &str) -> Option<usize> {
        self.official.get(registrable).copied()
    }

    /// True when `host` is or ends in an official suffix (`gov.vn`).
    pub fn has_official_suffix(&self, host: &str) -> bool {
        self.official_suffixes.iter().any(|s| {
            host == s
                || host
                    .strip_suffix(s.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }

    /// True when anyone can publish under `registrable` (a Zalo group, a Facebook page).
    pub fn is_user_content(&self, registrable: &str) -> bool {
        self.user_content.contains(registrable)
    }

    pub fn is_shortener(&self, registrable: &str) -> bool {
        self.shorteners.contains(registrable)
    }

    /// True when scammers favour the top-level domain `tld`.
    pub fn is_risky_tld(&self, tld: &str) -> bool {
        self.risky_tlds.contains(tld)
    }

    /// The entity whose official name `label` imitates (see [`OfficialLabels::closest`]).
    pub fn closest_official(&self, label: &str, max: usize) -> Option<usize> {
        self.official_labels.closest(label, max)
    }

    /// The entity whose brand keyword stands in `host` (see [`Keywords::find_in`]).
    pub fn keyword_in(&self, host: &str, normaliser: &Normaliser) -> Option<usize> {
        self.keywords.find_in(host, normaliser)
    }

    /// True when `text` (a host or a path) has words of a log-in page (`login`, `xacthuc`).
    pub fn has_credential_words(&self, text: &str) -> bool {
        self.credential_automaton.is_match(text)
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
