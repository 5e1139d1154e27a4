//! Integration tests of core, one module per area of `src/`, and `fixtures`, the records and
//! programmes the tests share with the benchmarks.

mod agreement;
mod audit;
mod audit_pack;
mod backup;
mod calendar;
mod chart;
mod contracts;
mod cycle;
mod dashboard;
mod dispute;
mod document;
mod encryption;
mod endings;
mod evaluation;
mod export;
pub mod fixtures;
mod import;
mod kpa;
mod kpa_document;
mod layers;
mod matching;
mod private;
mod programme;
mod progress;
mod progress_document;
mod restore;
mod rules;
mod sample;
mod selection;
mod session;
mod signing;
mod store;
mod upgrade;
mod users;
mod windows;
mod workload;
mod workplan;

use std::path::Path;
use std::process::Command;

use mentordesk_core::Store;

pub use fixtures::date;

/// Runs a PDF tool (poppler, qpdf) and returns what it printed.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run ({e}); install poppler-utils and qpdf"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a PDF with its lines joined, so a name wrapped in a table cell still matches.
pub fn text_of(pdf: &Path) -> String {
    let raw = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The file passes qpdf's structural check and embeds every font it uses.
pub fn check_pdf(pdf: &Path) {
    run("qpdf", &["--check", pdf.to_str().unwrap()]);
    let fonts = run("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("LiberationSans"), "{fonts}");
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(
            cols.iter().rev().nth(3) == Some(&"yes"),
            "font not embedded: {line}"
        );
    }
}

/// The mentorships under way, the sample's completed pairs left out.
pub fn active_mentorships(store: &Store) -> Vec<mentordesk_core::store::MentorshipRow> {
    let query = mentordesk_core::store::MentorshipQuery {
        status: Some(mentordesk_core::domain::Status::Active),
        ..Default::default()
    };
    store.mentorships(&query).unwrap()
}

/// The sample programme in a real file, dated 23 November 2026 as the tests are.
pub fn sample_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("sample.sqlite3")).unwrap();
    mentordesk_core::sample::create(&mut store, date("2026-11-23")).unwrap();
    (dir, store)
}
