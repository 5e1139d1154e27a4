//! The programme report's figures on a small programme built by hand, where every right
//! answer is known: participation, activity, outcomes, workload and the employment-equity
//! breakdown with its protection of small groups; an empty period; and the printed report.

use chrono::NaiveDate;
use mentordesk_core::domain::*;
use mentordesk_core::evaluation::Form;
use mentordesk_core::export::Format;
use mentordesk_core::print::programme_report::{self, ReportOptions};
use mentordesk_core::programme::{FigureTable, ProgrammeFigures};
use mentordesk_core::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use mentordesk_core::selection::{Decision, Review};
use mentordesk_core::store::Register;
use mentordesk_core::termination::{Reason, Step, StepKind};
use mentordesk_core::workplan::{EventKind, WorkPlanEvent};
use mentordesk_core::Store;

use crate::fixtures::{self, application, mentor, mentorship, protege, session, staff};
use crate::{check_pdf, date, text_of};

/// The day the programme is seen from, after the period.
const TODAY: &str = "2026-12-10";

fn period() -> Period {
    Period::range(date("2026-10-01"), date("2026-11-30")).unwrap()
}

struct Programme {
    _dir: tempfile::TempDir,
    store: Store,
}

/// Who is on the register: `(race, gender, salary level, disability)` for staff 0 to 9.
/// 0 and 1 are the mentors, 2 to 6 protégés, 7 to 9 other staff; 10 is archived.
const PEOPLE: [(Race, Gender, u8, bool); 11] = [
    (Race::African, Gender::Female, 12, false),
    (Race::White, Gender::Male, 10, false),
    (Race::African, Gender::Female, 7, false),
    (Race::African, Gender::Female, 7, false),
    (Race::African, Gender::Female, 5, false),
    (Race::Coloured, Gender::Male, 8, false),
    (Race::Indian, Gender::Female, 2, true),
    (Race::African, Gender::Male, 9, false),
    (Race::African, Gender::Male, 9, false),
    (Race::African, Gender::Male, 14, true),
    (Race::White, Gender::Female, 3, false),
];

