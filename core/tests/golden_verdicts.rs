//! Every verdict on the three fixture files, compared byte for byte with the committed record
//! `core/tests/golden/verdicts.jsonl`: a change meant to keep behaviour (a refactor, a faster
//! path, a crate instead of hand-written code) must not move one byte of what a person sees.
//!
//! Each message is checked with its sender and without; the sender is checked as a number when
//! it has digits, and every word of the text that could be a link is checked as one (accepted or
//! refused, both are recorded).
//!
//! A change that is meant to change verdicts (new catalogue content, a new signal) rewrites the
//! record with `CANHGIAC_UPDATE_GOLDEN=1 cargo test -p canhgiac-core --test golden_verdicts`, and
//! the diff of the record is reviewed with the change.

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use canhgiac_core::Checker;

const FIXTURES: [&str; 3] = ["scam.tsv", "ham.tsv", "holdout.tsv"];

fn record_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/verdicts.jsonl")
}

/// One line per check: where it comes from, what was checked, and the verdict or the error.
fn record(checker: &Checker) -> String {
    let mut out = String::new();
    let mut line = |source: String, kind: &str, outcome: String| {
        writeln!(out, "{source}\t{kind}\t{outcome}").expect("writing to a String");
    };
    let json = |verdict| serde_json::to_string(&verdict).expect("a verdict serialises");
    for file in FIXTURES {
        for row in common::fixture(file) {
            let at = format!("{file}:{}", row.line);
            if let Some(sender) = &row.sender {
                line(
                    at.clone(),
                    "sms+sender",
                    json(checker.check_sms(Some(sender), &row.text)),
                );
                if sender.chars().any(|c| c.is_ascii_digit()) {
                    let outcome = match checker.check_number(sender) {
                        Ok(v) => json(v),
                        Err(e) => format!("error: {e}"),
                    };
                    line(at.clone(), "number", outcome);
                }
            }
            line(at.clone(), "sms", json(checker.check_sms(None, &row.text)));
            for word in row.text.split_whitespace() {
                if word.contains('.') || word.contains("://") {
                    let outcome = match checker.check_link(word) {
                        Ok(v) => json(v),
                        Err(e) => format!("error: {e}"),
                    };
                    line(at.clone(), "link", outcome);
                }
            }
        }
    }
    out
}

#[test]
fn verdicts_on_the_fixtures_are_unchanged() {
    let checker = Checker::embedded().expect("the embedded catalogue loads");
    let now = record(&checker);
    let path = record_path();
    if std::env::var_os("CANHGIAC_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create the folder");
        std::fs::write(&path, &now).expect("write the record");
        return;
    }
    let before = std::fs::read_to_string(&path).expect("the committed record exists");
    let changed: Vec<(usize, &str, &str)> = before
        .lines()
        .zip(now.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a, b))
        .collect();
    if let Some(&(line, was, is)) = changed.first() {
        panic!(
            "{} of {} verdicts changed; the first, line {line}:\nwas: {was}\nnow: {is}\n\
             (if the change is meant, rewrite the record: CANHGIAC_UPDATE_GOLDEN=1)",
            changed.len(),
            before.lines().count(),
        );
    }
    assert_eq!(
        before.lines().count(),
        now.lines().count(),
        "the number of checks changed"
    );
    assert_eq!(before, now, "the record differs in line endings");
}
