//! Progress: the rating scales, the periods of a cycle, and the report entries whose
//! recommendation contradicts the record.

use mentordesk_core::cycle::Cycle;
use mentordesk_core::domain::{Goal, GoalStatus, Mentorship, Status};
use mentordesk_core::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::termination::{Reason, Step, StepKind};
use mentordesk_core::Store;

use crate::{date, fixtures, sample_store};

const TODAY: &str = "2026-11-23";

/// The sample's earliest mentorship, 1 September 2026 to 31 August 2027.
fn first_mentorship(store: &Store) -> Mentorship {
    let rows = crate::active_mentorships(store);
    let id = rows.iter().min_by_key(|m| (m.start_date, m.id)).unwrap().id;
    store.mentorship(id).unwrap()
}

fn goal(description: &str, status: GoalStatus) -> Goal {
    Goal {
        status,
        ..fixtures::goal(description)
    }
}

/// An entry on October 2026, continuing, with nothing else said.
fn entry(m: &Mentorship, recommendation: Recommendation, reason: &str) -> ReportEntry {
    ReportEntry {
        id: None,
        mentorship_id: m.id.unwrap_or_default(),
        period_from: date("2026-10-01"),
        period_to: date("2026-10-31"),
        period_label: "October 2026".into(),
        written_on: date("2026-11-02"),
        mentor_comments: String::new(),
        protege_comments: String::new(),
        scale: RatingScale::FourPoint,
        overall_rating: Some(3),
        recommendation,
        recommendation_reason: reason.into(),
    }
}

fn step(m: &Mentorship, taken_on: &str) -> Step {
    Step {
        id: None,
        mentorship_id: m.id.unwrap_or_default(),
        kind: StepKind::Discussion,
        taken_on: date(taken_on),
        initiated_by: "Protégé".into(),
        notes: "Meetings keep being cancelled.".into(),
        coordinator_informed: true,
        reason: None,
    }
}

/// The entry is refused on `field` with words that contain `words`.
fn refused(e: &ReportEntry, m: &Mentorship, steps: &[Step], field: &str, words: &str) {
    let err = e.validate(m, steps, date(TODAY)).unwrap_err();
    assert_eq!(err.field(), Some(field), "{err}");
    assert!(err.to_string().contains(words), "{err}");
}

#[test]
fn completing_with_goals_unmet_needs_a_reason() {
    let (_dir, store) = sample_store();
    let mut m = first_mentorship(&store);
    m.goals = vec![
        goal("Prepare the budget input", GoalStatus::Achieved),
        goal("Lead the quarterly review", GoalStatus::InProgress),
    ];
    let complete = entry(&m, Recommendation::Complete, "");
    refused(
        &complete,
        &m,
        &[],
        "recommendation_reason",
        "One goal is not achieved: \"Lead the quarterly review\" (in progress)",
    );
    assert_eq!(
        complete.validate(&m, &[], date(TODAY)).unwrap_err().code(),
        "recommendation"
    );
    m.goals
        .push(goal("Write the plan", GoalStatus::NotAchieved));
    refused(&complete, &m, &[], "recommendation_reason", "2 goals are");
    entry(&m, Recommendation::Complete, "Moved to another department")
        .validate(&m, &[], date(TODAY))
        .unwrap();
    for g in &mut m.goals {
        g.status = GoalStatus::Achieved;
    }
    complete.validate(&m, &[], date(TODAY)).unwrap();
}

#[test]
fn terminating_needs_a_termination_step_taken_and_a_reason() {
    let (_dir, store) = sample_store();
    let m = first_mentorship(&store);
    let terminate = entry(&m, Recommendation::Terminate, "Repeated absence");
    refused(&terminate, &m, &[], "recommendation", "termination steps");
    // A step taken after the report was written does not count for it.
    refused(
        &terminate,
        &m,
        &[step(&m, "2026-11-10")],
        "recommendation",
        "termination steps",
    );
    let steps = [step(&m, "2026-10-20")];
    terminate.validate(&m, &steps, date(TODAY)).unwrap();
    refused(
        &entry(&m, Recommendation::Terminate, "  "),
        &m,
        &steps,
        "recommendation_reason",
        "specific reasons",
    );
}

#[test]
fn extending_needs_a_reason() {
    let (_dir, store) = sample_store();
    let m = first_mentorship(&store);
    refused(
        &entry(&m, Recommendation::Extend, ""),
        &m,
        &[],
        "recommendation_reason",
        "extended",
    );
    entry(
        &m,
        Recommendation::Extend,
        "Three more months for the review cycle",
    )
    .validate(&m, &[], date(TODAY))
    .unwrap();
}

