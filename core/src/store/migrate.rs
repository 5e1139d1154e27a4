//! Numbered migrations embedded in the binary. Each runs in its own transaction and is recorded
//! in `schema_version`; a database from a newer program is refused before anything is touched.

use rusqlite::Connection;

use crate::{Error, Result};

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_register.sql")),
    (2, include_str!("../../migrations/0002_kpa.sql")),
    (3, include_str!("../../migrations/0003_holidays.sql")),
    (4, include_str!("../../migrations/0004_work_plans.sql")),
    (5, include_str!("../../migrations/0005_sessions.sql")),
    (6, include_str!("../../migrations/0006_progress.sql")),
    (7, include_str!("../../migrations/0007_selection.sql")),
    (8, include_str!("../../migrations/0008_trust.sql")),
    (
        9,
        include_str!("../../migrations/0009_programme_report.sql"),
    ),
    (10, include_str!("../../migrations/0010_evaluations.sql")),
    (
        11,
        include_str!("../../migrations/0011_termination_reasons.sql"),
    ),
    (12, include_str!("../../migrations/0012_signed_paper.sql")),
    (13, include_str!("../../migrations/0013_disputes.sql")),
    (14, include_str!("../../migrations/0014_restores.sql")),
];

/// The data version this program writes.
pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The data version the database is at (0 for a new one) and how many migrations `migrate`
/// would run on it, so that an existing database can be backed up before it is upgraded.
pub(super) fn pending(conn: &Connection) -> Result<(i64, usize)> {
    let tracked: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'",
        [],
        |r| r.get(0),
    )?;
    if tracked == 0 {
        return Ok((0, MIGRATIONS.len()));
    }
    let current: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    Ok((
        current,
        MIGRATIONS.iter().filter(|(v, _)| *v > current).count(),
    ))
}

/// Brings the database to the latest version and says how many migrations ran.
pub(super) fn migrate(conn: &mut Connection) -> Result<usize> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL DEFAULT (datetime('now'))
         ) STRICT;",
    )?;
    let current: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    if current > LATEST_VERSION {
        return Err(Error::NewerDatabase {
            found: current,
            known: LATEST_VERSION,
        });
    }
    let pending: Vec<_> = MIGRATIONS.iter().filter(|(v, _)| *v > current).collect();
    for (version, sql) in &pending {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [version],
        )?;
        tx.commit()?;
    }
    Ok(pending.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_from_a_newer_program_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        drop(crate::store::Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [LATEST_VERSION + 1],
        )
        .unwrap();
        drop(conn);

        let err = crate::store::Store::open(&path).err().unwrap();
        assert_eq!(err.code(), "newer_database");
        assert!(err
            .to_string()
            .contains(&format!("data version {}", LATEST_VERSION + 1)));
        let conn = Connection::open(&path).unwrap();
        let max: i64 = conn
            .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(max, LATEST_VERSION + 1);
    }

    #[test]
    fn an_empty_file_is_migrated_to_the_latest_version_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.sqlite3");
        std::fs::write(&path, b"").unwrap();
        drop(crate::store::Store::open(&path).unwrap());
        drop(crate::store::Store::open(&path).unwrap());
        // A new database has nothing to lose, so no backup is made before it is set up.
        assert!(!dir.path().join("backups").exists());
        let conn = Connection::open(&path).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, LATEST_VERSION);
        let capacity: String = conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'mentor_capacity'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(capacity, "4");
    }

    #[test]
    fn a_database_of_the_first_version_keeps_its_records_through_the_kpa_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,
                 applied_at TEXT NOT NULL DEFAULT (datetime('now'))) STRICT;",
        )
        .unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(MIGRATIONS[0].1).unwrap();
        tx.execute("INSERT INTO schema_version (version) VALUES (1)", [])
            .unwrap();
        tx.execute(
            "INSERT INTO organisation (name, contact_person) VALUES ('Ubuntu Leadership Institute', 'Mr H Coetzee')",
            [],
        )
        .unwrap();
        tx.commit().unwrap();
        drop(conn);

        let store = crate::store::Store::open(&path).unwrap();
        // The database as it was before the upgrade is kept in the backups folder.
        let kept = crate::store::auto_backups_in(&dir.path().join("backups")).unwrap();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(kept[0].name.ends_with("-before-upgrade-from-v1.sqlite3"));
        let old = Connection::open(&kept[0].path).unwrap();
        let version: i64 = old
            .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let contact: String = old
            .query_row("SELECT contact_person FROM organisation", [], |r| r.get(0))
            .unwrap();
        assert_eq!(contact, "Mr H Coetzee");
        let orgs = store.organisations(false).unwrap();
        assert_eq!(orgs.len(), 1);
        assert_eq!(orgs[0].contact_person, "Mr H Coetzee");
        assert_eq!(orgs[0].kind, crate::domain::OrganisationKind::PrivateSector);
        let settings = store.settings().unwrap();
        assert_eq!(settings.cycle_start_month, 4);
        assert_eq!(settings.mentoring_hours_per_protege, 2.0);
        assert_eq!((settings.kpa_min_weight, settings.kpa_max_weight), (10, 30));
    }
}
