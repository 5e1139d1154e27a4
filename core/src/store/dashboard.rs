//! The dashboard's queries: each finds one kind of thing that needs attention on `today`,
//! counts it and words the page of it asked for. Only active mentorships (not archived) are
//! looked at, apart from appointments, which follow the workload's warnings.
//!
//! Counting is cheap and wording is not (names, long dates, a signed document's blocks), so a
//! kind that can be long is counted in SQL or from bare rows, and only its page is worded:
//! Today on a register with 25,000 open actions words 20 of them.

use chrono::{Days, NaiveDate};
use rusqlite::params;

use super::mentors::MENTOR_NAME;
use super::workload::{MENTOR_ORDER, OPEN};
use super::Store;
use crate::dashboard::{self, Attention, AttentionKind, Group, Page};
use crate::progress::Period;
use crate::session::ActionOwner;
use crate::settings::Settings;
use crate::workload::{appointment_warning_count, appointment_warnings};
use crate::Result;

/// The joins that name a mentorship's mentor (`mentor_name`) and protégé (`protege_name`).
const PAIR: &str = "JOIN mentor m ON m.id = x.mentor_id
    LEFT JOIN staff ms ON ms.id = m.staff_id
    JOIN protege p ON p.id = x.protege_id
    JOIN staff ps ON ps.id = p.staff_id";

const PROTEGE_NAME: &str = "ps.first_names || ' ' || ps.surname";

/// How many lines a kind has, and the page of them worded.
type Counted = (usize, Vec<Attention>);

/// Words the page's lines among `rows`, all of one kind in the order Today shows them.
fn worded<T>(rows: &[T], page: Page, word: impl Fn(&T) -> Attention) -> Counted {
    (rows.len(), page.of(rows).iter().map(word).collect())
}