#[test]
fn continuing_is_refused_when_the_mentorship_ends_in_the_period_or_has_ended() {
    let (_dir, store) = sample_store();
    let mut m = first_mentorship(&store);
    let go_on = entry(&m, Recommendation::Continue, "");
    go_on.validate(&m, &[], date(TODAY)).unwrap();

    m.end_date = date("2026-10-31");
    refused(
        &go_on,
        &m,
        &[],
        "recommendation",
        "ends on 31 October 2026, within this period",
    );

    let mut m = first_mentorship(&store);
    for status in [Status::Completed, Status::Terminated] {
        m.status = status;
        refused(
            &go_on,
            &m,
            &[],
            "recommendation",
            &format!("is {}; it cannot continue", status.label().to_lowercase()),
        );
    }
}

#[test]
fn a_rating_off_the_scale_is_refused_on_either_scale() {
    let (_dir, store) = sample_store();
    let m = first_mentorship(&store);
    let mut e = entry(&m, Recommendation::Continue, "");
    e.overall_rating = Some(5);
    refused(
        &e,
        &m,
        &[],
        "overall_rating",
        "four-point scale runs from 1 to 4, not 5",
    );
    e.scale = RatingScale::FivePoint;
    e.validate(&m, &[], date(TODAY)).unwrap();
    e.overall_rating = Some(0);
    refused(&e, &m, &[], "overall_rating", "from 1 to 5, not 0");
    e.overall_rating = None;
    e.validate(&m, &[], date(TODAY)).unwrap();

    let competency = m.competencies[0].name.clone();
    let mut r = Rating {
        id: None,
        mentorship_id: m.id.unwrap_or_default(),
        competency,
        rated_on: date("2026-11-02"),
        scale: RatingScale::FourPoint,
        rating: 5,
        evidence: "Led the unit's planning session".into(),
    };
    let err = r.validate(&m, date(TODAY)).unwrap_err();
    assert_eq!(err.field(), Some("rating"), "{err}");
    r.rating = 4;
    r.validate(&m, date(TODAY)).unwrap();
}

#[test]
fn the_four_and_five_point_scales_name_their_points() {
    let four = RatingScale::FourPoint;
    let five = RatingScale::FivePoint;
    assert_eq!((four.points(), five.points()), (4, 5));
    assert_eq!(four.describe(1), "1 (Not effective)");
    assert_eq!(four.describe(3), "3 (Fully effective)");
    assert_eq!(four.describe(4), "4 (Significantly above expectations)");
    assert_eq!(five.describe(1), "1 (Unacceptable)");
    assert_eq!(five.describe(2), "2 (Not fully effective)");
    assert_eq!(five.describe(3), "3 (Fully effective)");
    assert_eq!(five.describe(5), "5 (Outstanding)");
    // A number off the scale is printed bare rather than with another scale's words.
    assert_eq!(four.describe(5), "5");
    assert_eq!(four.describe(0), "0");
}

#[test]
fn a_cycle_is_reported_on_in_four_quarters_at_mid_cycle_and_for_the_year() {
    let cycle = Cycle::starting(2026, 4).unwrap();
    let periods: Vec<(String, String, String)> = Period::of_cycle(&cycle)
        .into_iter()
        .map(|p| (p.label, p.from.to_string(), p.to.to_string()))
        .collect();
    let expected = [
        ("Quarter 1 of 2026/27", "2026-04-01", "2026-06-30"),
        ("Quarter 2 of 2026/27", "2026-07-01", "2026-09-30"),
        ("Quarter 3 of 2026/27", "2026-10-01", "2026-12-31"),
        ("Quarter 4 of 2026/27", "2027-01-01", "2027-03-31"),
        ("Mid-cycle review of 2026/27", "2026-04-01", "2026-09-30"),
        ("Annual assessment of 2026/27", "2026-04-01", "2027-03-31"),
    ];
    assert_eq!(
        periods,
        expected
            .map(|(l, f, t)| (l.to_owned(), f.to_owned(), t.to_owned()))
            .to_vec()
    );
    let q = |day: &str| Period::quarter_containing(&cycle, date(day)).map(|p| p.label);
    assert_eq!(q("2026-04-01").as_deref(), Some("Quarter 1 of 2026/27"));
    assert_eq!(q("2026-09-30").as_deref(), Some("Quarter 2 of 2026/27"));
    assert_eq!(q("2026-10-01").as_deref(), Some("Quarter 3 of 2026/27"));
    assert_eq!(q("2027-03-31").as_deref(), Some("Quarter 4 of 2026/27"));
    assert_eq!(q("2027-04-01"), None);

    let err = Period::range(date("2026-10-31"), date("2026-10-01")).unwrap_err();
    assert_eq!(err.field(), Some("period_to"), "{err}");
    assert_eq!(
        Period::range(date("2026-10-01"), date("2026-10-31"))
            .unwrap()
            .label,
        "1 October 2026 to 31 October 2026"
    );
}

