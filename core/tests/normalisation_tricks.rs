//! Each trick the normaliser undoes catches evidence that would otherwise be missed: the embedded
//! checker finds signals or rules in the disguised message, the same checker with that one trick
//! turned off (`without_trick`) loses some of them (or scores it strictly lower), and that
//! crippled checker still finds them all in the message written plainly, so the difference is the
//! trick and nothing else. (Whether the evidence makes a verdict is the learned model's call, on
//! whole messages.) Where the evidence
//! comes from the text, the reason quotes the disguised words as the person received them.

use std::sync::LazyLock;

use canhgiac_core::normalise::Trick;
use canhgiac_core::{Checker, Verdict};

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::embedded().expect("the embedded catalogue loads"));

/// A personal mobile number, for the "brand name sent from a personal number" rule.
const PERSONAL: &str = "0912345678";

struct Case {
    sender: Option<&'static str>,
    /// The message as a scammer writes it.
    disguised: &'static str,
    /// The same message written plainly.
    plain: &'static str,
    /// Words of `disguised` a reason's span must quote; `None` when the evidence is the sender.
    quoted: Option<&'static str>,
}

fn describe(v: &Verdict) -> String {
    let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
    format!("{:?} {:.3} {codes:?}", v.level, v.score)
}

/// The evidence a verdict names: its signals and rules, not the wording or "nothing found".
fn evidence(v: &Verdict) -> Vec<&str> {
    let mut codes: Vec<&str> = v
        .reasons
        .iter()
        .map(|r| r.code.as_str())
        .filter(|c| !c.starts_with("reason."))
        .collect();
    codes.sort_unstable();
    codes
}

fn caught_only_by(trick: Trick, case: &Case) {
    let without = CHECKER
        .without_trick(trick)
        .expect("the catalogue indexes without a trick");

    let caught = CHECKER.check_sms(case.sender, case.disguised);
    let found = evidence(&caught);
    assert!(
        !found.is_empty(),
        "{trick:?}: evidence should be found in {:?}, got {}",
        case.disguised,
        describe(&caught)
    );

    let missed = without.check_sms(case.sender, case.disguised);
    let lost = found.iter().any(|c| !evidence(&missed).contains(c));
    assert!(
        lost || missed.score < caught.score,
        "{trick:?}: without the trick {:?} should lose evidence or score lower: with {}, without {}",
        case.disguised,
        describe(&caught),
        describe(&missed)
    );

    let plain = without.check_sms(case.sender, case.plain);
    let plain_found = evidence(&plain);
    assert!(
        found.iter().all(|c| plain_found.contains(c)),
        "{trick:?}: the checker without the trick still finds it all in the plain {:?}: {} against {}",
        case.plain,
        describe(&plain),
        describe(&caught)
    );

    if let Some(quoted) = case.quoted {
        assert!(
            caught
                .reasons
                .iter()
                .any(|r| r.span.as_ref().is_some_and(|s| s.matched.contains(quoted))),
            "{trick:?}: a reason should quote {quoted:?} from {:?}: {:?}",
            case.disguised,
            caught.reasons
        );
    }
}

#[test]
fn diacritics_stripped() {
    caught_only_by(
        Trick::Diacritics,
        &Case {
            sender: None,
            disguised: "gui ma OTP cho nhan vien",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("gui ma OTP cho"),
        },
    );
    caught_only_by(
        Trick::Diacritics,
        &Case {
            sender: None,
            disguised: "Chuyen tien vao tai khoan tam giu de dieu tra",
            plain: "Chuyển tiền vào tài khoản tạm giữ để điều tra",
            quoted: Some("tai khoan tam giu"),
        },
    );
}

#[test]
fn cyrillic_look_alike_letters() {
    caught_only_by(
        Trick::Homoglyphs,
        &Case {
            sender: None,
            // О, Т, Р are Cyrillic.
            disguised: "gửi mã \u{41E}\u{422}\u{420} cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("\u{41E}\u{422}\u{420}"),
        },
    );
    caught_only_by(
        Trick::Homoglyphs,
        &Case {
            sender: Some(PERSONAL),
            // е, о, а are Cyrillic.
            disguised: "Vi\u{435}tc\u{43E}mb\u{430}nk thông báo",
            plain: "Vietcombank thông báo",
            quoted: None,
        },
    );
}

