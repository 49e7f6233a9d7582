//! The codes the detectors and the catalogue share: the built-in rules ([`RuleCode`]) whose
//! weights and explanations the catalogue gives, and the facts ([`Fact`]) a combo may name.
//!
//! Both sides use these enums, so a code misspelt in Rust does not compile, and one misspelt in
//! the catalogue is refused when the catalogue is built. The text form (`link.lookalike`,
//! `fact.link`) is what the catalogue sources, the reasons of a verdict and the JSON carry.

/// Generates an enum of codes with its text form, the list of every variant, and parsing.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$doc])* $variant,)+
        }

        impl $name {
            /// Every code, in declaration order (its number is its position).
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code's text form, as the catalogue and the reasons write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The code written `text`, if there is one.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// A built-in detector's rule: the detector decides when it fires, the catalogue's `[rules]`
    /// give its weight, category and explanation.
    RuleCode {
        /// The link's domain is on the blocklist.
        LinkBlocklisted = "link.blocklisted",
        /// The domain's name is a misspelling of an official one.
        LinkLookalike = "link.lookalike",
        /// A brand's keyword inside a domain that is not the brand's.
        LinkBrandInDomain = "link.brand_in_domain",
        /// An internationalised domain that folds to an official name.
        LinkIdnHomograph = "link.idn_homograph",
        /// An internationalised (punycode) domain.
        LinkPunycode = "link.punycode",
        /// A top-level domain scammers favour.
        LinkRiskyTld = "link.risky_tld",
        /// A raw IP address instead of a name.
        LinkRawIp = "link.raw_ip",
        /// A link shortener.
        LinkShortener = "link.shortener",
        /// A brand's name in a shortened link's path.
        LinkBrandInShortened = "link.brand_in_shortened",
        /// An Android app package to download.
        LinkApk = "link.apk",
        /// Words of a log-in or verification page in the host or path.
        LinkCredentialWords = "link.credential_words",
        /// An official domain of an organisation in the catalogue.
        LinkOfficial = "link.official",
        /// A brand's keyword glued to noise (random letters, digits, filler such as `vip`) in a
        /// domain that is not the brand's: `<brand>vip03.com`, `xz<brand>.com`.
        LinkBrandWithNoise = "link.brand_with_noise",
        /// Words of banking (`nganhang`, `ebanking`) in a domain that is not a bank's own.
        LinkBankWords = "link.bank_words",
        /// A domain under an official suffix (`gov.vn`) whose owner the catalogue does not know.
        LinkStateDomain = "link.state_domain",
        /// One of the most visited sites of the country: never a look-alike.
        LinkWellKnown = "link.well_known",
        /// The number is on the blocklist.
        NumberBlocklisted = "number.blocklisted",
        /// A number outside Vietnam.
        NumberInternational = "number.international",
        /// A number from a country scam calls often come from.
        NumberRiskyCountry = "number.risky_country",
        /// A blocked number quoted in the message.
        NumberInTextBlocklisted = "number.in_text_blocklisted",
        NumberNotTheEntitys = "number.not_the_entitys",
        /// A blocked bank account quoted in the message.
        AccountBlocklisted = "account.blocklisted",
        /// An organisation that writes only under its brandname, speaking from a personal number.
        SenderBrandFromPersonalNumber = "sender.brand_from_personal_number",
        /// An advert from a personal number (Decree 91/2020 allows adverts only from brandnames).
        SenderAdFromPersonalNumber = "sender.ad_from_personal_number",
        /// A message from a number outside Vietnam.
        SenderInternational = "sender.international",
        /// A registered brandname whose every link is on its own official domains.
        SenderBrandnameOwnLinks = "sender.brandname_own_links",
    }
}

codes! {
    /// What the detectors establish about a message besides its words, for combos to name as
    /// parts (`all_of = ["fact.link", …]`).
    Fact {
        /// A link no known owner vouches for (not official, not a state domain, not a
        /// well-known site).
        Link = "fact.link",
        /// A Vietnamese mobile number in the message.
        PhoneNumber = "fact.phone_number",
        /// The sender is a personal (mobile) number.
        PersonalSender = "fact.personal_sender",
        /// The message names an organisation of the catalogue.
        Entity = "fact.entity",
        /// The message names an organisation that speaks for the state (`scoring.authority_kinds`).
        Authority = "fact.authority",
        /// A number outside Vietnam in the message.
        ForeignNumber = "fact.foreign_number",
    }
}

impl Fact {
    /// The fact's bit in a set of facts (six facts: one byte holds them all).
    pub fn bit(self) -> u8 {
        1 << self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_text() {
        for &code in RuleCode::ALL {
            assert_eq!(RuleCode::parse(code.as_str()), Some(code));
        }
        for &fact in Fact::ALL {
            assert_eq!(Fact::parse(fact.as_str()), Some(fact));
        }
        assert_eq!(RuleCode::parse("link.lookalik"), None);
        assert_eq!(Fact::parse("link.lookalike"), None);
    }

    #[test]
    fn codes_are_numbered_by_position_and_facts_fit_a_byte() {
        for (i, &code) in RuleCode::ALL.iter().enumerate() {
            assert_eq!(code as usize, i);
        }
        let bits = Fact::ALL.iter().fold(0u16, |bits, f| {
            assert_eq!(bits & u16::from(f.bit()), 0, "one bit per fact");
            bits | u16::from(f.bit())
        });
        assert_eq!(bits.count_ones() as usize, Fact::ALL.len());
    }
}
