//! Lookup tables for links: official registrable domains and their entities, the labels and
//! keywords a look-alike would imitate ([`lookalike`]), and the lists of risky extensions,
//! shorteners and blocked domains.

mod lookalike;

use aho_corasick::{AhoCorasick, MatchKind};
use canhgiac_catalogue::model::Catalogue;
use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

use crate::engine::normalise::Normaliser;

/// Keywords at least this long also count inside a part of a host (`myvietcombank`), not only as
/// a whole part: shorter ones (`vcb`, `mb`) would turn up inside unrelated words.
const KEYWORD_INSIDE_MIN: usize = 6;

pub(crate) struct Domains {
    /// Registrable domain (`vietcombank.com.vn`) → entity.
    official: FastMap<String, usize>,
    /// The name part of official domains (`vietcombank`) → entity, for look-alike comparison.
    official_labels: Vec<(String, usize)>,
    /// Positions in `official_labels` by label length in bytes, in catalogue order: a look-alike
    /// is at most two edits away, so only labels of about its length are compared.
    official_labels_by_len: Vec<Vec<usize>>,
    /// [`Domains::bigram_mask`] of each official label, to skip the ones too different to
    /// compare.
    official_label_bigrams: Vec<u64>,
    /// Words that betray a host posing as an entity (`vcb`, `vietcombank`).
    keywords: Vec<(String, usize)>,
    /// Keyword → its first position in `keywords`, for whole host parts.
    keyword_first: FastMap<String, usize>,
    /// The distinct keywords of at least [`KEYWORD_INSIDE_MIN`] bytes, found anywhere in a host in
    /// one pass; pattern `i` is the keyword at `long_keyword_first[i]` in `keywords`.
    long_keywords: AhoCorasick,
    long_keyword_first: Vec<usize>,
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
        let mut official_labels_by_len: Vec<Vec<usize>> = Vec::new();
        for (i, (label, _)) in official_labels.iter().enumerate() {
            if official_labels_by_len.len() <= label.len() {
                official_labels_by_len.resize_with(label.len() + 1, Vec::new);
            }
            official_labels_by_len[label.len()].push(i);
        }
        let official_label_bigrams = official_labels
            .iter()
            .map(|(label, _)| lookalike::bigram_mask(label.as_bytes()))
            .collect();
        let mut keyword_first = FastMap::default();
        let mut long_keyword_first = Vec::new();
        for (i, (keyword, _)) in keywords.iter().enumerate() {
            // A keyword listed twice (for two entities) answers for the first.
            if keyword_first.contains_key(keyword) {
                continue;
            }
            keyword_first.insert(keyword.clone(), i);
            if keyword.len() >= KEYWORD_INSIDE_MIN {
                long_keyword_first.push(i);
            }
        }
        let long_keywords = automaton(long_keyword_first.iter().map(|&i| keywords[i].0.as_str()));
        let links = &catalogue.links;
        let credential_words: Vec<String> = lower(&links.credential_words);
        Domains {
            official,
            official_labels,
            official_labels_by_len,
            official_label_bigrams,
            keywords,
            keyword_first,
            long_keywords,
            long_keyword_first,
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

    /// True when `text` (a host or a path) has words of a log-in page (`login`, `xacthuc`).
    pub fn has_credential_words(&self, text: &str) -> bool {
        self.credential_automaton.is_match(text)
    }
}

/// An automaton that reports every occurrence of every pattern (a few dozen short words).
fn automaton<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("a few dozen short words stay far below the automaton's size limits")
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
