//! The programme's norms as settings: what each one means, its default and how a typed value
//! is checked. The values themselves live in the database (`store::settings`); the defaults
//! are written there by the first migration, from domain.md.

use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingKind {
    Text,
    Count,
    /// Hours, with decimals allowed (for example 1.5).
    Hours,
    Flag,
    /// One of a closed list, named as in `vocabulary::vocabulary`.
    Choice(&'static str),
}

/// What the settings screen shows for one setting.
#[derive(Debug, Clone, Serialize)]
pub struct SettingDef {
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: SettingKind,
}

pub const DEFS: &[SettingDef] = &[
    SettingDef { key: "department_name", label: "Department", help: "Printed at the top of every document.", kind: SettingKind::Text },
    SettingDef { key: "programme_name", label: "Programme name", help: "The programme as named in agreements and letters.", kind: SettingKind::Text },
    SettingDef { key: "programme_manager", label: "Programme manager", help: "The person who signs agreements for the department.", kind: SettingKind::Text },
    SettingDef { key: "mentor_capacity", label: "Protégés per mentor", help: "The most protégés a mentor takes at once without a recorded override (guide: 4).", kind: SettingKind::Count },
    SettingDef { key: "mentor_min_years_experience", label: "Mentor's experience (more than, in years)", help: "A mentor needs more than this many years in the division, unless an override is recorded (guide: 5).", kind: SettingKind::Count },
    SettingDef { key: "max_mentorship_months", label: "Longest mentorship (months)", help: "A mentorship runs at most this long; it may be renewed (guide: 12).", kind: SettingKind::Count },
    SettingDef { key: "max_appointment_months", label: "Longest mentor appointment (months)", help: "Mentors are appointed for at most this long at a time (guide: 12).", kind: SettingKind::Count },
    SettingDef { key: "allow_concurrent_mentorships", label: "A protégé may have more than one mentor at once", help: "Off by default: a protégé has one active mentorship at a time.", kind: SettingKind::Flag },
    SettingDef { key: "cycle_start_month", label: "Performance cycle starts in month", help: "The financial year's first month, 1 to 12; it starts on the 1st (guide: 4, April).", kind: SettingKind::Count },
    SettingDef { key: "mentoring_hours_per_protege", label: "Mentoring hours a month per protégé", help: "Working time the mentoring KPA allows for each protégé (guide: 2).", kind: SettingKind::Hours },
    SettingDef { key: "preparation_hours_per_protege", label: "Preparation hours a month per protégé", help: "Working time for preparing, added to the mentoring hours.", kind: SettingKind::Hours },
    SettingDef { key: "working_hours_per_month", label: "Working hours in a month", help: "A mentor's working time in a month, for the mentoring share (40 hours a week: 173).", kind: SettingKind::Hours },
    SettingDef { key: "kpa_min_weight", label: "Least weight of a KPA (%)", help: "Each KPA weighs at least this much (directive for levels 1 to 12: 10).", kind: SettingKind::Count },
    SettingDef { key: "kpa_max_weight", label: "Greatest weight of a KPA (%)", help: "Each KPA weighs at most this much (directive for levels 1 to 12: 30).", kind: SettingKind::Count },
    SettingDef { key: "senior_manager_salary_level", label: "Senior managers from salary level", help: "Mentors at this salary level or above are senior managers, whose performance agreements follow other rules (13).", kind: SettingKind::Count },
    SettingDef { key: "kpa_range_for_senior_managers", label: "The KPA weight range applies to senior managers too", help: "Off by default: a senior manager's KPAs must add up to 100% but may weigh outside the range.", kind: SettingKind::Flag },
    SettingDef { key: "workplan_feedback_working_day", label: "Work plan: feedback on working day", help: "A new work plan has feedback to the protégé on this working day of each month (3).", kind: SettingKind::Count },
    SettingDef { key: "workplan_review_every_months", label: "Work plan: progress review every (months)", help: "A new work plan has a progress review this often, and one at the end (3: every quarter).", kind: SettingKind::Count },
    SettingDef { key: "rating_scale", label: "Rating scale", help: "The scale competencies and progress reports are rated on: the four-point scale (1 not effective … 3 fully effective … 4 significantly above expectations) or the older five-point scale. Ratings already given keep their scale.", kind: SettingKind::Choice("rating_scale") },
    SettingDef { key: "no_session_warning_days", label: "Warn of mentorships with no session for (days)", help: "An active mentorship with no session logged for this many days is flagged on the dashboard (30).", kind: SettingKind::Count },
    SettingDef { key: "exclude_same_reporting_line", label: "Matching: exclude mentors in the protégé's reporting line", help: "On by default: a mentor who is the protégé's line manager's line manager (or higher up the same line) is not suggested. The protégé's own line manager is always excluded.", kind: SettingKind::Flag },
    SettingDef { key: "match_weight_expertise", label: "Matching weight: expertise meets development needs", help: "Points for a mentor whose fields of expertise cover the protégé's development needs (50).", kind: SettingKind::Count },
    SettingDef { key: "match_weight_capacity", label: "Matching weight: places free", help: "Points for a mentor with room for more protégés, in proportion to the places free (15).", kind: SettingKind::Count },
    SettingDef { key: "match_weight_location", label: "Matching weight: same location", help: "Points when mentor and protégé work in the same kind of location (10).", kind: SettingKind::Count },
    SettingDef { key: "match_weight_age_gap", label: "Matching weight: age gap", help: "Points when the mentor is older than the protégé by at least the age gap below (10).", kind: SettingKind::Count },
    SettingDef { key: "match_age_gap_years", label: "Matching: age gap (years)", help: "The age gap that earns the full age points (10).", kind: SettingKind::Count },
    SettingDef { key: "match_weight_gender", label: "Matching weight: gender preference", help: "Points when the mentor's gender is the one the protégé prefers, or when the protégé has no preference (10).", kind: SettingKind::Count },
    SettingDef { key: "match_weight_language", label: "Matching weight: language preference", help: "Points when the mentor mentors in the protégé's preferred language, or when there is no preference (5).", kind: SettingKind::Count },
    SettingDef { key: "mentor_reply_days", label: "Mentor's reply to a proposed protégé within (days)", help: "The notice to a mentor asks for an answer within this many days (10).", kind: SettingKind::Count },
    SettingDef { key: "appointment_warning_days", label: "Warn of appointments ending within (days)", help: "Appointments that end within this many days are flagged (30).", kind: SettingKind::Count },
    SettingDef { key: "evaluation_overdue_days", label: "Evaluation forms overdue after (days)", help: "A mid-point or end-of-mentorship evaluation not answered this many days after it fell due is shown as overdue (30).", kind: SettingKind::Count },
    SettingDef { key: "signature_reminder_days", label: "Remind of unsigned documents after (days)", help: "A printed agreement, addendum, contract, KPA allocation or progress report still waiting for a signature this many days after its date is listed on Today (14).", kind: SettingKind::Count },
    SettingDef { key: "attachment_max_megabytes", label: "Largest signed copy (MB)", help: "A scan or photo of signed paper larger than this is refused, so that backups stay small (20).", kind: SettingKind::Count },
    SettingDef { key: "report_smallest_count", label: "Programme report: smallest count printed", help: "A count below this (but above nought) is printed as \"fewer than\" it, so that no one can be recognised from a figure in the programme report (3).", kind: SettingKind::Count },
    SettingDef { key: "occupational_levels", label: "Occupational levels by salary level", help: "How the employment-equity tables group salary levels, highest first: each band as \"from-to name\", separated by semicolons, covering levels 1 to 16.", kind: SettingKind::Text },
    SettingDef { key: "backups_kept", label: "Automatic backups kept", help: "MentorDesk backs the database up on each day it is used and before every upgrade, keeping this many of those backups (10). Backups made by hand are never removed.", kind: SettingKind::Count },
];

/// The settings as typed values, read once per operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub department_name: String,
    pub programme_name: String,
    pub programme_manager: String,
    pub mentor_capacity: u32,
    pub mentor_min_years_experience: u32,
    pub max_mentorship_months: u32,
    pub max_appointment_months: u32,
    pub allow_concurrent_mentorships: bool,
    pub cycle_start_month: u32,
    pub mentoring_hours_per_protege: f64,
    pub preparation_hours_per_protege: f64,
    pub working_hours_per_month: f64,
    pub kpa_min_weight: u32,
    pub kpa_max_weight: u32,
    pub senior_manager_salary_level: u32,
    pub kpa_range_for_senior_managers: bool,
    pub appointment_warning_days: u32,
    pub workplan_feedback_working_day: u32,
    pub workplan_review_every_months: u32,
    pub rating_scale: RatingScale,
    pub no_session_warning_days: u32,
    pub exclude_same_reporting_line: bool,
    pub match_weight_expertise: u32,
    pub match_weight_capacity: u32,
    pub match_weight_location: u32,
    pub match_weight_age_gap: u32,
    pub match_age_gap_years: u32,
    pub match_weight_gender: u32,
    pub match_weight_language: u32,
    pub mentor_reply_days: u32,
    pub backups_kept: u32,
    pub evaluation_overdue_days: u32,
    pub signature_reminder_days: u32,
    pub attachment_max_megabytes: u32,
    pub report_smallest_count: u32,
    /// The occupational levels as written in the setting; `occupational_levels()` reads them.
    pub occupational_levels: String,
}

