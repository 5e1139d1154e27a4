//! The dashboard: what needs the office's attention on a day. Each line says what is wrong in
//! words and names the record it leads to. The queries are in `store::dashboard`; the
//! wording is here, so that it is the same wherever a line is shown. Today counts every line of
//! each kind but words only a `Page` of them at a time (`Group`): a large register has tens of
//! thousands of open actions, and nobody reads past the first screenful of one kind.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::document::long_date;
use crate::domain::Mentorship;
use crate::evaluation::Form;

choice!(
    /// What a dashboard line is about, in the order the dashboard shows them.
    AttentionKind {
        OverdueEvent = "overdue_event": "Work-plan events overdue",
        ReportDue = "report_due": "Progress reports due",
        EvaluationDue = "evaluation_due": "Evaluations due",
        Unsigned = "unsigned": "Documents awaiting signatures",
        NoRecentSession = "no_recent_session": "Mentorships with no recent session",
        Appointment = "appointment": "Mentors' appointments",
        ActionPastDue = "action_past_due": "Actions past their due date",
        DisputeStalled = "dispute_stalled": "Disputes with no step for a month",
    }
);

/// One thing that needs attention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attention {
    pub kind: AttentionKind,
    /// What is wrong, e.g. "Feedback to the protégé was due on 3 November 2026 (20 days ago)".
    pub text: String,
    /// Whom it concerns, e.g. "MS-0003: Thandi Nkosi with Sipho Dlamini".
    pub about: String,
    /// The date the line is about (a due date, the last session), for sorting and display.
    pub date: Option<NaiveDate>,
    /// The record the line leads to: a mentorship, or a mentor for appointments.
    pub mentorship_id: Option<i64>,
    pub mentor_id: Option<i64>,
}

/// How many lines of one kind Today words at a time. It is how much of a list fits on the
/// screen, not a rule of the programme, so it is not a setting.
pub const PAGE: usize = 20;

/// One kind as Today shows it: how many lines need attention, and one page of them worded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub kind: AttentionKind,
    /// Every line of this kind on the day, worded or not.
    pub count: usize,
    /// Where `lines` start among the kind's lines, in the order Today shows them.
    pub offset: usize,
    pub lines: Vec<Attention>,
}

/// Which of a kind's lines to word: from `offset`, at most `limit` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Page {
    /// Every line.
    pub const ALL: Page = Page {
        offset: 0,
        limit: usize::MAX,
    };

    /// `PAGE` lines from `offset`.
    pub fn from(offset: usize) -> Page {
        Page {
            offset,
            limit: PAGE,
        }
    }

    /// The positions of this page among `count` lines; empty past the end.
    pub fn within(self, count: usize) -> Range<usize> {
        let start = self.offset.min(count);
        start..start.saturating_add(self.limit).min(count)
    }

    /// The page's lines of `items`.
    pub fn of<T>(self, items: &[T]) -> &[T] {
        &items[self.within(items.len())]
    }
}

/// The pair a mentorship line is about.
pub fn about(mentorship_id: i64, protege: &str, mentor: &str) -> String {
    format!(
        "{}: {protege} with {mentor}",
        Mentorship::reference(mentorship_id)
    )
}

/// "today", "yesterday" or "12 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    }
}

pub fn overdue_event(title: &str, due_on: NaiveDate, today: NaiveDate) -> String {
    format!(
        "{title} was due on {} ({}) and is not signed off.",
        long_date(due_on),
        days_ago((today - due_on).num_days())
    )
}

pub fn report_due(period_label: &str, period_to: NaiveDate, today: NaiveDate) -> String {
    if period_to < today {
        format!(
            "The {period_label} report is overdue: the period ended on {}.",
            long_date(period_to)
        )
    } else {
        format!(
            "The {period_label} report is due by {}.",
            long_date(period_to)
        )
    }
}

/// "The protégé's mid-point evaluation is overdue: it was due on …", or "… is due since …".
pub fn evaluation_due(form: Form, due_on: NaiveDate, overdue: bool, today: NaiveDate) -> String {
    let form = form.label().to_lowercase();
    let since = days_ago((today - due_on).num_days());
    if overdue {
        format!(
            "The {form} is overdue: it was due on {} ({since}).",
            long_date(due_on)
        )
    } else {
        format!("The {form} is due since {} ({since}).", long_date(due_on))
    }
}

pub fn no_recent_session(last: Option<NaiveDate>, start: NaiveDate, today: NaiveDate) -> String {
    match last {
        Some(day) => format!(
            "No session since {} ({}).",
            long_date(day),
            days_ago((today - day).num_days())
        ),
        None => format!(
            "No session logged since it started on {} ({}).",
            long_date(start),
            days_ago((today - start).num_days())
        ),
    }
}

pub fn action_past_due(
    description: &str,
    owner: &str,
    due_on: NaiveDate,
    today: NaiveDate,
) -> String {
    format!(
        "{description} ({owner}) was due on {} ({}).",
        long_date(due_on),
        days_ago((today - due_on).num_days())
    )
}

/// An open dispute that has not moved for more than a month: the programme's route has a
/// person appointed decide within one month.
pub fn dispute_stalled(subject: &str, last: NaiveDate, today: NaiveDate) -> String {
    format!(
        "The dispute \"{}\" is open with no step since {} ({}): mediate again, or have the \
         person appointed decide it.",
        subject.trim(),
        long_date(last),
        days_ago((today - last).num_days())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_its_lines_and_stops_at_the_end() {
        let lines: Vec<usize> = (0..45).collect();
        assert_eq!(Page::from(0).of(&lines), &lines[0..20]);
        assert_eq!(Page::from(40).of(&lines), &lines[40..45]);
        assert!(Page::from(45).of(&lines).is_empty());
        assert!(Page::from(usize::MAX).of(&lines).is_empty());
        assert_eq!(Page::ALL.of(&lines), &lines[..]);
        assert_eq!(Page::from(3).within(10), 3..10);
    }
}
