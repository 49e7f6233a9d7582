//! `canhgiac catalogue train`: fits the learned model on labelled files for the signals of the
//! sources, sets its thresholds from grouped cross-validation (≤ 2% of legitimate messages
//! "suspicious", ≤ 0.5% "scam"), prints what it measured and writes `model/` into the sources.

use std::path::{Path, PathBuf};

use canhgiac_catalogue::model::NgramSpec;
use canhgiac_catalogue::source::{compile_dir_without_model, write_model, MODEL_FILE};
use canhgiac_core::Checker;

use crate::error::CliError;
use crate::labelled::read_rows;
use crate::learn::calibrate::{at_rate, REPORTED_RATES};
use crate::learn::{fit_model, out_of_fold_scores, templates, Corpus, Penalty, Recipe};
use crate::output::emit;
use crate::{outln, RecipeArgs};

/// False-alarm rate of the "suspicious" threshold.
const SUSPICIOUS_RATE: f64 = 0.02;
/// False-alarm rate of the "scam" threshold.
const SCAM_RATE: f64 = 0.005;

impl RecipeArgs {
    /// The recipe these flags name.
    pub fn recipe(&self) -> Recipe {
        let spec = NgramSpec {
            hash_bits: self.hash_bits,
            ..NgramSpec::default()
        };
        Recipe {
            spec,
            penalty: Penalty {
                ngrams: self.l2_ngrams,
                named: self.l2_named,
            },
        }
    }
}

/// A labelled file and how much its rows count: `FILE` or `FILE:WEIGHT`.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub path: PathBuf,
    pub weight: f64,
}

impl std::str::FromStr for DataFile {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let weighed = text
            .rsplit_once(':')
            .and_then(|(path, w)| Some((path, w.parse::<f64>().ok()?)));
        match weighed {
            Some((_, w)) if !(w > 0.0 && w.is_finite()) => {
                Err(format!("the weight of {text:?} must be a positive number"))
            }
            Some((path, weight)) => Ok(DataFile {
                path: path.into(),
                weight,
            }),
            None => Ok(DataFile {
                path: text.into(),
                weight: 1.0,
            }),
        }
    }
}

pub fn run(
    sources: &Path,
    data: &[DataFile],
    folds: u16,
    recipe: &RecipeArgs,
) -> Result<(), CliError> {
    let recipe = recipe.recipe();
    let base = compile_dir_without_model(sources)?;
    let checker = Checker::from_catalogue(base.clone())?;
    let mut rows = Vec::new();
    let mut files = Vec::new();
    for file in data {
        // Several files: an error names the one it is about (a path, never a message).
        let (read, _) = read_rows(&file.path).map_err(|e| match e {
            CliError::Io(m) => CliError::Io(format!("{}: {m}", file.path.display())),
            CliError::Input(m) => CliError::Input(format!("{}: {m}", file.path.display())),
            other => other,
        })?;
        let name = file.path.file_name().map_or_else(
            || file.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let weighed = if file.weight == 1.0 {
            String::new()
        } else {
            format!(", each counted {}×", file.weight)
        };
        files.push(format!("{name} ({} rows{weighed})", read.len()));
        rows.extend(read.into_iter().map(|r| (r, file.weight)));
    }
    let corpus = Corpus::new(&checker, rows, &recipe.spec);
    let scams = corpus.positive.iter().filter(|&&p| p).count();
    if scams == 0 || scams == corpus.rows.len() {
        return Err(CliError::Input(
            "training needs both scam and legitimate (ham) rows".into(),
        ));
    }
    let groups = corpus.groups();
    let group_count = groups.iter().max().map_or(0, |g| g + 1);
    let k = usize::from(folds);
    let fold_of = templates::folds(&groups, &corpus.positive, k);
    let scores = out_of_fold_scores(&base, &checker, &corpus, &fold_of, k, &recipe)?;
    let suspicious = at_rate(&scores, &corpus.positive, SUSPICIOUS_RATE);
    let scam = at_rate(&scores, &corpus.positive, SCAM_RATE);

    let trained_on = format!(
        "{}: {} messages ({} scam, {} legitimate) in {} template groups. Thresholds from grouped \
         {k}-fold cross-validation: suspicious at {:.1}% of legitimate messages flagged \
         (recall {:.1}%), scam at {:.1}% (recall {:.1}%). N-grams: 2^{} buckets, words 1-{}, \
         characters {}-{}; L2 {} on n-grams, {} towards the catalogue weights.",
        files.join(", "),
        corpus.rows.len(),
        scams,
        corpus.rows.len() - scams,
        group_count,
        suspicious.false_alarms * 100.0,
        suspicious.recall * 100.0,
        scam.false_alarms * 100.0,
        scam.recall * 100.0,
        recipe.spec.hash_bits,
        recipe.spec.word_max,
        recipe.spec.char_min,
        recipe.spec.char_max,
        recipe.penalty.ngrams,
        recipe.penalty.named,
    );
    let everyone: Vec<usize> = (0..corpus.rows.len()).collect();
    let model = fit_model(
        &checker,
        &corpus,
        &everyone,
        &recipe,
        (suspicious.threshold, scam.threshold),
        trained_on,
    )?;
    write_model(sources, &model)?;

    let mut out = String::new();
    outln!(out, "trained on {}", files.join(", "));
    outln!(
        out,
        "{} messages ({scams} scam) in {group_count} template groups, {k} folds",
        corpus.rows.len()
    );
    for rate in REPORTED_RATES {
        let r = at_rate(&scores, &corpus.positive, rate);
        outln!(
            out,
            "  cross-validated recall at {:.1}% false alarms: {:.1}%",
            rate * 100.0,
            r.recall * 100.0
        );
    }
    outln!(
        out,
        "thresholds: suspicious {:.4} ({:.1}% false alarms), scam {:.4} ({:.1}%)",
        suspicious.threshold,
        suspicious.false_alarms * 100.0,
        scam.threshold,
        scam.false_alarms * 100.0
    );
    outln!(
        out,
        "wrote {} and its weights ({} named features, {} n-gram buckets)",
        sources.join(MODEL_FILE).display(),
        model.named.len(),
        model.ngram_weights.len()
    );
    emit(&out)
}
