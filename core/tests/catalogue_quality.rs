//! The scam-pattern catalogue measured on the fixtures (issue "catalogue"): every scam example is
//! flagged, at least 90% as scam, at most 1% of the legitimate look-alikes flagged at all; and the
//! catalogue's content promises (both languages, sources, seven directive methods, ASCII regexes);
//! and every verdict on them explained: one reason per signal, strongest first (genuine evidence
//! first in a safe verdict), in both languages.

use std::collections::BTreeMap;

use canhgiac_catalogue::model::{prior_weight, rule_feature, signal_feature, SignalKind};
use canhgiac_core::{Checker, VerdictLevel};

mod common;

use common::fixture;

fn checker() -> Checker {
    Checker::embedded().expect("the embedded catalogue loads")
}

#[test]
fn every_scam_example_is_flagged_and_nine_in_ten_as_scam() {
    let checker = checker();
    let rows = fixture("scam.tsv");
    let mut missed = Vec::new();
    let mut as_scam = 0;
    for row in &rows {
        let v = checker.check_sms(row.sender.as_deref(), &row.text);
        match v.level {
            VerdictLevel::Safe => missed.push(row.line),
            VerdictLevel::Scam => as_scam += 1,
            VerdictLevel::Suspicious => {}
        }
    }
    assert!(
        missed.is_empty(),
        "scam examples not flagged, lines {missed:?}"
    );
    let share = as_scam as f64 / rows.len() as f64;
    assert!(
        share >= 0.9,
        "only {:.1}% of scam examples flagged as scam",
        share * 100.0
    );
}

#[test]
fn at_most_one_percent_of_legitimate_look_alikes_flagged() {
    let checker = checker();
    let rows = fixture("ham.tsv");
    assert!(
        rows.len() >= 150,
        "the fixture needs at least 150 legitimate messages"
    );
    let flagged: Vec<usize> = rows
        .iter()
        .filter(|row| {
            checker.check_sms(row.sender.as_deref(), &row.text).level != VerdictLevel::Safe
        })
        .map(|row| row.line)
        .collect();
    assert!(
        flagged.len() as f64 <= rows.len() as f64 * 0.01,
        "legitimate messages flagged, lines {flagged:?}"
    );
}

#[test]
fn every_category_has_eight_examples_and_both_languages() {
    let checker = checker();
    let mut examples: BTreeMap<String, usize> = BTreeMap::new();
    for row in fixture("scam.tsv") {
        *examples.entry(row.category).or_default() += 1;
    }
    let categories = checker.categories();
    assert!(categories.len() >= 18);
    for c in &categories {
        assert!(
            examples.get(&c.id).copied().unwrap_or(0) >= 8,
            "category {} has fewer than 8 examples",
            c.id
        );
        for text in [
            &c.title_vi,
            &c.title_en,
            &c.how_vi,
            &c.how_en,
            &c.advice_vi,
            &c.advice_en,
        ] {
            assert!(!text.trim().is_empty(), "category {} lacks a text", c.id);
        }
        assert!((2..=3).contains(&c.signs_vi.len()) && c.signs_vi.len() == c.signs_en.len());
        assert!((c.quiz.answer as usize) < c.quiz.choices_vi.len());
    }
    let methods: Vec<u8> = categories
        .iter()
        .filter_map(|c| c.directive_method)
        .collect();
    for method in 1..=7 {
        assert!(
            methods.contains(&method),
            "directive method {method} has no category"
        );
    }
}

#[test]
fn official_facts_cite_sources_and_regexes_stay_ascii() {
    let checker = checker();
    let catalogue = checker.catalogue();
    let banks = catalogue
        .entities
        .iter()
        .filter(|e| e.kind == "bank")
        .count();
    assert!(banks >= 15, "only {banks} banks");
    for entity in &catalogue.entities {
        for fact in entity
            .domains
            .iter()
            .chain(&entity.hotlines)
            .chain(&entity.short_codes)
            .chain(&entity.brandnames)
        {
            assert!(
                fact.source.starts_with("http"),
                "{}: {} has no source address",
                entity.id,
                fact.value
            );
        }
    }
    for service in &catalogue.numbers.services {
        assert!(
            service.source.starts_with("http"),
            "service {} has no source address",
            service.number
        );
    }
    for blocked in catalogue
        .blocklist
        .numbers
        .iter()
        .chain(&catalogue.blocklist.domains)
        .chain(&catalogue.blocklist.accounts)
    {
        assert!(
            !blocked.source.trim().is_empty(),
            "blocklist entry without a source"
        );
    }
    for signal in catalogue
        .signals
        .iter()
        .filter(|s| s.kind == SignalKind::Regex)
    {
        let pattern = signal.pattern.as_deref().unwrap_or_default();
        assert!(
            !pattern.contains("\\p{") && !pattern.contains("(?u"),
            "{} asks for Unicode classes",
            signal.id
        );
        assert!(canhgiac_catalogue::pattern::compile_ascii_regex(pattern).is_ok());
    }
}

#[test]
fn every_verdict_lists_its_reasons_strongest_first_in_both_languages() {
    let checker = checker();
    let catalogue = checker.catalogue();
    let model = catalogue
        .model
        .as_ref()
        .expect("the catalogue has a learned model");
    // What a reason weighed: its learned weight, else the log-odds of its catalogue weight.
    let weight = |code: &str| {
        let (name, catalogue_weight) = match catalogue.signals.iter().find(|s| s.id == code) {
            Some(s) => (signal_feature(code), s.weight),
            None => (
                rule_feature(code),
                catalogue.rules.get(code).map_or(0.0, |r| r.weight),
            ),
        };
        let strong = catalogue_weight >= catalogue.scoring.strong_weight;
        match model.named.get(&name) {
            Some(&learned) if !strong => learned,
            _ => prior_weight(catalogue_weight),
        }
    };
    for name in ["scam.tsv", "ham.tsv", "holdout.tsv"] {
        for row in fixture(name) {
            let verdict = checker.check_sms(row.sender.as_deref(), &row.text);
            // The wording's reasons weigh what the n-grams did, which only the model knows.
            let weights: Vec<f32> = verdict
                .reasons
                .iter()
                .filter(|r| !r.code.starts_with("reason.") && r.code != "number.official")
                .map(|r| weight(&r.code))
                .collect();
            let ordered = if verdict.level == VerdictLevel::Safe {
                weights.windows(2).all(|w| w[0] <= w[1])
            } else {
                weights.windows(2).all(|w| w[0] >= w[1])
            };
            assert!(
                ordered,
                "{name}:{} reasons not strongest first ({:?}): {weights:?}",
                row.line, verdict.level
            );
            let mut codes: Vec<&str> = verdict.reasons.iter().map(|r| r.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(
                codes.len(),
                verdict.reasons.len(),
                "{name}:{} repeats a reason",
                row.line
            );
            for reason in &verdict.reasons {
                assert!(
                    !reason.message_vi.is_empty() && !reason.message_en.is_empty(),
                    "{name}:{} {} lacks a message",
                    row.line,
                    reason.code
                );
                assert!(!reason.message_vi.contains("{entity}"), "{}", reason.code);
            }
            assert!(!verdict.advice_vi.is_empty() && !verdict.advice_en.is_empty());
        }
    }
}
