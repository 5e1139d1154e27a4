//! Changing a signed agreement. Once anyone has signed a mentorship agreement its terms (who,
//! purpose, period, meeting arrangements, goals and competencies) are not edited in place: a
//! change is a numbered addendum, printed with its own signature blocks, whose sentences say
//! what changed ("the period is extended to 31 March 2028; goal 3 added: …"). Goals' progress
//! and the mentorship's status are not terms and change as before. Pure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::long_date;
use crate::domain::{Competency, Goal, Mentorship};
use crate::{Error, Result, Rule};

/// A numbered change to a mentorship's agreement, as recorded and printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Addendum {
    pub id: i64,
    pub mentorship_id: i64,
    pub number: u32,
    pub made_on: NaiveDate,
    pub reason: String,
    /// What changed, one sentence each, as printed.
    pub changes: Vec<String>,
}

impl Addendum {
    /// "MS-0007/ADD1".
    pub fn reference(&self) -> String {
        format!(
            "{}/ADD{}",
            Mentorship::reference(self.mentorship_id),
            self.number
        )
    }

    /// "Addendum 1 to MS-0007: the period is extended to 31 March 2028; goal 3 added: …".
    pub fn summary(&self) -> String {
        format!(
            "Addendum {} to {}: {}",
            self.number,
            Mentorship::reference(self.mentorship_id),
            self.changes.join("; ")
        )
    }
}

/// What the officer asks for: the mentorship with its terms as they are to read, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub mentorship: Mentorship,
    pub reason: String,
    pub made_on: NaiveDate,
}

impl Request {
    /// The sentences of the addendum, or why it cannot be made.
    pub fn changes(&self, before: &Mentorship, today: NaiveDate) -> Result<Vec<String>> {
        let after = &self.mentorship;
        if after.mentor_id != before.mentor_id || after.protege_id != before.protege_id {
            let field = if after.mentor_id != before.mentor_id {
                "mentor_id"
            } else {
                "protege_id"
            };
            return Err(Error::invalid(
                field,
                "An addendum changes the terms, not the people: to pair the protégé with \
                 another mentor, end this mentorship and record a new one.",
            ));
        }
        if self.made_on > today {
            return Err(Error::invalid(
                "made_on",
                format!("{} is in the future.", self.made_on),
            ));
        }
        if self.reason.trim().is_empty() {
            return Err(Error::invalid(
                "reason",
                "Say why the agreement is changed; the addendum prints it.",
            ));
        }
        let changes = changes(before, after);
        if changes.is_empty() {
            return Err(Error::invalid(
                "end_date",
                "Nothing in the terms is different from the agreement as signed; change the \
                 period, the meetings, the goals or the competencies first.",
            ));
        }
        Ok(changes)
    }
}

/// The first term a signed agreement would change in place, as a refusal that points to the
/// addendum; `Ok` when only the status or the goals' progress differ.
pub fn refuse_in_place(before: &Mentorship, after: &Mentorship, signers: &str) -> Result<()> {
    let field = if after.mentor_id != before.mentor_id {
        Some(("mentor_id", "mentor"))
    } else if after.protege_id != before.protege_id {
        Some(("protege_id", "protégé"))
    } else if after.start_date != before.start_date {
        Some(("start_date", "start date"))
    } else if after.end_date != before.end_date {
        Some(("end_date", "end date"))
    } else if after.purpose != before.purpose {
        Some(("purpose", "purpose"))
    } else if meetings(after) != meetings(before) {
        Some(("frequency", "meeting arrangements"))
    } else if !same_goals(&before.goals, &after.goals) {
        Some(("goals", "goals"))
    } else if after.competencies != before.competencies {
        Some(("competencies", "competencies"))
    } else {
        None
    };
    match field {
        None => Ok(()),
        Some((field, term)) => Err(Error::Refused {
            rule: Rule::SignedAgreement,
            field,
            message: format!(
                "The agreement of {} was signed ({signers}), so its {term} cannot be changed \
                 in place. Make an addendum: it records the change, prints with its own \
                 signature blocks, and the agreement then reads as amended.",
                Mentorship::reference(before.id.unwrap_or_default())
            ),
        }),
    }
}

fn meetings(m: &Mentorship) -> (crate::domain::Mode, crate::domain::Frequency, u32, &str) {
    (
        m.mode,
        m.frequency,
        m.meeting_minutes,
        m.meeting_place.trim(),
    )
}

/// Goals are the same terms when their wording, measures and dates are; their status and
/// progress are the record of how they go.
fn same_goals(a: &[Goal], b: &[Goal]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_goal(a, b))
}

fn same_goal(a: &Goal, b: &Goal) -> bool {
    a.description.trim() == b.description.trim()
        && a.measure.trim() == b.measure.trim()
        && a.due_on == b.due_on
}

/// The sentences that say how `after`'s terms differ from `before`'s.
pub fn changes(before: &Mentorship, after: &Mentorship) -> Vec<String> {
    let mut out = Vec::new();
    if after.start_date != before.start_date {
        out.push(format!(
            "the period now starts on {}",
            long_date(after.start_date)
        ));
    }
    if after.end_date > before.end_date {
        out.push(format!(
            "the period is extended to {}",
            long_date(after.end_date)
        ));
    } else if after.end_date < before.end_date {
        out.push(format!(
            "the period now ends on {}",
            long_date(after.end_date)
        ));
    }
    if after.purpose != before.purpose {
        out.push(format!(
            "the purpose is now: {}",
            after.purpose.label().to_lowercase()
        ));
    }
    if meetings(after) != meetings(before) {
        let place = match after.meeting_place.trim() {
            "" => String::new(),
            place => format!(", at {place}"),
        };
        out.push(format!(
            "the meetings are now {}, {}, of {} minutes{place}",
            after.frequency.label().to_lowercase(),
            after.mode.label().to_lowercase(),
            after.meeting_minutes
        ));
    }
    for n in 0..before.goals.len().max(after.goals.len()) {
        match (before.goals.get(n), after.goals.get(n)) {
            (Some(_), None) => out.push(format!("goal {} removed", n + 1)),
            (None, Some(goal)) => out.push(format!("goal {} added: {}", n + 1, goal_text(goal))),
            (Some(old), Some(new)) if !same_goal(old, new) => {
                out.push(format!("goal {} now reads: {}", n + 1, goal_text(new)))
            }
            _ => {}
        }
    }
    for c in &before.competencies {
        match after
            .competencies
            .iter()
            .find(|a| a.name.trim() == c.name.trim())
        {
            None => out.push(format!("competency removed: {}", c.name.trim())),
            Some(a) if a != c => out.push(format!("competency {}", competency_text(a))),
            Some(_) => {}
        }
    }
    for a in &after.competencies {
        if !before
            .competencies
            .iter()
            .any(|c| c.name.trim() == a.name.trim())
        {
            out.push(format!("competency added: {}", competency_text(a)));
        }
    }
    out
}

fn goal_text(goal: &Goal) -> String {
    let mut text = goal.description.trim().to_owned();
    if !goal.measure.trim().is_empty() {
        text.push_str(&format!(" (measured by: {})", goal.measure.trim()));
    }
    if let Some(due) = goal.due_on {
        text.push_str(&format!(", due {}", long_date(due)));
    }
    text
}

fn competency_text(c: &Competency) -> String {
    format!(
        "{}: from level {} to level {}",
        c.name.trim(),
        c.current_level,
        c.target_level
    )
}
