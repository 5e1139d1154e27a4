//! The window is locked down: a strict Content Security Policy, only the capabilities the
//! window uses, no remote content and no inline scripts, styles or handlers in `ui/`, and no
//! command that takes from the window a path to read or write. These read the real
//! configuration and sources, so loosening any of them fails here first.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use signature::Signature;

mod signature;

/// What the window may do beyond calling the app's own commands: hear progress events.
const PERMISSIONS: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

/// Commands that take a path from the window, and why that is safe: the shell only uses it
/// after checking it names a file inside the documents folder (`printed_document`).
const PRINTED_DOCUMENT_PATHS: &[(&str, &str)] = &[
    ("open_document", "path"),
    ("show_document_in_folder", "path"),
    ("save_document_copy", "from"),
];

fn shell_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("could not read {path:?}: {e}"))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path:?} is not JSON: {e}"))
}

#[test]
fn the_content_security_policy_allows_only_the_apps_own_files() {
    let conf = json(&shell_dir().join("tauri.conf.json"));
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("tauri.conf.json sets app.security.csp as one string");
    let directives: Vec<(&str, Vec<&str>)> = csp
        .split(';')
        .map(str::split_whitespace)
        .filter_map(|mut words| Some((words.next()?, words.collect())))
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(directive, _)| *directive == name)
            .map(|(_, sources)| sources.clone())
            .unwrap_or_else(|| panic!("the CSP has no {name}: {csp}"))
    };
    assert_eq!(sources("default-src"), ["'self'"]);
    assert_eq!(sources("script-src"), ["'self'"]);
    assert_eq!(sources("style-src"), ["'self'"]);
    assert_eq!(sources("object-src"), ["'none'"]);
    assert_eq!(sources("base-uri"), ["'none'"]);
    for (directive, sources) in &directives {
        for source in sources {
            let remote = source.contains("://") && *source != "http://ipc.localhost";
            let loose = [
                "'unsafe-inline'",
                "'unsafe-eval'",
                "*",
                "http:",
                "https:",
                "blob:",
            ]
            .contains(source);
            assert!(!remote && !loose, "{directive} allows {source}: {csp}");
        }
    }
    let security = conf["app"]["security"].as_object().unwrap();
    for dangerous in [
        "dangerousDisableAssetCspModification",
        "devCsp",
        "assetProtocol",
    ] {
        assert!(
            !security.contains_key(dangerous),
            "security sets {dangerous}"
        );
    }
    assert!(
        conf["build"].get("devUrl").is_none(),
        "the window loads a dev server"
    );
    for window in conf["app"]["windows"].as_array().unwrap() {
        let url = window["url"].as_str().unwrap_or("index.html");
        assert!(!url.contains("://"), "a window loads {url}");
    }
}

#[test]
fn the_window_has_only_the_capabilities_it_uses() {
    let dir = shell_dir().join("capabilities");
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files, [dir.join("default.json")], "one capability file");
    let capability = json(&files[0]);
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "remote pages get capabilities"
    );
    let permissions: BTreeSet<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("permissions are plain names"))
        .collect();
    assert_eq!(permissions, PERMISSIONS.iter().copied().collect());
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_ui_loads_nothing_remote_and_has_no_inline_scripts_styles_or_handlers() {
    let ui = shell_dir().join("../ui");
    let files = files_under(&ui);
    assert!(files.len() > 10, "the ui folder was found: {files:?}");
    // The one URL allowed is the SVG namespace inside a data: image in the style sheet, which
    // names the format and is never fetched.
    let namespace = "http://www.w3.org/2000/svg";
    // An `on…` attribute or a `style` attribute in markup (or set from a script) is inline
    // code or style the CSP refuses; listeners and `element.style` properties are allowed.
    let inline = [
        " onclick=",
        " onload=",
        " onerror=",
        " onchange=",
        " oninput=",
        " onsubmit=",
        " style=\"",
        " style='",
        "setAttribute('style'",
        "setAttribute(\"style\"",
        "setAttribute('on",
        "setAttribute(\"on",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "javascript:",
        "style: '",
        "style: \"",
        "style: `",
    ];
    for file in &files {
        let text = read(file).replace(namespace, "");
        for scheme in ["http://", "https://", "//cdn", "ws://", "wss://"] {
            assert!(
                !text.contains(scheme),
                "{file:?} refers to a remote {scheme} address"
            );
        }
        for pattern in inline {
            assert!(!text.contains(pattern), "{file:?} has inline `{pattern}`");
        }
        if file.extension().is_some_and(|e| e == "html") {
            let scripts = text.matches("<script").count();
            let with_src = text.matches("<script type=\"module\" src=\"").count();
            assert_eq!(scripts, with_src, "{file:?} has an inline script");
        }
    }
}

