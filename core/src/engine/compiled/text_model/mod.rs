//! The catalogue's learned model compiled for the check path: the weight of every signal, rule
//! and fact by index (a name the model lacks weighs what its catalogue weight implies), and the
//! n-gram weights read off a message's normalised text.

mod ngrams;

use canhgiac_catalogue::codes::{Fact, RuleCode};
use canhgiac_catalogue::model::{
    fact_feature, prior_weight, rule_feature, signal_feature, Catalogue, NgramSpec,
};

use super::refs::malformed;
use crate::engine::normalise::Normalised;
use crate::error::CoreError;

pub(crate) use ngrams::{
    for_each_ngram, for_each_shape_ngram, for_each_written_ngram, length_bucket, mask_digits,
    mask_shape, mask_written,
};

/// How many consecutive words a stretch a wording reason quotes has, at most.
pub(crate) const QUOTED_WORDS: usize = 3;

/// The learned model, ready for the check path.
pub(crate) struct TextModel {
    spec: NgramSpec,
    bias: f32,
    signal: Vec<f32>,
    rule: Vec<f32>,
    fact: Vec<f32>,
    ngram_weights: Box<[i8]>,
    ngram_scale: f32,
    scam_threshold: f32,
    suspicious_threshold: f32,
}

/// What the n-grams of one message say: their share of the log-odds, and the stretches of words
/// that weighed most each way (first and last indices of the normalised text's words, heaviest
/// first).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct WordWeights {
    pub logit: f32,
    pub scam_words: Vec<(usize, usize)>,
    pub genuine_words: Vec<(usize, usize)>,
}

/// The buffers reading a text takes, kept between messages.
#[derive(Default)]
pub(crate) struct WordingBuffers {
    masked: Vec<u8>,
    written: Vec<u8>,
    per_word: Vec<f32>,
}

impl TextModel {
    /// The model of `catalogue`, if it has one; refuses one that does not fit the catalogue.
    pub fn build(catalogue: &Catalogue) -> Result<Option<Self>, CoreError> {
        let Some(model) = &catalogue.model else {
            return Ok(None);
        };
        let knows = |name: &str| match name.split_once(':') {
            Some(("signal", id)) => catalogue.signals.iter().any(|s| s.id == id),
            Some(("rule", code)) => RuleCode::parse(code).is_some(),
            Some(("fact", fact)) => Fact::parse(fact).is_some(),
            _ => false,
        };
        if let Some(problem) = model.problem(knows) {
            return Err(malformed(&problem));
        }
        let weight = |name: String, catalogue_weight: f32| {
            model
                .named
                .get(&name)
                .copied()
                .unwrap_or_else(|| prior_weight(catalogue_weight))
        };
        let rule_weight =
            |code: RuleCode| catalogue.rules.get(code.as_str()).map_or(0.0, |r| r.weight);
        Ok(Some(TextModel {
            spec: model.ngrams,
            bias: model.bias,
            signal: catalogue
                .signals
                .iter()
                .map(|s| weight(signal_feature(&s.id), s.weight))
                .collect(),
            rule: RuleCode::ALL
                .iter()
                .map(|&code| weight(rule_feature(code.as_str()), rule_weight(code)))
                .collect(),
            fact: Fact::ALL
                .iter()
                .map(|f| weight(fact_feature(f.as_str()), 0.0))
                .collect(),
            ngram_weights: model.ngram_weights.clone().into_boxed_slice(),
            ngram_scale: model.ngram_scale,
            scam_threshold: model.scam_threshold,
            suspicious_threshold: model.suspicious_threshold,
        }))
    }

    pub fn bias(&self) -> f32 {
        self.bias
    }

    pub fn signal_weight(&self, signal: usize) -> f32 {
        self.signal.get(signal).copied().unwrap_or(0.0)
    }

    pub fn rule_weight(&self, code: RuleCode) -> f32 {
        self.rule[code as usize]
    }

    /// The sum of the weights of the facts in `facts` ([`Fact::bit`]s).
    pub fn facts_weight(&self, facts: u8) -> f32 {
        Fact::ALL
            .iter()
            .filter(|f| facts & f.bit() != 0)
            .map(|&f| self.fact[f as usize])
            .sum()
    }

    /// From this probability on, a message is a scam.
    pub fn scam_threshold(&self) -> f32 {
        self.scam_threshold
    }

    /// From this probability on, a message is suspicious.
    pub fn suspicious_threshold(&self) -> f32 {
        self.suspicious_threshold
    }

    /// Reads the n-grams of a message: `original` as written and `normalised`.
    pub fn wording(
        &self,
        original: &str,
        normalised: &Normalised,
        buffers: &mut WordingBuffers,
    ) -> WordWeights {
        let WordingBuffers {
            masked,
            written,
            per_word,
        } = buffers;
        mask_digits(&normalised.text, masked);
        per_word.clear();
        per_word.resize(normalised.word_count(), 0.0);
        let mut sum = 0.0f32;
        let mut count = for_each_ngram(masked, &self.spec, |bucket, word, share| {
            let w = f32::from(self.ngram_weights[bucket as usize]);
            sum += w;
            if let Some(total) = per_word.get_mut(word) {
                *total += w * share;
            }
        });
        // The written form's n-grams count towards the score, not towards any one word.
        mask_written(original, written);
        count += for_each_written_ngram(written, &self.spec, |bucket| {
            sum += f32::from(self.ngram_weights[bucket as usize]);
        });
        mask_shape(original, written);
        count += for_each_shape_ngram(written, &self.spec, |bucket| {
            sum += f32::from(self.ngram_weights[bucket as usize]);
        });
        if count == 0 {
            return WordWeights::default();
        }
        let norm = self.ngram_scale / (count as f32).sqrt();
        let length = length_bucket(normalised.word_count(), &self.spec).map_or(0.0, |b| {
            f32::from(self.ngram_weights[b as usize]) * self.ngram_scale
        });
        WordWeights {
            logit: sum * norm + length,
            scam_words: heaviest(per_word, 1.0),
            genuine_words: heaviest(per_word, -1.0),
        }
    }
}

/// The stretches of up to [`QUOTED_WORDS`] words whose total, times `sign`, is largest and
/// positive, heaviest first, two at most and apart: a phrase reads better than loose words.
fn heaviest(per_word: &[f32], sign: f32) -> Vec<(usize, usize)> {
    let width = QUOTED_WORDS.min(per_word.len());
    let mut windows: Vec<(f32, usize)> = (0..=per_word.len().saturating_sub(width))
        .filter(|_| width > 0)
        .map(|i| (per_word[i..i + width].iter().sum::<f32>() * sign, i))
        .filter(|&(w, _)| w > 0.0)
        .collect();
    windows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<(usize, usize)> = Vec::with_capacity(2);
    for (_, i) in windows {
        if chosen.iter().all(|&(a, b)| i + width <= a || i > b) {
            chosen.push((i, i + width - 1));
        }
        if chosen.len() == 2 {
            break;
        }
    }
    chosen
}
