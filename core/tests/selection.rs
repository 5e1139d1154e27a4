//! Applications moving through selection and matching, each step checked against the decision
//! trail and the letters it owes; and the letters themselves, printed and read back with
//! poppler.

use chrono::NaiveDate;
use mentordesk_core::domain::Status;
use mentordesk_core::print::letters::{self, LetterFacts, FILE_COPY_HEADING};
use mentordesk_core::selection::{
    Application, Decision, Entry, LetterKind, PendingLetter, Review, State,
};
use mentordesk_core::store::{ApplicationQuery, Confidential, MentorReply, MentorshipQuery};
use mentordesk_core::{Error, Store};

use crate::{check_pdf, date, fixtures, sample_store, text_of};

const OFFICER: &str = "Refilwe Mokoena";
const REASONS: &str = "Career path plan not yet agreed with the line manager; \
    development needs are met by the current bursary";

fn today() -> NaiveDate {
    date("2026-11-23")
}

/// The sample programme with the people these tests use: two applicants without a mentorship,
/// an intern, two internal mentors with places free and the external mentor.
struct Scene {
    _dir: tempfile::TempDir,
    store: Store,
    /// Riaan Pretorius, an applicant in Finance and Supply Chain Management.
    riaan: i64,
    /// Lerato Sithole, an applicant in Corporate Services.
    lerato: i64,
    /// Tshepo Letsoalo, an intern.
    tshepo: i64,
    /// Sipho Mkhize, trained, appointed to August 2027, one protégé; not Riaan's line manager.
    sipho: i64,
    /// Charlene Adams, likewise, in Lerato's unit but not her line manager.
    charlene: i64,
    /// Dr Khanyisile Sibiya-Jansen of the Ubuntu Leadership Institute.
    external: i64,
}

fn scene() -> Scene {
    let (dir, store) = sample_store();
    let protege = |name: &str| store.proteges(name, None, false).unwrap()[0].id;
    let mentor = |name: &str| store.mentors(name, false).unwrap()[0].id;
    Scene {
        riaan: protege("Riaan Pretorius"),
        lerato: protege("Lerato Sithole"),
        tshepo: protege("Tshepo Letsoalo"),
        sipho: mentor("Sipho Mkhize"),
        charlene: mentor("Charlene Adams"),
        external: mentor("Sibiya-Jansen"),
        _dir: dir,
        store,
    }
}

/// An application received on 2 November 2026 for January to July 2027.
fn application(protege_id: i64) -> Application {
    Application {
        received_on: date("2026-11-02"),
        intake: "2027 intake".into(),
        wanted_start: date("2027-01-11"),
        wanted_end: date("2027-07-30"),
        motivation: "I want to grow into a professional role.".into(),
        ..fixtures::application(protege_id)
    }
}

fn apply(store: &mut Store, protege_id: i64) -> i64 {
    store
        .save_application(&application(protege_id), OFFICER, today())
        .unwrap()
}

fn review(application_id: i64, decision: Decision, reasons: &str) -> Review {
    Review {
        id: None,
        application_id,
        reviewed_on: date("2026-11-16"),
        members_present: "N. Dlamini-Müller, P. O'Neill, R. Mokoena".into(),
        interview_notes: "Interviewed; spoke openly about a difficult year at home.".into(),
        decision,
        reasons: reasons.into(),
    }
}

/// Takes the application up on 9 November and decides on 16 November.
fn decide(store: &mut Store, application_id: i64, decision: Decision, reasons: &str) {
    store
        .start_review(application_id, OFFICER, date("2026-11-09"))
        .unwrap();
    store
        .record_review(&review(application_id, decision, reasons), today())
        .unwrap();
}

/// Applies, approves and proposes the mentor on 18 November.
fn matched(store: &mut Store, protege_id: i64, mentor_id: i64) -> i64 {
    let id = apply(store, protege_id);
    decide(
        store,
        id,
        Decision::Approved,
        "Clear goals; a suitable mentor exists",
    );
    store
        .match_mentor(id, mentor_id, OFFICER, date("2026-11-18"))
        .unwrap();
    id
}

fn accept(on: &str) -> MentorReply {
    MentorReply {
        accepted: true,
        on: date(on),
        reason: String::new(),
    }
}

