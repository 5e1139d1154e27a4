//! The progress report of one protégé for one period, filled from a mentorship's logged
//! sessions, actions, goals and ratings, checked on the layout model and in the printed PDF.

use chrono::NaiveDate;
use mentordesk_core::cycle::Cycle;
use mentordesk_core::document::long_date;
use mentordesk_core::document::Document;
use mentordesk_core::domain::{Goal, GoalStatus};
use mentordesk_core::print::progress_report::{
    self, build, progress_report, write_progress_report, ProgressFacts, CLAUSES,
    CONFIDENTIAL_HEADING, NOT_YET_WRITTEN,
};
use mentordesk_core::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use mentordesk_core::session::{Action, ActionOwner, Session, SessionKind};
use mentordesk_core::signing::Paper;
use mentordesk_core::store::Confidential;
use mentordesk_core::Store;

use crate::{check_pdf, date, fixtures, sample_store, text_of};

const TODAY: &str = "2026-11-23";

/// The sample's earliest mentorship (15 August 2026 to 14 August 2027), cleared of anything
/// the sample logged for it, then given the goals, competencies, sessions, actions, ratings
/// and report entry below, so every figure in the report is known here.
struct Logged {
    _dir: tempfile::TempDir,
    store: Store,
    id: i64,
    /// Quarter 3 of 2026/27: 1 October to 31 December 2026.
    quarter: Period,
}

fn goal(description: &str, due: Option<&str>, status: GoalStatus, progress: u8) -> Goal {
    Goal {
        measure: format!("Measure of {description}"),
        due_on: due.map(date),
        status,
        progress,
        ..fixtures::goal(description)
    }
}

fn action(description: &str, owner: ActionOwner, due: &str, done: Option<&str>) -> Action {
    Action {
        owner,
        done_on: done.map(date),
        ..fixtures::action(description, date(due))
    }
}

/// A planned session with no action; `notes` are its confidential notes.
fn session(id: i64, held_on: &str, minutes: u32, topics: &str, notes: &str) -> Session {
    Session {
        minutes,
        kind: SessionKind::Planned,
        topics: topics.into(),
        confidential_notes: notes.into(),
        actions: Vec::new(),
        ..fixtures::session(id, date(held_on))
    }
}

fn rating(id: i64, competency: &str, rated_on: &str, rating: u8, evidence: &str) -> Rating {
    Rating {
        id: None,
        mentorship_id: id,
        competency: competency.into(),
        rated_on: date(rated_on),
        scale: RatingScale::FourPoint,
        rating,
        evidence: evidence.into(),
    }
}

