//! The sample programme: the sessions, work plans, ratings and reports it logs, so that reports
//! and the dashboard have something to show; placed around the day it is loaded, so that every
//! promise it makes holds on any day of the year; and loaded only into an empty register.

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::{Datelike, Days, Months, NaiveDate};
use mentordesk_core::dashboard::AttentionKind;
use mentordesk_core::domain::{Gender, GoalStatus, Mentorship, Mode, ProtegeKind, Status};
use mentordesk_core::evaluation::{Evaluation, Form};
use mentordesk_core::kpa::AllocationStatus;
use mentordesk_core::progress::{Period, RatingScale, Recommendation};
use mentordesk_core::selection::{Decision, Entry, LetterKind, State};
use mentordesk_core::session::Session;
use mentordesk_core::store::{
    AllocationQuery, ApplicationQuery, ApplicationRow, Confidential, MentorshipQuery,
};
use mentordesk_core::termination::StepKind;
use mentordesk_core::{cycle::Cycle, print, sample, Store};

use crate::{date, sample_store};

const TODAY: &str = "2026-11-23";

fn today() -> NaiveDate {
    date(TODAY)
}

/// The sample's active mentorships, each with its sessions (confidential notes included).
fn active(store: &Store) -> Vec<(Mentorship, Vec<Session>)> {
    store
        .mentorships(&MentorshipQuery {
            status: Some(Status::Active),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|row| {
            let m = store.mentorship(row.id).unwrap();
            let sessions = store
                .sessions(row.id, m.start_date, m.end_date, Confidential::Included)
                .unwrap();
            (m, sessions)
        })
        .collect()
}

/// A promise of the sample, checked on the day it was loaded: its name and its check.
type Promise = (&'static str, fn(&Store, NaiveDate));

/// Each promise the sample makes.
const PROMISES: [Promise; 19] = [
    ("sessions", sessions_with_actions_done_open_and_past_due),
    (
        "recent sessions",
        one_pair_has_not_met_for_30_days_and_another_met_this_week,
    ),
    (
        "work plans",
        work_plans_are_mostly_signed_off_with_some_events_overdue,
    ),
    ("goals", goals_stand_at_every_stage),
    (
        "ratings",
        competencies_are_rated_once_or_twice_a_quarter_with_evidence,
    ),
    (
        "reports",
        most_pairs_report_on_the_previous_quarter_and_one_is_still_due,
    ),
    (
        "termination",
        the_troubled_pair_has_a_discussion_and_a_written_request,
    ),
    (
        "dashboard",
        the_dashboard_has_something_of_every_kind_to_show,
    ),
    (
        "kpa",
        every_internal_mentor_has_an_allocation_four_final_and_one_draft,
    ),
    ("intake", the_intake_has_applications_in_every_state),
    ("letters", the_rejected_application_owes_a_letter),
    (
        "matching",
        the_approved_and_the_intern_are_ready_for_matching,
    ),
    (
        "proposal",
        the_intake_is_proposed_in_full_without_the_line_manager,
    ),
    (
        "appointment",
        one_appointment_ends_within_the_warning_and_the_rest_cover_the_intake,
    ),
    (
        "evaluations",
        one_mid_point_form_is_answered_and_three_are_owed_one_overdue,
    ),
    (
        "signed paper",
        most_documents_are_signed_two_copies_kept_one_addendum,
    ),
    (
        "programme report",
        every_chart_of_the_last_twelve_months_shows_data,
    ),
    (
        "the ending",
        one_earlier_pair_was_terminated_after_four_steps_and_one_earns_a_certificate,
    ),
    ("dispute", one_dispute_is_open_after_one_mediation_meeting),
];

fn sessions_with_actions_done_open_and_past_due(store: &Store, today: NaiveDate) {
    let active = active(store);
    assert_eq!(active.len(), 7);
    let sessions: Vec<(&Mentorship, &Session)> = active
        .iter()
        .flat_map(|(m, sessions)| sessions.iter().map(move |s| (m, s)))
        .collect();
    let total = sessions.len();
    assert!((50..=80).contains(&total), "{total} sessions");
    for (m, s) in &sessions {
        assert!((45..=120).contains(&s.minutes), "{s:?}");
        assert!(s.held_on >= m.start_date && s.held_on <= today, "{s:?}");
        let modes = match m.mode {
            Mode::Blended => vec![Mode::FaceToFace, Mode::EMentoring],
            mode => vec![mode],
        };
        assert!(
            modes.contains(&s.mode),
            "{s:?} in a {:?} mentorship",
            m.mode
        );
        assert!(!s.topics.is_empty() && !s.advice.is_empty() && !s.diagnosis_now.is_empty());
    }
    // About a third of the sessions hold confidential notes.
    let confidential = sessions
        .iter()
        .filter(|(_, s)| !s.confidential_notes.is_empty())
        .count();
    assert!(
        confidential * 4 >= total && confidential * 2 <= total,
        "{confidential} of {total}"
    );
    let kinds: Vec<_> = sessions.iter().map(|(_, s)| s.kind).collect();
    assert!(kinds.contains(&mentordesk_core::session::SessionKind::Planned));
    assert!(kinds.contains(&mentordesk_core::session::SessionKind::Situational));

    let actions: Vec<_> = sessions.iter().flat_map(|(_, s)| &s.actions).collect();
    let done = actions.iter().filter(|a| a.done_on.is_some()).count();
    let open = |past_due: bool| {
        actions
            .iter()
            .filter(|a| a.done_on.is_none() && (a.due_on.unwrap() < today) == past_due)
            .count()
    };
    assert!(done * 2 > actions.len(), "{done} of {} done", actions.len());
    assert!(open(false) >= 2, "open and not yet due");
    assert!(open(true) >= 2, "past their due date");
    assert!(actions.iter().all(|a| a.done_on.is_none_or(|d| d <= today)));
}

fn one_pair_has_not_met_for_30_days_and_another_met_this_week(store: &Store, today: NaiveDate) {
    let last_sessions: Vec<(NaiveDate, Option<NaiveDate>)> = active(store)
        .iter()
        .map(|(m, sessions)| (m.start_date, sessions.last().map(|s| s.held_on)))
        .collect();
    let month_ago = today - Days::new(30);
    assert!(last_sessions
        .iter()
        .any(|&(start, last)| start < month_ago && last.is_none_or(|d| d < month_ago)));
    assert!(last_sessions
        .iter()
        .any(|&(_, last)| last.is_some_and(|d| d > today - Days::new(7))));
}

fn work_plans_are_mostly_signed_off_with_some_events_overdue(store: &Store, today: NaiveDate) {
    let (mut past, mut signed) = (0, 0);
    for (m, _) in active(store) {
        let plan = store.work_plan(m.id.unwrap()).unwrap();
        assert!(!plan.is_empty(), "{m:?} has no work plan");
        for e in plan.iter().filter(|e| e.due_on < today) {
            past += 1;
            if let Some(day) = e.signed_off_on {
                signed += 1;
                assert!(day >= e.due_on && day <= today);
                assert!(!e.sign_off_comment.is_empty(), "{e:?}");
            }
        }
    }
    assert!(
        signed * 4 >= past * 3,
        "{signed} of {past} past events signed off"
    );
    let overdue = store.overdue_events(today).unwrap();
    assert_eq!(overdue.len(), past - signed);
    assert!(!overdue.is_empty());
}

fn goals_stand_at_every_stage(store: &Store, _today: NaiveDate) {
    let goals: Vec<_> = active(store)
        .into_iter()
        .flat_map(|(m, _)| m.goals)
        .collect();
    let at = |status, progress: std::ops::RangeInclusive<u8>| {
        goals
            .iter()
            .any(|g| g.status == status && progress.contains(&g.progress))
    };
    assert!(at(GoalStatus::Achieved, 100..=100));
    assert!(at(GoalStatus::InProgress, 30..=80));
    assert!(at(GoalStatus::NotStarted, 0..=0));
}

fn competencies_are_rated_once_or_twice_a_quarter_with_evidence(store: &Store, today: NaiveDate) {
    let quarters: Vec<Period> = [today - Months::new(12), today]
        .iter()
        .flat_map(|&day| Period::of_cycle(&Cycle::containing(day, 4).unwrap())[..4].to_vec())
        .collect();
    let mut rated = 0;
    for (m, sessions) in active(store) {
        let ratings = store.ratings(m.id.unwrap()).unwrap();
        // Only a pair that has met has anything to rate.
        assert_eq!(ratings.is_empty(), sessions.is_empty(), "{m:?}");
        rated += usize::from(!ratings.is_empty());
        for r in &ratings {
            assert_eq!(r.scale, RatingScale::FourPoint);
            assert!(
                (1..=4).contains(&r.rating) && !r.evidence.is_empty(),
                "{r:?}"
            );
            assert!(r.rated_on >= m.start_date && r.rated_on <= today, "{r:?}");
        }
        for c in &m.competencies {
            for q in &quarters {
                let n = ratings
                    .iter()
                    .filter(|r| {
                        r.competency == c.name && q.from <= r.rated_on && r.rated_on <= q.to
                    })
                    .count();
                assert!(n <= 2, "{} rated {n} times in {}", c.name, q.label);
            }
        }
    }
    assert!(rated >= 5, "{rated} mentorships rated");
}

/// The quarter before the one containing `today`.
fn previous_quarter(today: NaiveDate) -> Period {
    let quarter_of =
        |day| Period::quarter_containing(&Cycle::containing(day, 4).unwrap(), day).unwrap();
    quarter_of(quarter_of(today).from.pred_opt().unwrap())
}

fn most_pairs_report_on_the_previous_quarter_and_one_is_still_due(store: &Store, today: NaiveDate) {
    let previous = previous_quarter(today);
    let (mut written, mut due) = (0, 0);
    for (m, _) in active(store) {
        if m.start_date > previous.to {
            continue;
        }
        match store
            .report_entry(m.id.unwrap(), previous.from, previous.to)
            .unwrap()
        {
            Some(e) => {
                written += 1;
                assert_eq!(e.recommendation, Recommendation::Continue);
                assert!(!e.mentor_comments.is_empty() && !e.protege_comments.is_empty());
                assert!(e.overall_rating.is_some());
                assert!(e.written_on > previous.to && e.written_on <= today);
            }
            None => due += 1,
        }
    }
    assert!(written >= 3 && due >= 1, "{written} written, {due} due");
}

fn the_troubled_pair_has_a_discussion_and_a_written_request(store: &Store, _today: NaiveDate) {
    let steps: Vec<_> = active(store)
        .iter()
        .map(|(m, _)| store.termination_steps(m.id.unwrap()).unwrap())
        .filter(|steps| !steps.is_empty())
        .collect();
    assert_eq!(steps.len(), 1);
    let kinds: Vec<_> = steps[0].iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [StepKind::Discussion, StepKind::WrittenRequest]);
}

fn the_dashboard_has_something_of_every_kind_to_show(store: &Store, today: NaiveDate) {
    let lines = store.dashboard(today).unwrap();
    for kind in AttentionKind::ALL {
        assert!(lines.iter().any(|a| a.kind == *kind), "no {kind:?} line");
    }
    // Reports are both due (this quarter) and overdue (the quarter before).
    let reports: Vec<_> = lines
        .iter()
        .filter(|a| a.kind == AttentionKind::ReportDue)
        .filter_map(|a| a.date)
        .collect();
    assert!(reports.iter().any(|&end| end < today), "no report overdue");
    assert!(reports.iter().any(|&end| end >= today), "no report due");
}

fn every_internal_mentor_has_an_allocation_four_final_and_one_draft(
    store: &Store,
    today: NaiveDate,
) {
    let cycle = store
        .cycle_containing(today)
        .unwrap()
        .expect("today's cycle");
    let rows = store
        .kpa_allocations(&AllocationQuery {
            cycle_id: cycle.id,
            latest_only: true,
            ..AllocationQuery::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows.iter().all(|r| r.total_weight == 100), "{rows:?}");
    let with = |status| rows.iter().filter(|r| r.status == status).count();
    assert_eq!(with(AllocationStatus::Final), 4, "{rows:?}");
    assert_eq!(with(AllocationStatus::Draft), 1, "{rows:?}");
    assert_eq!(
        rows.iter().filter(|r| r.version == 2).count(),
        1,
        "{rows:?}"
    );
    assert!(rows
        .iter()
        .filter_map(|r| r.consulted_on)
        .all(|day| day <= today && day >= cycle.start_date));
}

/// The sample's open intake: its name and its applications, newest first.
fn intake(store: &Store) -> (String, Vec<ApplicationRow>) {
    let rows = store.applications(&ApplicationQuery::default()).unwrap();
    let name = rows[0].intake.clone();
    assert!(rows.iter().all(|r| r.intake == name), "{rows:?}");
    (name, rows)
}

fn the_intake_has_applications_in_every_state(store: &Store, today: NaiveDate) {
    let (name, rows) = intake(store);
    let next_month = today.with_day(1).unwrap() + Months::new(1);
    assert_eq!(name, format!("{} intake", next_month.format("%B %Y")));
    let in_state = |state| rows.iter().filter(|r| r.state == state).count();
    assert_eq!(in_state(State::Submitted), 3);
    assert_eq!(in_state(State::UnderReview), 2);
    assert_eq!(in_state(State::Rejected), 1);
    assert_eq!(rows.len(), 6);
    let eligible: Vec<_> = rows
        .iter()
        .map(|r| store.application(r.id).unwrap())
        .filter(|a| a.entry == Entry::Eligible)
        .collect();
    assert_eq!(eligible.len(), 1);
    assert_eq!(eligible[0].state, State::Submitted);
    assert!(store.reviews(eligible[0].id.unwrap()).unwrap().is_empty());
    for r in rows.iter().filter(|r| r.state != State::Submitted) {
        let reviews = store.reviews(r.id).unwrap();
        assert_eq!(reviews.len(), 1, "{r:?}");
        assert!(!reviews[0].members_present.is_empty() && !reviews[0].reasons.is_empty());
        assert!(reviews[0].reviewed_on <= today);
        let decided = if r.state == State::Rejected {
            Decision::Rejected
        } else {
            Decision::Approved
        };
        assert_eq!(reviews[0].decision, decided);
    }
}

fn the_rejected_application_owes_a_letter(store: &Store, _today: NaiveDate) {
    let (_, rows) = intake(store);
    let rejected = rows.iter().find(|r| r.state == State::Rejected).unwrap();
    let letters = store.pending_letters().unwrap();
    assert_eq!(letters.len(), 1, "{letters:?}");
    assert_eq!(letters[0].kind, LetterKind::Rejection);
    assert_eq!(letters[0].application_id, rejected.id);
}

/// The sample's mentor whose appointment ends within the warning days (`None` if none does).
fn mentor_leaving(store: &Store, today: NaiveDate) -> Option<String> {
    let warning = u64::from(store.settings().unwrap().appointment_warning_days);
    let ending: Vec<String> = store
        .mentors("", false)
        .unwrap()
        .into_iter()
        .filter(|m| {
            m.appointment_end
                .is_some_and(|end| end <= today + Days::new(warning))
        })
        .map(|m| m.name)
        .collect();
    assert!(ending.len() <= 1, "{ending:?}");
    ending.into_iter().next()
}

fn the_approved_and_the_intern_are_ready_for_matching(store: &Store, today: NaiveDate) {
    let (name, rows) = intake(store);
    let ready = store.matchable_applications(Some(&name)).unwrap();
    let mut ready_ids: Vec<i64> = ready.iter().map(|a| a.id.unwrap()).collect();
    ready_ids.sort();
    let mut expected: Vec<i64> = rows
        .iter()
        .filter(|r| r.state == State::UnderReview || r.kind == ProtegeKind::Intern)
        .map(|r| r.id)
        .collect();
    expected.sort();
    assert_eq!(ready_ids, expected);
    assert_eq!(ready.len(), 3);
    assert_eq!(store.matchable_applications(None).unwrap().len(), 3);
    for a in &ready {
        assert!(a.wanted_start > today, "{a:?}");
    }
    let mentors: Vec<_> = store
        .mentors("", false)
        .unwrap()
        .iter()
        .map(|m| store.mentor(m.id).unwrap())
        .collect();
    // Language and gender preferences have something to meet.
    assert!(mentors.iter().all(|m| m.languages.contains("English")));
    assert!(ready
        .iter()
        .any(|a| a.preferred_gender == Some(Gender::Female)));
    assert!(ready.iter().any(|a| a.preferred_language == "isiZulu"));
    assert!(mentors.iter().any(|m| m.languages.contains("isiZulu")));
}

fn one_appointment_ends_within_the_warning_and_the_rest_cover_the_intake(
    store: &Store,
    today: NaiveDate,
) {
    let leaving = mentor_leaving(store, today).expect("an appointment ending soon");
    let (name, _) = intake(store);
    let ready = store.matchable_applications(Some(&name)).unwrap();
    for row in store.mentors("", false).unwrap() {
        let m = store.mentor(row.id).unwrap();
        let covers = |a: &mentordesk_core::selection::Application| {
            m.appointment_start.unwrap() <= a.wanted_start
                && a.wanted_end <= m.appointment_end.unwrap()
        };
        if row.name == leaving {
            assert!(m.appointment_end.unwrap() >= today, "{m:?}");
            assert!(!ready.iter().any(covers), "{m:?}");
        } else {
            assert!(
                ready.iter().all(covers),
                "{m:?} is not appointed for the intake"
            );
        }
    }
}

fn the_intake_is_proposed_in_full_without_the_line_manager(store: &Store, today: NaiveDate) {
    let (name, _) = intake(store);
    let proposal = store.cohort_proposal(Some(&name), today).unwrap();
    assert_eq!(proposal.rows.len(), 3);
    assert_eq!(proposal.unmatched, 0);
    for row in &proposal.rows {
        assert!(row.score > 0 && !row.reasons.is_empty(), "{row:?}");
        let eligible = store
            .suggestions(row.application_id, today)
            .unwrap()
            .into_iter()
            .filter(|s| s.excluded.is_none())
            .count();
        assert!(eligible >= 3, "{row:?} has {eligible} eligible mentors");
    }
    // Lwazi Ntuli reports to Sipho Mkhize, who therefore may not mentor him; the mentor whose
    // appointment is ending is excluded for everyone.
    let lwazi = proposal
        .rows
        .iter()
        .find(|r| r.protege == "Lwazi Ntuli")
        .unwrap();
    assert_ne!(lwazi.mentor.as_deref(), Some("Sipho Mkhize"));
    let mut excluded: Vec<_> = store
        .suggestions(lwazi.application_id, today)
        .unwrap()
        .into_iter()
        .filter(|s| s.excluded.is_some())
        .map(|s| s.name)
        .collect();
    excluded.sort();
    let mut expected = vec!["Sipho Mkhize".to_owned()];
    expected.extend(mentor_leaving(store, today));
    expected.sort();
    assert_eq!(excluded, expected);
}

#[test]
fn the_sample_logs_50_to_80_sessions_with_actions_done_open_and_past_due() {
    let (_dir, store) = sample_store();
    sessions_with_actions_done_open_and_past_due(&store, today());
}

#[test]
fn one_mentorship_has_gone_30_days_without_a_session_and_another_met_this_week() {
    let (_dir, store) = sample_store();
    one_pair_has_not_met_for_30_days_and_another_met_this_week(&store, today());
}

#[test]
fn every_active_mentorship_has_a_work_plan_mostly_signed_off_with_some_events_overdue() {
    let (_dir, store) = sample_store();
    work_plans_are_mostly_signed_off_with_some_events_overdue(&store, today());
}

#[test]
fn goals_stand_at_every_stage_of_the_sample() {
    let (_dir, store) = sample_store();
    goals_stand_at_every_stage(&store, today());
}

#[test]
fn competencies_are_rated_once_or_twice_a_quarter_with_evidence_in_the_sample() {
    let (_dir, store) = sample_store();
    competencies_are_rated_once_or_twice_a_quarter_with_evidence(&store, today());
}

#[test]
fn most_mentorships_report_on_the_previous_quarter_and_one_is_still_due() {
    let (_dir, store) = sample_store();
    assert_eq!(previous_quarter(today()).label, "Quarter 2 of 2026/27");
    most_pairs_report_on_the_previous_quarter_and_one_is_still_due(&store, today());
}

/// One pair's protégé raised a dispute with the programme coordinator; one mediation meeting
/// was held and another agreed, no decision yet, and nothing has moved for over a month.
fn one_dispute_is_open_after_one_mediation_meeting(store: &Store, today: NaiveDate) {
    use mentordesk_core::dispute::{Outcome, Party, State, StepKind};
    let disputes: Vec<_> = store
        .mentorships(&MentorshipQuery::default())
        .unwrap()
        .iter()
        .flat_map(|m| store.disputes(m.id).unwrap())
        .collect();
    assert_eq!(disputes.len(), 1);
    let d = &disputes[0];
    assert_eq!(d.state, State::Open);
    assert_eq!(d.dispute.raised_by, Party::Protege);
    let steps: Vec<_> = d.steps.iter().map(|s| (s.kind, s.outcome)).collect();
    assert_eq!(
        steps,
        [
            (StepKind::RaisedWithCoordinator, None),
            (StepKind::MediationMeeting, Some(Outcome::Continuing)),
        ]
    );
    assert!(d.last_moved_on() < today - Months::new(1));
    // The list leaves the confidential details out; the sample has them.
    assert!(d.dispute.details.is_empty() && d.steps.iter().all(|s| s.notes.is_empty()));
    let id = d.dispute.id.unwrap();
    assert!(!store.dispute(id).unwrap().dispute.details.is_empty());
}

#[test]
fn one_dispute_of_the_sample_is_open_after_one_mediation_meeting() {
    let (_dir, store) = sample_store();
    one_dispute_is_open_after_one_mediation_meeting(&store, today());
}

#[test]
fn the_troubled_mentorship_has_a_discussion_and_a_written_request_to_end_it() {
    let (_dir, store) = sample_store();
    the_troubled_pair_has_a_discussion_and_a_written_request(&store, today());
}

/// The leaving mentor's pairs have passed their mid-points: one protégé answered on paper,
/// and the three other mid-point forms are owed, the oldest overdue. Her first three pairs,
/// two completed and one terminated, answered all five forms each.
fn one_mid_point_form_is_answered_and_three_are_owed_one_overdue(store: &Store, today: NaiveDate) {
    let answered_of = |status: Status| -> Vec<Evaluation> {
        let query = MentorshipQuery {
            status: Some(status),
            ..Default::default()
        };
        let pairs = store.mentorships(&query).unwrap();
        pairs
            .into_iter()
            .flat_map(|m| store.evaluations(m.id).unwrap())
            .collect()
    };
    let mut ended = answered_of(Status::Completed);
    ended.extend(answered_of(Status::Terminated));
    assert_eq!(ended.len(), 3 * Form::ALL.len());
    assert!(ended.iter().all(|e| e.answered_on <= today));
    let answered = answered_of(Status::Active);
    assert_eq!(answered.len(), 1, "{answered:?}");
    assert_eq!(answered[0].form, Form::ProtegeMidpoint);
    assert!(answered[0].from_paper);
    assert_eq!(answered[0].answers.len(), 7);
    let owed = store.evaluations_owed(today).unwrap();
    let forms: Vec<(Form, bool)> = owed.iter().map(|o| (o.form, o.overdue)).collect();
    assert_eq!(
        forms,
        [
            (Form::MentorMidpoint, true),
            (Form::ProtegeMidpoint, false),
            (Form::MentorMidpoint, false)
        ]
    );
    assert_eq!(owed[0].mentorship_id, answered[0].mentorship_id);
}

/// One of the leaving mentor's first pairs was terminated early: the four steps recorded in
/// order within its period, the decision last with its reason, and the letters print. Another
/// completed with a goal achieved, and its protégé's certificate lists it.
fn one_earlier_pair_was_terminated_after_four_steps_and_one_earns_a_certificate(
    store: &Store,
    today: NaiveDate,
) {
    let of = |status| {
        let query = MentorshipQuery {
            status: Some(status),
            ..Default::default()
        };
        store.mentorships(&query).unwrap()
    };
    let terminated = of(Status::Terminated);
    assert_eq!(terminated.len(), 1, "{terminated:?}");
    let id = terminated[0].id;
    let m = store.mentorship(id).unwrap();
    let steps = store.termination_steps(id).unwrap();
    let kinds: Vec<_> = steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            StepKind::Discussion,
            StepKind::WrittenRequest,
            StepKind::SeparateMeetings,
            StepKind::Decision
        ]
    );
    for s in &steps {
        assert!(
            m.start_date <= s.taken_on && s.taken_on <= m.end_date && s.taken_on <= today,
            "{s:?} outside {m:?}"
        );
        assert!(s.coordinator_informed && !s.notes.is_empty(), "{s:?}");
    }
    let reason = steps[3].reason.expect("the decision's reason");
    let letters = print::termination_letter::termination_letters(store, id, today)
        .unwrap()
        .plain_text();
    assert!(letters.contains(reason.label()), "{letters}");
    assert_eq!(letters.matches("Dear ").count(), 3, "{letters}");

    let certified: Vec<String> = of(Status::Completed)
        .iter()
        .filter_map(|row| print::certificate::certificate(store, row.id, today).ok())
        .map(|doc| doc.plain_text())
        .filter(|text| !text.contains(print::certificate::NO_GOALS))
        .collect();
    assert!(
        !certified.is_empty(),
        "no certificate lists a goal achieved"
    );
}

