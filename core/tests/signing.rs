//! The signed paper trail: signatures per block and a document's state, reminders of unsigned
//! documents, signed agreements frozen with changes made through numbered addenda, and the
//! scans of signed paper (content checked, versions kept, carried byte for byte by a backup).

use mentordesk_core::addendum::Request;
use mentordesk_core::attachment::FileKind;
use mentordesk_core::domain::{Frequency, Mentorship, Mode, Purpose, Status};
use mentordesk_core::signing::{Paper, Signable, Signature, Signer, State};
use mentordesk_core::{Error, Rule, Store};

use crate::fixtures::{competency, goal};
use crate::{active_mentorships, date, sample_store, text_of};

fn sign(store: &mut Store, paper: Paper, subject_id: i64, signer: Signer, on: &str) -> Signable {
    store
        .record_signature(
            &Signature {
                paper,
                subject_id,
                signer,
                name: format!("Signed for {}", signer.label()),
                signed_on: date(on),
            },
            date("2026-11-23"),
        )
        .unwrap()
}

fn sign_all(store: &mut Store, paper: Paper, subject_id: i64) -> Signable {
    let doc = store.signable(paper, subject_id).unwrap();
    let mut last = doc;
    for b in last.blocks.clone() {
        last = sign(store, paper, subject_id, b.signer, "2026-11-20");
    }
    last
}

/// An active mentorship of the sample, its agreement's signatures taken back (the sample has
/// every agreement signed but one, which is partly signed).
fn unsigned_mentorship(store: &mut Store) -> i64 {
    let id = active_mentorships(store)[0].id;
    for s in store.signatures(Paper::Agreement, id).unwrap() {
        store
            .remove_signature(Paper::Agreement, id, s.signer)
            .unwrap();
    }
    id
}

#[test]
fn a_document_is_awaiting_then_partly_signed_then_signed() {
    let (_dir, mut store) = sample_store();
    let id = unsigned_mentorship(&mut store);
    let doc = store.signable(Paper::Agreement, id).unwrap();
    assert_eq!(doc.state, State::Awaiting);
    assert_eq!(doc.state_label, "Awaiting signatures");
    let signers: Vec<Signer> = doc.blocks.iter().map(|b| b.signer).collect();
    assert_eq!(signers, Paper::Agreement.signers());

    sign(
        &mut store,
        Paper::Agreement,
        id,
        Signer::Mentor,
        "2026-11-10",
    );
    let doc = sign(
        &mut store,
        Paper::Agreement,
        id,
        Signer::Protege,
        "2026-11-11",
    );
    assert_eq!(
        doc.state,
        State::Partly {
            by: vec![Signer::Mentor, Signer::Protege]
        }
    );
    assert_eq!(doc.state_label, "Partly signed (mentor, protégé)");
    let protege = &doc.blocks[1];
    assert_eq!(
        protege.signed.as_ref().unwrap().signed_on,
        date("2026-11-11")
    );

    let doc = sign_all(&mut store, Paper::Agreement, id);
    assert_eq!(doc.state, State::Signed);
    assert_eq!(doc.state_label, "Signed");

    // A signature recorded in error is taken back; the document is partly signed again.
    let doc = store
        .remove_signature(Paper::Agreement, id, Signer::ProgrammeManager)
        .unwrap();
    assert!(matches!(doc.state, State::Partly { .. }));
}

#[test]
fn a_signature_needs_a_name_a_past_day_and_a_block_of_the_document() {
    let (_dir, mut store) = sample_store();
    let id = unsigned_mentorship(&mut store);
    let mut s = Signature {
        paper: Paper::Agreement,
        subject_id: id,
        signer: Signer::Mentor,
        name: "  ".into(),
        signed_on: date("2026-11-20"),
    };
    let field = |store: &mut Store, s: &Signature| match store
        .record_signature(s, date("2026-11-23"))
        .unwrap_err()
    {
        Error::Invalid { field, .. } => field,
        other => panic!("{other}"),
    };
    assert_eq!(field(&mut store, &s), "name");
    s.name = "Sipho Dlamini".into();
    s.signed_on = date("2026-11-24");
    assert_eq!(field(&mut store, &s), "signed_on");
    s.signed_on = date("2026-11-20");
    s.signer = Signer::OrganisationContact;
    assert_eq!(field(&mut store, &s), "signer");
    assert!(store.signatures(Paper::Agreement, id).unwrap().is_empty());
}

