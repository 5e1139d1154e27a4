//! The dashboard: each kind of line appears when its record needs attention on the day asked
//! about, leads to that record, and goes once the work is done.

use chrono::{Days, NaiveDate};
use mentordesk_core::dashboard::{Attention, AttentionKind, PAGE};
use mentordesk_core::domain::Status;
use mentordesk_core::progress::{Period, Recommendation, ReportEntry};
use mentordesk_core::session::{Action, ActionOwner, Session};
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::workplan::{EventKind, WorkPlanEvent};
use mentordesk_core::{cycle::Cycle, Store};

use crate::{date, fixtures, sample_store};

const TODAY: &str = "2026-11-23";

fn later(days: u64) -> NaiveDate {
    date(TODAY).checked_add_days(Days::new(days)).unwrap()
}

/// An active mentorship of the sample that runs at least two months past today.
fn active_mentorship(store: &Store) -> i64 {
    store
        .mentorships(&MentorshipQuery::default())
        .unwrap()
        .into_iter()
        .find(|r| {
            let m = store.mentorship(r.id).unwrap();
            m.status == Status::Active && !m.archived && m.end_date > later(60)
        })
        .expect("the sample has a long-running active mentorship")
        .id
}

fn lines(store: &Store, day: NaiveDate, kind: AttentionKind, mentorship_id: i64) -> Vec<Attention> {
    store
        .dashboard(day)
        .unwrap()
        .into_iter()
        .filter(|a| a.kind == kind && a.mentorship_id == Some(mentorship_id))
        .collect()
}

fn session(mentorship_id: i64, held_on: NaiveDate, actions: Vec<Action>) -> Session {
    Session {
        actions,
        ..fixtures::session(mentorship_id, held_on)
    }
}

#[test]
fn a_mentorship_with_no_session_for_the_set_days_is_flagged_until_one_is_logged() {
    let (_dir, mut store) = sample_store();
    let id = active_mentorship(&store);
    store
        .save_session(&session(id, date(TODAY), vec![]), date(TODAY))
        .unwrap();
    assert!(lines(&store, date(TODAY), AttentionKind::NoRecentSession, id).is_empty());
    assert!(lines(&store, later(29), AttentionKind::NoRecentSession, id).is_empty());

    let flagged = lines(&store, later(31), AttentionKind::NoRecentSession, id);
    assert_eq!(flagged.len(), 1);
    assert_eq!(
        flagged[0].text,
        "No session since 23 November 2026 (31 days ago)."
    );
    assert!(flagged[0].about.starts_with(&format!("MS-{id:04}: ")));

    let mut settings = store.settings().unwrap();
    settings.no_session_warning_days = 45;
    store.save_settings(&settings).unwrap();
    assert!(lines(&store, later(31), AttentionKind::NoRecentSession, id).is_empty());
}

#[test]
fn an_action_is_flagged_the_day_after_it_was_due_and_not_once_done() {
    let (_dir, mut store) = sample_store();
    let id = active_mentorship(&store);
    let action = Action {
        owner: ActionOwner::Protege,
        ..fixtures::action("Send the draft operational plan", later(5))
    };
    let session_id = store
        .save_session(&session(id, date(TODAY), vec![action]), date(TODAY))
        .unwrap();
    let ours = |store: &Store, day| -> Vec<Attention> {
        lines(store, day, AttentionKind::ActionPastDue, id)
            .into_iter()
            .filter(|a| a.text.starts_with("Send the draft operational plan"))
            .collect()
    };
    assert!(ours(&store, later(5)).is_empty());
    let flagged = ours(&store, later(7));
    assert_eq!(
        flagged[0].text,
        "Send the draft operational plan (Protégé) was due on 28 November 2026 (2 days ago)."
    );

    let action_id = store.session(session_id).unwrap().actions[0].id.unwrap();
    store
        .complete_action(action_id, later(6), later(6))
        .unwrap();
    assert!(ours(&store, later(7)).is_empty());
}

