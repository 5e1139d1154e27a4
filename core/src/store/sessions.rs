//! The session log with the actions agreed in each session. Confidential notes leave this
//! module only through `session` (the form) or when a caller asks for them by name.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::{not_found, Store};
use crate::session::{Action, Confidential, OpenAction, OpenActionDue, Session};
use crate::{Error, Result};

const COLUMNS: &str = "id, mentorship_id, held_on, minutes, place, mode, kind, topics, advice,
    diagnosis_now, diagnosis_goal, confidential_notes";

fn session_from_row(r: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        held_on: r.get(2)?,
        minutes: r.get(3)?,
        place: r.get(4)?,
        mode: r.get(5)?,
        kind: r.get(6)?,
        topics: r.get(7)?,
        advice: r.get(8)?,
        diagnosis_now: r.get(9)?,
        diagnosis_goal: r.get(10)?,
        confidential_notes: r.get(11)?,
        actions: Vec::new(),
    })
}

/// An action with the session that agreed it, from the columns `a.id, a.description, a.owner,
/// a.due_on, a.done_on, s.id, s.held_on`.
pub(super) fn agreed_action_from_row(r: &Row) -> rusqlite::Result<OpenAction> {
    Ok(OpenAction {
        action: Action {
            id: r.get(0)?,
            description: r.get(1)?,
            owner: r.get(2)?,
            due_on: r.get(3)?,
            done_on: r.get(4)?,
        },
        session_id: r.get(5)?,
        agreed_on: r.get(6)?,
    })
}

impl Store {
    /// One session for a form that shows its confidential notes only when `confidential` says
    /// so.
    pub fn session_for(&self, id: i64, confidential: Confidential) -> Result<Session> {
        let session = self.session(id)?;
        Ok(match confidential {
            Confidential::Included => session,
            Confidential::LeftOut => session.without_confidential(),
        })
    }

    /// Saves a session from a form that showed its confidential notes or not (`confidential`):
    /// a form that left them out sent none back, so the notes already stored are kept, and a
    /// new session gets none from it.
    pub fn save_session_for(
        &mut self,
        mut session: Session,
        confidential: Confidential,
        today: NaiveDate,
    ) -> Result<i64> {
        if confidential == Confidential::LeftOut {
            session.confidential_notes = match session.id {
                Some(id) => self.session(id)?.confidential_notes,
                None => String::new(),
            };
        }
        self.save_session(&session, today)
    }

