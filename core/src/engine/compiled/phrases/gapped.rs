//! Phrases written in parts that may stand a few words apart (`"tài khoản … bị khóa"` matches
//! "tài khoản của quý khách đã bị khóa"). Each part is a phrase of the trie of its own; after the
//! walk, the parts found are joined into a match of the whole when each follows the one before
//! within the gap, in the same sentence, and no negation stands between them ("tài khoản của bạn
//! không bị khóa" says the opposite).

use super::vocabulary::Word;
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

/// Joins the `parts` found into whole matches, each handed to `found` as its signal and its
/// first and last words. `words` are the message's words as the vocabulary knows them (for the
/// negations between parts); `gap` is how many words may stand between two parts. `parts` is
/// sorted on the way.
pub(super) fn join(
    parts: &mut [PartMatch],
    phrases: &[Gapped],
    gap: usize,
    words: &[Option<Word>],
    message: Message,
    mut found: impl FnMut(usize, usize, usize),
) {
    if parts.is_empty() {
        return;
    }
    parts.sort_unstable();
    let parts = &*parts;
    for &head in parts {
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
            // Sorted, the candidates stand together: stop at the first past the gap.
            let reach = last as usize + 1 + gap;
            let next = parts[from..]
                .iter()
                .take_while(|p| {
                    p.gapped == head.gapped && p.index == index && p.first as usize <= reach
                })
                .find(|p| !apart(words, message, last, p.first));
            match next {
                Some(p) => last = p.last,
                None => {
                    joined = false;
                    break;
                }
            }
        }
        if joined {
            found(phrase.signal, head.first as usize, last as usize);
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
