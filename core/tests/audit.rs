//! The audit trail: a line for every change with who and what before and after, and a chain
//! whose break is found.

use mentordesk_core::store::AuditQuery;
use mentordesk_core::Store;
use rusqlite::Connection;

use crate::sample_store;

fn trail(store: &Store, table: &str) -> Vec<mentordesk_core::store::AuditEntry> {
    let q = AuditQuery {
        table_name: Some(table.into()),
        ..AuditQuery::default()
    };
    store.audit_entries(&q).unwrap()
}

#[test]
fn every_change_is_a_line_naming_who_and_the_row_before_and_after() {
    let (_dir, mut store) = sample_store();
    store.set_actor("Thandi Mokoena");
    let mut settings = store.settings().unwrap();
    settings.mentor_capacity = 3;
    store.save_settings(&settings).unwrap();

    let lines = trail(&store, "setting");
    let last = &lines[0];
    assert_eq!(last.actor, "Thandi Mokoena");
    assert_eq!(last.action, "update");
    assert!(
        last.before.as_deref().unwrap().contains(r#""value":"4""#),
        "{last:?}"
    );
    assert!(
        last.after.as_deref().unwrap().contains(r#""value":"3""#),
        "{last:?}"
    );
    assert!(
        last.at.starts_with("20") && last.at.ends_with('Z'),
        "{}",
        last.at
    );
    // Saving the same settings again changes no row, so it writes no line.
    let head = store.audit_head().unwrap();
    store.save_settings(&settings).unwrap();
    assert_eq!(store.audit_head().unwrap(), head);
    // The sample's own records were written before anyone signed in.
    let staff = trail(&store, "staff");
    assert!(staff.len() >= 36);
    assert!(staff
        .iter()
        .all(|l| l.actor == mentordesk_core::store::NO_ONE_SIGNED_IN));
}

#[test]
fn confidential_notes_never_enter_the_trail() {
    let (dir, store) = sample_store();
    let withheld = trail(&store, "session")
        .iter()
        .filter(|l| {
            l.after
                .as_deref()
                .is_some_and(|a| a.contains("[withheld: "))
        })
        .count();
    assert!(withheld >= 18, "{withheld}");
    drop(store);
    let conn = Connection::open(dir.path().join("sample.sqlite3")).unwrap();
    let notes: Vec<String> = conn
        .prepare("SELECT confidential_notes FROM session WHERE confidential_notes <> ''")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let leaked: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log, session
             WHERE session.confidential_notes <> ''
               AND instr(coalesce(before, '') || coalesce(after, ''), session.confidential_notes) > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!notes.is_empty());
    assert_eq!(leaked, 0);
}

#[test]
fn the_chain_of_an_untouched_trail_is_intact() {
    let (_dir, store) = sample_store();
    let check = store.check_audit_chain().unwrap();
    assert!(check.is_intact(), "{check:?}");
    assert!(check.lines > 300, "{check:?}");
}

/// Opens the file as another program would, with the trail's functions missing, and does
/// `sql` to the trail itself.
fn tamper(path: &std::path::Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn an_edited_line_breaks_the_chain_there() {
    let (dir, store) = sample_store();
    drop(store);
    let path = dir.path().join("sample.sqlite3");
    tamper(
        &path,
        "UPDATE audit_log SET actor = 'Someone else' WHERE id = 40",
    );
    let check = Store::open(&path).unwrap().check_audit_chain().unwrap();
    assert_eq!(check.first_break, Some(40));
}

#[test]
fn a_removed_line_breaks_the_chain_at_the_next() {
    let (dir, store) = sample_store();
    drop(store);
    let path = dir.path().join("sample.sqlite3");
    tamper(&path, "DELETE FROM audit_log WHERE id = 100");
    let check = Store::open(&path).unwrap().check_audit_chain().unwrap();
    assert_eq!(check.first_break, Some(101));
}

#[test]
fn another_program_cannot_change_records_without_a_line() {
    let (dir, store) = sample_store();
    drop(store);
    let conn = Connection::open(dir.path().join("sample.sqlite3")).unwrap();
    let err = conn
        .execute("UPDATE staff SET surname = 'X' WHERE id = 1", [])
        .unwrap_err();
    assert!(err.to_string().contains("audit_actor"), "{err}");
}
