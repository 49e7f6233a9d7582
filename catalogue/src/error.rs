//! Errors of the catalogue crate. They name what is wrong and where (a file, an id, a key id, a
//! date), never the content of a message or a number.

use thiserror::Error;

use crate::dates::civil_date;

/// Why a signed file (a catalogue bundle) was refused. Each refusal has its own variant so the
/// app can tell the person (and the sync log can tell the district) what happened.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Shorter than its header and signature, or than the payload length it states.
    #[error("the bundle is truncated ({len} bytes)")]
    Truncated { len: usize },
    /// The kind tag is not the one expected (not a bundle, or another kind of file).
    #[error("this is not a Cảnh Giác bundle (bad magic bytes)")]
    BadMagic,
    /// A newer format, signed by a trusted key: the app needs an update to read it.
    #[error("bundle format version {found} is not supported (this app reads version {supported}); a newer app is needed")]
    UnsupportedFormat { found: u16, supported: u16 },
    /// The header names a format no trusted key signed: it was damaged or edited after signing
    /// (one flipped bit turns version 1 into 257), so an update would not help.
    #[error("the bundle's header is damaged or was tampered with: it names format version {found}, which its signature does not cover")]
    DamagedHeader { found: u16 },
    /// No key id and no signature: the output of `catalogue build` without a key.
    #[error("the bundle is not signed")]
    NotSigned,
    /// Signed by a key that is not among the trusted ones.
    #[error("the bundle is signed by a key this app does not trust")]
    UnknownKey,
    /// The signature does not hold for the key the header names.
    #[error("the bundle's signature is invalid (tampered or corrupted)")]
    BadSignature,
    /// Past its validity window.
    #[error("the bundle expired on {} (UTC)", day(.expires_at))]
    Expired { expires_at: i64 },
    /// Issued more than a day after the phone's clock.
    #[error("the bundle is not valid before {} (UTC)", day(.issued_at))]
    NotYetValid { issued_at: i64 },
    /// Older than the version already installed.
    #[error("rollback refused: bundle version {offered} is older than version {installed}")]
    Rollback { installed: u64, offered: u64 },
    /// Well signed but inconsistent, or not decodable.
    #[error("the bundle is malformed: {reason}")]
    Malformed { reason: String },
}

/// The day (UTC) of a header's seconds, for messages.
fn day(seconds: &i64) -> String {
    civil_date(*seconds)
}

/// Why the TOML sources did not compile.
#[derive(Debug, Error)]
pub enum SourceError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Syntax { path: String, message: String },
    #[error("invalid catalogue: {0}")]
    Invalid(String),
}
