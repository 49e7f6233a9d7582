//! Text shredded with punctuation between letters (`N'ha'nL,jen`, `G:iaoD'jch`): spam written so
//! that no word survives a filter. In such a stretch of text (between two spaces) the marks
//! between letters are dropped, a capital letter after a small one starts a new word, and `j`,
//! which no Vietnamese word has, stands for `i` (`Ljen` → `lien`).
//!
//! A stretch counts as shredded only when several marks of at least two kinds stand between
//! letters: `T.K`, `1.000.000`, `acb.i-pay.vip` and `Dang_ky` are not.

/// The marks shredding puts between letters (not `.` nor `/`, which join the parts of a link).
const MARKS: &[u8] = b"`~;,'\"^*:!_-";

/// At least this many marks between letters make a stretch shredded…
const MIN_MARKS: usize = 3;

/// …of at least this many kinds.
const MIN_KINDS: u32 = 2;

/// True when `b` is one of the marks shredding puts between letters.
#[inline]
pub(super) fn is_mark(b: u8) -> bool {
    // The bytes of `MARKS`, as one match: a bit test rather than a scan (it runs on every
    // punctuation mark of every message).
    matches!(
        b,
        b'`' | b'~' | b';' | b',' | b'\'' | b'"' | b'^' | b'*' | b':' | b'!' | b'_' | b'-'
    )
}

/// True for a byte of a letter: an ASCII letter or part of a non-ASCII character (most are
/// Vietnamese letters).
#[inline]
fn letter_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// The end of the stretch of `text` (up to the next whitespace) that contains byte `at`, looked
/// at from `start` (where it begins), and whether it is shredded.
pub(super) fn stretch(text: &str, start: usize, at: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let end = bytes[at..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len(), |p| at + p);
    let start = start.min(at);
    let mut marks = 0;
    let mut kinds = 0u32;
    for i in start.max(1)..end.saturating_sub(1) {
        let b = bytes[i];
        if is_mark(b) && letter_byte(bytes[i - 1]) && letter_byte(bytes[i + 1]) {
            marks += 1;
            if let Some(k) = MARKS.iter().position(|&m| m == b) {
                kinds |= 1 << k;
            }
        }
    }
    (end, marks >= MIN_MARKS && kinds.count_ones() >= MIN_KINDS)
}

/// True when the character starting at byte `at` is a capital letter.
pub(super) fn capital_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shredded_stretches_need_several_marks_of_two_kinds() {
        let shredded = "N'ha'nL,jen";
        assert!(stretch(shredded, 0, 1).1);
        for plain in [
            "T.K",
            "1.000.000",
            "acb.i-pay.vip",
            "Dang_ky_ngay",
            "a,b",
            "khach,vui",
        ] {
            assert!(!stretch(plain, 0, 0).1, "{plain}");
        }
        // The stretch ends at the next space.
        assert_eq!(stretch("x'y,z;w next", 0, 1), (7, true));
    }

    #[test]
    fn is_mark_agrees_with_the_list() {
        for b in 0..=u8::MAX {
            assert_eq!(is_mark(b), MARKS.contains(&b), "{b}");
        }
    }

    #[test]
    fn capitals_in_both_alphabets() {
        assert!(capital_at("aB", 1));
        assert!(capital_at("aĐ", 1));
        assert!(!capital_at("ađ", 1));
        assert!(!capital_at("a", 5));
    }
}
