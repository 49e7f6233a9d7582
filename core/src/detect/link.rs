//! Links: the registrable domain (public suffix list), official or posing as official (look-alike
//! spelling, brand inside another domain, IDN homographs), and the weaker tells (risky extension,
//! raw IP, shortener, app download, credential words).

use std::borrow::Cow;
use std::ops::Range;

use url::{Host, Url};

use crate::error::CoreError;
use crate::index::{DomainIndex, Index};
use crate::normalise::Normaliser;
use crate::score::Hit;

/// Evidence from one link; `span` is where it stands in the message, when it came from one.
pub(crate) fn hits(
    raw: &str,
    index: &Index,
    span: Option<Range<usize>>,
    out: &mut Vec<Hit>,
) -> Result<(), CoreError> {
    let url = parse(raw)?;
    // A link that turns out not to be checkable leaves no evidence behind.
    let before = out.len();
    let result = url_hits(&url, index, &mut |hit: Hit| {
        out.push(hit.with_span(span.clone()))
    });
    if result.is_err() {
        out.truncate(before);
    }
    result
}

/// The evidence of a parsed link, pushed in order.
fn url_hits(url: &Url, index: &Index, push: &mut impl FnMut(Hit)) -> Result<(), CoreError> {
    let path = ascii_lowercase(url.path());
    if path.ends_with(".apk")
        || url
            .query()
            .is_some_and(|q| contains_ignore_case(q, b".apk"))
    {
        push(Hit::rule("link.apk"));
    }
    match url.host() {
        Some(Host::Ipv4(_)) | Some(Host::Ipv6(_)) => push(Hit::rule("link.raw_ip")),
        Some(Host::Domain(host)) => {
            let host = ascii_lowercase(host.trim_end_matches('.'));
            domain_hits(&host, &path, &index.domains, &index.normaliser, push)?;
        }
        None => return Err(CoreError::link("it has no host")),
    }
    Ok(())
}

/// `text` in ASCII lower case, copied only when it has an upper-case letter (hosts never do).
fn ascii_lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// True when `needle` (lower case) is in `haystack` in any ASCII case.
fn contains_ignore_case(haystack: &str, needle: &[u8]) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Parses a link as a person would paste it: with or without `https://`.
pub(crate) fn parse(raw: &str) -> Result<Url, CoreError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(CoreError::link("it is empty"));
    }
    if raw.len() > 8192 {
        return Err(CoreError::link("it is too long"));
    }
    let has_http_scheme =
        starts_with_ignore_case(raw, "http://") || starts_with_ignore_case(raw, "https://");
    let url = if has_http_scheme {
        Url::parse(raw)
    } else if raw.contains("://") || has_other_scheme(raw) {
        return Err(CoreError::link("only http and https links can be checked"));
    } else {
        let mut with_scheme = String::with_capacity(raw.len() + 7);
        with_scheme.push_str("http://");
        with_scheme.push_str(raw);
        Url::parse(&with_scheme)
    }
    .map_err(|_| CoreError::link("it cannot be parsed"))?;
    match url.host() {
        Some(Host::Domain(host)) => {
            let host = host.trim_end_matches('.');
            // `psl::domain` finds the suffix first: one lookup answers both questions.
            let known = psl::domain(host.as_bytes()).is_some_and(|d| d.suffix().is_known());
            if !known {
                return Err(CoreError::link("its domain has no known extension"));
            }
        }
        Some(_) => {}
        None => return Err(CoreError::link("it has no host")),
    }
    Ok(url)
}

/// True when `text` starts with `prefix` (lower case) in any ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `mailto:`, `tel:`, `javascript:`…: a scheme before the first colon, where a host (with a dot)
/// and a port would be `example.com:8080`.
fn has_other_scheme(raw: &str) -> bool {
    match raw.split_once(':') {
        Some((head, _)) => {
            !head.is_empty()
                && !head.contains('.')
                && head
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        }
        None => false,
    }
}

