//! Everyone can use the window: axe-core finds no serious or critical problem on any screen and
//! every message is announced; the whole way from a new staff member to a printed agreement
//! works with the keyboard alone; a viewer is shown no button they may not use; and the unlock
//! screen of an encrypted programme says plainly when the passphrase is wrong.

use std::path::Path;

use mentordesk_core::store::Store;
use mentordesk_e2e::keys::{
    arrow_to_option, back_to, focus_is, focused, press, shift_tab, tab_to, type_date, type_text,
    wait_for_focus, Key,
};
use mentordesk_e2e::steps::*;
use mentordesk_e2e::{axe, App, MANAGER};
use serde_json::{json, Value};

/// Every screen of the menu, as its button is named (`#nav-…`).
const SCREENS: &[&str] = &[
    "dashboard",
    "staff",
    "units",
    "mentors",
    "proteges",
    "applications",
    "cohort",
    "mentorships",
    "organisations",
    "import",
    "kpa",
    "workload",
    "reports",
    "programme",
    "cycles",
    "settings",
    "users",
    "audit",
    "safekeeping",
];

/// The passphrase of the encrypted programme the unlock screen is tried on.
const PASSPHRASE: &str = "blue heron at dawn";

/// An encrypted programme with the programme manager's account in it, made by core before the
/// window opens, as a programme set up on another day would be.
fn encrypted_programme(path: &Path) {
    let mut store = Store::open(path).expect("a new database");
    store
        .create_first_user(MANAGER.0, MANAGER.1)
        .expect("the programme manager's account");
    store.encrypt(PASSPHRASE).expect("the database encrypted");
}

