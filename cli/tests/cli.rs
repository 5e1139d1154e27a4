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
    for command in ["demo", "agreement", "agreements"] {
        assert!(stdout(&out).contains(command), "{}", stdout(&out));
    }
}
