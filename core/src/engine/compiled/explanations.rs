//! The texts a verdict shows (reason codes and messages, category titles, advice), held once per
//! catalogue and shared by every verdict that quotes them: explaining a check copies no text,
//! it only counts one more reader of it.

use canhgiac_catalogue::codes::RuleCode;
use canhgiac_catalogue::model::Catalogue;

use super::refs::CategoryIds;
use crate::shared_text::SharedText;

/// What one signal or rule says when it fires.
#[derive(Debug, Clone)]
pub(crate) struct Explanation {
    pub code: SharedText,
    pub vi: SharedText,
    pub en: SharedText,
    /// The messages name the entity concerned (`{entity}`), so each use fills them in.
    pub names_entity: bool,
}

impl Explanation {
    fn new(code: &str, vi: &str, en: &str) -> Self {
        Explanation {
            code: code.into(),
            vi: vi.into(),
            en: en.into(),
            names_entity: vi.contains(ENTITY) || en.contains(ENTITY),
        }
    }

    /// The messages with `{entity}` filled in by `entity`'s name.
    pub fn messages(&self, entity: &str) -> (SharedText, SharedText) {
        if self.names_entity {
            (
                self.vi.replace(ENTITY, entity).into(),
                self.en.replace(ENTITY, entity).into(),
            )
        } else {
            (self.vi.clone(), self.en.clone())
        }
    }
}

/// The placeholder of the entity's name in messages.
const ENTITY: &str = "{entity}";

/// A built-in detector's rule (`link.lookalike`…): its weight, category and explanation.
#[derive(Debug, Clone)]
pub(crate) struct RuleFacts {
    pub weight: f32,
    pub category: Option<usize>,
    pub explanation: Explanation,
}

/// A category as a verdict names it.
#[derive(Debug, Clone)]
pub(crate) struct CategoryTexts {
    pub id: SharedText,
    pub title_vi: SharedText,
    pub title_en: SharedText,
    pub advice_vi: SharedText,
    pub advice_en: SharedText,
}

/// Every text a verdict can quote.
pub(crate) struct Explanations {
    /// By signal index.
    signals: Vec<Explanation>,
    /// By rule code (its number); `None` for a rule the catalogue lacks, which weighs nothing.
    rules: Vec<Option<RuleFacts>>,
    /// By category index.
    categories: Vec<CategoryTexts>,
    /// The catalogue's `[texts]`, sorted by key (the key is the code of an informational
    /// reason).
    texts: Vec<(Box<str>, Explanation)>,
}

impl Explanations {
    pub fn build(catalogue: &Catalogue, categories: &CategoryIds) -> Self {
        Explanations {
            signals: catalogue
                .signals
                .iter()
                .map(|s| Explanation::new(&s.id, &s.message_vi, &s.message_en))
                .collect(),
            // A rule of the catalogue that this build does not know (from a newer catalogue)
            // has no detector to fire it.
            rules: RuleCode::ALL
                .iter()
                .map(|code| {
                    let rule = catalogue.rules.get(code.as_str())?;
                    Some(RuleFacts {
                        weight: rule.weight,
                        category: categories.of(&rule.category),
                        explanation: Explanation::new(
                            code.as_str(),
                            &rule.message_vi,
                            &rule.message_en,
                        ),
                    })
                })
                .collect(),
            categories: catalogue
                .categories
                .iter()
                .map(|c| CategoryTexts {
                    id: c.id.as_str().into(),
                    title_vi: c.title_vi.as_str().into(),
                    title_en: c.title_en.as_str().into(),
                    advice_vi: c.advice_vi.as_str().into(),
                    advice_en: c.advice_en.as_str().into(),
                })
                .collect(),
            // The map iterates in key order: the list comes out sorted.
            texts: catalogue
                .texts
                .iter()
                .map(|(key, t)| (key.as_str().into(), Explanation::new(key, &t.vi, &t.en)))
                .collect(),
        }
    }

    /// What signal `signal` says when it fires.
    pub fn signal(&self, signal: usize) -> &Explanation {
        &self.signals[signal]
    }

    /// How a verdict names category `category`.
    pub fn category(&self, category: usize) -> &CategoryTexts {
        &self.categories[category]
    }

    /// The rule `code`, when the catalogue has it.
    pub fn rule(&self, code: RuleCode) -> Option<&RuleFacts> {
        self.rules.get(code as usize)?.as_ref()
    }

    /// The text under `key` in Vietnamese and English; the key itself when the catalogue lacks
    /// it (as [`Catalogue::text`] does).
    pub fn text(&self, key: &str) -> (SharedText, SharedText) {
        match self.info(key) {
            Some(text) => (text.vi.clone(), text.en.clone()),
            None => (key.into(), key.into()),
        }
    }

    /// The text under `key` as the explanation of an informational reason.
    pub fn info(&self, key: &str) -> Option<&Explanation> {
        find(&self.texts, key)
    }
}

/// The value under `key` in `sorted`.
fn find<'a, T>(sorted: &'a [(Box<str>, T)], key: &str) -> Option<&'a T> {
    sorted
        .binary_search_by(|(k, _)| k.as_ref().cmp(key))
        .ok()
        .map(|at| &sorted[at].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use canhgiac_catalogue::model::{Rule, Text};

    #[test]
    fn finds_rules_and_texts_by_code_and_fills_in_the_entity() {
        let mut catalogue = Catalogue::default();
        for code in [
            "number.blocklisted",
            "link.lookalike",
            "account.blocklisted",
        ] {
            let rule = Rule {
                weight: 0.5,
                category: Some("bank_otp".into()),
                message_vi: format!("{code}: giả {{entity}}"),
                message_en: format!("{code}: imitates {{entity}}"),
            };
            catalogue.rules.insert(code.into(), rule);
        }
        let text = Text {
            vi: "An toàn".into(),
            en: "Safe".into(),
        };
        catalogue.texts.insert("verdict.safe".into(), text);
        let category = canhgiac_catalogue::model::Category {
            id: "bank_otp".into(),
            ..Default::default()
        };
        catalogue.categories = vec![Default::default(), category];
        let explanations = Explanations::build(&catalogue, &CategoryIds(&catalogue));

        let rule = explanations.rule(RuleCode::LinkLookalike).expect("found");
        assert_eq!((rule.weight, rule.category), (0.5, Some(1)));
        assert_eq!(rule.explanation.code, "link.lookalike");
        let (vi, en) = rule.explanation.messages("Vietcombank");
        assert_eq!(vi, "link.lookalike: giả Vietcombank");
        assert_eq!(en, "link.lookalike: imitates Vietcombank");
        assert!(explanations.rule(RuleCode::LinkApk).is_none());

        assert_eq!(
            explanations.text("verdict.safe"),
            ("An toàn".into(), "Safe".into())
        );
        // A key the catalogue lacks reads as itself, as `Catalogue::text` does.
        assert_eq!(
            explanations.text("advice.x"),
            ("advice.x".into(), "advice.x".into())
        );
        let (vi, _) = explanations
            .info("verdict.safe")
            .expect("found")
            .messages("?");
        assert_eq!(vi, "An toàn");
    }
}
