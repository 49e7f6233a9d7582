//! Sender rules: who sent it against what it claims. A brandname claimed from a personal number,
//! an advert from a personal number (Decree 91/2020 allows adverts only from brandnames), a
//! message from abroad. A brandname sender alone is not proof of anything (fake base stations
//! inject into the real thread), so it lowers the score only when every link of the message is
//! on the brand's own official domains: a fake one links elsewhere.

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

/// Whose official domains the links of a message are on.
#[derive(Default)]
pub(crate) struct LinkOwners {
    /// The owner of every link so far, while they all share one.
    shared: Option<usize>,
    /// How many links were read.
    links: usize,
    /// True once a link is not official or belongs to another owner.
    mixed: bool,
}

impl LinkOwners {
    /// Adds a link and the entity whose official domain it is on, if any.
    pub fn add(&mut self, owner: Option<usize>) {
        self.links += 1;
        match (owner, self.shared) {
            (None, _) => self.mixed = true,
            (Some(o), None) if self.links == 1 => self.shared = Some(o),
            (Some(o), Some(shared)) if o == shared => {}
            _ => self.mixed = true,
        }
    }

    /// The entity every link belongs to, when there was at least one link and all share it.
    pub fn only(&self) -> Option<usize> {
        self.shared.filter(|_| !self.mixed)
    }
}

/// Evidence from a sender that is a brandname: its own when every link of the message is on
/// the official domains of the entity that registered it.
pub(crate) fn brandname_hits(
    brandname: &str,
    links: &LinkOwners,
    compiled: &Compiled,
    hits: &mut Vec<Hit>,
) {
    let owner = compiled.entities().by_brandname(brandname);
    if let (Some(owner), Some(linked)) = (owner, links.only()) {
        if owner == linked {
            hits.push(Hit::rule(RuleCode::SenderBrandnameOwnLinks).with_entity(Some(owner)));
        }
    }
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
