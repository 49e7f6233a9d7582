//! Country calling codes: which digits after `+` (or `00`) name the country of a foreign number.
//!
//! The table is generated at build time from `phonenumber`'s metadata (`core/build/`), so a
//! foreign number costs a few instructions and no metadata load (see the build script for why).

include!(concat!(env!("OUT_DIR"), "/calling_codes.rs"));

/// The calling code that starts `digits` (ASCII digits after the international prefix), if any.
/// Calling codes are prefix-free, so the shortest one that exists is the one.
pub(super) fn at_start(digits: &[u8]) -> Option<u16> {
    let mut code = 0usize;
    for &digit in digits.iter().take(3) {
        if !digit.is_ascii_digit() || (code == 0 && digit == b'0') {
            return None;
        }
        code = code * 10 + usize::from(digit - b'0');
        if CALLING_CODES[code / 64] >> (code % 64) & 1 == 1 {
            return u16::try_from(code).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every one- to three-digit start gives the calling code `phonenumber` itself reads, and no
    /// code where `phonenumber` finds none.
    #[test]
    fn agrees_with_phonenumber_for_every_start() {
        use phonenumber::ParseError;
        let mut known = 0;
        for start in 1..1000u32 {
            let number = format!("{start}4567890");
            let ours = at_start(number.as_bytes());
            match phonenumber::parse(None, format!("+{number}")) {
                Ok(parsed) => {
                    assert_eq!(ours, Some(parsed.code().value()), "+{number}");
                    known += 1;
                }
                Err(ParseError::InvalidCountryCode) => assert_eq!(ours, None, "+{number}"),
                // Too short or too long for that country: the code itself was read.
                Err(_) => assert!(ours.is_some(), "+{number}"),
            }
        }
        assert!(known > 500, "most starts belong to a country: {known}");
    }

    #[test]
    fn reads_one_two_and_three_digit_codes() {
        assert_eq!(at_start(b"14155550100"), Some(1));
        assert_eq!(at_start(b"447700900461"), Some(44));
        assert_eq!(at_start(b"85261234507"), Some(852));
        assert_eq!(at_start(b"0123"), None);
        assert_eq!(at_start(b"4x"), None);
        assert_eq!(at_start(b""), None);
    }
}
