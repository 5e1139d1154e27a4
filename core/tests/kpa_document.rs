//! The KPA allocations of the sample programme, printed and read back with poppler and qpdf.
//! The helpers here (`run`, `text_of`, `sample_store`, `check_pdf`) serve `contracts` too.

use std::path::Path;

use mentordesk_core::document::long_date;
use mentordesk_core::domain::{Mentor, Mentorship};
use mentordesk_core::kpa::AllocationStatus;
use mentordesk_core::print::kpa_allocation::{self as document, KpaFacts, CLAUSES};
use mentordesk_core::store::{AllocationQuery, AllocationRow, StaffQuery};
use mentordesk_core::Store;

use crate::{check_pdf, date, fixtures, run, sample_store, text_of};

/// Asserts that every one of `expected` is in `text`, naming the document when one is not.
/// The model's plain text writes a field as "Label: value" where the page prints the label in
/// bold without a colon, so colons before a space are ignored on both sides.
pub fn expect_all(what: &str, text: &str, expected: &[&str]) {
    let text = text.replace(": ", " ");
    for e in expected {
        assert!(
            text.contains(&e.replace(": ", " ")),
            "{what}: no {e:?} in:\n{text}"
        );
    }
}

/// Registers Kagiso Molefe, a staff member of the sample, as a mentor with no appointment
/// and no KPA allocation, and returns the mentor's id.
pub fn unappointed_mentor(store: &mut Store) -> i64 {
    let staff = store
        .staff_list(&StaffQuery {
            text: "Kagiso Molefe".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .save_mentor(&Mentor {
            training_course: String::new(),
            training_provider: String::new(),
            training_completed_on: None,
            training_certificate: String::new(),
            appointment_start: None,
            appointment_end: None,
            ..fixtures::mentor(staff[0].id)
        })
        .unwrap()
}

/// Every version of the sample's allocations for the cycle of 23 November 2026, by mentor
/// name and version.
fn allocation(store: &Store, mentor: &str, version: u32) -> AllocationRow {
    store
        .kpa_allocations(&AllocationQuery {
            text: mentor.into(),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|row| row.version == version)
        .unwrap_or_else(|| panic!("{mentor} has no version {version}"))
}

#[test]
fn every_latest_sample_allocation_prints_mentor_cycle_kpas_workload_and_signatures() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let cycle = store.cycle_containing(today).unwrap().unwrap();
    let batch = document::cycle_allocations(&store, cycle.id.unwrap()).unwrap();
    assert_eq!(batch.latest.len(), 5);
    assert!(batch.without_allocation.is_empty(), "{batch:?}");
    for row in &batch.latest {
        let f = KpaFacts::load(&store, row.id).unwrap();
        let model = document::build(&f, today).plain_text();
        let path = document::write_kpa_allocation(&store, row.id, today, dir.path()).unwrap();
        let pdf = text_of(&path);
        for text in [&model, &pdf] {
            let reference = document::reference(row.mentor_id, "2026/27", row.version);
            let persal = f.mentor.persal.clone().unwrap();
            let designation = f.mentor.designation.clone();
            let mut expected = vec![
                "KPA allocation",
                reference.as_str(),
                f.mentor.name.as_str(),
                persal.as_str(),
                designation.as_str(),
                f.mentor.unit.as_str(),
                "2026/27",
                "1 April 2026 to 31 March 2027",
                "First quarterly feedback",
                "30 June 2026",
                "Written mid-cycle review",
                "30 September 2026",
                "Third quarterly feedback",
                "31 December 2026",
                "Written annual assessment",
                "30 April 2027",
                "Performance indicators and targets",
                "Total",
                "100%",
                "earns no additional remuneration",
                "Share of working time",
                "of 173 working hours a month",
                "Mentor",
                "Line manager",
                "Programme manager",
                "Refilwe Mokoena",
                "23 November 2026",
            ];
            expected.extend(CLAUSES);
            let kpas: Vec<String> = f
                .allocation
                .kpas
                .iter()
                .flat_map(|k| [k.title.clone(), format!("{}%", k.weight)])
                .collect();
            expected.extend(kpas.iter().map(String::as_str));
            let lines: Vec<String> = f
                .workload
                .lines
                .iter()
                .flat_map(|l| [l.protege.clone(), Mentorship::reference(l.mentorship_id)])
                .collect();
            expected.extend(lines.iter().map(String::as_str));
            let manager = f.line_manager.clone().unwrap();
            expected.push(&manager);
            expect_all(&reference, text, &expected);
        }
        check_pdf(&path);
    }
}

#[test]
fn the_mentoring_kpa_shows_protegees_months_hours_and_share_of_working_time() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    // Zoë mentors Mpho from 14 September and Ntombi from 5 October 2026, both to 14 August
    // 2027: 6.57 and 5.87 months of the cycle at 2 + 1 hours a month each.
    let row = allocation(&store, "Zoë", 2);
    assert_eq!(row.status, AllocationStatus::Final);
    let path = document::write_kpa_allocation(&store, row.id, today, dir.path()).unwrap();
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        "MT-0001-KPA-2026-27-v2.pdf"
    );
    let model = document::kpa_allocation(&store, row.id, today)
        .unwrap()
        .plain_text();
    for text in [model, text_of(&path)] {
        expect_all(
            "Zoë's version 2",
            &text,
            &[
                "MT-0001/KPA/2026-27/v2",
                "Zoë van der Merwe",
                "Nomvula Dlamini-Müller",
                "Deputy Director: Skills Development",
                "Human Resource Development",
                "Mpho Maluleke",
                "Ntombi Xaba",
                "14 September 2026 to 14 August 2027",
                "6.57",
                "5.87",
                "2 hours mentoring + 1 hour preparation = 3 hours a month",
                "3.11 hours, averaged over the cycle's 12 months",
                "1.8% of 173 working hours a month",
                "weighs 10%",
                "Mentoring is part of Zoë van der Merwe's key performance areas and earns no additional remuneration",
                "Agreed after changes",
                "Weights moved after the mid-cycle review",
                "Finalised on: 23 November 2026",
                "Status: Final: this version applies for the 2026/27 cycle",
                "each KPA weighs between 10% and 30%",
            ],
        );
        assert!(!text.contains("DRAFT"), "{text}");
        assert!(!text.contains("SUPERSEDED"), "{text}");
    }
}

