//! `canhgiac eval FILE`: recall, precision and false-positive rate of the detector on a labelled
//! CSV or TSV file, overall and per category, with the misclassified rows.

use std::collections::BTreeMap;

use canhgiac_core::{Checker, VerdictLevel};
use serde::Serialize;

use crate::check::load_checker;
use crate::error::CliError;
use crate::labelled::{read_rows, Label, Row};
use crate::learn::calibrate::{at_rate, AtRate, REPORTED_RATES};
use crate::outln;
use crate::EvalArgs;

#[derive(Serialize, Default, Clone)]
struct Tally {
    total: usize,
    flagged: usize,
    as_scam: usize,
}

impl Tally {
    fn add(&mut self, level: VerdictLevel) {
        self.total += 1;
        self.flagged += usize::from(level != VerdictLevel::Safe);
        self.as_scam += usize::from(level == VerdictLevel::Scam);
    }
    fn rate(&self, n: usize) -> Option<f64> {
        ratio(n, self.total)
    }
}

/// `n / total`, undefined (`None`, JSON `null`, "n/a") when there is nothing to divide by: a file
/// without scam rows has no recall, not a recall of zero.
fn ratio(n: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| n as f64 / total as f64)
}

#[derive(Serialize)]
struct Report {
    rows: usize,
    skipped: usize,
    /// Scam rows flagged at all (scam or suspicious); `null` without scam rows.
    recall: Option<f64>,
    /// Scam rows flagged as scam; `null` without scam rows.
    scam_recall: Option<f64>,
    /// Flagged rows that are scam or spam; `null` when nothing was flagged.
    precision: Option<f64>,
    /// Ham rows flagged at all; `null` without ham rows.
    false_positive_rate: Option<f64>,
    /// Recall of the scam rows at 0.5%, 1% and 2% of the ham rows flagged, ranking by score;
    /// empty without both.
    recall_at_false_alarms: Vec<AtRate>,
    scam: Tally,
    spam: Tally,
    ham: Tally,
    /// Per category named in the file's category column (scam rows) and per ham kind.
    by_category: Vec<CategoryLine>,
    /// Per category the detector predicted, over flagged rows.
    by_predicted: Vec<PredictedLine>,
    misclassified: Vec<Miss>,
}

#[derive(Serialize)]
struct CategoryLine {
    label: Label,
    category: String,
    total: usize,
    flagged: usize,
    as_scam: usize,
    /// Recall for scam and spam rows; false-positive rate for ham rows.
    rate: f64,
}

#[derive(Serialize)]
struct PredictedLine {
    category: String,
    flagged: usize,
    correct: usize,
    precision: f64,
    /// Flagged scam rows whose labelled category matches the predicted one.
    category_agrees: usize,
}

#[derive(Serialize)]
struct Miss {
    line: usize,
    /// `missed` (scam or spam found safe), `false_positive` (ham flagged), `weak` (scam only suspicious).
    kind: &'static str,
    label: Label,
    category: Option<String>,
    verdict: &'static str,
    predicted_category: Option<String>,
    score: f64,
    sender: Option<String>,
    text: String,
    reasons: Vec<String>,
}

pub fn run(args: &EvalArgs) -> Result<(), CliError> {
    let checker = load_checker(&args.source)?;
    let (mut rows, mut skipped) = read_rows(&args.file)?;
    if let Some(range) = &args.exclude_ids {
        let before = rows.len();
        rows.retain(|r| !r.id.as_deref().is_some_and(|id| range.contains(id)));
        skipped += before - rows.len();
    }
    if let Some(k) = args.cv {
        return crate::cross_validation::run(
            checker.catalogue().clone(),
            rows,
            usize::from(k),
            args,
        );
    }
    let report = evaluate(&checker, &rows, skipped);
    if args.json {
        let json =
            serde_json::to_string_pretty(&report).map_err(|e| CliError::Io(e.to_string()))?;
        crate::output::emit(&format!("{json}\n"))?;
    } else {
        crate::output::emit(&print_report(&report, args.max_rows))?;
    }
    Ok(())
}

