//! Cảnh Giác mobile library: the one `cdylib`/`staticlib` the Android and iOS apps link, a thin
//! uniffi façade over `canhgiac-core`.
//!
//! - [`Checker`]: the three checks and what the apps show about the catalogue;
//! - [`CanhGiacError`]: the one public error type, mapped from the core's errors in one place;
//! - `guard`: every exported call runs inside it, so a panic becomes [`CanhGiacError::Internal`]
//!   instead of unwinding into Kotlin or Swift (where it would crash the app).
//!
//! Later issues add the tip queue and the sync client here as further objects. They wait on the
//! network and on disk, so they will be `async` methods driven by a tokio runtime owned by the core
//! (Kotlin sees `suspend`, Swift `async`), and long-running work will return a handle object that
//! cancels the work when the platform drops it.

uniffi::setup_scaffolding!();

mod checker;
mod error;
mod guard;
mod types;

pub use checker::Checker;
pub use error::CanhGiacError;
