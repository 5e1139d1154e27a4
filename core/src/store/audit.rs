//! The audit trail: one line for every row inserted, updated or deleted in any table, with who
//! did it, when, and the row before and after as JSON. Triggers write the lines inside the
//! change's own transaction, so no change is ever made without its line, whichever code (or
//! program) made it. The triggers are generated from the schema after every migration, so a
//! column added later is audited without anyone remembering to.
//!
//! Tamper evidence: each line stores the SHA-256 of its own fields and the hash of the line
//! before it. Editing or removing a line breaks the chain from there on; `check_audit_chain`
//! finds the first break. Removing lines from the very end cannot be told from a shorter
//! history by the chain alone, so every backup is an anchor: it holds the trail as it was, and
//! `check_trail_end` walks the live trail beside a backup's and reports the lines the backup
//! saw that are gone or changed. A restore, which rightly replaces the history, writes its own
//! line (a row of the `restore` table) after the trail it restored.
//!
//! The triggers call two functions that every connection of the store registers:
//! `audit_actor()` (who is signed in) and `audit_hash(...)`. A program that opens the file
//! without them cannot change audited tables at all. The time is SQLite's `'now'`, which
//! stays the same throughout one statement, so a line's time and its hash agree.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Store;
use crate::Result;

/// Tables that are not audited: the trail itself and the migration bookkeeping.
const NOT_AUDITED: &[&str] = &["audit_log", "schema_version"];

/// Columns whose text never enters the trail: the line says that they changed and how long they
/// are, not what they say.
const WITHHELD: &[(&str, &str)] = &[
    ("session", "confidential_notes"),
    ("dispute", "details"),
    ("dispute_step", "notes"),
    ("app_user", "password_hash"),
];

/// Columns that hold a file's bytes: the line gives the file's size (the row carries its
/// SHA-256 beside it).
const FILES: &[(&str, &str)] = &[("attachment", "bytes")];

/// Who the trail names for changes made through this connection.
#[derive(Clone)]
pub(crate) struct Actor(Arc<Mutex<String>>);

impl Actor {
    pub(crate) fn new(name: &str) -> Actor {
        Actor(Arc::new(Mutex::new(name.to_owned())))
    }

    fn set(&self, name: &str) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = name.to_owned();
    }

    pub(crate) fn get(&self) -> String {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// Registers the functions the audit triggers call. Runs on every connection, before anything
/// is written.
pub(crate) fn register_functions(conn: &Connection, actor: &Actor) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS;
    let who = actor.clone();
    conn.create_scalar_function("audit_actor", 0, flags, move |_| Ok(who.get()))?;
    conn.create_scalar_function(
        "audit_hash",
        8,
        flags | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let mut fields = Vec::with_capacity(8);
            for i in 0..8 {
                fields.push(text_of(ctx.get_raw(i)));
            }
            Ok(line_hash(&fields))
        },
    )?;
    Ok(())
}

