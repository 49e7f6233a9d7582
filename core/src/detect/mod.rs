//! The detectors: each turns one kind of input into evidence ([`Hit`]s) for the scorer.

pub(crate) mod calling_code;
pub(crate) mod extract;
pub(crate) mod link;
pub(crate) mod number;
pub(crate) mod sender;
pub(crate) mod sms;
pub(crate) mod workspace;
