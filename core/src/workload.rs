//! The mentors' workload as the programme manager watches it: protégés against capacity, the
//! hours the meeting arrangements take against the norm, and warnings about appointments that
//! are ending or do not cover a mentorship. Pure: `store::workload` gathers the facts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::domain::{Frequency, Mentorship};
use crate::settings::Settings;

/// A mentor's open mentorship, as the workload sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenMentorship {
    pub mentorship_id: i64,
    pub protege: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub frequency: Frequency,
    pub meeting_minutes: u32,
    pub capacity_override_reason: String,
}

/// What the workload view needs of one mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorFacts {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub appointment_start: Option<NaiveDate>,
    pub appointment_end: Option<NaiveDate>,
    /// Draft and active mentorships that have not ended by today.
    pub mentorships: Vec<OpenMentorship>,
}

/// One line of the workload view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorLoad {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub proteges: u32,
    pub capacity: u32,
    pub over_capacity: bool,
    /// The reasons recorded where the capacity was overridden, with the mentorship.
    pub capacity_overrides: Vec<String>,
    /// Hours a month the meeting arrangements take, with preparation.
    pub planned_hours: f64,
    /// Hours a month the norm allows for these protégés.
    pub norm_hours: f64,
    pub over_hours: bool,
    pub appointment_end: Option<NaiveDate>,
}

impl MentorLoad {
    pub fn of(f: &MentorFacts, settings: &Settings) -> MentorLoad {
        let proteges = u32::try_from(f.mentorships.len()).unwrap_or(u32::MAX);
        let planned: f64 = f
            .mentorships
            .iter()
            .map(|m| {
                m.frequency.meetings_per_month() * f64::from(m.meeting_minutes) / 60.0
                    + settings.preparation_hours_per_protege
            })
            .sum();
        let norm = f64::from(proteges) * settings.hours_per_protege();
        let round1 = |x: f64| (x * 10.0).round() / 10.0;
        MentorLoad {
            mentor_id: f.mentor_id,
            name: f.name.clone(),
            organisation: f.organisation.clone(),
            proteges,
            capacity: settings.mentor_capacity,
            over_capacity: proteges > settings.mentor_capacity,
            capacity_overrides: f
                .mentorships
                .iter()
                .filter(|m| !m.capacity_override_reason.is_empty())
                .map(|m| {
                    format!(
                        "{} ({}): {}",
                        Mentorship::reference(m.mentorship_id),
                        m.protege,
                        m.capacity_override_reason
                    )
                })
                .collect(),
            planned_hours: round1(planned),
            norm_hours: round1(norm),
            over_hours: round1(planned) > round1(norm),
            appointment_end: f.appointment_end,
        }
    }
}

choice!(
    /// What a warning is about: an appointment ending within the warning period, open
    /// mentorships with no current appointment, or a mentorship running past the appointment.
    WarningKind {
        AppointmentEnding = "appointment_ending": "Appointment ending",
        NoCurrentAppointment = "no_current_appointment": "No current appointment",
        MentorshipPastAppointment = "mentorship_past_appointment": "Mentorship runs past the appointment",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub mentor_id: i64,
    pub mentorship_id: Option<i64>,
    /// The date the warning is about: the appointment's end.
    pub date: Option<NaiveDate>,
    pub message: String,
}

/// The first warning about a mentor's appointment on `today`, before it is worded.
enum Headline {
    /// The appointment ended on this day while mentorships are still open.
    Ended(NaiveDate),
    /// The appointment ends on this day, this many days from today, within the warning period.
    Ending(NaiveDate, i64),
    /// Open mentorships and no appointment on record.
    Missing,
}

impl Headline {
    /// The headline for an appointment ending on `end` (none on record) of a mentor with
    /// `open` open mentorships, if it calls for one.
    fn of(
        end: Option<NaiveDate>,
        open: usize,
        today: NaiveDate,
        settings: &Settings,
    ) -> Option<Self> {
        match end {
            Some(end) if end < today => (open > 0).then_some(Headline::Ended(end)),
            Some(end) => {
                let days = (end - today).num_days();
                (days <= i64::from(settings.appointment_warning_days))
                    .then_some(Headline::Ending(end, days))
            }
            None => (open > 0).then_some(Headline::Missing),
        }
    }
}

/// The end of an appointment that runs on `today`, past which an open mentorship is warned of
/// one by one; an appointment that has ended, or none, gets its headline alone.
fn running_end(end: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    end.filter(|&end| end >= today)
}

/// How many warnings `appointment_warnings` gives a mentor whose appointment ends on `end`,
/// with `open` open mentorships of which `past_end` end after the appointment: Today counts
/// every mentor's warnings this way and words only the page it shows.
pub fn appointment_warning_count(
    end: Option<NaiveDate>,
    open: usize,
    past_end: usize,
    today: NaiveDate,
    settings: &Settings,
) -> usize {
    let headline = Headline::of(end, open, today, settings).is_some();
    usize::from(headline) + running_end(end, today).map_or(0, |_| past_end)
}

/// The warnings about one mentor's appointment on `today`.
pub fn appointment_warnings(
    f: &MentorFacts,
    today: NaiveDate,
    settings: &Settings,
) -> Vec<Warning> {
    let name = &f.name;
    let open = f.mentorships.len();
    let warning = |kind, mentorship_id, date, message| Warning {
        kind,
        mentor_id: f.mentor_id,
        mentorship_id,
        date,
        message,
    };
    let mut out = Vec::new();
    match Headline::of(f.appointment_end, open, today, settings) {
        Some(Headline::Ended(end)) => out.push(warning(
            WarningKind::NoCurrentAppointment,
            None,
            Some(end),
            format!(
                "{name}'s appointment ended on {end} but {open} mentorship(s) are still open; \
                 renew the appointment at the annual review."
            ),
        )),
        Some(Headline::Ending(end, days)) => {
            let when = match days {
                0 => "today".to_owned(),
                1 => "tomorrow".to_owned(),
                n => format!("in {n} days"),
            };
            out.push(warning(
                WarningKind::AppointmentEnding,
                None,
                Some(end),
                format!("{name}'s appointment ends {when}, on {end}; review and renew it."),
            ));
        }
        Some(Headline::Missing) => out.push(warning(
            WarningKind::NoCurrentAppointment,
            None,
            None,
            format!("{name} holds {open} open mentorship(s) but has no appointment on record."),
        )),
        None => {}
    }
    if let Some(end) = running_end(f.appointment_end, today) {
        for m in f.mentorships.iter().filter(|m| m.end_date > end) {
            out.push(warning(
                WarningKind::MentorshipPastAppointment,
                Some(m.mentorship_id),
                Some(end),
                format!(
                    "{} with {} runs to {}, past {name}'s appointment, which ends on {end}.",
                    Mentorship::reference(m.mentorship_id),
                    m.protege,
                    m.end_date
                ),
            ));
        }
    }
    out
}
