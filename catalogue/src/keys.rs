//! Ed25519 keys of the district: generation, the text form kept in files, signing and verifying.
//!
//! Keys are stored as one line of lowercase hex (64 characters). A key's id is the first 8 bytes of
//! the public key; bundles carry it so an app can say "signed by a key I do not trust" rather than
//! "bad signature". Generating a key needs the `authoring` feature: a phone only verifies.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::error::BundleError;

/// A trusted public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

/// A signing key with its public half. Never stored in the repository except the development key.
pub struct KeyPair(SigningKey);

impl PublicKey {
    /// Parses the hex text form; `None` when it is not 32 bytes of hex or not a valid point.
    pub fn from_hex(text: &str) -> Option<Self> {
        VerifyingKey::from_bytes(&decode_32(text)?).ok().map(Self)
    }

    /// The hex text form.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0.as_bytes())
    }

    /// The hex text form of the id: what messages show to say which key signed a bundle.
    pub fn id_hex(&self) -> String {
        hex::encode(self.id())
    }

    /// The 8-byte id carried in bundle headers.
    pub fn id(&self) -> [u8; 8] {
        let mut id = [0u8; 8];
        id.copy_from_slice(&self.0.as_bytes()[..8]);
        id
    }

    /// Checks a signature with the strict rules (no malleable or small-order signatures).
    pub fn verify(&self, message: &[u8], signature: &[u8; 64]) -> Result<(), BundleError> {
        let signature = Signature::from_bytes(signature);
        self.0
            .verify_strict(message, &signature)
            .map_err(|_| BundleError::BadSignature)
    }
}

impl KeyPair {
    /// A fresh key pair from the operating system's random source.
    #[cfg(feature = "authoring")]
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed)?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    /// Parses the hex text form of the 32-byte secret seed.
    pub fn from_hex(text: &str) -> Option<Self> {
        Some(Self(SigningKey::from_bytes(&decode_32(text)?)))
    }

    /// The hex text form of the secret seed (write it only to a file with mode 0600).
    pub fn secret_hex(&self) -> String {
        hex::encode(self.0.as_bytes())
    }

    /// The public half.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// Signs `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

/// 32 bytes from their hex text form, surrounding whitespace (a file's final newline) ignored.
fn decode_32(text: &str) -> Option<[u8; 32]> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(text.trim(), &mut bytes).ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "authoring")]
    fn generated_keys_differ() {
        let one = KeyPair::generate().expect("os random source");
        let two = KeyPair::generate().expect("os random source");
        assert_ne!(one.public(), two.public());
    }

    #[test]
    fn hex_round_trip_and_signature() {
        let pair = KeyPair::from_hex(&"5a".repeat(32)).expect("fixed seed");
        let again = KeyPair::from_hex(&pair.secret_hex()).expect("own hex parses");
        assert_eq!(pair.public(), again.public());
        let public = PublicKey::from_hex(&pair.public().to_hex()).expect("public hex parses");
        let signature = pair.sign(b"catalogue");
        assert!(public.verify(b"catalogue", &signature).is_ok());
        assert_eq!(
            public.verify(b"catalogu3", &signature),
            Err(BundleError::BadSignature)
        );
    }

    #[test]
    fn rejects_bad_hex() {
        assert!(PublicKey::from_hex("zz").is_none());
        assert!(PublicKey::from_hex(&"ab".repeat(31)).is_none());
        assert!(KeyPair::from_hex("é1").is_none());
        assert!(KeyPair::from_hex(&format!("+f{}", "ab".repeat(31))).is_none());
        assert!(KeyPair::from_hex(&"ab".repeat(33)).is_none());
    }

    #[test]
    fn reads_a_key_file_with_its_newline_and_either_case() {
        let pair = KeyPair::from_hex(&"5a".repeat(32)).expect("fixed seed");
        let text = format!("{}\n", pair.public().to_hex().to_uppercase());
        assert_eq!(PublicKey::from_hex(&text), Some(pair.public()));
        assert_eq!(pair.public().id_hex(), pair.public().to_hex()[..16]);
    }
}
