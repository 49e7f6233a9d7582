//! The memory a message check writes on its way (the normalised text, the phrase matches, the
//! patterns matched, the signals fired), kept per thread and reused by the next message: a check
//! then asks the allocator mostly for the verdict it returns.

use std::cell::RefCell;

use super::fired::Fired;
use crate::engine::compiled::{MatchedPatterns, Matches, SetsMet, WordingBuffers};
use crate::engine::normalise::{self, Normalised};

/// A message longer than this (an SMS is a few hundred bytes) is checked in buffers of its own,
/// let go afterwards: the buffers grow with the text, several bytes for each of its bytes, and a
/// thread keeps only what ordinary messages need.
const LONG_MESSAGE: usize = 8 * 1024;

/// The buffers of one check. Each user clears what it takes.
#[derive(Default)]
pub(crate) struct Workspace {
    pub normalising: normalise::Buffers,
    pub normalised: Normalised,
    pub matches: Matches,
    pub matched_patterns: MatchedPatterns,
    pub fired: Fired,
    pub met: SetsMet,
    pub wording: WordingBuffers,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::default());
}

/// Runs `check` of `message` with this thread's workspace; with a fresh one for a long message,
/// or when this thread's is in use or already gone (a check from a thread-local destructor).
pub(crate) fn with_workspace<R>(message: &str, check: impl Fn(&mut Workspace) -> R) -> R {
    if message.len() > LONG_MESSAGE {
        return check(&mut Workspace::default());
    }
    WORKSPACE
        .try_with(|cell| {
            let mut workspace = cell.try_borrow_mut().ok()?;
            Some(check(&mut workspace))
        })
        .ok()
        .flatten()
        .unwrap_or_else(|| check(&mut Workspace::default()))
}
