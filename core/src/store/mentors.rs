//! Mentors: internal (a staff member) or external (a person an organisation offers), with their
//! training and appointment.

use chrono::NaiveDate;
use rusqlite::Row;
use serde::Serialize;

use super::{like_pattern, not_found, Choice, Store};
use crate::domain::Mentor;
use crate::{Error, Result};

const COLUMNS: &str = "id, staff_id, external_name, organisation_id, fields_of_expertise,
    qualifications, professional_background, scarce_skills, years_experience, recruitment,
    nominated_by, training_course, training_provider, training_completed_on, training_certificate,
    appointment_start, appointment_end, experience_override_reason, archived_at IS NOT NULL, languages";

fn mentor_from_row(r: &Row) -> rusqlite::Result<Mentor> {
    Ok(Mentor {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        external_name: r.get(2)?,
        organisation_id: r.get(3)?,
        fields_of_expertise: r.get(4)?,
        qualifications: r.get(5)?,
        professional_background: r.get(6)?,
        scarce_skills: r.get(7)?,
        years_experience: r.get(8)?,
        recruitment: r.get(9)?,
        nominated_by: r.get(10)?,
        training_course: r.get(11)?,
        training_provider: r.get(12)?,
        training_completed_on: r.get(13)?,
        training_certificate: r.get(14)?,
        appointment_start: r.get(15)?,
        appointment_end: r.get(16)?,
        experience_override_reason: r.get(17)?,
        archived: r.get(18)?,
        languages: r.get(19)?,
    })
}

/// The mentor's display name: the staff member's, or the external person's.
pub(super) const MENTOR_NAME: &str =
    "coalesce(ms.first_names || ' ' || ms.surname, m.external_name)";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorRow {
    pub id: i64,
    pub name: String,
    pub persal: Option<String>,
    /// The external organisation, for external mentors.
    pub organisation: Option<String>,
    pub fields_of_expertise: String,
    pub years_experience: u32,
    pub training_completed_on: Option<NaiveDate>,
    pub appointment_start: Option<NaiveDate>,
    pub appointment_end: Option<NaiveDate>,
    /// Draft and active mentorships the mentor holds now.
    pub open_mentorships: i64,
    pub archived: bool,
}

impl Store {
    pub fn mentor(&self, id: i64) -> Result<Mentor> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM mentor WHERE id = ?1"),
                [id],
                mentor_from_row,
            )
            .map_err(not_found("Mentor", id))
    }

    pub fn mentor_name(&self, id: i64) -> Result<String> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {MENTOR_NAME} FROM mentor m LEFT JOIN staff ms ON ms.id = m.staff_id
                 WHERE m.id = ?1"
            ))?
            .query_row([id], |r| r.get(0))
            .map_err(not_found("Mentor", id))
    }

    pub fn mentors(&self, text: &str, include_archived: bool) -> Result<Vec<MentorRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, {MENTOR_NAME}, ms.persal, o.name, m.fields_of_expertise, m.years_experience,
                    m.training_completed_on, m.appointment_start, m.appointment_end,
                    (SELECT count(*) FROM mentorship x WHERE x.mentor_id = m.id
                        AND x.status IN ('draft', 'active') AND x.archived_at IS NULL),
                    m.archived_at IS NOT NULL
             FROM mentor m
             LEFT JOIN staff ms ON ms.id = m.staff_id
             LEFT JOIN organisation o ON o.id = m.organisation_id
             WHERE (?1 = '%%' OR coalesce(ms.search_key, lower(m.external_name)) LIKE ?1 ESCAPE '\\'
                    OR lower(m.fields_of_expertise) LIKE ?1 ESCAPE '\\' OR ms.persal LIKE ?1 ESCAPE '\\')
               AND (?2 OR m.archived_at IS NULL)
             ORDER BY coalesce(ms.surname, m.external_name)"
        ))?;
        let rows = stmt.query_map((like_pattern(text), include_archived), |r| {
            Ok(MentorRow {
                id: r.get(0)?,
                name: r.get(1)?,
                persal: r.get(2)?,
                organisation: r.get(3)?,
                fields_of_expertise: r.get(4)?,
                years_experience: r.get(5)?,
                training_completed_on: r.get(6)?,
                appointment_start: r.get(7)?,
                appointment_end: r.get(8)?,
                open_mentorships: r.get(9)?,
                archived: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn mentor_choices(&self) -> Result<Vec<Choice>> {
        Ok(self
            .mentors("", false)?
            .into_iter()
            .map(|m| Choice {
                id: m.id,
                label: match m.organisation {
                    Some(org) => format!("{} ({org})", m.name),
                    None => m.name,
                },
            })
            .collect())
    }

    pub fn save_mentor(&mut self, mentor: &Mentor) -> Result<i64> {
        let settings = self.settings()?;
        mentor.validate(settings.max_appointment_months)?;
        if let Some(staff_id) = mentor.staff_id {
            let taken: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM mentor WHERE staff_id = ?1 AND id IS NOT ?2)",
                (staff_id, mentor.id),
                |r| r.get(0),
            )?;
            if taken {
                let name = self.staff(staff_id)?.full_name();
                return Err(Error::invalid(
                    "staff_id",
                    format!("{name} is already registered as a mentor."),
                ));
            }
        }
        // An internal mentor's organisation is the department itself.
        let (external_name, organisation_id) = match mentor.staff_id {
            Some(_) => ("", None),
            None => (mentor.external_name.trim(), mentor.organisation_id),
        };
        let params = rusqlite::params![
            mentor.id,
            mentor.staff_id,
            external_name,
            organisation_id,
            mentor.fields_of_expertise.trim(),
            mentor.qualifications.trim(),
            mentor.professional_background.trim(),
            mentor.scarce_skills.trim(),
            mentor.years_experience,
            mentor.recruitment,
            mentor.nominated_by.trim(),
            mentor.training_course.trim(),
            mentor.training_provider.trim(),
            mentor.training_completed_on,
            mentor.training_certificate.trim(),
            mentor.appointment_start,
            mentor.appointment_end,
            mentor.experience_override_reason.trim(),
            mentor.languages.trim(),
        ];
        match mentor.id {
            None => {
                self.conn.execute(
                    "INSERT INTO mentor (id, staff_id, external_name, organisation_id, fields_of_expertise,
                        qualifications, professional_background, scarce_skills, years_experience,
                        recruitment, nominated_by, training_course, training_provider,
                        training_completed_on, training_certificate, appointment_start,
                        appointment_end, experience_override_reason, languages)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE mentor SET staff_id = ?2, external_name = ?3, organisation_id = ?4,
                        fields_of_expertise = ?5, qualifications = ?6, professional_background = ?7,
                        scarce_skills = ?8, years_experience = ?9, recruitment = ?10, nominated_by = ?11,
                        training_course = ?12, training_provider = ?13, training_completed_on = ?14,
                        training_certificate = ?15, appointment_start = ?16, appointment_end = ?17,
                        experience_override_reason = ?18, languages = ?19
                     WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Mentor", id });
                }
                Ok(id)
            }
        }
    }
}