fn logged() -> Logged {
    let (dir, mut store) = sample_store();
    let today = date(TODAY);
    let rows = crate::active_mentorships(&store);
    let id = rows.iter().min_by_key(|m| (m.start_date, m.id)).unwrap().id;
    let mut m = store.mentorship(id).unwrap();
    assert_eq!(m.start_date, date("2026-08-15"), "the sample has moved");

    // Whatever the sample logged for this mentorship goes, so the figures below are the
    // whole of it.
    for s in store
        .sessions(id, m.start_date, m.end_date, Confidential::LeftOut)
        .unwrap()
    {
        store.remove_session(s.id.unwrap()).unwrap();
    }
    for r in store.ratings(id).unwrap() {
        store.remove_rating(r.id.unwrap()).unwrap();
    }
    for e in store.report_entries(id).unwrap() {
        store.remove_report_entry(e.id.unwrap()).unwrap();
    }
    // Its agreement's signatures too, so that its terms may be written anew in place.
    for s in store.signatures(Paper::Agreement, id).unwrap() {
        store
            .remove_signature(Paper::Agreement, id, s.signer)
            .unwrap();
    }

    m.goals = vec![
        goal(
            "Prepare the unit's budget input",
            Some("2026-10-31"),
            GoalStatus::Achieved,
            100,
        ),
        goal(
            "Lead the quarterly review meeting",
            Some("2027-02-15"),
            GoalStatus::InProgress,
            40,
        ),
        goal(
            "Write the procurement plan",
            None,
            GoalStatus::NotStarted,
            0,
        ),
    ];
    m.competencies = vec![
        fixtures::competency("Financial management", 2, 4),
        fixtures::competency("Report writing", 2, 3),
        fixtures::competency("Presenting", 1, 3),
    ];
    store.save_mentorship(&m).unwrap();

    // Before the quarter: one session with an action still open and one done before it began.
    let mut before = session(
        id,
        "2026-09-15",
        60,
        "Induction and the work plan",
        "Mentioned a family illness.",
    );
    before.actions = vec![
        action(
            "Read the PFMA, chapter 5",
            ActionOwner::Protege,
            "2026-10-01",
            None,
        ),
        action(
            "Set up the filing system",
            ActionOwner::Protege,
            "2026-09-30",
            Some("2026-09-20"),
        ),
    ];
    store.save_session(&before, today).unwrap();

    // In the quarter: four sessions of 90, 60, 45 and 90 minutes.
    let mut first = session(id, "2026-10-07", 90, "Budget variance reports", "");
    first.actions = vec![action(
        "Draft the October variance report",
        ActionOwner::Protege,
        "2026-10-20",
        Some("2026-10-19"),
    )];
    store.save_session(&first, today).unwrap();
    store
        .save_session(
            &session(
                id,
                "2026-10-21",
                60,
                "Procurement planning",
                "Worried about a conflict with a colleague.",
            ),
            today,
        )
        .unwrap();
    let mut third = session(id, "2026-11-04", 45, "Presenting to the executive", "");
    third.kind = SessionKind::Situational;
    third.actions = vec![action(
        "Book the boardroom for the review",
        ActionOwner::Mentor,
        "2027-01-10",
        None,
    )];
    store.save_session(&third, today).unwrap();
    store
        .save_session(
            &session(id, "2026-11-18", 90, "Quarterly review preparation", ""),
            today,
        )
        .unwrap();

    for r in [
        rating(
            id,
            "Financial management",
            "2026-09-20",
            1,
            "September baseline",
        ),
        rating(
            id,
            "Financial management",
            "2026-11-18",
            3,
            "Presented the November variance report alone",
        ),
        rating(
            id,
            "Financial management",
            "2026-10-15",
            2,
            "Drafted the October variance report with help",
        ),
        rating(
            id,
            "Report writing",
            "2026-11-02",
            4,
            "Wrote the quarterly report unaided",
        ),
        rating(id, "Presenting", "2026-09-25", 2, "September presentation"),
    ] {
        store.save_rating(&r, today).unwrap();
    }

    let cycle = Cycle::containing(today, 4).unwrap();
    let quarter = Period::quarter_containing(&cycle, today).unwrap();
    assert_eq!(quarter.label, "Quarter 3 of 2026/27");
    Logged {
        _dir: dir,
        store,
        id,
        quarter,
    }
}

fn entry(l: &Logged) -> ReportEntry {
    ReportEntry {
        id: None,
        mentorship_id: l.id,
        period_from: l.quarter.from,
        period_to: l.quarter.to,
        period_label: l.quarter.label.clone(),
        written_on: date(TODAY),
        mentor_comments: "Grown in confidence; presents without notes now.".into(),
        protege_comments: String::new(),
        scale: RatingScale::FourPoint,
        overall_rating: Some(3),
        recommendation: Recommendation::Continue,
        recommendation_reason: String::new(),
    }
}

fn report(l: &Logged, period: &Period, confidential: Confidential) -> Document {
    progress_report(&l.store, l.id, period, confidential, date(TODAY)).unwrap()
}

/// The plain text of the section with heading `clause`, up to the next numbered section.
fn section(doc: &Document, clause: &str) -> String {
    let text = doc.plain_text();
    let start = text
        .find(clause)
        .unwrap_or_else(|| panic!("no {clause:?} in:\n{text}"));
    let rest = &text[start..];
    let end = CLAUSES
        .iter()
        .filter_map(|c| rest[clause.len()..].find(c).map(|i| i + clause.len()))
        .min()
        .unwrap_or(rest.len());
    rest[..end].to_owned()
}

fn check(what: &str, text: &str, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(text.contains(p), "{what}: no {p:?} in:\n{text}");
    }
    for a in absent {
        assert!(!text.contains(a), "{what}: {a:?} should not be in:\n{text}");
    }
}

#[test]
fn every_section_is_printed_in_order_under_the_report_reference() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    assert_eq!(doc.title, "Progress report");
    assert_eq!(
        doc.reference,
        format!("MS-{:04}/PR-20261001-20261231", l.id),
        "the reference names the mentorship and the period"
    );
    let text = doc.plain_text();
    let mut at = 0;
    for clause in CLAUSES {
        let found = text[at..]
            .find(clause)
            .unwrap_or_else(|| panic!("{clause} missing or out of order"));
        at += found + clause.len();
    }
}

