//! The programme's norms as settings: what each one means, its default and how a typed value
//! is checked. The values themselves live in the database (`store::settings`); the defaults
//! are written there by the first migration, from domain.md.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingKind {
    Text,
    Count,
    Flag,
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
}

impl Settings {
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
        ];
        for (key, value, low, high) in counts {
            if !(low..=high).contains(&value) {
                let label = DEFS.iter().find(|d| d.key == key).map_or(key, |d| d.label);
                return Err(Error::invalid(
                    key,
                    format!("{label} must be between {low} and {high}, not {value}."),
                ));
            }
        }
        Ok(())
    }
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
