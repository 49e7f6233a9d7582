//! Sender rules: who sent it against what it claims. A brandname claimed from a personal number,
//! an advert from a personal number (Decree 91/2020 allows adverts only from brandnames), a
//! message from abroad. A brandname sender is not proof of anything (fake base stations inject
//! into the real thread), so it never lowers the score.

use crate::detect::number;
use crate::index::Index;
use crate::score::Hit;
use crate::verdict::NumberKind;

/// What the message itself shows, as the sender rules need it.
pub(crate) struct Claims {
    /// An entity named in the message as the one speaking (first mention).
    pub entity: Option<usize>,
    /// True when the message is worded as an organisation's notice.
    pub institutional: bool,
    /// True when the message advertises (a `[QC]` label or advertising signals).
    pub advert: bool,
}

pub(crate) fn hits(sender: &str, claims: &Claims, index: &Index, hits: &mut Vec<Hit>) {
    let sender = sender.trim();
    if sender.is_empty() || !sender.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let Ok(parsed) = number::parse(sender, &index.numbers) else {
        return; // an alphanumeric brandname
    };
    match parsed.kind {
        NumberKind::Mobile | NumberKind::Landline | NumberKind::Unknown => {
            if let (Some(entity), true) = (claims.entity, claims.institutional) {
                hits.push(Hit::rule("sender.brand_from_personal_number").with_entity(Some(entity)));
            }
            if claims.advert && parsed.kind == NumberKind::Mobile {
                hits.push(Hit::rule("sender.ad_from_personal_number"));
            }
        }
        NumberKind::International => hits.push(Hit::rule("sender.international")),
        _ => {}
    }
    if index.numbers.is_blocked(parsed.key) {
        hits.push(Hit::rule("number.blocklisted"));
    }
}
