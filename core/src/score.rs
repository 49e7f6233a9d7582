//! From evidence to an explained verdict: noisy-OR of the positive weights, dampened by genuine
//! evidence, thresholds from the catalogue, the category whose evidence weighs most, and one
//! reason per signal that fired.

use std::ops::Range;

use canhgiac_catalogue::model::Catalogue;

use crate::index::Index;
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
    pub category_id: Option<String>,
    /// Byte range in the original text.
    pub span: Option<Range<usize>>,
}

impl Hit {
    pub fn signal(index: usize, span: Option<Range<usize>>) -> Self {
        Hit {
            code: HitCode::Signal(index),
            entity: None,
            category_id: None,
            span,
        }
    }

    pub fn rule(code: &'static str) -> Self {
        Hit {
            code: HitCode::Rule(code),
            entity: None,
            category_id: None,
            span: None,
        }
    }

    pub fn info(code: HitCode, entity: Option<usize>) -> Self {
        Hit {
            code,
            entity,
            category_id: None,
            span: None,
        }
    }

    pub fn with_entity(mut self, entity: Option<usize>) -> Self {
        self.entity = entity;
        self
    }

    pub fn with_category_id(mut self, category: Option<String>) -> Self {
        self.category_id = category;
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

struct Weighed {
    hit: Hit,
    weight: f32,
    category: Option<usize>,
}

impl Context<'_> {
    fn weigh(&self, hit: Hit) -> Weighed {
        let c = self.catalogue;
        let entity_category = hit.entity.and_then(|e| self.index.entity_category[e]);
        let named_category = hit
            .category_id
            .as_ref()
            .and_then(|id| c.categories.iter().position(|x| &x.id == id));
        let (weight, own_category) = match hit.code {
            HitCode::Signal(i) => (c.signals[i].weight, self.index.signal_category[i]),
            HitCode::Rule(code) => {
                let rule = c.rules.get(code);
                let category = rule
                    .and_then(|r| r.category.as_ref())
                    .and_then(|id| c.categories.iter().position(|x| &x.id == id));
                (rule.map_or(0.0, |r| r.weight), category)
            }
            HitCode::Info(_) | HitCode::Mention => (0.0, None),
        };
        let category = named_category.or(own_category).or(entity_category);
        Weighed {
            hit,
            weight,
            category,
        }
    }

    /// Scores `hits` and explains the verdict.
    pub fn verdict(&self, hits: Vec<Hit>) -> Verdict {
        let c = self.catalogue;
        let mut weighed: Vec<Weighed> = Vec::with_capacity(hits.len());
        for hit in hits {
            // One reason per code: the first (earliest in the text) stands for the rest.
            if !weighed.iter().any(|w| w.hit.code == hit.code) {
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
            .then(|| self.top_category(&weighed))
            .flatten();
        // Evidence for a scam first (strongest first), then evidence of a genuine message.
        weighed.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let reasons = weighed
            .iter()
            .filter(|w| w.weight != 0.0 || matches!(w.hit.code, HitCode::Info(_)))
            .map(|w| self.reason(&w.hit))
            .collect();
        let (advice_vi, advice_en) = self.advice(level, category, &weighed);
        Verdict {
            level,
            score,
            category: category.map(|i| {
                let x = &c.categories[i];
                CategoryRef {
                    id: x.id.clone(),
                    title_vi: x.title_vi.clone(),
                    title_en: x.title_en.clone(),
                }
            }),
            reasons,
            advice_vi,
            advice_en,
            number: self.number.clone(),
        }
    }

    fn top_category(&self, weighed: &[Weighed]) -> Option<usize> {
        let mut totals = vec![0.0f32; self.catalogue.categories.len()];
        for w in weighed.iter().filter(|w| w.weight > 0.0) {
            if let Some(category) = w.category {
                totals[category] += w.weight;
            }
        }
        totals
            .iter()
            .enumerate()
            .filter(|(_, total)| **total > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i)
            .or_else(|| {
                weighed
                    .iter()
                    .find(|w| w.hit.code == HitCode::Mention)
                    .and_then(|w| w.category)
            })
    }

    fn advice(
        &self,
        level: VerdictLevel,
        category: Option<usize>,
        weighed: &[Weighed],
    ) -> (String, String) {
        let c = self.catalogue;
        let text = |key: &str| {
            let t = c.text(key);
            (t.vi, t.en)
        };
        if level == VerdictLevel::Safe {
            return text("advice.safe");
        }
        if let Some(i) = category {
            return (
                c.categories[i].advice_vi.clone(),
                c.categories[i].advice_en.clone(),
            );
        }
        let fired = |code: &'static str| weighed.iter().any(|w| w.hit.code == HitCode::Rule(code));
        if fired("number.blocklisted") {
            text("advice.number_blocked")
        } else if fired("number.international") || fired("number.risky_country") {
            text("advice.number_international")
        } else {
            text("advice.generic")
        }
    }

    fn reason(&self, hit: &Hit) -> Reason {
        let c = self.catalogue;
        let (code, vi, en) = match hit.code {
            HitCode::Signal(i) => {
                let s = &c.signals[i];
                (s.id.clone(), s.message_vi.clone(), s.message_en.clone())
            }
            HitCode::Rule(code) => {
                let rule = c.rules.get(code);
                let vi = rule.map(|r| r.message_vi.clone()).unwrap_or_default();
                let en = rule.map(|r| r.message_en.clone()).unwrap_or_default();
                (code.to_owned(), vi, en)
            }
            HitCode::Info(key) => {
                let t = c.text(key);
                (key.to_owned(), t.vi, t.en)
            }
            HitCode::Mention => ("mention".to_owned(), String::new(), String::new()),
        };
        let entity = hit
            .entity
            .map(|e| c.entities[e].name.as_str())
            .unwrap_or("?");
        Reason {
            code,
            message_vi: if vi.contains('{') {
                vi.replace("{entity}", entity)
            } else {
                vi
            },
            message_en: if en.contains('{') {
                en.replace("{entity}", entity)
            } else {
                en
            },
            span: hit.span.clone().and_then(|range| self.span(range)),
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
