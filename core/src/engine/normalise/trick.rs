//! The tricks the normaliser undoes, named so that tests can turn one off and prove it matters.

/// One of the tricks the normaliser undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trick {
    /// Accents and compatibility forms (`ệ`, full-width `Ａ`).
    Diacritics,
    /// Look-alike letters of other scripts (Cyrillic `а`).
    Homoglyphs,
    /// Zero-width and formatting characters inside words.
    Invisible,
    /// Stretched letters (`gấppppp`).
    Stretch,
    /// Digits and symbols for letters (`0TP`, `t@i`).
    Leet,
    /// Letters spelled apart (`V.i.e.t`, `O T P`).
    Spelled,
    /// Chat short forms (`ko`, `stk`).
    Teencode,
    /// Punctuation shredded between letters (`N'ha'nL,jen`).
    Shredded,
}
