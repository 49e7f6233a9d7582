//! Finding links, phone numbers and bank account numbers inside a message.

use std::ops::Range;

/// Bytes that end a link: ASCII white space (`\s` without Unicode), angle brackets, quotes and
/// brackets.
fn ends_link(b: u8) -> bool {
    matches!(
        b,
        b'\t'
            | b'\n'
            | 0x0B
            | 0x0C
            | b'\r'
            | b' '
            | b'<'
            | b'>'
            | b'"'
            | b'\''
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
    )
}

/// A byte that may start a domain label: an ASCII letter or digit, or any non-ASCII byte, so that
/// a look-alike letter does not cut a domain in two.
fn label_start(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A byte inside a domain label (before a dot).
fn label_byte(b: u8) -> bool {
    label_start(b) || b == b'_' || b == b'-'
}

/// A byte that may start the last label: not a digit, so amounts (`5.000`) are no domains.
fn last_label_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// A byte inside the last label: no `_`, which only subdomains may hold.
fn last_label_byte(b: u8) -> bool {
    label_start(b) || b == b'-'
}

/// The end of a link with a scheme starting at `at` (`http://` or `https://`, any case, then at
/// least one byte that does not end a link).
fn scheme_link_end(text: &[u8], at: usize) -> Option<usize> {
    let rest = &text[at..];
    if rest.len() < 8 || !rest[..4].eq_ignore_ascii_case(b"http") {
        return None;
    }
    let after = if rest[4].eq_ignore_ascii_case(&b's') {
        5
    } else {
        4
    };
    if !rest[after..].starts_with(b"://") {
        return None;
    }
    let body = &rest[after + 3..];
    let len = body
        .iter()
        .position(|&b| ends_link(b))
        .unwrap_or(body.len());
    (len > 0).then_some(at + after + 3 + len)
}

/// The end of a bare domain link starting at `at` (a label start): labels joined by dots, a last
/// label starting with a letter, an optional port (up to 5 digits) and path. Of several dots, the
/// last one followed by a letter ends the domain (`a.b.1` is `a.b`), as in a greedy regex.
///
/// `Err(resume)`: no bare link starts anywhere in `at..resume` either (a later start inside the
/// same chain of labels sees the same labels and dots), which keeps the scan linear.
fn bare_link_end(text: &[u8], at: usize) -> Result<usize, usize> {
    let n = text.len();
    let mut label = at;
    let mut last_start = None;
    loop {
        if label >= n || !label_start(text[label]) {
            break;
        }
        let mut end = label + 1;
        while end < n && label_byte(text[end]) {
            end += 1;
        }
        if end >= n || text[end] != b'.' {
            if last_start.is_none() && label == at {
                return Err(end);
            }
            break;
        }
        if end + 1 < n && last_label_start(text[end + 1]) {
            last_start = Some(end + 1);
        }
        label = end + 1;
    }
    let Some(start) = last_start else {
        return Err(label);
    };
    let mut end = start + 1;
    while end < n && last_label_byte(text[end]) {
        end += 1;
    }
    if end + 1 < n && text[end] == b':' && text[end + 1].is_ascii_digit() {
        let digits = text[end + 1..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        end += 1 + digits;
    }
    if end < n && text[end] == b'/' {
        end += 1;
        while end < n && !ends_link(text[end]) {
            end += 1;
        }
    }
    Ok(end)
}

/// A dot that may end the name part of a bare domain: after a label byte and before a letter.
fn may_end_name(text: &[u8], dot: usize) -> bool {
    dot > 0 && label_byte(text[dot - 1]) && text.get(dot + 1).is_some_and(|&b| last_label_start(b))
}

/// Link candidates left to right, exactly as the pattern
/// `(?i)https?://[^\s<>"'()\[\]{}]+|(?:L0 L*\.)+T T2*(?::[0-9]{1,5})?(?:/[^\s<>"'()\[\]{}]*)?`
/// (bytes, no Unicode) finds them: the leftmost start first, and at one start a link with a
/// scheme before a bare domain. Every bare domain holds a dot between a label byte and a letter,
/// and every link with a scheme holds `://`: a quick pass finds those, and only the stretches of
/// label bytes and dots around them are read closely.
struct LinkMatches<'t> {
    text: &'t [u8],
    /// No candidate starts before `pos`.
    pos: usize,
    /// No bare domain starts in `pos..bare_from` (see [`bare_link_end`]).
    bare_from: usize,
    /// Where to look for the next dot that may end a name; `dot` is the first found after `pos`.
    dots_from: usize,
    dot: Option<usize>,
    /// Where to look for the next `://`; `scheme` is the first link with a scheme starting at
    /// `pos` or later.
    schemes_from: usize,
    scheme: Option<Range<usize>>,
}

impl<'t> LinkMatches<'t> {
    fn new(text: &'t str) -> Self {
        let mut matches = LinkMatches {
            text: text.as_bytes(),
            pos: 0,
            bare_from: 0,
            dots_from: 0,
            dot: None,
            schemes_from: 0,
            scheme: None,
        };
        matches.dot = matches.next_dot();
        matches.scheme = matches.next_scheme();
        matches
    }

    /// The next dot that may end a name.
    fn next_dot(&mut self) -> Option<usize> {
        let text = self.text;
        let found = memchr::memchr_iter(b'.', &text[self.dots_from..])
            .map(|k| self.dots_from + k)
            .find(|&at| may_end_name(text, at));
        self.dots_from = found.map_or(text.len(), |at| at + 1);
        found
    }

    /// The next link with a scheme: a `://` after `http` or `https`.
    fn next_scheme(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        // Colons are rare in a message: a vector search skips to each.
        while let Some(colon) =
            memchr::memchr(b':', &text[self.schemes_from..]).map(|k| self.schemes_from + k)
        {
            self.schemes_from = colon + 1;
            if !text[colon..].starts_with(b"://") {
                continue;
            }
            let start = [5, 4].into_iter().find_map(|len| {
                let start = colon.checked_sub(len)?;
                let head = &text[start..colon];
                (head.eq_ignore_ascii_case(b"https") || head.eq_ignore_ascii_case(b"http"))
                    .then_some(start)
            });
            if let Some(link) = start.and_then(|s| Some(s..scheme_link_end(text, s)?)) {
                return Some(link);
            }
        }
        self.schemes_from = text.len();
        None
    }
}

impl Iterator for LinkMatches<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        loop {
            while self.scheme.as_ref().is_some_and(|s| s.start < self.pos) {
                self.scheme = self.next_scheme();
            }
            while self.dot.is_some_and(|d| d <= self.pos) {
                self.dot = self.next_dot();
            }
            let scheme_start = self.scheme.as_ref().map_or(usize::MAX, |s| s.start);
            let Some(dot) = self.dot else {
                let scheme = self.scheme.clone()?;
                self.pos = scheme.end;
                return Some(scheme);
            };
            // A bare domain through this dot starts in the stretch of label bytes and dots
            // before it, and wins only if it starts before the next link with a scheme.
            let mut from = dot;
            while from > self.pos && (label_byte(text[from - 1]) || text[from - 1] == b'.') {
                from -= 1;
            }
            for at in from..dot.min(scheme_start) {
                if at < self.bare_from || !label_start(text[at]) {
                    continue;
                }
                match bare_link_end(text, at) {
                    Ok(end) => {
                        self.pos = end;
                        return Some(at..end);
                    }
                    Err(resume) => self.bare_from = self.bare_from.max(resume),
                }
            }
            if scheme_start < dot {
                let scheme = self.scheme.clone()?;
                self.pos = scheme.end;
                return Some(scheme);
            }
            self.pos = dot + 1;
        }
    }
}

