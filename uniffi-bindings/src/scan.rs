//! Scanning many messages at once ("scan my inbox" when the app is first installed): a scan runs
//! on a thread of its own, reports to a [`ScanListener`] the app implements, and is stopped
//! through the [`ScanHandle`] it returns, which also stops it when dropped.
//!
//! A plain thread, not an async task: the check engine is synchronous and takes microseconds per
//! message, so there is nothing to await; the cancel flag is read between two messages.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use canhgiac_core::{Verdict, VerdictLevel};

use crate::guard::guard;
use crate::{CallbackError, CanhGiacError, Checker};

/// Progress is reported after every this many messages: often enough for a progress bar, rarely
/// enough that the calls into the app (tens of microseconds each) do not outweigh the checks.
const PROGRESS_EVERY: u64 = 100;

/// One message to scan: its text and, when known, its sender (a number or a brandname).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageToScan {
    /// The number or brandname it came from, when known.
    pub sender: Option<String>,
    /// The message's text.
    pub text: String,
}

/// How a scan ended; given once, last, to [`ScanListener::on_end`].
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum ScanEnd {
    /// Every message was checked: `scanned` of them, `flagged` not safe.
    Finished { scanned: u64, flagged: u64 },
    /// Stopped by `ScanHandle.cancel()` or by dropping the handle, after `scanned` messages.
    Cancelled { scanned: u64, flagged: u64 },
    /// Stopped by a bug in the library (`error` is `Internal`) while checking message number
    /// `scanned` (counted from 0); the messages before it were reported.
    Failed {
        scanned: u64,
        flagged: u64,
        error: CanhGiacError,
    },
    /// Stopped because a method of the listener threw, after `scanned` messages.
    ListenerFailed { scanned: u64, flagged: u64 },
}

/// What the app implements to follow a scan. The methods are called on the scan's own thread,
/// one at a time, in order: post to the UI thread from them. Whatever one throws stops the scan
/// (`ScanEnd.ListenerFailed`); it never crashes the library.
#[uniffi::export(foreign)]
pub trait ScanListener: Send + Sync {
    /// Message number `index` (in the list given to `scan_messages`) is not safe: `verdict` says
    /// why. Safe messages are not reported.
    fn on_flagged(&self, index: u64, verdict: Verdict) -> Result<(), CallbackError>;
    /// `scanned` of `total` messages are checked (every 100 messages).
    fn on_progress(&self, scanned: u64, total: u64) -> Result<(), CallbackError>;
    /// The scan is over; nothing else is reported after this.
    fn on_end(&self, end: ScanEnd) -> Result<(), CallbackError>;
}

/// A scan in progress. Keep it for as long as the scan should run: dropping it (Kotlin `close()`,
/// Swift releasing it) cancels the scan, like `cancel()`.
#[derive(Debug, uniffi::Object)]
pub struct ScanHandle {
    cancelled: Arc<AtomicBool>,
}

