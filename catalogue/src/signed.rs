//! The one signed envelope for everything the district publishes (the catalogue bundle now; the
//! area list and the warnings feed later), checked once for shape, key, signature, validity
//! window and rollback.
//!
//! Layout (little-endian), 44-byte header, payload, 64-byte Ed25519 signature over everything
//! before it:
//!
//! | bytes | field |
//! |---|---|
//! | 4 | kind tag ([`Publication::KIND`]: `CGCB` for the catalogue bundle) |
//! | 2 | format version ([`Publication::FORMAT_VERSION`]) |
//! | 2 | reserved, zero |
//! | 8 | version of the publication |
//! | 8 | issued at (unix seconds) |
//! | 8 | expires at (unix seconds) |
//! | 8 | id of the signing key (first 8 bytes of its public key), zero when unsigned |
//! | 4 | payload length |
//! | n | payload in postcard encoding |
//! | 64 | signature, zero when unsigned |
//!
//! The frame (kind tag, format version, key id and the signature over all before it at the end)
//! is the same in every format version; a new format may change only what lies between. That is
//! what lets a reader tell a newer format, which a trusted key signed, from a header damaged or
//! edited on the way, which no trusted key signed.
//!
//! Checks run cheapest first and the payload is decoded only once the signature holds, so a
//! tampered or truncated file never reaches the decoder.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::BundleError;
use crate::keys::{KeyPair, PublicKey};

/// Bytes of the header.
pub const HEADER_LEN: usize = 44;
/// Bytes of the signature that ends every file.
pub const SIGNATURE_LEN: usize = 64;
const KEY_ID_AT: usize = 32;

/// Something the district publishes in a [`Signed`] envelope.
pub trait Publication: Serialize + DeserializeOwned {
    /// The four bytes that open every file of this kind, so that one kind is never read as another.
    const KIND: [u8; 4];
    /// The layout of the payload this code writes and reads.
    const FORMAT_VERSION: u16;
    /// The publication's version, written in the header; it only grows, and a phone refuses one
    /// older than what it has.
    fn version(&self) -> u64;
}

/// What the header of a signed file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The kind tag ([`Publication::KIND`]).
    pub kind: [u8; 4],
    /// The format version of the payload.
    pub format_version: u16,
    /// The publication's version ([`Publication::version`]).
    pub version: u64,
    /// Start of the validity window (unix seconds).
    pub issued_at: i64,
    /// End of the validity window (unix seconds), exclusive.
    pub expires_at: i64,
    /// Id of the key that signed it ([`PublicKey::id`]), zero when unsigned.
    pub key_id: [u8; 8],
}

impl Header {
    /// The header `payload` would get, unsigned: for a publication used without an envelope
    /// (tools that compile the sources on the fly).
    pub fn unsigned<T: Publication>(payload: &T, issued_at: i64, expires_at: i64) -> Self {
        Header {
            kind: T::KIND,
            format_version: T::FORMAT_VERSION,
            version: payload.version(),
            issued_at,
            expires_at,
            key_id: [0; 8],
        }
    }

    /// The signing key's id in hex, as messages show it (a key id says nothing about a person).
    pub fn key_id_hex(&self) -> String {
        hex::encode(self.key_id)
    }
}

/// A verified publication and its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed<T> {
    /// The header, verified with the payload.
    pub header: Header,
    /// The publication itself.
    pub payload: T,
}

/// What [`Signed::open`] checks besides the signature.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenPolicy {
    /// Current time (unix seconds); `None` skips the validity window (the bundle compiled into the
    /// app itself, which is better than no protection at all once it ages).
    pub now: Option<i64>,
    /// Version already installed; an older publication is refused as a rollback.
    pub installed_version: Option<u64>,
}

impl<T: Publication> Signed<T> {
    /// Encodes and signs `payload`, valid from `issued_at` to `expires_at` (unix seconds).
    pub fn seal(payload: &T, key: &KeyPair, issued_at: i64, expires_at: i64) -> Vec<u8> {
        let unsigned = Self::unsigned(payload, issued_at, expires_at);
        Self::sign(&unsigned, key).expect("a freshly encoded file has a valid shape")
    }

    /// Encodes `payload` with a zero key id and signature: what `catalogue build` writes for the
    /// district to sign on its own machine. No app accepts it as it is.
    pub fn unsigned(payload: &T, issued_at: i64, expires_at: i64) -> Vec<u8> {
        let body = postcard::to_stdvec(payload).expect("a publication always serialises");
        let body_len = u32::try_from(body.len()).expect("a publication under 4 GiB");
        let mut out = Vec::with_capacity(HEADER_LEN + body.len() + SIGNATURE_LEN);
        out.extend_from_slice(&T::KIND);
        out.extend_from_slice(&T::FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&payload.version().to_le_bytes());
        out.extend_from_slice(&issued_at.to_le_bytes());
        out.extend_from_slice(&expires_at.to_le_bytes());
        out.extend_from_slice(&[0u8; 8]);
        out.extend_from_slice(&body_len.to_le_bytes());
        out.extend_from_slice(&body);
        out.extend_from_slice(&[0u8; SIGNATURE_LEN]);
        out
    }

