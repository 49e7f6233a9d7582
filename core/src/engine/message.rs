//! A message as the detectors read it: the text as written and its normalised form, carried as
//! one value, with the ways from the normalised words back to what the person wrote.

use std::ops::Range;

use crate::engine::normalise::Normalised;

/// A message and its normalised form.
#[derive(Clone, Copy)]
pub(crate) struct Message<'a> {
    /// The text as written (spans and accents are read here).
    pub original: &'a str,
    /// Its normalised form (phrases and patterns are matched here).
    pub normalised: &'a Normalised,
}

impl<'a> Message<'a> {
    /// The normalised text.
    pub fn text(&self) -> &'a str {
        &self.normalised.text
    }

    /// True when the message was written with diacritics or other non-ASCII letters: only then
    /// can a phrase's accents disagree with it.
    pub fn typed_with_accents(&self) -> bool {
        !self.original.is_ascii()
    }

    /// What the person wrote for normalised words `first..=last`, when it can be told.
    pub fn written_words(&self, first: usize, last: usize) -> Option<&'a str> {
        self.normalised
            .original_range_of_words(first, last)
            .and_then(|r| self.original.get(r))
    }

    /// What stands in the written text between normalised word `word` and the next one.
    pub fn gap_after(&self, word: usize) -> &'a str {
        self.original
            .get(self.normalised.gap_after(word))
            .unwrap_or_default()
    }

    /// True when a sentence ends between normalised word `word` and the next one: `!`, `?`,
    /// `;`, a line break, or a full stop followed by a space (not the dots inside `1.000.000`).
    pub fn sentence_ends_after(&self, word: usize) -> bool {
        // Bytes, not chars: this runs on the gaps inside every phrase in parts.
        let gap = self.gap_after(word).as_bytes();
        gap.iter().any(|b| matches!(b, b'!' | b'?' | b';' | b'\n'))
            || (gap.contains(&b'.') && gap.iter().any(u8::is_ascii_whitespace))
    }

    /// The byte range of the written text that produced `range` of the normalised text.
    pub fn original_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        self.normalised.original_range(range)
    }
}
