//! MentorDesk on a new computer: the first start restores an encrypted backup after asking for
//! its passphrase, and the restored programme opens in the window, still encrypted, to the
//! accounts it had; and the About box says which MentorDesk this is.

use mentordesk_e2e::steps::confirm;
use mentordesk_e2e::App;

const KEY: &str = "correct horse battery";
const OLD_ACCOUNT: (&str, &str) = ("Thandi Mokoena", "old computer password");

#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_restores_an_encrypted_backup_after_asking_its_passphrase() {
    let app = App::launch().await;
    // The old computer's backup, on a USB stick.
    let usb = app.db_path().with_file_name("usb-stick");
    let backup = usb.join("mentordesk-backup-2026-11-23.sqlite3");
    let staff = {
        let old = usb.join("old-pc.sqlite3");
        let mut store = mentordesk_core::Store::open_with(&old, Some(KEY)).unwrap();
        let today = chrono::Local::now().date_naive();
        mentordesk_core::sample::create(&mut store, today).unwrap();
        store
            .create_first_user(OLD_ACCOUNT.0, OLD_ACCOUNT.1)
            .unwrap();
        store.backup_to(&backup).unwrap().staff
    };

    app.wait_for("#start-restore").await;
    app.screenshot("restore-01-start").await;
    app.answer_next_dialog(&backup);
    app.click("#start-restore").await;
    let asked = app
        .wait_for_text(
            "#start-restore-form .field-error[data-for='backup_passphrase']",
            "passphrase",
        )
        .await;
    assert!(asked.contains("encrypted"), "{asked}");

    app.fill("#start-backup-passphrase", "not the passphrase")
        .await;
    app.click("#start-read-backup").await;
    let wrong = app
        .wait_for_text(
            "#start-restore-form .field-error[data-for='backup_passphrase']",
            "does not open",
        )
        .await;
    app.screenshot("restore-02-wrong-passphrase").await;
    assert!(wrong.to_lowercase().contains("passphrase"), "{wrong}");
    assert!(!mentordesk_core::store::is_encrypted(app.db_path()).unwrap());

    app.fill("#start-backup-passphrase", KEY).await;
    app.click("#start-read-backup").await;
    app.wait_for_text(
        "#confirm-dialog .confirm-message",
        &format!("{staff} staff"),
    )
    .await;
    confirm(&app).await;
    // The window starts afresh on the restored programme, whose accounts are the old ones.
    app.sign_in(OLD_ACCOUNT.0, OLD_ACCOUNT.1).await;
    app.wait_for("#nav-dashboard[aria-current='page']").await;
    app.wait_for_text("#dashboard-summary", "need attention")
        .await;
    app.screenshot("restore-03-restored").await;
    assert!(mentordesk_core::store::is_encrypted(app.db_path()).unwrap());
    let restored = mentordesk_core::Store::open_with(app.db_path(), Some(KEY)).unwrap();
    assert_eq!(restored.inspect_backup(&backup, None).unwrap().staff, staff);
    assert!(!restored.is_empty().unwrap());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_about_box_says_which_mentordesk_this_is() {
    let app = App::launch().await;
    app.click("#about-open").await;
    let version = app
        .wait_for_text("#about-version", env!("CARGO_PKG_VERSION"))
        .await;
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    app.wait_for_text("#about-dialog", "Data version").await;
    app.screenshot("about-box").await;
    app.click("#about-close").await;
    app.close().await;
}

/// A database left readable by every account on the computer, as an older MentorDesk or a copy
/// made by hand leaves it.
#[cfg(unix)]
fn readable_by_others(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    drop(mentordesk_core::Store::open(path).unwrap());
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn a_database_readable_by_others_is_made_private_and_the_window_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let app = App::launch_on(readable_by_others).await;
    app.create_first_account().await;
    app.wait_for_text("#signed-in-status", "made it private to you")
        .await;
    let mode = std::fs::metadata(app.db_path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    app.close().await;
}
