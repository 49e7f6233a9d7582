//! The detectors: each turns one kind of input into evidence ([`Hit`](crate::engine::evidence::Hit)s)
//! for the scorer.
//!
//! `sms` reads a message (its phrases and patterns in `phrases`, combos and the things it quotes
//! found by `extract`), `link` a web address, `number` a caller's number, `sender` who sent a
//! message; `fired` and `workspace` hold what a check writes on its way.

pub(crate) mod extract;
pub(crate) mod fired;
pub(crate) mod link;
pub(crate) mod number;
pub(crate) mod phrases;
pub(crate) mod sender;
pub(crate) mod sms;
pub(crate) mod workspace;
