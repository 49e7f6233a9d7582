//! From evidence to an explained verdict. A message, when the catalogue has a learned model, is
//! scored by the model (`learned`): its signals, rules, facts and wording, with strong detector
//! evidence beside it; a number, a link or a message without a model by the noisy-OR of the
//! catalogue weights, dampened by genuine evidence. Then the thresholds, the category whose
//! evidence weighs most, one reason per signal that fired, and the words that weighed most.

mod learned;

use std::ops::Range;

use canhgiac_catalogue::model::prior_weight;

use crate::engine::compiled::{Compiled, RuleFacts, WORDING_SHOWN};
use crate::engine::evidence::{shown, Hit, HitCode, MessageEvidence, RuleCode, Wording};
use crate::engine::verdict::{CategoryRef, NumberFacts, Reason, Span, Verdict, VerdictLevel};
use crate::shared_text::SharedText;

/// Everything the scorer needs besides the hits.
pub(crate) struct Context<'a> {
    pub compiled: &'a Compiled,
    /// The original text spans point into.
    pub text: Option<&'a str>,
    pub number: Option<NumberFacts>,
}

#[cfg(feature = "training")]
pub(crate) use learned::Term;
pub(crate) use learned::{terms, Feature};

/// A hit with its weight and category, and its rule when it comes from one.
struct Weighed<'a> {
    hit: &'a Hit,
    /// Its catalogue weight.
    weight: f32,
    /// What it weighed in this verdict: the learned weight when the model scored the message,
    /// else the catalogue weight. Reasons are ordered and chosen by it.
    effect: f32,
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
            effect: weight,
            category,
            rule,
        }
    }

    /// The distinct evidence of `hits`, weighed: one per code, the first (earliest in the text)
    /// standing for the rest. A signal comes once per message (the detector keeps its first
    /// span), so only the others are looked for among the hits already weighed.
    fn weigh_all<'h>(&self, hits: &'h [Hit]) -> Vec<Weighed<'h>>
    where
        'a: 'h,
    {
        let mut weighed: Vec<Weighed> = Vec::with_capacity(hits.len());
        for hit in hits {
            let repeated = !matches!(hit.code, HitCode::Signal(_))
                && weighed.iter().any(|w| w.hit.code == hit.code);
            if !repeated {
                weighed.push(self.weigh(hit));
            }
        }
        weighed
    }

    #[cfg(feature = "training")]
    /// The terms the learned model reads in `evidence` (what `canhgiac catalogue train` learns
    /// from: the same function as the scorer's).
    pub fn terms(&self, evidence: &MessageEvidence) -> Vec<Term> {
        let weighed = self.weigh_all(&evidence.hits);
        terms(
            weighed.iter().map(|w| (w.hit.code, w.weight)),
            evidence.facts,
            self.compiled.scoring().strong_weight,
        )
        .collect()
    }

    /// Scores `evidence` and explains the verdict. Takes the context: its number facts move into
    /// the verdict rather than being copied, string by string.
    pub fn verdict(mut self, evidence: MessageEvidence) -> Verdict {
        let scoring = self.compiled.scoring();
        let mut weighed = self.weigh_all(&evidence.hits);
        let model = self.compiled.text_model();
        let (score, scam_threshold, suspicious_threshold) = match (model, evidence.wording.as_ref())
        {
            (Some(model), Some(wording)) => {
                for w in &mut weighed {
                    w.effect = match w.hit.code {
                        HitCode::Signal(i) => learned::weight(model, Feature::Signal(i)),
                        HitCode::Rule(code) if w.weight < scoring.strong_weight => {
                            learned::weight(model, Feature::Rule(code))
                        }
                        // Strong evidence on the model's scale: the log-odds it stands for.
                        HitCode::Rule(_) => prior_weight(w.weight),
                        _ => w.weight,
                    };
                }
                let terms = terms(
                    weighed.iter().map(|w| (w.hit.code, w.weight)),
                    evidence.facts,
                    scoring.strong_weight,
                );
                (
                    learned::probability(model, terms, wording.logit),
                    model.scam_threshold(),
                    model.suspicious_threshold(),
                )
            }
            _ => (
                noisy_or(&weighed, scoring.strong_weight),
                scoring.scam_threshold,
                scoring.suspicious_threshold,
            ),
        };
        let level = if score >= scam_threshold {
            VerdictLevel::Scam
        } else if score >= suspicious_threshold {
            VerdictLevel::Suspicious
        } else {
            VerdictLevel::Safe
        };

        let category = (level != VerdictLevel::Safe)
            .then(|| top_category(&weighed))
            .flatten();
        let reasons = self.reasons(level, &weighed, evidence.wording.as_ref());
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

    /// The reasons, each placed by what it weighed. A flagged verdict lists the evidence for a
    /// scam first (heaviest first), then the evidence of a genuine message. A safe one lists
    /// what makes it safe first (the most genuine first); when there is such evidence, no wording
    /// sign that did not carry the verdict ("they never ask for this by message" under a bank's
    /// own OTP notice would contradict it); the detectors' facts (a shortened link) stay, being
    /// true of the input. With nothing to say, a safe verdict says that no known sign was found. Sorts are stable:
    /// equal weights keep the text's order.
    fn reasons(
        &self,
        level: VerdictLevel,
        weighed: &[Weighed],
        wording: Option<&Wording>,
    ) -> Vec<Reason> {
        let flagged = level != VerdictLevel::Safe;
        // A safe message with evidence of being genuine is explained by that evidence; without
        // any, the weak signs it has are still worth naming.
        let genuine = weighed.iter().any(|w| shown(w.weight) && w.effect < 0.0);
        let mut listed: Vec<(f32, Reason)> = weighed
            .iter()
            .filter(|w| match w.hit.code {
                HitCode::Info(_) => true,
                HitCode::Signal(_) => shown(w.weight) && (flagged || !genuine || w.effect < 0.0),
                _ => shown(w.weight),
            })
            .map(|w| (w.effect, self.reason(w)))
            .collect();
        if let Some(wording) = wording {
            let scam_listed = listed.iter().any(|(effect, _)| *effect > 0.0);
            // A safe message worded like scams, with nothing genuine about it, is told so too.
            let scam_worded = wording.logit >= WORDING_SHOWN && !genuine;
            let (key, words, effect) = if (flagged && !scam_listed)
                || scam_worded
                || (flagged && wording.logit >= WORDING_SHOWN)
            {
                // After the signals that fired, which say more than a few words do.
                ("reason.wording_scam", &wording.scam, f32::MIN_POSITIVE)
            } else if !flagged && wording.logit <= -WORDING_SHOWN {
                ("reason.wording_genuine", &wording.genuine, wording.logit)
            } else {
                ("", &Vec::new(), 0.0)
            };
            if let Some(reason) = self.quoting(key, words) {
                listed.push((effect, reason));
            }
        }
        if flagged {
            listed.sort_by(|a, b| b.0.total_cmp(&a.0));
        } else {
            listed.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        if !flagged && listed.is_empty() {
            let key = "reason.no_sign";
            let (message_vi, message_en) = self.compiled.explanations().text(key);
            listed.push((
                0.0,
                Reason {
                    code: key.into(),
                    message_vi,
                    message_en,
                    span: None,
                },
            ));
        }
        listed.into_iter().map(|(_, reason)| reason).collect()
    }

    /// The reason of text `key` quoting the original `words` (heaviest first; quoted in the
    /// text's order), pointing at the heaviest; none without words.
    fn quoting(&self, key: &str, words: &[Range<usize>]) -> Option<Reason> {
        let text = self.text?;
        let heaviest = words.first()?.clone();
        let mut in_order: Vec<&Range<usize>> = words.iter().collect();
        in_order.sort_by_key(|r| r.start);
        let quoted = in_order
            .iter()
            .filter_map(|r| text.get((*r).clone()))
            .map(|w| format!("«{w}»"))
            .collect::<Vec<_>>()
            .join(", ");
        let (vi, en) = self.compiled.explanations().text(key);
        Some(Reason {
            code: key.into(),
            message_vi: vi.replace("{words}", &quoted).into(),
            message_en: en.replace("{words}", &quoted).into(),
            span: self.span(heaviest),
        })
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

/// The noisy-OR of the catalogue weights. Strong evidence from the detectors (a look-alike domain,
/// a reported number) stands on its own: wording can be copied from genuine notices, a domain
/// cannot. The rest, phrases included, is dampened by evidence of a genuine message.
fn noisy_or(weighed: &[Weighed], strong: f32) -> f32 {
    let (mut keep_strong, mut keep_rest, mut damp) = (1.0f32, 1.0f32, 1.0f32);
    for w in weighed {
        if w.weight >= strong && matches!(w.hit.code, HitCode::Rule(_)) {
            keep_strong *= 1.0 - w.weight;
        } else if w.weight > 0.0 {
            keep_rest *= 1.0 - w.weight;
        } else if w.weight < 0.0 {
            damp *= 1.0 + w.weight;
        }
    }
    (1.0 - keep_strong * (1.0 - (1.0 - keep_rest) * damp)).clamp(0.0, 1.0)
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
