//! The audit pack of a mentorship: one well-formed PDF whose page count is its parts' and
//! cover's, whose index gives the pages each part starts on, whose pages are numbered through,
//! which carries an attached PDF's text and a photo of signed paper at print size, and which
//! never holds a confidential note.

use mentordesk_core::print::audit_pack::{audit_pack, save_audit_pack};
use mentordesk_core::session::Confidential;
use mentordesk_core::signing::Paper;
use mentordesk_core::Store;

use crate::fixtures::{phone_photo, scanned_pdf};
use crate::{check_pdf, date, run, sample_store};

/// The sample's mentorship whose agreement was changed by an addendum.
fn amended(store: &Store) -> i64 {
    store
        .mentorships(&Default::default())
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .find(|id| !store.addenda(*id).unwrap().is_empty())
        .expect("the sample's amended mentorship")
}

fn page_text(pdf: &std::path::Path, page: usize) -> String {
    let p = page.to_string();
    // In the order drawn, so that words drawn over an attached page stay apart from its own.
    run(
        "pdftotext",
        &["-raw", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

#[test]
fn the_pack_joins_every_part_numbers_its_pages_through_and_indexes_them() {
    let (dir, mut store) = sample_store();
    let id = amended(&store);
    let today = date("2026-11-23");
    store
        .attach_copy(Paper::Agreement, id, "scan.pdf", &scanned_pdf(), today)
        .unwrap();
    // A confidential note that must stay out of the pack.
    let mut session = store
        .sessions(id, date("2020-01-01"), today, Confidential::Included)
        .unwrap()
        .remove(0);
    session.confidential_notes = "Spoke about a family illness in confidence.".into();
    store.save_session(&session, today).unwrap();

    let path = dir.path().join("pack.pdf");
    let pack = save_audit_pack(&store, id, today, &path).unwrap();
    check_pdf(&path);
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages, pack.pages);
    assert_eq!(pages, pack.index.iter().map(|l| l.pages).sum::<usize>());

    // The index runs without gaps, and the cover prints it.
    let mut next = 1;
    for line in &pack.index {
        assert_eq!(line.first_page, next, "{}", line.title);
        assert!(line.pages > 0, "{}", line.title);
        next += line.pages;
    }
    let cover = page_text(&path, 1);
    assert!(cover.contains("Audit pack"), "{cover}");
    for line in &pack.index[1..] {
        assert!(
            cover.contains(&line.title),
            "the index lacks {}: {cover}",
            line.title
        );
    }
    let titles: Vec<&str> = pack.index.iter().map(|l| l.title.as_str()).collect();
    for expected in [
        "Mentorship agreement, as amended",
        "Addendum 1",
        "Signatures recorded",
        "Session summary",
        "Audit trail of the mentorship's records",
    ] {
        assert!(titles.iter().any(|t| t.starts_with(expected)), "{titles:?}");
    }

    // Every page, attached ones too, carries its number in the pack.
    for page in 1..=pages {
        let text = page_text(&path, page);
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "page {page}: {text}"
        );
    }
    // Each part starts where the index says: the attached scan's words on its first page, the
    // photo's heading, the agreement's title.
    let part = |prefix: &str| {
        pack.index
            .iter()
            .find(|l| l.title.starts_with(prefix))
            .unwrap_or_else(|| panic!("no part {prefix}: {titles:?}"))
    };
    let scan = part(&format!(
        "Signed copy of MS-{id:04}/AGR, version 2 (scan.pdf)"
    ));
    assert_eq!(scan.pages, 2);
    assert!(
        page_text(&path, scan.first_page).contains("Signed at the regional office in Polokwane")
    );
    let photo = part(&format!("Signed copy of MS-{id:04}/AGR, version 1"));
    assert!(page_text(&path, photo.first_page).contains("Signed copy: Mentorship agreement"));
    let agreement = part("Mentorship agreement, as amended");
    assert!(page_text(&path, agreement.first_page).contains("As amended by Addendum 1"));

    let all = run("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(
        !all.contains("family illness"),
        "a confidential note is in the pack"
    );
    assert!(
        all.contains("confidential_notes: [withheld"),
        "the trail shows the note only as withheld"
    );
}

#[test]
fn a_phone_photo_takes_less_than_300_kb_of_the_pack() {
    let (_dir, mut store) = sample_store();
    let id = amended(&store);
    let today = date("2026-11-23");
    let before = audit_pack(&store, id, today).unwrap();
    let photo = phone_photo();
    assert!(
        photo.len() > 1_000_000,
        "the photo is {} bytes",
        photo.len()
    );
    store
        .attach_copy(Paper::Agreement, id, "IMG_2041.jpg", &photo, today)
        .unwrap();
    let after = audit_pack(&store, id, today).unwrap();
    assert_eq!(after.pages, before.pages + 1);
    let grown = after.bytes.len() - before.bytes.len();
    assert!(grown < 300 * 1024, "the photo's page takes {grown} bytes");
}

#[test]
fn a_pack_ends_with_the_termination_letters_or_the_certificate() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let ended = |status: mentordesk_core::domain::Status| {
        store
            .mentorships(&Default::default())
            .unwrap()
            .into_iter()
            .find(|row| row.status == status)
            .unwrap()
            .id
    };
    for (status, part, words) in [
        (
            mentordesk_core::domain::Status::Terminated,
            "Ending: termination letters",
            "Transfer to another post or office",
        ),
        (
            mentordesk_core::domain::Status::Completed,
            "Ending: certificate of completion",
            "Certificate of completion",
        ),
    ] {
        let id = ended(status);
        let path = dir.path().join(format!("pack-{id}.pdf"));
        let pack = save_audit_pack(&store, id, today, &path).unwrap();
        let line = pack
            .index
            .iter()
            .find(|l| l.title == part)
            .unwrap_or_else(|| panic!("no {part} in {:?}", pack.index));
        let text = page_text(&path, line.first_page);
        assert!(text.contains(words), "{part}: {text}");
    }
    let active = crate::active_mentorships(&store)[0].id;
    let pack = audit_pack(&store, active, today).unwrap();
    assert!(!pack.index.iter().any(|l| l.title.starts_with("Ending")));
}
