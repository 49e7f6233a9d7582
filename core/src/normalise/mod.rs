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

pub(crate) use fold::{is_word_char, lower};
pub(crate) use homoglyphs::latin_for as latin_look_alike;

use std::ops::Range;

use canhgiac_catalogue::model::Normalisation;

use crate::index::fast_hash::{FastMap, FastSet};
use fold::{fold, FoldParts, Folded};

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
#[derive(Debug, Clone)]
pub struct Normaliser {
    teencode: FastMap<String, Vec<String>>,
    teencode_longest: usize,
    /// Which (first letter, length, last letter) shapes teencode keys have: most words are ruled
    /// out by one look-up here instead of a hash.
    teencode_shapes: Box<[u128; 256]>,
    units: FastSet<String>,
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

/// A word on its way through the normaliser: its text is `text` of the shared [`Scratch`]
/// buffer, so that a message costs a few allocations rather than one per word.
#[derive(Debug, Clone, Copy)]
struct Token {
    text: (u32, u32),
    orig: (u32, u32),
    gap: Gap,
}

/// The text of every token of one message, one after the other; a token that a trick rewrites
/// gets its new text appended.
#[derive(Debug, Default)]
struct Scratch {
    buf: String,
}

/// What normalising a message writes on the way, kept between messages so that a check reuses
/// its memory instead of asking the allocator again (see [`Normaliser::normalise_into`]).
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    scratch: Scratch,
    tokens: Vec<Token>,
}

impl Scratch {
    #[inline]
    fn get(&self, token: &Token) -> &str {
        &self.buf[token.text.0 as usize..token.text.1 as usize]
    }

    /// Appends `text` and returns its range.
    fn append(&mut self, text: &str) -> (u32, u32) {
        let start = self.buf.len() as u32;
        self.buf.push_str(text);
        (start, self.buf.len() as u32)
    }
}

