//! Validation of a compiled catalogue, strict because a mistake here reaches every phone: unknown
//! keys, duplicate ids, dangling references, weights out of range, regexes that do not compile in
//! ASCII mode, texts missing a language and facts without a source are all refused with the file
//! or id at fault. Part of the `authoring` feature, with the compiler that calls it.

use std::collections::BTreeSet;

use crate::codes::{Fact, RuleCode};
use crate::dates::unix_day;
use crate::error::SourceError;
use crate::model::*;
use crate::pattern::{compile_ascii_regex, compile_ascii_regex_set};

/// Checks everything the phones rely on; every problem found is returned, one per line.
pub fn validate(c: &Catalogue) -> Result<(), SourceError> {
    let mut problems = Problems::default();
    validate_meta(c, &mut problems);
    let categories = unique_ids(
        c.categories.iter().map(|x| x.id.as_str()),
        "category",
        &mut problems,
    );
    for category in &c.categories {
        validate_category(category, &mut problems);
    }
    let entities = unique_ids(
        c.entities.iter().map(|x| x.id.as_str()),
        "entity",
        &mut problems,
    );
    for entity in &c.entities {
        validate_entity(entity, &categories, &mut problems);
    }
    validate_signals(c, &categories, &mut problems);
    if let Some(model) = &c.model {
        if let Some(problem) = model.problem(|name| c.has_feature(name)) {
            problems.add(format!("model: {problem}"));
        }
    }
    // Every built-in rule needs its weight and texts; a rule no detector fires is a typo.
    for code in RuleCode::ALL.iter().map(|c| c.as_str()) {
        match c.rules.get(code) {
            None => problems.add(format!("rules.toml lacks the rule {code}")),
            Some(rule) => {
                check_weight(code, rule.weight, &mut problems);
                check_text(code, &rule.message_vi, &rule.message_en, &mut problems);
                check_category(code, rule.category.as_deref(), &categories, &mut problems);
            }
        }
    }
    for code in c.rules.keys() {
        if RuleCode::parse(code).is_none() {
            problems.add(format!("rules.toml names an unknown rule {code}"));
        }
    }
    validate_numbers(c, &entities, &mut problems);
    problems.into_result()
}

fn validate_meta(c: &Catalogue, p: &mut Problems) {
    if c.meta.version == 0 {
        p.add("meta.version must be at least 1".into());
    }
    if unix_day(&c.meta.issued_at).is_none() {
        p.add("meta.issued_at must be a date YYYY-MM-DD".into());
    }
    if c.meta.valid_days == 0 {
        p.add("meta.valid_days must be at least 1".into());
    }
    match c
        .meta
        .changelog
        .iter()
        .find(|x| x.version == c.meta.version)
    {
        None => p.add("meta.changelog has no entry for the current version".into()),
        Some(change) => {
            if change.changes_vi.is_empty() || change.changes_vi.len() != change.changes_en.len() {
                p.add("the change log entry needs as many Vietnamese as English lines".into());
            }
        }
    }
    let s = &c.scoring;
    if !(0.0 < s.suspicious_threshold
        && s.suspicious_threshold < s.scam_threshold
        && s.scam_threshold <= 1.0)
    {
        p.add("scoring needs 0 < suspicious_threshold < scam_threshold <= 1".into());
    }
    for key in TEXT_KEYS {
        match c.texts.get(*key) {
            None => p.add(format!("texts lacks {key}")),
            Some(text) => check_text(key, &text.vi, &text.en, p),
        }
    }
    for (word, expansion) in &c.normalisation.teencode {
        if word.trim().is_empty() || expansion.trim().is_empty() {
            p.add("teencode entries need a word and an expansion".into());
        }
    }
}

fn validate_category(x: &Category, p: &mut Problems) {
    let id = &x.id;
    check_text(id, &x.title_vi, &x.title_en, p);
    check_text(id, &x.how_vi, &x.how_en, p);
    check_text(id, &x.advice_vi, &x.advice_en, p);
    if !(2..=3).contains(&x.signs_vi.len()) || x.signs_vi.len() != x.signs_en.len() {
        p.add(format!(
            "category {id}: 2 or 3 signs, as many in Vietnamese as in English"
        ));
    }
    if x.directive_method.is_some_and(|m| !(1..=7).contains(&m)) {
        p.add(format!("category {id}: directive_method is 1..7"));
    }
    let q = &x.quiz;
    check_text(id, &q.question_vi, &q.question_en, p);
    check_text(id, &q.explanation_vi, &q.explanation_en, p);
    if q.choices_vi.len() < 2
        || q.choices_vi.len() != q.choices_en.len()
        || q.answer as usize >= q.choices_vi.len()
    {
        p.add(format!(
            "category {id}: the quiz needs matching choices and an answer among them"
        ));
    }
}

fn validate_entity(x: &Entity, categories: &BTreeSet<&str>, p: &mut Problems) {
    let id = &x.id;
    if x.name.trim().is_empty() || x.kind.trim().is_empty() || x.aliases.is_empty() {
        p.add(format!("entity {id}: needs a name, a kind and aliases"));
    }
    check_category(id, x.category.as_deref(), categories, p);
    for fact in x
        .domains
        .iter()
        .chain(&x.hotlines)
        .chain(&x.short_codes)
        .chain(&x.brandnames)
    {
        if fact.value.trim().is_empty() || fact.source.trim().is_empty() {
            p.add(format!(
                "entity {id}: every domain, number and brandname needs a value and a source"
            ));
        }
    }
    for number in x.hotlines.iter().chain(&x.short_codes) {
        if !number.value.bytes().all(|b| b.is_ascii_digit()) {
            p.add(format!("entity {id}: numbers are written as digits only"));
        }
    }
}

