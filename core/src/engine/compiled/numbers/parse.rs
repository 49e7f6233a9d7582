//! Parsing a phone number as a person types it or a phone shows it: national and international
//! forms, old 11-digit numbers, short codes, hotlines, 1800/1900, landlines, and foreign numbers
//! by their calling code.

use super::calling_code;
use super::national::NationalPlan;
use crate::engine::verdict::NumberKind;
use crate::error::CoreError;

/// A parsed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedNumber {
    /// Numeric key for the blocklist: E.164 digits, or the digits of a short code / 1800 / 1900.
    pub key: u64,
    pub kind: NumberKind,
    pub country_code: u16,
    /// National form for Vietnam (`0912345678`, `113`), digits after `+` otherwise.
    pub national: String,
    pub converted_from_legacy: bool,
}

impl ParsedNumber {
    /// `+84912345678`, or the short code itself.
    pub fn normalised(&self) -> String {
        match self.kind {
            NumberKind::International => format!("+{}", self.national),
            _ if self.national.starts_with('0') => format!("+84{}", &self.national[1..]),
            _ => self.national.clone(),
        }
    }
}

/// The most characters a number may have (after trimming).
const MAX_INPUT: usize = 40;

/// Parses what a person typed or the phone showed as a caller: `0912 345 678`, `+84 912…`,
/// `(+84) 912…`, `+84 (0) 912…`, full-width digits, `0168…` (old 11 digits), `113`,
/// `1900 54 54 13`, `+44 20…`.
pub(super) fn parse(input: &str, plan: &NationalPlan) -> Result<ParsedNumber, CoreError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(CoreError::number("it is empty"));
    }
    if input.len() > 4 * MAX_INPUT || input.chars().count() > MAX_INPUT {
        return Err(CoreError::number("it is too long"));
    }
    // The digits on the stack: a number is parsed for every candidate in every message.
    let mut buffer = [0u8; MAX_INPUT];
    let mut len = 0;
    let mut plus = false;
    for c in input.chars() {
        match c {
            '0'..='9' => {
                buffer[len] = c as u8;
                len += 1;
            }
            // Full-width digits, as some keyboards and copied web pages give them.
            '\u{ff10}'..='\u{ff19}' => {
                buffer[len] = b'0' + (u32::from(c) - 0xff10) as u8;
                len += 1;
            }
            // A plus before any digit, also inside brackets: `(+84) 912…`.
            '+' | '\u{ff0b}' if len == 0 && !plus => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => {
                return Err(CoreError::number(
                    "it contains characters other than digits",
                ))
            }
        }
    }
    let digits = &buffer[..len];
    if digits.is_empty() {
        return Err(CoreError::number("it has no digits"));
    }
    let international = plus || digits.starts_with(b"00");
    if international {
        let start = digits.iter().position(|&d| d != b'0').unwrap_or(len);
        let digits = &digits[start..];
        return match digits.strip_prefix(b"84") {
            // `+84 (0) 912…`: the national trunk 0 written after the country code.
            Some(rest) => domestic(&with_leading_zero(trunk_dropped(rest)), plan),
            None => foreign(digits),
        };
    }
    if digits.len() == 11 && digits.starts_with(b"84") {
        return domestic(&with_leading_zero(&digits[2..]), plan);
    }
    domestic(digits, plan)
}

/// The national digits after `+84` without a trunk `0` written after the country code.
fn trunk_dropped(rest: &[u8]) -> &[u8] {
    match rest.strip_prefix(b"0") {
        Some(national) if national.len() >= 9 => national,
        _ => rest,
    }
}

/// `0` and then `rest` (at most [`MAX_INPUT`] digits), for `+84…` written nationally.
fn with_leading_zero(rest: &[u8]) -> Vec<u8> {
    let mut national = Vec::with_capacity(rest.len() + 1);
    national.push(b'0');
    national.extend_from_slice(rest);
    national
}

/// ASCII digits as text.
fn ascii(digits: &[u8]) -> &str {
    std::str::from_utf8(digits).unwrap_or_default()
}

fn domestic(digits: &[u8], plan: &NationalPlan) -> Result<ParsedNumber, CoreError> {
    // Only an 11-digit number can be in an old numbering: the lookup waits for that.
    let legacy_prefix = (digits.len() == 11)
        .then(|| plan.new_prefix(ascii(&digits[..4])))
        .flatten();
    let national = match legacy_prefix {
        Some(new) => {
            let mut national = String::with_capacity(new.len() + 7);
            national.push_str(new);
            national.push_str(ascii(&digits[4..]));
            national
        }
        None => ascii(digits).to_owned(),
    };
    let legacy = legacy_prefix.is_some();
    if national.len() < 3 {
        return Err(CoreError::number("it is too short"));
    }
    if national.len() > 12 {
        return Err(CoreError::number(
            "it has too many digits for a Vietnamese number",
        ));
    }
    // Digits from the input, and a prefix from the catalogue: refused rather than trusted.
    if !national.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CoreError::number(
            "the number plan gives it a prefix that is not digits",
        ));
    }
    let kind = if plan.service(&national).is_some() {
        NumberKind::Official
    } else if national.starts_with('0') {
        match national.len() {
            10 if plan.carrier(&national).is_some() => NumberKind::Mobile,
            11 if national.starts_with("02") => NumberKind::Landline,
            9..=11 => NumberKind::Unknown,
            _ => return Err(CoreError::number("it has the wrong number of digits")),
        }
    } else if national.starts_with("1800") && matches!(national.len(), 8 | 10) {
        NumberKind::TollFree
    } else if national.starts_with("1900") && matches!(national.len(), 8 | 10) {
        NumberKind::Premium
    } else if national.len() <= 6 {
        NumberKind::ShortCode
    } else {
        return Err(CoreError::number(
            "not a Vietnamese number; write + and the country code",
        ));
    };
    Ok(ParsedNumber {
        key: key_of(&national),
        kind,
        country_code: 84,
        national,
        converted_from_legacy: legacy,
    })
}

