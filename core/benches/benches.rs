//! Benchmarks with the targets of the foundation issue: one agreement (under 10 ms), a batch
//! of 1,000 agreements, and a search over 10,000 staff (under 20 ms); and the KPA
//! allocations of 500 mentors printed in one batch (`cargo bench -p mentordesk-core -- kpa`).

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use mentordesk_core::domain::*;
use mentordesk_core::kpa::{self, ConsultationOutcome, Kpa};
use mentordesk_core::store::{MentorshipQuery, StaffQuery};
use mentordesk_core::{agreement, document, Store};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const FIRST: [&str; 8] = [
    "Zoë", "Sipho", "Nomvula", "Pieter", "Ayesha", "Thabo", "Anél", "Lindiwe",
];
const LAST: [&str; 8] = [
    "van der Merwe",
    "Mkhize",
    "Dlamini-Müller",
    "O'Neill",
    "Patel",
    "Ndlovu",
    "Swanepoel",
    "Khumalo",
];

/// A register of `staff` people in 20 units, with 250 mentors and 1,000 mentorships.
/// An internal mentor, trained and appointed for the 2026/27 cycle.
fn trained_mentor(staff_id: i64, fields: &str, n: usize) -> Mentor {
    Mentor {
        id: None,
        staff_id: Some(staff_id),
        external_name: String::new(),
        organisation_id: None,
        fields_of_expertise: fields.into(),
        qualifications: String::new(),
        professional_background: String::new(),
        scarce_skills: String::new(),
        years_experience: 10,
        recruitment: Recruitment::Volunteer,
        nominated_by: String::new(),
        training_course: "Mentoring".into(),
        training_provider: "NSG".into(),
        training_completed_on: Some(day(2026, 1, 10)),
        training_certificate: format!("C-{n}"),
        appointment_start: Some(day(2026, 4, 1)),
        appointment_end: Some(day(2027, 3, 31)),
        experience_override_reason: String::new(),
        archived: false,
    }
}

fn big_register(staff: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).expect("store");
    let today = day(2026, 11, 23);
    store
        .in_transaction(|s| {
            let units: Vec<i64> = (0..20)
                .map(|n| {
                    s.save_unit(&Unit {
                        id: None,
                        name: format!("Unit {n}"),
                        line_manager_id: None,
                        archived: false,
                    })
                })
                .collect::<Result<_, _>>()?;
            let mut ids = Vec::with_capacity(staff);
            for n in 0..staff {
                ids.push(s.save_staff(
                    &Staff {
                        id: None,
                        persal: format!("{}", 30_000_000 + n),
                        first_names: FIRST[n % 8].into(),
                        surname: format!("{} {n}", LAST[(n / 8) % 8]),
                        gender: Some(if n % 2 == 0 {
                            Gender::Female
                        } else {
                            Gender::Male
                        }),
                        race: Some(Race::African),
                        date_of_birth: Some(day(
                            1980 + (n % 20) as i32,
                            1 + (n % 12) as u32,
                            1 + (n % 28) as u32,
                        )),
                        disability: false,
                        designation: "Practitioner".into(),
                        salary_level: Some(7),
                        unit_id: Some(units[n % 20]),
                        line_manager_id: None,
                        location: Some(Location::Urban),
                        public_service_start: None,
                        unit_start: None,
                        email: String::new(),
                        phone: String::new(),
                        archived: false,
                    },
                    today,
                )?);
            }
            for m in 0..250 {
                let mentor_id = s.save_mentor(&trained_mentor(ids[m], "Finance, leadership", m))?;
                for p in 0..4 {
                    let protege_staff = ids[250 + m * 4 + p];
                    let protege_id = s.save_protege(&Protege {
                        programme_detail: "Learnership NQF 4".into(),
                        ..Protege::new(protege_staff, ProtegeKind::ALL[p], "Financial management")
                    })?;
                    s.save_mentorship(&Mentorship {
                        id: None,
                        mentor_id,
                        protege_id,
                        start_date: day(2026, 4, 1),
                        end_date: day(2027, 3, 31),
                        purpose: Purpose::SkillsTransfer,
                        mode: Mode::FaceToFace,
                        frequency: Frequency::Monthly,
                        meeting_minutes: 60,
                        meeting_place: "Boardroom".into(),
                        status: Status::Active,
                        capacity_override_reason: String::new(),
                        goals: vec![
                            Goal {
                                description: "Prepare the unit's budget input".into(),
                                measure: "On time".into(),
                                due_on: None,
                                status: GoalStatus::NotStarted,
                                progress: 0,
                            },
                            Goal {
                                description: "Lead the quarterly review meeting".into(),
                                measure: "Minuted".into(),
                                due_on: None,
                                status: GoalStatus::NotStarted,
                                progress: 0,
                            },
                        ],
                        competencies: vec![Competency {
                            name: "Financial management".into(),
                            current_level: 2,
                            target_level: 4,
                        }],
                        archived: false,
                    })?;
                }
            }
            Ok(())
        })
        .expect("big register");
    (dir, store)
}

