//! What the apps show about the catalogue itself: version, validity, counts, change log, and the
//! categories with their explanations and quiz for the learning screen.

use canhgiac_catalogue::model::{Catalogue, Category};
use canhgiac_catalogue::BundleHeader;
use serde::Serialize;

/// Version and contents of the catalogue in use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueInfo {
    pub version: u64,
    /// Unix seconds.
    pub issued_at: i64,
    /// Unix seconds; after it the app should fetch a newer catalogue.
    pub expires_at: i64,
    /// True when signed with the development key (never in a district release).
    pub development: bool,
    pub categories: u32,
    pub entities: u32,
    pub signals: u32,
    pub official_domains: u32,
    pub official_numbers: u32,
    pub blocked_numbers: u32,
    pub blocked_domains: u32,
    pub blocked_accounts: u32,
    /// What changed, newest first.
    pub changelog: Vec<ChangeEntry>,
}

/// One version's changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeEntry {
    pub version: u64,
    pub date: String,
    pub changes_vi: Vec<String>,
    pub changes_en: Vec<String>,
}

/// A scam method, as the learning screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryInfo {
    pub id: String,
    /// Which of the seven methods of the district's directive it is, if one.
    pub directive_method: Option<u8>,
    pub title_vi: String,
    pub title_en: String,
    pub how_vi: String,
    pub how_en: String,
    pub signs_vi: Vec<String>,
    pub signs_en: Vec<String>,
    pub advice_vi: String,
    pub advice_en: String,
    pub quiz: QuizInfo,
}

/// A multiple-choice question with its answer explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizInfo {
    pub question_vi: String,
    pub question_en: String,
    pub choices_vi: Vec<String>,
    pub choices_en: Vec<String>,
    /// Index of the right choice.
    pub answer: u32,
    pub explanation_vi: String,
    pub explanation_en: String,
}

pub(crate) fn catalogue_info(
    c: &Catalogue,
    header: &BundleHeader,
    development: bool,
) -> CatalogueInfo {
    let count = |n: usize| n as u32;
    let official_numbers: usize = c
        .entities
        .iter()
        .map(|e| e.hotlines.len() + e.short_codes.len())
        .sum::<usize>()
        + c.numbers.services.len();
    CatalogueInfo {
        version: header.catalogue_version,
        issued_at: header.issued_at,
        expires_at: header.expires_at,
        development,
        categories: count(c.categories.len()),
        entities: count(c.entities.len()),
        signals: count(c.signals.len()),
        official_domains: count(c.entities.iter().map(|e| e.domains.len()).sum()),
        official_numbers: count(official_numbers),
        blocked_numbers: count(c.blocklist.numbers.len()),
        blocked_domains: count(c.blocklist.domains.len()),
        blocked_accounts: count(c.blocklist.accounts.len()),
        changelog: c
            .meta
            .changelog
            .iter()
            .map(|x| ChangeEntry {
                version: x.version,
                date: x.date.clone(),
                changes_vi: x.changes_vi.clone(),
                changes_en: x.changes_en.clone(),
            })
            .collect(),
    }
}

pub(crate) fn category_info(x: &Category) -> CategoryInfo {
    let q = &x.quiz;
    CategoryInfo {
        id: x.id.clone(),
        directive_method: x.directive_method,
        title_vi: x.title_vi.clone(),
        title_en: x.title_en.clone(),
        how_vi: x.how_vi.clone(),
        how_en: x.how_en.clone(),
        signs_vi: x.signs_vi.clone(),
        signs_en: x.signs_en.clone(),
        advice_vi: x.advice_vi.clone(),
        advice_en: x.advice_en.clone(),
        quiz: QuizInfo {
            question_vi: q.question_vi.clone(),
            question_en: q.question_en.clone(),
            choices_vi: q.choices_vi.clone(),
            choices_en: q.choices_en.clone(),
            answer: q.answer,
            explanation_vi: q.explanation_vi.clone(),
            explanation_en: q.explanation_en.clone(),
        },
    }
}