fn domain_hits(
    host: &str,
    path: &str,
    domains: &DomainIndex,
    normaliser: &Normaliser,
    push: &mut impl FnMut(Hit),
) -> Result<(), CoreError> {
    let domain = psl::domain(host.as_bytes())
        .ok_or_else(|| CoreError::link("its domain has no known extension"))?;
    // Both are tails of `host` (which has no trailing dot to trim): one lookup gives both.
    let registrable = host
        .get(host.len() - domain.as_bytes().len()..)
        .ok_or_else(|| CoreError::link("its domain has no known extension"))?;
    let suffix = host
        .get(host.len() - domain.suffix().as_bytes().len()..)
        .unwrap_or_default();
    if domains.blocked.contains(registrable) || domains.blocked.contains(host) {
        push(Hit::rule("link.blocklisted"));
    }
    if let Some(&entity) = domains.official.get(registrable) {
        push(Hit::rule("link.official").with_entity(Some(entity)));
        return Ok(());
    }
    if domains.official_suffixes.iter().any(|s| {
        host == s
            || host
                .strip_suffix(s.as_str())
                .is_some_and(|rest| rest.ends_with('.'))
    }) {
        push(Hit::rule("link.official"));
        return Ok(());
    }
    if domains.user_content.contains(registrable) {
        return Ok(()); // a group or page anyone can make: judged by the message, not the host
    }
    if domains.shorteners.contains(registrable) {
        push(Hit::rule("link.shortener"));
        // A shortened link whose name carries a brand (`bit.ly/vcb-xacminh`): brands don't.
        if let Some(entity) = keyword_in_host(path.trim_matches('/'), domains, normaliser) {
            push(Hit::rule("link.brand_in_shortened").with_entity(Some(entity)));
        }
    }
    let tld = suffix.rsplit('.').next().unwrap_or(suffix);
    if domains.risky_tlds.contains(tld) {
        push(Hit::rule("link.risky_tld"));
    }

    let label = crate::index::name_label_of(registrable).unwrap_or(registrable);
    let mut impersonated = None;
    if host.contains("xn--") && host.split('.').any(|l| l.starts_with("xn--")) {
        let (unicode, _) = idna::domain_to_unicode(host);
        let unicode_label = crate::index::name_label_of(&unicode).unwrap_or(&unicode);
        let folded = without_spaces(normaliser.normalise(unicode_label).text);
        match closest_official(&folded, domains, 1) {
            Some(entity) => {
                push(Hit::rule("link.idn_homograph").with_entity(Some(entity)));
                impersonated = Some(entity);
            }
            None => push(Hit::rule("link.punycode")),
        }
    }
    if impersonated.is_none() {
        let folded = without_spaces(normaliser.normalise(label).text);
        // Folding often changes nothing: the same label would give the same answer twice.
        let closest = closest_official(&folded, domains, 2)
            .or_else(|| (folded != label).then(|| closest_official(label, domains, 2))?);
        if let Some(entity) = closest {
            push(Hit::rule("link.lookalike").with_entity(Some(entity)));
            impersonated = Some(entity);
        }
    }
    if impersonated.is_none() {
        if let Some(entity) = keyword_in_host(host, domains, normaliser) {
            push(Hit::rule("link.brand_in_domain").with_entity(Some(entity)));
        }
    }
    let automaton = &domains.credential_automaton;
    if automaton.is_match(host) || automaton.is_match(path) {
        push(Hit::rule("link.credential_words"));
    }
    Ok(())
}

/// `text` with its spaces removed, copied only when it has any.
fn without_spaces(text: String) -> String {
    if text.contains(' ') {
        text.replace(' ', "")
    } else {
        text
    }
}

/// The entity whose official name `label` imitates: equal to it after folding look-alikes and
/// leetspeak (but on another domain), or within `max` edits of a name at least 5 letters long.
/// Of equally close names, the first in catalogue order.
fn closest_official(label: &str, domains: &DomainIndex, max: usize) -> Option<usize> {
    let label: Cow<str> = if label.contains("rn") || label.contains("vv") {
        Cow::Owned(label.replace("rn", "m").replace("vv", "w"))
    } else {
        Cow::Borrowed(label)
    };
    let bigrams = DomainIndex::bigram_mask(label.as_bytes());
    // (distance, position in the catalogue, entity)
    let mut best: Option<(usize, usize, usize)> = None;
    let lengths = label.len().saturating_sub(max)..=label.len() + max;
    for &i in lengths
        .filter_map(|len| domains.official_labels_by_len.get(len))
        .flatten()
    {
        let (official, entity) = &domains.official_labels[i];
        let allowed = match official.len() {
            0..=4 => 0,
            5..=7 => max.min(1),
            _ => max,
        };
        if label.len().abs_diff(official.len()) > allowed
            || !domains.may_be_within(bigrams, i, allowed)
        {
            continue;
        }
        let distance = if allowed == 0 {
            // Within no edit: equal.
            if *label == **official {
                0
            } else {
                continue;
            }
        } else {
            edit_distance(&label, official, allowed)
        };
        if distance <= allowed && best.is_none_or(|(d, at, _)| (distance, i) < (d, at)) {
            best = Some((distance, i, *entity));
        }
    }
    best.map(|(_, _, entity)| entity)
}

