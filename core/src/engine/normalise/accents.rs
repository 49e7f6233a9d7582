//! The words of a text with their accents kept, to compare a phrase's diacritics with what was
//! typed.

use super::fold::{fold, is_word_char, FoldParts, Folded};

/// The words of `text` lower-cased with their diacritics kept (composed), look-alike letters
/// mapped to Latin and invisible characters dropped: to compare accents where both sides have them.
pub(crate) fn accent_words(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let keep_accents = FoldParts {
        diacritics: false,
        homoglyphs: true,
        invisible: true,
    };
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.nfc() {
        match fold(c, keep_accents) {
            Folded::One(f) if is_word_char(f) => word.push(f),
            Folded::Drop => {}
            _ => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}
