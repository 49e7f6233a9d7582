//! What a check returns: an explained verdict. Every flag names the signal that fired and the
//! advice to follow, in Vietnamese and English.

use serde::Serialize;

use crate::shared_text::SharedText;

/// The three verdicts a person sees: "lừa đảo", "đáng ngờ", "an toàn".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictLevel {
    /// Lừa đảo: the evidence is strong; do not follow the message.
    Scam,
    /// Đáng ngờ: some warning signs; check through an official channel first.
    Suspicious,
    /// An toàn: no sign of a scam found.
    Safe,
}

impl VerdictLevel {
    /// The key of this level's label in the catalogue texts (`verdict.scam`…).
    pub fn text_key(self) -> &'static str {
        match self {
            VerdictLevel::Scam => "verdict.scam",
            VerdictLevel::Suspicious => "verdict.suspicious",
            VerdictLevel::Safe => "verdict.safe",
        }
    }

    /// The lowercase English word used in JSON (`scam`, `suspicious`, `safe`).
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictLevel::Scam => "scam",
            VerdictLevel::Suspicious => "suspicious",
            VerdictLevel::Safe => "safe",
        }
    }
}

/// The scam method a verdict points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryRef {
    /// Stable id (`bank_otp`, `authority_summons`…).
    pub id: SharedText,
    pub title_vi: SharedText,
    pub title_en: SharedText,
}

/// Where in the checked text a reason was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Offset of the first character, counted in Unicode characters (code points).
    pub start: u32,
    /// Offset just past the last character, in Unicode characters.
    pub end: u32,
    /// The original text of the span, as the person wrote or received it.
    pub matched: String,
}

/// One piece of evidence, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable code of the signal or rule that fired (`credential.otp_request`, `link.lookalike`).
    pub code: SharedText,
    pub message_vi: SharedText,
    pub message_en: SharedText,
    /// The words that triggered it, when it came from the text.
    pub span: Option<Span>,
}

/// What kind of number was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

impl NumberKind {
    /// The key of this kind's label in the catalogue texts.
    pub fn text_key(self) -> &'static str {
        match self {
            NumberKind::Mobile => "number.kind.mobile",
            NumberKind::Landline => "number.kind.landline",
            NumberKind::ShortCode => "number.kind.short_code",
            NumberKind::TollFree => "number.kind.toll_free",
            NumberKind::Premium => "number.kind.premium",
            NumberKind::International => "number.kind.international",
            NumberKind::Official => "number.kind.official",
            NumberKind::Unknown => "number.kind.unknown",
        }
    }
}

/// Facts about a checked phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberFacts {
    /// The number in a canonical form: E.164 (`+84912345678`) or the short code itself (`113`).
    pub normalised: String,
    pub kind: NumberKind,
    /// Country calling code (84 for Vietnam).
    pub country_code: u16,
    /// The carrier that was assigned the prefix (a hint: numbers can be ported).
    pub carrier_hint: Option<String>,
    /// The organisation this number officially belongs to.
    pub official_entity: Option<String>,
    /// The name of the service (`Cảnh sát 113`), in Vietnamese and English.
    pub service_vi: Option<String>,
    pub service_en: Option<String>,
    /// True when an old 11-digit number was converted to today's 10 digits.
    pub converted_from_legacy: bool,
}

/// An explained verdict. The texts it quotes from the catalogue (codes, messages, titles,
/// advice) are shared with the checker ([`SharedText`]), so explaining a check copies no text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub level: VerdictLevel,
    /// Strength of the evidence, 0..1.
    pub score: f32,
    /// The scam method it most looks like; absent when safe or unclear.
    pub category: Option<CategoryRef>,
    /// The signals that fired: evidence of a scam first, strongest first; then evidence of a
    /// genuine message, which lowered the score.
    pub reasons: Vec<Reason>,
    pub advice_vi: SharedText,
    pub advice_en: SharedText,
    /// For a number check: what the number is.
    pub number: Option<NumberFacts>,
}