/// Two mentors with four mentorships under way in October and November 2026:
/// 1. Zoë (mentor 0) and protégé 2, all year, three sessions in the period;
/// 2. Zoë and protégé 3, from 15 October, one session;
/// 3. mentor 1 and protégé 4, completed on 31 October, one session;
/// 4. mentor 1 and protégé 5, terminated on 10 November at the protégé's request, no session
///    in the period (one in September);
/// 5. and Zoë and protégé 6 from 1 December, after the period.
fn programme() -> Programme {
    let (dir, mut store) = fixtures::new_store("programme.sqlite3");
    let today = date(TODAY);
    let mut settings = store.settings().unwrap();
    settings.mentoring_hours_per_protege = 2.0;
    store.save_settings(&settings).unwrap();
    let mut ids = Vec::new();
    for (n, (race, gender, level, disability)) in PEOPLE.into_iter().enumerate() {
        let id = store
            .save_staff(
                &Staff {
                    race: Some(race),
                    gender: Some(gender),
                    salary_level: Some(level),
                    disability,
                    ..staff(n)
                },
                today,
            )
            .unwrap();
        ids.push(id);
    }
    store.set_archived(Register::Staff, ids[10], true).unwrap();
    let zoe = store.save_mentor(&mentor(ids[0])).unwrap();
    let other = store.save_mentor(&mentor(ids[1])).unwrap();
    let kinds = [
        ProtegeKind::Applicant,
        ProtegeKind::Intern,
        ProtegeKind::Learner,
        ProtegeKind::PromotedManager,
        ProtegeKind::Applicant,
    ];
    let proteges: Vec<i64> = (2..=6)
        .map(|n| store.save_protege(&protege(ids[n], kinds[n - 2])).unwrap())
        .collect();
    let pair = |store: &mut Store, mentor_id, protege_id, from: &str, to: &str| {
        store
            .save_mentorship(&Mentorship {
                start_date: date(from),
                end_date: date(to),
                ..mentorship(mentor_id, protege_id)
            })
            .unwrap()
    };
    let m1 = pair(&mut store, zoe, proteges[0], "2026-04-01", "2027-03-31");
    let m2 = pair(&mut store, zoe, proteges[1], "2026-10-15", "2027-03-31");
    let m3 = pair(&mut store, other, proteges[2], "2026-05-01", "2026-10-31");
    let m4 = pair(&mut store, other, proteges[3], "2026-06-01", "2026-11-10");
    pair(&mut store, zoe, proteges[4], "2026-12-01", "2027-03-31");
    for (m, held_on, minutes) in [
        (m1, "2026-10-05", 60),
        (m1, "2026-10-20", 90),
        (m1, "2026-11-03", 60),
        (m2, "2026-11-10", 45),
        (m3, "2026-10-12", 60),
        (m4, "2026-09-01", 60),
    ] {
        store
            .save_session(
                &mentordesk_core::session::Session {
                    minutes,
                    ..session(m, date(held_on))
                },
                today,
            )
            .unwrap();
    }
    let rate = |store: &mut Store, m, competency: &str, on: &str, rating| {
        store
            .save_rating(
                &Rating {
                    id: None,
                    mentorship_id: m,
                    competency: competency.into(),
                    rated_on: date(on),
                    scale: RatingScale::FourPoint,
                    rating,
                    evidence: "Observed at work".into(),
                },
                today,
            )
            .unwrap();
    };
    rate(&mut store, m1, "Financial management", "2026-07-01", 2);
    rate(&mut store, m1, "Financial management", "2026-10-10", 3);
    rate(&mut store, m1, "Report writing", "2026-07-01", 2);
    rate(&mut store, m1, "Report writing", "2026-12-05", 4);
    rate(&mut store, m2, "Financial management", "2026-11-01", 2);
    rate(&mut store, m2, "Financial management", "2026-11-20", 2);
    rate(&mut store, m3, "Report writing", "2026-06-01", 3);
    rate(&mut store, m3, "Report writing", "2026-10-01", 2);
    let report = |store: &mut Store, m, from: &str, to: &str, on: &str, recommendation| {
        store
            .save_report_entry(
                &ReportEntry {
                    id: None,
                    mentorship_id: m,
                    period_from: date(from),
                    period_to: date(to),
                    period_label: format!("{from} to {to}"),
                    written_on: date(on),
                    mentor_comments: "Steady progress.".into(),
                    protege_comments: String::new(),
                    scale: RatingScale::FourPoint,
                    overall_rating: Some(3),
                    recommendation,
                    recommendation_reason: "As discussed with the protégé.".into(),
                },
                today,
            )
            .unwrap();
    };
    report(
        &mut store,
        m1,
        "2026-07-01",
        "2026-09-30",
        "2026-10-05",
        Recommendation::Continue,
    );
    report(
        &mut store,
        m2,
        "2026-10-15",
        "2026-11-15",
        "2026-11-20",
        Recommendation::Extend,
    );
    report(
        &mut store,
        m3,
        "2026-05-01",
        "2026-10-31",
        "2026-10-31",
        Recommendation::Complete,
    );
    report(
        &mut store,
        m1,
        "2026-04-01",
        "2026-06-30",
        "2026-07-05",
        Recommendation::Continue,
    );
    for (m, due, signed) in [
        (m1, "2026-10-03", Some("2026-10-03")),
        (m1, "2026-11-03", Some("2026-11-06")),
        (m2, "2026-11-20", None),
        (m2, "2026-12-20", None),
    ] {
        let id = store
            .save_work_plan_event(&WorkPlanEvent {
                id: None,
                mentorship_id: m,
                due_on: date(due),
                kind: EventKind::Feedback,
                title: "Feedback to the protégé".into(),
                signed_off_on: None,
                sign_off_comment: String::new(),
            })
            .unwrap();
        if let Some(on) = signed {
            store.sign_off_event(id, date(on), "", today).unwrap();
        }
    }
    store
        .save_termination_step(
            &Step {
                id: None,
                mentorship_id: m4,
                kind: StepKind::Decision,
                taken_on: date("2026-11-10"),
                initiated_by: "Protégé".into(),
                notes: "Transferred to another province.".into(),
                coordinator_informed: true,
                reason: Some(Reason::Transfer),
            },
            today,
        )
        .unwrap();
    // Evaluations: the end forms of pairs 3 and 4 fall due in the period (six); three are
    // answered in it, and pair 1's protégé answers the mid-point form (due 30 September) on
    // 2 October.
    for (m, form, on, rating) in [
        (m3, Form::ProtegeEnd, "2026-11-02", 3),
        (m3, Form::MentorEnd, "2026-11-03", 3),
        (m4, Form::ProtegeEnd, "2026-11-12", 4),
        (m1, Form::ProtegeMidpoint, "2026-10-02", 2),
    ] {
        let e = fixtures::evaluation(&store, m, form, on, rating);
        store.save_evaluation(&e, today).unwrap();
    }
    for (m, status) in [(m3, Status::Completed), (m4, Status::Terminated)] {
        let mut record = store.mentorship(m).unwrap();
        record.status = status;
        store.save_mentorship(&record).unwrap();
    }
    // Applications: two received in the period, one approved and matched, one rejected; one
    // received in September and approved then.
    let applicants: Vec<i64> = (7..=9)
        .map(|n| {
            store
                .save_protege(&protege(ids[n], ProtegeKind::Applicant))
                .unwrap()
        })
        .collect();
    for (n, (received, reviewed, decision)) in [
        ("2026-10-02", "2026-11-05", Decision::Approved),
        ("2026-10-09", "2026-11-06", Decision::Rejected),
        ("2026-09-10", "2026-09-20", Decision::Approved),
    ]
    .into_iter()
    .enumerate()
    {
        let id = store
            .save_application(
                &mentordesk_core::selection::Application {
                    received_on: date(received),
                    wanted_end: date("2027-03-31"),
                    ..application(applicants[n])
                },
                "Programme office",
                date(received),
            )
            .unwrap();
        store
            .start_review(id, "Programme office", date(reviewed))
            .unwrap();
        store
            .record_review(
                &Review {
                    id: None,
                    application_id: id,
                    reviewed_on: date(reviewed),
                    members_present: "Selection committee".into(),
                    interview_notes: String::new(),
                    decision,
                    reasons: "Clear development needs.".into(),
                },
                date(reviewed),
            )
            .unwrap();
        if n == 0 {
            store
                .match_mentor(id, other, "Programme office", date("2026-11-07"))
                .unwrap();
        }
    }
    Programme { _dir: dir, store }
}