/// The blocklist key of a national number (ASCII digits, at most 12: checked by the caller):
/// `0912…` is `84912…`.
fn key_of(national: &str) -> u64 {
    let (head, rest) = match national.strip_prefix('0') {
        Some(rest) => (84, rest),
        None => (0, national),
    };
    rest.bytes()
        .fold(head, |value, d| value * 10 + u64::from(d - b'0'))
}

/// A number after `+` or `00` that is not Vietnamese: digits only, leading zeros removed.
fn foreign(digits: &[u8]) -> Result<ParsedNumber, CoreError> {
    if !(7..=15).contains(&digits.len()) {
        return Err(CoreError::number(
            "an international number has 7 to 15 digits",
        ));
    }
    let country_code =
        calling_code::at_start(digits).ok_or_else(|| CoreError::number("unknown country code"))?;
    let digits = ascii(digits);
    Ok(ParsedNumber {
        key: digits
            .parse()
            .map_err(|_| CoreError::number("it has too many digits"))?,
        kind: NumberKind::International,
        country_code,
        national: digits.to_owned(),
        converted_from_legacy: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use canhgiac_catalogue::model::{Catalogue, LegacyPrefix, Prefix, ServiceNumber};

    fn plan() -> NationalPlan {
        let mut catalogue = Catalogue::default();
        catalogue.numbers.mobile_prefixes = vec![
            Prefix {
                prefix: "091".into(),
                carrier: "VinaPhone".into(),
                source: "s".into(),
            },
            Prefix {
                prefix: "038".into(),
                carrier: "Viettel".into(),
                source: "s".into(),
            },
        ];
        catalogue.numbers.legacy_prefixes = vec![LegacyPrefix {
            old: "0168".into(),
            new: "038".into(),
        }];
        catalogue.numbers.services = vec![ServiceNumber {
            number: "113".into(),
            name_vi: "Công an".into(),
            name_en: "Police".into(),
            entity: None,
            source: "s".into(),
            confirmed: true,
        }];
        NationalPlan::build(&catalogue)
    }

    #[test]
    fn vietnamese_forms_agree() {
        let index = plan();
        let a = parse("0912 345 678", &index).expect("national");
        let b = parse("+84 912-345-678", &index).expect("international");
        let c = parse("0084912345678", &index).expect("00 prefix");
        let d = parse("84912345678", &index).expect("84 without plus");
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a, d);
        assert_eq!(a.kind, NumberKind::Mobile);
        assert_eq!(a.key, 84_912_345_678);
        assert_eq!(a.normalised(), "+84912345678");
    }

    #[test]
    fn legacy_short_toll_free_premium_landline() {
        let index = plan();
        let legacy = parse("01681234567", &index).expect("legacy");
        assert_eq!(
            (
                legacy.national.as_str(),
                legacy.converted_from_legacy,
                legacy.kind
            ),
            ("0381234567", true, NumberKind::Mobile)
        );
        assert_eq!(
            parse("113", &index).expect("hotline").kind,
            NumberKind::Official
        );
        assert_eq!(
            parse("9029", &index).expect("short").kind,
            NumberKind::ShortCode
        );
        assert_eq!(
            parse("1800 588 822", &index).expect("toll-free").kind,
            NumberKind::TollFree
        );
        assert_eq!(
            parse("1900 5454 13", &index).expect("premium").kind,
            NumberKind::Premium
        );
        assert_eq!(
            parse("024 3825 1234", &index).expect("landline").kind,
            NumberKind::Landline
        );
    }

    #[test]
    fn brackets_trunk_zero_and_full_width_digits_are_the_same_number() {
        let index = plan();
        let plain = parse("0912345678", &index).expect("national");
        for written in [
            "(+84)912345678",
            "(+84) 912 345 678",
            "+84 (0) 912 345 678",
            "+84 0912345678",
            "\u{ff10}\u{ff19}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}",
            "\u{ff0b}\u{ff18}\u{ff14} \u{ff19}\u{ff11}\u{ff12} \u{ff13}\u{ff14}\u{ff15} \u{ff16}\u{ff17}\u{ff18}",
        ] {
            assert_eq!(parse(written, &index).as_ref(), Ok(&plain), "{written}");
        }
        assert_eq!(plain.normalised(), "+84912345678");
        // A plus after a digit is no number.
        assert!(parse("84+912345678", &index).is_err());
    }

    #[test]
    fn foreign_numbers_carry_their_calling_code() {
        let index = plan();
        for (number, code) in [
            ("+44 20 7946 0958", 44),
            ("0044 20 7946 0958", 44),
            ("+1 (415) 555-0100", 1),
            ("+852 6123 4507", 852),
        ] {
            let parsed = parse(number, &index).expect("a foreign number");
            assert_eq!(
                (parsed.kind, parsed.country_code),
                (NumberKind::International, code),
                "{number}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_number_without_echoing_it() {
        let index = plan();
        for bad in [
            "abc",
            "",
            "12",
            "+",
            "0912x45678",
            "12345678901234567890",
            "+999123456789",
        ] {
            let error = parse(bad, &index).expect_err("not a number");
            if !bad.is_empty() {
                assert!(
                    !error.to_string().contains(bad),
                    "the error must not repeat the input"
                );
            }
        }
    }
}
