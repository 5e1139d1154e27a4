//! Writes the table the `ipc_input` target fuzzes: every command the shell registers (the
//! `commands!` list in src-tauri/src/commands.rs), with its arguments as the window sends
//! them (camelCase keys) and their types as the command declares them. It is read from the
//! shell's own sources at build time, so the table cannot drift from the commands, and the
//! fuzz crate need not build Tauri and the web view.
//!
//! For each command the generated code decodes each argument as Tauri does (a missing key is
//! refused unless the type is an `Option`), and when the command's body is one call on the
//! store (`Ok(db.store()?.method(...)?)` or `db.store()?.method(...)?; Ok(())`) it makes the
//! same call on the fuzzer's store. Commands whose argument types cannot be named outside the
//! shell are listed as skipped, with why, so the target can report them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "../src-tauri/tests/signature/mod.rs"]
mod signature;

use signature::{matching, Signature};

fn main() {
    let shell = PathBuf::from("../src-tauri/src");
    println!("cargo:rerun-if-changed={}", shell.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&shell)
        .map(|dir| dir.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.retain(|f| f.extension().is_some_and(|e| e == "rs"));
    files.sort();
    let handlers = handlers(&read(&shell.join("commands.rs")));
    let mut out = String::new();
    let mut found = BTreeSet::new();
    let mut dispatch = String::new();
    let mut skipped = String::new();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = read(file);
        let module = file.file_stem().unwrap().to_string_lossy().into_owned();
        let commands: Vec<Command> = text
            .match_indices("#[tauri::command")
            .map(|(at, _)| Command::parse(&text[at..]))
            .filter(|c| handlers.contains(&format!("{module}::{}", c.name)))
            .collect();
        if commands.is_empty() {
            continue;
        }
        let imports = imports(&text);
        let mut arms = String::new();
        for command in &commands {
            found.insert(format!("{module}::{}", command.name));
            match command.arm(&imports) {
                Ok(arm) => arms.push_str(&arm),
                Err(why) => {
                    let _ = writeln!(skipped, "    ({:?}, {:?}),", command.name, why);
                }
            }
        }
        let uses: String = imports.lines.iter().map(|u| format!("    {u}\n")).collect();
        let _ = write!(
            out,
            "#[allow(unused_imports, unused_variables, unused_mut, clippy::all)]\n\
             mod shell_{module} {{\n    use super::prelude as P;\n    use super::prelude::today;\n{uses}\n    \
             pub fn call(command: &str, args: &P::Args, store: &mut P::Store) -> Option<P::Outcome> {{\n        \
             match command {{\n{arms}            _ => None,\n        }}\n    }}\n}}\n\n"
        );
        let _ = writeln!(
            dispatch,
            "    if let Some(outcome) = shell_{module}::call(command, args, store) {{ return Some(outcome); }}"
        );
    }
    for handler in &handlers {
        if !found.contains(handler) {
            let _ = writeln!(
                skipped,
                "    ({handler:?}, \"its definition was not found\"),"
            );
        }
    }
    let names: String = handlers
        .iter()
        .map(|h| format!("    {:?},\n", h.rsplit("::").next().unwrap()))
        .collect();
    let _ = write!(
        out,
        "/// Every command the shell registers.\npub const COMMANDS: &[&str] = &[\n{names}];\n\n\
         /// Commands not fuzzed, and why.\npub const SKIPPED: &[(&str, &str)] = &[\n{skipped}];\n\n\
         /// Decodes and (when it is one store call) runs `command`; `None` for an unknown one.\n\
         pub fn call(command: &str, args: &Args, store: &mut Store) -> Option<Outcome> {{\n\
         {dispatch}    None\n}}\n"
    );
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("commands.rs");
    std::fs::write(dest, out).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path:?}: {e}"))
}


/// The commands the shell lists (`module::name => NEED,` in `commands! { … }`), as
/// `module::name`.
fn handlers(table: &str) -> Vec<String> {
    let Some(start) = table.find("commands! {") else {
        return Vec::new();
    };
    table[start..]
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .filter_map(|line| line.split_once("=>").map(|(path, _)| path.trim().to_owned()))
        .collect()
}

/// A module's `use` lines that name things outside the shell, and the names they bring in.
struct Imports {
    lines: Vec<String>,
    names: BTreeSet<String>,
}

fn imports(text: &str) -> Imports {
    let mut lines = Vec::new();
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("\nuse ") {
        let statement = &text[at + 1..];
        let statement = &statement[..statement.find(';').map_or(0, |end| end + 1)];
        let outside = ["use mentordesk_core", "use chrono", "use std::collections"];
        if !outside.iter().any(|p| statement.starts_with(p)) {
            continue;
        }
        lines.push(statement.split_whitespace().collect::<Vec<_>>().join(" "));
        // The names brought in: the last segment of each path, or what follows `as`.
        for part in statement.trim_end_matches(';').split([',', '{', '}']) {
            let part = part.trim();
            let name = match part.split_once(" as ") {
                Some((_, alias)) => alias.trim(),
                None => part.rsplit("::").next().unwrap_or("").trim(),
            };
            if !name.is_empty() && name != "self" && name != "*" {
                names.insert(name.to_owned());
            }
        }
    }
    Imports { lines, names }
}