#[test]
fn a_draft_says_plainly_that_it_is_not_yet_final() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let row = allocation(&store, "Thabo", 1);
    assert_eq!(row.status, AllocationStatus::Draft);
    let model = document::kpa_allocation(&store, row.id, today)
        .unwrap()
        .plain_text();
    let path = document::write_kpa_allocation(&store, row.id, today, dir.path()).unwrap();
    for text in [model, text_of(&path)] {
        expect_all(
            "Thabo's draft",
            &text,
            &[
                "DRAFT: version 1 is a draft and not yet final",
                "Status: Draft, not yet final",
                "Consulted on: Not yet consulted",
                "Outcome: Not yet recorded",
                "sign only the final version",
                "Thabo Ndlovu",
                "Busisiwe Zulu",
                "Johan Botha",
            ],
        );
        assert!(!text.contains("Finalised on"), "{text}");
    }
}

#[test]
fn a_superseded_version_names_the_version_that_replaced_it() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let row = allocation(&store, "Zoë", 1);
    assert_eq!(row.status, AllocationStatus::Superseded);
    let model = document::kpa_allocation(&store, row.id, today)
        .unwrap()
        .plain_text();
    let path = document::write_kpa_allocation(&store, row.id, today, dir.path()).unwrap();
    assert!(path.ends_with("MT-0001-KPA-2026-27-v1.pdf"), "{path:?}");
    for text in [model, text_of(&path)] {
        expect_all(
            "Zoë's version 1",
            &text,
            &[
                "SUPERSEDED: version 1 was replaced by version 2, finalised on 23 November 2026",
                "This version no longer applies",
                "Status: Superseded: version 1 was replaced by version 2",
                "Outcome: Agreed",
                "30%",
                "25%",
            ],
        );
    }
}

