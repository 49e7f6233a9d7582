//! `canhgiac eval FILE --cv K`: grouped K-fold cross-validation of the whole pipeline on a
//! labelled file. Each fold's messages are checked by the catalogue with a model retrained on the
//! other folds (no template on both sides); the pooled scores give recall at fixed false-alarm
//! rates, and the verdicts at thresholds set on those scores as `catalogue train` sets them.

use serde::Serialize;

use canhgiac_catalogue::model::Catalogue;
use canhgiac_core::Checker;

use crate::error::CliError;
use crate::labelled::Row;
use crate::learn::calibrate::{at_rate, AtRate, REPORTED_RATES};
use crate::learn::{out_of_fold_scores, templates, Corpus};
use crate::outln;
use crate::EvalArgs;

#[derive(Serialize)]
struct CrossValidation {
    folds: usize,
    rows: usize,
    scam: usize,
    ham: usize,
    template_groups: usize,
    /// Recall at each false-alarm rate (0.5%, 1%, 2%), with the threshold that reaches it.
    recall_at_false_alarms: Vec<AtRate>,
}

/// Runs the cross-validation of `rows` on `base` (its own model, if any, is replaced per fold).
pub fn run(base: Catalogue, rows: Vec<Row>, k: usize, args: &EvalArgs) -> Result<(), CliError> {
    let base = Catalogue {
        model: None,
        ..base
    };
    let recipe = args.recipe.recipe();
    let checker = Checker::from_catalogue(base.clone())?;
    let corpus = Corpus::new(
        &checker,
        rows.into_iter().map(|r| (r, 1.0)).collect(),
        &recipe.spec,
    );
    let scam = corpus.positive.iter().filter(|&&p| p).count();
    if scam == 0 || scam == corpus.rows.len() {
        return Err(CliError::Input(
            "cross-validation needs both scam and legitimate (ham) rows".into(),
        ));
    }
    let groups = corpus.groups();
    let folds = templates::folds(&groups, &corpus.positive, k);
    let scores = out_of_fold_scores(&base, &checker, &corpus, &folds, k, &recipe)?;
    let report = CrossValidation {
        folds: k,
        rows: corpus.rows.len(),
        scam,
        ham: corpus.rows.len() - scam,
        template_groups: groups.iter().max().map_or(0, |g| g + 1),
        recall_at_false_alarms: REPORTED_RATES
            .iter()
            .map(|&rate| at_rate(&scores, &corpus.positive, rate))
            .collect(),
    };
    if args.json {
        let json =
            serde_json::to_string_pretty(&report).map_err(|e| CliError::Io(e.to_string()))?;
        return crate::output::emit(&format!("{json}\n"));
    }
    let mut out = String::new();
    outln!(
        out,
        "grouped {}-fold cross-validation: {} rows ({} scam, {} ham) in {} template groups",
        report.folds,
        report.rows,
        report.scam,
        report.ham,
        report.template_groups
    );
    for r in &report.recall_at_false_alarms {
        outln!(
            out,
            "  recall at {:.1}% false alarms: {:.1}% (threshold {:.4}, false alarms {:.2}%)",
            r.rate * 100.0,
            r.recall * 100.0,
            r.threshold,
            r.false_alarms * 100.0
        );
    }
    crate::output::emit(&out)
}
