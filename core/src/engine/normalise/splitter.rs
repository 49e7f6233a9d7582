//! Cutting folded text into words: runs of letters are taken whole, each word remembers the gap
//! before it and where it came from, and a word that may hide a trick is shaped as it ends.

use super::fold::{self, fold, is_word_char, FoldParts, Folded};
use super::shredded;
use super::tokens::{Gap, Scratch, Token};
use super::trick::Trick;
use super::word_tricks::WordTricks;
use super::word_tricks::LEET_SYMBOLS;

/// Splits folded text into words, remembering the gap before each, and shapes each word as
/// it ends.
/// The tokens are written into `tokens`, emptied first: its memory is reused.
pub(super) fn split(
    words: &WordTricks,
    text: &str,
    parts: FoldParts,
    scratch: &mut Scratch,
    mut tokens: Vec<Token>,
) -> Vec<Token> {
    tokens.clear();
    tokens.reserve(text.len() / 4 + 1);
    let mut splitter = Splitter {
        tokens,
        start: 0,
        orig: (0, 0),
        gap_chars: 0,
        gap_first: ' ',
        any: false,
        plain: true,
        last: 0,
        run: 0,
    };
    let bytes = text.as_bytes();
    // The letter table is what folding gives with every part on.
    let letters = (parts == FoldParts::ALL).then(fold::ascii_letters);
    let mut at = 0;
    // Shredded text (`N'ha'nL,jen`): where the stretch being read began, how far it has been
    // looked at, and where the shredded one ends (see [`shredded`]).
    let (mut stretch_start, mut looked_until, mut shred_end) = (0, 0, 0);
    let shred_on = words.on(Trick::Shredded);
    while at < bytes.len() {
        // Runs of letters and digits, most of a message, are taken whole: ASCII ones and
        // Vietnamese letters fold to one ASCII letter each, read from a small table.
        let b = bytes[at];
        if b.is_ascii_alphanumeric() || b >= 0xC0 {
            let shred = at < shred_end;
            if shred && splitter.in_word(scratch) && starts_word(text, at) {
                splitter.gap(words, ' ', scratch);
            }
            let run = if shred {
                splitter.take_letter_run::<true>(text, at, letters, scratch)
            } else {
                splitter.take_letter_run::<false>(text, at, letters, scratch)
            };
            if run > 0 {
                at += run;
                continue;
            }
        } else if b.is_ascii() && !matches!(b, b'%' | b'@' | b'$') {
            if b.is_ascii_whitespace() {
                stretch_start = at + 1;
            } else if shredded::is_mark(b)
                && splitter.in_word(scratch)
                && bytes
                    .get(at + 1)
                    .is_some_and(|&n| n.is_ascii_alphabetic() || n >= 0xC0)
            {
                if shred_on && at >= looked_until {
                    let (end, shredded) =
                        shredded::stretch(text, stretch_start.max(looked_until), at);
                    looked_until = end;
                    if shredded {
                        shred_end = end;
                    }
                }
                // A mark inside shredded text is dropped: the word goes on.
                if at < shred_end {
                    at += 1;
                    continue;
                }
                // `t!en`: an exclamation mark between small letters is an `i`.
                let small = |n: Option<&u8>| n.is_some_and(u8::is_ascii_lowercase);
                if b == b'!'
                    && words.on(Trick::Leet)
                    && small(bytes.get(at + 1))
                    && at > 0
                    && small(bytes.get(at - 1))
                {
                    splitter.take_ascii(b'i', (at as u32, at as u32 + 1), scratch);
                    splitter.plain = false;
                    at += 1;
                    continue;
                }
            }
            // Spaces and punctuation fold to themselves and only part words (`%` is a word
            // of its own, `@` and `$` are leetspeak inside words: they take the general path).
            splitter.gap(words, char::from(b), scratch);
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let range = (at as u32, (at + c.len_utf8()) as u32);
        at += c.len_utf8();
        match fold(c, parts) {
            Folded::Drop => splitter.extend(range.1, scratch),
            Folded::One(f) => splitter.take(words, f, range, scratch),
            Folded::Many(s) => s
                .chars()
                .for_each(|f| splitter.take(words, f, range, scratch)),
        }
    }
    splitter.flush(words, scratch);
    splitter.tokens
}

/// Cuts the folded characters into words as they come.
struct Splitter {
    tokens: Vec<Token>,
    /// Where the current word starts in the scratch buffer.
    start: u32,
    orig: (u32, u32),
    gap_chars: u32,
    gap_first: char,
    /// True once a word has ended (even one that shaping then dropped).
    any: bool,
    /// The current word is ASCII letters with no letter three times in a row: nothing to shape.
    plain: bool,
    last: u8,
    run: u8,
}

impl Splitter {
    #[inline]
    fn in_word(&self, scratch: &Scratch) -> bool {
        scratch.buf.len() as u32 > self.start
    }

    fn take_word_char(&mut self, f: char, range: (u32, u32), scratch: &mut Scratch) {
        if !self.in_word(scratch) {
            self.orig.0 = range.0;
        }
        self.plain = false;
        scratch.buf.push(f);
        self.orig.1 = range.1;
    }

    /// The letters and digits starting at byte `at` of `text` that fold to one ASCII character
    /// (ASCII ones, and Vietnamese letters when `letters`, the table of
    /// [`fold::ascii_letters`], is given): [`Splitter::take_ascii`] for each, in one pass.
    /// Returns how many bytes they took.
    /// With `SHRED` (inside shredded text), a capital after a small letter ends the run and `j`
    /// is taken as `i`; a constant, so that ordinary text pays nothing for it.
    fn take_letter_run<const SHRED: bool>(
        &mut self,
        text: &str,
        at: usize,
        letters: Option<&[u8]>,
        scratch: &mut Scratch,
    ) -> usize {
        let starting = !self.in_word(scratch);
        let (mut last, mut run, mut plain) =
            (self.last, if starting { 0 } else { self.run }, self.plain);
        let bytes = text.as_bytes();
        let mut end = at;
        while let Some(&b) = bytes.get(end) {
            let (letter, width) = if b.is_ascii_alphanumeric() {
                (b.to_ascii_lowercase(), 1)
            } else if let Some(found) = letters
                .filter(|_| b >= 0xC0)
                .and_then(|letters| fold::ascii_letter_at(letters, text, end))
            {
                found
            } else {
                break;
            };
            // Shredded text: a capital starts a new word, and `j` stands for `i`.
            let letter = if SHRED {
                if end > at && starts_word(text, end) {
                    break;
                }
                if letter == b'j' {
                    b'i'
                } else {
                    letter
                }
            } else {
                letter
            };
            Self::count_letter(letter, &mut last, &mut run, &mut plain);
            scratch.buf.push(char::from(letter));
            end += width;
        }
        if end == at {
            return 0;
        }
        if starting {
            self.orig.0 = at as u32;
        }
        (self.last, self.run, self.plain) = (last, run, plain);
        self.orig.1 = end as u32;
        end - at
    }

    /// Follows lower-case ASCII `b` in the current word: the run of one letter it extends, and
    /// whether the word stays plain (no digit, no letter three times in a row).
    #[inline]
    fn count_letter(b: u8, last: &mut u8, run: &mut u8, plain: &mut bool) {
        if b == *last {
            *run = run.saturating_add(1);
        } else {
            *last = b;
            *run = 1;
        }
        *plain &= *run < 3 && !b.is_ascii_digit();
    }

    /// A lower-case ASCII letter or digit.
    fn take_ascii(&mut self, b: u8, range: (u32, u32), scratch: &mut Scratch) {
        if !self.in_word(scratch) {
            self.orig.0 = range.0;
            self.run = 0;
        }
        Self::count_letter(b, &mut self.last, &mut self.run, &mut self.plain);
        scratch.buf.push(char::from(b));
        self.orig.1 = range.1;
    }

    fn take(&mut self, words: &WordTricks, f: char, range: (u32, u32), scratch: &mut Scratch) {
        if f == '%' {
            self.flush(words, scratch);
            scratch.buf.push('%');
            self.orig = range;
            self.flush(words, scratch);
        } else if f.is_ascii_alphanumeric() {
            self.take_ascii(f as u8, range, scratch);
        } else if is_word_char(f) || LEET_SYMBOLS.contains(&f) {
            self.take_word_char(f, range, scratch);
        } else {
            self.gap(words, f, scratch);
        }
    }

    /// A character between words: ends the current word and counts towards the gap.
    fn gap(&mut self, words: &WordTricks, f: char, scratch: &mut Scratch) {
        self.flush(words, scratch);
        if self.gap_chars == 0 {
            self.gap_first = f;
        }
        self.gap_chars += 1;
    }

    /// A dropped character (a combining accent) inside a word still belongs to it.
    fn extend(&mut self, end: u32, scratch: &Scratch) {
        if self.in_word(scratch) {
            self.orig.1 = end;
        }
    }

    fn flush(&mut self, words: &WordTricks, scratch: &mut Scratch) {
        if !self.in_word(scratch) {
            return;
        }
        let gap = match (self.any, self.gap_chars) {
            (false, _) => Gap::Long,
            (true, 0) => Gap::None,
            (true, 1) => Gap::Short(self.gap_first),
            _ => Gap::Long,
        };
        let token = Token {
            text: (self.start, scratch.buf.len() as u32),
            orig: self.orig,
            gap,
        };
        self.any = true;
        self.gap_chars = 0;
        if self.plain {
            self.tokens.push(token);
        } else {
            words.shape(token, scratch, &mut self.tokens);
        }
        self.start = scratch.buf.len() as u32;
        self.plain = true;
        self.last = 0;
    }
}

/// In shredded text, true when the letter at byte `at` starts a word: a capital after a small
/// letter (one mark between them is looked past: `an"L`), not a capital after a capital (`MO^n`).
fn starts_word(text: &str, at: usize) -> bool {
    if !shredded::capital_at(text, at) {
        return false;
    }
    let mut before = text[..at].chars().rev();
    let previous = match before.next() {
        Some(c) if c.is_ascii() && shredded::is_mark(c as u8) => before.next(),
        other => other,
    };
    previous.is_some_and(|c| c.is_lowercase())
}