impl Normaliser {
    /// Builds the normaliser; teencode keys and expansions are normalised themselves so that a
    /// key written with diacritics (`đc`) matches its folded form.
    pub fn new(data: &Normalisation) -> Self {
        let bare = Normaliser {
            teencode: FastMap::default(),
            teencode_longest: 0,
            teencode_shapes: Box::new([0; 256]),
            units: data.units.iter().map(|u| u.to_lowercase()).collect(),
            off: Vec::new(),
        };
        let teencode: FastMap<String, Vec<String>> = data
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
        let mut teencode_shapes = Box::new([0u128; 256]);
        for key in teencode.keys() {
            let (first, bit) = word_shape(key);
            teencode_shapes[first] |= bit;
        }
        Normaliser {
            teencode,
            teencode_longest,
            teencode_shapes,
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

    /// False for most words that are no teencode key, without hashing them.
    #[inline]
    fn may_be_teencode(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > self.teencode_longest {
            return false;
        }
        let (first, bit) = word_shape(word);
        self.teencode_shapes[first] & bit != 0
    }

    /// Normalises `text`. Never fails; idempotent on its own output.
    pub fn normalise(&self, text: &str) -> Normalised {
        let mut out = Normalised::default();
        self.normalise_into(text, &mut Buffers::default(), &mut out);
        out
    }

    /// [`Normaliser::normalise`] into `out`, with the memory of `out` and `buffers` from an
    /// earlier message: the check path's way, a handful of allocations fewer per message.
    pub(crate) fn normalise_into(&self, text: &str, buffers: &mut Buffers, out: &mut Normalised) {
        let parts = FoldParts {
            diacritics: self.on(Trick::Diacritics),
            homoglyphs: self.on(Trick::Homoglyphs),
            invisible: self.on(Trick::Invisible),
        };
        let scratch = &mut buffers.scratch;
        scratch.buf.clear();
        scratch.buf.reserve(text.len() + 16);
        let tokens = self.split(text, parts, scratch, std::mem::take(&mut buffers.tokens));
        // The common case: no single letter, or none next to another one.
        let tokens = if self.on(Trick::Spelled) && adjacent_singles(&tokens, scratch) {
            let mut tokens = self.join_spelled(tokens, scratch);
            // A joined word can shrink to one letter (`d-d-d` → `d`) beside other single
            // letters: join those as a second pass over the output would, so that normalising
            // stays idempotent. Each round joins, so the words get fewer.
            while spelled_run(&tokens, scratch) {
                tokens.iter_mut().for_each(|t| t.gap = Gap::Short(' '));
                tokens = self.join_spelled(tokens, scratch);
            }
            tokens
        } else {
            tokens
        };
        out.text.clear();
        out.words.clear();
        // The words, a space after each, and room for a few teencode expansions.
        out.text.reserve(scratch.buf.len() + tokens.len() + 16);
        out.words.reserve(tokens.len());
        let teencode = self.on(Trick::Teencode);
        for token in &tokens {
            let word = scratch.get(token);
            // Teencode keys are short: most words skip the hash lookup.
            let expansion = (teencode && self.may_be_teencode(word))
                .then(|| self.teencode.get(word))
                .flatten();
            match expansion {
                Some(expansion) => expansion.iter().for_each(|w| out.push(w, token.orig)),
                None => out.push(word, token.orig),
            }
        }
        buffers.tokens = tokens;
    }

    /// Splits folded text into words, remembering the gap before each, and shapes each word as
    /// it ends.
    /// The tokens are written into `tokens`, emptied first: its memory is reused.
    fn split(
        &self,
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
        while at < bytes.len() {
            // Runs of letters and digits, most of a message, are taken whole: ASCII ones and
            // Vietnamese letters fold to one ASCII letter each, read from a small table.
            let b = bytes[at];
            if b.is_ascii_alphanumeric() || b >= 0xC0 {
                let run = splitter.take_letter_run(text, at, letters, scratch);
                if run > 0 {
                    at += run;
                    continue;
                }
            } else if b.is_ascii() && !matches!(b, b'%' | b'@' | b'$') {
                // Spaces and punctuation fold to themselves and only part words (`%` is a word
                // of its own, `@` and `$` are leetspeak inside words: they take the general path).
                splitter.gap(self, char::from(b), scratch);
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
                Folded::One(f) => splitter.take(self, f, range, scratch),
                Folded::Many(s) => s
                    .chars()
                    .for_each(|f| splitter.take(self, f, range, scratch)),
            }
        }
        splitter.flush(self, scratch);
        splitter.tokens
    }

    /// Stretched letters, amounts glued to words, leetspeak: the word-internal tricks. Each step
    /// runs again after leetspeak, which can create a stretch (`aa@`) or a glued amount (`a0o5`).
    fn shape(&self, mut token: Token, scratch: &mut Scratch, out: &mut Vec<Token>) {
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
    fn join_spelled(&self, tokens: Vec<Token>, scratch: &mut Scratch) -> Vec<Token> {
        let joiner = |gap: Gap| matches!(gap, Gap::Short(c) if JOINERS.contains(&c));
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let mut end = i;
            while end < tokens.len() && single(scratch, &tokens[end]) {
                end += 1;
            }
            if end == i {
                out.push(tokens[i]);
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
                            scratch,
                            &mut out,
                        );
                        w = singles;
                    } else if words[w].len() > 1 {
                        self.join(words[w], scratch, &mut out);
                        w += 1;
                    } else {
                        out.push(words[w][0]);
                        w += 1;
                    }
                }
            } else if run.len() >= 3 {
                self.join(run, scratch, &mut out);
            } else {
                out.extend_from_slice(run);
            }
            i = end;
        }
        out
    }

    fn join(&self, run: &[Token], scratch: &mut Scratch, out: &mut Vec<Token>) {
        let text: String = run.iter().map(|t| scratch.get(t)).collect();
        let token = Token {
            text: scratch.append(&text),
            orig: (run[0].orig.0, run[run.len() - 1].orig.1),
            gap: run[0].gap,
        };
        self.shape(token, scratch, out);
    }
}

impl Normalised {
    #[inline]
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

