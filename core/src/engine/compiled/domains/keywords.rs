//! Brand keywords (`vcb`, `vietcombank`) found in a host that is not the brand's: as a whole
//! part of the host, or, for long keywords, anywhere in it; and short keywords glued to noise
//! (`bidvxz`, `debidv`, `vnptdiem`, `acb24h`), see [`Noise`].

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::engine::normalise::Normaliser;

use super::noise::Noise;

/// Keywords at least this long also count inside a part of a host (`myvietcombank`), not only as
/// a whole part: shorter ones (`vcb`, `mb`) would turn up inside unrelated words.
const KEYWORD_INSIDE_MIN: usize = 6;

/// The brand keywords of every entity.
pub(super) struct Keywords {
    /// Keyword (folded like a host) → entity, in catalogue order.
    keywords: Vec<(String, usize)>,
    /// Keyword → its first position in `keywords`, for whole host parts.
    first: FxHashMap<String, usize>,
    /// The distinct keywords of at least [`KEYWORD_INSIDE_MIN`] bytes, found anywhere in a host in
    /// one pass; pattern `i` is the keyword at `long_first[i]` in `keywords`.
    long: AhoCorasick,
    long_first: Vec<usize>,
}

impl Keywords {
    pub fn new(keywords: Vec<(String, usize)>) -> Self {
        let mut first = FxHashMap::default();
        let mut long_first = Vec::new();
        for (i, (keyword, _)) in keywords.iter().enumerate() {
            // A keyword listed twice (for two entities) answers for the first.
            if first.contains_key(keyword) {
                continue;
            }
            first.insert(keyword.clone(), i);
            if keyword.len() >= KEYWORD_INSIDE_MIN {
                long_first.push(i);
            }
        }
        let long = automaton(long_first.iter().map(|&i| keywords[i].0.as_str()));
        Keywords {
            keywords,
            first,
            long,
            long_first,
        }
    }

    /// A brand keyword inside a host that is not the brand's: as a whole part of the host
    /// (`vcb-xacthuc.com`, `bidv.vn-secure.top`), as two parts split by a hyphen or a dot
    /// (`tp-bank`, `gov-vn`) or, for long keywords, anywhere in it. Of several, the first in
    /// catalogue order.
    pub fn find_in(&self, host: &str, normaliser: &Normaliser) -> Option<usize> {
        let folded = normaliser.normalise(host).text;
        let mut first = folded
            .split(' ')
            .filter_map(|part| self.first.get(part).copied())
            .min();
        let mut parts = folded.split(' ');
        let mut previous = parts.next().unwrap_or_default();
        let mut pair = String::new();
        for part in parts {
            pair.clear();
            pair.push_str(previous);
            pair.push_str(part);
            if let Some(&at) = self.first.get(pair.as_str()) {
                first = Some(first.map_or(at, |f| f.min(at)));
            }
            previous = part;
        }
        // Copied only when the host had parts to join (most hosts fold to one word).
        let joined = if folded.contains(' ') {
            folded.replace(' ', "")
        } else {
            folded
        };
        for found in self.long.find_overlapping_iter(joined.as_str()) {
            let at = self.long_first[found.pattern().as_usize()];
            first = Some(first.map_or(at, |f| f.min(at)));
        }
        first.map(|at| self.keywords[at].1)
    }
}

impl Keywords {
    /// The entity one of whose keywords is the whole of `label` (folded like a host).
    pub fn exact(&self, label: &str) -> Option<usize> {
        self.first.get(label).map(|&at| self.keywords[at].1)
    }

    /// A keyword shorter than [`KEYWORD_INSIDE_MIN`] at the start or the end of a part of
    /// `host`, the rest of the part being noise (`bidvxz`, `vnptdiem`, `de-bidv` is a whole part
    /// and not this). Of several, the first in catalogue order.
    pub fn with_noise(&self, host: &str, normaliser: &Normaliser, noise: &Noise) -> Option<usize> {
        let folded = normaliser.normalise(host).text;
        let mut first: Option<usize> = None;
        for part in folded.split(' ') {
            let top = part.len().min(KEYWORD_INSIDE_MIN);
            for len in MIN_NOISY_KEYWORD..top {
                if !part.is_char_boundary(len) || !part.is_char_boundary(part.len() - len) {
                    continue;
                }
                let (head, tail) = part.split_at(len);
                let (lead, end) = part.split_at(part.len() - len);
                for (keyword, rest) in [(head, tail), (end, lead)] {
                    if let Some(&at) = self.first.get(keyword) {
                        if noise.is_noise(rest, len > MIN_NOISY_KEYWORD) {
                            first = Some(first.map_or(at, |f| f.min(at)));
                        }
                    }
                }
            }
        }
        first.map(|at| self.keywords[at].1)
    }
}

/// Keywords shorter than this (`mb`) are not looked for glued to noise: two letters and a few
/// more make too many ordinary names.
const MIN_NOISY_KEYWORD: usize = 3;

/// An automaton that reports every occurrence of every pattern (a few dozen short words).
pub(super) fn automaton<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("a few dozen short words stay far below the automaton's size limits")
}