/// The programme report of the twelve months up to the day shows something in every chart.
fn every_chart_of_the_last_twelve_months_shows_data(store: &Store, today: NaiveDate) {
    let from = today - Months::new(12) + Days::new(1);
    let period = Period::range(from, today).unwrap();
    let figures = store.programme_figures(&period, today).unwrap();
    let charts: Vec<_> = figures
        .sections()
        .into_iter()
        .flat_map(|s| s.charts)
        .collect();
    assert!(charts.len() >= 10, "{} charts", charts.len());
    for chart in charts {
        assert!(chart.has_data(), "{} shows no data", chart.title);
    }
}

/// Every document signed but one agreement (mentor and protégé only) and one progress report
/// (the mentor only), which Today lists once they have waited the reminder's days; a photo and a scanned PDF attached; one agreement changed
/// by a signed addendum.
fn most_documents_are_signed_two_copies_kept_one_addendum(store: &Store, today: NaiveDate) {
    use mentordesk_core::signing::{Paper, State};
    let mut papers = Vec::new();
    for row in store.mentorships(&MentorshipQuery::default()).unwrap() {
        if row.status != Status::Draft {
            papers.extend(store.mentorship_papers(row.id).unwrap());
        }
    }
    for row in store.mentors("", false).unwrap() {
        papers.extend(store.mentor_papers(row.id).unwrap());
    }
    let unsigned: Vec<(Paper, String)> = papers
        .iter()
        .filter(|p| p.state != State::Signed)
        .map(|p| (p.paper, p.state_label.clone()))
        .collect();
    assert_eq!(
        unsigned,
        vec![
            (
                Paper::Agreement,
                "Partly signed (mentor, protégé)".to_owned()
            ),
            (Paper::ProgressReport, "Partly signed (mentor)".to_owned()),
        ],
        "of {} documents",
        papers.len()
    );
    assert!(papers.len() > 20, "{}", papers.len());
    let addenda: Vec<_> = papers
        .iter()
        .filter(|p| p.paper == Paper::Addendum)
        .collect();
    assert_eq!(addenda.len(), 1);
    assert_eq!(addenda[0].state, State::Signed);
    let copies: Vec<_> = papers.iter().flat_map(|p| p.copies.iter()).collect();
    let kinds: Vec<&str> = copies.iter().map(|c| c.kind.code()).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(
        kinds.contains(&"png") && kinds.contains(&"pdf"),
        "{kinds:?}"
    );
    for c in copies {
        assert!(c.size < 200 * 1024, "{} is {} bytes", c.file_name, c.size);
    }
    let reminded: Vec<_> = store
        .dashboard(today)
        .unwrap()
        .into_iter()
        .filter(|a| a.kind == AttentionKind::Unsigned)
        .collect();
    // The agreement waits longer than the reminder's fourteen days on any day; the report,
    // written early in the quarter, only once fourteen days have passed since.
    let report = papers
        .iter()
        .find(|p| p.paper == Paper::ProgressReport && p.state != State::Signed)
        .unwrap();
    let report_due = (today - report.since).num_days() >= 14;
    assert_eq!(reminded.len(), 1 + usize::from(report_due), "{reminded:#?}");
    assert!(
        reminded.iter().any(|a| a.about.contains("/AGR")),
        "{reminded:#?}"
    );
}