fn evaluate(checker: &Checker, rows: &[Row], skipped: usize) -> Report {
    let (mut scam, mut spam, mut ham) = (Tally::default(), Tally::default(), Tally::default());
    let mut by_category: BTreeMap<(u8, String), Tally> = BTreeMap::new();
    let mut by_predicted: BTreeMap<String, PredictedLine> = BTreeMap::new();
    let mut misclassified = Vec::new();
    let (mut scores, mut positive) = (Vec::new(), Vec::new());
    for row in rows {
        let v = checker.check_sms(row.sender.as_deref(), &row.text);
        if row.label != Label::Spam {
            scores.push(v.score);
            positive.push(row.label == Label::Scam);
        }
        match row.label {
            Label::Scam => scam.add(v.level),
            Label::Spam => spam.add(v.level),
            Label::Ham => ham.add(v.level),
        }
        if let Some(category) = &row.category {
            by_category
                .entry((row.label as u8, category.clone()))
                .or_default()
                .add(v.level);
        }
        let predicted = v.category.as_ref().map(|c| c.id.to_string());
        if v.level != VerdictLevel::Safe {
            let key = predicted.clone().unwrap_or_else(|| "-".into());
            let line = by_predicted.entry(key.clone()).or_insert(PredictedLine {
                category: key,
                flagged: 0,
                correct: 0,
                precision: 0.0,
                category_agrees: 0,
            });
            line.flagged += 1;
            line.correct += usize::from(row.label != Label::Ham);
            line.category_agrees +=
                usize::from(row.label == Label::Scam && row.category == predicted);
        }
        let kind = match (row.label, v.level) {
            (Label::Ham, VerdictLevel::Safe) => None,
            (Label::Ham, _) => Some("false_positive"),
            (_, VerdictLevel::Safe) => Some("missed"),
            (Label::Scam, VerdictLevel::Suspicious) => Some("weak"),
            _ => None,
        };
        if let Some(kind) = kind {
            misclassified.push(Miss {
                line: row.line,
                kind,
                label: row.label,
                category: row.category.clone(),
                verdict: v.level.as_str(),
                predicted_category: predicted,
                score: crate::check::rounded(v.score),
                sender: row.sender.clone(),
                text: row.text.clone(),
                reasons: v.reasons.iter().map(|r| r.code.to_string()).collect(),
            });
        }
    }
    let flagged = scam.flagged + spam.flagged + ham.flagged;
    let mut predicted: Vec<PredictedLine> = by_predicted.into_values().collect();
    for line in &mut predicted {
        line.precision = ratio(line.correct, line.flagged).unwrap_or_default();
    }
    Report {
        rows: rows.len(),
        skipped,
        recall: scam.rate(scam.flagged),
        scam_recall: scam.rate(scam.as_scam),
        precision: ratio(scam.flagged + spam.flagged, flagged),
        false_positive_rate: ham.rate(ham.flagged),
        recall_at_false_alarms: if scam.total > 0 && ham.total > 0 {
            REPORTED_RATES
                .iter()
                .map(|&rate| at_rate(&scores, &positive, rate))
                .collect()
        } else {
            Vec::new()
        },
        by_category: by_category
            .into_iter()
            .map(|((label, category), t)| {
                let label = [Label::Scam, Label::Spam, Label::Ham][label as usize];
                CategoryLine {
                    label,
                    category,
                    // A category line counts at least its one row.
                    rate: t.rate(t.flagged).unwrap_or_default(),
                    total: t.total,
                    flagged: t.flagged,
                    as_scam: t.as_scam,
                }
            })
            .collect(),
        by_predicted: predicted,
        scam,
        spam,
        ham,
        misclassified,
    }
}

fn print_report(r: &Report, max_rows: usize) -> String {
    let mut out = String::new();
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let rate = |x: Option<f64>| x.map_or_else(|| "n/a".to_owned(), pct);
    outln!(out, "rows {} (skipped {})", r.rows, r.skipped);
    outln!(
        out,
        "scam  {:>5}  recall {} (flagged {}), as scam {} ({})",
        r.scam.total,
        rate(r.recall),
        r.scam.flagged,
        r.scam.as_scam,
        rate(r.scam_recall)
    );
    if r.spam.total > 0 {
        outln!(
            out,
            "spam  {:>5}  flagged {} ({})",
            r.spam.total,
            r.spam.flagged,
            rate(r.spam.rate(r.spam.flagged))
        );
    }
    outln!(
        out,
        "ham   {:>5}  false positives {} ({})",
        r.ham.total,
        r.ham.flagged,
        rate(r.false_positive_rate)
    );
    outln!(out, "precision {}", rate(r.precision));
    for at in &r.recall_at_false_alarms {
        outln!(
            out,
            "recall at {:.1}% false alarms (by score): {}",
            at.rate * 100.0,
            pct(at.recall)
        );
    }
    if !r.by_category.is_empty() {
        outln!(out, "\nper labelled category   total flagged as_scam rate");
        for c in &r.by_category {
            let label = match c.label {
                Label::Scam => "scam",
                Label::Spam => "spam",
                Label::Ham => "ham",
            };
            outln!(
                out,
                "  {label:<4} {:<20} {:>5} {:>7} {:>7} {:>6}",
                c.category,
                c.total,
                c.flagged,
                c.as_scam,
                pct(c.rate)
            );
        }
    }
    outln!(
        out,
        "\nper predicted category  flagged correct precision same_category"
    );
    for p in &r.by_predicted {
        outln!(
            out,
            "  {:<22} {:>7} {:>7} {:>9} {:>6}",
            p.category,
            p.flagged,
            p.correct,
            pct(p.precision),
            p.category_agrees
        );
    }
    let shown = if max_rows == 0 {
        r.misclassified.len()
    } else {
        max_rows.min(r.misclassified.len())
    };
    outln!(out, "\nmisclassified ({}):", r.misclassified.len());
    for m in &r.misclassified[..shown] {
        outln!(
            out,
            "  line {} {} [{} {}] -> {} {:.2} {} [{}]\n      {}",
            m.line,
            m.kind,
            match m.label {
                Label::Scam => "scam",
                Label::Spam => "spam",
                Label::Ham => "ham",
            },
            m.category.as_deref().unwrap_or("-"),
            m.verdict,
            m.score,
            m.predicted_category.as_deref().unwrap_or("-"),
            m.reasons.join(","),
            m.text
        );
    }
    out
}
