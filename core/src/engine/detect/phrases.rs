//! The phrases of a message: the trie's matches, less those a negation cancels in the same
//! clause ("đừng chuyển khoản"), each signal fired at its first span, and the entities named.

use super::fired::Fired;
use crate::engine::compiled::{Compiled, CueKind, Match, Matches, Target};
use crate::engine::message::Message;

/// Characters that end a clause: a negation does not reach across them.
const CLAUSE_BREAKS: &[char] = &['.', ',', ';', '!', '?', ':', '\n', '(', ')'];

/// The entities a message names.
pub(crate) struct Named {
    /// The entity named first, and where.
    pub first: Option<usize>,
    pub first_at: usize,
    /// True when any named entity speaks for the state.
    pub authority: bool,
}

/// Runs the phrase trie; records the first span of each signal and the entities named.
pub(crate) fn match_phrases(
    message: Message,
    compiled: &Compiled,
    matches: &mut Matches,
    fired: &mut Fired,
) -> Named {
    compiled.phrases().matches_into(message, matches);
    let matches = &*matches;
    let signals = compiled.signals();
    // A negated phrase silences the shorter phrases inside it too ("không … tài khoản tạm giữ"
    // also holds "tạm giữ").
    let mut negated_spans: Vec<(usize, usize)> = matches
        .found
        .iter()
        .filter(|m| {
            matches!(m.target, Target::Signal(i) if signals.negatable(i))
                && negated(message, m.first_word, matches, compiled)
        })
        .map(|m| (m.start, m.end))
        .collect();
    // Sorted by start, so each match looks only at the spans that can contain it (a long
    // message of repeated phrases must stay linear).
    negated_spans.sort_unstable();
    let longest = negated_spans.iter().map(|(s, e)| e - s).max().unwrap_or(0);
    let inside_negated = |start: usize, end: usize| {
        let to = negated_spans.partition_point(|&(s, _)| s <= start);
        let from = negated_spans.partition_point(|&(s, _)| s + longest < start);
        negated_spans[from..to].iter().any(|&(_, e)| end <= e)
    };
    let mut named = Named {
        first: None,
        first_at: usize::MAX,
        authority: false,
    };
    for Match {
        target, start, end, ..
    } in matches.found.iter().copied()
    {
        match target {
            Target::Signal(i) => {
                let silenced = signals.negatable(i) && inside_negated(start, end);
                if !silenced {
                    fired.add(i, (start, end));
                }
            }
            Target::Entity(e) => {
                named.authority |= compiled.entities().authority(e);
                if start < named.first_at {
                    named.first = Some(e);
                    named.first_at = start;
                }
            }
        }
    }
    named
}

/// True when a negation denies the phrase that starts at word `word`: a plain one close
/// before it ([`negated_nearby`]), or a cue of several words that widens the scope
/// ([`scoped`]).
fn negated(message: Message, word: usize, matches: &Matches, compiled: &Compiled) -> bool {
    let window = compiled.phrases().negation_window();
    negated_nearby(message, word, matches, window, false)
        || (!matches.cues.is_empty() && scoped(message, word, matches, compiled))
}

/// True when a negation (`không`, `đừng`) stands within `window` words before the phrase that
/// starts at word `word`, in the same clause, and is not a condition (`nếu không`) or purpose
/// (`để không`). The exception words also stop the search: in "không trả thì …" what follows
/// `thì` is a threat. With `cross_first`, a clause break right before `word` does not stop it
/// (the comma before "kể cả"), unless it ends a sentence.
fn negated_nearby(
    message: Message,
    word: usize,
    matches: &Matches,
    window: usize,
    cross_first: bool,
) -> bool {
    let window = word.saturating_sub(window)..word;
    // Only a negation word can deny: most phrases have none before them, and need no look at
    // the punctuation between words.
    if !window.clone().any(|k| matches.class(k).negation) {
        return false;
    }
    for k in window.rev() {
        let crossing = cross_first && k + 1 == word && !message.sentence_ends_after(k);
        if !crossing && message.gap_after(k).contains(CLAUSE_BREAKS) {
            return false;
        }
        // "không trả thì tao gửi ảnh": a condition's consequence is not negated.
        if matches.class(k).exception {
            return false;
        }
        if matches.class(k).negation {
            return !(k > 0 && matches.class(k - 1).exception);
        }
    }
    false
}

/// True when a scope cue reaches the phrase at word `word`: a negation of several words
/// ("không bao giờ") earlier in its clause, however far, or an extender ("kể cả") just before it in its
/// clause that a negation reaches ("không chia sẻ mã cho ai, kể cả nhân viên ngân hàng").
fn scoped(message: Message, word: usize, matches: &Matches, compiled: &Compiled) -> bool {
    let window = compiled.phrases().scope_window();
    matches.cues.iter().any(|cue| {
        if cue.last >= word || word - cue.last > window {
            return false;
        }
        let between = cue.last..word;
        // "nếu không bao giờ …", "… thì": a condition, or its consequence.
        let condition = (cue.first > 0 && matches.class(cue.first - 1).exception)
            || (cue.last + 1..word).any(|k| matches.class(k).exception);
        if condition {
            return false;
        }
        match cue.kind {
            // In its clause only: "tuyệt đối không được nói với ai, chuyển tiền vào …" goes on
            // with a demand.
            CueKind::Negation => !between
                .clone()
                .any(|k| message.gap_after(k).contains(CLAUSE_BREAKS)),
            CueKind::Extender => {
                !between
                    .clone()
                    .any(|k| message.gap_after(k).contains(CLAUSE_BREAKS))
                    && (negated_nearby(message, cue.first, matches, window, true)
                        || matches.cues.iter().any(|c| {
                            c.kind == CueKind::Negation
                                && c.last < cue.first
                                && cue.first - c.last <= window
                                && !(c.last..cue.first - 1)
                                    .any(|k| message.gap_after(k).contains(CLAUSE_BREAKS))
                                && !message.sentence_ends_after(cue.first - 1)
                        }))
            }
        }
    })
}
