//! No input crashes a check: arbitrary senders and texts (control characters, NUL, huge
//! repetitions, 1 MB, only combining marks, only invisible characters…), arbitrary numbers and
//! links. Every verdict stays well-formed (score in 0..1, spans that quote the original text), and
//! the number and link parsers answer junk with an error that never repeats the input.

use std::sync::LazyLock;

use canhgiac_core::{Checker, CoreError, Verdict, VerdictLevel};
use proptest::prelude::*;

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::embedded().expect("the embedded catalogue loads"));

/// A verdict the apps can show: a score in range and spans that point into the checked text.
fn assert_well_formed(v: &Verdict, text: Option<&str>) {
    assert!(
        v.score.is_finite() && (0.0..=1.0).contains(&v.score),
        "score {} out of 0..1",
        v.score
    );
    if v.level == VerdictLevel::Safe {
        assert!(v.category.is_none(), "a safe verdict names no scam method");
    }
    for reason in &v.reasons {
        assert!(!reason.code.is_empty());
        assert!(!reason.message_vi.is_empty() && !reason.message_en.is_empty());
        let Some(span) = &reason.span else { continue };
        let text = text.expect("only text checks quote spans");
        assert!(span.start <= span.end, "span {span:?}");
        let quoted: String = text
            .chars()
            .skip(span.start as usize)
            .take((span.end - span.start) as usize)
            .collect();
        assert_eq!(
            quoted, span.matched,
            "span offsets are in characters of the text"
        );
    }
}

fn check_text(sender: Option<&str>, text: &str) -> Verdict {
    let v = CHECKER.check_sms(sender, text);
    assert_well_formed(&v, Some(text));
    v
}

/// Text mixing everything a hostile or broken message holds: Vietnamese, look-alikes, invisible
/// and control characters, combining marks, digits, links, punctuation.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "gửi mã OTP cho ",
        "tài khoản tạm giữ ",
        "0912345678",
        "+84 912 345 678",
        "http://",
        "vcb-xacminh.com/",
        "xn--vietcmbank-",
        "https://[::1]/",
        "192.168.0.1",
        ".",
        "@",
        "$",
        "%",
        "0",
        "\u{0}",
        "\u{7}",
        "\r\n",
        "\t",
        "\u{200B}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{0301}",
        "\u{0323}",
        "Ｏ",
        "о",
        "Ο",
        "𝐕",
        "ﬁ",
        "ß",
        "İ",
        "ǅ",
        "🙂",
        "\u{10FFFF}",
        "Đ",
        "ệ",
        " ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn check_sms_never_panics(sender in proptest::option::of(any::<String>()), text in any::<String>()) {
        check_text(sender.as_deref(), &text);
    }

    #[test]
    fn check_sms_never_panics_on_tricky_text(
        sender in proptest::option::of(tricky_text()),
        text in tricky_text(),
    ) {
        check_text(sender.as_deref(), &text);
    }

    #[test]
    fn check_sms_never_panics_on_repetition(piece in tricky_text(), times in 1usize..300) {
        check_text(None, &piece.repeat(times));
    }

    #[test]
    fn check_number_never_panics(input in any::<String>()) {
        if let Ok(v) = CHECKER.check_number(&input) {
            assert_well_formed(&v, None);
            prop_assert!(v.number.is_some(), "a number check describes the number");
        }
    }

    #[test]
    fn check_number_never_panics_on_number_like_input(input in "[+0-9 ().\\-/\u{a0}]{0,45}") {
        if let Ok(v) = CHECKER.check_number(&input) {
            assert_well_formed(&v, None);
        }
    }

    #[test]
    fn number_errors_never_repeat_the_input(input in "\\+?[0-9]{4,40}[a-z#*]?[0-9]{0,10}") {
        if let Err(error) = CHECKER.check_number(&input) {
            prop_assert!(!error.to_string().contains(input.trim()));
        }
    }

    #[test]
    fn check_link_never_panics(input in any::<String>()) {
        if let Ok(v) = CHECKER.check_link(&input) {
            assert_well_formed(&v, None);
        }
    }

    #[test]
    fn check_link_never_panics_on_link_like_input(
        input in "(https?://|ftp://|//)?([a-z0-9\\-аоеệ]{0,12}\\.){0,4}(com|vn|com\\.vn|xyz|zz|)(:[0-9]{0,6})?(/[ -~]{0,20})?",
    ) {
        if let Ok(v) = CHECKER.check_link(&input) {
            assert_well_formed(&v, None);
        }
    }

    #[test]
    fn link_errors_never_repeat_the_input(input in "[a-z0-9]{6,20}(\\.[a-z0-9]{6,20})?[ /]?[a-z0-9]{0,10}") {
        if let Err(error) = CHECKER.check_link(&input) {
            prop_assert!(!error.to_string().contains(input.trim()));
        }
    }
}

