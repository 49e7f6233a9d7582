//! What a phone accepts as its catalogue: through `Checker::from_bundle`, a bundle compiled from the
//! real `assets/catalogue` and signed with the development key loads and checks, and every way a
//! bundle can be bad (tampered, unsigned, foreign key, rollback, expired, not yet valid, truncated,
//! trailing bytes, bad magic, unknown format, header and payload disagreeing) is refused with its
//! own `BundleError` variant. A property test flips one bit anywhere in the full bundle.

use std::path::Path;
use std::sync::LazyLock;

use canhgiac_catalogue::source::compile_dir;
use canhgiac_catalogue::{Bundle, BundleError, Catalogue, KeyPair, FORMAT_VERSION};
use canhgiac_core::{Checker, CoreError, VerdictLevel};
use proptest::prelude::*;

const DEV_SECRET: &str = include_str!("../../assets/keys/dev/dev.secret");
const DAY: i64 = 86_400;
/// A fixed clock: the checks must not depend on when the tests run.
const ISSUED_AT: i64 = 1_800_000_000;
const EXPIRES_AT: i64 = ISSUED_AT + 365 * DAY;
const NOW: i64 = ISSUED_AT + 10 * DAY;
/// Bytes before the payload, and the signature after it (see catalogue/src/bundle.rs).
const HEADER_LEN: usize = 44;
const SIGNATURE_LEN: usize = 64;

static DEV_KEY: LazyLock<KeyPair> =
    LazyLock::new(|| KeyPair::from_hex(DEV_SECRET).expect("assets/keys/dev/dev.secret is a key"));

static EMBEDDED_VERSION: LazyLock<u64> =
    LazyLock::new(|| Checker::embedded_version().expect("the embedded bundle has a header"));

/// The real catalogue, compiled from the sources.
static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalogue");
    compile_dir(&dir).expect("assets/catalogue compiles")
});

/// A good update: the real catalogue, one version above the embedded one, dev-signed.
static GOOD: LazyLock<Vec<u8>> = LazyLock::new(|| sealed(*EMBEDDED_VERSION + 1, &DEV_KEY));

fn catalogue(version: u64) -> Catalogue {
    let mut catalogue = CATALOGUE.clone();
    catalogue.meta.version = version;
    catalogue
}

fn sealed(version: u64, key: &KeyPair) -> Vec<u8> {
    Bundle::seal(&catalogue(version), key, ISSUED_AT, EXPIRES_AT)
}

fn load(bytes: &[u8]) -> Result<Checker, BundleError> {
    load_at(bytes, None, NOW)
}

fn load_at(bytes: &[u8], installed: Option<u64>, now: i64) -> Result<Checker, BundleError> {
    match Checker::from_bundle(bytes, installed, now) {
        Ok(checker) => Ok(checker),
        Err(CoreError::Bundle(error)) => Err(error),
        Err(other) => panic!("a bundle refusal must be CoreError::Bundle, got {other:?}"),
    }
}

/// The error a bad bundle is refused with (panics if it loads).
fn refusal(bytes: &[u8]) -> BundleError {
    match load(bytes) {
        Ok(_) => panic!("a bad bundle was accepted"),
        Err(error) => error,
    }
}

fn payload_range(bytes: &[u8]) -> std::ops::Range<usize> {
    HEADER_LEN..bytes.len() - SIGNATURE_LEN
}

#[test]
fn a_good_bundle_loads_and_checks() {
    let checker = load(&GOOD).expect("a dev-signed newer bundle loads");
    let info = checker.info();
    assert_eq!(info.version, *EMBEDDED_VERSION + 1);
    assert_eq!(info.issued_at, ISSUED_AT);
    assert_eq!(info.expires_at, EXPIRES_AT);
    assert!(info.development, "signed with the development key");
    assert_eq!(info.signals, CATALOGUE.signals.len() as u32);

    // Same content as the embedded catalogue, so the same verdicts.
    let embedded = Checker::embedded().expect("embedded catalogue");
    let text = "Vui lòng gửi mã OTP cho nhân viên ngân hàng để xác minh";
    let loaded = checker.check_sms(Some("0912345678"), text);
    assert_ne!(
        loaded.level,
        VerdictLevel::Safe,
        "an OTP request is flagged"
    );
    assert_eq!(loaded, embedded.check_sms(Some("0912345678"), text));
    assert_eq!(
        checker.check_link("vcb-xacminh.com").expect("a link"),
        embedded.check_link("vcb-xacminh.com").expect("a link")
    );
}

