//! Restoring onto a new computer and the audit trail's anchored end: a backup restores into a
//! database that does not exist yet (plain or encrypted, with its passphrase) or in place of a
//! new, empty programme; a file that is not a good backup, or a wrong passphrase, creates
//! nothing; every backup anchors the trail's end, so lines cut from the end are found; and a
//! restore writes its own line after the trail it restored.

use std::path::{Path, PathBuf};

use mentordesk_core::store::{is_encrypted, AuditQuery, EndFound, Register};
use mentordesk_core::Store;
use rusqlite::Connection;

use crate::backup::{assert_restored, dump};
use crate::{date, sample_store};

const KEY: &str = "correct horse battery";

/// A sample programme's backup, in its own folder, as it would arrive on a USB stick.
fn sample_backup(key: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_with(&dir.path().join("old-pc.sqlite3"), key).unwrap();
    mentordesk_core::sample::create(&mut store, date("2026-11-23")).unwrap();
    let backup = dir
        .path()
        .join("usb")
        .join("mentordesk-backup-2026-11-23.sqlite3");
    store.backup_to(&backup).unwrap();
    (dir, backup)
}

/// The newest line of the trail about the `restore` table.
fn restore_line(store: &Store) -> mentordesk_core::store::AuditEntry {
    let query = AuditQuery {
        table_name: Some("restore".into()),
        ..AuditQuery::default()
    };
    store.audit_entries(&query).unwrap().remove(0)
}

#[test]
fn a_backup_restores_into_a_database_that_does_not_exist_yet() {
    let (_old, backup) = sample_backup(None);
    let new_pc = tempfile::tempdir().unwrap();
    let db = new_pc.path().join("MentorDesk").join("mentordesk.sqlite3");

    let (store, restored) = Store::restore_new(&db, &backup, None, "Thandi Mokoena").unwrap();
    assert_eq!(restored.path, backup);
    assert!(!restored.encrypted);
    assert!(!store.is_encrypted());
    let line = restore_line(&store);
    assert_eq!(line.actor, "Thandi Mokoena");
    let after = line.after.unwrap();
    assert!(
        after.contains("mentordesk-backup-2026-11-23.sqlite3"),
        "{after}"
    );
    assert!(
        after.contains(&format!("\"restored_lines\":{}", restored.trail.lines)),
        "{after}"
    );
    assert_eq!(
        line.id,
        restored.trail.head_id + 1,
        "the restore's line follows the restored trail"
    );
    assert!(store.check_audit_chain().unwrap().is_intact());
    drop(store);
    assert_restored(&dump(&backup, None), &dump(&db, None));
    // Only the database: no half-written copy beside it.
    let names: Vec<String> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    assert_eq!(names, ["mentordesk.sqlite3"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(db.parent().unwrap()), 0o700);
    }
}

#[test]
fn an_encrypted_backup_restores_onto_a_new_pc_with_its_passphrase() {
    let (_old, backup) = sample_backup(Some(KEY));
    let new_pc = tempfile::tempdir().unwrap();
    let db = new_pc.path().join("MentorDesk").join("mentordesk.sqlite3");

    let asked = Store::restore_new(&db, &backup, None, "Thandi")
        .err()
        .unwrap();
    assert_eq!(asked.code(), "locked");
    let wrong = Store::restore_new(&db, &backup, Some("not the passphrase"), "Thandi")
        .err()
        .unwrap();
    assert_eq!(wrong.code(), "wrong_passphrase");
    assert!(
        !db.parent().unwrap().exists(),
        "nothing is created before the passphrase is right"
    );

    let (store, restored) = Store::restore_new(&db, &backup, Some(KEY), "Thandi").unwrap();
    assert!(restored.encrypted && store.is_encrypted());
    drop(store);
    assert!(is_encrypted(&db).unwrap());
    assert_eq!(Store::open(&db).err().unwrap().code(), "locked");
    assert_restored(&dump(&backup, Some(KEY)), &dump(&db, Some(KEY)));
}

