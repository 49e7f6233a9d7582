//! Evidence: what a detector found ([`Hit`]) and where it comes from ([`HitCode`]): a signal of
//! the catalogue, a built-in rule ([`RuleCode`]), an informational note or an entity named. The
//! scorer weighs it; the detectors only say what they saw.

use std::ops::Range;

pub(crate) use canhgiac_catalogue::codes::{Fact, RuleCode};

/// Which signal, rule or text a hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HitCode {
    /// A signal of the catalogue, by its index.
    Signal(usize),
    /// A built-in detector's rule; the catalogue gives its weight and texts.
    Rule(RuleCode),
    /// An informational note (weight 0), such as "official number".
    Info(InfoCode),
    /// An entity named in the message: no weight, but it names the category when nothing else does.
    Mention,
}

/// An informational note a reason can carry: its code is a key of the catalogue's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InfoCode {
    /// The number is an official hotline or short code.
    OfficialNumber,
}

impl InfoCode {
    /// The key of its text in the catalogue (and the reason's code).
    pub fn text_key(self) -> &'static str {
        match self {
            InfoCode::OfficialNumber => "number.official",
        }
    }
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
    fn new(code: HitCode) -> Self {
        Hit {
            code,
            entity: None,
            category: None,
            span: None,
        }
    }

    /// A signal that fired, quoting `span` of the original text.
    pub fn signal(index: usize, span: Option<Range<usize>>) -> Self {
        Hit::new(HitCode::Signal(index)).with_span(span)
    }

    /// A built-in rule that fired.
    pub fn rule(code: RuleCode) -> Self {
        Hit::new(HitCode::Rule(code))
    }

    /// An informational note about `entity`.
    pub fn info(code: InfoCode, entity: Option<usize>) -> Self {
        Hit::new(HitCode::Info(code)).with_entity(entity)
    }

    /// The entity the message names first.
    pub fn mention(entity: usize) -> Self {
        Hit::new(HitCode::Mention).with_entity(Some(entity))
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

/// What the learned model read in a message's wording: the n-grams' share of the log-odds, and
/// where in the original text the words that weighed most each way are (heaviest first).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Wording {
    pub logit: f32,
    pub scam: Vec<Range<usize>>,
    pub genuine: Vec<Range<usize>>,
}

/// Everything the detectors found in one message: the hits, the facts combos may name (as
/// [`Fact::bit`]s) and, when the catalogue has a learned model, what its wording says.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct MessageEvidence {
    pub hits: Vec<Hit>,
    pub facts: u8,
    pub wording: Option<Wording>,
}

impl MessageEvidence {
    /// Evidence of `hits` alone (a number's, a link's).
    pub fn of(hits: Vec<Hit>) -> Self {
        MessageEvidence {
            hits,
            ..MessageEvidence::default()
        }
    }
}

/// True when evidence of this weight is shown as a reason. Evidence that weighs nothing (an
/// amount, an account number: parts of combos) only counts towards other signals, so the
/// detectors need not find where it is.
pub(crate) fn shown(weight: f32) -> bool {
    weight != 0.0
}
