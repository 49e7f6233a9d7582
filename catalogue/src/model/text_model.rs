//! The learned scorer a catalogue carries: a logistic regression over the catalogue's named
//! evidence (signals, built-in rules, combo facts) and hashed word and character n-grams of the
//! normalised text. `canhgiac catalogue train` fits it on a workstation; a phone only adds the
//! weights of what a message contains. The weights are data like the phrases: signed with the
//! bundle, never in code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a text becomes n-gram features. The phone and the trainer must make the same ones, so the
/// model names the recipe it was trained with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NgramSpec {
    /// The n-grams are hashed into `2^hash_bits` buckets.
    pub hash_bits: u8,
    /// Word n-grams of 1 up to this many words (0: none).
    pub word_max: u8,
    /// Character n-grams of `char_min..=char_max` bytes over the text with its spaces (0: none).
    pub char_min: u8,
    pub char_max: u8,
    /// A feature for the message's length (words, in bands: 1–3, 4–8, 9–20, 21–50, more), worth
    /// 1 rather than a share of the n-grams: without it a short message gets the n-grams' share
    /// of the score from too few of them and the bias decides.
    #[serde(default)]
    pub length: bool,
    /// N-grams of `shape_min..=shape_max` over the text's shape, each character written as its
    /// class (`a` lower-case, `A` upper-case, `0` digit, punctuation as itself): random letters,
    /// mixed case and symbols between letters look alike whatever the letters are; 0: none.
    #[serde(default)]
    pub shape_min: u8,
    #[serde(default)]
    pub shape_max: u8,
}

impl Default for NgramSpec {
    fn default() -> Self {
        NgramSpec {
            hash_bits: 16,
            word_max: 2,
            char_min: 3,
            char_max: 4,
            length: true,
            shape_min: 3,
            shape_max: 4,
        }
    }
}

impl NgramSpec {
    /// How many buckets the n-grams are hashed into.
    pub fn buckets(&self) -> usize {
        1usize << self.hash_bits
    }
}

/// The fitted model: `score = σ(bias + Σ named weights + Σ n-gram weights / √n-grams)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TextModel {
    pub ngrams: NgramSpec,
    pub bias: f32,
    /// Weights of the named features, by name: `signal:<id>`, `rule:<code>`, `fact:<fact>`. A
    /// name the model lacks (a signal added after training) weighs what its catalogue weight
    /// implies (see `prior_weight`).
    pub named: BTreeMap<String, f32>,
    /// The n-gram weights are `ngram_weights[i] × ngram_scale`.
    pub ngram_scale: f32,
    /// One weight per bucket, quantised to a byte; read from the sources' `ngram_weights.bin`.
    #[serde(default)]
    pub ngram_weights: Vec<i8>,
    /// A message scores "scam" from this probability (calibrated to a false-alarm rate).
    pub scam_threshold: f32,
    /// A message scores "suspicious" from this probability.
    pub suspicious_threshold: f32,
    /// What it learned from and how it was calibrated, in words, for people who review it.
    pub trained_on: String,
}

impl TextModel {
    /// What is wrong with the model, if anything: a recipe out of range, weights that do not fill
    /// the buckets, thresholds out of order, a name `knows` does not know (a signal renamed or
    /// removed since training: retrain). The compiler refuses such a model and so does a phone.
    pub fn problem(&self, knows: impl Fn(&str) -> bool) -> Option<String> {
        let spec = self.ngrams;
        if !(8..=22).contains(&spec.hash_bits)
            || spec.word_max > 3
            || spec.char_max > 8
            || spec.shape_max > 8
            || (spec.shape_max > 0 && (spec.shape_min == 0 || spec.shape_min > spec.shape_max))
            || (spec.char_max > 0 && (spec.char_min == 0 || spec.char_min > spec.char_max))
        {
            return Some("the model's n-gram recipe is out of range".into());
        }
        if self.ngram_weights.len() != spec.buckets() {
            return Some(format!(
                "the model has {} n-gram weights for {} buckets",
                self.ngram_weights.len(),
                spec.buckets()
            ));
        }
        let finite = [self.bias, self.ngram_scale]
            .iter()
            .chain(self.named.values())
            .all(|w| w.is_finite());
        if !finite || self.ngram_scale < 0.0 {
            return Some("the model has a weight that is not a finite number".into());
        }
        let (s, x) = (self.suspicious_threshold, self.scam_threshold);
        if !(0.0 < s && s <= x && x < 1.0) {
            return Some("the model's thresholds must satisfy 0 < suspicious ≤ scam < 1".into());
        }
        self.named
            .keys()
            .find(|name| !knows(name))
            .map(|name| format!("the model names {name}, which the catalogue lacks: retrain it"))
    }
}