#[test]
fn each_document_has_the_blocks_its_printed_copy_has() {
    let (_dir, store) = sample_store();
    let mut papers = Vec::new();
    for row in store.mentorships(&Default::default()).unwrap() {
        papers.extend(store.mentorship_papers(row.id).unwrap());
    }
    for row in store.mentors("", false).unwrap() {
        papers.extend(store.mentor_papers(row.id).unwrap());
    }
    for o in store.organisations(false).unwrap() {
        if o.agreement_start.is_some() {
            papers.push(
                store
                    .signable(Paper::OrganisationAgreement, o.id.unwrap())
                    .unwrap(),
            );
        }
    }
    let kinds: std::collections::BTreeSet<&str> = papers.iter().map(|p| p.paper.code()).collect();
    assert!(kinds.len() >= 5, "{kinds:?}");
    let today = date("2026-11-23");
    for p in &papers {
        let doc = match p.paper {
            Paper::Agreement => {
                mentordesk_core::print::agreement::agreement(&store, p.subject_id, today)
            }
            Paper::Addendum => {
                mentordesk_core::print::addendum::addendum(&store, p.subject_id, today)
            }
            Paper::KpaAllocation => {
                mentordesk_core::print::kpa_allocation::kpa_allocation(&store, p.subject_id, today)
            }
            Paper::MentorContract => mentordesk_core::print::mentor_contract::mentor_contract(
                &store,
                p.subject_id,
                today,
            ),
            Paper::OrganisationAgreement => {
                mentordesk_core::print::organisation_agreement::organisation_agreement(
                    &store,
                    p.subject_id,
                    today,
                )
            }
            Paper::ProgressReport => {
                let (mentorship_id, period) = report_of(&store, p.subject_id);
                mentordesk_core::print::progress_report::progress_report(
                    &store,
                    mentorship_id,
                    &period,
                    mentordesk_core::session::Confidential::LeftOut,
                    today,
                )
            }
        }
        .unwrap();
        assert_eq!(doc.reference, p.reference, "{}", p.title);
        let printed: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                mentordesk_core::document::Block::Signatures(s) => Some(s),
                _ => None,
            })
            .flatten()
            .map(|s| s.name.clone())
            .collect();
        let recorded: Vec<String> = p.blocks.iter().map(|b| b.printed_name.clone()).collect();
        assert_eq!(printed, recorded, "{}", p.title);
    }
}

/// The mentorship and period of a written progress report.
fn report_of(store: &Store, report_id: i64) -> (i64, mentordesk_core::progress::Period) {
    for row in store.mentorships(&Default::default()).unwrap() {
        for e in store.report_entries(row.id).unwrap() {
            if e.id == Some(report_id) {
                return (row.id, e.period());
            }
        }
    }
    panic!("no report {report_id}")
}

#[test]
fn today_lists_documents_unsigned_past_the_reminder_and_stops_once_signed() {
    let (_dir, mut store) = sample_store();
    let id = unsigned_mentorship(&mut store);
    let start = store.mentorship(id).unwrap().start_date;
    let listed = |store: &Store, today| {
        store
            .unsigned_papers(today)
            .unwrap()
            .into_iter()
            .any(|u| u.document.paper == Paper::Agreement && u.document.subject_id == id)
    };
    // Thirteen days after its start it is not chased yet; fourteen days after, it is.
    assert!(!listed(&store, start + chrono::Days::new(13)));
    assert!(listed(&store, start + chrono::Days::new(14)));
    let day = start + chrono::Days::new(20);
    let line = store
        .dashboard(day)
        .unwrap()
        .into_iter()
        .find(|a| {
            a.about
                .starts_with(&format!("{}/AGR", Mentorship::reference(id)))
        })
        .expect("the agreement's line on Today");
    assert_eq!(line.mentorship_id, Some(id));
    assert!(
        line.text.starts_with("Awaiting signatures; waiting for the mentor, the protégé, the programme manager and the protégé's line manager since"),
        "{}",
        line.text
    );
    assert!(line.text.ends_with("(20 days)."), "{}", line.text);

    // The setting moves the day.
    let mut settings = store.settings().unwrap();
    settings.signature_reminder_days = 30;
    store.save_settings(&settings).unwrap();
    assert!(!listed(&store, day));

    sign_all(&mut store, Paper::Agreement, id);
    assert!(!listed(&store, start + chrono::Days::new(60)));
}

