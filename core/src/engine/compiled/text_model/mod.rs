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
    for_each_ngram, for_each_shape_ngram, length_bucket, mask_digits, mask_shape,
};

/// How many consecutive words a stretch a wording reason quotes has, at most.
pub(crate) const QUOTED_WORDS: usize = 3;

/// The wording's share of the log-odds from which a reason names it (either way).
pub(crate) const WORDING_SHOWN: f32 = 0.5;

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
    shape: Vec<u8>,
    per_word: Vec<f32>,
}

impl TextModel {
    /// The model of `catalogue`, if it has one; refuses one that does not fit the catalogue.
    pub fn build(catalogue: &Catalogue) -> Result<Option<Self>, CoreError> {
        let Some(model) = &catalogue.model else {
            return Ok(None);
        };
        if let Some(problem) = model.problem(|name| catalogue.has_feature(name)) {
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
            shape,
            per_word,
        } = buffers;
        mask_digits(&normalised.text, masked);
        per_word.clear();
        per_word.resize(normalised.word_count(), 0.0);
        // Summed as integers: one add a cycle, where a float add waits for the one before.
        let mut sum = 0i32;
        let mut count = for_each_ngram(masked, &self.spec, |bucket, word, share| {
            let w = self.ngram_weights[bucket as usize];
            sum += i32::from(w);
            if let Some(total) = per_word.get_mut(word) {
                *total += f32::from(w) * share;
            }
        });
        // The shape's n-grams count towards the score, not towards any one word.
        mask_shape(original, shape);
        count += for_each_shape_ngram(shape, &self.spec, |bucket| {
            sum += i32::from(self.ngram_weights[bucket as usize]);
        });
        if count == 0 {
            return WordWeights::default();
        }
        let norm = self.ngram_scale / (count as f32).sqrt();
        let length = length_bucket(normalised.word_count(), &self.spec).map_or(0.0, |b| {
            f32::from(self.ngram_weights[b as usize]) * self.ngram_scale
        });
        let logit = sum as f32 * norm + length;
        // Only one way can be quoted: the scam words unless the wording is clearly genuine.
        let genuine = logit <= -WORDING_SHOWN;
        WordWeights {
            logit,
            scam_words: if genuine {
                Vec::new()
            } else {
                heaviest(per_word, 1.0)
            },
            genuine_words: if genuine {
                heaviest(per_word, -1.0)
            } else {
                Vec::new()
            },
        }
    }
}

/// The stretches of up to [`QUOTED_WORDS`] words whose total, times `sign`, is largest and
/// positive, heaviest first, two at most and apart: a phrase reads better than loose words.
/// Linear, without sorting or allocating more than the answer: it runs on many messages.
fn heaviest(per_word: &[f32], sign: f32) -> Vec<(usize, usize)> {
    let width = QUOTED_WORDS.min(per_word.len());
    if width == 0 {
        return Vec::new();
    }
    // The best window (by its first word) that `apart` accepts, in one sliding pass.
    let best = |apart: &dyn Fn(usize) -> bool| {
        let mut total: f32 = per_word[..width].iter().sum();
        let mut best: Option<(f32, usize)> = None;
        for i in 0..=per_word.len() - width {
            if i > 0 {
                total += per_word[i + width - 1] - per_word[i - 1];
            }
            let weight = total * sign;
            if weight > 0.0 && apart(i) && best.is_none_or(|(b, _)| weight > b) {
                best = Some((weight, i));
            }
        }
        best.map(|(_, i)| i)
    };
    let Some(first) = best(&|_| true) else {
        return Vec::new();
    };
    let mut chosen = vec![(first, first + width - 1)];
    if let Some(second) = best(&|i| i + width <= first || i >= first + width) {
        chosen.push((second, second + width - 1));
    }
    chosen
}
