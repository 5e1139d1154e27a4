//! Records and whole programmes for the integration tests and the benchmarks, so both build
//! their data one way. The benchmarks include this file with `#[path]`, so it uses nothing of
//! the test binary: only core, chrono and tempfile.
//!
//! A record builder gives a record that saves as it is, with plain defaults; a caller names
//! only what matters to it with struct-update syntax (`Staff { surname: …, ..staff(3) }`) and
//! should override every value it asserts on. A programme builder fills a new store through the
//! store's own saves in one transaction, so every rule holds, and returns it with the ids its
//! caller works on. Everything is deterministic: the same call gives the same data.

use chrono::{Days, NaiveDate};
use mentordesk_core::cycle::Cycle;
use mentordesk_core::document::{render_pdf, Block, Document};
use mentordesk_core::domain::*;
use mentordesk_core::evaluation::{Answer, AnswerKind, Evaluation, Form};
use mentordesk_core::kpa::{ConsultationOutcome, Kpa};
use mentordesk_core::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use mentordesk_core::selection::{Application, Decision, Entry, Review, State};
use mentordesk_core::session::{Action, ActionOwner, Session, SessionKind};
use mentordesk_core::{Result, Store};
use tempfile::TempDir;

/// A date written as text, e.g. `date("2026-11-23")`.
pub fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|_| panic!("bad test date {text}"))
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// The day the programmes are seen from: late in the 2026/27 cycle's third quarter.
pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

/// Who saves applications and takes them through selection.
const OFFICE: &str = "Programme office";

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

/// Staff member number `n`: persal number 30,000,000 + n, a name from eight first names and
/// eight surnames with `n` after the surname (so searches have accents and apostrophes to
/// fold), born between 1965 and 1999, in no unit and with no line manager.
///
/// Gender alternates, race turns every second person and the salary level every eighth, so
/// each run of 128 people holds every mix of gender, race and level (1 to 16) once, and the
/// employment-equity breakdowns of a large register are all filled. One in 25 has a
/// disability; one in three works in a rural office.
pub fn staff(n: usize) -> Staff {
    Staff {
        id: None,
        persal: (30_000_000 + n).to_string(),
        first_names: FIRST[n % 8].into(),
        surname: format!("{} {n}", LAST[(n / 8) % 8]),
        gender: Some(if n.is_multiple_of(2) {
            Gender::Female
        } else {
            Gender::Male
        }),
        race: Some(Race::ALL[(n / 2) % Race::ALL.len()]),
        date_of_birth: Some(day(1965 + (n % 35) as i32, 1 + (n % 12) as u32, 1)),
        disability: n % 25 == 12,
        designation: "Practitioner".into(),
        salary_level: Some(1 + ((n / 8) % 16) as u8),
        unit_id: None,
        line_manager_id: None,
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
    }
}

/// A PERSAL extract of `staff(0)` to `staff(n - 1)` as an HR office saves it: semicolons,
/// capitals, one-letter codes, YYYYMMDD dates, and twenty components the register does not
/// have yet.
pub fn persal_extract(n: usize) -> String {
    let mut text = String::from(
        "PERSAL NO;SURNAME;FIRST NAMES;GENDER;RACE;DATE OF BIRTH;SALARY LEVEL;DESIGNATION;COMPONENT\n",
    );
    for i in 0..n {
        let s = staff(i);
        let gender = match s.gender {
            Some(Gender::Female) => "F",
            Some(Gender::Male) => "M",
            None => "",
        };
        let race = match s.race {
            Some(Race::African) => "A",
            Some(Race::Coloured) => "C",
            Some(Race::Indian) => "I",
            Some(Race::White) => "W",
            None => "",
        };
        let born = s.date_of_birth.map(|d| d.format("%Y%m%d").to_string());
        text.push_str(&format!(
            "{};{};{};{gender};{race};{};{};{};Component {}\n",
            s.persal,
            s.surname,
            s.first_names,
            born.unwrap_or_default(),
            s.salary_level.map(|l| l.to_string()).unwrap_or_default(),
            s.designation,
            i % 20,
        ));
    }
    text
}

