//! Phone numbers inside a message: an optional `+`, then 7 to 15 digits, each after at most one
//! of ` .-` (`+84 912 345 678`, `0912.345.678`), as the pattern `\+?[0-9](?:[ .-]?[0-9]){6,14}`
//! finds them. Read by hand rather than by the regex engine: digits are all a scan looks for,
//! and the engine's search for eleven starting bytes cost a check more than the rest of the
//! number handling (cachegrind: ~2,700 instructions a message against ~300); a property test
//! holds the scanner to the pattern.

use std::ops::Range;

/// The end of a phone-number candidate starting at `at`: an optional `+`, a digit, then 6 to 14
/// more digits each optionally after one of ` .-` (`+84 912 345 678`, `0912.345.678`), as the
/// regex `\+?[0-9](?:[ .-]?[0-9]){6,14}` would take it.
///
/// `Err(resume)`: no candidate starts anywhere in `at..resume` either (a later start sees the same
/// digits, fewer of them), which keeps the scan linear.
fn phone_end(text: &[u8], at: usize) -> Result<usize, usize> {
    let n = text.len();
    let first = at + usize::from(text[at] == b'+');
    if first >= n || !text[first].is_ascii_digit() {
        return Err(at + 1);
    }
    let mut end = first + 1;
    let mut more = 0;
    while more < 14 && end < n {
        let step = if matches!(text[end], b' ' | b'.' | b'-') {
            2
        } else {
            1
        };
        if end + step > n || !text[end + step - 1].is_ascii_digit() {
            break;
        }
        end += step;
        more += 1;
    }
    if more >= 6 {
        Ok(end)
    } else {
        Err(end)
    }
}

/// Phone-number candidates in `text`, separators included.
pub(crate) fn phone_numbers(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    // Most messages hold fewer than seven digits: no candidate then.
    let enough_digits = super::digits::digit_count(text) >= 7;
    let bytes = text.as_bytes();
    let mut at = if enough_digits { 0 } else { bytes.len() };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if !matches!(bytes[at], b'+' | b'0'..=b'9') {
                at += 1;
                continue;
            }
            match phone_end(bytes, at) {
                Ok(end) => {
                    let range = at..end;
                    at = end;
                    return Some((range.clone(), &text[range]));
                }
                Err(resume) => at = resume,
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::bytes::RegexBuilder;

    /// Where the pattern the scanner follows finds numbers.
    fn pattern_matches(text: &str) -> Vec<Range<usize>> {
        let phone = RegexBuilder::new(r"\+?[0-9](?:[ .-]?[0-9]){6,14}")
            .unicode(false)
            .build()
            .expect("the pattern compiles");
        phone
            .find_iter(text.as_bytes())
            .map(|m| m.range())
            .collect()
    }

    fn scanner_matches(text: &str) -> Vec<Range<usize>> {
        phone_numbers(text).map(|(range, _)| range).collect()
    }

    #[test]
    fn finds_numbers_with_their_separators() {
        let numbers: Vec<&str> = phone_numbers("Gọi 0912.345.678 hoặc +84 24 3825 1234")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(numbers, vec!["0912.345.678", "+84 24 3825 1234"]);
        assert_eq!(phone_numbers("ma 123456 het han").count(), 0);
        assert_eq!(phone_numbers("").count(), 0);
    }

    #[test]
    fn the_scanner_is_the_pattern_on_tricky_cases() {
        for text in [
            "0912.345.678 +84 912 345 678 ++84912345678 1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7",
            "0912345678901234567890 12 34 56 78 1-2-3 4567 +1234567 --1234567 9.9.9.9.9.9.",
        ] {
            assert_eq!(scanner_matches(text), pattern_matches(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_is_the_pattern(text in "[0-9 .+a-]{0,40}") {
            proptest::prop_assert_eq!(scanner_matches(&text), pattern_matches(&text));
        }

        #[test]
        fn the_scanner_survives_any_text(text in ".*") {
            proptest::prop_assert_eq!(scanner_matches(&text), pattern_matches(&text));
        }
    }
}