#[test]
fn the_same_version_as_installed_is_not_a_rollback() {
    let version = *EMBEDDED_VERSION + 1;
    assert!(load_at(&GOOD, Some(version), NOW).is_ok());
    assert!(load_at(&sealed(*EMBEDDED_VERSION, &DEV_KEY), None, NOW).is_ok());
}

#[test]
fn a_flipped_payload_byte_is_a_bad_signature() {
    for at in [
        HEADER_LEN,
        HEADER_LEN + 1,
        GOOD.len() / 2,
        GOOD.len() - SIGNATURE_LEN - 1,
    ] {
        let mut bytes = GOOD.clone();
        bytes[at] ^= 0x20;
        assert_eq!(refusal(&bytes), BundleError::BadSignature, "byte {at}");
    }
}

#[test]
fn a_stretched_validity_or_raised_version_in_the_header_is_a_bad_signature() {
    let mut later = GOOD.clone();
    later[24..32].copy_from_slice(&(EXPIRES_AT + 3650 * DAY).to_le_bytes());
    assert_eq!(refusal(&later), BundleError::BadSignature);

    let mut newer = GOOD.clone();
    newer[8..16].copy_from_slice(&(*EMBEDDED_VERSION + 100).to_le_bytes());
    assert_eq!(refusal(&newer), BundleError::BadSignature);
}

#[test]
fn a_damaged_signature_is_a_bad_signature() {
    let mut bytes = GOOD.clone();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    assert_eq!(refusal(&bytes), BundleError::BadSignature);
}

#[test]
fn an_unsigned_bundle_is_refused() {
    let unsigned = Bundle::unsigned(&catalogue(*EMBEDDED_VERSION + 1), ISSUED_AT, EXPIRES_AT);
    // `catalogue build` output names no key at all.
    assert_eq!(refusal(&unsigned), BundleError::NotSigned);
    // Claiming the trusted key without its signature does not help.
    let mut claimed = unsigned;
    claimed[32..40].copy_from_slice(&DEV_KEY.public().id());
    assert_eq!(refusal(&claimed), BundleError::BadSignature);
}

#[test]
fn a_bundle_signed_by_an_untrusted_key_is_refused() {
    let stranger = KeyPair::generate().expect("os random source");
    assert_eq!(
        refusal(&sealed(*EMBEDDED_VERSION + 1, &stranger)),
        BundleError::UnknownKey
    );
    // Even when it claims the id of a trusted key.
    let mut forged = sealed(*EMBEDDED_VERSION + 1, &stranger);
    forged[32..40].copy_from_slice(&DEV_KEY.public().id());
    assert_eq!(refusal(&forged), BundleError::BadSignature);
}

#[test]
fn a_version_older_than_the_installed_one_is_a_rollback() {
    let installed = *EMBEDDED_VERSION + 5;
    assert_eq!(
        load_at(&GOOD, Some(installed), NOW).err(),
        Some(BundleError::Rollback {
            installed,
            offered: *EMBEDDED_VERSION + 1
        })
    );
}

#[test]
fn a_version_older_than_the_embedded_one_is_a_rollback() {
    let older = EMBEDDED_VERSION
        .checked_sub(1)
        .expect("the embedded catalogue version is at least 1");
    let bytes = sealed(older, &DEV_KEY);
    let expected = Some(BundleError::Rollback {
        installed: *EMBEDDED_VERSION,
        offered: older,
    });
    assert_eq!(load_at(&bytes, None, NOW).err(), expected);
    // An installed version below the embedded one does not lower the floor.
    assert_eq!(load_at(&bytes, Some(0), NOW).err(), expected);
}

#[test]
fn an_expired_bundle_is_refused() {
    for now in [EXPIRES_AT, EXPIRES_AT + 1, EXPIRES_AT + 400 * DAY] {
        assert_eq!(
            load_at(&GOOD, None, now).err(),
            Some(BundleError::Expired {
                expires_at: EXPIRES_AT
            }),
            "now = {now}"
        );
    }
    assert!(
        load_at(&GOOD, None, EXPIRES_AT - 1).is_ok(),
        "valid until the last second"
    );
}

