//! A caller's number: the evidence it gives by itself (blocked, foreign, from a risky country,
//! an official hotline). Parsing is the number plan's (`compiled::NumberPlan::parse`).

use crate::engine::compiled::{NumberPlan, ParsedNumber};
use crate::engine::evidence::{Hit, InfoCode, RuleCode};
use crate::engine::verdict::NumberKind;

/// The evidence a parsed number gives by itself.
pub(crate) fn hits(parsed: &ParsedNumber, numbers: &NumberPlan, hits: &mut Vec<Hit>) {
    if numbers.is_blocked(parsed.key) {
        let category = numbers.blocked_category(parsed.key);
        hits.push(Hit::rule(RuleCode::NumberBlocklisted).with_category(category));
    }
    if parsed.kind == NumberKind::International {
        if numbers.is_risky_country(parsed.country_code) {
            hits.push(Hit::rule(RuleCode::NumberRiskyCountry));
        } else {
            hits.push(Hit::rule(RuleCode::NumberInternational));
        }
    }
    if let Some(service) = numbers.service(parsed) {
        hits.push(Hit::info(InfoCode::OfficialNumber, service.entity));
    }
}
