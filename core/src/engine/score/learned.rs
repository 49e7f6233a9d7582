//! The learned model's view of a message: the named features its evidence holds (each signal
//! and non-strong rule once, and the facts), their weights and the wording's, as a probability;
//! and beside the model, the strong detector evidence (a look-alike domain, a reported number)
//! that stands on its own, as it does without a model.

use crate::engine::compiled::TextModel;
use crate::engine::evidence::{Fact, HitCode, RuleCode};

/// A feature of the model named by the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feature {
    Signal(usize),
    Rule(RuleCode),
    Fact(Fact),
}

/// One term of a message's score: a feature of the model, or strong evidence beside it (its
/// catalogue weight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Term {
    Feature(Feature),
    Strong(f32),
}

/// The terms of distinct evidence `codes` (with their catalogue weights) and `facts`. A rule at
/// least `strong_weight` heavy stands beside the model; informational notes and mentions are
/// not features (the entity named is a fact).
pub(crate) fn terms<'a>(
    codes: impl Iterator<Item = (HitCode, f32)> + 'a,
    facts: u8,
    strong_weight: f32,
) -> impl Iterator<Item = Term> + 'a {
    let from_hits = codes.filter_map(move |(code, weight)| match code {
        HitCode::Signal(i) => Some(Term::Feature(Feature::Signal(i))),
        HitCode::Rule(_) if weight >= strong_weight => Some(Term::Strong(weight)),
        HitCode::Rule(rule) => Some(Term::Feature(Feature::Rule(rule))),
        HitCode::Info(_) | HitCode::Mention => None,
    });
    let from_facts = Fact::ALL
        .iter()
        .filter(move |f| facts & f.bit() != 0)
        .map(|&f| Term::Feature(Feature::Fact(f)));
    from_hits.chain(from_facts)
}

/// The weight the model gives `feature`.
pub(crate) fn weight(model: &TextModel, feature: Feature) -> f32 {
    match feature {
        Feature::Signal(i) => model.signal_weight(i),
        Feature::Rule(code) => model.rule_weight(code),
        Feature::Fact(fact) => model.facts_weight(fact.bit()),
    }
}

/// The score of a message: the model's probability from `terms` and the wording's `logit`,
/// raised by the strong evidence as a noisy-OR.
pub(crate) fn probability(
    model: &TextModel,
    terms: impl Iterator<Item = Term>,
    wording_logit: f32,
) -> f32 {
    let (mut logit, mut keep) = (model.bias() + wording_logit, 1.0f32);
    for term in terms {
        match term {
            Term::Feature(feature) => logit += weight(model, feature),
            Term::Strong(w) => keep *= 1.0 - w,
        }
    }
    let p = 1.0 / (1.0 + (-logit).exp());
    (1.0 - (1.0 - p) * keep).clamp(0.0, 1.0)
}