/// A value as the hash sees it: NULL and text are told apart, numbers by their decimal form.
fn text_of(value: rusqlite::types::ValueRef<'_>) -> Option<String> {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}

/// The hash of one line: the previous line's hash, then the line's fields, each written with
/// its length so no two different lines can run together into the same bytes.
fn line_hash(fields: &[Option<String>]) -> String {
    let mut hasher = Sha256::new();
    for field in fields {
        match field {
            None => hasher.update(b"-;"),
            Some(text) => {
                hasher.update(format!("{}:", text.len()).as_bytes());
                hasher.update(text.as_bytes());
                hasher.update(b";");
            }
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// True when the audit triggers are in place.
pub(crate) fn has_triggers(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_%'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// (Re)creates the audit triggers of every table from the schema as it is now.
pub(crate) fn install_triggers(conn: &Connection) -> Result<()> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut sql = String::new();
    for table in tables.iter().filter(|t| !NOT_AUDITED.contains(&t.as_str())) {
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        sql.push_str(&table_triggers(table, &columns));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

fn table_triggers(table: &str, columns: &[String]) -> String {
    let row = |side: &str| {
        let pairs: Vec<String> = columns
            .iter()
            .map(|c| {
                let value = if WITHHELD.contains(&(table, c.as_str())) {
                    format!(
                        "CASE WHEN {side}.\"{c}\" IS NULL OR {side}.\"{c}\" = '' THEN {side}.\"{c}\" \
                         ELSE '[withheld: ' || length({side}.\"{c}\") || ' characters]' END"
                    )
                } else if FILES.contains(&(table, c.as_str())) {
                    format!("'[file: ' || length({side}.\"{c}\") || ' bytes]'")
                } else {
                    format!("{side}.\"{c}\"")
                };
                format!("'{c}', {value}")
            })
            .collect();
        format!("json_object({})", pairs.join(", "))
    };
    let (old, new) = (row("old"), row("new"));
    let line = |action: &str, rowid: &str, before: &str, after: &str| {
        format!(
            "INSERT INTO audit_log (at, actor, table_name, row_id, action, before, after, hash)
             SELECT at, actor, '{table}', {rowid}, '{action}', b, a,
                    audit_hash(prev, at, actor, '{table}', {rowid}, '{action}', b, a)
             FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, audit_actor() AS actor, {before} AS b, {after} AS a,
                          (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS prev);"
        )
    };
    format!(
        "DROP TRIGGER IF EXISTS audit_{table}_insert;
         CREATE TRIGGER audit_{table}_insert AFTER INSERT ON \"{table}\" BEGIN {ins} END;
         DROP TRIGGER IF EXISTS audit_{table}_update;
         CREATE TRIGGER audit_{table}_update AFTER UPDATE ON \"{table}\"
         WHEN {old} IS NOT {new} BEGIN {upd} END;
         DROP TRIGGER IF EXISTS audit_{table}_delete;
         CREATE TRIGGER audit_{table}_delete AFTER DELETE ON \"{table}\" BEGIN {del} END;\n",
        ins = line("insert", "new.rowid", "NULL", &new),
        upd = line("update", "new.rowid", &old, &new),
        del = line("delete", "old.rowid", &old, "NULL"),
    )
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// When, in UTC, as `2026-11-23T14:05:09.120Z`.
    pub at: String,
    pub actor: String,
    pub table_name: String,
    pub row_id: Option<i64>,
    pub action: String,
    /// The row before the change, as a JSON object; absent for an insert.
    pub before: Option<String>,
    /// The row after the change, as a JSON object; absent for a delete.
    pub after: Option<String>,
}

/// Which lines of the trail to read, newest first.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub table_name: Option<String>,
    pub row_id: Option<i64>,
    pub actor: Option<String>,
    /// Dates (YYYY-MM-DD) the lines were written on or after, and on or before.
    pub from: Option<String>,
    pub to: Option<String>,
    /// At most this many lines (all when absent).
    pub limit: Option<u32>,
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainCheck {
    /// Lines checked.
    pub lines: u64,
    /// The first line whose hash does not follow from the lines before it, if any.
    pub first_break: Option<i64>,
}

impl ChainCheck {
    pub fn is_intact(&self) -> bool {
        self.first_break.is_none()
    }
}

/// The end of an audit trail: how many lines it holds and its newest line. A backup's trail
/// end is its anchor: the live trail must keep every line up to it, unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TrailEnd {
    pub lines: u64,
    /// The newest line's id (0 for an empty trail), hash and time (UTC).
    pub head_id: i64,
    pub head_hash: Option<String>,
    pub head_at: Option<String>,
}

/// What comparing the live trail with a backup's trail found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum EndFound {
    /// Every line the backup holds is still in the trail, unchanged, and `since` lines were
    /// written after them.
    Holds { since: u64 },
    /// Lines the backup holds are gone from the trail or changed, from line `from` on:
    /// `missing` of the backup's lines are not in the trail as the backup has them.
    Cut { from: i64, missing: u64 },
    /// The backup was written before a restore (at `at`, by `by`) replaced the history it
    /// holds from line `from` on, so it says nothing about the trail's end.
    Replaced { from: i64, at: String, by: String },
}

/// The live trail compared with one backup's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndCheck {
    pub backup: PathBuf,
    /// The backup's own trail end.
    pub anchor: TrailEnd,
    pub found: EndFound,
}

/// The whole check of the trail: its chain, and its end against a backup (none when there is
/// no backup to compare with).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrailCheck {
    pub chain: ChainCheck,
    pub end: Option<EndCheck>,
}

impl TrailCheck {
    pub fn is_intact(&self) -> bool {
        self.chain.is_intact()
            && !matches!(
                self.end,
                Some(EndCheck {
                    found: EndFound::Cut { .. },
                    ..
                })
            )
    }
}

/// The trail end of the database on `conn`, which must have an audit trail.
pub(crate) fn trail_end(conn: &Connection) -> Result<TrailEnd> {
    let lines: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    let head = conn
        .query_row(
            "SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (head_id, head_hash, head_at) = match head {
        Some((id, hash, at)) => (id, Some(hash), Some(at)),
        None => (0, None, None),
    };
    Ok(TrailEnd {
        lines: lines as u64,
        head_id,
        head_hash,
        head_at,
    })
}

/// Walks the live trail (`live`) beside a backup's (`backup`, whose end is `anchor`), line by
/// line in order, and says whether the live trail still holds every line of the backup's.
pub(crate) fn compare_ends(
    live: &Connection,
    backup: &Connection,
    anchor: &TrailEnd,
) -> Result<EndFound> {
    const LINES: &str = "SELECT id, hash FROM audit_log ORDER BY id";
    if anchor.lines == 0 {
        let since: i64 = live.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
        return Ok(EndFound::Holds {
            since: since as u64,
        });
    }
    let mut live_lines = live.prepare(LINES)?;
    let mut backup_lines = backup.prepare(LINES)?;
    let mut live_rows = live_lines.query([])?;
    let mut backup_rows = backup_lines.query([])?;
    let line =
        |row: &rusqlite::Row| -> rusqlite::Result<(i64, String)> { Ok((row.get(0)?, row.get(1)?)) };
    let mut held: u64 = 0;
    loop {
        let theirs = backup_rows.next()?.map(line).transpose()?;
        let ours = live_rows.next()?.map(line).transpose()?;
        match (theirs, ours) {
            (None, ours) => {
                let mut since = u64::from(ours.is_some());
                while live_rows.next()?.is_some() {
                    since += 1;
                }
                return Ok(EndFound::Holds { since });
            }
            (Some(theirs), Some(ours)) if theirs == ours => held += 1,
            (Some((from, _)), ours) => {
                let from = ours.map_or(from, |(id, _)| id.min(from));
                let missing = anchor.lines.saturating_sub(held);
                return Ok(match restore_after(live, anchor.head_at.as_deref())? {
                    Some((at, by)) => EndFound::Replaced { from, at, by },
                    None => EndFound::Cut { from, missing },
                });
            }
        }
    }
}

/// The newest restore recorded in the trail after `after` (a line's time), with who made it.
fn restore_after(conn: &Connection, after: Option<&str>) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT at, actor FROM audit_log
             WHERE table_name = 'restore' AND action = 'insert' AND at > coalesce(?1, '')
             ORDER BY id DESC LIMIT 1",
            [after],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

impl Store {
    /// Names the person whose changes the audit trail records from now on.
    pub fn set_actor(&mut self, name: &str) {
        self.actor.set(name);
    }

    /// Lines of the audit trail, newest first.
    pub fn audit_entries(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, actor, table_name, row_id, action, before, after FROM audit_log
             WHERE (?1 IS NULL OR table_name = ?1) AND (?2 IS NULL OR row_id = ?2)
               AND (?3 IS NULL OR actor = ?3)
               AND (?4 IS NULL OR substr(at, 1, 10) >= ?4)
               AND (?5 IS NULL OR substr(at, 1, 10) <= ?5)
             ORDER BY id DESC LIMIT ?6",
        )?;
        let limit = q.limit.map_or(-1, i64::from);
        let rows = stmt.query_map(
            params![q.table_name, q.row_id, q.actor, q.from, q.to, limit],
            entry_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The trail's lines about one mentorship, oldest first: its own row, every row that names
    /// it (goals, competencies, work plan, sessions and their actions, ratings, reports,
    /// termination steps, evaluations and their answers, addenda, disputes and their steps),
    /// and the signatures and signed copies of its agreement, addenda and reports.
    pub fn mentorship_trail(&self, mentorship_id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH line AS (
                 SELECT id, at, actor, table_name, row_id, action, before, after,
                        coalesce(after, before) AS row
                 FROM audit_log
             )
             SELECT id, at, actor, table_name, row_id, action, before, after FROM line
             WHERE (table_name = 'mentorship' AND row_id = ?1)
                OR json_extract(row, '$.mentorship_id') = ?1
                OR (table_name = 'session_action' AND json_extract(row, '$.session_id') IN
                        (SELECT id FROM session WHERE mentorship_id = ?1))
                OR (table_name = 'evaluation_answer' AND json_extract(row, '$.evaluation_id') IN
                        (SELECT id FROM evaluation WHERE mentorship_id = ?1))
                OR (table_name = 'dispute_step' AND json_extract(row, '$.dispute_id') IN
                        (SELECT id FROM dispute WHERE mentorship_id = ?1))
                OR (table_name IN ('signature', 'attachment') AND (
                        (json_extract(row, '$.paper') = 'agreement'
                            AND json_extract(row, '$.subject_id') = ?1)
                     OR (json_extract(row, '$.paper') = 'addendum'
                            AND json_extract(row, '$.subject_id') IN
                                (SELECT id FROM addendum WHERE mentorship_id = ?1))
                     OR (json_extract(row, '$.paper') = 'progress_report'
                            AND json_extract(row, '$.subject_id') IN
                                (SELECT id FROM progress_report WHERE mentorship_id = ?1))))
             ORDER BY id",
        )?;
        let rows = stmt.query_map([mentorship_id], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Walks the whole trail from its first line and reports the first line whose hash does
    /// not follow from its fields and the line before it.
    pub fn check_audit_chain(&self) -> Result<ChainCheck> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, table_name, row_id, action, before, after, hash
             FROM audit_log ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut prev: Option<String> = None;
        let mut lines = 0;
        while let Some(r) = rows.next()? {
            lines += 1;
            let id: i64 = r.get(0)?;
            let mut fields = vec![prev.take()];
            for i in 1..8 {
                fields.push(text_of(r.get_ref(i)?));
            }
            let stored: String = r.get(8)?;
            if line_hash(&fields) != stored {
                return Ok(ChainCheck {
                    lines,
                    first_break: Some(id),
                });
            }
            prev = Some(stored);
        }
        Ok(ChainCheck {
            lines,
            first_break: None,
        })
    }

    /// Checks the chain, then compares the trail's end with the backup at `against` or, when
    /// none is given, with the newest automatic backup beside the database. The backup is
    /// opened with `passphrase`, or the database's own.
    pub fn check_audit_trail(
        &self,
        against: Option<&Path>,
        passphrase: Option<&str>,
    ) -> Result<TrailCheck> {
        let chain = self.check_audit_chain()?;
        let backup = match against {
            Some(path) => Some(path.to_owned()),
            None => self.auto_backups()?.into_iter().next().map(|b| b.path),
        };
        let end = match backup {
            Some(path) => Some(self.check_trail_end(&path, passphrase)?),
            None => None,
        };
        Ok(TrailCheck { chain, end })
    }

    /// Compares the trail's end with the backup at `path`.
    pub fn check_trail_end(&self, path: &Path, passphrase: Option<&str>) -> Result<EndCheck> {
        let passphrase = passphrase.filter(|p| !p.is_empty()).or(self.passphrase());
        let summary = self.inspect_backup(path, passphrase)?;
        let backup = super::backup::open_backup(path, passphrase)?;
        let found = compare_ends(&self.conn, &backup, &summary.trail)?;
        Ok(EndCheck {
            backup: path.to_owned(),
            anchor: summary.trail,
            found,
        })
    }

    /// The newest line's id, or 0 for an empty trail: tests and callers compare it before and
    /// after an operation to see whether anything was written.
    pub fn audit_head(&self) -> Result<i64> {
        let head = self
            .conn
            .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(head.unwrap_or(0))
    }
}

fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        table_name: r.get(3)?,
        row_id: r.get(4)?,
        action: r.get(5)?,
        before: r.get(6)?,
        after: r.get(7)?,
    })
}
