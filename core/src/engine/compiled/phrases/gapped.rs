//! Phrases written in parts that may stand a few words apart (`"tài khoản … bị khóa"` matches
//! "tài khoản của quý khách đã bị khóa"). Each part is a phrase of the trie of its own; after the
//! walk, the parts found are joined into a match of the whole when each follows the one before
//! within the gap, in the same sentence, and no negation stands between them ("tài khoản của bạn
//! không bị khóa" says the opposite).

use super::vocabulary::Word;
use super::{Match, Target};
use crate::engine::message::Message;

/// A phrase in parts: the signal it belongs to and how many parts it has.
#[derive(Debug, Clone, Copy)]
pub(super) struct Gapped {
    pub signal: usize,
    pub parts: u32,
}

/// A part found in a message: which phrase, which of its parts, and the words it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct PartMatch {
    pub gapped: u32,
    pub index: u32,
    pub first: u32,
    pub last: u32,
}

/// Joins the `parts` found into whole matches pushed onto `found`. `words` are the message's
/// words as the vocabulary knows them (for the negations between parts); `gap` is how many words
/// may stand between two parts. `parts` is sorted on the way.
pub(super) fn join(
    parts: &mut [PartMatch],
    phrases: &[Gapped],
    gap: usize,
    words: &[Option<Word>],
    message: Message,
    found: &mut Vec<Match>,
) {
    if parts.is_empty() {
        return;
    }
    parts.sort_unstable();
    let normalised = message.normalised;
    for start in 0..parts.len() {
        let head = parts[start];
        if head.index != 0 {
            continue;
        }
        let Some(phrase) = phrases.get(head.gapped as usize) else {
            continue;
        };
        let mut last = head.last;
        let mut joined = true;
        for index in 1..phrase.parts {
            // The earliest next part that starts after `last` and within the gap.
            let from = parts
                .partition_point(|p| (p.gapped, p.index, p.first) <= (head.gapped, index, last));
            let next = parts[from..].iter().find(|p| {
                p.gapped == head.gapped
                    && p.index == index
                    && (p.first - last - 1) as usize <= gap
                    && !apart(words, message, last, p.first)
            });
            match next {
                Some(p) if p.gapped == head.gapped && p.index == index => last = p.last,
                _ => {
                    joined = false;
                    break;
                }
            }
        }
        if joined {
            found.push(Match {
                target: Target::Signal(phrase.signal),
                start: normalised.word_range(head.first as usize).start,
                end: normalised.word_range(last as usize).end,
                first_word: head.first as usize,
            });
        }
    }
}

/// True when the words between word `last` and word `next` part the two: a negation among them,
/// or the end of a sentence.
fn apart(words: &[Option<Word>], message: Message, last: u32, next: u32) -> bool {
    let (last, next) = (last as usize, next as usize);
    let negation = (last + 1..next).any(|k| words[k].is_some_and(|w| w.class.negation));
    negation || (last..next).any(|k| message.sentence_ends_after(k))
}
