//! The core's error type. Messages name what is wrong with an input, never the input itself: a
//! phone number or message text must not end up in a log.

use canhgiac_catalogue::BundleError;
use thiserror::Error;

/// Why a check or a catalogue load failed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CoreError {
    /// The input is not a phone number (`reason` says why, without repeating it).
    #[error("not a phone number: {reason}")]
    InvalidNumber { reason: String },
    /// The input is not a web address.
    #[error("not a web address: {reason}")]
    InvalidLink { reason: String },
    /// A bundle was refused.
    #[error(transparent)]
    Bundle(#[from] BundleError),
}

impl CoreError {
    pub(crate) fn number(reason: &str) -> Self {
        CoreError::InvalidNumber {
            reason: reason.to_owned(),
        }
    }

    pub(crate) fn link(reason: &str) -> Self {
        CoreError::InvalidLink {
            reason: reason.to_owned(),
        }
    }
}
