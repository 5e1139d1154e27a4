//! Benchmarks with the targets of the foundation issue: one agreement (under 10 ms), a batch
//! of 1,000 agreements, and a search over 10,000 staff (under 20 ms); and the KPA
//! allocations of 500 mentors printed in one batch (`cargo bench -p mentordesk-core -- kpa`);
//! and the progress reports of 1,000 protégés over a log of 100,000 sessions
//! (`cargo bench -p mentordesk-core --bench benches -- progress`); and matching: one
//! protégé's suggestions among 2,000 mentors and a cohort of 300 protégés assigned among 500
//! (`cargo bench -p mentordesk-core --bench benches -- matching`).

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use mentordesk_core::cycle::Cycle;
use mentordesk_core::domain::*;
use mentordesk_core::kpa::{ConsultationOutcome, Kpa};
use mentordesk_core::matching;
use mentordesk_core::print::{agreement, kpa_allocation, progress_report};
use mentordesk_core::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use mentordesk_core::selection::{Application, Decision, Entry, Review, State};
use mentordesk_core::session::{Action, ActionOwner, Session, SessionKind};
use mentordesk_core::store::{Confidential, MentorshipQuery, StaffQuery};
use mentordesk_core::{document, Store};

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
        languages: String::new(),
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
                let doc = kpa_allocation::kpa_allocation(&store, id, today).expect("allocation");
                black_box(document::render_pdf(&doc).expect("pdf"));
            }
        })
    });
    group.bench_function("workload view of 500 mentors with warnings", |b| {
        b.iter(|| black_box(store.workload(today).expect("workload")))
    });
    group.finish();
}

/// The day the logged programme is seen from: late in the 2026/27 cycle's third quarter.
const LOGGED_TODAY: (i32, u32, u32) = (2026, 11, 23);