fn validate_signals(c: &Catalogue, categories: &BTreeSet<&str>, p: &mut Problems) {
    let ids = unique_ids(c.signals.iter().map(|x| x.id.as_str()), "signal", p);
    // The phones search every pattern in one set: each compiling alone is not enough.
    let patterns: Vec<&str> = c
        .signals
        .iter()
        .filter_map(|x| x.pattern.as_deref())
        .collect();
    if let Err(error) = compile_ascii_regex_set(patterns.iter().copied()) {
        p.add(format!(
            "the signal patterns do not compile as one set: {error}"
        ));
    }
    let tags: BTreeSet<&str> = c
        .signals
        .iter()
        .flat_map(|x| x.tags.iter().map(String::as_str))
        .collect();
    for x in &c.signals {
        let id = &x.id;
        check_weight(id, x.weight, p);
        check_category(id, x.category.as_deref(), categories, p);
        if x.weight != 0.0 {
            check_text(id, &x.message_vi, &x.message_en, p);
        }
        match x.kind {
            SignalKind::Phrase => {
                let empty_part =
                    |ph: &String| ph.split(PHRASE_GAP).any(|part| part.trim().is_empty());
                if x.phrases.is_empty() || x.phrases.iter().any(empty_part) {
                    p.add(format!(
                        "signal {id}: a phrase signal needs non-empty phrases (and parts around `…`)"
                    ));
                }
                if c.normalisation.phrase_gap == 0
                    && x.phrases.iter().any(|ph| ph.contains(PHRASE_GAP))
                {
                    p.add(format!(
                        "signal {id}: a phrase with `…` needs normalisation.phrase_gap above 0"
                    ));
                }
            }
            SignalKind::Regex => match &x.pattern {
                None => p.add(format!("signal {id}: a regex signal needs a pattern")),
                Some(pattern) => {
                    if let Err(error) = compile_ascii_regex(pattern) {
                        p.add(format!("signal {id}: {error}"));
                    }
                }
            },
            SignalKind::Combo => {
                if x.all_of.len() < 2 {
                    p.add(format!("signal {id}: a combo needs at least two parts"));
                }
                for part in &x.all_of {
                    if !tags.contains(part.as_str())
                        && !ids.contains(part.as_str())
                        && Fact::parse(part).is_none()
                    {
                        p.add(format!(
                            "signal {id}: combo part {part} is neither a tag, a signal nor a fact"
                        ));
                    }
                }
            }
        }
    }
}

fn validate_numbers(c: &Catalogue, entities: &BTreeSet<&str>, p: &mut Problems) {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for x in &c.numbers.mobile_prefixes {
        if !digits(&x.prefix) || !x.prefix.starts_with('0') || x.source.trim().is_empty() {
            p.add("mobile prefixes are digits starting with 0 and cite a source".into());
        }
    }
    for x in &c.numbers.legacy_prefixes {
        if !digits(&x.old) || !digits(&x.new) {
            p.add("legacy prefixes are digits".into());
        }
    }
    for x in &c.numbers.services {
        if !digits(&x.number) || x.source.trim().is_empty() {
            p.add(format!("service {}: digits only and a source", x.name_en));
        }
        if let Some(entity) = &x.entity {
            if !entities.contains(entity.as_str()) {
                p.add(format!("service {}: unknown entity {entity}", x.name_en));
            }
        }
        check_text(&x.name_en, &x.name_vi, &x.name_en, p);
    }
    let blocked = c
        .blocklist
        .numbers
        .iter()
        .chain(&c.blocklist.domains)
        .chain(&c.blocklist.accounts);
    for x in blocked {
        if x.value.trim().is_empty() || x.source.trim().is_empty() {
            p.add("every blocklist entry needs a value and a source".into());
        }
    }
    for x in c.links.well_known.iter().chain(&c.links.state_domains) {
        if x.value.trim().is_empty() || x.name.trim().is_empty() || x.source.trim().is_empty() {
            p.add(
                "every well-known site and state domain needs a value, a name and a source".into(),
            );
        }
    }
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    p: &mut Problems,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            p.add(format!("a {what} has an empty id"));
        } else if !seen.insert(id) {
            p.add(format!("the {what} id {id} is used twice"));
        }
    }
    seen
}

fn check_weight(id: &str, weight: f32, p: &mut Problems) {
    if !(weight > -1.0 && weight < 1.0) {
        p.add(format!("{id}: weight must be in (-1, 1)"));
    }
}

fn check_text(id: &str, vi: &str, en: &str, p: &mut Problems) {
    if vi.trim().is_empty() || en.trim().is_empty() {
        p.add(format!("{id}: needs its text in Vietnamese and in English"));
    }
}

fn check_category(id: &str, category: Option<&str>, categories: &BTreeSet<&str>, p: &mut Problems) {
    if let Some(category) = category {
        if !categories.contains(category) {
            p.add(format!("{id}: unknown category {category}"));
        }
    }
}

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, problem: String) {
        self.0.push(problem);
    }

    fn into_result(self) -> Result<(), SourceError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(SourceError::Invalid(self.0.join("\n  ")))
        }
    }
}
