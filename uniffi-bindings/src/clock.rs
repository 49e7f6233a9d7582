//! [`Clock`]: the time as the platform knows it, and [`Checker::from_bundle_at`], which verifies a
//! bundle's validity window against it.
//!
//! A foreign trait because only the platform knows the time reliably (network-synced, or the
//! time of a signed server response when the person's clock is wrong), and tests need a fixed
//! clock.

use std::sync::Arc;

use crate::guard::guard;
use crate::{CallbackError, CanhGiacError, Checker};

/// The current time, given by the app: network-synced time when it has it, the phone's clock
/// otherwise, a fixed time in tests.
#[uniffi::export(foreign)]
pub trait Clock: Send + Sync {
    /// Now, in seconds since 1970-01-01 UTC (Unix time).
    fn now_unix(&self) -> Result<i64, CallbackError>;
}

#[uniffi::export]
impl Checker {
    /// Like `from_bundle`, but the bundle's validity window is checked at the time `clock` gives
    /// instead of the phone's clock. Refused as `Expired` when the clock is past the bundle's
    /// expiry, as `NotYetValid` when before its issue date. If the clock throws, fails with
    /// `Internal` (reason "the clock failed").
    #[uniffi::constructor]
    pub fn from_bundle_at(
        bytes: Vec<u8>,
        installed_version: Option<u64>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, CanhGiacError> {
        guard(|| {
            let now = clock.now_unix().map_err(|_| CanhGiacError::Internal {
                reason: "the clock failed".to_owned(),
            })?;
            let inner = canhgiac_core::Checker::from_bundle(&bytes, installed_version, now)?;
            Ok(Self::wrap(inner))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Broken;
    impl Clock for Broken {
        fn now_unix(&self) -> Result<i64, CallbackError> {
            Err(CallbackError::Threw)
        }
    }

    #[test]
    fn a_clock_that_throws_is_an_internal_error() {
        // The bytes are never read: the clock is asked first.
        let r = Checker::from_bundle_at(Vec::new(), None, Arc::new(Broken));
        assert!(matches!(r, Err(CanhGiacError::Internal { .. })));
    }
}
