//! Learning the catalogue's model from labelled messages: each message read as the model's
//! features by the core (the check path's own functions), template groups and folds
//! ([`templates`]), the logistic regression ([`logistic`]), thresholds from false-alarm rates
//! ([`calibrate`]), and out-of-fold scores of the whole pipeline for honest figures.

pub mod calibrate;
mod logistic;
pub mod templates;

use canhgiac_catalogue::model::{Catalogue, NgramSpec, TextModel};
use canhgiac_core::{Checker, ModelFeatures};

use crate::error::CliError;
use crate::labelled::{Label, Row};
pub use logistic::Penalty;

/// How a model is made: its n-grams and how hard its weights are held.
#[derive(Debug, Clone, Copy)]
pub struct Recipe {
    pub spec: NgramSpec,
    pub penalty: Penalty,
}

/// Labelled messages read as the model's features.
pub struct Corpus {
    pub rows: Vec<Row>,
    pub features: Vec<ModelFeatures>,
    pub positive: Vec<bool>,
    /// How many times each row's loss counts in training.
    pub weights: Vec<f64>,
}

impl Corpus {
    /// The scam and legitimate rows of `rows` (spam is neither, and is left out; so is a text
    /// seen before), read by `checker`; each row comes with the weight of its file.
    pub fn new(checker: &Checker, rows: Vec<(Row, f64)>, spec: &NgramSpec) -> Self {
        let mut seen = std::collections::HashSet::new();
        let (rows, weights): (Vec<Row>, Vec<f64>) = rows
            .into_iter()
            .filter(|(r, _)| r.label != Label::Spam && seen.insert(r.text.clone()))
            .unzip();
        let features = rows
            .iter()
            .map(|r| checker.model_features(r.sender.as_deref(), &r.text, spec))
            .collect();
        let positive = rows.iter().map(|r| r.label == Label::Scam).collect();
        Corpus {
            rows,
            features,
            positive,
            weights,
        }
    }

    /// The template group of each row.
    pub fn groups(&self) -> Vec<usize> {
        let texts: Vec<&str> = self.rows.iter().map(|r| r.text.as_str()).collect();
        templates::groups(&texts)
    }
}

/// Fits a model on rows `members` of `corpus`, quantised as a bundle carries it, with the given
/// thresholds and description.
pub fn fit_model(
    checker: &Checker,
    corpus: &Corpus,
    members: &[usize],
    recipe: &Recipe,
    thresholds: (f32, f32),
    trained_on: String,
) -> Result<TextModel, CliError> {
    let rows: Vec<&ModelFeatures> = members.iter().map(|&i| &corpus.features[i]).collect();
    let labels: Vec<f64> = members
        .iter()
        .map(|&i| f64::from(u8::from(corpus.positive[i])))
        .collect();
    let priors: Vec<f64> = checker
        .feature_priors()
        .into_iter()
        .map(f64::from)
        .collect();
    let buckets = recipe.spec.buckets();
    let row_weights: Vec<f64> = members.iter().map(|&i| corpus.weights[i]).collect();
    let weights = logistic::fit(
        &rows,
        &labels,
        &row_weights,
        &priors,
        buckets,
        recipe.penalty,
    )
    .map_err(CliError::Input)?;
    // Only the named features the data showed: the others weigh their prior on the phone anyway.
    let mut seen = vec![false; priors.len()];
    rows.iter()
        .flat_map(|r| &r.named)
        .for_each(|&i| seen[i as usize] = true);
    let names = checker.feature_names();
    let named = names
        .into_iter()
        .zip(&weights.named)
        .zip(&seen)
        .filter(|(_, &seen)| seen)
        .map(|((name, &w), _)| (name, ((w * 1e4).round() / 1e4) as f32))
        .collect();
    let largest = weights.ngrams.iter().fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
    Ok(TextModel {
        ngrams: recipe.spec,
        bias: weights.bias as f32,
        named,
        ngram_scale: scale as f32,
        ngram_weights: weights
            .ngrams
            .iter()
            .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
            .collect(),
        suspicious_threshold: thresholds.0,
        scam_threshold: thresholds.1,
        trained_on,
    })
}

/// The score the whole pipeline gives each row when its fold was left out of training: for each
/// of the `k` folds, a model fitted on the others goes into `base` and the held-out messages
/// are checked as a phone would check them.
pub fn out_of_fold_scores(
    base: &Catalogue,
    checker: &Checker,
    corpus: &Corpus,
    folds: &[usize],
    k: usize,
    recipe: &Recipe,
) -> Result<Vec<f32>, CliError> {
    let mut scores = vec![0.0f32; corpus.rows.len()];
    for fold in 0..k {
        let (held_out, training): (Vec<usize>, Vec<usize>) =
            (0..corpus.rows.len()).partition(|&i| folds[i] == fold);
        if held_out.is_empty() {
            continue;
        }
        let model = fit_model(
            checker,
            corpus,
            &training,
            recipe,
            (0.5, 0.9),
            String::new(),
        )?;
        let fold_checker = Checker::from_catalogue(Catalogue {
            model: Some(model),
            ..base.clone()
        })?;
        for i in held_out {
            let row = &corpus.rows[i];
            scores[i] = fold_checker
                .check_sms(row.sender.as_deref(), &row.text)
                .score;
        }
    }
    Ok(scores)
}
