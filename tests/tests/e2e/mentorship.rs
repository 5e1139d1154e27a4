//! A mentorship's record on its page: the work plan, the session log, competency ratings and
//! termination steps, and a quarter's progress report written and printed.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_generates_a_work_plan_sees_what_is_overdue_and_signs_an_event_off() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;

    // The sample's draft mentorship has no work plan yet, and its start date is weeks past,
    // so the first events of a new plan are past.
    let mentorship = row_id(&app, "#mentorships-list", "Keabetswe Modise").await;
    app.click(&format!(
        "#mentorships-list tbody tr[data-id='{mentorship}'] td"
    ))
    .await;
    app.click("#workplan-generate").await;
    app.wait_for_text("#workplan-list", "Overdue").await;
    let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });";
    run(&app, "show the work plan", show, vec![json!("#workplan")]).await;
    app.screenshot("workplan-01-generated").await;

    let event = row_id(&app, "#workplan-list", "Overdue").await;
    app.click(&format!("#workplan-list tbody tr[data-id='{event}'] td"))
        .await;
    let yesterday = window_date(&app, 1).await;
    set_date(&app, "#workplan-signed_off_on", &yesterday).await;
    app.fill("#workplan-sign_off_comment", "Discussed the first goals")
        .await;
    app.click("#workplan-sign-off").await;
    app.wait_for_text(
        &format!("#workplan-list tbody tr[data-id='{event}']"),
        &format!("Signed off on {yesterday}"),
    )
    .await;
    app.wait_for_text("#workplan-editor .form-status", "Discussed the first goals")
        .await;
    run(&app, "show the work plan", show, vec![json!("#workplan")]).await;
    app.screenshot("workplan-02-signed-off").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_logs_a_session_with_an_action_and_marks_it_done_later() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;

    let mentorship = row_id(&app, "#mentorships-list", "Active").await;
    app.click(&format!(
        "#mentorships-list tbody tr[data-id='{mentorship}'] td"
    ))
    .await;
    app.wait_for("#sessions-add").await;

    // A new session starts from the mentorship's own meeting length.
    app.click("#sessions-add").await;
    let value = "return document.querySelector(arguments[0]).value;";
    let length = run(
        &app,
        "read the meeting length",
        value,
        vec![json!("#mentorships-form [name=meeting_minutes]")],
    )
    .await;
    let minutes = run(
        &app,
        "read the session's length",
        value,
        vec![json!("#session-minutes")],
    )
    .await;
    assert_eq!(minutes, length, "the session starts at the meeting length");

    // Dated tomorrow, the session is refused on its date and keeps what was typed.
    let tomorrow = run(
        &app,
        "work out tomorrow",
        "const d = new Date(Date.now() + 86400000);
         return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;",
        vec![],
    )
    .await;
    let tomorrow = tomorrow.as_str().expect("a date").to_owned();
    set_date(&app, "#session-held_on", &tomorrow).await;
    app.fill(
        "#session-topics",
        "Budget variance reports and the quarterly review",
    )
    .await;
    app.fill(
        "#session-confidential_notes",
        "Worried about a conflict with a colleague",
    )
    .await;
    app.click("#session-add-action").await;
    let action = "#session-actions .session-action:last-child";
    app.fill(
        &format!("{action} [name=action_description]"),
        "Draft the October variance report",
    )
    .await;
    let yesterday = window_date(&app, 1).await;
    set_date(&app, &format!("{action} [name=action_due_on]"), &yesterday).await;
    app.click("#session-save").await;
    app.wait_for_text(
        "#session-editor .field-error[data-for='held_on']",
        "in the future",
    )
    .await;
    let topics = run(
        &app,
        "read the topics",
        value,
        vec![json!("#session-topics")],
    )
    .await;
    assert_eq!(topics, "Budget variance reports and the quarterly review");
    app.screenshot("sessions-01-refused-date").await;

    // Held three days ago, it is saved and listed; the action is open and already overdue.
    let held_on = window_date(&app, 3).await;
    set_date(&app, "#session-held_on", &held_on).await;
    app.click("#session-save").await;
    saved(&app, "session-editor").await;
    app.wait_for_text(
        "#sessions-list",
        "Budget variance reports and the quarterly review",
    )
    .await;
    let session = row_id(&app, "#sessions-list", "Budget variance reports").await;
    let row = app
        .text(&format!("#sessions-list tbody tr[data-id='{session}']"))
        .await;
    assert!(row.contains(&held_on), "{row}");
    assert!(
        !app.text("#sessions-list").await.contains("conflict"),
        "the list leaves the confidential notes out"
    );
    let open_row = "const text = arguments[0];
        const row = [...document.querySelectorAll('#session-open-actions tbody tr')]
            .find(r => r.textContent.includes(text));
        return row ? row.dataset.action : null;";
    let done = run(
        &app,
        "find the open action",
        open_row,
        vec![json!("Draft the October variance report")],
    )
    .await;
    let done = done.as_str().expect("the action is open").to_owned();
    app.wait_for_text(
        &format!("#session-open-actions tr[data-action='{done}']"),
        "Overdue by 1 day",
    )
    .await;
    let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });";
    run(&app, "show the session log", show, vec![json!("#sessions")]).await;
    app.screenshot("sessions-02-logged").await;

    // Later the officer closes the session and marks the action done in Open actions.
    app.click("#session-close").await;
    wait_for_rows(&app, "#session-editor:not([hidden])", 0).await;
    app.click(&format!("#open-action-done-{done}")).await;
    wait_for_rows(&app, &format!("#open-action-done-{done}"), 0).await;
    app.wait_for_text(
        &format!("#sessions-list tbody tr[data-id='{session}']"),
        "1 done",
    )
    .await;

    // Opened again, the session shows the day the action was done, and its confidential notes.
    app.click(&format!("#sessions-list tbody tr[data-id='{session}'] td"))
        .await;
    app.wait_for("#session-editor").await;
    let done_on = run(
        &app,
        "read the done date",
        value,
        vec![json!(format!("{action} [name=action_done_on]"))],
    )
    .await;
    assert_eq!(done_on, json!(window_date(&app, 0).await));
    let notes = run(
        &app,
        "read the notes",
        value,
        vec![json!("#session-confidential_notes")],
    )
    .await;
    assert_eq!(notes, "Worried about a conflict with a colleague");
    run(
        &app,
        "show the session's actions",
        show,
        vec![json!("#session-actions")],
    )
    .await;
    app.screenshot("sessions-03-action-done").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_rates_a_competency_after_a_refusal_and_records_a_termination_step() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;
    let mentorship = row_id(&app, "#mentorships-list", "Zoë van der Merwe").await;
    let open_mentorship = format!("#mentorships-list tbody tr[data-id='{mentorship}'] td");
    app.click(&open_mentorship).await;

    // The first goal is achieved: its status and progress are saved with the mentorship.
    choose(
        &app,
        "#mentorships-form .goal [name=goal_status]",
        "Achieved",
    )
    .await;
    app.fill("#mentorships-form .goal [name=goal_progress]", "100")
        .await;
    save(&app, "mentorships-form").await;
    saved(&app, "mentorships-form").await;
    let goal = run(
        &app,
        "read the first goal",
        "const row = document.querySelector('#mentorships-form .goal');
         return [row.querySelector('[name=goal_status]').value,
                 row.querySelector('[name=goal_progress]').value];",
        vec![],
    )
    .await;
    assert_eq!(goal, json!(["achieved", "100"]));
    run(
        &app,
        "show the goals",
        "document.querySelector('#mentorships-form .goal').scrollIntoView({ block: 'center' });",
        vec![],
    )
    .await;
    app.screenshot("goals-achieved").await;

    // A rating without evidence is refused next to the evidence field. The editor asks for
    // the rating scale before it offers the competencies.
    app.click("#ratings-add").await;
    app.wait_until_answered().await;
    let competency = run(
        &app,
        "read the first competency offered",
        "return document.querySelector('#rating-competency').options[1]?.textContent ?? null;",
        vec![],
    )
    .await;
    let competency = competency
        .as_str()
        .expect("the mentorship's competencies are offered")
        .to_owned();
    choose(&app, "#rating-competency", &competency).await;
    choose(&app, "#rating-rating", "3 – Fully effective").await;
    save(&app, "rating-editor").await;
    app.wait_for_text(
        "#rating-editor .field-error[data-for='evidence']",
        "rests on",
    )
    .await;
    let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });";
    run(&app, "show the ratings", show, vec![json!("#ratings")]).await;
    app.screenshot("ratings-01-refused").await;

    app.fill(
        "#rating-evidence",
        "All five performance agreements signed; the team confirms regular check-ins.",
    )
    .await;
    save(&app, "rating-editor").await;
    saved(&app, "rating-editor").await;
    let row = app
        .wait_for_text("#ratings-list tbody tr[data-id]", "3 – Fully effective")
        .await;
    assert!(row.contains(&competency), "the rating's row: {row:?}");
    // A row's cell opens the rating again for correcting.
    app.click("#rating-close").await;
    app.click("#ratings-list tbody tr[data-id] td:nth-child(2)")
        .await;
    app.wait_for_text("#rating-editor h3", "Rating of").await;
    run(&app, "show the ratings", show, vec![json!("#ratings")]).await;
    app.screenshot("ratings-02-saved").await;

    // The first termination step: the discussion, with the coordinator informed.
    app.click("#termination-add").await;
    choose(&app, "#termination-kind", "Discussion between protégé").await;
    app.fill("#termination-initiated_by", "Protégé").await;
    app.fill(
        "#termination-notes",
        "The protégé asked to end the mentorship: she moves to another branch next month.",
    )
    .await;
    app.click("#termination-coordinator_informed").await;
    save(&app, "termination-editor").await;
    saved(&app, "termination-editor").await;
    let notes = "she moves to another branch";
    wait_for_title(&app, "#termination-list tbody", notes).await;
    let step = run(
        &app,
        "read the step's row",
        "const row = [...document.querySelectorAll('#termination-list tbody tr[data-id]')]
            .find(r => r.textContent.includes(arguments[0]));
         return [...row.cells].map(c => c.textContent);",
        vec![json!(notes)],
    )
    .await;
    let step: Vec<&str> = step
        .as_array()
        .expect("the step's cells")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(
        step[1],
        "Discussion between protégé and programme coordinatorInitiated by: Protégé"
    );
    assert_eq!(step[3], "Yes");
    run(
        &app,
        "show the termination",
        show,
        vec![json!("#termination")],
    )
    .await;
    app.screenshot("termination-01-step").await;

    // The rating scale is a setting; a new rating is offered on the scale it names, while the
    // rating already given keeps its own.
    app.click("#nav-settings").await;
    app.wait_for("#settings-form-rating_scale").await;
    let offered = run(
        &app,
        "read the rating scales offered",
        "return [...document.querySelectorAll('#settings-form-rating_scale option')].map(o => o.textContent);",
        vec![],
    )
    .await;
    assert_eq!(
        offered,
        json!(["Four-point scale", "Five-point scale (older)"])
    );
    choose(&app, "#settings-form-rating_scale", "Five-point").await;
    save(&app, "settings-form").await;
    saved(&app, "settings-form").await;
    app.click("#nav-mentorships").await;
    app.click("#rating-close").await;
    app.click("#ratings-add").await;
    wait_for_title(&app, "#rating-rating", "5 – Outstanding").await;
    app.wait_for_text("#ratings-list tbody tr[data-id]", "Four-point scale")
        .await;
    run(&app, "show the ratings", show, vec![json!("#ratings")]).await;
    app.screenshot("ratings-03-five-point").await;

    app.click("#nav-settings").await;
    choose(&app, "#settings-form-rating_scale", "Four-point").await;
    save(&app, "settings-form").await;
    saved(&app, "settings-form").await;
    let scale = run(
        &app,
        "read the rating scale",
        "return document.querySelector('#settings-form-rating_scale').selectedOptions[0].textContent;",
        vec![],
    )
    .await;
    assert_eq!(scale, json!("Four-point scale"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_writes_a_quarters_report_after_a_refusal_and_prints_it() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;

    // An active mentorship, and its protégé's name as the list shows it.
    let found = run(
        &app,
        "find an active mentorship",
        "const heads = [...document.querySelectorAll('#mentorships-list thead th')].map(th => th.textContent);
         const row = [...document.querySelectorAll('#mentorships-list tbody tr[data-id]')]
            .find(r => r.textContent.includes('Active'));
         return row ? [row.dataset.id, row.cells[heads.indexOf('Protégé')].textContent] : null;",
        vec![],
    )
    .await;
    let mentorship = found[0].as_str().expect("an active mentorship is listed");
    let protege = found[1].as_str().expect("its protégé").to_owned();
    app.click(&format!(
        "#mentorships-list tbody tr[data-id='{mentorship}'] td"
    ))
    .await;

    // The officer logs today's session with a topic the quarter's report must repeat.
    let topic = "Reconciling the petty-cash register with the ledger";
    app.click("#sessions-add").await;
    app.fill("#session-topics", topic).await;
    app.click("#session-save").await;
    app.wait_for_text("#session-editor .form-status", "Saved")
        .await;

    // Today's quarter of the financial year that starts in April (the sample's setting).
    let today = window_date(&app, 0).await;
    let month: usize = today[5..7].parse().expect("a month");
    let quarter = (month + 8) % 12 / 3 + 1;
    choose(&app, "#report-period", &format!("Quarter {quarter} of")).await;
    app.wait_for_text("#report-written", "Not written yet")
        .await;
    let written_on = run(
        &app,
        "read the report's date",
        "return document.querySelector('#report-written_on').value;",
        vec![],
    )
    .await;
    assert_eq!(written_on, json!(today), "a new report is dated today");

    // Completing while the goals are not started needs a reason, asked for by name.
    choose(&app, "#report-recommendation", "Complete").await;
    choose(&app, "#report-overall_rating", "Fully effective").await;
    app.fill(
        "#report-mentor_comments",
        "Works steadily and asks for help early.",
    )
    .await;
    app.click("#report-save").await;
    let refusal = app
        .wait_for_text(
            "#report-editor .field-error[data-for=recommendation_reason]",
            "not achieved",
        )
        .await;
    assert!(refusal.contains("goal"), "{refusal}");
    let kept = run(
        &app,
        "read the comments kept",
        "return document.querySelector('#report-mentor_comments').value;",
        vec![],
    )
    .await;
    assert_eq!(kept, json!("Works steadily and asks for help early."));
    let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });";
    run(
        &app,
        "show the reports",
        show,
        vec![json!("#progress-reports")],
    )
    .await;
    app.screenshot("progress-01-refused").await;

    app.fill(
        "#report-recommendation_reason",
        "The protégé moves to another directorate; the goals carry over to the next mentor.",
    )
    .await;
    app.click("#report-save").await;
    app.wait_for_text("#report-editor .form-status", "Saved")
        .await;
    app.wait_for_text("#report-written", &format!("Written on {today}"))
        .await;
    app.wait_for_text("#report-list", "Complete").await;

    // The confidential notes stay out unless asked for, and the choice lasts one print only.
    app.click("#report-include-confidential").await;
    app.click("#progress-print").await;
    let shown = app.wait_for_text("#progress-document-path", ".pdf").await;
    let checked = run(
        &app,
        "read the confidential choice",
        "return document.querySelector('#report-include-confidential').checked;",
        vec![],
    )
    .await;
    assert_eq!(checked, json!(false), "the choice is undone after printing");
    let pdf = std::path::PathBuf::from(shown.trim());
    assert!(
        pdf.is_file() && pdf.starts_with(app.documents_dir()),
        "the report was not written into the documents folder: {shown}"
    );
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for words in ["Progress report", protege.as_str(), topic] {
        assert!(
            text.contains(words),
            "no {words:?} in the printed report:\n{text}"
        );
    }
    run(
        &app,
        "show the printed report",
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'end' });",
        vec![json!("#progress-document")],
    )
    .await;
    app.screenshot("progress-02-printed").await;

    // Every mentorship under way this quarter, printed at once.
    app.click("#nav-reports").await;
    // Dates of their own are named by core, and a range that runs backwards is refused.
    choose(&app, "#reports-period", "Other dates").await;
    set_date(&app, "#reports-period_from", &today).await;
    let yesterday = window_date(&app, 1).await;
    set_date(&app, "#reports-period_to", &yesterday).await;
    app.wait_for_text(
        "#screen-reports .field-error[data-for=period_to]",
        "before it starts",
    )
    .await;
    choose(&app, "#reports-period", &format!("Quarter {quarter} of")).await;
    let counted = app.wait_for_text("#reports-count", "mentorships are").await;
    let total: usize = counted
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {counted:?}"));
    app.screenshot("progress-03-batch").await;
    app.click("#reports-print-all").await;
    app.wait_for_text(
        "#reports-progress-text",
        &format!("Finished: {total} of {total}"),
    )
    .await;
    app.wait_for_text("#reports-summary", &format!("{total} reports"))
        .await;
    let folder = std::path::PathBuf::from(app.text("#reports-folder").await.trim());
    let printed = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("no batch folder {}: {e}", folder.display()))
        .filter(|f| {
            f.as_ref()
                .is_ok_and(|f| f.path().extension().is_some_and(|x| x == "pdf"))
        })
        .count();
    assert_eq!(printed, total, "every report in {}", folder.display());
    assert!(
        folder.starts_with(app.documents_dir()),
        "{}",
        folder.display()
    );
    app.screenshot("progress-04-batch-printed").await;
    app.close().await;
}
