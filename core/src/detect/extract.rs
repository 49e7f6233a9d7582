//! Finding links, phone numbers and bank account numbers inside a message.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

/// Links with a scheme or `www.`, or bare domains (`vietcombank-xacthuc.com/login`). Non-ASCII
/// bytes count as letters so that a look-alike letter does not cut a domain in two. ASCII mode:
/// no Unicode classes, so it stays fast on Vietnamese text.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r#"(?i)(?:https?://[^\s<>"'()\[\]{}]+|(?:[a-z0-9\x80-\xff][a-z0-9\x80-\xff_-]*\.)+[a-z\x80-\xff][a-z0-9\x80-\xff-]*(?::[0-9]{1,5})?(?:/[^\s<>"'()\[\]{}]*)?)"#,
    )
    .unicode(false)
    .build()
    .expect("the link pattern compiles")
});

/// Digit runs that may be phone numbers: `+84 912 345 678`, `0912.345.678`, `1900 5454 13`.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"\+?[0-9](?:[ .-]?[0-9]){6,14}")
        .unicode(false)
        .build()
        .expect("the phone pattern compiles")
});

const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '>'];

/// Links in `text`, with their byte ranges. Bare domains count only with a known public suffix.
pub(crate) fn links(text: &str) -> Vec<(Range<usize>, &str)> {
    if !text.contains('.') {
        return Vec::new();
    }
    let mut found = Vec::new();
    for m in LINK.find_iter(text.as_bytes()) {
        let Some(raw) = text.get(m.start()..m.end()) else {
            continue;
        };
        let raw = raw.trim_end_matches(TRAILING);
        if raw.contains('@') || (m.start() > 0 && text.as_bytes()[m.start() - 1] == b'@') {
            continue; // an e-mail address
        }
        let has_scheme = raw.len() > 7 && raw.as_bytes()[..4].eq_ignore_ascii_case(b"http");
        if !has_scheme && !bare_domain_is_known(raw) {
            continue;
        }
        found.push((m.start()..m.start() + raw.len(), raw));
    }
    found
}

fn bare_domain_is_known(raw: &str) -> bool {
    let host = raw
        .split(['/', ':'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if host
        .split('.')
        .any(|label| label.chars().all(|c| c.is_ascii_digit()))
    {
        return false; // amounts such as 5.000.000
    }
    let host = host.as_bytes();
    psl::suffix(host).is_some_and(|s| s.is_known()) && psl::domain(host).is_some()
}

/// Phone-number candidates in `text`, separators included.
pub(crate) fn phone_numbers(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    // Most messages hold fewer than seven digits: skip the regex for them.
    let enough_digits = text.bytes().filter(u8::is_ascii_digit).nth(6).is_some();
    PHONE
        .find_iter(if enough_digits { text.as_bytes() } else { b"" })
        .filter_map(move |m| text.get(m.range()).map(|s| (m.range(), s)))
}

/// True when `blocked` holds for a bank account candidate of normalised text: a digit run of 6
/// to 19 digits, or consecutive groups (`1234 5678 9012`) joined. Allocates only for joined groups.
pub(crate) fn any_account_number(normalised: &str, mut blocked: impl FnMut(&str) -> bool) -> bool {
    let mut joined = String::new();
    let mut groups = 0;
    for word in normalised.split(' ').chain(std::iter::once("")) {
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
            if (6..=19).contains(&word.len()) && blocked(word) {
                return true;
            }
            joined.push_str(word);
            groups += 1;
        } else {
            if groups > 1 && (6..=19).contains(&joined.len()) && blocked(&joined) {
                return true;
            }
            joined.clear();
            groups = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link_texts(text: &str) -> Vec<&str> {
        links(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn finds_links_with_and_without_scheme() {
        assert_eq!(
            link_texts(
                "Truy cập https://vcb-xacthuc.com/login. Hoặc vietcombank.com.vn, xem bit.ly/abc!"
            ),
            vec![
                "https://vcb-xacthuc.com/login",
                "vietcombank.com.vn",
                "bit.ly/abc"
            ]
        );
    }

    #[test]
    fn ignores_amounts_sentences_and_emails() {
        assert!(link_texts("Số dư 5.000.000đ. Cảm ơn Quý khách.Trân trọng").is_empty());
        assert!(link_texts("gửi về abc@gmail.com").is_empty());
        assert!(link_texts("Viettel.Soạn tin").is_empty());
    }

    #[test]
    fn keeps_look_alike_letters_inside_the_domain() {
        assert_eq!(
            link_texts("vào viеtcombank.com ngay"),
            vec!["viеtcombank.com"]
        );
    }

    #[test]
    fn finds_numbers_and_accounts() {
        let numbers: Vec<&str> = phone_numbers("Gọi 0912.345.678 hoặc +84 24 3825 1234")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(numbers, vec!["0912.345.678", "+84 24 3825 1234"]);
        let mut seen = Vec::new();
        any_account_number("stk 1234 5678 9012 ngan hang 1234567", |a| {
            seen.push(a.to_owned());
            false
        });
        assert_eq!(seen, vec!["123456789012", "1234567"]);
        assert!(any_account_number("tk 1903 5588 2211", |a| a == "190355882211"));
        assert!(!any_account_number("so du 12345", |_| true));
    }
}
