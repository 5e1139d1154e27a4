//! Today: what needs attention, and each line leading to its record.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;
use serde_json::json;

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
