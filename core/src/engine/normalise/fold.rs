//! Folding one character: compatibility forms (full-width, mathematical letters) to plain ones,
//! diacritics stripped (`ệ` → `e`, `đ` → `d`), lower case, look-alike letters to Latin, invisible
//! characters dropped.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::homoglyphs::latin_for;

/// The end of the range kept in a table (Latin, Vietnamese, Greek, Cyrillic, general punctuation).
const TABLE_END: u32 = 0x2100;

/// What a character folds to: nothing, one character, or (rarely) a short string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Folded {
    Drop,
    One(char),
    Many(String),
}

/// Folds of every character below [`TABLE_END`], computed once: the hot path then never calls the
/// Unicode decomposition, which is what keeps a check in microseconds.
static TABLE: LazyLock<Vec<Folded>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(Folded::Drop, slow))
        .collect()
});

/// For every character below [`TABLE_END`], the lower-case ASCII letter or digit it folds to (all
/// parts on), or 0: Vietnamese letters fold this way, and the normaliser reads them inside its run
/// of letters without decoding a [`Folded`].
static TO_ASCII_LETTER: LazyLock<Box<[u8]>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(
            |u| match char::from_u32(u).map(|c| fold(c, FoldParts::ALL)) {
                Some(Folded::One(f)) if f.is_ascii_alphanumeric() => f as u8,
                _ => 0,
            },
        )
        .collect()
});

/// The table behind [`ascii_letter_at`], to look up once per message.
pub fn ascii_letters() -> &'static [u8] {
    &TO_ASCII_LETTER
}

/// The non-ASCII character that starts at byte `at` of `text` when it folds to one ASCII letter
/// or digit (`ấ` → `a`, `Đ` → `d`) by the table `letters` ([`ascii_letters`]): that letter and
/// the character's width in bytes. Other characters (full-width `Ａ` too) are left to [`fold`].
#[inline]
pub fn ascii_letter_at(letters: &[u8], text: &str, at: usize) -> Option<(u8, usize)> {
    let c = text.get(at..)?.chars().next()?;
    match letters.get(c as usize) {
        Some(&letter) if letter != 0 => Some((letter, c.len_utf8())),
        _ => None,
    }
}

/// Which parts of folding are on (all of them, except in tests that show what each part catches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoldParts {
    /// Strip diacritics and compatibility forms (full-width, mathematical letters).
    pub diacritics: bool,
    /// Map look-alike letters from other scripts to Latin.
    pub homoglyphs: bool,
    /// Drop zero-width and formatting characters.
    pub invisible: bool,
}

impl FoldParts {
    pub const ALL: FoldParts = FoldParts {
        diacritics: true,
        homoglyphs: true,
        invisible: true,
    };
}

/// Folds `c`.
pub fn fold(c: char, parts: FoldParts) -> Folded {
    if c.is_ascii() {
        return Folded::One(c.to_ascii_lowercase());
    }
    if parts != FoldParts::ALL {
        return partial(c, parts);
    }
    match TABLE.get(c as usize) {
        Some(folded) => folded.clone(),
        None => slow(c),
    }
}

/// Folding with some parts off: lower case always, the rest as asked.
fn partial(c: char, parts: FoldParts) -> Folded {
    if parts.invisible && is_invisible(c) {
        return Folded::Drop;
    }
    if parts.diacritics {
        if let Folded::One(f) = slow(c) {
            return Folded::One(
                if parts.homoglyphs {
                    f
                } else {
                    c.to_lowercase().next().unwrap_or(c)
                }
                .to_ascii_lowercase(),
            );
        }
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    Folded::One(if parts.homoglyphs {
        latin_for(lower).unwrap_or(lower)
    } else {
        lower
    })
}

/// Which characters below [`TABLE_END`] are letters or digits, one bit each: Vietnamese letters
/// are tested on every word of every check, and the Unicode tables are a search each time.
static ALPHANUMERIC: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; TABLE_END as usize / 64];
    for u in 0..TABLE_END {
        if char::from_u32(u).is_some_and(char::is_alphanumeric) {
            bits[u as usize / 64] |= 1 << (u % 64);
        }
    }
    bits
});

