//! Performance cycles in the store: the current one recorded on demand, names unique, no
//! overlaps.

use mentordesk_core::cycle::Cycle;
use mentordesk_core::Store;

use crate::date;

#[test]
fn the_cycle_containing_today_is_recorded_once_from_the_settings() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.ensure_cycle(date("2026-11-23")).unwrap();
    assert_eq!(first.name, "2026/27");
    let again = store.ensure_cycle(date("2027-03-31")).unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(store.cycles().unwrap().len(), 1);

    let mut settings = store.settings().unwrap();
    settings.cycle_start_month = 1;
    store.save_settings(&settings).unwrap();
    // 2027-04-02 lies in no recorded cycle; with January starts it is the calendar year 2027.
    let calendar = store.ensure_cycle(date("2027-04-02"));
    let err = calendar.unwrap_err();
    assert!(
        err.to_string().contains("overlaps the cycle 2026/27"),
        "{err}"
    );
}

#[test]
fn a_cycle_with_a_taken_name_or_overlapping_dates_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .save_cycle(&Cycle::starting(2026, 4).unwrap())
        .unwrap();
    let mut same_name = Cycle::starting(2027, 4).unwrap();
    same_name.name = "2026/27".into();
    let err = store.save_cycle(&same_name).unwrap_err();
    assert_eq!(err.field(), Some("name"));
    assert!(err.to_string().contains("already a cycle called"), "{err}");
    let mut overlapping = Cycle::starting(2026, 10).unwrap();
    overlapping.name = "October 2026".into();
    let err = store.save_cycle(&overlapping).unwrap_err();
    assert!(
        err.to_string().contains("overlaps the cycle 2026/27"),
        "{err}"
    );
    store
        .save_cycle(&Cycle::starting(2027, 4).unwrap())
        .unwrap();
    let names: Vec<String> = store
        .cycles()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["2027/28", "2026/27"]);
}

#[test]
fn a_cycle_longer_than_a_year_is_refused() {
    let mut c = Cycle::starting(2026, 4).unwrap();
    c.end_date = date("2027-04-01");
    let err = c.validate().unwrap_err();
    assert_eq!(err.field(), Some("end_date"));
    assert!(err.to_string().contains("at most a year"), "{err}");
}

#[test]
fn the_next_cycle_follows_the_latest_one() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.add_next_cycle(date("2026-11-23")).unwrap();
    assert_eq!(first.name, "2026/27");
    let next = store.add_next_cycle(date("2026-11-23")).unwrap();
    assert_eq!(
        (next.name.as_str(), next.start_date),
        ("2027/28", date("2027-04-01"))
    );
    assert_eq!(
        store.cycle_containing(date("2028-01-01")).unwrap(),
        Some(next)
    );
    assert_eq!(store.cycle_containing(date("2029-01-01")).unwrap(), None);
}
