//! The link check on two fixture lists (issue 13): links of organisations' own messages
//! (`assets/fixtures/links_official.tsv`: operators' product domains and deep links, banks,
//! wallets, shops, couriers, state portals, well-known sites) are at most 1% flagged, and
//! phishing links that name a brand (`links_phishing.tsv`: brand inside a domain or glued to
//! noise, look-alikes, homographs, bank words) at least 95% flagged.

use std::path::PathBuf;

use canhgiac_core::{Checker, VerdictLevel};

/// The links of `assets/fixtures/<name>` (one a line under a `link` header), with their lines.
fn links(name: &str) -> Vec<(usize, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../assets/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, line)| (i + 1, line.trim().to_owned()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The lines of the links of `name` whose verdict is (`flagged`) or is not flagged.
fn lines_where(name: &str, flagged: bool) -> (usize, Vec<usize>) {
    let checker = Checker::embedded().expect("the embedded catalogue loads");
    let rows = links(name);
    let found = rows
        .iter()
        .filter(|(_, link)| {
            let verdict = checker.check_link(link).expect("every fixture link parses");
            (verdict.level != VerdictLevel::Safe) == flagged
        })
        .map(|(line, _)| *line)
        .collect();
    (rows.len(), found)
}

#[test]
fn at_most_one_percent_of_official_links_flagged() {
    let (total, flagged) = lines_where("links_official.tsv", true);
    assert!(total >= 150, "the fixture needs at least 150 links");
    assert!(
        flagged.len() * 100 <= total,
        "{} of {total} official links flagged, lines {flagged:?}",
        flagged.len()
    );
}

#[test]
fn at_least_ninety_five_percent_of_brand_phishing_flagged() {
    let (total, missed) = lines_where("links_phishing.tsv", false);
    assert!(total >= 150, "the fixture needs at least 150 links");
    assert!(
        missed.len() * 100 <= total * 5,
        "{} of {total} phishing links not flagged, lines {missed:?}",
        missed.len()
    );
}
