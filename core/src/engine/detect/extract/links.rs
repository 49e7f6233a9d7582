//! Links inside a message: with a scheme (`https://…`) or bare domains with a known public
//! suffix (`vietcombank.com.vn/abc`), not e-mail addresses or amounts (`5.000.000`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};

/// A link with a scheme, or labels joined by dots whose last one starts with a letter, with an
/// optional port and path. Bytes, not Unicode: a non-ASCII byte counts as a letter, so that a
/// look-alike letter does not cut a domain in two, and the engine keeps its fast ASCII path.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r#"(?i)(?:https?://[^\s<>"'()\[\]{}]+|(?:[a-z0-9\x80-\xff][a-z0-9\x80-\xff_-]*\.)+[a-z\x80-\xff][a-z0-9\x80-\xff-]*(?::[0-9]{1,5})?(?:/[^\s<>"'()\[\]{}]*)?)"#,
    )
    .unicode(false)
    .build()
    .expect("the link pattern compiles")
});

const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '>'];

/// Links in `text`, with their byte ranges. Bare domains count only with a known public suffix.
pub(crate) fn links(text: &str) -> Vec<(Range<usize>, &str)> {
    if !text.contains('.') {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for m in LINK.find_iter(bytes).map(|m| m.range()) {
        let Some(raw) = text.get(m.clone()) else {
            continue;
        };
        let raw = raw.trim_end_matches(TRAILING);
        if raw.contains('@') || (m.start > 0 && bytes[m.start - 1] == b'@') {
            continue; // an e-mail address
        }
        let has_scheme = raw.len() > 7 && raw.as_bytes()[..4].eq_ignore_ascii_case(b"http");
        if !has_scheme && !bare_domain_is_known(raw) {
            continue;
        }
        found.push((m.start..m.start + raw.len(), raw));
    }
    found
}

/// True when the host of a bare domain candidate has a known public suffix and a registrable
/// name, and no all-digit label (amounts such as 5.000.000).
fn bare_domain_is_known(raw: &str) -> bool {
    let host = raw.split(['/', ':']).next().unwrap_or_default();
    if ends_in_a_capitalised_word(host) {
        return false; // two sentences without a space: "…trên ApplePay.Ma xác thực…"
    }
    // Lower case on the stack for the usual ASCII host; Unicode lower case otherwise.
    let mut buffer = [0u8; 128];
    let owned;
    let host: &[u8] = if host.is_ascii() && host.len() <= buffer.len() {
        let lower = &mut buffer[..host.len()];
        lower.copy_from_slice(host.as_bytes());
        lower.make_ascii_lowercase();
        lower
    } else {
        owned = host.to_lowercase();
        owned.as_bytes()
    };
    if host
        .split(|&b| b == b'.')
        .any(|label| label.iter().all(u8::is_ascii_digit))
    {
        return false; // amounts such as 5.000.000
    }
    // `psl::domain` finds the suffix first: one lookup answers both questions.
    psl::domain(host).is_some_and(|d| d.suffix().is_known())
}

/// True when the last label of `host` is a word starting a sentence (`Ma`, `Quy`): one capital
/// then lower case. People type a domain in lower case or in capitals, never so.
fn ends_in_a_capitalised_word(host: &str) -> bool {
    let last = host.rsplit('.').next().unwrap_or_default().as_bytes();
    last.len() > 1 && last[0].is_ascii_uppercase() && last[1..].iter().all(u8::is_ascii_lowercase)
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
        assert!(link_texts("GD tren ApplePay.Ma xac thuc").is_empty());
        assert_eq!(link_texts("Vao VIETTEL.VN ngay"), vec!["VIETTEL.VN"]);
    }

    #[test]
    fn keeps_look_alike_letters_inside_the_domain() {
        assert_eq!(
            link_texts("vào viеtcombank.com ngay"),
            vec!["viеtcombank.com"]
        );
    }
}
