//! The [`Checker`]: a verified catalogue compiled for speed, and the three checks residents use.
//! Immutable once built, so one instance serves every thread.

use std::time::{SystemTime, UNIX_EPOCH};

use canhgiac_catalogue::bundle::{unix_day, OpenPolicy};
use canhgiac_catalogue::model::{Catalogue, Text};
use canhgiac_catalogue::{Bundle, BundleHeader};

use crate::detect::{link, number, sms};
use crate::error::CoreError;
use crate::index::Index;
use crate::info::{catalogue_info, CatalogueInfo, CategoryInfo};
use crate::normalise::{Normaliser, Trick};
use crate::score::Context;
use crate::trust::{dev_key, trusted_keys, EMBEDDED_BUNDLE};
use crate::verdict::{NumberFacts, Verdict};

/// Checks messages, numbers and links against one catalogue.
pub struct Checker {
    catalogue: Catalogue,
    index: Index,
    header: BundleHeader,
}

impl Checker {
    /// The catalogue compiled into the library. Its validity window is not enforced: on a phone
    /// that has not synced for a year, an old catalogue protects better than none (the app shows
    /// the expiry from [`Checker::info`] and asks to update).
    pub fn embedded() -> Result<Self, CoreError> {
        let bundle = Bundle::open(EMBEDDED_BUNDLE, trusted_keys(), OpenPolicy::default())?;
        Self::from_verified(bundle)
    }

    /// The version of the catalogue compiled into the library; no bundle older than it is accepted.
    pub fn embedded_version() -> Result<u64, CoreError> {
        Ok(Bundle::peek_header(EMBEDDED_BUNDLE)?.version)
    }

    /// Loads a signed bundle: refused when the signature is bad or from an untrusted key, when
    /// expired or not yet valid at `now` (unix seconds), when older than `installed_version` or
    /// than the embedded catalogue (rollback), or when malformed.
    pub fn from_bundle(
        bytes: &[u8],
        installed_version: Option<u64>,
        now: i64,
    ) -> Result<Self, CoreError> {
        let floor = Self::embedded_version()?.max(installed_version.unwrap_or(0));
        let policy = OpenPolicy {
            now: Some(now),
            installed_version: Some(floor),
        };
        Self::from_verified(Bundle::open(bytes, trusted_keys(), policy)?)
    }

    /// Builds a checker on an unsigned catalogue, for tools that work on the sources (the
    /// `eval` command, tests, benchmarks). Phones only ever load signed bundles.
    pub fn from_catalogue(catalogue: Catalogue) -> Result<Self, CoreError> {
        let issued_at = unix_day(&catalogue.meta.issued_at).unwrap_or(0);
        let expires_at = issued_at + i64::from(catalogue.meta.valid_days) * 86_400;
        let header = BundleHeader::unsigned(&catalogue, issued_at, expires_at);
        Self::build(catalogue, header)
    }

    fn from_verified(bundle: Bundle) -> Result<Self, CoreError> {
        Self::build(bundle.payload, bundle.header)
    }

    fn build(catalogue: Catalogue, header: BundleHeader) -> Result<Self, CoreError> {
        let index = Index::build(&catalogue)?;
        Ok(Checker {
            catalogue,
            index,
            header,
        })
    }

    /// Checks a message (SMS, chat) and, when known, its sender (a number or a brandname).
    pub fn check_sms(&self, sender: Option<&str>, text: &str) -> Verdict {
        let hits = sms::hits(sender, text, &self.index);
        self.context(Some(text), None).verdict(hits)
    }

    /// Checks a caller's number.
    pub fn check_number(&self, input: &str) -> Result<Verdict, CoreError> {
        let parsed = number::parse(input, &self.index.numbers)?;
        let mut hits = Vec::new();
        number::hits(&parsed, &self.index, &mut hits);
        let numbers = &self.index.numbers;
        let service = numbers.services.get(&parsed.national);
        let facts = NumberFacts {
            normalised: parsed.normalised(),
            kind: parsed.kind,
            country_code: parsed.country_code,
            carrier_hint: numbers.carrier(&parsed.national).map(str::to_owned),
            official_entity: service
                .and_then(|s| s.entity)
                .map(|e| self.catalogue.entities[e].name.clone()),
            service_vi: service.map(|s| s.name_vi.clone()),
            service_en: service.map(|s| s.name_en.clone()),
            converted_from_legacy: parsed.converted_from_legacy,
        };
        Ok(self.context(None, Some(facts)).verdict(hits))
    }

    /// Checks a link (with or without `https://`).
    pub fn check_link(&self, url: &str) -> Result<Verdict, CoreError> {
        let mut hits = Vec::new();
        link::hits(url, &self.index, None, &mut hits)?;
        Ok(self.context(None, None).verdict(hits))
    }

    fn context<'a>(&'a self, text: Option<&'a str>, number: Option<NumberFacts>) -> Context<'a> {
        Context {
            catalogue: &self.catalogue,
            index: &self.index,
            text,
            number,
        }
    }

    /// Version, validity, counts and change log of the catalogue in use.
    pub fn info(&self) -> CatalogueInfo {
        catalogue_info(
            &self.catalogue,
            &self.header,
            self.header.key_id == dev_key().id(),
        )
    }

    /// The scam methods, for the learning screen.
    pub fn categories(&self) -> Vec<CategoryInfo> {
        self.catalogue.categories.clone()
    }

    /// The catalogue itself.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// A text for people from the catalogue (`verdict.scam`…).
    pub fn text(&self, key: &str) -> Text {
        self.catalogue.text(key)
    }

    /// The same checker with one normalisation trick turned off, to show what each trick catches.
    #[doc(hidden)]
    pub fn without_trick(&self, trick: Trick) -> Result<Checker, CoreError> {
        let normaliser = Normaliser::new(&self.catalogue.normalisation).without(trick);
        let index = Index::build_with(&self.catalogue, normaliser)?;
        Ok(Checker {
            catalogue: self.catalogue.clone(),
            index,
            header: self.header,
        })
    }

    /// Replaces the number blocklist (benchmarks measure lookups in a million entries).
    #[doc(hidden)]
    pub fn set_blocked_numbers_for_bench(&mut self, numbers: &[&str]) {
        let keys = numbers
            .iter()
            .filter_map(|n| number::parse(n, &self.index.numbers).ok().map(|p| p.key))
            .collect();
        self.index.numbers.set_blocked(keys);
    }
}

/// Unix seconds now (0 if the clock is before 1970).
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
