//! The session log: validation, actions that carry over until done, and confidential notes
//! left out unless asked for.

use mentordesk_core::session::*;
use mentordesk_core::store::{Confidential, MentorshipQuery};
use mentordesk_core::{sample, Store};

use crate::{date, fixtures};

fn sample_store() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.sqlite3")).unwrap();
    sample::create(&mut store, date("2026-11-23")).unwrap();
    // The sample's first mentorship, which began on 1 September 2026.
    let rows = crate::active_mentorships(&store);
    let id = rows.iter().min_by_key(|m| (m.start_date, m.id)).unwrap().id;
    (dir, store, id)
}

fn action(description: &str, due: &str) -> Action {
    fixtures::action(description, date(due))
}

fn session(mentorship_id: i64, held_on: &str, actions: Vec<Action>) -> Session {
    Session {
        topics: "Budget variance reports".into(),
        confidential_notes: "Worried about a conflict with a colleague.".into(),
        actions,
        ..fixtures::session(mentorship_id, date(held_on))
    }
}

#[test]
fn a_session_out_of_place_or_time_is_refused_by_field() {
    let (_dir, mut store, id) = sample_store();
    let today = date("2026-11-23");
    let check = |s: &Session, store: &mut Store, field: &str, words: &str| {
        let err = store.save_session(s, today).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
        assert!(err.to_string().contains(words), "{err}");
    };
    check(
        &session(id, "2026-11-24", vec![]),
        &mut store,
        "held_on",
        "in the future",
    );
    check(
        &session(id, "2026-01-05", vec![]),
        &mut store,
        "held_on",
        "outside the mentorship",
    );
    let mut long = session(id, "2026-11-20", vec![]);
    long.minutes = 600;
    check(&long, &mut store, "minutes", "not 600");
    let mut blank = session(id, "2026-11-20", vec![]);
    blank.topics = " ".into();
    check(&blank, &mut store, "topics", "what the session was about");
    let mut early = session(
        id,
        "2026-11-20",
        vec![action("Read the PFMA", "2026-12-01")],
    );
    early.actions[0].done_on = Some(date("2026-11-19"));
    check(&early, &mut store, "actions", "before the session");
}

#[test]
fn actions_carry_over_until_done() {
    let (_dir, mut store, id) = sample_store();
    let today = date("2026-11-23");
    let first = store
        .save_session(
            &session(
                id,
                "2026-10-14",
                vec![
                    action("Draft the October variance report", "2026-10-28"),
                    action("Read the Treasury regulations, part 5", "2026-11-30"),
                ],
            ),
            today,
        )
        .unwrap();
    let open = store.open_actions(id, date("2026-11-11")).unwrap();
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].agreed_on, date("2026-10-14"));

    // At the next session the report is done; the reading carries over.
    let report = open[0].action.id.unwrap();
    store
        .complete_action(report, date("2026-11-11"), today)
        .unwrap();
    store
        .save_session(&session(id, "2026-11-11", vec![]), today)
        .unwrap();
    let open = store.open_actions(id, date("2026-11-11")).unwrap();
    let open: Vec<&str> = open.iter().map(|a| a.action.description.as_str()).collect();
    assert_eq!(open, ["Read the Treasury regulations, part 5"]);
    // Seen from before it was done, the report was still open.
    assert_eq!(store.open_actions(id, date("2026-11-10")).unwrap().len(), 2);
    let err = store
        .complete_action(report, date("2026-10-01"), today)
        .unwrap_err();
    assert_eq!(err.field(), Some("done_on"));

    // Editing the session keeps its actions' ids; dropping one removes it.
    let mut edited = store.session(first).unwrap();
    let ids: Vec<_> = edited.actions.iter().map(|a| a.id).collect();
    edited.topics = "Variance reports and the regulations".into();
    store.save_session(&edited, today).unwrap();
    let again = store.session(first).unwrap();
    assert_eq!(again.actions.iter().map(|a| a.id).collect::<Vec<_>>(), ids);
    edited.actions.pop();
    store.save_session(&edited, today).unwrap();
    assert_eq!(store.session(first).unwrap().actions.len(), 1);
}

#[test]
fn confidential_notes_are_left_out_unless_included_for_one_document() {
    let (_dir, mut store, id) = sample_store();
    let today = date("2026-11-23");
    let saved = store
        .save_session(&session(id, "2026-11-20", vec![]), today)
        .unwrap();
    assert!(store
        .session(saved)
        .unwrap()
        .confidential_notes
        .contains("conflict"));
    let range = (date("2026-11-01"), date("2026-11-30"));
    let left_out = store
        .sessions(id, range.0, range.1, Confidential::LeftOut)
        .unwrap();
    assert_eq!(left_out.len(), 1);
    assert_eq!(left_out[0].confidential_notes, "");
    assert_eq!(left_out[0].topics, "Budget variance reports");
    let included = store
        .sessions(id, range.0, range.1, Confidential::Included)
        .unwrap();
    assert!(included[0].confidential_notes.contains("conflict"));
}

