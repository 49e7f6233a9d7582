//! `canhgiac catalogue build | keygen | sign | verify | stats`.

use std::fs;
use std::path::{Path, PathBuf};

use canhgiac_catalogue::bundle::{civil_date as date, unix_day, OpenPolicy};
use canhgiac_catalogue::source::compile_dir;
use canhgiac_catalogue::{Bundle, BundleError, BundleHeader, KeyPair, PublicKey};
use canhgiac_core::{dev_key, now_unix, trusted_keys, Checker};

use crate::error::CliError;
use crate::outln;
use crate::output::emit;
use crate::{CatalogueCommand, Lang};

/// The development secret key; public on purpose (see assets/keys/README.md).
const DEV_SECRET: &str = include_str!("../../assets/keys/dev/dev.secret");

pub fn run(command: CatalogueCommand) -> Result<(), CliError> {
    match command {
        CatalogueCommand::Build {
            sources,
            out,
            key,
            dev,
        } => build(&sources, &out, signing_key(key.as_deref(), dev, false)?),
        CatalogueCommand::Keygen { out } => keygen(&out),
        CatalogueCommand::Sign {
            bundle,
            out,
            key,
            dev,
        } => {
            let key = signing_key(key.as_deref(), dev, true)?.expect("required above");
            let bytes = read(&bundle)?;
            write(&out, &Bundle::sign(&bytes, &key)?)?;
            emit(&format!(
                "signed {} with key {}\n",
                out.display(),
                key.public().id_hex()
            ))?;
            Ok(())
        }
        CatalogueCommand::Verify {
            bundle,
            public_key,
            installed_version,
        } => verify(&bundle, public_key.as_deref(), installed_version),
        CatalogueCommand::Train {
            sources,
            data,
            folds,
            recipe,
        } => crate::train::run(&sources, &data, folds, &recipe),
        CatalogueCommand::Stats { bundle, json, lang } => stats(bundle.as_deref(), json, lang),
    }
}

fn build(sources: &Path, out: &Path, key: Option<KeyPair>) -> Result<(), CliError> {
    let catalogue = compile_dir(sources)?;
    let issued_at = unix_day(&catalogue.meta.issued_at)
        .ok_or_else(|| CliError::Catalogue("meta.issued_at is not a date".into()))?;
    let expires_at = issued_at + i64::from(catalogue.meta.valid_days) * 86_400;
    let unsigned = Bundle::unsigned(&catalogue, issued_at, expires_at);
    let bytes = match &key {
        Some(key) => Bundle::sign(&unsigned, key)?,
        None => unsigned,
    };
    write(out, &bytes)?;
    emit(&format!(
        "built {} : catalogue version {}, {} categories, {} signals, {} entities, {} bytes, {}\n",
        out.display(),
        catalogue.meta.version,
        catalogue.categories.len(),
        catalogue.signals.len(),
        catalogue.entities.len(),
        bytes.len(),
        if key.is_some() {
            "signed"
        } else {
            "unsigned (sign it with `canhgiac catalogue sign`)"
        }
    ))?;
    Ok(())
}

fn keygen(out: &Path) -> Result<(), CliError> {
    let public = public_path(out);
    for path in [out, public.as_path()] {
        // `symlink_metadata`: a dangling link is a name taken too.
        if fs::symlink_metadata(path).is_ok() {
            return Err(CliError::Io(format!(
                "{} exists; a key file is never overwritten (choose another --out)",
                path.display()
            )));
        }
    }
    let key = KeyPair::generate().map_err(|e| CliError::Io(format!("no random source: {e}")))?;
    // Both files are created with `create_new`, so a file that appeared since the check above is
    // refused rather than overwritten.
    create_new(out, format!("{}\n", key.secret_hex()).as_bytes(), true)?;
    let written = create_new(
        &public,
        format!("{}\n", key.public().to_hex()).as_bytes(),
        false,
    );
    if let Err(error) = written {
        // A secret without its public half is of no use to anyone: remove the file just made.
        let _ = fs::remove_file(out);
        return Err(error);
    }
    emit(&format!(
        "secret key {} (mode 0600), public key {}\n",
        out.display(),
        public.display()
    ))?;
    Ok(())
}