/// Who the decision trail names when no one else is: the office itself.
pub const PROGRAMME_OFFICE: &str = "Programme office";

impl Settings {
    /// Who is recorded as having decided for the office: the programme manager the settings
    /// name, or the programme office when none is named.
    pub fn office(&self) -> &str {
        match self.programme_manager.trim() {
            "" => PROGRAMME_OFFICE,
            name => name,
        }
    }

    /// The points of `scale`, or of the programme's scale when none is named. A rating keeps
    /// the scale it was given on, so correcting an old one asks for that scale by name.
    pub fn scale_points(&self, scale: Option<RatingScale>) -> ScalePoints {
        let scale = scale.unwrap_or(self.rating_scale);
        ScalePoints {
            scale,
            labels: scale.labels(),
        }
    }

    /// Builds the typed settings from stored key/value pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Settings> {
        let mut s = Settings {
            department_name: String::new(),
            programme_name: String::new(),
            programme_manager: String::new(),
            mentor_capacity: 0,
            mentor_min_years_experience: 0,
            max_mentorship_months: 0,
            max_appointment_months: 0,
            allow_concurrent_mentorships: false,
            cycle_start_month: 4,
            mentoring_hours_per_protege: 0.0,
            preparation_hours_per_protege: 0.0,
            working_hours_per_month: 0.0,
            kpa_min_weight: 0,
            kpa_max_weight: 0,
            senior_manager_salary_level: 0,
            kpa_range_for_senior_managers: false,
            appointment_warning_days: 0,
            workplan_feedback_working_day: 3,
            workplan_review_every_months: 3,
            rating_scale: RatingScale::FourPoint,
            no_session_warning_days: 30,
            exclude_same_reporting_line: true,
            match_weight_expertise: 50,
            match_weight_capacity: 15,
            match_weight_location: 10,
            match_weight_age_gap: 10,
            match_age_gap_years: 10,
            match_weight_gender: 10,
            match_weight_language: 5,
            mentor_reply_days: 10,
            backups_kept: 10,
            evaluation_overdue_days: 30,
            signature_reminder_days: 14,
            attachment_max_megabytes: 20,
            report_smallest_count: 3,
            occupational_levels: OCCUPATIONAL_LEVELS.to_owned(),
        };
        for (key, value) in pairs {
            let key = DEFS.iter().find(|d| d.key == key).map_or("", |d| d.key);
            match key {
                "department_name" => s.department_name = value.to_owned(),
                "programme_name" => s.programme_name = value.to_owned(),
                "programme_manager" => s.programme_manager = value.to_owned(),
                "mentor_capacity" => s.mentor_capacity = parse_count(key, value)?,
                "mentor_min_years_experience" => {
                    s.mentor_min_years_experience = parse_count(key, value)?
                }
                "max_mentorship_months" => s.max_mentorship_months = parse_count(key, value)?,
                "max_appointment_months" => s.max_appointment_months = parse_count(key, value)?,
                "allow_concurrent_mentorships" => {
                    s.allow_concurrent_mentorships = parse_flag(key, value)?
                }
                "cycle_start_month" => s.cycle_start_month = parse_count(key, value)?,
                "mentoring_hours_per_protege" => {
                    s.mentoring_hours_per_protege = parse_hours(key, value)?
                }
                "preparation_hours_per_protege" => {
                    s.preparation_hours_per_protege = parse_hours(key, value)?
                }
                "working_hours_per_month" => s.working_hours_per_month = parse_hours(key, value)?,
                "kpa_min_weight" => s.kpa_min_weight = parse_count(key, value)?,
                "kpa_max_weight" => s.kpa_max_weight = parse_count(key, value)?,
                "senior_manager_salary_level" => {
                    s.senior_manager_salary_level = parse_count(key, value)?
                }
                "kpa_range_for_senior_managers" => {
                    s.kpa_range_for_senior_managers = parse_flag(key, value)?
                }
                "appointment_warning_days" => s.appointment_warning_days = parse_count(key, value)?,
                "backups_kept" => s.backups_kept = parse_count(key, value)?,
                "workplan_feedback_working_day" => {
                    s.workplan_feedback_working_day = parse_count(key, value)?
                }
                "workplan_review_every_months" => {
                    s.workplan_review_every_months = parse_count(key, value)?
                }
                "rating_scale" => {
                    s.rating_scale = RatingScale::from_code(value).ok_or_else(|| {
                        Error::invalid(
                            key,
                            format!("{} is not a rating scale the programme knows.", value),
                        )
                    })?
                }
                "no_session_warning_days" => s.no_session_warning_days = parse_count(key, value)?,
                "exclude_same_reporting_line" => {
                    s.exclude_same_reporting_line = parse_flag(key, value)?
                }
                "match_weight_expertise" => s.match_weight_expertise = parse_count(key, value)?,
                "match_weight_capacity" => s.match_weight_capacity = parse_count(key, value)?,
                "match_weight_location" => s.match_weight_location = parse_count(key, value)?,
                "match_weight_age_gap" => s.match_weight_age_gap = parse_count(key, value)?,
                "match_age_gap_years" => s.match_age_gap_years = parse_count(key, value)?,
                "match_weight_gender" => s.match_weight_gender = parse_count(key, value)?,
                "match_weight_language" => s.match_weight_language = parse_count(key, value)?,
                "mentor_reply_days" => s.mentor_reply_days = parse_count(key, value)?,
                "evaluation_overdue_days" => s.evaluation_overdue_days = parse_count(key, value)?,
                "signature_reminder_days" => s.signature_reminder_days = parse_count(key, value)?,
                "attachment_max_megabytes" => s.attachment_max_megabytes = parse_count(key, value)?,
                "report_smallest_count" => s.report_smallest_count = parse_count(key, value)?,
                "occupational_levels" => s.occupational_levels = value.to_owned(),

                // Keys of other features are read by their own modules.
                _ => {}
            }
        }
        Ok(s)
    }

    /// The settings as stored text, in the order of `DEFS`.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("department_name", self.department_name.clone()),
            ("programme_name", self.programme_name.clone()),
            ("programme_manager", self.programme_manager.clone()),
            ("mentor_capacity", self.mentor_capacity.to_string()),
            (
                "mentor_min_years_experience",
                self.mentor_min_years_experience.to_string(),
            ),
            (
                "max_mentorship_months",
                self.max_mentorship_months.to_string(),
            ),
            (
                "max_appointment_months",
                self.max_appointment_months.to_string(),
            ),
            (
                "allow_concurrent_mentorships",
                self.allow_concurrent_mentorships.to_string(),
            ),
            ("cycle_start_month", self.cycle_start_month.to_string()),
            (
                "mentoring_hours_per_protege",
                self.mentoring_hours_per_protege.to_string(),
            ),
            (
                "preparation_hours_per_protege",
                self.preparation_hours_per_protege.to_string(),
            ),
            (
                "working_hours_per_month",
                self.working_hours_per_month.to_string(),
            ),
            ("kpa_min_weight", self.kpa_min_weight.to_string()),
            ("kpa_max_weight", self.kpa_max_weight.to_string()),
            (
                "senior_manager_salary_level",
                self.senior_manager_salary_level.to_string(),
            ),
            (
                "kpa_range_for_senior_managers",
                self.kpa_range_for_senior_managers.to_string(),
            ),
            (
                "appointment_warning_days",
                self.appointment_warning_days.to_string(),
            ),
            ("backups_kept", self.backups_kept.to_string()),
            (
                "workplan_feedback_working_day",
                self.workplan_feedback_working_day.to_string(),
            ),
            (
                "workplan_review_every_months",
                self.workplan_review_every_months.to_string(),
            ),
            ("rating_scale", self.rating_scale.code().to_owned()),
            (
                "no_session_warning_days",
                self.no_session_warning_days.to_string(),
            ),
            (
                "exclude_same_reporting_line",
                self.exclude_same_reporting_line.to_string(),
            ),
            (
                "match_weight_expertise",
                self.match_weight_expertise.to_string(),
            ),
            (
                "match_weight_capacity",
                self.match_weight_capacity.to_string(),
            ),
            (
                "match_weight_location",
                self.match_weight_location.to_string(),
            ),
            (
                "match_weight_age_gap",
                self.match_weight_age_gap.to_string(),
            ),
            ("match_age_gap_years", self.match_age_gap_years.to_string()),
            ("match_weight_gender", self.match_weight_gender.to_string()),
            (
                "match_weight_language",
                self.match_weight_language.to_string(),
            ),
            ("mentor_reply_days", self.mentor_reply_days.to_string()),
            (
                "evaluation_overdue_days",
                self.evaluation_overdue_days.to_string(),
            ),
            (
                "signature_reminder_days",
                self.signature_reminder_days.to_string(),
            ),
            (
                "attachment_max_megabytes",
                self.attachment_max_megabytes.to_string(),
            ),
            (
                "report_smallest_count",
                self.report_smallest_count.to_string(),
            ),
            ("occupational_levels", self.occupational_levels.clone()),
        ]
    }

    pub fn validate(&self) -> Result<()> {
        if self.department_name.trim().is_empty() {
            return Err(Error::invalid(
                "department_name",
                "The department's name is required: it heads every document.",
            ));
        }
        if self.programme_name.trim().is_empty() {
            return Err(Error::invalid(
                "programme_name",
                "The programme's name is required.",
            ));
        }
        let counts = [
            ("mentor_capacity", self.mentor_capacity, 1, 20),
            (
                "mentor_min_years_experience",
                self.mentor_min_years_experience,
                0,
                40,
            ),
            ("max_mentorship_months", self.max_mentorship_months, 1, 36),
            ("max_appointment_months", self.max_appointment_months, 1, 36),
            ("cycle_start_month", self.cycle_start_month, 1, 12),
            ("kpa_min_weight", self.kpa_min_weight, 0, 100),
            ("kpa_max_weight", self.kpa_max_weight, 1, 100),
            (
                "senior_manager_salary_level",
                self.senior_manager_salary_level,
                1,
                16,
            ),
            (
                "appointment_warning_days",
                self.appointment_warning_days,
                0,
                365,
            ),
            ("backups_kept", self.backups_kept, 1, 365),
            (
                "workplan_feedback_working_day",
                self.workplan_feedback_working_day,
                1,
                20,
            ),
            (
                "workplan_review_every_months",
                self.workplan_review_every_months,
                0,
                12,
            ),
            (
                "no_session_warning_days",
                self.no_session_warning_days,
                1,
                365,
            ),
            (
                "match_weight_expertise",
                self.match_weight_expertise,
                0,
                100,
            ),
            ("match_weight_capacity", self.match_weight_capacity, 0, 100),
            ("match_weight_location", self.match_weight_location, 0, 100),
            ("match_weight_age_gap", self.match_weight_age_gap, 0, 100),
            ("match_age_gap_years", self.match_age_gap_years, 0, 40),
            ("match_weight_gender", self.match_weight_gender, 0, 100),
            ("match_weight_language", self.match_weight_language, 0, 100),
            ("mentor_reply_days", self.mentor_reply_days, 1, 90),
            (
                "evaluation_overdue_days",
                self.evaluation_overdue_days,
                1,
                365,
            ),
            (
                "signature_reminder_days",
                self.signature_reminder_days,
                1,
                365,
            ),
            (
                "attachment_max_megabytes",
                self.attachment_max_megabytes,
                1,
                200,
            ),
            ("report_smallest_count", self.report_smallest_count, 1, 20),
        ];
        for (key, value, low, high) in counts {
            if !(low..=high).contains(&value) {
                return Err(Error::invalid(
                    key,
                    format!(
                        "{} must be between {low} and {high}, not {value}.",
                        label(key)
                    ),
                ));
            }
        }
        let hours = [
            (
                "mentoring_hours_per_protege",
                self.mentoring_hours_per_protege,
                0.5,
                40.0,
            ),
            (
                "preparation_hours_per_protege",
                self.preparation_hours_per_protege,
                0.0,
                40.0,
            ),
            (
                "working_hours_per_month",
                self.working_hours_per_month,
                40.0,
                250.0,
            ),
        ];
        for (key, value, low, high) in hours {
            if !(low..=high).contains(&value) {
                return Err(Error::invalid(
                    key,
                    format!(
                        "{} must be between {low} and {high} hours, not {value}.",
                        label(key)
                    ),
                ));
            }
        }
        self.occupational_levels()?;
        if self.kpa_min_weight > self.kpa_max_weight {
            return Err(Error::invalid(
                "kpa_min_weight",
                format!(
                    "The least weight of a KPA ({}%) is more than the greatest ({}%).",
                    self.kpa_min_weight, self.kpa_max_weight
                ),
            ));
        }
        Ok(())
    }

    /// Whether the KPA weight range binds a mentor at `salary_level` (unknown: it binds).
    pub fn kpa_range_applies(&self, salary_level: Option<u8>) -> bool {
        let senior = salary_level.is_some_and(|l| u32::from(l) >= self.senior_manager_salary_level);
        !senior || self.kpa_range_for_senior_managers
    }

    /// The occupational levels of the employment-equity tables, highest first, read from
    /// their setting: bands of salary levels that cover 1 to 16 once each.
    pub fn occupational_levels(&self) -> Result<Vec<OccupationalLevel>> {
        const KEY: &str = "occupational_levels";
        let wrong = |why: String| {
            Error::invalid(
                KEY,
                format!("{why} Write each band as \"from-to name\", separated by semicolons."),
            )
        };
        let mut levels = Vec::new();
        for band in self.occupational_levels.split(';').map(str::trim) {
            if band.is_empty() {
                continue;
            }
            let (range, name) = band.split_once(char::is_whitespace).unwrap_or((band, ""));
            let (from, to) = range.split_once('-').unwrap_or((range, range));
            let (Ok(from), Ok(to)) = (from.trim().parse::<u8>(), to.trim().parse::<u8>()) else {
                return Err(wrong(format!(
                    "\"{band}\" does not start with its salary levels."
                )));
            };
            if name.trim().is_empty() || from > to || from == 0 || to > 16 {
                return Err(wrong(format!(
                    "\"{band}\" needs levels from 1 to 16, lowest first, and a name."
                )));
            }
            levels.push(OccupationalLevel {
                name: name.trim().to_owned(),
                from,
                to,
            });
        }
        for level in 1..=16 {
            let bands = levels.iter().filter(|l| l.holds(level)).count();
            if bands != 1 {
                let times = if bands == 0 {
                    "in no band"
                } else {
                    "in more than one band"
                };
                return Err(wrong(format!("Salary level {level} is {times}.")));
            }
        }
        levels.sort_by_key(|l| std::cmp::Reverse(l.from));
        Ok(levels)
    }

    /// Working time allowed for one protégé a month: mentoring plus preparation.
    pub fn hours_per_protege(&self) -> f64 {
        self.mentoring_hours_per_protege + self.preparation_hours_per_protege
    }
}

