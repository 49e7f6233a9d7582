//! A check reuses its thread's buffers from one message to the next. Nothing of one message may
//! leak into the next: every verdict on a busy thread equals the verdict on a fresh one, after
//! any message, after a message long enough to be checked in buffers of its own, and when
//! checkers of catalogues of different sizes (signals, patterns, combos) take turns on one
//! thread.

use canhgiac_catalogue::model::{Signal, SignalKind};
use canhgiac_core::{Checker, Verdict};

mod common;

/// The verdict of a thread that has checked nothing before.
fn on_fresh_thread(checker: &Checker, sender: Option<&str>, text: &str) -> Verdict {
    std::thread::scope(|scope| {
        scope
            .spawn(|| checker.check_sms(sender, text))
            .join()
            .expect("the check returns")
    })
}

/// The embedded catalogue with `extra` more phrase signals (so that its sets of signals take more
/// words of bits than the embedded one's), one more pattern and one more combo.
fn larger_checker(extra: usize) -> Checker {
    let mut catalogue = Checker::embedded().expect("embedded").catalogue().clone();
    let test_signal = |id: &str, kind: SignalKind| Signal {
        id: id.into(),
        kind,
        weight: 0.2,
        message_vi: "Dấu hiệu thử.".into(),
        message_en: "A test signal.".into(),
        ..Signal::default()
    };
    for i in 0..extra {
        catalogue.signals.push(Signal {
            phrases: vec![format!("zqx{i} wvk")],
            ..test_signal(&format!("test.extra_{i}"), SignalKind::Phrase)
        });
    }
    catalogue.signals.push(Signal {
        pattern: Some(r"\bqqz [0-9]+\b".into()),
        ..test_signal("test.pattern", SignalKind::Regex)
    });
    catalogue.signals.push(Signal {
        all_of: vec!["test.extra_7".into(), "test.pattern".into()],
        ..test_signal("test.combo", SignalKind::Combo)
    });
    Checker::from_catalogue(catalogue).expect("the larger catalogue builds")
}

#[test]
fn every_verdict_on_a_busy_thread_is_the_fresh_one() {
    let checker = Checker::embedded().expect("embedded");
    let messages = common::scam_and_ham();
    assert!(messages.len() > 300, "the fixtures are read");
    let fresh: Vec<Verdict> = messages
        .iter()
        .map(|row| on_fresh_thread(&checker, row.sender.as_deref(), &row.text))
        .collect();
    // Forwards, then backwards: each message follows a different one the second time.
    for order in [false, true] {
        let mut indices: Vec<usize> = (0..messages.len()).collect();
        if order {
            indices.reverse();
        }
        for i in indices {
            let common::Row { sender, text, .. } = &messages[i];
            assert_eq!(
                checker.check_sms(sender.as_deref(), text),
                fresh[i],
                "message {i} after another"
            );
        }
    }
}

#[test]
fn a_long_message_leaves_nothing_behind() {
    let checker = Checker::embedded().expect("embedded");
    let short = "Vietcombank: tai khoan cua quy khach bi khoa, truy cap http://vcb-xacminh.top";
    let expected = on_fresh_thread(&checker, None, short);
    let long = "Cung cap ma OTP de nhan qua tang ngay hom nay. ".repeat(4_000);
    let long_verdict = checker.check_sms(None, &long);
    assert!(long_verdict.score > 0.0, "the long message is checked");
    assert_eq!(checker.check_sms(None, short), expected);
}

#[test]
fn checkers_of_different_sizes_take_turns_on_one_thread() {
    let small = Checker::embedded().expect("embedded");
    let large = larger_checker(130);
    let with_extra = "zqx7 wvk: xac nhan ma OTP ngay, qqz 42";
    let small_fresh = on_fresh_thread(&small, None, with_extra);
    let large_fresh = on_fresh_thread(&large, None, with_extra);
    for code in ["test.extra_7", "test.pattern", "test.combo"] {
        assert!(
            large_fresh.reasons.iter().any(|r| &*r.code == code),
            "{code} fires in the larger catalogue"
        );
    }
    assert!(!small_fresh
        .reasons
        .iter()
        .any(|r| r.code.starts_with("test.")));
    for _ in 0..3 {
        assert_eq!(large.check_sms(None, with_extra), large_fresh);
        assert_eq!(small.check_sms(None, with_extra), small_fresh);
    }
}
