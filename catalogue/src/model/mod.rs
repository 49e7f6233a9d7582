//! The catalogue as data: what the compiler produces from `assets/catalogue/*.toml` and what the
//! signed bundle carries to the phones. Field names here are the TOML keys.
//!
//! Nothing in this module decides anything; `canhgiac-core` turns it into fast matchers. The
//! lists the link, sender and number detectors read live in `model/lists.rs`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod lists;
mod text_model;

pub use lists::*;
pub use text_model::*;

/// The whole catalogue, as carried inside a signed bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub meta: Meta,
    pub scoring: Scoring,
    /// Texts shown to people that are not tied to one category or signal, by key (`verdict.scam`…).
    pub texts: BTreeMap<String, Text>,
    pub normalisation: Normalisation,
    pub categories: Vec<Category>,
    pub entities: Vec<Entity>,
    pub signals: Vec<Signal>,
    /// Weights and explanations of the built-in detectors (link, number and sender rules), by code.
    pub rules: BTreeMap<String, Rule>,
    pub links: LinkLists,
    pub senders: SenderLists,
    pub numbers: NumberPlan,
    pub blocklist: Blocklist,
    /// The learned scorer of messages; without one, messages are scored by the noisy-OR of the
    /// catalogue weights alone.
    #[serde(default)]
    pub model: Option<TextModel>,
}

/// Version and validity of one catalogue release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Monotonic catalogue version; phones refuse a bundle older than the one they have.
    pub version: u64,
    /// Day of issue, `YYYY-MM-DD` (UTC).
    pub issued_at: String,
    /// How many days after `issued_at` the bundle expires.
    pub valid_days: u32,
    /// What changed in each version, newest first.
    #[serde(default)]
    pub changelog: Vec<Change>,
}

/// One entry of the change log, in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: u64,
    pub date: String,
    pub changes_vi: Vec<String>,
    pub changes_en: Vec<String>,
}

/// Thresholds that turn a score in 0..1 into a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub scam_threshold: f32,
    pub suspicious_threshold: f32,
    /// Detector evidence at least this heavy (a look-alike domain, a reported number) is not
    /// outweighed by genuine-looking wording, which scammers copy from real notices.
    #[serde(default = "one")]
    pub strong_weight: f32,
    /// Entity kinds that write only under their brandname (banks, the state, utilities,
    /// operators): a message in their name from a personal number is suspect. Couriers and shops
    /// are not among them: their staff text from their own phones.
    #[serde(default)]
    pub brandname_only_kinds: Vec<String>,
    /// Entity kinds that speak for the state (police, courts, tax…): naming one is `fact.authority`.
    #[serde(default)]
    pub authority_kinds: Vec<String>,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

/// Language data for the normaliser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Normalisation {
    /// Teencode and abbreviations, whole word → expansion (`ko` → `không`, `stk` → `số tài khoản`).
    pub teencode: BTreeMap<String, String>,
    /// Units that may follow a number inside one word (`500k`, `3tr`): such digits are not leetspeak.
    pub units: Vec<String>,
    /// Words that negate what follows within the same clause (`không`, `đừng`): "đừng chuyển
    /// khoản" is advice, not a demand, so a phrase right after one of them does not count.
    #[serde(default)]
    pub negations: Vec<String>,
    /// Words that turn a following negation into a condition or purpose (`nếu không`, `để không`):
    /// "nếu không nộp phạt" is still a threat.
    #[serde(default)]
    pub negation_exceptions: Vec<String>,
    /// How many words before a phrase a negation reaches.
    #[serde(default)]
    pub negation_window: u8,
    /// Negations of several words whose scope runs on to the end of the clause, up to
    /// `scope_window` words ("không bao giờ", "tuyệt đối không"): "ngân hàng không bao giờ yêu
    /// cầu quý khách cung cấp mã OTP" denies the request however far it stands.
    #[serde(default)]
    pub scope_negations: Vec<String>,
    /// Words that carry a negation before them on to what follows them, across the comma
    /// between ("không chia sẻ mã cho ai, kể cả nhân viên ngân hàng"): without a negation
    /// before them they change nothing ("vay kể cả nợ xấu").
    #[serde(default)]
    pub scope_extenders: Vec<String>,
    /// How many words a scope negation or an extender reaches.
    #[serde(default)]
    pub scope_window: u8,
    /// How many words may stand between the parts of a phrase written with `…`
    /// ("tài khoản … bị khóa" matches "tài khoản của quý khách đã bị khóa").
    #[serde(default)]
    pub phrase_gap: u8,
}

