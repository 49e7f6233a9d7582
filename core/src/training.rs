//! What the trainer of the learned model reads (`canhgiac catalogue train`, `canhgiac eval
//! --cv`): each message as the model's features, made by the same functions the check path
//! scores with, so that a model learns exactly what a phone will add up. Behind the `training`
//! feature: phones never train.

use canhgiac_catalogue::model::{
    fact_feature, prior_weight, rule_feature, signal_feature, NgramSpec,
};

use crate::checker::Checker;
use crate::engine::compiled::{
    for_each_ngram, for_each_shape_ngram, length_bucket, mask_digits, mask_shape,
};
use crate::engine::detect::sms;
use crate::engine::evidence::{Fact, RuleCode};
use crate::engine::score::{Context, Feature, Term};

/// One message as the learned model reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFeatures {
    /// The named features it holds, as indices into [`Checker::feature_names`], each once.
    pub named: Vec<u32>,
    /// Its n-gram buckets and their values (count ÷ √(all n-grams of the message)), by bucket.
    pub ngrams: Vec<(u32, f32)>,
    /// The share of "not a scam" the strong detector evidence leaves (1 without any): the score
    /// is `1 − (1 − model) × strong_keep`.
    pub strong_keep: f32,
}

impl Checker {
    /// The names of the model's named features (`signal:<id>`, `rule:<code>`, `fact:<fact>`), in
    /// the order [`ModelFeatures::named`] numbers them.
    pub fn feature_names(&self) -> Vec<String> {
        let catalogue = self.catalogue();
        catalogue
            .signals
            .iter()
            .map(|s| signal_feature(&s.id))
            .chain(RuleCode::ALL.iter().map(|c| rule_feature(c.as_str())))
            .chain(Fact::ALL.iter().map(|f| fact_feature(f.as_str())))
            .collect()
    }

    /// What each named feature weighs before training: the log-odds its catalogue weight
    /// implies (0 for facts).
    pub fn feature_priors(&self) -> Vec<f32> {
        let catalogue = self.catalogue();
        let rule = |code: &RuleCode| catalogue.rules.get(code.as_str()).map_or(0.0, |r| r.weight);
        catalogue
            .signals
            .iter()
            .map(|s| prior_weight(s.weight))
            .chain(RuleCode::ALL.iter().map(|c| prior_weight(rule(c))))
            .chain(Fact::ALL.iter().map(|_| 0.0))
            .collect()
    }

    /// The features of a message and, when known, its sender, with n-grams made by `spec`.
    pub fn model_features(
        &self,
        sender: Option<&str>,
        text: &str,
        spec: &NgramSpec,
    ) -> ModelFeatures {
        let compiled = self.engine().compiled();
        let evidence = sms::evidence(sender, text, compiled);
        let context = Context {
            compiled,
            text: Some(text),
            number: None,
        };
        let signals = self.catalogue().signals.len();
        let mut named = Vec::new();
        let mut strong_keep = 1.0f32;
        for term in context.terms(&evidence) {
            match term {
                Term::Feature(Feature::Signal(i)) => named.push(i as u32),
                Term::Feature(Feature::Rule(code)) => named.push((signals + code as usize) as u32),
                Term::Feature(Feature::Fact(fact)) => {
                    named.push((signals + RuleCode::ALL.len() + fact as usize) as u32)
                }
                Term::Strong(weight) => strong_keep *= 1.0 - weight,
            }
        }
        named.sort_unstable();
        named.dedup();

        let normalised = compiled.normaliser().normalise(text);
        let mut masked = Vec::new();
        mask_digits(&normalised.text, &mut masked);
        let mut buckets = Vec::new();
        let mut count = for_each_ngram(&masked, spec, |bucket, _, _| buckets.push(bucket));
        mask_shape(text, &mut masked);
        count += for_each_shape_ngram(&masked, spec, |bucket| buckets.push(bucket));
        buckets.sort_unstable();
        let value = 1.0 / (count.max(1) as f32).sqrt();
        let mut ngrams: Vec<(u32, f32)> = Vec::new();
        for bucket in buckets {
            match ngrams.last_mut() {
                Some((last, v)) if *last == bucket => *v += value,
                _ => ngrams.push((bucket, value)),
            }
        }
        if let Some(bucket) = length_bucket(normalised.word_count(), spec) {
            match ngrams.binary_search_by_key(&bucket, |&(b, _)| b) {
                Ok(at) => ngrams[at].1 += 1.0,
                Err(at) => ngrams.insert(at, (bucket, 1.0)),
            }
        }
        ModelFeatures {
            named,
            ngrams,
            strong_keep,
        }
    }
}
