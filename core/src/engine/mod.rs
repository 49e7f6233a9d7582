//! The check engine, pure and synchronous: a message, a number or a link goes through
//! normalisation ([`normalise`]), the compiled catalogue (`compiled`), the detectors (`detect`),
//! becomes evidence (`evidence`), is scored (`score`) and comes out as an explained
//! [`Verdict`](verdict::Verdict). No I/O, no clock, no threads: a check takes microseconds and
//! cannot fail on a message.

pub(crate) mod compiled;
pub(crate) mod detect;
pub(crate) mod evidence;
pub(crate) mod message;
pub mod normalise;
pub(crate) mod score;
pub(crate) mod verdict;

use canhgiac_catalogue::model::Catalogue;

use crate::error::CoreError;
use compiled::Compiled;
use detect::{link, number, sms};
use evidence::MessageEvidence;
use score::Context;
use verdict::{NumberFacts, Verdict};

/// One catalogue, compiled, and the three checks on it.
pub(crate) struct Engine {
    compiled: Compiled,
}

impl Engine {
    /// Compiles `catalogue`.
    pub fn new(catalogue: &Catalogue) -> Result<Self, CoreError> {
        Ok(Engine {
            compiled: Compiled::build(catalogue)?,
        })
    }

    /// Compiles `catalogue` with `normaliser` (one with a trick turned off, in tests).
    #[cfg(feature = "test-hooks")]
    pub fn with_normaliser(
        catalogue: &Catalogue,
        normaliser: normalise::Normaliser,
    ) -> Result<Self, CoreError> {
        Ok(Engine {
            compiled: Compiled::build_with(catalogue, normaliser)?,
        })
    }

    /// Checks a message and, when known, its sender (a number or a brandname).
    pub fn check_sms(&self, sender: Option<&str>, text: &str) -> Verdict {
        let evidence = sms::evidence(sender, text, &self.compiled);
        self.context(Some(text), None).verdict(evidence)
    }

    /// Checks a caller's number.
    pub fn check_number(&self, input: &str) -> Result<Verdict, CoreError> {
        let compiled = &self.compiled;
        let numbers = compiled.numbers();
        let parsed = numbers.parse(input)?;
        let mut hits = Vec::new();
        number::hits(&parsed, numbers, &mut hits);
        let service = numbers.service(&parsed);
        let facts = NumberFacts {
            normalised: parsed.normalised(),
            kind: parsed.kind,
            country_code: parsed.country_code,
            carrier_hint: numbers.carrier(&parsed).map(str::to_owned),
            official_entity: service
                .and_then(|s| s.entity)
                .map(|e| compiled.entities().name(e).to_owned()),
            service_vi: service.map(|s| s.name_vi.clone()),
            service_en: service.map(|s| s.name_en.clone()),
            converted_from_legacy: parsed.converted_from_legacy,
        };
        Ok(self
            .context(None, Some(facts))
            .verdict(MessageEvidence::of(hits)))
    }

    /// Checks a link (with or without `https://`).
    pub fn check_link(&self, url: &str) -> Result<Verdict, CoreError> {
        let mut hits = Vec::new();
        link::hits(url, &self.compiled, None, &mut hits)?;
        Ok(self.context(None, None).verdict(MessageEvidence::of(hits)))
    }

    /// The compiled catalogue (the trainer reads messages through it).
    #[cfg(feature = "training")]
    pub(crate) fn compiled(&self) -> &Compiled {
        &self.compiled
    }

    fn context<'a>(&'a self, text: Option<&'a str>, number: Option<NumberFacts>) -> Context<'a> {
        Context {
            compiled: &self.compiled,
            text,
            number,
        }
    }

    /// Replaces the number blocklist (benchmarks measure lookups in a million entries).
    #[cfg(feature = "test-hooks")]
    pub fn set_blocked_numbers(&mut self, numbers: &[&str]) {
        self.compiled.set_blocked_numbers(numbers);
    }
}
