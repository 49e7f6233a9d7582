//! Cảnh Giác core: everything a phone needs to give an instant, offline, explained verdict on a
//! message, a caller number or a link.
//!
//! - [`Checker`]: a verified catalogue and the three checks;
//! - [`Verdict`] and friends: what a check returns;
//! - [`normalise`]: the Vietnamese normaliser every text goes through;
//! - [`CatalogueInfo`], [`CategoryInfo`]: what the apps show about the catalogue.
//!
//! Inside, `engine` is the check engine (pure and synchronous: normalise → compiled catalogue →
//! detectors → evidence → score → verdict) and `trust` pins the keys and the embedded bundle.
//! ARCHITECTURE.md at the repository's root gives the layers and where each change goes.

mod checker;
mod engine;
mod error;
mod info;
mod shared_text;
#[cfg(feature = "training")]
mod training;
mod trust;

pub use canhgiac_catalogue::BundleError;
pub use checker::{now_unix, Checker};
pub use engine::normalise;
pub use engine::verdict::{
    CategoryRef, NumberFacts, NumberKind, Reason, Span, Verdict, VerdictLevel,
};
pub use error::CoreError;
pub use info::{CatalogueInfo, CategoryInfo, ChangeEntry, QuizInfo};
pub use shared_text::SharedText;
#[cfg(feature = "training")]
pub use training::ModelFeatures;
pub use trust::{dev_key, trusted_keys};
