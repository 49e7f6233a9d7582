//! Sets of signals: which signals fired in a message, and which signals a combo part or a tag
//! stands for. A single set is bits, so "did any of these fire" is a few word-wide ANDs. The combo
//! parts are kept the other way round, each signal listing the parts it belongs to, so that a
//! message marks the parts its few fired signals meet instead of testing every part.

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

/// Many signal sets (the parts of every combo), kept the other way round: for each signal, the
/// sets it belongs to. A message fires a handful of signals, so marking the sets each one meets
/// is cheaper than testing every set of every combo against everything that fired.
#[derive(Debug, Clone)]
pub(crate) struct SignalSets {
    sets: usize,
    containing: Vec<Vec<u32>>,
}

/// Which sets of a [`SignalSets`] the signals fired so far meet.
#[derive(Debug, Clone)]
pub(crate) struct SetsMet {
    met: SignalSet,
}

impl SignalSets {
    /// No sets yet; each will hold signals `0..signals`.
    pub fn new(signals: usize) -> Self {
        SignalSets {
            sets: 0,
            containing: vec![Vec::new(); signals],
        }
    }

    /// Adds `set` (of the same capacity) and returns its number.
    pub fn push(&mut self, set: &SignalSet) -> usize {
        debug_assert_eq!(set.words.len(), self.containing.len().div_ceil(64));
        let number = self.sets;
        for (signal, sets) in self.containing.iter_mut().enumerate() {
            if set.contains(signal) {
                sets.push(number as u32);
            }
        }
        self.sets += 1;
        number
    }

    /// Nothing met yet.
    pub fn none_met(&self) -> SetsMet {
        SetsMet {
            met: SignalSet::empty(self.sets),
        }
    }

    /// Records that `signal` fired: every set holding it is met.
    pub fn fire(&self, signal: usize, met: &mut SetsMet) {
        if let Some(sets) = self.containing.get(signal) {
            sets.iter().for_each(|&set| met.met.insert(set as usize));
        }
    }
}

impl SetsMet {
    /// True when a signal of set `number` fired.
    pub fn contains(&self, number: usize) -> bool {
        self.met.contains(number)
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
    fn sets_met_by_what_fired() {
        let mut sets = SignalSets::new(130);
        let a = sets.push(&SignalSet::of(130, [1]));
        let b = sets.push(&SignalSet::of(130, [129, 5]));
        let c = sets.push(&SignalSet::of(130, [129]));
        let mut met = sets.none_met();
        assert!(![a, b, c].iter().any(|&s| met.contains(s)));
        sets.fire(129, &mut met);
        assert!(!met.contains(a) && met.contains(b) && met.contains(c));
        sets.fire(1, &mut met);
        assert!(met.contains(a));
    }
}