#[test]
fn the_header_names_protege_mentor_line_manager_mentorship_and_period() {
    let l = logged();
    let facts = ProgressFacts::load(&l.store, l.id, &l.quarter, Confidential::LeftOut).unwrap();
    let doc = build(&facts, date(TODAY));
    let header = section(&doc, CLAUSES[0]);
    let persal = facts.protege.persal.clone().unwrap();
    check(
        "header",
        &header,
        &[
            &format!("Protégé: {}, persal number {persal}", facts.protege.name),
            &format!("Kind of protégé: {}", facts.kind.label()),
            &format!("Unit: {}", facts.protege.unit),
            &format!("Mentor: {}", facts.mentor.name),
            &format!(
                "Mentorship: MS-{:04}, from 15 August 2026 to 14 August 2027",
                l.id
            ),
            "Period reported on: Quarter 3 of 2026/27 (1 October 2026 to 31 December 2026)",
        ],
        &[],
    );
    match &facts.line_manager {
        Some(name) => check("header", &header, &[&format!("Line manager: {name}")], &[]),
        None => check("header", &header, &["Line manager: Not recorded"], &[]),
    }
}

#[test]
fn goals_show_measure_due_date_status_and_progress() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    check(
        "goals",
        &section(&doc, CLAUSES[1]),
        &[
            "Goals achieved: 1 of 3.",
            "1 | Prepare the unit's budget input | Measure of Prepare the unit's budget input | 31 October 2026 | Achieved | 100%",
            "2 | Lead the quarterly review meeting | Measure of Lead the quarterly review meeting | 15 February 2027 | In progress | 40%",
            "3 | Write the procurement plan | Measure of Write the procurement plan | By the end date | Not started | 0%",
        ],
        &[],
    );
}

#[test]
fn the_latest_rating_in_the_period_wins_and_earlier_ones_are_left_out() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    check(
        "ratings",
        &section(&doc, CLAUSES[2]),
        &[
            "Financial management | 2 → 4 | 3 (Fully effective) | 18 November 2026 | Presented the November variance report alone",
            "Report writing | 2 → 3 | 4 (Significantly above expectations) | 2 November 2026 | Wrote the quarterly report unaided",
            "Not rated in this period: Presenting.",
        ],
        &[
            "Drafted the October variance report with help",
            "September baseline",
            "September presentation",
            "Presenting | 1 → 3",
        ],
    );

    // A period with no rating says so in a sentence rather than printing an empty table.
    let september = Period::range(date("2026-09-01"), date("2026-09-10")).unwrap();
    let doc = report(&l, &september, Confidential::LeftOut);
    check(
        "ratings",
        &section(&doc, CLAUSES[2]),
        &["No competency was rated in this period."],
        &["Competency |"],
    );
}

#[test]
fn sessions_in_the_period_are_counted_with_their_hours_and_topics() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    let sessions = section(&doc, CLAUSES[3]);
    check(
        "sessions",
        &sessions,
        &[
            "4 sessions, 4.75 hours of mentoring.",
            "Date | Duration | Kind | Topics",
            "7 October 2026 | 1 h 30 min | Planned | Budget variance reports",
            "21 October 2026 | 1 h | Planned | Procurement planning",
            "4 November 2026 | 45 min | Situational | Presenting to the executive",
            "18 November 2026 | 1 h 30 min | Planned | Quarterly review preparation",
        ],
        &["Induction and the work plan", "Confidential notes"],
    );
    let from_facts =
        ProgressFacts::load(&l.store, l.id, &l.quarter, Confidential::LeftOut).unwrap();
    assert_eq!(from_facts.sessions.len(), 4);
    assert_eq!(from_facts.hours(), 4.75);

    let september = Period::range(date("2026-09-01"), date("2026-09-30")).unwrap();
    let doc = report(&l, &september, Confidential::LeftOut);
    check(
        "sessions",
        &section(&doc, CLAUSES[3]),
        &[
            "1 session, 1 hour of mentoring.",
            "Induction and the work plan",
        ],
        &["Budget variance reports"],
    );
}

