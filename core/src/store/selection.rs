//! Applications and their transitions. Each transition checks the state it starts from, writes
//! the change, appends the decision trail's event and records any letter owed, all in one
//! transaction.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::{like_pattern, not_found, Store};
use crate::domain::{Frequency, Goal, GoalStatus, Mentorship, Mode, ProtegeKind, Purpose, Status};
use crate::selection::{
    Application, Decision, Entry, Event, LetterKind, PendingLetter, Review, State,
};
use crate::settings::PROGRAMME_OFFICE;
use crate::{Error, Result, Rule};

const COLUMNS: &str = "id, protege_id, entry, received_on, intake, wanted_start, wanted_end,
    preferred_gender, preferred_language, motivation, state, mentor_id, mentorship_id";

fn application_from_row(r: &Row) -> rusqlite::Result<Application> {
    Ok(Application {
        id: r.get(0)?,
        protege_id: r.get(1)?,
        entry: r.get(2)?,
        received_on: r.get(3)?,
        intake: r.get(4)?,
        wanted_start: r.get(5)?,
        wanted_end: r.get(6)?,
        preferred_gender: r.get(7)?,
        preferred_language: r.get(8)?,
        motivation: r.get(9)?,
        state: r.get(10)?,
        mentor_id: r.get(11)?,
        mentorship_id: r.get(12)?,
    })
}

/// Which applications a list shows.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct ApplicationQuery {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub state: Option<State>,
    #[serde(default)]
    pub intake: Option<String>,
}

/// One line of the applications list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub reference: String,
    pub protege: String,
    pub kind: ProtegeKind,
    pub received_on: NaiveDate,
    pub intake: String,
    pub state: State,
    pub mentor: Option<String>,
}

/// What accepting a cohort saved.
#[derive(Debug, Serialize)]
pub struct CohortSaved {
    /// The applications matched, as the applications list now shows them.
    pub applications: Vec<ApplicationRow>,
    /// Notices to the mentors now owed, printed from the Applications screen.
    pub notices: usize,
}

/// An application's page: the record, the committee's reviews, the decision trail, whether it
/// may be matched now, the mentor proposed or accepted, and the letters it still owes.
#[derive(Debug, Serialize)]
pub struct ApplicationView {
    pub application: Application,
    pub reference: String,
    /// The protégé's full name, for the page's wording and the letters' addressee.
    pub protege: String,
    pub reviews: Vec<Review>,
    pub trail: Vec<Event>,
    pub ready_for_matching: bool,
    pub mentor: Option<MentorNamed>,
    pub letters: Vec<LetterOwed>,
    /// Letters owed by every application of the programme, this one's included.
    pub letters_owed_in_programme: usize,
}

/// The mentor of an application, by name; `organisation` is set for an external mentor.
#[derive(Debug, Serialize)]
pub struct MentorNamed {
    pub id: i64,
    pub name: String,
    pub organisation: Option<String>,
}

/// A letter an application's decisions owe and that is not printed yet.
#[derive(Debug, Serialize)]
pub struct LetterOwed {
    pub id: i64,
    pub kind: LetterKind,
    /// The mentor the letter concerns (the one proposed or the one who accepted), by name.
    pub mentor: Option<String>,
}

/// The mentor's answer to a proposed protégé (for an external mentor, the organisation's
/// decision after interviewing the protégé, which is final).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct MentorReply {
    pub accepted: bool,
    pub on: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

impl Store {
    /// An application with everything its page shows.
    pub fn application_view(&self, id: i64) -> Result<ApplicationView> {
        let application = self.application(id)?;
        let mentor = match application.mentor_id {
            Some(mentor_id) => Some(self.mentor_named(mentor_id)?),
            None => None,
        };
        let owed = self.pending_letters()?;
        let mut letters = Vec::new();
        for letter in owed.iter().filter(|l| l.application_id == id) {
            letters.push(LetterOwed {
                id: letter.id,
                kind: letter.kind,
                mentor: match letter.mentor_id {
                    Some(mentor_id) => Some(self.mentor_name(mentor_id)?),
                    None => None,
                },
            });
        }
        let protege = self.staff(self.protege(application.protege_id)?.staff_id)?;
        Ok(ApplicationView {
            reference: Application::reference(id),
            protege: protege.full_name(),
            reviews: self.reviews(id)?,
            trail: self.decision_trail(id)?,
            ready_for_matching: self.is_ready_for_matching(&application)?,
            mentor,
            letters,
            letters_owed_in_programme: owed.len(),
            application,
        })
    }

