//! Evaluations: the default questions of each form, answered forms checked and saved whole,
//! the forms owed and overdue, and the blank form printed with tick boxes.

use mentordesk_core::domain::Mentorship;
use mentordesk_core::evaluation::{AnswerKind, Evaluation, Form, Question};
use mentordesk_core::print::evaluation_form;
use mentordesk_core::Store;

use crate::fixtures::{self, staff};
use crate::{check_pdf, date, text_of};

fn answered(store: &Store, id: i64, form: Form, on: &str) -> Evaluation {
    fixtures::evaluation(store, id, form, on, 3)
}

#[test]
fn every_form_has_its_default_questions_in_order() {
    let (_dir, store, _) = fixtures::one_mentorship("evaluation.sqlite3");
    let count = |form| store.evaluation_questions(form, false).unwrap().len();
    assert_eq!(count(Form::ProtegeMidpoint), 7);
    assert_eq!(count(Form::ProtegeEnd), 7);
    assert_eq!(count(Form::MentorMidpoint), 6);
    assert_eq!(count(Form::MentorEnd), 6);
    assert_eq!(count(Form::MentorSelf), 4);
    let first = &store
        .evaluation_questions(Form::ProtegeMidpoint, false)
        .unwrap()[0];
    assert_eq!(
        (first.text.as_str(), first.answer),
        (
            "How satisfied are you with the mentoring relationship?",
            AnswerKind::Rating
        )
    );
}

#[test]
fn an_answered_form_is_saved_whole_and_read_back() {
    let (_dir, mut store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    let form = answered(&store, id, Form::ProtegeMidpoint, "2026-10-02");
    let saved = store.save_evaluation(&form, fixtures::today()).unwrap();
    let back = store
        .evaluation(id, Form::ProtegeMidpoint)
        .unwrap()
        .unwrap();
    assert_eq!(
        back,
        Evaluation {
            id: Some(saved),
            ..form.clone()
        }
    );
    // A correction replaces the answers; a question left blank is not stored.
    let mut corrected = back.clone();
    corrected.answers[0].rating = Some(4);
    corrected.answers[6].text = String::new();
    store
        .save_evaluation(&corrected, fixtures::today())
        .unwrap();
    let back = store.evaluations(id).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].answers.len(), 6);
    assert_eq!(back[0].answers[0].rating, Some(4));
}

