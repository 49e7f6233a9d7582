//! Vietnamese text normalisation: one canonical, diacritic-free, lower-case form of a message that
//! every phrase and pattern of the catalogue is matched against.
//!
//! The tricks it undoes, in order: compatibility forms, look-alike letters, diacritics, case and
//! invisible characters ([`fold`]); stretched letters (`gấpppp`); amounts glued to words
//! (`nap500k` → `nap 500k`); leetspeak inside words (`0TP`, `t@i`); letters spelled apart (`V.i.e.t`,
//! `T.K`, `O T P`); teencode (`ko`, `stk`, `ck`, from the catalogue). Everything else between words
//! becomes one space. Each output word remembers where it came from in the original text, so a
//! reason can quote the original, accented words.

mod fold;
mod homoglyphs;

pub(crate) use homoglyphs::latin_for as latin_look_alike;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use canhgiac_catalogue::model::Normalisation;

use fold::{fold, is_word_char, FoldParts, Folded};

/// Separators that join two single letters into a word (`T.K` → `tk`), but a space does not.
const JOINERS: &[char] = &['.', '-', '_', '*', '/', '\'', '`', '|'];
const LEET_SYMBOLS: &[char] = &['@', '$'];

/// One of the tricks the normaliser undoes, so tests can prove each one matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trick {
    Diacritics,
    Homoglyphs,
    Invisible,
    Stretch,
    Leet,
    Spelled,
    Teencode,
}

/// The normaliser, built once from the catalogue's language data.
#[derive(Debug, Clone, Default)]
pub struct Normaliser {
    teencode: HashMap<String, Vec<String>>,
    teencode_longest: usize,
    units: HashSet<String>,
    off: Vec<Trick>,
}

/// A normalised text and the way back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalised {
    /// Lower-case words separated by single spaces.
    pub text: String,
    words: Vec<Word>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    out: (u32, u32),
    orig: (u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Short(char),
    Long,
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    orig: (u32, u32),
    gap: Gap,
}

impl Normaliser {
    /// Builds the normaliser; teencode keys and expansions are normalised themselves so that a
    /// key written with diacritics (`đc`) matches its folded form.
    pub fn new(data: &Normalisation) -> Self {
        let bare = Normaliser {
            units: data.units.iter().map(|u| u.to_lowercase()).collect(),
            ..Default::default()
        };
        let teencode: HashMap<String, Vec<String>> = data
            .teencode
            .iter()
            .filter_map(|(key, expansion)| {
                let key = bare.normalise(key).text;
                let words: Vec<String> = bare
                    .normalise(expansion)
                    .text
                    .split(' ')
                    .map(str::to_owned)
                    .collect();
                (!key.is_empty() && !key.contains(' ') && words.iter().all(|w| !w.is_empty()))
                    .then_some((key, words))
            })
            .collect();
        let teencode_longest = teencode.keys().map(String::len).max().unwrap_or(0);
        Normaliser {
            teencode,
            teencode_longest,
            ..bare
        }
    }

    /// The same normaliser with one trick turned off (to show what each trick catches).
    pub fn without(mut self, trick: Trick) -> Self {
        self.off.push(trick);
        self
    }

    fn on(&self, trick: Trick) -> bool {
        !self.off.contains(&trick)
    }

    /// Normalises `text`. Never fails; idempotent on its own output.
    pub fn normalise(&self, text: &str) -> Normalised {
        let parts = FoldParts {
            diacritics: self.on(Trick::Diacritics),
            homoglyphs: self.on(Trick::Homoglyphs),
            invisible: self.on(Trick::Invisible),
        };
        let tokens = self.shape_all(split(text, parts));
        let tokens = if self.on(Trick::Spelled) {
            self.join_spelled(tokens)
        } else {
            tokens
        };
        let mut out = Normalised {
            text: String::with_capacity(text.len()),
            words: Vec::with_capacity(tokens.len()),
        };
        for token in &tokens {
            // Teencode keys are short: most words skip the hash lookup.
            let candidate = token.text.len() <= self.teencode_longest && self.on(Trick::Teencode);
            match candidate.then(|| self.teencode.get(&token.text)).flatten() {
                Some(expansion) => expansion.iter().for_each(|word| out.push(word, token.orig)),
                None => out.push(&token.text, token.orig),
            }
        }
        out
    }

    fn shape_all(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut shaped = Vec::with_capacity(tokens.len());
        for token in tokens {
            self.shape(token, &mut shaped);
        }
        shaped
    }

