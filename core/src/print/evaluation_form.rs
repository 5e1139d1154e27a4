//! A blank evaluation form to print, fill in by hand and file: the mentorship's names and
//! period filled in, each question of the form with tick boxes (the rating scale's points, or
//! yes and no) or lines to write on, and the respondent's signature. Many staff have no
//! computer of their own; the answers are typed in from the paper later.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::{long_date, AnswerSpace, Block, Document, Signatory};
use crate::domain::Mentorship;
use crate::evaluation::{AnswerKind, Form, Owed};
use crate::{Result, Store};

/// What a blank form shows of its mentorship.
#[derive(Debug, Clone, PartialEq)]
pub struct FormFacts {
    pub mentorship: Mentorship,
    pub form: Form,
    pub protege: String,
    pub mentor: String,
    pub department: String,
    pub programme: String,
    pub questions: Vec<(String, AnswerKind)>,
    /// The words of the rating scale's points, from 1 up.
    pub scale: &'static [&'static str],
}

impl FormFacts {
    pub fn load(store: &Store, mentorship_id: i64, form: Form) -> Result<FormFacts> {
        let mentorship = store.mentorship(mentorship_id)?;
        let protege = store.staff(store.protege(mentorship.protege_id)?.staff_id)?;
        let settings = store.settings()?;
        Ok(FormFacts {
            mentor: store.mentor_name(mentorship.mentor_id)?,
            protege: protege.full_name(),
            questions: store
                .evaluation_questions(form, false)?
                .into_iter()
                .map(|q| (q.text, q.answer))
                .collect(),
            scale: settings.rating_scale.labels(),
            department: settings.department_name,
            programme: settings.programme_name,
            mentorship,
            form,
        })
    }
}

/// The blank form of `form` for a mentorship.
pub fn evaluation_form(
    store: &Store,
    mentorship_id: i64,
    form: Form,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build(&FormFacts::load(store, mentorship_id, form)?, today))
}

pub fn build(f: &FormFacts, today: NaiveDate) -> Document {
    let m = &f.mentorship;
    let respondent = if f.form.by_protege() {
        &f.protege
    } else {
        &f.mentor
    };
    let mut blocks = vec![
        Block::Fields(vec![
            ("Protégé".into(), f.protege.clone()),
            ("Mentor".into(), f.mentor.clone()),
            (
                "Mentorship".into(),
                format!("{} to {}", long_date(m.start_date), long_date(m.end_date)),
            ),
            (
                "Due".into(),
                long_date(f.form.due_on(m.start_date, m.end_date)),
            ),
        ]),
        Block::Paragraph(format!(
            "{respondent}, please answer each question as you see it and return the signed form \
             to the programme office. Ratings run from 1 ({}) to {} ({}). What you write is used \
             for the {} and is reported only in counts and averages, never under your name.",
            f.scale.first().copied().unwrap_or_default(),
            f.scale.len(),
            f.scale.last().copied().unwrap_or_default(),
            f.programme
        )),
    ];
    for (n, (text, answer)) in f.questions.iter().enumerate() {
        let answer = match answer {
            AnswerKind::Rating => AnswerSpace::Boxes(
                f.scale
                    .iter()
                    .enumerate()
                    .map(|(point, words)| format!("{} {words}", point + 1))
                    .collect(),
            ),
            AnswerKind::YesNo => AnswerSpace::Boxes(vec!["Yes".into(), "No".into()]),
            AnswerKind::Text => AnswerSpace::Lines(5),
        };
        blocks.push(Block::Question {
            text: format!("{}. {text}", n + 1),
            answer,
        });
    }
    blocks.push(Block::Signatures(vec![Signatory {
        role: if f.form.by_protege() {
            "Protégé"
        } else {
            "Mentor"
        }
        .into(),
        name: respondent.clone(),
    }]));
    Document {
        title: f.form.label().to_owned(),
        reference: reference(m.id.unwrap_or_default(), f.form),
        organisation: f.department.clone(),
        generated_on: today,
        blocks,
    }
}

/// "MS-0007/EVAL/protege-midpoint".
pub fn reference(mentorship_id: i64, form: Form) -> String {
    format!(
        "{}/EVAL/{}",
        Mentorship::reference(mentorship_id),
        form.code().replace('_', "-")
    )
}

/// Prints the blank form into `dir` and returns the file's path
/// (e.g. MS-0007-EVAL-protege-midpoint.pdf).
pub fn write_evaluation_form(
    store: &Store,
    mentorship_id: i64,
    form: Form,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = evaluation_form(store, mentorship_id, form, today)?;
    let path = dir.join(format!("{}.pdf", doc.reference.replace('/', "-")));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}

/// Prints the blank form of every evaluation owed on `today` into `dir`, telling `on_form` of
/// each before it is printed (its position from 1 and the number owed); stops at the first
/// failure. Returns the files written.
pub fn write_owed_forms(
    store: &Store,
    today: NaiveDate,
    dir: &Path,
    mut on_form: impl FnMut(&Owed, usize, usize),
) -> Result<Vec<PathBuf>> {
    let owed = store.evaluations_owed(today)?;
    crate::private::create_dir(dir)?;
    let mut written = Vec::with_capacity(owed.len());
    for (n, o) in owed.iter().enumerate() {
        on_form(o, n + 1, owed.len());
        written.push(write_evaluation_form(
            store,
            o.mentorship_id,
            o.form,
            today,
            dir,
        )?);
    }
    Ok(written)
}
