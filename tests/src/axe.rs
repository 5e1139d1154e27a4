//! axe-core in the window: the accessibility engine is read from `tests/node_modules` (the
//! version `tests/package-lock.json` pins, which scripts/test installs with `npm ci`), put into
//! the page over WebDriver and run on what the window shows. A test collects what it finds on
//! each screen and fails once at the end, so one run lists every screen's problems.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::{within, App};

/// The impacts that fail a test. axe also reports minor and moderate ones (a heading level
/// skipped, say); those are advice, not barriers.
const FAILING: &[&str] = &["serious", "critical"];

fn axe_path() -> PathBuf {
    crate::workspace_root()
        .join("tests")
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js")
}

/// axe-core's script, read once per test process.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = axe_path();
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core is not installed ({}: {e}); run `npm ci` in tests/, as scripts/test does",
                path.display()
            )
        })
    })
}

/// Runs axe-core on the whole window as it is now, once its calls have answered, and returns
/// each serious or critical violation as a line: where (`screen`), the rule, its impact, what
/// it asks for and the selectors of the elements that break it.
pub async fn violations(app: &App, screen: &str) -> Vec<String> {
    app.wait_until_answered().await;
    // The page keeps the engine until it reloads (signing out reloads the window), so it is
    // put in again only when missing.
    let present = within(
        "look for axe-core",
        app.client().execute("return typeof window.axe;", vec![]),
    )
    .await
    .unwrap_or_else(|e| panic!("could not look for axe-core in the window: {e}"));
    if present != json!("object") {
        within(
            "put axe-core into the window",
            app.client().execute(axe_source(), vec![]),
        )
        .await
        .unwrap_or_else(|e| panic!("could not put axe-core into the window: {e}"));
    }
    let script = "const done = arguments[arguments.length - 1];
        window.axe.run(document, { resultTypes: ['violations'] })
          .then((r) => done({ violations: r.violations.map((v) => ({
              id: v.id, impact: v.impact, help: v.help,
              targets: v.nodes.map((n) => n.target.join(' ')),
            })) }))
          .catch((e) => done({ error: String(e) }));";
    let answer = within("run axe-core", app.client().execute_async(script, vec![]))
        .await
        .unwrap_or_else(|e| panic!("axe-core did not run on {screen}: {e}"));
    if let Some(error) = answer.get("error") {
        panic!("axe-core failed on {screen}: {error}");
    }
    answer["violations"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|v| FAILING.contains(&v["impact"].as_str().unwrap_or_default()))
        .map(|v| describe(screen, v))
        .collect()
}

fn describe(screen: &str, violation: &Value) -> String {
    let targets: Vec<&str> = violation["targets"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    format!(
        "{screen}: {} ({}): {} — {}",
        violation["id"].as_str().unwrap_or("?"),
        violation["impact"].as_str().unwrap_or("?"),
        violation["help"].as_str().unwrap_or(""),
        targets.join(", ")
    )
}

/// The places where the window writes a message (a refusal, a field's error, what a save or a
/// print did) that a screen reader would not announce: each must be a live region (`role`
/// alert or status, or `aria-live`) or sit inside one. Returns them as lines naming `screen`.
pub async fn silent_messages(app: &App, screen: &str) -> Vec<String> {
    let script = "const slots = '.form-error, .screen-error, .field-error, .form-status, '
          + '.document-status, .start-status, .problem-message';
        const live = '[role=alert], [role=status], [role=log], [aria-live]';
        return [...document.querySelectorAll(slots)]
          .filter((e) => !e.closest(live))
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`
            + (e.closest('[id]') ? ` in #${e.closest('[id]').id}` : ''));";
    let found = within("find the messages", app.client().execute(script, vec![]))
        .await
        .unwrap_or_else(|e| panic!("could not look for the messages on {screen}: {e}"));
    found
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|slot| {
            format!(
                "{screen}: {} is not announced (no role alert or status, no aria-live)",
                slot.as_str().unwrap_or("?")
            )
        })
        .collect()
}
