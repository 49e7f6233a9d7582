//! Sender rules: who sent it against what it claims. A brandname claimed from a personal number,
//! an advert from a personal number (Decree 91/2020 allows adverts only from brandnames), a
//! message from abroad. A brandname sender is not proof of anything (fake base stations inject
//! into the real thread), so it never lowers the score.

use crate::engine::compiled::{Compiled, ParsedNumber};
use crate::engine::evidence::{Hit, RuleCode};
use crate::engine::verdict::NumberKind;

/// What the message itself shows, as the sender rules need it.
pub(crate) struct Claims {
    /// An entity named in the message as the one speaking (first mention).
    pub entity: Option<usize>,
    /// True when the message is worded as an organisation's notice.
    pub institutional: bool,
    /// True when the message advertises (a `[QC]` label or advertising signals).
    pub advert: bool,
}

/// Evidence from a sender that is a number (an alphanumeric brandname gives none).
pub(crate) fn hits(
    parsed: &ParsedNumber,
    claims: &Claims,
    compiled: &Compiled,
    hits: &mut Vec<Hit>,
) {
    match parsed.kind {
        NumberKind::Mobile | NumberKind::Landline | NumberKind::Unknown => {
            let brandname_only = claims
                .entity
                .is_some_and(|e| compiled.entities().brandname_only(e));
            if let (Some(entity), true, true) =
                (claims.entity, claims.institutional, brandname_only)
            {
                hits.push(
                    Hit::rule(RuleCode::SenderBrandFromPersonalNumber).with_entity(Some(entity)),
                );
            }
            if claims.advert && parsed.kind == NumberKind::Mobile {
                hits.push(Hit::rule(RuleCode::SenderAdFromPersonalNumber));
            }
        }
        NumberKind::International => hits.push(Hit::rule(RuleCode::SenderInternational)),
        _ => {}
    }
    if compiled.numbers().is_blocked(parsed.key) {
        hits.push(Hit::rule(RuleCode::NumberBlocklisted));
    }
}
