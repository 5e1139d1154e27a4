//! The documents the office prints, signs and files, one module each: the mentorship
//! agreement, the department–mentor contract, the agreement with an external organisation, the
//! KPA allocation, the progress report and the selection letters. Each gathers its facts from
//! the store and turns them into the layout model of `document`, which draws the pages;
//! `batch` prints many of one kind on every core. None decides a rule of the programme, and
//! nothing below `store` depends on them.

pub mod addendum;
pub mod agreement;
pub mod audit_pack;
pub mod batch;
pub mod certificate;
pub mod dispute_letter;
pub mod evaluation_form;
pub mod kpa_allocation;
pub mod letters;
pub mod mentor_contract;
pub mod organisation_agreement;
pub mod programme_report;
pub mod progress_report;
pub mod termination_letter;

use chrono::NaiveDate;

use crate::domain::Staff;
use crate::store::Store;
use crate::Result;

/// One party as the agreement names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: String,
    pub persal: Option<String>,
    pub designation: String,
    pub unit: String,
    /// The external organisation that offers a mentor; `None` for the department's own staff.
    pub organisation: Option<String>,
}

impl Party {
    /// The lines a letter is addressed with: name, persal number, designation and unit, or
    /// the organisation of an external mentor.
    pub fn address(&self) -> String {
        let mut lines = vec![self.name.clone()];
        if let Some(persal) = &self.persal {
            lines.push(format!("Persal number {persal}"));
        }
        for line in [&self.designation, &self.unit] {
            if !line.trim().is_empty() {
                lines.push(line.trim().to_owned());
            }
        }
        if let Some(org) = &self.organisation {
            lines.push(org.clone());
        }
        lines.join("\n")
    }
}

/// A staff member as a document names them, with their unit.
pub(crate) fn staff_party(store: &Store, staff: &Staff) -> Result<Party> {
    let unit = match staff.unit_id {
        Some(id) => store.unit(id)?.name,
        None => String::new(),
    };
    Ok(Party {
        name: staff.full_name(),
        persal: Some(staff.persal.clone()),
        designation: staff.designation.clone(),
        unit,
        organisation: None,
    })
}

/// What was recorded, or `otherwise` when nothing was.
pub(crate) fn or_blank(text: &str, otherwise: &str) -> String {
    if text.trim().is_empty() {
        otherwise.to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// The contracts in force on a day, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CurrentContracts {
    /// Internal mentors, not archived, whose appointment covers the day.
    pub mentors: Vec<i64>,
    /// Organisations, not archived, whose agreement covers the day.
    pub organisations: Vec<i64>,
}

/// The mentor contracts and organisation agreements that run on `today`.
pub fn current(store: &Store, today: NaiveDate) -> Result<CurrentContracts> {
    let mut mentors = Vec::new();
    for row in store.mentors("", false)? {
        let covers = matches!(
            (row.appointment_start, row.appointment_end),
            (Some(start), Some(end)) if start <= today && today <= end
        );
        if covers && !store.mentor(row.id)?.is_external() {
            mentors.push(row.id);
        }
    }
    let organisations = store
        .organisations(false)?
        .into_iter()
        .filter(|o| o.agreement_covers(today))
        .filter_map(|o| o.id)
        .collect();
    Ok(CurrentContracts {
        mentors,
        organisations,
    })
}
