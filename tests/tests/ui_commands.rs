//! The window hides a control from whoever may not call its command (`ui/permissions.js`), so a
//! command misspelled in `ui/` would hide that control from everyone. Every command named
//! there, as `command: '…'`, `saveCommand`, `newCommand`, a card's `commands: { … }` or an
//! element's `data-command="…"`, must be one the shell registers (src-tauri/src/commands.rs).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use mentordesk_e2e::workspace_root;

/// The names of the commands the shell registers, read from its one list.
fn registered() -> BTreeSet<String> {
    let path = workspace_root().join("src-tauri/src/commands.rs");
    let text = fs::read_to_string(&path).expect("src-tauri/src/commands.rs is readable");
    text.lines()
        .filter_map(|line| {
            let (path, _) = line.trim().split_once(" =>")?;
            let (_, name) = path.split_once("::")?;
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                .then(|| name.to_owned())
        })
        .collect()
}

fn ui_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("ui/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            ui_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "js" || e == "html") {
            found.push(path);
        }
    }
}

/// The text between `open` and the next `close` after each occurrence of `key`.
fn after<'a>(text: &'a str, key: &str, open: char, close: char) -> Vec<&'a str> {
    text.match_indices(key)
        .filter_map(|(at, _)| {
            let rest = text[at + key.len()..].trim_start();
            let rest = rest.strip_prefix(open)?;
            Some(&rest[..rest.find(close)?])
        })
        .collect()
}

/// Every command a file names for a control, each with the words it was named in.
fn named(text: &str) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for key in ["command:", "saveCommand:", "newCommand:"] {
        for quoted in after(text, key, '\'', '\'') {
            names.push((quoted.to_owned(), format!("{key} '{quoted}'")));
        }
    }
    for block in after(text, "commands:", '{', '}') {
        for (i, part) in block.split('\'').enumerate() {
            if i % 2 == 1 {
                names.push((part.to_owned(), format!("commands: {{{block}}}")));
            }
        }
    }
    for quoted in after(text, "data-command=", '"', '"') {
        names.push((quoted.to_owned(), format!("data-command=\"{quoted}\"")));
    }
    names
        .into_iter()
        .flat_map(|(list, context)| {
            list.split_whitespace()
                .map(|name| (name.to_owned(), context.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_command_a_control_names_is_one_the_shell_registers() {
    let registered = registered();
    assert!(
        registered.len() > 90 && registered.contains("permissions"),
        "the commands were read from commands.rs: {registered:?}"
    );
    let mut files = Vec::new();
    ui_files(&workspace_root().join("ui"), &mut files);
    let mut seen = 0;
    let mut unknown = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a readable ui file");
        for (name, context) in named(&text) {
            seen += 1;
            if !registered.contains(&name) {
                unknown.push(format!("{}: {name} ({context})", file.display()));
            }
        }
    }
    assert!(
        seen > 40,
        "the controls' commands were found in ui/: {seen}"
    );
    assert!(
        unknown.is_empty(),
        "controls name commands the shell does not register:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn a_misspelled_command_is_caught() {
    let text =
        "el('button', { command: 'save_staf' }); commands: { save: 'save_rating', remove: 'x' }";
    let names: Vec<String> = named(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["save_staf", "save_rating", "x"]);
    assert!(!registered().contains("save_staf"));
}
