//! Evaluations: each mentorship is evaluated at its mid-point and at its end by the protégé
//! and by the mentor, and the mentor assesses themself at the end. The questions of each form
//! are settings the programme manager may change (`evaluation_question`, with a default set
//! per form); the answers are typed in from the printed form or filled in on the screen.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::domain::Mentorship;
use crate::settings::RatingScale;
use crate::{Error, Result};

choice!(Form {
    ProtegeMidpoint = "protege_midpoint": "Protégé's mid-point evaluation",
    MentorMidpoint = "mentor_midpoint": "Mentor's mid-point evaluation",
    ProtegeEnd = "protege_end": "Protégé's end-of-mentorship evaluation",
    MentorEnd = "mentor_end": "Mentor's end-of-mentorship evaluation",
    MentorSelf = "mentor_self": "Mentor's self-assessment",
});

choice!(AnswerKind {
    Rating = "rating": "A rating on the programme's scale",
    YesNo = "yes_no": "Yes or no",
    Text = "text": "A written answer",
});

impl Form {
    /// Who fills the form in.
    pub fn by_protege(self) -> bool {
        matches!(self, Form::ProtegeMidpoint | Form::ProtegeEnd)
    }

    /// The day the form falls due for a mentorship from `start` to `end`: its mid-point
    /// (halfway) or its last day.
    pub fn due_on(self, start: NaiveDate, end: NaiveDate) -> NaiveDate {
        match self {
            Form::ProtegeMidpoint | Form::MentorMidpoint => {
                start + Days::new(((end - start).num_days() / 2).max(0) as u64)
            }
            Form::ProtegeEnd | Form::MentorEnd | Form::MentorSelf => end,
        }
    }
}

/// Whether a form due on `due_on` and not answered is owed on `today`: `None` before its day,
/// otherwise whether it is overdue, more than `overdue_days` after it.
pub fn owing(due_on: NaiveDate, today: NaiveDate, overdue_days: u32) -> Option<bool> {
    (due_on <= today).then(|| today > due_on + Days::new(u64::from(overdue_days)))
}

/// A question of an evaluation form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Option<i64>,
    pub form: Form,
    /// Where the question stands on its form, from 1.
    pub position: u32,
    pub text: String,
    pub answer: AnswerKind,
    /// An archived question is no longer asked; answers already given to it are kept.
    #[serde(default)]
    pub archived: bool,
}

impl Question {
    pub fn validate(&self) -> Result<()> {
        if self.text.trim().is_empty() {
            return Err(Error::invalid(
                "text",
                "Write the question as the form asks it.",
            ));
        }
        Ok(())
    }
}

/// One answered form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub form: Form,
    /// The day the form was filled in (on paper, or on the screen).
    pub answered_on: NaiveDate,
    /// The scale its ratings were given on; an evaluation keeps it when the setting changes.
    pub scale: RatingScale,
    /// Typed in from a printed form.
    #[serde(default)]
    pub from_paper: bool,
    pub answers: Vec<Answer>,
}

/// The answer to one question: a rating, a yes or no, or words; any may be left blank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question_id: i64,
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub yes: Option<bool>,
    #[serde(default)]
    pub text: String,
}

impl Evaluation {
    /// Checks the form against its mentorship and the form's `questions`: filled in on a day
    /// between the mentorship's start and today, each answer to a question of this form and
    /// of the kind the question asks for, ratings on the evaluation's scale.
    pub fn validate(&self, m: &Mentorship, questions: &[Question], today: NaiveDate) -> Result<()> {
        if self.answered_on > today {
            return Err(Error::invalid(
                "answered_on",
                format!(
                    "{} is in the future; record the form once it is filled in.",
                    self.answered_on
                ),
            ));
        }
        if self.answered_on < m.start_date {
            return Err(Error::invalid(
                "answered_on",
                format!(
                    "{} is before the mentorship started on {}.",
                    self.answered_on, m.start_date
                ),
            ));
        }
        for answer in &self.answers {
            let question = questions
                .iter()
                .find(|q| q.id == Some(answer.question_id) && q.form == self.form)
                .ok_or_else(|| {
                    Error::invalid(
                        "answers",
                        format!("{} does not ask that question.", self.form.label()),
                    )
                })?;
            // A question may be left blank; otherwise it holds the one kind it asks for.
            let given = [
                answer.rating.is_some(),
                answer.yes.is_some(),
                !answer.text.trim().is_empty(),
            ];
            let asked = [AnswerKind::Rating, AnswerKind::YesNo, AnswerKind::Text]
                .map(|k| k == question.answer);
            if given.contains(&true) && given != asked {
                return Err(Error::invalid(
                    "answers",
                    format!(
                        "\"{}\" asks for {}.",
                        question.text,
                        question.answer.label().to_lowercase()
                    ),
                ));
            }
            if let Some(rating) = answer.rating {
                self.scale.check("answers", rating)?;
            }
        }
        if self.answers.iter().all(answer_blank) {
            return Err(Error::invalid(
                "answers",
                "Answer at least one question of the form.",
            ));
        }
        Ok(())
    }
}

fn answer_blank(a: &Answer) -> bool {
    a.rating.is_none() && a.yes.is_none() && a.text.trim().is_empty()
}

/// One form of a mentorship as its page shows it: when it falls due, its answers if it is
/// answered, and whether it is owed (due, not answered, the mentorship not a draft) and
/// overdue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormState {
    pub form: Form,
    pub due_on: NaiveDate,
    pub evaluation: Option<Evaluation>,
    pub owed: bool,
    pub overdue: bool,
}

/// A form a mentorship owes: due on its mid-point or end, not yet answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Owed {
    pub mentorship_id: i64,
    pub form: Form,
    pub due_on: NaiveDate,
    /// Still unanswered more than the `evaluation_overdue_days` setting after it fell due.
    pub overdue: bool,
    pub protege: String,
    pub mentor: String,
}
