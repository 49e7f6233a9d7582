//! Every phrase of every signal and every alias of every entity in one trie of words, walked over
//! the normalised message once: matching costs the same for 10 phrases or 10,000.
//!
//! Phrases match whole words only, and the normalised text is words joined by single spaces, so
//! the trie's letters are words: a message's word that no phrase uses stops the walk at once, and
//! no match inside a word (`an` in `ngan`) is ever found to be thrown away.

use std::ops::{Range, RangeInclusive};

use canhgiac_catalogue::model::{Catalogue, SignalKind};

use super::fast_hash::FastMap;
use crate::error::CoreError;
use crate::normalise::{
    accent_words, is_word_char, latin_look_alike, lower, Normalised, Normaliser,
};

/// What a matched pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Signal(usize),
    Entity(usize),
}

pub(crate) struct TextMatcher {
    /// Every word some phrase uses → its number and the node a phrase starting with it reaches.
    vocabulary: Vocabulary,
    /// The trie below the first word, compact: node `n`'s children are
    /// `children[nodes[n].first_child..nodes[n + 1].first_child]` (word, node; sorted), the
    /// patterns ending at it `endings[nodes[n].first_ending..nodes[n + 1].first_ending]`. Nodes
    /// have a handful of children: a short search in one place beats a hash. A last node marks
    /// the end of both lists. Each step of a walk reads one record of each kind, not one entry
    /// of a list per field.
    nodes: Vec<Node>,
    children: Vec<(u32, u32)>,
    endings: Vec<Ending>,
    /// For phrases written with diacritics: their words with accents kept, so that a message
    /// written with diacritics must agree with them ("đơn áo" is a shirt order, not "đơn ảo").
    /// Each pattern's words, space-separated (see [`Ending::accents`]): one block of memory
    /// read on every accented match.
    accent_text: String,
}

/// Where a node's children and endings start (they end where the next node's start).
#[derive(Debug, Clone, Copy)]
struct Node {
    first_child: u32,
    first_ending: u32,
    /// Bit `word % 64` of each child's word: most words continue no phrase, and one test says
    /// so without a search whose branches the processor cannot predict.
    child_words: u64,
}

/// A phrase or alias that ends at a node.
#[derive(Debug, Clone, Copy)]
struct Ending {
    target: Target,
    /// Its words with accents kept: `accent_text[accents.0..accents.1]`, empty when the phrase
    /// is written without diacritics.
    accents: (u32, u32),
}

/// Words and what the matcher knows of them. A word of up to 16 bytes (nearly all) is its own
/// key, packed into a number: a look-up compares two numbers rather than following a pointer to
/// compare strings, which is what a check's time went to.
#[derive(Default)]
struct Vocabulary {
    short: FastMap<u128, Word>,
    long: FastMap<Box<str>, Word>,
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

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The entry of `word`, made with number `id` if it is new.
    fn entry(&mut self, word: &str, id: u32) -> &mut Word {
        match Self::packed(word) {
            Some(key) => self.short.entry(key).or_insert(Word::new(id)),
            None => self.long.entry(word.into()).or_insert(Word::new(id)),
        }
    }