    /// (Re-)signs a file with `key`: writes the key id and the signature.
    pub fn sign(bytes: &[u8], key: &KeyPair) -> Result<Vec<u8>, BundleError> {
        Self::peek_header(bytes)?;
        let mut out = bytes.to_vec();
        let signed_len = out.len() - SIGNATURE_LEN;
        out[KEY_ID_AT..KEY_ID_AT + 8].copy_from_slice(&key.public().id());
        let signature = key.sign(&out[..signed_len]);
        out[signed_len..].copy_from_slice(&signature);
        Ok(out)
    }

    /// Reads the header without verifying anything but its shape.
    pub fn peek_header(bytes: &[u8]) -> Result<Header, BundleError> {
        if bytes.len() < HEADER_LEN + SIGNATURE_LEN {
            return Err(BundleError::Truncated { len: bytes.len() });
        }
        if bytes[..4] != T::KIND {
            return Err(BundleError::BadMagic);
        }
        let format_version = u16::from_le_bytes(field(bytes, 4));
        if format_version != T::FORMAT_VERSION {
            return Err(BundleError::UnsupportedFormat {
                found: format_version,
                supported: T::FORMAT_VERSION,
            });
        }
        if u16::from_le_bytes(field(bytes, 6)) != 0 {
            return Err(malformed("reserved header bytes are not zero"));
        }
        let payload_len = u32::from_le_bytes(field(bytes, 40)) as usize;
        // Checked: on a 32-bit phone a length near 4 GiB would wrap around.
        let Some(expected) = (HEADER_LEN + SIGNATURE_LEN).checked_add(payload_len) else {
            return Err(BundleError::Truncated { len: bytes.len() });
        };
        if bytes.len() < expected {
            return Err(BundleError::Truncated { len: bytes.len() });
        }
        if bytes.len() > expected {
            return Err(malformed("trailing bytes after the signature"));
        }
        Ok(Header {
            kind: T::KIND,
            format_version,
            version: u64::from_le_bytes(field(bytes, 8)),
            issued_at: i64::from_le_bytes(field(bytes, 16)),
            expires_at: i64::from_le_bytes(field(bytes, 24)),
            key_id: field(bytes, KEY_ID_AT),
        })
    }

    /// Verifies `bytes` against the trusted keys and the policy, then decodes the payload.
    pub fn open(
        bytes: &[u8],
        trusted: &[PublicKey],
        policy: OpenPolicy,
    ) -> Result<Self, BundleError> {
        let header = match Self::peek_header(bytes) {
            Err(BundleError::UnsupportedFormat { found, supported }) => {
                return Err(unread_format(bytes, trusted, found, supported))
            }
            other => other?,
        };
        verify(bytes, trusted)?;
        let signed_len = bytes.len() - SIGNATURE_LEN;
        let payload: T = postcard::from_bytes(&bytes[HEADER_LEN..signed_len])
            .map_err(|_| malformed("the payload does not decode"))?;
        if payload.version() != header.version {
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
            // A day of slack: phones' clocks drift, and a file signed "today" in Hanoi may
            // arrive on a phone whose clock is hours behind.
            if now + 86_400 < header.issued_at {
                return Err(BundleError::NotYetValid {
                    issued_at: header.issued_at,
                });
            }
        }
        if let Some(installed) = policy.installed_version {
            if header.version < installed {
                return Err(BundleError::Rollback {
                    installed,
                    offered: header.version,
                });
            }
        }
        Ok(Signed { header, payload })
    }
}

/// Checks the frame's signature with the trusted key the header names.
fn verify(bytes: &[u8], trusted: &[PublicKey]) -> Result<(), BundleError> {
    let key_id: [u8; 8] = field(bytes, KEY_ID_AT);
    let signed_len = bytes.len() - SIGNATURE_LEN;
    let signature: [u8; SIGNATURE_LEN] = field(bytes, signed_len);
    if key_id == [0; 8] && signature == [0; SIGNATURE_LEN] {
        return Err(BundleError::NotSigned);
    }
    let key = trusted
        .iter()
        .find(|key| key.id() == key_id)
        .ok_or(BundleError::UnknownKey)?;
    key.verify(&bytes[..signed_len], &signature)
}

/// Why a file in a format this code does not read is refused. Only a file that a trusted key
/// signed in that format is a newer format (update the app); otherwise the format version was
/// damaged or edited after signing (one flipped bit turns 1 into 257, 3 or 0) and an update would
/// not help. Relies on the frame being the same in every format (see the module's header).
fn unread_format(bytes: &[u8], trusted: &[PublicKey], found: u16, supported: u16) -> BundleError {
    match verify(bytes, trusted) {
        Ok(()) => BundleError::UnsupportedFormat { found, supported },
        Err(BundleError::BadSignature) => BundleError::DamagedHeader { found },
        Err(key_problem) => key_problem,
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