/// A programme in full swing, for benches that read a large log: 1,000 active mentorships
/// (250 trained mentors with four protégés each, 1 April 2026 to 31 March 2027), each with
/// three goals at different stages and two competencies, 100 sessions logged between
/// 1 April and 23 November 2026 (100,000 in all) each agreeing an action that is done a
/// week later for three sessions in four, a rating of each competency every two months, and
/// the second quarter's report written for every other mentorship. It is filled through the
/// store's own saves (so every rule holds) in one transaction, once per bench run, and
/// returned with the mentorships' ids; the progress benches use it and a dashboard bench can
/// use it beside them.
fn logged_programme() -> (tempfile::TempDir, Store, Vec<i64>) {
    const MENTORS: usize = 250;
    const PROTEGES_PER_MENTOR: usize = 4;
    const SESSIONS_PER_MENTORSHIP: u64 = 100;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("logged.sqlite3")).expect("store");
    let today = day(LOGGED_TODAY.0, LOGGED_TODAY.1, LOGGED_TODAY.2);
    let start = day(2026, 4, 1);
    let second_quarter = Period::of_cycle(&Cycle::starting(2026, 4).expect("cycle"))[1].clone();
    let ids = store
        .in_transaction(|s| {
            let unit = s.save_unit(&Unit {
                id: None,
                name: "Financial Management".into(),
                line_manager_id: None,
                archived: false,
            })?;
            let people = MENTORS * (1 + PROTEGES_PER_MENTOR);
            let mut staff = Vec::with_capacity(people);
            for n in 0..people {
                staff.push(s.save_staff(
                    &Staff {
                        id: None,
                        persal: format!("{}", 50_000_000 + n),
                        first_names: FIRST[n % 8].into(),
                        surname: format!("{} {n}", LAST[(n / 8) % 8]),
                        gender: None,
                        race: None,
                        date_of_birth: None,
                        disability: false,
                        designation: "Assistant Director: Budgets".into(),
                        salary_level: Some(9),
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
            let mut ids = Vec::with_capacity(MENTORS * PROTEGES_PER_MENTOR);
            for m in 0..MENTORS {
                let mentor_id = s.save_mentor(&trained_mentor(staff[m], "Budgeting", m))?;
                for p in 0..PROTEGES_PER_MENTOR {
                    let protege_id = s.save_protege(&Protege {
                        programme_detail: "Learnership NQF 5".into(),
                        ..Protege::new(
                            staff[MENTORS + m * PROTEGES_PER_MENTOR + p],
                            ProtegeKind::ALL[p],
                            "Budgeting and reporting",
                        )
                    })?;
                    ids.push(s.save_mentorship(&Mentorship {
                        id: None,
                        mentor_id,
                        protege_id,
                        start_date: start,
                        end_date: day(2027, 3, 31),
                        purpose: Purpose::SkillsTransfer,
                        mode: Mode::FaceToFace,
                        frequency: Frequency::Weekly,
                        meeting_minutes: 60,
                        meeting_place: "Boardroom".into(),
                        status: Status::Active,
                        capacity_override_reason: String::new(),
                        goals: vec![
                            Goal {
                                description: "Prepare the unit's budget input".into(),
                                measure: "Submitted by the Treasury deadline".into(),
                                due_on: Some(day(2026, 9, 30)),
                                status: GoalStatus::Achieved,
                                progress: 100,
                            },
                            Goal {
                                description: "Lead the quarterly review meeting".into(),
                                measure: "Minuted, actions followed up".into(),
                                due_on: Some(day(2027, 1, 31)),
                                status: GoalStatus::InProgress,
                                progress: 40,
                            },
                            Goal {
                                description: "Write the procurement plan".into(),
                                measure: "Approved by the CFO".into(),
                                due_on: None,
                                status: GoalStatus::NotStarted,
                                progress: 0,
                            },
                        ],
                        competencies: vec![
                            Competency {
                                name: "Financial management".into(),
                                current_level: 2,
                                target_level: 4,
                            },
                            Competency {
                                name: "Report writing".into(),
                                current_level: 2,
                                target_level: 3,
                            },
                        ],
                        archived: false,
                    })?);
                }
            }
            let days = (today - start).num_days() as u64;
            for (n, &id) in ids.iter().enumerate() {
                for k in 0..SESSIONS_PER_MENTORSHIP {
                    let held_on = start + chrono::Days::new(k * days / SESSIONS_PER_MENTORSHIP);
                    let done = held_on + chrono::Days::new(7);
                    s.save_session(
                        &Session {
                            id: None,
                            mentorship_id: id,
                            held_on,
                            minutes: [45, 60, 90][(k % 3) as usize],
                            place: "Boardroom".into(),
                            mode: Mode::FaceToFace,
                            kind: if k % 5 == 0 {
                                SessionKind::Situational
                            } else {
                                SessionKind::Planned
                            },
                            topics: format!("Budget variance report {k}; planning the next step"),
                            advice: "Start from the cash-flow forecast.".into(),
                            diagnosis_now: "Drafts reports with help".into(),
                            diagnosis_goal: "Presents the monthly report alone".into(),
                            confidential_notes: "Spoke about a difficult colleague.".into(),
                            actions: vec![Action {
                                id: None,
                                description: format!("Follow up on session {k}"),
                                owner: ActionOwner::Protege,
                                due_on: Some(held_on + chrono::Days::new(14)),
                                done_on: (k % 4 != 3 && done <= today).then_some(done),
                            }],
                        },
                        today,
                    )?;
                }
                for month in (4..=10).step_by(2) {
                    for (c, competency) in ["Financial management", "Report writing"]
                        .into_iter()
                        .enumerate()
                    {
                        s.save_rating(
                            &Rating {
                                id: None,
                                mentorship_id: id,
                                competency: competency.into(),
                                rated_on: day(2026, month, 15 + c as u32),
                                scale: RatingScale::FourPoint,
                                rating: 1 + ((month as usize / 2 + c + n) % 4) as u8,
                                evidence: "Monthly variance report reviewed with the mentor".into(),
                            },
                            today,
                        )?;
                    }
                }
                if n % 2 == 0 {
                    s.save_report_entry(
                        &ReportEntry {
                            id: None,
                            mentorship_id: id,
                            period_from: second_quarter.from,
                            period_to: second_quarter.to,
                            period_label: second_quarter.label.clone(),
                            written_on: day(2026, 10, 5),
                            mentor_comments: "Steady progress; presents with growing confidence."
                                .into(),
                            protege_comments: "The sessions help me plan my month.".into(),
                            scale: RatingScale::FourPoint,
                            overall_rating: Some(3),
                            recommendation: Recommendation::Continue,
                            recommendation_reason: String::new(),
                        },
                        today,
                    )?;
                }
            }
            Ok(ids)
        })
        .expect("logged programme");
    (dir, store, ids)
}

fn progress_benches(c: &mut Criterion) {
    let (_dir, store, ids) = logged_programme();
    assert_eq!(ids.len(), 1_000);
    let today = day(LOGGED_TODAY.0, LOGGED_TODAY.1, LOGGED_TODAY.2);
    let quarter = Period::of_cycle(&Cycle::starting(2026, 4).expect("cycle"))[1].clone();
    let report = |id: i64| {
        let doc =
            progress_report::progress_report(&store, id, &quarter, Confidential::LeftOut, today)
                .expect("progress report");
        document::render_pdf(&doc).expect("pdf")
    };
    let mut group = c.benchmark_group("progress");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function(
        "progress reports for 1,000 protégés (load, lay out, render)",
        |b| {
            b.iter(|| {
                for &id in &ids {
                    black_box(report(id));
                }
            })
        },
    );
    group.bench_function("one progress report (load, lay out, render)", |b| {
        b.iter(|| black_box(report(ids[0])))
    });
    group.finish();

    let mut group = c.benchmark_group("dashboard");
    group.bench_function(
        "dashboard of 1,000 mentorships with 100,000 sessions",
        |b| b.iter(|| black_box(store.dashboard(today).expect("dashboard"))),
    );
    group.finish();
}

const FIELDS: [&str; 6] = [
    "Budget planning, public procurement, monthly reports",
    "Project management and leadership",
    "Human resource administration, labour relations",
    "Network support, information security",
    "Financial accounting, audit and risk",
    "Policy writing, stakeholder negotiation",
];
const NEEDS: [&str; 5] = [
    "Budgeting, procurement and reporting",
    "Leadership of a project team",
    "Labour relations and recruitment",
    "Audit findings, risk registers and accounting",
    "Negotiation with stakeholders and policy drafting",
];

/// A programme ready for matching: `mentors` trained internal mentors appointed from
/// 1 October 2026 to 30 September 2027, every third holding a draft mentorship, and
/// `proteges` approved applications for January to June 2027 in the "2027 intake", each
/// protégé with a three-level reporting line. Filled through the store's own saves.
fn matching_register(mentors: usize, proteges: usize) -> (tempfile::TempDir, Store, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("matching.sqlite3")).expect("store");
    let today = day(2026, 11, 23);
    let applications = store
        .in_transaction(|s| {
            let mut persal = 50_000_000;
            let mut person = |s: &mut Store, n: usize, manager: Option<i64>| {
                persal += 1;
                s.save_staff(
                    &Staff {
                        id: None,
                        persal: persal.to_string(),
                        first_names: FIRST[n % 8].into(),
                        surname: format!("{} {n}", LAST[(n / 8) % 8]),
                        gender: Some(if n.is_multiple_of(2) {
                            Gender::Female
                        } else {
                            Gender::Male
                        }),
                        race: Some(Race::African),
                        date_of_birth: Some(day(1965 + (n % 35) as i32, 1 + (n % 12) as u32, 1)),
                        disability: false,
                        designation: "Practitioner".into(),
                        salary_level: Some(8),
                        unit_id: None,
                        line_manager_id: manager,
                        location: Some(if n.is_multiple_of(3) {
                            Location::Rural
                        } else {
                            Location::Urban
                        }),
                        public_service_start: None,
                        unit_start: None,
                        email: String::new(),
                        phone: String::new(),
                        archived: false,
                    },
                    today,
                )
            };
            let director = person(s, 0, None)?;
            let managers: Vec<i64> = (1..=10)
                .map(|n| person(s, n, Some(director)))
                .collect::<Result<_, _>>()?;
            let mut mentor_ids = Vec::with_capacity(mentors);
            for m in 0..mentors {
                let staff_id = person(s, 100 + m, Some(managers[m % 10]))?;
                mentor_ids.push(s.save_mentor(&Mentor {
                    appointment_start: Some(day(2026, 10, 1)),
                    appointment_end: Some(day(2027, 9, 30)),
                    languages: "English, isiZulu".into(),
                    ..trained_mentor(staff_id, FIELDS[m % FIELDS.len()], m)
                })?);
            }
            for (m, &mentor_id) in mentor_ids.iter().enumerate().step_by(3) {
                let held = person(s, 100_000 + m, None)?;
                let protege_id =
                    s.save_protege(&Protege::new(held, ProtegeKind::Applicant, "Reports"))?;
                s.save_mentorship(&Mentorship {
                    id: None,
                    mentor_id,
                    protege_id,
                    start_date: day(2027, 2, 1),
                    end_date: day(2027, 7, 31),
                    purpose: Purpose::SkillsTransfer,
                    mode: Mode::FaceToFace,
                    frequency: Frequency::Monthly,
                    meeting_minutes: 60,
                    meeting_place: String::new(),
                    status: Status::Draft,
                    capacity_override_reason: String::new(),
                    goals: vec![Goal {
                        description: "Write the monthly report".into(),
                        measure: "Six reports".into(),
                        due_on: None,
                        status: GoalStatus::NotStarted,
                        progress: 0,
                    }],
                    competencies: Vec::new(),
                    archived: false,
                })?;
            }
            let mut applications = Vec::with_capacity(proteges);
            for p in 0..proteges {
                let staff_id = person(s, 200_000 + p, Some(managers[p % 10]))?;
                let protege_id = s.save_protege(&Protege::new(
                    staff_id,
                    ProtegeKind::Applicant,
                    NEEDS[p % NEEDS.len()],
                ))?;
                let id = s.save_application(
                    &Application {
                        id: None,
                        protege_id,
                        entry: Entry::Application,
                        received_on: day(2026, 11, 2),
                        intake: "2027 intake".into(),
                        wanted_start: day(2027, 1, 1),
                        wanted_end: day(2027, 6, 30),
                        preferred_gender: (p % 4 == 0).then_some(Gender::Female),
                        preferred_language: if p % 5 == 0 {
                            "isiZulu".into()
                        } else {
                            String::new()
                        },
                        motivation: String::new(),
                        state: State::Submitted,
                        mentor_id: None,
                        mentorship_id: None,
                    },
                    "Programme office",
                    today,
                )?;
                s.start_review(id, "Programme office", today)?;
                s.record_review(
                    &Review {
                        id: None,
                        application_id: id,
                        reviewed_on: day(2026, 11, 20),
                        members_present: "Selection committee".into(),
                        interview_notes: String::new(),
                        decision: Decision::Approved,
                        reasons: "Ready".into(),
                    },
                    today,
                )?;
                applications.push(id);
            }
            Ok(applications)
        })
        .expect("matching register");
    (dir, store, applications)
}

/// A fit matrix of `rows` protégés by `columns` mentors, about one pair in five excluded, and
/// each mentor's places left (0 to 4), from a fixed pseudo-random sequence.
fn fit_matrix(rows: usize, columns: usize) -> (Vec<Vec<Option<u32>>>, Vec<u32>) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let fit = (0..rows)
        .map(|_| {
            (0..columns)
                .map(|_| {
                    let r = next();
                    (r % 5 != 0).then_some(((r >> 8) % 101) as u32)
                })
                .collect()
        })
        .collect();
    let capacity = (0..columns).map(|_| (next() % 5) as u32).collect();
    (fit, capacity)
}

fn matching_benches(c: &mut Criterion) {
    let today = day(2026, 11, 23);
    let mut group = c.benchmark_group("matching");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));

    let (_dir, store, applications) = matching_register(2_000, 1);
    group.bench_function("suggestions for one protégé among 2,000 mentors", |b| {
        b.iter(|| {
            black_box(
                store
                    .suggestions(applications[0], today)
                    .expect("suggestions"),
            )
        })
    });

    let (fit, capacity) = fit_matrix(300, 500);
    group.bench_function("assign 300 protégés to 500 mentors (fit matrix)", |b| {
        b.iter(|| black_box(matching::assign(&fit, &capacity)))
    });

    let (_dir, store, applications) = matching_register(500, 300);
    assert_eq!(applications.len(), 300);
    group.bench_function(
        "cohort proposal of 300 protégés and 500 mentors (store)",
        |b| {
            b.iter(|| {
                black_box(
                    store
                        .cohort_proposal(Some("2027 intake"), today)
                        .expect("proposal"),
                )
            })
        },
    );
    group.finish();
}

