//! Sets of signals: which signals fired in a message, and which signals a combo part or a tag
//! stands for. A single set is bits, so "did any of these fire" is a few word-wide ANDs. The combo
//! parts are kept the other way round, each signal listing the parts it belongs to, so that a
//! message marks the parts its few fired signals meet, and counts them per combo, instead of
//! testing every part.

/// A set of signal indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

    /// Empties the set and makes it able to hold signals `0..signals`, in the memory it had
    /// when that is the right size (a check reuses its sets from one message to the next).
    pub fn reset(&mut self, signals: usize) {
        if self.words.len() == signals.div_ceil(64) {
            self.words.fill(0);
        } else {
            *self = Self::empty(signals);
        }
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
    /// Signal `s` belongs to the sets `containing[first[s]..first[s + 1]]`, each with its group:
    /// one block of memory, read without following a pointer per signal.
    first: Vec<u32>,
    containing: Vec<(u32, u32)>,
    sets: usize,
    groups: usize,
}

/// Which sets of a [`SignalSets`] the signals fired so far meet, and how many in each group.
#[derive(Debug, Clone, Default)]
pub(crate) struct SetsMet {
    met: SignalSet,
    in_group: Vec<u8>,
}

impl SignalSets {
    /// The sets `parts` (each of signals `0..signals`, with its group below `groups`), numbered
    /// in order. A group may have no set at all (a combo of facts only): it counts none.
    pub fn new(signals: usize, groups: usize, parts: &[(SignalSet, usize)]) -> Self {
        let mut first = Vec::with_capacity(signals + 1);
        let mut containing = Vec::new();
        for signal in 0..signals {
            first.push(containing.len() as u32);
            for (number, (set, group)) in parts.iter().enumerate() {
                debug_assert_eq!(set.words.len(), signals.div_ceil(64));
                debug_assert!(*group < groups);
                if set.contains(signal) {
                    containing.push((number as u32, *group as u32));
                }
            }
        }
        first.push(containing.len() as u32);
        SignalSets {
            first,
            containing,
            sets: parts.len(),
            groups,
        }
    }

    /// Nothing met yet.
    #[cfg(test)]
    pub fn none_met(&self) -> SetsMet {
        let mut met = SetsMet::default();
        self.reset(&mut met);
        met
    }

    /// `met` back to nothing met, for these sets, in the memory it had.
    pub fn reset(&self, met: &mut SetsMet) {
        met.met.reset(self.sets);
        met.in_group.clear();
        met.in_group.resize(self.groups, 0);
    }

    /// Records that `signal` fired: every set holding it is met, and counted once in its group.
    pub fn fire(&self, signal: usize, met: &mut SetsMet) {
        let (Some(&from), Some(&to)) = (self.first.get(signal), self.first.get(signal + 1)) else {
            return;
        };
        for &(set, group) in &self.containing[from as usize..to as usize] {
            let set = set as usize;
            // Counted without a branch: whether a set was met before is anyone's guess.
            let new = u8::from(!met.met.contains(set));
            met.met.insert(set);
            let count = &mut met.in_group[group as usize];
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
        // Group 2 has no set (a combo of facts only) and counts none.
        let sets = SignalSets::new(
            130,
            3,
            &[
                (SignalSet::of(130, [1]), 0),
                (SignalSet::of(130, [129, 5]), 0),
                (SignalSet::of(130, [129]), 1),
            ],
        );
        let (a, b, c) = (0, 1, 2);
        let mut met = sets.none_met();
        assert!(![a, b, c].iter().any(|&s| met.contains(s)));
        assert_eq!(
            (met.in_group(0), met.in_group(1), met.in_group(2)),
            (0, 0, 0)
        );
        sets.fire(129, &mut met);
        assert!(!met.contains(a) && met.contains(b) && met.contains(c));
        assert_eq!((met.in_group(0), met.in_group(1)), (1, 1));
        // A signal already counted, and another of a set already met, count nothing new.
        sets.fire(129, &mut met);
        sets.fire(5, &mut met);
        assert_eq!((met.in_group(0), met.in_group(1)), (1, 1));
        sets.fire(1, &mut met);
        assert!(met.contains(a));
        assert_eq!((met.in_group(0), met.in_group(2)), (2, 0));
        // Reset for the next message: nothing met, every count back to zero.
        sets.reset(&mut met);
        assert!(![a, b, c].iter().any(|&s| met.contains(s)));
        assert_eq!((met.in_group(0), met.in_group(1)), (0, 0));
    }

    #[test]
    fn reset_empties_and_resizes() {
        let mut set = SignalSet::of(130, [0, 129]);
        set.reset(130);
        assert!(set.is_empty());
        // Sized for another catalogue, from one with fewer signals: every signal fits.
        set.reset(300);
        set.insert(299);
        assert!(set.contains(299) && !set.contains(129));
        set.reset(10);
        assert!(set.is_empty());
        assert_eq!(set, SignalSet::empty(10));
    }
}