    /// Stretched letters, amounts glued to words, leetspeak: the word-internal tricks. Each step
    /// runs again after leetspeak, which can create a stretch (`aa@`) or a glued amount (`a0o5`).
    fn shape(&self, mut token: Token, out: &mut Vec<Token>) {
        if self.on(Trick::Stretch) && has_stretch(&token.text) {
            token.text = collapse_stretch(&token.text);
        }
        if self.split_glued(&mut token, out) {
            return;
        }
        if self.on(Trick::Leet) && !self.is_amount(&token.text) {
            let leety = token
                .text
                .bytes()
                .any(|b| matches!(b, b'0' | b'1' | b'3' | b'4' | b'@' | b'$'));
            let unleeted = if leety {
                unleet(&token.text)
            } else {
                String::new()
            };
            if leety && unleeted != token.text {
                token.text = if self.on(Trick::Stretch) {
                    collapse_stretch(&unleeted)
                } else {
                    unleeted
                };
                if self.split_glued(&mut token, out) {
                    return;
                }
            }
        }
        if token.text.chars().all(|c| LEET_SYMBOLS.contains(&c)) {
            return;
        }
        out.push(token);
    }

    /// Pushes `nap500k` as `nap` and `500k`; false when the word is not of that shape.
    fn split_glued(&self, token: &mut Token, out: &mut Vec<Token>) -> bool {
        let Some(at) = self.glued_amount(&token.text) else {
            return false;
        };
        let amount = token.text.split_off(at);
        let orig = token.orig;
        out.push(Token {
            text: std::mem::take(&mut token.text),
            orig,
            gap: token.gap,
        });
        out.push(Token {
            text: amount,
            orig,
            gap: Gap::Long,
        });
        true
    }

    /// `nap500k` → split at 3: letters followed by an amount.
    fn glued_amount(&self, word: &str) -> Option<usize> {
        let at = word.find(|c: char| c.is_ascii_digit())?;
        let (head, tail) = word.split_at(at);
        (head.chars().count() >= 2
            && head.chars().all(|c| c.is_alphabetic())
            && self.is_amount(tail))
        .then_some(at)
    }

    /// Digits, optionally followed by a unit (`500k`, `3tr`, `4g`).
    fn is_amount(&self, word: &str) -> bool {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && (digits == word.len() || self.units.contains(&word[digits..]))
    }

    /// Joins letters spelled apart: three or more single characters in a row (`O T P`), or
    /// characters joined by punctuation (`T.K`). When punctuation joins the letters, a space
    /// between them is a word break: `T.h.u.e b.a.o` is two words.
    fn join_spelled(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        let single = |t: &Token| t.text.chars().count() == 1 && t.text.chars().all(is_word_char);
        if !tokens.iter().any(single) {
            return tokens; // the common case: nothing spelled apart
        }
        let joiner = |gap: Gap| matches!(gap, Gap::Short(c) if JOINERS.contains(&c));
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let mut end = i;
            while end < tokens.len() && single(&tokens[end]) {
                end += 1;
            }
            if end == i {
                let token = &mut tokens[i];
                out.push(Token {
                    text: std::mem::take(&mut token.text),
                    ..*token
                });
                i += 1;
                continue;
            }
            let run = &tokens[i..end];
            if run[1..].iter().any(|t| joiner(t.gap)) {
                // Words are the stretches joined by punctuation; what is left single in a row of
                // three or more is spelled with spaces and joins as one word.
                let mut words: Vec<&[Token]> = Vec::new();
                let mut from = 0;
                for k in 1..=run.len() {
                    if k == run.len() || !joiner(run[k].gap) {
                        words.push(&run[from..k]);
                        from = k;
                    }
                }
                let mut w = 0;
                while w < words.len() {
                    let mut singles = w;
                    while singles < words.len() && words[singles].len() == 1 {
                        singles += 1;
                    }
                    if singles - w >= 3 {
                        self.join(
                            &run[start_of(&words, w, run)..start_of(&words, singles, run)],
                            &mut out,
                        );
                        w = singles;
                    } else if words[w].len() > 1 {
                        self.join(words[w], &mut out);
                        w += 1;
                    } else {
                        out.push(words[w][0].clone());
                        w += 1;
                    }
                }
            } else if run.len() >= 3 {
                self.join(run, &mut out);
            } else {
                out.extend(run.iter().cloned());
            }
            i = end;
        }
        out
    }

    fn join(&self, run: &[Token], out: &mut Vec<Token>) {
        let text: String = run.iter().map(|t| t.text.as_str()).collect();
        let orig = (run[0].orig.0, run[run.len() - 1].orig.1);
        self.shape(
            Token {
                text,
                orig,
                gap: run[0].gap,
            },
            out,
        );
    }
}

