//! Teencode: the short forms of chat (`ko`, `stk`, `ck`, from the catalogue) and the words they
//! stand for.

use rustc_hash::FxHashMap;

/// Teencode keys (normalised words) and their expansions.
#[derive(Debug, Clone)]
pub(super) struct Teencode {
    map: FxHashMap<String, Vec<String>>,
    longest: usize,
    /// Which (first letter, length, last letter) shapes the keys have: most words are ruled
    /// out by one look-up here instead of a hash.
    shapes: Box<[u128; 256]>,
}

impl Default for Teencode {
    fn default() -> Self {
        Teencode::new(FxHashMap::default())
    }
}

impl Teencode {
    pub fn new(map: FxHashMap<String, Vec<String>>) -> Self {
        let longest = map.keys().map(String::len).max().unwrap_or(0);
        let mut shapes = Box::new([0u128; 256]);
        for key in map.keys() {
            let (first, bit) = word_shape(key);
            shapes[first] |= bit;
        }
        Teencode {
            map,
            longest,
            shapes,
        }
    }

    /// The words `word` stands for, when it is a teencode key. Keys are short: most words skip
    /// the hash lookup.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&Vec<String>> {
        if word.is_empty() || word.len() > self.longest {
            return None;
        }
        let (first, bit) = word_shape(word);
        if self.shapes[first] & bit == 0 {
            return None;
        }
        self.map.get(word)
    }
}

/// Where a word's shape falls in [`Teencode::shapes`]: its first byte, and one bit
/// for its length (modulo 4) and last byte (modulo 32).
#[inline]
fn word_shape(word: &str) -> (usize, u128) {
    let bytes = word.as_bytes();
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    let bit = ((bytes.len() - 1) % 4) * 32 + usize::from(last % 32);
    (usize::from(first), 1u128 << bit)
}
