//! The catalogue compiled for speed: one trie over every phrase and alias, ASCII regexes,
//! resolved combos, and lookup tables for numbers and domains. Built once per bundle load.

mod domains;
mod explanations;
pub(crate) mod fast_hash;
mod numbers;
mod patterns;
mod signal_set;
mod text;

use canhgiac_catalogue::model::{Catalogue, SignalKind};
use canhgiac_catalogue::pattern::compile_ascii_regex;

use crate::error::CoreError;
use crate::normalise::Normaliser;

pub(crate) use domains::{name_label as name_label_of, DomainIndex};
pub(crate) use explanations::{Explanations, RuleFacts};
use fast_hash::FastSet;
pub(crate) use numbers::NumberIndex;
pub(crate) use patterns::MatchedPatterns;
use patterns::{Pattern, Patterns};
pub(crate) use signal_set::{SetsMet, SignalSet, SignalSets};
pub(crate) use text::{Match, Matches, Target, TextMatcher};

/// Tags the sender rules read: a signal tagged `institutional` means the message speaks as an
/// organisation ("Quý khách", "Kính gửi"); `advert` means it advertises.
pub(crate) const TAG_INSTITUTIONAL: &str = "institutional";
pub(crate) const TAG_ADVERT: &str = "advert";

/// Everything the detectors look up, derived from one catalogue.
pub(crate) struct Index {
    pub normaliser: Normaliser,
    pub text: TextMatcher,
    pub patterns: Patterns,
    /// The combo signals, in catalogue order (a combo can be a part of a later one).
    pub combos: Vec<Combo>,
    /// The signal sets the combos' parts name, grouped by combo (group `c` is `combos[c]`).
    pub combo_sets: SignalSets,
    pub signal_category: Vec<Option<usize>>,
    /// Each signal's weight, side by side: the scorer reads a few per message, and each would
    /// otherwise bring a whole catalogue signal into the cache.
    pub signal_weight: Vec<f32>,
    pub entity_category: Vec<Option<usize>>,
    /// Entities that speak for the state (`scoring.authority_kinds`).
    pub entity_is_authority: Vec<bool>,
    /// Entities that write only under their brandname (`scoring.brandname_only_kinds`).
    pub entity_brandname_only: Vec<bool>,
    /// Phrase signals that a preceding negation cancels (all but the genuine-message ones).
    pub negatable: Vec<bool>,
    /// How many words before a phrase a negation reaches (the words are classified by `text`).
    pub negation_window: usize,
    pub institutional: SignalSet,
    /// Lower-case advert labels (`[qc]`).
    pub advert_labels: Vec<String>,
    pub advert: SignalSet,
    pub numbers: NumberIndex,
    pub domains: DomainIndex,
    /// Blocked bank accounts, digits only (looked up for every candidate in every message).
    pub accounts: FastSet<String>,
    /// What the verdicts say, shared rather than copied.
    pub explanations: Explanations,
}

impl Index {
    pub fn build(catalogue: &Catalogue) -> Result<Self, CoreError> {
        Self::build_with(catalogue, Normaliser::new(&catalogue.normalisation))
    }

