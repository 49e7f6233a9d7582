//! The [`Checker`]: a verified catalogue compiled for speed, and the three checks residents use.
//! Immutable once built, so one instance serves every thread.

use std::time::{SystemTime, UNIX_EPOCH};

use canhgiac_catalogue::bundle::{unix_day, OpenPolicy};
use canhgiac_catalogue::model::{Catalogue, Text};
use canhgiac_catalogue::{Bundle, BundleHeader};

use crate::engine::verdict::Verdict;
use crate::engine::Engine;
use crate::error::CoreError;
use crate::info::{catalogue_info, CatalogueInfo, CategoryInfo};
use crate::trust::{dev_key, trusted_keys, EMBEDDED_BUNDLE};

/// Checks messages, numbers and links against one catalogue.
pub struct Checker {
    catalogue: Catalogue,
    engine: Engine,
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
        let engine = Engine::new(&catalogue)?;
        Ok(Checker {
            catalogue,
            engine,
            header,
        })
    }

    /// Checks a message (SMS, chat) and, when known, its sender (a number or a brandname).
    pub fn check_sms(&self, sender: Option<&str>, text: &str) -> Verdict {
        self.engine.check_sms(sender, text)
    }

    /// Checks a caller's number.
    pub fn check_number(&self, input: &str) -> Result<Verdict, CoreError> {
        self.engine.check_number(input)
    }

    /// Checks a link (with or without `https://`).
    pub fn check_link(&self, url: &str) -> Result<Verdict, CoreError> {
        self.engine.check_link(url)
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

    /// The engine, for the trainer's reading of messages.
    #[cfg(feature = "training")]
    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// A text for people from the catalogue (`verdict.scam`…).
    pub fn text(&self, key: &str) -> Text {
        self.catalogue.text(key)
    }

    /// The same checker with one normalisation trick turned off, to show what each trick
    /// catches (tests).
    #[cfg(feature = "test-hooks")]
    pub fn without_trick(&self, trick: crate::normalise::Trick) -> Result<Checker, CoreError> {
        let normaliser = crate::normalise::Normaliser::new(&self.catalogue.normalisation);
        Ok(Checker {
            engine: Engine::with_normaliser(&self.catalogue, normaliser.without(trick))?,
            catalogue: self.catalogue.clone(),
            header: self.header,
        })
    }

    /// Replaces the number blocklist (benchmarks measure lookups in a million entries).
    #[cfg(feature = "test-hooks")]
    pub fn set_blocked_numbers_for_bench(&mut self, numbers: &[&str]) {
        self.engine.set_blocked_numbers(numbers);
    }
}

/// Unix seconds now (0 if the clock is before 1970).
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