/// A sample mentorship whose agreement everyone has signed.
fn signed_mentorship(store: &mut Store) -> (i64, Mentorship) {
    let id = unsigned_mentorship(store);
    sign(store, Paper::Agreement, id, Signer::Mentor, "2026-11-20");
    (id, store.mentorship(id).unwrap())
}

/// A change made to a mentorship's terms.
type Edit = Box<dyn Fn(&mut Mentorship)>;

#[test]
fn a_signed_agreement_refuses_every_change_of_its_terms_in_place() {
    let (_dir, mut store) = sample_store();
    let (_, m) = signed_mentorship(&mut store);
    let changes: Vec<(&str, Edit)> = vec![
        (
            "start_date",
            Box::new(|m| m.start_date = m.start_date - chrono::Days::new(1)),
        ),
        (
            "end_date",
            Box::new(|m| m.end_date = m.end_date + chrono::Days::new(30)),
        ),
        (
            "purpose",
            Box::new(|m| {
                m.purpose = if m.purpose == Purpose::CareerDevelopment {
                    Purpose::SkillsTransfer
                } else {
                    Purpose::CareerDevelopment
                }
            }),
        ),
        (
            "frequency",
            Box::new(|m| {
                m.mode = if m.mode == Mode::Telephone {
                    Mode::FaceToFace
                } else {
                    Mode::Telephone
                }
            }),
        ),
        (
            "frequency",
            Box::new(|m| {
                m.frequency = if m.frequency == Frequency::Weekly {
                    Frequency::Monthly
                } else {
                    Frequency::Weekly
                }
            }),
        ),
        ("frequency", Box::new(|m| m.meeting_minutes += 15)),
        (
            "frequency",
            Box::new(|m| m.meeting_place = "Another boardroom".into()),
        ),
        (
            "goals",
            Box::new(|m| m.goals.push(goal("Lead the unit's budget submission"))),
        ),
        (
            "goals",
            Box::new(|m| m.goals[0].description.push_str(" by March")),
        ),
        (
            "goals",
            Box::new(|m| m.goals[0].measure = "Another measure".into()),
        ),
        (
            "competencies",
            Box::new(|m| m.competencies.push(competency("Negotiation", 2, 4))),
        ),
    ];
    for (field, change) in changes {
        let mut edited = m.clone();
        change(&mut edited);
        match store.save_mentorship(&edited).unwrap_err() {
            Error::Refused {
                rule: Rule::SignedAgreement,
                field: refused,
                message,
            } => {
                assert_eq!(refused, field);
                assert!(message.contains("Make an addendum"), "{message}");
                assert!(message.contains("signed (by the mentor)"), "{message}");
            }
            other => panic!("{field}: {other}"),
        }
    }
    assert_eq!(store.mentorship(m.id.unwrap()).unwrap(), m);

    // Goals' progress and the status are the record of how it goes, not terms.
    let mut going = m.clone();
    going.goals[0].progress = 60;
    going.goals[0].status = mentordesk_core::domain::GoalStatus::InProgress;
    store.save_mentorship(&going).unwrap();
    going.status = Status::Completed;
    store.save_mentorship(&going).unwrap();
}