#[test]
fn open_actions_carry_their_owner_and_due_date_and_overdue_ones_are_marked() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    let actions = section(&doc, CLAUSES[4]);
    check(
        "actions",
        &actions,
        &[
            "Open on 23 November 2026 (the period ends on 31 December 2026):",
            "Read the PFMA, chapter 5 | Protégé | 15 September 2026 | 1 October 2026, overdue",
            "Book the boardroom for the review | Mentor | 4 November 2026 | 10 January 2027",
            "1 open action was due before 23 November 2026.",
            "Completed in the period:",
            "Draft the October variance report | Protégé | 7 October 2026 | 19 October 2026",
        ],
        &["Set up the filing system", "10 January 2027, overdue"],
    );
    let completed_at = actions.find("Completed in the period").unwrap();
    assert!(
        actions.find("Read the PFMA").unwrap() < completed_at
            && actions.find("Draft the October").unwrap() > completed_at,
        "{actions}"
    );

    // Seen once the quarter is over, the boardroom booking is overdue too, and an action done
    // after the quarter was still open at its end.
    let mut l = l;
    let open = l.store.open_actions(l.id, date("2026-11-23")).unwrap();
    let pfma = open
        .iter()
        .find(|a| a.action.description.starts_with("Read the PFMA"))
        .unwrap();
    l.store
        .complete_action(pfma.action.id.unwrap(), date("2026-11-20"), date(TODAY))
        .unwrap();
    let october = Period::range(date("2026-10-01"), date("2026-10-31")).unwrap();
    let doc = progress_report(
        &l.store,
        l.id,
        &october,
        Confidential::LeftOut,
        date("2027-02-01"),
    )
    .unwrap();
    check(
        "actions in October",
        &section(&doc, CLAUSES[4]),
        &[
            "Open at the end of the period (31 October 2026):",
            "Read the PFMA, chapter 5 | Protégé | 15 September 2026 | 1 October 2026, overdue",
            "1 open action was due before 31 October 2026.",
        ],
        &["Book the boardroom", "Set up the filing system"],
    );
}

#[test]
fn comments_rating_and_recommendation_come_from_the_entry_written_on_the_report() {
    let mut l = logged();
    let e = entry(&l);
    l.store.save_report_entry(&e, date(TODAY)).unwrap();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    let facts = ProgressFacts::load(&l.store, l.id, &l.quarter, Confidential::LeftOut).unwrap();
    check(
        "comments",
        &section(&doc, CLAUSES[5]),
        &[
            &format!(
                "Mentor ({}): Grown in confidence; presents without notes now.",
                facts.mentor.name
            ),
            &format!("Protégé ({}): None written.", facts.protege.name),
        ],
        &[],
    );
    check(
        "outcome",
        &section(&doc, CLAUSES[6]),
        &[
            "Overall rating: 3 (Fully effective) on the four-point scale",
            "Recommendation: Continue",
            "Reason: None given.",
            "Written on: 23 November 2026",
        ],
        &[NOT_YET_WRITTEN],
    );
    let signatures = section(&doc, CLAUSES[7]);
    let mut roles = vec!["Mentor", "Protégé"];
    if facts.line_manager.is_some() {
        roles.push("Protégé's line manager");
    }
    roles.push("Programme manager");
    check("signatures", &signatures, &roles, &[]);
    check(
        "signatures",
        &signatures,
        &[&format!("Name: {}", facts.settings.programme_manager)],
        &[],
    );
}

#[test]
fn a_report_not_yet_written_says_so_instead_of_printing_blanks() {
    let l = logged();
    let doc = report(&l, &l.quarter, Confidential::LeftOut);
    check(
        "comments",
        &section(&doc, CLAUSES[5]),
        &["None written."],
        &[],
    );
    check(
        "outcome",
        &section(&doc, CLAUSES[6]),
        &[NOT_YET_WRITTEN],
        &["Overall rating:", "Recommendation:", "Written on:"],
    );
}

#[test]
fn confidential_notes_are_printed_only_when_included_for_this_document() {
    let l = logged();
    let dir = tempfile::tempdir().unwrap();
    let today = date(TODAY);
    let notes = "Worried about a conflict with a colleague.";

    let left_out = report(&l, &l.quarter, Confidential::LeftOut);
    check(
        "left out",
        &left_out.plain_text(),
        &[],
        &[notes, "family illness", CONFIDENTIAL_HEADING],
    );
    let pdf = write_progress_report(
        &l.store,
        l.id,
        &l.quarter,
        Confidential::LeftOut,
        today,
        dir.path(),
    )
    .unwrap();
    check(
        "left out PDF",
        &text_of(&pdf),
        &[],
        &["conflict", "Confidential notes"],
    );

    let included = report(&l, &l.quarter, Confidential::Included);
    let sessions = section(&included, CLAUSES[3]);
    check(
        "included",
        &sessions,
        &[CONFIDENTIAL_HEADING, &format!("21 October 2026 | {notes}")],
        // Notes of a session outside the period stay out even when included.
        &["family illness"],
    );
    let pdf = write_progress_report(
        &l.store,
        l.id,
        &l.quarter,
        Confidential::Included,
        today,
        dir.path(),
    )
    .unwrap();
    check(
        "included PDF",
        &text_of(&pdf),
        &[
            notes,
            "Confidential notes (included at the person's request for this document)",
        ],
        &[],
    );
}

