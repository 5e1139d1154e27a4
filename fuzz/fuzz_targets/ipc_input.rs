//! Fuzzes what the window can send the shell: a command's name and its JSON arguments. Each
//! input is `command\n{json arguments}`, as `ui/api.js` sends them. The arguments are decoded
//! into the types the command declares, key by key as Tauri does (the table is generated from
//! src-tauri/src by build.rs), and when the command is one store call the call is made on a
//! store holding the sample programme.
//!
//! What must hold: nothing panics, whatever the bytes; and a call that fails writes nothing
//! (the audit trail's newest line is the same before and after, and every write is audited).
//!
//! The shell itself is not built here: Tauri and the web view would multiply the build time,
//! and its commands only adapt these calls (see ARCHITECTURE.md).

#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use mentordesk_core::Store;

mod prelude {
    pub use mentordesk_core::Store;
    use serde::de::DeserializeOwned;
    use serde::Deserialize;
    pub use serde_json::Value;

    /// A command's arguments, by their camelCase names.
    pub type Args = serde_json::Map<String, Value>;

    /// What became of one input.
    pub enum Outcome {
        /// Tauri would refuse it before the command runs: an argument is missing or does not
        /// fit its type.
        Undecodable,
        /// Decoded; the command does more than one store call, so it is not run here.
        Decoded,
        /// Decoded and run (a refusal having written nothing).
        Ran,
    }

    /// The argument `key`, decoded as Tauri does; `None` when missing or of the wrong shape.
    pub fn arg<T: DeserializeOwned>(args: &Args, key: &str) -> Option<T> {
        T::deserialize(args.get(key)?).ok()
    }

    /// An optional argument: a missing key is `None`, as Tauri has it.
    pub fn arg_or_none<T: DeserializeOwned>(args: &Args, key: &str) -> Option<Option<T>> {
        match args.get(key) {
            Some(value) => Option::<T>::deserialize(value).ok(),
            None => Some(None),
        }
    }

    /// Runs a store call, checking that a refused one leaves the database as it was.
    pub fn run(
        store: &mut Store,
        call: impl FnOnce(&mut Store) -> mentordesk_core::Result<()>,
    ) -> Outcome {
        let before = store.audit_head().expect("the audit head is readable");
        if let Err(err) = call(store) {
            let after = store.audit_head().expect("the audit head is readable");
            assert_eq!(before, after, "a refused call wrote to the database: {err}");
        }
        Outcome::Ran
    }

    /// A fixed day, so that a crash replays the same way on any date.
    pub fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date")
    }
}

mod commands {
    use super::prelude::{self, Args, Outcome, Store};
    include!(concat!(env!("OUT_DIR"), "/commands.rs"));
}

/// Inputs run on one store before it is replaced by a fresh one, so that what earlier inputs
/// wrote does not pile up.
const RUNS_PER_STORE: u32 = 2_000;

struct Fixture {
    store: Store,
    runs: u32,
}

fn fresh_store() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    mentordesk_core::sample::create(&mut store, prelude::today()).expect("the sample loads");
    store
}

thread_local! {
    /// The store the inputs run on: libFuzzer calls the target on one thread.
    static FIXTURE: RefCell<Option<Fixture>> = const { RefCell::new(None) };
}

fn report_coverage() {
    let skipped: Vec<String> = commands::SKIPPED
        .iter()
        .map(|(c, why)| format!("{c} ({why})"))
        .collect();
    eprintln!(
        "ipc_input: {} commands; not fuzzed: {}",
        commands::COMMANDS.len(),
        if skipped.is_empty() {
            "none".to_owned()
        } else {
            skipped.join(", ")
        }
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (command, json) = text.split_once('\n').unwrap_or((text, "{}"));
    // Tauri looks each argument up by its key; in JSON that is not an object every key is
    // missing, which only commands without required arguments accept.
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return;
    };
    let args = match value {
        serde_json::Value::Object(args) => args,
        _ => prelude::Args::new(),
    };
    FIXTURE.with_borrow_mut(|fixture| {
        let fixture = fixture.get_or_insert_with(|| {
            report_coverage();
            Fixture {
                store: fresh_store(),
                runs: 0,
            }
        });
        fixture.runs += 1;
        if fixture.runs % RUNS_PER_STORE == 0 {
            fixture.store = fresh_store();
        }
        let _ = commands::call(command, &args, &mut fixture.store);
    });
});
