//! The shell's commands are adapters: each takes what only the shell has (today's date, the
//! documents folder, who is signed in, a dialog's answer), makes its call into core and shapes
//! the answer for the window. Whatever decides something about the programme (which records,
//! which wording, what is allowed, what is overdue) is core's, where the CLI and the tests
//! reach it too. This reads every function of the command modules and fails on a branch, a
//! loop or a filter, unless the function is one of the few that decide about the shell itself.

use std::fs;
use std::path::PathBuf;

// Only its bracket matcher is needed here.
#[allow(dead_code)]
mod signature;

/// What deciding looks like in Rust source.
const DECISIONS: &[&str] = &[
    "if ",
    "match ",
    "for ",
    "while ",
    "loop ",
    ".filter(",
    ".retain(",
    ".any(",
    ".all(",
    ".find(",
    ".position(",
    ".sort",
    ".max",
    ".min",
    ".take(",
    ".skip(",
    ".unwrap_or(",
];

/// The functions that may decide, each about the shell's own state, and why.
const SHELL_DECISIONS: &[(&str, &str)] = &[
    (
        "app_status",
        "whether the database could be opened, or waits for its passphrase, is the shell's state",
    ),
    (
        "inspect_backup",
        "the file chosen the last time is read again, or the dialog asks for one",
    ),
    (
        "set_passphrase",
        "a plain database is closed, encrypted and opened again by the shell, which holds it",
    ),
    (
        "save_document_copy",
        "a copy chosen onto the printed file itself is skipped, as copying would empty it",
    ),
    (
        "refresh_if_me",
        "who is signed in is the shell's: a manager who changes their own role keeps the new one",
    ),
    (
        "daily_backup",
        "a failed automatic backup at start is printed; it does not stop the app",
    ),
];

/// A function of the shell's sources: its file, name and body.
struct Function {
    file: String,
    name: String,
    body: String,
}

/// Every function outside the tests of each source file that holds a command.
fn command_module_functions() -> Vec<Function> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut functions = Vec::new();
    for entry in fs::read_dir(&src).expect("the shell's sources") {
        let path = entry.expect("a source file").path();
        let text = fs::read_to_string(&path).expect("a readable source file");
        if !text.contains("#[tauri::command") {
            continue;
        }
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for (at, _) in text.match_indices("fn ") {
            let declared = text[..at].rsplit('\n').next().unwrap_or_default().trim();
            if !(declared.is_empty() || declared.starts_with("pub")) {
                continue;
            }
            let rest = &text[at + 3..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let params = rest.find('(').unwrap_or(0);
            let after_params = params + signature::matching(&rest[params..]);
            let Some(open) = rest[after_params..].find('{').map(|i| after_params + i) else {
                continue;
            };
            let close = open + signature::matching(&rest[open..]);
            functions.push(Function {
                file: file.clone(),
                name,
                body: rest[open + 1..close].to_owned(),
            });
        }
    }
    functions
}

#[test]
fn commands_decide_nothing_about_the_programme() {
    let functions = command_module_functions();
    assert!(
        functions.len() > 100,
        "the command modules' functions were found: {}",
        functions.len()
    );
    for f in &functions {
        if SHELL_DECISIONS.iter().any(|(name, _)| *name == f.name) {
            continue;
        }
        let code: String = f
            .body
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for decision in DECISIONS {
            assert!(
                !code.contains(decision),
                "{}::{} decides (`{}`): move the rule into core and call it from here",
                f.file,
                f.name,
                decision.trim()
            );
        }
    }
}

/// The list above names only functions that still exist and still decide, so it cannot grow
/// stale and hide a new rule behind an old name.
#[test]
fn every_shell_decision_listed_is_still_there() {
    let functions = command_module_functions();
    for (name, why) in SHELL_DECISIONS {
        let f = functions
            .iter()
            .find(|f| f.name == *name)
            .unwrap_or_else(|| panic!("{name} ({why}) is no longer in the shell; drop it"));
        assert!(
            DECISIONS.iter().any(|d| f.body.contains(d)),
            "{name} no longer decides anything; drop it from the list"
        );
    }
}