impl Normalised {
    fn push(&mut self, word: &str, orig: (u32, u32)) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let start = self.text.len() as u32;
        self.text.push_str(word);
        self.words.push(Word {
            out: (start, self.text.len() as u32),
            orig,
        });
    }

    /// The index of the word that starts at byte `at` of the normalised text.
    pub(crate) fn word_starting_at(&self, at: usize) -> Option<usize> {
        self.words
            .binary_search_by_key(&(at as u32), |w| w.out.0)
            .ok()
    }

    /// The normalised text of word `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text[w.out.0 as usize..w.out.1 as usize]
    }

    /// The original byte range between word `i` and the next one (the punctuation between them).
    pub(crate) fn gap_after(&self, i: usize) -> Range<usize> {
        let end = self.words[i].orig.1 as usize;
        let next = self.words.get(i + 1).map_or(end, |w| w.orig.0 as usize);
        end..next.max(end)
    }

    /// The byte range in the original text that produced `range` of the normalised text.
    pub fn original_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        // Binary searches (words are in text order): called once per phrase match, a linear scan
        // made a long message quadratic (seconds for 100 kB of repeated phrases).
        let first = self.words.get(
            self.words
                .partition_point(|w| w.out.1 as usize <= range.start),
        )?;
        let last = self.words.get(
            self.words
                .partition_point(|w| (w.out.0 as usize) < range.end)
                .checked_sub(1)?,
        )?;
        (first.orig.0 <= last.orig.1).then_some(first.orig.0 as usize..last.orig.1 as usize)
    }
}

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

/// Where word `w` of `words` (slices of `run`) starts in `run`; `run.len()` past the last.
fn start_of(words: &[&[Token]], w: usize, run: &[Token]) -> usize {
    words[..w]
        .iter()
        .map(|x| x.len())
        .sum::<usize>()
        .min(run.len())
}

/// Splits folded text into tokens, remembering the gap before each.
fn split(text: &str, parts: FoldParts) -> Vec<Token> {
    let mut splitter = Splitter {
        tokens: Vec::with_capacity(text.len() / 4 + 1),
        current: String::new(),
        orig: (0, 0),
        gap_chars: 0,
        gap_first: ' ',
    };
    for (at, c) in text.char_indices() {
        let range = (at as u32, (at + c.len_utf8()) as u32);
        match fold(c, parts) {
            Folded::Drop => splitter.extend(range.1),
            Folded::One(f) => splitter.take(f, range),
            Folded::Many(s) => s.chars().for_each(|f| splitter.take(f, range)),
        }
    }
    splitter.flush();
    splitter.tokens
}

struct Splitter {
    tokens: Vec<Token>,
    current: String,
    orig: (u32, u32),
    gap_chars: u32,
    gap_first: char,
}

impl Splitter {
    fn take(&mut self, f: char, range: (u32, u32)) {
        if f == '%' {
            self.flush();
            self.current.push('%');
            self.orig = range;
            self.flush();
        } else if is_word_char(f) || LEET_SYMBOLS.contains(&f) {
            if self.current.is_empty() {
                self.orig.0 = range.0;
            }
            self.current.push(f);
            self.orig.1 = range.1;
        } else {
            self.flush();
            if self.gap_chars == 0 {
                self.gap_first = f;
            }
            self.gap_chars += 1;
        }
    }

    /// A dropped character (a combining accent) inside a word still belongs to it.
    fn extend(&mut self, end: u32) {
        if !self.current.is_empty() {
            self.orig.1 = end;
        }
    }

    fn flush(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let gap = match (self.tokens.is_empty(), self.gap_chars) {
            (true, _) => Gap::Long,
            (false, 0) => Gap::None,
            (false, 1) => Gap::Short(self.gap_first),
            _ => Gap::Long,
        };
        self.tokens.push(Token {
            text: std::mem::take(&mut self.current),
            orig: self.orig,
            gap,
        });
        self.gap_chars = 0;
    }
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

/// Leetspeak inside a word that is mostly letters: `0tp` → `otp`, `t@i` → `tai`.
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

fn unleet(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let leet = word
        .chars()
        .filter(|c| matches!(c, '0' | '1' | '3' | '4' | '@' | '$'))
        .count();
    if leet == 0 || letters < 2 || letters <= leet {
        return word.to_owned();
    }
    word.chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' | '@' => 'a',
            '$' => 's',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests;
