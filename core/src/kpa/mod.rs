//! Mentoring as a Key Performance Area: a mentor's KPA allocation for a cycle, the mentoring
//! KPA's workload worked out from the mentor's mentorships and the norms, and the rules an
//! allocation must meet before it is final. The rules are pure: `store::kpa` gathers the facts
//! and keeps the versions; `print::kpa_allocation` prints an allocation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::cycle::Cycle;
use crate::settings::Settings;
use crate::{Error, Result, Rule};

choice!(AllocationStatus {
    Draft = "draft": "Draft",
    Final = "final": "Final",
    Superseded = "superseded": "Superseded by a later version",
});

// The `choice!` macro owns the derives, so the default is written out.
#[allow(clippy::derivable_impls)]
impl Default for AllocationStatus {
    fn default() -> Self {
        AllocationStatus::Draft
    }
}

choice!(
    /// What the mentor's line manager said when consulted about the allocation.
    ConsultationOutcome {
        Agreed = "agreed": "Agreed",
        AgreedWithChanges = "agreed_with_changes": "Agreed after changes",
        NotAgreed = "not_agreed": "Did not agree",
    }
);

/// One key performance area of a mentor's performance agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpa {
    pub title: String,
    /// What the mentor delivers under this KPA.
    #[serde(default)]
    pub outputs: String,
    /// Performance indicators and targets.
    #[serde(default)]
    pub indicators: String,
    /// Weight in whole percent; an allocation's weights add up to 100.
    pub weight: u32,
    /// True for the mentoring KPA, whose protégés and hours come from the mentorships.
    #[serde(default)]
    pub mentoring: bool,
}

/// One version of a mentor's KPA allocation for a cycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub id: Option<i64>,
    pub mentor_id: i64,
    pub cycle_id: i64,
    /// Given by the store: 1 for the first allocation, one more for each revision.
    #[serde(default)]
    pub version: u32,
    /// Given by the store: draft until finalised; superseded once a later version is final.
    #[serde(default)]
    pub status: AllocationStatus,
    #[serde(default)]
    pub kpas: Vec<Kpa>,
    /// When the programme manager consulted the mentor's line manager.
    pub consulted_on: Option<NaiveDate>,
    pub consultation_outcome: Option<ConsultationOutcome>,
    #[serde(default)]
    pub consultation_notes: String,
    /// Given by the store when the allocation is finalised.
    #[serde(default)]
    pub finalised_on: Option<NaiveDate>,
}

impl Allocation {
    pub fn total_weight(&self) -> u32 {
        self.kpas.iter().map(|k| k.weight).sum()
    }

    pub fn mentoring_kpa(&self) -> Option<&Kpa> {
        self.kpas.iter().find(|k| k.mentoring)
    }

    /// The checks a draft must pass to be saved: every KPA named and weighed in percent.
    /// Totals and ranges are checked when the allocation is finalised (`check_final`), so an
    /// officer can save a half-built allocation.
    pub fn validate_draft(&self) -> Result<()> {
        for (n, kpa) in self.kpas.iter().enumerate() {
            if kpa.title.trim().is_empty() {
                return Err(Error::invalid(
                    "kpas",
                    format!("KPA {} has no title; name it or remove the row.", n + 1),
                ));
            }
            if kpa.weight > 100 {
                return Err(Error::invalid(
                    "kpas",
                    format!(
                        "KPA {} ({}) weighs {}%; a weight is a percentage of the whole, at most 100.",
                        n + 1,
                        kpa.title.trim(),
                        kpa.weight
                    ),
                ));
            }
        }
        if self.kpas.iter().filter(|k| k.mentoring).count() > 1 {
            return Err(Error::invalid(
                "kpas",
                "Only one KPA can be the mentoring KPA; it carries all the mentor's protégés.",
            ));
        }
        if let Some(day) = self.consulted_on {
            if self.consultation_outcome.is_none() {
                return Err(Error::invalid(
                    "consultation_outcome",
                    format!("Record what the line manager said when consulted on {day}."),
                ));
            }
        }
        Ok(())
    }
}

/// The range each KPA's weight must fall in, or `None` where the range does not apply (senior
/// managers, unless the settings say otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightRange {
    pub min: u32,
    pub max: u32,
}

/// What the weights typed so far come to, as the allocation's form shows it while the officer
/// types: the total, how far it is from 100% in words, and each weight's own note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightsNote {
    pub total: u32,
    /// "Adds up to 100%.", "5% still to be given.", "5% too much is given." or "A weight is not
    /// a whole number."
    pub words: String,
    pub adds_up: bool,
    /// For each weight typed, in order: why it cannot be read, that it is outside `range`, or
    /// nothing.
    pub rows: Vec<String>,
}

