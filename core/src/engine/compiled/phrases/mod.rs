//! Every phrase of every signal and every alias of every entity in one trie of words, walked over
//! the normalised message once: matching costs the same for 10 phrases or 10,000.
//!
//! Phrases match whole words only, and the normalised text is words joined by single spaces, so
//! the trie's letters are words: a message's word that no phrase uses stops the walk at once, and
//! no match inside a word (`an` in `ngan`) is ever found to be thrown away.

mod accents;
mod gapped;
mod vocabulary;

use canhgiac_catalogue::model::{Catalogue, SignalKind, PHRASE_GAP};
use rustc_hash::FxHashMap;

use crate::engine::message::Message;
use crate::engine::normalise::{accent_words, Normaliser};
use crate::error::CoreError;
use accents::accents_agree;
use gapped::{Gapped, PartMatch};
pub(crate) use vocabulary::WordClass;
use vocabulary::{Vocabulary, Word};

/// What a matched pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Signal(usize),
    Entity(usize),
}

/// The trie of every phrase and alias, and what the matcher knows of their words.
pub(crate) struct Phrases {
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
    /// How many words before a phrase a negation reaches.
    negation_window: usize,
    /// How many words a scope cue reaches.
    scope_window: usize,
    /// The phrases written in parts (`"tài khoản … bị khóa"`), and how many words may stand
    /// between two parts.
    gapped: Vec<Gapped>,
    phrase_gap: usize,
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

/// What ends at a node: a whole phrase or alias, or one part of a phrase in parts.
#[derive(Debug, Clone, Copy)]
enum Ends {
    Whole(Target),
    Part { gapped: u32, index: u32 },
    Cue(CueKind),
}

/// Words of several that widen a negation's scope (`normalisation.scope_negations`,
/// `scope_extenders`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// "không bao giờ": denies what follows to the end of its clause, further than one word.
    Negation,
    /// "kể cả": carries the negation before it on to what follows it.
    Extender,
}

/// A scope cue found in a message, and the words it spans.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub kind: CueKind,
    pub first: usize,
    pub last: usize,
}

/// A phrase, an alias or a part of a phrase that ends at a node.
#[derive(Debug, Clone, Copy)]
struct Ending {
    ends: Ends,
    /// Its words with accents kept: `accent_text[accents.0..accents.1]`, empty when the phrase
    /// is written without diacritics.
    accents: (u32, u32),
}