    pub fn build_with(catalogue: &Catalogue, normaliser: Normaliser) -> Result<Self, CoreError> {
        let category_of = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| catalogue.categories.iter().position(|c| &c.id == id))
        };
        let signals = &catalogue.signals;
        let with_tag = |tag: &str| -> Vec<usize> {
            (0..signals.len())
                .filter(|&i| signals[i].tags.iter().any(|t| t == tag))
                .collect()
        };

        let mut regexes = Vec::new();
        let mut combos = Vec::new();
        let mut combo_set_parts = Vec::new();
        for (i, signal) in signals.iter().enumerate() {
            match signal.kind {
                SignalKind::Regex => {
                    let pattern = signal.pattern.as_deref().unwrap_or_default();
                    let regex = compile_ascii_regex(pattern)
                        .map_err(|_| malformed("a signal pattern does not compile"))?;
                    regexes.push(Pattern {
                        signal: i,
                        regex,
                        quoted: crate::score::shown(signal.weight),
                    });
                }
                SignalKind::Combo => {
                    let mut combo = Combo {
                        signal: i,
                        sets: 0,
                        facts: 0,
                    };
                    for part in &signal.all_of {
                        let members = match (
                            Fact::named(part),
                            signals.iter().position(|s| &s.id == part),
                        ) {
                            (Some(fact), _) => {
                                combo.facts |= fact.bit();
                                continue;
                            }
                            (None, Some(j)) => SignalSet::of(signals.len(), [j]),
                            (None, None) => SignalSet::of(signals.len(), with_tag(part)),
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
                SignalKind::Phrase => {}
            }
        }

        let accounts = catalogue
            .blocklist
            .accounts
            .iter()
            .map(|a| a.value.chars().filter(char::is_ascii_digit).collect())
            .collect();

        let combo_sets = SignalSets::new(signals.len(), combos.len(), &combo_set_parts);
        Ok(Index {
            text: TextMatcher::build(
                catalogue,
                &normaliser,
                &words(&normaliser, &catalogue.normalisation.negations),
                &words(&normaliser, &catalogue.normalisation.negation_exceptions),
            )?,
            patterns: Patterns::build(regexes)?,
            combos,
            combo_sets,
            signal_category: signals.iter().map(|s| category_of(&s.category)).collect(),
            signal_weight: signals.iter().map(|s| s.weight).collect(),
            entity_category: catalogue
                .entities
                .iter()
                .map(|e| category_of(&e.category))
                .collect(),
            negatable: signals
                .iter()
                .map(|s| s.kind == SignalKind::Phrase && s.weight >= 0.0)
                .collect(),
            negation_window: usize::from(catalogue.normalisation.negation_window),
            entity_brandname_only: catalogue
                .entities
                .iter()
                .map(|e| catalogue.scoring.brandname_only_kinds.contains(&e.kind))
                .collect(),
            entity_is_authority: catalogue
                .entities
                .iter()
                .map(|e| catalogue.scoring.authority_kinds.contains(&e.kind))
                .collect(),
            institutional: SignalSet::of(signals.len(), with_tag(TAG_INSTITUTIONAL)),
            advert_labels: catalogue
                .senders
                .advert_labels
                .iter()
                .map(|l| l.to_lowercase())
                .collect(),
            advert: SignalSet::of(signals.len(), with_tag(TAG_ADVERT)),
            numbers: NumberIndex::build(catalogue, category_of),
            domains: DomainIndex::build(catalogue, &normaliser),
            accounts,
            explanations: Explanations::build(catalogue, category_of),
            normaliser,
        })
    }
}

/// A combo signal: it fires when a signal of each of its `sets` parts fired (counted in
/// `combo_sets`) and the detectors established every fact of `facts`.
pub(crate) struct Combo {
    pub signal: usize,
    /// How many of its parts are signal sets.
    pub sets: u8,
    /// Its facts, as [`Fact::bit`]s.
    pub facts: u8,
}

/// What the detectors know about a message besides its words (see `COMBO_FACTS`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    Link,
    PhoneNumber,
    PersonalSender,
    Entity,
    Authority,
    ForeignNumber,
}

impl Fact {
    /// The fact's bit in a [`Combo`]'s facts.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    fn named(name: &str) -> Option<Fact> {
        match name {
            "fact.link" => Some(Fact::Link),
            "fact.phone_number" => Some(Fact::PhoneNumber),
            "fact.personal_sender" => Some(Fact::PersonalSender),
            "fact.entity" => Some(Fact::Entity),
            "fact.authority" => Some(Fact::Authority),
            "fact.foreign_number" => Some(Fact::ForeignNumber),
            _ => None,
        }
    }
}

/// Single normalised words (`không` → `khong`).
fn words(normaliser: &Normaliser, items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|w| normaliser.normalise(w).text)
        .filter(|w| !w.is_empty() && !w.contains(' '))
        .collect()
}

pub(crate) fn malformed(reason: &str) -> CoreError {
    CoreError::Bundle(canhgiac_catalogue::BundleError::Malformed {
        reason: reason.to_owned(),
    })
}
