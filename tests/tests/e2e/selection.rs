//! Selection and matching: an application from review to an accepted match and its
//! agreement, and a whole intake matched at once.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;
use serde_json::json;

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