impl Store {
    /// The mentor's past appointments, latest first; the current one is on the mentor.
    pub fn appointments(&self, mentor_id: i64) -> Result<Vec<crate::domain::Appointment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_date, end_date, reviewed_on, review_notes FROM mentor_appointment
             WHERE mentor_id = ?1 ORDER BY start_date DESC",
        )?;
        let rows = stmt.query_map([mentor_id], |r| {
            Ok(crate::domain::Appointment {
                start_date: r.get(0)?,
                end_date: r.get(1)?,
                reviewed_on: r.get(2)?,
                review_notes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The annual review: the current appointment is kept in the history with the review's
    /// date and notes, and the mentor is appointed again from the day after it ends, for the
    /// longest appointment the settings allow. Returns the renewed mentor.
    pub fn renew_appointment(
        &mut self,
        mentor_id: i64,
        reviewed_on: NaiveDate,
        review_notes: &str,
    ) -> Result<Mentor> {
        let mut mentor = self.mentor(mentor_id)?;
        let name = self.mentor_name(mentor_id)?;
        if mentor.archived {
            return Err(Error::invalid(
                "mentor_id",
                format!("{name} is archived; restore the mentor before renewing the appointment."),
            ));
        }
        let (Some(start), Some(end)) = (mentor.appointment_start, mentor.appointment_end) else {
            return Err(Error::invalid(
                "appointment_start",
                format!("{name} has no appointment to renew; enter the first appointment's dates on the mentor's page."),
            ));
        };
        if reviewed_on < start {
            return Err(Error::invalid(
                "reviewed_on",
                format!("The review on {reviewed_on} is before the appointment began on {start}."),
            ));
        }
        let months = self.settings()?.max_appointment_months;
        let new_start = end + chrono::Days::new(1);
        let new_end = new_start
            .checked_add_months(chrono::Months::new(months))
            .and_then(|d| d.checked_sub_days(chrono::Days::new(1)))
            .ok_or_else(|| {
                Error::invalid(
                    "appointment_end",
                    "The renewed appointment would end beyond the calendar.",
                )
            })?;
        mentor.appointment_start = Some(new_start);
        mentor.appointment_end = Some(new_end);
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO mentor_appointment (mentor_id, start_date, end_date, reviewed_on, review_notes)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![mentor_id, start, end, reviewed_on, review_notes.trim()],
        )?;
        tx.execute(
            "UPDATE mentor SET appointment_start = ?2, appointment_end = ?3 WHERE id = ?1",
            rusqlite::params![mentor_id, new_start, new_end],
        )?;
        tx.commit()?;
        Ok(mentor)
    }
}