fn decline(on: &str, reason: &str) -> MentorReply {
    MentorReply {
        accepted: false,
        on: date(on),
        reason: reason.into(),
    }
}

/// The letters owed for one application, oldest first (the sample owes letters of its own).
fn letters_of(store: &Store, application_id: i64) -> Vec<PendingLetter> {
    store
        .pending_letters()
        .unwrap()
        .into_iter()
        .filter(|l| l.application_id == application_id)
        .collect()
}

fn field_of(result: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match result {
        Err(err) => err
            .field()
            .unwrap_or_else(|| panic!("{err} names no field")),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

/// What the store holds about one application and the letters owed, to show that a refused
/// transition wrote nothing.
fn footprint(store: &Store, application_id: i64) -> (Application, usize, usize, usize, usize) {
    (
        store.application(application_id).unwrap(),
        store
            .applications(&ApplicationQuery::default())
            .unwrap()
            .len(),
        store.decision_trail(application_id).unwrap().len(),
        store.reviews(application_id).unwrap().len(),
        store.pending_letters().unwrap().len(),
    )
}

#[test]
fn a_new_application_is_submitted_with_its_first_event() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);
    let a = store.application(id).unwrap();
    assert_eq!(a.state, State::Submitted);
    assert_eq!(a.mentor_id, None);
    let trail = store.decision_trail(id).unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].state, State::Submitted);
    assert_eq!(trail[0].happened_on, date("2026-11-02"));
    assert_eq!(trail[0].actor, OFFICER);
    assert_eq!(trail[0].what, "Application received");
    assert!(letters_of(&store, id).is_empty());
    assert!(!store.is_ready_for_matching(&a).unwrap());
}

#[test]
fn only_interns_and_learners_are_entered_as_eligible_without_an_application() {
    let Scene {
        mut store,
        riaan,
        tshepo,
        ..
    } = scene();
    let eligible = |protege_id| Application {
        entry: Entry::Eligible,
        ..application(protege_id)
    };
    let before = store.applications(&ApplicationQuery::default()).unwrap();
    assert_eq!(
        field_of(store.save_application(&eligible(riaan), OFFICER, today())),
        "entry"
    );
    assert_eq!(
        store.applications(&ApplicationQuery::default()).unwrap(),
        before
    );

    let id = store
        .save_application(&eligible(tshepo), OFFICER, today())
        .unwrap();
    let a = store.application(id).unwrap();
    assert!(
        store.is_ready_for_matching(&a).unwrap(),
        "an eligible intern needs no review"
    );
    assert_eq!(
        store.decision_trail(id).unwrap()[0].what,
        "Entered as eligible without an application"
    );
}

#[test]
fn future_dates_are_refused_by_field() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let tomorrow = Application {
        received_on: date("2026-11-24"),
        ..application(riaan)
    };
    assert_eq!(
        field_of(store.save_application(&tomorrow, OFFICER, today())),
        "received_on"
    );

    let id = apply(&mut store, riaan);
    let early = Review {
        reviewed_on: date("2026-11-24"),
        ..review(id, Decision::Approved, "Clear goals")
    };
    assert_eq!(
        field_of(store.record_review(&early, today())),
        "reviewed_on"
    );
    assert_eq!(store.application(id).unwrap().state, State::Submitted);
}

#[test]
fn a_review_dated_before_the_application_was_received_is_refused() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);
    let before = Review {
        reviewed_on: date("2026-11-01"),
        ..review(id, Decision::Approved, "Clear goals")
    };
    let err = store.record_review(&before, today()).unwrap_err();
    assert_eq!(err.field(), Some("reviewed_on"));
    assert!(err.to_string().contains("2026-11-02"), "{err}");
    assert_eq!(store.application(id).unwrap().state, State::Submitted);
}

