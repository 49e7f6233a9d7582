//! The words on their way through the normaliser, and the buffers they live in: a message costs
//! a few allocations rather than one per word, and a check reuses them for the next message.

/// What stands before a word: nothing (the first word), one separator, or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    None,
    Short(char),
    Long,
}

/// A word on its way through the normaliser: its text is `text` of the shared [`Scratch`]
/// buffer, so that a message costs a few allocations rather than one per word.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Its range in the scratch buffer.
    pub text: (u32, u32),
    /// The byte range of the original text it came from.
    pub orig: (u32, u32),
    pub gap: Gap,
}

/// The text of every token of one message, one after the other; a token that a trick rewrites
/// gets its new text appended.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    pub buf: String,
}

/// What normalising a message writes on the way, kept between messages so that a check reuses
/// its memory instead of asking the allocator again (see [`Normaliser::normalise_into`](super::Normaliser::normalise_into)).
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    pub(super) scratch: Scratch,
    pub(super) tokens: Vec<Token>,
}

impl Scratch {
    /// The text of `token`.
    #[inline]
    pub fn get(&self, token: &Token) -> &str {
        &self.buf[token.text.0 as usize..token.text.1 as usize]
    }

    /// Appends `text` and returns its range.
    pub fn append(&mut self, text: &str) -> (u32, u32) {
        let start = self.buf.len() as u32;
        self.buf.push_str(text);
        (start, self.buf.len() as u32)
    }
}
