//! The signed paper trail in the real window: Today points to an agreement still waiting for
//! signatures; the officer records them, attaches the scan of the signed paper, is refused an
//! edit of the signed agreement and pointed to an addendum, makes the addendum and prints it,
//! and prints the mentorship's audit pack.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_records_signatures_attaches_the_scan_amends_the_agreement_and_prints_the_audit_pack(
) {
    let app = App::launch().await;
    load_sample(&app).await;

    // Today lists the agreement still waiting for two signatures; its line opens the mentorship.
    app.click("#nav-dashboard").await;
    let line = "#dashboard-groups button.attention-line[data-kind='unsigned']";
    app.wait_for(line).await;
    let id = run(
        &app,
        "find the unsigned agreement's line",
        "const line = [...document.querySelectorAll(arguments[0])]
            .find((b) => b.textContent.includes('/AGR'));
         line.click();
         return line.dataset.mentorshipId;",
        vec![json!(line)],
    )
    .await;
    let id = id.as_str().expect("a mentorship id").to_owned();
    let paper = format!("#paper-agreement-{id}");
    app.wait_for_text(
        &format!("{paper} .paper-title"),
        "Partly signed (mentor, protégé)",
    )
    .await;

    // The programme manager's and the line manager's signatures, from the signed paper.
    let yesterday = window_date(&app, 1).await;
    for signer in ["programme_manager", "protege_line_manager"] {
        set_date(&app, &format!("{paper}-{signer}-date"), &yesterday).await;
        app.click(&format!("{paper}-{signer}-record")).await;
        app.wait_for(&format!("{paper}-{signer}-remove")).await;
    }
    app.wait_for_text(&format!("{paper} .paper-title"), "Signed")
        .await;
    assert!(app
        .text(&format!("{paper} .paper-title"))
        .await
        .ends_with("Signed"));

    // The scan: a renamed text file is refused in words; the real scan is kept as version 1.
    let dir = app.db_path().parent().unwrap().to_owned();
    let fake = dir.join("minutes.pdf");
    std::fs::write(&fake, "Minutes of the meeting, not a scan").unwrap();
    app.answer_next_dialog(&fake);
    app.click(&format!("{paper}-attach")).await;
    app.wait_for_text(
        &format!("{paper} .document-status"),
        "is not a PDF, JPEG or PNG file",
    )
    .await;
    let scan = dir.join("agreement-signed.pdf");
    let printed = invoke(
        &app,
        "print_agreement",
        json!({ "mentorshipId": id.parse::<i64>().unwrap() }),
    )
    .await
    .expect("the agreement prints");
    std::fs::copy(printed.as_str().unwrap(), &scan).unwrap();
    app.answer_next_dialog(&scan);
    app.click(&format!("{paper}-attach")).await;
    app.wait_for_text(
        &format!("{paper}-copies"),
        "Version 1: agreement-signed.pdf",
    )
    .await;
    show(&app, &paper).await;
    app.screenshot("paper-01-signed-with-copy").await;

    // The signed agreement's end date cannot be changed in place: the refusal points to an
    // addendum, which makes the change and prints with its own signature blocks.
    let current_end = run(
        &app,
        "read the end date",
        "return document.querySelector('#mentorships-form [name=end_date]').value;",
        vec![],
    )
    .await;
    let current_end = current_end.as_str().unwrap().to_owned();
    // A week before the signed end is always within the programme's longest period.
    let earlier = run(
        &app,
        "work out an earlier end",
        "const d = new Date(arguments[0]); d.setDate(d.getDate() - 7); return d.toISOString().slice(0, 10);",
        vec![json!(current_end)],
    )
    .await;
    let earlier = earlier.as_str().unwrap().to_owned();
    set_date(&app, "#mentorships-form [name=end_date]", &earlier).await;
    save(&app, "mentorships-form").await;
    app.wait_for_text(
        "#mentorships-form .field-error[data-for='end_date']",
        "Make an addendum",
    )
    .await;
    app.wait_for("#addendum-panel:not([hidden])").await;
    app.screenshot("paper-02-refused-points-to-addendum").await;
    app.fill(
        "#addendum-reason",
        "The protégé moves to another office a week early.",
    )
    .await;
    app.click("#addendum-make").await;
    app.wait_for_text(
        "#mentorships-form .form-status",
        "Addendum 1 made: the period now ends on",
    )
    .await;
    let addendum = "#mentorship-papers article[id^='paper-addendum-']";
    app.wait_for_text(addendum, "Awaiting signatures").await;
    let print = format!("{addendum} button[id$='-print-print']");
    app.click(&print).await;
    let shown = app
        .wait_for_text(&format!("{addendum} .document-box code.path"), ".pdf")
        .await;
    let text = pdf_text(std::path::Path::new(shown.trim()));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "Addendum 1 to the mentorship agreement",
        "The period now ends on",
        "The protégé moves to another office a week early.",
        "Protégé's line manager",
    ] {
        assert!(
            text.contains(words),
            "no {words:?} in the addendum:\n{text}"
        );
    }
    show(&app, addendum).await;
    app.screenshot("paper-03-addendum-printed").await;

    // The audit pack gathers it all: the agreement as amended, the addendum, the signed copy.
    app.click("#audit-pack-print").await;
    let shown = app.wait_for_text("#audit-pack-document-path", ".pdf").await;
    let text = pdf_text(std::path::Path::new(shown.trim()));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference = format!("MS-{:04}", id.parse::<i64>().unwrap());
    for words in [
        "Audit pack".to_owned(),
        "As amended by Addendum 1".to_owned(),
        format!("Signed copy of {reference}/AGR, version 1 (agreement-signed.pdf)"),
        "Audit trail of the mentorship's records".to_owned(),
    ] {
        assert!(
            text.contains(&words),
            "no {words:?} in the audit pack:\n{text}"
        );
    }
    app.close().await;
}
