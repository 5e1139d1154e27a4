//! Disputes: the route the programme prescribes (raised with the coordinator, mediation, a
//! decision naming who took it, a referral to the grievance procedure), the state read from
//! the steps, and the confidential details: left out of lists, kept on a save without the
//! permission, withheld in the audit trail and printed only when included.

use chrono::{Days, NaiveDate};
use mentordesk_core::dispute::*;
use mentordesk_core::export::Format;
use mentordesk_core::print::dispute_letter::{
    write_dispute_letter, CONFIDENTIAL_HEADING, HEADINGS,
};
use mentordesk_core::store::{AuditQuery, Confidential};
use mentordesk_core::Store;

use crate::{check_pdf, date, sample_store, text_of};

const DETAILS: &str = "The mentor shared the protege's appraisal with colleagues.";
const NOTES: &str = "Both agreed the appraisal stays between them from now on.";

fn today() -> NaiveDate {
    date("2026-11-23")
}

/// The sample with a new dispute on its first mentorship (which began on 15 August 2026),
/// raised on 1 October 2026.
fn with_dispute() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut store) = sample_store();
    let mentorship_id = crate::active_mentorships(&store)
        .iter()
        .min_by_key(|m| (m.start_date, m.id))
        .unwrap()
        .id;
    let id = store
        .save_dispute(&dispute(mentorship_id), today())
        .unwrap();
    (dir, store, id)
}

fn dispute(mentorship_id: i64) -> Dispute {
    Dispute {
        id: None,
        mentorship_id,
        raised_on: date("2026-10-01"),
        raised_by: Party::Protege,
        parties: Parties::MentorProtege,
        subject: "Appraisal discussed with colleagues".into(),
        details: DETAILS.into(),
    }
}

fn step(dispute_id: i64, kind: StepKind, on: &str) -> Step {
    Step {
        id: None,
        dispute_id,
        kind,
        taken_on: date(on),
        outcome: (kind == StepKind::MediationMeeting).then_some(Outcome::NotSettled),
        decided_by: if kind == StepKind::Decision {
            "Ms N. Dube, Director: Human Resource Development".into()
        } else {
            String::new()
        },
        notes: NOTES.into(),
    }
}

/// Saving `s` is refused on `field` with a message holding `words`.
fn check_refused(store: &mut Store, s: &Step, field: &str, words: &str) {
    let err = store.save_dispute_step(s, today()).unwrap_err();
    assert_eq!(err.field(), Some(field), "{err}");
    assert!(err.to_string().contains(words), "{err}");
}

