//! Performance: a KPA allocation finalised after two refusals and printed, a final one
//! changed into version 2, and a mentor reappointed at the annual review.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;

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