#[test]
fn a_committee_rejection_ends_the_application_with_its_reasons_and_owes_a_letter() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);
    decide(&mut store, id, Decision::Rejected, REASONS);

    let a = store.application(id).unwrap();
    assert_eq!(a.state, State::Rejected);
    assert!(!store.is_ready_for_matching(&a).unwrap());
    let last = store.decision_trail(id).unwrap().pop().unwrap();
    assert_eq!(last.state, State::Rejected);
    assert_eq!(last.happened_on, date("2026-11-16"));
    assert_eq!(last.why, REASONS);
    assert!(
        last.actor.starts_with("Selection committee"),
        "{}",
        last.actor
    );

    let letters = letters_of(&store, id);
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].kind, LetterKind::Rejection);
    assert_eq!(letters[0].application_id, id);
    assert_eq!(letters[0].event_id, last.id);
    assert_eq!(letters[0].mentor_id, None);
}

#[test]
fn an_approved_application_is_ready_for_matching_and_owes_no_letter_yet() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);
    store.start_review(id, OFFICER, date("2026-11-09")).unwrap();
    let under_review = store.application(id).unwrap();
    assert_eq!(under_review.state, State::UnderReview);
    assert!(!store.is_ready_for_matching(&under_review).unwrap());

    store
        .record_review(&review(id, Decision::Approved, "Clear goals"), today())
        .unwrap();
    let a = store.application(id).unwrap();
    assert!(store.is_ready_for_matching(&a).unwrap());
    assert_eq!(
        store
            .matchable_applications(Some("2027 intake"))
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        vec![Some(id)]
    );
    assert!(letters_of(&store, id).is_empty());
}

#[test]
fn a_refused_transition_writes_nothing() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);

    // A review without its reasons, from an open application.
    let before = footprint(&store, id);
    let no_reasons = review(id, Decision::Rejected, "  ");
    assert_eq!(
        field_of(store.record_review(&no_reasons, today())),
        "reasons"
    );
    assert_eq!(footprint(&store, id), before);

    // Every transition out of a rejected application.
    decide(&mut store, id, Decision::Rejected, REASONS);
    let before = footprint(&store, id);
    let a = store.application(id).unwrap();
    let changed = Application {
        motivation: "Changed after the decision".into(),
        ..a.clone()
    };
    assert_eq!(
        field_of(store.save_application(&changed, OFFICER, today())),
        "state"
    );
    assert_eq!(field_of(store.start_review(id, OFFICER, today())), "state");
    let again = review(id, Decision::Approved, "Second thoughts");
    assert_eq!(field_of(store.record_review(&again, today())), "state");
    assert_eq!(
        field_of(store.record_mentor_reply(id, &accept("2026-11-23"), today())),
        "state"
    );
    assert_eq!(footprint(&store, id), before);
}

#[test]
fn the_decision_trail_reads_in_order_with_its_actors() {
    let Scene {
        mut store,
        riaan,
        sipho,
        ..
    } = scene();
    let id = matched(&mut store, riaan, sipho);
    store
        .record_mentor_reply(id, &accept("2026-11-23"), today())
        .unwrap();
    let trail = store.decision_trail(id).unwrap();
    let steps: Vec<(NaiveDate, State, &str)> = trail
        .iter()
        .map(|e| (e.happened_on, e.state, e.actor.as_str()))
        .collect();
    let committee = "Selection committee (N. Dlamini-Müller, P. O'Neill, R. Mokoena)";
    assert_eq!(
        steps,
        vec![
            (date("2026-11-02"), State::Submitted, OFFICER),
            (date("2026-11-09"), State::UnderReview, OFFICER),
            (date("2026-11-16"), State::UnderReview, committee),
            (date("2026-11-18"), State::Matched, OFFICER),
            (date("2026-11-23"), State::MentorAccepted, "Sipho Mkhize"),
        ]
    );
    assert!(trail.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(trail[3].mentor_id, Some(sipho));
    assert!(
        trail[3].what.starts_with("Matched with Sipho Mkhize"),
        "{}",
        trail[3].what
    );
}

#[test]
fn an_application_cannot_be_edited_once_matched() {
    let Scene {
        mut store,
        riaan,
        sipho,
        ..
    } = scene();
    let id = matched(&mut store, riaan, sipho);
    let a = store.application(id).unwrap();
    assert_eq!(a.state, State::Matched);
    assert_eq!(a.mentor_id, Some(sipho));
    let later = Application {
        wanted_start: date("2027-02-01"),
        ..a
    };
    let err = store
        .save_application(&later, OFFICER, today())
        .unwrap_err();
    assert_eq!(err.field(), Some("state"));
    assert!(err.to_string().contains("matched"), "{err}");
    assert_eq!(
        store.application(id).unwrap().wanted_start,
        date("2027-01-11")
    );

    let letters = letters_of(&store, id);
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].kind, LetterKind::MentorNotice);
    assert_eq!(letters[0].mentor_id, Some(sipho));
}

