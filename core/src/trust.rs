//! What the app trusts: the pinned district key (and, outside production builds, the development
//! key), and the default bundle compiled into the library.

use std::sync::LazyLock;

use canhgiac_catalogue::PublicKey;

/// The district's public key, pinned at build time.
const DISTRICT_KEY: &str = include_str!("../../assets/keys/district.pub");
/// The development key: trusted only by builds without the `production` feature.
const DEV_KEY: &str = include_str!("../../assets/keys/dev/dev.pub");

/// The default bundle, compiled from `assets/catalogue/` by the build script.
pub(crate) static EMBEDDED_BUNDLE: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/default.bundle"));

static TRUSTED: LazyLock<Vec<PublicKey>> = LazyLock::new(|| {
    let mut keys =
        vec![PublicKey::from_hex(DISTRICT_KEY).expect("assets/keys/district.pub is a key")];
    if !cfg!(feature = "production") {
        keys.push(dev_key());
    }
    keys
});

/// The keys a bundle may be signed with.
pub fn trusted_keys() -> &'static [PublicKey] {
    &TRUSTED
}

/// The development key (to tell a person their catalogue is a development one).
pub fn dev_key() -> PublicKey {
    PublicKey::from_hex(DEV_KEY).expect("assets/keys/dev/dev.pub is a key")
}
