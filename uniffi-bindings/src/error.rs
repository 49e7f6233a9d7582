//! The public error type, and the one place where the core's errors are mapped to it. Like the
//! core's, its messages say what is wrong without repeating the checked number, text or link.

use canhgiac_core::BundleError;
use canhgiac_core::CoreError;

/// Why a call failed. Kotlin sees `CanhGiacException` and one subclass per variant, Swift an
/// `enum CanhGiacError: Error`, Python a `CanhGiacError` exception with one subclass per variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CanhGiacError {
    /// The input is not a phone number; `reason` says why without repeating it. Show "not a
    /// phone number" and let the person correct it.
    #[error("not a phone number: {reason}")]
    InvalidNumber { reason: String },
    /// The input is not a web address; `reason` says why without repeating it.
    #[error("not a web address: {reason}")]
    InvalidLink { reason: String },
    /// The bundle is not signed, its signature is invalid or from a key this app does not trust,
    /// or its header was damaged: it was tampered with or corrupted. Keep the catalogue in use
    /// and do not retry the same bytes.
    #[error("catalogue refused: {reason}")]
    BadSignature { reason: String },
    /// The bundle expired at `expires_at` (unix seconds): fetch a newer one.
    #[error("catalogue refused: it expired at {expires_at} (unix seconds)")]
    Expired { expires_at: i64 },
    /// The bundle is not valid before `issued_at` (unix seconds): the phone's clock is probably
    /// wrong.
    #[error("catalogue refused: not valid before {issued_at} (unix seconds)")]
    NotYetValid { issued_at: i64 },
    /// The bundle (`offered`) is older than the catalogue in use (`installed`): a rollback.
    #[error("catalogue refused: version {offered} is older than version {installed}")]
    Rollback { installed: u64, offered: u64 },
    /// The bundle is in a format version this app cannot read (`found`; it reads `supported`):
    /// the app needs an update.
    #[error("catalogue refused: format {found} is not supported (this app reads {supported})")]
    UnsupportedFormat { found: u16, supported: u16 },
    /// The bytes are not a well-formed bundle (truncated, not a bundle, or corrupted inside).
    #[error("catalogue refused: {reason}")]
    Malformed { reason: String },
    /// A bug inside the library (it panicked). Nothing about the input is included.
    #[error("internal error: {reason}")]
    Internal { reason: String },
}

impl From<CoreError> for CanhGiacError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::InvalidNumber { reason } => CanhGiacError::InvalidNumber { reason },
            CoreError::InvalidLink { reason } => CanhGiacError::InvalidLink { reason },
            CoreError::Bundle(b) => b.into(),
        }
    }
}

impl From<BundleError> for CanhGiacError {
    fn from(e: BundleError) -> Self {
        // Display of a BundleError names the problem, never the bundle's content.
        let reason = e.to_string();
        match e {
            // Not signed, an untrusted key, a signature that does not hold, a format version
            // that no trusted key signed: none of these bytes will ever be accepted.
            BundleError::NotSigned
            | BundleError::UnknownKey
            | BundleError::BadSignature
            | BundleError::DamagedHeader { .. } => CanhGiacError::BadSignature { reason },
            BundleError::Expired { expires_at } => CanhGiacError::Expired { expires_at },
            BundleError::NotYetValid { issued_at } => CanhGiacError::NotYetValid { issued_at },
            BundleError::Rollback { installed, offered } => {
                CanhGiacError::Rollback { installed, offered }
            }
            BundleError::UnsupportedFormat { found, supported } => {
                CanhGiacError::UnsupportedFormat { found, supported }
            }
            BundleError::Truncated { .. }
            | BundleError::BadMagic
            | BundleError::Malformed { .. } => CanhGiacError::Malformed { reason },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_errors_map_to_actionable_variants() {
        let e: CanhGiacError = CoreError::Bundle(BundleError::UnknownKey).into();
        assert!(matches!(e, CanhGiacError::BadSignature { .. }));
        let e: CanhGiacError = BundleError::DamagedHeader { found: 257 }.into();
        assert!(
            matches!(e, CanhGiacError::BadSignature { ref reason } if reason.contains("damaged"))
        );
        let e: CanhGiacError = BundleError::NotSigned.into();
        assert!(
            matches!(e, CanhGiacError::BadSignature { ref reason } if reason.contains("not signed"))
        );
        let e: CanhGiacError = BundleError::BadMagic.into();
        assert!(matches!(e, CanhGiacError::Malformed { .. }));
        let e: CanhGiacError = BundleError::Rollback {
            installed: 3,
            offered: 2,
        }
        .into();
        assert_eq!(
            e,
            CanhGiacError::Rollback {
                installed: 3,
                offered: 2
            }
        );
    }
}
