//! The learned model end to end: the score a phone computes is the model the trainer wrote
//! (features made once, by the same code, on both sides), training is deterministic and writes a
//! model the compiler accepts, and `eval --cv` reports recall at fixed false-alarm rates.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use canhgiac_catalogue::model::{prior_weight, rule_feature, signal_feature};
use canhgiac_core::Checker;
use common::{code, copy_dir, json_out, run, s, stdout, TempDir};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/fixtures")
}

/// `(sender, text)` of the rows of a fixture (label, category, sender, text).
fn rows(name: &str) -> Vec<(Option<String>, String)> {
    let text = fs::read_to_string(fixtures().join(name)).expect("the fixture reads");
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let sender = fields
                .get(2)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string());
            Some((sender, fields.get(3)?.to_string()))
        })
        .collect()
}

#[test]
fn the_phone_adds_up_what_the_trainer_learned() {
    let checker = Checker::embedded().expect("embedded");
    let catalogue = checker.catalogue();
    let model = catalogue
        .model
        .as_ref()
        .expect("the embedded catalogue has a model");
    let names = checker.feature_names();
    let signals = catalogue.signals.len();
    let prior = |i: usize| -> f32 {
        let name = &names[i];
        if i < signals {
            debug_assert_eq!(name, &signal_feature(&catalogue.signals[i].id));
            prior_weight(catalogue.signals[i].weight)
        } else {
            let code = name.trim_start_matches("rule:");
            debug_assert!(!name.starts_with("rule:") || name == &rule_feature(code));
            catalogue
                .rules
                .get(code)
                .map_or(0.0, |r| prior_weight(r.weight))
        }
    };
    let mut checked = 0;
    for (sender, text) in rows("scam.tsv")
        .into_iter()
        .chain(rows("ham.tsv"))
        .step_by(5)
    {
        let features = checker.model_features(sender.as_deref(), &text, &model.ngrams);
        let named: f32 = features
            .named
            .iter()
            .map(|&i| {
                let i = i as usize;
                model
                    .named
                    .get(&names[i])
                    .copied()
                    .unwrap_or_else(|| prior(i))
            })
            .sum();
        let ngrams: f32 = features
            .ngrams
            .iter()
            .map(|&(b, v)| f32::from(model.ngram_weights[b as usize]) * model.ngram_scale * v)
            .sum();
        let p = 1.0 / (1.0 + (-(model.bias + named + ngrams)).exp());
        let expected = 1.0 - (1.0 - p) * features.strong_keep;
        let score = checker.check_sms(sender.as_deref(), &text).score;
        assert!(
            (score - expected).abs() < 1e-3,
            "{text:?}: the phone scores {score}, the trainer's features give {expected}"
        );
        checked += 1;
    }
    assert!(checked > 50);
}

#[test]
fn training_is_deterministic_and_writes_a_model_the_compiler_accepts() {
    let dir = TempDir::new("train");
    let sources = dir.path("catalogue");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalogue"),
        &sources,
    );
    let scam = fixtures().join("scam.tsv");
    let ham = fixtures().join("ham.tsv");
    let train = || {
        let out = run(&[
            "catalogue",
            "train",
            "--sources",
            s(&sources),
            "--data",
            s(&scam),
            "--data",
            &format!("{}:2", s(&ham)),
            "--folds",
            "2",
            "--hash-bits",
            "10",
        ]);
        assert_eq!(code(&out), 0, "{}", common::stderr(&out));
        let weights = fs::read(sources.join("model/ngram_weights.bin")).expect("weights written");
        let described = fs::read_to_string(sources.join("model/model.toml")).expect("written");
        (stdout(&out), weights, described)
    };
    let (printed, weights, described) = train();
    assert!(printed.contains("thresholds: suspicious"), "{printed}");
    assert_eq!(weights.len(), 1 << 10);
    assert!(
        described.contains("ham.tsv (187 rows, each counted 2×)"),
        "{described}"
    );
    assert!(
        !described.contains("ngram_weights ="),
        "the weights are in their own file"
    );
    assert_eq!(train().1, weights, "the same data trains the same weights");

    let bundle = dir.path("bundle.cgcb");
    let built = run(&[
        "catalogue",
        "build",
        "--sources",
        s(&sources),
        "--out",
        s(&bundle),
    ]);
    assert_eq!(code(&built), 0, "{}", common::stderr(&built));

    let refused = run(&[
        "catalogue",
        "train",
        "--sources",
        s(&sources),
        "--data",
        &format!("{}:0", s(&ham)),
    ]);
    assert_ne!(code(&refused), 0, "a weight of 0 is refused");
}

#[test]
fn eval_cross_validates_by_template_and_reports_recall_at_false_alarm_rates() {
    let dir = TempDir::new("cv");
    let mut csv = String::from("label,text\n");
    for (label, name) in [("scam", "scam.tsv"), ("ham", "ham.tsv")] {
        for (_, text) in rows(name) {
            csv.push_str(&format!("{label},\"{}\"\n", text.replace('"', "\"\"")));
        }
    }
    let file = dir.write("rows.csv", csv.as_bytes());
    let report = json_out(&run(&[
        "eval",
        "--json",
        "--cv",
        "3",
        "--hash-bits",
        "10",
        s(&file),
    ]));
    assert_eq!(report["folds"], 3);
    assert_eq!(report["scam"], 200);
    assert_eq!(report["ham"], 187);
    let groups = report["template_groups"].as_u64().expect("a count");
    assert!(groups > 100 && groups <= 387, "{groups}");
    let rates = report["recall_at_false_alarms"].as_array().expect("rates");
    let rate_of = |i: usize| rates[i]["rate"].as_f64().expect("a rate");
    assert_eq!((rate_of(0), rate_of(1), rate_of(2)), (0.005, 0.01, 0.02));
    for r in rates {
        let recall = r["recall"].as_f64().expect("recall");
        assert!((0.0..=1.0).contains(&recall), "{r}");
        assert!(r["false_alarms"].as_f64().expect("rate") <= r["rate"].as_f64().expect("rate"));
    }

    // One fold cannot be cross-validated.
    let refused = run(&["eval", "--cv", "1", s(&file)]);
    assert_ne!(code(&refused), 0);
}
