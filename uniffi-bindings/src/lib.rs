//! Cảnh Giác mobile library: the one `cdylib`/`staticlib` the Android and iOS apps link, a thin
//! uniffi façade over `canhgiac-core`.
//!
//! - [`Checker`]: the three checks and what the apps show about the catalogue;
//! - `scan`: [`Checker::scan_messages`], many messages on a thread of their own, reported to a
//!   [`ScanListener`] and stopped through a [`ScanHandle`] (which cancels when dropped);
//! - `clock`: the [`Clock`] the app gives to [`Checker::from_bundle_at`];
//! - [`CanhGiacError`]: the one public error type, mapped from the core's errors in one place;
//!   [`CallbackError`]: what a method the app implements fails with;
//! - `guard`: every exported call runs inside it, so a panic becomes [`CanhGiacError::Internal`]
//!   instead of unwinding into Kotlin or Swift (where it would crash the app).
//!
//! Later issues add the tip queue and the sync client here as further objects. They wait on the
//! network and on disk, so they will be `async` methods driven by a tokio runtime owned by the core
//! (Kotlin sees `suspend`, Swift `async`); long-running work returns a handle object that cancels
//! the work when the platform drops it, as [`ScanHandle`] does.

uniffi::setup_scaffolding!();

mod callback_error;
mod checker;
mod clock;
mod error;
mod guard;
mod scan;
mod types;

pub use callback_error::CallbackError;
pub use checker::Checker;
pub use clock::Clock;
pub use error::CanhGiacError;
pub use scan::{MessageToScan, ScanEnd, ScanHandle, ScanListener};
