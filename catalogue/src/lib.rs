//! The Cảnh Giác scam-pattern catalogue.
//!
//! Three things live here, and nothing else:
//! - [`model`]: the catalogue as data (categories, entities, signals, rules, number plan, blocklists);
//! - [`source`]: the compiler from the human-edited TOML under `assets/catalogue/` to that model;
//! - [`bundle`] and [`keys`]: the signed, versioned binary bundle the phones receive.
//!
//! It is its own crate because `canhgiac-core`'s build script compiles and embeds the default
//! bundle, and a build script cannot depend on the crate it builds.

pub mod bundle;
pub mod codes;
pub mod error;
pub mod keys;
pub mod model;
pub mod source;

pub use bundle::{Bundle, BundleHeader, FORMAT_VERSION};
pub use error::{BundleError, SourceError};
pub use keys::{KeyPair, PublicKey};
pub use model::Catalogue;