    fn mentor_named(&self, id: i64) -> Result<MentorNamed> {
        let organisation = match self.mentor(id)?.organisation_id {
            Some(org) => Some(self.organisation(org)?.name),
            None => None,
        };
        Ok(MentorNamed {
            id,
            name: self.mentor_name(id)?,
            organisation,
        })
    }

    /// The intakes named on applications, most recently received first, each once.
    pub fn intakes(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = Vec::new();
        for row in self.applications(&ApplicationQuery::default())? {
            if !row.intake.is_empty() && !names.contains(&row.intake) {
                names.push(row.intake);
            }
        }
        Ok(names)
    }

    pub fn application(&self, id: i64) -> Result<Application> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM application WHERE id = ?1"),
                [id],
                application_from_row,
            )
            .map_err(not_found("Application", id))
    }

    pub fn applications(&self, q: &ApplicationQuery) -> Result<Vec<ApplicationRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, ps.first_names || ' ' || ps.surname, p.kind, a.received_on, a.intake,
                    a.state, {}
             FROM application a
             JOIN protege p ON p.id = a.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             LEFT JOIN mentor m ON m.id = a.mentor_id
             LEFT JOIN staff ms ON ms.id = m.staff_id
             WHERE (?1 = '%%' OR ps.search_key LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR a.state = ?2) AND (?3 IS NULL OR a.intake = ?3)
             ORDER BY a.received_on DESC, a.id DESC",
            "CASE WHEN m.id IS NULL THEN NULL ELSE coalesce(ms.first_names || ' ' || ms.surname, m.external_name) END"
        ))?;
        let rows = stmt.query_map(params![like_pattern(&q.text), q.state, q.intake], |r| {
            let id: i64 = r.get(0)?;
            Ok(ApplicationRow {
                id,
                reference: Application::reference(id),
                protege: r.get(1)?,
                kind: r.get(2)?,
                received_on: r.get(3)?,
                intake: r.get(4)?,
                state: r.get(5)?,
                mentor: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a new application (or an intern or learner entered as eligible), or corrects
    /// one still submitted or under review; returns its id.
    pub fn save_application(
        &mut self,
        a: &Application,
        actor: &str,
        today: NaiveDate,
    ) -> Result<i64> {
        let protege = self
            .protege(a.protege_id)
            .map_err(|_| Error::invalid("protege_id", "Choose the protégé."))?;
        let settings = self.settings()?;
        a.validate(protege.kind, settings.max_mentorship_months, today)?;
        let values = params![
            a.id,
            a.protege_id,
            a.entry,
            a.received_on,
            a.intake.trim(),
            a.wanted_start,
            a.wanted_end,
            a.preferred_gender,
            a.preferred_language.trim(),
            a.motivation.trim()
        ];
        let tx = self.conn.savepoint()?;
        let id = match a.id {
            None => {
                tx.execute(
                    "INSERT INTO application (id, protege_id, entry, received_on, intake, wanted_start,
                         wanted_end, preferred_gender, preferred_language, motivation, state)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'submitted')",
                    values,
                )?;
                let id = tx.last_insert_rowid();
                let what = match a.entry {
                    Entry::Application => "Application received",
                    Entry::Eligible => "Entered as eligible without an application",
                };
                add_event(
                    &tx,
                    id,
                    a.received_on,
                    actor,
                    State::Submitted,
                    None,
                    what,
                    "",
                )?;
                id
            }
            Some(id) => {
                let state: State = tx
                    .query_row("SELECT state FROM application WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .map_err(not_found("Application", id))?;
                if !state.is_open() {
                    return Err(Error::invalid(
                        "state",
                        format!(
                            "The application is {}; its details can no longer change.",
                            state.label().to_lowercase()
                        ),
                    ));
                }
                tx.execute(
                    "UPDATE application SET protege_id = ?2, entry = ?3, received_on = ?4, intake = ?5,
                         wanted_start = ?6, wanted_end = ?7, preferred_gender = ?8,
                         preferred_language = ?9, motivation = ?10
                     WHERE id = ?1",
                    values,
                )?;
                id
            }
        };
        tx.commit()?;
        Ok(id)
    }

    /// The committee takes a submitted application up for review.
    pub fn start_review(&mut self, id: i64, actor: &str, today: NaiveDate) -> Result<()> {
        let a = self.application(id)?;
        expect_state(&a, &[State::Submitted], "taken up for review")?;
        let tx = self.conn.savepoint()?;
        set_state(&tx, id, State::UnderReview)?;
        add_event(
            &tx,
            id,
            today,
            actor,
            State::UnderReview,
            None,
            "Taken up for review by the selection committee",
            "",
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn reviews(&self, application_id: i64) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, application_id, reviewed_on, members_present, interview_notes, decision, reasons
             FROM committee_review WHERE application_id = ?1 ORDER BY reviewed_on, id",
        )?;
        let rows = stmt.query_map([application_id], |r| {
            Ok(Review {
                id: r.get(0)?,
                application_id: r.get(1)?,
                reviewed_on: r.get(2)?,
                members_present: r.get(3)?,
                interview_notes: r.get(4)?,
                decision: r.get(5)?,
                reasons: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the committee's decision: a rejection ends the application and owes a letter;
    /// an approval makes it ready for matching.
    pub fn record_review(&mut self, r: &Review, today: NaiveDate) -> Result<i64> {
        let a = self.application(r.application_id)?;
        expect_state(&a, &[State::Submitted, State::UnderReview], "reviewed")?;
        r.validate(a.received_on, today)?;
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO committee_review (application_id, reviewed_on, members_present,
                 interview_notes, decision, reasons)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                r.application_id,
                r.reviewed_on,
                r.members_present.trim(),
                r.interview_notes.trim(),
                r.decision,
                r.reasons.trim()
            ],
        )?;
        let review_id = tx.last_insert_rowid();
        let actor = format!("Selection committee ({})", r.members_present.trim());
        let (state, what) = match r.decision {
            Decision::Approved => (State::UnderReview, "Approved for matching by the committee"),
            Decision::Rejected => (State::Rejected, "Rejected by the committee"),
        };
        set_state(&tx, a_id(&a), state)?;
        let event = add_event(
            &tx,
            a_id(&a),
            r.reviewed_on,
            &actor,
            state,
            None,
            what,
            r.reasons.trim(),
        )?;
        if r.decision == Decision::Rejected {
            add_letter(&tx, a_id(&a), LetterKind::Rejection, None, event)?;
        }
        tx.commit()?;
        Ok(review_id)
    }

    /// Whether an application may be matched now: approved by the committee (or an intern or
    /// learner entered as eligible) and not matched, or declined by the last mentor proposed.
    pub fn is_ready_for_matching(&self, a: &Application) -> Result<bool> {
        Ok(match a.state {
            State::MentorDeclined => true,
            State::Submitted | State::UnderReview => {
                a.entry == Entry::Eligible
                    || self
                        .reviews(a_id(a))?
                        .last()
                        .is_some_and(|r| r.decision == Decision::Approved)
            }
            _ => false,
        })
    }

    /// The applications ready for matching, of one intake or of all, oldest first.
    pub fn matchable_applications(&self, intake: Option<&str>) -> Result<Vec<Application>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM application
             WHERE state IN ('submitted', 'under_review', 'mentor_declined')
               AND (?1 IS NULL OR intake = ?1)
             ORDER BY received_on, id"
        ))?;
        let candidates = stmt
            .query_map([intake], application_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut ready = Vec::new();
        for a in candidates {
            if self.is_ready_for_matching(&a)? {
                ready.push(a);
            }
        }
        Ok(ready)
    }

    /// Proposes `mentor_id` for the application after checking the hard rules again; the
    /// mentor is owed a notice.
    pub fn match_mentor(
        &mut self,
        application_id: i64,
        mentor_id: i64,
        actor: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let a = self.application(application_id)?;
        if !self.is_ready_for_matching(&a)? {
            return Err(Error::invalid(
                "state",
                format!(
                    "{} is {} and not ready for matching: the committee approves an application first (interns and learners entered as eligible need no review).",
                    Application::reference(application_id),
                    a.state.label().to_lowercase()
                ),
            ));
        }
        let suggestion = self
            .suggestions(application_id, today)?
            .into_iter()
            .find(|s| s.mentor_id == mentor_id)
            .ok_or_else(|| Error::invalid("mentor_id", "Choose a mentor on the register."))?;
        if let Some(why) = suggestion.excluded {
            return Err(Error::refused(Rule::Matching, "mentor_id", why));
        }
        let tx = self.conn.savepoint()?;
        tx.execute(
            "UPDATE application SET state = 'matched', mentor_id = ?2 WHERE id = ?1",
            params![application_id, mentor_id],
        )?;
        let event = add_event(
            &tx,
            application_id,
            today,
            actor,
            State::Matched,
            Some(mentor_id),
            &format!(
                "Matched with {} (score {})",
                suggestion.name, suggestion.score
            ),
            &suggestion
                .reasons
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )?;
        add_letter(
            &tx,
            application_id,
            LetterKind::MentorNotice,
            Some(mentor_id),
            event,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Matches a whole cohort as accepted by the officer: every `(application, mentor)` pair
    /// or none. Returns the applications matched, as the list now shows them, and how many
    /// notices to mentors the cohort now owes.
    pub fn accept_cohort(
        &mut self,
        pairs: &[(i64, i64)],
        actor: &str,
        today: NaiveDate,
    ) -> Result<CohortSaved> {
        self.in_transaction(|store| {
            for &(application_id, mentor_id) in pairs {
                store.match_mentor(application_id, mentor_id, actor, today)?;
            }
            Ok(())
        })?;
        let accepted = |id: i64| pairs.iter().any(|&(application, _)| application == id);
        let mut applications = self.applications(&ApplicationQuery::default())?;
        applications.retain(|row| accepted(row.id));
        let notices = self
            .pending_letters()?
            .iter()
            .filter(|l| l.kind == LetterKind::MentorNotice && accepted(l.application_id))
            .count();
        Ok(CohortSaved {
            applications,
            notices,
        })
    }

    /// Records the mentor's (or organisation's) answer. On acceptance the mentorship is made,
    /// as a draft ready for its agreement, and the protégé is owed a letter; a decline returns
    /// the application to matching. Returns the new mentorship's id on acceptance.
    pub fn record_mentor_reply(
        &mut self,
        application_id: i64,
        reply: &MentorReply,
        today: NaiveDate,
    ) -> Result<Option<i64>> {
        let a = self.application(application_id)?;
        expect_state(&a, &[State::Matched], "answered by a mentor")?;
        let mentor_id = a
            .mentor_id
            .ok_or_else(|| Error::invalid("mentor_id", "No mentor is proposed."))?;
        let matched_on: NaiveDate = self.conn.query_row(
            "SELECT max(happened_on) FROM application_event WHERE application_id = ?1 AND state = 'matched'",
            [application_id],
            |r| r.get(0),
        )?;
        if reply.on > today || reply.on < matched_on {
            return Err(Error::invalid(
                "on",
                format!("The answer is dated between the proposal on {matched_on} and today."),
            ));
        }
        if !reply.accepted && reply.reason.trim().is_empty() {
            return Err(Error::invalid("reason", "Say why the mentor declined."));
        }
        let mentor = self.mentor(mentor_id)?;
        let mentor_name = self.mentor_name(mentor_id)?;
        let actor = match mentor.organisation_id {
            Some(org) => format!(
                "{} (after interviewing the protégé; its decision is final)",
                self.organisation(org)?.name
            ),
            None => mentor_name.clone(),
        };
        self.in_transaction(|store| {
            if !reply.accepted {
                store.conn.execute(
                    "UPDATE application SET state = 'mentor_declined', mentor_id = NULL WHERE id = ?1",
                    [application_id],
                )?;
                add_event(
                    &store.conn,
                    application_id,
                    reply.on,
                    &actor,
                    State::MentorDeclined,
                    Some(mentor_id),
                    &format!("{mentor_name} declined; back to matching"),
                    reply.reason.trim(),
                )?;
                return Ok(None);
            }
            let protege = store.protege(a.protege_id)?;
            let mentorship_id = store.save_mentorship(&Mentorship {
                id: None,
                mentor_id,
                protege_id: a.protege_id,
                start_date: a.wanted_start,
                end_date: a.wanted_end,
                purpose: match protege.kind {
                    ProtegeKind::PromotedManager => Purpose::LeadershipDevelopment,
                    ProtegeKind::Applicant => Purpose::CareerDevelopment,
                    ProtegeKind::Intern => Purpose::Induction,
                    ProtegeKind::Learner => Purpose::EducationSupport,
                },
                mode: Mode::FaceToFace,
                frequency: Frequency::Monthly,
                meeting_minutes: 60,
                meeting_place: String::new(),
                status: Status::Draft,
                capacity_override_reason: String::new(),
                goals: vec![Goal {
                    description: format!("Development needs: {}", protege.development_needs.trim()),
                    measure: "To be agreed in the mentorship agreement".into(),
                    due_on: None,
                    status: GoalStatus::NotStarted,
                    progress: 0,
                }],
                competencies: Vec::new(),
                archived: false,
            })?;
            store.conn.execute(
                "UPDATE application SET state = 'mentor_accepted', mentorship_id = ?2 WHERE id = ?1",
                params![application_id, mentorship_id],
            )?;
            let event = add_event(
                &store.conn,
                application_id,
                reply.on,
                &actor,
                State::MentorAccepted,
                Some(mentor_id),
                &format!(
                    "{mentor_name} accepted; mentorship {} drawn up for its agreement",
                    Mentorship::reference(mentorship_id)
                ),
                reply.reason.trim(),
            )?;
            add_letter(&store.conn, application_id, LetterKind::Acceptance, Some(mentor_id), event)?;
            Ok(Some(mentorship_id))
        })
    }

    /// Who decided what, when and why, oldest first.
    pub fn decision_trail(&self, application_id: i64) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, application_id, happened_on, actor, state, mentor_id, what, why
             FROM application_event WHERE application_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([application_id], |r| {
            Ok(Event {
                id: r.get(0)?,
                application_id: r.get(1)?,
                happened_on: r.get(2)?,
                actor: r.get(3)?,
                state: r.get(4)?,
                mentor_id: r.get(5)?,
                what: r.get(6)?,
                why: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Letters owed and not yet printed, oldest first.
    pub fn pending_letters(&self) -> Result<Vec<PendingLetter>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, application_id, kind, mentor_id, event_id FROM letter
             WHERE printed_on IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PendingLetter {
                id: r.get(0)?,
                application_id: r.get(1)?,
                kind: r.get(2)?,
                mentor_id: r.get(3)?,
                event_id: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The letters of the protégé's applications, printed or not, oldest first: the selection
    /// decisions that led to a mentorship.
    pub fn protege_letters(&self, protege_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id FROM letter l JOIN application a ON a.id = l.application_id
             WHERE a.protege_id = ?1 ORDER BY l.id",
        )?;
        let rows = stmt.query_map([protege_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A letter, printed or not.
    pub fn letter(&self, id: i64) -> Result<(PendingLetter, Option<NaiveDate>)> {
        self.conn
            .query_row(
                "SELECT id, application_id, kind, mentor_id, event_id, printed_on FROM letter WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        PendingLetter {
                            id: r.get(0)?,
                            application_id: r.get(1)?,
                            kind: r.get(2)?,
                            mentor_id: r.get(3)?,
                            event_id: r.get(4)?,
                        },
                        r.get(5)?,
                    ))
                },
            )
            .optional()?
            .ok_or(Error::NotFound { what: "Letter", id })
    }

    pub fn mark_letter_printed(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        if self.conn.execute(
            "UPDATE letter SET printed_on = ?2 WHERE id = ?1",
            params![id, on],
        )? == 0
        {
            return Err(Error::NotFound { what: "Letter", id });
        }
        Ok(())
    }
}

fn a_id(a: &Application) -> i64 {
    a.id.unwrap_or_default()
}

fn expect_state(a: &Application, allowed: &[State], doing: &str) -> Result<()> {
    if allowed.contains(&a.state) {
        return Ok(());
    }
    Err(Error::invalid(
        "state",
        format!(
            "{} is {}, so it cannot be {doing}.",
            Application::reference(a_id(a)),
            a.state.label().to_lowercase()
        ),
    ))
}

fn set_state(conn: &rusqlite::Connection, id: i64, state: State) -> Result<()> {
    conn.execute(
        "UPDATE application SET state = ?2 WHERE id = ?1",
        params![id, state],
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn add_event(
    conn: &rusqlite::Connection,
    application_id: i64,
    on: NaiveDate,
    actor: &str,
    state: State,
    mentor_id: Option<i64>,
    what: &str,
    why: &str,
) -> Result<i64> {
    let actor = match actor.trim() {
        "" => PROGRAMME_OFFICE,
        named => named,
    };
    conn.execute(
        "INSERT INTO application_event (application_id, happened_on, actor, state, mentor_id, what, why)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![application_id, on, actor, state, mentor_id, what, why],
    )?;
    Ok(conn.last_insert_rowid())
}

fn add_letter(
    conn: &rusqlite::Connection,
    application_id: i64,
    kind: LetterKind,
    mentor_id: Option<i64>,
    event_id: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO letter (application_id, kind, mentor_id, event_id) VALUES (?1, ?2, ?3, ?4)",
        params![application_id, kind, mentor_id, event_id],
    )?;
    Ok(())
}
