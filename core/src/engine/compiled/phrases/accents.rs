//! Accent agreement: a phrase written with diacritics matches a message written with them only
//! when the accents agree wherever both carry them ("đơn áo" is a shirt order, not "đơn ảo", a
//! fake order). Words typed without diacritics agree with anything: the folded match holds.

use crate::engine::normalise::{accent_words, is_word_char, latin_look_alike, lower};

/// False when a word the writer typed with diacritics differs from the phrase's word in them.
/// Words typed without diacritics (or in leetspeak) agree with anything: the folded match holds,
/// and so does a span of another word count than the phrase's, which cannot be compared word for
/// word. Runs on every match in accented text, so it reads the span once without allocating.
pub(super) fn accents_agree(phrase: &str, span: &str) -> bool {
    if span.is_ascii() {
        return true;
    }
    let agree = |t: &str, p: &str| t.is_ascii() || p.is_ascii() || same_letters(t, p);
    let mut phrase_words = phrase.split(' ');
    // Combining marks (U+0300–U+036F) start with byte 0xCC or 0xCD in UTF-8: most spans have
    // neither, and skip decoding every character to look for them.
    let decomposed = span.bytes().any(|b| b == 0xCC || b == 0xCD)
        && span.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c));
    if decomposed {
        // Compose first (rare, so the allocation does not matter).
        let typed = accent_words(span);
        return typed.len() != phrase_words.clone().count()
            || typed.iter().zip(phrase_words).all(|(t, p)| agree(t, p));
    }
    let mut all_agree = true;
    for typed in span
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        match phrase_words.next() {
            Some(word) => all_agree = all_agree && agree(typed, word),
            None => return true, // more words typed than the phrase has
        }
    }
    // Fewer words typed than the phrase has: no comparison either.
    phrase_words.next().is_some() || all_agree
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
