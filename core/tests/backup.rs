//! Backups and restores: a backup holds every row of every table, a restore puts exactly the
//! backup's rows back and keeps what it replaced, and files that are not good backups are
//! refused without changing anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mentordesk_core::store::{inspect_backup, is_encrypted, Register, LATEST_VERSION};
use mentordesk_core::Store;
use rusqlite::types::Value;
use rusqlite::Connection;

/// Every row of every table of the database at `path`, in rowid order, read with a plain
/// connection (and the key, for an encrypted file).
pub fn dump(path: &Path, key: Option<&str>) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn = Connection::open(path).unwrap();
    if let Some(key) = key {
        conn.pragma_update(None, "key", key).unwrap();
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut all = BTreeMap::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..columns).map(|i| r.get::<_, Value>(i)).collect())
            .unwrap()
            .collect::<rusqlite::Result<Vec<Vec<Value>>>>()
            .unwrap();
        all.insert(table, rows);
    }
    all
}

/// Says which tables differ, rather than printing two whole databases.
pub fn assert_same(
    left: &BTreeMap<String, Vec<Vec<Value>>>,
    right: &BTreeMap<String, Vec<Vec<Value>>>,
) {
    assert_eq!(
        left.keys().collect::<Vec<_>>(),
        right.keys().collect::<Vec<_>>(),
        "the tables differ"
    );
    for (table, rows) in left {
        assert!(rows == &right[table], "table {table} differs");
    }
}