#[test]
fn a_wrong_answer_or_date_is_refused_by_its_field_and_nothing_is_saved() {
    let (_dir, mut store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    let today = fixtures::today();
    let field = |store: &mut Store, e: &Evaluation| {
        store
            .save_evaluation(e, today)
            .unwrap_err()
            .field()
            .unwrap()
            .to_owned()
    };
    let good = answered(&store, id, Form::MentorMidpoint, "2026-10-02");
    let mut e = good.clone();
    e.answered_on = date("2026-12-01");
    assert_eq!(field(&mut store, &e), "answered_on");
    e.answered_on = date("2026-03-01");
    assert_eq!(field(&mut store, &e), "answered_on");
    let mut e = good.clone();
    e.answers[0].rating = Some(5);
    assert_eq!(
        field(&mut store, &e),
        "answers",
        "the four-point scale ends at 4"
    );
    let mut e = good.clone();
    e.answers[1].rating = Some(2);
    assert_eq!(
        field(&mut store, &e),
        "answers",
        "a yes-or-no question given a rating"
    );
    let mut e = good.clone();
    e.answers[0].question_id = store.evaluation_questions(Form::ProtegeEnd, false).unwrap()[0]
        .id
        .unwrap();
    assert_eq!(field(&mut store, &e), "answers", "another form's question");
    let mut e = good.clone();
    e.answers.iter_mut().for_each(|a| {
        a.rating = None;
        a.yes = None;
        a.text.clear();
    });
    assert_eq!(field(&mut store, &e), "answers", "nothing answered");
    assert!(store.evaluations(id).unwrap().is_empty());
    store.save_evaluation(&good, today).unwrap();
    assert_eq!(field(&mut store, &good), "form", "a form is answered once");
}

#[test]
fn forms_are_owed_from_the_mid_point_and_the_end_and_overdue_after_the_setting() {
    let (_dir, mut store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    let owed = |store: &Store, on: &str| -> Vec<(Form, String, bool)> {
        store
            .evaluations_owed(date(on))
            .unwrap()
            .into_iter()
            .map(|o| (o.form, o.due_on.to_string(), o.overdue))
            .collect()
    };
    assert!(owed(&store, "2026-09-29").is_empty());
    assert_eq!(
        owed(&store, "2026-09-30"),
        [
            (Form::ProtegeMidpoint, "2026-09-30".to_owned(), false),
            (Form::MentorMidpoint, "2026-09-30".to_owned(), false)
        ]
    );
    assert!(owed(&store, "2026-10-31")
        .iter()
        .all(|(_, _, overdue)| *overdue));
    store
        .save_evaluation(
            &answered(&store, id, Form::ProtegeMidpoint, "2026-10-02"),
            fixtures::today(),
        )
        .unwrap();
    let at_the_end = owed(&store, "2027-03-31");
    assert_eq!(
        at_the_end.iter().map(|(f, _, _)| *f).collect::<Vec<_>>(),
        [
            Form::MentorMidpoint,
            Form::ProtegeEnd,
            Form::MentorEnd,
            Form::MentorSelf
        ],
        "by due date, then protégé, then the forms' order"
    );
    let mut settings = store.settings().unwrap();
    settings.evaluation_overdue_days = 60;
    store.save_settings(&settings).unwrap();
    assert!(owed(&store, "2026-10-31")
        .iter()
        .all(|(_, _, overdue)| !*overdue));
    // A draft owes nothing.
    let mut draft: Mentorship = store.mentorship(id).unwrap();
    draft.status = mentordesk_core::domain::Status::Draft;
    store.save_mentorship(&draft).unwrap();
    assert!(owed(&store, "2027-03-31").is_empty());
}

#[test]
fn a_question_already_answered_keeps_its_kind_and_an_archived_one_is_no_longer_asked() {
    let (_dir, mut store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    store
        .save_evaluation(
            &answered(&store, id, Form::ProtegeMidpoint, "2026-10-02"),
            fixtures::today(),
        )
        .unwrap();
    let mut first = store
        .evaluation_questions(Form::ProtegeMidpoint, false)
        .unwrap()[0]
        .clone();
    first.answer = AnswerKind::Text;
    assert_eq!(
        store.save_evaluation_question(&first).unwrap_err().field(),
        Some("answer")
    );
    first.answer = AnswerKind::Rating;
    first.archived = true;
    store.save_evaluation_question(&first).unwrap();
    assert_eq!(
        store
            .evaluation_questions(Form::ProtegeMidpoint, false)
            .unwrap()
            .len(),
        6
    );
    assert_eq!(
        store
            .evaluation_questions(Form::ProtegeMidpoint, true)
            .unwrap()
            .len(),
        7
    );
    let added = store
        .save_evaluation_question(&Question {
            id: None,
            form: Form::MentorSelf,
            position: 5,
            text: "  ".into(),
            answer: AnswerKind::YesNo,
            archived: false,
        })
        .unwrap_err();
    assert_eq!(added.field(), Some("text"));
}

#[test]
fn the_blank_form_prints_names_due_date_questions_and_tick_boxes() {
    let (_dir, store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let pdf = evaluation_form::write_evaluation_form(
        &store,
        id,
        Form::ProtegeMidpoint,
        fixtures::today(),
        dir.path(),
    )
    .unwrap();
    assert!(pdf.ends_with(format!("MS-{id:04}-EVAL-protege-midpoint.pdf")));
    check_pdf(&pdf);
    let text = text_of(&pdf);
    for expected in [
        "Protégé's mid-point evaluation",
        &staff(1).surname,
        &staff(0).surname,
        "30 September 2026",
        "1. How satisfied are you with the mentoring relationship?",
        "1 Not effective",
        "4 Significantly above expectations",
        "2. Were the meetings held as the mentorship agreement sets them?",
        "Yes",
        "7. Comments",
    ] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
}

#[test]
fn a_mentorships_five_forms_say_when_each_is_due_answered_owed_or_overdue() {
    let (_dir, mut store, id) = fixtures::one_mentorship("evaluation.sqlite3");
    store
        .save_evaluation(
            &answered(&store, id, Form::ProtegeMidpoint, "2026-10-02"),
            fixtures::today(),
        )
        .unwrap();
    let forms = store.evaluation_forms(id, date("2026-11-23")).unwrap();
    let seen: Vec<(Form, String, bool, bool, bool)> = forms
        .iter()
        .map(|f| {
            (
                f.form,
                f.due_on.to_string(),
                f.evaluation.is_some(),
                f.owed,
                f.overdue,
            )
        })
        .collect();
    let row =
        |form, due: &str, answered, owed, overdue| (form, due.to_owned(), answered, owed, overdue);
    assert_eq!(
        seen,
        [
            row(Form::ProtegeMidpoint, "2026-09-30", true, false, false),
            row(Form::MentorMidpoint, "2026-09-30", false, true, true),
            row(Form::ProtegeEnd, "2027-03-31", false, false, false),
            row(Form::MentorEnd, "2027-03-31", false, false, false),
            row(Form::MentorSelf, "2027-03-31", false, false, false),
        ]
    );
    // The page and the Today screen agree on what is owed.
    let owed = store.evaluations_owed(date("2026-11-23")).unwrap();
    assert_eq!(owed.len(), forms.iter().filter(|f| f.owed).count());
}
