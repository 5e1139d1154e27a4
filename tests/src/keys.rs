//! The keyboard alone: keys pressed through WebDriver's actions, which go to whatever has the
//! focus, as a person's keyboard does. Nothing here clicks or sets a value; the window is only
//! read (which element has the focus, what a field holds) to know when to stop pressing.

use std::time::Instant;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
pub use fantoccini::key::Key;
use serde_json::json;

use crate::steps::run;
use crate::{within, App, WAIT};

/// How many presses of Tab may lie between one control and the next one a test goes to: more
/// than the sidebar and the longest form hold, so a control that is never reached fails.
const MOST_TABS: usize = 150;

fn code(key: Key) -> char {
    key.chars()
        .next()
        .expect("every WebDriver key is one character")
}

/// Presses each key in turn (down, then up).
pub async fn press(app: &App, keys: &[Key]) {
    let mut actions = KeyActions::new("keyboard".into());
    for &key in keys {
        let value = code(key);
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    within("press keys", app.client().perform_actions(actions))
        .await
        .unwrap_or_else(|e| panic!("could not press {keys:?}: {e}"));
}

/// Presses Shift with Tab: the focus goes back one control.
pub async fn shift_tab(app: &App) {
    let (shift, tab) = (code(Key::Shift), code(Key::Tab));
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: tab })
        .then(KeyAction::Up { value: tab })
        .then(KeyAction::Up { value: shift });
    within("press Shift+Tab", app.client().perform_actions(actions))
        .await
        .unwrap_or_else(|e| panic!("could not press Shift+Tab: {e}"));
}

/// Types `text` key by key into whatever has the focus.
pub async fn type_text(app: &App, text: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    within("type", app.client().perform_actions(actions))
        .await
        .unwrap_or_else(|e| panic!("could not type {text:?}: {e}"));
}

/// What has the focus: whether it matches `css`, and a short description of it (tag, id,
/// name, words) for messages.
async fn focus_on(app: &App, css: &str) -> (bool, String) {
    let script = "const e = document.activeElement;
        if (!e || e === document.body) return [false, '(nothing)'];
        const words = (e.textContent || '').trim().slice(0, 40);
        return [e.matches(arguments[0]), `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
          + `${e.name ? '[name=' + e.name + ']' : ''}${words ? ' “' + words + '”' : ''}`];";
    let answer = run(app, "see what has the focus", script, vec![json!(css)]).await;
    (
        answer[0].as_bool().unwrap_or(false),
        answer[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// A short description of the element that has the focus, for messages.
pub async fn focused(app: &App) -> String {
    focus_on(app, "*").await.1
}

/// Whether the element that has the focus matches `css`.
pub async fn focus_is(app: &App, css: &str) -> bool {
    focus_on(app, css).await.0
}

/// Presses Tab until the element matching `css` has the focus, as a person tabs through the
/// window to a control; panics, naming the controls passed, if it is never reached.
pub async fn tab_to(app: &App, css: &str) {
    move_to(app, css, false).await;
}

/// Presses Shift+Tab until the element matching `css` has the focus: back up a form to its
/// buttons, or up to the menu.
pub async fn back_to(app: &App, css: &str) {
    move_to(app, css, true).await;
}

async fn move_to(app: &App, css: &str, back: bool) {
    let mut passed = Vec::new();
    for _ in 0..MOST_TABS {
        let (there, what) = focus_on(app, css).await;
        if there {
            assert_in_sight(app, &what).await;
            return;
        }
        passed.push(what);
        if back {
            shift_tab(app).await;
        } else {
            press(app, &[Key::Tab]).await;
        }
    }
    let key = if back { "Shift+Tab" } else { "Tab" };
    panic!(
        "`{css}` never took the focus in {MOST_TABS} presses of {key}; the focus went through:\n{}",
        passed.join("\n")
    );
}

/// Panics unless the element with the focus (`what`) comes into sight, within the harness's
/// bound (WebKit may scroll to it a frame later): a person using the keyboard must see where
/// they are, so nothing (a sticky bar, a dialog, the window's edge) may hide it.
async fn assert_in_sight(app: &App, what: &str) {
    let script = "const e = document.activeElement;
        const r = e.getBoundingClientRect();
        const x = r.left + Math.min(r.width / 2, 12);
        const y = r.top + Math.min(r.height / 2, 12);
        const at = document.elementFromPoint(x, y);
        if (at && (at === e || e.contains(at) || (at.control ?? null) === e)) return null;
        return at ? `${at.tagName.toLowerCase()}.${[...at.classList].join('.')}` : 'outside the window';";
    let deadline = Instant::now() + WAIT;
    loop {
        let covered = run(app, "see whether the focus is in sight", script, vec![]).await;
        if covered.is_null() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the focus on {what} cannot be seen: {covered} is at its place"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits, within the harness's bound, until the element matching `css` has the focus (after
/// a key that moves it, such as Enter on a button that opens a form).
pub async fn wait_for_focus(app: &App, css: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let (there, what) = focus_on(app, css).await;
        if there {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "`{css}` did not take the focus within {WAIT:?}; {what} has it"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// With a drop-down focused, presses the down arrow until the option chosen holds `text`, as a
/// person steps through a closed list; panics if the list ends first.
pub async fn arrow_to_option(app: &App, text: &str) {
    let chosen = "const s = document.activeElement;
        return s instanceof HTMLSelectElement
          ? { text: s.selectedOptions[0]?.textContent ?? '', index: s.selectedIndex }
          : null;";
    let mut last = None;
    loop {
        let now = run(app, "read the option chosen", chosen, vec![]).await;
        assert!(
            !now.is_null(),
            "no drop-down has the focus to choose {text:?} in: {} has it",
            focused(app).await
        );
        if now["text"].as_str().unwrap_or_default().contains(text) {
            return;
        }
        assert!(
            last.as_ref() != Some(&now["index"]),
            "the drop-down {} has no option {text:?} below; the down arrow stopped at {}",
            focused(app).await,
            now["text"]
        );
        last = Some(now["index"].clone());
        press(app, &[Key::Down]).await;
    }
}

/// With a date field focused on its first part, types `iso` (year-month-day) into it part by
/// part, in the order the window's locale shows them, moving from part to part with Tab as
/// WebKit's date field takes it; the focus is left on the field's last part.
pub async fn type_date(app: &App, iso: &str) {
    let order = run(
        app,
        "read the order of a date's parts",
        "return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })
           .formatToParts(new Date(2001, 1, 3)).map((p) => p.type).filter((t) => t !== 'literal');",
        vec![],
    )
    .await;
    let (year, rest) = iso.split_once('-').expect("a date as year-month-day");
    let (month, day) = rest.split_once('-').expect("a date as year-month-day");
    let parts: Vec<&str> = order
        .as_array()
        .expect("the parts of a date")
        .iter()
        .map(|part| match part.as_str() {
            Some("year") => year,
            Some("month") => month,
            Some("day") => day,
            other => panic!("a date has no part {other:?}"),
        })
        .collect();
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            press(app, &[Key::Tab]).await;
        }
        type_text(app, part).await;
    }
    let value = run(
        app,
        "read a date",
        "return document.activeElement.value;",
        vec![],
    )
    .await;
    assert_eq!(
        value.as_str(),
        Some(iso),
        "typing {iso} into the date field {} did not take",
        focused(app).await
    );
}
