//! The signed bundle: the one binary file a phone accepts as its catalogue.
//!
//! Layout (little-endian), 44-byte header, payload, 64-byte Ed25519 signature over everything before it:
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic `CGCB` |
//! | 2 | format version ([`FORMAT_VERSION`]) |
//! | 2 | reserved, zero |
//! | 8 | catalogue version |
//! | 8 | issued at (unix seconds) |
//! | 8 | expires at (unix seconds) |
//! | 8 | id of the signing key (first 8 bytes of its public key) |
//! | 4 | payload length |
//! | n | payload: the [`Catalogue`] in postcard encoding |
//! | 64 | signature |
//!
//! Checks run cheapest first and the payload is decoded only once the signature holds, so a
//! tampered or truncated file never reaches the decoder.

use crate::error::BundleError;
use crate::keys::{KeyPair, PublicKey};
use crate::model::Catalogue;

/// The bundle format this code writes and reads.
pub const FORMAT_VERSION: u16 = 1;
const MAGIC: &[u8; 4] = b"CGCB";
const HEADER_LEN: usize = 44;
const SIGNATURE_LEN: usize = 64;

/// What the header says about a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleHeader {
    pub format_version: u16,
    pub catalogue_version: u64,
    pub issued_at: i64,
    pub expires_at: i64,
    pub key_id: [u8; 8],
}

/// A verified bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub header: BundleHeader,
    pub catalogue: Catalogue,
}

/// What the opener checks besides the signature.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenPolicy {
    /// Current time (unix seconds); `None` skips the validity window (the bundle compiled into the
    /// app itself, which is better than no protection at all once it ages).
    pub now: Option<i64>,
    /// Version already installed; an older bundle is refused as a rollback.
    pub installed_version: Option<u64>,
}

impl Bundle {
    /// Encodes and signs `catalogue`, valid from `issued_at` to `expires_at` (unix seconds).
    pub fn seal(catalogue: &Catalogue, key: &KeyPair, issued_at: i64, expires_at: i64) -> Vec<u8> {
        let unsigned = Self::unsigned(catalogue, issued_at, expires_at);
        Self::sign(&unsigned, key).expect("a freshly encoded bundle has a valid shape")
    }

