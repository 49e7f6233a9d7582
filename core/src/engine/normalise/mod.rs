//! Vietnamese text normalisation: one canonical, diacritic-free, lower-case form of a message that
//! every phrase and pattern of the catalogue is matched against.
//!
//! The tricks it undoes, in order: compatibility forms, look-alike letters, diacritics, case and
//! invisible characters ([`fold`]); stretched letters (`gấpppp`); amounts glued to words
//! (`nap500k` → `nap 500k`); leetspeak inside words (`0TP`, `t@i`, `t!en`); punctuation shredded
//! between letters (`N'ha'nL,jen` → `nhan lien`); letters spelled apart (`V.i.e.t`,
//! `T.K`, `O T P`); teencode (`ko`, `stk`, `ck`, from the catalogue). Everything else between words
//! becomes one space. Each output word remembers where it came from in the original text, so a
//! reason can quote the original, accented words.

mod accents;
mod fold;
mod homoglyphs;
mod normalised;
mod shredded;
mod spelled;
mod splitter;
mod teencode;
mod tokens;
mod trick;
mod word_tricks;

pub(crate) use accents::accent_words;
use fold::FoldParts;
pub(crate) use fold::{is_word_char, lower};
pub(crate) use homoglyphs::latin_for as latin_look_alike;
pub use normalised::Normalised;
pub(crate) use tokens::Buffers;

use canhgiac_catalogue::model::Normalisation;

use spelled::{adjacent_singles, spelled_run};
use teencode::Teencode;
use tokens::Gap;
pub use trick::Trick;
use word_tricks::WordTricks;

/// The normaliser, built once from the catalogue's language data.
#[derive(Debug, Clone)]
pub struct Normaliser {
    teencode: Teencode,
    words: WordTricks,
}

impl Normaliser {
    /// Builds the normaliser; teencode keys and expansions are normalised themselves so that a
    /// key written with diacritics (`đc`) matches its folded form.
    pub fn new(data: &Normalisation) -> Self {
        let bare = Normaliser {
            teencode: Teencode::default(),
            words: WordTricks::new(data.units.iter().map(|u| u.to_lowercase()).collect()),
        };
        let teencode = data
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
        Normaliser {
            teencode: Teencode::new(teencode),
            ..bare
        }
    }

    /// The same normaliser with one trick turned off (to show what each trick catches).
    pub fn without(mut self, trick: Trick) -> Self {
        self.words.turn_off(trick);
        self
    }

    fn on(&self, trick: Trick) -> bool {
        self.words.on(trick)
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
        let tokens = splitter::split(
            &self.words,
            text,
            parts,
            scratch,
            std::mem::take(&mut buffers.tokens),
        );
        // The common case: no single letter, or none next to another one.
        let tokens = if self.on(Trick::Spelled) && adjacent_singles(&tokens, scratch) {
            let mut tokens = spelled::join_spelled(&self.words, tokens, scratch);
            // A joined word can shrink to one letter (`d-d-d` → `d`) beside other single
            // letters: join those as a second pass over the output would, so that normalising
            // stays idempotent. Each round joins, so the words get fewer.
            while spelled_run(&tokens, scratch) {
                tokens.iter_mut().for_each(|t| t.gap = Gap::Short(' '));
                tokens = spelled::join_spelled(&self.words, tokens, scratch);
            }
            tokens
        } else {
            tokens
        };
        // The words, a space after each, and room for a few teencode expansions.
        out.clear_with_room(scratch.buf.len() + tokens.len() + 16, tokens.len());
        let teencode = self.on(Trick::Teencode);
        for token in &tokens {
            let word = scratch.get(token);
            let expansion = teencode.then(|| self.teencode.get(word)).flatten();
            match expansion {
                Some(expansion) => expansion.iter().for_each(|w| out.push(w, token.orig)),
                None => out.push(word, token.orig),
            }
        }
        buffers.tokens = tokens;
    }
}

#[cfg(test)]
mod tests;
