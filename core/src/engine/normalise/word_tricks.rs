//! The tricks inside one word: stretched letters (`gấpppp`), amounts glued to words
//! (`nap500k` → `nap 500k`), leetspeak (`0TP`, `t@i`), and numbers with masked digits kept as
//! written (`0867xxxxxx`).

use rustc_hash::FxHashSet;

use super::tokens::{Gap, Scratch, Token};
use super::trick::Trick;

/// Symbols that stand for letters inside a word (`t@i`, `$ms`).
pub(super) const LEET_SYMBOLS: &[char] = &['@', '$'];

/// What the word tricks need: the units an amount may carry (`k`, `tr`), and which tricks are
/// turned off (in tests that show what each one catches).
#[derive(Debug, Clone)]
pub(super) struct WordTricks {
    units: FxHashSet<String>,
    off: Vec<Trick>,
}

impl WordTricks {
    pub fn new(units: FxHashSet<String>) -> Self {
        WordTricks {
            units,
            off: Vec::new(),
        }
    }

    /// Turns `trick` off.
    pub fn turn_off(&mut self, trick: Trick) {
        self.off.push(trick);
    }

    /// True unless `trick` was turned off.
    pub fn on(&self, trick: Trick) -> bool {
        !self.off.contains(&trick)
    }

    /// Stretched letters, amounts glued to words, leetspeak: the word-internal tricks. Each step
    /// runs again after leetspeak, which can create a stretch (`aa@`) or a glued amount (`a0o5`).
    pub fn shape(&self, mut token: Token, scratch: &mut Scratch, out: &mut Vec<Token>) {
        if is_masked_number(scratch.get(&token)) {
            out.push(token);
            return;
        }
        if self.on(Trick::Stretch) && has_stretch(scratch.get(&token)) {
            let collapsed = collapse_stretch(scratch.get(&token));
            token.text = scratch.append(&collapsed);
        }
        if self.split_glued(&token, scratch, out) {
            return;
        }
        let word = scratch.get(&token);
        if self.on(Trick::Leet) && !self.is_amount(word) {
            let leety = word
                .bytes()
                .any(|b| matches!(b, b'0' | b'1' | b'3' | b'4' | b'@' | b'$'));
            if leety {
                if let Some(unleeted) = unleet(word) {
                    let unleeted = if self.on(Trick::Stretch) {
                        collapse_stretch(&unleeted)
                    } else {
                        unleeted
                    };
                    token.text = scratch.append(&unleeted);
                    if self.split_glued(&token, scratch, out) {
                        return;
                    }
                }
            }
        }
        if scratch
            .get(&token)
            .chars()
            .all(|c| LEET_SYMBOLS.contains(&c))
        {
            return;
        }
        out.push(token);
    }

    /// Pushes `nap500k` as `nap` and `500k`; false when the word is not of that shape.
    fn split_glued(&self, token: &Token, scratch: &Scratch, out: &mut Vec<Token>) -> bool {
        let Some(at) = self.glued_amount(scratch.get(token)) else {
            return false;
        };
        let middle = token.text.0 + at as u32;
        out.push(Token {
            text: (token.text.0, middle),
            ..*token
        });
        out.push(Token {
            text: (middle, token.text.1),
            orig: token.orig,
            gap: Gap::Long,
        });
        true
    }

    /// `nap500k` → split at 3: letters followed by an amount.
    fn glued_amount(&self, word: &str) -> Option<usize> {
        let at = word.find(|c: char| c.is_ascii_digit())?;
        let (head, tail) = word.split_at(at);
        // `tr0` is leetspeak for `tro`: a lone 0 is no amount (`sdt0912…` is still a number).
        (head.chars().count() >= 2
            && head.chars().all(|c| c.is_alphabetic())
            && tail != "0"
            && self.is_amount(tail))
        .then_some(at)
    }

    /// Digits, optionally followed by a unit (`500k`, `3tr`, `4g`).
    fn is_amount(&self, word: &str) -> bool {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && (digits == word.len() || self.units.contains(&word[digits..]))
    }
}

/// A number with digits hidden as `x` (`0867xxxxxx`, `09xx`): the x's stand for digits, so the
/// word is kept as written, with none of the word-internal tricks: no stretch (`xxxx`), no
/// leetspeak (`0` is a digit here), no amount split off (`xx500`).
fn is_masked_number(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.iter().all(|&b| b.is_ascii_digit() || b == b'x')
        && bytes.contains(&b'x')
        && bytes.iter().any(u8::is_ascii_digit)
}

/// `gấppppp` → `gap`: three or more of the same letter become one (Vietnamese never triples).
fn collapse_stretch(word: &str) -> String {
    if !has_stretch(word) {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        if c == last && c.is_alphabetic() {
            run += 1;
        } else {
            last = c;
            run = 1;
        }
        if run <= 2 {
            out.push(c);
        } else if run == 3 {
            out.pop();
        }
    }
    out
}

/// True when some letter repeats three times or more in a row.
fn has_stretch(word: &str) -> bool {
    let bytes = word.as_bytes();
    // Non-ASCII letters repeat as multi-byte runs; checking chars there is rare enough.
    if !word.is_ascii() {
        let chars: Vec<char> = word.chars().collect();
        return chars
            .windows(3)
            .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic());
    }
    bytes
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic())
}

/// Leetspeak inside a word that is mostly letters: `0tp` → `otp`, `t@i` → `tai`.
fn unleet(word: &str) -> Option<String> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let leet = word
        .chars()
        .filter(|c| matches!(c, '0' | '1' | '3' | '4' | '@' | '$'))
        .count();
    // One letter and one `0` (`h0`, `c0`, `k0`) is a short word in leetspeak; other digits
    // beside one letter are codes (`A1`, `B2`).
    let short = letters == 1
        && leet == 1
        && word.len() == 2
        && word.ends_with('0')
        && word.starts_with(char::is_alphabetic);
    if leet == 0 || (!short && (letters < 2 || letters <= leet)) {
        return None;
    }
    Some(
        word.chars()
            .map(|c| match c {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' | '@' => 'a',
                '$' => 's',
                other => other,
            })
            .collect(),
    )
}