fn figures(p: &Programme) -> ProgrammeFigures {
    p.store.programme_figures(&period(), date(TODAY)).unwrap()
}

fn table<'a>(tables: &'a [FigureTable], title: &str) -> &'a FigureTable {
    tables
        .iter()
        .find(|t| t.title.starts_with(title))
        .unwrap_or_else(|| panic!("no table {title}"))
}

/// The row of `table` whose first cell is `label`.
fn row<'a>(table: &'a FigureTable, label: &str) -> &'a [String] {
    table
        .rows
        .iter()
        .find(|r| r[0] == label)
        .unwrap_or_else(|| panic!("no row {label} in {}", table.title))
}

#[test]
fn participation_counts_applications_and_mentorships_of_the_period() {
    let p = figures(&programme()).participation;
    assert_eq!(p.applications_received, 2);
    assert_eq!((p.approved, p.rejected, p.matched), (1, 1, 1));
    assert_eq!((p.started, p.under_way), (1, 4));
    assert_eq!((p.completed, p.terminated), (1, 1));
    assert_eq!(p.termination_reasons, [(Some(Reason::Transfer), 1)]);
    assert_eq!(p.extension_recommended, 1);
    let kinds: Vec<(ProtegeKind, u32)> = ProtegeKind::ALL.iter().map(|&k| (k, 1)).collect();
    assert_eq!(p.proteges_by_kind, kinds);
}

#[test]
fn activity_counts_sessions_and_hours_by_month_and_work_plan_events_by_when_signed() {
    let a = figures(&programme()).activity;
    let months: Vec<(NaiveDate, u32, u32)> = a
        .months
        .iter()
        .map(|m| (m.month, m.sessions, m.minutes))
        .collect();
    assert_eq!(
        months,
        [(date("2026-10-01"), 3, 210), (date("2026-11-01"), 2, 105)]
    );
    assert_eq!(
        a.without_session, 1,
        "the terminated pair met only in September"
    );
    assert_eq!((a.events_on_time, a.events_late, a.events_open), (1, 1, 1));
}

