//! Work plans: generated on working days from the frequency and the template, edited, signed
//! off, and overdue with a passed-in today.

use mentordesk_core::calendar::{south_african_holidays, WorkingCalendar};
use mentordesk_core::domain::*;
use mentordesk_core::store::{MentorshipQuery, OverdueEvent};
use mentordesk_core::workplan::*;
use mentordesk_core::{sample, Store};

use crate::{date, fixtures};

fn mentorship(start: &str, end: &str, frequency: Frequency) -> Mentorship {
    Mentorship {
        id: Some(1),
        start_date: date(start),
        end_date: date(end),
        frequency,
        ..fixtures::mentorship(1, 1)
    }
}

const TEMPLATE: Template = Template {
    feedback_working_day: 3,
    review_every_months: 3,
};

fn plan(m: &Mentorship) -> Vec<String> {
    let calendar = WorkingCalendar::new(south_african_holidays(2026).into_iter().map(|h| h.date));
    generate(m, 1, &calendar, &TEMPLATE)
        .iter()
        .map(|e| format!("{} {}", e.due_on, e.title))
        .collect()
}

#[test]
fn a_monthly_plan_has_discussions_feedback_and_reviews_on_working_days() {
    let m = mentorship("2026-04-01", "2026-09-30", Frequency::Monthly);
    assert_eq!(
        plan(&m),
        [
            "2026-04-01 Planned discussion",
            // 1 May is Workers' Day, a Friday: the discussion moves to Monday.
            "2026-05-04 Planned discussion",
            "2026-05-06 Feedback to the protégé",
            "2026-06-01 Planned discussion",
            "2026-06-03 Feedback to the protégé",
            "2026-07-01 Planned discussion",
            "2026-07-01 Progress review",
            "2026-07-03 Feedback to the protégé",
            // 1 August is a Saturday.
            "2026-08-03 Planned discussion",
            "2026-08-05 Feedback to the protégé",
            "2026-09-01 Planned discussion",
            "2026-09-03 Feedback to the protégé",
            "2026-09-30 Final progress review",
        ]
    );
}

#[test]
fn a_fortnightly_plan_starting_on_good_friday_begins_after_easter() {
    let m = mentorship("2026-04-03", "2026-05-01", Frequency::Fortnightly);
    assert_eq!(
        plan(&m),
        [
            // Good Friday, the weekend and Family Day pass first.
            "2026-04-07 Planned discussion",
            "2026-04-17 Planned discussion",
            // The third discussion would fall on 1 May, a holiday and the last day: the next
            // working day is past the end, so there is none, and the final review is on the
            // last working day, 30 April.
            "2026-04-30 Final progress review",
        ]
    );
}

fn sample_store() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    sample::create(&mut store, date("2026-11-23")).unwrap();
    let id = store.mentorships(&MentorshipQuery::default()).unwrap()[0].id;
    (dir, store, id)
}

#[test]
fn a_work_plan_is_generated_once_and_its_events_are_edited_and_signed_off() {
    let (_dir, mut store, id) = sample_store();
    let m = store.mentorship(id).unwrap();
    let events = store.generate_work_plan(id).unwrap();
    assert!(events.len() >= 12, "{events:?}");
    assert!(events
        .iter()
        .all(|e| e.due_on >= m.start_date && e.due_on <= m.end_date));
    let err = store.generate_work_plan(id).unwrap_err();
    assert!(err.to_string().contains("already has a work plan"), "{err}");

    // Move one, refuse one outside the mentorship, add one, remove one.
    let mut first = events[0].clone();
    first.due_on = m.start_date + chrono::Days::new(1);
    store.save_work_plan_event(&first).unwrap();
    let mut outside = first.clone();
    outside.due_on = m.end_date + chrono::Days::new(1);
    let err = store.save_work_plan_event(&outside).unwrap_err();
    assert_eq!(err.field(), Some("due_on"));
    let added = store
        .save_work_plan_event(&WorkPlanEvent {
            id: None,
            title: "Job shadowing at the Treasury".into(),
            kind: EventKind::Other,
            ..first.clone()
        })
        .unwrap();
    store.remove_work_plan_event(added).unwrap();
    assert_eq!(store.work_plan(id).unwrap().len(), events.len());

    // A sign-off in the future is refused; a signed-off event is kept as it was.
    let today = date("2026-11-23");
    let first_id = first.id.unwrap();
    let err = store
        .sign_off_event(first_id, date("2026-11-24"), "", today)
        .unwrap_err();
    assert_eq!(err.field(), Some("signed_off_on"));
    store
        .sign_off_event(first_id, first.due_on, "Held as planned.", today)
        .unwrap();
    assert!(store.save_work_plan_event(&first).is_err());
    assert!(store.remove_work_plan_event(first_id).is_err());

    // What is overdue on a passed-in day: everything due before it and not signed off (the
    // sample's other mentorships have overdue events of their own).
    let ours = |day| -> Vec<OverdueEvent> {
        let all = store.overdue_events(day).unwrap();
        all.into_iter()
            .filter(|o| o.event.mentorship_id == id)
            .collect()
    };
    let overdue = ours(today);
    let expected = events
        .iter()
        .filter(|e| e.id != Some(first_id) && e.due_on < today)
        .count();
    assert_eq!(overdue.len(), expected);
    assert!(overdue
        .iter()
        .all(|o| o.days_overdue > 0 && o.event.signed_off_on.is_none()));
    assert!(ours(m.start_date).is_empty());
}
