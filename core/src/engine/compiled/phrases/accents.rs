//! Accent agreement: a phrase written with diacritics matches a message written with them only
//! when the accents agree wherever both carry them ("đơn áo" is a shirt order, not "đơn ảo", a
//! fake order). Words typed without diacritics agree with anything: the folded match holds.

use crate::engine::normalise::{accent_words, is_word_char, latin_look_alike, lower};

/// False when a word the writer typed with diacritics differs from the phrase's word in them.
/// Words typed without diacritics (or in leetspeak) agree with anything: the folded match holds.
/// Runs on every match in accented text, so it compares in place without allocating.
pub(super) fn accents_agree(phrase: &str, span: &str) -> bool {
    if span.is_ascii() {
        return true;
    }
    let words = phrase.bytes().filter(|&b| b == b' ').count() + 1;
    let agree = |t: &str, p: &str| t.is_ascii() || p.is_ascii() || same_letters(t, p);
    if span.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        // Decomposed input: compose first (rare, so the allocation does not matter).
        let typed = accent_words(span);
        return typed.len() != words
            || typed
                .iter()
                .zip(phrase.split(' '))
                .all(|(t, p)| agree(t, p));
    }
    let typed = span
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    if typed.clone().count() != words {
        return true;
    }
    typed.zip(phrase.split(' ')).all(|(t, p)| agree(t, p))
}

/// `typed` equals `phrase_word` letter for letter, ignoring case and look-alike letters, and
/// counting a letter stretched three times or more (`gửiiiii`) once, as the normaliser does.
/// A word typed exactly as the phrase writes it agrees, stretched letters and all.
fn same_letters(typed: &str, phrase_word: &str) -> bool {
    // Typed in lower case as the phrase is written: most words of an accented message.
    if typed == phrase_word {
        return true;
    }
    let mut expected = phrase_word.chars();
    let mut typed = typed
        .chars()
        .map(|c| {
            let lower = lower(c);
            latin_look_alike(lower).unwrap_or(lower)
        })
        .peekable();
    while let Some(c) = typed.next() {
        let mut run = 1;
        while typed.next_if_eq(&c).is_some() {
            run += 1;
        }
        let times = if run >= 3 && c.is_alphabetic() {
            1
        } else {
            run
        };
        for _ in 0..times {
            if expected.next() != Some(c) {
                return false;
            }
        }
    }
    expected.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_must_agree_where_both_carry_them() {
        assert!(accents_agree("đơn ảo", "đơn ảo"));
        assert!(accents_agree("đơn ảo", "ĐƠN ẢO"));
        assert!(!accents_agree("đơn ảo", "đơn áo"));
        // Without diacritics, or a word typed plain: the folded match stands.
        assert!(accents_agree("đơn ảo", "don ao"));
        assert!(accents_agree("đơn ảo", "đơn ao"));
        // Stretched letters count once.
        assert!(accents_agree("gửi", "gửiiiii"));
        // Decomposed input is composed first.
        assert!(!accents_agree("đơn ảo", "đơn a\u{301}o"));
        // A span of another word count cannot be compared word for word.
        assert!(accents_agree("tài khoản", "tài"));
    }
}
