//! The store with a real SQLite file: round trips, search, archiving, the rules at save time and
//! all-or-nothing writes.

use mentordesk_core::domain::*;
use mentordesk_core::store::{MentorshipQuery, Register, StaffQuery};
use mentordesk_core::{sample, Error, Rule, Store};

use crate::{date, fixtures};

fn today() -> chrono::NaiveDate {
    date("2026-11-23")
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("programme.sqlite3")).expect("open store");
    (dir, store)
}

fn sample_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_store();
    sample::create(&mut store, today()).expect("sample programme");
    (dir, store)
}

/// A staff member with every date and the e-mail address filled, so a round trip covers them.
fn person(persal: &str, first_names: &str, surname: &str) -> Staff {
    Staff {
        persal: persal.into(),
        first_names: first_names.into(),
        surname: surname.into(),
        public_service_start: Some(date("2008-01-15")),
        unit_start: Some(date("2015-07-01")),
        email: "zoe@example.gov.za".into(),
        ..fixtures::staff(0)
    }
}

fn field_of(err: Error) -> (String, String) {
    (err.field().unwrap_or("").to_owned(), err.to_string())
}

#[test]
fn a_staff_member_with_an_accented_name_survives_a_round_trip() {
    let (_dir, mut store) = new_store();
    let staff = person("12345678", "Zoë", "van der Merwe");
    let id = store.save_staff(&staff, today()).unwrap();
    let back = store.staff(id).unwrap();
    assert_eq!(
        back,
        Staff {
            id: Some(id),
            ..staff
        }
    );
}

#[test]
fn a_reopened_file_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.sqlite3");
    let id = Store::open(&path)
        .unwrap()
        .save_staff(&person("12345678", "Pieter", "O'Neill"), today())
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.staff(id).unwrap().surname, "O'Neill");
}

#[test]
fn a_persal_number_is_unique_and_the_error_names_the_holder() {
    let (_dir, mut store) = new_store();
    store
        .save_staff(&person("12345678", "Zoë", "van der Merwe"), today())
        .unwrap();
    let err = store
        .save_staff(&person("12345678", "Pieter", "O'Neill"), today())
        .unwrap_err();
    let (field, message) = field_of(err);
    assert_eq!(field, "persal");
    assert_eq!(
        message,
        "Persal number 12345678 already belongs to Zoë van der Merwe."
    );
}

#[test]
fn a_persal_number_with_letters_is_refused_with_the_field_named() {
    let (_dir, mut store) = new_store();
    let (field, message) = field_of(
        store
            .save_staff(&person("12A45", "Zoë", "Botha"), today())
            .unwrap_err(),
    );
    assert_eq!(field, "persal");
    assert!(message.contains("6 to 10 digits"), "{message}");
}

