//! Commands that read and write the six registers (units, staff, organisations, mentors,
//! protégés, mentorships) and archive their records; a mentor's appointments and an
//! organisation's mentors. Each adapts one `Store` call; the checks and rules are core's.

use chrono::NaiveDate;
use mentordesk_core::domain::{
    Appointment, Mentor, Mentorship, Organisation, Protege, ProtegeKind, Staff, Unit,
};
use mentordesk_core::store::{
    Choice, MentorRow, MentorshipQuery, MentorshipRow, ProtegeRow, Register, StaffQuery, StaffRow,
    UnitRow,
};
use tauri::State;

use crate::ipc::{today, Db, Reply};

#[tauri::command]
pub fn list_units(db: State<'_, Db>, include_archived: bool) -> Reply<Vec<UnitRow>> {
    Ok(db.store()?.units(include_archived)?)
}

#[tauri::command]
pub fn get_unit(db: State<'_, Db>, id: i64) -> Reply<Unit> {
    Ok(db.store()?.unit(id)?)
}

#[tauri::command]
pub fn save_unit(db: State<'_, Db>, unit: Unit) -> Reply<i64> {
    Ok(db.store()?.save_unit(&unit)?)
}

#[tauri::command]
pub fn list_staff(db: State<'_, Db>, query: StaffQuery) -> Reply<Vec<StaffRow>> {
    Ok(db.store()?.staff_list(&query)?)
}

#[tauri::command]
pub fn get_staff(db: State<'_, Db>, id: i64) -> Reply<Staff> {
    Ok(db.store()?.staff(id)?)
}

#[tauri::command]
pub fn save_staff(db: State<'_, Db>, staff: Staff) -> Reply<i64> {
    Ok(db.store()?.save_staff(&staff, today())?)
}

#[tauri::command]
pub fn staff_choices(db: State<'_, Db>) -> Reply<Vec<Choice>> {
    Ok(db.store()?.staff_choices()?)
}

#[tauri::command]
pub fn list_organisations(db: State<'_, Db>, include_archived: bool) -> Reply<Vec<Organisation>> {
    Ok(db.store()?.organisations(include_archived)?)
}

#[tauri::command]
pub fn get_organisation(db: State<'_, Db>, id: i64) -> Reply<Organisation> {
    Ok(db.store()?.organisation(id)?)
}

#[tauri::command]
pub fn save_organisation(db: State<'_, Db>, organisation: Organisation) -> Reply<i64> {
    Ok(db.store()?.save_organisation(&organisation)?)
}

#[tauri::command]
pub fn organisation_choices(db: State<'_, Db>) -> Reply<Vec<Choice>> {
    Ok(db.store()?.organisation_choices()?)
}

/// The mentors an organisation offers.
#[tauri::command]
pub fn organisation_mentors(db: State<'_, Db>, id: i64) -> Reply<Vec<Mentor>> {
    Ok(db.store()?.organisation_mentors(id)?)
}

#[tauri::command]
pub fn list_mentors(
    db: State<'_, Db>,
    text: String,
    include_archived: bool,
) -> Reply<Vec<MentorRow>> {
    Ok(db.store()?.mentors(&text, include_archived)?)
}

#[tauri::command]
pub fn get_mentor(db: State<'_, Db>, id: i64) -> Reply<Mentor> {
    Ok(db.store()?.mentor(id)?)
}

#[tauri::command]
pub fn save_mentor(db: State<'_, Db>, mentor: Mentor) -> Reply<i64> {
    Ok(db.store()?.save_mentor(&mentor)?)
}

/// A mentor's past appointments, the latest first.
#[tauri::command]
pub fn mentor_appointments(db: State<'_, Db>, mentor_id: i64) -> Reply<Vec<Appointment>> {
    Ok(db.store()?.appointments(mentor_id)?)
}

/// Records the review of a mentor's appointment and appoints them for the next period.
#[tauri::command]
pub fn renew_appointment(
    db: State<'_, Db>,
    mentor_id: i64,
    reviewed_on: NaiveDate,
    review_notes: String,
) -> Reply<Mentor> {
    Ok(db
        .store()?
        .renew_appointment(mentor_id, reviewed_on, &review_notes)?)
}

#[tauri::command]
pub fn mentor_choices(db: State<'_, Db>) -> Reply<Vec<Choice>> {
    Ok(db.store()?.mentor_choices()?)
}

#[tauri::command]
pub fn list_proteges(
    db: State<'_, Db>,
    text: String,
    kind: Option<ProtegeKind>,
    include_archived: bool,
) -> Reply<Vec<ProtegeRow>> {
    Ok(db.store()?.proteges(&text, kind, include_archived)?)
}

#[tauri::command]
pub fn get_protege(db: State<'_, Db>, id: i64) -> Reply<Protege> {
    Ok(db.store()?.protege(id)?)
}

#[tauri::command]
pub fn save_protege(db: State<'_, Db>, protege: Protege) -> Reply<i64> {
    Ok(db.store()?.save_protege(&protege)?)
}

#[tauri::command]
pub fn protege_choices(db: State<'_, Db>) -> Reply<Vec<Choice>> {
    Ok(db.store()?.protege_choices()?)
}

#[tauri::command]
pub fn list_mentorships(db: State<'_, Db>, query: MentorshipQuery) -> Reply<Vec<MentorshipRow>> {
    Ok(db.store()?.mentorships(&query)?)
}

#[tauri::command]
pub fn get_mentorship(db: State<'_, Db>, id: i64) -> Reply<Mentorship> {
    Ok(db.store()?.mentorship(id)?)
}

#[tauri::command]
pub fn save_mentorship(db: State<'_, Db>, mentorship: Mentorship) -> Reply<i64> {
    Ok(db.store()?.save_mentorship(&mentorship)?)
}

#[tauri::command]
pub fn set_archived(db: State<'_, Db>, register: Register, id: i64, archived: bool) -> Reply<()> {
    Ok(db.store()?.set_archived(register, id, archived)?)
}