/// Says that `restored` holds exactly the backup's rows, and after them the restore's own row
/// and its one audit line.
pub fn assert_restored(
    backup: &BTreeMap<String, Vec<Vec<Value>>>,
    restored: &BTreeMap<String, Vec<Vec<Value>>>,
) {
    let without = |all: &BTreeMap<String, Vec<Vec<Value>>>| {
        let mut rest = all.clone();
        for table in ["restore", "audit_log"] {
            rest.remove(table);
        }
        rest
    };
    assert_same(&without(backup), &without(restored));
    let rows = |all: &BTreeMap<String, Vec<Vec<Value>>>, table: &str| {
        all.get(table).cloned().unwrap_or_default()
    };
    let (trail, after) = (rows(backup, "audit_log"), rows(restored, "audit_log"));
    assert_eq!(
        after.len(),
        trail.len() + 1,
        "one line is added to the trail"
    );
    assert!(
        after[..trail.len()] == trail[..],
        "the restored trail is the backup's"
    );
    let line = &after[trail.len()];
    assert_eq!(line[3], Value::Text("restore".into()));
    assert_eq!(line[5], Value::Text("insert".into()));
    assert_eq!(
        rows(restored, "restore").len(),
        rows(backup, "restore").len() + 1
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn db_path(store: &Store) -> PathBuf {
    store.path().unwrap().to_owned()
}

#[test]
fn a_backup_holds_every_row_of_every_table_and_says_what_it_holds() {
    let (dir, store) = crate::sample_store();
    let dest = dir.path().join("usb").join("copy.sqlite3");
    let written = store.backup_to(&dest).unwrap();

    let live = dump(&db_path(&store), None);
    assert_same(&live, &dump(&dest, None));
    assert!(!live["session"].is_empty() && !live["audit_log"].is_empty());
    assert_eq!(written.path, dest);
    assert_eq!(written.integrity, "ok");
    assert_eq!(written.data_version, LATEST_VERSION);
    assert_eq!(written.size, std::fs::metadata(&dest).unwrap().len());
    assert_eq!(written.staff as usize, live["staff"].len());
    assert_eq!(written.mentors as usize, live["mentor"].len());
    assert_eq!(written.proteges as usize, live["protege"].len());
    assert_eq!(written.mentorships as usize, live["mentorship"].len());
    assert_eq!(written.sessions as usize, live["session"].len());
    assert!(!written.encrypted);
    let newest = store
        .audit_entries(&Default::default())
        .unwrap()
        .first()
        .map(|e| e.at.clone());
    assert_eq!(written.newest_change, newest);
    // One self-contained file, nothing half-written left beside it.
    assert_eq!(files_in(dest.parent().unwrap()), ["copy.sqlite3"]);
    assert_eq!(inspect_backup(&dest, None).unwrap(), written);
}

#[test]
fn a_backup_that_cannot_be_written_leaves_no_file() {
    let (dir, store) = crate::sample_store();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file where a folder should be").unwrap();
    let err = store
        .backup_to(&blocker.join("copy.sqlite3"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "file");
    assert_eq!(
        std::fs::read(&blocker).unwrap(),
        b"a file where a folder should be"
    );
}

#[test]
fn a_restore_puts_back_exactly_the_backup_and_keeps_what_it_replaced() {
    let (dir, mut store) = crate::sample_store();
    let path = db_path(&store);
    let backup = dir.path().join("friday.sqlite3");
    store.backup_to(&backup).unwrap();
    let at_backup = dump(&backup, None);

    store.set_archived(Register::Staff, 1, true).unwrap();
    let changed = dump(&path, None);
    assert!(changed["audit_log"].len() > at_backup["audit_log"].len());

    let restored = store
        .restore_from(&backup, None, crate::date("2026-11-24"))
        .unwrap();
    assert_restored(&at_backup, &dump(&path, None));
    assert_eq!(restored.restored.staff as usize, at_backup["staff"].len());
    assert_eq!(
        restored.previous.path,
        path.parent()
            .unwrap()
            .join("backups/auto-2026-11-24-before-restore.sqlite3")
    );
    assert_same(&changed, &dump(&restored.previous.path, None));
    assert!(store.check_audit_chain().unwrap().is_intact());

    // The audit triggers work on the restored content: a change writes its line.
    let head = store.audit_head().unwrap();
    store.set_archived(Register::Staff, 2, true).unwrap();
    assert!(store.audit_head().unwrap() > head);
    drop(store);
    assert!(Store::open(&path)
        .unwrap()
        .check_audit_chain()
        .unwrap()
        .is_intact());
}

#[test]
fn an_encrypted_database_restores_from_its_encrypted_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.sqlite3");
    let key = "correct horse battery";
    let mut store = Store::open_with(&path, Some(key)).unwrap();
    mentordesk_core::sample::create(&mut store, crate::date("2026-11-23")).unwrap();
    let backup = dir.path().join("secret-copy.sqlite3");
    let written = store.backup_to(&backup).unwrap();
    assert!(written.encrypted);
    assert!(is_encrypted(&backup).unwrap());
    let at_backup = dump(&backup, Some(key));
    assert_same(&dump(&path, Some(key)), &at_backup);

    store.set_archived(Register::Mentor, 1, true).unwrap();
    store
        .restore_from(&backup, None, crate::date("2026-11-23"))
        .unwrap();
    assert_restored(&at_backup, &dump(&path, Some(key)));
    let previous = dir
        .path()
        .join("backups/auto-2026-11-23-before-restore.sqlite3");
    assert!(is_encrypted(&previous).unwrap());
    drop(store);
    assert_eq!(Store::open(&path).err().unwrap().code(), "locked");
    assert!(Store::open_with(&path, Some(key))
        .unwrap()
        .check_audit_chain()
        .unwrap()
        .is_intact());
}

#[test]
fn a_plain_backup_restored_into_an_encrypted_database_stays_encrypted() {
    let (dir, store) = crate::sample_store();
    let plain = dir.path().join("plain-copy.sqlite3");
    store.backup_to(&plain).unwrap();
    let mut store = store.encrypt("correct horse battery").unwrap();
    store.set_archived(Register::Unit, 1, true).unwrap();
    store
        .restore_from(&plain, None, crate::date("2026-11-23"))
        .unwrap();
    let path = db_path(&store);
    drop(store);
    assert!(is_encrypted(&path).unwrap());
    assert_restored(
        &dump(&plain, None),
        &dump(&path, Some("correct horse battery")),
    );
}

#[test]
fn files_that_are_not_good_backups_are_refused_and_nothing_changes() {
    let (dir, mut store) = crate::sample_store();
    let path = db_path(&store);
    let before = dump(&path, None);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Minutes of the committee meeting").unwrap();
    let other = dir.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('bobotie');")
        .unwrap();
    let newer = dir.path().join("newer.sqlite3");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [LATEST_VERSION + 1],
        )
        .unwrap();
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&newer).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0x5a);
    std::fs::write(&damaged, bytes).unwrap();

    for (file, words) in [
        (&text, "not a MentorDesk"),
        (&other, "not a MentorDesk"),
        (&newer, "newer MentorDesk"),
        (&damaged, "damaged"),
    ] {
        let err = store
            .restore_from(file, None, crate::date("2026-11-23"))
            .err()
            .unwrap();
        assert_eq!(err.code(), "bad_file", "{}: {err}", file.display());
        assert!(err.to_string().contains(words), "{}: {err}", file.display());
    }
    let missing = store
        .restore_from(
            &dir.path().join("gone.sqlite3"),
            None,
            crate::date("2026-11-23"),
        )
        .err()
        .unwrap();
    assert_eq!(missing.code(), "file");
    assert_same(&before, &dump(&path, None));
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn an_encrypted_backup_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open_with(&dir.path().join("a.sqlite3"), Some("first passphrase")).unwrap();
    mentordesk_core::sample::create(&mut store, crate::date("2026-11-23")).unwrap();
    let backup = dir.path().join("a-copy.sqlite3");
    store.backup_to(&backup).unwrap();

    assert_eq!(
        inspect_backup(&backup, None).err().unwrap().code(),
        "locked"
    );
    assert_eq!(
        inspect_backup(&backup, Some("second passphrase"))
            .err()
            .unwrap()
            .code(),
        "wrong_passphrase"
    );
    let plain = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    assert_eq!(
        plain.inspect_backup(&backup, None).err().unwrap().code(),
        "locked"
    );
    assert!(
        plain
            .inspect_backup(&backup, Some("first passphrase"))
            .unwrap()
            .encrypted
    );
    // The store's own passphrase is tried when none is given.
    let staff = crate::backup::dump(&backup, Some("first passphrase"))["staff"].len();
    assert_eq!(
        store.inspect_backup(&backup, None).unwrap().staff as usize,
        staff
    );
}

