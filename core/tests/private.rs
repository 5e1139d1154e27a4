//! Files MentorDesk writes are private to the person (POPIA): the folders it creates are 0700
//! and its files 0600 — the database and its companions, backups, exports, printed documents
//! and opened signed copies — and a database readable by others is tightened when opened.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use mentordesk_core::export::Format;
use mentordesk_core::print::{agreement, audit_pack};
use mentordesk_core::signing::Paper;
use mentordesk_core::Store;

use crate::{date, sample_store};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_database_its_folder_and_everything_written_from_it_are_private() {
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = root.path().join("MentorDesk");
    let db = data.join("mentordesk.sqlite3");
    let mut store = Store::open(&db).unwrap();
    mentordesk_core::sample::create(&mut store, date("2026-11-23")).unwrap();
    assert!(!store.was_tightened());
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&db), 0o600, "the database");
    for companion in ["-wal", "-shm"] {
        let file = data.join(format!("mentordesk.sqlite3{companion}"));
        if file.exists() {
            assert_eq!(mode(&file), 0o600, "{companion}");
        }
    }
    // A folder that was there already is left as the person set it.
    assert_eq!(mode(root.path()), 0o755);

    let backup = data.join("backups").join("by-hand.sqlite3");
    store.backup_to(&backup).unwrap();
    assert_eq!(mode(&backup), 0o600, "the backup");
    assert_eq!(mode(&data.join("backups")), 0o700);

    let exported = data.join("registers");
    store.export_registers(&exported, Format::Csv).unwrap();
    for file in std::fs::read_dir(&exported).unwrap() {
        let file = file.unwrap().path();
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }

    let documents = data.join("documents");
    let id = store.mentorships(&Default::default()).unwrap()[0].id;
    let today = date("2026-11-23");
    std::fs::create_dir_all(&documents).unwrap();
    let pdf = agreement::write_agreement(&store, id, today, &documents).unwrap();
    assert_eq!(mode(&pdf), 0o600, "a printed document");
    let pack = audit_pack::write_audit_pack(&store, id, today, &documents).unwrap();
    assert_eq!(mode(&pack), 0o600, "an audit pack");
    let copy = store
        .attach_copy(
            Paper::Agreement,
            id,
            "scan.pdf",
            &std::fs::read(&pdf).unwrap(),
            today,
        )
        .unwrap();
    let opened = store
        .write_copy(copy.id, &documents.join("signed copies"))
        .unwrap();
    assert_eq!(mode(&opened), 0o600, "an opened signed copy");
}

#[test]
fn encrypting_the_database_keeps_it_private() {
    let (dir, store) = sample_store();
    let db = dir.path().join("sample.sqlite3");
    let store = store.encrypt("a long enough passphrase").unwrap();
    assert!(!store.was_tightened());
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn a_database_readable_by_others_is_made_private_when_opened_and_says_so_once() {
    let (dir, store) = sample_store();
    let db = dir.path().join("sample.sqlite3");
    drop(store);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.was_tightened());
    assert_eq!(mode(&db), 0o600);
    drop(store);
    assert!(!Store::open(&db).unwrap().was_tightened());
}
