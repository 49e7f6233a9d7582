//! Each trick of the normaliser, and its promises: never panics, idempotent, maps back to the
//! original text.

use super::*;
use canhgiac_catalogue::model::Normalisation;
use proptest::prelude::*;

fn normaliser() -> Normaliser {
    let mut data = Normalisation::default();
    for (key, value) in [
        ("ko", "không"),
        ("k", "không"),
        ("đc", "được"),
        ("stk", "số tài khoản"),
        ("tk", "tài khoản"),
        ("ck", "chuyển khoản"),
    ] {
        data.teencode.insert(key.into(), value.into());
    }
    data.units = ["k", "tr", "g", "d"].map(String::from).to_vec();
    Normaliser::new(&data)
}

fn n(text: &str) -> String {
    normaliser().normalise(text).text
}

#[test]
fn punctuation_and_spacing_collapse() {
    assert_eq!(
        n("  Xin chào!!!   Quý   khách,\n\tvui lòng... "),
        "xin chao quy khach vui long"
    );
    assert_eq!(n("lãi 30%/ngày"), "lai 30 % ngay");
}

#[test]
fn stretched_letters() {
    assert_eq!(n("GẤPPPPP lắmmmm"), "gap lam");
    assert_eq!(n("xoong booking"), "xoong booking");
    // Digits hidden as x in a number are no stretch, and its 0 no leetspeak.
    assert_eq!(n("bấm *21*0867xxxxxx#"), "bam 21 0867xxxxxx");
    assert_eq!(n("số 09xx xxx"), "so 09xx x");
}

#[test]
fn leetspeak_but_not_amounts() {
    assert_eq!(
        n("Cung cap 0TP cho t@i kh0an"),
        "cung cap otp cho tai khoan"
    );
    assert_eq!(n("nạp 500k nhận 3tr, sim 4G"), "nap 500k nhan 3tr sim 4g");
    assert_eq!(n("nap500k"), "nap 500k");
    assert_eq!(n("1900 5454 13"), "1900 5454 13");
}

#[test]
fn letters_spelled_apart() {
    assert_eq!(n("V.i.e.t.c.o.m.b.a.n.k"), "vietcombank");
    assert_eq!(n("gửi mã O T P ngay"), "gui ma otp ngay");
    assert_eq!(n("T.K của bạn"), "tai khoan cua ban");
    assert_eq!(n("a b"), "a b");
    assert_eq!(n("T.h.u.e b.a.o c.u.a b.a.n"), "thue bao cua ban");
    assert_eq!(n("k.h.o.a 2 c.h.i.e.u"), "khoa 2 chieu");
}

#[test]
fn shredded_punctuation_is_undone() {
    // Marks of several kinds between letters: dropped; a capital after a small letter starts a
    // word; `j`, which no Vietnamese word has, is an `i`.
    assert_eq!(n("N'ha'nL,jen ngay"), "nhan lien ngay");
    assert_eq!(n("Ch;u'c~Mu`ng B:a,n"), "chuc mung ban");
    assert_eq!(n("G:iaoD'jch;Th;anhCo'ng"), "giao dich thanh cong");
    // One kind of mark, or too few, is ordinary writing.
    assert_eq!(n("T.K Dang_ky_ngay"), "tai khoan dang ky ngay");
    assert_eq!(n("khách,vui lòng"), "khach vui long");
    assert_eq!(n("acb.i-pay.vip"), "acb i pay vip");
    // `!` between small letters is an `i`; short words in leetspeak are read too.
    assert_eq!(n("h0 tr0 t!en"), "ho tro tien");
    assert_eq!(n("Khẩn cấp!Vui lòng"), "khan cap vui long");
    assert_eq!(n("wow! cool"), "wow cool");
}

#[test]
fn teencode() {
    assert_eq!(
        n("ko đc, gửi stk + ck"),
        "khong duoc gui so tai khoan chuyen khoan"
    );
}

#[test]
fn original_range_points_at_accented_words() {
    let text = "Vui lòng cung cấp mã 0TP ngay";
    let normalised = normaliser().normalise(text);
    let at = normalised.text.find("ma otp").expect("phrase present");
    let range = normalised
        .original_range(at..at + "ma otp".len())
        .expect("maps back");
    assert_eq!(&text[range], "mã 0TP");
}

#[test]
fn each_trick_can_be_turned_off() {
    let off = normaliser().without(Trick::Leet);
    assert_eq!(off.normalise("0TP").text, "0tp");
    let off = normaliser().without(Trick::Teencode);
    assert_eq!(off.normalise("stk").text, "stk");
}

/// The words, read back through their ranges and joined by single spaces, are the text, and
/// each came from inside the original.
fn words_make_the_text(normalised: &Normalised, original: &str) -> Result<(), TestCaseError> {
    let words: Vec<&str> = (0..normalised.word_count())
        .map(|i| &normalised.text[normalised.word_range(i)])
        .collect();
    prop_assert_eq!(words.join(" "), normalised.text.as_str());
    for i in 0..normalised.word_count() {
        let range = normalised.original_range_of_words(i, i);
        prop_assert!(range.is_some_and(|r| r.end <= original.len()));
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_and_is_idempotent(text in "\\PC{0,60}") {
        let normaliser = normaliser();
        let once = normaliser.normalise(&text);
        let twice = normaliser.normalise(&once.text);
        prop_assert_eq!(&once.text, &twice.text);
        words_make_the_text(&once, &text)?;
    }

    #[test]
    fn idempotent_on_shredded_text(text in "[a-cA-CjJ'`~;,:!\\^* ệĐ]{0,40}") {
        let normaliser = normaliser();
        let once = normaliser.normalise(&text);
        let twice = normaliser.normalise(&once.text);
        prop_assert_eq!(&once.text, &twice.text);
        words_make_the_text(&once, &text)?;
    }

    #[test]
    fn idempotent_on_tricky_alphabet(text in "[a-cA-CxX0-4@$%.\\- _ệđĐаоΑ\u{200B}\u{0301}]{0,40}") {
        let normaliser = normaliser();
        let once = normaliser.normalise(&text);
        let twice = normaliser.normalise(&once.text);
        prop_assert_eq!(&once.text, &twice.text);
        words_make_the_text(&once, &text)?;
        for at in 0..=once.text.len() {
            let _ = once.original_range(at..once.text.len());
        }
    }
}

#[test]
fn a_joined_word_that_shrinks_to_one_letter_joins_its_neighbours() {
    // `Đ-Đ_Đ` joins to `ddd` and collapses to `d`, beside `ệ` and `ệ`: the output must not
    // change when normalised again.
    let once = n("Đ-Đ_Đ ệ__ệ-aệ");
    assert_eq!(once, n(&once));
    assert_eq!(once, "dee ae");
}
