//! The FFI boundary: every exported call runs inside [`guard`], so a panic in the core becomes
//! [`CanhGiacError::Internal`] instead of unwinding into Kotlin or Swift. (uniffi would turn it
//! into an unexpected error too, but in Swift a non-throwing call then crashes the app.)

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use crate::CanhGiacError;

/// Runs `f`, turning a panic into [`CanhGiacError::Internal`]. The panic's own message is
/// dropped on purpose: a slicing panic, for one, quotes the string it was slicing, and errors
/// must not carry the checked text.
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, CanhGiacError>) -> Result<T, CanhGiacError> {
    quiet_panics();
    // AssertUnwindSafe: the closures only read the immutable `Checker`; no state can be left
    // half-updated by a panic.
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(CanhGiacError::Internal {
            reason: "the library hit a bug; please report it".to_owned(),
        })
    })
}

/// Replaces Rust's panic hook, once, by one that says where the library failed but not why: the
/// default hook prints the panic's message to the log, and the message can quote the checked
/// text or number.
fn quiet_panics() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            eprintln!("canhgiac: internal error at {at} (details withheld: they may quote input)");
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_internal_without_its_message() {
        let secret = "0912345678";
        let r: Result<(), _> = guard(|| panic!("bad input {secret}"));
        match r {
            Err(CanhGiacError::Internal { reason }) => assert!(!reason.contains(secret)),
            other => panic!("expected Internal, got {other:?}"),
        }
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(guard(|| Ok(7)), Ok(7));
        let e = CanhGiacError::InvalidLink {
            reason: "empty".into(),
        };
        assert_eq!(guard(|| Err::<(), _>(e.clone())), Err(e));
    }
}