#[test]
fn a_batch_of_a_cycle_names_the_internal_mentors_without_an_allocation() {
    let (_dir, mut store) = sample_store();
    let today = date("2026-11-23");
    let kagiso = unappointed_mentor(&mut store);
    let cycle = store.cycle_containing(today).unwrap().unwrap();
    let batch = document::cycle_allocations(&store, cycle.id.unwrap()).unwrap();
    assert_eq!(batch.without_allocation, ["Kagiso Molefe"]);
    assert!(batch.latest.iter().all(|row| row.mentor_id != kagiso));
    // The external mentor has no KPAs and is never listed as missing an allocation.
    assert!(!batch
        .without_allocation
        .iter()
        .any(|name| name.contains("Sibiya-Jansen")));
    let versions: Vec<(String, u32)> = batch
        .latest
        .iter()
        .map(|row| (row.mentor.clone(), row.version))
        .collect();
    assert!(
        versions.contains(&("Zoë van der Merwe".into(), 2)),
        "{versions:?}"
    );
    assert_eq!(store.cycle_containing(date("2031-01-01")).unwrap(), None);
}

/// How many pages a PDF has, as poppler counts them.
fn pages(pdf: &Path) -> usize {
    run("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives a page count")
}

#[test]
fn every_version_of_the_sample_fits_on_two_pages_with_its_signatures_together() {
    let (dir, store) = sample_store();
    let rows = store.kpa_allocations(&AllocationQuery::default()).unwrap();
    assert_eq!(rows.len(), 6);
    for row in rows {
        let path =
            document::write_kpa_allocation(&store, row.id, date("2026-11-23"), dir.path()).unwrap();
        assert_eq!(pages(&path), 2, "{path:?}");
        let last_page = run(
            "pdftotext",
            &["-f", "2", "-l", "2", path.to_str().unwrap(), "-"],
        );
        for role in ["Mentor", "Line manager", "Programme manager"] {
            assert!(last_page.contains(role), "{path:?}: {role} not on page 2");
        }
    }
}

#[test]
fn the_review_dates_printed_are_the_cycles_own() {
    let (_dir, store) = sample_store();
    let row = allocation(&store, "Sipho", 1);
    let f = KpaFacts::load(&store, row.id).unwrap();
    let text = document::build(&f, date("2026-11-23")).plain_text();
    for (label, day) in f.cycle.reviews() {
        assert!(
            text.contains(&format!("{label}: {}", long_date(day))),
            "{text}"
        );
    }
}

#[test]
fn a_cycles_allocations_print_alike_on_one_thread_and_on_every_core() {
    let (dir, store) = sample_store();
    let cycle = store.cycle_containing(date("2026-11-23")).unwrap().unwrap();
    let rows = document::cycle_allocations(&store, cycle.id.unwrap())
        .unwrap()
        .latest;
    assert!(rows.len() > 1);
    // Shared behind a lock, as the window shares it, so that a pool's thread may ask for it.
    let store = std::sync::Mutex::new(store);
    let print = |folder: &Path| {
        let mut done = Vec::new();
        let batch = document::write_kpa_allocations(
            || Ok::<_, mentordesk_core::Error>(store.lock().unwrap()),
            &rows,
            date("2026-11-23"),
            folder,
            |n, total, _| done.push((n, total)),
        )
        .unwrap();
        assert!(batch.failures.is_empty(), "{:?}", batch.failures);
        assert_eq!(
            done,
            (1..=rows.len())
                .map(|n| (n, rows.len()))
                .collect::<Vec<_>>()
        );
        let names: Vec<_> = batch
            .printed
            .iter()
            .map(|p| {
                assert!(std::fs::read(p).unwrap().starts_with(b"%PDF-"));
                p.file_name().unwrap().to_owned()
            })
            .collect();
        names
    };
    // On a pool of one thread, the thread reading the facts must also print every document.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| print(&dir.path().join("one thread")));
    let all = print(&dir.path().join("all cores"));
    assert_eq!(one, all);
    assert_eq!(one.len(), rows.len());
}
