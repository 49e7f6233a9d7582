//! Sets of signals as bits: which signals fired in a message, and which signals a combo part or
//! a tag stands for. Testing "did any of these fire" is a few word-wide ANDs over memory that
//! sits together, where lists of indices meant following a pointer per part.

/// A set of signal indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignalSet {
    words: Box<[u64]>,
}

impl SignalSet {
    /// An empty set able to hold signals `0..signals`.
    pub fn empty(signals: usize) -> Self {
        SignalSet {
            words: vec![0; signals.div_ceil(64)].into_boxed_slice(),
        }
    }

    /// The set of `members`, able to hold signals `0..signals`.
    pub fn of(signals: usize, members: impl IntoIterator<Item = usize>) -> Self {
        let mut set = Self::empty(signals);
        members.into_iter().for_each(|m| set.insert(m));
        set
    }

    pub fn insert(&mut self, signal: usize) {
        self.words[signal / 64] |= 1 << (signal % 64);
    }

    pub fn contains(&self, signal: usize) -> bool {
        self.words[signal / 64] & (1 << (signal % 64)) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// True when the two sets share a signal.
    pub fn meets(&self, other: &SignalSet) -> bool {
        share(&self.words, &other.words)
    }
}

/// Many signal sets of one capacity, one after the other in memory: the parts of every combo,
/// read in turn on every check.
#[derive(Debug, Clone)]
pub(crate) struct SignalSets {
    words_per_set: usize,
    words: Vec<u64>,
}

impl SignalSets {
    /// No sets yet; each will hold signals `0..signals`.
    pub fn new(signals: usize) -> Self {
        SignalSets {
            words_per_set: signals.div_ceil(64),
            words: Vec::new(),
        }
    }

    /// Adds `set` (of the same capacity) and returns its number.
    pub fn push(&mut self, set: &SignalSet) -> usize {
        debug_assert_eq!(set.words.len(), self.words_per_set);
        self.words.extend_from_slice(&set.words);
        self.words.len() / self.words_per_set.max(1) - 1
    }

    /// True when set `number` shares a signal with `other`.
    pub fn meets(&self, number: usize, other: &SignalSet) -> bool {
        let start = number * self.words_per_set;
        share(&self.words[start..start + self.words_per_set], &other.words)
    }
}

/// True when two sets, as words of bits, have a bit in common.
fn share(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(a, b)| a & b != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_across_words() {
        let set = SignalSet::of(200, [0, 63, 64, 199]);
        assert!([0, 63, 64, 199].iter().all(|&s| set.contains(s)));
        assert!(!set.contains(1) && !set.contains(65) && !set.contains(198));
        assert!(set.meets(&SignalSet::of(200, [199])));
        assert!(!set.meets(&SignalSet::of(200, [1, 100])));
        assert!(SignalSet::empty(200).is_empty() && !set.is_empty());
    }

    #[test]
    fn sets_side_by_side() {
        let mut sets = SignalSets::new(130);
        let a = sets.push(&SignalSet::of(130, [1]));
        let b = sets.push(&SignalSet::of(130, [129]));
        let fired = SignalSet::of(130, [129]);
        assert!(!sets.meets(a, &fired) && sets.meets(b, &fired));
    }
}
