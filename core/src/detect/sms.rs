//! A message: phrases and patterns on the normalised text, combos, links and numbers found in it,
//! and the sender rules.

use crate::detect::workspace::{with_workspace, Workspace};
use crate::detect::{extract, link, number, sender};
use crate::index::{Fact, Index, Match, Matches, SignalSet, Target};
use crate::normalise::Normalised;
use crate::score::{Hit, HitCode};
use crate::verdict::NumberKind;

/// Characters that end a clause: a negation does not reach across them.
const CLAUSE_BREAKS: &[char] = &['.', ',', ';', '!', '?', ':', '\n', '(', ')'];

/// Collects the evidence in one message.
pub(crate) fn hits(sender: Option<&str>, text: &str, index: &Index) -> Vec<Hit> {
    with_workspace(text, |workspace| hits_in(sender, text, index, workspace))
}

/// [`hits`], writing on the way into `workspace`.
fn hits_in(sender: Option<&str>, text: &str, index: &Index, workspace: &mut Workspace) -> Vec<Hit> {
    let Workspace {
        normalising,
        normalised,
        matches,
        matched_patterns,
        fired,
        met,
    } = workspace;
    index
        .normaliser
        .normalise_into(text, normalising, normalised);
    let normalised = &*normalised;
    fired.reset(index.signal_category.len());
    let named = match_phrases(normalised, text, index, matches, fired);
    let (entity, entity_at) = (named.first, named.first_at);
    index
        .patterns
        .each_first_match(normalised.text.as_bytes(), matched_patterns, |i, span| {
            fired.add(i, span);
        });

    let mut evidence = Vec::new();
    let mut unofficial_link = false;
    for (range, raw) in extract::links(text) {
        let before = evidence.len();
        // A link that does not parse is not evidence either way.
        if link::hits(raw, index, Some(range), &mut evidence).is_ok() {
            unofficial_link |= !evidence[before..]
                .iter()
                .any(|h| h.code == HitCode::Rule("link.official"));
        }
    }
    let mut mobile_in_text = false;
    let mut foreign_in_text = false;
    for (range, raw) in extract::phone_numbers(text) {
        if let Ok(parsed) = number::parse(raw, &index.numbers) {
            mobile_in_text |= parsed.kind == NumberKind::Mobile;
            foreign_in_text |= parsed.kind == NumberKind::International;
            if index.numbers.is_blocked(parsed.key) {
                evidence.push(Hit::rule("number.in_text_blocklisted").with_span(Some(range)));
            }
        }
    }
    if !index.accounts.is_empty()
        && extract::any_account_number(&normalised.text, |a| index.accounts.contains(a))
    {
        evidence.push(Hit::rule("account.blocklisted"));
    }
    let sender_number = sender
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .and_then(|s| number::parse(s, &index.numbers).ok());
    let personal_sender = sender_number
        .as_ref()
        .is_some_and(|p| p.kind == NumberKind::Mobile);

    let facts = [
        (Fact::Link, unofficial_link),
        (Fact::PhoneNumber, mobile_in_text),
        (Fact::PersonalSender, personal_sender),
        (Fact::Entity, entity.is_some()),
        (Fact::Authority, named.authority),
        (Fact::ForeignNumber, foreign_in_text),
    ]
    .iter()
    .fold(0u8, |bits, &(fact, holds)| {
        bits | if holds { fact.bit() } else { 0 }
    });
    index.combo_sets.reset(met);
    for &(signal, _) in &fired.spans {
        index.combo_sets.fire(signal, met);
    }
    for (c, combo) in index.combos.iter().enumerate() {
        // Every part met: counted, not tested part by part (`&`, not `&&`: no branch to
        // mispredict on each of a hundred combos).
        let holds = (met.in_group(c) == usize::from(combo.sets)) & (combo.facts & !facts == 0);
        // A combo can be a part of a later one.
        if holds && fired.add(combo.signal, (0, 0)) {
            index.combo_sets.fire(combo.signal, met);
        }
    }

    // In catalogue order: the scorer orders reasons by weight.
    let mut hits = Vec::with_capacity(fired.spans.len() + evidence.len() + 4);
    fired.spans.sort_unstable_by_key(|&(i, _)| i);
    for &(i, (start, end)) in &fired.spans {
        let span = (end > start)
            .then(|| normalised.original_range(start..end))
            .flatten();
        hits.push(Hit::signal(i, span));
    }
    if let Some(e) = entity {
        hits.push(Hit::info(HitCode::Mention, Some(e)));
    }
    hits.extend(evidence);

    if let Some(parsed) = sender_number {
        let opening: String = text
            .trim_start()
            .chars()
            .take(8)
            .collect::<String>()
            .to_lowercase();
        let claims = sender::Claims {
            // Named near the start, or in a message worded as an organisation's notice.
            entity,
            institutional: entity_at < 48 || index.institutional.meets(&fired.set),
            advert: index
                .advert_labels
                .iter()
                .any(|l| opening.starts_with(l.as_str()))
                || index.advert.meets(&fired.set),
        };
        sender::hits(&parsed, &claims, index, &mut hits);
    }
    hits
}