#[test]
fn bad_backups_onto_a_new_pc_are_refused_in_words_and_nothing_is_created() {
    let (old, backup) = sample_backup(None);
    let (_old_encrypted, encrypted) = sample_backup(Some(KEY));
    let text = old.path().join("minutes.txt");
    std::fs::write(&text, "Minutes of the committee meeting").unwrap();
    let other = old.path().join("recipes.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('bobotie');")
        .unwrap();
    let truncated = old.path().join("truncated.sqlite3");
    let bytes = std::fs::read(&backup).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let truncated_encrypted = old.path().join("truncated-encrypted.sqlite3");
    let bytes = std::fs::read(&encrypted).unwrap();
    std::fs::write(&truncated_encrypted, &bytes[..bytes.len() / 2]).unwrap();

    let new_pc = tempfile::tempdir().unwrap();
    let db = new_pc.path().join("MentorDesk").join("mentordesk.sqlite3");
    for (file, key, code, words) in [
        (&text, None, "bad_file", "not a MentorDesk"),
        (&other, None, "bad_file", "not a MentorDesk"),
        (&truncated, None, "bad_file", "damaged"),
        (&truncated_encrypted, Some(KEY), "bad_file", "damaged"),
        (
            &encrypted,
            Some("a wrong passphrase"),
            "wrong_passphrase",
            "passphrase",
        ),
    ] {
        let err = Store::restore_new(&db, file, key, "Thandi").err().unwrap();
        assert_eq!(err.code(), code, "{}: {err}", file.display());
        assert!(err.to_string().contains(words), "{}: {err}", file.display());
        assert!(
            !db.parent().unwrap().exists(),
            "{}: a folder was created",
            file.display()
        );
    }
    // A database already there is never replaced by this route.
    let (_dir, store) = sample_store();
    let existing = store.path().unwrap().to_owned();
    drop(store);
    let before = dump(&existing, None);
    let err = Store::restore_new(&existing, &backup, None, "Thandi")
        .err()
        .unwrap();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("already exists"), "{err}");
    crate::backup::assert_same(&before, &dump(&existing, None));
}

#[test]
fn a_new_empty_programme_takes_the_backup_and_its_encryption() {
    let (_old, backup) = sample_backup(Some(KEY));
    let new_pc = tempfile::tempdir().unwrap();
    let db = new_pc.path().join("mentordesk.sqlite3");
    let mut empty = Store::open(&db).unwrap();
    empty.set_actor("Thandi Mokoena");

    let store = empty.restore_fresh(&backup, Some(KEY)).unwrap();
    assert!(store.is_encrypted());
    assert!(!store.is_empty().unwrap());
    assert_eq!(restore_line(&store).actor, "Thandi Mokoena");
    drop(store);
    assert!(is_encrypted(&db).unwrap());
    assert_restored(&dump(&backup, Some(KEY)), &dump(&db, Some(KEY)));

    // A programme that holds records is not replaced this way: that restore keeps a copy.
    let (_dir, store) = sample_store();
    let err = store.restore_fresh(&backup, Some(KEY)).err().unwrap();
    assert!(err.to_string().contains("already holds records"), "{err}");
}