/// A `#[tauri::command]` function as written.
struct Command {
    name: String,
    params: Vec<(String, String)>,
    body: String,
}

impl Command {
    fn parse(text: &str) -> Command {
        let Signature {
            name, params, body, ..
        } = Signature::parse(text);
        Command { name, params, body }
    }

    /// The match arm that decodes this command's arguments and runs it, or why it cannot.
    fn arm(&self, imports: &Imports) -> Result<String, String> {
        let mut decode = String::new();
        let mut shell_only = false;
        for (name, ty) in &self.params {
            if ty.starts_with("State<") || ty.starts_with("AppHandle") || ty.starts_with("Window") {
                shell_only |= !ty.contains("Db>");
                continue;
            }
            if let Some(unknown) = unknown_name(ty, imports) {
                return Err(format!(
                    "argument `{name}: {ty}` uses `{unknown}`, a shell type"
                ));
            }
            let key = camel_case(name);
            let getter = if ty.starts_with("Option<") {
                "arg_or_none"
            } else {
                "arg"
            };
            let _ = writeln!(
                decode,
                "                let {name}: {ty} = match P::{getter}(args, {key:?}) {{ Some(v) => v, None => return P::Outcome::Undecodable }};"
            );
        }
        let run = if shell_only { None } else { self.store_call() };
        let run = match run {
            Some(call) => format!(
                "                P::run(store, |store: &mut P::Store| -> mentordesk_core::Result<()> {{ let _ = {call}?; Ok(()) }})"
            ),
            None => "                P::Outcome::Decoded".to_owned(),
        };
        Ok(format!(
            "            {:?} => Some((|| -> P::Outcome {{\n{decode}{run}\n            }})()),\n",
            self.name
        ))
    }

    /// `store.method(args)` when the body is that one call on the store and nothing else.
    fn store_call(&self) -> Option<String> {
        let body = self.body.replace(char::is_whitespace, "");
        let call = body
            .strip_prefix("Ok(db.store()?.")
            .and_then(|rest| rest.strip_suffix("?)"))
            .or_else(|| {
                body.strip_prefix("db.store()?.")
                    .and_then(|rest| rest.strip_suffix("?;Ok(())"))
            })?;
        // Only the call itself: a method name and its balanced arguments.
        let open = call.find('(')?;
        let single = matching(&call[open..]) == call.len() - open - 1;
        let plain = call[..open]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_');
        let outside = [
            "db",
            "app",
            "crate::",
            "dialogs",
            "IpcError",
            "documents_dir",
        ];
        let args = &call[open..];
        (single
            && plain
            && !outside.iter().any(|o| contains_word(args, o))
            && calls_only_today(args))
        .then(|| format!("store.{}", self.body_call_text(call)))
    }

    /// The call as written in the body (with its spacing), from the method name on.
    fn body_call_text(&self, compact: &str) -> String {
        let name = &compact[..compact.find('(').unwrap_or(0)];
        let at = self.body.find(&format!(".{name}(")).map_or(0, |i| i + 1);
        let open = at + name.len();
        let close = open + matching(&self.body[open..]);
        self.body[at..=close].to_owned()
    }
}

/// Whether the only functions `args` calls are `today()` and methods of its values (a path
/// or another free function might not be nameable here).
fn calls_only_today(args: &str) -> bool {
    let inner = &args[1..args.len().saturating_sub(1)];
    !inner.contains("::")
        && inner.match_indices('(').all(|(i, _)| {
            let name: String = inner[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let method = inner[..i - name.len()].ends_with('.');
            name.is_empty() || method || ["today", "Some"].contains(&name.as_str())
        })
}

/// Whether `word` appears in `text` as a whole identifier (or path prefix).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && (word.ends_with("::") || !ident(after))
    })
}


/// A name in `ty` that is neither a standard type nor imported from outside the shell.
fn unknown_name(ty: &str, imports: &Imports) -> Option<String> {
    const STANDARD: &[&str] = &[
        "Option", "Vec", "String", "str", "bool", "char", "i8", "i16", "i32", "i64", "u8", "u16",
        "u32", "u64", "usize", "isize", "f32", "f64", "BTreeMap", "HashMap", "static",
    ];
    ty.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty() && word != &"_")
        .find(|word| !STANDARD.contains(word) && !imports.names.contains(*word))
        .map(str::to_owned)
}

/// `mentorship_id` → `mentorshipId`: the key Tauri expects for an argument by default.
fn camel_case(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
