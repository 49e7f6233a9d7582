//! The signals that fired in a message, each with the first span that fired it.

use crate::engine::compiled::SignalSet;

/// Signals fired so far, with the span of the normalised text that first fired each (empty for
/// combos, and for patterns no reason quotes).
#[derive(Default)]
pub(crate) struct Fired {
    set: SignalSet,
    spans: Vec<(usize, (usize, usize))>,
}

impl Fired {
    /// None fired yet, of signals `0..signals`.
    pub fn reset(&mut self, signals: usize) {
        self.set.reset(signals);
        self.spans.clear();
    }

    /// Records `signal`, unless it fired before: the first span stands for the rest. True when
    /// it is new.
    pub fn add(&mut self, signal: usize, span: (usize, usize)) -> bool {
        let new = !self.set.contains(signal);
        if new {
            self.set.insert(signal);
            self.spans.push((signal, span));
        }
        new
    }

    /// The signals fired, as a set.
    pub fn set(&self) -> &SignalSet {
        &self.set
    }

    /// The signals fired, in the order they fired.
    pub fn signals(&self) -> impl Iterator<Item = usize> + '_ {
        self.spans.iter().map(|&(signal, _)| signal)
    }

    /// Each signal with its span, in catalogue order.
    pub fn in_catalogue_order(&mut self) -> &[(usize, (usize, usize))] {
        self.spans.sort_unstable_by_key(|&(i, _)| i);
        &self.spans
    }
}
