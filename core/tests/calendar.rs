//! Public holidays and working-day arithmetic, with the Act's Sunday rule.

use mentordesk_core::calendar::*;
use mentordesk_core::Store;

use crate::date;

fn dates(holidays: &[Holiday]) -> Vec<String> {
    holidays
        .iter()
        .map(|h| format!("{} {}", h.date, h.name))
        .collect()
}

#[test]
fn the_2026_holidays_include_easter_and_a_sunday_holiday_moved_to_monday() {
    assert_eq!(
        dates(&south_african_holidays(2026)),
        [
            "2026-01-01 New Year's Day",
            // Human Rights Day falls on a Saturday: the Act moves only Sundays.
            "2026-03-21 Human Rights Day",
            "2026-04-03 Good Friday",
            "2026-04-06 Family Day",
            "2026-04-27 Freedom Day",
            "2026-05-01 Workers' Day",
            "2026-06-16 Youth Day",
            "2026-08-09 National Women's Day",
            "2026-08-10 National Women's Day (observed)",
            "2026-09-24 Heritage Day",
            "2026-12-16 Day of Reconciliation",
            "2026-12-25 Christmas Day",
            "2026-12-26 Day of Goodwill",
        ]
    );
}

#[test]
fn a_christmas_on_sunday_does_not_double_the_day_of_goodwill() {
    let holidays = dates(&south_african_holidays(2022));
    assert!(holidays.contains(&"2022-05-02 Workers' Day (observed)".to_owned()));
    assert!(holidays.contains(&"2022-12-26 Day of Goodwill".to_owned()));
    assert!(
        !holidays.iter().any(|h| h.starts_with("2022-12-27")),
        "{holidays:?}"
    );
}

fn calendar_2026() -> WorkingCalendar {
    WorkingCalendar::new(south_african_holidays(2026).into_iter().map(|h| h.date))
}

#[test]
fn working_days_skip_weekends_and_holidays() {
    let c = calendar_2026();
    // 1 and 2 April, then Good Friday, the weekend and Family Day: the 3rd is 7 April.
    assert_eq!(
        c.nth_working_day_of_month(date("2026-04-15"), 3),
        Some(date("2026-04-07"))
    );
    assert_eq!(c.nth_working_day_of_month(date("2026-04-15"), 0), None);
    assert_eq!(c.nth_working_day_of_month(date("2026-02-01"), 21), None);
    // From Friday 7 August, one working day on passes the weekend and the observed Monday.
    assert_eq!(
        c.add_working_days(date("2026-08-07"), 1),
        Some(date("2026-08-11"))
    );
    assert_eq!(
        c.add_working_days(date("2026-08-08"), 0),
        Some(date("2026-08-11"))
    );
    assert_eq!(c.on_or_after(date("2026-12-25")), Some(date("2026-12-28")));
    assert_eq!(
        c.working_days_between(date("2026-12-21"), date("2026-12-31")),
        8
    );
    assert_eq!(
        c.working_days_between(date("2026-12-21"), date("2026-12-20")),
        0
    );
}

#[test]
fn a_years_holidays_are_written_once_and_the_office_may_edit_them() {
    let mut store = Store::open_in_memory().unwrap();
    store.ensure_holidays(2026).unwrap();
    store.ensure_holidays(2026).unwrap();
    assert_eq!(store.holidays(2026).unwrap(), south_african_holidays(2026));

    // A removed day stays removed; a moved one moves; a second holiday on a date is refused.
    store.remove_holiday(date("2026-08-10")).unwrap();
    store.ensure_holidays(2026).unwrap();
    assert!(!store
        .holidays(2026)
        .unwrap()
        .iter()
        .any(|h| h.date == date("2026-08-10")));
    let moved = Holiday {
        date: date("2026-12-24"),
        name: "Office closed".into(),
    };
    store.save_holiday(&moved, None).unwrap();
    let clash = Holiday {
        date: date("2026-12-25"),
        name: "Another".into(),
    };
    let err = store
        .save_holiday(&clash, Some(date("2026-12-24")))
        .unwrap_err();
    assert_eq!(err.field(), Some("date"));
    assert!(
        err.to_string().contains("already a holiday: Christmas Day"),
        "{err}"
    );
    assert!(
        store.holidays(2026).unwrap().contains(&moved),
        "a refused move changes nothing"
    );
    let err = store.remove_holiday(date("2026-07-01")).unwrap_err();
    assert!(err.to_string().contains("not a recorded holiday"), "{err}");

    let calendar = store.working_calendar(2026, 2027).unwrap();
    assert!(!calendar.is_working_day(date("2026-12-24")));
    assert!(calendar.is_working_day(date("2026-08-10")));
    assert!(
        !calendar.is_working_day(date("2027-03-22")),
        "2027's Human Rights Day is on a Sunday"
    );
}
