//! Counting digits: most messages hold too few for a phone or account number, and skip the search.

/// The ASCII digits in `text` (a plain count, which the compiler vectorises).
pub(super) fn digit_count(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}
