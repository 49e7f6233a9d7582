//! From evidence to an explained verdict: noisy-OR of the positive weights, dampened by genuine
//! evidence, thresholds from the catalogue, the category whose evidence weighs most, and one
//! reason per signal that fired.

use std::ops::Range;

use canhgiac_catalogue::model::Catalogue;

use crate::index::{Index, RuleFacts};
use crate::shared_text::SharedText;
use crate::verdict::{CategoryRef, NumberFacts, Reason, Span, Verdict, VerdictLevel};

/// Which signal, rule or text a hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HitCode {
    Signal(usize),
    Rule(&'static str),
    /// An informational note (weight 0) from the catalogue texts, such as "official number".
    Info(&'static str),
    /// An entity named in the message: no weight, but it names the category when nothing else does.
    Mention,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub code: HitCode,
    /// The entity it concerns (filled into `{entity}` and used for the category).
    pub entity: Option<usize>,
    /// A category named directly by the data (a blocklist entry).
    pub category: Option<usize>,
    /// Byte range in the original text.
    pub span: Option<Range<usize>>,
}

impl Hit {
    pub fn signal(index: usize, span: Option<Range<usize>>) -> Self {
        Hit {
            code: HitCode::Signal(index),
            entity: None,
            category: None,
            span,
        }
    }

    pub fn rule(code: &'static str) -> Self {
        Hit {
            code: HitCode::Rule(code),
            entity: None,
            category: None,
            span: None,
        }
    }

    pub fn info(code: HitCode, entity: Option<usize>) -> Self {
        Hit {
            code,
            entity,
            category: None,
            span: None,
        }
    }

    pub fn with_entity(mut self, entity: Option<usize>) -> Self {
        self.entity = entity;
        self
    }

    pub fn with_category(mut self, category: Option<usize>) -> Self {
        self.category = category;
        self
    }

    pub fn with_span(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }
}

/// Everything the scorer needs besides the hits.
pub(crate) struct Context<'a> {
    pub catalogue: &'a Catalogue,
    pub index: &'a Index,
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
        let index = self.index;
        let entity_category = hit.entity.and_then(|e| index.entity_category[e]);
        let (weight, own_category, rule) = match hit.code {
            HitCode::Signal(i) => (index.signal_weight[i], index.signal_category[i], None),
            HitCode::Rule(code) => {
                let rule = index.explanations.rule(code);
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
        let c = self.catalogue;
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
        let strong = c.scoring.strong_weight;
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
        let level = if score >= c.scoring.scam_threshold {
            VerdictLevel::Scam
        } else if score >= c.scoring.suspicious_threshold {
            VerdictLevel::Suspicious
        } else {
            VerdictLevel::Safe
        };

        let category = (level != VerdictLevel::Safe)
            .then(|| top_category(&weighed))
            .flatten();
        // The reasons: evidence for a scam first (strongest first), then evidence of a genuine
        // message; the sort is stable, so equal weights keep the text's order. Only what is
        // shown is sorted (most hits weigh nothing), and by reference. Insertion sort: a handful
        // of reasons, and far less code than the library's sort.
        let mut listed: Vec<&Weighed> = weighed
            .iter()
            .filter(|w| shown(w.weight) || matches!(w.hit.code, HitCode::Info(_)))
            .collect();
        for i in 1..listed.len() {
            let mut j = i;
            while j > 0 && listed[j - 1].weight.total_cmp(&listed[j].weight).is_lt() {
                listed.swap(j - 1, j);
                j -= 1;
            }
        }
        let reasons = listed.iter().map(|w| self.reason(w)).collect();
        let (advice_vi, advice_en) = self.advice(level, category, &weighed);
        let categories = &self.index.explanations.categories;
        Verdict {
            level,
            score,
            category: category.map(|i| CategoryRef {
                id: categories[i].id.clone(),
                title_vi: categories[i].title_vi.clone(),
                title_en: categories[i].title_en.clone(),
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
        let explanations = &self.index.explanations;
        if level == VerdictLevel::Safe {
            return explanations.text("advice.safe");
        }
        if let Some(i) = category {
            let category = &explanations.categories[i];
            return (category.advice_vi.clone(), category.advice_en.clone());
        }
        let fired = |code: &'static str| weighed.iter().any(|w| w.hit.code == HitCode::Rule(code));
        explanations.text(if fired("number.blocklisted") {
            "advice.number_blocked"
        } else if fired("number.international") || fired("number.risky_country") {
            "advice.number_international"
        } else {
            "advice.generic"
        })
    }

    fn reason(&self, w: &Weighed) -> Reason {
        let explanations = &self.index.explanations;
        let entity = || {
            w.hit
                .entity
                .map_or("?", |e| self.catalogue.entities[e].name.as_str())
        };
        let explained = match w.hit.code {
            HitCode::Signal(i) => Some(&explanations.signals[i]),
            HitCode::Rule(_) => w.rule.map(|r| &r.explanation),
            HitCode::Info(key) => explanations.info(key),
            HitCode::Mention => None,
        };
        let (code, (message_vi, message_en)) = match (explained, w.hit.code) {
            (Some(e), _) => (e.code.clone(), e.messages(entity())),
            (None, HitCode::Info(key)) => (key.into(), explanations.text(key)),
            (None, HitCode::Rule(code)) => (code.into(), ("".into(), "".into())),
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

/// True when evidence of this weight is shown as a reason. Evidence that weighs nothing (an
/// amount, an account number: parts of combos) only counts towards other signals, so the
/// detectors need not find where it is.
pub(crate) fn shown(weight: f32) -> bool {
    weight != 0.0
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
