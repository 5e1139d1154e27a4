//! A mentorship's work plan: dated events the mentor signs off when done. A new plan is
//! generated from the mentorship's meeting frequency and the programme's template (settings):
//! planned discussions at the agreed frequency, feedback to the protégé on a set working day
//! of each month, and a progress review every few months and at the end. Every date falls
//! on a working day. The officer then adds, moves or removes events (`store::workplans`).

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::WorkingCalendar;
use crate::choice::choice;
use crate::domain::{Frequency, Mentorship};
use crate::{Error, Result};

choice!(EventKind {
    Discussion = "discussion": "Planned discussion",
    Feedback = "feedback": "Feedback to the protégé",
    Review = "review": "Progress review",
    Other = "other": "Other",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkPlanEvent {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub due_on: NaiveDate,
    pub kind: EventKind,
    pub title: String,
    /// When the mentor signed the event off as done.
    pub signed_off_on: Option<NaiveDate>,
    #[serde(default)]
    pub sign_off_comment: String,
}

impl WorkPlanEvent {
    /// Not signed off and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.signed_off_on.is_none() && self.due_on < today
    }

    /// Checks the event against its mentorship's period.
    pub fn validate(&self, m: &Mentorship) -> Result<()> {
        if self.title.trim().is_empty() {
            return Err(Error::invalid(
                "title",
                "Say what the event is, e.g. \"Planned discussion\".",
            ));
        }
        if self.due_on < m.start_date || self.due_on > m.end_date {
            return Err(Error::invalid(
                "due_on",
                format!(
                    "{} is outside the mentorship, which runs from {} to {}.",
                    self.due_on, m.start_date, m.end_date
                ),
            ));
        }
        Ok(())
    }
}

/// The programme's work-plan template, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// Feedback to the protégé on this working day of each month after the first.
    pub feedback_working_day: u32,
    /// A progress review every this many months, and one at the end.
    pub review_every_months: u32,
}

/// The events of a new work plan for `m`, in date order.
pub fn generate(
    m: &Mentorship,
    mentorship_id: i64,
    calendar: &WorkingCalendar,
    t: &Template,
) -> Vec<WorkPlanEvent> {
    let event = |due_on, kind: EventKind| WorkPlanEvent {
        id: None,
        mentorship_id,
        due_on,
        kind,
        title: kind.label().to_owned(),
        signed_off_on: None,
        sign_off_comment: String::new(),
    };
    // A working day on or after `day` that is still inside the mentorship.
    let inside = |day: NaiveDate| calendar.on_or_after(day).filter(|&d| d <= m.end_date);
    let mut events = Vec::new();

    let mut n = 0;
    loop {
        let planned = match m.frequency {
            Frequency::Weekly => m.start_date.checked_add_days(Days::new(7 * n)),
            Frequency::Fortnightly => m.start_date.checked_add_days(Days::new(14 * n)),
            Frequency::Monthly => u32::try_from(n)
                .ok()
                .and_then(|n| m.start_date.checked_add_months(Months::new(n))),
        };
        let Some(day) = planned.filter(|&d| d <= m.end_date).and_then(inside) else {
            break;
        };
        events.push(event(day, EventKind::Discussion));
        n += 1;
    }

    let mut month = m
        .start_date
        .with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)));
    while let Some(first) = month.filter(|&d| d <= m.end_date) {
        if let Some(day) = calendar
            .nth_working_day_of_month(first, t.feedback_working_day)
            .filter(|&d| d >= m.start_date && d <= m.end_date)
        {
            events.push(event(day, EventKind::Feedback));
        }
        month = first.checked_add_months(Months::new(1));
    }

    if t.review_every_months > 0 {
        let mut k = 1;
        while let Some(day) = m
            .start_date
            .checked_add_months(Months::new(t.review_every_months * k))
            .filter(|&d| d < m.end_date)
            .and_then(inside)
        {
            events.push(event(day, EventKind::Review));
            k += 1;
        }
    }
    // The final review falls on the last working day of the mentorship.
    if let Some(last) = m
        .end_date
        .iter_days()
        .rev()
        .take(31)
        .find(|&d| d >= m.start_date && calendar.is_working_day(d))
    {
        let mut review = event(last, EventKind::Review);
        review.title = "Final progress review".into();
        events.push(review);
    }
    events.sort_by_key(|e| (e.due_on, e.kind.code()));
    events
}

/// An event as a screen shows it: with whether it is overdue on the day it is shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedEvent {
    #[serde(flatten)]
    pub event: WorkPlanEvent,
    pub overdue: bool,
}

/// The events of a plan with their overdue flags on `today`.
pub fn planned(events: Vec<WorkPlanEvent>, today: NaiveDate) -> Vec<PlannedEvent> {
    events
        .into_iter()
        .map(|event| PlannedEvent {
            overdue: event.is_overdue(today),
            event,
        })
        .collect()
}