/// axe-core's serious and critical findings and the messages no screen reader would announce,
/// on the window as it is now.
async fn problems(app: &App, screen: &str) -> Vec<String> {
    let mut found = axe::violations(app, screen).await;
    found.extend(axe::silent_messages(app, screen).await);
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_core_and_announces_its_messages() {
    let app = App::launch_on(|_| {}).await;
    app.wait_for("#signin-again").await;
    let mut found = problems(&app, "the first account's form").await;
    app.create_first_account().await;
    app.wait_for("#start-sample").await;
    found.extend(problems(&app, "the start screen").await);
    load_sample(&app).await;

    for screen in SCREENS {
        app.click(&format!("#nav-{screen}")).await;
        app.wait_for(&format!("#screen-{screen}")).await;
        found.extend(problems(&app, screen).await);
        if *screen == "cohort" {
            // The proposal is a table of choices of its own.
            choose(&app, "#cohort-intake", "intake").await;
            app.click("#cohort-propose").await;
            app.wait_for("#cohort-rows tbody tr[data-application]")
                .await;
            found.extend(problems(&app, "cohort, a proposal made").await);
        }
        // A register's form shows only with a record open.
        let row = format!("#screen-{screen} table.list tbody tr[data-id] td");
        if displayed(&app, &row).await {
            app.click(&row).await;
            found.extend(problems(&app, &format!("{screen}, a record open")).await);
        }
    }

    // A mentorship's page with every card's editor open, then a refusal shown in one.
    open_mentorship(&app, "Zoë van der Merwe").await;
    app.wait_until_answered().await;
    let adds = run(
        &app,
        "find the cards' Add buttons",
        "return [...document.querySelectorAll('#screen-mentorships section button[id$=\"-add\"]')]
            .filter((b) => b.getClientRects().length > 0).map((b) => '#' + b.id);",
        vec![],
    )
    .await;
    for add in adds.as_array().expect("a list of buttons") {
        app.click(add.as_str().expect("a selector")).await;
    }
    // An evaluation's answers open from its form's row.
    app.click("#evaluations-list tbody tr[data-id] td").await;
    app.wait_for("#evaluation-editor").await;
    found.extend(problems(&app, "a mentorship's page, every editor open").await);
    // Dated tomorrow, a session is refused beside its date.
    let tomorrow = days_from_today(&app, 1).await;
    set_date(&app, "#session-held_on", &tomorrow).await;
    app.click("#session-save").await;
    app.wait_for_text(
        "#session-editor .field-error[data-for='held_on']",
        "in the future",
    )
    .await;
    found.extend(problems(&app, "a mentorship's page, a session refused").await);

    // The window's own dialogs.
    app.click("#nav-units").await;
    app.click("#units-list tbody tr[data-id] td").await;
    app.click("#units-archive").await;
    app.wait_for("#confirm-dialog").await;
    found.extend(problems(&app, "the confirmation dialog").await);
    app.click("#confirm-dialog .confirm-cancel").await;
    app.click("#change-password").await;
    app.wait_for("#password-dialog").await;
    found.extend(problems(&app, "the password dialog").await);
    app.click("#password-cancel").await;

    app.sign_out().await;
    found.extend(problems(&app, "the sign-in form").await);
    app.fill("#signin-name", MANAGER.0).await;
    app.fill("#signin-password", "not the password").await;
    app.click("#signin-submit").await;
    app.wait_for_text("#signin .form-error", "do not match")
        .await;
    found.extend(problems(&app, "the sign-in form, refused").await);
    app.close().await;

    let app = App::launch_on(encrypted_programme).await;
    app.wait_for("#unlock-submit").await;
    found.extend(problems(&app, "the unlock screen").await);
    app.fill("#unlock [name=passphrase]", "not the passphrase")
        .await;
    app.click("#unlock-submit").await;
    app.wait_for_text("#unlock .field-error", "does not open")
        .await;
    found.extend(problems(&app, "the unlock screen, refused").await);
    app.close().await;

    assert!(
        found.is_empty(),
        "axe-core and the live-region check found:\n{}",
        found.join("\n")
    );
}

/// Moves the focus up to the menu and opens the screen `name` with Enter.
async fn menu(app: &App, name: &str) {
    back_to(app, &format!("#nav-{name}")).await;
    app.screenshot(&format!("keyboard-menu-{name}")).await;
    press(app, &[Key::Enter]).await;
    wait_for_focus(app, &format!("#screen-{name} h1")).await;
    app.wait_until_answered().await;
}

/// Tabs to the field named `name` of the form `form` and types `text` into it.
async fn type_into(app: &App, form: &str, name: &str, text: &str) {
    tab_to(app, &format!("#{form} [name={name}]")).await;
    type_text(app, text).await;
}

/// Tabs to the drop-down named `name` of the form `form` and arrows down to `option`.
async fn choose_in(app: &App, form: &str, name: &str, option: &str) {
    tab_to(app, &format!("#{form} [name={name}]")).await;
    arrow_to_option(app, option).await;
}

/// Tabs to the date field named `name` of the form `form` and types `iso` into it.
async fn date_in(app: &App, form: &str, name: &str, iso: &str) {
    tab_to(app, &format!("#{form} [name={name}]")).await;
    type_date(app, iso).await;
}

/// Tabs to the New button of the register `register`, presses Enter and waits for the form's
/// first field to take the focus.
async fn new_record(app: &App, register: &str, first: &str) {
    tab_to(app, &format!("#{register}-new")).await;
    press(app, &[Key::Enter]).await;
    wait_for_focus(app, &format!("#{register}-form [name={first}]")).await;
}

/// Presses Enter on the form's Save button (reached with Tab) and waits until it says so.
async fn save_with_keys(app: &App, form: &str) {
    tab_to(app, &format!("#{form} button[type=submit]")).await;
    press(app, &[Key::Enter]).await;
    saved(app, form).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_staff_member_is_registered_paired_and_their_agreement_printed_with_the_keyboard_alone() {
    let app = App::launch_on(|_| {}).await;
    // The first account: the form puts the keyboard in its first field.
    wait_for_focus(&app, "#signin-name").await;
    type_text(&app, MANAGER.0).await;
    press(&app, &[Key::Tab]).await;
    type_text(&app, MANAGER.1).await;
    press(&app, &[Key::Tab]).await;
    type_text(&app, MANAGER.1).await;
    press(&app, &[Key::Enter]).await;
    app.wait_for_text("#signed-in-name", MANAGER.0).await;
    // The welcome screen takes the keyboard; "Start an empty programme" opens the staff.
    tab_to(&app, "#start-empty").await;
    press(&app, &[Key::Enter]).await;
    wait_for_focus(&app, "#screen-staff h1").await;
    app.wait_until_answered().await;

    // A staff member typed in and saved with Enter in the last field.
    new_record(&app, "staff", "persal").await;
    app.screenshot("keyboard-01-new-staff-member").await;
    type_text(&app, "31000017").await;
    type_into(&app, "staff-form", "first_names", "Thandeka").await;
    type_into(&app, "staff-form", "surname", "Mokoena").await;
    press(&app, &[Key::Enter]).await;
    saved(&app, "staff-form").await;

    // Archiving asks first: the dialog keeps the keyboard until it is answered, Escape
    // answers no, and the focus goes back to the button that asked.
    back_to(&app, "#staff-archive").await;
    press(&app, &[Key::Enter]).await;
    wait_for_focus(&app, "#confirm-dialog .confirm-cancel").await;
    app.screenshot("keyboard-02-confirmation").await;
    for _ in 0..4 {
        press(&app, &[Key::Tab]).await;
        assert!(
            focus_is(&app, "#confirm-dialog, #confirm-dialog *").await,
            "Tab left the open dialog for {}",
            focused(&app).await
        );
    }
    shift_tab(&app).await;
    assert!(focus_is(&app, "#confirm-dialog, #confirm-dialog *").await);
    press(&app, &[Key::Escape]).await;
    wait_for_focus(&app, "#staff-archive").await;
    assert_eq!(
        app.text("#staff-archive").await,
        "Archive",
        "Escape must leave the staff member as they were"
    );

    // The second staff member, from New again.
    back_to(&app, "#staff-new").await;
    press(&app, &[Key::Enter]).await;
    wait_for_focus(&app, "#staff-form [name=persal]").await;
    type_text(&app, "31000025").await;
    type_into(&app, "staff-form", "first_names", "Sipho").await;
    type_into(&app, "staff-form", "surname", "Dlamini").await;
    press(&app, &[Key::Enter]).await;
    saved(&app, "staff-form").await;
    // A row of the list opens with Enter.
    back_to(&app, "#staff-list tbody tr[data-id]").await;
    app.screenshot("keyboard-03-row-focused").await;
    press(&app, &[Key::Enter]).await;
    app.wait_until_answered().await;

    // Thandeka becomes a trained mentor appointed for the financial year.
    menu(&app, "mentors").await;
    new_record(&app, "mentors", "staff_id").await;
    arrow_to_option(&app, "Mokoena").await;
    app.screenshot("keyboard-04-drop-down").await;
    type_into(
        &app,
        "mentors-form",
        "fields_of_expertise",
        "Finance, leadership",
    )
    .await;
    type_into(&app, "mentors-form", "years_experience", "12").await;
    choose_in(&app, "mentors-form", "recruitment", "Volunteer").await;
    type_into(
        &app,
        "mentors-form",
        "training_course",
        "Mentoring in the Public Service",
    )
    .await;
    type_into(
        &app,
        "mentors-form",
        "training_provider",
        "National School of Government",
    )
    .await;
    date_in(&app, "mentors-form", "training_completed_on", "2026-02-13").await;
    app.screenshot("keyboard-05-date").await;
    type_into(
        &app,
        "mentors-form",
        "training_certificate",
        "NSG-2026-0042",
    )
    .await;
    date_in(&app, "mentors-form", "appointment_start", "2026-04-01").await;
    date_in(&app, "mentors-form", "appointment_end", "2027-03-31").await;
    save_with_keys(&app, "mentors-form").await;

    // Sipho becomes a protégé accepted on the programme.
    menu(&app, "proteges").await;
    new_record(&app, "proteges", "staff_id").await;
    arrow_to_option(&app, "Dlamini").await;
    choose_in(&app, "proteges-form", "kind", "accepted on the programme").await;
    type_into(
        &app,
        "proteges-form",
        "development_needs",
        "Budgeting; leading a team",
    )
    .await;
    save_with_keys(&app, "proteges-form").await;

    // The pair, for the mentor's appointment.
    menu(&app, "mentorships").await;
    new_record(&app, "mentorships", "mentor_id").await;
    arrow_to_option(&app, "Mokoena").await;
    choose_in(&app, "mentorships-form", "protege_id", "Dlamini").await;
    choose_in(&app, "mentorships-form", "status", "Active").await;
    choose_in(&app, "mentorships-form", "purpose", "Career development").await;
    date_in(&app, "mentorships-form", "start_date", "2026-12-01").await;
    date_in(&app, "mentorships-form", "end_date", "2027-03-31").await;
    type_into(
        &app,
        "mentorships-form",
        "goal_description",
        "Prepare the unit's budget input",
    )
    .await;
    save_with_keys(&app, "mentorships-form").await;

    // Print the agreement: Space presses a button as Enter does.
    back_to(&app, "#agreement-print").await;
    app.screenshot("keyboard-06-print-focused").await;
    press(&app, &[Key::Space]).await;
    app.wait_for_text("#agreement-document-path", "MS-0001-agreement.pdf")
        .await;
    let text = pdf_text(&app.documents_dir().join("MS-0001-agreement.pdf"));
    for words in [
        "Mentorship agreement",
        "Thandeka Mokoena",
        "Sipho Dlamini",
        "31000017",
        "31000025",
    ] {
        assert!(
            text.contains(words),
            "no {words:?} in the printed agreement:\n{text}"
        );
    }
    app.close().await;
}

/// Words that begin a button which changes something: none of them may show to a viewer.
const WRITE_WORDS: &[&str] = &[
    "Save",
    "New ",
    "Archive",
    "Restore",
    "Remove",
    "Delete",
    "Add ",
    "Record",
    "Log a",
    "Rate a",
    "Generate",
    "Sign off",
    "Finalise",
    "Change",
    "Import",
    "Choose a CSV",
    "Accept",
    "Make an",
    "Attach",
    "Take back",
    "Take up",
    "Done",
    "Renew",
    "Undo",
    "Use the suggested",
    "Print all pending",
    "Back up",
    "Set the passphrase",
];

/// The buttons and marked controls shown in the screens' part of the window, with their words
/// and the command each names.
async fn shown_controls(app: &App) -> Vec<Value> {
    let controls = run(
        app,
        "list the controls shown",
        "return [...document.querySelectorAll('main button, main [data-command]')]
            .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map((e) => ({
              words: (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
              id: e.id || null,
              command: e.dataset.command ?? null,
            }));",
        vec![],
    )
    .await;
    controls.as_array().cloned().unwrap_or_default()
}

/// The fields of an open record's form that are shown and can be changed, each as its form's
/// id and its name.
async fn editable_fields(app: &App) -> Vec<String> {
    let fields = run(
        app,
        "list the record's fields that can be changed",
        "return [...document.querySelectorAll('main [data-record-fields] :is(input, select, textarea)')]
            .filter((e) => e.getClientRects().length > 0 && !e.matches(':disabled'))
            .map((e) => `${e.form?.id ?? e.closest('form')?.id}: ${e.name || e.id}`);",
        vec![],
    )
    .await;
    serde_json::from_value(fields).unwrap_or_default()
}

/// What on the screen `screen` a viewer may not use: a control naming a command outside
/// `allowed`, or a button whose words say it changes something.
fn forbidden(screen: &str, controls: &[Value], allowed: &[&str]) -> Vec<String> {
    controls
        .iter()
        .filter(|c| {
            let words = c["words"].as_str().unwrap_or_default();
            let refused = c["command"]
                .as_str()
                .is_some_and(|command| command.split(' ').any(|name| !allowed.contains(&name)));
            refused || WRITE_WORDS.iter().any(|w| words.starts_with(w))
        })
        .map(|c| format!("{screen}: {c}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_is_shown_no_button_that_changes_anything_on_any_screen() {
    let app = App::launch().await;
    load_sample(&app).await;
    // The programme manager sees the write buttons the viewer must not, so the check below
    // can tell them apart.
    open_mentorship(&app, "Zoë van der Merwe").await;
    app.wait_until_answered().await;
    let manager = shown_controls(&app).await;
    let manager_sees = forbidden("a mentorship, as the programme manager", &manager, &[]);
    for write in [
        "Save",
        "New mentorship",
        "Archive",
        "Log a session",
        "Print audit pack",
    ] {
        assert!(
            manager.iter().any(|c| c["words"] == json!(write)),
            "the programme manager has no {write:?} button: {manager:?}"
        );
    }
    assert!(manager_sees.len() > 5, "{manager_sees:?}");
    assert!(displayed(&app, "#nav-group-programme").await);
    app.click("#nav-staff").await;
    app.wait_until_answered().await;
    app.click("#screen-staff table.list tbody tr[data-id] td")
        .await;
    app.wait_until_answered().await;
    assert!(
        editable_fields(&app).await.len() > 5,
        "the programme manager cannot change a staff member's fields"
    );

    add_user(&app, "Vusi Viewer", "viewer", "viewer password").await;
    app.sign_out().await;
    app.sign_in("Vusi Viewer", "viewer password").await;

    // What the window is told the viewer may do comes from core's role and the shell's list.
    let told = invoke(&app, "permissions", json!({})).await.unwrap();
    assert_eq!(told["role"], json!("viewer"), "{told}");
    assert_eq!(told["permissions"], json!(["read"]), "{told}");
    let allowed: Vec<&str> = told["commands"]
        .as_array()
        .expect("the commands allowed")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(allowed.contains(&"list_staff") && allowed.contains(&"print_agreement"));
    assert!(!allowed.contains(&"save_staff") && !allowed.contains(&"print_letter"));

    for screen in ["settings", "users", "audit", "safekeeping"] {
        assert!(
            !displayed(&app, &format!("#nav-{screen}")).await,
            "a viewer sees the {screen} screen in the menu"
        );
    }
    assert!(
        !displayed(&app, "#nav-group-programme").await,
        "a viewer sees the menu's Programme heading with nothing under it"
    );
    let mut found = Vec::new();
    for screen in SCREENS {
        if !displayed(&app, &format!("#nav-{screen}")).await {
            continue;
        }
        app.click(&format!("#nav-{screen}")).await;
        app.wait_for(&format!("#screen-{screen}")).await;
        app.wait_until_answered().await;
        found.extend(forbidden(screen, &shown_controls(&app).await, &allowed));
        let row = format!("#screen-{screen} table.list tbody tr[data-id] td");
        if displayed(&app, &row).await {
            app.click(&row).await;
            app.wait_until_answered().await;
            let open = format!("{screen}, a record open");
            found.extend(forbidden(&open, &shown_controls(&app).await, &allowed));
            let changeable = editable_fields(&app).await;
            if !changeable.is_empty() {
                found.push(format!("{open}: these can be changed: {changeable:?}"));
            }
        }
    }
    open_mentorship(&app, "Zoë van der Merwe").await;
    app.wait_until_answered().await;
    let page = shown_controls(&app).await;
    found.extend(forbidden("a mentorship's page", &page, &allowed));
    assert!(
        page.iter().any(|c| c["words"] == json!("Print agreement")),
        "a viewer may still print the agreement: {page:?}"
    );
    // A logged session opens for reading only.
    app.click("#sessions-list tbody tr[data-id] td").await;
    app.wait_for("#session-editor").await;
    let changeable = editable_fields(&app).await;
    if !changeable.is_empty() {
        found.push(format!(
            "a session, open: these can be changed: {changeable:?}"
        ));
    }
    app.screenshot("viewer-mentorship").await;
    assert!(
        found.is_empty(),
        "a viewer is shown what they may not use:\n{}",
        found.join("\n")
    );

    // Hidden is not the check: the gate still refuses a save the window never offered.
    let refused = invoke(
        &app,
        "save_unit",
        json!({ "unit": { "id": null, "name": "Viewer's unit", "line_manager_id": null, "archived": false } }),
    )
    .await
    .unwrap_err();
    assert_eq!(refused["code"], json!("not_allowed"), "{refused}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_unlock_screen_says_plainly_that_a_passphrase_is_wrong_and_opens_with_the_right_one() {
    let app = App::launch_on(encrypted_programme).await;
    app.wait_for("#unlock-submit").await;
    app.wait_for_text("#screen-unlock h1", "encrypted").await;
    app.fill("#unlock [name=passphrase]", "blue heron at dusk")
        .await;
    app.click("#unlock-submit").await;
    let told = app
        .wait_for_text("#unlock .field-error", "does not open")
        .await;
    assert!(
        told.starts_with("That passphrase does not open this database.")
            && told.contains("Caps Lock"),
        "the refusal is not plain: {told:?}"
    );
    // The words are in a live region beside the field, which is emptied and has the focus
    // for the next try; nothing else of the programme shows.
    let state = run(
        &app,
        "read the unlock form",
        "const input = document.querySelector('#unlock [name=passphrase]');
         const error = document.querySelector('#unlock .field-error');
         return { value: input.value, focused: document.activeElement === input,
                  invalid: input.getAttribute('aria-invalid'), live: error.getAttribute('aria-live') };",
        vec![],
    )
    .await;
    assert_eq!(
        state,
        json!({ "value": "", "focused": true, "invalid": "true", "live": "polite" })
    );
    assert!(!displayed(&app, "#signed-in").await);
    app.screenshot("unlock-refused").await;

    app.fill("#unlock [name=passphrase]", PASSPHRASE).await;
    app.click("#unlock-submit").await;
    app.wait_for_text("#signin-submit", "Sign in").await;
    app.sign_in(MANAGER.0, MANAGER.1).await;
    app.wait_for_text("#signed-in-name", MANAGER.0).await;
    app.wait_for("#screen-start #start-empty").await;
    // The file stays encrypted: SQLite's own header is nowhere to be read.
    let head = std::fs::read(app.db_path()).expect("the database file");
    assert!(!head.starts_with(b"SQLite format 3\0"));
    app.close().await;
}