    fn get(&self, word: &str) -> Option<Word> {
        match Self::packed(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// [`Vocabulary::get`] of the word at `range` of `text`. With 16 bytes to read from where it
    /// starts, a short word is packed by one load and a mask rather than a copy of its length.
    fn get_in(&self, text: &str, range: Range<usize>) -> Option<Word> {
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
struct Word {
    id: u32,
    /// The node reached by a phrase starting with this word, if one does.
    start: Option<u32>,
    class: WordClass,
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

/// The matches in one message, and what the vocabulary knows of each of its words. Kept from
/// one message to the next, its memory is reused (see [`TextMatcher::matches_into`]).
#[derive(Default)]
pub(crate) struct Matches {
    /// In the order of their ends (the longer first at one end).
    pub found: Vec<Match>,
    words: Vec<Option<Word>>,
}

impl Matches {
    /// The class of the message's word `k` (none for a word no phrase uses).
    pub fn class(&self, k: usize) -> WordClass {
        self.words[k].map(|w| w.class).unwrap_or_default()
    }
}

/// One match: the pattern, and the words it spans.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    pub target: Target,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// The index of its first word.
    pub first_word: usize,
}

impl TextMatcher {
    /// Builds the trie of phrases and aliases; `negations` and `exceptions` are normalised single
    /// words, classified in the same vocabulary so that a message's words are looked up once.
    pub fn build(
        catalogue: &Catalogue,
        normaliser: &Normaliser,
        negations: &[String],
        exceptions: &[String],
    ) -> Result<Self, CoreError> {
        // Built with a map of edges first, then laid out compactly.
        let mut vocabulary = Vocabulary::default();
        let mut classify = |words: &[String], set: fn(&mut WordClass)| {
            for word in words {
                let entry = vocabulary.entry(word, vocabulary.len() as u32);
                set(&mut entry.class);
            }
        };
        classify(negations, |c| c.negation = true);
        classify(exceptions, |c| c.exception = true);
        let mut edges: FastMap<(u32, u32), u32> = FastMap::default();
        let mut ending_at: Vec<Vec<Ending>> = Vec::new();
        let mut accent_text = String::new();
        let mut add = |text: &str, target: Target| {
            let pattern = normaliser.normalise(text).text;
            // A phrase that normalises to nothing (only punctuation) would match everywhere.
            if pattern.is_empty() {
                return;
            }
            let mut node: Option<u32> = None;
            for word in pattern.split(' ') {
                let entry = vocabulary.entry(word, vocabulary.len() as u32);
                let next_node = ending_at.len() as u32;
                let reached = match node {
                    None => *entry.start.get_or_insert(next_node),
                    Some(parent) => *edges.entry((parent, entry.id)).or_insert(next_node),
                };
                if reached == next_node {
                    ending_at.push(Vec::new());
                }
                node = Some(reached);
            }
            if let Some(node) = node {
                let start = accent_text.len() as u32;
                if !text.is_ascii() {
                    accent_text.push_str(&accent_words(text).join(" "));
                }
                ending_at[node as usize].push(Ending {
                    target,
                    accents: (start, accent_text.len() as u32),
                });
            }
        };
        for (i, signal) in catalogue.signals.iter().enumerate() {
            if signal.kind == SignalKind::Phrase {
                for phrase in &signal.phrases {
                    add(phrase, Target::Signal(i));
                }
            }
        }
        for (i, entity) in catalogue.entities.iter().enumerate() {
            for alias in &entity.aliases {
                add(alias, Target::Entity(i));
            }
        }

        let nodes = ending_at.len();
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nodes];
        for ((parent, word), child) in edges {
            children[parent as usize].push((word, child));
        }
        let mut matcher = TextMatcher {
            vocabulary,
            nodes: Vec::with_capacity(nodes + 1),
            children: Vec::new(),
            endings: Vec::new(),
            accent_text,
        };
        let mark = |m: &mut TextMatcher, below: &[(u32, u32)]| {
            m.nodes.push(Node {
                first_child: m.children.len() as u32,
                first_ending: m.endings.len() as u32,
                child_words: below.iter().fold(0, |bits, &(w, _)| bits | 1 << (w % 64)),
            })
        };
        for (mut below, ends) in children.into_iter().zip(ending_at) {
            below.sort_unstable();
            mark(&mut matcher, &below);
            matcher.children.extend(below);
            matcher.endings.extend(ends);
        }
        mark(&mut matcher, &[]);
        Ok(matcher)
    }

    /// The node below `node` along `word`.
    fn child(&self, node: u32, word: u32) -> Option<u32> {
        let node = node as usize;
        if self.nodes[node].child_words & (1 << (word % 64)) == 0 {
            return None;
        }
        let range =
            self.nodes[node].first_child as usize..self.nodes[node + 1].first_child as usize;
        // Sorted by word: the library's binary search mostly compiles to conditional moves,
        // where a scan stalls on a mispredicted branch per child.
        let children = &self.children[range];
        children
            .binary_search_by_key(&word, |&(w, _)| w)
            .ok()
            .map(|i| children[i].1)
    }

    /// Every whole-word match in `normalised` whose accents agree with the `original` text
    /// wherever both carry them, and the class of every word, written over what `matches` held
    /// (its memory is reused).
    pub fn matches_into(&self, normalised: &Normalised, original: &str, matches: &mut Matches) {
        let Matches { found, words } = matches;
        found.clear();
        words.clear();
        // Typed without diacritics, a message agrees with every phrase's accents.
        let typed_with_accents = !original.is_ascii();
        let count = normalised.word_count();
        words.extend((0..count).map(|i| {
            self.vocabulary
                .get_in(&normalised.text, normalised.word_range(i))
        }));
        for first in 0..count {
            let Some(mut node) = words[first].and_then(|w| w.start) else {
                continue;
            };
            let mut last = first;
            loop {
                let node_at = node as usize;
                let ends = self.nodes[node_at].first_ending as usize
                    ..self.nodes[node_at + 1].first_ending as usize;
                for ending in &self.endings[ends] {
                    if !typed_with_accents
                        || self.ending_accents_agree(ending, first, last, normalised, original)
                    {
                        found.push(Match {
                            target: ending.target,
                            start: normalised.word_range(first).start,
                            end: normalised.word_range(last).end,
                            first_word: first,
                        });
                    }
                }
                last += 1;
                match words.get(last).copied().flatten() {
                    Some(word) => match self.child(node, word.id) {
                        Some(child) => node = child,
                        None => break,
                    },
                    None => break,
                }
            }
        }
        // By end, the longer first: the order an automaton reports them in, which decides
        // which span of a signal found twice is shown.
        found.sort_by_key(|m| (m.end, m.start));
    }

    /// False when the accents of `ending` disagree with what was typed over words
    /// `first..=last`.
    fn ending_accents_agree(
        &self,
        ending: &Ending,
        first: usize,
        last: usize,
        normalised: &Normalised,
        original: &str,
    ) -> bool {
        let (from, to) = ending.accents;
        if from >= to {
            return true;
        }
        let phrase = &self.accent_text[from as usize..to as usize];
        accents_agree_by_word(phrase, normalised, first..=last, original).unwrap_or_else(|| {
            normalised
                .original_range_of_words(first, last)
                .and_then(|r| original.get(r))
                .is_none_or(|span| accents_agree(phrase, span))
        })
    }
}

/// [`accents_agree`] for the common case, reading each written word where the normaliser found
/// it rather than splitting the span again: each of `words` came from one written word, and
/// only non-letters (ASCII) stand between them. `None` when that does not hold (teencode
/// expanded into several words, letters joined, combining marks typed apart): the caller then
/// splits the span as a whole.
fn accents_agree_by_word(
    phrase: &str,
    normalised: &Normalised,
    words: RangeInclusive<usize>,
    original: &str,
) -> Option<bool> {
    let count = words.end() - words.start() + 1;
    let mut phrase_words = phrase.split(' ');
    let mut phrase_count = 0;
    let mut agree = true;
    let mut previous_end = None;
    for k in words {
        let range = normalised.original_range_of_word(k);
        if let Some(end) = previous_end {
            let gap = original.get(end..range.start)?;
            if gap.is_empty()
                || !gap
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
            {
                return None;
            }
        }
        previous_end = Some(range.end);
        let typed = original.get(range)?;
        if typed.is_ascii() {
            if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            phrase_count += usize::from(phrase_words.next().is_some());
            continue;
        }
        let phrase_word = phrase_words.next();
        // Typed as the phrase is written (so all word characters): most accented words.
        if phrase_word == Some(typed) {
            phrase_count += 1;
            continue;
        }
        // Combining marks typed apart are not word characters: such a word falls back.
        if !typed.chars().all(is_word_char) {
            return None;
        }
        match phrase_word {
            Some(p) => {
                phrase_count += 1;
                agree &= p.is_ascii() || same_letters(typed, p);
            }
            None => agree = false,
        }
    }
    // Split apart, the span has exactly `count` words; a phrase of another length cannot be
    // compared word for word, and the folded match stands.
    let phrase_count = phrase_count + phrase_words.count();
    Some(phrase_count != count || agree)
}

/// False when a word the writer typed with diacritics differs from the phrase's word in them.
/// Words typed without diacritics (or in leetspeak) agree with anything: the folded match holds.
/// Runs on every match in accented text, so it compares in place without allocating.
fn accents_agree(phrase: &str, span: &str) -> bool {
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
    use proptest::strategy::Strategy;

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

    /// Written words, as scammers and ordinary people type them: with and without diacritics,
    /// in capitals, stretched, spelled apart, in teencode, with invisible or combining marks.
    fn written_word() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::sample::select(vec![
            "tài",
            "tai",
            "TÀI",
            "tàiii",
            "tãi",
            "khoản",
            "khoan",
            "khoàn",
            "k h o a n",
            "t.a.i",
            "tạm",
            "giữ",
            "giu",
            "gìư",
            "ngân",
            "hàng",
            "ngan",
            "ko",
            "dc",
            "đc",
            "a\u{301}",
            "kho\u{200b}ản",
            "0TP",
            "mã",
            "ma",
            "đơn",
            "ảo",
            "áo",
            "don",
            "ao",
            "100k",
            "tk",
            "OTP",
            "otp",
        ])
        .prop_map(str::to_owned)
    }

    proptest::proptest! {
        /// Reading words where the normaliser found them agrees with splitting the span again,
        /// whenever it answers at all.
        #[test]
        fn accents_by_word_agree_with_the_span(
            words in proptest::collection::vec(written_word(), 1..7),
            gaps in proptest::collection::vec(proptest::sample::select(vec![" ", ", ", "  ", "-", "…", ""]), 7),
            phrase in proptest::sample::select(vec![
                "tài khoản", "tạm giữ", "ngân hàng", "đơn ảo", "đơn áo", "mã", "tài", "khoản tạm giữ",
                "mã otp", "tai khoản",
            ]),
        ) {
            let mut text = String::new();
            for (word, gap) in words.iter().zip(&gaps) {
                text.push_str(word);
                text.push_str(gap);
            }
            let mut data = canhgiac_catalogue::model::Normalisation::default();
            for (key, value) in [("ko", "không"), ("dc", "được"), ("tk", "tài khoản")] {
                data.teencode.insert(key.into(), value.into());
            }
            data.units = vec!["k".into()];
            let normaliser = Normaliser::new(&data);
            let normalised = normaliser.normalise(&text);
            let accented = accent_words(phrase).join(" ");
            let count = normalised.word_count();
            for first in 0..count {
                for last in first..count.min(first + 3) {
                    if let Some(fast) = accents_agree_by_word(&accented, &normalised, first..=last, &text) {
                        let span = normalised
                            .original_range_of_words(first, last)
                            .and_then(|r| text.get(r));
                        let slow = span.is_none_or(|span| accents_agree(&accented, span));
                        proptest::prop_assert_eq!(fast, slow, "{:?} words {}..={}", text, first, last);
                    }
                }
            }
        }
    }
}
