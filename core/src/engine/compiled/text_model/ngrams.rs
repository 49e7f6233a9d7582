//! The n-grams of a normalised text, hashed into buckets: what the learned model reads. Digit
//! runs are masked to one `0` first (an amount, a code or a date says nothing by its value, and a
//! template's figures change from one message to the next). The same function serves the phone
//! and the trainer, so both see the same features.

use canhgiac_catalogue::model::NgramSpec;

use crate::engine::normalise::{is_word_char, lower};

/// Feature hashing: FNV-1a over a kind byte and the n-gram's bytes, spread over the buckets by a
/// multiplicative (Fibonacci) step. Fixed by the model format: changing it invalidates every
/// trained model.
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    const PRIME: u32 = 0x0100_0193;

    fn start(kind: u8) -> Self {
        Fnv(0x811c_9dc5).push(kind)
    }

    fn push(self, byte: u8) -> Self {
        Fnv((self.0 ^ u32::from(byte)).wrapping_mul(Self::PRIME))
    }

    fn bucket(self, bits: u8) -> u32 {
        self.0.wrapping_mul(0x9E37_79B1) >> (32 - u32::from(bits))
    }
}

const CHARS: u8 = b'c';
const WORDS: u8 = b'w';
const LENGTH: u8 = b'l';
const SHAPE: u8 = b's';

/// The shape of `text`: each character as its class (`a` a lower-case letter, `A` an upper-case
/// one, of any script and with or without diacritics, so that a message typed without accents
/// has the shape of one typed with them; `0` a digit, ASCII punctuation as itself, `*` anything
/// else), white space as one space, between two spaces.
pub(crate) fn mask_shape(text: &str, shape: &mut Vec<u8>) {
    shape.clear();
    shape.reserve(text.len() + 2);
    shape.push(b' ');
    for c in text.chars() {
        let class = match c {
            'a'..='z' => b'a',
            'A'..='Z' => b'A',
            '0'..='9' => b'0',
            c if c.is_whitespace() => b' ',
            c if c.is_ascii_punctuation() => c as u8,
            // The normaliser's tables: a Unicode lookup per letter costs more than the rest.
            c if is_word_char(c) && lower(c) != c => b'A',
            c if is_word_char(c) => b'a',
            _ => b'*',
        };
        if !(class == b' ' && shape.last() == Some(&b' ')) {
            shape.push(class);
        }
    }
    if shape.last() != Some(&b' ') {
        shape.push(b' ');
    }
}

/// Calls `each(bucket)` for every n-gram of a text's shape (from [`mask_shape`]). Returns how
/// many there were.
pub(crate) fn for_each_shape_ngram(
    shape: &[u8],
    spec: &NgramSpec,
    mut each: impl FnMut(u32),
) -> usize {
    if spec.shape_max == 0 {
        return 0;
    }
    byte_ngrams(
        shape,
        SHAPE,
        (spec.shape_min, spec.shape_max),
        spec.hash_bits,
        |bucket, _| each(bucket),
    )
}

/// The bucket of a message's length band, when the recipe has one: `words` words in bands
/// 1–3, 4–8, 9–20, 21–50 and more.
pub(crate) fn length_bucket(words: usize, spec: &NgramSpec) -> Option<u32> {
    let band = [3, 8, 20, 50]
        .iter()
        .take_while(|&&top| words > top)
        .count() as u8;
    spec.length
        .then(|| Fnv::start(LENGTH).push(band).bucket(spec.hash_bits))
}

/// Calls `each(bucket, start)` for every n-gram of `lengths.0..=lengths.1` bytes of `bytes`,
/// hashed after `kind`. Returns how many there were.
fn byte_ngrams(
    bytes: &[u8],
    kind: u8,
    lengths: (u8, u8),
    bits: u8,
    mut each: impl FnMut(u32, usize),
) -> usize {
    let (min, max) = (usize::from(lengths.0), usize::from(lengths.1));
    let mut count = 0;
    for i in 0..bytes.len() {
        let mut h = Fnv::start(kind);
        for (n, &b) in bytes[i..].iter().take(max).enumerate() {
            h = h.push(b);
            if n + 1 >= min {
                each(h.bucket(bits), i);
                count += 1;
            }
        }
    }
    count
}

