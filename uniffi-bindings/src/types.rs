//! The core's records and enums, declared to uniffi in this crate's namespace.
//!
//! Why mirrors and not the core's own `uniffi` feature: uniffi generates one module per crate
//! that calls `setup_scaffolding!`. With the derives in the core, Python gets two modules
//! (`canhgiac_core`, `canhgiac_ffi`), Kotlin two packages that cannot share one name (the
//! helpers would be redeclared), and Swift two modules. Declaring the core's types here as remote
//! types puts the whole API in one module: Kotlin package `vn.canhgiac.core`, Swift module
//! `CanhGiacCore`, Python `canhgiac_ffi`.
//!
//! Each mirror must list the core type's fields exactly: the generated conversions build and
//! take apart the real type, so a field added, removed or renamed in the core fails to compile
//! here. The `///` docs are the ones Kotlin and Swift show; keep them in step with the core's.

use canhgiac_core::{
    CatalogueInfo, CategoryInfo, CategoryRef, ChangeEntry, NumberFacts, NumberKind, QuizInfo,
    Reason, SharedText, Span, Verdict, VerdictLevel,
};

uniffi::custom_type!(
    /// A text of the catalogue (a reason's message, a category's title or advice): a plain
    /// string. The core shares one copy between verdicts; each crossing copies it once.
    SharedText,
    String,
    {
        remote,
        lower: |text| text.into(),
        try_lift: |text| Ok(SharedText::from(text)),
    }
);

/// The three verdicts a person sees: "lừa đảo", "đáng ngờ", "an toàn".
#[uniffi::remote(Enum)]
pub enum VerdictLevel {
    /// Lừa đảo: the evidence is strong; do not follow the message.
    Scam,
    /// Đáng ngờ: some warning signs; check through an official channel first.
    Suspicious,
    /// An toàn: no sign of a scam found.
    Safe,
}

/// An explained verdict.
#[uniffi::remote(Record)]
pub struct Verdict {
    /// Lừa đảo, đáng ngờ or an toàn.
    pub level: VerdictLevel,
    /// Strength of the evidence, 0..1.
    pub score: f32,
    /// The scam method it most looks like; absent when safe or unclear.
    pub category: Option<CategoryRef>,
    /// The signals that fired: evidence of a scam first, strongest first; then evidence of a
    /// genuine message, which lowered the score.
    pub reasons: Vec<Reason>,
    /// What to do, in Vietnamese.
    pub advice_vi: SharedText,
    /// What to do, in English.
    pub advice_en: SharedText,
    /// For a number check: what the number is.
    pub number: Option<NumberFacts>,
}

/// The scam method a verdict points at.
#[uniffi::remote(Record)]
pub struct CategoryRef {
    /// Stable id (`bank_otp`, `authority_summons`…).
    pub id: SharedText,
    /// Name of the method, in Vietnamese.
    pub title_vi: SharedText,
    /// Name of the method, in English.
    pub title_en: SharedText,
}

/// One piece of evidence, explained.
#[uniffi::remote(Record)]
pub struct Reason {
    /// Stable code of the signal or rule that fired (`credential.otp_request`, `link.lookalike`).
    pub code: SharedText,
    /// The explanation, in Vietnamese.
    pub message_vi: SharedText,
    /// The explanation, in English.
    pub message_en: SharedText,
    /// The words that triggered it, when it came from the text.
    pub span: Option<Span>,
}

/// Where in the checked text a reason was found.
#[uniffi::remote(Record)]
pub struct Span {
    /// Offset of the first character, counted in Unicode characters (code points, not UTF-16
    /// units: convert before indexing a Kotlin or Swift string).
    pub start: u32,
    /// Offset just past the last character, in Unicode characters.
    pub end: u32,
    /// The original text of the span, as the person wrote or received it.
    pub matched: String,
}