#[test]
fn a_mentor_who_declines_gives_a_reason_and_the_application_returns_to_matching() {
    let Scene {
        mut store,
        lerato,
        charlene,
        ..
    } = scene();
    let id = matched(&mut store, lerato, charlene);
    let before = footprint(&store, id);
    assert_eq!(
        field_of(store.record_mentor_reply(id, &decline("2026-11-20", " "), today())),
        "reason"
    );
    assert_eq!(
        field_of(store.record_mentor_reply(id, &decline("2026-11-17", "Too busy"), today())),
        "on",
        "an answer cannot come before the proposal"
    );
    assert_eq!(footprint(&store, id), before);

    let reason = "Leading the labour relations audit until March";
    let made = store
        .record_mentor_reply(id, &decline("2026-11-20", reason), today())
        .unwrap();
    assert_eq!(made, None);
    let a = store.application(id).unwrap();
    assert_eq!(a.state, State::MentorDeclined);
    assert_eq!(a.mentor_id, None, "the mentor who declined is cleared");
    assert_eq!(a.mentorship_id, None);
    assert!(store.is_ready_for_matching(&a).unwrap());
    let last = store.decision_trail(id).unwrap().pop().unwrap();
    assert_eq!(last.state, State::MentorDeclined);
    assert_eq!(last.actor, "Charlene Adams");
    assert_eq!(last.mentor_id, Some(charlene));
    assert_eq!(last.why, reason);
    assert!(last.what.contains("declined"), "{}", last.what);
    assert_eq!(
        letters_of(&store, id).len(),
        1,
        "a decline owes no letter; the notice is still owed"
    );
}

#[test]
fn a_mentor_who_accepts_gets_a_draft_mentorship_and_the_protege_an_acceptance_letter() {
    let Scene {
        mut store,
        riaan,
        sipho,
        ..
    } = scene();
    let id = matched(&mut store, riaan, sipho);
    let mentorship_id = store
        .record_mentor_reply(id, &accept("2026-11-23"), today())
        .unwrap()
        .expect("a mentorship is made");

    let m = store.mentorship(mentorship_id).unwrap();
    assert_eq!(m.status, Status::Draft);
    assert_eq!(m.protege_id, riaan);
    assert_eq!(m.mentor_id, sipho);
    assert_eq!(
        (m.start_date, m.end_date),
        (date("2027-01-11"), date("2027-07-30"))
    );
    let a = store.application(id).unwrap();
    assert_eq!(a.state, State::MentorAccepted);
    assert_eq!(a.mentorship_id, Some(mentorship_id));
    assert_eq!(a.mentor_id, Some(sipho));

    let kinds: Vec<LetterKind> = letters_of(&store, id).iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        vec![LetterKind::MentorNotice, LetterKind::Acceptance]
    );
    let last = store.decision_trail(id).unwrap().pop().unwrap();
    assert!(
        last.what.contains(&format!("MS-{mentorship_id:04}")),
        "{}",
        last.what
    );
}

/// Every confidential session note of the sample, none of which a letter may print.
fn confidential_notes(store: &Store) -> Vec<String> {
    let mut notes = Vec::new();
    for row in store.mentorships(&MentorshipQuery::default()).unwrap() {
        for s in store
            .sessions(
                row.id,
                date("2000-01-01"),
                date("2100-01-01"),
                Confidential::Included,
            )
            .unwrap()
        {
            if !s.confidential_notes.trim().is_empty() {
                notes.push(s.confidential_notes);
            }
        }
    }
    assert!(
        !notes.is_empty(),
        "the sample has confidential notes to leave out"
    );
    notes
}

/// Checks that `text` contains each of `expected` and none of the confidential notes or the
/// committee's interview notes.
fn check_letter(text: &str, expected: &[&str], confidential: &[String]) {
    for what in expected {
        assert!(text.contains(what), "no {what:?} in:\n{text}");
    }
    for note in confidential {
        let start: String = note
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !text.contains(&start),
            "confidential {start:?} printed in:\n{text}"
        );
    }
    assert!(
        !text.contains("difficult year at home"),
        "interview notes printed:\n{text}"
    );
}