/// A count SQL gives, as a number of lines.
fn as_count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// A position or a number of rows as SQL's `LIMIT` and `OFFSET` take them.
fn as_sql(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// Today: every kind in the order of `AttentionKind`, each with how many lines need
    /// attention on `today` and its first page of them.
    pub fn attention(&self, today: NaiveDate) -> Result<Vec<Group>> {
        let settings = self.settings()?;
        AttentionKind::ALL
            .iter()
            .map(|&kind| self.attention_group(kind, today, &settings, Page::from(0)))
            .collect()
    }

    /// The page of one kind's lines from `offset`, for the window's "Show more", with the
    /// kind's count as it is now.
    pub fn attention_page(
        &self,
        kind: AttentionKind,
        today: NaiveDate,
        offset: usize,
    ) -> Result<Group> {
        self.attention_group(kind, today, &self.settings()?, Page::from(offset))
    }

    /// Every line that needs attention on `today`, worded, grouped in the order of
    /// `AttentionKind`. Today shows `attention` instead, a page per kind.
    pub fn dashboard(&self, today: NaiveDate) -> Result<Vec<Attention>> {
        let settings = self.settings()?;
        let mut items = Vec::new();
        for &kind in AttentionKind::ALL {
            items.extend(
                self.attention_group(kind, today, &settings, Page::ALL)?
                    .lines,
            );
        }
        Ok(items)
    }

    fn attention_group(
        &self,
        kind: AttentionKind,
        today: NaiveDate,
        settings: &Settings,
        page: Page,
    ) -> Result<Group> {
        let (count, lines) = match kind {
            AttentionKind::OverdueEvent => self.overdue_event_lines(today, page)?,
            AttentionKind::ReportDue => self.report_due_lines(today, page)?,
            AttentionKind::EvaluationDue => self.evaluation_lines(today, page)?,
            AttentionKind::Unsigned => self.unsigned_lines(today, page)?,
            AttentionKind::NoRecentSession => {
                self.no_recent_session_lines(today, settings.no_session_warning_days, page)?
            }
            AttentionKind::Appointment => self.appointment_lines(today, settings, page)?,
            AttentionKind::ActionPastDue => self.action_lines(today, page)?,
            AttentionKind::DisputeStalled => self.dispute_lines(today, page)?,
        };
        Ok(Group {
            kind,
            count,
            offset: page.within(count).start,
            lines,
        })
    }

    fn overdue_event_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        let events = self.overdue_events(today)?;
        Ok(worded(&events, page, |e| Attention {
            kind: AttentionKind::OverdueEvent,
            text: dashboard::overdue_event(&e.event.title, e.event.due_on, today),
            about: dashboard::about(e.event.mentorship_id, &e.protege, &e.mentor),
            date: Some(e.event.due_on),
            mentorship_id: Some(e.event.mentorship_id),
            mentor_id: None,
        }))
    }

    /// Reports not yet written for the quarter before the one containing `today` (overdue)
    /// and for that quarter (due by its end).
    fn report_due_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        let quarter_of = |day: NaiveDate| -> Result<Option<Period>> {
            Ok(Period::quarter_containing(&self.cycle_for(day)?, day))
        };
        let Some(current) = quarter_of(today)? else {
            return Ok((0, Vec::new()));
        };
        let mut periods = Vec::new();
        if let Some(previous) = current
            .from
            .checked_sub_days(Days::new(1))
            .map(quarter_of)
            .transpose()?
            .flatten()
        {
            periods.push(previous);
        }
        periods.push(current);
        // Every active mentorship may owe a report, so each period's are counted without
        // their names, and only the page's are read with them.
        const OWING: &str = "x.status = 'active' AND x.archived_at IS NULL
               AND x.start_date <= ?2 AND x.end_date >= ?1
               AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.mentorship_id = x.id
                               AND r.period_from = ?1 AND r.period_to = ?2)";
        let mut counts = Vec::with_capacity(periods.len());
        for period in &periods {
            let owing: i64 = self
                .conn
                .prepare_cached(&format!("SELECT count(*) FROM mentorship x WHERE {OWING}"))?
                .query_row(params![period.from, period.to], |r| r.get(0))?;
            counts.push(as_count(owing));
        }
        let count = counts.iter().sum();
        let positions = page.within(count);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME}
             FROM (SELECT x.id, x.mentor_id, x.protege_id, x.start_date FROM mentorship x
                   WHERE {OWING} ORDER BY x.start_date, x.id LIMIT ?3 OFFSET ?4) x {PAIR}
             ORDER BY x.start_date, x.id"
        ))?;
        let mut lines = Vec::new();
        let mut first = 0;
        for (period, owing) in periods.iter().zip(counts) {
            // This period's lines are positions `first..first + owing` of the kind.
            let start = positions.start.max(first);
            let end = positions.end.min(first + owing);
            let offset = start.saturating_sub(first);
            first += owing;
            if start >= end {
                continue;
            }
            let (limit, offset) = (as_sql(end - start), as_sql(offset));
            let rows = stmt.query_map(params![period.from, period.to, limit, offset], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (id, mentor, protege) = row?;
                lines.push(Attention {
                    kind: AttentionKind::ReportDue,
                    text: dashboard::report_due(&period.label, period.to, today),
                    about: dashboard::about(id, &protege, &mentor),
                    date: Some(period.to),
                    mentorship_id: Some(id),
                    mentor_id: None,
                });
            }
        }
        Ok((count, lines))
    }

    /// Active mentorships that have run for the setting's number of days without a session
    /// in that time.
    fn no_recent_session_lines(&self, today: NaiveDate, days: u32, page: Page) -> Result<Counted> {
        let Some(cutoff) = today.checked_sub_days(Days::new(u64::from(days))) else {
            return Ok((0, Vec::new()));
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME}, x.start_date,
                    (SELECT max(s.held_on) FROM session s WHERE s.mentorship_id = x.id) AS last
             FROM mentorship x {PAIR}
             WHERE x.status = 'active' AND x.archived_at IS NULL
               AND x.start_date <= ?1 AND x.end_date >= ?2
               AND coalesce(last, '') < ?1
             ORDER BY last, x.start_date, x.id"
        ))?;
        let quiet = stmt
            .query_map(params![cutoff, today], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, NaiveDate>(3)?,
                    r.get::<_, Option<NaiveDate>>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(worded(
            &quiet,
            page,
            |(id, mentor, protege, start, last)| Attention {
                kind: AttentionKind::NoRecentSession,
                text: dashboard::no_recent_session(*last, *start, today),
                about: dashboard::about(*id, protege, mentor),
                date: last.or(Some(*start)),
                mentorship_id: Some(*id),
                mentor_id: None,
            },
        ))
    }

    /// The workload's warnings, mentor by mentor in the workload's order. Each mentor's are
    /// counted from their appointment's end and two counts of open mentorships; only the
    /// mentors on the page are read whole and worded (2,000 mentors' facts cost Today 5 ms).
    fn appointment_lines(
        &self,
        today: NaiveDate,
        settings: &Settings,
        page: Page,
    ) -> Result<Counted> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, m.appointment_end, count(x.id),
                    count(CASE WHEN x.end_date > m.appointment_end THEN 1 END)
             FROM mentor m LEFT JOIN staff ms ON ms.id = m.staff_id
             LEFT JOIN mentorship x ON x.mentor_id = m.id AND {OPEN}
             WHERE m.archived_at IS NULL
             GROUP BY m.id
             ORDER BY {MENTOR_ORDER}"
        ))?;
        let rows = stmt.query_map([today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<NaiveDate>>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut counts = Vec::new();
        for row in rows {
            let (mentor_id, end, open, past_end) = row?;
            let (open, past_end) = (as_count(open), as_count(past_end));
            let n = appointment_warning_count(end, open, past_end, today, settings);
            if n > 0 {
                counts.push((mentor_id, n));
            }
        }
        let count = counts.iter().map(|&(_, n)| n).sum();
        let positions = page.within(count);
        let mut lines = Vec::new();
        let mut first = 0;
        for (mentor_id, n) in counts {
            // This mentor's warnings are positions `first..first + n` of the kind.
            let mine = first..first + n;
            first += n;
            if mine.end <= positions.start {
                continue;
            }
            if mine.start >= positions.end {
                break;
            }
            let facts = self.mentor_facts_of(mentor_id, today)?;
            let warnings = appointment_warnings(&facts, today, settings);
            for (at, w) in mine.zip(warnings) {
                if positions.contains(&at) {
                    lines.push(Attention {
                        kind: AttentionKind::Appointment,
                        text: w.message,
                        about: facts.name.clone(),
                        date: w.date,
                        mentorship_id: w.mentorship_id,
                        mentor_id: Some(w.mentor_id),
                    });
                }
            }
        }
        Ok((count, lines))
    }

    fn evaluation_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        let (count, owed) = self.evaluations_owed_at(today, page.within(usize::MAX))?;
        let lines = owed.iter().map(|o| Attention {
            kind: AttentionKind::EvaluationDue,
            text: dashboard::evaluation_due(o.form, o.due_on, o.overdue, today),
            about: dashboard::about(o.mentorship_id, &o.protege, &o.mentor),
            date: Some(o.due_on),
            mentorship_id: Some(o.mentorship_id),
            mentor_id: None,
        });
        Ok((count, lines.collect()))
    }

    fn unsigned_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        let (count, unsigned) = self.unsigned_papers_at(today, page.within(usize::MAX))?;
        let lines = unsigned
            .into_iter()
            .map(|u| {
                let doc = &u.document;
                Attention {
                    kind: AttentionKind::Unsigned,
                    text: doc.reminder(u.days),
                    about: format!("{}: {}", doc.reference, doc.title),
                    date: Some(doc.since),
                    mentorship_id: u.mentorship_id,
                    mentor_id: u.mentor_id,
                }
            })
            .collect();
        Ok((count, lines))
    }

    /// Agreed actions past their due date, the oldest first: the longest list on a busy
    /// register, so it is counted in SQL and only the page is read.
    fn action_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        // Every open action past its date, less those of mentorships that are not active or
        // are archived. The first is counted from the open actions' index alone; the second
        // walks only the sessions of mentorships no longer under way (CROSS JOIN keeps SQLite
        // to that order). Joining each of 24,000 actions to its session and mentorship to
        // count them instead took 50 ms on the big register. Every action has a session and
        // every session a mentorship (foreign keys), so the difference is exact.
        let count: i64 = self
            .conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM session_action a
                         WHERE a.done_on IS NULL AND a.due_on < ?1)
                      - (SELECT count(*) FROM mentorship x
                         CROSS JOIN session s ON s.mentorship_id = x.id
                         CROSS JOIN session_action a ON a.session_id = s.id
                         WHERE NOT (x.status = 'active' AND x.archived_at IS NULL)
                           AND a.done_on IS NULL AND a.due_on < ?1)",
            )?
            .query_row([today], |r| r.get(0))?;
        let count = as_count(count);
        let positions = page.within(count);
        let (limit, offset) = (as_sql(positions.len()), as_sql(positions.start));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME}, a.description, a.owner, a.due_on
             FROM session_action a
             JOIN session s ON s.id = a.session_id
             JOIN mentorship x ON x.id = s.mentorship_id {PAIR}
             WHERE a.done_on IS NULL AND a.due_on < ?1
               AND x.status = 'active' AND x.archived_at IS NULL
             ORDER BY a.due_on, a.id LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = stmt.query_map(params![today, limit, offset], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, ActionOwner>(4)?,
                r.get::<_, NaiveDate>(5)?,
            ))
        })?;
        let mut lines = Vec::new();
        for row in rows {
            let (id, mentor, protege, description, owner, due_on) = row?;
            lines.push(Attention {
                kind: AttentionKind::ActionPastDue,
                text: dashboard::action_past_due(&description, owner.label(), due_on, today),
                about: dashboard::about(id, &protege, &mentor),
                date: Some(due_on),
                mentorship_id: Some(id),
                mentor_id: None,
            });
        }
        Ok((count, lines))
    }

    /// Open disputes of mentorships not archived whose last step (or raising, without one) is
    /// more than a month before `today`, the longest waiting first.
    fn dispute_lines(&self, today: NaiveDate, page: Page) -> Result<Counted> {
        let Some(cutoff) = today.checked_sub_months(chrono::Months::new(1)) else {
            return Ok((0, Vec::new()));
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT d.id, x.id, {MENTOR_NAME}, {PROTEGE_NAME}
             FROM dispute d JOIN mentorship x ON x.id = d.mentorship_id {PAIR}
             WHERE x.archived_at IS NULL AND d.raised_on < ?1
             ORDER BY d.raised_on, d.id"
        ))?;
        let rows = stmt
            .query_map([cutoff], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stalled = Vec::new();
        for (dispute_id, mentorship_id, mentor, protege) in rows {
            let history = self.dispute(dispute_id)?;
            let last = history.last_moved_on();
            if history.state == crate::dispute::State::Open && last < cutoff {
                stalled.push(Attention {
                    kind: AttentionKind::DisputeStalled,
                    text: dashboard::dispute_stalled(&history.dispute.subject, last, today),
                    about: dashboard::about(mentorship_id, &protege, &mentor),
                    date: Some(last),
                    mentorship_id: Some(mentorship_id),
                    mentor_id: None,
                });
            }
        }
        stalled.sort_by_key(|a| a.date);
        Ok((stalled.len(), page.of(&stalled).to_vec()))
    }
}
