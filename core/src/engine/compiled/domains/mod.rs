//! Lookup tables for links: official domains and hosts and their entities, the owners of state
//! domains and the well-known sites, the labels and keywords a look-alike would imitate
//! ([`labels`], [`keywords`], with the noise glued to brands in [`noise`]), and the lists of
//! risky extensions, shorteners, deep-link services, bank words and blocked domains.

mod keywords;
mod labels;
mod noise;

use aho_corasick::AhoCorasick;
use canhgiac_catalogue::model::Catalogue;
use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

use super::entities::{state_domain_index, well_known_index};
use crate::engine::normalise::Normaliser;
use keywords::{automaton, Keywords};
use labels::OfficialLabels;
use noise::Noise;

pub(crate) struct Domains {
    /// Registrable domain (`vietcombank.com.vn`) or host (`myvt.page.link`,
    /// `congan.hanoi.gov.vn`) → entity.
    official: FastMap<String, usize>,
    /// Registrable domain of a well-known site → its owner (an index after the entities).
    well_known: FastMap<String, usize>,
    /// Name under an official suffix (`hanoi` of `hanoi.gov.vn`) → its owner.
    state_owners: FastMap<String, usize>,
    /// Hosts of deep-link services (`go.link`): their subdomains belong to whoever named them.
    deep_link_hosts: FastSet<String>,
    /// Filler scammers glue to a brand.
    noise: Noise,
    /// Words of banking (`nganhang`, `ebanking`), in one automaton.
    bank_automaton: AhoCorasick,
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
            for domain in &entity.domains {
                let domain = domain
                    .value
                    .trim()
                    .trim_end_matches('.')
                    .to_ascii_lowercase();
                let registrable = psl::domain_str(&domain).unwrap_or(&domain).to_owned();
                if entity.user_content {
                    // Anyone can publish there: neither official nor a name to imitate.
                    user_content.insert(registrable);
                    continue;
                }
                // Only a registrable domain has a name to imitate: a host under another's
                // domain (`myvt.page.link`, `congan.hanoi.gov.vn`) lends none.
                // Nor does a name of two letters (`be.com.vn`, `sc.com`): `be.net` imitates no one.
                if domain == registrable {
                    if let Some(label) = name_label(&registrable).filter(|l| l.len() > 2) {
                        official_labels.push((label.to_owned(), i));
                    }
                }
                official.insert(domain, i);
            }
            // A platform's name is still the platform's: `zalo-xacminh.com` poses as Zalo.
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
        let bank_words: Vec<String> = lower(&links.bank_words);
        let fold = |word: &str| normaliser.normalise(word).text.replace(' ', "");
        let well_known = links
            .well_known
            .iter()
            .enumerate()
            .map(|(i, site)| {
                let domain = site.value.trim().to_ascii_lowercase();
                let registrable = psl::domain_str(&domain).unwrap_or(&domain).to_owned();
                (registrable, well_known_index(catalogue, i))
            })
            .collect();
        let state_owners = links
            .state_domains
            .iter()
            .enumerate()
            .map(|(i, site)| {
                let name = site.value.trim().to_ascii_lowercase();
                (name, state_domain_index(catalogue, i))
            })
            .collect();
        Domains {
            official,
            well_known,
            state_owners,
            deep_link_hosts: lower(&links.deep_link_hosts),
            noise: Noise::new(links.noise_words.iter().map(|w| fold(w))),
            bank_automaton: automaton(bank_words.iter().map(String::as_str)),
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

    /// The entity whose official domain or host `host` is or is under (`registrable` is its
    /// registrable domain, a tail of it): the longest listed tail answers.
    pub fn official(&self, host: &str, registrable: &str) -> Option<usize> {
        let mut tail = host;
        loop {
            if let Some(&entity) = self.official.get(tail) {
                return Some(entity);
            }
            if tail.len() <= registrable.len() {
                return None;
            }
            tail = tail.split_once('.')?.1;
        }
    }

    /// The owner of a well-known site whose registrable domain is `registrable`.
    pub fn well_known(&self, registrable: &str) -> Option<usize> {
        self.well_known.get(registrable).copied()
    }

    /// The owner of the state domain named `name` under an official suffix (`hanoi`).
    pub fn state_owner(&self, name: &str) -> Option<usize> {
        self.state_owners.get(name).copied()
    }

    /// True when `host` is one label under a deep-link service (`viettelmoney.go.link`); gives
    /// that label.
    pub fn deep_link_label<'h>(&self, host: &'h str) -> Option<&'h str> {
        let (label, service) = host.split_once('.')?;
        self.deep_link_hosts.contains(service).then_some(label)
    }

    /// The entity one of whose keywords is the whole of `label` (folded like a host).
    pub fn keyword_exact(&self, label: &str) -> Option<usize> {
        self.keywords.exact(label)
    }

    /// The entity whose short keyword stands glued to noise in `host` (`bidvxz`, `vcb24h`).
    pub fn keyword_with_noise(&self, host: &str, normaliser: &Normaliser) -> Option<usize> {
        self.keywords.with_noise(host, normaliser, &self.noise)
    }

    /// True when `host` has words of banking (`nganhang`, `ebanking`).
    pub fn has_bank_words(&self, host: &str) -> bool {
        self.bank_automaton.is_match(host)
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
