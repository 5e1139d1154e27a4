//! Keeping the data safe: the window locked down, backup and restore, roles and what each
//! sees, and a PERSAL extract imported only once every line is right.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::{App, MANAGER};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_printed_contract_is_copied_only_where_the_save_dialog_says_and_the_window_is_locked_down(
) {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentors").await;
    app.click("#mentors-list tbody tr[data-id] td").await;
    app.click("#mentors-contract-print").await;
    let shown = app
        .wait_for_text("#mentors-contract-document-path", ".pdf")
        .await;
    let printed = std::path::PathBuf::from(shown.trim());

    // Cancelling the save dialog (no answer waits) copies nothing.
    let from = json!({ "from": printed.to_string_lossy() });
    let cancelled = invoke_from_window(&app, "save_document_copy", from).await;
    assert_eq!(cancelled, "null");

    // The copy goes where the dialog (opened by the shell) answers, and is the same PDF.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("contract copy.pdf");
    app.answer_next_dialog(&copy);
    app.click("#mentors-contract-document-save-copy").await;
    app.wait_for_text(
        "#mentors-contract-document .document-status",
        "A copy was saved as",
    )
    .await;
    app.screenshot("document-copy-saved").await;
    assert_eq!(
        std::fs::read(&copy).expect("the copy was written"),
        std::fs::read(&printed).unwrap()
    );
    let text = pdf_text(&copy);
    assert!(
        text.contains("contract") || text.contains("Contract"),
        "{text}"
    );

    // The window itself cannot name a file: the command takes no destination, a file outside
    // the documents folder is refused, and the plugins' own file commands are not allowed.
    let outside = app.db_path().to_string_lossy().into_owned();
    let refused = invoke_from_window(&app, "save_document_copy", json!({ "from": outside })).await;
    assert!(refused.contains("not_a_document"), "{refused}");
    let opened = invoke_from_window(&app, "open_document", json!({ "path": outside })).await;
    assert!(opened.contains("not_a_document"), "{opened}");
    for (command, args) in [
        ("plugin:dialog|save", json!({ "options": {} })),
        ("plugin:dialog|open", json!({ "options": {} })),
        ("plugin:opener|open_path", json!({ "path": outside })),
    ] {
        let answer = invoke_from_window(&app, command, args).await;
        assert!(answer.contains("not allowed"), "{command}: {answer}");
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_backs_up_into_a_folder_and_restores_the_backup_after_confirming() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-safekeeping").await;
    // The app made today's automatic backup when it opened the database.
    app.wait_for_text("#safekeeping-backups", "daily").await;

    let usb = app.db_path().with_file_name("usb-stick");
    std::fs::create_dir_all(&usb).unwrap();
    app.answer_next_dialog(&usb);
    app.click("#safekeeping-backup-now").await;
    let result = app
        .wait_for_text("#safekeeping-backup-result", "Backed up")
        .await;
    let written: Vec<_> = std::fs::read_dir(&usb)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let summary = mentordesk_core::store::inspect_backup(&written[0], None).unwrap();
    assert_eq!(summary.integrity, "ok");
    assert!(summary.staff > 0 && summary.mentorships > 0, "{summary:?}");
    assert!(
        result.contains(&format!("{} staff", summary.staff)),
        "{result}"
    );
    app.screenshot("safekeeping-01-backed-up").await;

    // Restoring shows what the backup holds and changes nothing until confirmed.
    app.answer_next_dialog(&written[0]);
    app.click("#safekeeping-restore").await;
    app.wait_for_text("#confirm-dialog .confirm-message", "staff")
        .await;
    app.screenshot("safekeeping-02-confirm-restore").await;
    confirm(&app).await;
    app.wait_for_text("#safekeeping-restore-status", "Restored")
        .await;
    app.wait_for_text("#safekeeping-backups", "before-restore")
        .await;
    // The backup holds the manager's account as it is, so they stay signed in.
    app.wait_for_text("#signed-in-name", MANAGER.0).await;

    // A second manager, added after the backup was made, restores it: the restored programme
    // has no such account, so the window says so and asks for one of its accounts.
    add_user(
        &app,
        "Second Manager",
        "programme_manager",
        "second password",
    )
    .await;
    app.sign_out().await;
    app.sign_in("Second Manager", "second password").await;
    app.click("#nav-safekeeping").await;
    app.answer_next_dialog(&written[0]);
    app.click("#safekeeping-restore").await;
    app.wait_for_text("#confirm-dialog .confirm-message", "staff")
        .await;
    confirm(&app).await;
    app.wait_for_text(
        "#confirm-dialog .confirm-message",
        "yours is not among them",
    )
    .await;
    assert!(!displayed(&app, "#confirm-dialog .confirm-cancel").await);
    app.screenshot("safekeeping-03-sign-in-again").await;
    confirm(&app).await;
    app.wait_for("#signin-submit").await;
    let refused = invoke(&app, "list_staff", json!({ "query": {} }))
        .await
        .unwrap_err();
    assert_eq!(refused["code"], json!("signed_out"), "{refused}");
    app.sign_in(MANAGER.0, MANAGER.1).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_hr_officer_added_by_the_manager_sees_no_confidential_notes_nor_settings() {
    let app = App::launch().await;
    load_sample(&app).await;

    // The manager writes a confidential note on a session.
    let mentorships = invoke(&app, "list_mentorships", json!({ "query": {} }))
        .await
        .unwrap();
    let mut session_id = None;
    for m in mentorships.as_array().unwrap() {
        let log = invoke(&app, "list_sessions", json!({ "mentorshipId": m["id"] }))
            .await
            .unwrap();
        if let Some(first) = log.as_array().and_then(|l| l.first()) {
            session_id = Some(first["id"].clone());
            break;
        }
    }
    let session_id = session_id.expect("the sample programme logs sessions");
    let mut session = invoke(&app, "get_session", json!({ "id": session_id }))
        .await
        .unwrap();
    session["confidential_notes"] = json!("Spoke about a family illness");
    invoke(&app, "save_session", json!({ "session": session }))
        .await
        .unwrap();

    add_user(&app, "Harriet Officer", "hr_officer", "hr password").await;
    app.screenshot("users-01-hr-officer-added").await;

    // The trail names the manager for the new account and its chain checks out.
    app.click("#nav-audit").await;
    app.select("#audit-table", "app_user").await;
    app.wait_for_text("#audit-lines", "Harriet Officer").await;
    assert!(app.text("#audit-lines").await.contains("Test Manager"));
    app.click("#audit-check").await;
    app.wait_for_text("#audit-chain", "The chain is intact")
        .await;
    let csv = app.db_path().with_file_name("trail.csv");
    app.answer_next_dialog(&csv);
    app.click("#audit-export").await;
    app.wait_for_text("#audit-chain", "Exported to").await;
    let exported = std::fs::read_to_string(&csv).expect("the export wrote the CSV");
    assert!(
        exported.starts_with("Line,When (UTC),Who,Table"),
        "{exported}"
    );
    assert!(exported.contains("Harriet Officer"), "{exported}");
    assert!(!exported.contains("Spoke about a family illness"));
    app.screenshot("audit-01-intact").await;

    app.sign_out().await;
    // Names are told apart without case, so the officer need not type the capitals.
    app.sign_in("harriet officer", "hr password").await;
    app.wait_for_text("#signed-in-name", "Harriet Officer")
        .await;
    app.wait_for_text("#signed-in-role", "HR officer").await;
    assert!(
        !displayed(&app, "#nav-settings").await,
        "HR may not open Settings"
    );
    assert!(!displayed(&app, "#nav-users").await);
    assert!(!displayed(&app, "#nav-audit").await);

    // Neither the command nor the form gives the HR officer the note.
    let seen = invoke(&app, "get_session", json!({ "id": session_id }))
        .await
        .unwrap();
    assert_eq!(seen["confidential_notes"], json!(""));
    let refused = invoke(&app, "save_settings", json!({ "settings": {} }))
        .await
        .unwrap_err();
    assert_eq!(refused["code"], json!("not_allowed"), "{refused}");
    let refused = invoke(
        &app,
        "print_progress_report",
        json!({
            "mentorshipId": seen["mentorship_id"],
            "period": { "from": seen["held_on"], "to": seen["held_on"], "label": "That day" },
            "includeConfidential": true,
        }),
    )
    .await
    .unwrap_err();
    assert_eq!(refused["code"], json!("not_allowed"), "{refused}");

    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;
    app.click(&format!(
        "#mentorships-list tbody tr[data-id='{}'] td",
        seen["mentorship_id"]
    ))
    .await;
    app.click("#sessions-add").await;
    app.wait_for("#session-topics").await;
    assert!(
        !displayed(&app, "#session-confidential_notes").await,
        "the confidential box is hidden from an HR officer"
    );
    app.screenshot("users-02-hr-officer-session").await;

    // Saving the session as the HR officer keeps the manager's note.
    let mut changed = seen.clone();
    changed["topics"] = json!("Topics corrected by HR");
    invoke(&app, "save_session", json!({ "session": changed }))
        .await
        .unwrap();
    app.sign_out().await;
    app.sign_in(mentordesk_e2e::MANAGER.0, mentordesk_e2e::MANAGER.1)
        .await;
    let kept = invoke(&app, "get_session", json!({ "id": session_id }))
        .await
        .unwrap();
    assert_eq!(
        kept["confidential_notes"],
        json!("Spoke about a family illness")
    );
    assert_eq!(kept["topics"], json!("Topics corrected by HR"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_opens_every_screen_without_an_error_and_a_save_is_refused() {
    let app = App::launch().await;
    load_sample(&app).await;
    add_user(&app, "Vusi Viewer", "viewer", "viewer password").await;
    app.sign_out().await;
    // A wrong password is refused with the one message that names no one.
    app.fill("#signin-name", "Vusi Viewer").await;
    app.fill("#signin-password", "not the password").await;
    app.click("#signin-submit").await;
    app.wait_for_text("#signin .form-error", "do not match")
        .await;
    app.sign_in("Vusi Viewer", "viewer password").await;

    for screen in [
        "dashboard",
        "staff",
        "units",
        "mentors",
        "proteges",
        "applications",
        "cohort",
        "mentorships",
        "organisations",
        "kpa",
        "workload",
        "reports",
        "cycles",
    ] {
        app.click(&format!("#nav-{screen}")).await;
        app.wait_for(&format!("#screen-{screen}")).await;
        // Once the screen's calls have answered, look for any refusal shown.
        app.wait_until_answered().await;
        let shown = run(
            &app,
            "read the errors shown",
            "return [...document.querySelectorAll(arguments[0])]
                .filter((e) => e.offsetParent !== null && e.textContent.trim() !== '')
                .map((e) => e.textContent).join(' | ');",
            vec![json!(format!(
                "#screen-{screen} .screen-error, #screen-{screen} .form-error"
            ))],
        )
        .await;
        assert_eq!(
            shown,
            json!(""),
            "the {screen} screen shows an error to a viewer"
        );
    }
    assert!(!displayed(&app, "#nav-settings").await);
    app.click("#nav-units").await;
    assert!(
        !displayed(&app, "#units-new").await,
        "a viewer has no New button"
    );
    app.screenshot("users-03-viewer").await;

    let refused = invoke(
        &app,
        "save_unit",
        json!({ "unit": { "id": null, "name": "Viewer's unit", "line_manager_id": null, "archived": false } }),
    )
    .await
    .unwrap_err();
    assert_eq!(refused["code"], json!("not_allowed"), "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("As a viewer you may not change records"),
        "{refused}"
    );
    let units = invoke(&app, "list_units", json!({ "includeArchived": true }))
        .await
        .unwrap();
    assert!(!units.to_string().contains("Viewer's unit"));
    app.close().await;
}

/// A PERSAL extract with a column the app does not recognise ("Rang") and, unless `fixed`,
/// two bad lines: an impossible date and a persal number that appears twice.
fn persal_extract(fixed: bool) -> String {
    let mut text = String::from(
        "PERSAL NO;SURNAME;INITIALS;GENDER;DATE OF BIRTH;Rang;COMPONENT\n\
         31000017;Ndlovu;T.M.;F;19880412;Administration Officer;Provincial Liaison\n",
    );
    if fixed {
        text.push_str("31000025;van Wyk;J;M;1979-11-03;Assistant Director;Provincial Liaison\n");
    } else {
        text.push_str("31000025;van Wyk;J;M;31/02/1979;Assistant Director;Provincial Liaison\n");
        text.push_str("31000017;Ndlovu;T;F;19880412;Clerk;Provincial Liaison\n");
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn a_persal_extract_is_imported_only_once_every_line_is_right_then_the_registers_export() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-import").await;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("persal-extract.csv");
    std::fs::write(&file, persal_extract(false)).unwrap();

    app.answer_next_dialog(&file);
    app.click("#import-choose").await;
    app.wait_for_text("#import-file", "persal-extract.csv: 3 lines")
        .await;
    let summary = app
        .wait_for_text("#import-summary", "2 lines with problems")
        .await;
    assert!(
        summary.contains("New units: Provincial Liaison"),
        "{summary}"
    );
    let report = app.text("#import-report").await;
    assert!(
        report.contains("Line 3, Date of birth: '31/02/1979' is not a date."),
        "{report}"
    );
    assert!(
        report.contains("Line 4, Persal number: 31000017 is also on line 2"),
        "{report}"
    );
    assert!(app.exists("#import-report tr.import-error").await);
    let apply = app.wait_for("#import-apply").await;
    assert!(
        !apply.is_enabled().await.unwrap(),
        "import is refused while a line is wrong"
    );
    app.screenshot("import-01-problems").await;

    // The corrected file, with the unrecognised column chosen by hand.
    std::fs::write(&file, persal_extract(true)).unwrap();
    app.answer_next_dialog(&file);
    app.click("#import-choose").await;
    app.wait_for_text("#import-summary", "0 lines with problems")
        .await;
    assert_eq!(
        app.wait_for("#import-map-5")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("")
    );
    app.select("#import-map-5", "designation").await;
    app.wait_for_text("#import-report", "Assistant Director")
        .await;
    app.wait_for_text("#import-apply", "Import 2 staff members")
        .await;
    app.screenshot("import-02-preview").await;
    app.click("#import-apply").await;
    let result = app.wait_for_text("#import-result", "Imported").await;
    assert!(result.contains("2 staff members added"), "{result}");
    assert!(
        result.contains("units created: Provincial Liaison"),
        "{result}"
    );
    app.screenshot("import-03-imported").await;

    let store = mentordesk_core::Store::open(app.db_path()).unwrap();
    let van_wyk = store
        .staff_by_persal("31000025")
        .unwrap()
        .expect("imported");
    assert_eq!(van_wyk.designation, "Assistant Director");
    assert_eq!(van_wyk.first_names, "J");
    drop(store);

    let out = folder.path().join("exports");
    std::fs::create_dir_all(&out).unwrap();
    app.answer_next_dialog(&out);
    app.click("#export-xlsx").await;
    app.wait_for_text("#export-result", "Exported").await;
    let book = std::fs::read(out.join("mentordesk-registers.xlsx")).unwrap();
    assert!(book.starts_with(b"PK"), "an xlsx workbook");
    app.close().await;
}
