//! The compiler from the TOML sources under `assets/catalogue/` to a validated [`Catalogue`]:
//! which files exist, how each is read and how they merge. What is checked afterwards lives in
//! [`crate::validate`]. Part of the `authoring` feature: phones receive compiled bundles.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::SourceError;
use crate::model::*;
use crate::validate::validate;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    meta: Meta,
    scoring: Scoring,
    texts: BTreeMap<String, Text>,
    normalisation: Normalisation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rules: BTreeMap<String, Rule>,
    links: LinkLists,
    senders: SenderLists,
}

/// `domains.toml`: the well-known sites and the owners of state domains, long lists kept apart
/// from the rules.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainsFile {
    #[serde(default)]
    well_known: Vec<Site>,
    #[serde(default)]
    state_domain: Vec<Site>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    category: Category,
    #[serde(default)]
    signal: Vec<Signal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalsFile {
    #[serde(default)]
    signal: Vec<Signal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    numbers: NumberPlan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlocklistFile {
    blocklist: Blocklist,
}

/// The learned model's description and weights, under `model/` of the sources; optional.
pub const MODEL_FILE: &str = "model/model.toml";
/// The model's n-gram weights, one signed byte per bucket.
pub const MODEL_WEIGHTS_FILE: &str = "model/ngram_weights.bin";

/// Every file the compiler read, for build scripts that must rerun when one changes.
pub fn source_files(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let mut files = vec![
        dir.join("catalogue.toml"),
        dir.join("rules.toml"),
        dir.join("domains.toml"),
        dir.join("numbers.toml"),
        dir.join("blocklist.toml"),
    ];
    for sub in ["categories", "signals", "entities"] {
        files.extend(toml_files(&dir.join(sub))?);
    }
    files.extend(
        [MODEL_FILE, MODEL_WEIGHTS_FILE]
            .iter()
            .map(|f| dir.join(f))
            .filter(|path| path.exists()),
    );
    Ok(files)
}

/// Reads, merges and validates every source file under `dir` except the learned model: what
/// `canhgiac catalogue train` trains a model for.
pub fn compile_dir_without_model(dir: &Path) -> Result<Catalogue, SourceError> {
    let mut catalogue = compile_dir(dir)?;
    catalogue.model = None;
    Ok(catalogue)
}

/// The learned model of the sources under `dir`, when they have one.
fn read_model(dir: &Path) -> Result<Option<TextModel>, SourceError> {
    let path = dir.join(MODEL_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let mut model: TextModel = read(&path)?;
    let weights_path = dir.join(MODEL_WEIGHTS_FILE);
    let bytes = fs::read(&weights_path).map_err(|source| SourceError::Io {
        path: weights_path.display().to_string(),
        source,
    })?;
    model.ngram_weights = bytes.into_iter().map(|b| b as i8).collect();
    Ok(Some(model))
}

/// Writes `model` as the sources under `dir` keep it: its description in TOML, its n-gram
/// weights as bytes.
pub fn write_model(dir: &Path, model: &TextModel) -> Result<(), SourceError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| SourceError::Io { path, source }
    };
    let folder = dir.join("model");
    fs::create_dir_all(&folder).map_err(io(&folder))?;
    let described = TextModel {
        ngram_weights: Vec::new(),
        ..model.clone()
    };
    let text = toml::to_string(&described).map_err(|error| SourceError::Syntax {
        path: MODEL_FILE.into(),
        message: error.to_string(),
    })?;
    // The weights go to their own file; the empty list the TOML would show is left out.
    let text: String = text
        .lines()
        .filter(|line| !line.starts_with("ngram_weights ="))
        .map(|line| format!("{line}\n"))
        .collect();
    let header = "# The learned scorer, written by `canhgiac catalogue train` (see README, \"Detection\").\n\
                  # Do not edit by hand: retrain. Its n-gram weights are in ngram_weights.bin.\n\n";
    let path = dir.join(MODEL_FILE);
    fs::write(&path, format!("{header}{text}")).map_err(io(&path))?;
    let bytes: Vec<u8> = model.ngram_weights.iter().map(|&w| w as u8).collect();
    let path = dir.join(MODEL_WEIGHTS_FILE);
    fs::write(&path, bytes).map_err(io(&path))
}