#[test]
fn a_refused_entry_writes_nothing_and_leaves_the_earlier_one_whole() {
    let (_dir, mut store) = sample_store();
    let m = first_mentorship(&store);
    let id = m.id.unwrap();
    let (from, to) = (date("2026-10-01"), date("2026-10-31"));

    let before = store.report_entries(id).unwrap();
    let err = store
        .save_report_entry(&entry(&m, Recommendation::Extend, ""), date(TODAY))
        .unwrap_err();
    assert_eq!(err.code(), "recommendation", "{err}");
    assert_eq!(store.report_entry(id, from, to).unwrap(), None);
    assert_eq!(store.report_entries(id).unwrap(), before);

    let mut first = entry(&m, Recommendation::Continue, "");
    first.mentor_comments = "On track.".into();
    let saved = store.save_report_entry(&first, date(TODAY)).unwrap();
    let mut worse = store.report_entry(id, from, to).unwrap().unwrap();
    worse.recommendation = Recommendation::Extend;
    worse.mentor_comments = "Changed my mind.".into();
    store.save_report_entry(&worse, date(TODAY)).unwrap_err();
    let kept = store.report_entry(id, from, to).unwrap().unwrap();
    assert_eq!(kept.id, Some(saved));
    assert_eq!(kept.mentor_comments, "On track.");
    assert_eq!(kept.recommendation, Recommendation::Continue);
}

#[test]
fn the_periods_offered_are_this_cycles_and_the_last_that_have_begun_with_this_quarter_first_chosen()
{
    let (_dir, store) = sample_store();
    let today = date("2026-11-23");
    let labels = |offered: &[mentordesk_core::store::OfferedPeriod]| -> Vec<String> {
        offered.iter().map(|o| o.period.label.clone()).collect()
    };
    let all = store.offered_periods(None, today).unwrap();
    assert_eq!(
        labels(&all)[..5],
        [
            "Quarter 1 of 2026/27",
            "Quarter 2 of 2026/27",
            "Quarter 3 of 2026/27",
            "Mid-cycle review of 2026/27",
            "Annual assessment of 2026/27",
        ]
        .map(String::from)
    );
    assert_eq!(
        all.len(),
        5 + 6,
        "the whole of 2025/26 follows: {:?}",
        labels(&all)
    );
    assert!(all[5..].iter().all(|o| o.cycle == "2025/26"));
    let current: Vec<_> = all.iter().filter(|o| o.current).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].period.label, "Quarter 3 of 2026/27");
    assert!(all.iter().all(|o| !o.written));

    // A mentorship that began in August 2026 is offered only the periods it runs in, and
    // the quarter whose report is written says so.
    let row = store
        .mentorships(&MentorshipQuery::default())
        .unwrap()
        .into_iter()
        .find(|r| r.protege == "Busisiwe Zulu")
        .unwrap();
    let offered = store.offered_periods(Some(row.id), today).unwrap();
    assert_eq!(
        labels(&offered),
        [
            "Quarter 2 of 2026/27",
            "Quarter 3 of 2026/27",
            "Mid-cycle review of 2026/27",
            "Annual assessment of 2026/27",
        ]
        .map(String::from)
    );
    let written: Vec<_> = offered.iter().filter(|o| o.written).collect();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].period.label, "Quarter 2 of 2026/27");
}

#[test]
fn a_range_that_is_exactly_a_period_of_the_cycle_takes_its_name() {
    let (_dir, store) = sample_store();
    let quarter = store
        .report_period(date("2026-10-01"), date("2026-12-31"))
        .unwrap();
    assert_eq!(quarter.label, "Quarter 3 of 2026/27");
    let range = store
        .report_period(date("2026-10-01"), date("2026-10-31"))
        .unwrap();
    assert_eq!(
        range,
        Period::range(date("2026-10-01"), date("2026-10-31")).unwrap()
    );
    assert_eq!(
        store
            .report_period(date("2026-10-31"), date("2026-10-01"))
            .unwrap_err()
            .field(),
        Period::range(date("2026-10-31"), date("2026-10-01"))
            .unwrap_err()
            .field()
    );
}

#[test]
fn the_termination_decision_records_its_reason() {
    let (_dir, mut store) = sample_store();
    let m = first_mentorship(&store);
    let decision = Step {
        kind: StepKind::Decision,
        ..step(&m, TODAY)
    };
    let err = store
        .save_termination_step(&decision, date(TODAY))
        .unwrap_err();
    assert_eq!(err.field(), Some("reason"), "{err}");
    let id = store
        .save_termination_step(
            &Step {
                reason: Some(Reason::Transfer),
                ..decision
            },
            date(TODAY),
        )
        .unwrap();
    assert_eq!(
        store.termination_step(id).unwrap().reason,
        Some(Reason::Transfer)
    );
}