fn label(key: &str) -> &str {
    DEFS.iter().find(|d| d.key == key).map_or(key, |d| d.label)
}

fn parse_hours(key: &'static str, value: &str) -> Result<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite())
        .ok_or_else(|| {
            Error::invalid(
                key,
                format!("The setting {key} holds \"{value}\", which is not a number of hours."),
            )
        })
}

fn parse_count(key: &'static str, value: &str) -> Result<u32> {
    value.trim().parse().map_err(|_| {
        Error::invalid(
            key,
            format!("The setting {key} holds \"{value}\", which is not a whole number."),
        )
    })
}

fn parse_flag(key: &'static str, value: &str) -> Result<bool> {
    match value.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Error::invalid(
            key,
            format!("The setting {key} holds \"{value}\", which is neither on nor off."),
        )),
    }
}

/// The public service's usual grouping of salary levels into the occupational levels of the
/// employment-equity report (domain.md), highest first.
pub const OCCUPATIONAL_LEVELS: &str = "15-16 Top management; 13-14 Senior management; \
    9-12 Professionally qualified and middle management; \
    6-8 Skilled technical and junior management; 3-5 Semi-skilled; 1-2 Unskilled";

/// A band of salary levels reported as one occupational level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationalLevel {
    pub name: String,
    pub from: u8,
    pub to: u8,
}