/// Reads, merges and validates every source file under `dir`.
pub fn compile_dir(dir: &Path) -> Result<Catalogue, SourceError> {
    let manifest: ManifestFile = read(&dir.join("catalogue.toml"))?;
    let rules: RulesFile = read(&dir.join("rules.toml"))?;
    let domains: DomainsFile = read(&dir.join("domains.toml"))?;
    let numbers: NumbersFile = read(&dir.join("numbers.toml"))?;
    let blocklist: BlocklistFile = read(&dir.join("blocklist.toml"))?;
    let mut catalogue = Catalogue {
        meta: manifest.meta,
        scoring: manifest.scoring,
        texts: manifest.texts,
        normalisation: manifest.normalisation,
        rules: rules.rules,
        links: LinkLists {
            well_known: domains.well_known,
            state_domains: domains.state_domain,
            ..rules.links
        },
        senders: rules.senders,
        numbers: numbers.numbers,
        blocklist: blocklist.blocklist,
        model: read_model(dir)?,
        ..Catalogue::default()
    };
    for path in toml_files(&dir.join("categories"))? {
        let file: CategoryFile = read(&path)?;
        catalogue.categories.push(file.category);
        catalogue.signals.extend(file.signal);
    }
    for path in toml_files(&dir.join("signals"))? {
        catalogue.signals.extend(read::<SignalsFile>(&path)?.signal);
    }
    for path in toml_files(&dir.join("entities"))? {
        catalogue
            .entities
            .extend(read::<EntitiesFile>(&path)?.entity);
    }
    validate(&catalogue)?;
    Ok(catalogue)
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let entries = fs::read_dir(dir).map_err(|source| SourceError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn read<T: DeserializeOwned>(path: &Path) -> Result<T, SourceError> {
    let text = fs::read_to_string(path).map_err(|source| SourceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    toml::from_str(&text).map_err(|error| SourceError::Syntax {
        path: path.display().to_string(),
        message: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalogue")
    }

    #[test]
    fn the_repository_catalogue_compiles_and_lists_its_files() {
        let catalogue = compile_dir(&assets()).expect("assets/catalogue compiles");
        assert!(!catalogue.categories.is_empty() && !catalogue.signals.is_empty());
        let files = source_files(&assets()).expect("readable");
        assert!(files.iter().all(|f| f.exists()));
        assert!(files.iter().any(|f| f.ends_with("catalogue.toml")));
    }

    #[test]
    fn a_misspelt_rule_code_or_combo_fact_is_refused() {
        let good = compile_dir(&assets()).expect("assets/catalogue compiles");
        let mut misspelt = good.clone();
        let rule = misspelt
            .rules
            .remove("link.lookalike")
            .expect("the catalogue has the rule");
        misspelt.rules.insert("link.lookalik".into(), rule);
        let error = crate::validate::validate(&misspelt).expect_err("refused");
        assert!(error.to_string().contains("link.lookalik"), "{error}");

        let mut combo = good;
        let signal = combo
            .signals
            .iter_mut()
            .find(|s| s.all_of.iter().any(|p| p.starts_with("fact.")))
            .expect("a combo names a fact");
        for part in signal.all_of.iter_mut().filter(|p| p.starts_with("fact.")) {
            part.push('s');
        }
        let error = crate::validate::validate(&combo).expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("neither a tag, a signal nor a fact"),
            "{error}"
        );
    }

    #[test]
    fn a_missing_directory_names_the_path() {
        let error = compile_dir(Path::new("/nonexistent/catalogue")).expect_err("no sources");
        assert!(
            error.to_string().contains("/nonexistent/catalogue"),
            "{error}"
        );
    }
}