/// The note on `typed` weights (a blank one counts as 0) against the `range` that binds them.
pub fn weights_note(typed: &[String], range: Option<WeightRange>) -> WeightsNote {
    let (mut total, mut unreadable, mut rows) = (0u32, false, Vec::new());
    for raw in typed.iter().map(|t| t.trim()) {
        let note = match raw.parse::<u32>() {
            _ if raw.is_empty() => String::new(),
            Ok(n) => {
                total = total.saturating_add(n);
                match range {
                    Some(r) if n < r.min || n > r.max => {
                        format!("Outside the range of {}% to {}%.", r.min, r.max)
                    }
                    _ => String::new(),
                }
            }
            Err(_) => {
                unreadable = true;
                "Give the weight as a whole percentage.".to_owned()
            }
        };
        rows.push(note);
    }
    let words = match total.cmp(&100) {
        _ if unreadable => "A weight is not a whole number.".to_owned(),
        std::cmp::Ordering::Equal => "Adds up to 100%.".to_owned(),
        std::cmp::Ordering::Less => format!("{}% still to be given.", 100 - total),
        std::cmp::Ordering::Greater => format!("{}% too much is given.", total - 100),
    };
    WeightsNote {
        total,
        adds_up: total == 100 && !unreadable,
        words,
        rows,
    }
}

impl WeightRange {
    /// The range that binds a mentor at `salary_level`, from the settings.
    pub fn for_level(settings: &Settings, salary_level: Option<u8>) -> Option<WeightRange> {
        settings
            .kpa_range_applies(salary_level)
            .then_some(WeightRange {
                min: settings.kpa_min_weight,
                max: settings.kpa_max_weight,
            })
    }
}

/// One protégé's line in the mentoring KPA.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadLine {
    pub mentorship_id: i64,
    pub protege: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Months of the cycle the mentorship covers, pro rata by month.
    pub months: f64,
    /// The norm for one protégé: mentoring plus preparation hours a month.
    pub hours_per_month: f64,
}

/// The mentoring KPA's workload for one mentor and cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentoringWorkload {
    pub lines: Vec<WorkloadLine>,
    pub cycle_months: f64,
    pub mentoring_hours_per_protege: f64,
    pub preparation_hours_per_protege: f64,
    pub working_hours_per_month: f64,
    /// Hours a month averaged over the cycle: a protégé mentored for half the cycle counts half.
    pub hours_per_month: f64,
    /// Those hours as a percentage of working time.
    pub share_percent: f64,
    /// The weight the mentoring KPA would get from its share of working time, within the range.
    pub suggested_weight: u32,
    /// Why that weight is suggested, in words.
    pub suggestion: String,
}

/// A mentorship as the workload sees it, before the cycle's arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorshipSpan {
    pub mentorship_id: i64,
    pub protege: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

/// The norms the mentoring KPA is worked out with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Norms {
    pub mentoring_hours_per_protege: f64,
    pub preparation_hours_per_protege: f64,
    pub working_hours_per_month: f64,
}

impl Norms {
    pub fn from_settings(settings: &Settings) -> Norms {
        Norms {
            mentoring_hours_per_protege: settings.mentoring_hours_per_protege,
            preparation_hours_per_protege: settings.preparation_hours_per_protege,
            working_hours_per_month: settings.working_hours_per_month,
        }
    }
}

impl MentoringWorkload {
    /// Works out the mentoring KPA from the mentorships that touch the cycle.
    pub fn compute(
        cycle: &Cycle,
        spans: &[MentorshipSpan],
        norms: Norms,
        range: Option<WeightRange>,
    ) -> MentoringWorkload {
        let per_protege = norms.mentoring_hours_per_protege + norms.preparation_hours_per_protege;
        let lines = spans
            .iter()
            .map(|s| WorkloadLine {
                mentorship_id: s.mentorship_id,
                protege: s.protege.clone(),
                start_date: s.start_date,
                end_date: s.end_date,
                months: round2(cycle.months_covered(s.start_date, s.end_date)),
                hours_per_month: per_protege,
            })
            .filter(|l| l.months > 0.0)
            .collect();
        MentoringWorkload::from_lines(lines, cycle.months(), norms, range)
    }

