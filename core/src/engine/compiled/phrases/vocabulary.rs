//! The words of every phrase, each with its number in the trie and its class (a negation or an
//! exception to one). A word of up to 16 bytes (nearly all) is its own key, packed into a
//! number: a look-up compares two numbers rather than following a pointer to compare strings,
//! which is what a check's time went to.

use std::ops::Range;

use rustc_hash::FxHashMap;

/// Words and what the matcher knows of them, short ones packed.
#[derive(Default)]
pub(super) struct Vocabulary {
    short: FxHashMap<u128, Word>,
    long: FxHashMap<Box<str>, Word>,
}

impl Vocabulary {
    /// `word` packed, when it fits: its bytes, then zeros (a normalised word has no zero byte).
    fn packed(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        (bytes.len() <= 16).then(|| {
            let mut key = [0u8; 16];
            key[..bytes.len()].copy_from_slice(bytes);
            u128::from_le_bytes(key)
        })
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The entry of `word`, made with number `id` if it is new.
    pub fn entry(&mut self, word: &str, id: u32) -> &mut Word {
        match Self::packed(word) {
            Some(key) => self.short.entry(key).or_insert(Word::new(id)),
            None => self.long.entry(word.into()).or_insert(Word::new(id)),
        }
    }

    pub fn get(&self, word: &str) -> Option<Word> {
        match Self::packed(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// [`Vocabulary::get`] of the word at `range` of `text`. With 16 bytes to read from where it
    /// starts, a short word is packed by one load and a mask rather than a copy of its length.
    pub fn get_in(&self, text: &str, range: Range<usize>) -> Option<Word> {
        let len = range.len();
        let sixteen = text.as_bytes().get(range.start..range.start + 16);
        match sixteen.and_then(|bytes| <[u8; 16]>::try_from(bytes).ok()) {
            Some(bytes) if len <= 16 => {
                let mask = if len == 16 {
                    u128::MAX
                } else {
                    (1u128 << (8 * len)) - 1
                };
                self.short
                    .get(&(u128::from_le_bytes(bytes) & mask))
                    .copied()
            }
            _ => self.get(&text[range]),
        }
    }
}

/// A word of the vocabulary.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub id: u32,
    /// The node reached by a phrase starting with this word, if one does.
    pub start: Option<u32>,
    pub class: WordClass,
}

impl Word {
    fn new(id: u32) -> Self {
        Word {
            id,
            start: None,
            class: WordClass::default(),
        }
    }
}

/// What a word does to the phrases after it (`normalisation.negations` and its exceptions).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClass {
    /// `không`, `đừng`: the phrase after it is denied.
    pub negation: bool,
    /// `nếu`, `để`, `thì`: turns the negation next to it into a condition or purpose.
    pub exception: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_keeps_short_and_long_words_apart() {
        let mut vocabulary = Vocabulary::default();
        let words = [
            "a",
            "ab",
            "chuyenkhoan",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "x",
        ];
        for (id, word) in words.iter().enumerate() {
            vocabulary.entry(word, id as u32);
        }
        for (id, word) in words.iter().enumerate() {
            assert_eq!(
                vocabulary.get(word).map(|w| w.id),
                Some(id as u32),
                "{word}"
            );
        }
        // A word sharing a prefix with a packed one, and one 16 bytes long, are other words.
        for absent in [
            "abc",
            "chuyenkhoa",
            "abcdefghijklmnoq",
            "abcdefghijklmnopqr",
            "",
        ] {
            assert!(vocabulary.get(absent).is_none(), "{absent}");
        }
        // Read in place from a longer text, a word is the same word.
        let text = "x chuyenkhoan ab abcdefghijklmnopq abcdefghijklmnop";
        let mut at = 0;
        for word in text.split(' ') {
            let expected = vocabulary.get(word).map(|w| w.id);
            let found = vocabulary.get_in(text, at..at + word.len()).map(|w| w.id);
            assert_eq!(found, expected, "{word}");
            at += word.len() + 1;
        }
        // An entry made again keeps its first number.
        assert_eq!(vocabulary.entry("ab", 99).id, 1);
    }
}
