//! What the sender rules need to know of a message's wording: whether it speaks as an
//! organisation (signals tagged `institutional`: "Quý khách", "Kính gửi") and whether it
//! advertises (an advert label such as `[QC]` at its start, or signals tagged `advert`).

use canhgiac_catalogue::model::Catalogue;

use super::signal_set::SignalSet;
use super::signals::tagged;

/// Tag of the signals that word a message as an organisation's notice.
const TAG_INSTITUTIONAL: &str = "institutional";
/// Tag of the signals that advertise.
const TAG_ADVERT: &str = "advert";

pub(crate) struct SenderRules {
    institutional: SignalSet,
    advert: SignalSet,
    /// Lower-case advert labels (`[qc]`).
    advert_labels: Vec<String>,
}

impl SenderRules {
    pub fn build(catalogue: &Catalogue) -> Self {
        SenderRules {
            institutional: tagged(catalogue, TAG_INSTITUTIONAL),
            advert: tagged(catalogue, TAG_ADVERT),
            advert_labels: catalogue
                .senders
                .advert_labels
                .iter()
                .map(|l| l.to_lowercase())
                .collect(),
        }
    }

    /// True when a signal that `fired` words the message as an organisation's notice.
    pub fn institutional(&self, fired: &SignalSet) -> bool {
        self.institutional.meets(fired)
    }

    /// True when the message advertises: its `text` opens with an advert label, or an
    /// advertising signal `fired`.
    pub fn advert(&self, text: &str, fired: &SignalSet) -> bool {
        let opening: String = text
            .trim_start()
            .chars()
            .take(8)
            .collect::<String>()
            .to_lowercase();
        self.advert_labels
            .iter()
            .any(|l| opening.starts_with(l.as_str()))
            || self.advert.meets(fired)
    }
}