#[test]
fn a_work_plan_event_is_overdue_after_its_date_until_signed_off() {
    let (_dir, mut store) = sample_store();
    let id = active_mentorship(&store);
    let event_id = store
        .save_work_plan_event(&WorkPlanEvent {
            id: None,
            mentorship_id: id,
            due_on: later(3),
            kind: EventKind::Other,
            title: "Visit the district office together".into(),
            signed_off_on: None,
            sign_off_comment: String::new(),
        })
        .unwrap();
    let ours = |store: &Store, day| -> usize {
        lines(store, day, AttentionKind::OverdueEvent, id)
            .iter()
            .filter(|a| {
                a.text
                    .starts_with("Visit the district office together was due on 26 November 2026")
            })
            .count()
    };
    assert_eq!(ours(&store, later(3)), 0);
    assert_eq!(ours(&store, later(4)), 1);
    store
        .sign_off_event(event_id, later(3), "Done", later(4))
        .unwrap();
    assert_eq!(ours(&store, later(4)), 0);
}

#[test]
fn a_quarters_report_is_due_until_written_and_the_last_quarters_is_overdue() {
    let (_dir, mut store) = sample_store();
    let id = active_mentorship(&store);
    let cycle = Cycle::containing(date(TODAY), 4).unwrap();
    let quarters = Period::of_cycle(&cycle);
    let (previous, current) = (&quarters[1], &quarters[2]);
    assert_eq!(current.label, "Quarter 3 of 2026/27");

    let due = lines(&store, date(TODAY), AttentionKind::ReportDue, id);
    assert!(due
        .iter()
        .any(|a| a.text == "The Quarter 3 of 2026/27 report is due by 31 December 2026."));
    let previous_written = store
        .report_entry(id, previous.from, previous.to)
        .unwrap()
        .is_some();
    let m = store.mentorship(id).unwrap();
    let previous_flagged = due
        .iter()
        .any(|a| a.text == "The Quarter 2 of 2026/27 report is overdue: the period ended on 30 September 2026.");
    assert_eq!(
        previous_flagged,
        !previous_written && m.start_date <= previous.to
    );

    let entry = ReportEntry {
        id: None,
        mentorship_id: id,
        period_from: current.from,
        period_to: current.to,
        period_label: current.label.clone(),
        written_on: date(TODAY),
        mentor_comments: String::new(),
        protege_comments: String::new(),
        scale: store.settings().unwrap().rating_scale,
        overall_rating: None,
        recommendation: Recommendation::Continue,
        recommendation_reason: String::new(),
    };
    store.save_report_entry(&entry, date(TODAY)).unwrap();
    assert!(!lines(&store, date(TODAY), AttentionKind::ReportDue, id)
        .iter()
        .any(|a| a.text.contains("Quarter 3")));
}

#[test]
fn an_appointment_ending_soon_leads_to_its_mentor() {
    let (_dir, store) = sample_store();
    let (mentor_id, end) = store
        .mentors("", false)
        .unwrap()
        .into_iter()
        .find_map(|m| Some((m.id, m.appointment_end?)))
        .unwrap();
    let day = end.checked_sub_days(Days::new(5)).unwrap();
    let line = store
        .dashboard(day)
        .unwrap()
        .into_iter()
        .find(|a| a.kind == AttentionKind::Appointment && a.mentor_id == Some(mentor_id))
        .expect("an appointment ending in 5 days is flagged");
    assert!(line.text.contains("ends in 5 days"), "{}", line.text);
}

#[test]
fn the_lines_come_grouped_in_the_order_of_their_kinds() {
    let (_dir, store) = sample_store();
    let kinds: Vec<AttentionKind> = store
        .dashboard(later(40))
        .unwrap()
        .iter()
        .map(|a| a.kind)
        .collect();
    let order = |k: &AttentionKind| AttentionKind::ALL.iter().position(|x| x == k);
    assert!(kinds.windows(2).all(|w| order(&w[0]) <= order(&w[1])));
    assert!(!kinds.is_empty());
}

