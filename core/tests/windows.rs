//! What an office's Windows PC brings: a user name with a space and a letter outside ASCII in
//! every path, CSV files saved with CRLF line ends, and a printed PDF still open in a viewer
//! when it is printed again. The first two hold on every system and are tested everywhere; the
//! lock exists on Windows only (Linux and macOS do not lock files against writing).

use mentordesk_core::import;
use mentordesk_core::print::agreement;
use mentordesk_core::Store;

use crate::date;

#[test]
fn a_profile_folder_with_a_space_and_an_accent_holds_the_database_backups_and_documents() {
    let root = tempfile::tempdir().unwrap();
    let data = root
        .path()
        .join("Users/Zoë Ndlovu/AppData/Roaming/MentorDesk");
    let db = data.join("mentordesk.sqlite3");
    let mut store = Store::open(&db).unwrap();
    mentordesk_core::sample::create(&mut store, date("2026-11-23")).unwrap();
    assert!(db.is_file());

    let documents = data.join("Documents Zoë");
    let agreements = agreement::write_agreements(
        || Ok::<_, mentordesk_core::Error>(&store),
        date("2026-11-23"),
        &documents,
        |_, _, _| {},
    )
    .unwrap();
    assert_eq!(agreements.failures, vec![]);
    assert_eq!(agreements.printed.len(), 7);
    assert!(agreements.printed.iter().all(|p| p.starts_with(&documents)));

    let backup = root
        .path()
        .join("Users/Zoë Ndlovu/Backups Ö/mentordesk backup.sqlite3");
    std::fs::create_dir_all(backup.parent().unwrap()).unwrap();
    store.backup_to(&backup).unwrap();
    drop(store);
    let restored = root
        .path()
        .join("Users/Zoë Ndlovu/New PC/mentordesk.sqlite3");
    std::fs::create_dir_all(restored.parent().unwrap()).unwrap();
    let (store, _) = Store::restore_new(&restored, &backup, None, "Zoë Ndlovu").unwrap();
    assert_eq!(store.mentorships(&Default::default()).unwrap().len(), 11);
}

#[test]
fn a_csv_saved_with_crlf_line_ends_reads_like_one_with_lf() {
    let lf = "PERSAL NO;SURNAME;INITIALS;GENDER;DATE OF BIRTH\n\
              31000017;Ndlovu;T.M.;F;19880412\n\
              31000025;Zoë van Wyk;J;M;03/11/1979\n";
    let crlf = lf.replace('\n', "\r\n");
    let (from_lf, from_crlf) = (
        import::read_csv(lf.as_bytes()).unwrap(),
        import::read_csv(crlf.as_bytes()).unwrap(),
    );
    assert_eq!(from_crlf.headers, from_lf.headers);
    assert_eq!(from_crlf.rows, from_lf.rows);
    assert_eq!(from_crlf.rows[1].cell(1), "Zoë van Wyk");
    let cells = || from_crlf.rows.iter().flat_map(|row| &row.cells);
    assert!(
        cells().all(|cell| !cell.contains('\r')),
        "{:?}",
        from_crlf.rows
    );
}

/// A PDF open in a viewer that does not share it (Acrobat Reader holds its files this way):
/// printing it again is refused in words, and the rest of a batch is printed.
#[cfg(windows)]
#[test]
fn a_document_open_in_another_program_is_named_and_the_batch_goes_on() {
    use std::os::windows::fs::OpenOptionsExt;

    let root = tempfile::tempdir().unwrap();
    let mut store = Store::open(&root.path().join("mentordesk.sqlite3")).unwrap();
    mentordesk_core::sample::create(&mut store, date("2026-11-23")).unwrap();
    let folder = root.path().join("agreements");
    let first = agreement::write_agreements(
        || Ok::<_, mentordesk_core::Error>(&store),
        date("2026-11-23"),
        &folder,
        |_, _, _| {},
    )
    .unwrap();
    let open = &first.printed[0];
    let _viewer = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(open)
        .unwrap();

    let again = agreement::write_agreements(
        || Ok::<_, mentordesk_core::Error>(&store),
        date("2026-11-23"),
        &folder,
        |_, _, _| {},
    )
    .unwrap();
    assert_eq!(again.printed.len(), first.printed.len() - 1);
    assert_eq!(again.failures.len(), 1);
    let message = &again.failures[0].message;
    assert!(
        message.contains("is open in another program") && message.contains("MS-0001"),
        "{message}"
    );
}
