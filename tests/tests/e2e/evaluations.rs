//! A mentorship's evaluations on its page: a blank form printed, its answers typed in from the
//! paper, another form filled in on the screen, and both answered when the page is opened again.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;
use serde_json::json;

/// The row of `form` (an evaluation_form code) in the Evaluations card.
fn form_row(form: &str) -> String {
    format!("#evaluations-list tbody tr[data-id='{form}']")
}

/// The `n`th question (from 1) of the form open in the editor.
fn question(n: usize) -> String {
    format!("#evaluation-questions > [data-question]:nth-child({n})")
}

/// Chooses the answer `value` of each numbered question, writes `comment` as the written
/// answer, and saves the form open in the editor.
async fn answer(app: &App, picks: &[(usize, &str)], comment: &str) {
    for (n, value) in picks {
        app.click(&format!("{} input[value='{value}']", question(*n)))
            .await;
    }
    app.fill("#evaluation-questions [data-kind='text'] textarea", comment)
        .await;
    save(app, "evaluation-editor").await;
    saved(app, "evaluation-editor").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_prints_a_blank_evaluation_types_its_answers_in_and_fills_another_on_screen() {
    let app = App::launch().await;
    load_sample(&app).await;
    let mentorship = open_mentorship(&app, "Active").await;

    // Every form is listed, none answered yet.
    wait_for_rows(&app, "#evaluations-list tbody tr[data-id]", 5).await;
    app.wait_for_text(&form_row("protege_midpoint"), "Not yet")
        .await;

    // The protégé has no computer: the office prints the blank mid-point form.
    app.click("#evaluation-protege_midpoint-print").await;
    let shown = app
        .wait_for_text("#evaluation-protege_midpoint-document-path", ".pdf")
        .await;
    let pdf = std::path::PathBuf::from(shown.trim());
    assert!(
        pdf.starts_with(app.documents_dir()),
        "the blank form was not written into the documents folder: {shown}"
    );
    let printed = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "Protégé's mid-point evaluation",
        "1. How satisfied are you with the mentoring relationship?",
        "Not effective",
    ] {
        assert!(
            printed.contains(words),
            "no {words:?} on the blank form:\n{printed}"
        );
    }
    assert!(
        !app.exists("#evaluation-editor:not([hidden])").await,
        "printing does not open the form"
    );

    // The form comes back filled in; a save with nothing typed yet is refused by the answers.
    app.click(&format!("{} td", form_row("protege_midpoint")))
        .await;
    app.wait_for_text("#evaluation-editor h3", "type in the answers")
        .await;
    app.click("#evaluation-from_paper").await;
    save(&app, "evaluation-editor").await;
    app.wait_for_text(
        "#evaluation-editor .field-error[data-for='answers']",
        "at least one question",
    )
    .await;
    run(
        &app,
        "show the refusal",
        "document.querySelector('#evaluation-save').scrollIntoView({ block: 'end' });",
        vec![],
    )
    .await;
    app.screenshot("evaluations-01-refused").await;

    let yesterday = window_date(&app, 1).await;
    set_date(&app, "#evaluation-answered_on", &yesterday).await;
    answer(
        &app,
        &[(1, "3"), (2, "yes"), (4, "4")],
        "Our meetings help me plan my week.",
    )
    .await;
    let row = app
        .wait_for_text(&form_row("protege_midpoint"), "Answered")
        .await;
    assert!(
        row.contains(&yesterday) && row.contains("typed in from a printed form"),
        "{row}"
    );

    // The mentor fills the mid-point form in on the screen, today.
    app.click(&format!("{} td", form_row("mentor_midpoint")))
        .await;
    app.wait_for_text("#evaluation-editor h3", "Mentor's mid-point")
        .await;
    answer(
        &app,
        &[(1, "4"), (2, "no")],
        "We missed two meetings in the audit season.",
    )
    .await;
    let row = app
        .wait_for_text(&form_row("mentor_midpoint"), "Answered")
        .await;
    assert!(row.contains("filled in on screen"), "{row}");

    // Removed by mistake, the mentor's answers come back with Undo.
    app.click("#evaluation-remove").await;
    confirm(&app).await;
    app.wait_for_text(&form_row("mentor_midpoint"), "Not yet")
        .await;
    app.click("#evaluations-undo").await;
    app.wait_for_text(&form_row("mentor_midpoint"), "filled in on screen")
        .await;

    // Opened again after another mentorship, the page shows both forms answered, with what
    // was typed.
    open_mentorship(&app, "Draft").await;
    app.wait_for_text(&form_row("mentor_midpoint"), "Not yet")
        .await;
    app.wait_until_answered().await;
    app.click(&mentorship).await;
    app.wait_for_text(
        &form_row("protege_midpoint"),
        "typed in from a printed form",
    )
    .await;
    app.wait_for_text(&form_row("mentor_midpoint"), "filled in on screen")
        .await;
    app.wait_for_text(&form_row("protege_end"), "Not yet").await;
    app.click(&format!("{} td", form_row("protege_midpoint")))
        .await;
    app.wait_for_text(
        "#evaluation-editor h3",
        &format!("filled in on {yesterday}"),
    )
    .await;
    let answers = run(
        &app,
        "read the answers shown",
        "const checked = (n) => document.querySelector(
            `#evaluation-questions > [data-question]:nth-child(${n}) input:checked`)?.value ?? null;
         return [document.querySelector('#evaluation-from_paper').checked,
                 checked(1), checked(2), checked(3), checked(4),
                 document.querySelector('#evaluation-questions [data-kind=text] textarea').value];",
        vec![],
    )
    .await;
    assert_eq!(
        answers,
        json!([
            true,
            "3",
            "yes",
            "",
            "4",
            "Our meetings help me plan my week."
        ])
    );
    show(&app, "#evaluations").await;
    app.screenshot("evaluations").await;
    show(&app, "#evaluation-editor").await;
    app.screenshot("evaluations-02-answers").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_programme_manager_adds_and_archives_a_question_and_the_blank_form_follows() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-settings").await;
    wait_for_rows(&app, "#questions-list tbody tr[data-id]", 7).await;
    choose(&app, "#questions-form", "self-assessment").await;
    wait_for_rows(&app, "#questions-list tbody tr[data-id]", 4).await;

    // A question needs its words; the refusal shows beside them.
    app.click("#questions-add").await;
    choose(&app, "#question-answer", "Yes or no").await;
    save(&app, "question-editor").await;
    app.wait_for_text(
        "#question-editor .field-error[data-for='text']",
        "Write the question",
    )
    .await;
    let added = "Did my protégé reach the goals we set?";
    app.fill("#question-text", added).await;
    save(&app, "question-editor").await;
    saved(&app, "question-editor").await;
    wait_for_rows(&app, "#questions-list tbody tr[data-id]", 5).await;
    let row = app
        .text("#questions-list tbody tr[data-id]:last-child")
        .await;
    assert!(row.contains(added) && row.contains("Yes or no"), "{row}");

    // The question about the next protégé is no longer asked.
    let dropped = "What would I do differently with my next protégé?";
    let question = row_id(&app, "#questions-list", dropped).await;
    let question_row = format!("#questions-list tbody tr[data-id='{question}']");
    app.click(&format!("{question_row} td")).await;
    app.click("#question-archived").await;
    save(&app, "question-editor").await;
    saved(&app, "question-editor").await;
    app.wait_for_text(&question_row, "Archived").await;
    show(&app, "#evaluation-questions-card").await;
    app.screenshot("evaluation-questions").await;

    // The blank self-assessment asks the new question and not the archived one.
    open_mentorship(&app, "Active").await;
    app.click("#evaluation-mentor_self-print").await;
    let shown = app
        .wait_for_text("#evaluation-mentor_self-document-path", ".pdf")
        .await;
    let printed = pdf_text(std::path::Path::new(shown.trim()))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(printed.contains(&format!("4. {added}")), "{printed}");
    assert!(!printed.contains(dropped), "{printed}");

    // On the screen, the form asks the same four questions.
    app.click(&format!("{} td", form_row("mentor_self"))).await;
    app.wait_for_text("#evaluation-editor h3", "self-assessment")
        .await;
    wait_for_rows(&app, "#evaluation-questions > [data-question]", 4).await;
    app.wait_for_text("#evaluation-questions > [data-question]:last-child", added)
        .await;
    app.close().await;
}
