//! The catalogue compiled for speed: one automaton over every phrase and alias, ASCII regexes,
//! resolved combos, and lookup tables for numbers and domains. Built once per bundle load.

mod domains;
mod fast_hash;
mod numbers;
mod text;

use std::collections::HashSet;

use canhgiac_catalogue::model::{Catalogue, SignalKind};
use canhgiac_catalogue::source::compile_ascii_regex;

use crate::error::CoreError;
use crate::normalise::Normaliser;

pub(crate) use domains::{name_label as name_label_of, DomainIndex};
pub(crate) use numbers::NumberIndex;
pub(crate) use text::{Target, TextMatcher};

/// Tags the sender rules read: a signal tagged `institutional` means the message speaks as an
/// organisation ("Quý khách", "Kính gửi"); `advert` means it advertises.
pub(crate) const TAG_INSTITUTIONAL: &str = "institutional";
pub(crate) const TAG_ADVERT: &str = "advert";

/// Everything the detectors look up, derived from one catalogue.
pub(crate) struct Index {
    pub normaliser: Normaliser,
    pub text: TextMatcher,
    pub regexes: Vec<(usize, regex::bytes::Regex)>,
    /// Combo signal → its parts.
    pub combos: Vec<(usize, Vec<Part>)>,
    pub signal_category: Vec<Option<usize>>,
    pub entity_category: Vec<Option<usize>>,
    /// Entities that speak for the state (`scoring.authority_kinds`).
    pub entity_is_authority: Vec<bool>,
    /// Entities that write only under their brandname (`scoring.brandname_only_kinds`).
    pub entity_brandname_only: Vec<bool>,
    /// Phrase signals that a preceding negation cancels (all but the genuine-message ones).
    pub negatable: Vec<bool>,
    /// A handful of short words each: a linear scan beats hashing them.
    pub negations: Vec<String>,
    pub negation_exceptions: Vec<String>,
    pub negation_window: usize,
    pub institutional: Vec<usize>,
    /// Lower-case advert labels (`[qc]`).
    pub advert_labels: Vec<String>,
    pub advert: Vec<usize>,
    pub numbers: NumberIndex,
    pub domains: DomainIndex,
    pub accounts: HashSet<String>,
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
        for (i, signal) in signals.iter().enumerate() {
            match signal.kind {
                SignalKind::Regex => {
                    let pattern = signal.pattern.as_deref().unwrap_or_default();
                    let regex = compile_ascii_regex(pattern)
                        .map_err(|_| malformed("a signal pattern does not compile"))?;
                    regexes.push((i, regex));
                }
                SignalKind::Combo => {
                    let parts = signal
                        .all_of
                        .iter()
                        .map(|part| {
                            match (
                                Fact::named(part),
                                signals.iter().position(|s| &s.id == part),
                            ) {
                                (Some(fact), _) => Part::Fact(fact),
                                (None, Some(j)) => Part::Signals(vec![j]),
                                (None, None) => Part::Signals(with_tag(part)),
                            }
                        })
                        .collect::<Vec<_>>();
                    if parts
                        .iter()
                        .any(|p| matches!(p, Part::Signals(s) if s.is_empty()))
                    {
                        return Err(malformed("a combo names an unknown part"));
                    }
                    combos.push((i, parts));
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

        Ok(Index {
            text: TextMatcher::build(catalogue, &normaliser)?,
            regexes,
            combos,
            signal_category: signals.iter().map(|s| category_of(&s.category)).collect(),
            entity_category: catalogue
                .entities
                .iter()
                .map(|e| category_of(&e.category))
                .collect(),
            negatable: signals
                .iter()
                .map(|s| s.kind == SignalKind::Phrase && s.weight >= 0.0)
                .collect(),
            negations: words(&normaliser, &catalogue.normalisation.negations),
            negation_exceptions: words(&normaliser, &catalogue.normalisation.negation_exceptions),
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
            institutional: with_tag(TAG_INSTITUTIONAL),
            advert_labels: catalogue
                .senders
                .advert_labels
                .iter()
                .map(|l| l.to_lowercase())
                .collect(),
            advert: with_tag(TAG_ADVERT),
            numbers: NumberIndex::build(catalogue),
            domains: DomainIndex::build(catalogue, &normaliser),
            accounts,
            normaliser,
        })
    }
}

/// One part of a combo: any of some signals, or a fact the detectors establish.
pub(crate) enum Part {
    Signals(Vec<usize>),
    Fact(Fact),
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