impl super::Catalogue {
    /// True when `name` names a feature the learned model may weigh in this catalogue:
    /// `signal:<id>` of one of its signals, `rule:<code>` of a built-in rule, `fact:<fact>`.
    pub fn has_feature(&self, name: &str) -> bool {
        match name.split_once(':') {
            Some(("signal", id)) => self.signals.iter().any(|s| s.id == id),
            Some(("rule", code)) => crate::codes::RuleCode::parse(code).is_some(),
            Some(("fact", fact)) => crate::codes::Fact::parse(fact).is_some(),
            _ => false,
        }
    }
}

/// The log-odds a catalogue weight in (-1, 1) stands for in the model, for named features the
/// model has not seen: a noisy-OR weight `w` multiplies the odds of "not a scam" by `1 − w`.
pub fn prior_weight(catalogue_weight: f32) -> f32 {
    let w = catalogue_weight.clamp(-0.99, 0.99);
    if w >= 0.0 {
        -(1.0 - w).ln()
    } else {
        (1.0 + w).ln()
    }
}

/// The name of a signal's feature.
pub fn signal_feature(id: &str) -> String {
    format!("signal:{id}")
}

/// The name of a built-in rule's feature.
pub fn rule_feature(code: &str) -> String {
    format!("rule:{code}")
}

/// The name of a combo fact's feature.
pub fn fact_feature(fact: &str) -> String {
    format!("fact:{fact}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> TextModel {
        let ngrams = NgramSpec {
            hash_bits: 8,
            ..NgramSpec::default()
        };
        TextModel {
            ngrams,
            named: [("signal:known".to_owned(), 1.0)].into(),
            ngram_scale: 0.1,
            ngram_weights: vec![0; ngrams.buckets()],
            scam_threshold: 0.9,
            suspicious_threshold: 0.5,
            ..TextModel::default()
        }
    }

    #[test]
    fn a_model_that_does_not_fit_is_refused() {
        let knows = |name: &str| name == "signal:known";
        assert_eq!(model().problem(knows), None);
        let mut stale = model();
        stale.named.insert("signal:renamed".into(), 0.5);
        assert!(stale
            .problem(knows)
            .is_some_and(|p| p.contains("signal:renamed")));
        let mut short = model();
        short.ngram_weights.pop();
        assert!(short.problem(knows).is_some());
        let mut upside_down = model();
        upside_down.suspicious_threshold = 0.95;
        assert!(upside_down.problem(knows).is_some());
        let mut broken = model();
        broken.bias = f32::NAN;
        assert!(broken.problem(knows).is_some());
        let mut huge = model();
        huge.ngrams.hash_bits = 30;
        assert!(huge.problem(knows).is_some());
    }

    #[test]
    fn a_catalogue_names_its_signals_rules_and_facts() {
        let catalogue = crate::model::Catalogue {
            signals: vec![crate::model::Signal {
                id: "known".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(catalogue.has_feature("signal:known"));
        assert!(catalogue.has_feature("rule:link.lookalike"));
        assert!(catalogue.has_feature("fact:fact.link"));
        assert!(!catalogue.has_feature("signal:unknown"));
        assert!(!catalogue.has_feature("known"));
        assert!(!catalogue.has_feature("rule:link.lookalik"));
    }

    #[test]
    fn prior_weights_keep_sign_and_order() {
        assert_eq!(prior_weight(0.0), 0.0);
        assert!(prior_weight(0.9) > prior_weight(0.5));
        assert!(prior_weight(0.5) > 0.0);
        assert!(prior_weight(-0.5) < 0.0);
        assert!(prior_weight(1.0).is_finite() && prior_weight(-1.0).is_finite());
    }
}
