//! The lists the detectors read besides signals: link and sender lists, the number plan and the
//! blocklists. Each entry taken from the outside world names its source.

use serde::{Deserialize, Serialize};

/// Lists the link detector uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LinkLists {
    /// Top-level domains that are cheap and mostly abused (`top`, `xyz`…).
    pub risky_tlds: Vec<String>,
    /// Link shorteners (weak evidence: operators use them too).
    pub shorteners: Vec<String>,
    /// Public suffixes whose every domain is official (`gov.vn`).
    pub official_suffixes: Vec<String>,
    /// Words in a host or path that ask the reader to log in or verify (`xac-thuc`, `login`).
    pub credential_words: Vec<String>,
    /// Words of banking in a host (`nganhang`, `ebanking`): a host that is not a bank's own
    /// and speaks of banking poses as one.
    #[serde(default)]
    pub bank_words: Vec<String>,
    /// Filler that scammers glue to a brand in a host (`vip`, `online`, `uudai`), besides digits
    /// and a few random letters: `<brand>vip03.com`.
    #[serde(default)]
    pub noise_words: Vec<String>,
    /// Hosts of app deep-link services (`go.link`, `onelink.me`) where each brand has its own
    /// subdomain: a subdomain named exactly after a brand is that brand's link, not a look-alike.
    #[serde(default)]
    pub deep_link_hosts: Vec<String>,
    /// The most visited sites of the country (news, portals, marketplaces): well known, so never
    /// a look-alike of anything (`domains.toml`).
    #[serde(default)]
    pub well_known: Vec<Site>,
    /// Owners of the state's domains by the name under an official suffix (`hanoi` of
    /// `hanoi.gov.vn`: the city; `mof`: the Ministry of Finance), for names no entity lists
    /// (`domains.toml`).
    #[serde(default)]
    pub state_domains: Vec<Site>,
}

/// A site named by its registrable domain (or, under an official suffix, its name), with who
/// runs it and where that was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// `vnexpress.net`; for a state domain the name under the suffix (`hanoi`).
    pub value: String,
    /// Who runs it, as a reason names it (`UBND thành phố Hà Nội`).
    pub name: String,
    /// Where it was read (an address), so a reviewer can check it.
    pub source: String,
}

/// What the sender rules read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SenderLists {
    /// Labels a registered advert starts with (`[QC]`, Decree 91/2020/NĐ-CP), compared without case.
    pub advert_labels: Vec<String>,
}

/// Vietnam's numbering plan (mobile prefixes, old prefixes, services) and risky countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NumberPlan {
    /// Mobile prefixes (national form, with the leading 0) and the carrier that was assigned them.
    pub mobile_prefixes: Vec<Prefix>,
    /// The 11-digit prefixes retired in 2018–2019 and what they became.
    pub legacy_prefixes: Vec<LegacyPrefix>,
    /// Hotlines, short codes and service numbers.
    pub services: Vec<ServiceNumber>,
    /// Country calling codes behind missed-call (wangiri) and premium-rate scams.
    pub risky_country_codes: Vec<CountryRisk>,
}

/// A mobile prefix and its original carrier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Prefix {
    pub prefix: String,
    pub carrier: String,
    pub source: String,
}

/// An 11-digit prefix and its 10-digit replacement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LegacyPrefix {
    pub old: String,
    pub new: String,
}

/// A hotline, short code or service number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ServiceNumber {
    pub number: String,
    pub name_vi: String,
    pub name_en: String,
    /// The entity it belongs to, if it is one of theirs.
    #[serde(default)]
    pub entity: Option<String>,
    pub source: String,
    #[serde(default = "super::yes")]
    pub confirmed: bool,
}

/// A country calling code to warn about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CountryRisk {
    pub code: u16,
    pub note: String,
    pub source: String,
}

/// Known scam numbers, domains and bank accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Blocklist {
    #[serde(default)]
    pub numbers: Vec<Blocked>,
    #[serde(default)]
    pub domains: Vec<Blocked>,
    #[serde(default)]
    pub accounts: Vec<Blocked>,
}

/// One blocklist entry and where it was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Blocked {
    pub value: String,
    pub source: String,
    #[serde(default)]
    pub category: Option<String>,
}