/// What kind of number was checked.
#[uniffi::remote(Enum)]
pub enum NumberKind {
    /// A Vietnamese mobile number.
    Mobile,
    /// A Vietnamese landline (area code starting with 2).
    Landline,
    /// A short code (3–6 digits) not known as an official service.
    ShortCode,
    /// A 1800 toll-free number.
    TollFree,
    /// A 1900 premium-rate number.
    Premium,
    /// A number outside Vietnam.
    International,
    /// A hotline or short code of an organisation in the catalogue.
    Official,
    /// Digits that fit no known plan.
    Unknown,
}

/// Facts about a checked phone number.
#[uniffi::remote(Record)]
pub struct NumberFacts {
    /// The number in a canonical form: E.164 (`+84912345678`) or the short code itself (`113`).
    pub normalised: String,
    /// What kind of number it is.
    pub kind: NumberKind,
    /// Country calling code (84 for Vietnam).
    pub country_code: u16,
    /// The carrier that was assigned the prefix (a hint: numbers can be ported).
    pub carrier_hint: Option<String>,
    /// The organisation this number officially belongs to.
    pub official_entity: Option<String>,
    /// The name of the service (`Cảnh sát 113`), in Vietnamese.
    pub service_vi: Option<String>,
    /// The name of the service, in English.
    pub service_en: Option<String>,
    /// True when an old 11-digit number was converted to today's 10 digits.
    pub converted_from_legacy: bool,
}

/// Version and contents of the catalogue in use.
#[uniffi::remote(Record)]
pub struct CatalogueInfo {
    /// Catalogue version; a newer bundle has a higher one.
    pub version: u64,
    /// Unix seconds.
    pub issued_at: i64,
    /// Unix seconds; after it the app should fetch a newer catalogue.
    pub expires_at: i64,
    /// True when signed with the development key (never in a district release).
    pub development: bool,
    /// Number of scam methods.
    pub categories: u32,
    /// Number of organisations (banks, authorities, carriers…).
    pub entities: u32,
    /// Number of warning signals.
    pub signals: u32,
    /// Number of official web domains.
    pub official_domains: u32,
    /// Number of official hotlines and short codes.
    pub official_numbers: u32,
    /// Number of reported scam numbers.
    pub blocked_numbers: u32,
    /// Number of reported scam domains.
    pub blocked_domains: u32,
    /// Number of reported scam bank accounts.
    pub blocked_accounts: u32,
    /// What changed, newest first.
    pub changelog: Vec<ChangeEntry>,
}

/// One version's changes.
#[uniffi::remote(Record)]
pub struct ChangeEntry {
    /// The catalogue version.
    pub version: u64,
    /// Its date (`YYYY-MM-DD`).
    pub date: String,
    /// The changes, in Vietnamese.
    pub changes_vi: Vec<String>,
    /// The changes, in English.
    pub changes_en: Vec<String>,
}

/// A scam method, as the learning screen shows it.
#[uniffi::remote(Record)]
pub struct CategoryInfo {
    /// Stable id (`bank_otp`…).
    pub id: String,
    /// Which of the seven methods of the district's directive it is, if one.
    pub directive_method: Option<u8>,
    /// Name, in Vietnamese.
    pub title_vi: String,
    /// Name, in English.
    pub title_en: String,
    /// How the scam works, in Vietnamese.
    pub how_vi: String,
    /// How the scam works, in English.
    pub how_en: String,
    /// Signs to recognise it, in Vietnamese.
    pub signs_vi: Vec<String>,
    /// Signs to recognise it, in English.
    pub signs_en: Vec<String>,
    /// What to do, in Vietnamese.
    pub advice_vi: String,
    /// What to do, in English.
    pub advice_en: String,
    /// A question to test what was learned.
    pub quiz: QuizInfo,
}

/// A multiple-choice question with its answer explained.
#[uniffi::remote(Record)]
pub struct QuizInfo {
    /// The question, in Vietnamese.
    pub question_vi: String,
    /// The question, in English.
    pub question_en: String,
    /// The choices, in Vietnamese.
    pub choices_vi: Vec<String>,
    /// The choices, in English (same order).
    pub choices_en: Vec<String>,
    /// Index of the right choice.
    pub answer: u32,
    /// Why that choice is right, in Vietnamese.
    pub explanation_vi: String,
    /// Why that choice is right, in English.
    pub explanation_en: String,
}
