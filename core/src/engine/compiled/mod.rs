//! The catalogue compiled for speed, built once per bundle load: the phrase trie, the regex
//! patterns searched in one pass, the signals with their combos, the entities, the number plan,
//! the domains, the blocked accounts and the texts verdicts quote. Each part keeps its tables
//! private and answers questions through its methods.

mod accounts;
mod domains;
mod entities;
mod explanations;
mod numbers;
mod patterns;
mod phrases;
mod refs;
mod senders;
mod signal_set;
mod signals;
mod text_model;

use canhgiac_catalogue::model::{Catalogue, Scoring};

use crate::engine::normalise::Normaliser;
use crate::error::CoreError;
use refs::CategoryIds;

pub(crate) use accounts::Accounts;
pub(crate) use domains::{name_label, Domains};
pub(crate) use entities::Entities;
pub(crate) use explanations::{Explanations, RuleFacts};
pub(crate) use numbers::{NumberPlan, ParsedNumber};
pub(crate) use patterns::{MatchedPatterns, Patterns};
pub(crate) use phrases::{CueKind, Match, Matches, Phrases, Target};
pub(crate) use senders::SenderRules;
pub(crate) use signal_set::{SetsMet, SignalSet};
pub(crate) use signals::Signals;
#[cfg(feature = "training")]
pub(crate) use text_model::{
    for_each_ngram, for_each_shape_ngram, length_bucket, mask_digits, mask_shape,
};
pub(crate) use text_model::{TextModel, WordingBuffers, WORDING_SHOWN};

/// Everything the detectors and the scorer look up, derived from one catalogue.
pub(crate) struct Compiled {
    normaliser: Normaliser,
    phrases: Phrases,
    patterns: Patterns,
    signals: Signals,
    entities: Entities,
    senders: SenderRules,
    numbers: NumberPlan,
    domains: Domains,
    accounts: Accounts,
    explanations: Explanations,
    scoring: Scoring,
    text_model: Option<TextModel>,
}

impl Compiled {
    /// Compiles `catalogue` with its own normaliser.
    pub fn build(catalogue: &Catalogue) -> Result<Self, CoreError> {
        Self::build_with(catalogue, Normaliser::new(&catalogue.normalisation))
    }

    /// Compiles `catalogue` with `normaliser` (one with a trick turned off, in tests).
    pub fn build_with(catalogue: &Catalogue, normaliser: Normaliser) -> Result<Self, CoreError> {
        let categories = CategoryIds(catalogue);
        Ok(Compiled {
            phrases: Phrases::build(catalogue, &normaliser)?,
            patterns: Patterns::build(catalogue)?,
            signals: Signals::build(catalogue, &categories)?,
            entities: Entities::build(catalogue, &categories),
            senders: SenderRules::build(catalogue),
            numbers: NumberPlan::build(catalogue, &categories),
            domains: Domains::build(catalogue, &normaliser),
            accounts: Accounts::build(catalogue),
            explanations: Explanations::build(catalogue, &categories),
            scoring: catalogue.scoring.clone(),
            text_model: TextModel::build(catalogue)?,
            normaliser,
        })
    }

    pub fn normaliser(&self) -> &Normaliser {
        &self.normaliser
    }

    pub fn phrases(&self) -> &Phrases {
        &self.phrases
    }

    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    pub fn signals(&self) -> &Signals {
        &self.signals
    }

    pub fn entities(&self) -> &Entities {
        &self.entities
    }

    pub fn senders(&self) -> &SenderRules {
        &self.senders
    }

    pub fn numbers(&self) -> &NumberPlan {
        &self.numbers
    }

    pub fn domains(&self) -> &Domains {
        &self.domains
    }

    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    pub fn explanations(&self) -> &Explanations {
        &self.explanations
    }

    /// Thresholds and weights of the scorer.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// The learned model of messages, when the catalogue has one.
    pub fn text_model(&self) -> Option<&TextModel> {
        self.text_model.as_ref()
    }

    /// Replaces the number blocklist (benchmarks measure lookups in a million entries).
    #[cfg(feature = "test-hooks")]
    pub fn set_blocked_numbers(&mut self, numbers: &[&str]) {
        self.numbers.set_blocked_numbers(numbers);
    }
}
