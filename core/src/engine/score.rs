//! From evidence to an explained verdict: noisy-OR of the positive weights, dampened by genuine
//! evidence, thresholds from the catalogue, the category whose evidence weighs most, and one
//! reason per signal that fired.

use std::ops::Range;

use crate::engine::compiled::{Compiled, RuleFacts};
use crate::engine::evidence::{shown, Hit, HitCode, RuleCode};
use crate::engine::verdict::{CategoryRef, NumberFacts, Reason, Span, Verdict, VerdictLevel};
use crate::shared_text::SharedText;

/// Everything the scorer needs besides the hits.
pub(crate) struct Context<'a> {
    pub compiled: &'a Compiled,
    /// The original text spans point into.
    pub text: Option<&'a str>,
    pub number: Option<NumberFacts>,
}

/// A hit with its weight and category, and its rule when it comes from one.
struct Weighed<'a> {
    hit: &'a Hit,
    weight: f32,
    category: Option<usize>,
    rule: Option<&'a RuleFacts>,
}

impl<'a> Context<'a> {
    fn weigh<'h>(&self, hit: &'h Hit) -> Weighed<'h>
    where
        'a: 'h,
    {
        let compiled = self.compiled;
        let entity_category = hit.entity.and_then(|e| compiled.entities().category(e));
        let (weight, own_category, rule) = match hit.code {
            HitCode::Signal(i) => {
                let signals = compiled.signals();
                (signals.weight(i), signals.category(i), None)
            }
            HitCode::Rule(code) => {
                let rule = compiled.explanations().rule(code);
                (
                    rule.map_or(0.0, |r| r.weight),
                    rule.and_then(|r| r.category),
                    rule,
                )
            }
            HitCode::Info(_) | HitCode::Mention => (0.0, None, None),
        };
        let category = hit.category.or(own_category).or(entity_category);
        Weighed {
            hit,
            weight,
            category,
            rule,
        }
    }

    /// Scores `hits` and explains the verdict. Takes the context: its number facts move into
    /// the verdict rather than being copied, string by string.
    pub fn verdict(mut self, hits: Vec<Hit>) -> Verdict {
        let scoring = self.compiled.scoring();
        let mut weighed: Vec<Weighed> = Vec::with_capacity(hits.len());
        for hit in &hits {
            // One reason per code: the first (earliest in the text) stands for the rest. A
            // signal comes once per message (the detector keeps its first span), so only the
            // others are looked for among the hits already weighed.
            let repeated = !matches!(hit.code, HitCode::Signal(_))
                && weighed.iter().any(|w| w.hit.code == hit.code);
            if !repeated {
                weighed.push(self.weigh(hit));
            }
        }
        // Noisy-OR. Strong evidence from the detectors (a look-alike domain, a reported number)
        // stands on its own: wording can be copied from genuine notices, a domain cannot. The
        // rest, phrases included, is dampened by evidence of a genuine message.
        let strong = scoring.strong_weight;
        let (mut keep_strong, mut keep_rest, mut damp) = (1.0f32, 1.0f32, 1.0f32);
        for w in &weighed {
            if w.weight >= strong && matches!(w.hit.code, HitCode::Rule(_)) {
                keep_strong *= 1.0 - w.weight;
            } else if w.weight > 0.0 {
                keep_rest *= 1.0 - w.weight;
            } else if w.weight < 0.0 {
                damp *= 1.0 + w.weight;
            }
        }
        let score = (1.0 - keep_strong * (1.0 - (1.0 - keep_rest) * damp)).clamp(0.0, 1.0);
        let level = if score >= scoring.scam_threshold {
            VerdictLevel::Scam
        } else if score >= scoring.suspicious_threshold {
            VerdictLevel::Suspicious
        } else {
            VerdictLevel::Safe
        };

        let category = (level != VerdictLevel::Safe)
            .then(|| top_category(&weighed))
            .flatten();
        // The reasons: evidence for a scam first (strongest first), then evidence of a genuine
        // message; the sort is stable, so equal weights keep the text's order. Only what is
        // shown is sorted (most hits weigh nothing), and by reference.
        let mut listed: Vec<&Weighed> = weighed
            .iter()
            .filter(|w| shown(w.weight) || matches!(w.hit.code, HitCode::Info(_)))
            .collect();
        listed.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let reasons = listed.iter().map(|w| self.reason(w)).collect();
        let (advice_vi, advice_en) = self.advice(level, category, &weighed);
        let explanations = self.compiled.explanations();
        Verdict {
            level,
            score,
            category: category.map(|i| {
                let texts = explanations.category(i);
                CategoryRef {
                    id: texts.id.clone(),
                    title_vi: texts.title_vi.clone(),
                    title_en: texts.title_en.clone(),
                }
            }),
            reasons,
            advice_vi,
            advice_en,
            number: self.number.take(),
        }
    }

    fn advice(
        &self,
        level: VerdictLevel,
        category: Option<usize>,
        weighed: &[Weighed],
    ) -> (SharedText, SharedText) {
        let explanations = self.compiled.explanations();
        if level == VerdictLevel::Safe {
            return explanations.text("advice.safe");
        }
        if let Some(i) = category {
            let category = explanations.category(i);
            return (category.advice_vi.clone(), category.advice_en.clone());
        }
        let fired = |code: RuleCode| weighed.iter().any(|w| w.hit.code == HitCode::Rule(code));
        explanations.text(if fired(RuleCode::NumberBlocklisted) {
            "advice.number_blocked"
        } else if fired(RuleCode::NumberInternational) || fired(RuleCode::NumberRiskyCountry) {
            "advice.number_international"
        } else {
            "advice.generic"
        })
    }

    fn reason(&self, w: &Weighed) -> Reason {
        let explanations = self.compiled.explanations();
        let entity = || {
            w.hit
                .entity
                .map_or("?", |e| self.compiled.entities().name(e))
        };
        let explained = match w.hit.code {
            HitCode::Signal(i) => Some(explanations.signal(i)),
            HitCode::Rule(_) => w.rule.map(|r| &r.explanation),
            HitCode::Info(code) => explanations.info(code.text_key()),
            HitCode::Mention => None,
        };
        let (code, (message_vi, message_en)) = match (explained, w.hit.code) {
            (Some(e), _) => (e.code.clone(), e.messages(entity())),
            (None, HitCode::Info(code)) => {
                let key = code.text_key();
                (key.into(), explanations.text(key))
            }
            (None, HitCode::Rule(code)) => (code.as_str().into(), ("".into(), "".into())),
            (None, _) => ("mention".into(), ("".into(), "".into())),
        };
        Reason {
            code,
            message_vi,
            message_en,
            span: w.hit.span.clone().and_then(|range| self.span(range)),
        }
    }

    fn span(&self, range: Range<usize>) -> Option<Span> {
        let text = self.text?;
        let matched = text.get(range.clone())?;
        let start = text[..range.start].chars().count();
        Some(Span {
            start: start as u32,
            end: (start + matched.chars().count()) as u32,
            matched: matched.to_owned(),
        })
    }
}

/// The category whose evidence weighs most (the later one on a tie), else the one of an entity
/// the message names.
fn top_category(weighed: &[Weighed]) -> Option<usize> {
    let positive = || weighed.iter().filter(|w| w.weight > 0.0);
    // Each category's total, summed in the order of the evidence; a handful of hits, so
    // summing again per category beats allocating a table of every category.
    let total = |category: usize| {
        positive()
            .filter(|w| w.category == Some(category))
            .fold(0.0f32, |sum, w| sum + w.weight)
    };
    positive()
        .filter_map(|w| w.category)
        .map(|category| (total(category), category))
        .filter(|(total, _)| *total > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, category)| category)
        .or_else(|| {
            weighed
                .iter()
                .find(|w| w.hit.code == HitCode::Mention)
                .and_then(|w| w.category)
        })
}