/// Today's groups against every line of each kind: the count is all of them, the first page is
/// their first `PAGE` in order, and paging from there with `attention_page` brings the rest in
/// the same order and nothing past the end.
fn check_pages(store: &Store, day: NaiveDate) {
    let every = store.dashboard(day).unwrap();
    let groups = store.attention(day).unwrap();
    let kinds: Vec<AttentionKind> = groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, AttentionKind::ALL);
    for group in groups {
        let all: Vec<&Attention> = every.iter().filter(|a| a.kind == group.kind).collect();
        assert_eq!(group.count, all.len(), "{:?}", group.kind);
        assert_eq!(group.offset, 0);
        assert_eq!(group.lines.len(), all.len().min(PAGE), "{:?}", group.kind);
        let mut paged = group.lines;
        while paged.len() < group.count {
            let page = store.attention_page(group.kind, day, paged.len()).unwrap();
            assert_eq!((page.count, page.offset), (group.count, paged.len()));
            assert!(!page.lines.is_empty() && page.lines.len() <= PAGE);
            paged.extend(page.lines);
        }
        assert_eq!(paged.iter().collect::<Vec<_>>(), all, "{:?}", group.kind);
        let past_the_end = store
            .attention_page(group.kind, day, group.count + 1)
            .unwrap();
        assert!(past_the_end.lines.is_empty());
        assert_eq!(past_the_end.count, group.count);
    }
    // Appointments are counted apart from their wording: the lines are the workload's
    // warnings, each of them once, in its order.
    let appointments: Vec<_> = every
        .iter()
        .filter(|a| a.kind == AttentionKind::Appointment)
        .map(|a| (a.mentor_id, a.mentorship_id, a.date, a.text.clone()))
        .collect();
    let warnings: Vec<_> = store
        .workload(day)
        .unwrap()
        .warnings
        .into_iter()
        .map(|w| (Some(w.mentor_id), w.mentorship_id, w.date, w.message))
        .collect();
    assert_eq!(appointments, warnings);
}

#[test]
fn today_counts_every_line_of_a_kind_and_pages_through_them_in_order() {
    // Twenty mentorships with twelve sessions each: 60 actions past due, 35 documents
    // unsigned, evaluations and reports owed, so several kinds run past one page.
    let (_dir, store, _) = fixtures::programme(&fixtures::Shape {
        staff: 30,
        units: 1,
        mentors: 5,
        proteges_per_mentor: 4,
        sessions_per_mentorship: 12,
    });
    let groups = store.attention(date(TODAY)).unwrap();
    let count = |kind| groups.iter().find(|g| g.kind == kind).unwrap().count;
    assert!(count(AttentionKind::ActionPastDue) > 2 * PAGE);
    assert!(count(AttentionKind::Unsigned) > PAGE);
    check_pages(&store, date(TODAY));
}

#[test]
fn appointment_lines_are_counted_mentor_by_mentor_and_page_through_the_workloads_warnings() {
    // 25 mentors whose appointments and mentorships end on 31 March 2027, five of them
    // appointed only to the end of February: in December those five's mentorships run past
    // their appointments, and by mid-March every mentor has a line, the five's appointments
    // ended and the others' ending within the warning period (more than a page).
    let (_dir, mut store, ids) = fixtures::programme(&fixtures::Shape {
        staff: 60,
        units: 1,
        mentors: 25,
        proteges_per_mentor: 1,
        sessions_per_mentorship: 0,
    });
    for &id in &ids[..5] {
        let mentor_id = store.mentorship(id).unwrap().mentor_id;
        let mut mentor = store.mentor(mentor_id).unwrap();
        mentor.appointment_end = Some(date("2027-02-28"));
        store.save_mentor(&mentor).unwrap();
    }
    for (day, lines) in [("2026-12-15", 5), ("2027-03-15", 25)] {
        let appointments = store
            .attention_page(AttentionKind::Appointment, date(day), 0)
            .unwrap();
        assert_eq!(appointments.count, lines, "{day}");
        check_pages(&store, date(day));
    }
}

#[test]
fn the_samples_groups_page_through_every_line_on_any_day() {
    let (_dir, store) = sample_store();
    for day in [date(TODAY), later(40), later(120)] {
        check_pages(&store, day);
    }
}
