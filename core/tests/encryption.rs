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
fn a_plain_database_is_not_taken_for_an_encrypted_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.sqlite3");
    assert!(!is_encrypted(&path).unwrap());
    drop(Store::open(&path).unwrap());
    assert!(!is_encrypted(&path).unwrap());
}