#[test]
fn an_addendum_changes_a_signed_agreement_and_is_numbered() {
    let (dir, mut store) = sample_store();
    let (id, m) = signed_mentorship(&mut store);
    let today = date("2026-11-23");
    let mut amended = m.clone();
    // The mentor's appointment ends with the mentorship, so the period can only be shortened.
    amended.end_date = m.end_date - chrono::Days::new(30);
    amended.goals.push(goal(
        "Present the unit's quarterly report to the directorate",
    ));
    let first = store
        .make_addendum(
            &Request {
                mentorship: amended.clone(),
                reason: "The protégé was on study leave for six weeks.".into(),
                made_on: today,
            },
            today,
        )
        .unwrap();
    assert_eq!(first.number, 1);
    assert_eq!(
        first.reference(),
        format!("{}/ADD1", Mentorship::reference(id))
    );
    let n = amended.goals.len();
    assert_eq!(
        first.changes,
        vec![
            format!(
                "the period now ends on {}",
                mentordesk_core::document::long_date(amended.end_date)
            ),
            format!(
                "goal {n} added: Present the unit's quarterly report to the directorate \
                 (measured by: Measure of Present the unit's quarterly report to the directorate)"
            ),
        ]
    );
    assert!(first.summary().starts_with(&format!(
        "Addendum 1 to {}: the period now ends on",
        Mentorship::reference(id)
    )));
    // The record reads as amended.
    assert_eq!(store.mentorship(id).unwrap().end_date, amended.end_date);

    // The next is number 2; an addendum that changes nothing, or gives no reason, is refused.
    let mut again = amended.clone();
    again.frequency = if again.frequency == Frequency::Weekly {
        Frequency::Fortnightly
    } else {
        Frequency::Weekly
    };
    let second = store
        .make_addendum(
            &Request {
                mentorship: again.clone(),
                reason: "The pair asked to meet more often.".into(),
                made_on: today,
            },
            today,
        )
        .unwrap();
    assert_eq!(second.number, 2);
    let refused = |store: &mut Store, r: Request| match store.make_addendum(&r, today).unwrap_err()
    {
        Error::Invalid { field, .. } => field,
        other => panic!("{other}"),
    };
    assert_eq!(
        refused(
            &mut store,
            Request {
                mentorship: again.clone(),
                reason: "Nothing".into(),
                made_on: today
            }
        ),
        "end_date"
    );
    let mut later = again.clone();
    later.meeting_minutes += 30;
    assert_eq!(
        refused(
            &mut store,
            Request {
                mentorship: later.clone(),
                reason: " ".into(),
                made_on: today
            }
        ),
        "reason"
    );
    let mut other_mentor = later.clone();
    other_mentor.mentor_id += 1;
    assert_eq!(
        refused(
            &mut store,
            Request {
                mentorship: other_mentor,
                reason: "New mentor".into(),
                made_on: today
            }
        ),
        "mentor_id"
    );
    assert_eq!(store.addenda(id).unwrap().len(), 2);

    // The addendum prints its changes with the agreement's blocks; the agreement says it is
    // amended.
    let pdf = mentordesk_core::print::addendum::write_addendum(&store, first.id, today, dir.path())
        .unwrap();
    crate::check_pdf(&pdf);
    let text = text_of(&pdf);
    assert!(
        text.contains("Addendum 1 to the mentorship agreement"),
        "{text}"
    );
    assert!(text.contains("The period now ends on"), "{text}");
    assert!(
        text.contains("The protégé was on study leave for six weeks."),
        "{text}"
    );
    assert!(text.contains("Protégé's line manager"), "{text}");
    let agreement = mentordesk_core::print::agreement::agreement(&store, id, today).unwrap();
    assert!(
        agreement.plain_text().contains(
            "As amended by Addendum 1 of 23 November 2026, Addendum 2 of 23 November 2026"
        ),
        "{}",
        agreement.plain_text()
    );
    // The addendum is a document of its own to sign.
    let papers = store.mentorship_papers(id).unwrap();
    assert_eq!(
        papers.iter().filter(|p| p.paper == Paper::Addendum).count(),
        2
    );
}