#[test]
fn search_ignores_accents_and_case_and_finds_persal_numbers() {
    let (_dir, store) = sample_store();
    let find = |text: &str| {
        store
            .staff_list(&StaffQuery {
                text: text.into(),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(find("zoe van"), ["Zoë van der Merwe"]);
    assert_eq!(find("MULLER"), ["Nomvula Dlamini-Müller"]);
    assert_eq!(find("o'neill"), ["Pieter O'Neill"]);
    assert_eq!(find("21004310"), ["Nomvula Dlamini-Müller"]);
    assert_eq!(find("").len(), 36);
    assert!(find("100%").is_empty());
}

#[test]
fn an_archived_record_leaves_the_list_and_comes_back_when_restored() {
    let (_dir, mut store) = sample_store();
    let zoe = store
        .staff_list(&StaffQuery {
            text: "zoë".into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    store.set_archived(Register::Staff, zoe, true).unwrap();
    assert_eq!(store.staff_list(&StaffQuery::default()).unwrap().len(), 35);
    let all = store
        .staff_list(&StaffQuery {
            include_archived: true,
            ..Default::default()
        })
        .unwrap();
    assert!(all.iter().any(|r| r.id == zoe && r.archived));
    store.set_archived(Register::Staff, zoe, false).unwrap();
    assert_eq!(store.staff_list(&StaffQuery::default()).unwrap().len(), 36);
    assert_eq!(
        store
            .set_archived(Register::Staff, 9999, true)
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn the_sample_programme_has_every_kind_of_record() {
    let (_dir, store) = sample_store();
    assert_eq!(store.units(false).unwrap().len(), 5);
    let mentors = store.mentors("", false).unwrap();
    assert_eq!(mentors.len(), 6);
    assert_eq!(
        mentors.iter().filter(|m| m.organisation.is_some()).count(),
        1
    );
    let proteges = store.proteges("", None, false).unwrap();
    assert_eq!(
        proteges.len(),
        19,
        "ten paired, six in the intake, three whose pairs ended (two completed, one terminated)"
    );
    for kind in ProtegeKind::ALL {
        assert!(
            proteges.iter().any(|p| p.kind == *kind),
            "no {kind:?} in the sample"
        );
    }
    assert_eq!(
        store
            .mentorships(&MentorshipQuery::default())
            .unwrap()
            .len(),
        11,
        "eight under way or in draft, two completed and one terminated"
    );
}

#[test]
fn the_sample_is_refused_when_the_register_is_not_empty() {
    let (_dir, mut store) = sample_store();
    assert_eq!(
        sample::create(&mut store, today()).unwrap_err().field(),
        Some("sample")
    );
}

#[test]
fn a_mentorship_survives_a_round_trip_with_its_goals_and_competencies() {
    let (_dir, mut store) = sample_store();
    // The draft's agreement is not signed yet, so its terms may still change in place.
    let first = store
        .mentorships(&MentorshipQuery::default())
        .unwrap()
        .into_iter()
        .find(|r| r.status == mentordesk_core::domain::Status::Draft)
        .unwrap()
        .id;
    let mut m = store.mentorship(first).unwrap();
    m.goals.push(Goal {
        due_on: Some(date("2027-01-15")),
        ..fixtures::goal("Present to the executive")
    });
    m.competencies = vec![fixtures::competency("Presenting", 2, 4)];
    store.save_mentorship(&m).unwrap();
    assert_eq!(store.mentorship(first).unwrap(), m);
}

/// A mentorship for `mentor` and `protege` in the sample's current period.
fn pairing(store: &Store, mentor: i64, protege: i64) -> Mentorship {
    let mut m = store
        .mentorship(store.mentorships(&MentorshipQuery::default()).unwrap()[0].id)
        .unwrap();
    m.id = None;
    m.mentor_id = mentor;
    m.protege_id = protege;
    // Within the mentor's appointment, as the rules require.
    if let Some(end) = store.mentor(mentor).unwrap().appointment_end {
        m.end_date = m.end_date.min(end);
    }
    m
}

fn mentor_named(store: &Store, name: &str) -> i64 {
    store.mentors(name, false).unwrap()[0].id
}

fn protege_named(store: &Store, name: &str) -> i64 {
    store.proteges(name, None, false).unwrap()[0].id
}

/// Registers the sample's staff member `name` as an applicant protégé.
fn new_protege(store: &mut Store, name: &str) -> i64 {
    let staff_id = store
        .staff_list(&StaffQuery {
            text: name.into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    store
        .save_protege(&Protege::new(
            staff_id,
            ProtegeKind::Applicant,
            "Report writing",
        ))
        .unwrap()
}

#[test]
fn the_store_refuses_a_fifth_protege_and_accepts_it_with_an_override() {
    let (_dir, mut store) = sample_store();
    let zoe = mentor_named(&store, "Zoë");
    // Zoë mentors two in the sample; two more fill her capacity of four.
    for name in ["Kagiso", "Fatima"] {
        let protege = new_protege(&mut store, name);
        store
            .save_mentorship(&pairing(&store, zoe, protege))
            .unwrap();
    }
    let themba = new_protege(&mut store, "Themba");
    let mut fifth = pairing(&store, zoe, themba);
    let err = store.save_mentorship(&fifth).unwrap_err();
    assert_eq!(err.code(), Rule::Capacity.code());
    assert_eq!(err.field(), Some("mentor_id"));
    assert!(err.to_string().contains("already has 4 protégés"), "{err}");
    fifth.capacity_override_reason = "Only mentor with this skill".into();
    store.save_mentorship(&fifth).unwrap();
}

#[test]
fn the_store_finds_the_line_manager_through_the_unit() {
    let (_dir, mut store) = sample_store();
    // Nomvula manages Human Resource Development, where Precious works; Nokuthula is in ICT.
    let nomvula_staff = store
        .staff_list(&StaffQuery {
            text: "Nomvula".into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    let mentor = store.mentor(mentor_named(&store, "Zoë")).unwrap();
    let nomvula = store
        .save_mentor(&Mentor {
            id: None,
            staff_id: Some(nomvula_staff),
            ..mentor
        })
        .unwrap();
    let nokuthula = new_protege(&mut store, "Nokuthula");
    store
        .save_mentorship(&pairing(&store, nomvula, nokuthula))
        .unwrap();
    let precious = new_protege(&mut store, "Precious");
    let err = store
        .save_mentorship(&pairing(&store, nomvula, precious))
        .unwrap_err();
    assert_eq!(err.code(), Rule::LineManager.code(), "{err}");
    assert!(
        err.to_string()
            .starts_with("Nomvula Dlamini-Müller is Precious Baloyi's line manager"),
        "{err}"
    );
}

#[test]
fn the_store_refuses_a_second_mentorship_for_a_protege() {
    let (_dir, mut store) = sample_store();
    let andiswa = protege_named(&store, "Andiswa");
    let err = store
        .save_mentorship(&pairing(&store, mentor_named(&store, "Ayesha"), andiswa))
        .unwrap_err();
    assert_eq!(err.code(), Rule::ProtegeAlreadyMentored.code());
    assert_eq!(err.field(), Some("protege_id"));
}

#[test]
fn a_completed_mentorship_no_longer_counts_against_the_rules() {
    let (_dir, mut store) = sample_store();
    let andiswa = protege_named(&store, "Andiswa");
    let current = store
        .mentorships(&MentorshipQuery {
            text: "Andiswa".into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    let mut done = store.mentorship(current).unwrap();
    done.status = Status::Completed;
    store.save_mentorship(&done).unwrap();
    store
        .save_mentorship(&pairing(&store, mentor_named(&store, "Ayesha"), andiswa))
        .unwrap();
}

#[test]
fn a_failed_multi_record_change_leaves_nothing_behind() {
    let (_dir, mut store) = new_store();
    let result = store.in_transaction(|s| {
        s.save_unit(&Unit {
            name: "Legal Services".into(),
            ..Unit::default()
        })?;
        s.save_staff(&person("12345678", "Zoë", "van der Merwe"), today())?;
        s.save_staff(&person("12345678", "Pieter", "O'Neill"), today())
    });
    assert_eq!(result.unwrap_err().field(), Some("persal"));
    assert!(store.is_empty().unwrap());
    assert!(store.units(true).unwrap().is_empty());
}

#[test]
fn settings_are_stored_and_checked() {
    let (_dir, mut store) = new_store();
    let mut settings = store.settings().unwrap();
    assert_eq!(settings.mentor_capacity, 4);
    assert_eq!(settings.mentor_min_years_experience, 5);
    settings.mentor_capacity = 5;
    store.save_settings(&settings).unwrap();
    assert_eq!(store.settings().unwrap().mentor_capacity, 5);
    settings.mentor_capacity = 0;
    let (field, message) = field_of(store.save_settings(&settings).unwrap_err());
    assert_eq!(field, "mentor_capacity");
    assert_eq!(
        message,
        "Protégés per mentor must be between 1 and 20, not 0."
    );
    assert_eq!(store.settings().unwrap().mentor_capacity, 5);
}

#[test]
fn a_mentor_appointment_over_a_year_is_refused() {
    let (_dir, mut store) = sample_store();
    let mut mentor = store.mentor(mentor_named(&store, "Zoë")).unwrap();
    mentor.appointment_end = mentor
        .appointment_start
        .map(|d| d + chrono::Months::new(13));
    let (field, message) = field_of(store.save_mentor(&mentor).unwrap_err());
    assert_eq!(field, "appointment_end");
    assert!(message.contains("at most 12 months"), "{message}");
}
