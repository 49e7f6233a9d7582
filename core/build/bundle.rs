//! The default bundle: `assets/catalogue/` compiled into the bundle embedded in the library, so a
//! fresh install works offline.
//!
//! Development builds sign it with the development key in `assets/keys/dev/`. A `production` build
//! instead embeds the bundle named by `CANHGIAC_BUNDLE` (signed by the district outside this
//! repository) and refuses one signed with the development key.

use std::path::{Path, PathBuf};
use std::{env, fs};

use canhgiac_catalogue::bundle::unix_day;
use canhgiac_catalogue::{source, Bundle, KeyPair, PublicKey};

/// Writes `default.bundle` into `out_dir`.
pub fn write(out_dir: &Path) {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let assets = manifest.join("../assets");
    let out = out_dir.join("default.bundle");
    let dev_public = read_key(&assets.join("keys/dev/dev.pub"));
    println!("cargo:rerun-if-env-changed=CANHGIAC_BUNDLE");
    println!("cargo:rerun-if-changed=../assets/keys");

    if env::var_os("CARGO_FEATURE_PRODUCTION").is_some() {
        let path = env::var("CANHGIAC_BUNDLE")
            .expect("a production build needs CANHGIAC_BUNDLE: the bundle the district signed");
        println!("cargo:rerun-if-changed={path}");
        let bytes = fs::read(&path).expect("CANHGIAC_BUNDLE is readable");
        let header = Bundle::peek_header(&bytes).expect("CANHGIAC_BUNDLE is a bundle");
        let dev = PublicKey::from_hex(&dev_public).expect("dev.pub is a key");
        assert!(
            header.key_id != dev.id(),
            "refusing to embed a development-signed bundle in a production build"
        );
        fs::write(&out, bytes).expect("OUT_DIR is writable");
        return;
    }

    let sources = assets.join("catalogue");
    for file in source::source_files(&sources).expect("assets/catalogue is readable") {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    println!("cargo:rerun-if-changed={}", sources.display());
    let catalogue = match source::compile_dir(&sources) {
        Ok(catalogue) => catalogue,
        Err(error) => panic!("the catalogue does not compile:\n  {error}"),
    };
    let key = KeyPair::from_hex(&read_key(&assets.join("keys/dev/dev.secret")))
        .expect("assets/keys/dev/dev.secret is a key");
    assert_eq!(
        key.public().to_hex(),
        dev_public.trim(),
        "dev.secret and dev.pub belong together"
    );
    let issued_at = unix_day(&catalogue.meta.issued_at).expect("validated date");
    let expires_at = issued_at + i64::from(catalogue.meta.valid_days) * 86_400;
    fs::write(&out, Bundle::seal(&catalogue, &key, issued_at, expires_at))
        .expect("OUT_DIR is writable");
}

fn read_key(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|_| panic!("missing key file {}", path.display()))
}