#[test]
fn most_documents_of_the_sample_are_signed_with_two_copies_and_an_addendum() {
    let (_dir, store) = sample_store();
    most_documents_are_signed_two_copies_kept_one_addendum(&store, today());
}

#[test]
fn one_earlier_pair_of_the_sample_was_terminated_and_another_earns_a_certificate() {
    let (_dir, store) = sample_store();
    one_earlier_pair_was_terminated_after_four_steps_and_one_earns_a_certificate(&store, today());
}

#[test]
fn every_chart_of_the_samples_programme_report_shows_data() {
    let (_dir, store) = sample_store();
    every_chart_of_the_last_twelve_months_shows_data(&store, today());
}

#[test]
fn one_mid_point_form_of_the_sample_is_answered_and_three_are_owed() {
    let (_dir, store) = sample_store();
    one_mid_point_form_is_answered_and_three_are_owed_one_overdue(&store, today());
}

#[test]
fn the_dashboard_of_the_sample_has_something_of_every_kind_to_show() {
    let (_dir, store) = sample_store();
    the_dashboard_has_something_of_every_kind_to_show(&store, today());
}

#[test]
fn the_sample_gives_every_internal_mentor_an_allocation_for_todays_cycle() {
    let (_dir, store) = sample_store();
    every_internal_mentor_has_an_allocation_four_final_and_one_draft(&store, today());
}

