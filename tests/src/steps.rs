//! The steps the end-to-end tests share beyond `App`'s own: choosing in a drop-down, typing a
//! date, saving a form and waiting for it to say so, loading the sample, finding a row, running
//! a script in the window, and the like. Each waits for what it needs rather than for time.

use serde_json::json;

use crate::{within, App, Locator};

/// Chooses the option of the `<select>` matching `css` whose words contain `text`, as a person
/// picks a name from a drop-down, and returns the option's value.
pub async fn choose(app: &App, css: &str, text: &str) -> String {
    app.wait_for(css).await;
    let script = "const [css, text] = arguments;
        const select = document.querySelector(css);
        const option = [...select.options].find(o => o.textContent.includes(text));
        if (!option) return null;
        select.value = option.value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return option.value;";
    let value = within(
        "choose an option",
        app.client().execute(script, vec![json!(css), json!(text)]),
    )
    .await
    .unwrap_or_else(|e| panic!("could not choose {text:?} in `{css}`: {e}"));
    value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no option {text:?} in `{css}`"))
}

/// Sets a date field. WebKit's date inputs do not take typed keys the same way on every
/// version, so the value is set as the date picker would set it.
pub async fn set_date(app: &App, css: &str, date: &str) {
    app.wait_for(css).await;
    let script = "const [css, value] = arguments;
        const input = document.querySelector(css);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return input.value;";
    let set = within(
        "set a date",
        app.client().execute(script, vec![json!(css), json!(date)]),
    )
    .await
    .unwrap_or_else(|e| panic!("could not set the date in `{css}`: {e}"));
    assert_eq!(set.as_str(), Some(date), "the date in `{css}` did not take");
}

pub async fn save(app: &App, form: &str) {
    app.click(&format!("#{form} button[type=submit]")).await;
}

pub async fn saved(app: &App, form: &str) {
    let status = format!("#{form} .form-status");
    app.wait_for_text(&status, "aved").await;
}