    /// The workload from lines already worked out (a final allocation's own record).
    pub fn from_lines(
        lines: Vec<WorkloadLine>,
        cycle_months: f64,
        norms: Norms,
        range: Option<WeightRange>,
    ) -> MentoringWorkload {
        let hours_in_cycle: f64 = lines.iter().map(|l| l.months * l.hours_per_month).sum();
        let hours_per_month = if cycle_months > 0.0 {
            round2(hours_in_cycle / cycle_months)
        } else {
            0.0
        };
        let share_percent = if norms.working_hours_per_month > 0.0 {
            round2(100.0 * hours_per_month / norms.working_hours_per_month)
        } else {
            0.0
        };
        let (suggested_weight, suggestion) = suggest_weight(lines.len(), share_percent, range);
        MentoringWorkload {
            lines,
            cycle_months,
            mentoring_hours_per_protege: norms.mentoring_hours_per_protege,
            preparation_hours_per_protege: norms.preparation_hours_per_protege,
            working_hours_per_month: norms.working_hours_per_month,
            hours_per_month,
            share_percent,
            suggested_weight,
            suggestion,
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The share of working time rounded up to a multiple of 5, kept within the range.
fn suggest_weight(proteges: usize, share: f64, range: Option<WeightRange>) -> (u32, String) {
    if proteges == 0 {
        return (
            0,
            "No mentorships fall in this cycle, so no mentoring KPA is needed.".into(),
        );
    }
    let rounded = ((share / 5.0).ceil() as u32).max(1) * 5;
    match range {
        Some(r) if rounded < r.min => (
            r.min,
            format!(
                "Mentoring takes {share:.1}% of working time; the least a KPA may weigh is {}%.",
                r.min
            ),
        ),
        Some(r) if rounded > r.max => (
            r.max,
            format!(
                "Mentoring takes {share:.1}% of working time; the most a KPA may weigh is {}%.",
                r.max
            ),
        ),
        _ => (
            rounded,
            format!("Mentoring takes {share:.1}% of working time, rounded up to {rounded}%."),
        ),
    }
}

/// Everything `check_final` looks at besides the allocation itself.
#[derive(Debug, Clone)]
pub struct FinalFacts<'a> {
    pub mentor_name: &'a str,
    pub cycle_name: &'a str,
    pub range: Option<WeightRange>,
    pub workload: &'a MentoringWorkload,
    pub today: NaiveDate,
}

/// Refuses to finalise an allocation that breaks a rule, naming the rule and the numbers.
pub fn check_final(a: &Allocation, f: &FinalFacts) -> Result<()> {
    a.validate_draft()?;
    if a.kpas.is_empty() {
        return Err(Error::refused(
            Rule::KpaWeights,
            "kpas",
            "The allocation has no KPAs yet; add the mentor's KPAs with their weights.",
        ));
    }
    let total = a.total_weight();
    if total != 100 {
        let hint = if total < 100 {
            format!("{}% is still to be given", 100 - total)
        } else {
            format!("{}% too much is given", total - 100)
        };
        return Err(Error::refused(
            Rule::KpaWeights,
            "kpas",
            format!(
                "The KPA weights add up to {total}%; they must add up to exactly 100% ({hint})."
            ),
        ));
    }
    if let Some(r) = f.range {
        if let Some((n, kpa)) = a
            .kpas
            .iter()
            .enumerate()
            .find(|(_, k)| k.weight < r.min || k.weight > r.max)
        {
            return Err(Error::refused(
                Rule::KpaRange,
                "kpas",
                format!(
                    "KPA {} ({}) weighs {}%; each KPA must weigh between {}% and {}%.",
                    n + 1,
                    kpa.title.trim(),
                    kpa.weight,
                    r.min,
                    r.max
                ),
            ));
        }
    }
    let proteges = f.workload.lines.len();
    if proteges > 0 && a.mentoring_kpa().is_none() {
        return Err(Error::refused(
            Rule::MentoringKpa,
            "kpas",
            format!(
                "{} mentors {proteges} protégé{} in {}, so the allocation needs a mentoring KPA; \
                 mark one KPA as the mentoring KPA (suggested weight {}%).",
                f.mentor_name,
                if proteges == 1 { "" } else { "s" },
                f.cycle_name,
                f.workload.suggested_weight
            ),
        ));
    }
    match (a.consulted_on, a.consultation_outcome) {
        (None, _) | (_, None) => Err(Error::refused(
            Rule::Consultation,
            "consulted_on",
            "Record the consultation with the mentor's line manager (date and outcome) before \
             marking the allocation final.",
        )),
        (Some(day), _) if day > f.today => Err(Error::refused(
            Rule::Consultation,
            "consulted_on",
            format!(
                "The consultation date {day} is in the future; record it once it has taken place."
            ),
        )),
        (Some(_), Some(ConsultationOutcome::NotAgreed)) => Err(Error::refused(
            Rule::Consultation,
            "consultation_outcome",
            "The line manager did not agree with this allocation. Change it, consult again and \
             record the new outcome before marking it final.",
        )),
        _ => Ok(()),
    }
}

/// The wording of a new mentoring KPA, before the officer edits it.
pub fn mentoring_kpa(workload: &MentoringWorkload) -> Kpa {
    Kpa {
        title: "Mentoring in the Public Service Mentorship Programme".into(),
        outputs: "Protégés guided towards the goals in their mentorship agreements; sessions \
                  held and recorded as agreed; work-plan events signed off; progress reports \
                  submitted each quarter."
            .into(),
        indicators: format!(
            "All agreed sessions held with each of {} protégé(s); quarterly progress reports \
             submitted on time; goals reviewed at mid-cycle and year end.",
            workload.lines.len()
        ),
        weight: workload.suggested_weight,
        mentoring: true,
    }
}

/// The document's reference, e.g. "MT-0003/KPA/2026-27/v2": the cycle's own slash would read
/// as another part of the reference.
pub fn reference(mentor_id: i64, cycle_name: &str, version: u32) -> String {
    format!(
        "{}/KPA/{}/v{version}",
        crate::domain::Mentor::reference(mentor_id),
        cycle_name.trim().replace('/', "-")
    )
}