fn benches(c: &mut Criterion) {
    let (_dir, store) = big_register(10_000);
    let today = day(2026, 11, 23);
    let ids: Vec<i64> = store
        .mentorships(&MentorshipQuery::default())
        .expect("mentorships")
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids.len(), 1_000);

    c.bench_function("one agreement (load, lay out, render)", |b| {
        b.iter(|| {
            let doc = agreement::agreement(&store, ids[0], today).expect("agreement");
            black_box(document::render_pdf(&doc).expect("pdf"))
        })
    });

    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("1,000 agreements", |b| {
        b.iter(|| {
            for &id in &ids {
                let doc = agreement::agreement(&store, id, today).expect("agreement");
                black_box(document::render_pdf(&doc).expect("pdf"));
            }
        })
    });
    group.finish();

    c.bench_function("search 10,000 staff by name", |b| {
        let query = StaffQuery {
            text: "zoe van der merwe 12".into(),
            ..Default::default()
        };
        b.iter(|| black_box(store.staff_list(&query).expect("search")))
    });
    c.bench_function("list 10,000 staff (first 200)", |b| {
        let query = StaffQuery {
            limit: Some(200),
            ..Default::default()
        };
        b.iter(|| black_box(store.staff_list(&query).expect("list")))
    });
}

/// A register of 500 internal mentors, each with two protégés and a final KPA allocation for
/// the 2026/27 cycle, filled through the store as an officer's saves would be.
fn kpa_register(mentors: usize) -> (tempfile::TempDir, Store, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("kpa.sqlite3")).expect("store");
    let today = day(2026, 11, 23);
    let ids = store
        .in_transaction(|s| {
            let unit = s.save_unit(&Unit {
                id: None,
                name: "Corporate Services".into(),
                line_manager_id: None,
                archived: false,
            })?;
            let mut staff = Vec::with_capacity(mentors * 3);
            for n in 0..mentors * 3 {
                staff.push(s.save_staff(
                    &Staff {
                        id: None,
                        persal: format!("{}", 40_000_000 + n),
                        first_names: FIRST[n % 8].into(),
                        surname: format!("{} {n}", LAST[(n / 8) % 8]),
                        gender: None,
                        race: None,
                        date_of_birth: None,
                        disability: false,
                        designation: "Deputy Director: Operations".into(),
                        salary_level: Some(11),
                        unit_id: Some(unit),
                        line_manager_id: None,
                        location: None,
                        public_service_start: None,
                        unit_start: None,
                        email: String::new(),
                        phone: String::new(),
                        archived: false,
                    },
                    today,
                )?);
            }
            let cycle_id = s.ensure_cycle(today)?.id.unwrap_or_default();
            let mut allocations = Vec::with_capacity(mentors);
            for m in 0..mentors {
                let mentor_id =
                    s.save_mentor(&trained_mentor(staff[m], "Operations, leadership", m))?;
                for p in 0..2 {
                    let protege_id = s.save_protege(&Protege::new(
                        staff[mentors + m * 2 + p],
                        ProtegeKind::Applicant,
                        "Operational planning",
                    ))?;
                    s.save_mentorship(&Mentorship {
                        id: None,
                        mentor_id,
                        protege_id,
                        start_date: day(2026, 5 + p as u32 * 3, 1),
                        end_date: day(2027, 3, 31),
                        purpose: Purpose::CareerDevelopment,
                        mode: Mode::FaceToFace,
                        frequency: Frequency::Monthly,
                        meeting_minutes: 60,
                        meeting_place: String::new(),
                        status: Status::Active,
                        capacity_override_reason: String::new(),
                        goals: vec![Goal {
                            description: "Draft the unit's operational plan".into(),
                            measure: "Approved by March".into(),
                            due_on: None,
                            status: GoalStatus::NotStarted,
                            progress: 0,
                        }],
                        competencies: Vec::new(),
                        archived: false,
                    })?;
                }
                let mut allocation = s.propose_kpa_allocation(mentor_id, cycle_id)?;
                let own = [
                    ("Operational planning", 30),
                    ("Service delivery", 25),
                    ("Financial management", 20),
                    ("People management", 15),
                ];
                allocation.kpas.splice(
                    0..0,
                    own.iter().map(|&(title, weight)| Kpa {
                        title: title.into(),
                        outputs: "Plans and reports submitted on time".into(),
                        indicators: "All quarterly targets met".into(),
                        weight,
                        mentoring: false,
                    }),
                );
                allocation.consulted_on = Some(day(2026, 4, 15));
                allocation.consultation_outcome = Some(ConsultationOutcome::Agreed);
                let id = s.save_kpa_allocation(&allocation)?;
                s.finalise_kpa_allocation(id, today)?;
                allocations.push(id);
            }
            Ok(allocations)
        })
        .expect("KPA register");
    (dir, store, ids)
}

fn kpa_benches(c: &mut Criterion) {
    let (_dir, store, ids) = kpa_register(500);
    let today = day(2026, 11, 23);
    let mut group = c.benchmark_group("kpa");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("500 KPA allocations (load, lay out, render)", |b| {
        b.iter(|| {
            for &id in &ids {
                let doc = kpa::document::kpa_allocation(&store, id, today).expect("allocation");
                black_box(document::render_pdf(&doc).expect("pdf"));
            }
        })
    });
    group.bench_function("workload view of 500 mentors with warnings", |b| {
        b.iter(|| black_box(store.workload(today).expect("workload")))
    });
    group.finish();
}

criterion_group!(all, benches, kpa_benches);
criterion_main!(all);