/// A checked backup (copy, integrity check, counts) of the programme with 100,000 sessions,
/// plain and encrypted with SQLCipher.
fn backup_benches(c: &mut Criterion) {
    let (dir, store, _) = logged_programme();
    let size = std::fs::metadata(store.path().expect("a file"))
        .expect("database size")
        .len();
    eprintln!("backup bench: the database holds {size} bytes");
    let encrypted_path = dir.path().join("encrypted.sqlite3");
    store.backup_to(&encrypted_path).expect("plain copy");
    let encrypted = Store::open(&encrypted_path)
        .expect("open the copy")
        .encrypt("benchmark passphrase")
        .expect("encrypt the copy");
    let mut group = c.benchmark_group("backup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("checked backup of 100,000 sessions", |b| {
        b.iter(|| {
            black_box(
                store
                    .backup_to(&dir.path().join("plain-backup.sqlite3"))
                    .expect("backup"),
            )
        })
    });
    group.bench_function("checked backup of 100,000 sessions, encrypted", |b| {
        b.iter(|| {
            black_box(
                encrypted
                    .backup_to(&dir.path().join("encrypted-backup.sqlite3"))
                    .expect("backup"),
            )
        })
    });
    group.finish();
}

criterion_group!(
    all,
    benches,
    kpa_benches,
    progress_benches,
    matching_benches,
    backup_benches,
    import_benches
);
criterion_main!(all);

