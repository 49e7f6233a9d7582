//! Cảnh Giác core: everything a phone needs to give an instant, offline, explained verdict on a
//! message, a caller number or a link.
//!
//! - [`normalise`]: the Vietnamese normaliser every text goes through;
//! - [`Checker`]: a verified catalogue and the three checks;
//! - [`Verdict`] and friends: what a check returns;
//! - [`CatalogueInfo`], [`CategoryInfo`]: what the apps show about the catalogue.
//!
//! Internals: `index` compiles the catalogue for speed, `detect` holds one detector per input kind,
//! `score` turns evidence into an explained verdict, `trust` pins keys and the embedded bundle.

mod checker;
mod detect;
mod error;
mod index;
mod info;
pub mod normalise;
mod score;
mod shared_text;
mod trust;
mod verdict;

pub use canhgiac_catalogue as catalogue;
pub use checker::{now_unix, Checker};
pub use error::CoreError;
pub use info::{CatalogueInfo, CategoryInfo, ChangeEntry, QuizInfo};
pub use shared_text::SharedText;
pub use trust::{dev_key, trusted_keys};
pub use verdict::{CategoryRef, NumberFacts, NumberKind, Reason, Span, Verdict, VerdictLevel};
