//! The command-line program as a user runs it: real processes, real files.

use std::path::Path;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mentordesk-cli"))
        .args(args)
        .output()
        .expect("mentordesk-cli runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn version_prints_the_workspaces_one_version_number() {
    let out = cli(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("mentordesk-cli {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn demo_then_agreements_prints_every_active_mentorship() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    let out = cli(&["demo", "--db", path(&db), "--today", "2026-11-23"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("7 active mentorships"),
        "{}",
        stdout(&out)
    );

    let pdfs = dir.path().join("agreements");
    let out = cli(&[
        "agreements",
        "--db",
        path(&db),
        "--out",
        path(&pdfs),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&pdfs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 7, "{names:?}");
    assert_eq!(names[0], "MS-0001-agreement.pdf");
    for name in names {
        let bytes = std::fs::read(pdfs.join(&name)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    }
}

#[test]
fn one_agreement_is_written_where_asked_by_reference_or_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    for id in ["MS-0002", "2"] {
        let out_pdf = dir.path().join(format!("{id}.pdf"));
        let out = cli(&[
            "agreement",
            "--db",
            path(&db),
            "--mentorship",
            id,
            "--out",
            path(&out_pdf),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::read(&out_pdf).unwrap().starts_with(b"%PDF-"));
    }
}

#[test]
fn errors_are_one_clear_line_and_a_failure_exit() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&[
        "agreements",
        "--db",
        path(&missing),
        "--out",
        path(dir.path()),
    ]);
    refused_for_no_database(&out, &missing);

    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    let again = cli(&["demo", "--db", path(&db), "--today", "2026-11-23"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already holds a register"),
        "{}",
        stderr(&again)
    );

    let out = cli(&[
        "agreement",
        "--db",
        path(&db),
        "--mentorship",
        "MS-0999",
        "--out",
        path(&dir.path().join("x.pdf")),
    ]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "mentordesk-cli: Mentorship number 999 does not exist (it may have been removed)"
    );

    let out = cli(&[
        "agreement",
        "--db",
        path(&db),
        "--mentorship",
        "seven",
        "--out",
        "x.pdf",
    ]);
    assert!(
        stderr(&out).contains("not a mentorship number"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_terminated_pair_has_its_letters_and_a_completed_pair_its_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    // The sample's first pairs are MS-0009 and MS-0010 (completed) and MS-0011 (terminated).
    let print = |command: &str, id: &str| {
        let out_pdf = dir.path().join(format!("{command}-{id}.pdf"));
        let out = cli(&[
            command,
            "--db",
            path(&db),
            "--mentorship",
            id,
            "--out",
            path(&out_pdf),
            "--today",
            "2026-11-23",
        ]);
        (out, out_pdf)
    };
    for (command, id) in [("termination-letters", "MS-0011"), ("certificate", "9")] {
        let (out, pdf) = print(command, id);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        assert!(stdout(&out).contains("Wrote"), "{}", stdout(&out));
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    }
    let (out, pdf) = print("certificate", "MS-0011");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("terminated early"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let (out, _) = print("termination-letters", "MS-0009");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("No decision"), "{}", stderr(&out));
}

#[test]
fn audit_pack_writes_one_mentorships_pack_and_audit_packs_every_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pack = dir.path().join("MS-0002-pack.pdf");
    let out = cli(&[
        "audit-pack",
        "--db",
        path(&db),
        "--mentorship",
        "MS-0002",
        "--out",
        path(&pack),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("pages"), "{}", stdout(&out));
    let text = pdf_text(&pack);
    assert!(text.contains("Audit pack"), "{text}");
    assert!(text.contains("Addendum 1"), "{text}");

    let folder = dir.path().join("packs");
    let out = cli(&["audit-packs", "--db", path(&db), "--out", path(&folder)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names = pdfs_in(&folder);
    assert_eq!(names.len(), 11, "{names:?}");
    assert!(
        names.contains(&"MS-0011-audit-pack.pdf".to_owned()),
        "{names:?}"
    );
    assert!(
        stdout(&out).contains("Wrote 11 audit packs"),
        "{}",
        stdout(&out)
    );

    let out = cli(&[
        "audit-pack",
        "--db",
        path(&db),
        "--mentorship",
        "MS-0099",
        "--out",
        path(&dir.path().join("none.pdf")),
    ]);
    assert!(!out.status.success());
    assert!(!dir.path().join("none.pdf").exists());
}

#[test]
fn help_names_every_command() {
    let out = cli(&["--help"]);
    assert!(out.status.success());
    for command in [
        "demo",
        "agreement",
        "agreements",
        "kpa",
        "contracts",
        "reports",
        "programme-report",
        "evaluation-forms",
        "termination-letters",
        "certificate",
        "audit-pack",
        "audit-packs",
        "letters",
        "suggest",
        "assign",
    ] {
        assert!(stdout(&out).contains(command), "{}", stdout(&out));
    }
}

/// The sample programme in a new database beside the test's other files.
/// What a reading command does with a database that does not exist: one line saying so, a
/// failure exit, and no database made.
fn refused_for_no_database(out: &Output, missing: &Path) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert_eq!(stderr(out).lines().count(), 1, "{}", stderr(out));
    assert!(
        stderr(out).contains("there is no database at"),
        "{}",
        stderr(out)
    );
    assert!(
        !missing.exists(),
        "a reading command must not create the database"
    );
}

fn sample(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("sample.sqlite3");
    let out = cli(&["demo", "--db", path(&db), "--today", "2026-11-23"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn pdfs_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    }
    names
}

#[test]
fn kpa_prints_the_latest_version_of_every_allocation_in_the_cycle_of_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdfs = dir.path().join("kpa");
    let out = cli(&[
        "kpa",
        "--db",
        path(&db),
        "--out",
        path(&pdfs),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        pdfs_in(&pdfs),
        [
            "MT-0001-KPA-2026-27-v2.pdf",
            "MT-0002-KPA-2026-27-v1.pdf",
            "MT-0003-KPA-2026-27-v1.pdf",
            "MT-0004-KPA-2026-27-v1.pdf",
            "MT-0005-KPA-2026-27-v1.pdf",
        ]
    );
    let said = stdout(&out);
    assert!(
        said.contains("Wrote 5 KPA allocations for 2026/27") && said.contains("(1 still draft)"),
        "{said}"
    );
    assert!(
        said.contains("Every internal mentor has an allocation in 2026/27."),
        "{said}"
    );

    // Naming the cycle gives the same documents, whatever today is.
    let named = dir.path().join("named");
    let out = cli(&[
        "kpa",
        "--db",
        path(&db),
        "--out",
        path(&named),
        "--cycle",
        "2026/27",
        "--today",
        "2031-01-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pdfs_in(&named).len(), 5);
}

#[test]
fn kpa_with_an_unknown_cycle_or_none_for_today_fails_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdfs = dir.path().join("kpa");
    let out = cli(&[
        "kpa",
        "--db",
        path(&db),
        "--out",
        path(&pdfs),
        "--cycle",
        "2030/31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "mentordesk-cli: There is no performance cycle called \"2030/31\"."
    );
    assert!(!pdfs.exists(), "nothing is written for a bad cycle");

    let out = cli(&[
        "kpa",
        "--db",
        path(&db),
        "--out",
        path(&pdfs),
        "--today",
        "2031-01-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no performance cycle recorded") && stderr(&out).contains("--cycle"),
        "{}",
        stderr(&out)
    );

    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&["kpa", "--db", path(&missing), "--out", path(&pdfs)]);
    refused_for_no_database(&out, &missing);
}

#[test]
fn contracts_prints_every_current_mentor_contract_and_organisation_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdfs = dir.path().join("contracts");
    let out = cli(&[
        "contracts",
        "--db",
        path(&db),
        "--out",
        path(&pdfs),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        pdfs_in(&pdfs),
        [
            "MT-0001-contract.pdf",
            "MT-0002-contract.pdf",
            "MT-0003-contract.pdf",
            "MT-0004-contract.pdf",
            "MT-0005-contract.pdf",
            "ORG-0001-agreement.pdf",
        ]
    );
    assert!(
        stdout(&out).contains("Wrote 5 mentor contracts and 1 organisation agreement to"),
        "{}",
        stdout(&out)
    );

    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&["contracts", "--db", path(&missing), "--out", path(&pdfs)]);
    refused_for_no_database(&out, &missing);
}

/// The text of a PDF as poppler reads it, with its lines joined.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path(pdf), "-"])
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    stdout(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn reports_prints_the_progress_report_of_every_mentorship_under_way_in_a_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdfs = dir.path().join("reports");
    let out = cli(&[
        "reports",
        "--db",
        path(&db),
        "--from",
        "2026-10-01",
        "--to",
        "2026-12-31",
        "--out",
        path(&pdfs),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The sample's seven active mentorships, not its draft.
    let store = mentordesk_core::Store::open(&db).unwrap();
    let ids = store
        .reportable_mentorships(chrono_date("2026-10-01"), chrono_date("2026-12-31"))
        .unwrap();
    assert_eq!(ids.len(), 7);
    let expected: Vec<String> = {
        let mut names: Vec<String> = ids
            .iter()
            .map(|id| format!("MS-{id:04}-progress-2026-10-01-to-2026-12-31.pdf"))
            .collect();
        names.sort();
        names
    };
    assert_eq!(pdfs_in(&pdfs), expected);
    assert!(
        stdout(&out).contains("Wrote 7 progress reports for Quarter 3 of 2026/27 to"),
        "{}",
        stdout(&out)
    );
    for &id in &ids {
        let protege = mentordesk_core::print::agreement::AgreementFacts::load(&store, id)
            .unwrap()
            .protege
            .name;
        let text =
            pdf_text(&pdfs.join(format!("MS-{id:04}-progress-2026-10-01-to-2026-12-31.pdf")));
        for words in [
            "Progress report",
            protege.as_str(),
            "Quarter 3 of 2026/27 (1 October 2026 to 31 December 2026)",
            "4. Sessions in the period",
            "Generated 23 November 2026",
        ] {
            assert!(text.contains(words), "MS-{id:04}: no {words:?} in {text}");
        }
        assert!(
            !text.contains("Confidential notes"),
            "MS-{id:04} prints confidential notes: {text}"
        );
    }

    // A range that is no period of the cycle is named by its dates.
    let october = dir.path().join("october");
    let out = cli(&[
        "reports",
        "--db",
        path(&db),
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        path(&october),
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("for 1 October 2026 to 31 October 2026 to"),
        "{}",
        stdout(&out)
    );
    assert_eq!(pdfs_in(&october).len(), 7);
}

fn chrono_date(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

#[test]
fn reports_with_a_bad_range_fail_in_one_line_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdfs = dir.path().join("reports");
    let run = |from: &str, to: &str, db: &Path| {
        cli(&[
            "reports",
            "--db",
            path(db),
            "--from",
            from,
            "--to",
            to,
            "--out",
            path(&pdfs),
        ])
    };

    let out = run("2026-12-31", "2026-10-01", &db);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "mentordesk-cli: --to 2026-10-01 is before --from 2026-12-31; give the period's first day, then its last"
    );

    let out = run("2026-13-01", "2026-12-31", &db);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "mentordesk-cli: --from \"2026-13-01\" is not a date; write it as YYYY-MM-DD, e.g. 2026-09-30"
    );
    let out = run("2026-10-01", "31/12/2026", &db);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--to \"31/12/2026\" is not a date"),
        "{}",
        stderr(&out)
    );
    assert!(!pdfs.exists(), "nothing is written for a bad range");

    let missing = dir.path().join("missing.sqlite3");
    let out = run("2026-10-01", "2026-12-31", &missing);
    refused_for_no_database(&out, &missing);
}

#[test]
fn letters_prints_every_letter_owed_once_and_then_says_none_are_owed() {
    use mentordesk_core::print::letters;
    use mentordesk_core::selection::{Application, Decision, Entry, LetterKind, Review, State};

    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    // The sample owes letters of its own; a rejection recorded here is owed too.
    let owed = {
        let mut store = mentordesk_core::Store::open(&db).unwrap();
        let protege = store.proteges("Riaan Pretorius", None, false).unwrap()[0].id;
        let id = store
            .save_application(
                &Application {
                    id: None,
                    protege_id: protege,
                    entry: Entry::Application,
                    received_on: chrono_date("2026-11-02"),
                    intake: String::new(),
                    wanted_start: chrono_date("2027-01-11"),
                    wanted_end: chrono_date("2027-07-30"),
                    preferred_gender: None,
                    preferred_language: String::new(),
                    motivation: String::new(),
                    state: State::Submitted,
                    mentor_id: None,
                    mentorship_id: None,
                },
                "Refilwe Mokoena",
                chrono_date("2026-11-23"),
            )
            .unwrap();
        store
            .record_review(
                &Review {
                    id: None,
                    application_id: id,
                    reviewed_on: chrono_date("2026-11-16"),
                    members_present: "Refilwe Mokoena, Lindiwe Khumalo".into(),
                    interview_notes: String::new(),
                    decision: Decision::Rejected,
                    reasons: "No places left for finance applicants in this intake".into(),
                },
                chrono_date("2026-11-23"),
            )
            .unwrap();
        store.pending_letters().unwrap()
    };
    let of = |kind| owed.iter().filter(|l| l.kind == kind).count();
    assert!(of(LetterKind::Rejection) >= 1);

    let pdfs = dir.path().join("letters");
    let run = || {
        cli(&[
            "letters",
            "--db",
            path(&db),
            "--out",
            path(&pdfs),
            "--today",
            "2026-11-23",
        ])
    };
    let out = run();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut expected: Vec<String> = owed.iter().map(letters::file_name).collect();
    expected.sort();
    assert_eq!(pdfs_in(&pdfs), expected);
    let said = stdout(&out);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    assert!(
        said.contains(&format!(
            "Wrote {} to {}: {}, {} and {}",
            plural(owed.len(), "letter", "letters"),
            pdfs.display(),
            plural(of(LetterKind::Acceptance), "acceptance", "acceptances"),
            plural(of(LetterKind::Rejection), "rejection", "rejections"),
            plural(
                of(LetterKind::MentorNotice),
                "notice to a mentor",
                "notices to mentors"
            ),
        )),
        "{said}"
    );
    // The rejection recorded above is the newest letter owed.
    let mine = pdfs.join(letters::file_name(owed.last().unwrap()));
    assert!(
        pdf_text(&mine).contains("No places left for finance applicants in this intake"),
        "the rejection prints the committee's reasons"
    );

    // Every letter is marked printed: a second run prints nothing and says so.
    let out = run();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("No letters are waiting to be printed"),
        "{}",
        stdout(&out)
    );
    assert_eq!(pdfs_in(&pdfs).len(), expected.len());

    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&["letters", "--db", path(&missing), "--out", path(&pdfs)]);
    refused_for_no_database(&out, &missing);
}

#[test]
fn suggest_ranks_the_mentors_of_an_application_with_reasons_then_the_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let out = cli(&[
        "suggest",
        "--db",
        path(&db),
        "--protege",
        "APP-0001",
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Mentors for APP-0001 ("), "{text}");
    assert!(text.contains("  1. "), "{text}");
    assert!(text.contains(": score "), "{text}");
    assert!(text.contains("places free: +"), "{text}");
    assert!(text.contains("Expertise covers"), "{text}");

    let out = cli(&["suggest", "--db", path(&db), "--protege", "APP-9999"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no application APP-9999"),
        "{}",
        stderr(&out)
    );
    let out = cli(&["suggest", "--db", path(&db), "--protege", "somebody"]);
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("neither an application"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn suggest_by_protege_number_gives_their_open_application_and_the_excluded_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let suggest = |id: &str| {
        cli(&[
            "suggest",
            "--db",
            path(&db),
            "--protege",
            id,
            "--today",
            "2026-11-23",
        ])
    };
    let by_reference = stdout(&suggest("APP-0002"));
    // In the sample, Lwazi Ntuli's line manager is one of the mentors.
    assert!(by_reference.contains("Excluded:\n  - "), "{by_reference}");
    assert!(by_reference.contains("line manager"), "{by_reference}");
    let by_number = (1..=30)
        .map(|n| stdout(&suggest(&n.to_string())))
        .find(|text| text.starts_with("Mentors for APP-0002 "));
    assert_eq!(by_number.as_deref(), Some(by_reference.as_str()));

    let out = suggest("9999");
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn assign_proposes_the_cohort_and_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = cli(&["assign", "--db", path(&db), "--today", "2026-11-23"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("(nothing is saved)"), "{text}");
    assert!(text.contains("APP-0001"), "{text}");
    assert!(text.contains(" → "), "{text}");
    assert!(text.contains("Total score "), "{text}");
    assert!(text.contains("3 matched, 0 without a mentor"), "{text}");
    let out = cli(&[
        "assign",
        "--db",
        path(&db),
        "--intake",
        "No such intake",
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("No application of \"No such intake\" is ready"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "assign changed the database"
    );

    // Never creates a database.
    let missing = dir.path().join("missing.sqlite3");
    let out = cli(&["assign", "--db", path(&missing)]);
    assert!(!out.status.success());
    assert!(!missing.exists());
}

#[test]
fn audit_check_passes_on_a_fresh_trail_and_names_the_first_line_changed_behind_its_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    let out = cli(&["demo", "--db", path(&db), "--today", "2026-11-23"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = cli(&["audit", "--db", path(&db), "--check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("The audit trail's chain is intact"),
        "{}",
        stdout(&out)
    );

    let csv_path = dir.path().join("trail.csv");
    let out = cli(&["audit", "--db", path(&db), "--out", path(&csv_path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..3], ["Line", "When (UTC)", "Who"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 100, "{} lines", rows.len());
    assert!(rows[0][2].starts_with("mentordesk-cli ("), "{:?}", &rows[0]);

    // Someone edits a line directly in the file, as a person with a SQLite tool could.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let victim: i64 = conn
        .query_row(
            "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 20",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE audit_log SET actor = 'Someone else' WHERE id = ?1",
        [victim],
    )
    .unwrap();
    drop(conn);

    let out = cli(&["audit", "--db", path(&db), "--check"]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(&format!("broken at line {victim}:")),
        "{}",
        stderr(&out)
    );
}

/// Every row of every table, read with a plain connection (and the key of an encrypted file).
fn rows_of(db: &Path, key: Option<&str>) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    if let Some(key) = key {
        conn.pragma_update(None, "key", key).unwrap();
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (table, rows)
        })
        .collect()
}

/// Says that `restored` holds the backup's rows and, after its trail, the restore's own row
/// and line.
fn assert_restored(
    backup: &[(String, Vec<Vec<rusqlite::types::Value>>)],
    restored: &[(String, Vec<Vec<rusqlite::types::Value>>)],
) {
    let rows = |all: &[(String, Vec<Vec<rusqlite::types::Value>>)], name: &str| {
        all.iter()
            .find(|(table, _)| table == name)
            .map(|(_, rows)| rows.clone())
            .unwrap_or_default()
    };
    let others = |all: &[(String, Vec<Vec<rusqlite::types::Value>>)]| {
        all.iter()
            .filter(|(table, _)| table != "restore" && table != "audit_log")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(others(backup) == others(restored), "the records differ");
    let (trail, after) = (rows(backup, "audit_log"), rows(restored, "audit_log"));
    assert_eq!(after.len(), trail.len() + 1);
    assert!(after[..trail.len()] == trail[..]);
    assert_eq!(
        rows(restored, "restore").len(),
        rows(backup, "restore").len() + 1
    );
}

#[test]
fn restore_onto_a_new_pc_creates_the_database_and_refuses_bad_files_creating_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let copy = dir.path().join("usb").join("copy.sqlite3");
    assert!(cli(&["backup", "--db", path(&db), "--out", path(&copy)])
        .status
        .success());
    let new_pc = dir.path().join("new-pc");
    let fresh = new_pc.join("MentorDesk").join("mentordesk.sqlite3");

    let truncated = dir.path().join("truncated.sqlite3");
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let text = dir.path().join("minutes.txt");
    std::fs::write(&text, "Minutes of the committee meeting").unwrap();
    for (bad, words) in [(&truncated, "damaged"), (&text, "not a MentorDesk")] {
        let out = cli(&["restore", "--db", path(&fresh), "--from", path(bad)]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
        assert!(!new_pc.exists(), "{}: something was created", bad.display());
    }

    // No --yes is needed: nothing is replaced.
    let out = cli(&["restore", "--db", path(&fresh), "--from", path(&copy)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("into the new database"),
        "{}",
        stdout(&out)
    );
    assert_restored(&rows_of(&copy, None), &rows_of(&fresh, None));
    let out = cli(&["audit", "--db", path(&fresh)]);
    assert!(
        stdout(&out)
            .lines()
            .nth(0)
            .unwrap()
            .contains("insert restore"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_encrypted_backup_onto_a_new_pc_needs_its_passphrase_and_stays_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.sqlite3");
    let key = "correct horse battery";
    let mut store = mentordesk_core::Store::open_with(&db, Some(key)).unwrap();
    mentordesk_core::sample::create(&mut store, chrono_date("2026-11-23")).unwrap();
    let copy = dir.path().join("copy.sqlite3");
    store.backup_to(&copy).unwrap();
    drop(store);
    let fresh = dir.path().join("new-pc").join("mentordesk.sqlite3");
    let restore = |passphrase: &str| {
        Command::new(env!("CARGO_BIN_EXE_mentordesk-cli"))
            .args(["restore", "--db", path(&fresh), "--from", path(&copy)])
            .env("MENTORDESK_BACKUP_PASSPHRASE", passphrase)
            .output()
            .unwrap()
    };

    let out = restore("");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("MENTORDESK_BACKUP_PASSPHRASE"),
        "{}",
        stderr(&out)
    );
    let out = restore("not the passphrase");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("passphrase"), "{}", stderr(&out));
    assert!(!fresh.parent().unwrap().exists());

    let out = restore(key);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("encrypted with the backup's passphrase"),
        "{}",
        stdout(&out)
    );
    assert!(mentordesk_core::store::is_encrypted(&fresh).unwrap());
    assert_restored(&rows_of(&copy, Some(key)), &rows_of(&fresh, Some(key)));
}

#[test]
fn audit_check_against_a_backup_reports_lines_cut_from_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let copy = dir.path().join("copy.sqlite3");
    assert!(cli(&["backup", "--db", path(&db), "--out", path(&copy)])
        .status
        .success());
    let out = cli(&[
        "audit",
        "--db",
        path(&db),
        "--check",
        "--against",
        path(&copy),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Its end is intact"),
        "{}",
        stdout(&out)
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    let head: i64 = conn
        .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    conn.execute("DELETE FROM audit_log WHERE id > ?1", [head - 2])
        .unwrap();
    drop(conn);
    let out = cli(&[
        "audit",
        "--db",
        path(&db),
        "--check",
        "--against",
        path(&copy),
    ]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(&format!("from line {} on, 2 of them are gone", head - 1)),
        "{}",
        stderr(&out)
    );
}

#[test]
fn backup_then_restore_with_yes_puts_every_row_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let copy = dir.path().join("usb").join("copy.sqlite3");
    let out = cli(&["backup", "--db", path(&db), "--out", path(&copy)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("integrity ok"), "{}", stdout(&out));
    let at_backup = rows_of(&copy, None);
    assert_eq!(rows_of(&db, None), at_backup);

    // Another programme in a second file, then the backup restored over it.
    let other = dir.path().join("other.sqlite3");
    let out = cli(&["demo", "--db", path(&other), "--today", "2027-03-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(rows_of(&other, None), at_backup);
    let out = cli(&[
        "restore",
        "--db",
        path(&other),
        "--from",
        path(&copy),
        "--yes",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("staff members"), "{}", stdout(&out));
    assert_restored(&at_backup, &rows_of(&other, None));
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        kept.iter().any(|n| n.ends_with("-before-restore.sqlite3")),
        "{kept:?}"
    );
}

#[test]
fn restore_without_yes_and_no_one_to_ask_shows_the_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let copy = dir.path().join("copy.sqlite3");
    assert!(cli(&["backup", "--db", path(&db), "--out", path(&copy)])
        .status
        .success());
    let other = dir.path().join("other.sqlite3");
    assert!(
        cli(&["demo", "--db", path(&other), "--today", "2027-03-01"])
            .status
            .success()
    );
    let before = rows_of(&other, None);

    let out = cli(&["restore", "--db", path(&other), "--from", path(&copy)]);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("data version"), "{}", stdout(&out));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(rows_of(&other, None), before);
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn an_encrypted_database_is_backed_up_encrypted_with_the_passphrase_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.sqlite3");
    let key = "correct horse battery";
    let mut store = mentordesk_core::Store::open_with(&db, Some(key)).unwrap();
    mentordesk_core::sample::create(&mut store, chrono_date("2026-11-23")).unwrap();
    drop(store);
    let copy = dir.path().join("copy.sqlite3");

    let out = cli(&["backup", "--db", path(&db), "--out", path(&copy)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("MENTORDESK_PASSPHRASE"),
        "{}",
        stderr(&out)
    );
    assert!(!copy.exists());

    let out = Command::new(env!("CARGO_BIN_EXE_mentordesk-cli"))
        .args(["backup", "--db", path(&db), "--out", path(&copy)])
        .env("MENTORDESK_PASSPHRASE", key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(" encrypted,"), "{}", stdout(&out));
    assert!(mentordesk_core::store::is_encrypted(&copy).unwrap());
    assert_eq!(rows_of(&copy, Some(key)), rows_of(&db, Some(key)));
}

#[test]
fn import_staff_prints_the_report_and_writes_nothing_while_a_line_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    let file = dir.path().join("persal.csv");
    std::fs::write(
        &file,
        "PERSAL NO;SURNAME;INITIALS;DATE OF BIRTH;COMPONENT\n\
         31000017;Ndlovu;T.M.;19880412;Provincial Liaison\n\
         31000025;van Wyk;J;31/02/1979;Provincial Liaison\n",
    )
    .unwrap();
    let out = cli(&[
        "import-staff",
        "--db",
        path(&db),
        path(&file),
        "--today",
        "2026-11-23",
    ]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("Line 3, Date of birth: '31/02/1979' is not a date."),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("nothing was imported"),
        "{}",
        stderr(&out)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let found: i64 = conn
        .query_row(
            "SELECT count(*) FROM staff WHERE persal = '31000017'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 0, "the good line was not written either");
    drop(conn);

    std::fs::write(
        &file,
        "PERSAL NO;SURNAME;INITIALS;DATE OF BIRTH;COMPONENT\n\
         31000017;Ndlovu;T.M.;19880412;Provincial Liaison\n",
    )
    .unwrap();
    let dry = cli(&["import-staff", "--db", path(&db), path(&file), "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("1 to add, 0 to update"),
        "{}",
        stdout(&dry)
    );
    assert!(
        stdout(&dry).contains("new units: Provincial Liaison"),
        "{}",
        stdout(&dry)
    );
    let done = cli(&["import-staff", "--db", path(&db), path(&file)]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        stdout(&done).contains("Imported: 1 added"),
        "{}",
        stdout(&done)
    );
    let again = cli(&["import-staff", "--db", path(&db), path(&file)]);
    assert!(
        stdout(&again).contains("0 to add, 0 to update, 1 unchanged"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn export_writes_every_register_as_csv_or_one_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    let csvs = dir.path().join("csv");
    let out = cli(&["export", "--db", path(&db), "--out", path(&csvs)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_path(csvs.join("mentorships.csv")).unwrap();
    assert_eq!(
        reader.records().count(),
        11,
        "the sample's mentorships, two completed and one terminated"
    );
    let xlsx = dir.path().join("xlsx");
    let out = cli(&[
        "export",
        "--db",
        path(&db),
        "--out",
        path(&xlsx),
        "--format",
        "xlsx",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let book = std::fs::read(xlsx.join("mentordesk-registers.xlsx")).unwrap();
    assert!(book.starts_with(b"PK"), "an xlsx is a zip file");
    let bad = cli(&[
        "export",
        "--db",
        path(&db),
        "--out",
        path(&xlsx),
        "--format",
        "pdf",
    ]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("use csv or xlsx"), "{}", stderr(&bad));
}

#[test]
fn programme_report_writes_the_pdf_and_its_tables_and_names_people_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let pdf = dir.path().join("out").join("programme.pdf");
    let tables = dir.path().join("tables");
    let report = |names: bool| {
        let mut args = vec![
            "programme-report",
            "--db",
            path(&db),
            "--from",
            "2026-04-01",
            "--to",
            "2026-11-23",
            "--out",
            path(&pdf),
            "--csv",
            path(&tables),
            "--today",
            "2026-11-23",
        ];
        if names {
            args.push("--names");
        }
        cli(&args)
    };
    let out = report(false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Wrote the programme report for 1 April 2026 to 23 November 2026")
    );
    let text = pdf_text(&pdf);
    for heading in [
        "1. Participation",
        "5. Employment equity",
        "Sessions held per month",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    assert!(
        !text.contains("Charlene Adams"),
        "no one is named without --names"
    );
    assert!(std::fs::read_to_string(tables.join("race-and-gender.csv"))
        .unwrap()
        .contains("Group,Mentors,%,Protégés,%,All staff,%"));
    let out = report(true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        pdf_text(&pdf).contains("Charlene Adams"),
        "the appendix names the protégés"
    );

    let out = cli(&[
        "programme-report",
        "--db",
        path(&db),
        "--from",
        "2026-11-23",
        "--to",
        "2026-04-01",
        "--out",
        path(&pdf),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--to 2026-04-01 is before --from 2026-11-23"));
}

#[test]
fn evaluation_forms_prints_a_blank_form_for_every_evaluation_owed() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let forms = dir.path().join("forms");
    let owed_on = |today: &str| {
        cli(&[
            "evaluation-forms",
            "--db",
            path(&db),
            "--out",
            path(&forms),
            "--today",
            today,
        ])
    };
    let out = owed_on("2026-11-23");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Wrote 3 evaluation forms to "),
        "{}",
        stdout(&out)
    );
    assert_eq!(pdfs_in(&forms).len(), 3);
    // A year on every mentorship of the sample has ended and owes all five forms.
    let out = owed_on("2027-12-31");
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = pdfs_in(&forms);
    assert!(
        printed.iter().any(|f| f.ends_with("-EVAL-mentor-self.pdf")),
        "{printed:?}"
    );
    assert!(
        stdout(&out).contains(" evaluation forms to "),
        "{}",
        stdout(&out)
    );
    let text = pdf_text(&forms.join(&printed[0]));
    assert!(
        text.contains("1. How satisfied are you with the mentoring relationship?"),
        "{text}"
    );
}

#[test]
fn import_staff_draws_no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db), "--today", "2026-11-23"])
        .status
        .success());
    let file = dir.path().join("persal.csv");
    let lines: String = (0..300)
        .map(|n| format!("{};Surname {n};A.B.;19880412\n", 41_000_000 + n))
        .collect();
    std::fs::write(
        &file,
        format!("PERSAL NO;SURNAME;INITIALS;DATE OF BIRTH\n{lines}"),
    )
    .unwrap();
    let out = cli(&["import-staff", "--db", path(&db), path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "a captured stderr gets no bar");
    assert_eq!(
        stdout(&out).lines().last(),
        Some("Imported: 300 added, 0 updated, 0 unchanged.")
    );
}
