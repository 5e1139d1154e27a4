//! Core's modules form layers: no module reaches, through the `crate::` paths it names, a
//! module that reaches it back. A cycle makes every module in it depend on all the others, so
//! that nothing can be read, tested or moved alone; this test names the modules of any cycle
//! that comes back. The layers are drawn in ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Core's top-level modules (a file or a folder under `src/`), each with its source files.
fn modules(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            modules.insert(name, rust_files(&path));
        } else if name != "lib" && path.extension().is_some_and(|e| e == "rs") {
            modules.insert(name, vec![path]);
        }
    }
    modules
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The source without comments and without its unit tests, which may use anything.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every `crate::` path in `code`, `crate::{a, b::c}` giving `a` and `b`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                found.insert(first_segment(item.trim()));
            }
        } else {
            found.insert(first_segment(rest));
        }
    }
    found
}

fn first_segment(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// What `lib.rs` re-exports at the crate's root (`pub use store::Store;`), by name.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub use "))
    {
        let (module, items) = line.split_once("::").unwrap();
        let items = items
            .trim_end_matches(';')
            .trim_matches(|c| c == '{' || c == '}');
        for item in items.split(',') {
            names.insert(item.trim().to_owned(), module.to_owned());
        }
    }
    names
}

/// Each module's edges to the other modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    let root = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    modules
        .iter()
        .map(|(name, files)| {
            let edges = files
                .iter()
                .flat_map(|f| crate_paths(&code(f)))
                .map(|n| root.get(&n).cloned().unwrap_or(n))
                .filter(|n| n != name && modules.contains_key(n))
                .collect();
            (name.clone(), edges)
        })
        .collect()
}

/// The modules reachable from `from`.
fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_owned()];
    while let Some(m) = todo.pop() {
        for next in &graph[&m] {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn no_core_module_depends_on_a_module_that_depends_on_it() {
    let graph = graph();
    assert!(
        graph.len() > 20 && graph["store"].contains("domain"),
        "{graph:#?}"
    );
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| {
            let back: Vec<String> = reachable(&graph, m)
                .into_iter()
                .filter(|other| other != m && reachable(&graph, other).contains(m))
                .collect();
            (!back.is_empty()).then(|| format!("{m} <-> {back:?}"))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "core's modules form cycles:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_cycle_check_sees_paths_in_groups_and_ignores_comments_and_tests() {
    let paths = crate_paths("use crate::{domain::Staff, store::Store};\nlet x = crate::kpa::Kpa;");
    assert_eq!(
        paths,
        BTreeSet::from(["domain".into(), "store".into(), "kpa".into()])
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.rs");
    std::fs::write(
        &file,
        "use crate::a; // crate::b\n#[cfg(test)]\nmod tests { use crate::c; }",
    )
    .unwrap();
    assert_eq!(crate_paths(&code(&file)), BTreeSet::from(["a".into()]));
}
