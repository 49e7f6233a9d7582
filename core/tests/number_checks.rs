//! Caller numbers through the public API: the forms people write a number in are one number,
//! and a foreign number is never taken for the Vietnamese hotline with the same digits.

use canhgiac_core::{Checker, NumberKind};

#[test]
fn a_foreign_number_is_not_the_hotline_with_its_digits() {
    let checker = Checker::embedded().expect("the embedded catalogue loads");
    let hotline = checker.check_number("1900 545 413").expect("a hotline");
    let facts = hotline.number.expect("number facts");
    assert_eq!(facts.kind, NumberKind::Official);
    assert!(facts.service_vi.is_some());
    assert!(hotline.reasons.iter().any(|r| r.code == "number.official"));

    let foreign = checker
        .check_number("+1 900 545 413")
        .expect("a foreign number");
    let facts = foreign.number.expect("number facts");
    assert_eq!(
        (facts.kind, facts.country_code),
        (NumberKind::International, 1)
    );
    assert_eq!((facts.service_vi, facts.official_entity), (None, None));
    assert!(!foreign.reasons.iter().any(|r| r.code == "number.official"));
}

#[test]
fn the_forms_of_one_mobile_number_give_one_verdict() {
    let checker = Checker::embedded().expect("the embedded catalogue loads");
    let plain = checker.check_number("0912345678").expect("a mobile number");
    for written in [
        "(+84)912345678",
        "+84 (0) 912 345 678",
        "\u{ff10}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}",
    ] {
        let verdict = checker.check_number(written).expect("the same number");
        assert_eq!(verdict, plain, "{written}");
    }
    let facts = plain.number.expect("number facts");
    assert_eq!(
        (facts.normalised.as_str(), facts.kind),
        ("+84912345678", NumberKind::Mobile)
    );
}
