//! Lookup tables for links: official registrable domains and their entities, the labels and
//! keywords a look-alike would imitate, and the lists of risky extensions, shorteners and blocked
//! domains.

use aho_corasick::{AhoCorasick, MatchKind};
use canhgiac_catalogue::model::Catalogue;

use super::fast_hash::{FastMap, FastSet};
use crate::normalise::Normaliser;

/// Keywords at least this long also count inside a part of a host (`myvietcombank`), not only as
/// a whole part: shorter ones (`vcb`, `mb`) would turn up inside unrelated words.
pub(crate) const KEYWORD_INSIDE_MIN: usize = 6;

pub(crate) struct DomainIndex {
    /// Registrable domain (`vietcombank.com.vn`) → entity.
    pub official: FastMap<String, usize>,
    /// The name part of official domains (`vietcombank`) → entity, for look-alike comparison.
    pub official_labels: Vec<(String, usize)>,
    /// Positions in `official_labels` by label length in bytes, in catalogue order: a look-alike
    /// is at most two edits away, so only labels of about its length are compared.
    pub official_labels_by_len: Vec<Vec<usize>>,
    /// [`DomainIndex::bigram_mask`] of each official label, to skip the ones too different to
    /// compare.
    pub official_label_bigrams: Vec<u64>,
    /// Words that betray a host posing as an entity (`vcb`, `vietcombank`).
    pub keywords: Vec<(String, usize)>,
    /// Keyword → its first position in `keywords`, for whole host parts.
    pub keyword_first: FastMap<String, usize>,
    /// The distinct keywords of at least [`KEYWORD_INSIDE_MIN`] bytes, found anywhere in a host in
    /// one pass; pattern `i` is the keyword at `long_keyword_first[i]` in `keywords`.
    pub long_keywords: AhoCorasick,
    pub long_keyword_first: Vec<usize>,
    pub official_suffixes: Vec<String>,
    /// Registrable domains of platforms where anyone publishes (Zalo, Facebook).
    pub user_content: FastSet<String>,
    pub blocked: FastSet<String>,
    pub risky_tlds: FastSet<String>,
    pub shorteners: FastSet<String>,
    /// The credential words (`login`, `xacthuc`) in one automaton: a host and a path are each
    /// read once.
    pub credential_automaton: AhoCorasick,
}

impl DomainIndex {
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
            .map(|(label, _)| DomainIndex::bigram_mask(label.as_bytes()))
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
        DomainIndex {
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

/// An automaton that reports every occurrence of every pattern (a few dozen short words).
fn automaton<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("a few dozen short words stay far below the automaton's size limits")
}

impl DomainIndex {
    /// The pairs of adjacent bytes in `text`, each hashed to one of 64 bits.
    ///
    /// One edit changes at most two pairs of a word, so a word within `k` edits of an official
    /// label keeps all but at most `2k` of the label's distinct pairs, and so all but `2k` of its
    /// bits: [`DomainIndex::may_be_within`] is false only for words further away.
    pub fn bigram_mask(text: &[u8]) -> u64 {
        text.windows(2).fold(0, |mask, pair| {
            let hash = (u32::from(pair[0]) * 31 + u32::from(pair[1])).wrapping_mul(0x9E37_79B9);
            mask | 1 << (hash >> 26)
        })
    }

    /// False when a word with [`DomainIndex::bigram_mask`] `word` cannot be within `edits` edits
    /// of official label `i`: it lacks more than `2 * edits` of the label's bits.
    pub fn may_be_within(&self, word: u64, i: usize, edits: usize) -> bool {
        Self::masks_may_be_within(word, self.official_label_bigrams[i], edits)
    }

    /// [`DomainIndex::may_be_within`] on two masks.
    pub fn masks_may_be_within(word: u64, official: u64, edits: usize) -> bool {
        (official & !word).count_ones() as usize <= 2 * edits
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