/// A brand keyword inside a host that is not the brand's: as a whole part of the host
/// (`vcb-xacthuc.com`, `bidv.vn-secure.top`) or, for long keywords, anywhere in it. Of several,
/// the first in catalogue order.
fn keyword_in_host(host: &str, domains: &DomainIndex, normaliser: &Normaliser) -> Option<usize> {
    let folded = normaliser.normalise(host).text;
    let mut first = folded
        .split(' ')
        .filter_map(|part| domains.keyword_first.get(part).copied())
        .min();
    let joined = without_spaces(folded);
    for found in domains.long_keywords.find_overlapping_iter(joined.as_str()) {
        let at = domains.long_keyword_first[found.pattern().as_usize()];
        first = Some(first.map_or(at, |f| f.min(at)));
    }
    first.map(|at| domains.keywords[at].1)
}

/// Band rows up to this many cells live on the stack (`max` up to 3; look-alikes use 2).
const STACK_BAND: usize = 8;

/// Levenshtein distance, giving up (returning `max + 1`) once it must exceed `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    // The band's cells and one on its right that always counts as too far.
    let width = 2 * max + 2;
    if width <= STACK_BAND {
        let (mut previous, mut current) = ([0; STACK_BAND], [0; STACK_BAND]);
        banded_distance(a, b, max, &mut previous[..width], &mut current[..width])
    } else {
        banded_distance(a, b, max, &mut vec![0; width], &mut vec![0; width])
    }
}

/// [`edit_distance`] on the cells within `max` of the diagonal only: a path that leaves that band
/// already costs more than `max` (Ukkonen), so a cell outside counts as `max + 1`. Cell `k` of a
/// row `i` is the distance between `a[..i]` and `b[..i + k - max]`; rows have `2 * max + 2` cells.
fn banded_distance<'r>(
    a: &[u8],
    b: &[u8],
    max: usize,
    mut previous: &'r mut [usize],
    mut current: &'r mut [usize],
) -> usize {
    let over = max + 1;
    let band = 2 * max;
    // Row 0: `b[..j]` is j edits from nothing.
    for (k, cell) in previous.iter_mut().enumerate() {
        *cell = match k.checked_sub(max) {
            Some(j) if k <= band && j <= b.len() => j,
            _ => over,
        };
    }
    current[band + 1] = over;
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        let mut row_min = over;
        for k in 0..=band {
            let cell = match (row + k).checked_sub(max) {
                None => over,
                Some(0) => row,
                Some(j) if j > b.len() => over,
                Some(j) => {
                    let left = if k == 0 { over } else { current[k - 1] };
                    (previous[k] + usize::from(ca != b[j - 1]))
                        .min(previous[k + 1] + 1)
                        .min(left + 1)
                        .min(over)
                }
            };
            current[k] = cell;
            row_min = row_min.min(cell);
        }
        if row_min > max {
            return over;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len() + max - a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_is_bounded_levenshtein() {
        assert_eq!(edit_distance("vietcombank", "vietcombank", 2), 0);
        assert_eq!(edit_distance("vietconbank", "vietcombank", 2), 1);
        assert_eq!(edit_distance("vietcombamk1", "vietcombank", 2), 2);
        assert_eq!(edit_distance("agribank", "vietcombank", 2), 3);
    }

    /// Plain Levenshtein distance, the whole table.
    fn full_distance(a: &str, b: &str) -> usize {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut previous: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut current = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                current[j + 1] = (previous[j] + usize::from(ca != cb))
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1);
            }
            previous = current;
        }
        previous[b.len()]
    }

    proptest::proptest! {
        #[test]
        fn banded_distance_is_exact_up_to_max(
            a in "[abmnrvw]{0,12}",
            b in "[abmnrvw]{0,12}",
            max in 0usize..6,
        ) {
            let full = full_distance(&a, &b);
            let banded = edit_distance(&a, &b, max);
            proptest::prop_assert_eq!(banded, full.min(max + 1), "{} {} {}", a, b, max);
        }

        #[test]
        fn bigram_filter_keeps_every_close_label(
            a in "[abmnrvw]{0,12}",
            b in "[abmnrvw]{0,12}",
            edits in 0usize..4,
        ) {
            if full_distance(&a, &b) <= edits {
                let (word, official) = (
                    DomainIndex::bigram_mask(a.as_bytes()),
                    DomainIndex::bigram_mask(b.as_bytes()),
                );
                proptest::prop_assert!(DomainIndex::masks_may_be_within(word, official, edits));
            }
        }
    }

    #[test]
    fn parse_accepts_bare_domains_and_refuses_junk() {
        assert!(parse("vietcombank.com.vn/abc").is_ok());
        assert!(parse("HTTPS://Example.COM").is_ok());
        assert!(parse("http://1.2.3.4/login").is_ok());
        for bad in [
            "mailto:x@vietcombank.com.vn",
            "javascript:alert(1)",
            "",
            "abc",
            "ftp://x.com",
            "http://",
            "localhost",
            "a b c",
            "http://x.notarealtld",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
