//! A combo made of detector facts only (the catalogue compiler allows it: two parts, each a
//! fact) fires when the facts hold, stays silent otherwise, and never breaks a check, whether it
//! comes first or last among the combos.

use canhgiac_catalogue::model::{Signal, SignalKind};
use canhgiac_core::Checker;

const CODE: &str = "test.link_and_mobile";

fn checker_with_facts_combo(last: bool) -> Checker {
    let mut catalogue = Checker::embedded().expect("embedded").catalogue().clone();
    let combo = Signal {
        id: CODE.into(),
        kind: SignalKind::Combo,
        weight: 0.3,
        all_of: vec!["fact.link".into(), "fact.phone_number".into()],
        message_vi: "Liên kết lạ và số di động trong cùng tin nhắn.".into(),
        message_en: "An unknown link and a mobile number in one message.".into(),
        ..Signal::default()
    };
    let at = if last {
        catalogue.signals.len()
    } else {
        catalogue
            .signals
            .iter()
            .position(|s| s.kind == SignalKind::Combo)
            .unwrap_or(0)
    };
    catalogue.signals.insert(at, combo);
    Checker::from_catalogue(catalogue).expect("the catalogue with the combo builds")
}

fn fires(checker: &Checker, text: &str) -> bool {
    checker
        .check_sms(None, text)
        .reasons
        .iter()
        .any(|r| &*r.code == CODE)
}

#[test]
fn a_combo_of_facts_fires_only_when_they_hold() {
    for last in [false, true] {
        let checker = checker_with_facts_combo(last);
        assert!(fires(
            &checker,
            "Nhan qua tai http://qua-tang-vip.xyz/nhan roi goi 0912345678"
        ));
        assert!(!fires(&checker, "Goi lai cho me so 0912345678 nhe"));
        assert!(!fires(&checker, "Xem anh o http://qua-tang-vip.xyz/anh"));
    }
}