#[test]
fn outcomes_count_goals_the_latest_rating_against_the_first_and_recommendations() {
    let o = figures(&programme()).outcomes;
    // Each of the four mentorships under way has a goal achieved, one in progress and one
    // not started (the fixture's).
    assert_eq!(
        o.goals,
        [
            (GoalStatus::NotStarted, 4),
            (GoalStatus::InProgress, 4),
            (GoalStatus::Achieved, 4),
            (GoalStatus::NotAchieved, 0),
        ]
    );
    // Financial management of pair 1 went up; report writing of pair 1 was rated once by the
    // period's end (the second rating is in December); pair 2 stayed; pair 3 went down.
    assert_eq!(
        (
            o.competencies_up,
            o.competencies_same,
            o.competencies_down,
            o.competencies_rated_once
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(
        o.recommendations,
        [
            (Recommendation::Continue, 1),
            (Recommendation::Extend, 1),
            (Recommendation::Complete, 1),
            (Recommendation::Terminate, 0),
        ]
    );
}

#[test]
fn the_mentors_hours_are_measured_against_the_norm_for_the_days_their_pairs_ran() {
    let w = figures(&programme()).workload;
    assert_eq!(w.capacity, 4);
    assert_eq!(w.by_proteges, [(2, 2)]);
    // Zoë: 255 minutes against 2 hours a month over 61 + 47 days; the other mentor: 60
    // minutes against 31 + 41 days. Neither reaches the norm.
    assert_eq!((w.hours_at_norm, w.hours_below_norm), (0, 2));
    assert!((w.hours_logged - 5.25).abs() < 1e-9, "{}", w.hours_logged);
    let norm = 2.0 * f64::from(61 + 47 + 31 + 41) * 12.0 / 365.25;
    assert!(
        (w.hours_norm - norm).abs() < 1e-9,
        "{} against {norm}",
        w.hours_norm
    );
}

#[test]
fn the_equity_breakdown_counts_each_population_by_race_gender_disability_and_level() {
    let e = figures(&programme()).equity;
    let [mentors, proteges, staff] = &e.populations[..] else {
        panic!("three populations");
    };
    assert_eq!((mentors.total, proteges.total, staff.total), (2, 4, 10));
    // Race::ALL is African, Coloured, Indian, White; each as [women, men].
    assert_eq!(mentors.race_gender, [[1, 0], [0, 0], [0, 0], [0, 1]]);
    assert_eq!(proteges.race_gender, [[3, 0], [0, 1], [0, 0], [0, 0]]);
    assert_eq!(staff.race_gender, [[4, 3], [0, 1], [1, 0], [0, 1]]);
    assert_eq!(
        (
            mentors.with_disability,
            proteges.with_disability,
            staff.with_disability
        ),
        (0, 0, 2)
    );
    // Top, senior, professional, skilled, semi-skilled, unskilled.
    assert_eq!(mentors.by_level, [0, 0, 2, 0, 0, 0]);
    assert_eq!(proteges.by_level, [0, 0, 0, 3, 1, 0]);
    assert_eq!(staff.by_level, [0, 1, 4, 3, 1, 1]);
    assert_eq!(e.external_mentors, 0);
}

#[test]
fn small_groups_read_fewer_than_three_and_a_lone_one_hides_the_next_smallest_too() {
    let tables = figures(&programme()).tables(ReportOptions::default());
    let race = table(&tables, "Race and gender");
    assert_eq!(
        race.columns,
        ["Group", "Mentors", "%", "Protégés", "%", "All staff", "%"]
    );
    // The protégés' one Coloured man is hidden, and with him the three African women, or the
    // total of four would give him away; theirs is not a small count, so it says so.
    assert_eq!(row(race, "Coloured men")[3..5], ["fewer than 3", "–"]);
    assert_eq!(row(race, "African women")[3..5], ["not shown", "–"]);
    assert_eq!(row(race, "White women")[3..5], ["0", "0.0%"]);
    assert_eq!(row(race, "African women")[5..7], ["4", "40.0%"]);
    assert_eq!(row(race, "African men")[5..7], ["3", "30.0%"]);
    assert_eq!(
        row(race, "All")[1..],
        ["2", "100.0%", "4", "100.0%", "10", "100.0%"]
    );
    let kinds = table(&tables, "Protégés of the mentorships under way");
    assert!(
        kinds.rows.iter().all(|r| r[1] == "fewer than 3"),
        "{kinds:?}"
    );

    // With the smallest count set to 1 nothing is hidden.
    let p = programme();
    let mut store = p.store;
    let mut settings = store.settings().unwrap();
    settings.report_smallest_count = 1;
    store.save_settings(&settings).unwrap();
    let tables = store
        .programme_figures(&period(), date(TODAY))
        .unwrap()
        .tables(ReportOptions::default());
    let race = table(&tables, "Race and gender");
    assert_eq!(row(race, "African women")[3..5], ["3", "75.0%"]);
    assert_eq!(row(race, "Coloured men")[3..5], ["1", "25.0%"]);
    let levels = table(&tables, "Occupational level");
    assert_eq!(
        row(
            levels,
            "Skilled technical and junior management (levels 6–8)"
        )[3..5],
        ["3", "75.0%"]
    );
}

#[test]
fn an_empty_period_counts_nought_and_its_charts_say_so() {
    let p = programme();
    let quiet = Period::range(date("2025-01-01"), date("2025-02-28")).unwrap();
    let f = p.store.programme_figures(&quiet, date(TODAY)).unwrap();
    assert_eq!(f.participation.under_way, 0);
    assert_eq!(f.activity.months.len(), 2);
    assert!(f.activity.months.iter().all(|m| m.sessions == 0));
    let charts: Vec<_> = f.sections().into_iter().flat_map(|s| s.charts).collect();
    let sessions = charts
        .iter()
        .find(|c| c.title == "Sessions held per month")
        .unwrap();
    assert!(!sessions.has_data());
    assert_eq!(sessions.empty, "No sessions were held in this period.");
}

#[test]
fn the_occupational_levels_are_a_setting_that_must_cover_every_salary_level_once() {
    let (_dir, mut store) = fixtures::new_store("levels.sqlite3");
    let mut settings = store.settings().unwrap();
    let levels = settings.occupational_levels().unwrap();
    assert_eq!(levels.len(), 6);
    assert_eq!(
        (levels[0].name.as_str(), levels[0].from, levels[0].to),
        ("Top management", 15, 16)
    );
    settings.occupational_levels = "13-16 Senior and top; 1-12 Everyone else".into();
    store.save_settings(&settings).unwrap();
    assert_eq!(
        store
            .settings()
            .unwrap()
            .occupational_levels()
            .unwrap()
            .len(),
        2
    );
    for wrong in [
        "1-12 Most; 12-16 Senior",
        "1-10 Most; 12-16 Senior",
        "A-B Nobody",
        "1-16",
    ] {
        settings.occupational_levels = wrong.into();
        let err = store.save_settings(&settings).unwrap_err();
        assert_eq!(err.field(), Some("occupational_levels"), "{wrong}");
    }
}

#[test]
fn the_tables_export_to_csv_and_a_workbook_with_the_printed_labels() {
    let p = programme();
    let f = figures(&p);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Format::Csv.destination(dir.path(), &f.folder_name()),
        dir.path().join("Programme report 2026-10-01 to 2026-11-30")
    );
    let csv = f
        .export(dir.path(), Format::Csv, ReportOptions::default())
        .unwrap();
    assert_eq!(csv.files.len(), f.tables(ReportOptions::default()).len());
    let race = std::fs::read_to_string(dir.path().join("race-and-gender.csv")).unwrap();
    assert!(
        race.contains("Coloured men,0,0.0%,fewer than 3,–,fewer than 3,–"),
        "{race}"
    );
    let everything = ReportOptions {
        with_names: true,
        with_comments: true,
    };
    let book = f.export(dir.path(), Format::Xlsx, everything).unwrap();
    assert_eq!(book.registers, f.tables(ReportOptions::default()).len() + 2);
    assert!(book.files[0].ends_with("programme-report.xlsx"));
}

#[test]
fn the_printed_report_has_every_section_its_charts_and_names_no_one_without_the_appendix() {
    let p = programme();
    let dir = tempfile::tempdir().unwrap();
    let print = |options| {
        programme_report::write_programme_report(
            &p.store,
            &period(),
            options,
            date(TODAY),
            dir.path(),
        )
        .unwrap()
    };
    let pdf = print(ReportOptions::default());
    assert!(pdf.ends_with("programme-report-2026-10-01-to-2026-11-30.pdf"));
    check_pdf(&pdf);
    let text = text_of(&pdf);
    for heading in [
        "1. Participation",
        "2. Activity",
        "3. Outcomes",
        "4. Mentor workload",
        "5. Employment equity",
        "Sessions held per month",
        "Race and gender",
        "Coloured men",
        "fewer than 3",
        "Skilled technical and junior management",
    ] {
        assert!(text.contains(heading), "{heading} missing from {text}");
    }
    assert!(
        !text.contains("Helpful sessions."),
        "written answers only when asked"
    );
    for n in 0..10 {
        let surname = staff(n).surname;
        assert!(
            !text.contains(&surname),
            "{surname} is named without the appendix"
        );
    }
    print(ReportOptions {
        with_names: true,
        ..ReportOptions::default()
    });
    let text = text_of(&pdf);
    assert!(text.contains("Appendix: the mentorships under way"));
    assert!(text.contains(&staff(2).surname), "{text}");
    assert!(!text.contains("Helpful sessions."));
    print(ReportOptions {
        with_comments: true,
        ..ReportOptions::default()
    });
    let text = text_of(&pdf);
    assert!(text.contains("Evaluations: written answers"), "{text}");
    assert!(text.contains("Helpful sessions."));
    assert!(
        !text.contains(&staff(2).surname),
        "comments come without names"
    );
}

#[test]
fn evaluations_count_the_forms_due_and_answered_and_each_questions_answers() {
    let p = programme();
    let e = figures(&p).evaluations;
    assert_eq!((e.due, e.answered), (6, 3));
    let satisfied = e
        .questions
        .iter()
        .find(|q| q.form == Form::ProtegeEnd && q.position == 1)
        .unwrap();
    assert_eq!(
        (satisfied.answers, &satisfied.spread[..]),
        (2, &[0, 0, 1, 1][..])
    );
    assert_eq!(satisfied.average(), Some(3.5));
    let recommend = e
        .questions
        .iter()
        .find(|q| q.form == Form::ProtegeEnd && q.position == 6)
        .unwrap();
    assert_eq!((recommend.answers, recommend.yes), (2, 2));
    assert_eq!(e.comments.len(), 4, "{:?}", e.comments);
    assert_eq!(e.comments[0].0, Form::ProtegeMidpoint);

    // Two answers are fewer than three: no average, and the spread chart draws nothing.
    let f = figures(&p);
    let tables = f.tables(ReportOptions::default());
    assert_eq!(
        row(table(&tables, "Evaluation forms due"), "Response rate")[1],
        "50.0%"
    );
    let ratings = table(&tables, "Ratings, by question");
    assert_eq!(
        row(ratings, "Protégé end Q1")[2..],
        ["2", "fewer than 3 answers"]
    );
    let chart = f
        .sections()
        .into_iter()
        .flat_map(|s| s.charts)
        .find(|c| c.title.starts_with("Spread of the ratings"))
        .unwrap();
    assert!(!chart.has_data());
    assert!(!tables.iter().any(|t| t.title.contains("written answers")));
    assert!(f.view(ReportOptions::default()).comments.is_none());
    let with_comments = ReportOptions {
        with_comments: true,
        ..ReportOptions::default()
    };
    assert_eq!(f.view(with_comments).comments.unwrap().rows.len(), 4);
    assert_eq!(
        f.comments_table().rows[0],
        ["Protégé's mid-point evaluation", "Helpful sessions."]
    );

    let mut store = p.store;
    let mut settings = store.settings().unwrap();
    settings.report_smallest_count = 2;
    store.save_settings(&settings).unwrap();
    let f = store.programme_figures(&period(), date(TODAY)).unwrap();
    let tables = f.tables(ReportOptions::default());
    assert_eq!(
        row(table(&tables, "Ratings, by question"), "Protégé end Q1")[2..],
        ["2", "3.50"]
    );
    assert_eq!(
        row(table(&tables, "Yes-or-no questions"), "Protégé end Q6")[2..],
        ["2", "100.0%"]
    );
}
