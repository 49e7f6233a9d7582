//! A message: phrases and patterns on the normalised text, combos, links and numbers found in it,
//! and the sender rules.

use crate::detect::{extract, link, number, sender};
use crate::index::{Fact, Index, Part, Target};
use crate::normalise::Normalised;
use crate::score::{Hit, HitCode};
use crate::verdict::NumberKind;

/// Characters that end a clause: a negation does not reach across them.
const CLAUSE_BREAKS: &[char] = &['.', ',', ';', '!', '?', ':', '\n', '(', ')'];

/// Collects the evidence in one message.
pub(crate) fn hits(sender: Option<&str>, text: &str, index: &Index) -> Vec<Hit> {
    let normalised = index.normaliser.normalise(text);
    let mut first_span: Vec<Option<(usize, usize)>> = vec![None; index.signal_category.len()];
    let named = match_phrases(&normalised, text, index, &mut first_span);
    let (entity, entity_at) = (named.first, named.first_at);
    for (i, regex) in &index.regexes {
        if let Some(m) = regex.find(normalised.text.as_bytes()) {
            first_span[*i].get_or_insert((m.start(), m.end()));
        }
    }

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

    let fact = |f: Fact| match f {
        Fact::Link => unofficial_link,
        Fact::PhoneNumber => mobile_in_text,
        Fact::PersonalSender => personal_sender,
        Fact::Entity => entity.is_some(),
        Fact::Authority => named.authority,
        Fact::ForeignNumber => foreign_in_text,
    };
    for (i, parts) in &index.combos {
        let holds = parts.iter().all(|part| match part {
            Part::Signals(signals) => signals.iter().any(|&s| first_span[s].is_some()),
            Part::Fact(f) => fact(*f),
        });
        if holds {
            first_span[*i].get_or_insert((0, 0));
        }
    }

    // In catalogue order: the scorer orders reasons by weight.
    let mut hits = Vec::new();
    for (i, (start, end)) in first_span
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
    {
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
            institutional: entity_at < 48
                || index.institutional.iter().any(|&i| first_span[i].is_some()),
            advert: index
                .advert_labels
                .iter()
                .any(|l| opening.starts_with(l.as_str()))
                || index.advert.iter().any(|&i| first_span[i].is_some()),
        };
        sender::hits(&parsed, &claims, index, &mut hits);
    }
    hits
}

/// The entities a message names.
struct Named {
    /// The entity named first, and where.
    first: Option<usize>,
    first_at: usize,
    /// True when any named entity speaks for the state.
    authority: bool,
}

/// Runs the phrase automaton; records the first span of each signal and the entities named.
fn match_phrases(
    normalised: &Normalised,
    text: &str,
    index: &Index,
    first_span: &mut [Option<(usize, usize)>],
) -> Named {
    let mut matches: Vec<(Target, usize, usize)> = Vec::new();
    index.text.for_each(normalised, text, |target, start, end| {
        matches.push((target, start, end))
    });
    // A negated phrase silences the shorter phrases inside it too ("không … tài khoản tạm giữ"
    // also holds "tạm giữ").
    let mut negated_spans: Vec<(usize, usize)> = matches
        .iter()
        .filter(|(t, start, _)| {
            matches!(t, Target::Signal(i) if index.negatable[*i])
                && negated(normalised, text, *start, index)
        })
        .map(|&(_, start, end)| (start, end))
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
    for (target, start, end) in matches {
        match target {
            Target::Signal(i) => {
                let silenced = index.negatable[i] && inside_negated(start, end);
                if !silenced {
                    first_span[i].get_or_insert((start, end));
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

/// True when a negation (`không`, `đừng`) stands within the window before the phrase at `start`,
/// in the same clause, and is not a condition (`nếu không`) or purpose (`để không`). The
/// exception words also stop the search: in "không trả thì …" what follows `thì` is a threat.
fn negated(normalised: &Normalised, text: &str, start: usize, index: &Index) -> bool {
    let Some(word) = normalised.word_starting_at(start) else {
        return false;
    };
    for k in (word.saturating_sub(index.negation_window)..word).rev() {
        let gap = text.get(normalised.gap_after(k)).unwrap_or_default();
        if gap.contains(CLAUSE_BREAKS) {
            return false;
        }
        // "không trả thì tao gửi ảnh": a condition's consequence is not negated.
        if index
            .negation_exceptions
            .iter()
            .any(|w| w == normalised.word(k))
        {
            return false;
        }
        if index.negations.iter().any(|w| w == normalised.word(k)) {
            return !(k > 0
                && index
                    .negation_exceptions
                    .iter()
                    .any(|w| w == normalised.word(k - 1)));
        }
    }
    false
}
