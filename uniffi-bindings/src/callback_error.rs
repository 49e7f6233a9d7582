//! [`CallbackError`]: what a method the app implements (a foreign trait: [`crate::Clock`],
//! [`crate::ScanListener`]) fails with when it throws.
//!
//! The methods return `Result<_, CallbackError>` rather than a plain value so that an exception
//! thrown in Kotlin, Swift or Python arrives in Rust as an error value. Without it uniffi panics
//! on a thrown exception, and its panic message (printed by the panic hook) quotes the
//! exception's text, which may quote a message.

/// What a method implemented by the app failed with. The app need not throw it: any exception
/// thrown by a `Clock` or `ScanListener` method arrives in the library as `Threw`, its text
/// dropped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CallbackError {
    /// The app's implementation threw.
    #[error("a method implemented by the app threw")]
    Threw,
}

impl From<uniffi::UnexpectedUniFFICallbackError> for CallbackError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // The reason is the exception's text: dropped, it may quote a message.
        CallbackError::Threw
    }
}
