//! The registers in the window: the welcome screen, a pair registered, refused and then
//! paired with its agreement printed, and the sample programme loaded and searched.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;

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
    wait_for_rows(&app, "#mentorships-list tbody tr", 11).await;
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
