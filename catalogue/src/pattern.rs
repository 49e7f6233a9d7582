//! Signal patterns compiled the one way both sides agree on: the validator refuses a pattern the
//! phones could not compile, and the core compiles them for matching. Bytes, ASCII classes only:
//! Unicode word boundaries on Vietnamese text cost about a millisecond per message.

/// The compiled size allowed to one signal pattern.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// The memory the set's lazy DFA may keep, as `regex` gives it.
const LAZY_DFA_CACHE: usize = 2 << 20;

/// Compiles a signal pattern the way the core does: bytes, ASCII classes only.
pub fn compile_ascii_regex(pattern: &str) -> Result<regex::bytes::Regex, String> {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|error| format!("the pattern does not compile in ASCII mode: {error}"))
}

/// Compiles signal patterns into one set, with the same flags as [`compile_ascii_regex`] and
/// the same size allowed to each pattern: what `regex::bytes::RegexSet` builds, as the engine
/// under it, whose search writes into a set of matched patterns the caller keeps.
pub fn compile_ascii_regex_set<'a>(
    patterns: impl ExactSizeIterator<Item = &'a str>,
) -> Result<regex_automata::meta::Regex, String> {
    use regex_automata::nfa::thompson::WhichCaptures;
    use regex_automata::util::syntax;
    use regex_automata::{meta, MatchKind};
    let limit = PATTERN_SIZE_LIMIT * patterns.len().max(1);
    let patterns: Vec<&str> = patterns.collect();
    // The configuration `regex::bytes::RegexSetBuilder` gives its engine.
    let config = meta::Config::new()
        .nfa_size_limit(Some(limit))
        .hybrid_cache_capacity(LAZY_DFA_CACHE)
        .match_kind(MatchKind::All)
        .utf8_empty(false)
        .which_captures(WhichCaptures::None);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build_many(&patterns)
        .map_err(|error| format!("the patterns do not compile together in ASCII mode: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_ascii_and_byte_oriented() {
        // `\w` in ASCII mode does not match a Vietnamese letter; in Unicode mode it would.
        let word = compile_ascii_regex(r"^\w+$").expect("compiles");
        assert!(word.is_match(b"otp"));
        assert!(!word.is_match("đ".as_bytes()));
        assert!(compile_ascii_regex("(").is_err());
    }

    #[test]
    fn the_set_reports_every_pattern_that_matches() {
        let set = compile_ascii_regex_set(["otp", "ma otp", "stk"].into_iter()).expect("compiles");
        let mut matched = regex_automata::PatternSet::new(set.pattern_len());
        set.which_overlapping_matches(&regex_automata::Input::new("gui ma otp"), &mut matched);
        assert_eq!(
            matched.iter().map(|p| p.as_usize()).collect::<Vec<_>>(),
            [0, 1]
        );
        assert!(compile_ascii_regex_set(["ok", "("].into_iter()).is_err());
    }
}