#[test]
fn the_pdf_is_well_formed_embeds_its_font_and_names_the_protege() {
    let mut l = logged();
    l.store.save_report_entry(&entry(&l), date(TODAY)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_progress_report(
        &l.store,
        l.id,
        &l.quarter,
        Confidential::LeftOut,
        date(TODAY),
        dir.path(),
    )
    .unwrap();
    assert_eq!(
        pdf.file_name().unwrap().to_str().unwrap(),
        format!("MS-{:04}-progress-2026-10-01-to-2026-12-31.pdf", l.id)
    );
    assert_eq!(
        progress_report::file_name(l.id, &l.quarter),
        format!("MS-{:04}-progress-2026-10-01-to-2026-12-31.pdf", l.id)
    );
    check_pdf(&pdf);
    let facts = ProgressFacts::load(&l.store, l.id, &l.quarter, Confidential::LeftOut).unwrap();
    check(
        "PDF",
        &text_of(&pdf),
        &[
            "Progress report",
            &facts.protege.name,
            "4 sessions, 4.75 hours of mentoring.",
            "Presented the November variance report alone",
            "3 (Fully effective) on the four-point scale",
            "Generated 23 November 2026",
        ],
        &[],
    );
    assert!(
        !dir.path()
            .join(format!(
                "MS-{:04}-progress-2026-10-01-to-2026-12-31.pdf.partial",
                l.id
            ))
            .exists(),
        "no partial file is left behind"
    );
}

#[test]
fn a_period_of_dates_is_named_by_its_dates_once() {
    let l = logged();
    let from: NaiveDate = date("2026-10-01");
    let to: NaiveDate = date("2026-10-31");
    let doc = report(&l, &Period::range(from, to).unwrap(), Confidential::LeftOut);
    let dates = format!("{} to {}", long_date(from), long_date(to));
    check(
        "header",
        &section(&doc, CLAUSES[0]),
        &[&format!("Period reported on: {dates}")],
        &[&format!("{dates} ({dates})")],
    );
}

#[test]
fn a_batch_folder_is_named_after_its_period_without_slashes() {
    let period = |label: &str| Period {
        from: date("2026-10-01"),
        to: date("2026-10-31"),
        label: label.into(),
    };
    assert_eq!(
        progress_report::batch_folder(&period("Quarter 3 of 2026/27")),
        std::path::PathBuf::from("Progress reports, Quarter 3 of 2026-27")
    );
    assert_eq!(
        progress_report::batch_folder(&period("../..")),
        std::path::PathBuf::from("Progress reports, -")
    );
    assert_eq!(
        progress_report::batch_folder(&period(" ")),
        std::path::PathBuf::from("Progress reports, 2026-10-01 to 2026-10-31")
    );
}

#[test]
fn a_batch_prints_every_report_of_the_period_and_lists_one_that_fails_then_goes_on() {
    let (dir, mut store) = sample_store();
    let quarter = Period::range(date("2026-10-01"), date("2026-12-31")).unwrap();
    let ids = store
        .reportable_mentorships(quarter.from, quarter.to)
        .unwrap();
    assert!(ids.len() > 2);
    // One report cannot be written: a folder stands where its PDF would go.
    let folder = dir.path().join(progress_report::batch_folder(&quarter));
    let blocked = folder.join(progress_report::file_name(ids[1], &quarter));
    std::fs::create_dir_all(blocked.join("in the way")).unwrap();
    let mut told = Vec::new();
    let store_ref = &mut store;
    let batch = progress_report::write_progress_reports(
        || Ok::<_, mentordesk_core::Error>(&*store_ref),
        &quarter,
        date(TODAY),
        &folder,
        |done, total, name| told.push((done, total, name.to_owned())),
    )
    .unwrap();
    assert_eq!(batch.folder, folder);
    assert_eq!(batch.printed.len(), ids.len() - 1);
    assert!(batch.printed.iter().all(|p| p.is_file()));
    assert_eq!(batch.failures.len(), 1, "{:?}", batch.failures);
    assert!(!batch.failures[0].message.is_empty());
    assert_eq!(
        told.iter().map(|t| t.0).collect::<Vec<_>>(),
        (1..=ids.len()).collect::<Vec<_>>()
    );
    assert!(told.iter().all(|t| t.1 == ids.len() && !t.2.is_empty()));
    assert!(told.iter().any(|t| t.2 == batch.failures[0].name));
}