#[test]
fn a_wrong_passphrase_leaves_the_new_empty_programme_as_it_was() {
    let (_old, backup) = sample_backup(Some(KEY));
    let new_pc = tempfile::tempdir().unwrap();
    let db = new_pc.path().join("mentordesk.sqlite3");
    let empty = Store::open(&db).unwrap();
    let err = empty
        .restore_fresh(&backup, Some("a wrong passphrase"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "wrong_passphrase");
    let store = Store::open(&db).unwrap();
    assert!(store.is_empty().unwrap() && !store.is_encrypted());
}

#[test]
fn the_trail_holds_every_line_of_a_backup_and_counts_the_lines_since() {
    let (dir, mut store) = sample_store();
    let backup = dir.path().join("friday.sqlite3");
    let written = store.backup_to(&backup).unwrap();
    assert_eq!(
        written.trail.lines,
        store.check_audit_chain().unwrap().lines
    );
    assert_eq!(written.trail.head_id, store.audit_head().unwrap());

    store.set_archived(Register::Staff, 1, true).unwrap();
    store.set_archived(Register::Staff, 2, true).unwrap();
    let check = store.check_audit_trail(Some(&backup), None).unwrap();
    assert!(check.is_intact(), "{check:?}");
    assert_eq!(check.end.unwrap().found, EndFound::Holds { since: 2 });
}

/// Cuts the last `n` lines from the trail of the closed database at `path`, as another program
/// could.
fn cut_tail(path: &Path, n: i64) {
    Connection::open(path)
        .unwrap()
        .execute(
            "DELETE FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - ?1",
            [n],
        )
        .unwrap();
}

#[test]
fn lines_cut_from_the_end_are_found_against_the_newest_automatic_backup() {
    let (dir, mut store) = sample_store();
    let path = store.path().unwrap().to_owned();
    store.set_archived(Register::Staff, 1, true).unwrap();
    store.auto_backup(date("2026-11-24")).unwrap();
    let head = store.audit_head().unwrap();
    drop(store);
    cut_tail(&path, 5);

    let store = Store::open(&path).unwrap();
    let check = store.check_audit_trail(None, None).unwrap();
    assert!(
        check.chain.is_intact(),
        "the chain alone cannot see a cut end"
    );
    let end = check.end.clone().unwrap();
    assert_eq!(
        end.found,
        EndFound::Cut {
            from: head - 4,
            missing: 5
        }
    );
    assert_eq!(
        end.backup,
        dir.path().join("backups/auto-2026-11-24-daily.sqlite3")
    );
    assert!(!check.is_intact());
}

#[test]
fn a_cut_end_written_over_with_new_lines_is_found_too() {
    let (dir, store) = sample_store();
    let path = store.path().unwrap().to_owned();
    let backup = dir.path().join("friday.sqlite3");
    store.backup_to(&backup).unwrap();
    let head = store.audit_head().unwrap();
    drop(store);
    cut_tail(&path, 3);
    let mut store = Store::open(&path).unwrap();
    // New lines take the ids of the cut ones, each with a sound hash.
    for id in 1..=4 {
        store.set_archived(Register::Staff, id, true).unwrap();
    }
    assert!(store.audit_head().unwrap() > head);
    let check = store.check_audit_trail(Some(&backup), None).unwrap();
    assert!(check.chain.is_intact());
    assert_eq!(
        check.end.unwrap().found,
        EndFound::Cut {
            from: head - 2,
            missing: 3
        }
    );
}

#[test]
fn a_backup_from_before_a_restore_is_not_taken_for_a_cut() {
    let (dir, mut store) = sample_store();
    let monday = dir.path().join("monday.sqlite3");
    store.backup_to(&monday).unwrap();
    store.set_actor("Thandi Mokoena");
    store.set_archived(Register::Staff, 1, true).unwrap();
    store
        .restore_from(&monday, None, date("2026-11-24"))
        .unwrap();

    // The newest automatic backup is the one made just before the restore: it holds a history
    // the restore rightly replaced.
    let check = store.check_audit_trail(None, None).unwrap();
    assert!(check.is_intact(), "{check:?}");
    let end = check.end.unwrap();
    assert!(end
        .backup
        .ends_with("auto-2026-11-24-before-restore.sqlite3"));
    match end.found {
        EndFound::Replaced { by, .. } => assert_eq!(by, "Thandi Mokoena"),
        other => panic!("expected the restore to be named, found {other:?}"),
    }
    // The backup that was restored still anchors the trail.
    let check = store.check_audit_trail(Some(&monday), None).unwrap();
    assert_eq!(check.end.unwrap().found, EndFound::Holds { since: 1 });
    let line = restore_line(&store);
    assert_eq!(line.actor, "Thandi Mokoena");
    assert!(line.after.unwrap().contains("monday.sqlite3"));
}

#[test]
fn with_no_backup_there_is_no_end_to_compare() {
    let (_dir, store) = sample_store();
    let check = store.check_audit_trail(None, None).unwrap();
    assert!(check.end.is_none() && check.is_intact());
}
