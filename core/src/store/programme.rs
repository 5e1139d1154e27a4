//! Counts the programme report's figures for a period from the records. A mentorship counts
//! when it is not a draft and not archived; it is under way in the period when it ran on at
//! least one of its days. What each figure means is written on its field in `programme`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::mentors::MENTOR_NAME;
use super::Store;
use crate::domain::{GoalStatus, ProtegeKind};
use crate::evaluation::{AnswerKind, Form};
use crate::programme::{
    months_of, Activity, AppendixLine, Equity, EvaluationFigures, MentorLoads, MonthActivity,
    Outcomes, Participation, Person, Population, ProgrammeFigures, QuestionFigures,
};
use crate::progress::{Period, Recommendation};
use crate::settings::RatingScale;
use crate::Result;

/// The mentorships that ran on at least one day of the period `?1`–`?2`, as `x`.
const UNDER_WAY: &str = "x.status <> 'draft' AND x.archived_at IS NULL
    AND x.start_date <= ?2 AND x.end_date >= ?1";

/// A person's equity columns, from the staff row `s`.
const PERSON: &str = "s.race, s.gender, s.disability, s.salary_level";

/// The staff ids of the internal mentors and of the protégés, to be followed by `UNDER_WAY`.
const MENTORS: &str = "SELECT m.staff_id FROM mentorship x JOIN mentor m ON m.id = x.mentor_id
    WHERE m.staff_id IS NOT NULL AND";
const PROTEGES: &str = "SELECT p.staff_id FROM mentorship x JOIN protege p ON p.id = x.protege_id
    WHERE";

/// Each of `all` with its count in `found`, nought where it has none, in the order of `all`.
fn each<T: Copy + PartialEq>(all: &[T], found: &[(T, u32)]) -> Vec<(T, u32)> {
    all.iter()
        .map(|&x| {
            (
                x,
                found.iter().find(|(y, _)| *y == x).map_or(0, |(_, n)| *n),
            )
        })
        .collect()
}

fn person(r: &rusqlite::Row) -> rusqlite::Result<Person> {
    Ok(Person {
        race: r.get(0)?,
        gender: r.get(1)?,
        disability: r.get(2)?,
        salary_level: r.get(3)?,
    })
}

impl Store {
    /// The programme report's figures for `period`, seen on `today`.
    pub fn programme_figures(&self, period: &Period, today: NaiveDate) -> Result<ProgrammeFigures> {
        let settings = self.settings()?;
        let levels = settings.occupational_levels()?;
        let span = params![period.from, period.to];
        Ok(ProgrammeFigures {
            period: period.clone(),
            participation: self.participation(span)?,
            activity: self.activity(period, today)?,
            outcomes: self.outcomes(period)?,
            workload: self.mentor_loads(
                period,
                settings.mentor_capacity,
                settings.mentoring_hours_per_protege,
            )?,
            equity: Equity {
                populations: vec![
                    Population::count(
                        "Mentors",
                        &self.people(&format!("{MENTORS} {UNDER_WAY}"), span)?,
                        &levels,
                    ),
                    Population::count(
                        "Protégés",
                        &self.people(&format!("{PROTEGES} {UNDER_WAY}"), span)?,
                        &levels,
                    ),
                    Population::count(
                        "All staff",
                        &self
                            .people("SELECT id FROM staff WHERE archived_at IS NULL", params![])?,
                        &levels,
                    ),
                ],
                external_mentors: self.count(
                    &format!(
                        "SELECT count(DISTINCT x.mentor_id) FROM mentorship x
                         JOIN mentor m ON m.id = x.mentor_id
                         WHERE m.staff_id IS NULL AND {UNDER_WAY}"
                    ),
                    span,
                )?,
                levels,
            },
            evaluations: self.evaluation_figures(period)?,
            smallest_count: settings.report_smallest_count,
            appendix: self.appendix(span)?,
        })
    }