#[test]
fn the_sample_intake_has_applications_waiting_approved_rejected_and_an_intern_entered_as_eligible()
{
    let (_dir, store) = sample_store();
    assert_eq!(intake(&store).0, "December 2026 intake");
    the_intake_has_applications_in_every_state(&store, today());
}

#[test]
fn the_rejected_application_owes_a_letter_not_yet_printed() {
    let (_dir, store) = sample_store();
    the_rejected_application_owes_a_letter(&store, today());
}

#[test]
fn the_approved_applications_and_the_intern_are_ready_for_matching_within_the_appointments() {
    let (_dir, store) = sample_store();
    the_approved_and_the_intern_are_ready_for_matching(&store, today());
    one_appointment_ends_within_the_warning_and_the_rest_cover_the_intake(&store, today());
}

#[test]
fn the_sample_intake_is_proposed_in_full_and_the_line_manager_is_not_suggested() {
    let (_dir, store) = sample_store();
    the_intake_is_proposed_in_full_without_the_line_manager(&store, today());
}

/// The days the sample is loaded on to check its promises: every fifth day of two years that
/// include a 29 February, and each turn of a month (its last and first days), which covers the
/// turns of the quarters, of the financial year (1 April) and of the calendar year.
fn days_to_try() -> Vec<NaiveDate> {
    let (first, last) = (date("2027-01-01"), date("2028-12-31"));
    let mut days: Vec<NaiveDate> = first
        .iter_days()
        .step_by(5)
        .take_while(|&d| d <= last)
        .collect();
    let mut month = first;
    while month <= last {
        days.extend([month, month.pred_opt().unwrap()]);
        month = month + Months::new(1);
    }
    days.extend([date("2028-02-28"), date("2028-02-29"), date("2028-03-01")]);
    days.sort();
    days.dedup();
    days
}

#[test]
fn the_sample_keeps_every_promise_on_any_day_of_the_year() {
    let days = days_to_try();
    assert!(days.len() > 180);
    let mut broken = Vec::new();
    for day in days {
        let mut store = Store::open_in_memory().unwrap();
        sample::create(&mut store, day).unwrap_or_else(|e| panic!("on {day}: {e}"));
        for (promise, check) in PROMISES {
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&store, day))) {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                broken.push(format!("{promise} on {day}: {why}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "the sample broke {} promises: {broken:#?}",
        broken.len()
    );
}

#[test]
fn loading_the_sample_twice_is_refused_and_leaves_the_first_as_it_was() {
    let (_dir, mut store) = sample_store();
    let before = active(&store);
    let err = sample::create(&mut store, today()).unwrap_err();
    assert_eq!(err.field(), Some("sample"));
    assert_eq!(active(&store), before);
}
