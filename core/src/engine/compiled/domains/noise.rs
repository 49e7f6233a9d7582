//! Noise glued to a brand in a host: digits, a few random letters, or filler words of the
//! catalogue (`vip`, `online`, `uudai`), so that `bidvxz`, `vcb24h`, `<brand>vip03` read as a
//! brand dressed up, not as another name.

use rustc_hash::FxHashSet;

/// At most this many letters left once the digits at both ends are gone count as random
/// (`xz`, `8ab`, `mqo`): a real name glued to a brand is longer.
const RANDOM_MAX: usize = 3;

/// The filler words (folded like a host) and the rule that reads a rest of a host part as noise.
pub(super) struct Noise {
    words: FxHashSet<String>,
    /// The longest filler word, in bytes: no longer piece need be looked up.
    longest: usize,
}

impl Noise {
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let words: FxHashSet<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        Noise { words, longest }
    }

    /// True when `rest` (a part of a host less a brand) is noise: digits, filler words and
    /// digits end to end (`vip03`, `uudai2026`, `diemthuong`), or, when `random` allows it, at
    /// most [`RANDOM_MAX`] other characters besides the digits at its ends (`xz`, `8ab`). A
    /// brand of three letters takes no random letters: `acb` and one more letter is too often
    /// another name (`acbs`, the bank's own securities firm).
    pub fn is_noise(&self, rest: &str, random: bool) -> bool {
        if rest.is_empty() {
            return false;
        }
        let core = rest.trim_matches(|c: char| c.is_ascii_digit());
        core.is_empty() || (random && core.len() <= RANDOM_MAX) || self.is_filler(core)
    }

    /// True when `text` splits into filler words and runs of digits.
    fn is_filler(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        // reach[i]: the first i bytes split into filler and digits.
        let mut reach = vec![false; bytes.len() + 1];
        reach[0] = true;
        for start in 0..bytes.len() {
            if !reach[start] {
                continue;
            }
            let digits = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 0 {
                reach[start + digits] = true;
            }
            let top = bytes.len().min(start + self.longest);
            for (end, reached) in reach.iter_mut().enumerate().take(top + 1).skip(start + 1) {
                if !*reached
                    && text
                        .get(start..end)
                        .is_some_and(|piece| self.words.contains(piece))
                {
                    *reached = true;
                }
            }
        }
        reach[bytes.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise() -> Noise {
        Noise::new(["vip", "online", "diem", "thuong"].map(String::from))
    }

    #[test]
    fn digits_random_letters_and_filler_are_noise() {
        let n = noise();
        for rest in [
            "24",
            "xz",
            "8ab",
            "mqo",
            "vip03",
            "diemthuong",
            "2026online",
            "x",
        ] {
            assert!(n.is_noise(rest, true), "{rest} is noise");
        }
    }

    #[test]
    fn names_are_not_noise() {
        let n = noise();
        for rest in ["", "metlife", "finance", "securities", "viponline2x"] {
            assert!(!n.is_noise(rest, true), "{rest} is a name");
        }
    }

    #[test]
    fn three_letter_brands_take_digits_and_filler_only() {
        let n = noise();
        assert!(n.is_noise("24", false) && n.is_noise("vip03", false));
        assert!(!n.is_noise("s", false) && !n.is_noise("xz", false));
    }
}