    /// One session with its confidential notes and actions, for the session form.
    pub fn session(&self, id: i64) -> Result<Session> {
        let s = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM session WHERE id = ?1"),
                [id],
                session_from_row,
            )
            .map_err(not_found("Session", id))?;
        let mut one = self.with_actions(vec![s], Confidential::Included)?;
        Ok(one.remove(0))
    }

    /// A mentorship's sessions held from `from` to `to` (both included), oldest first.
    pub fn sessions(
        &self,
        mentorship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        confidential: Confidential,
    ) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM session WHERE mentorship_id = ?1 AND held_on BETWEEN ?2 AND ?3
             ORDER BY held_on, id"
        ))?;
        let sessions = stmt
            .query_map(params![mentorship_id, from, to], session_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        self.with_actions(sessions, confidential)
    }

    /// Every session a mentorship has had, oldest first, without confidential notes: the log
    /// as a list shows it.
    pub fn session_log(&self, mentorship_id: i64) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM session WHERE mentorship_id = ?1 ORDER BY held_on, id"
        ))?;
        let sessions = stmt
            .query_map([mentorship_id], session_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        self.with_actions(sessions, Confidential::LeftOut)
    }

    /// Gives each session its actions, read in one query, and leaves the confidential notes
    /// out unless they are included.
    fn with_actions(
        &self,
        sessions: Vec<Session>,
        confidential: Confidential,
    ) -> Result<Vec<Session>> {
        if sessions.is_empty() {
            return Ok(sessions);
        }
        let ids = sessions
            .iter()
            .filter_map(|s| s.id)
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT session_id, id, description, owner, due_on, done_on FROM session_action
             WHERE session_id IN ({ids}) ORDER BY session_id, position"
        ))?;
        let mut actions: std::collections::HashMap<i64, Vec<Action>> = Default::default();
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Action {
                    id: r.get(1)?,
                    description: r.get(2)?,
                    owner: r.get(3)?,
                    due_on: r.get(4)?,
                    done_on: r.get(5)?,
                },
            ))
        })? {
            let (session_id, action) = row?;
            actions.entry(session_id).or_default().push(action);
        }
        Ok(sessions
            .into_iter()
            .map(|mut s| {
                s.actions = s.id.and_then(|id| actions.remove(&id)).unwrap_or_default();
                match confidential {
                    Confidential::LeftOut => s.without_confidential(),
                    Confidential::Included => s,
                }
            })
            .collect())
    }

    /// Saves a session and its actions in one transaction; returns its id.
    pub fn save_session(&mut self, s: &Session, today: NaiveDate) -> Result<i64> {
        let m = self.mentorship(s.mentorship_id)?;
        s.validate(&m, today)?;
        let tx = self.conn.savepoint()?;
        let row = params![
            s.id,
            s.mentorship_id,
            s.held_on,
            s.minutes,
            s.place.trim(),
            s.mode,
            s.kind,
            s.topics.trim(),
            s.advice.trim(),
            s.diagnosis_now.trim(),
            s.diagnosis_goal.trim(),
            s.confidential_notes.trim(),
        ];
        let id = match s.id {
            None => {
                tx.execute(
                    "INSERT INTO session (id, mentorship_id, held_on, minutes, place, mode, kind, topics,
                        advice, diagnosis_now, diagnosis_goal, confidential_notes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    row,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE session SET held_on = ?3, minutes = ?4, place = ?5, mode = ?6, kind = ?7,
                        topics = ?8, advice = ?9, diagnosis_now = ?10, diagnosis_goal = ?11,
                        confidential_notes = ?12
                     WHERE id = ?1 AND mentorship_id = ?2",
                    row,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Session",
                        id,
                    });
                }
                id
            }
        };
        // Actions keep their ids, so that one marked done later stays the same action.
        let kept: Vec<i64> = s.actions.iter().filter_map(|a| a.id).collect();
        let kept_list = kept
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        tx.execute(
            &format!(
                "DELETE FROM session_action WHERE session_id = ?1 AND id NOT IN ({kept_list})"
            ),
            [id],
        )?;
        for (position, a) in (0_i64..).zip(&s.actions) {
            let values = params![
                a.id,
                id,
                position,
                a.description.trim(),
                a.owner,
                a.due_on,
                a.done_on
            ];
            let changed = match a.id {
                Some(_) => tx.execute(
                    "UPDATE session_action SET position = ?3, description = ?4, owner = ?5,
                        due_on = ?6, done_on = ?7 WHERE id = ?1 AND session_id = ?2",
                    values,
                )?,
                None => tx.execute(
                    "INSERT INTO session_action (id, session_id, position, description, owner, due_on, done_on)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?,
            };
            if changed == 0 {
                return Err(Error::invalid(
                    "actions",
                    format!("Action {} belongs to another session.", position + 1),
                ));
            }
        }
        tx.commit()?;
        Ok(id)
    }

    /// Removes a session logged by mistake together with the actions agreed in it, in one
    /// transaction. The window keeps the removed session so the person can log it again.
    pub fn remove_session(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.savepoint()?;
        tx.execute("DELETE FROM session_action WHERE session_id = ?1", [id])?;
        if tx.execute("DELETE FROM session WHERE id = ?1", [id])? == 0 {
            return Err(Error::NotFound {
                what: "Session",
                id,
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// The actions of a mentorship still open on `today`, each with when it is due in words.
    pub fn open_actions_due(
        &self,
        mentorship_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<OpenActionDue>> {
        Ok(self
            .open_actions(mentorship_id, today)?
            .into_iter()
            .map(|open| OpenActionDue {
                due: open.action.due(today),
                open,
            })
            .collect())
    }

    /// Actions of a mentorship agreed on or before `day` and not done by then: they carry over
    /// from session to session until done.
    pub fn open_actions(&self, mentorship_id: i64, day: NaiveDate) -> Result<Vec<OpenAction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.description, a.owner, a.due_on, a.done_on, s.id, s.held_on
             FROM session_action a JOIN session s ON s.id = a.session_id
             WHERE s.mentorship_id = ?1 AND s.held_on <= ?2
               AND (a.done_on IS NULL OR a.done_on > ?2)
             ORDER BY coalesce(a.due_on, s.held_on), a.id",
        )?;
        let rows = stmt.query_map(params![mentorship_id, day], agreed_action_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks an action done on `done_on`, which may be neither before the session that agreed
    /// it nor after `today`.
    pub fn complete_action(
        &mut self,
        action_id: i64,
        done_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        let agreed_on: NaiveDate = self
            .conn
            .query_row(
                "SELECT s.held_on FROM session_action a JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
                [action_id],
                |r| r.get(0),
            )
            .map_err(not_found("Action", action_id))?;
        if done_on > today || done_on < agreed_on {
            return Err(Error::invalid(
                "done_on",
                format!("An action agreed on {agreed_on} is done between then and today ({today}), not on {done_on}."),
            ));
        }
        self.conn.execute(
            "UPDATE session_action SET done_on = ?2 WHERE id = ?1",
            params![action_id, done_on],
        )?;
        Ok(())
    }
}
