//! A message: phrases and patterns on the normalised text, combos, links and numbers found in it,
//! and the sender rules.

use crate::detect::{extract, link, number, sender};
use crate::index::{Index, Target};
use crate::score::{Hit, HitCode};

/// Adverts must start with one of these labels (Decree 91/2020/NĐ-CP).
const AD_LABELS: &[&str] = &["[qc]", "[ad]", "(qc)", "qc:"];

/// Collects the evidence in one message.
pub(crate) fn hits(sender: Option<&str>, text: &str, index: &Index) -> Vec<Hit> {
    let normalised = index.normaliser.normalise(text);
    let signal_count = index.signal_category.len();
    let mut first_span: Vec<Option<(usize, usize)>> = vec![None; signal_count];
    let mut entity = None;
    let mut entity_at = usize::MAX;
    index
        .text
        .for_each(&normalised.text, |target, start, end| match target {
            Target::Signal(i) => {
                first_span[i].get_or_insert((start, end));
            }
            Target::Entity(e) => {
                if start < entity_at {
                    entity = Some(e);
                    entity_at = start;
                }
            }
        });
    for (i, regex) in &index.regexes {
        if let Some(m) = regex.find(normalised.text.as_bytes()) {
            first_span[*i].get_or_insert((m.start(), m.end()));
        }
    }
    for (i, parts) in &index.combos {
        if parts
            .iter()
            .all(|part| part.iter().any(|&s| first_span[s].is_some()))
        {
            first_span[*i].get_or_insert((0, 0));
        }
    }

    let mut hits = Vec::new();
    let mut order: Vec<(usize, (usize, usize))> = first_span
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    order.sort_by_key(|(_, (start, _))| *start);
    for (i, (start, end)) in order {
        let span = (end > start)
            .then(|| normalised.original_range(start..end))
            .flatten();
        hits.push(Hit::signal(i, span));
    }

    if let Some(e) = entity {
        hits.push(Hit::info(HitCode::Mention, Some(e)));
    }
    for (range, raw) in extract::links(text) {
        // A link that does not parse is not evidence either way.
        let _ = link::hits(raw, index, Some(range), &mut hits);
    }
    for (range, raw) in extract::phone_numbers(text) {
        if let Ok(parsed) = number::parse(raw, &index.numbers) {
            if index.numbers.is_blocked(parsed.key) {
                hits.push(Hit::rule("number.in_text_blocklisted").with_span(Some(range)));
            }
        }
    }
    if !index.accounts.is_empty()
        && extract::account_numbers(&normalised.text)
            .iter()
            .any(|a| index.accounts.contains(a))
    {
        hits.push(Hit::rule("account.blocklisted"));
    }

    if let Some(sender_text) = sender {
        let opening = text
            .trim_start()
            .get(..4)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let claims = sender::Claims {
            // Named near the start, or in a message worded as an organisation's notice.
            entity,
            institutional: entity_at < 48
                || index.institutional.iter().any(|&i| first_span[i].is_some()),
            advert: AD_LABELS.iter().any(|l| opening.starts_with(l))
                || index.advert.iter().any(|&i| first_span[i].is_some()),
        };
        sender::hits(sender_text, &claims, index, &mut hits);
    }
    hits
}
