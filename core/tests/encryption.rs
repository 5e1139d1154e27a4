//! Encryption at rest with SQLCipher: the passphrase opens the file, nothing else does.

use mentordesk_core::store::is_encrypted;
use mentordesk_core::Store;

#[test]
fn an_encrypted_database_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.sqlite3");
    let mut store = Store::open_with(&path, Some("correct horse")).unwrap();
    mentordesk_core::sample::create(&mut store, crate::date("2026-11-23")).unwrap();
    assert!(store.is_encrypted());
    drop(store);

    assert!(is_encrypted(&path).unwrap());
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        !bytes.windows(7).any(|w| w == b"Mokoena"),
        "a name is readable in the file"
    );
    assert_eq!(Store::open(&path).err().unwrap().code(), "locked");
    let wrong = Store::open_with(&path, Some("Correct horse"))
        .err()
        .unwrap();
    assert_eq!(wrong.code(), "wrong_passphrase");
    assert!(wrong.to_string().contains("does not open this database"));
    let store = Store::open_with(&path, Some("correct horse")).unwrap();
    assert!(!store.is_empty().unwrap());
    assert!(store.check_audit_chain().unwrap().is_intact());
}

#[test]
fn an_empty_passphrase_is_refused_by_its_field_before_the_file_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("secret.sqlite3");
    let err = Store::open_with(&path, Some("")).err().unwrap();
    assert_eq!(err.field(), Some("passphrase"));
    assert_eq!(err.to_string(), "Type the passphrase.");
    assert!(!path.parent().unwrap().exists());
}

#[test]
fn a_plain_database_is_not_taken_for_an_encrypted_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.sqlite3");
    assert!(!is_encrypted(&path).unwrap());
    drop(Store::open(&path).unwrap());
    assert!(!is_encrypted(&path).unwrap());
}

fn sample_with(path: &std::path::Path, key: Option<&str>) -> Store {
    let mut store = Store::open_with(path, key).unwrap();
    mentordesk_core::sample::create(&mut store, crate::date("2026-11-23")).unwrap();
    store
}

#[test]
fn a_changed_passphrase_opens_the_database_and_the_old_one_no_longer_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.sqlite3");
    let mut store = sample_with(&path, Some("old passphrase"));
    let before = crate::backup::dump(&path, Some("old passphrase"));

    let short = store.change_passphrase("short").err().unwrap();
    assert_eq!(short.field(), Some("passphrase"));
    assert!(short.to_string().contains("at least 8 characters"));
    assert_eq!(
        store.change_passphrase("   ").err().unwrap().field(),
        Some("passphrase")
    );

    store.change_passphrase("new passphrase").unwrap();
    assert_eq!(store.passphrase(), Some("new passphrase"));
    // A backup made now is encrypted with the new passphrase.
    let copy = dir.path().join("copy.sqlite3");
    store.backup_to(&copy).unwrap();
    drop(store);

    assert_eq!(
        Store::open_with(&path, Some("old passphrase"))
            .err()
            .unwrap()
            .code(),
        "wrong_passphrase"
    );
    crate::backup::assert_same(&before, &crate::backup::dump(&path, Some("new passphrase")));
    crate::backup::assert_same(&before, &crate::backup::dump(&copy, Some("new passphrase")));
    let store = Store::open_with(&path, Some("new passphrase")).unwrap();
    assert!(store.check_audit_chain().unwrap().is_intact());
}

#[test]
fn a_plain_database_cannot_change_a_passphrase_it_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plain.sqlite3")).unwrap();
    let err = store.change_passphrase("a fine passphrase").err().unwrap();
    assert_eq!(err.field(), Some("passphrase"));
}

#[test]
fn a_plain_database_is_converted_with_every_row_and_no_plain_file_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.sqlite3");
    let store = sample_with(&path, None);
    let before = crate::backup::dump(&path, None);
    let head = store.audit_head().unwrap();

    assert_eq!(
        Store::open(&dir.path().join("other.sqlite3"))
            .unwrap()
            .encrypt("short")
            .err()
            .unwrap()
            .field(),
        Some("passphrase")
    );
    let mut store = store.encrypt("correct horse battery").unwrap();
    assert!(store.is_encrypted());
    assert_eq!(store.audit_head().unwrap(), head);
    assert!(store.check_audit_chain().unwrap().is_intact());
    store
        .set_archived(mentordesk_core::store::Register::Staff, 1, true)
        .unwrap();
    assert!(store.audit_head().unwrap() > head);
    drop(store);

    assert!(is_encrypted(&path).unwrap());
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.windows(7).any(|w| w == b"Mokoena"));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["other.sqlite3", "plain.sqlite3"]);
    assert_eq!(Store::open(&path).err().unwrap().code(), "locked");
    let after = crate::backup::dump(&path, Some("correct horse battery"));
    assert_eq!(after["staff"].len(), before["staff"].len());
    let mut unchanged = after.clone();
    unchanged.remove("staff");
    unchanged.remove("audit_log");
    let mut expected = before.clone();
    expected.remove("staff");
    expected.remove("audit_log");
    crate::backup::assert_same(&expected, &unchanged);
}