/// The lower case of every character below [`TABLE_END`] (its first character, for the few that
/// lower to two): accent agreement lowers every accented letter it compares, and the Unicode
/// tables are a binary search each time.
static LOWER: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or('\0', |c| c.to_lowercase().next().unwrap_or(c)))
        .collect()
});

/// `c` in lower case (the first character when it lowers to more than one), diacritics kept.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match LOWER.get(c as usize) {
        Some(&l) => l,
        None => c.to_lowercase().next().unwrap_or(c),
    }
}

/// True for characters that are part of a word after folding: letters and digits of any script
/// (the same as `char::is_alphanumeric`, faster for the scripts messages use).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    if u < TABLE_END {
        return ALPHANUMERIC[u as usize / 64] & (1 << (u % 64)) != 0;
    }
    c.is_alphanumeric()
}

fn slow(c: char) -> Folded {
    if is_invisible(c) {
        return Folded::Drop;
    }
    let mut out = String::new();
    // Twice, because a decomposed and lowercased letter may itself be a look-alike or decompose.
    fold_into(c, &mut out);
    if !out.is_ascii() {
        let first = std::mem::take(&mut out);
        first.chars().for_each(|c| fold_into(c, &mut out));
    }
    let mut chars = out.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Folded::Drop,
        (Some(one), None) => Folded::One(one),
        _ => Folded::Many(out),
    }
}

fn fold_into(c: char, out: &mut String) {
    if matches!(c, 'đ' | 'Đ' | 'ð' | 'Ð' | 'ɖ' | 'Ɖ') {
        out.push('d');
        return;
    }
    if is_invisible(c) {
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for lower in d.to_lowercase() {
            if is_combining_mark(lower) {
                continue;
            }
            out.push(latin_for(lower).unwrap_or(lower));
        }
    });
}

/// Zero-width and formatting characters scammers slip inside words to break filters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match fold(c, FoldParts::ALL) {
                Folded::Drop => {}
                Folded::One(c) => out.push(c),
                Folded::Many(s) => out.push_str(&s),
            }
        }
        out
    }

    #[test]
    fn strips_vietnamese_diacritics_and_case() {
        assert_eq!(
            folded("Ngân HÀNG Đông Á ỨNG dụng"),
            "ngan hang dong a ung dung"
        );
        assert_eq!(folded("ĐĂNG NHẬP"), "dang nhap");
    }

    #[test]
    fn decomposed_input_folds_like_precomposed() {
        assert_eq!(folded("nga\u{0302}n ha\u{0300}ng"), "ngan hang");
    }

    #[test]
    fn full_width_math_and_look_alikes_become_latin() {
        assert_eq!(folded("ＶＣＢ"), "vcb");
        assert_eq!(folded("𝐕𝐢𝐞𝐭"), "viet");
        assert_eq!(folded("Viеtcоmbаnk"), "vietcombank"); // Cyrillic е, о, а
        assert_eq!(folded("ΒΙDV"), "bidv"); // Greek capitals
    }

    #[test]
    fn lower_is_the_first_character_of_to_lowercase() {
        for u in (0..0x3000).chain(0x1D400..0x1D800) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(lower(c), c.to_lowercase().next().unwrap_or(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        for u in (0..0x3000).chain(0x1D400..0x1D800) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn the_letter_table_reads_what_folding_gives() {
        let letters = ascii_letters();
        for u in 0x80..0x3000 {
            let Some(c) = char::from_u32(u) else { continue };
            let text = format!("x{c}");
            // Beyond the table, characters take the general path.
            let expected = match fold(c, FoldParts::ALL) {
                Folded::One(f) if f.is_ascii_alphanumeric() && u < TABLE_END => {
                    Some((f as u8, c.len_utf8()))
                }
                _ => None,
            };
            assert_eq!(ascii_letter_at(letters, &text, 1), expected, "U+{u:04X}");
            // Not at the start of a character, nothing is read.
            if c.len_utf8() > 1 {
                assert_eq!(ascii_letter_at(letters, &text, 2), None);
            }
        }
        assert_eq!(ascii_letter_at(letters, "ấy", 0), Some((b'a', 3)));
    }

    #[test]
    fn invisible_characters_vanish() {
        assert_eq!(folded("O\u{200B}T\u{FEFF}P\u{00AD}"), "otp");
    }
}
