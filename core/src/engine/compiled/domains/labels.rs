//! The names of official domains (`vietcombank` of `vietcombank.com.vn`) and which of them a
//! host's name imitates: equal after folding look-alike letters and leetspeak, or within a few
//! edits.

use std::borrow::Cow;

/// The official names, with what makes comparing a host's name with them cheap.
pub(super) struct OfficialLabels {
    /// Name → entity, in catalogue order.
    labels: Vec<(String, usize)>,
    /// Positions in `labels` by length in bytes: a look-alike is at most two edits away, so only
    /// names of about its length are compared.
    by_len: Vec<Vec<usize>>,
    /// [`bigram_mask`] of each name, to skip the ones too different to compare.
    bigrams: Vec<u64>,
}

impl OfficialLabels {
    pub fn new(labels: Vec<(String, usize)>) -> Self {
        let mut by_len: Vec<Vec<usize>> = Vec::new();
        for (i, (label, _)) in labels.iter().enumerate() {
            if by_len.len() <= label.len() {
                by_len.resize_with(label.len() + 1, Vec::new);
            }
            by_len[label.len()].push(i);
        }
        let bigrams = labels
            .iter()
            .map(|(label, _)| bigram_mask(label.as_bytes()))
            .collect();
        OfficialLabels {
            labels,
            by_len,
            bigrams,
        }
    }

    /// The entity whose official name `label` imitates: equal to it after folding look-alikes
    /// and leetspeak (but on another domain), or within `max` edits of a name at least 5 letters
    /// long. Of equally close names, the first in catalogue order.
    pub fn closest(&self, label: &str, max: usize) -> Option<usize> {
        let label: Cow<str> = if label.contains("rn") || label.contains("vv") {
            Cow::Owned(label.replace("rn", "m").replace("vv", "w"))
        } else {
            Cow::Borrowed(label)
        };
        let bigrams = bigram_mask(label.as_bytes());
        // (distance, position in the catalogue, entity)
        let mut best: Option<(usize, usize, usize)> = None;
        let lengths = label.len().saturating_sub(max)..=label.len() + max;
        for &i in lengths.filter_map(|len| self.by_len.get(len)).flatten() {
            let (official, entity) = &self.labels[i];
            let allowed = match official.len() {
                0..=4 => 0,
                5..=7 => max.min(1),
                _ => max,
            };
            if label.len().abs_diff(official.len()) > allowed
                || !masks_may_be_within(bigrams, self.bigrams[i], allowed)
            {
                continue;
            }
            let distance = strsim::levenshtein(&label, official);
            if distance <= allowed && best.is_none_or(|(d, at, _)| (distance, i) < (d, at)) {
                best = Some((distance, i, *entity));
            }
        }
        best.map(|(_, _, entity)| entity)
    }
}

/// The pairs of adjacent bytes in `text`, each hashed to one of 64 bits.
///
/// One edit changes at most two pairs of a word, so a word within `k` edits of an official label
/// keeps all but at most `2k` of the label's distinct pairs, and so all but `2k` of its bits:
/// [`masks_may_be_within`] is false only for words further away, and spares most labels the
/// edit distance.
pub(super) fn bigram_mask(text: &[u8]) -> u64 {
    text.windows(2).fold(0, |mask, pair| {
        let hash = (u32::from(pair[0]) * 31 + u32::from(pair[1])).wrapping_mul(0x9E37_79B9);
        mask | 1 << (hash >> 26)
    })
}

/// False when a word with [`bigram_mask`] `word` cannot be within `edits` edits of a label
/// with mask `official`: it lacks more than `2 * edits` of the label's bits.
fn masks_may_be_within(word: u64, official: u64, edits: usize) -> bool {
    (official & !word).count_ones() as usize <= 2 * edits
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn bigram_filter_keeps_every_close_label(
            a in "[abmnrvw]{0,12}",
            b in "[abmnrvw]{0,12}",
            edits in 0usize..4,
        ) {
            if strsim::levenshtein(&a, &b) <= edits {
                let (word, official) = (bigram_mask(a.as_bytes()), bigram_mask(b.as_bytes()));
                proptest::prop_assert!(masks_may_be_within(word, official, edits));
            }
        }
    }
}