#[test]
fn a_rejection_letter_gives_the_committees_reasons_the_route_to_query_and_the_trail() {
    let Scene {
        mut store, riaan, ..
    } = scene();
    let id = apply(&mut store, riaan);
    decide(&mut store, id, Decision::Rejected, REASONS);
    let letter = letters_of(&store, id)[0].clone();

    let facts = LetterFacts::load(&store, letter.id).unwrap();
    assert_eq!(facts.reasons, REASONS);
    let doc = letters::build(&facts, today());
    assert_eq!(doc.reference, format!("APP-{id:04}/REJ"));
    assert_eq!(doc.plain_text().matches(FILE_COPY_HEADING).count(), 1);

    let dir = tempfile::tempdir().unwrap();
    let path = letters::write_letter(&store, letter.id, today(), dir.path()).unwrap();
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        format!("APP-{id:04}-rejection.pdf")
    );
    check_pdf(&path);
    let text = text_of(&path);
    let riaan = store.staff(store.protege(riaan).unwrap().staff_id).unwrap();
    check_letter(
        &text,
        &[
            "Outcome of your application",
            "Riaan Pretorius",
            &format!("Persal number {}", riaan.persal),
            "Senior Accountant",
            "Finance and Supply Chain Management",
            "23 November 2026",
            "Public Service Mentorship Programme",
            "not accept you onto the programme this time",
            REASONS,
            "apply again",
            "query the decision",
            "Refilwe Mokoena",
            FILE_COPY_HEADING,
            "Date Who What",
            "2 November 2026 Refilwe Mokoena Application received",
            "16 November 2026 Selection committee",
            "Rejected by the committee",
        ],
        &confidential_notes(&store),
    );
    // Writing a letter alone does not mark it printed.
    assert_eq!(letters_of(&store, id), [letter]);
}

#[test]
fn the_notice_asks_the_mentor_to_answer_by_the_reply_date_and_names_only_what_is_needed() {
    let Scene {
        mut store,
        riaan,
        lerato,
        sipho,
        external,
        ..
    } = scene();
    let internal_app = matched(&mut store, riaan, sipho);
    let external_app = matched(&mut store, lerato, external);
    let notices = [
        letters_of(&store, internal_app),
        letters_of(&store, external_app),
    ]
    .concat();
    assert_eq!(notices.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let confidential = confidential_notes(&store);

    let path = letters::write_letter(&store, notices[0].id, today(), dir.path()).unwrap();
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        format!("APP-{internal_app:04}-mentor-notice-MT-{sipho:04}.pdf")
    );
    check_pdf(&path);
    let text = text_of(&path);
    check_letter(
        &text,
        &[
            "Sipho Mkhize",
            "Deputy Director: Budget Planning",
            "Riaan Pretorius",
            "Public servant accepted on the programme",
            "Finance and Supply Chain Management",
            "Public finance management; report writing",
            "Grow into a",
            "11 January 2027 to 30 July 2027",
            "by 3 December 2026 (within 10 days of this notice)",
            "accept or decline",
            FILE_COPY_HEADING,
            "Matched with Sipho Mkhize",
        ],
        &confidential,
    );
    assert!(!text.contains("interviews the protégé"), "{text}");
    assert!(
        !text.contains("Limited experience"),
        "weaknesses are not sent: {text}"
    );

    let path = letters::write_letter(&store, notices[1].id, today(), dir.path()).unwrap();
    let text = text_of(&path);
    check_letter(
        &text,
        &[
            "Dr Khanyisile Sibiya-Jansen",
            "Ubuntu Leadership Institute",
            "Lerato Sithole",
            "Records management systems; supervisory skills",
            "interviews the protégé before it decides, and its decision is final",
            "by 3 December 2026",
            "written consent",
        ],
        &confidential,
    );
    assert_eq!(external_app, notices[1].application_id);
}