    /// How many words the text has.
    pub(crate) fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The byte range of word `i` in the normalised text.
    pub(crate) fn word_range(&self, i: usize) -> Range<usize> {
        let w = self.words[i];
        w.out.0 as usize..w.out.1 as usize
    }

    /// The byte range in the original text that produced words `first..=last`.
    pub(crate) fn original_range_of_words(
        &self,
        first: usize,
        last: usize,
    ) -> Option<Range<usize>> {
        let (from, to) = (self.words[first].orig.0, self.words[last].orig.1);
        (from <= to).then_some(from as usize..to as usize)
    }

    /// The byte range in the original text that produced word `i`.
    pub(crate) fn original_range_of_word(&self, i: usize) -> Range<usize> {
        let w = self.words[i];
        w.orig.0 as usize..w.orig.1 as usize
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

/// Where a word's shape falls in [`Normaliser::teencode_shapes`]: its first byte, and one bit
/// for its length (modulo 4) and last byte (modulo 32).
#[inline]
fn word_shape(word: &str) -> (usize, u128) {
    let bytes = word.as_bytes();
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    let bit = ((bytes.len() - 1) % 4) * 32 + usize::from(last % 32);
    (usize::from(first), 1u128 << bit)
}

/// True when the token is one letter or digit.
#[inline]
fn single(scratch: &Scratch, token: &Token) -> bool {
    let len = token.text.1 - token.text.0;
    if len == 1 {
        return scratch.buf.as_bytes()[token.text.0 as usize].is_ascii_alphanumeric();
    }
    if len > 4 {
        return false; // longer than any one character
    }
    let mut chars = scratch.get(token).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_word_char(c))
}

/// True when two single letters stand side by side: the least that [`Normaliser::join_spelled`]
/// joins.
fn adjacent_singles(tokens: &[Token], scratch: &Scratch) -> bool {
    tokens
        .windows(2)
        .any(|w| single(scratch, &w[0]) && single(scratch, &w[1]))
}

/// True when three single letters stand in a row: letters spelled apart with spaces.
fn spelled_run(tokens: &[Token], scratch: &Scratch) -> bool {
    tokens
        .windows(3)
        .any(|w| w.iter().all(|t| single(scratch, t)))
}

/// Where word `w` of `words` (slices of `run`) starts in `run`; `run.len()` past the last.
fn start_of(words: &[&[Token]], w: usize, run: &[Token]) -> usize {
    words[..w]
        .iter()
        .map(|x| x.len())
        .sum::<usize>()
        .min(run.len())
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
    fn take_letter_run(
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
                .and_then(|letters| fold::ascii_letter_at(letters, bytes, end))
            {
                found
            } else {
                break;
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

    fn take(&mut self, normaliser: &Normaliser, f: char, range: (u32, u32), scratch: &mut Scratch) {
        if f == '%' {
            self.flush(normaliser, scratch);
            scratch.buf.push('%');
            self.orig = range;
            self.flush(normaliser, scratch);
        } else if f.is_ascii_alphanumeric() {
            self.take_ascii(f as u8, range, scratch);
        } else if is_word_char(f) || LEET_SYMBOLS.contains(&f) {
            self.take_word_char(f, range, scratch);
        } else {
            self.gap(normaliser, f, scratch);
        }
    }

    /// A character between words: ends the current word and counts towards the gap.
    fn gap(&mut self, normaliser: &Normaliser, f: char, scratch: &mut Scratch) {
        self.flush(normaliser, scratch);
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

    fn flush(&mut self, normaliser: &Normaliser, scratch: &mut Scratch) {
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
            normaliser.shape(token, scratch, &mut self.tokens);
        }
        self.start = scratch.buf.len() as u32;
        self.plain = true;
        self.last = 0;
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

fn unleet(word: &str) -> Option<String> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let leet = word
        .chars()
        .filter(|c| matches!(c, '0' | '1' | '3' | '4' | '@' | '$'))
        .count();
    if leet == 0 || letters < 2 || letters <= leet {
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

#[cfg(test)]
mod tests;