/// `text` with each run of digits written as one `0`, between two spaces.
pub(crate) fn mask_digits(text: &str, masked: &mut Vec<u8>) {
    masked.clear();
    masked.reserve(text.len() + 2);
    masked.push(b' ');
    let mut in_digits = false;
    for &b in text.as_bytes() {
        let digit = b.is_ascii_digit();
        if !(digit && in_digits) {
            masked.push(if digit { b'0' } else { b });
        }
        in_digits = digit;
    }
    masked.push(b' ');
}

/// Calls `each(bucket, word, share)` for every n-gram of `masked` (from [`mask_digits`]): the
/// word (index among the text's words) the n-gram belongs to, and the share of it that belongs to
/// that word (a word n-gram is shared by its words). Returns how many n-grams there were.
pub(crate) fn for_each_ngram(
    masked: &[u8],
    spec: &NgramSpec,
    mut each: impl FnMut(u32, usize, f32),
) -> usize {
    let bits = spec.hash_bits;
    let mut count = 0;
    if spec.char_max > 0 {
        // The word an n-gram starting at `i` belongs to: the one `i` is in, or the next one when
        // `i` is the space before it. Starts come in order, so the words are counted on the way.
        let (mut word, mut counted_to) = (0usize, 1usize);
        count += byte_ngrams(
            masked,
            CHARS,
            (spec.char_min, spec.char_max),
            bits,
            |b, i| {
                while counted_to < i {
                    counted_to += 1;
                    word += usize::from(masked[counted_to - 1] == b' ');
                }
                each(b, word, 1.0);
            },
        );
    }
    if spec.word_max > 0 {
        // The last `word_max` words, newest last, as (start, end) in `masked`; no allocation.
        let n_max = usize::from(spec.word_max).min(3);
        let mut recent: [(usize, usize); 3] = [(0, 0); 3];
        let (mut seen, mut start) = (0usize, None);
        for (i, &b) in masked.iter().enumerate() {
            match (b == b' ', start) {
                (false, None) => start = Some(i),
                (true, Some(from)) => {
                    start = None;
                    recent.rotate_left(1);
                    recent[2] = (from, i);
                    seen += 1;
                    for n in 1..=n_max.min(seen) {
                        let mut h = Fnv::start(WORDS);
                        for (k, &(a, z)) in recent[3 - n..].iter().enumerate() {
                            if k > 0 {
                                h = h.push(b' ');
                            }
                            h = masked[a..z].iter().fold(h, |h, &b| h.push(b));
                        }
                        let b = h.bucket(bits);
                        let share = 1.0 / n as f32;
                        for word in seen - n..seen {
                            each(b, word, share);
                        }
                        count += 1;
                    }
                }
                _ => {}
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        mask_digits(text, &mut out);
        out
    }

    #[test]
    fn digit_runs_become_one_zero() {
        assert_eq!(masked("nap 500k ma 123456"), b" nap 0k ma 0 ".to_vec());
        assert_eq!(masked(""), b"  ".to_vec());
    }

    #[test]
    fn the_same_words_give_the_same_buckets_and_figures_do_not_matter() {
        let spec = NgramSpec::default();
        let collect = |text: &str| {
            let mut out = Vec::new();
            for_each_ngram(&masked(text), &spec, |b, _, _| out.push(b));
            out
        };
        assert_eq!(collect("chuyen 500k ngay"), collect("chuyen 20k ngay"));
        assert_ne!(collect("chuyen tien ngay"), collect("nhan tien ngay"));
        assert!(collect("ab").iter().all(|&b| (b as usize) < spec.buckets()));
    }

    #[test]
    fn every_ngram_names_a_word_of_the_text() {
        let spec = NgramSpec::default();
        let text = "tai khoan bi khoa";
        let mut words = Vec::new();
        let count = for_each_ngram(&masked(text), &spec, |_, w, _| words.push(w));
        assert!(count > 0);
        assert!(words.iter().all(|&w| w < 4), "{words:?}");
        assert!(words.contains(&0) && words.contains(&3));
    }
}
