//! Links: the registrable domain (public suffix list), official or posing as official (look-alike
//! spelling, brand inside another domain, IDN homographs), and the weaker tells (risky extension,
//! raw IP, shortener, app download, credential words).

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
    let domains = &index.domains;
    let mut found: Vec<Hit> = Vec::new();
    let mut push = |hit: Hit| found.push(hit.with_span(span.clone()));
    let path = url.path().to_ascii_lowercase();
    if path.ends_with(".apk")
        || url
            .query()
            .is_some_and(|q| q.to_ascii_lowercase().contains(".apk"))
    {
        push(Hit::rule("link.apk"));
    }
    match url.host() {
        Some(Host::Ipv4(_)) | Some(Host::Ipv6(_)) => push(Hit::rule("link.raw_ip")),
        Some(Host::Domain(host)) => {
            let host = host.trim_end_matches('.').to_ascii_lowercase();
            domain_hits(&host, &path, domains, &index.normaliser, &mut push)?;
        }
        None => return Err(CoreError::link("it has no host")),
    }
    out.extend(found);
    Ok(())
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
    let lower = raw.to_ascii_lowercase();
    let with_scheme = if lower.starts_with("http://") || lower.starts_with("https://") {
        raw.to_owned()
    } else if raw.contains("://") || has_other_scheme(&lower) {
        return Err(CoreError::link("only http and https links can be checked"));
    } else {
        format!("http://{raw}")
    };
    let url = Url::parse(&with_scheme).map_err(|_| CoreError::link("it cannot be parsed"))?;
    match url.host() {
        Some(Host::Domain(host)) => {
            let host = host.trim_end_matches('.');
            let known = psl::suffix(host.as_bytes()).is_some_and(|s| s.is_known());
            if psl::domain(host.as_bytes()).is_none() || !known {
                return Err(CoreError::link("its domain has no known extension"));
            }
        }
        Some(_) => {}
        None => return Err(CoreError::link("it has no host")),
    }
    Ok(url)
}

/// `mailto:`, `tel:`, `javascript:`…: a scheme before the first colon, where a host (with a dot)
/// and a port would be `example.com:8080`.
fn has_other_scheme(lower: &str) -> bool {
    match lower.split_once(':') {
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
    let registrable = psl::domain_str(host)
        .ok_or_else(|| CoreError::link("its domain has no known extension"))?;
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
    let suffix = psl::suffix_str(host).unwrap_or_default();
    let tld = suffix.rsplit('.').next().unwrap_or(suffix);
    if domains.risky_tlds.contains(tld) {
        push(Hit::rule("link.risky_tld"));
    }

    let label = crate::index::name_label_of(registrable).unwrap_or(registrable);
    let mut impersonated = None;
    if host.split('.').any(|l| l.starts_with("xn--")) {
        let (unicode, _) = idna::domain_to_unicode(host);
        let unicode_label = crate::index::name_label_of(&unicode).unwrap_or(&unicode);
        let folded = normaliser.normalise(unicode_label).text.replace(' ', "");
        match closest_official(&folded, domains, 1) {
            Some(entity) => {
                push(Hit::rule("link.idn_homograph").with_entity(Some(entity)));
                impersonated = Some(entity);
            }
            None => push(Hit::rule("link.punycode")),
        }
    }
    if impersonated.is_none() {
        let folded = normaliser.normalise(label).text.replace(' ', "");
        if let Some(entity) =
            closest_official(&folded, domains, 2).or_else(|| closest_official(label, domains, 2))
        {
            push(Hit::rule("link.lookalike").with_entity(Some(entity)));
            impersonated = Some(entity);
        }
    }
    if impersonated.is_none() {
        if let Some(entity) = keyword_in_host(host, domains, normaliser) {
            push(Hit::rule("link.brand_in_domain").with_entity(Some(entity)));
        }
    }
    let credential = domains
        .credential_words
        .iter()
        .any(|w| host.contains(w.as_str()) || path.contains(w.as_str()));
    if credential {
        push(Hit::rule("link.credential_words"));
    }
    Ok(())
}

/// The entity whose official name `label` imitates: equal to it after folding look-alikes and
/// leetspeak (but on another domain), or within `max` edits of a name at least 5 letters long.
fn closest_official(label: &str, domains: &DomainIndex, max: usize) -> Option<usize> {
    let label = label.replace("rn", "m").replace("vv", "w");
    let mut best: Option<(usize, usize)> = None;
    for (official, entity) in &domains.official_labels {
        let allowed = match official.len() {
            0..=4 => 0,
            5..=7 => max.min(1),
            _ => max,
        };
        if label.len().abs_diff(official.len()) > allowed {
            continue;
        }
        let distance = edit_distance(&label, official, allowed);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, *entity));
        }
    }
    best.map(|(_, entity)| entity)
}

/// A brand keyword inside a host that is not the brand's: as a whole part of the host
/// (`vcb-xacthuc.com`, `bidv.vn-secure.top`) or, for long keywords, anywhere in it.
fn keyword_in_host(host: &str, domains: &DomainIndex, normaliser: &Normaliser) -> Option<usize> {
    let folded = normaliser.normalise(host).text;
    let parts: Vec<&str> = folded.split(' ').collect();
    let joined = folded.replace(' ', "");
    domains
        .keywords
        .iter()
        .find(|(keyword, _)| {
            parts.contains(&keyword.as_str())
                || (keyword.len() >= 6 && joined.contains(keyword.as_str()))
        })
        .map(|(_, entity)| *entity)
}

/// Levenshtein distance, giving up (returning `max + 1`) once it must exceed `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
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
