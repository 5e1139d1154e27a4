//! The people who sign in: adding them with field errors, signing in with one message for
//! every failure, changing one's own password, and always keeping a programme manager.

use mentordesk_core::access::Role;
use mentordesk_core::store::AuditQuery;
use mentordesk_core::{Error, Store};

fn store_with_manager() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let manager = store
        .create_user("Thandi Mokoena", Role::ProgrammeManager, "correct horse")
        .unwrap();
    (store, manager.id)
}

fn field_of(err: Error) -> String {
    err.field()
        .unwrap_or_else(|| panic!("no field on {err}"))
        .into()
}

#[test]
fn a_new_database_has_no_users_and_the_first_must_be_a_programme_manager() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(!store.has_users().unwrap());
    let err = store
        .create_user("Sipho Dlamini", Role::HrOfficer, "long enough")
        .unwrap_err();
    assert_eq!(field_of(err), "role");
    let user = store
        .create_user("  Sipho   Dlamini ", Role::ProgrammeManager, "long enough")
        .unwrap();
    assert_eq!(user.name, "Sipho Dlamini");
    assert!(user.active);
    assert!(store.has_users().unwrap());
}

#[test]
fn the_first_account_is_a_programme_manager_and_there_is_only_one_first() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store
        .create_first_user("Thandi Mokoena", "correct horse")
        .unwrap();
    assert_eq!(first.role, Role::ProgrammeManager);
    let err = store
        .create_first_user("Sipho Dlamini", "long enough")
        .unwrap_err();
    assert_eq!(err.code(), "not_allowed");
    assert_eq!(store.users().unwrap(), vec![first]);
}

#[test]
fn a_missing_name_a_short_password_and_a_taken_name_are_refused_by_field() {
    let (mut store, _) = store_with_manager();
    let err = store
        .create_user(" ", Role::Viewer, "long enough")
        .unwrap_err();
    assert_eq!(field_of(err), "name");
    let err = store
        .create_user("Ann Viewer", Role::Viewer, "short")
        .unwrap_err();
    assert_eq!(field_of(err), "password");
    let err = store
        .create_user("THANDI mokoena", Role::Viewer, "long enough")
        .unwrap_err();
    assert_eq!(field_of(err), "name");
    assert_eq!(store.users().unwrap().len(), 1);
}

#[test]
fn signing_in_needs_the_right_password_and_an_active_user_and_says_the_same_otherwise() {
    let (mut store, _) = store_with_manager();
    let hr = store
        .create_user("Sipho Dlamini", Role::HrOfficer, "hr password")
        .unwrap();
    let signed_in = store.sign_in("sipho dlamini", "hr password").unwrap();
    assert_eq!(signed_in, hr);

    let wrong = store.sign_in("Sipho Dlamini", "hr passwort").unwrap_err();
    let unknown = store.sign_in("Nobody", "hr password").unwrap_err();
    store.set_user_disabled(hr.id, true).unwrap();
    let disabled = store.sign_in("Sipho Dlamini", "hr password").unwrap_err();
    for err in [&wrong, &unknown, &disabled] {
        assert!(matches!(err, Error::SignIn), "{err:?}");
    }
    assert_eq!(wrong.to_string(), disabled.to_string());
    assert_eq!(wrong.to_string(), unknown.to_string());

    store.set_user_disabled(hr.id, false).unwrap();
    assert!(store.sign_in("Sipho Dlamini", "hr password").is_ok());
}

#[test]
fn the_password_is_kept_as_an_argon2id_hash_and_the_trail_withholds_it() {
    let (store, _) = store_with_manager();
    let lines = store
        .audit_entries(&AuditQuery {
            table_name: Some("app_user".into()),
            ..AuditQuery::default()
        })
        .unwrap();
    let after = lines[0].after.as_deref().unwrap();
    assert!(!after.contains("correct horse"), "{after}");
    assert!(!after.contains("$argon2id$"), "{after}");
    assert!(after.contains("[withheld:"), "{after}");
}

#[test]
fn changing_ones_password_needs_the_old_one() {
    let (mut store, id) = store_with_manager();
    let err = store
        .change_password(id, "not it at all", "new password")
        .unwrap_err();
    assert_eq!(field_of(err), "old_password");
    let err = store
        .change_password(id, "correct horse", "short")
        .unwrap_err();
    assert_eq!(field_of(err), "new_password");
    store
        .change_password(id, "correct horse", "new password")
        .unwrap();
    assert!(store.sign_in("Thandi Mokoena", "correct horse").is_err());
    assert!(store.sign_in("Thandi Mokoena", "new password").is_ok());
}

#[test]
fn the_last_active_programme_manager_can_be_neither_demoted_nor_disabled() {
    let (mut store, id) = store_with_manager();
    let err = store.set_user_role(id, Role::Viewer).unwrap_err();
    assert_eq!(field_of(err), "role");
    let err = store.set_user_disabled(id, true).unwrap_err();
    assert_eq!(field_of(err), "active");
    let me = store.user(id).unwrap();
    assert_eq!(me.role, Role::ProgrammeManager);
    assert!(me.active);

    let other = store
        .create_user("Lerato Khumalo", Role::HrOfficer, "long enough")
        .unwrap();
    store
        .set_user_role(other.id, Role::ProgrammeManager)
        .unwrap();
    assert_eq!(
        store.set_user_role(id, Role::Viewer).unwrap().role,
        Role::Viewer
    );
    let err = store.set_user_disabled(other.id, true).unwrap_err();
    assert_eq!(field_of(err), "active");
}

#[test]
fn users_are_listed_active_first_by_name() {
    let (mut store, _) = store_with_manager();
    let zed = store
        .create_user("Zed Viewer", Role::Viewer, "long enough")
        .unwrap();
    store
        .create_user("Amy Officer", Role::HrOfficer, "long enough")
        .unwrap();
    store.set_user_disabled(zed.id, true).unwrap();
    let names: Vec<String> = store.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["Amy Officer", "Thandi Mokoena", "Zed Viewer"]);
}
