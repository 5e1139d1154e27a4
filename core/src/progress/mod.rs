//! Progress: competencies rated each period on the programme's rating scale, and the progress
//! report of one protégé for one period. A report is filled from what was logged (goals,
//! ratings, sessions, actions); only the comments, the overall rating and the recommendation
//! are written on it (`ReportEntry`). Storage lives in `store::progress`; the printed report in
//! `document`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::cycle::Cycle;
use crate::document::long_date;
use crate::domain::{GoalStatus, Mentorship, Status};
pub use crate::settings::RatingScale;
use crate::termination::Step;
use crate::{Error, Result, Rule};

choice!(Recommendation {
    Continue = "continue": "Continue",
    Extend = "extend": "Extend",
    Complete = "complete": "Complete",
    Terminate = "terminate": "Terminate",
});

/// One competency rated on one day, with what the rating rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub competency: String,
    pub rated_on: NaiveDate,
    pub scale: RatingScale,
    pub rating: u8,
    pub evidence: String,
}

impl Rating {
    pub fn validate(&self, m: &Mentorship, today: NaiveDate) -> Result<()> {
        if !m
            .competencies
            .iter()
            .any(|c| c.name.trim() == self.competency.trim())
        {
            return Err(Error::invalid(
                "competency",
                format!(
                    "\"{}\" is not one of this mentorship's competencies; add it to the mentorship first.",
                    self.competency.trim()
                ),
            ));
        }
        if self.rated_on > today {
            return Err(Error::invalid(
                "rated_on",
                format!("{} is in the future.", self.rated_on),
            ));
        }
        if self.rated_on < m.start_date {
            return Err(Error::invalid(
                "rated_on",
                format!(
                    "{} is before the mentorship started on {}.",
                    self.rated_on, m.start_date
                ),
            ));
        }
        self.scale.check("rating", self.rating)?;
        if self.evidence.trim().is_empty() {
            return Err(Error::invalid(
                "evidence",
                "Say what the rating rests on: the work, feedback or observation that shows it.",
            ));
        }
        Ok(())
    }
}

/// The period a progress report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

impl Period {
    /// Any range of dates, named by its dates.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if to < from {
            return Err(Error::invalid(
                "period_to",
                format!("The period ends on {to}, before it starts on {from}."),
            ));
        }
        Ok(Period {
            from,
            to,
            label: format!("{} to {}", long_date(from), long_date(to)),
        })
    }

    /// The periods a cycle is reported on: its four quarters, the first half (mid-cycle) and
    /// the whole cycle (annual).
    pub fn of_cycle(cycle: &Cycle) -> Vec<Period> {
        let quarter_starts = [
            cycle.start_date,
            cycle.q1_review.succ_opt().unwrap_or(cycle.q1_review),
            cycle
                .mid_cycle_review
                .succ_opt()
                .unwrap_or(cycle.mid_cycle_review),
            cycle.q3_review.succ_opt().unwrap_or(cycle.q3_review),
        ];
        let quarter_ends = [
            cycle.q1_review,
            cycle.mid_cycle_review,
            cycle.q3_review,
            cycle.end_date,
        ];
        let mut periods: Vec<Period> = (0..4)
            .map(|n| Period {
                from: quarter_starts[n],
                to: quarter_ends[n],
                label: format!("Quarter {} of {}", n + 1, cycle.name),
            })
            .collect();
        periods.push(Period {
            from: cycle.start_date,
            to: cycle.mid_cycle_review,
            label: format!("Mid-cycle review of {}", cycle.name),
        });
        periods.push(Period {
            from: cycle.start_date,
            to: cycle.end_date,
            label: format!("Annual assessment of {}", cycle.name),
        });
        periods
    }

    /// The quarter of `cycle` that contains `day`, if the cycle does.
    pub fn quarter_containing(cycle: &Cycle, day: NaiveDate) -> Option<Period> {
        Period::of_cycle(cycle)
            .into_iter()
            .take(4)
            .find(|p| p.from <= day && day <= p.to)
    }
}