    fn count(&self, sql: &str, span: &[&dyn rusqlite::ToSql]) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row(span, |r| r.get(0))?)
    }

    /// The people on the staff register whose ids `ids` selects, once each.
    fn people(&self, ids: &str, span: &[&dyn rusqlite::ToSql]) -> Result<Vec<Person>> {
        let sql = format!("SELECT {PERSON} FROM staff s WHERE s.id IN ({ids})");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(span, person)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pairs of (what, count) from a query grouping by its first column.
    fn grouped<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        span: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<(T, u32)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(span, |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn participation(&self, span: &[&dyn rusqlite::ToSql]) -> Result<Participation> {
        let decided = |decision: &str| {
            self.count(
                &format!(
                    "SELECT count(DISTINCT application_id) FROM committee_review
                     WHERE decision = '{decision}' AND reviewed_on BETWEEN ?1 AND ?2"
                ),
                span,
            )
        };
        let by_kind = self.grouped::<ProtegeKind>(
            &format!(
                "SELECT p.kind, count(DISTINCT p.id) FROM mentorship x
                     JOIN protege p ON p.id = x.protege_id WHERE {UNDER_WAY} GROUP BY p.kind"
            ),
            span,
        )?;
        Ok(Participation {
            applications_received: self.count(
                "SELECT count(*) FROM application WHERE received_on BETWEEN ?1 AND ?2",
                span,
            )?,
            approved: decided("approved")?,
            rejected: decided("rejected")?,
            matched: self.count(
                "SELECT count(DISTINCT application_id) FROM application_event
                 WHERE state = 'matched' AND happened_on BETWEEN ?1 AND ?2",
                span,
            )?,
            started: self.count(
                "SELECT count(*) FROM mentorship x WHERE x.status <> 'draft'
                 AND x.archived_at IS NULL AND x.start_date BETWEEN ?1 AND ?2",
                span,
            )?,
            under_way: self.count(
                &format!("SELECT count(*) FROM mentorship x WHERE {UNDER_WAY}"),
                span,
            )?,
            completed: self.ended("completed", span)?,
            terminated: self.ended("terminated", span)?,
            termination_reasons: self.grouped(
                "SELECT (SELECT t.reason FROM termination_step t WHERE t.mentorship_id = x.id
                   AND t.kind = 'decision' ORDER BY t.taken_on DESC, t.id DESC LIMIT 1) AS why,
                   count(*)
                 FROM mentorship x WHERE x.status = 'terminated' AND x.archived_at IS NULL
                 AND x.end_date BETWEEN ?1 AND ?2 GROUP BY why ORDER BY count(*) DESC, why",
                span,
            )?,
            extension_recommended: self.count(
                "SELECT count(DISTINCT mentorship_id) FROM progress_report
                 WHERE recommendation = 'extend' AND written_on BETWEEN ?1 AND ?2",
                span,
            )?,
            proteges_by_kind: each(ProtegeKind::ALL, &by_kind),
        })
    }

    /// Mentorships of `status` whose end falls in the period.
    fn ended(&self, status: &str, span: &[&dyn rusqlite::ToSql]) -> Result<u32> {
        self.count(
            &format!(
                "SELECT count(*) FROM mentorship x WHERE x.status = '{status}'
                 AND x.archived_at IS NULL AND x.end_date BETWEEN ?1 AND ?2"
            ),
            span,
        )
    }

    fn activity(&self, period: &Period, today: NaiveDate) -> Result<Activity> {
        let span = params![period.from, period.to];
        let held: BTreeMap<String, (u32, u32)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT substr(s.held_on, 1, 7), count(*), sum(s.minutes)
                 FROM session s JOIN mentorship x ON x.id = s.mentorship_id
                 WHERE s.held_on BETWEEN ?1 AND ?2 AND x.status <> 'draft'
                 AND x.archived_at IS NULL GROUP BY 1",
            )?;
            let rows = stmt.query_map(span, |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let months = months_of(period)
            .into_iter()
            .map(|month| {
                let (sessions, minutes) = held
                    .get(&month.format("%Y-%m").to_string())
                    .copied()
                    .unwrap_or((0, 0));
                MonthActivity {
                    month,
                    sessions,
                    minutes,
                }
            })
            .collect();
        // Signed off by the due date, after it, and not yet though due before today.
        let (events_on_time, events_late, events_open) = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(e.signed_off_on <= e.due_on), 0),
               coalesce(sum(e.signed_off_on > e.due_on), 0),
               coalesce(sum(e.signed_off_on IS NULL AND e.due_on < ?3), 0)
             FROM work_plan_event e JOIN mentorship x ON x.id = e.mentorship_id
             WHERE e.due_on BETWEEN ?1 AND ?2 AND x.archived_at IS NULL",
            )?
            .query_row(params![period.from, period.to, today], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        Ok(Activity {
            months,
            without_session: self.count(
                &format!(
                    "SELECT count(*) FROM mentorship x WHERE {UNDER_WAY} AND NOT EXISTS
                     (SELECT 1 FROM session s WHERE s.mentorship_id = x.id
                      AND s.held_on BETWEEN ?1 AND ?2)"
                ),
                span,
            )?,
            events_on_time,
            events_late,
            events_open,
        })
    }

    fn outcomes(&self, period: &Period) -> Result<Outcomes> {
        let span = params![period.from, period.to];
        let goals = self.grouped::<GoalStatus>(
                &format!(
                    "SELECT g.status, count(*) FROM mentorship_goal g
                     JOIN mentorship x ON x.id = g.mentorship_id WHERE {UNDER_WAY} GROUP BY g.status"
                ),
                span,
            )?;
        let recommendations = self.grouped::<Recommendation>(
            "SELECT recommendation, count(*) FROM progress_report
                 WHERE written_on BETWEEN ?1 AND ?2 GROUP BY recommendation",
            span,
        )?;
        // Each competency rated by the period's end: its first and its latest rating.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT
               (SELECT r.rating FROM competency_rating r WHERE r.mentorship_id = c.mentorship_id
                AND r.competency = c.competency AND r.rated_on <= ?2
                ORDER BY r.rated_on, r.id LIMIT 1),
               (SELECT r.rating FROM competency_rating r WHERE r.mentorship_id = c.mentorship_id
                AND r.competency = c.competency AND r.rated_on <= ?2
                ORDER BY r.rated_on DESC, r.id DESC LIMIT 1),
               c.times
             FROM (SELECT r.mentorship_id, r.competency, count(*) AS times
                   FROM competency_rating r JOIN mentorship x ON x.id = r.mentorship_id
                   WHERE {UNDER_WAY} AND r.rated_on <= ?2
                   GROUP BY r.mentorship_id, r.competency) c"
        ))?;
        let mut outcomes = Outcomes {
            goals: each(GoalStatus::ALL, &goals),
            recommendations: each(Recommendation::ALL, &recommendations),
            ..Outcomes::default()
        };
        let rows = stmt.query_map(span, |r| {
            Ok((r.get::<_, u8>(0)?, r.get::<_, u8>(1)?, r.get::<_, u32>(2)?))
        })?;
        for row in rows {
            let (first, latest, times) = row?;
            let tally = match (times, latest.cmp(&first)) {
                (1, _) => &mut outcomes.competencies_rated_once,
                (_, std::cmp::Ordering::Greater) => &mut outcomes.competencies_up,
                (_, std::cmp::Ordering::Equal) => &mut outcomes.competencies_same,
                (_, std::cmp::Ordering::Less) => &mut outcomes.competencies_down,
            };
            *tally += 1;
        }
        Ok(outcomes)
    }

    /// Each mentor's protégés under way, and their session hours in the period against the
    /// norm: the monthly mentoring hours for each protégé over the days the mentorship ran
    /// in the period (a month being a twelfth of a year).
    fn mentor_loads(
        &self,
        period: &Period,
        capacity: u32,
        hours_per_month: f64,
    ) -> Result<MentorLoads> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.mentor_id, count(*),
               sum(julianday(min(x.end_date, ?2)) - julianday(max(x.start_date, ?1)) + 1),
               coalesce((SELECT sum(s.minutes) FROM session s JOIN mentorship y
                 ON y.id = s.mentorship_id WHERE y.mentor_id = x.mentor_id
                 AND s.held_on BETWEEN ?1 AND ?2), 0)
             FROM mentorship x WHERE {UNDER_WAY} GROUP BY x.mentor_id"
        ))?;
        let rows = stmt.query_map(params![period.from, period.to], |r| {
            Ok((
                r.get::<_, u32>(1)?,
                r.get::<_, f64>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut loads = MentorLoads {
            capacity,
            hours_per_month,
            ..MentorLoads::default()
        };
        let mut by_proteges: BTreeMap<u32, u32> = BTreeMap::new();
        for row in rows {
            let (proteges, days, minutes) = row?;
            *by_proteges.entry(proteges).or_default() += 1;
            let norm = hours_per_month * days * 12.0 / 365.25;
            let logged = f64::from(minutes) / 60.0;
            if logged + 1e-9 >= norm {
                loads.hours_at_norm += 1;
            } else {
                loads.hours_below_norm += 1;
            }
            loads.hours_logged += logged;
            loads.hours_norm += norm;
        }
        loads.by_proteges = by_proteges.into_iter().collect();
        Ok(loads)
    }

    /// The forms due in the period and answered, and the answers of the forms filled in
    /// during it, question by question.
    fn evaluation_figures(&self, period: &Period) -> Result<EvaluationFigures> {
        let span = params![period.from, period.to];
        let mut figures = EvaluationFigures::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.start_date, x.end_date,
               (SELECT group_concat(e.form) FROM evaluation e WHERE e.mentorship_id = x.id)
             FROM mentorship x WHERE x.status <> 'draft' AND x.archived_at IS NULL
             AND x.start_date <= ?2 AND x.end_date >= ?1",
        )?;
        let rows = stmt.query_map(span, |r| {
            Ok((
                r.get::<_, NaiveDate>(0)?,
                r.get::<_, NaiveDate>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (start, end, answered) = row?;
            let answered = answered.unwrap_or_default();
            for &form in Form::ALL {
                let due = form.due_on(start, end);
                if due >= period.from && due <= period.to {
                    figures.due += 1;
                    figures.answered += u32::from(answered.split(',').any(|f| f == form.code()));
                }
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT q.id, q.form, q.position, q.text, q.answer, e.scale, a.rating, a.yes, a.text
             FROM evaluation_answer a JOIN evaluation e ON e.id = a.evaluation_id
             JOIN evaluation_question q ON q.id = a.question_id
             JOIN mentorship x ON x.id = e.mentorship_id
             WHERE e.answered_on BETWEEN ?1 AND ?2 AND x.archived_at IS NULL",
        )?;
        let rows = stmt.query_map(span, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                QuestionFigures {
                    form: r.get(1)?,
                    position: r.get(2)?,
                    text: r.get(3)?,
                    answer: r.get(4)?,
                    answers: 0,
                    spread: Vec::new(),
                    yes: 0,
                },
                r.get::<_, RatingScale>(5)?,
                r.get::<_, Option<u8>>(6)?,
                r.get::<_, Option<bool>>(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let mut by_question: BTreeMap<i64, QuestionFigures> = BTreeMap::new();
        for row in rows {
            let (id, question, scale, rating, yes, text) = row?;
            if question.answer == AnswerKind::Text {
                figures.comments.push((question.form, text));
                continue;
            }
            let q = by_question.entry(id).or_insert(question);
            q.answers += 1;
            q.yes += u32::from(yes == Some(true));
            if let Some(rating) = rating {
                let points = usize::from(scale.points());
                if q.spread.len() < points {
                    q.spread.resize(points, 0);
                }
                q.spread[usize::from(rating) - 1] += 1;
            }
        }
        figures.questions = by_question.into_values().collect();
        let order = |q: &QuestionFigures| (Form::ALL.iter().position(|&f| f == q.form), q.position);
        figures.questions.sort_by_key(order);
        figures
            .comments
            .sort_by_key(|(form, _)| Form::ALL.iter().position(|f| f == form));
        Ok(figures)
    }

    fn appendix(&self, span: &[&dyn rusqlite::ToSql]) -> Result<Vec<AppendixLine>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ps.first_names || ' ' || ps.surname, {MENTOR_NAME}, p.kind, x.status,
               (SELECT count(*) FROM session s WHERE s.mentorship_id = x.id
                AND s.held_on BETWEEN ?1 AND ?2)
             FROM mentorship x JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id JOIN mentor m ON m.id = x.mentor_id
             LEFT JOIN staff ms ON ms.id = m.staff_id
             WHERE {UNDER_WAY} ORDER BY ps.surname, ps.first_names, x.id"
        ))?;
        let rows = stmt.query_map(span, |r| {
            Ok(AppendixLine {
                protege: r.get(0)?,
                mentor: r.get(1)?,
                kind: r.get(2)?,
                status: r.get::<_, crate::domain::Status>(3)?.label().to_owned(),
                sessions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
