//! The programme report: the sample programme's figures for this cycle drawn section by
//! section, small groups hidden, the named appendix only when asked for, printed and exported.

use mentordesk_e2e::steps::*;
use mentordesk_e2e::App;

#[tokio::test(flavor = "multi_thread")]
async fn the_programme_report_for_this_cycle_hides_small_groups_and_prints() {
    let app = App::launch().await;
    load_sample(&app).await;
    app.click("#nav-programme").await;
    // It opens on this quarter; this cycle is its annual assessment.
    app.wait_for("#programme-report .programme-section").await;
    choose(&app, "#programme-period", "Annual assessment").await;
    app.wait_for_text("#programme-status", "Figures for Annual assessment")
        .await;
    app.wait_until_answered().await;

    let headings = run(
        &app,
        "read the sections' headings",
        "return [...document.querySelectorAll('#programme-report .programme-section h2')]
            .map(h => h.textContent);",
        vec![],
    )
    .await;
    // The sections core sends, numbered in order as the PDF numbers them.
    let headings: Vec<&str> = headings
        .as_array()
        .expect("the headings")
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    let expected = [
        "1. Participation",
        "2. Activity",
        "3. Outcomes",
        "4. Mentor workload",
        "5. Employment equity",
    ];
    assert!(headings.starts_with(&expected), "{headings:?}");

    // Each table reads with its caption, column headings and a heading for each row.
    let race = run(
        &app,
        "read the race and gender table",
        "const table = [...document.querySelectorAll('#programme-report table')]
            .find(t => t.caption?.textContent === 'Race and gender');
         if (!table) return null;
         return {
           columns: table.querySelectorAll('thead th[scope=col]').length,
           rows: table.querySelectorAll('tbody tr').length,
           named: table.querySelectorAll('tbody th[scope=row]').length,
           text: table.textContent,
         };",
        vec![],
    )
    .await;
    assert!(race.is_object(), "no Race and gender table");
    assert!(race["columns"].as_u64() > Some(2), "{race}");
    assert_eq!(race["rows"], race["named"], "{race}");
    assert!(
        race["text"]
            .as_str()
            .unwrap_or_default()
            .contains("African women"),
        "{race}"
    );
    // The sample is small: some of its groups are too few to show.
    app.wait_for_text("#programme-report", "fewer than 3").await;

    let charts = run(
        &app,
        "count the charts",
        "return document.querySelectorAll('#programme-report figure.chart svg[role=img]').length;",
        vec![],
    )
    .await;
    assert!(charts.as_u64() >= Some(5), "{charts} charts drawn");
    app.screenshot("programme-report").await;
    show(&app, "#programme-section-2 figure.chart").await;
    app.screenshot("programme-report-charts").await;
    show(&app, "#programme-section-5").await;
    app.screenshot("programme-report-equity").await;

    // The appendix names the mentorships under way, one row each as the participation table
    // counts them, only while it is asked for.
    assert!(!app.exists("#programme-appendix").await);
    let under_way = run(
        &app,
        "read how many mentorships are under way",
        "const row = [...document.querySelectorAll('#programme-report th[scope=row]')]
            .find(th => th.textContent === 'Mentorships under way');
         return row ? Number(row.nextElementSibling.textContent) : null;",
        vec![],
    )
    .await;
    let under_way = under_way
        .as_u64()
        .expect("the participation table counts them") as usize;
    assert!(
        under_way >= 7,
        "the sample's active pairs at least: {under_way}"
    );
    app.click("#programme-with-names").await;
    wait_for_rows(&app, "#programme-appendix tbody th[scope=row]", under_way).await;
    app.click("#programme-with-names").await;
    wait_for_rows(&app, "#programme-appendix", 0).await;

    // Printed without names, into the documents folder, and ready to open.
    app.click("#programme-print").await;
    let shown = app.wait_for_text("#programme-document-path", ".pdf").await;
    let pdf = std::path::PathBuf::from(shown.trim());
    assert!(
        pdf.starts_with(app.documents_dir()),
        "printed at {}",
        pdf.display()
    );
    app.wait_for("#programme-document-open").await;
    let text = pdf_text(&pdf);
    for words in ["Race and gender", "fewer than 3", "No one is named"] {
        assert!(text.contains(words), "no {words:?} in the PDF:\n{text}");
    }

    // Exported as one workbook into the folder chosen in the dialog.
    let folder = tempfile::tempdir().unwrap();
    app.answer_next_dialog(folder.path());
    app.click("#programme-export-xlsx").await;
    app.wait_for_text("#programme-export-result", "Exported")
        .await;
    let book = std::fs::read(folder.path().join("programme-report.xlsx")).unwrap();
    assert!(book.starts_with(b"PK"), "an xlsx workbook");
    app.close().await;
}
