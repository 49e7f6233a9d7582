//! A message: phrases and patterns on the normalised text, combos, links and numbers found in it,
//! and the sender rules.

use super::phrases::match_phrases;
use super::workspace::{with_workspace, Workspace};
use super::{extract, link, sender};
use crate::engine::compiled::Compiled;
use crate::engine::evidence::{Fact, Hit, HitCode, MessageEvidence, RuleCode, Wording};
use crate::engine::message::Message;
use crate::engine::verdict::NumberKind;

/// Collects the evidence in one message.
pub(crate) fn evidence(sender: Option<&str>, text: &str, compiled: &Compiled) -> MessageEvidence {
    with_workspace(text, |workspace| {
        evidence_in(sender, text, compiled, workspace)
    })
}

/// [`evidence`], writing on the way into `workspace`.
fn evidence_in(
    sender: Option<&str>,
    text: &str,
    compiled: &Compiled,
    workspace: &mut Workspace,
) -> MessageEvidence {
    let Workspace {
        normalising,
        normalised,
        matches,
        matched_patterns,
        fired,
        met,
        wording,
    } = workspace;
    compiled
        .normaliser()
        .normalise_into(text, normalising, normalised);
    let message = Message {
        original: text,
        normalised,
    };
    fired.reset(compiled.signals().len());
    let named = match_phrases(message, compiled, matches, fired);
    let (entity, entity_at) = (named.first, named.first_at);
    compiled
        .patterns()
        .each_first_match(message.text().as_bytes(), matched_patterns, |i, span| {
            fired.add(i, span);
        });

    let mut evidence = Vec::new();
    let mut unofficial_link = false;
    let mut link_owners = sender::LinkOwners::default();
    for (range, raw) in extract::links(text) {
        let before = evidence.len();
        // A link that does not parse is not evidence either way.
        if link::hits(raw, compiled, Some(range), &mut evidence).is_ok() {
            let found = &evidence[before..];
            let official = found
                .iter()
                .find(|h| h.code == HitCode::Rule(RuleCode::LinkOfficial));
            // A state body's or a well-known site's link is no one posing: not `fact.link`.
            let owned = found.iter().any(|h| {
                matches!(
                    h.code,
                    HitCode::Rule(RuleCode::LinkStateDomain | RuleCode::LinkWellKnown)
                )
            });
            unofficial_link |= official.is_none() && !owned;
            link_owners.add(official.and_then(|h| h.entity));
        }
    }
    let numbers = compiled.numbers();
    let mut mobile_in_text = false;
    let mut foreign_in_text = false;
    for (range, raw) in extract::phone_numbers(text) {
        if let Ok(parsed) = numbers.parse(raw) {
            mobile_in_text |= parsed.kind == NumberKind::Mobile;
            foreign_in_text |= parsed.kind == NumberKind::International;
            if numbers.is_blocked(parsed.key) {
                evidence.push(
                    Hit::rule(RuleCode::NumberInTextBlocklisted).with_span(Some(range.clone())),
                );
            }
            // A number given in an organisation's name that is not one of its own lines.
            let own = entity.is_some() && numbers.service(&parsed).and_then(|s| s.entity) == entity;
            if entity.is_some() && !own && parsed.kind != NumberKind::International {
                evidence.push(
                    Hit::rule(RuleCode::NumberNotTheEntitys)
                        .with_entity(entity)
                        .with_span(Some(range)),
                );
            }
        }
    }
    let accounts = compiled.accounts();
    if !accounts.is_empty()
        && extract::any_account_number(message.text(), |a| accounts.is_blocked(a))
    {
        evidence.push(Hit::rule(RuleCode::AccountBlocklisted));
    }
    let sender_number = sender
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .and_then(|s| numbers.parse(s).ok());
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
    let signals = compiled.signals();
    signals.meet_parts(fired.signals(), met);
    signals.fire_combos(facts, met, |combo| fired.add(combo, (0, 0)));

    // In catalogue order: the scorer orders reasons by weight.
    let mut hits = Vec::new();
    let spans = fired.in_catalogue_order();
    hits.reserve(spans.len() + evidence.len() + 4);
    for &(i, (start, end)) in spans {
        let span = (end > start)
            .then(|| message.original_range(start..end))
            .flatten();
        hits.push(Hit::signal(i, span));
    }
    if let Some(e) = entity {
        hits.push(Hit::mention(e));
    }
    hits.extend(evidence);

    if let Some(brandname) = sender.filter(|_| sender_number.is_none()) {
        sender::brandname_hits(brandname, &link_owners, compiled, &mut hits);
    }
    if let Some(parsed) = sender_number {
        let senders = compiled.senders();
        let claims = sender::Claims {
            // Named near the start, or in a message worded as an organisation's notice.
            entity,
            institutional: entity_at < 48 || senders.institutional(fired.set()),
            advert: senders.advert(text, fired.set()),
        };
        sender::hits(&parsed, &claims, compiled, &mut hits);
    }
    let wording = compiled.text_model().map(|model| {
        let read = model.wording(text, normalised, wording);
        let spans = |stretches: Vec<(usize, usize)>| {
            stretches
                .into_iter()
                .filter_map(|(first, last)| normalised.original_range_of_words(first, last))
                .collect()
        };
        Wording {
            logit: read.logit,
            scam: spans(read.scam_words),
            genuine: spans(read.genuine_words),
        }
    });
    MessageEvidence {
        hits,
        facts,
        wording,
    }
}