#[test]
fn one_automatic_backup_a_day_and_only_the_last_ones_are_kept() {
    let (dir, mut store) = crate::sample_store();
    let mut settings = store.settings().unwrap();
    settings.backups_kept = 3;
    store.save_settings(&settings).unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(
        backups.join("mentordesk-backup-2026-11-01.sqlite3"),
        b"by hand",
    )
    .unwrap();

    assert!(store
        .auto_backup(crate::date("2026-11-20"))
        .unwrap()
        .is_some());
    assert!(store
        .auto_backup(crate::date("2026-11-20"))
        .unwrap()
        .is_none());
    for day in ["2026-11-21", "2026-11-22", "2026-11-23"] {
        let written = store.auto_backup(crate::date(day)).unwrap().unwrap();
        assert_eq!(written.integrity, "ok");
    }
    assert_eq!(
        files_in(&backups),
        [
            "auto-2026-11-21-daily.sqlite3",
            "auto-2026-11-22-daily.sqlite3",
            "auto-2026-11-23-daily.sqlite3",
            "mentordesk-backup-2026-11-01.sqlite3",
        ]
    );
    let listed: Vec<String> = store
        .auto_backups()
        .unwrap()
        .into_iter()
        .map(|b| b.day)
        .collect();
    assert_eq!(listed, ["2026-11-23", "2026-11-22", "2026-11-21"]);
}
