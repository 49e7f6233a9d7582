//! Sets of signals: which signals fired in a message, and which signals a combo part or a tag
//! stands for. A single set is bits, so "did any of these fire" is a few word-wide ANDs. The combo
//! parts are kept the other way round, each signal listing the parts it belongs to, so that a
//! message marks the parts its few fired signals meet, and counts them per combo, instead of
//! testing every part.

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
/// is cheaper than testing every set of every combo against everything that fired. Each set
/// belongs to a group (its combo), and a message counts the sets met in each group.
#[derive(Debug, Clone)]
pub(crate) struct SignalSets {
    containing: Vec<Vec<u32>>,
    /// The group of each set.
    group_of: Vec<u32>,
    groups: usize,
}

/// Which sets of a [`SignalSets`] the signals fired so far meet, and how many in each group.
#[derive(Debug, Clone)]
pub(crate) struct SetsMet {
    met: SignalSet,
    in_group: Vec<u8>,
}

impl SignalSets {
    /// No sets yet; each will hold signals `0..signals`.
    pub fn new(signals: usize) -> Self {
        SignalSets {
            containing: vec![Vec::new(); signals],
            group_of: Vec::new(),
            groups: 0,
        }
    }

    /// Adds `set` (of the same capacity) to `group` and returns its number. Groups are numbered
    /// from 0 in the order they first appear.
    pub fn push(&mut self, set: &SignalSet, group: usize) -> usize {
        debug_assert_eq!(set.words.len(), self.containing.len().div_ceil(64));
        let number = self.group_of.len();
        for (signal, sets) in self.containing.iter_mut().enumerate() {
            if set.contains(signal) {
                sets.push(number as u32);
            }
        }
        self.group_of.push(group as u32);
        self.groups = self.groups.max(group + 1);
        number
    }

    /// Nothing met yet.
    pub fn none_met(&self) -> SetsMet {
        SetsMet {
            met: SignalSet::empty(self.group_of.len()),
            in_group: vec![0; self.groups],
        }
    }

    /// Records that `signal` fired: every set holding it is met, and counted once in its group.
    pub fn fire(&self, signal: usize, met: &mut SetsMet) {
        for &set in self.containing.get(signal).into_iter().flatten() {
            let set = set as usize;
            // Counted without a branch: whether a set was met before is anyone's guess.
            let new = u8::from(!met.met.contains(set));
            met.met.insert(set);
            let count = &mut met.in_group[self.group_of[set] as usize];
            *count = count.saturating_add(new);
        }
    }
}

impl SetsMet {
    /// True when a signal of set `number` fired.
    #[cfg(test)]
    pub fn contains(&self, number: usize) -> bool {
        self.met.contains(number)
    }

    /// How many sets of `group` are met.
    pub fn in_group(&self, group: usize) -> usize {
        usize::from(self.in_group[group])
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
        let a = sets.push(&SignalSet::of(130, [1]), 0);
        let b = sets.push(&SignalSet::of(130, [129, 5]), 0);
        let c = sets.push(&SignalSet::of(130, [129]), 1);
        let mut met = sets.none_met();
        assert!(![a, b, c].iter().any(|&s| met.contains(s)));
        assert_eq!((met.in_group(0), met.in_group(1)), (0, 0));
        sets.fire(129, &mut met);
        assert!(!met.contains(a) && met.contains(b) && met.contains(c));
        assert_eq!((met.in_group(0), met.in_group(1)), (1, 1));
        // A signal already counted, and another of a set already met, count nothing new.
        sets.fire(129, &mut met);
        sets.fire(5, &mut met);
        assert_eq!((met.in_group(0), met.in_group(1)), (1, 1));
        sets.fire(1, &mut met);
        assert!(met.contains(a));
        assert_eq!(met.in_group(0), 2);
    }
}