/// What is written on a progress report rather than logged: the comments, the overall rating
/// and the recommendation. One per mentorship and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub period_label: String,
    pub written_on: NaiveDate,
    #[serde(default)]
    pub mentor_comments: String,
    #[serde(default)]
    pub protege_comments: String,
    pub scale: RatingScale,
    pub overall_rating: Option<u8>,
    pub recommendation: Recommendation,
    /// Why: needed for an extension, a termination and a completion with goals unmet.
    #[serde(default)]
    pub recommendation_reason: String,
}

impl ReportEntry {
    pub fn period(&self) -> Period {
        Period {
            from: self.period_from,
            to: self.period_to,
            label: self.period_label.clone(),
        }
    }

    /// Checks the entry against its mentorship, the termination steps recorded for it and
    /// `today`; a recommendation that contradicts the record is refused in words.
    pub fn validate(&self, m: &Mentorship, steps: &[Step], today: NaiveDate) -> Result<()> {
        Period::range(self.period_from, self.period_to)?;
        if self.period_label.trim().is_empty() {
            return Err(Error::invalid(
                "period_label",
                "Name the period reported on.",
            ));
        }
        if !m.overlaps(self.period_from, self.period_to) {
            return Err(Error::invalid(
                "period_from",
                format!(
                    "The mentorship runs from {} to {}; the period from {} to {} falls outside it.",
                    m.start_date, m.end_date, self.period_from, self.period_to
                ),
            ));
        }
        if self.written_on > today {
            return Err(Error::invalid(
                "written_on",
                format!("{} is in the future.", self.written_on),
            ));
        }
        if self.written_on < self.period_from {
            return Err(Error::invalid(
                "written_on",
                format!(
                    "A report on the period from {} cannot be written before it, on {}.",
                    self.period_from, self.written_on
                ),
            ));
        }
        if let Some(rating) = self.overall_rating {
            self.scale.check("overall_rating", rating)?;
        }
        let reason = self.recommendation_reason.trim();
        let refuse =
            |field, message: String| Err(Error::refused(Rule::Recommendation, field, message));
        match self.recommendation {
            Recommendation::Continue if matches!(m.status, Status::Completed | Status::Terminated) => {
                refuse(
                    "recommendation",
                    format!(
                        "The mentorship is {}; it cannot continue. Recommend completing or terminating it, or extending it with a reason.",
                        m.status.label().to_lowercase()
                    ),
                )
            }
            Recommendation::Continue if m.end_date <= self.period_to => refuse(
                "recommendation",
                format!(
                    "The mentorship ends on {}, within this period: recommend extending, completing or terminating it.",
                    long_date(m.end_date)
                ),
            ),
            Recommendation::Extend if reason.is_empty() => refuse(
                "recommendation_reason",
                "Say why the mentorship should be extended, and for how long.".to_owned(),
            ),
            Recommendation::Complete if reason.is_empty() => {
                let unmet: Vec<String> = m
                    .goals
                    .iter()
                    .filter(|g| g.status != GoalStatus::Achieved)
                    .map(|g| format!("\"{}\" ({})", g.description, g.status.label().to_lowercase()))
                    .collect();
                if unmet.is_empty() {
                    return Ok(());
                }
                refuse(
                    "recommendation_reason",
                    format!(
                        "{} not achieved: {}. Give the reason for recommending completion all the same, or choose another recommendation.",
                        if unmet.len() == 1 { "One goal is".to_owned() } else { format!("{} goals are", unmet.len()) },
                        unmet.join(", ")
                    ),
                )
            }
            Recommendation::Terminate if !steps.iter().any(|s| s.taken_on <= self.written_on) => {
                refuse(
                    "recommendation",
                    "Terminating needs the termination steps started: record at least the discussion between the protégé and the programme coordinator (Termination, on the mentorship's page) before recommending it.".to_owned(),
                )
            }
            Recommendation::Terminate if reason.is_empty() => refuse(
                "recommendation_reason",
                "Give the specific reasons for recommending termination.".to_owned(),
            ),
            _ => Ok(()),
        }
    }
}

/// The report's reference: "MS-0007/PR-20261001-20261231". Both ends of the period are in it,
/// so a quarter's report and the mid-cycle report that ends on the same day differ.
pub fn reference(mentorship_id: i64, period: &Period) -> String {
    format!(
        "{}/PR-{}-{}",
        Mentorship::reference(mentorship_id),
        period.from.format("%Y%m%d"),
        period.to.format("%Y%m%d")
    )
}