/// The internal mentor who is staff member `staff_id`: twelve years' experience, trained on
/// 10 January 2026 and appointed for the 2026/27 cycle (1 April 2026 to 31 March 2027).
pub fn mentor(staff_id: i64) -> Mentor {
    Mentor {
        id: None,
        staff_id: Some(staff_id),
        external_name: String::new(),
        organisation_id: None,
        fields_of_expertise: "Finance, leadership".into(),
        qualifications: String::new(),
        professional_background: String::new(),
        scarce_skills: String::new(),
        years_experience: 12,
        recruitment: Recruitment::Volunteer,
        nominated_by: String::new(),
        training_course: "Mentoring".into(),
        training_provider: "NSG".into(),
        training_completed_on: Some(day(2026, 1, 10)),
        training_certificate: format!("C-{staff_id}"),
        appointment_start: Some(day(2026, 4, 1)),
        appointment_end: Some(day(2027, 3, 31)),
        experience_override_reason: String::new(),
        languages: "English".into(),
        archived: false,
    }
}

/// Staff member `staff_id` as a protégé of `kind` who needs financial management; interns
/// and learners are given the programme their kind requires.
pub fn protege(staff_id: i64, kind: ProtegeKind) -> Protege {
    let programme_detail = match kind {
        ProtegeKind::Intern => "Internship in financial management",
        ProtegeKind::Learner => "Learnership NQF 5",
        ProtegeKind::PromotedManager | ProtegeKind::Applicant => "",
    };
    Protege {
        programme_detail: programme_detail.into(),
        ..Protege::new(staff_id, kind, "Financial management")
    }
}

/// A goal not yet started, due by the mentorship's end, measured by "Measure of …".
pub fn goal(description: &str) -> Goal {
    Goal {
        description: description.into(),
        measure: format!("Measure of {description}"),
        due_on: None,
        status: GoalStatus::NotStarted,
        progress: 0,
    }
}

pub fn competency(name: &str, current_level: u8, target_level: u8) -> Competency {
    Competency {
        name: name.into(),
        current_level,
        target_level,
    }
}

/// An active mentorship for skills transfer over the 2026/27 cycle (1 April 2026 to
/// 31 March 2027), meeting monthly for an hour, with a goal at each stage (achieved, in
/// progress, not started) and two competencies to rate.
pub fn mentorship(mentor_id: i64, protege_id: i64) -> Mentorship {
    Mentorship {
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
                due_on: Some(day(2026, 10, 31)),
                status: GoalStatus::Achieved,
                progress: 100,
                ..goal("Prepare the unit's budget input")
            },
            Goal {
                due_on: Some(day(2027, 2, 15)),
                status: GoalStatus::InProgress,
                progress: 40,
                ..goal("Lead the quarterly review meeting")
            },
            goal("Write the procurement plan"),
        ],
        competencies: vec![
            competency("Financial management", 2, 4),
            competency("Report writing", 2, 3),
        ],
        archived: false,
    }
}

/// An action for the protégé, due on `due_on` and not yet done.
pub fn action(description: &str, due_on: NaiveDate) -> Action {
    Action {
        id: None,
        description: description.into(),
        owner: ActionOwner::Protege,
        due_on: Some(due_on),
        done_on: None,
    }
}

/// An hour's planned session, face to face, with every part of the form written (confidential
/// notes too) and one action due two weeks later.
pub fn session(mentorship_id: i64, held_on: NaiveDate) -> Session {
    Session {
        id: None,
        mentorship_id,
        held_on,
        minutes: 60,
        place: "Boardroom 3".into(),
        mode: Mode::FaceToFace,
        kind: SessionKind::Planned,
        topics: "Budget variance reports".into(),
        advice: "Start from the cash-flow forecast.".into(),
        diagnosis_now: "Drafts reports with help".into(),
        diagnosis_goal: "Presents the monthly report alone".into(),
        confidential_notes: "Worried about a conflict with a colleague.".into(),
        actions: vec![action(
            "Draft the next variance report",
            held_on + Days::new(14),
        )],
    }
}

/// An application received on 2 November 2026 for the "2027 intake", for January to June 2027,
/// with its motivation written and no preferences.
pub fn application(protege_id: i64) -> Application {
    Application {
        id: None,
        protege_id,
        entry: Entry::Application,
        received_on: day(2026, 11, 2),
        intake: "2027 intake".into(),
        wanted_start: day(2027, 1, 1),
        wanted_end: day(2027, 6, 30),
        preferred_gender: None,
        preferred_language: String::new(),
        motivation: "I want to plan and report on my unit's budget on my own.".into(),
        state: State::Submitted,
        mentor_id: None,
        mentorship_id: None,
    }
}

