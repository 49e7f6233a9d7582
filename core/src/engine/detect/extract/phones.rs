//! Phone numbers inside a message: an optional `+`, then 7 to 15 digits, each after at most one
//! of ` .-` (`+84 912 345 678`, `0912.345.678`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"\+?[0-9](?:[ .-]?[0-9]){6,14}")
        .unicode(false)
        .build()
        .expect("the phone pattern compiles")
});

/// Phone-number candidates in `text`, separators included.
pub(crate) fn phone_numbers(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    // Most messages hold fewer than seven digits: no candidate then, and no search.
    let enough_digits = super::digits::digit_count(text) >= 7;
    let searched = if enough_digits { text } else { "" };
    PHONE
        .find_iter(searched.as_bytes())
        .map(move |m| (m.range(), &text[m.range()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_with_their_separators() {
        let numbers: Vec<&str> = phone_numbers("Gọi 0912.345.678 hoặc +84 24 3825 1234")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(numbers, vec!["0912.345.678", "+84 24 3825 1234"]);
        assert_eq!(phone_numbers("ma 123456 het han").count(), 0);
        assert_eq!(phone_numbers("").count(), 0);
    }
}
