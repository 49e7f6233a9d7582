//! The exported [`Checker`]: the core's checker behind an `Arc`, each call guarded.

use canhgiac_core::{CatalogueInfo, CategoryInfo, Verdict};

use crate::guard::guard;
use crate::CanhGiacError;

/// Checks messages, caller numbers and links against one verified catalogue, offline.
///
/// Build one at start-up and share it: it is immutable and safe to call from any thread at once.
/// Building it compiles the catalogue (tens of milliseconds), so do that off the UI thread; each
/// check then takes microseconds.
#[derive(uniffi::Object)]
pub struct Checker {
    pub(crate) inner: canhgiac_core::Checker,
    // Computed once when built, so that these two calls cannot fail afterwards.
    info: CatalogueInfo,
    categories: Vec<CategoryInfo>,
}

#[uniffi::export]
impl Checker {
    /// A checker on the catalogue compiled into the library.
    #[uniffi::constructor]
    pub fn new() -> Result<Self, CanhGiacError> {
        guard(|| Ok(Self::wrap(canhgiac_core::Checker::embedded()?)))
    }

    /// A checker on a downloaded signed bundle, verified against the keys pinned in the library
    /// at the phone's current time. Refused (see [`CanhGiacError`]) when the signature is bad or
    /// from an unknown key, when it is expired or not yet valid, when it is older than
    /// `installed_version` or than the embedded catalogue (a rollback), or when malformed. On
    /// refusal keep using the checker you have.
    #[uniffi::constructor]
    pub fn from_bundle(
        bytes: Vec<u8>,
        installed_version: Option<u64>,
    ) -> Result<Self, CanhGiacError> {
        guard(|| {
            let now = canhgiac_core::now_unix();
            let inner = canhgiac_core::Checker::from_bundle(&bytes, installed_version, now)?;
            Ok(Self::wrap(inner))
        })
    }

    /// Checks a message (SMS, chat) and, when known, its sender (a number or a brandname).
    ///
    /// Any text is a valid message, so this fails only on a bug inside the library
    /// ([`CanhGiacError::Internal`]). It still returns a `Result` rather than a fallback verdict:
    /// "safe" would reassure wrongly, and any other verdict would be made up.
    pub fn check_sms(
        &self,
        sender: Option<String>,
        text: String,
    ) -> Result<Verdict, CanhGiacError> {
        guard(|| Ok(self.inner.check_sms(sender.as_deref(), &text)))
    }

    /// Checks a caller's number (`0912 345 678`, `+84912345678`, `113`…). Fails with
    /// [`CanhGiacError::InvalidNumber`] when the input is not a phone number.
    pub fn check_number(&self, number: String) -> Result<Verdict, CanhGiacError> {
        guard(|| Ok(self.inner.check_number(&number)?))
    }

    /// Checks a link, with or without `https://`. Fails with [`CanhGiacError::InvalidLink`] when
    /// the input is not a web address.
    pub fn check_link(&self, url: String) -> Result<Verdict, CanhGiacError> {
        guard(|| Ok(self.inner.check_link(&url)?))
    }

    /// Version, validity, counts and change log of the catalogue in use.
    pub fn catalogue_info(&self) -> CatalogueInfo {
        self.info.clone()
    }

    /// The scam methods with their explanations and quiz, for the learning screen.
    pub fn categories(&self) -> Vec<CategoryInfo> {
        self.categories.clone()
    }
}

impl Checker {
    pub(crate) fn wrap(inner: canhgiac_core::Checker) -> Self {
        Checker {
            info: inner.info(),
            categories: inner.categories(),
            inner,
        }
    }
}
