//! The shape of `core/src`, checked against ARCHITECTURE.md: every `crate::…` and `super::…`
//! path of a module's code (tests apart) goes to its own layer's folder or a layer above its own
//! line in the ```layers table, no two modules import each other (directly or round a circle),
//! no source file is over 400 lines, and every module opens with `//!`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// The most lines a source file of `core/src`, `catalogue/src` or `cli/src` may have.
const MAX_LINES: usize = 400;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The layer table of ARCHITECTURE.md: each unit (a module path) with its layer.
fn layer_table() -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let block = text
        .split("```layers\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    let mut table = Vec::new();
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        let mut words = line.split_whitespace();
        let layer: usize = words
            .next()
            .and_then(|w| w.parse().ok())
            .expect("a layer line starts with its number");
        table.extend(words.map(|unit| (unit.to_owned(), layer)));
    }
    table
}

/// Every `.rs` file under `dir`, with its module path (`engine::compiled::signals`; the crate
/// root is the empty path). Files named `tests.rs` are test modules and left out.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable folder")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_stem()
                .and_then(|n| n.to_str())
                .expect("a name")
                .to_owned();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") && name != "tests" {
                let mut module = prefix.to_vec();
                if name != "mod" && name != "lib" {
                    module.push(name);
                }
                out.insert(module.join("::"), path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, &[], &mut out);
    out
}

/// A module's code without its tests and comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a module's code names: `use` trees expanded (`use super::{a, b::c}`), and paths
/// written in the code (`crate::engine::compiled::Compiled`). Each with whether it is a
/// re-export (`pub … use`).
fn named_paths(code: &str) -> Vec<(String, bool)> {
    static USE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);").expect("regex"));
    static INLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:crate|super)(?:::\w+)+").expect("regex"));
    let mut paths = Vec::new();
    for found in USE.captures_iter(code) {
        let reexport = found.get(1).is_some();
        let tree: String = found[2].split_whitespace().collect();
        expand(&tree, "", &mut |p| paths.push((p, reexport)));
    }
    let without_uses = USE.replace_all(code, "");
    for found in INLINE.find_iter(&without_uses) {
        paths.push((found.as_str().to_owned(), false));
    }
    paths
}

/// Calls `out` with every path of the use tree `tree` (no spaces), prefixed by `prefix`.
fn expand(tree: &str, prefix: &str, out: &mut impl FnMut(String)) {
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        out(format!("{prefix}{path}"));
        return;
    };
    let head = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').expect("balanced braces")];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&inner[start..i], &format!("{prefix}{head}"), out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        expand(&inner[start..], &format!("{prefix}{head}"), out);
    }
}

/// The module of `module`'s file that `path` (`crate::…`, `super::…`, or relative to the
/// module) leads to, following re-exports; `None` for paths outside the crate.
fn resolve(
    path: &str,
    module: &str,
    modules: &BTreeMap<String, PathBuf>,
    reexports: &BTreeMap<String, BTreeMap<String, String>>,
) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(str::to_owned).collect()
    };
    // `mod.rs` and `a.rs` alike: `super` is the parent of the module itself.
    match segments.first() {
        Some(&"crate") => {
            base.clear();
            segments.remove(0);
        }
        Some(&"super") => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        Some(&"self") => {
            segments.remove(0);
        }
        Some(first) => {
            // A path relative to the module: only its own submodules count.
            let child = [base.clone(), vec![(*first).to_owned()]]
                .concat()
                .join("::");
            if !modules.contains_key(&child) {
                return None;
            }
        }
        None => return None,
    }
    let mut at = base;
    for segment in segments {
        let next = [at.clone(), vec![segment.to_owned()]].concat().join("::");
        if modules.contains_key(&next) {
            at.push(segment.to_owned());
            continue;
        }
        // An item of the module `at`: defined there, or re-exported from elsewhere.
        let here = at.join("::");
        if let Some(target) = reexports.get(&here).and_then(|r| r.get(segment)) {
            return Some(target.clone());
        }
        return Some(here);
    }
    Some(at.join("::"))
}

/// The unit of the layer table a module belongs to (the longest unit that is its prefix).
fn unit_of<'t>(module: &str, table: &'t [(String, usize)]) -> Option<&'t (String, usize)> {
    table
        .iter()
        .filter(|(unit, _)| module == unit || module.starts_with(&format!("{unit}::")))
        .max_by_key(|(unit, _)| unit.len())
}

#[test]
fn imports_go_down_the_layers_and_never_round_a_circle() {
    let table = layer_table();
    let src = root().join("core/src");
    let modules = modules(&src);
    let paths: BTreeMap<&String, Vec<(String, bool)>> = modules
        .iter()
        .map(|(m, file)| (m, named_paths(&code_of(file))))
        .collect();
    // Re-exports by module: name → the module the name comes from (one hop; resolved below).
    let mut reexports: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (module, named) in &paths {
        for (path, reexport) in named {
            if *reexport {
                let name = path.rsplit("::").next().unwrap_or(path).to_owned();
                if let Some(from) = resolve(path, module, &modules, &BTreeMap::new()) {
                    reexports
                        .entry((*module).clone())
                        .or_default()
                        .insert(name, from);
                }
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut upward = Vec::new();
    for (module, named) in &paths {
        if module.is_empty() {
            continue; // lib.rs: the crate root declares and re-exports everything
        }
        let from = unit_of(module, &table)
            .unwrap_or_else(|| panic!("{module} is in no layer of ARCHITECTURE.md"));
        for (path, _) in named {
            let Some(target) = resolve(path, module, &modules, &reexports) else {
                continue;
            };
            if &target == *module || target.is_empty() {
                continue;
            }
            edges
                .entry((*module).clone())
                .or_default()
                .insert(target.clone());
            let to = unit_of(&target, &table)
                .unwrap_or_else(|| panic!("{target} is in no layer of ARCHITECTURE.md"));
            if to.0 != from.0 && to.1 >= from.1 {
                upward.push(format!(
                    "{module} (layer {}) uses {target} (layer {}) through `{path}`",
                    from.1, to.1
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that go up:\n{}",
        upward.join("\n")
    );
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 50,
        "the check reads the imports"
    );

    // No circle: a depth-first walk finds no edge back to a module still on its path.
    fn visit(
        module: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_owned());
            return Some(circle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in edges.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        if let Some(circle) = visit(module, &edges, &mut Vec::new(), &mut done) {
            panic!("modules import each other: {}", circle.join(" → "));
        }
    }
}

#[test]
fn source_files_are_short_and_say_what_they_are_for() {
    let mut problems = Vec::new();
    for dir in ["core/src", "catalogue/src", "cli/src"] {
        for (module, file) in modules(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).expect("readable source");
            let lines = text.lines().count();
            if lines > MAX_LINES {
                problems.push(format!("{dir} {module}: {lines} lines"));
            }
            if !text.trim_start().starts_with("//!") {
                problems.push(format!("{dir} {module}: no //! header"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn use_trees_expand_to_every_path() {
    let mut found = Vec::new();
    expand("super::{a,b::{c,d},e::f}", "", &mut |p| found.push(p));
    assert_eq!(
        found,
        ["super::a", "super::b::c", "super::b::d", "super::e::f"]
    );
    let named = named_paths("pub(crate) use x::Y;\nuse super::{m, n};\nfn f() { crate::a::b(); }");
    assert_eq!(
        named,
        [
            ("x::Y".to_owned(), true),
            ("super::m".to_owned(), false),
            ("super::n".to_owned(), false),
            ("crate::a::b".to_owned(), false),
        ]
    );
}