#[test]
fn an_acceptance_letter_names_the_mentor_the_period_and_the_agreement_to_sign() {
    let Scene {
        mut store,
        riaan,
        lerato,
        sipho,
        external,
        ..
    } = scene();
    let internal_app = matched(&mut store, riaan, sipho);
    let internal_ms = store
        .record_mentor_reply(internal_app, &accept("2026-11-20"), today())
        .unwrap()
        .unwrap();
    let external_app = matched(&mut store, lerato, external);
    store
        .record_mentor_reply(external_app, &accept("2026-11-23"), today())
        .unwrap();
    let acceptances: Vec<_> = [
        letters_of(&store, internal_app),
        letters_of(&store, external_app),
    ]
    .concat()
    .into_iter()
    .filter(|l| l.kind == LetterKind::Acceptance)
    .collect();
    assert_eq!(acceptances.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let confidential = confidential_notes(&store);

    let path = letters::write_letter(&store, acceptances[0].id, today(), dir.path()).unwrap();
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        format!("APP-{internal_app:04}-acceptance.pdf")
    );
    check_pdf(&path);
    let reference = format!("MS-{internal_ms:04}");
    check_letter(
        &text_of(&path),
        &[
            "Acceptance onto the programme",
            "Riaan Pretorius",
            "accepted onto the Public Service Mentorship Programme",
            "Sipho Mkhize",
            "11 January 2027 to 30 July 2027",
            &format!("{reference}/AGR"),
            "mentorship agreement",
            "please contact the programme manager, Refilwe Mokoena",
            "Sipho Mkhize accepted",
            FILE_COPY_HEADING,
        ],
        &confidential,
    );

    let path = letters::write_letter(&store, acceptances[1].id, today(), dir.path()).unwrap();
    check_letter(
        &text_of(&path),
        &[
            "Lerato Sithole",
            "Dr Khanyisile Sibiya-Jansen, of Ubuntu Leadership Institute (external organisation)",
            "after its interview",
            "Ubuntu Leadership Institute (after interviewing the protégé; its decision is final)",
        ],
        &confidential,
    );
}

#[test]
fn printing_pending_letters_marks_each_printed_and_a_second_run_prints_nothing() {
    let Scene {
        mut store,
        riaan,
        lerato,
        ..
    } = scene();
    let mut ids = Vec::new();
    for protege in [riaan, lerato] {
        let id = apply(&mut store, protege);
        decide(&mut store, id, Decision::Rejected, REASONS);
        ids.push(id);
    }
    // The sample's own letters are owed too, before these two.
    let owed = store.pending_letters().unwrap();
    assert_eq!(
        owed[owed.len() - 2..]
            .iter()
            .map(|l| (l.application_id, l.kind))
            .collect::<Vec<_>>(),
        [
            (ids[0], LetterKind::Rejection),
            (ids[1], LetterKind::Rejection)
        ]
    );
    let dir = tempfile::tempdir().unwrap();

    // A folder that cannot be written to fails the batch and leaves every letter owed.
    let not_a_folder = dir.path().join("a-file");
    std::fs::write(&not_a_folder, "").unwrap();
    let err = letters::write_pending_letters(&mut store, today(), &not_a_folder, |_, _, _| {})
        .unwrap_err();
    assert_eq!(err.code(), "file", "{err}");
    assert_eq!(store.pending_letters().unwrap(), owed);

    let mut seen = Vec::new();
    let paths = letters::write_pending_letters(&mut store, today(), dir.path(), |l, n, of| {
        seen.push((l.id, n, of))
    })
    .unwrap();
    assert_eq!(
        seen,
        owed.iter()
            .enumerate()
            .map(|(n, l)| (l.id, n + 1, owed.len()))
            .collect::<Vec<_>>()
    );
    assert_eq!(paths.len(), owed.len());
    for path in &paths {
        check_pdf(path);
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for id in &ids {
        assert!(
            names.contains(&format!("APP-{id:04}-rejection.pdf")),
            "{names:?}"
        );
    }
    assert!(store.pending_letters().unwrap().is_empty());
    for letter in &owed {
        let (_, printed_on) = store.letter(letter.id).unwrap();
        assert_eq!(printed_on, Some(today()));
    }

    let again = letters::write_pending_letters(&mut store, today(), dir.path(), |_, _, _| {
        panic!("nothing is owed")
    })
    .unwrap();
    assert!(again.is_empty());
}
