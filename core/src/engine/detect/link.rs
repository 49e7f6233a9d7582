//! Links: the registrable domain (public suffix list); whose it is when the catalogue knows
//! (an entity's official domain, a state domain by its name, a well-known site: never a
//! look-alike); else posing as official (look-alike spelling, brand inside another domain or
//! glued to noise, IDN homographs, words of banking), and the weaker tells (risky extension, raw
//! IP, shortener, app download, credential words).

use std::borrow::Cow;
use std::ops::Range;

use url::{Host, Url};

use crate::engine::compiled::{name_label, Compiled, Domains};
use crate::engine::evidence::{Hit, RuleCode};
use crate::engine::normalise::Normaliser;
use crate::error::CoreError;

/// Evidence from one link; `span` is where it stands in the message, when it came from one.
pub(crate) fn hits(
    raw: &str,
    compiled: &Compiled,
    span: Option<Range<usize>>,
    out: &mut Vec<Hit>,
) -> Result<(), CoreError> {
    let url = parse(raw)?;
    // A link that turns out not to be checkable leaves no evidence behind.
    let before = out.len();
    let result = url_hits(&url, compiled, &mut |hit: Hit| {
        out.push(hit.with_span(span.clone()))
    });
    if result.is_err() {
        out.truncate(before);
    }
    result
}

/// The evidence of a parsed link, pushed in order.
fn url_hits(url: &Url, compiled: &Compiled, push: &mut impl FnMut(Hit)) -> Result<(), CoreError> {
    let path = ascii_lowercase(url.path());
    if path.ends_with(".apk")
        || url
            .query()
            .is_some_and(|q| contains_ignore_case(q, b".apk"))
    {
        push(Hit::rule(RuleCode::LinkApk));
    }
    match url.host() {
        Some(Host::Ipv4(_)) | Some(Host::Ipv6(_)) => push(Hit::rule(RuleCode::LinkRawIp)),
        Some(Host::Domain(host)) => {
            let host = ascii_lowercase(host.trim_end_matches('.'));
            domain_hits(
                &host,
                &path,
                compiled.domains(),
                compiled.normaliser(),
                push,
            )?;
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
    domains: &Domains,
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
    if domains.is_blocked(registrable, host) {
        push(Hit::rule(RuleCode::LinkBlocklisted));
    }
    if known_owner(host, registrable, domains, push) {
        return Ok(());
    }
    if domains.is_user_content(registrable) {
        return Ok(()); // a group or page anyone can make: judged by the message, not the host
    }
    let label = name_label(registrable).unwrap_or(registrable);
    if let Some(own) = domains.deep_link_label(host) {
        // `viettelmoney.go.link`: a deep-link service gives each app the subdomain it names,
        // so one named exactly after a brand is that brand's (its own hosts are official).
        let folded = without_spaces(normaliser.normalise(own).text);
        if domains.keyword_exact(&folded).is_some()
            || domains.closest_official(&folded, 0).is_some()
        {
            return Ok(());
        }
    }
    if domains.is_shortener(registrable) {
        push(Hit::rule(RuleCode::LinkShortener));
        // A shortened link whose name carries a brand (`bit.ly/vcb-xacminh`): brands don't.
        if let Some(entity) = domains.keyword_in(path.trim_matches('/'), normaliser) {
            push(Hit::rule(RuleCode::LinkBrandInShortened).with_entity(Some(entity)));
        }
    }
    let tld = suffix.rsplit('.').next().unwrap_or(suffix);
    if domains.is_risky_tld(tld) {
        push(Hit::rule(RuleCode::LinkRiskyTld));
    }

    let mut impersonated = None;
    if host.contains("xn--") && host.split('.').any(|l| l.starts_with("xn--")) {
        let (unicode, _) = idna::domain_to_unicode(host);
        let unicode_label = name_label(&unicode).unwrap_or(&unicode);
        let folded = without_spaces(normaliser.normalise(unicode_label).text);
        match domains.closest_official(&folded, 1) {
            Some(entity) => {
                push(Hit::rule(RuleCode::LinkIdnHomograph).with_entity(Some(entity)));
                impersonated = Some(entity);
            }
            None => push(Hit::rule(RuleCode::LinkPunycode)),
        }
    }
    let folded = without_spaces(normaliser.normalise(label).text);
    // A name that is exactly a brand's keyword (`tpbank`) borrows that brand's name; it is not
    // a misspelling of another's (`vpbank`).
    if impersonated.is_none() && domains.keyword_exact(&folded).is_none() {
        // Folding often changes nothing: the same label would give the same answer twice.
        let closest = domains
            .closest_official(&folded, 2)
            .or_else(|| (folded != label).then(|| domains.closest_official(label, 2))?);
        if let Some(entity) = closest {
            push(Hit::rule(RuleCode::LinkLookalike).with_entity(Some(entity)));
            impersonated = Some(entity);
        }
    }
    if impersonated.is_none() {
        if let Some(entity) = domains.keyword_in(host, normaliser) {
            push(Hit::rule(RuleCode::LinkBrandInDomain).with_entity(Some(entity)));
            impersonated = Some(entity);
        }
    }
    if impersonated.is_none() {
        if let Some(entity) = domains.keyword_with_noise(host, normaliser) {
            push(Hit::rule(RuleCode::LinkBrandWithNoise).with_entity(Some(entity)));
        }
    }
    if domains.has_bank_words(host) {
        push(Hit::rule(RuleCode::LinkBankWords));
    }
    if domains.has_credential_words(host) || domains.has_credential_words(path) {
        push(Hit::rule(RuleCode::LinkCredentialWords));
    }
    Ok(())
}

/// Evidence for a host whose owner is known: an entity's official domain or host, a state
/// domain (its owner found by the name under the official suffix: `hanoi.gov.vn` is the city's,
/// whatever ministry lists a host under it), or a well-known site. True when one was found:
/// such a host is never a look-alike of anything.
fn known_owner(
    host: &str,
    registrable: &str,
    domains: &Domains,
    push: &mut impl FnMut(Hit),
) -> bool {
    if let Some(entity) = domains.official(host, registrable) {
        push(Hit::rule(RuleCode::LinkOfficial).with_entity(Some(entity)));
        return true;
    }
    if domains.has_official_suffix(host) {
        let owner = name_label(registrable).and_then(|name| domains.state_owner(name));
        push(match owner {
            Some(owner) => Hit::rule(RuleCode::LinkOfficial).with_entity(Some(owner)),
            None => Hit::rule(RuleCode::LinkStateDomain),
        });
        return true;
    }
    if let Some(site) = domains.well_known(registrable) {
        push(Hit::rule(RuleCode::LinkWellKnown).with_entity(Some(site)));
        return true;
    }
    false
}

/// `text` with its spaces removed, copied only when it has any.
fn without_spaces(text: String) -> String {
    if text.contains(' ') {
        text.replace(' ', "")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
