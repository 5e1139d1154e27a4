//! The printed progress report of one protégé for one period: the header, the goals, the
//! competency ratings, the sessions and actions logged in the period, what was written on the
//! report (comments, overall rating, recommendation) and the signatures. Everything but the
//! written part comes from the logs, so nothing is typed twice. This module only lays the
//! report out from `ProgressFacts`, which `ProgressFacts::load` gathers; pages are drawn by
//! `document`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::agreement::AgreementFacts;
use super::batch::Item;
pub use super::batch::{Batch, BatchFailure};
use super::kpa_allocation::hours;
use super::Party;
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::{Mentorship, ProtegeKind, Status};
use crate::progress::{reference, Period, Rating, ReportEntry};
use crate::session::{CompletedAction, Confidential, OpenAction, Session};
use crate::settings::Settings;
use crate::store::{MentorshipQuery, Store};
use crate::{Error, Result};

/// Everything one progress report prints, gathered from the register and the logs.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFacts {
    pub mentorship_id: i64,
    pub mentorship: Mentorship,
    pub mentor: Party,
    pub protege: Party,
    pub kind: ProtegeKind,
    pub line_manager: Option<String>,
    pub period: Period,
    /// The latest rating in the period of each competency, in the mentorship's order.
    pub ratings: Vec<Rating>,
    /// Sessions held in the period, oldest first.
    pub sessions: Vec<Session>,
    /// Actions still open at the end of the period.
    pub open_actions: Vec<OpenAction>,
    pub completed_actions: Vec<CompletedAction>,
    /// What was written on the report, if anything has been.
    pub entry: Option<ReportEntry>,
    pub settings: Settings,
}

impl ProgressFacts {
    pub fn load(
        store: &Store,
        mentorship_id: i64,
        period: &Period,
        confidential: Confidential,
    ) -> Result<ProgressFacts> {
        let AgreementFacts {
            mentorship,
            mentor,
            protege,
            kind,
            line_manager,
            settings,
            ..
        } = AgreementFacts::load(store, mentorship_id)?;
        let mut ratings: Vec<Rating> = Vec::new();
        for r in store.ratings(mentorship_id)? {
            if r.rated_on < period.from || r.rated_on > period.to {
                continue;
            }
            match ratings.iter_mut().find(|k| k.competency == r.competency) {
                Some(kept) if kept.rated_on <= r.rated_on => *kept = r,
                Some(_) => {}
                None => ratings.push(r),
            }
        }
        let position = |name: &str| {
            mentorship
                .competencies
                .iter()
                .position(|c| c.name == name)
                .unwrap_or(usize::MAX)
        };
        ratings.sort_by_key(|r| position(&r.competency));
        Ok(ProgressFacts {
            mentorship_id,
            sessions: store.sessions(mentorship_id, period.from, period.to, confidential)?,
            open_actions: store.open_actions(mentorship_id, period.to)?,
            completed_actions: store.completed_actions(mentorship_id, period.from, period.to)?,
            entry: store.report_entry(mentorship_id, period.from, period.to)?,
            mentorship,
            mentor,
            protege,
            kind,
            line_manager,
            period: period.clone(),
            ratings,
            settings,
        })
    }

    /// Hours of mentoring logged in the period.
    pub fn hours(&self) -> f64 {
        f64::from(self.sessions.iter().map(|s| s.minutes).sum::<u32>()) / 60.0
    }
}

/// Every section heading of the report, in order; tests check that each one is printed.
pub const CLAUSES: [&str; 8] = [
    "1. Protégé, mentor and period",
    "2. Goals and their status",
    "3. Competency ratings",
    "4. Sessions in the period",
    "5. Actions",
    "6. Comments",
    "7. Overall rating and recommendation",
    "8. Signatures",
];

/// The heading of the part that prints confidential session notes, when they were included.
pub const CONFIDENTIAL_HEADING: &str =
    "4.1 Confidential notes (included at the person's request for this document)";

/// What section 7 says until the written part of the report has been entered.
pub const NOT_YET_WRITTEN: &str = "Not yet written: the comments, overall rating and \
    recommendation are entered on the report in MentorDesk.";