impl OccupationalLevel {
    pub fn holds(&self, salary_level: u8) -> bool {
        (self.from..=self.to).contains(&salary_level)
    }
}

// The scale competencies and progress reports are rated on: a setting, and each rating keeps
// the scale it was given on.
choice!(RatingScale {
    FourPoint = "four_point": "Four-point scale",
    FivePoint = "five_point": "Five-point scale (older)",
});

/// A rating scale and the words of its points, from 1 up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScalePoints {
    pub scale: RatingScale,
    pub labels: &'static [&'static str],
}

impl RatingScale {
    /// The words of each point, from 1 up.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            RatingScale::FourPoint => &[
                "Not effective",
                "Partially effective",
                "Fully effective",
                "Significantly above expectations",
            ],
            RatingScale::FivePoint => &[
                "Unacceptable",
                "Not fully effective",
                "Fully effective",
                "Significantly above expectations",
                "Outstanding",
            ],
        }
    }

    pub fn points(self) -> u8 {
        self.labels().len() as u8
    }

    /// A rating as printed: "3 (Fully effective)".
    pub fn describe(self, rating: u8) -> String {
        match self.labels().get(usize::from(rating).wrapping_sub(1)) {
            Some(label) => format!("{rating} ({label})"),
            None => rating.to_string(),
        }
    }

    pub(crate) fn check(self, field: &'static str, rating: u8) -> Result<()> {
        if (1..=self.points()).contains(&rating) {
            return Ok(());
        }
        Err(Error::invalid(
            field,
            format!(
                "A rating on the {} runs from 1 to {}, not {rating}.",
                self.label().to_lowercase(),
                self.points()
            ),
        ))
    }
}
