//! The evaluation forms' questions, the answered forms with their answers (saved whole in one
//! transaction), and the forms each mentorship owes.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::{not_found, Store};
use crate::domain::Status;
use crate::evaluation::{owing, Answer, Evaluation, Form, FormState, Owed, Question};
use crate::{Error, Result};

const QUESTION_COLUMNS: &str = "id, form, position, text, answer, archived_at IS NOT NULL";

fn question_from_row(r: &Row) -> rusqlite::Result<Question> {
    Ok(Question {
        id: r.get(0)?,
        form: r.get(1)?,
        position: r.get(2)?,
        text: r.get(3)?,
        answer: r.get(4)?,
        archived: r.get(5)?,
    })
}

const EVALUATION_COLUMNS: &str = "id, mentorship_id, form, answered_on, scale, from_paper";

fn evaluation_from_row(r: &Row) -> rusqlite::Result<Evaluation> {
    Ok(Evaluation {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        form: r.get(2)?,
        answered_on: r.get(3)?,
        scale: r.get(4)?,
        from_paper: r.get(5)?,
        answers: Vec::new(),
    })
}

impl Store {
    /// The questions of `form` in their order; archived ones only when asked for (an answered
    /// form shows every question it was asked).
    pub fn evaluation_questions(&self, form: Form, with_archived: bool) -> Result<Vec<Question>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_COLUMNS} FROM evaluation_question
             WHERE form = ?1 AND (?2 OR archived_at IS NULL) ORDER BY position, id"
        ))?;
        let rows = stmt.query_map(params![form, with_archived], question_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a question (no id) or changes one; returns its id. A question already answered
    /// keeps its kind of answer, so the answers given stay readable.
    pub fn save_evaluation_question(&mut self, q: &Question) -> Result<i64> {
        q.validate()?;
        let tx = self.conn.savepoint()?;
        let id = match q.id {
            None => {
                tx.execute(
                    "INSERT INTO evaluation_question (form, position, text, answer)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![q.form, q.position, q.text.trim(), q.answer],
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let (answer, answered): (crate::evaluation::AnswerKind, bool) = tx
                    .query_row(
                        "SELECT answer, EXISTS (SELECT 1 FROM evaluation_answer WHERE question_id = q.id)
                         FROM evaluation_question q WHERE id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .map_err(not_found("Evaluation question", id))?;
                if answered && answer != q.answer {
                    return Err(Error::invalid(
                        "answer",
                        "This question has been answered already, so its kind of answer stays; \
                         archive it and add a new question instead.",
                    ));
                }
                tx.execute(
                    "UPDATE evaluation_question SET position = ?2, text = ?3, answer = ?4,
                         archived_at = CASE WHEN ?5 THEN coalesce(archived_at, datetime('now')) END
                     WHERE id = ?1",
                    params![id, q.position, q.text.trim(), q.answer, q.archived],
                )?;
                id
            }
        };
        tx.commit()?;
        Ok(id)
    }

    /// The forms answered for a mentorship, in the order of `Form`, each with its answers.
    pub fn evaluations(&self, mentorship_id: i64) -> Result<Vec<Evaluation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVALUATION_COLUMNS} FROM evaluation WHERE mentorship_id = ?1"
        ))?;
        let rows = stmt.query_map([mentorship_id], evaluation_from_row)?;
        let mut evaluations = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        evaluations.sort_by_key(|e| Form::ALL.iter().position(|&f| f == e.form));
        for e in &mut evaluations {
            e.answers = self.answers(e.id.unwrap_or_default())?;
        }
        Ok(evaluations)
    }

    /// The form `form` of a mentorship as answered, if it is.
    pub fn evaluation(&self, mentorship_id: i64, form: Form) -> Result<Option<Evaluation>> {
        let found = self
            .conn
            .query_row(
                &format!(
                    "SELECT {EVALUATION_COLUMNS} FROM evaluation WHERE mentorship_id = ?1 AND form = ?2"
                ),
                params![mentorship_id, form],
                evaluation_from_row,
            )
            .optional()?;
        match found {
            Some(mut e) => {
                e.answers = self.answers(e.id.unwrap_or_default())?;
                Ok(Some(e))
            }
            None => Ok(None),
        }
    }

    fn answers(&self, evaluation_id: i64) -> Result<Vec<Answer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.question_id, a.rating, a.yes, a.text FROM evaluation_answer a
             JOIN evaluation_question q ON q.id = a.question_id
             WHERE a.evaluation_id = ?1 ORDER BY q.position, q.id",
        )?;
        let rows = stmt.query_map([evaluation_id], |r| {
            Ok(Answer {
                question_id: r.get(0)?,
                rating: r.get(1)?,
                yes: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records an answered form, or corrects one, with all its answers in one transaction;
    /// returns its id. A mentorship answers each form once.
    pub fn save_evaluation(&mut self, e: &Evaluation, today: NaiveDate) -> Result<i64> {
        let m = self.mentorship(e.mentorship_id)?;
        e.validate(&m, &self.evaluation_questions(e.form, true)?, today)?;
        if let Some(other) = self.evaluation(e.mentorship_id, e.form)? {
            if other.id != e.id {
                return Err(Error::invalid(
                    "form",
                    format!(
                        "The {} of this mentorship is recorded already, on {}; correct that one.",
                        e.form.label().to_lowercase(),
                        other.answered_on
                    ),
                ));
            }
        }
        let tx = self.conn.savepoint()?;
        let values = params![
            e.id,
            e.mentorship_id,
            e.form,
            e.answered_on,
            e.scale,
            e.from_paper
        ];
        let id = match e.id {
            None => {
                tx.execute(
                    "INSERT INTO evaluation (id, mentorship_id, form, answered_on, scale, from_paper)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    values,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE evaluation SET answered_on = ?4, scale = ?5, from_paper = ?6
                     WHERE id = ?1 AND mentorship_id = ?2 AND form = ?3",
                    values,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Evaluation",
                        id,
                    });
                }
                tx.execute(
                    "DELETE FROM evaluation_answer WHERE evaluation_id = ?1",
                    [id],
                )?;
                id
            }
        };
        for a in e
            .answers
            .iter()
            .filter(|a| a.rating.is_some() || a.yes.is_some() || !a.text.trim().is_empty())
        {
            tx.execute(
                "INSERT INTO evaluation_answer (evaluation_id, question_id, rating, yes, text)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, a.question_id, a.rating, a.yes, a.text.trim()],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Removes an answered form entered by mistake, with its answers.
    pub fn remove_evaluation(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.savepoint()?;
        tx.execute(
            "DELETE FROM evaluation_answer WHERE evaluation_id = ?1",
            [id],
        )?;
        if tx.execute("DELETE FROM evaluation WHERE id = ?1", [id])? == 0 {
            return Err(Error::NotFound {
                what: "Evaluation",
                id,
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Each of a mentorship's five forms on `today`, in the order of `Form`: its due day, its
    /// answers when answered, and whether it is owed and overdue (`owing`); a draft or
    /// archived mentorship owes nothing.
    pub fn evaluation_forms(&self, mentorship_id: i64, today: NaiveDate) -> Result<Vec<FormState>> {
        let m = self.mentorship(mentorship_id)?;
        let overdue_days = self.settings()?.evaluation_overdue_days;
        let counts = m.status != Status::Draft && !m.archived;
        let mut answered = self.evaluations(mentorship_id)?;
        Ok(Form::ALL
            .iter()
            .map(|&form| {
                let due_on = form.due_on(m.start_date, m.end_date);
                let evaluation = answered
                    .iter()
                    .position(|e| e.form == form)
                    .map(|i| answered.swap_remove(i));
                let owing =
                    owing(due_on, today, overdue_days).filter(|_| counts && evaluation.is_none());
                FormState {
                    form,
                    due_on,
                    evaluation,
                    owed: owing.is_some(),
                    overdue: owing == Some(true),
                }
            })
            .collect())
    }

    /// The forms owed on `today`: for each mentorship that is not a draft nor archived, each
    /// form whose day has come (`Form::due_on`) and that is not answered; overdue once the
    /// setting's days have passed. By due date, then protégé.
    pub fn evaluations_owed(&self, today: NaiveDate) -> Result<Vec<Owed>> {
        Ok(self.evaluations_owed_at(today, 0..usize::MAX)?.1)
    }

    /// How many forms `evaluations_owed` lists, and those at `positions` in its order. The
    /// forms owed are found and put in order with the protégé's name alone; the mentor's name
    /// is read only for the forms asked for, as Today shows 20 of thousands.
    pub fn evaluations_owed_at(
        &self,
        today: NaiveDate,
        positions: std::ops::Range<usize>,
    ) -> Result<(usize, Vec<Owed>)> {
        let overdue_days = self.settings()?.evaluation_overdue_days;
        // Every form answered, read in one pass over the table's (mentorship, form) index.
        let answered: std::collections::HashSet<(i64, Form)> = self
            .conn
            .prepare_cached("SELECT mentorship_id, form FROM evaluation")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.id, x.mentor_id, ps.first_names || ' ' || ps.surname, x.start_date,
                    x.end_date
             FROM mentorship x JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE x.status <> 'draft' AND x.archived_at IS NULL AND x.start_date <= ?1",
        )?;
        let rows = stmt.query_map([today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                r.get::<_, NaiveDate>(4)?,
            ))
        })?;
        // Each mentorship once, and each form owed pointing at it.
        let mut pairs = Vec::new();
        let mut owed = Vec::new();
        for row in rows {
            let (id, mentor_id, protege, start, end) = row?;
            for &form in Form::ALL {
                let due_on = form.due_on(start, end);
                let Some(overdue) = owing(due_on, today, overdue_days) else {
                    continue;
                };
                if !answered.contains(&(id, form)) {
                    owed.push((due_on, pairs.len(), form, overdue));
                }
            }
            pairs.push((id, mentor_id, protege));
        }
        owed.sort_by(|a, b| (a.0, &pairs[a.1].2).cmp(&(b.0, &pairs[b.1].2)));
        let count = owed.len();
        let start = positions.start.min(count);
        let end = positions.end.clamp(start, count);
        let mut out = Vec::with_capacity(end - start);
        for &(due_on, pair, form, overdue) in &owed[start..end] {
            let (mentorship_id, mentor_id, protege) = &pairs[pair];
            out.push(Owed {
                mentorship_id: *mentorship_id,
                form,
                due_on,
                overdue,
                protege: protege.clone(),
                mentor: self.mentor_name(*mentor_id)?,
            });
        }
        Ok((count, out))
    }
}