#[test]
fn a_bundle_from_the_future_is_refused_beyond_a_day_of_clock_drift() {
    for now in [ISSUED_AT - DAY - 1, ISSUED_AT - 30 * DAY, 0] {
        assert_eq!(
            load_at(&GOOD, None, now).err(),
            Some(BundleError::NotYetValid {
                issued_at: ISSUED_AT
            }),
            "now = {now}"
        );
    }
    assert!(
        load_at(&GOOD, None, ISSUED_AT - 3600).is_ok(),
        "an hour of drift is tolerated"
    );
}

#[test]
fn a_truncated_bundle_is_refused() {
    let len = GOOD.len();
    for keep in [
        0,
        1,
        4,
        HEADER_LEN - 1,
        HEADER_LEN,
        HEADER_LEN + SIGNATURE_LEN,
        len / 2,
        len - SIGNATURE_LEN,
        len - 1,
    ] {
        assert_eq!(
            refusal(&GOOD[..keep]),
            BundleError::Truncated { len: keep },
            "kept {keep} of {len} bytes"
        );
    }
}

#[test]
fn trailing_bytes_are_refused() {
    for garbage in [&b"\0"[..], b"garbage", &[0u8; 4096]] {
        let mut bytes = GOOD.clone();
        bytes.extend_from_slice(garbage);
        assert!(
            matches!(refusal(&bytes), BundleError::Malformed { .. }),
            "{} trailing bytes",
            garbage.len()
        );
    }
}

#[test]
fn bad_magic_is_refused() {
    let mut bytes = GOOD.clone();
    bytes[..4].copy_from_slice(b"PK\x03\x04");
    assert_eq!(refusal(&bytes), BundleError::BadMagic);
    assert_eq!(refusal(&[b'x'; 200]), BundleError::BadMagic);
}

#[test]
fn an_unknown_format_version_is_refused() {
    let mut bytes = GOOD.clone();
    bytes[4..6].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    // Edited after signing: damage, not a newer format.
    assert_eq!(
        refusal(&bytes),
        BundleError::DamagedHeader {
            found: FORMAT_VERSION + 1
        }
    );
    // Signed that way by a trusted key: a newer format, which needs a newer app.
    let signed_len = bytes.len() - SIGNATURE_LEN;
    let signature = DEV_KEY.sign(&bytes[..signed_len]);
    bytes[signed_len..].copy_from_slice(&signature);
    assert_eq!(
        refusal(&bytes),
        BundleError::UnsupportedFormat {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        }
    );
}

#[test]
fn a_signed_header_that_disagrees_with_its_payload_is_malformed() {
    // A signer's mistake (or a confused build), not an attacker: signed, but inconsistent.
    let mut unsigned = Bundle::unsigned(&catalogue(*EMBEDDED_VERSION + 1), ISSUED_AT, EXPIRES_AT);
    unsigned[8..16].copy_from_slice(&(*EMBEDDED_VERSION + 2).to_le_bytes());
    let signed = Bundle::sign(&unsigned, &DEV_KEY).expect("a well-shaped bundle");
    assert!(matches!(refusal(&signed), BundleError::Malformed { .. }));

    let backwards = Bundle::seal(
        &catalogue(*EMBEDDED_VERSION + 1),
        &DEV_KEY,
        ISSUED_AT,
        ISSUED_AT,
    );
    assert!(matches!(
        load_at(&backwards, None, ISSUED_AT - 1).err(),
        Some(BundleError::Malformed { .. })
    ));
}

#[test]
fn a_signed_payload_that_does_not_decode_is_malformed() {
    let mut bytes = GOOD.clone();
    let payload = payload_range(&bytes);
    bytes[payload].fill(0xff);
    let resigned = Bundle::sign(&bytes, &DEV_KEY).expect("a well-shaped bundle");
    assert!(matches!(refusal(&resigned), BundleError::Malformed { .. }));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_single_flipped_bit_is_refused(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut bytes = GOOD.clone();
        let at = at.index(bytes.len());
        bytes[at] ^= 1 << bit;
        prop_assert!(load(&bytes).is_err(), "bit {} of byte {} flipped", bit, at);
    }
}
