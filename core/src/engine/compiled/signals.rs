//! The catalogue's signals as the detectors and the scorer read them: each signal's weight and
//! category side by side (a check reads a few per message, and each would otherwise bring a whole
//! catalogue record into the cache), which phrases a negation cancels, and the combos with the
//! signal sets their parts name.

use canhgiac_catalogue::codes::Fact;
use canhgiac_catalogue::model::{Catalogue, SignalKind};

use super::refs::{malformed, CategoryIds};
use super::signal_set::{SetsMet, SignalSet, SignalSets};
use crate::error::CoreError;

/// Every signal of the catalogue, by index.
pub(crate) struct Signals {
    weight: Vec<f32>,
    category: Vec<Option<usize>>,
    /// Phrase signals that a preceding negation cancels (all but the genuine-message ones).
    negatable: Vec<bool>,
    /// The combo signals, in catalogue order (a combo can be a part of a later one).
    combos: Vec<Combo>,
    /// The signal sets the combos' parts name, grouped by combo (group `c` is `combos[c]`).
    combo_sets: SignalSets,
}

/// A combo signal: it fires when a signal of each of its `sets` parts fired (counted in
/// `combo_sets`) and the detectors established every fact of `facts`.
struct Combo {
    signal: usize,
    /// How many of its parts are signal sets.
    sets: u8,
    /// Its facts, as [`Fact::bit`]s.
    facts: u8,
}

impl Signals {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Result<Self, CoreError> {
        let signals = &catalogue.signals;
        let mut combos = Vec::new();
        let mut combo_set_parts = Vec::new();
        for (i, signal) in signals.iter().enumerate() {
            if signal.kind != SignalKind::Combo {
                continue;
            }
            let mut combo = Combo {
                signal: i,
                sets: 0,
                facts: 0,
            };
            for part in &signal.all_of {
                let members = match (
                    Fact::parse(part),
                    signals.iter().position(|s| &s.id == part),
                ) {
                    (Some(fact), _) => {
                        combo.facts |= fact.bit();
                        continue;
                    }
                    (None, Some(j)) => SignalSet::of(signals.len(), [j]),
                    (None, None) => tagged(catalogue, part),
                };
                if members.is_empty() {
                    return Err(malformed("a combo names an unknown part"));
                }
                combo_set_parts.push((members, combos.len()));
                combo.sets = combo
                    .sets
                    .checked_add(1)
                    .ok_or_else(|| malformed("a combo has too many parts"))?;
            }
            combos.push(combo);
        }
        Ok(Signals {
            weight: signals.iter().map(|s| s.weight).collect(),
            category: signals.iter().map(|s| categories.of(&s.category)).collect(),
            negatable: signals
                .iter()
                .map(|s| s.kind == SignalKind::Phrase && s.weight >= 0.0)
                .collect(),
            combo_sets: SignalSets::new(signals.len(), combos.len(), &combo_set_parts),
            combos,
        })
    }

    /// How many signals the catalogue has.
    pub fn len(&self) -> usize {
        self.weight.len()
    }

    pub fn weight(&self, signal: usize) -> f32 {
        self.weight[signal]
    }

    pub fn category(&self, signal: usize) -> Option<usize> {
        self.category[signal]
    }

    /// True when a negation before the phrase cancels it.
    pub fn negatable(&self, signal: usize) -> bool {
        self.negatable[signal]
    }

    /// Marks in `met` the combo parts that the `fired` signals meet (`met` is written over:
    /// its memory is reused).
    pub fn meet_parts(&self, fired: impl IntoIterator<Item = usize>, met: &mut SetsMet) {
        self.combo_sets.reset(met);
        for signal in fired {
            self.combo_sets.fire(signal, met);
        }
    }

    /// Fires the combos whose parts are all met and whose facts (bits of [`Fact`]) all hold:
    /// `fire(combo)` records one and says whether it is new. A combo can be a part of a later
    /// one, so each new combo counts towards the rest.
    pub fn fire_combos(&self, facts: u8, met: &mut SetsMet, mut fire: impl FnMut(usize) -> bool) {
        for (c, combo) in self.combos.iter().enumerate() {
            // Every part met: counted, not tested part by part (`&`, not `&&`: no branch to
            // mispredict on each of a hundred combos).
            let holds = (met.in_group(c) == usize::from(combo.sets)) & (combo.facts & !facts == 0);
            if holds && fire(combo.signal) {
                self.combo_sets.fire(combo.signal, met);
            }
        }
    }
}

/// The signals tagged `tag`, as a set.
pub(crate) fn tagged(catalogue: &Catalogue, tag: &str) -> SignalSet {
    let signals = &catalogue.signals;
    SignalSet::of(
        signals.len(),
        (0..signals.len()).filter(|&i| signals[i].tags.iter().any(|t| t == tag)),
    )
}
