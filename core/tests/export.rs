//! Exporting every register to CSV files and to one workbook, read back with real readers:
//! human headers, labels instead of codes, and never a confidential note.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use mentordesk_core::export::{self, Format};
use mentordesk_core::import;

use crate::{date, sample_store};

/// Every confidential note the sample's sessions hold, read straight from the file.
fn confidential_notes(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT confidential_notes FROM session WHERE trim(confidential_notes) <> ''")
        .unwrap();
    let notes: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        notes.len() >= 3,
        "the sample should hold confidential notes"
    );
    notes
}

/// Every cell of every sheet of a workbook, by sheet name.
fn workbook(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let bytes = std::fs::read(path).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Float(f) => f.to_string(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn every_register_goes_to_its_own_csv_with_labels_and_no_confidential_note() {
    let (dir, store) = sample_store();
    let notes = confidential_notes(&dir.path().join("sample.sqlite3"));
    let out = dir.path().join("csv");
    let done = store.export_registers(&out, Format::Csv).unwrap();
    assert_eq!(done.files.len(), done.registers);
    assert!(done.registers >= 15, "{:?}", done.files);
    for file in &done.files {
        let text = std::fs::read_to_string(file).unwrap();
        for note in &notes {
            assert!(
                !text.contains(note.as_str()),
                "{} holds a confidential note",
                file.display()
            );
        }
    }
    let staff = std::fs::read(out.join("staff.csv")).unwrap();
    assert!(
        staff.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(&staff[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Persal number");
    let gender = headers.iter().position(|h| h == "Gender").unwrap();
    let genders: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[gender].to_owned())
        .collect();
    let registered = store.staff_list(&Default::default()).unwrap().len();
    assert_eq!(genders.len(), registered);
    assert!(
        genders.iter().all(|g| g == "Female" || g == "Male"),
        "{genders:?}"
    );
    let sessions = std::fs::read_to_string(out.join("sessions.csv")).unwrap();
    let header = sessions.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("\u{feff}Mentorship,Held on,"),
        "{header}"
    );
    assert!(!header.to_lowercase().contains("confidential"), "{header}");
    assert!(out.join("proteges.csv").is_file());
    assert!(out.join("kpa-allocations.csv").is_file());
    let evaluations = std::fs::read_to_string(out.join("evaluations.csv")).unwrap();
    assert!(
        evaluations.contains("Protégé's mid-point evaluation,")
            && evaluations.contains("How satisfied are you with the mentoring relationship?"),
        "{evaluations}"
    );
}

#[test]
fn one_workbook_holds_a_sheet_per_register_and_no_confidential_note() {
    let (dir, store) = sample_store();
    let notes = confidential_notes(&dir.path().join("sample.sqlite3"));
    let done = store.export_registers(dir.path(), Format::Xlsx).unwrap();
    assert_eq!(
        done.files,
        vec![dir.path().join("mentordesk-registers.xlsx")]
    );
    let sheets = workbook(&done.files[0]);
    assert_eq!(sheets.len(), done.registers);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    for wanted in [
        "Units",
        "Staff",
        "Mentors",
        "Protégés",
        "Mentorships",
        "Sessions",
        "Applications",
    ] {
        assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
    }
    for (name, rows) in &sheets {
        for cell in rows.iter().flatten() {
            assert!(
                !notes.iter().any(|n| cell.contains(n.as_str())),
                "{name} holds a note"
            );
        }
    }
    let (_, mentorships) = sheets.iter().find(|(n, _)| n == "Mentorships").unwrap();
    assert_eq!(mentorships[0][0], "Reference");
    assert_eq!(mentorships[1][0], "MS-0001");
    assert!(mentorships.len() > 8, "header and the sample's mentorships");
}

#[test]
fn the_exported_staff_register_imports_back_unchanged() {
    let (dir, store) = sample_store();
    let out = dir.path().join("csv");
    store.export_registers(&out, Format::Csv).unwrap();
    let table = import::read_file(&out.join("staff.csv")).unwrap();
    let mapping = import::recognise(&table.headers);
    let plan = import::plan(&store, &table, &mapping, date("2026-11-23")).unwrap();
    let registered = store.staff_list(&Default::default()).unwrap().len();
    assert_eq!(plan.unchanged, registered, "{:?}", plan.report());
    assert_eq!(plan.lines.len(), registered);

    let done = store.export_registers(dir.path(), Format::Xlsx).unwrap();
    let table = import::read_file(&done.files[0]).unwrap();
    assert_eq!(
        table.headers[0], "Persal number",
        "the first sheet is what import reads"
    );
}

#[test]
fn csv_files_go_into_a_new_folder_of_the_day_and_a_workbook_beside_the_others() {
    let folder = Path::new("/media/usb");
    assert_eq!(
        Format::Csv.destination(folder, &export::registers_folder(date("2026-11-23"))),
        folder.join("MentorDesk registers 2026-11-23")
    );
    assert_eq!(
        Format::Xlsx.destination(folder, "MentorDesk registers"),
        folder
    );
}