    /// Encodes `catalogue` with an empty signature: what `catalogue build` writes for the district
    /// to sign on its own machine. No app accepts it as it is.
    pub fn unsigned(catalogue: &Catalogue, issued_at: i64, expires_at: i64) -> Vec<u8> {
        let payload = postcard::to_stdvec(catalogue).expect("a catalogue always serialises");
        let payload_len = u32::try_from(payload.len()).expect("catalogue under 4 GiB");
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + SIGNATURE_LEN);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&catalogue.meta.version.to_le_bytes());
        out.extend_from_slice(&issued_at.to_le_bytes());
        out.extend_from_slice(&expires_at.to_le_bytes());
        out.extend_from_slice(&[0u8; 8]);
        out.extend_from_slice(&payload_len.to_le_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&[0u8; SIGNATURE_LEN]);
        out
    }

    /// (Re-)signs a bundle with `key`: writes the key id and the signature.
    pub fn sign(bytes: &[u8], key: &KeyPair) -> Result<Vec<u8>, BundleError> {
        Self::peek_header(bytes)?;
        let mut out = bytes.to_vec();
        let signed_len = out.len() - SIGNATURE_LEN;
        out[32..40].copy_from_slice(&key.public().id());
        let signature = key.sign(&out[..signed_len]);
        out[signed_len..].copy_from_slice(&signature);
        Ok(out)
    }

    /// Reads the header without verifying anything but its shape.
    pub fn peek_header(bytes: &[u8]) -> Result<BundleHeader, BundleError> {
        if bytes.len() < HEADER_LEN + SIGNATURE_LEN {
            return Err(BundleError::Truncated { len: bytes.len() });
        }
        if &bytes[..4] != MAGIC {
            return Err(BundleError::BadMagic);
        }
        let format_version = u16::from_le_bytes(field(bytes, 4));
        if format_version != FORMAT_VERSION {
            return Err(BundleError::UnsupportedFormat {
                found: format_version,
                supported: FORMAT_VERSION,
            });
        }
        if u16::from_le_bytes(field(bytes, 6)) != 0 {
            return Err(malformed("reserved header bytes are not zero"));
        }
        let payload_len = u32::from_le_bytes(field(bytes, 40)) as usize;
        let expected = HEADER_LEN + SIGNATURE_LEN + payload_len;
        if bytes.len() < expected {
            return Err(BundleError::Truncated { len: bytes.len() });
        }
        if bytes.len() > expected {
            return Err(malformed("trailing bytes after the signature"));
        }
        Ok(BundleHeader {
            format_version,
            catalogue_version: u64::from_le_bytes(field(bytes, 8)),
            issued_at: i64::from_le_bytes(field(bytes, 16)),
            expires_at: i64::from_le_bytes(field(bytes, 24)),
            key_id: field(bytes, 32),
        })
    }

    /// Verifies `bytes` against the trusted keys and the policy, then decodes the catalogue.
    pub fn open(
        bytes: &[u8],
        trusted: &[PublicKey],
        policy: OpenPolicy,
    ) -> Result<Bundle, BundleError> {
        let header = Self::peek_header(bytes)?;
        let key = trusted
            .iter()
            .find(|key| key.id() == header.key_id)
            .ok_or(BundleError::UnknownKey)?;
        let signed_len = bytes.len() - SIGNATURE_LEN;
        let signature: [u8; 64] = field(bytes, signed_len);
        key.verify(&bytes[..signed_len], &signature)?;

        let catalogue: Catalogue = postcard::from_bytes(&bytes[HEADER_LEN..signed_len])
            .map_err(|_| malformed("the payload does not decode"))?;
        if catalogue.meta.version != header.catalogue_version {
            return Err(malformed("header and payload disagree on the version"));
        }
        if header.expires_at <= header.issued_at {
            return Err(malformed("expires before it is issued"));
        }
        if let Some(now) = policy.now {
            if now >= header.expires_at {
                return Err(BundleError::Expired {
                    expires_at: header.expires_at,
                });
            }
            // A day of slack: phones' clocks drift, and a bundle signed "today" in Hanoi may
            // arrive on a phone whose clock is hours behind.
            if now + 86_400 < header.issued_at {
                return Err(BundleError::NotYetValid {
                    issued_at: header.issued_at,
                });
            }
        }
        if let Some(installed) = policy.installed_version {
            if header.catalogue_version < installed {
                return Err(BundleError::Rollback {
                    installed,
                    offered: header.catalogue_version,
                });
            }
        }
        Ok(Bundle { header, catalogue })
    }
}

fn field<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes[at..at + N]
        .try_into()
        .expect("callers check the length first")
}

fn malformed(reason: &str) -> BundleError {
    BundleError::Malformed {
        reason: reason.to_owned(),
    }
}

/// Unix seconds at 00:00 UTC of a `YYYY-MM-DD` date, or `None` when it is not a real date.
pub fn unix_day(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month[(month - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days-from-civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// `YYYY-MM-DD` (UTC) of unix seconds: the inverse of [`unix_day`].
pub fn civil_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(bundle.catalogue, catalogue(7));
        assert_eq!(bundle.header.catalogue_version, 7);
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
        let mut format = good;
        format[4] = 9;
        assert!(matches!(
            open(&format, now),
            Err(BundleError::UnsupportedFormat { found: 9, .. })
        ));
    }

    #[test]
    fn unix_day_matches_known_dates() {
        assert_eq!(unix_day("1970-01-01"), Some(0));
        assert_eq!(unix_day("2026-11-28"), Some(1_795_824_000));
        assert_eq!(unix_day("2024-02-29"), Some(1_709_164_800));
        assert_eq!(unix_day("2025-02-29"), None);
        assert_eq!(unix_day("2026-13-01"), None);
        assert_eq!(unix_day("soon"), None);
        for date in ["1970-01-01", "2024-02-29", "2026-11-28", "2100-12-31"] {
            assert_eq!(civil_date(unix_day(date).expect("a real date")), date);
        }
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
