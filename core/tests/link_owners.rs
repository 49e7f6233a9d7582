//! Whose a link is decides before how it poses (issue 13): a well-known or official domain is
//! never a look-alike, a `*.gov.vn` belongs to the owner of its name, a brand keyword is not a
//! misspelling of another brand; brands glued to noise and words of banking are flagged; a
//! brandname's message whose links are all its own is genuine evidence, one with a foreign link
//! is not.

use canhgiac_core::{Checker, Verdict, VerdictLevel};

fn checker() -> Checker {
    Checker::embedded().expect("the embedded catalogue loads")
}

fn link(url: &str) -> Verdict {
    checker().check_link(url).expect("the link parses")
}

fn codes(verdict: &Verdict) -> Vec<String> {
    verdict.reasons.iter().map(|r| r.code.to_string()).collect()
}

/// The English explanation of the reason with `code`.
fn said(verdict: &Verdict, code: &str) -> String {
    verdict
        .reasons
        .iter()
        .find(|r| &*r.code == code)
        .map(|r| r.message_en.to_string())
        .unwrap_or_default()
}

#[test]
fn well_known_and_official_domains_are_never_look_alikes() {
    for url in [
        "vnexpress.net",
        "https://jtexpress.com.vn",
        "tpb.vn",
        "thanhnien.vn/thoi-su",
    ] {
        let v = link(url);
        assert_eq!(v.level, VerdictLevel::Safe, "{url}: {:?}", codes(&v));
        assert!(!codes(&v).iter().any(|c| c == "link.lookalike"), "{url}");
    }
}

#[test]
fn a_brand_keyword_is_that_brand_not_a_misspelling_of_another() {
    let v = link("tp-bank.top");
    let reason = said(&v, "link.brand_in_domain");
    assert!(reason.contains("TPBank"), "{reason}");
    assert!(!codes(&v).iter().any(|c| c == "link.lookalike"));
}

#[test]
fn a_gov_vn_host_belongs_to_the_owner_of_its_name() {
    let city = said(&link("https://hanoi.gov.vn/tin-tuc"), "link.official");
    assert!(
        city.contains("Hà Nội") && !city.contains("Công an"),
        "{city}"
    );
    let police = said(&link("congan.hanoi.gov.vn"), "link.official");
    assert!(police.contains("Công an"), "{police}");
    let province = said(&link("https://sotc.tayninh.gov.vn"), "link.official");
    assert!(province.contains("Tây Ninh"), "{province}");
    let unknown = link("https://xyzabc.gov.vn");
    assert_eq!(codes(&unknown), ["link.state_domain"]);
    assert!(!said(&unknown, "link.state_domain").contains('?'));
}

#[test]
fn a_brand_glued_to_noise_or_words_of_banking_are_flagged() {
    for url in [
        "bidvxz.com",
        "vcbvip03.com",
        "https://momouudai2026.net",
        "qzvnpt.com",
    ] {
        let v = link(url);
        assert_eq!(v.level, VerdictLevel::Scam, "{url}: {:?}", codes(&v));
    }
    let v = link("vaynganhang-24h.com");
    assert!(codes(&v).iter().any(|c| c == "link.bank_words"));
    assert_ne!(v.level, VerdictLevel::Safe);
    // Three letters and one more are often another name: the bank's securities firm.
    assert_eq!(link("acbs.com.vn").level, VerdictLevel::Safe);
}

#[test]
fn a_deep_link_named_after_a_brand_is_not_a_look_alike() {
    assert_eq!(
        codes(&link("https://viettelmoney.go.link/aB3dE")),
        ["link.official"]
    );
    assert_eq!(
        link("https://vnptmoney.go.link/x1").level,
        VerdictLevel::Safe
    );
    assert_eq!(
        link("https://vcb-xacthuc.go.link/x1").level,
        VerdictLevel::Scam
    );
}

#[test]
fn a_brandname_with_only_its_own_links_is_genuine_evidence_and_not_with_a_foreign_link() {
    let checker = checker();
    let text = "Viettel tang 10GB data khi dang ky goi thang tai https://vietteltelecom.vn/km va https://viettelmoney.go.link/Ab1";
    let own = checker.check_sms(Some("VIETTEL"), text);
    assert!(
        codes(&own)
            .iter()
            .any(|c| c == "sender.brandname_own_links"),
        "{:?}",
        codes(&own)
    );
    let spoofed = checker.check_sms(
        Some("VIETTEL"),
        "Viettel tang 10GB data khi dang ky goi thang tai https://viettel-data.top/km",
    );
    assert!(!codes(&spoofed)
        .iter()
        .any(|c| c == "sender.brandname_own_links"));
    assert_ne!(spoofed.level, VerdictLevel::Safe);
    // Another brand's sender does not vouch for Viettel's links.
    let other = checker.check_sms(Some("VCB"), text);
    assert!(!codes(&other)
        .iter()
        .any(|c| c == "sender.brandname_own_links"));
}
