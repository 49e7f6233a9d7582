//! What several test files (and the benchmarks) share: the labelled fixture messages.
// Each test file is its own crate and uses a part of this module.
#![allow(dead_code)]

use std::path::PathBuf;

/// One labelled message of a fixture file.
pub struct Row {
    /// Its line in the file (the header is line 1).
    pub line: usize,
    pub category: String,
    pub sender: Option<String>,
    pub text: String,
}

/// The rows of `assets/fixtures/<name>`.
pub fn fixture(name: &str) -> Vec<Row> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../assets/fixtures")
        .join(name);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(&path)
        .expect("fixture exists");
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.expect("well-formed fixture line");
            Row {
                line: i + 2,
                category: r[1].to_owned(),
                sender: Some(r[2].trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
                text: r[3].to_owned(),
            }
        })
        .collect()
}

/// Every message of the scam and the ordinary fixtures, in file order.
pub fn scam_and_ham() -> Vec<Row> {
    let mut all = fixture("scam.tsv");
    all.extend(fixture("ham.tsv"));
    all
}
