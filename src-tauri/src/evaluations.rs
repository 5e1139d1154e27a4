//! Commands about evaluations: the questions of each form (and the programme manager's edits
//! to them), a mentorship's five forms (when each falls due, its answers, whether it is owed),
//! and the blank form printed into the documents folder to be filled in by hand. Which forms are due
//! when, and what a valid answer is, are core's (`evaluation`, `store::evaluations`).

use mentordesk_core::evaluation::{Evaluation, Form, FormState, Question};
use mentordesk_core::print::evaluation_form::write_evaluation_form;
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

/// Every form of a mentorship, in the order of `Form`: when it falls due, its answers when
/// answered, and whether it is owed or overdue today.
#[tauri::command]
pub fn evaluation_forms(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<FormState>> {
    Ok(db.store()?.evaluation_forms(mentorship_id, today())?)
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
