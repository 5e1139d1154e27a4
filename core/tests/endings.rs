//! How a mentorship ends on paper: the termination letters (one per party, each from a new
//! page, with the decision, its reason and the steps before it) and the protégé's certificate
//! of completion, printed and read back with poppler; and the refusals while there is no
//! decision or the mentorship is not completed.

use std::path::Path;

use mentordesk_core::document::{long_date, Block};
use mentordesk_core::domain::{GoalStatus, Mentorship, Status};
use mentordesk_core::print::certificate::{self, GOALS_CAPTION, NO_GOALS};
use mentordesk_core::print::termination_letter::{self, TerminationFacts, HEADINGS};
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::termination::{Reason, Step, StepKind};
use mentordesk_core::Store;

use crate::fixtures;
use crate::{check_pdf, date, run, sample_store, text_of};

const TODAY: &str = "2026-11-23";

/// The sample's mentorships of `status`, by id.
fn with_status(store: &Store, status: Status) -> Vec<i64> {
    let query = MentorshipQuery {
        status: Some(status),
        ..Default::default()
    };
    store
        .mentorships(&query)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect()
}

/// The text of each page of a PDF, its lines joined.
fn pages_of(pdf: &Path) -> Vec<String> {
    let path = pdf.to_str().unwrap();
    let info = run("pdfinfo", &[path]);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (1..=count)
        .map(|n| {
            let n = n.to_string();
            let raw = run("pdftotext", &["-f", &n, "-l", &n, path, "-"]);
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The page on which the letter to `name` starts: the only page that greets them, holding no
/// other greeting and, above the greeting, nothing of the letter before (its closing or its
/// copies line).
fn letter_page(pages: &[String], name: &str) -> usize {
    let greeting = format!("Dear {name},");
    let on: Vec<usize> = (0..pages.len())
        .filter(|&n| pages[n].contains(&greeting))
        .collect();
    assert_eq!(on.len(), 1, "{greeting} on pages {on:?}");
    let page = &pages[on[0]];
    assert_eq!(page.matches("Dear ").count(), 1, "{page}");
    let above = &page[..page.find(&greeting).unwrap()];
    for closing in ["Yours sincerely", "Copies:"] {
        assert!(
            !above.contains(closing),
            "{greeting} follows {closing:?}: {page}"
        );
    }
    on[0]
}

fn step(mentorship_id: i64, kind: StepKind, taken_on: &str, notes: &str) -> Step {
    Step {
        id: None,
        mentorship_id,
        kind,
        taken_on: date(taken_on),
        initiated_by: "Mentor".into(),
        notes: notes.into(),
        coordinator_informed: true,
        reason: (kind == StepKind::Decision).then_some(Reason::MentorRequest),
    }
}

#[test]
fn the_terminated_pair_gets_a_letter_per_party_each_from_a_new_page() {
    let (dir, store) = sample_store();
    let terminated = with_status(&store, Status::Terminated);
    assert_eq!(terminated.len(), 1, "{terminated:?}");
    let id = terminated[0];
    let facts = TerminationFacts::load(&store, id).unwrap();
    let manager = facts.line_manager.clone().expect("a line manager");
    let path =
        termination_letter::write_termination_letters(&store, id, date(TODAY), dir.path()).unwrap();
    assert!(path.ends_with(format!(
        "{}-termination-letters.pdf",
        Mentorship::reference(id)
    )));
    check_pdf(&path);

    let pages = pages_of(&path);
    let parties = [
        &facts.agreement.mentor.name,
        &facts.agreement.protege.name,
        &manager.name,
    ];
    // Each letter starts a page of its own: the page where it greets its party holds no other
    // greeting and nothing of the letter before, and the letters follow in order.
    let starts: Vec<usize> = parties
        .iter()
        .map(|name| letter_page(&pages, name))
        .collect();
    assert_eq!(starts[0], 0);
    // The break is asked for, not left to how long a letter happens to be: each letter after
    // the first follows a page break, with its party's address.
    let doc = termination_letter::build(&facts, date(TODAY));
    let after_breaks: Vec<&Block> = doc
        .blocks
        .windows(2)
        .filter(|pair| pair[0] == Block::PageBreak)
        .map(|pair| &pair[1])
        .collect();
    assert_eq!(after_breaks.len(), 2, "{after_breaks:?}");
    for (block, name) in after_breaks.iter().zip(&parties[1..]) {
        assert!(
            matches!(block, Block::Paragraph(address) if address.starts_with(name.as_str())),
            "{block:?}"
        );
    }
    assert!(starts[0] < starts[1] && starts[1] < starts[2], "{starts:?}");

    let text = text_of(&path);
    let expect = |what: &str| assert!(text.contains(what), "no {what:?} in:\n{text}");
    expect("Termination of a mentorship");
    expect(&format!("{}/TRM", Mentorship::reference(id)));
    let decision = &facts.decision;
    expect(&format!("Decided on {}", long_date(decision.taken_on)));
    expect(&format!("Reason {}", Reason::Transfer.label()));
    expect(
        decision
            .notes
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    for kind in [
        StepKind::Discussion,
        StepKind::WrittenRequest,
        StepKind::SeparateMeetings,
    ] {
        let s = facts.steps.iter().find(|s| s.kind == kind).unwrap();
        expect(&format!("{} {}", kind.label(), long_date(s.taken_on)));
    }
    assert!(!text.contains("Not recorded"), "{text}");
    // What was said at the earlier steps stays with the programme.
    for s in &facts.steps {
        let opening: Vec<&str> = s.notes.split_whitespace().take(6).collect();
        assert!(
            !text.contains(&opening.join(" ")),
            "{:?} in:\n{text}",
            s.kind
        );
    }
    for heading in HEADINGS {
        assert_eq!(text.matches(heading).count(), 3, "{heading}");
    }
    expect("A protégé whose mentorship is terminated may be matched again");
    assert_eq!(
        text.matches("Programme manager Name: Refilwe Mokoena")
            .count(),
        3
    );
}

#[test]
fn the_letters_are_refused_until_a_decision_is_recorded() {
    let (_dir, mut store, id) = fixtures::one_mentorship("endings.sqlite3");
    let today = fixtures::today();
    let refused = |store: &Store| {
        let err = termination_letter::termination_letters(store, id, today).unwrap_err();
        assert_eq!(err.field(), Some("decision"), "{err}");
        assert!(err.to_string().contains("No decision"), "{err}");
    };
    refused(&store);
    for (kind, on) in [
        (StepKind::Discussion, "2026-09-01"),
        (StepKind::WrittenRequest, "2026-09-08"),
    ] {
        store
            .save_termination_step(&step(id, kind, on, "Asked to end it."), today)
            .unwrap();
        refused(&store);
    }
    store
        .save_termination_step(
            &step(
                id,
                StepKind::Decision,
                "2026-09-20",
                "Ended at the mentor's request.",
            ),
            today,
        )
        .unwrap();
    let doc = termination_letter::termination_letters(&store, id, today).unwrap();
    let text = doc.plain_text();
    assert!(text.contains("Reason: The mentor's own request"), "{text}");
    assert!(text.contains("Ended at the mentor's request."), "{text}");
    assert!(text.contains("Decided on: 20 September 2026"), "{text}");
    // The separate meetings were not recorded, and the letter says so.
    assert!(
        text.contains("Separate meetings with each party | Not recorded"),
        "{text}"
    );
    assert!(
        text.contains(", before its agreed end on 31 March 2027"),
        "{text}"
    );
}

#[test]
fn a_protege_without_a_line_manager_means_two_letters() {
    let (dir, mut store, id) = fixtures::one_mentorship("endings.sqlite3");
    let today = fixtures::today();
    store
        .save_termination_step(
            &step(
                id,
                StepKind::Decision,
                "2026-09-20",
                "Ended at the mentor's request.",
            ),
            today,
        )
        .unwrap();
    let facts = TerminationFacts::load(&store, id).unwrap();
    assert_eq!(facts.line_manager, None);
    let doc = termination_letter::build(&facts, today);
    assert_eq!(doc.plain_text().matches("Dear ").count(), 2);
    let breaks = doc.blocks.iter().filter(|b| **b == Block::PageBreak);
    assert_eq!(breaks.count(), 1);
    let path =
        termination_letter::write_termination_letters(&store, id, today, dir.path()).unwrap();
    let pages = pages_of(&path);
    assert_eq!(letter_page(&pages, &facts.agreement.mentor.name), 0);
    assert!(letter_page(&pages, &facts.agreement.protege.name) > 0);
}

#[test]
fn a_completed_pair_gets_a_certificate_with_its_goals_achieved() {
    let (dir, store) = sample_store();
    let completed = with_status(&store, Status::Completed);
    assert_eq!(completed.len(), 2, "{completed:?}");
    let id = completed[0];
    let m = store.mentorship(id).unwrap();
    let path = certificate::write_certificate(&store, id, date(TODAY), dir.path()).unwrap();
    assert!(path.ends_with(format!("{}-certificate.pdf", Mentorship::reference(id))));
    check_pdf(&path);
    assert_eq!(pages_of(&path).len(), 1, "a certificate is one page");

    let facts = certificate::load(&store, id).unwrap();
    let text = text_of(&path);
    let expect = |what: &str| assert!(text.contains(what), "no {what:?} in:\n{text}");
    expect("Certificate of completion");
    expect(&format!("{}/CERT", Mentorship::reference(id)));
    expect(&facts.protege.name);
    expect(&facts.mentor.name);
    expect(&facts.settings.programme_name);
    expect("Department of Public Service and Administration (sample)");
    expect(&format!(
        "{} to {}",
        long_date(m.start_date),
        long_date(m.end_date)
    ));
    expect(GOALS_CAPTION);
    let achieved: Vec<_> = m
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Achieved)
        .collect();
    assert!(!achieved.is_empty());
    for goal in achieved {
        expect(&goal.description);
    }
    assert!(!text.contains(NO_GOALS), "{text}");
    expect("Programme manager Name: Refilwe Mokoena");

    // The protégé's name stands in the middle of the page, as on a certificate.
    let bbox = run("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let words: Vec<&str> = facts.protege.name.split_whitespace().collect();
    let x = |word: &str, edge: &str| -> f32 {
        let line = bbox
            .lines()
            .find(|l| l.trim_end().ends_with(&format!(">{word}</word>")))
            .unwrap_or_else(|| panic!("no {word} in {bbox}"));
        let at = line.find(&format!("{edge}=\"")).unwrap() + edge.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let middle = (x(words[0], "xMin") + x(words[words.len() - 1], "xMax")) / 2.0;
    assert!(
        (middle - 595.3 / 2.0).abs() < 2.0,
        "the name is centred on {middle}"
    );
}

#[test]
fn a_certificate_says_plainly_when_no_goal_was_achieved() {
    let (_dir, mut store, id) = fixtures::one_mentorship("endings.sqlite3");
    let mut m = store.mentorship(id).unwrap();
    m.status = Status::Completed;
    for goal in &mut m.goals {
        goal.status = GoalStatus::NotAchieved;
        goal.progress = 60;
    }
    store.save_mentorship(&m).unwrap();
    let text = certificate::certificate(&store, id, fixtures::today())
        .unwrap()
        .plain_text();
    assert!(text.contains(NO_GOALS), "{text}");
    for goal in &m.goals {
        assert!(!text.contains(&goal.description), "{text}");
    }
}

#[test]
fn a_certificate_is_refused_unless_the_mentorship_is_completed() {
    let (_dir, store) = sample_store();
    let today = date(TODAY);
    let cases = [
        (Status::Active, "active, not completed"),
        (Status::Draft, "draft, not completed"),
        (Status::Terminated, "terminated early"),
    ];
    for (status, words) in cases {
        let id = with_status(&store, status)[0];
        let err = certificate::certificate(&store, id, today).unwrap_err();
        assert_eq!(err.field(), Some("status"), "{status:?}: {err}");
        assert!(err.to_string().contains(words), "{status:?}: {err}");
    }
    // A completed mentorship has no decision to terminate, so it has no letters.
    let completed = with_status(&store, Status::Completed)[0];
    let err = termination_letter::termination_letters(&store, completed, today).unwrap_err();
    assert_eq!(err.field(), Some("decision"), "{err}");
}