/// Waits, within the harness's bound, until exactly `count` elements match `css`.
pub async fn wait_for_rows(app: &App, css: &str, count: usize) {
    let deadline = std::time::Instant::now() + crate::WAIT;
    loop {
        let rows = within("count rows", app.client().find_all(Locator::Css(css)))
            .await
            .map_or(0, |rows| rows.len());
        if rows == count {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "expected {count} rows matching `{css}`, still {rows}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Loads the sample programme from the start screen and waits until it is in: it opens on the
/// staff register, and the menu waits until then.
pub async fn load_sample(app: &App) {
    app.click("#start-sample").await;
    app.wait_for("#staff-list tbody tr[data-id]").await;
}

/// The `data-id` of the first row of the table `table` whose text holds `text`.
pub async fn row_id(app: &App, table: &str, text: &str) -> String {
    let script = "const [table, text] = arguments;
        const row = [...document.querySelectorAll(`${table} tbody tr[data-id]`)]
            .find(r => r.textContent.includes(text));
        return row ? row.dataset.id : null;";
    let id = run(
        app,
        &format!("find the row of {table} with {text:?}"),
        script,
        vec![json!(table), json!(text)],
    )
    .await;
    id.as_str()
        .unwrap_or_else(|| panic!("{table} has no row with {text:?}"))
        .to_owned()
}

/// Runs `script` in the window and returns its answer.
pub async fn run(
    app: &App,
    what: &str,
    script: &str,
    args: Vec<serde_json::Value>,
) -> serde_json::Value {
    within(what, app.client().execute(script, args))
        .await
        .unwrap_or_else(|e| panic!("could not {what}: {e}"))
}

/// Waits, within the harness's bound, until the text of the element matching `css` holds
/// `expected`.
pub async fn wait_for_title(app: &App, css: &str, expected: &str) {
    let deadline = std::time::Instant::now() + crate::WAIT;
    loop {
        let text = run(
            app,
            "read a title",
            "return document.querySelector(arguments[0])?.textContent ?? '';",
            vec![json!(css)],
        )
        .await;
        let text = text.as_str().unwrap_or_default();
        if text.contains(expected) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "`{css}` did not show {expected:?}; it shows {text:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The date `days_ago` days before today on the window's clock, as a date input takes it.
pub async fn window_date(app: &App, days_ago: u32) -> String {
    let date = run(
        app,
        "work out a date",
        "const d = new Date(Date.now() - arguments[0] * 86400000);
         return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;",
        vec![json!(days_ago)],
    )
    .await;
    date.as_str().expect("a date").to_owned()
}

/// Confirms the window's own yes/no dialog.
pub async fn confirm(app: &App) {
    app.click("#confirm-dialog .confirm-ok").await;
}

/// The date `days` days after today on the window's clock, as a date input takes it.
pub async fn days_from_today(app: &App, days: u32) -> String {
    let date = run(
        app,
        "work out a later date",
        "const d = new Date(Date.now() + arguments[0] * 86400000);
         return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;",
        vec![json!(days)],
    )
    .await;
    date.as_str().expect("a date").to_owned()
}

/// Scrolls the element matching `css` to the top of its pane, for a screenshot of it.
pub async fn show(app: &App, css: &str) {
    run(
        app,
        "scroll to an element",
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
        vec![json!(css)],
    )
    .await;
}

/// The text `pdftotext` finds in a printed PDF.
pub fn pdf_text(pdf: &std::path::Path) -> String {
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the window gets when it calls `invoke` itself: the answer as JSON, or the refusal.
pub async fn invoke_from_window(app: &App, command: &str, args: serde_json::Value) -> String {
    let script = "const [command, args, done] = arguments;
        window.__TAURI__.core.invoke(command, args)
          .then((r) => done(JSON.stringify(r)), (e) => done(typeof e === 'string' ? e : JSON.stringify(e)));";
    let answer = within(
        "invoke from the window",
        app.client()
            .execute_async(script, vec![json!(command), args]),
    )
    .await
    .unwrap_or_else(|e| panic!("the script calling {command} failed: {e}"));
    answer.as_str().unwrap_or_default().to_owned()
}

/// Calls a command through the window's own IPC, past the gate like any button would, and
/// returns its answer or its refusal.
pub async fn invoke(
    app: &App,
    command: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    let script = "const [command, args] = arguments;
        const done = arguments[arguments.length - 1];
        window.__TAURI__.core.invoke(command, args)
            .then((ok) => done({ ok }), (err) => done({ err }));";
    let answer = within(
        "call a command",
        app.client()
            .execute_async(script, vec![json!(command), args]),
    )
    .await
    .unwrap_or_else(|e| panic!("could not call {command}: {e}"));
    match answer.get("err") {
        Some(err) => Err(err.clone()),
        None => Ok(answer["ok"].clone()),
    }
}

/// Adds a person with a role through the Users screen, as the programme manager does.
pub async fn add_user(app: &App, name: &str, role: &str, password: &str) {
    app.click("#nav-users").await;
    app.fill("#user-add-name", name).await;
    app.select("#user-add-role", role).await;
    app.fill("#user-add-password", password).await;
    app.click("#user-add-save").await;
    app.wait_for_text("#users-table", name).await;
}

/// Whether the element matching `css` is shown (present and displayed).
pub async fn displayed(app: &App, css: &str) -> bool {
    let found = within("find an element", app.client().find_all(Locator::Css(css)))
        .await
        .unwrap_or_default();
    for element in found {
        if within("check visibility", element.is_displayed())
            .await
            .unwrap_or(false)
        {
            return true;
        }
    }
    false
}

/// Opens the Mentorships screen and on it the first mentorship whose row holds `text`, and
/// returns the selector of that row's cell, which opens it again.
pub async fn open_mentorship(app: &App, text: &str) -> String {
    app.click("#nav-mentorships").await;
    app.wait_for("#mentorships-list tbody tr[data-id]").await;
    app.wait_until_answered().await;
    let id = row_id(app, "#mentorships-list", text).await;
    let cell = format!("#mentorships-list tbody tr[data-id='{id}'] td");
    app.click(&cell).await;
    cell
}