/// A PERSAL extract of `n` staff as HR saves it: semicolons, capitals, YYYYMMDD dates, and
/// twenty components, all new to the register.
fn persal_extract(n: usize) -> String {
    let mut text = String::from(
        "PERSAL NO;SURNAME;FIRST NAMES;GENDER;RACE;DATE OF BIRTH;SALARY LEVEL;DESIGNATION;COMPONENT\n",
    );
    let races = ["A", "C", "I", "W"];
    for i in 0..n {
        text.push_str(&format!(
            "{};Surname{i};Name{i};{};{};{}{:02}{:02};{};Officer {};Component {}\n",
            30_000_000 + i,
            if i % 2 == 0 { "F" } else { "M" },
            races[i % 4],
            1960 + i % 40,
            1 + i % 12,
            1 + i % 28,
            1 + i % 13,
            i % 50,
            i % 20,
        ));
    }
    text
}

/// Importing 10,000 staff into an empty register (read, plan, apply in one transaction),
/// and planning the same file again once they are all registered (every line unchanged).
fn import_benches(c: &mut Criterion) {
    let today = day(2026, 11, 23);
    let extract = persal_extract(10_000);
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("import 10,000 staff from CSV into an empty register", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("import.sqlite3")).expect("store");
                (dir, store)
            },
            |(dir, mut store)| {
                let table = mentordesk_core::import::read_csv(extract.as_bytes()).expect("csv");
                let mapping = mentordesk_core::import::recognise(&table.headers);
                let done = store.import_staff(&table, &mapping, today).expect("import");
                assert_eq!(done.added, 10_000);
                (dir, store)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("import.sqlite3")).expect("store");
    let table = mentordesk_core::import::read_csv(extract.as_bytes()).expect("csv");
    let mapping = mentordesk_core::import::recognise(&table.headers);
    store.import_staff(&table, &mapping, today).expect("import");
    group.bench_function(
        "plan 10,000 staff already registered (all unchanged)",
        |b| {
            b.iter(|| {
                let plan =
                    mentordesk_core::import::plan(&store, &table, &mapping, today).expect("plan");
                assert_eq!(plan.unchanged, 10_000);
                black_box(plan)
            })
        },
    );
    group.finish();
}
