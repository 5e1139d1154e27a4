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
    assert!(cli(&["demo", "--db", path(&db)]).status.success());
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
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("there is no database at"),
        "{}",
        stderr(&out)
    );
    assert!(
        !missing.exists(),
        "a reading command must not create the database"
    );

    let db = dir.path().join("sample.sqlite3");
    assert!(cli(&["demo", "--db", path(&db)]).status.success());
    let again = cli(&["demo", "--db", path(&db)]);
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
fn help_names_every_command() {
    let out = cli(&["--help"]);
    assert!(out.status.success());
    for command in ["demo", "agreement", "agreements", "kpa", "contracts"] {
        assert!(stdout(&out).contains(command), "{}", stdout(&out));
    }
}

/// The sample programme in a new database beside the test's other files.
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
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !missing.exists(),
        "a reading command must not create the database"
    );
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
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        !missing.exists(),
        "a reading command must not create the database"
    );
}