#[test]
fn greek_look_alike_letters() {
    caught_only_by(
        Trick::Homoglyphs,
        &Case {
            sender: None,
            // Ο, Τ, Ρ are Greek.
            disguised: "gửi mã \u{39F}\u{3A4}\u{3A1} cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("\u{39F}\u{3A4}\u{3A1}"),
        },
    );
}

#[test]
fn invisible_characters_inside_a_word() {
    // Without the trick the zero-width space splits "O" from "TP": one letter is not a run that
    // letter-joining would glue back, so only dropping the invisible character rescues "OTP".
    caught_only_by(
        Trick::Invisible,
        &Case {
            sender: None,
            disguised: "gửi mã O\u{200B}TP cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("O\u{200B}TP"),
        },
    );
    caught_only_by(
        Trick::Invisible,
        &Case {
            sender: None,
            disguised: "Vui l\u{200B}òng cung c\u{FEFF}ấp m\u{00AD}ã xác thực",
            plain: "Vui lòng cung cấp mã xác thực",
            quoted: Some("c\u{FEFF}ấp"),
        },
    );
}

#[test]
fn leetspeak() {
    caught_only_by(
        Trick::Leet,
        &Case {
            sender: None,
            disguised: "gửi mã 0TP cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("0TP"),
        },
    );
    caught_only_by(
        Trick::Leet,
        &Case {
            sender: None,
            disguised: "chuyển tiền vào t@i kh0an tạm giữ",
            plain: "chuyển tiền vào tài khoản tạm giữ",
            quoted: Some("t@i kh0an"),
        },
    );
}

#[test]
fn letters_spelled_apart() {
    caught_only_by(
        Trick::Spelled,
        &Case {
            sender: None,
            disguised: "gửi mã O.T.P cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("O.T.P"),
        },
    );
    caught_only_by(
        Trick::Spelled,
        &Case {
            sender: Some(PERSONAL),
            disguised: "V.i.e.t.c.o.m.b.a.n.k thông báo",
            plain: "Vietcombank thông báo",
            quoted: None,
        },
    );
    caught_only_by(
        Trick::Spelled,
        &Case {
            sender: None,
            disguised: "gửi mã O T P cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("O T P"),
        },
    );
}

#[test]
fn stretched_letters() {
    caught_only_by(
        Trick::Stretch,
        &Case {
            sender: None,
            disguised: "gửi mã OTPPPPP cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("OTPPPPP"),
        },
    );
    caught_only_by(
        Trick::Stretch,
        &Case {
            sender: None,
            disguised: "gửiiiii mã OTP cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("gửiiiii"),
        },
    );
    // The same stretched word in decomposed Unicode (NFD), as some keyboards send it.
    caught_only_by(
        Trick::Stretch,
        &Case {
            sender: None,
            disguised: "gu\u{31B}\u{309}iiiii mã OTP cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("iiiii"),
        },
    );
}

#[test]
fn teencode() {
    caught_only_by(
        Trick::Teencode,
        &Case {
            sender: None,
            disguised: "chuyển khoản vào stk tạm giữ",
            plain: "chuyển khoản vào số tài khoản tạm giữ",
            quoted: Some("stk"),
        },
    );
    caught_only_by(
        Trick::Teencode,
        &Case {
            sender: None,
            disguised: "ck tiền phạt ngay hôm nay",
            plain: "chuyển khoản tiền phạt ngay hôm nay",
            quoted: Some("ck"),
        },
    );
    caught_only_by(
        Trick::Teencode,
        &Case {
            sender: None,
            disguised: "Đây là vụ án bí mật, ko được cho người thân biết",
            plain: "Đây là vụ án bí mật, không được cho người thân biết",
            quoted: Some("ko"),
        },
    );
}

#[test]
fn shredded_punctuation() {
    caught_only_by(
        Trick::Shredded,
        &Case {
            sender: None,
            disguised: "gửi m'ã;O,T'P cho nhân viên",
            plain: "gửi mã OTP cho nhân viên",
            quoted: Some("m'ã;O,T'P"),
        },
    );
}
