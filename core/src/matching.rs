//! Matching: ranked mentor suggestions for one application, each with a score and the reasons
//! in words, with the hard rules that exclude a mentor (and say why); and the exact assignment
//! of a whole cohort within every mentor's capacity. Pure: the facts come from
//! `store::matching`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Gender, Location, ProtegeKind};
use crate::settings::Settings;

/// The protégé of an application, as matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Seeker {
    pub application_id: i64,
    pub protege_id: i64,
    pub staff_id: i64,
    pub name: String,
    pub kind: ProtegeKind,
    /// Development needs and career goals, as written on the protégé's profile.
    pub needs: String,
    pub location: Option<Location>,
    pub gender: Option<Gender>,
    pub date_of_birth: Option<NaiveDate>,
    /// The protégé's line managers, nearest first (their own, theirs, ...), as staff ids.
    pub reporting_line: Vec<i64>,
    pub preferred_gender: Option<Gender>,
    pub preferred_language: String,
    pub wanted_start: NaiveDate,
    pub wanted_end: NaiveDate,
}

/// A mentor who might be suggested: internal, or offered by an external organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub staff_id: Option<i64>,
    pub fields_of_expertise: String,
    pub languages: String,
    pub trained_on: Option<NaiveDate>,
    pub appointment_end: Option<NaiveDate>,
    /// Protégés the mentor holds (draft or active) during the wanted period.
    pub holding: u32,
    pub location: Option<Location>,
    pub gender: Option<Gender>,
    pub date_of_birth: Option<NaiveDate>,
}

/// One reason behind a score, with the points it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub points: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    /// The sum of the reasons' points; 0 for an excluded mentor.
    pub score: u32,
    pub reasons: Vec<Reason>,
    /// Why a hard rule excludes this mentor; `None` when the mentor may be matched.
    pub excluded: Option<String>,
}

/// The hard rule that excludes `c` for `s`, in words, if any: the protégé's own line manager;
/// someone higher in the same reporting line (when the setting says so); no place free; no
/// accredited training; an appointment that ends before the mentoring would.
pub fn exclusion(s: &Seeker, c: &Candidate, settings: &Settings) -> Option<String> {
    let _ = (s, c, settings);
    todo!("being written")
}

/// Scores one candidate with its reasons (excluded candidates score 0 and say why).
pub fn score(s: &Seeker, c: &Candidate, settings: &Settings) -> Suggestion {
    let _ = (s, c, settings);
    todo!("being written")
}

/// Every candidate scored and ranked: the eligible by score (highest first, then by name and
/// id, so the order never depends on input order), then the excluded.
pub fn suggest(s: &Seeker, candidates: &[Candidate], settings: &Settings) -> Vec<Suggestion> {
    let _ = (s, candidates, settings);
    todo!("being written")
}