const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '>'];

/// Links in `text`, with their byte ranges. Bare domains count only with a known public suffix.
pub(crate) fn links(text: &str) -> Vec<(Range<usize>, &str)> {
    if !text.contains('.') {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for m in LinkMatches::new(text) {
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
    let enough_digits = digit_count(text) >= 7;
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

/// The ASCII digits in `text` (a plain count, which the compiler vectorises).
fn digit_count(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}

/// The most digits an account candidate has.
const ACCOUNT_MAX: usize = 19;

/// True when `blocked` holds for a bank account candidate of normalised text: a digit run of 6
/// to 19 digits, or consecutive groups (`1234 5678 9012`) joined. Never allocates: groups are
/// joined on the stack.
pub(crate) fn any_account_number(normalised: &str, mut blocked: impl FnMut(&str) -> bool) -> bool {
    // Every candidate has at least 6 digits: most messages have fewer in all.
    if digit_count(normalised) < 6 {
        return false;
    }
    let mut joined = [0u8; ACCOUNT_MAX];
    let mut joined_len = 0;
    let mut groups = 0;
    // One word (split at single spaces: an empty word breaks a group too); true when blocked.
    let mut word_is_blocked = |word: &str, digits_only: bool| {
        if !word.is_empty() && digits_only {
            if (6..=ACCOUNT_MAX).contains(&word.len()) && blocked(word) {
                return true;
            }
            // Past 19 digits the joined groups are no candidate: only the length still counts.
            if joined_len + word.len() <= ACCOUNT_MAX {
                joined[joined_len..joined_len + word.len()].copy_from_slice(word.as_bytes());
            }
            joined_len += word.len();
            groups += 1;
        } else {
            if groups > 1 && (6..=ACCOUNT_MAX).contains(&joined_len) {
                let digits = std::str::from_utf8(&joined[..joined_len]).unwrap_or_default();
                if blocked(digits) {
                    return true;
                }
            }
            joined_len = 0;
            groups = 0;
        }
        false
    };
    let bytes = normalised.as_bytes();
    let mut at = 0;
    loop {
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |k| at + k);
        let word = &normalised[at..end];
        // Most words start with a letter and are ruled out by their first byte.
        if word_is_blocked(word, word.bytes().all(|b| b.is_ascii_digit())) {
            return true;
        }
        if end == bytes.len() {
            break;
        }
        at = end + 1;
    }
    // The empty word after the end closes the last group.
    word_is_blocked("", false)
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

    /// The patterns the scanners replaced: they must find exactly the same candidates.
    mod reference {
        use regex::bytes::{Regex, RegexBuilder};
        use std::ops::Range;

        fn regex(pattern: &str) -> Regex {
            RegexBuilder::new(pattern)
                .unicode(false)
                .build()
                .expect("the reference pattern compiles")
        }

        pub fn link_matches(text: &str) -> Vec<Range<usize>> {
            let link = regex(
                r#"(?i)(?:https?://[^\s<>"'()\[\]{}]+|(?:[a-z0-9\x80-\xff][a-z0-9\x80-\xff_-]*\.)+[a-z\x80-\xff][a-z0-9\x80-\xff-]*(?::[0-9]{1,5})?(?:/[^\s<>"'()\[\]{}]*)?)"#,
            );
            link.find_iter(text.as_bytes()).map(|m| m.range()).collect()
        }

        pub fn phone_matches(text: &str) -> Vec<Range<usize>> {
            let phone = regex(r"\+?[0-9](?:[ .-]?[0-9]){6,14}");
            phone
                .find_iter(text.as_bytes())
                .map(|m| m.range())
                .collect()
        }
    }

    /// Every match of the scanner, before the checks on each candidate.
    fn link_matches(text: &str) -> Vec<Range<usize>> {
        LinkMatches::new(text).collect()
    }

    /// Where the phone scanner finds numbers. (The reference pattern needs 7 digits in one match,
    /// so the scanner's skipping of texts with fewer digits in all changes nothing.)
    fn phone_matches(text: &str) -> Vec<Range<usize>> {
        phone_numbers(text).map(|(range, _)| range).collect()
    }

    #[test]
    fn scanners_agree_with_the_patterns_on_tricky_cases() {
        for text in [
            "a.b_c.com a.b_c x.1.y 1.1.1.1 a.a.a.1 -abc.com _x.vn a..b a.b. .a.b",
            "xhttp://a.b http:// https://x HTTPS://X.COM/A htTp:/x http://(x) a.http://x.com",
            "vcb.com:8080/login vcb.com:1234567 vcb.com:/x vcb.com/ (vcb.com) [x.y]{z.w}",
            "viеtcombank.com V.i.e.t đ.com 5.000.000đ bit.ly/abc!? x@y.com a-.b-c.d_e",
            "0912.345.678 +84 912 345 678 ++84912345678 1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7",
            "0912345678901234567890 12 34 56 78 1-2-3 4567 +1234567 --1234567 9.9.9.9.9.9.",
        ] {
            assert_eq!(link_matches(text), reference::link_matches(text), "{text}");
            let phones: Vec<_> = phone_numbers(text).map(|(r, _)| r).collect();
            assert_eq!(phones, reference::phone_matches(text), "{text}");
        }
    }

    /// Text made of the pieces links and numbers are made of.
    fn linky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a", "Z", "h", "http", "HTTPS", "://", ":/", ":", "/", ".", ".", "-", "_", "+", "@",
            "0", "7", "12345", " ", "\t", "(", ")", "<", "\"", "'", "{", "]", "é", "е", "đ", "com",
            "vn", ".com", "www.", "bit.ly", "?", "!", ",", "1.2",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    /// The account search as it was: joins groups in a `String`.
    fn reference_accounts(normalised: &str) -> Vec<String> {
        let mut seen = Vec::new();
        let mut joined = String::new();
        let mut groups = 0;
        for word in normalised.split(' ').chain(std::iter::once("")) {
            if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
                if (6..=19).contains(&word.len()) {
                    seen.push(word.to_owned());
                }
                joined.push_str(word);
                groups += 1;
            } else {
                if groups > 1 && (6..=19).contains(&joined.len()) {
                    seen.push(joined.clone());
                }
                joined.clear();
                groups = 0;
            }
        }
        seen
    }

    proptest::proptest! {
        #[test]
        fn account_candidates_are_unchanged(text in "[0-9 a]{0,60}") {
            let mut seen = Vec::new();
            let found = any_account_number(&text, |a| {
                seen.push(a.to_owned());
                false
            });
            proptest::prop_assert!(!found);
            proptest::prop_assert_eq!(seen, reference_accounts(&text));
        }

        #[test]
        fn link_scanner_is_the_pattern(text in linky_text()) {
            proptest::prop_assert_eq!(link_matches(&text), reference::link_matches(&text));
        }

        #[test]
        fn link_scanner_is_the_pattern_on_few_letters(text in "[htpsH0-9._:/ é-]{0,40}") {
            proptest::prop_assert_eq!(link_matches(&text), reference::link_matches(&text));
        }

        #[test]
        fn phone_scanner_is_the_pattern(text in linky_text()) {
            proptest::prop_assert_eq!(phone_matches(&text), reference::phone_matches(&text));
        }

        #[test]
        fn scanners_survive_any_text(text in ".*") {
            proptest::prop_assert_eq!(link_matches(&text), reference::link_matches(&text));
            proptest::prop_assert_eq!(phone_matches(&text), reference::phone_matches(&text));
        }
    }
}