/// The signals that fired in a message, each with the first span that fired it (normalised
/// text; empty for combos, and for patterns no reason quotes).
#[derive(Default)]
pub(crate) struct Fired {
    set: SignalSet,
    spans: Vec<(usize, (usize, usize))>,
}

impl Fired {
    /// None fired yet, of signals `0..signals`.
    fn reset(&mut self, signals: usize) {
        self.set.reset(signals);
        self.spans.clear();
    }

    /// Records `signal`, unless it fired before: the first span stands for the rest. True when
    /// it is new.
    fn add(&mut self, signal: usize, span: (usize, usize)) -> bool {
        let new = !self.set.contains(signal);
        if new {
            self.set.insert(signal);
            self.spans.push((signal, span));
        }
        new
    }
}

/// The entities a message names.
struct Named {
    /// The entity named first, and where.
    first: Option<usize>,
    first_at: usize,
    /// True when any named entity speaks for the state.
    authority: bool,
}

/// Runs the phrase trie; records the first span of each signal and the entities named.
fn match_phrases(
    normalised: &Normalised,
    text: &str,
    index: &Index,
    matches: &mut Matches,
    fired: &mut Fired,
) -> Named {
    index.text.matches_into(normalised, text, matches);
    let matches = &*matches;
    // A negated phrase silences the shorter phrases inside it too ("không … tài khoản tạm giữ"
    // also holds "tạm giữ").
    let mut negated_spans: Vec<(usize, usize)> = matches
        .found
        .iter()
        .filter(|m| {
            matches!(m.target, Target::Signal(i) if index.negatable[i])
                && negated(normalised, text, m.first_word, matches, index)
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
                let silenced = index.negatable[i] && inside_negated(start, end);
                if !silenced {
                    fired.add(i, (start, end));
                }
            }
            Target::Entity(e) => {
                named.authority |= index.entity_is_authority[e];
                if start < named.first_at {
                    named.first = Some(e);
                    named.first_at = start;
                }
            }
        }
    }
    named
}

/// True when a negation (`không`, `đừng`) stands within the window before the phrase that starts
/// at word `word`, in the same clause, and is not a condition (`nếu không`) or purpose
/// (`để không`). The exception words also stop the search: in "không trả thì …" what follows
/// `thì` is a threat.
fn negated(
    normalised: &Normalised,
    text: &str,
    word: usize,
    matches: &Matches,
    index: &Index,
) -> bool {
    let window = word.saturating_sub(index.negation_window)..word;
    // Only a negation word can deny: most phrases have none before them, and need no look at
    // the punctuation between words.
    if !window.clone().any(|k| matches.class(k).negation) {
        return false;
    }
    for k in window.rev() {
        let gap = text.get(normalised.gap_after(k)).unwrap_or_default();
        if gap.contains(CLAUSE_BREAKS) {
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
