//! The workload view and the appointment warnings, with a passed-in today; the annual review
//! that renews an appointment.

use mentordesk_core::domain::Frequency;
use mentordesk_core::workload::*;
use mentordesk_core::{sample, Store};

use crate::date;

fn open(id: i64, end: &str, frequency: Frequency, minutes: u32) -> OpenMentorship {
    OpenMentorship {
        mentorship_id: id,
        protege: format!("Protégé {id}"),
        start_date: date("2026-04-01"),
        end_date: date(end),
        frequency,
        meeting_minutes: minutes,
        capacity_override_reason: String::new(),
    }
}

fn facts(appointment_end: Option<&str>, mentorships: Vec<OpenMentorship>) -> MentorFacts {
    MentorFacts {
        mentor_id: 7,
        name: "Zoë van der Merwe".into(),
        organisation: None,
        appointment_start: Some(date("2026-01-01")),
        appointment_end: appointment_end.map(date),
        mentorships,
    }
}

fn settings() -> mentordesk_core::settings::Settings {
    Store::open_in_memory().unwrap().settings().unwrap()
}

fn kinds(warnings: &[Warning]) -> Vec<WarningKind> {
    warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn an_appointment_ending_within_the_warning_days_is_flagged() {
    let s = settings();
    let f = facts(Some("2026-12-23"), vec![]);
    let w = appointment_warnings(&f, date("2026-11-23"), &s);
    assert_eq!(kinds(&w), [WarningKind::AppointmentEnding]);
    assert!(
        w[0].message.contains("ends in 30 days, on 2026-12-23"),
        "{}",
        w[0].message
    );
    assert!(appointment_warnings(&f, date("2026-11-22"), &s).is_empty());
    let w = appointment_warnings(&f, date("2026-12-23"), &s);
    assert!(w[0].message.contains("ends today"), "{}", w[0].message);
}

#[test]
fn a_mentorship_running_past_the_appointment_is_flagged() {
    let s = settings();
    let f = facts(
        Some("2027-03-31"),
        vec![
            open(1, "2027-03-31", Frequency::Monthly, 60),
            open(2, "2027-05-31", Frequency::Monthly, 60),
        ],
    );
    let w = appointment_warnings(&f, date("2026-11-23"), &s);
    assert_eq!(kinds(&w), [WarningKind::MentorshipPastAppointment]);
    assert_eq!(w[0].mentorship_id, Some(2));
    assert!(
        w[0].message
            .contains("MS-0002 with Protégé 2 runs to 2027-05-31"),
        "{}",
        w[0].message
    );
}

#[test]
fn open_mentorships_without_a_current_appointment_are_flagged() {
    let s = settings();
    let busy = vec![open(1, "2027-03-31", Frequency::Monthly, 60)];
    let lapsed = appointment_warnings(
        &facts(Some("2026-10-31"), busy.clone()),
        date("2026-11-23"),
        &s,
    );
    assert_eq!(kinds(&lapsed), [WarningKind::NoCurrentAppointment]);
    assert!(lapsed[0].message.contains("ended on 2026-10-31"));
    let never = appointment_warnings(&facts(None, busy), date("2026-11-23"), &s);
    assert_eq!(kinds(&never), [WarningKind::NoCurrentAppointment]);
    // A lapsed appointment with nothing open is history, not a warning.
    assert!(
        appointment_warnings(&facts(Some("2026-10-31"), vec![]), date("2026-11-23"), &s).is_empty()
    );
}

#[test]
fn the_load_compares_protégés_with_capacity_and_planned_hours_with_the_norm() {
    let s = settings();
    let mut many: Vec<OpenMentorship> = (1..=5)
        .map(|n| open(n, "2027-03-31", Frequency::Monthly, 60))
        .collect();
    many[4].capacity_override_reason = "Scarce skill; approved by the committee".into();
    let load = MentorLoad::of(&facts(Some("2027-03-31"), many), &s);
    assert_eq!(
        (load.proteges, load.capacity, load.over_capacity),
        (5, 4, true)
    );
    assert_eq!(
        load.capacity_overrides,
        ["MS-0005 (Protégé 5): Scarce skill; approved by the committee"]
    );
    // Monthly hour-long meetings plus an hour's preparation: 2 hours against a norm of 3.
    assert_eq!(
        (load.planned_hours, load.norm_hours, load.over_hours),
        (10.0, 15.0, false)
    );

    let weekly = MentorLoad::of(
        &facts(
            Some("2027-03-31"),
            vec![open(1, "2027-03-31", Frequency::Weekly, 60)],
        ),
        &s,
    );
    // 52 meetings a year of an hour: 4.3 hours a month, plus 1 of preparation.
    assert_eq!(
        (weekly.planned_hours, weekly.norm_hours, weekly.over_hours),
        (5.3, 3.0, true)
    );
}

#[test]
fn the_annual_review_renews_an_appointment_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    sample::create(&mut store, date("2026-11-23")).unwrap();
    let row = store
        .mentors("", false)
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let before = store.mentor(row.id).unwrap();
    let renewed = store
        .renew_appointment(
            row.id,
            date("2027-08-15"),
            "Reappointed after the annual review.",
        )
        .unwrap();
    let old_end = before.appointment_end.unwrap();
    assert_eq!(
        renewed.appointment_start,
        Some(old_end + chrono::Days::new(1))
    );
    assert_eq!(
        renewed.appointment_end,
        Some(old_end + chrono::Months::new(12))
    );
    assert_eq!(store.mentor(row.id).unwrap(), renewed);
    let history = store.appointments(row.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].start_date, history[0].end_date),
        (before.appointment_start.unwrap(), old_end)
    );
    assert_eq!(
        history[0].review_notes,
        "Reappointed after the annual review."
    );
}

#[test]
fn the_sample_workload_lists_every_mentor() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    sample::create(&mut store, date("2026-11-23")).unwrap();
    let w = store.workload(date("2026-11-23")).unwrap();
    assert_eq!(w.mentors.len(), 6);
    let total: u32 = w.mentors.iter().map(|m| m.proteges).sum();
    assert_eq!(total, 8);
    // Thirty days before an appointment ends its mentor is warned: the sample's first ends
    // within the month, the other five on one later day, and each mentor is warned once.
    let mut ends: Vec<_> = w
        .mentors
        .iter()
        .map(|m| store.mentor(m.mentor_id).unwrap().appointment_end.unwrap())
        .collect();
    ends.sort();
    assert!(ends[0] < ends[1] && ends[1] == ends[5], "{ends:?}");
    for (end, mentors) in [(ends[0], 1), (ends[5], 5)] {
        let late = store.workload(end - chrono::Days::new(30)).unwrap();
        assert_eq!(
            late.warnings
                .iter()
                .filter(|w| w.kind == WarningKind::AppointmentEnding)
                .count(),
            mentors
        );
    }
}