/// Saves `application` and has the selection committee approve it on 20 November 2026, so it
/// is ready for matching; returns its id.
pub fn approved_application(s: &mut Store, application: &Application) -> Result<i64> {
    let id = s.save_application(application, OFFICE, today())?;
    s.start_review(id, OFFICE, today())?;
    s.record_review(
        &Review {
            id: None,
            application_id: id,
            reviewed_on: day(2026, 11, 20),
            members_present: "Selection committee".into(),
            interview_notes: String::new(),
            decision: Decision::Approved,
            reasons: "Clear development needs.".into(),
        },
        today(),
    )?;
    Ok(id)
}

/// A new, empty store in a temporary folder that lives as long as the `TempDir`.
pub fn new_store(file: &str) -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join(file)).expect("store");
    (dir, store)
}

/// The size of a programme for `programme`. Staff members 0 to `mentors - 1` are the mentors,
/// the next `mentors × proteges_per_mentor` their protégés, and the rest are only on the
/// register.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// People on the register; at least `mentors × (1 + proteges_per_mentor)`.
    pub staff: usize,
    /// Units the staff are placed in, in turn; at least one.
    pub units: usize,
    pub mentors: usize,
    /// At most four, the capacity a new programme allows a mentor.
    pub proteges_per_mentor: usize,
    /// Sessions logged in each mentorship, spread evenly from its start to `today()`.
    pub sessions_per_mentorship: usize,
}

impl Shape {
    pub fn mentorships(&self) -> usize {
        self.mentors * self.proteges_per_mentor
    }

    pub fn sessions(&self) -> usize {
        self.mentorships() * self.sessions_per_mentorship
    }
}

