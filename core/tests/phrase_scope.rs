//! The reach of a phrase, tested with a signal of its own added to the embedded catalogue: a
//! phrase written in parts (`…`) matches with a few words between them, but not across a sentence,
//! past the gap or over a negation; a negation of several words ("không bao giờ") denies a phrase
//! further along its clause; an extender ("kể cả") carries the negation before it across the comma
//! to what follows, and changes nothing when no negation stands before it.

use canhgiac_catalogue::model::{Signal, SignalKind};
use canhgiac_core::Checker;

const CODE: &str = "test.scope";

/// The embedded catalogue and one more phrase signal with `phrases`, heavy enough to flag a
/// message by itself and scored without the learned model, so that its reason shows whenever it
/// fires (a safe verdict leaves out weak signs that genuine evidence outweighs).
fn checker_with(phrases: &[&str]) -> Checker {
    let mut catalogue = Checker::embedded().expect("embedded").catalogue().clone();
    catalogue.model = None;
    catalogue.signals.push(Signal {
        id: CODE.into(),
        kind: SignalKind::Phrase,
        weight: 0.9,
        phrases: phrases.iter().map(|p| (*p).into()).collect(),
        message_vi: "Cụm từ thử.".into(),
        message_en: "A test phrase.".into(),
        ..Signal::default()
    });
    Checker::from_catalogue(catalogue).expect("the catalogue with the test signal builds")
}

/// The text the test signal's reason quotes, if it fired.
fn quoted(checker: &Checker, text: &str) -> Option<String> {
    checker
        .check_sms(None, text)
        .reasons
        .iter()
        .find(|r| &*r.code == CODE)
        .map(|r| {
            r.span
                .as_ref()
                .map(|s| s.matched.to_string())
                .unwrap_or_default()
        })
}

#[test]
fn a_phrase_in_parts_matches_with_words_between() {
    let checker = checker_with(&["hộp thư … bị đầy"]);
    assert_eq!(
        quoted(&checker, "Hộp thư của anh đã bị đầy rồi").as_deref(),
        Some("Hộp thư của anh đã bị đầy")
    );
    // Side by side, the parts still match.
    assert!(quoted(&checker, "hộp thư bị đầy").is_some());
    // More words than the gap, another sentence, or the parts in the other order: no match.
    assert!(quoted(
        &checker,
        "hộp thư mà tôi dùng cho công việc hằng ngày bị đầy"
    )
    .is_none());
    assert!(quoted(&checker, "Hộp thư mới. Bị đầy là chuyện khác").is_none());
    assert!(quoted(&checker, "bị đầy hộp thư").is_none());
    // A negation between the parts says the opposite.
    assert!(quoted(&checker, "hộp thư của anh không bị đầy").is_none());
    // A dot inside a number is no end of a sentence.
    assert!(quoted(&checker, "hộp thư 1.000 tin bị đầy").is_some());
}

#[test]
fn a_phrase_in_three_parts_needs_all_of_them_in_order() {
    let checker = checker_with(&["gửi … hộp quà … qua bưu điện"]);
    assert!(quoted(&checker, "Anh gửi em một hộp quà nhỏ qua bưu điện").is_some());
    assert!(quoted(&checker, "Anh gửi em một hộp quà nhỏ").is_none());
}

#[test]
fn a_negation_of_several_words_reaches_along_its_clause() {
    let checker = checker_with(&["đọc mã xác nhận"]);
    // Seven words stand between "không" and the phrase: past a plain negation's window.
    let far = "Chúng tôi không bao giờ gọi điện nhờ quý khách đọc mã xác nhận";
    assert!(quoted(&checker, far).is_none());
    let plain = "Chúng tôi không gọi điện hằng tháng nhờ quý khách đọc mã xác nhận";
    assert!(quoted(&checker, plain).is_some());
    // Its clause ends at the comma: what follows is a new demand.
    let next_clause = "Tuyệt đối không được nói với ai, đọc mã xác nhận cho chị ngay";
    assert!(quoted(&checker, next_clause).is_some());
}

#[test]
fn an_extender_carries_a_negation_across_the_comma() {
    let checker = checker_with(&["người đưa thư"]);
    let warned = "Không đưa mã này cho bất kỳ người nào, kể cả người đưa thư";
    assert!(quoted(&checker, warned).is_none());
    let even = "Đừng nói mật khẩu cho ai, ngay cả người đưa thư";
    assert!(quoted(&checker, even).is_none());
    // No negation before it: "kể cả" changes nothing.
    let offer = "Quà tặng mọi khách quen, kể cả người đưa thư";
    assert!(quoted(&checker, offer).is_some());
    // A sentence before it ends the negation's reach.
    let apart = "Không có gì. Kể cả người đưa thư cũng biết";
    assert!(quoted(&checker, apart).is_some());
}