/// A command as written in src-tauri/src: its name, parameters (name, type) and body.
struct Command {
    file: String,
    name: String,
    params: Vec<(String, String)>,
    body: String,
    attribute: String,
}

/// Every `#[tauri::command]` function in the shell's sources.
fn commands() -> Vec<Command> {
    let mut commands = Vec::new();
    for file in files_under(&shell_dir().join("src")) {
        let text = read(&file);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (at, _) in text.match_indices("#[tauri::command") {
            commands.push(command_at(&name, &text[at..]));
        }
    }
    commands
}

fn command_at(file: &str, text: &str) -> Command {
    let Signature {
        attribute,
        name,
        params,
        body,
    } = Signature::parse(text);
    Command {
        file: file.to_owned(),
        name,
        params,
        body,
        attribute,
    }
}

/// Whether a parameter looks like it names a file or folder: a path type, or text named like
/// one (`from` and `to` are dates elsewhere, so only text counts).
fn names_a_file(name: &str, ty: &str) -> bool {
    let path_words = [
        "path",
        "file",
        "folder",
        "dir",
        "directory",
        "from",
        "to",
        "dest",
    ];
    let text = ["String", "&str", "Option<String>", "Vec<String>"].contains(&ty);
    let named =
        path_words.contains(&name) || path_words.iter().any(|w| name.ends_with(&format!("_{w}")));
    ty.contains("Path") || (text && named)
}

#[test]
fn no_command_takes_a_path_to_read_or_write_from_the_window() {
    let commands = commands();
    assert!(
        commands.len() > 50,
        "the commands were found: {}",
        commands.len()
    );
    for command in &commands {
        for (param, ty) in &command.params {
            if !names_a_file(param, ty) {
                continue;
            }
            let printed = PRINTED_DOCUMENT_PATHS.contains(&(command.name.as_str(), param));
            assert!(
                printed && ty == "String" && command.body.contains("printed_document(&db, &"),
                "{}::{} takes `{param}: {ty}` from the window; files must come from \
                 dialogs::choose or be checked to lie in the documents folder",
                command.file,
                command.name
            );
        }
    }
    let names: BTreeSet<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    for (name, _) in PRINTED_DOCUMENT_PATHS {
        assert!(names.contains(name), "{name} is still a command");
    }
}

#[test]
fn commands_that_open_a_file_dialog_run_off_the_main_thread() {
    let commands = commands();
    let asking: Vec<&Command> = commands
        .iter()
        .filter(|c| c.body.contains("dialogs::choose(") || c.body.contains(" choose("))
        .collect();
    assert!(
        asking.iter().any(|c| c.name == "save_document_copy"),
        "save_document_copy asks in the save dialog"
    );
    for command in asking {
        assert!(
            command.attribute.contains("async"),
            "{} blocks on a dialog, so it must be #[tauri::command(async)]",
            command.name
        );
        assert!(
            command
                .params
                .iter()
                .any(|(_, ty)| ty.starts_with("AppHandle")),
            "{} opens a dialog, so it takes app: AppHandle",
            command.name
        );
    }
}