#[uniffi::export]
impl ScanHandle {
    /// Stops the scan before its next message; the listener then gets `ScanEnd.Cancelled`. Does
    /// nothing once the scan has ended; calling it twice is harmless. Returns at once, without
    /// waiting for the scan's thread.
    pub fn cancel(&self) {
        // Not guarded: one atomic store cannot panic.
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

impl Drop for ScanHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[uniffi::export]
impl Checker {
    /// Checks `messages` on a thread of its own and reports to `listener` each message that is
    /// not safe, the progress, and the end (finished, cancelled, or failed). Returns at once with
    /// the scan's handle: keep it, dropping it cancels the scan. The verdicts are the ones
    /// `check_sms` gives. Fails (`Internal`) only if no thread can be started.
    pub fn scan_messages(
        self: Arc<Self>,
        messages: Vec<MessageToScan>,
        listener: Arc<dyn ScanListener>,
    ) -> Result<Arc<ScanHandle>, CanhGiacError> {
        guard(|| {
            let cancelled = Arc::new(AtomicBool::new(false));
            let flag = Arc::clone(&cancelled);
            std::thread::Builder::new()
                .name("canhgiac-scan".to_owned())
                .spawn(move || {
                    let check =
                        |m: &MessageToScan| self.inner.check_sms(m.sender.as_deref(), &m.text);
                    let end = run(&messages, check, listener.as_ref(), &flag);
                    // The scan is over whatever this returns: a listener that throws here has
                    // nothing left to stop.
                    let _ = call(|| listener.on_end(end));
                })
                .map_err(|_| CanhGiacError::Internal {
                    reason: "could not start the scan's thread".to_owned(),
                })?;
            Ok(Arc::new(ScanHandle { cancelled }))
        })
    }
}

/// Checks `messages` in order until done, cancelled, or stopped by a failure; reports flagged
/// verdicts and progress to `listener`; returns how it ended (for `on_end`, which the caller
/// makes). Each check runs inside `guard`, so a panic stops the scan instead of its thread.
fn run(
    messages: &[MessageToScan],
    check: impl Fn(&MessageToScan) -> Verdict,
    listener: &dyn ScanListener,
    cancelled: &AtomicBool,
) -> ScanEnd {
    let total = messages.len() as u64;
    let mut flagged = 0;
    for (scanned, message) in (0..).zip(messages) {
        if cancelled.load(Ordering::Relaxed) {
            return ScanEnd::Cancelled { scanned, flagged };
        }
        let verdict = match guard(|| Ok(check(message))) {
            Ok(verdict) => verdict,
            Err(error) => {
                return ScanEnd::Failed {
                    scanned,
                    flagged,
                    error,
                }
            }
        };
        if verdict.level != VerdictLevel::Safe {
            flagged += 1;
            if !call(|| listener.on_flagged(scanned, verdict)) {
                return ScanEnd::ListenerFailed {
                    scanned: scanned + 1,
                    flagged,
                };
            }
        }
        let done = scanned + 1;
        if done % PROGRESS_EVERY == 0 && !call(|| listener.on_progress(done, total)) {
            return ScanEnd::ListenerFailed {
                scanned: done,
                flagged,
            };
        }
    }
    ScanEnd::Finished {
        scanned: total,
        flagged,
    }
}

/// Calls the listener; `false` if it threw (or, against uniffi's contract, its call panicked).
fn call(f: impl FnOnce() -> Result<(), CallbackError>) -> bool {
    // AssertUnwindSafe: nothing of the scan is shared with the listener call but its arguments.
    matches!(catch_unwind(AssertUnwindSafe(f)), Ok(Ok(())))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// Records what it is told; throws (returns an error) from `on_flagged` if asked to.
    #[derive(Default)]
    struct Recorder {
        flagged: Mutex<Vec<(u64, Verdict)>>,
        progress: Mutex<Vec<u64>>,
        throw_on_flagged: bool,
    }

    impl ScanListener for Recorder {
        fn on_flagged(&self, index: u64, verdict: Verdict) -> Result<(), CallbackError> {
            self.flagged
                .lock()
                .expect("not poisoned")
                .push((index, verdict));
            if self.throw_on_flagged {
                return Err(CallbackError::Threw);
            }
            Ok(())
        }
        fn on_progress(&self, scanned: u64, _total: u64) -> Result<(), CallbackError> {
            self.progress.lock().expect("not poisoned").push(scanned);
            Ok(())
        }
        fn on_end(&self, _end: ScanEnd) -> Result<(), CallbackError> {
            Ok(())
        }
    }

    fn messages(n: usize) -> Vec<MessageToScan> {
        (0..n)
            .map(|i| MessageToScan {
                sender: None,
                text: if i % 3 == 0 {
                    "Vietcombank: tài khoản bị khóa, xác thực tại vietcombank-xacthuc.com".into()
                } else {
                    format!("Chiều nay {i} giờ họp lớp nhé")
                },
            })
            .collect()
    }

    fn checker() -> canhgiac_core::Checker {
        canhgiac_core::Checker::embedded().expect("the embedded catalogue loads")
    }

    #[test]
    fn a_scan_reports_what_check_sms_says() {
        let (core, msgs, listener) = (checker(), messages(250), Recorder::default());
        let check = |m: &MessageToScan| core.check_sms(m.sender.as_deref(), &m.text);
        let end = run(&msgs, check, &listener, &AtomicBool::new(false));
        let expected: Vec<(u64, Verdict)> = (0..)
            .zip(&msgs)
            .map(|(i, m)| (i, check(m)))
            .filter(|(_, v)| v.level != VerdictLevel::Safe)
            .collect();
        assert!(!expected.is_empty());
        let flagged = expected.len() as u64;
        assert_eq!(*listener.flagged.lock().expect("not poisoned"), expected);
        assert_eq!(*listener.progress.lock().expect("not poisoned"), [100, 200]);
        assert_eq!(
            end,
            ScanEnd::Finished {
                scanned: 250,
                flagged
            }
        );
    }

    #[test]
    fn a_cancelled_scan_stops_before_its_next_message() {
        let (core, listener) = (checker(), Recorder::default());
        let cancelled = AtomicBool::new(false);
        let check = |m: &MessageToScan| {
            if m.text.contains(" 43 ") {
                cancelled.store(true, Ordering::Relaxed);
            }
            core.check_sms(None, "")
        };
        let end = run(&messages(100), check, &listener, &cancelled);
        assert_eq!(
            end,
            ScanEnd::Cancelled {
                scanned: 44,
                flagged: 0
            }
        );
    }

    #[test]
    fn a_panic_ends_the_scan_as_failed() {
        let core = checker();
        let check = |m: &MessageToScan| {
            assert!(!m.text.contains("7 "), "a panic that quotes {}", m.text);
            core.check_sms(None, &m.text)
        };
        let end = run(
            &messages(20),
            check,
            &Recorder::default(),
            &AtomicBool::new(false),
        );
        match end {
            ScanEnd::Failed {
                scanned: 7,
                flagged: 3,
                error: CanhGiacError::Internal { reason },
            } => assert!(!reason.contains("họp")),
            other => panic!("expected Failed at 7, got {other:?}"),
        }
    }

    #[test]
    fn a_listener_that_throws_stops_the_scan() {
        let core = checker();
        let check = |m: &MessageToScan| core.check_sms(None, &m.text);
        let listener = Recorder {
            throw_on_flagged: true,
            ..Recorder::default()
        };
        let end = run(&messages(20), check, &listener, &AtomicBool::new(false));
        assert_eq!(
            end,
            ScanEnd::ListenerFailed {
                scanned: 1,
                flagged: 1
            }
        );
    }

    #[test]
    fn dropping_the_handle_cancels() {
        let cancelled = Arc::new(AtomicBool::new(false));
        drop(ScanHandle {
            cancelled: Arc::clone(&cancelled),
        });
        assert!(cancelled.load(Ordering::Relaxed));
    }
}