/// A small PNG made here, as a phone photo would arrive.
fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn signed_copies_are_checked_by_content_and_kept_as_versions() {
    let (dir, mut store) = sample_store();
    let id = unsigned_mentorship(&mut store);
    let today = date("2026-11-23");
    let photo = png(40, 30);
    let first = store
        .attach_copy(Paper::Agreement, id, "agreement-signed.png", &photo, today)
        .unwrap();
    assert_eq!((first.version, first.kind), (1, FileKind::Png));
    assert_eq!(first.size, photo.len() as u64);
    assert_eq!(first.sha256, mentordesk_core::attachment::sha256(&photo));

    // A PDF named .jpg is taken as the PDF it is; the first copy is kept beside it.
    let scan_pdf =
        mentordesk_core::print::agreement::write_agreement(&store, id, today, dir.path()).unwrap();
    let scan = std::fs::read(&scan_pdf).unwrap();
    let second = store
        .attach_copy(Paper::Agreement, id, "scan.jpg", &scan, today)
        .unwrap();
    assert_eq!((second.version, second.kind), (2, FileKind::Pdf));
    let copies = store.copies(Paper::Agreement, id).unwrap();
    assert_eq!(
        copies.iter().map(|c| c.version).collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert_eq!(store.copy_file(first.id).unwrap().bytes, photo);

    // Refused in words, nothing written: a renamed text file, an empty file, a damaged PDF, a
    // cut-short PNG.
    let refusals: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "minutes.pdf",
            b"Minutes of the meeting".to_vec(),
            "is not a PDF, JPEG or PNG file",
        ),
        ("empty.pdf", Vec::new(), "is empty"),
        (
            "damaged.pdf",
            scan[..scan.len() / 3].to_vec(),
            "looks like a PDF document but cannot be read",
        ),
        (
            "cut.png",
            photo[..photo.len() / 2].to_vec(),
            "looks like a PNG image but cannot be read",
        ),
    ];
    for (name, bytes, says) in refusals {
        match store
            .attach_copy(Paper::Agreement, id, name, &bytes, today)
            .unwrap_err()
        {
            Error::Invalid {
                field: "file",
                message,
            } => {
                assert!(message.starts_with(name), "{message}");
                assert!(message.contains(says), "{message}");
            }
            other => panic!("{name}: {other}"),
        }
    }
    assert_eq!(store.copies(Paper::Agreement, id).unwrap().len(), 2);

    // A file over the limit is refused before it is read: a sparse 200 MB file.
    let big = dir.path().join("huge-scan.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    match store
        .attach_file(Paper::Agreement, id, &big, today)
        .unwrap_err()
    {
        Error::Invalid {
            field: "file",
            message,
        } => {
            assert!(
                message.contains("huge-scan.pdf is 200.0 MB; a signed copy may be at most 20 MB"),
                "{message}"
            )
        }
        other => panic!("{other}"),
    }
    assert_eq!(store.copies(Paper::Agreement, id).unwrap().len(), 2);

    // Opened from a file written for the viewer, named after the document and version.
    let opened = store
        .write_copy(first.id, &dir.path().join("signed copies"))
        .unwrap();
    assert!(opened.ends_with(format!("{}-AGR-signed-v1.png", Mentorship::reference(id))));
    assert_eq!(std::fs::read(&opened).unwrap(), photo);
}

#[test]
fn a_backup_carries_signed_copies_byte_for_byte_and_the_trail_gives_only_their_size() {
    let (dir, mut store) = sample_store();
    let id = unsigned_mentorship(&mut store);
    let today = date("2026-11-23");
    let photo = png(64, 48);
    let copy = store
        .attach_copy(Paper::Agreement, id, "photo.png", &photo, today)
        .unwrap();
    sign(
        &mut store,
        Paper::Agreement,
        id,
        Signer::Mentor,
        "2026-11-20",
    );
    let backup = dir.path().join("backup.sqlite3");
    store.backup_to(&backup).unwrap();

    // Another copy after the backup; the restore brings back exactly what the backup held.
    store
        .attach_copy(Paper::Agreement, id, "later.png", &png(8, 8), today)
        .unwrap();
    store
        .restore_from(&backup, None, date("2026-11-24"))
        .unwrap();
    let copies = store.copies(Paper::Agreement, id).unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(store.copy_file(copy.id).unwrap().bytes, photo);
    assert_eq!(store.signatures(Paper::Agreement, id).unwrap().len(), 1);

    let line = store
        .audit_entries(&Default::default())
        .unwrap()
        .into_iter()
        .find(|e| e.table_name == "attachment")
        .expect("the attachment's audit line");
    let after = line.after.unwrap_or_default();
    assert!(
        after.contains(&format!("[file: {} bytes]", photo.len())),
        "{after}"
    );
    assert!(after.contains(&copy.sha256), "{after}");
}
