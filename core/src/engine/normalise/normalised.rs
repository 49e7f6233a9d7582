//! A normalised text: its words separated by single spaces, and for each word the stretch of the
//! original text it came from, so a reason can quote what the person wrote.

use std::ops::Range;

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

impl Normalised {
    /// Empty, with room for `words` words in `bytes` bytes of text (its memory is reused).
    pub(super) fn clear_with_room(&mut self, bytes: usize, words: usize) {
        self.text.clear();
        self.words.clear();
        self.text.reserve(bytes);
        self.words.reserve(words);
    }

    #[inline]
    pub(super) fn push(&mut self, word: &str, orig: (u32, u32)) {
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