/// The report's layout, dated `today`.
pub fn build(f: &ProgressFacts, today: NaiveDate) -> Document {
    let mut blocks = vec![Block::Paragraph(format!(
        "The progress of {} in the {} for {}, drawn from the goals, ratings, sessions and \
         actions logged for the mentorship.",
        f.protege.name,
        f.settings.programme_name,
        period_words(&f.period)
    ))];
    blocks.push(Block::Heading(CLAUSES[0].into()));
    blocks.push(Block::Fields(header_fields(f)));
    blocks.push(Block::Heading(CLAUSES[1].into()));
    blocks.extend(goals_section(&f.mentorship, today));
    blocks.push(Block::Heading(CLAUSES[2].into()));
    blocks.extend(ratings_section(f));
    blocks.push(Block::Heading(CLAUSES[3].into()));
    blocks.extend(sessions_section(f));
    blocks.push(Block::Heading(CLAUSES[4].into()));
    blocks.extend(actions_section(f, today));
    blocks.push(Block::Heading(CLAUSES[5].into()));
    blocks.push(Block::Fields(comment_fields(f)));
    blocks.push(Block::Heading(CLAUSES[6].into()));
    blocks.extend(outcome_section(f));
    blocks.push(Block::Heading(CLAUSES[7].into()));
    blocks.extend(signatures_section(f));
    Document {
        title: "Progress report".into(),
        reference: reference(f.mentorship_id, &f.period),
        organisation: f.settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

/// The period as a reader needs it: its name and, unless the name is already the dates, its
/// dates.
fn period_words(p: &Period) -> String {
    let dates = format!("{} to {}", long_date(p.from), long_date(p.to));
    let label = p.label.trim();
    if label.is_empty() || label == dates {
        dates
    } else {
        format!("{label} ({dates})")
    }
}

fn or_not_recorded(text: &str) -> String {
    match text.trim() {
        "" => "Not recorded".into(),
        text => text.to_owned(),
    }
}

fn name_with_persal(p: &Party) -> String {
    match &p.persal {
        Some(persal) => format!("{}, persal number {persal}", p.name),
        None => p.name.clone(),
    }
}

fn header_fields(f: &ProgressFacts) -> Vec<(String, String)> {
    let m = &f.mentorship;
    let mentor = match &f.mentor.organisation {
        Some(org) => format!("{}, of {org} (external organisation)", f.mentor.name),
        None => match f.mentor.unit.trim() {
            "" => name_with_persal(&f.mentor),
            unit => format!("{}, {unit}", name_with_persal(&f.mentor)),
        },
    };
    let mut fields = vec![
        ("Protégé".into(), name_with_persal(&f.protege)),
        (
            "Designation".into(),
            or_not_recorded(&f.protege.designation),
        ),
        ("Kind of protégé".into(), f.kind.label().into()),
        ("Unit".into(), or_not_recorded(&f.protege.unit)),
        ("Mentor".into(), mentor),
        (
            "Line manager".into(),
            f.line_manager
                .clone()
                .unwrap_or_else(|| "Not recorded".into()),
        ),
        (
            "Mentorship".into(),
            format!(
                "{}, from {} to {}",
                Mentorship::reference(f.mentorship_id),
                long_date(m.start_date),
                long_date(m.end_date)
            ),
        ),
    ];
    if m.status != Status::Active {
        fields.push(("Status".into(), m.status.label().into()));
    }
    fields.push(("Period reported on".into(), period_words(&f.period)));
    fields
}

fn goals_section(m: &Mentorship, today: NaiveDate) -> Vec<Block> {
    if m.goals.is_empty() {
        return vec![Block::Paragraph(
            "No goals are recorded for this mentorship.".into(),
        )];
    }
    let achieved = m
        .goals
        .iter()
        .filter(|g| g.status == crate::domain::GoalStatus::Achieved)
        .count();
    vec![
        Block::Paragraph(format!("Goals achieved: {achieved} of {}.", m.goals.len())),
        Block::Table {
            columns: vec![
                Column::new("No.", 0.06),
                Column::new("Goal", 0.31),
                Column::new("Measure", 0.23),
                Column::new("Due", 0.15),
                Column::new("Status", 0.13),
                Column::new("Progress", 0.12),
            ],
            rows: m
                .goals
                .iter()
                .enumerate()
                .map(|(n, g)| {
                    vec![
                        (n + 1).to_string(),
                        g.description.clone(),
                        g.measure.clone(),
                        g.due_on
                            .map(long_date)
                            .unwrap_or_else(|| "By the end date".into()),
                        g.status.label().into(),
                        format!("{}%", g.progress),
                    ]
                })
                .collect(),
        },
        Block::Note(format!(
            "Status and progress as recorded on the mentorship on {}.",
            long_date(today)
        )),
    ]
}

fn ratings_section(f: &ProgressFacts) -> Vec<Block> {
    let m = &f.mentorship;
    if m.competencies.is_empty() && f.ratings.is_empty() {
        return vec![Block::Paragraph(
            "No competencies are listed for this mentorship; the goals above describe the \
             development sought."
                .into(),
        )];
    }
    if f.ratings.is_empty() {
        return vec![Block::Paragraph(
            "No competency was rated in this period.".into(),
        )];
    }
    let levels = |name: &str| {
        m.competencies
            .iter()
            .find(|c| c.name.trim() == name.trim())
            .map_or_else(
                || "Not listed".into(),
                |c| format!("{} → {}", c.current_level, c.target_level),
            )
    };
    let mut blocks = vec![Block::Table {
        columns: vec![
            Column::new("Competency", 0.2),
            Column::new("Current → target level", 0.14),
            Column::new("Rating", 0.19),
            Column::new("Rated on", 0.19),
            Column::new("Evidence", 0.28),
        ],
        rows: f
            .ratings
            .iter()
            .map(|r| {
                vec![
                    r.competency.clone(),
                    levels(&r.competency),
                    r.scale.describe(r.rating),
                    long_date(r.rated_on),
                    r.evidence.clone(),
                ]
            })
            .collect(),
    }];
    let unrated: Vec<&str> = m
        .competencies
        .iter()
        .filter(|c| {
            !f.ratings
                .iter()
                .any(|r| r.competency.trim() == c.name.trim())
        })
        .map(|c| c.name.as_str())
        .collect();
    let mut note = "Where a competency was rated more than once in the period, the latest \
                    rating is shown. Levels run from 1 (not yet able) to 5 (able to teach others)."
        .to_owned();
    if !unrated.is_empty() {
        note = format!("Not rated in this period: {}. {note}", unrated.join(", "));
    }
    blocks.push(Block::Note(note));
    blocks
}

fn sessions_section(f: &ProgressFacts) -> Vec<Block> {
    if f.sessions.is_empty() {
        return vec![Block::Paragraph(
            "No session was logged in this period.".into(),
        )];
    }
    let mut blocks = vec![
        Block::Paragraph(format!(
            "{}, {} of mentoring.",
            count(f.sessions.len(), "session", "sessions"),
            hours(f.hours())
        )),
        Block::Table {
            columns: vec![
                Column::new("Date", 0.2),
                Column::new("Duration", 0.12),
                Column::new("Kind", 0.13),
                Column::new("Topics", 0.55),
            ],
            rows: f
                .sessions
                .iter()
                .map(|s| {
                    vec![
                        long_date(s.held_on),
                        minutes(s.minutes),
                        s.kind.label().into(),
                        s.topics.clone(),
                    ]
                })
                .collect(),
        },
    ];
    let confidential: Vec<Vec<String>> = f
        .sessions
        .iter()
        .filter(|s| !s.confidential_notes.trim().is_empty())
        .map(|s| vec![long_date(s.held_on), s.confidential_notes.trim().to_owned()])
        .collect();
    if !confidential.is_empty() {
        blocks.extend([
            Block::Heading(CONFIDENTIAL_HEADING.into()),
            Block::Paragraph(
                "These notes are confidential. They are printed in this one document because \
                 the person who shared them asked for it; do not copy or pass them on without \
                 that person's permission."
                    .into(),
            ),
            Block::Table {
                columns: vec![
                    Column::new("Date", 0.2),
                    Column::new("Confidential notes", 0.8),
                ],
                rows: confidential,
            },
        ]);
    }
    blocks
}

/// The actions open at the end of the period and those done in it. For a period that has not
/// ended yet, "open at the end" can only mean open today, and an action is overdue once its
/// due date is past today rather than past the period's end.
fn actions_section(f: &ProgressFacts, today: NaiveDate) -> Vec<Block> {
    let end = f.period.to.min(today);
    let mut blocks = vec![Block::Paragraph(if end < f.period.to {
        format!(
            "Open on {} (the period ends on {}):",
            long_date(end),
            long_date(f.period.to)
        )
    } else {
        format!("Open at the end of the period ({}):", long_date(end))
    })];
    if f.open_actions.is_empty() {
        blocks.push(Block::Paragraph("None.".into()));
    } else {
        let overdue = f
            .open_actions
            .iter()
            .filter(|a| a.action.due_on.is_some_and(|due| due < end))
            .count();
        blocks.push(action_table(&f.open_actions, "Due", |a| {
            match a.action.due_on {
                Some(due) if due < end => format!("{}, overdue", long_date(due)),
                Some(due) => long_date(due),
                None => "No date set".into(),
            }
        }));
        if overdue > 0 {
            blocks.push(Block::Note(format!(
                "{} due before {}.",
                count(overdue, "open action was", "open actions were"),
                long_date(end)
            )));
        }
    }
    blocks.push(Block::Paragraph("Completed in the period:".into()));
    if f.completed_actions.is_empty() {
        blocks.push(Block::Paragraph("None.".into()));
    } else {
        blocks.push(action_table(&f.completed_actions, "Done on", |a| {
            a.action.done_on.map(long_date).unwrap_or_default()
        }));
    }
    blocks
}

fn action_table(actions: &[OpenAction], last: &str, date: impl Fn(&OpenAction) -> String) -> Block {
    Block::Table {
        columns: vec![
            Column::new("Action", 0.37),
            Column::new("Owner", 0.15),
            Column::new("Agreed on", 0.2),
            Column::new(last, 0.28),
        ],
        rows: actions
            .iter()
            .map(|a| {
                vec![
                    a.action.description.clone(),
                    a.action.owner.label().into(),
                    long_date(a.agreed_on),
                    date(a),
                ]
            })
            .collect(),
    }
}

fn comment_fields(f: &ProgressFacts) -> Vec<(String, String)> {
    let written = |text: Option<&str>| match text.map(str::trim) {
        Some(text) if !text.is_empty() => text.to_owned(),
        _ => "None written.".into(),
    };
    let entry = f.entry.as_ref();
    vec![
        (
            format!("Mentor ({})", f.mentor.name),
            written(entry.map(|e| e.mentor_comments.as_str())),
        ),
        (
            format!("Protégé ({})", f.protege.name),
            written(entry.map(|e| e.protege_comments.as_str())),
        ),
    ]
}

fn outcome_section(f: &ProgressFacts) -> Vec<Block> {
    let Some(e) = &f.entry else {
        return vec![Block::Paragraph(NOT_YET_WRITTEN.into())];
    };
    let scale = e.scale.label().to_lowercase();
    let rating = match e.overall_rating {
        Some(rating) => format!("{} on the {scale}", e.scale.describe(rating)),
        None => format!("Not rated (the {scale} applies)"),
    };
    let reason = match e.recommendation_reason.trim() {
        "" => "None given.".to_owned(),
        reason => reason.to_owned(),
    };
    vec![
        Block::Fields(vec![
            ("Overall rating".into(), rating),
            ("Recommendation".into(), e.recommendation.label().into()),
            ("Reason".into(), reason),
            ("Written on".into(), long_date(e.written_on)),
        ]),
        Block::Note(format!(
            "The {scale}: {}.",
            e.scale
                .labels()
                .iter()
                .enumerate()
                .map(|(n, label)| format!("{} {}", n + 1, label.to_lowercase()))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    ]
}

fn signatures_section(f: &ProgressFacts) -> Vec<Block> {
    let mut signatories = vec![
        Signatory {
            role: "Mentor".into(),
            name: f.mentor.name.clone(),
        },
        Signatory {
            role: "Protégé".into(),
            name: f.protege.name.clone(),
        },
    ];
    if let Some(line_manager) = &f.line_manager {
        signatories.push(Signatory {
            role: "Protégé's line manager".into(),
            name: line_manager.clone(),
        });
    }
    signatories.push(Signatory {
        role: "Programme manager".into(),
        name: f.settings.programme_manager.clone(),
    });
    // The heading goes straight to the signature blocks, which it is kept with, so that it
    // never stands on one page with the places to sign on the next.
    vec![
        Block::Signatures(signatories),
        Block::Note(
            "By signing, the mentor and the protégé confirm that this report reflects the \
             period, and the line manager and the programme manager that they have read it. \
             The programme manager files the signed report; the mentor and the protégé each \
             keep a copy."
                .into(),
        ),
    ]
}

/// "1 session", "6 sessions".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A session's length: "45 min", "1 h", "1 h 30 min".
fn minutes(total: u32) -> String {
    match (total / 60, total % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The progress report of a mentorship for a period.
pub fn progress_report(
    store: &Store,
    mentorship_id: i64,
    period: &Period,
    confidential: Confidential,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build(
        &ProgressFacts::load(store, mentorship_id, period, confidential)?,
        today,
    ))
}

/// Prints the report into `dir` and returns the PDF's path.
pub fn write_progress_report(
    store: &Store,
    mentorship_id: i64,
    period: &Period,
    confidential: Confidential,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let facts = ProgressFacts::load(store, mentorship_id, period, confidential)?;
    write_built(&facts, today, dir)
}

/// Lays out the report of `f` and writes it into `dir`.
fn write_built(f: &ProgressFacts, today: NaiveDate, dir: &Path) -> Result<PathBuf> {
    let doc = build(f, today);
    let path = dir.join(file_name(f.mentorship_id, &f.period));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}

/// Prints the report of every mentorship under way in `period` (without confidential notes)
/// into `folder`, created if needed (the window names it with `batch_folder`), on every core.
/// A report that fails is listed and the batch goes on. `store` is asked for before each
/// report's facts are read and let go after, so that a window using the same store stays
/// usable meanwhile; `told(done, total, protégé)` follows each report (see `batch::print`).
pub fn write_progress_reports<S, E>(
    store: impl Fn() -> std::result::Result<S, E>,
    period: &Period,
    today: NaiveDate,
    folder: &Path,
    told: impl FnMut(usize, usize, &str),
) -> std::result::Result<Batch, E>
where
    S: std::ops::Deref<Target = Store>,
    E: From<Error> + std::fmt::Display,
{
    let items = {
        let store = store()?;
        let rows = store.mentorships(&MentorshipQuery::default())?;
        let name_of = |id: i64| {
            rows.iter()
                .find(|row| row.id == id)
                .map_or_else(|| format!("Mentorship {id}"), |row| row.protege.clone())
        };
        store
            .reportable_mentorships(period.from, period.to)?
            .into_iter()
            .map(|id| Item {
                id,
                name: name_of(id),
            })
            .collect::<Vec<_>>()
    };
    super::batch::print(
        store,
        folder,
        &items,
        |store, id| ProgressFacts::load(store, id, period, Confidential::LeftOut),
        |facts, dir| write_built(&facts, today, dir),
        told,
    )
}

/// A batch's folder: the period's name without characters a file name may not hold, so
/// "Quarter 3 of 2026/27" prints into "Progress reports, Quarter 3 of 2026-27".
pub fn batch_folder(period: &Period) -> PathBuf {
    let label: String = period
        .label
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.,()".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let label = label.trim_matches(['.', ' ']);
    if label.is_empty() {
        return PathBuf::from(format!(
            "Progress reports, {} to {}",
            period.from, period.to
        ));
    }
    PathBuf::from(format!("Progress reports, {label}"))
}

/// The PDF's name, after the mentorship and both ends of the period:
/// "MS-0007-progress-2026-07-01-to-2026-09-30.pdf".
pub fn file_name(mentorship_id: i64, period: &Period) -> String {
    format!(
        "{}-progress-{}-to-{}.pdf",
        crate::domain::Mentorship::reference(mentorship_id),
        period.from.format("%Y-%m-%d"),
        period.to.format("%Y-%m-%d")
    )
}