/// The matches in one message, and what the vocabulary knows of each of its words. Kept from
/// one message to the next, its memory is reused (see [`Phrases::matches_into`]).
#[derive(Default)]
pub(crate) struct Matches {
    /// In the order of their ends (the longer first at one end).
    pub found: Vec<Match>,
    words: Vec<Option<Word>>,
    /// The parts of phrases in parts, before they are joined.
    parts: Vec<PartMatch>,
    /// The scope cues, in the order they start.
    pub cues: Vec<Cue>,
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

impl Phrases {
    /// Builds the trie of phrases and aliases. The negations and their exceptions are classified
    /// in the same vocabulary, so that a message's words are looked up once.
    pub fn build(catalogue: &Catalogue, normaliser: &Normaliser) -> Result<Self, CoreError> {
        let negations = single_words(normaliser, &catalogue.normalisation.negations);
        let exceptions = single_words(normaliser, &catalogue.normalisation.negation_exceptions);
        // Built with a map of edges first, then laid out compactly.
        let mut vocabulary = Vocabulary::default();
        let mut classify = |words: &[String], set: fn(&mut WordClass)| {
            for word in words {
                let entry = vocabulary.entry(word, vocabulary.len() as u32);
                set(&mut entry.class);
            }
        };
        classify(&negations, |c| c.negation = true);
        classify(&exceptions, |c| c.exception = true);
        let mut edges: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut ending_at: Vec<Vec<Ending>> = Vec::new();
        let mut accent_text = String::new();
        let mut add = |text: &str, ends: Ends| {
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
                    ends,
                    accents: (start, accent_text.len() as u32),
                });
            }
        };
        let mut gapped = Vec::new();
        for (i, signal) in catalogue.signals.iter().enumerate() {
            if signal.kind == SignalKind::Phrase {
                for phrase in &signal.phrases {
                    if !phrase.contains(PHRASE_GAP) {
                        add(phrase, Ends::Whole(Target::Signal(i)));
                        continue;
                    }
                    let id = gapped.len() as u32;
                    let mut parts = 0;
                    for part in phrase.split(PHRASE_GAP).filter(|p| !p.trim().is_empty()) {
                        add(
                            part,
                            Ends::Part {
                                gapped: id,
                                index: parts,
                            },
                        );
                        parts += 1;
                    }
                    gapped.push(Gapped { signal: i, parts });
                }
            }
        }
        for (i, entity) in catalogue.entities.iter().enumerate() {
            for alias in &entity.aliases {
                add(alias, Ends::Whole(Target::Entity(i)));
            }
        }
        let language = &catalogue.normalisation;
        for (cues, kind) in [
            (&language.scope_negations, CueKind::Negation),
            (&language.scope_extenders, CueKind::Extender),
        ] {
            for cue in cues {
                add(cue, Ends::Cue(kind));
            }
        }

        let nodes = ending_at.len();
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nodes];
        for ((parent, word), child) in edges {
            children[parent as usize].push((word, child));
        }
        let mut phrases = Phrases {
            vocabulary,
            nodes: Vec::with_capacity(nodes + 1),
            children: Vec::new(),
            endings: Vec::new(),
            accent_text,
            negation_window: usize::from(catalogue.normalisation.negation_window),
            scope_window: usize::from(catalogue.normalisation.scope_window),
            gapped,
            phrase_gap: usize::from(catalogue.normalisation.phrase_gap),
        };
        let mark = |m: &mut Phrases, below: &[(u32, u32)]| {
            m.nodes.push(Node {
                first_child: m.children.len() as u32,
                first_ending: m.endings.len() as u32,
                child_words: below.iter().fold(0, |bits, &(w, _)| bits | 1 << (w % 64)),
            })
        };
        for (mut below, ends) in children.into_iter().zip(ending_at) {
            below.sort_unstable();
            mark(&mut phrases, &below);
            phrases.children.extend(below);
            phrases.endings.extend(ends);
        }
        mark(&mut phrases, &[]);
        Ok(phrases)
    }

    /// How many words before a phrase a negation reaches.
    pub fn negation_window(&self) -> usize {
        self.negation_window
    }

    /// How many words a scope cue ("không bao giờ", "kể cả") reaches.
    pub fn scope_window(&self) -> usize {
        self.scope_window
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
    pub fn matches_into(&self, message: Message, matches: &mut Matches) {
        let Matches {
            found,
            words,
            parts,
            cues,
        } = matches;
        found.clear();
        words.clear();
        parts.clear();
        cues.clear();
        // Typed without diacritics, a message agrees with every phrase's accents.
        let typed_with_accents = message.typed_with_accents();
        let normalised = message.normalised;
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
                    if typed_with_accents
                        && !self.ending_accents_agree(ending, first, last, message)
                    {
                        continue;
                    }
                    match ending.ends {
                        Ends::Whole(target) => found.push(Match {
                            target,
                            start: normalised.word_range(first).start,
                            end: normalised.word_range(last).end,
                            first_word: first,
                        }),
                        Ends::Part { gapped, index } => parts.push(PartMatch {
                            gapped,
                            index,
                            first: first as u32,
                            last: last as u32,
                        }),
                        Ends::Cue(kind) => cues.push(Cue { kind, first, last }),
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
        gapped::join(
            parts,
            &self.gapped,
            self.phrase_gap,
            words,
            message,
            |signal, first, last| {
                found.push(Match {
                    target: Target::Signal(signal),
                    start: normalised.word_range(first).start,
                    end: normalised.word_range(last).end,
                    first_word: first,
                })
            },
        );
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
        message: Message,
    ) -> bool {
        let (from, to) = ending.accents;
        if from >= to {
            return true;
        }
        let phrase = &self.accent_text[from as usize..to as usize];
        message
            .written_words(first, last)
            .is_none_or(|span| accents_agree(phrase, span))
    }
}

/// Single normalised words (`không` → `khong`).
fn single_words(normaliser: &Normaliser, items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|w| normaliser.normalise(w).text)
        .filter(|w| !w.is_empty() && !w.contains(' '))
        .collect()
}