#[test]
fn a_dispute_out_of_time_or_raised_by_someone_outside_it_is_refused_by_field() {
    let (_dir, mut store, id) = with_dispute();
    let mentorship_id = store.dispute(id).unwrap().dispute.mentorship_id;
    let check = |d: Dispute, store: &mut Store, field: &str, words: &str| {
        let err = store.save_dispute(&d, today()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
        assert!(err.to_string().contains(words), "{err}");
    };
    let future = Dispute {
        raised_on: today() + Days::new(1),
        ..dispute(mentorship_id)
    };
    check(future, &mut store, "raised_on", "in the future");
    let early = Dispute {
        raised_on: date("2026-08-01"),
        ..dispute(mentorship_id)
    };
    check(
        early,
        &mut store,
        "raised_on",
        "before the mentorship started",
    );
    let outsider = Dispute {
        raised_by: Party::LineManager,
        ..dispute(mentorship_id)
    };
    check(outsider, &mut store, "raised_by", "mentor and protégé");
    let untitled = Dispute {
        subject: " ".into(),
        ..dispute(mentorship_id)
    };
    check(untitled, &mut store, "subject", "short subject");
}

#[test]
fn the_route_starts_with_the_coordinator_and_a_referral_waits_for_a_decision_or_failed_mediation() {
    let (_dir, mut store, id) = with_dispute();
    use StepKind::*;
    check_refused(
        &mut store,
        &step(id, MediationMeeting, "2026-10-05"),
        "kind",
        "first raised with the programme coordinator",
    );
    check_refused(
        &mut store,
        &step(id, RaisedWithCoordinator, "2026-09-30"),
        "taken_on",
        "before the dispute was raised",
    );
    check_refused(
        &mut store,
        &step(id, RaisedWithCoordinator, "2026-11-24"),
        "taken_on",
        "in the future",
    );
    store
        .save_dispute_step(&step(id, RaisedWithCoordinator, "2026-10-02"), today())
        .unwrap();
    check_refused(
        &mut store,
        &step(id, RaisedWithCoordinator, "2026-10-03"),
        "kind",
        "already raised",
    );
    check_refused(
        &mut store,
        &step(id, ReferredToGrievance, "2026-10-04"),
        "kind",
        "only when the programme could not resolve it",
    );
    let undecided = Step {
        decided_by: " ".into(),
        ..step(id, Decision, "2026-10-20")
    };
    check_refused(
        &mut store,
        &undecided,
        "decided_by",
        "who took the decision",
    );
    let no_outcome = Step {
        outcome: None,
        ..step(id, MediationMeeting, "2026-10-09")
    };
    check_refused(
        &mut store,
        &no_outcome,
        "outcome",
        "how the mediation meeting ended",
    );

    // A mediation meeting that did not settle the dispute opens the way to the grievance
    // procedure, and nothing is recorded after the referral.
    let meeting = store
        .save_dispute_step(&step(id, MediationMeeting, "2026-10-09"), today())
        .unwrap();
    assert_eq!(store.dispute(id).unwrap().state, State::Open);
    store
        .save_dispute_step(&step(id, ReferredToGrievance, "2026-10-12"), today())
        .unwrap();
    assert_eq!(store.dispute(id).unwrap().state, State::Referred);
    check_refused(
        &mut store,
        &step(id, Decision, "2026-10-20"),
        "kind",
        "no further step",
    );
    // The meeting the referral rests on cannot be settled after the fact, nor removed.
    let settled = Step {
        id: Some(meeting),
        outcome: Some(Outcome::Settled),
        ..step(id, MediationMeeting, "2026-10-09")
    };
    check_refused(
        &mut store,
        &settled,
        "kind",
        "would no longer follow the route",
    );
    let err = store.remove_dispute_step(meeting).unwrap_err();
    assert_eq!(err.field(), Some("kind"), "{err}");
}

#[test]
fn a_dispute_is_resolved_by_a_decision_and_a_step_recorded_in_error_can_be_removed() {
    let (_dir, mut store, id) = with_dispute();
    use StepKind::*;
    let raised = store
        .save_dispute_step(&step(id, RaisedWithCoordinator, "2026-10-02"), today())
        .unwrap();
    let decision = store
        .save_dispute_step(&step(id, Decision, "2026-10-28"), today())
        .unwrap();
    let history = store.dispute(id).unwrap();
    assert_eq!(history.state, State::Resolved);
    assert_eq!(history.state.label(), "Resolved");
    assert_eq!(
        history.steps.iter().map(|s| s.kind).collect::<Vec<_>>(),
        [RaisedWithCoordinator, Decision]
    );
    // Raising the dispute cannot go while the decision rests on it; the decision can.
    assert!(store.remove_dispute_step(raised).is_err());
    store.remove_dispute_step(decision).unwrap();
    assert_eq!(store.dispute(id).unwrap().state, State::Open);
    // A dispute keeps its history: it goes only once its steps have gone.
    assert_eq!(
        store.remove_dispute(id).unwrap_err().field(),
        Some("dispute")
    );
    store.remove_dispute_step(raised).unwrap();
    store.remove_dispute(id).unwrap();
    assert!(store.dispute(id).is_err());
}

#[test]
fn the_confidential_details_are_left_out_of_lists_and_kept_on_a_save_without_the_permission() {
    let (dir, mut store, id) = with_dispute();
    let step_id = store
        .save_dispute_step(
            &step(id, StepKind::RaisedWithCoordinator, "2026-10-02"),
            today(),
        )
        .unwrap();
    let mentorship_id = store.dispute(id).unwrap().dispute.mentorship_id;

    let listed = store.disputes(mentorship_id).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].dispute.subject,
        "Appraisal discussed with colleagues"
    );
    assert_eq!(listed[0].dispute.details, "");
    assert_eq!(listed[0].steps[0].notes, "");
    let left_out = store.dispute_for(id, Confidential::LeftOut).unwrap();
    assert_eq!(left_out.dispute.details, "");
    assert_eq!(left_out.steps[0].notes, "");
    let included = store.dispute_for(id, Confidential::Included).unwrap();
    assert_eq!(included.dispute.details, DETAILS);
    assert_eq!(included.steps[0].notes, NOTES);

    // An HR officer's form showed neither, so what it sends back keeps what is stored, and
    // what it records anew has none.
    let mut corrected = left_out.dispute.clone();
    corrected.subject = "Appraisal shared".into();
    store
        .save_dispute_for(corrected, Confidential::LeftOut, today())
        .unwrap();
    let mut moved = left_out.steps[0].clone();
    moved.taken_on = date("2026-10-03");
    store
        .save_dispute_step_for(moved, Confidential::LeftOut, today())
        .unwrap();
    let kept = store.dispute(id).unwrap();
    assert_eq!(kept.dispute.subject, "Appraisal shared");
    assert_eq!(kept.dispute.details, DETAILS);
    assert_eq!(kept.steps[0].id, Some(step_id));
    assert_eq!(kept.steps[0].taken_on, date("2026-10-03"));
    assert_eq!(kept.steps[0].notes, NOTES);
    let new = store
        .save_dispute_for(dispute(mentorship_id), Confidential::LeftOut, today())
        .unwrap();
    assert_eq!(store.dispute(new).unwrap().dispute.details, "");

    // The registers' export carries none of it either.
    let done = store
        .export_registers(&dir.path().join("csv"), Format::Csv)
        .unwrap();
    for file in &done.files {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            !text.contains(DETAILS) && !text.contains(NOTES),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_confidential_details_are_withheld_in_the_audit_trail() {
    let (_dir, mut store, id) = with_dispute();
    store
        .save_dispute_step(
            &step(id, StepKind::RaisedWithCoordinator, "2026-10-02"),
            today(),
        )
        .unwrap();
    for (table, column) in [("dispute", "details"), ("dispute_step", "notes")] {
        let lines = store
            .audit_entries(&AuditQuery {
                table_name: Some(table.into()),
                ..AuditQuery::default()
            })
            .unwrap();
        assert!(!lines.is_empty(), "{table}");
        for line in &lines {
            let after = line.after.as_deref().unwrap_or_default();
            assert!(
                !after.contains(DETAILS) && !after.contains(NOTES),
                "{after}"
            );
        }
        assert!(
            lines.iter().any(|l| l
                .after
                .as_deref()
                .is_some_and(|a| a.contains(&format!("\"{column}\":\"[withheld: ")))),
            "{table}.{column} is not withheld"
        );
    }
}

#[test]
fn the_letter_prints_the_history_and_the_confidential_details_only_when_included() {
    let (dir, mut store, id) = with_dispute();
    use StepKind::*;
    store
        .save_dispute_step(&step(id, RaisedWithCoordinator, "2026-10-02"), today())
        .unwrap();
    let meeting = Step {
        outcome: Some(Outcome::Continuing),
        ..step(id, MediationMeeting, "2026-10-09")
    };
    store.save_dispute_step(&meeting, today()).unwrap();
    store
        .save_dispute_step(&step(id, Decision, "2026-11-02"), today())
        .unwrap();

    let printed = |confidential: Confidential, folder: &str| {
        let out = dir.path().join(folder);
        std::fs::create_dir_all(&out).unwrap();
        let path = write_dispute_letter(&store, id, confidential, today(), &out).unwrap();
        check_pdf(&path);
        text_of(&path)
    };
    let text = printed(Confidential::LeftOut, "left-out");
    for words in HEADINGS.iter().copied().chain([
        "Dispute: Appraisal discussed with colleagues",
        "Raised with the programme coordinator",
        "2 October 2026",
        "Mediation meeting",
        "Another meeting agreed",
        "Decided by Ms N. Dube",
        "Resolved",
        "Programme manager",
        "Refilwe Mokoena",
    ]) {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // One letter to each party, the mentor first.
    assert_eq!(text.matches("Yours sincerely").count(), 2, "{text}");
    assert!(!text.contains(DETAILS) && !text.contains(NOTES), "{text}");
    assert!(!text.contains("File copy"), "{text}");

    let text = printed(Confidential::Included, "included");
    assert!(text.contains(CONFIDENTIAL_HEADING), "{text}");
    assert!(text.contains(DETAILS) && text.contains(NOTES), "{text}");
}

#[test]
fn the_samples_open_dispute_has_gone_a_month_without_a_step_and_is_on_the_dashboard() {
    let (_dir, store) = sample_store();
    let lines = store.dashboard(today()).unwrap();
    let stalled: Vec<_> = lines
        .iter()
        .filter(|a| a.kind == mentordesk_core::dashboard::AttentionKind::DisputeStalled)
        .collect();
    assert_eq!(stalled.len(), 1, "{lines:#?}");
    assert!(
        stalled[0].text.contains("Sessions moved at short notice"),
        "{}",
        stalled[0].text
    );
}