/// A programme of `shape`'s size in a new store, returned with its mentorships' ids in the
/// order they were saved. The staff are `staff(n)` placed in units in turn; each mentor is
/// `mentor` with `proteges_per_mentor` protégés of each kind in turn, and each pairing is
/// `mentorship` (the 2026/27 cycle). When sessions are logged, the programme is in full swing:
/// every session agrees an action that is done a week later for three sessions in four (when
/// that is before today), each competency is rated every two months from April to October
/// 2026, and every other mentorship has its second-quarter report written and both mid-point
/// evaluations answered.
pub fn programme(shape: &Shape) -> (TempDir, Store, Vec<i64>) {
    assert!(shape.units > 0, "a programme needs a unit");
    let needed = shape.mentors + shape.mentorships();
    assert!(
        shape.staff >= needed,
        "{} mentors with {} protégés each need at least {needed} staff, not {}",
        shape.mentors,
        shape.proteges_per_mentor,
        shape.staff
    );
    let (dir, mut store) = new_store("programme.sqlite3");
    let ids = store
        .in_transaction(|s| {
            let units = (0..shape.units)
                .map(|n| {
                    s.save_unit(&Unit {
                        name: format!("Unit {n}"),
                        ..Unit::default()
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let people = (0..shape.staff)
                .map(|n| {
                    s.save_staff(
                        &Staff {
                            unit_id: Some(units[n % units.len()]),
                            ..staff(n)
                        },
                        today(),
                    )
                })
                .collect::<Result<Vec<_>>>()?;
            let mut ids = Vec::with_capacity(shape.mentorships());
            for m in 0..shape.mentors {
                let mentor_id = s.save_mentor(&mentor(people[m]))?;
                for p in 0..shape.proteges_per_mentor {
                    let protege_id = s.save_protege(&protege(
                        people[shape.mentors + m * shape.proteges_per_mentor + p],
                        ProtegeKind::ALL[p % ProtegeKind::ALL.len()],
                    ))?;
                    let pairing = mentorship(mentor_id, protege_id);
                    let id = s.save_mentorship(&pairing)?;
                    if shape.sessions_per_mentorship > 0 {
                        log(s, id, &pairing, ids.len(), shape.sessions_per_mentorship)?;
                    }
                    ids.push(id);
                }
            }
            Ok(ids)
        })
        .expect("programme");
    (dir, store, ids)
}

/// Logs what `programme` promises for mentorship `id`, saved as `pairing`: `sessions` sessions,
/// the ratings and, for every other mentorship, the second-quarter report and the mid-point
/// evaluations of protégé and mentor. `n` is the
/// mentorship's place in the programme, which varies the ratings from one to the next.
fn log(s: &mut Store, id: i64, pairing: &Mentorship, n: usize, sessions: usize) -> Result<()> {
    let start = pairing.start_date;
    let days = (today() - start).num_days() as usize;
    for k in 0..sessions {
        let held_on = start + Days::new((k * days / sessions) as u64);
        let done = held_on + Days::new(7);
        let mut logged = Session {
            minutes: [45, 60, 90][k % 3],
            kind: if k % 5 == 0 {
                SessionKind::Situational
            } else {
                SessionKind::Planned
            },
            topics: format!("Budget variance report {k}; planning the next step"),
            ..session(id, held_on)
        };
        let agreed = &mut logged.actions[0];
        agreed.description = format!("Follow up on session {k}");
        agreed.done_on = (k % 4 != 3 && done <= today()).then_some(done);
        s.save_session(&logged, today())?;
    }
    for month in (4..=10).step_by(2) {
        for (c, competency) in pairing.competencies.iter().enumerate() {
            s.save_rating(
                &Rating {
                    id: None,
                    mentorship_id: id,
                    competency: competency.name.clone(),
                    rated_on: day(2026, month, 15 + c as u32),
                    scale: RatingScale::FourPoint,
                    rating: 1 + ((month as usize / 2 + c + n) % 4) as u8,
                    evidence: "Monthly variance report reviewed with the mentor".into(),
                },
                today(),
            )?;
        }
    }
    if n.is_multiple_of(2) {
        let cycle = Cycle::starting(2026, 4).expect("the 2026/27 cycle");
        let second_quarter = Period::of_cycle(&cycle)[1].clone();
        s.save_report_entry(
            &ReportEntry {
                id: None,
                mentorship_id: id,
                period_from: second_quarter.from,
                period_to: second_quarter.to,
                period_label: second_quarter.label,
                written_on: day(2026, 10, 5),
                mentor_comments: "Steady progress; presents with growing confidence.".into(),
                protege_comments: "The sessions help me plan my month.".into(),
                scale: RatingScale::FourPoint,
                overall_rating: Some(3),
                recommendation: Recommendation::Continue,
                recommendation_reason: String::new(),
            },
            today(),
        )?;
        for form in [Form::ProtegeMidpoint, Form::MentorMidpoint] {
            let rating = 1 + (n / 2 % 4) as u8;
            s.save_evaluation(&evaluation(s, id, form, "2026-10-05", rating), today())?;
        }
    }
    Ok(())
}

/// A register of `mentors` internal mentors (Deputy Directors at level 11, where the KPA
/// weight range binds), each with two protégés who start on 1 May and 1 August 2026, and a
/// final KPA allocation for the 2026/27 cycle: four KPAs of the mentor's own work and the
/// mentoring KPA the store proposes. Returned with the allocations' ids.
pub fn kpa_register(mentors: usize) -> (TempDir, Store, Vec<i64>) {
    let (dir, mut store) = new_store("kpa.sqlite3");
    let ids = store
        .in_transaction(|s| {
            let unit = s.save_unit(&Unit {
                name: "Corporate Services".into(),
                ..Unit::default()
            })?;
            let people = (0..mentors * 3)
                .map(|n| {
                    s.save_staff(
                        &Staff {
                            designation: "Deputy Director: Operations".into(),
                            salary_level: Some(11),
                            unit_id: Some(unit),
                            ..staff(n)
                        },
                        today(),
                    )
                })
                .collect::<Result<Vec<_>>>()?;
            let cycle_id = s.ensure_cycle(today())?.id.unwrap_or_default();
            let mut allocations = Vec::with_capacity(mentors);
            for m in 0..mentors {
                let mentor_id = s.save_mentor(&mentor(people[m]))?;
                for p in 0..2 {
                    let protege_id = s.save_protege(&protege(
                        people[mentors + m * 2 + p],
                        ProtegeKind::Applicant,
                    ))?;
                    s.save_mentorship(&Mentorship {
                        start_date: day(2026, 5 + p as u32 * 3, 1),
                        ..mentorship(mentor_id, protege_id)
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
                s.finalise_kpa_allocation(id, today())?;
                allocations.push(id);
            }
            Ok(allocations)
        })
        .expect("KPA register");
    (dir, store, ids)
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
/// 1 October 2026 to 30 September 2027, every third holding a draft mentorship from February
/// to July 2027, and `proteges` approved applications of the "2027 intake", each protégé with
/// a three-level reporting line. Returned with the applications' ids.
pub fn matching_register(mentors: usize, proteges: usize) -> (TempDir, Store, Vec<i64>) {
    let (dir, mut store) = new_store("matching.sqlite3");
    let applications = store
        .in_transaction(|s| {
            let person = |s: &mut Store, n: usize, manager: Option<i64>| {
                s.save_staff(
                    &Staff {
                        line_manager_id: manager,
                        ..staff(n)
                    },
                    today(),
                )
            };
            let director = person(s, 0, None)?;
            let managers = (1..=10)
                .map(|n| person(s, n, Some(director)))
                .collect::<Result<Vec<_>>>()?;
            let mut mentor_ids = Vec::with_capacity(mentors);
            for m in 0..mentors {
                let staff_id = person(s, 100 + m, Some(managers[m % 10]))?;
                mentor_ids.push(s.save_mentor(&Mentor {
                    fields_of_expertise: FIELDS[m % FIELDS.len()].into(),
                    appointment_start: Some(day(2026, 10, 1)),
                    appointment_end: Some(day(2027, 9, 30)),
                    languages: "English, isiZulu".into(),
                    ..mentor(staff_id)
                })?);
            }
            for (m, &mentor_id) in mentor_ids.iter().enumerate().step_by(3) {
                let held = person(s, 100_000 + m, None)?;
                let protege_id =
                    s.save_protege(&Protege::new(held, ProtegeKind::Applicant, "Reports"))?;
                s.save_mentorship(&Mentorship {
                    start_date: day(2027, 2, 1),
                    end_date: day(2027, 7, 31),
                    status: Status::Draft,
                    ..mentorship(mentor_id, protege_id)
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
                applications.push(approved_application(
                    s,
                    &Application {
                        preferred_gender: (p % 4 == 0).then_some(Gender::Female),
                        preferred_language: if p % 5 == 0 {
                            "isiZulu".into()
                        } else {
                            String::new()
                        },
                        ..application(protege_id)
                    },
                )?);
            }
            Ok(applications)
        })
        .expect("matching register");
    (dir, store, applications)
}

// The benchmarks run rarely and never in CI, so their builders are checked here at a small size:
// a rule that starts refusing their data fails a test, not a benchmark run months later.

#[test]
fn a_programme_holds_the_staff_mentors_mentorships_and_sessions_its_shape_promises() {
    use mentordesk_core::store::{Confidential, MentorshipQuery, StaffQuery};
    let shape = Shape {
        staff: 40,
        units: 3,
        mentors: 5,
        proteges_per_mentor: 4,
        sessions_per_mentorship: 6,
    };
    let (_dir, store, ids) = programme(&shape);
    assert_eq!(store.staff_list(&StaffQuery::default()).unwrap().len(), 40);
    assert_eq!(store.units(false).unwrap().len(), 3);
    assert_eq!(store.mentors("", false).unwrap().len(), 5);
    assert_eq!(ids.len(), shape.mentorships());
    assert_eq!(
        store
            .mentorships(&MentorshipQuery::default())
            .unwrap()
            .len(),
        20
    );
    let (mut sessions, mut reports) = (0, 0);
    for &id in &ids {
        sessions += store
            .sessions(id, day(2026, 4, 1), today(), Confidential::LeftOut)
            .unwrap()
            .len();
        assert_eq!(store.ratings(id).unwrap().len(), 8);
        reports += store.report_entries(id).unwrap().len();
    }
    assert_eq!(sessions, shape.sessions());
    assert_eq!(sessions, 120);
    assert_eq!(reports, 10, "every other mentorship is reported on");
    let evaluated: usize = ids
        .iter()
        .map(|&id| store.evaluations(id).unwrap().len())
        .sum();
    assert_eq!(
        evaluated, 20,
        "and evaluated at its mid-point by protégé and mentor"
    );
}

#[test]
fn every_mix_of_gender_race_and_salary_level_comes_once_in_128_staff() {
    let mixes: std::collections::HashSet<_> = (1000..1128)
        .map(staff)
        .map(|s| (s.gender, s.race, s.salary_level))
        .collect();
    assert_eq!(mixes.len(), 2 * 4 * 16);
    assert!(mixes
        .iter()
        .all(|(g, r, l)| g.is_some() && r.is_some() && (1..=16).contains(&l.unwrap_or(0))));
    assert_eq!((0..1000).map(staff).filter(|s| s.disability).count(), 40);
}

#[test]
fn the_persal_extract_imports_whole_and_plans_as_unchanged_the_second_time() {
    use mentordesk_core::import;
    let (_dir, mut store) = new_store("import.sqlite3");
    let table = import::read_csv(persal_extract(200).as_bytes()).unwrap();
    let mapping = import::recognise(&table.headers);
    let done = store.import_staff(&table, &mapping, today()).unwrap();
    assert_eq!(done.added, 200);
    let plan = import::plan(&store, &table, &mapping, today()).unwrap();
    assert_eq!(plan.unchanged, 200);
    // Staff member 0 comes back as the fixture made them but for the component they were
    // placed in and the place they work, which PERSAL extracts leave out.
    let fixture = staff(0);
    let found = store
        .staff_list(&mentordesk_core::store::StaffQuery {
            text: fixture.persal.clone(),
            ..Default::default()
        })
        .unwrap();
    let imported = store.staff(found[0].id).unwrap();
    assert_eq!(
        Staff {
            id: None,
            unit_id: None,
            location: fixture.location,
            ..imported
        },
        fixture
    );
}

#[test]
fn the_kpa_and_matching_registers_build_at_a_small_size() {
    let (_dir, _store, allocations) = kpa_register(3);
    assert_eq!(allocations.len(), 3);
    let (_dir, store, applications) = matching_register(6, 2);
    assert_eq!(applications.len(), 2);
    assert_eq!(store.mentors("", false).unwrap().len(), 6);
    assert_eq!(
        store
            .matchable_applications(Some("2027 intake"))
            .unwrap()
            .len(),
        2
    );
}

/// Form `form` of mentorship `mentorship_id` filled in on paper on `on`: every rating question
/// given `rating` on the four-point scale, every yes-or-no question yes, every written one
/// "Helpful sessions.".
pub fn evaluation(
    store: &Store,
    mentorship_id: i64,
    form: Form,
    on: &str,
    rating: u8,
) -> Evaluation {
    let questions = store.evaluation_questions(form, false).expect("questions");
    Evaluation {
        id: None,
        mentorship_id,
        form,
        answered_on: date(on),
        scale: RatingScale::FourPoint,
        from_paper: true,
        answers: questions
            .iter()
            .map(|q| Answer {
                question_id: q.id.expect("a saved question"),
                rating: (q.answer == AnswerKind::Rating).then_some(rating),
                yes: (q.answer == AnswerKind::YesNo).then_some(true),
                text: if q.answer == AnswerKind::Text {
                    "Helpful sessions.".into()
                } else {
                    String::new()
                },
            })
            .collect(),
    }
}

/// One mentorship (`mentorship`: 1 April 2026 to 31 March 2027) between two staff members
/// with no unit and no line manager, in a new store in the file `file`.
pub fn one_mentorship(file: &str) -> (TempDir, Store, i64) {
    let (dir, mut store) = new_store(file);
    let today = today();
    let m = store.save_staff(&staff(0), today).unwrap();
    let p = store.save_staff(&staff(1), today).unwrap();
    let mentor_id = store.save_mentor(&mentor(m)).unwrap();
    let protege_id = store
        .save_protege(&protege(p, ProtegeKind::Applicant))
        .unwrap();
    let id = store
        .save_mentorship(&mentorship(mentor_id, protege_id))
        .unwrap();
    (dir, store, id)
}

/// A two-page PDF standing for a scanner's output, with words found nowhere else.
pub fn scanned_pdf() -> Vec<u8> {
    let mut blocks = vec![Block::Paragraph(
        "Signed at the regional office in Polokwane before two witnesses.".into(),
    )];
    blocks.push(Block::PageBreak);
    blocks.push(Block::Paragraph("Second page of the scan.".into()));
    render_pdf(&Document {
        title: "Scan".into(),
        reference: "SCAN".into(),
        organisation: "Scanner".into(),
        generated_on: date("2026-11-20"),
        blocks,
    })
    .unwrap()
}

/// A phone photo of a page: 3000 by 4000 pixels of paper with lines of text and some noise,
/// saved as a phone saves it (JPEG).
pub fn phone_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(3000, 4000, |x, y| {
        let ink = y % 90 < 14 && (200..2800).contains(&x);
        let noise = ((x * 7919 + y * 104_729) % 23) as u8;
        if ink {
            image::Rgb([40 + noise, 40 + noise, 50 + noise])
        } else {
            image::Rgb([225 + noise, 222 + noise, 210 + noise])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}