/// A scam method: what it is, how to recognise it, what to do, and a quiz for the learning screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    /// Which of the seven methods of the district's 2022 directive this belongs to, if any.
    #[serde(default)]
    pub directive_method: Option<u8>,
    pub title_vi: String,
    pub title_en: String,
    pub how_vi: String,
    pub how_en: String,
    pub signs_vi: Vec<String>,
    pub signs_en: Vec<String>,
    pub advice_vi: String,
    pub advice_en: String,
    pub quiz: Quiz,
}

/// One multiple-choice question about a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    pub question_vi: String,
    pub question_en: String,
    pub choices_vi: Vec<String>,
    pub choices_en: Vec<String>,
    /// Index into the choices of the right answer.
    pub answer: u32,
    pub explanation_vi: String,
    pub explanation_en: String,
}

/// An organisation scammers impersonate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: String,
    /// bank, government, police, court, telecom, ecommerce, delivery, wallet, utility…
    pub kind: String,
    /// The category a message impersonating this entity most likely belongs to.
    #[serde(default)]
    pub category: Option<String>,
    /// Official registrable domains (compared by eTLD+1, never by substring).
    #[serde(default)]
    pub domains: Vec<Fact>,
    /// Official phone hotlines.
    #[serde(default)]
    pub hotlines: Vec<Fact>,
    /// Official SMS short codes.
    #[serde(default)]
    pub short_codes: Vec<Fact>,
    /// Registered SMS brandnames (alphanumeric senders).
    #[serde(default)]
    pub brandnames: Vec<Fact>,
    /// Names, abbreviations and misspellings as they appear in messages (matched on normalised text).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// True for platforms where anyone publishes (Zalo, Facebook): a link there is not the
    /// entity speaking, so it neither vouches for a message nor counts as official.
    #[serde(default)]
    pub user_content: bool,
    /// Words that, inside a host name that is not official, mean the host poses as this entity.
    #[serde(default)]
    pub domain_keywords: Vec<String>,
}

/// A fact taken from a public source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: String,
    /// Where it was read (an address), so a reviewer can check it.
    pub source: String,
    /// False when widely stated but not confirmed in the source.
    #[serde(default = "yes")]
    pub confirmed: bool,
}

fn one() -> f32 {
    1.0
}

fn yes() -> bool {
    true
}

/// How a signal looks for its evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SignalKind {
    /// Any of `phrases` occurs as whole words in the normalised text.
    #[default]
    Phrase,
    /// `pattern` (ASCII regex, no Unicode classes) matches the normalised text.
    Regex,
    /// Every tag or signal id in `all_of` fired on the same message.
    Combo,
}

/// One piece of evidence, with its weight and explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Stable code shown in reasons (`otp.request`).
    pub id: String,
    #[serde(default)]
    pub kind: SignalKind,
    #[serde(default)]
    pub category: Option<String>,
    /// Roles this signal plays in combos (`urgency`, `action`, `payment`…).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Noisy-OR weight in (0, 1); 0 marks context used only by combos; below 0 dampens the score
    /// (evidence of a genuine message, such as an OTP notice warning not to share the code).
    pub weight: f32,
    /// Whole-word phrases; `…` between two parts lets up to `normalisation.phrase_gap` words
    /// of the same sentence stand between them (see [`PHRASE_GAP`]).
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub all_of: Vec<String>,
    #[serde(default)]
    pub message_vi: String,
    #[serde(default)]
    pub message_en: String,
}

/// Weight and explanation of a built-in detector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub weight: f32,
    #[serde(default)]
    pub category: Option<String>,
    pub message_vi: String,
    pub message_en: String,
}

/// The mark between the parts of a phrase that may stand apart (`"tài khoản … bị khóa"`).
pub const PHRASE_GAP: char = '…';

/// Keys of `[texts]` the apps and the command line rely on.
pub const TEXT_KEYS: &[&str] = &[
    "verdict.scam",
    "verdict.suspicious",
    "verdict.safe",
    "advice.safe",
    "advice.generic",
    "advice.number_blocked",
    "advice.number_international",
    "number.kind.mobile",
    "number.kind.landline",
    "number.kind.short_code",
    "number.kind.toll_free",
    "number.kind.premium",
    "number.kind.international",
    "number.kind.official",
    "number.kind.unknown",
    "number.official",
    "reason.wording_scam",
    "reason.wording_genuine",
    "reason.no_sign",
];

impl Catalogue {
    /// The text for `key`, or the key itself when the catalogue lacks it (validated at build time).
    pub fn text(&self, key: &str) -> Text {
        self.texts.get(key).cloned().unwrap_or_else(|| Text {
            vi: key.to_owned(),
            en: key.to_owned(),
        })
    }
}
