//! Errors of the catalogue crate. They name what is wrong and where (a file, an id), never the
//! content of a message or a number.

use thiserror::Error;

/// Why a bundle was refused. Each refusal has its own variant so the app can tell the person
/// (and the sync log can tell the district) what happened.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BundleError {
    #[error("the bundle is truncated ({len} bytes)")]
    Truncated { len: usize },
    #[error("this is not a Cảnh Giác bundle (bad magic bytes)")]
    BadMagic,
    #[error("bundle format version {found} is not supported (this app reads version {supported})")]
    UnsupportedFormat { found: u16, supported: u16 },
    #[error("the bundle is signed by a key this app does not trust")]
    UnknownKey,
    #[error("the bundle's signature is invalid (tampered or corrupted)")]
    BadSignature,
    #[error("the bundle expired at {expires_at} (unix seconds)")]
    Expired { expires_at: i64 },
    #[error("the bundle is not yet valid (issued at {issued_at}, unix seconds)")]
    NotYetValid { issued_at: i64 },
    #[error("rollback refused: bundle version {offered} is older than version {installed}")]
    Rollback { installed: u64, offered: u64 },
    #[error("the bundle is malformed: {reason}")]
    Malformed { reason: String },
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
