//! One Aho-Corasick automaton over every phrase of every signal and every alias of every entity,
//! run once over the normalised message: matching costs the same for 10 phrases or 10,000.

use aho_corasick::{AhoCorasick, MatchKind};
use canhgiac_catalogue::model::{Catalogue, SignalKind};

use super::malformed;
use crate::error::CoreError;
use crate::normalise::Normaliser;

/// What a matched pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Signal(usize),
    Entity(usize),
}

pub(crate) struct TextMatcher {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
}

impl TextMatcher {
    pub fn build(catalogue: &Catalogue, normaliser: &Normaliser) -> Result<Self, CoreError> {
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (i, signal) in catalogue.signals.iter().enumerate() {
            if signal.kind == SignalKind::Phrase {
                for phrase in &signal.phrases {
                    patterns.push(normaliser.normalise(phrase).text);
                    targets.push(Target::Signal(i));
                }
            }
        }
        for (i, entity) in catalogue.entities.iter().enumerate() {
            for alias in &entity.aliases {
                patterns.push(normaliser.normalise(alias).text);
                targets.push(Target::Entity(i));
            }
        }
        // A phrase that normalises to nothing (only punctuation) would match everywhere.
        let (patterns, targets): (Vec<_>, Vec<_>) = patterns
            .into_iter()
            .zip(targets)
            .filter(|(p, _)| !p.is_empty())
            .unzip();
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|_| malformed("the phrase automaton cannot be built"))?,
            )
        };
        Ok(TextMatcher { automaton, targets })
    }

    /// Calls `found` for every whole-word match in the normalised `text`.
    pub fn for_each(&self, text: &str, mut found: impl FnMut(Target, usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let bytes = text.as_bytes();
        for m in automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let starts_word = start == 0 || bytes[start - 1] == b' ';
            let ends_word = end == bytes.len() || bytes[end] == b' ';
            if starts_word && ends_word {
                found(self.targets[m.pattern().as_usize()], start, end);
            }
        }
    }
}