/// `K.pub` for the secret key file `K`: the name with `.pub` added, never replacing an extension
/// (with `--out mine.pub`, replacing it would write both halves to one file).
fn public_path(secret: &Path) -> PathBuf {
    let mut name = secret.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

/// The signing key: `--dev`, `--key FILE`, or the `CANHGIAC_SIGNING_KEY` variable (hex).
fn signing_key(
    path: Option<&Path>,
    dev: bool,
    required: bool,
) -> Result<Option<KeyPair>, CliError> {
    let bad = || CliError::Input("the signing key is not 64 hex characters".into());
    if dev {
        return Ok(Some(KeyPair::from_hex(DEV_SECRET).ok_or_else(bad)?));
    }
    if let Some(path) = path {
        let text = fs::read_to_string(path).map_err(|e| CliError::io("cannot read the key", e))?;
        return Ok(Some(KeyPair::from_hex(&text).ok_or_else(bad)?));
    }
    if let Ok(text) = std::env::var("CANHGIAC_SIGNING_KEY") {
        return Ok(Some(KeyPair::from_hex(&text).ok_or_else(bad)?));
    }
    if required {
        return Err(CliError::Input(
            "no signing key: give --key FILE, --dev or CANHGIAC_SIGNING_KEY".into(),
        ));
    }
    Ok(None)
}

fn verify(
    path: &Path,
    public: Option<&Path>,
    installed_version: Option<u64>,
) -> Result<(), CliError> {
    let bytes = read(path)?;
    let keys = match public {
        Some(p) => {
            let text =
                fs::read_to_string(p).map_err(|e| CliError::io("cannot read the public key", e))?;
            vec![PublicKey::from_hex(&text)
                .ok_or_else(|| CliError::Input("the public key is not 64 hex characters".into()))?]
        }
        None => trusted_keys().to_vec(),
    };
    let policy = OpenPolicy {
        now: Some(now_unix()),
        installed_version,
    };
    let bundle = Bundle::open(&bytes, &keys, policy).map_err(|error| match error {
        BundleError::UnknownKey => untrusted_signer(&bytes, public.and(keys.first())),
        other => other.into(),
    })?;
    Checker::from_bundle(&bytes, installed_version, now_unix()).or_else(|e| match e {
        // Verified against an explicitly given key that the app does not pin: still a valid bundle.
        canhgiac_core::CoreError::Bundle(BundleError::UnknownKey) if public.is_some() => {
            Checker::from_catalogue(bundle.payload.clone())
        }
        other => Err(other),
    })?;
    emit(&format!("ok: {}\n", describe(&bundle.header)))?;
    Ok(())
}

/// The refusal of a bundle signed by a key not among those checked: which key signed it, and the
/// key it was checked against when one was given (`--public-key`). Key ids are not personal data.
fn untrusted_signer(bytes: &[u8], given: Option<&PublicKey>) -> CliError {
    let signer = Bundle::peek_header(bytes).map_or_else(
        |_| "another key".to_owned(),
        |header| format!("key {}", header.key_id_hex()),
    );
    CliError::Catalogue(match given {
        Some(key) => format!(
            "the bundle is signed by {signer}, not by the given key {}",
            key.id_hex()
        ),
        None => format!("the bundle is signed by {signer}, which this app does not trust"),
    })
}

fn stats(path: Option<&Path>, json: bool, lang: Lang) -> Result<(), CliError> {
    let mut out = String::new();
    let (checker, header) = match path {
        Some(p) => {
            let bytes = read(p)?;
            let bundle = Bundle::open(&bytes, trusted_keys(), OpenPolicy::default())?;
            (
                Checker::from_catalogue(bundle.payload)?,
                Some(bundle.header),
            )
        }
        None => (Checker::embedded()?, None),
    };
    let mut info = checker.info();
    if let Some(h) = &header {
        // A bundle file's own header says when and with which key it was signed; the catalogue
        // inside only knows its sources' dates and no key.
        info.issued_at = h.issued_at;
        info.expires_at = h.expires_at;
        info.development = h.key_id == dev_key().id();
    }
    if json {
        // JSON only: a header line before it would make the output unparseable.
        outln!(
            out,
            "{}",
            serde_json::to_string_pretty(&info).map_err(|e| CliError::Io(e.to_string()))?
        );
        return emit(&out);
    }
    if let Some(h) = &header {
        outln!(out, "{}", describe(h));
    }
    let vi = lang == Lang::Vi;
    outln!(
        out,
        "{} {}{}",
        if vi {
            "Danh mục phiên bản"
        } else {
            "Catalogue version"
        },
        info.version,
        if info.development { " (dev)" } else { "" }
    );
    outln!(
        out,
        "{}: {} → {}",
        if vi { "Hiệu lực" } else { "Valid" },
        date(info.issued_at),
        date(info.expires_at)
    );
    let rows = [
        ("Thủ đoạn", "Categories", info.categories),
        ("Tổ chức bị giả mạo", "Impersonated entities", info.entities),
        ("Dấu hiệu", "Signals", info.signals),
        (
            "Tên miền chính thức",
            "Official domains",
            info.official_domains,
        ),
        ("Số chính thức", "Official numbers", info.official_numbers),
        ("Số bị chặn", "Blocked numbers", info.blocked_numbers),
        ("Tên miền bị chặn", "Blocked domains", info.blocked_domains),
        (
            "Tài khoản bị chặn",
            "Blocked accounts",
            info.blocked_accounts,
        ),
    ];
    for (label_vi, label_en, n) in rows {
        outln!(out, "  {:<24} {n}", if vi { label_vi } else { label_en });
    }
    outln!(out, "{}:", if vi { "Thay đổi" } else { "Changes" });
    for change in &info.changelog {
        outln!(out, "  v{} ({})", change.version, change.date);
        for line in if vi {
            &change.changes_vi
        } else {
            &change.changes_en
        } {
            outln!(out, "    - {line}");
        }
    }
    emit(&out)
}

fn describe(h: &BundleHeader) -> String {
    let signer = if h.key_id == dev_key().id() {
        "development key".to_owned()
    } else {
        format!("key {}", h.key_id_hex())
    };
    format!(
        "format {} · catalogue version {} · issued {} · expires {} · signed with {signer}",
        h.format_version,
        h.version,
        date(h.issued_at),
        date(h.expires_at)
    )
}

fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    fs::read(path).map_err(|e| CliError::io(&format!("cannot read {}", path.display()), e))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    fs::write(path, bytes).map_err(|e| CliError::io(&format!("cannot write {}", path.display()), e))
}

/// Writes a key file that must not exist yet (`create_new`: never overwrites, even in a race);
/// a secret one is readable by its owner only.
fn create_new(path: &Path, bytes: &[u8], secret: bool) -> Result<(), CliError> {
    use std::io::Write;
    let fail = |e| CliError::io(&format!("cannot create {}", path.display()), e);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)
}