#[test]
fn one_megabyte_of_text() {
    let text = "Chào bạn, hôm nay trời đẹp quá. ".repeat(1 << 15);
    assert!(text.len() >= 1 << 20);
    check_text(Some("0912345678"), &text);
    // A scam hidden at the very end of a megabyte is still a message to check.
    let scam = format!("{text}Vui lòng gửi mã OTP cho nhân viên.");
    assert_ne!(
        check_text(None, &scam).level,
        VerdictLevel::Safe,
        "long text is not cut short"
    );
    // Many matches: 100 kB of one scam phrase (a megabyte takes seconds while matching is
    // quadratic in the number of matches; see the negation scope in detect/sms.rs).
    let scams = "gửi mã OTP cho nhân viên. ".repeat(4_000);
    assert_ne!(check_text(None, &scams).level, VerdictLevel::Safe);
}

#[test]
fn text_without_words_is_safe() {
    let nothing = [
        String::new(),
        " \n ".to_owned(),
        "\u{0301}\u{0323}\u{0300}".repeat(5_000),
        "\u{200B}\u{200C}\u{200D}\u{FEFF}\u{2060}\u{00AD}".repeat(5_000),
        "!?.,;:-_()[]{}<>\"'…".repeat(5_000),
        "\u{0}\u{1}\u{7}\u{1b}[31m\u{7f}\r\n\t".repeat(5_000),
    ];
    for text in &nothing {
        let v = check_text(None, text);
        assert_eq!(
            v.level,
            VerdictLevel::Safe,
            "{} chars",
            text.chars().count()
        );
        // Nothing to go on: the one reason says that no known sign was found.
        let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["reason.no_sign"], "{:?}", v.reasons);
    }
}

#[test]
fn unusual_but_harmless_shapes() {
    for text in [
        "0123456789".repeat(10_000),
        "a".repeat(10_000),
        "ệ".repeat(10_000),
        "O\u{0301}".repeat(10_000),
        "T.".repeat(10_000),
        "@".repeat(10_000),
        "0".repeat(10_000),
        "k ".repeat(10_000),
    ] {
        check_text(None, &text);
        check_text(Some(&text), "xin chào");
    }
}

#[test]
fn junk_numbers_are_errors_that_do_not_repeat_the_input() {
    for junk in [
        "",
        "   ",
        "abc",
        "gọi cho em nhé",
        "0912abc678",
        "+",
        "++84912345678",
        "84-91-ab",
        "0912345678 ext 5",
        "１２３４５６７８９０",
        "٠٩١٢٣٤٥٦٧٨",
        "12",
        "00",
        "+0",
        "012345678901234567890123456789",
        "+999999999999999999999",
        "\u{0}0912345678",
        "0912\u{200B}345678",
        "🙂",
    ] {
        match CHECKER.check_number(junk) {
            Err(CoreError::InvalidNumber { reason }) => {
                let message = format!(
                    "{reason} / {}",
                    CoreError::InvalidNumber {
                        reason: reason.clone()
                    }
                );
                if junk.trim().chars().count() >= 3 {
                    assert!(
                        !message.contains(junk.trim()),
                        "{junk:?} is repeated in {message:?}"
                    );
                }
                assert!(
                    !message.contains("0912"),
                    "digits of {junk:?} leak in {message:?}"
                );
            }
            other => panic!("{junk:?} should be refused as a number, got {other:?}"),
        }
    }
}

#[test]
fn junk_links_are_errors_that_do_not_repeat_the_input() {
    for junk in [
        "",
        "    ",
        "not a link",
        "http://",
        "https://",
        "ftp://vietcombank.com.vn",
        "javascript:alert(1)",
        "http://exa mple.com",
        "http://[::1",
        "localhost",
        "vietcombank",
        "http://.com",
        "http://xn--.com",
        "https://so-dien-thoai-0912345678.invalidtld",
    ] {
        match CHECKER.check_link(junk) {
            Err(CoreError::InvalidLink { reason }) => {
                let message = CoreError::InvalidLink {
                    reason: reason.clone(),
                }
                .to_string();
                if junk.trim().chars().count() >= 5 {
                    assert!(
                        !message.contains(junk.trim()),
                        "{junk:?} is repeated in {message:?}"
                    );
                }
                assert!(
                    !message.contains("0912"),
                    "digits of {junk:?} leak in {message:?}"
                );
            }
            other => panic!("{junk:?} should be refused as a link, got {other:?}"),
        }
    }
    let huge = format!("https://vcb-xacminh.com/{}", "a".repeat(1 << 20));
    assert!(
        CHECKER.check_link(&huge).is_err(),
        "a megabyte link is refused, not parsed"
    );
}