#[test]
fn a_session_whose_action_fails_is_not_saved_at_all() {
    let (_dir, mut store, id) = sample_store();
    let today = date("2026-11-23");
    let other = store
        .save_session(
            &session(id, "2026-11-02", vec![action("Mine", "2026-11-30")]),
            today,
        )
        .unwrap();
    let stolen = store.session(other).unwrap().actions[0].id;
    let mut s = session(id, "2026-11-20", vec![action("Fine", "2026-11-30")]);
    s.actions.push(Action {
        id: stolen,
        ..action("Another session's", "2026-11-30")
    });
    let err = store.save_session(&s, today).unwrap_err();
    assert!(
        err.to_string().contains("belongs to another session"),
        "{err}"
    );
    let all = store
        .sessions(id, date("2026-01-01"), today, Confidential::LeftOut)
        .unwrap();
    assert_eq!(all.len(), 1, "only the first session was saved");
}

#[test]
fn a_session_removed_by_mistake_takes_its_actions_with_it() {
    let (_dir, mut store, id) = sample_store();
    let today = date("2026-11-23");
    let kept = store
        .save_session(
            &session(id, "2026-11-02", vec![action("Keep me", "2026-11-30")]),
            today,
        )
        .unwrap();
    let mistake = store
        .save_session(
            &session(id, "2026-11-20", vec![action("Logged twice", "2026-11-30")]),
            today,
        )
        .unwrap();
    store.remove_session(mistake).unwrap();

    let left = store
        .sessions(id, date("2026-01-01"), today, Confidential::LeftOut)
        .unwrap();
    assert_eq!(left.iter().map(|s| s.id).collect::<Vec<_>>(), [Some(kept)]);
    let open = store.open_actions(id, today).unwrap();
    let open: Vec<&str> = open.iter().map(|a| a.action.description.as_str()).collect();
    assert_eq!(open, ["Keep me"]);
    let err = store.remove_session(mistake).unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
}

/// The sample programme with one of its sessions given confidential notes by the manager.
fn store_with_notes() -> (tempfile::TempDir, Store, Session) {
    let (dir, mut store) = crate::sample_store();
    let first = store
        .mentorships(&MentorshipQuery::default())
        .unwrap()
        .into_iter()
        .find_map(|m| store.session_log(m.id).ok()?.into_iter().next())
        .expect("the sample programme logs sessions");
    let mut session = store.session(first.id.unwrap()).unwrap();
    session.confidential_notes = "Struggling at home; handle gently.".into();
    store.save_session(&session, date("2026-11-23")).unwrap();
    (dir, store, session)
}

#[test]
fn a_form_shows_a_sessions_confidential_notes_only_when_they_are_included() {
    let (_dir, store, session) = store_with_notes();
    let id = session.id.unwrap();
    let included = store.session_for(id, Confidential::Included).unwrap();
    assert_eq!(
        included.confidential_notes,
        "Struggling at home; handle gently."
    );
    let left_out = store.session_for(id, Confidential::LeftOut).unwrap();
    assert_eq!(left_out.confidential_notes, "");
    assert_eq!(left_out.topics, included.topics, "the rest is still shown");
    for listed in store.session_log(session.mentorship_id).unwrap() {
        assert_eq!(listed.confidential_notes, "");
    }
}

#[test]
fn a_form_without_the_confidential_notes_saves_a_session_and_keeps_them() {
    let (_dir, mut store, session) = store_with_notes();
    let today = date("2026-11-23");
    let id = session.id.unwrap();
    let mut seen = store.session_for(id, Confidential::LeftOut).unwrap();
    seen.topics = "Changed by the HR officer".into();
    store
        .save_session_for(seen, Confidential::LeftOut, today)
        .unwrap();
    let stored = store.session(id).unwrap();
    assert_eq!(stored.topics, "Changed by the HR officer");
    assert_eq!(
        stored.confidential_notes,
        "Struggling at home; handle gently."
    );

    let mut sneaky = stored.clone();
    sneaky.confidential_notes = "Overwritten".into();
    store
        .save_session_for(sneaky, Confidential::LeftOut, today)
        .unwrap();
    assert_eq!(
        store.session(id).unwrap().confidential_notes,
        "Struggling at home; handle gently."
    );

    let mut manager = store.session(id).unwrap();
    manager.confidential_notes = String::new();
    store
        .save_session_for(manager, Confidential::Included, today)
        .unwrap();
    assert_eq!(store.session(id).unwrap().confidential_notes, "");
}

#[test]
fn a_new_session_from_a_form_without_confidential_notes_carries_none() {
    let (_dir, mut store, session) = store_with_notes();
    let mut new = session.clone();
    new.id = None;
    new.actions.clear();
    new.confidential_notes = "Should not be kept".into();
    let id = store
        .save_session_for(new, Confidential::LeftOut, date("2026-11-23"))
        .unwrap();
    assert_eq!(store.session(id).unwrap().confidential_notes, "");
}

#[test]
fn an_open_action_says_when_it_is_due_in_words_and_whether_it_is_late() {
    let today = date("2026-11-23");
    let due = |on: Option<&str>| {
        let a = Action {
            due_on: on.map(date),
            ..action("Read the PFMA", "2026-11-23")
        };
        let due = a.due(today);
        (due.text, due.late)
    };
    assert_eq!(due(Some("2026-11-20")), ("Overdue by 3 days".into(), true));
    assert_eq!(due(Some("2026-11-22")), ("Overdue by 1 day".into(), true));
    assert_eq!(due(Some("2026-11-23")), ("Due today".into(), false));
    assert_eq!(due(Some("2026-11-24")), ("Due in 1 day".into(), false));
    assert_eq!(due(Some("2026-12-03")), ("Due in 10 days".into(), false));
    assert_eq!(due(None), ("No due date".into(), false));
}
