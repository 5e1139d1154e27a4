//! Commands about evaluations: the questions of each form (and the programme manager's edits
//! to them), the forms a mentorship has answered, the day each of its forms falls due, and the
//! blank form printed into the documents folder to be filled in by hand. Which forms are due
//! when, and what a valid answer is, are core's (`evaluation`, `store::evaluations`).

use chrono::NaiveDate;
use mentordesk_core::evaluation::{Evaluation, Form, Question};
use mentordesk_core::print::evaluation_form::write_evaluation_form;
use serde::Serialize;
use tauri::State;

use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// The questions of `form` in their order; archived ones too when asked for.
#[tauri::command]
pub fn evaluation_questions(
    db: State<'_, Db>,
    form: Form,
    with_archived: bool,
) -> Reply<Vec<Question>> {
    Ok(db.store()?.evaluation_questions(form, with_archived)?)
}

/// Adds a question (no id) or changes or archives one; returns its id.
#[tauri::command]
pub fn save_evaluation_question(db: State<'_, Db>, question: Question) -> Reply<i64> {
    Ok(db.store()?.save_evaluation_question(&question)?)
}

/// The forms a mentorship has answered, each with its answers.
#[tauri::command]
pub fn list_evaluations(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Evaluation>> {
    Ok(db.store()?.evaluations(mentorship_id)?)
}

/// When one of a mentorship's forms falls due.
#[derive(Debug, Serialize)]
pub struct FormDue {
    pub form: Form,
    pub due_on: NaiveDate,
}

/// Every form of a mentorship, in the order of `Form`, with the day it falls due
/// (`Form::due_on`).
#[tauri::command]
pub fn evaluation_due_dates(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<FormDue>> {
    let m = db.store()?.mentorship(mentorship_id)?;
    let due = |&form: &Form| FormDue {
        form,
        due_on: form.due_on(m.start_date, m.end_date),
    };
    Ok(Form::ALL.iter().map(due).collect())
}

/// Records an answered form, or corrects one, with all its answers; returns its id.
#[tauri::command]
pub fn save_evaluation(db: State<'_, Db>, evaluation: Evaluation) -> Reply<i64> {
    Ok(db.store()?.save_evaluation(&evaluation, today())?)
}

/// Removes an answered form recorded by mistake, with its answers.
#[tauri::command]
pub fn remove_evaluation(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_evaluation(id)?)
}

/// Prints the blank `form` of a mentorship and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_evaluation_form(db: State<'_, Db>, mentorship_id: i64, form: Form) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = write_evaluation_form(&*db.store()?, mentorship_id, form, today(), &dir)?;
    Ok(path.display().to_string())
}
