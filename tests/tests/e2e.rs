//! End-to-end tests: each one opens the real MentorDesk window with an empty database and
//! drives it as a person would, through the harness in `mentordesk_e2e`.

use mentordesk_e2e::{within, App, Locator};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_on_the_welcome_screen() {
    let app = App::launch().await;
    app.wait_for("#screen-start").await;
    // The screen is shown before its content is drawn, so the two choices a new programme
    // offers are what prove the welcome screen is really there.
    app.wait_for("#start-empty").await;
    app.wait_for("#start-sample").await;
    app.screenshot("welcome").await;
    app.close().await;
}

/// Chooses the option of the `<select>` matching `css` whose words contain `text`, as a person
/// picks a name from a drop-down, and returns the option's value.
async fn choose(app: &App, css: &str, text: &str) -> String {
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
async fn set_date(app: &App, css: &str, date: &str) {
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

async fn save(app: &App, form: &str) {
    app.click(&format!("#{form} button[type=submit]")).await;
}

async fn saved(app: &App, form: &str) {
    let status = format!("#{form} .form-status");
    app.wait_for_text(&status, "aved").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_registers_a_pair_sees_a_refusal_pairs_them_and_prints_the_agreement() {
    let app = App::launch().await;
    app.wait_for("#screen-start #start-empty").await;
    app.screenshot("01-welcome").await;
    app.click("#start-empty").await;

    // Two staff members; the first try has a mistyped persal number.
    app.click("#nav-staff").await;
    app.click("#staff-new").await;
    app.fill("#staff-form [name=persal]", "1234A678").await;
    app.fill("#staff-form [name=first_names]", "Zoë").await;
    app.fill("#staff-form [name=surname]", "van der Merwe")
        .await;
    save(&app, "staff-form").await;
    app.wait_for_text(".field-error[data-for=persal]", "6 to 10 digits")
        .await;
    let kept = app
        .wait_for("#staff-form [name=surname]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("van der Merwe"),
        "a refused save must keep what was typed"
    );
    app.fill("#staff-form [name=persal]", "12345678").await;
    save(&app, "staff-form").await;
    saved(&app, "staff-form").await;

    app.click("#staff-new").await;
    app.fill("#staff-form [name=persal]", "23456789").await;
    app.fill("#staff-form [name=first_names]", "Pieter").await;
    app.fill("#staff-form [name=surname]", "O'Neill").await;
    save(&app, "staff-form").await;
    saved(&app, "staff-form").await;
    app.screenshot("02-staff").await;

    // Zoë becomes a trained mentor appointed for the 2026/27 financial year.
    app.click("#nav-mentors").await;
    app.click("#mentors-new").await;
    choose(&app, "#mentors-form [name=staff_id]", "van der Merwe").await;
    app.fill(
        "#mentors-form [name=fields_of_expertise]",
        "Finance, leadership",
    )
    .await;
    app.fill("#mentors-form [name=years_experience]", "12")
        .await;
    choose(&app, "#mentors-form [name=recruitment]", "Volunteer").await;
    app.fill(
        "#mentors-form [name=training_course]",
        "Mentoring in the Public Service",
    )
    .await;
    app.fill(
        "#mentors-form [name=training_provider]",
        "National School of Government",
    )
    .await;
    set_date(
        &app,
        "#mentors-form [name=training_completed_on]",
        "2026-02-13",
    )
    .await;
    app.fill("#mentors-form [name=training_certificate]", "NSG-2026-0042")
        .await;
    set_date(&app, "#mentors-form [name=appointment_start]", "2026-04-01").await;
    set_date(&app, "#mentors-form [name=appointment_end]", "2027-03-31").await;
    save(&app, "mentors-form").await;
    saved(&app, "mentors-form").await;
    app.screenshot("03-mentors").await;

    // Pieter becomes a protégé who applied for the programme.
    app.click("#nav-proteges").await;
    app.click("#proteges-new").await;
    choose(&app, "#proteges-form [name=staff_id]", "O'Neill").await;
    choose(
        &app,
        "#proteges-form [name=kind]",
        "accepted on the programme",
    )
    .await;
    app.fill(
        "#proteges-form [name=development_needs]",
        "Budgeting; leading a team",
    )
    .await;
    save(&app, "proteges-form").await;
    saved(&app, "proteges-form").await;
    app.screenshot("04-proteges").await;

    // The first try runs past Zoë's appointment, which the programme refuses.
    app.click("#nav-mentorships").await;
    app.click("#mentorships-new").await;
    choose(
        &app,
        "#mentorships-form [name=mentor_id]",
        "Zoë van der Merwe",
    )
    .await;
    choose(
        &app,
        "#mentorships-form [name=protege_id]",
        "Pieter O'Neill",
    )
    .await;
    choose(&app, "#mentorships-form [name=status]", "Active").await;
    choose(
        &app,
        "#mentorships-form [name=purpose]",
        "Career development",
    )
    .await;
    set_date(&app, "#mentorships-form [name=start_date]", "2026-12-01").await;
    set_date(&app, "#mentorships-form [name=end_date]", "2027-06-30").await;
    choose(
        &app,
        "#mentorships-form [name=mode]",
        "Face to face, one-to-one",
    )
    .await;
    choose(&app, "#mentorships-form [name=frequency]", "Monthly").await;
    app.fill("#mentorships-form [name=meeting_minutes]", "60")
        .await;
    app.fill(
        "#mentorships-form [name=goal_description]",
        "Prepare the unit's budget input",
    )
    .await;
    save(&app, "mentorships-form").await;
    let refusal = app
        .wait_for_text(
            ".field-error[data-for=end_date]",
            "does not cover this mentorship",
        )
        .await;
    assert!(refusal.contains("2026-04-01 to 2027-03-31"), "{refusal}");
    app.screenshot("05-refused-pairing").await;

    set_date(&app, "#mentorships-form [name=end_date]", "2027-03-31").await;
    save(&app, "mentorships-form").await;
    saved(&app, "mentorships-form").await;

    app.click("#agreement-print").await;
    let shown = app
        .wait_for_text("#agreement-document-path", "MS-0001-agreement.pdf")
        .await;
    let pdf = app.documents_dir().join("MS-0001-agreement.pdf");
    assert!(
        pdf.is_file(),
        "the agreement was not written to {}",
        pdf.display()
    );
    assert!(shown.contains(&*pdf.to_string_lossy()), "{shown}");
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for words in [
        "Mentorship agreement",
        "Zoë van der Merwe",
        "Pieter O'Neill",
        "12345678",
        "23456789",
    ] {
        assert!(
            text.contains(words),
            "no {words:?} in the printed agreement:\n{text}"
        );
    }
    app.screenshot("06-mentorships").await;

    for screen in ["units", "organisations", "settings"] {
        app.click(&format!("#nav-{screen}")).await;
        app.wait_for(&format!("#screen-{screen}")).await;
        app.screenshot(&format!("07-{screen}")).await;
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_programme_loads_with_its_mentorships_listed() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    app.wait_for_text("#mentorships-list", "Zoë van der Merwe")
        .await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;
    app.screenshot("sample-mentorships").await;
    // The search ignores accents, as an officer typing on an English keyboard expects.
    app.fill("#mentorships-search", "rene").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 1).await;
    assert!(app
        .text("#mentorships-list tbody tr")
        .await
        .contains("René Fourie"));
    app.close().await;
}

/// Waits, within the harness's bound, until exactly `count` elements match `css`.
async fn wait_for_rows(app: &App, css: &str, count: usize) {
    let deadline = std::time::Instant::now() + mentordesk_e2e::WAIT;
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
async fn load_sample(app: &App) {
    app.click("#start-sample").await;
    app.wait_for("#staff-list tbody tr[data-id]").await;
}

/// The `data-id` of the first row of the table `table` whose text holds `text`.
async fn row_id(app: &App, table: &str, text: &str) -> String {
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
async fn run(
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
async fn wait_for_title(app: &App, css: &str, expected: &str) {
    let deadline = std::time::Instant::now() + mentordesk_e2e::WAIT;
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
async fn window_date(app: &App, days_ago: u32) -> String {
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
async fn confirm(app: &App) {
    app.click("#confirm-dialog .confirm-ok").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_finalises_a_kpa_allocation_after_two_refusals_and_prints_it() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-kpa").await;
    // The list opens on the current cycle with each mentor's latest version; the sample's
    // fifth internal mentor still has a draft that waits for the line manager.
    app.wait_for_text("#kpa-list", "Draft").await;
    wait_for_rows(&app, "#kpa-list tbody tr[data-id]", 5).await;
    app.screenshot("kpa-01-list").await;
    let draft = run(
        &app,
        "find the draft allocation",
        "const row = [...document.querySelectorAll('#kpa-list tbody tr[data-id]')]
            .find(r => r.textContent.includes('Draft'));
         return row ? [row.dataset.id, row.cells[0].textContent] : null;",
        vec![],
    )
    .await;
    let id = draft[0]
        .as_str()
        .expect("a draft allocation in the list")
        .to_owned();
    let mentor = draft[1].as_str().expect("the draft's mentor").to_owned();
    // WebDriver clicks a cell: a table row itself is not a box it can click.
    app.click(&format!("#kpa-list tbody tr[data-id='{id}'] td"))
        .await;
    // WebKitWebDriver counts the form's title (one line, clipped with an ellipsis when long) as
    // not displayed, so its words are read from the page.
    wait_for_title(&app, "#kpa-form .form-title", &mentor).await;
    app.wait_for_text("#kpa-total", "100%").await;
    app.wait_for_text("#kpa-workload", "Suggested weight").await;
    app.screenshot("kpa-02-draft").await;

    // Without the line manager's consultation the allocation cannot be final.
    app.click("#kpa-finalise").await;
    confirm(&app).await;
    app.wait_for_text(".field-error[data-for=consulted_on]", "line manager")
        .await;
    app.screenshot("kpa-03-refused-consultation").await;

    // A weight off by 5% and the consultation recorded: the total is what is refused now.
    let first_weight = "#kpa-rows .kpa-row:first-child [name=kpa_weight]";
    app.fill(first_weight, "25").await;
    app.wait_for_text("#kpa-total", "95%").await;
    app.wait_for_text("#kpa-total-note", "5% still to be given")
        .await;
    let yesterday = window_date(&app, 1).await;
    set_date(&app, "#kpa-form [name=consulted_on]", &yesterday).await;
    choose(&app, "#kpa-form [name=consultation_outcome]", "Agreed").await;
    app.fill(
        "#kpa-form [name=consultation_notes]",
        "The line manager agreed to two hours a month per protégé.",
    )
    .await;
    app.click("#kpa-finalise").await;
    confirm(&app).await;
    let refusal = app
        .wait_for_text(".field-error[data-for=kpas]", "95%")
        .await;
    assert!(refusal.contains("100%"), "{refusal}");
    let kept = app
        .wait_for(first_weight)
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("25"),
        "a refusal must keep what was typed"
    );
    app.screenshot("kpa-04-refused-total").await;

    // Put right, it is final, read-only, and can only change into a new version.
    app.fill(first_weight, "30").await;
    app.wait_for_text("#kpa-total-note", "Adds up to 100%")
        .await;
    app.click("#kpa-finalise").await;
    confirm(&app).await;
    app.wait_for_text("#kpa-form .kpa-status", "Final").await;
    app.wait_for_text("#kpa-change", "version 2").await;
    app.wait_for_text("#kpa-list", "Final").await;
    let disabled = app
        .wait_for(first_weight)
        .await
        .prop("disabled")
        .await
        .unwrap();
    assert_eq!(
        disabled.as_deref(),
        Some("true"),
        "a final version is read-only"
    );

    app.click("#kpa-print").await;
    let shown = app.wait_for_text("#kpa-document-path", ".pdf").await;
    let pdf = std::path::PathBuf::from(shown.trim());
    assert!(
        pdf.is_file() && pdf.starts_with(app.documents_dir()),
        "the allocation was not written into the documents folder: {shown}"
    );
    app.screenshot("kpa-05-final-printed").await;

    // The other new screens.
    app.click("#nav-workload").await;
    app.wait_for("#workload-list tbody tr[data-id]").await;
    app.wait_for_text("#workload-list", &mentor).await;
    app.screenshot("workload").await;
    app.click("#nav-cycles").await;
    app.wait_for("#cycles-list tbody tr[data-id]").await;
    app.click("#cycles-list tbody tr[data-id] td").await;
    app.wait_for("#cycles-form [name=mid_cycle_review]").await;
    app.screenshot("cycles").await;
    app.click("#nav-mentors").await;
    app.click("#mentors-list tbody tr[data-id] td").await;
    app.wait_for("#mentors-renew").await;
    app.wait_for("#mentors-contract-print").await;
    app.screenshot("mentors-appointment").await;
    app.click("#nav-organisations").await;
    app.click("#organisations-list tbody tr[data-id] td").await;
    app.wait_for_text("#organisations-mentors", "Sibiya-Jansen")
        .await;
    app.screenshot("organisations-agreement").await;

    // What the mentor and line manager sign names the mentor and says mentoring earns no
    // extra remuneration.
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for words in [mentor.as_str(), "remuneration"] {
        assert!(
            text.contains(words),
            "no {words:?} in the printed KPA allocation:\n{text}"
        );
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_to_a_final_allocation_makes_version_2_and_a_mentor_is_reappointed() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-kpa").await;
    wait_for_rows(&app, "#kpa-list tbody tr[data-id]", 5).await;
    app.wait_for_text("#kpa-list", "Final").await;
    let final_v1 = run(
        &app,
        "find a final first version",
        "const heads = [...document.querySelectorAll('#kpa-list thead th')].map(th => th.textContent);
         const version = heads.indexOf('Version');
         const row = [...document.querySelectorAll('#kpa-list tbody tr[data-id]')]
            .find(r => r.textContent.includes('Final') && r.cells[version].textContent.trim() === '1');
         return row ? [row.dataset.id, row.cells[0].textContent] : heads;",
        vec![],
    )
    .await;
    let id = final_v1[0]
        .as_str()
        .unwrap_or_else(|| panic!("no final first version in {final_v1}"))
        .to_owned();
    let mentor = final_v1[1].as_str().expect("its mentor").to_owned();
    app.click(&format!("#kpa-list tbody tr[data-id='{id}'] td"))
        .await;
    wait_for_title(&app, "#kpa-form .form-title", &mentor).await;

    // A final version cannot be typed in; "Change" opens it for a new version.
    app.wait_for_text("#kpa-change", "version 2").await;
    app.click("#kpa-change").await;
    let first_title = "#kpa-rows .kpa-row:first-child [name=kpa_title]";
    app.fill(first_title, "Workplace skills plan and training report")
        .await;
    app.click("#kpa-form button[type=submit]").await;
    app.wait_for_text("#kpa-form .kpa-status", "Draft").await;
    app.wait_for_text("#kpa-history", "Version 2").await;
    let history = app.text("#kpa-history").await;
    assert!(
        history.contains("Version 1") && history.contains("Final"),
        "version 1 must stay final beside the new draft: {history}"
    );
    app.wait_for_text("#kpa-list", "Draft").await;
    app.screenshot("kpa-06-version-2").await;

    // The annual review renews the mentor's appointment and keeps the old one on file.
    app.click("#nav-mentors").await;
    app.fill("#mentors-search", mentor.trim()).await;
    wait_for_rows(&app, "#mentors-list tbody tr[data-id]", 1).await;
    app.click("#mentors-list tbody tr[data-id] td").await;
    app.wait_for_text("#mentors-appointments", "No earlier appointments")
        .await;
    let today = window_date(&app, 0).await;
    set_date(&app, "#mentors-form [name=reviewed_on]", &today).await;
    app.fill(
        "#mentors-form [name=review_notes]",
        "Reappointed at the annual review.",
    )
    .await;
    app.click("#mentors-renew").await;
    confirm(&app).await;
    app.wait_for_text("#mentors-form .form-status", "Appointment renewed")
        .await;
    app.wait_for_text("#mentors-appointments", "Reappointed at the annual review.")
        .await;
    app.screenshot("mentors-renewed").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_generates_a_work_plan_sees_what_is_overdue_and_signs_an_event_off() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-mentorships").await;
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;

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
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;

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
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;
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
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;

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

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_lists_what_needs_attention_and_each_line_opens_its_record() {
    let app = App::launch().await;
    load_sample(&app).await;
    // A programme with records opens on the dashboard, as the window does when started again.
    run(&app, "start the window again", "location.reload();", vec![]).await;
    app.wait_for_text("#dashboard-summary", "need attention")
        .await;
    app.wait_for("#nav-dashboard[aria-current='page']").await;
    // The sample's mentorships began up to a hundred days ago, with plans, sessions and actions
    // that have fallen behind, reports owed, and one mentor's appointment ending this month.
    for kind in [
        "overdue_event",
        "report_due",
        "no_recent_session",
        "appointment",
        "action_past_due",
    ] {
        app.wait_for(&format!("#dashboard-{kind} .attention-line"))
            .await;
    }
    app.screenshot("dashboard-01-sample").await;

    // A long group shows its first lines and the rest on request.
    let longest = run(
        &app,
        "find the longest group",
        "const groups = [...document.querySelectorAll('#dashboard-groups .attention-group')];
         const counts = groups.map(g => [g.id, Number(g.querySelector('.attention-count').textContent)]);
         return counts.reduce((a, b) => (b[1] > a[1] ? b : a));",
        vec![],
    )
    .await;
    let group = longest[0].as_str().expect("a group's id").to_owned();
    let count = longest[1].as_u64().expect("a count") as usize;
    assert!(count > 3, "the sample's longest group has {count} lines");
    wait_for_rows(&app, &format!("#{group} .attention-line"), 3).await;
    app.click(&format!("#{group} .attention-more")).await;
    wait_for_rows(&app, &format!("#{group} .attention-line"), count).await;

    // A mentorship's line opens that mentorship's form.
    let read_line = "const b = document.querySelector(arguments[0]);
        return b ? [b.dataset.mentorshipId, b.dataset.mentorId,
                    b.querySelector('.attention-about').textContent] : null;";
    let line = "#dashboard-no_recent_session .attention-line";
    let read = run(
        &app,
        "read a mentorship's line",
        read_line,
        vec![json!(line)],
    )
    .await;
    let mentorship = read[0].as_str().expect("the line's mentorship").to_owned();
    let about = read[2].as_str().expect("whom the line is about").to_owned();
    let reference = about.split(':').next().expect("a reference").to_owned();
    assert!(reference.starts_with("MS-"), "the line is about {about:?}");
    app.click(line).await;
    app.wait_for(&format!(
        "#mentorships-list tbody tr[data-id='{mentorship}'][aria-selected='true']"
    ))
    .await;
    wait_for_title(&app, "#mentorships-form .form-title", &reference).await;
    app.wait_for("#workplan").await;

    // Appointments are flagged within the setting's number of days: one of the sample's ends
    // within the month, the other five in about nine months, so a wider window brings all six
    // onto the dashboard, shown afresh.
    let count = "#dashboard-appointment .attention-count";
    app.click("#nav-dashboard").await;
    assert_eq!(app.wait_for_text(count, "").await.trim(), "1");
    app.click("#nav-settings").await;
    app.fill("#settings-form-appointment_warning_days", "365")
        .await;
    save(&app, "settings-form").await;
    saved(&app, "settings-form").await;
    app.click("#nav-dashboard").await;
    app.wait_for_text(count, "6").await;
    let line = "#dashboard-appointment .attention-line";
    app.wait_for(line).await;
    let read = run(
        &app,
        "read an appointment's line",
        read_line,
        vec![json!(line)],
    )
    .await;
    let mentor = read[1].as_str().expect("the line's mentor").to_owned();
    let name = read[2].as_str().expect("the mentor's name").to_owned();
    let surname = name
        .split_whitespace()
        .last()
        .expect("a surname")
        .to_owned();
    app.click(line).await;
    app.wait_for(&format!(
        "#mentors-list tbody tr[data-id='{mentor}'][aria-selected='true']"
    ))
    .await;
    wait_for_title(&app, "#mentors-form .form-title", &surname).await;
    app.close().await;
}

/// The date `days` days after today on the window's clock, as a date input takes it.
async fn days_from_today(app: &App, days: u32) -> String {
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
async fn show(app: &App, css: &str) {
    run(
        app,
        "scroll to an element",
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
        vec![json!(css)],
    )
    .await;
}

/// The text `pdftotext` finds in a printed PDF.
fn pdf_text(pdf: &std::path::Path) -> String {
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_application_goes_from_review_to_an_accepted_match_and_its_agreement() {
    let app = App::launch().await;
    load_sample(&app).await;

    // A protégé of the sample with no mentorship and no application yet.
    app.click("#nav-applications").await;
    app.wait_for("#applications-list tbody tr[data-id]").await;
    let applied = run(
        &app,
        "read who has applied",
        "return [...document.querySelectorAll('#applications-list tbody tr[data-id]')]
             .map(tr => tr.cells[1].textContent);",
        vec![],
    )
    .await;
    app.click("#nav-proteges").await;
    app.wait_for("#proteges-list tbody tr[data-id]").await;
    let free = run(
        &app,
        "read the protégés without a mentor",
        "return [...document.querySelectorAll('#proteges-list tbody tr[data-id]')]
             .filter(tr => tr.cells[4].textContent.includes('None yet'))
             .map(tr => tr.cells[0].textContent);",
        vec![],
    )
    .await;
    let applied: Vec<&str> = applied
        .as_array()
        .expect("names")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    let protege = free
        .as_array()
        .expect("names")
        .iter()
        .filter_map(|n| n.as_str())
        .find(|name| !applied.contains(name))
        .expect("the sample has a protégé with neither a mentorship nor an application")
        .to_owned();

    // The application, with the protégé's development needs shown from their profile.
    app.click("#nav-applications").await;
    app.click("#applications-new").await;
    choose(&app, "#applications-form [name=protege_id]", &protege).await;
    let needs = app.text("#applications-needs").await;
    assert!(
        !needs.contains("Choose the protégé"),
        "the development needs were not shown: {needs:?}"
    );
    let today = window_date(&app, 0).await;
    let until = days_from_today(&app, 180).await;
    set_date(&app, "#applications-form [name=wanted_start]", &today).await;
    set_date(&app, "#applications-form [name=wanted_end]", &until).await;
    app.fill("#applications-form [name=intake]", "Test intake")
        .await;
    app.fill(
        "#applications-form [name=motivation]",
        "I want to grow into a team leader within the year.",
    )
    .await;
    save(&app, "applications-form").await;
    saved(&app, "applications-form").await;
    app.screenshot("applications-00-new").await;
    let id = run(
        &app,
        "read the application's id",
        "return document.querySelector('#applications-list tbody tr[aria-selected=true]')?.dataset.id ?? null;",
        vec![],
    )
    .await;
    let id = id
        .as_str()
        .expect("the new application is selected")
        .to_owned();
    wait_for_title(&app, "#applications-form .form-title", "APP-").await;

    // The committee takes it up and approves it; reasons are required.
    app.click("#applications-start-review").await;
    app.fill(
        "#applications-review-form [name=members_present]",
        "Refilwe Mokoena (chair), Lindiwe Khumalo",
    )
    .await;
    choose(
        &app,
        "#applications-review-form [name=decision]",
        "Approved",
    )
    .await;
    app.click("#applications-review-save").await;
    app.wait_for_text(
        "#applications-review-form .field-error[data-for=reasons]",
        "reasons",
    )
    .await;
    app.fill(
        "#applications-review-form [name=reasons]",
        "Clear goals and a mentor in the field has a place free.",
    )
    .await;
    app.click("#applications-review-save").await;
    app.wait_for_text("#applications-reviews", "Approved for matching")
        .await;
    show(&app, "#applications-review").await;
    app.screenshot("applications-00-approved").await;

    // Ranked suggestions, each with its reasons; an excluded mentor says why.
    let top = "#applications-suggestion-list li.suggestion:first-child";
    app.wait_for(&format!("{top} .propose")).await;
    let reasons = app.text(&format!("{top} ul.reasons")).await;
    assert!(
        reasons.contains('+'),
        "the top suggestion gives no reasons: {reasons:?}"
    );
    let mentor = run(
        &app,
        "read the top suggestion",
        "return document.querySelector(arguments[0]).querySelector('.suggestion-name').textContent;",
        vec![json!(top)],
    )
    .await;
    let mentor = mentor.as_str().expect("a mentor's name").to_owned();
    let whys = run(
        &app,
        "read the excluded mentors",
        "return [...document.querySelectorAll('#applications-excluded li.excluded-row .excluded-why')]
             .map(why => why.textContent);",
        vec![],
    )
    .await;
    for why in whys.as_array().expect("a list") {
        assert!(
            why.as_str().is_some_and(|w| w.trim().len() > 10),
            "an excluded mentor does not say why: {why}"
        );
    }
    show(&app, "#applications-suggestions").await;
    app.screenshot("applications-01-suggestions").await;

    // The top mentor is proposed and accepts.
    app.click(&format!("{top} .propose")).await;
    confirm(&app).await;
    app.wait_for_text("#applications-reply", &mentor).await;
    show(&app, "#applications-reply").await;
    app.screenshot("applications-02-answer").await;
    app.click("#applications-reply-accepted").await;
    app.click("#applications-reply-save").await;
    let link = app
        .wait_for_text("#applications-open-mentorship", "Open mentorship MS-")
        .await;
    let reference = link
        .rsplit(' ')
        .next()
        .expect("a mentorship reference")
        .to_owned();
    show(&app, "#applications-reply").await;
    app.screenshot("applications-02-accepted").await;

    // The new mentorship opens, and its agreement prints with the pair in it.
    app.click("#applications-open-mentorship").await;
    wait_for_title(&app, "#mentorships-form .form-title", &reference).await;
    app.click("#agreement-print").await;
    let file = format!("{reference}-agreement.pdf");
    app.wait_for_text("#agreement-document-path", &file).await;
    let text = pdf_text(&app.documents_dir().join(&file));
    for words in ["Mentorship agreement", protege.as_str(), mentor.as_str()] {
        assert!(
            text.contains(words),
            "no {words:?} in the printed agreement:\n{text}"
        );
    }

    // Back on the application: the decision trail lists every step.
    app.click("#nav-applications").await;
    app.click(&format!(
        "#applications-list tbody tr[data-id='{id}'] td:nth-child(2)"
    ))
    .await;
    for step in [
        "Application received",
        "Taken up for review",
        "Approved for matching",
        "Matched with",
        "accepted",
    ] {
        app.wait_for_text("#applications-trail-list", step).await;
    }

    // The acceptance letter prints; then every letter still owed.
    let acceptance = "#applications-letter-list li[data-kind=acceptance]";
    app.click(&format!("{acceptance} .letter-line button"))
        .await;
    let shown = app
        .wait_for_text(&format!("{acceptance} code.path"), "acceptance.pdf")
        .await;
    let text = pdf_text(std::path::Path::new(shown.trim()));
    assert!(
        text.contains(&protege),
        "the acceptance letter does not name {protege}:\n{text}"
    );
    show(&app, "#applications-letters").await;
    app.screenshot("applications-03-letters").await;
    app.click("#applications-print-letters").await;
    app.wait_for_text("#applications-letters .letters-all", "printed at")
        .await;
    let printed = run(
        &app,
        "read the letters printed",
        "return [...document.querySelectorAll('#applications-letters-printed code.path')]
             .map(c => c.textContent);",
        vec![],
    )
    .await;
    let printed = printed.as_array().expect("a list");
    assert!(
        printed
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.contains("mentor-notice"))),
        "the notice to the mentor was not among the letters printed: {printed:?}"
    );
    for path in printed {
        let path = path.as_str().expect("a path");
        assert!(std::path::Path::new(path).is_file(), "no letter at {path}");
    }
    app.wait_for_text("#applications-letters", "No letter is owed")
        .await;
    app.screenshot("applications-04-letters-printed").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cohort_is_proposed_edited_and_accepted_in_one_step() {
    let app = App::launch().await;
    load_sample(&app).await;

    // The sample's intake comes first; its three applications ready for matching are proposed.
    app.click("#nav-cohort").await;
    app.wait_for("#cohort-intake option").await;
    let intake = choose(&app, "#cohort-intake", "intake").await;
    assert!(!intake.is_empty(), "the sample's intake is not offered");
    app.click("#cohort-propose").await;
    let rows = "#cohort-rows tbody tr[data-application]";
    wait_for_rows(&app, rows, 3).await;
    app.wait_for_text("#cohort-rows", "Expertise covers").await;
    app.wait_for_text("#cohort-summary", "3 to be matched")
        .await;
    app.wait_for_text("#cohort-capacity", "Every mentor stays within")
        .await;
    let read_rows = "return [...document.querySelectorAll(arguments[0])].map(tr => ({
            id: tr.dataset.application,
            protege: tr.cells[1].textContent,
            mentor: tr.querySelector('select.cohort-mentor').selectedOptions[0].textContent,
            score: Number(tr.querySelector('.cohort-score').textContent),
            reasons: tr.querySelectorAll('.cohort-why li').length,
        }));";
    let proposed = run(&app, "read the proposal", read_rows, vec![json!(rows)]).await;
    let proposed = proposed.as_array().expect("rows");
    for row in proposed {
        assert!(row["score"].as_u64().unwrap_or(0) > 0, "{row}");
        assert!(row["reasons"].as_u64().unwrap_or(0) > 0, "{row}");
    }
    let row_of = |name: &str| {
        proposed
            .iter()
            .find(|r| r["protege"].as_str().is_some_and(|p| p.contains(name)))
            .unwrap_or_else(|| panic!("{name} is not in the proposal"))
            .clone()
    };
    // Lwazi Ntuli reports to Sipho Mkhize, who is never proposed for him.
    let lwazi = row_of("Lwazi Ntuli");
    assert!(!lwazi["mentor"].as_str().unwrap().contains("Sipho"));
    let karabo = row_of("Karabo Mashaba");
    let karabo_row = format!(
        "#cohort-rows tr[data-application='{}']",
        karabo["id"].as_str().unwrap()
    );
    let lwazi_row = format!(
        "#cohort-rows tr[data-application='{}']",
        lwazi["id"].as_str().unwrap()
    );
    let nandi = row_of("Nandi Cele");
    let nandi_row = format!(
        "#cohort-rows tr[data-application='{}']",
        nandi["id"].as_str().unwrap()
    );

    // Giving Zoë van der Merwe, with two places free, all three is flagged and cannot be saved.
    choose(&app, &format!("{karabo_row} select.cohort-mentor"), "Zoë").await;
    choose(&app, &format!("{lwazi_row} select.cohort-mentor"), "Zoë").await;
    if !nandi["mentor"].as_str().unwrap().contains("Zoë") {
        choose(&app, &format!("{nandi_row} select.cohort-mentor"), "Zoë").await;
    }
    app.wait_for_text("#cohort-capacity", "too many").await;
    let disabled = run(
        &app,
        "read whether Accept is disabled",
        "return document.querySelector('#cohort-accept').disabled;",
        vec![],
    )
    .await;
    assert_eq!(
        disabled,
        json!(true),
        "an over-capacity proposal can be accepted"
    );
    run(
        &app,
        "show the mentors' places",
        "document.querySelector('#cohort-accept').scrollIntoView({ block: 'end' });",
        vec![],
    )
    .await;
    app.screenshot("cohort-01-over-capacity").await;

    // Karabo goes to Charlene Adams instead, Lwazi back to the proposed mentor, and Nandi
    // is left out.
    choose(
        &app,
        &format!("{karabo_row} select.cohort-mentor"),
        "Charlene Adams",
    )
    .await;
    let lwazi_mentor = lwazi["mentor"].as_str().unwrap();
    // The option reads "Name (organisation) · score N"; the saved list names the mentor alone.
    let lwazi_mentor = lwazi_mentor
        .split(['·', '('])
        .next()
        .unwrap()
        .trim()
        .to_owned();
    choose(
        &app,
        &format!("{lwazi_row} select.cohort-mentor"),
        &lwazi_mentor,
    )
    .await;
    app.wait_for_text(
        &format!("{karabo_row} .cohort-was"),
        "Proposed: Sipho Mkhize",
    )
    .await;
    app.click(&format!("{nandi_row} input.cohort-include"))
        .await;
    app.wait_for_text("#cohort-summary", "2 to be matched")
        .await;
    app.wait_for_text("#cohort-capacity", "Every mentor stays within")
        .await;
    let edited = run(
        &app,
        "read the edited proposal",
        read_rows,
        vec![json!(rows)],
    )
    .await;
    let karabo_now = edited
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == karabo["id"])
        .expect("Karabo's row")
        .clone();
    assert!(karabo_now["mentor"]
        .as_str()
        .unwrap()
        .contains("Charlene Adams"));
    assert!(karabo_now["score"].as_u64().unwrap() > 0);
    assert_ne!(
        karabo_now["score"], karabo["score"],
        "the new mentor's score is not shown"
    );
    app.screenshot("cohort-02-edited").await;

    // Accepted after confirming: both pairs are saved and each mentor is owed a notice.
    app.click("#cohort-accept").await;
    confirm(&app).await;
    app.wait_for_text("#cohort-saved-note", "2 applications matched")
        .await;
    app.wait_for_text("#cohort-saved-note", "2 notices").await;
    let saved = app.text("#cohort-saved-list").await;
    assert!(
        saved.contains("Karabo Mashaba") && saved.contains("Charlene Adams"),
        "{saved}"
    );
    assert!(
        saved.contains("Lwazi Ntuli") && saved.contains(&lwazi_mentor),
        "{saved}"
    );
    assert!(!saved.contains("Nandi Cele"), "{saved}");
    app.screenshot("cohort-03-saved").await;

    // The Applications list shows them matched, and Nandi Cele's still under review.
    app.click("#nav-applications").await;
    app.wait_for("#applications-list tbody tr[data-id]").await;
    let states = run(
        &app,
        "read the applications' states",
        "return Object.fromEntries([...document.querySelectorAll('#applications-list tbody tr[data-id]')]
             .map(tr => [tr.cells[1].textContent, tr.textContent]));",
        vec![],
    )
    .await;
    let state_of = |name: &str| states[name].as_str().unwrap_or_default().to_owned();
    assert!(state_of("Karabo Mashaba").contains("Matched"), "{states}");
    assert!(state_of("Lwazi Ntuli").contains("Matched"), "{states}");
    assert!(state_of("Nandi Cele").contains("Under review"), "{states}");
    app.close().await;
}

/// What the window gets when it calls `invoke` itself: the answer as JSON, or the refusal.
async fn invoke_from_window(app: &App, command: &str, args: serde_json::Value) -> String {
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
    app.close().await;
}

/// Calls a command through the window's own IPC, past the gate like any button would, and
/// returns its answer or its refusal.
async fn invoke(
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
async fn add_user(app: &App, name: &str, role: &str, password: &str) {
    app.click("#nav-users").await;
    app.fill("#user-add-name", name).await;
    app.select("#user-add-role", role).await;
    app.fill("#user-add-password", password).await;
    app.click("#user-add-save").await;
    app.wait_for_text("#users-table", name).await;
}

/// Whether the element matching `css` is shown (present and displayed).
async fn displayed(app: &App, css: &str) -> bool {
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
    wait_for_rows(&app, "#mentorships-list tbody tr", 8).await;
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
