//! Bank account numbers inside a normalised message: a run of 6 to 19 digits, or consecutive
//! groups of digits (`1234 5678 9012`) joined.

/// The most digits an account candidate has.
const ACCOUNT_MAX: usize = 19;

/// True when `blocked` holds for an account candidate of `normalised` text.
pub(crate) fn any_account_number(normalised: &str, mut blocked: impl FnMut(&str) -> bool) -> bool {
    // Every candidate has at least 6 digits: most messages have fewer in all.
    if super::digits::digit_count(normalised) < 6 {
        return false;
    }
    let candidate = 6..=ACCOUNT_MAX;
    let mut joined = String::new();
    let mut groups = 0;
    // The empty word after the end closes the last group.
    for word in normalised.split(' ').chain(std::iter::once("")) {
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
            if candidate.contains(&word.len()) && blocked(word) {
                return true;
            }
            joined.push_str(word);
            groups += 1;
        } else {
            if groups > 1 && candidate.contains(&joined.len()) && blocked(&joined) {
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

    #[test]
    fn single_runs_and_joined_groups_are_candidates() {
        let mut seen = Vec::new();
        any_account_number("stk 1234 5678 9012 ngan hang 1234567", |a| {
            seen.push(a.to_owned());
            false
        });
        assert_eq!(seen, vec!["123456789012", "1234567"]);
        assert!(any_account_number("tk 1903 5588 2211", |a| a == "190355882211"));
        assert!(!any_account_number("so du 12345", |_| true));
        // Twenty digits are no account, alone or joined.
        assert!(!any_account_number("12345678901234567890", |_| true));
        assert!(!any_account_number("1234567890 1234567890", |a| a.len() == 20));
    }
}
