//! One Aho-Corasick automaton over every phrase of every signal and every alias of every entity,
//! run once over the normalised message: matching costs the same for 10 phrases or 10,000.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use canhgiac_catalogue::model::{Catalogue, SignalKind};

use super::malformed;
use crate::error::CoreError;
use crate::normalise::{accent_words, latin_look_alike, Normalised, Normaliser};

/// What a matched pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Signal(usize),
    Entity(usize),
}

pub(crate) struct TextMatcher {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
    /// For phrases written with diacritics: their words with accents kept, so that a message
    /// written with diacritics must agree with them ("đơn áo" is a shirt order, not "đơn ảo").
    accents: Vec<Option<Vec<String>>>,
}

impl TextMatcher {
    pub fn build(catalogue: &Catalogue, normaliser: &Normaliser) -> Result<Self, CoreError> {
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut accents = Vec::new();
        let mut add = |text: &str, target: Target| {
            let pattern = normaliser.normalise(text).text;
            // A phrase that normalises to nothing (only punctuation) would match everywhere.
            if !pattern.is_empty() {
                patterns.push(pattern);
                targets.push(target);
                accents.push((!text.is_ascii()).then(|| accent_words(text)));
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
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    // A contiguous NFA: a DFA searched ~5% faster here but doubled the bundle
                    // load time (its build) and the memory; the phone loads on every start.
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&patterns)
                    .map_err(|_| malformed("the phrase automaton cannot be built"))?,
            )
        };
        Ok(TextMatcher {
            automaton,
            targets,
            accents,
        })
    }

    /// Calls `found` for every whole-word match in `normalised` whose accents agree with the
    /// `original` text wherever both carry them.
    pub fn for_each(
        &self,
        normalised: &Normalised,
        original: &str,
        mut found: impl FnMut(Target, usize, usize),
    ) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let bytes = normalised.text.as_bytes();
        for m in automaton.find_overlapping_iter(&normalised.text) {
            let (start, end) = (m.start(), m.end());
            let starts_word = start == 0 || bytes[start - 1] == b' ';
            let ends_word = end == bytes.len() || bytes[end] == b' ';
            if !(starts_word && ends_word) {
                continue;
            }
            let pattern = m.pattern().as_usize();
            if let Some(words) = &self.accents[pattern] {
                let span = normalised
                    .original_range(start..end)
                    .and_then(|r| original.get(r));
                if span.is_some_and(|span| !accents_agree(words, span)) {
                    continue;
                }
            }
            found(self.targets[pattern], start, end);
        }
    }
}

/// False when a word the writer typed with diacritics differs from the phrase's word in them.
/// Words typed without diacritics (or in leetspeak) agree with anything: the folded match holds.
/// Runs on every match in accented text, so it compares in place without allocating.
fn accents_agree(phrase: &[String], span: &str) -> bool {
    if span.is_ascii() {
        return true;
    }
    if span.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        // Decomposed input: compose first (rare, so the allocation does not matter).
        let typed = accent_words(span);
        return typed.len() != phrase.len()
            || typed
                .iter()
                .zip(phrase)
                .all(|(t, p)| t.is_ascii() || p.is_ascii() || same_letters(t, p));
    }
    let typed = span
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if typed.clone().count() != phrase.len() {
        return true;
    }
    typed
        .zip(phrase)
        .all(|(t, p)| t.is_ascii() || p.is_ascii() || same_letters(t, p))
}

/// `typed` equals `phrase_word` letter for letter, ignoring case and look-alike letters, and
/// counting a letter stretched three times or more (`gửiiiii`) once, as the normaliser does.
fn same_letters(typed: &str, phrase_word: &str) -> bool {
    let mut expected = phrase_word.chars();
    let mut typed = typed
        .chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
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
