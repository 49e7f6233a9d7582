//! The catalogue bundle: the one binary file a phone accepts as its catalogue, a [`Catalogue`] in
//! the [`Signed`] envelope under the kind tag `CGCB`, format version 2 (see [`crate::signed`] for
//! the layout and the checks).

use crate::model::Catalogue;
use crate::signed::{Header, Publication, Signed};

pub use crate::dates::{civil_date, unix_day};
pub use crate::signed::OpenPolicy;

/// The bundle format this code writes and reads.
/// Version 2 added the learned model ([`crate::model::TextModel`]) to the catalogue.
pub const FORMAT_VERSION: u16 = 2;

/// A verified catalogue bundle: `header` and `payload`, the catalogue.
pub type Bundle = Signed<Catalogue>;

/// What a bundle's header says.
pub type BundleHeader = Header;

impl Publication for Catalogue {
    const KIND: [u8; 4] = *b"CGCB";
    const FORMAT_VERSION: u16 = FORMAT_VERSION;

    fn version(&self) -> u64 {
        self.meta.version
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::BundleError;
    use crate::keys::KeyPair;
    use crate::signed::{HEADER_LEN, SIGNATURE_LEN};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static KEY: LazyLock<KeyPair> =
        LazyLock::new(|| KeyPair::from_hex(&"11".repeat(32)).expect("fixed test seed"));

    fn catalogue(version: u64) -> Catalogue {
        let mut catalogue = Catalogue::default();
        catalogue.meta.version = version;
        catalogue.meta.issued_at = "2026-01-01".into();
        catalogue.links.shorteners = vec!["bit.ly".into()];
        catalogue
    }

    fn sealed(version: u64, issued_at: i64, expires_at: i64) -> Vec<u8> {
        Bundle::seal(&catalogue(version), &KEY, issued_at, expires_at)
    }

    fn open(bytes: &[u8], policy: OpenPolicy) -> Result<Bundle, BundleError> {
        Bundle::open(bytes, &[KEY.public()], policy)
    }

    #[test]
    fn round_trip() {
        let bundle = open(
            &sealed(7, 100, 200),
            OpenPolicy {
                now: Some(150),
                installed_version: Some(7),
            },
        )
        .expect("a fresh bundle opens");
        assert_eq!(bundle.payload, catalogue(7));
        assert_eq!(bundle.header.version, 7);
        assert_eq!(bundle.header.kind, *b"CGCB");
    }

    #[test]
    fn refuses_each_kind_of_bad_bundle() {
        let good = sealed(7, 100, 200);
        let now = OpenPolicy {
            now: Some(150),
            installed_version: None,
        };
        let mut tampered = good.clone();
        tampered[HEADER_LEN + 1] ^= 0x01;
        assert_eq!(open(&tampered, now), Err(BundleError::BadSignature));
        assert!(matches!(
            open(&good[..good.len() - 1], now),
            Err(BundleError::Truncated { .. })
        ));
        assert!(matches!(
            open(&good[..10], now),
            Err(BundleError::Truncated { .. })
        ));
        let mut unsigned = good.clone();
        unsigned.truncate(good.len() - SIGNATURE_LEN);
        unsigned.extend_from_slice(&[0u8; SIGNATURE_LEN]);
        assert_eq!(open(&unsigned, now), Err(BundleError::BadSignature));
        let built = Bundle::unsigned(&catalogue(7), 100, 200);
        assert_eq!(open(&built, now), Err(BundleError::NotSigned));
        let other = KeyPair::from_hex(&"22".repeat(32)).expect("fixed seed");
        let foreign = Bundle::seal(&catalogue(7), &other, 100, 200);
        assert_eq!(open(&foreign, now), Err(BundleError::UnknownKey));
        assert_eq!(
            open(
                &good,
                OpenPolicy {
                    now: Some(200),
                    installed_version: None
                }
            ),
            Err(BundleError::Expired { expires_at: 200 })
        );
        assert_eq!(
            open(
                &good,
                OpenPolicy {
                    now: Some(150),
                    installed_version: Some(8)
                }
            ),
            Err(BundleError::Rollback {
                installed: 8,
                offered: 7
            })
        );
        assert!(matches!(
            open(
                &sealed(7, 200_000, 300_000),
                OpenPolicy {
                    now: Some(0),
                    installed_version: None
                }
            ),
            Err(BundleError::NotYetValid { .. })
        ));
        let mut magic = good.clone();
        magic[0] = b'X';
        assert_eq!(open(&magic, now), Err(BundleError::BadMagic));
    }

    /// `bytes` with another format version, signed again by `key`: a genuinely newer file.
    fn resigned_as_format(mut bytes: Vec<u8>, format: u16, key: &KeyPair) -> Vec<u8> {
        bytes[4..6].copy_from_slice(&format.to_le_bytes());
        bytes[32..40].copy_from_slice(&key.public().id());
        let signed_len = bytes.len() - SIGNATURE_LEN;
        let signature = key.sign(&bytes[..signed_len]);
        bytes[signed_len..].copy_from_slice(&signature);
        bytes
    }

    #[test]
    fn a_flipped_format_bit_is_damage_and_a_signed_newer_format_asks_for_an_update() {
        let good = sealed(7, 100, 200);
        for (byte, bit) in [(4, 1), (4, 3), (5, 0), (4, 0)] {
            let mut flipped = good.clone();
            flipped[byte] ^= 1 << bit;
            let found = u16::from_le_bytes([flipped[4], flipped[5]]);
            assert_eq!(
                open(&flipped, OpenPolicy::default()),
                Err(BundleError::DamagedHeader { found }),
                "byte {byte} bit {bit}"
            );
        }
        let next = FORMAT_VERSION + 1;
        let newer = resigned_as_format(good.clone(), next, &KEY);
        assert_eq!(
            open(&newer, OpenPolicy::default()),
            Err(BundleError::UnsupportedFormat {
                found: next,
                supported: FORMAT_VERSION
            })
        );
        // Neither the app's key nor signed at all: an update would not make it acceptable.
        let other = KeyPair::from_hex(&"22".repeat(32)).expect("fixed seed");
        let foreign = resigned_as_format(good, next, &other);
        assert_eq!(
            open(&foreign, OpenPolicy::default()),
            Err(BundleError::UnknownKey)
        );
        let mut unsigned = Bundle::unsigned(&catalogue(7), 100, 200);
        unsigned[4..6].copy_from_slice(&next.to_le_bytes());
        assert_eq!(
            open(&unsigned, OpenPolicy::default()),
            Err(BundleError::NotSigned)
        );
    }

    #[test]
    fn refusals_name_days_not_seconds() {
        let expired = BundleError::Expired {
            expires_at: 1_795_824_000,
        };
        assert_eq!(
            expired.to_string(),
            "the bundle expired on 2026-11-28 (UTC)"
        );
        let early = BundleError::NotYetValid {
            issued_at: 1_709_164_800 + 3600,
        };
        assert_eq!(
            early.to_string(),
            "the bundle is not valid before 2024-02-29 (UTC)"
        );
        assert!(!BundleError::NotSigned.to_string().contains("trust"));
    }

    #[test]
    fn the_layout_is_the_one_phones_already_read() {
        // Written out by hand from the layout, so a change to the envelope cannot move a byte
        // of the catalogue bundle unnoticed.
        let bytes = sealed(7, 100, 200);
        let payload = postcard::to_stdvec(&catalogue(7)).expect("serialises");
        let mut expected = Vec::new();
        expected.extend_from_slice(b"CGCB");
        expected.extend_from_slice(&[2, 0, 0, 0]);
        expected.extend_from_slice(&7u64.to_le_bytes());
        expected.extend_from_slice(&100i64.to_le_bytes());
        expected.extend_from_slice(&200i64.to_le_bytes());
        expected.extend_from_slice(&KEY.public().id());
        expected.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        expected.extend_from_slice(&payload);
        assert_eq!(bytes[..bytes.len() - SIGNATURE_LEN], expected[..]);
        let signature: [u8; 64] = bytes[expected.len()..].try_into().expect("64 bytes");
        assert!(KEY.public().verify(&expected, &signature).is_ok());
    }

    proptest! {
        #[test]
        fn any_flipped_byte_is_rejected(index in 0usize..10_000, bit in 0u8..8) {
            let good = sealed(3, 100, 200);
            let mut bytes = good.clone();
            let index = index % bytes.len();
            bytes[index] ^= 1 << bit;
            prop_assert!(open(&bytes, OpenPolicy::default()).is_err());
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = open(&bytes, OpenPolicy::default());
        }
    }
}
