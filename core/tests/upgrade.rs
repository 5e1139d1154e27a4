//! The database of the previous release (0.1.0, data version 13, its sample programme made by
//! that release's `mentordesk-cli demo`, kept in tests/fixtures) opened by this one, as an
//! office's database is after an upgrade: backed up first, upgraded, and every record kept.

use std::path::Path;

use mentordesk_core::store::LATEST_VERSION;
use mentordesk_core::Store;

const RELEASE_0_1_0: &str = "../tests/fixtures/release-0.1.0.sqlite3";

#[test]
fn the_previous_releases_database_is_backed_up_upgraded_and_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mentordesk.sqlite3");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(RELEASE_0_1_0),
        &db,
    )
    .unwrap();

    let store = Store::open(&db).unwrap();
    let backups = store.auto_backups().unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        backups[0]
            .name
            .ends_with("-before-upgrade-from-v13.sqlite3"),
        "{backups:?}"
    );
    let before = store.inspect_backup(&backups[0].path, None).unwrap();
    assert_eq!((before.data_version, before.integrity.as_str()), (13, "ok"));

    let now = store.inspect_backup(&db, None).unwrap();
    assert_eq!(now.data_version, LATEST_VERSION);
    assert_eq!(
        (
            now.staff,
            now.mentors,
            now.proteges,
            now.mentorships,
            now.sessions
        ),
        (
            before.staff,
            before.mentors,
            before.proteges,
            before.mentorships,
            before.sessions
        )
    );
    assert_eq!(now.mentorships, 11);

    let trail = store.check_audit_trail(None, None).unwrap();
    assert!(trail.is_intact(), "{trail:?}");
}
