//! The Cảnh Giác scam-pattern catalogue.
//!
//! What the phone library builds:
//! - [`model`]: the catalogue as data (categories, entities, signals, rules, number plan, blocklists);
//! - [`signed`] and [`keys`]: the signed, versioned envelope of everything the district publishes,
//!   and [`bundle`], the catalogue in it: the one binary file the phones accept as a catalogue;
//! - [`pattern`]: how signal patterns compile, the same for the validator and the core;
//! - [`dates`]: calendar days and the unix seconds headers carry.
//!
//! Behind the `authoring` feature, for the tools that write catalogues and never for the phone:
//! `source` (the compiler from the human-edited TOML under `assets/catalogue/`), `validate` (what
//! it checks) and `KeyPair::generate`.
//!
//! It is its own crate because `canhgiac-core`'s build script compiles and embeds the default
//! bundle, and a build script cannot depend on the crate it builds.

pub mod bundle;
pub mod codes;
pub mod dates;
pub mod error;
pub mod keys;
pub mod model;
pub mod pattern;
pub mod signed;
#[cfg(feature = "authoring")]
pub mod source;
#[cfg(feature = "authoring")]
pub mod validate;

pub use bundle::{Bundle, BundleHeader, FORMAT_VERSION};
pub use error::{BundleError, SourceError};
pub use keys::{KeyPair, PublicKey};
pub use model::Catalogue;
pub use signed::{Header, OpenPolicy, Publication, Signed};
