//! The signed paper trail in the database: signatures recorded per block, the scans of the
//! signed paper (bytes in their own table, read only when a copy is opened), the addenda to
//! signed agreements, and which documents are still waiting for signatures.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::params;

use super::{not_found, Store};
use crate::addendum::{refuse_in_place, Addendum, Request};
use crate::attachment::{self, File, FileKind};
use crate::domain::{Mentor, Mentorship, Organisation};
use crate::progress::{reference as report_reference, Period};
use crate::signing::{block, Copy, Paper, Signable, Signature, Signer};
use crate::{Error, Result};

/// A document waiting for signatures past the reminder, with how many days it has waited.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Unsigned {
    pub document: Signable,
    pub days: i64,
    /// The mentorship or mentor it leads to.
    pub mentorship_id: Option<i64>,
    pub mentor_id: Option<i64>,
}

impl Store {
    /// One printed document with its signature blocks, the signatures recorded and the copies
    /// attached.
    pub fn signable(&self, paper: Paper, subject_id: i64) -> Result<Signable> {
        let pm = self.settings()?.programme_manager;
        let (reference, title, since, names) = match paper {
            Paper::Agreement => {
                let m = self.mentorship(subject_id)?;
                let (mentor, protege, line_manager) = self.pair_names(&m)?;
                let names = vec![
                    mentor.clone(),
                    protege.clone(),
                    pm,
                    line_manager.unwrap_or_default(),
                ];
                let reference = format!("{}/AGR", Mentorship::reference(subject_id));
                let title = format!("Mentorship agreement: {protege} with {mentor}");
                (reference, title, m.start_date, names)
            }
            Paper::Addendum => {
                let a = self.addendum(subject_id)?;
                let m = self.mentorship(a.mentorship_id)?;
                let (mentor, protege, line_manager) = self.pair_names(&m)?;
                let names = vec![
                    mentor,
                    protege.clone(),
                    pm,
                    line_manager.unwrap_or_default(),
                ];
                let title = format!("Addendum {} to the agreement of {protege}", a.number);
                (a.reference(), title, a.made_on, names)
            }
            Paper::ProgressReport => {
                let (mentorship_id, from, to, label, written_on): (
                    i64,
                    NaiveDate,
                    NaiveDate,
                    String,
                    NaiveDate,
                ) = self
                    .conn
                    .query_row(
                        "SELECT mentorship_id, period_from, period_to, period_label, written_on
                             FROM progress_report WHERE id = ?1",
                        [subject_id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                    )
                    .map_err(not_found("Progress report", subject_id))?;
                let m = self.mentorship(mentorship_id)?;
                let (mentor, protege, line_manager) = self.pair_names(&m)?;
                let period = Period {
                    from,
                    to,
                    label: label.clone(),
                };
                let mut names = vec![mentor, protege.clone()];
                let has_line_manager = line_manager.is_some();
                names.extend(line_manager);
                names.push(pm);
                let reference = report_reference(mentorship_id, &period);
                let title = format!("Progress report, {label}: {protege}");
                let signers = Paper::ProgressReport
                    .signers()
                    .iter()
                    .copied()
                    .filter(|s| has_line_manager || *s != Signer::ProtegeLineManager);
                return self.signable_from(
                    paper,
                    subject_id,
                    reference,
                    title,
                    written_on,
                    signers.zip(names),
                );
            }
            Paper::KpaAllocation => {
                let a = self.kpa_allocation(subject_id)?;
                let since = a.finalised_on.ok_or_else(|| {
                    Error::invalid(
                        "paper",
                        "This version of the KPA allocation is a draft: only the final version is signed.",
                    )
                })?;
                let cycle = self.cycle(a.cycle_id)?;
                let mentor = self.mentor_name(a.mentor_id)?;
                let line_manager = self.allocation_line_manager(&a)?.unwrap_or_default();
                let title = format!(
                    "KPA allocation {}, version {}: {mentor}",
                    cycle.name, a.version
                );
                let reference = crate::kpa::reference(a.mentor_id, &cycle.name, a.version);
                (reference, title, since, vec![mentor, line_manager, pm])
            }
            Paper::MentorContract => {
                let mentor = self.mentor(subject_id)?;
                let (Some(staff_id), Some(start)) = (mentor.staff_id, mentor.appointment_start)
                else {
                    return Err(Error::invalid(
                        "paper",
                        "Only a mentor on the department's staff with an appointment has a contract to sign.",
                    ));
                };
                let name = self.mentor_name(subject_id)?;
                let line_manager = self.line_manager_name(staff_id)?.unwrap_or_default();
                let title = format!("Mentor contract: {name}");
                let reference = format!("{}/CON", Mentor::reference(subject_id));
                (reference, title, start, vec![name, pm, line_manager])
            }
            Paper::OrganisationAgreement => {
                let o = self.organisation(subject_id)?;
                let Some(start) = o.agreement_start else {
                    return Err(Error::invalid(
                        "paper",
                        "Record the agreement's period on the organisation before recording its signatures.",
                    ));
                };
                let title = format!("Agreement with {}", o.name);
                let reference = format!("{}/AGR", Organisation::reference(subject_id));
                (
                    reference,
                    title,
                    start,
                    vec![pm, o.contact_person.clone(), o.coordinator.clone()],
                )
            }
        };
        let signers = paper.signers().iter().copied();
        self.signable_from(
            paper,
            subject_id,
            reference,
            title,
            since,
            signers.zip(names),
        )
    }

    fn signable_from(
        &self,
        paper: Paper,
        subject_id: i64,
        reference: String,
        title: String,
        since: NaiveDate,
        blocks: impl Iterator<Item = (Signer, String)>,
    ) -> Result<Signable> {
        let signatures = self.signatures(paper, subject_id)?;
        let blocks = blocks
            .map(|(signer, name)| block(signer, name, &signatures))
            .collect();
        let copies = self.copies(paper, subject_id)?;
        Ok(Signable::new(
            paper, subject_id, reference, title, since, blocks, copies,
        ))
    }

    /// The mentor's, the protégé's and the protégé's line manager's names.
    fn pair_names(&self, m: &Mentorship) -> Result<(String, String, Option<String>)> {
        let protege = self.protege(m.protege_id)?;
        Ok((
            self.mentor_name(m.mentor_id)?,
            self.staff(protege.staff_id)?.full_name(),
            self.line_manager_name(protege.staff_id)?,
        ))
    }

    fn line_manager_name(&self, staff_id: i64) -> Result<Option<String>> {
        match self.line_manager_of(staff_id)? {
            Some(id) => Ok(Some(self.staff(id)?.full_name())),
            None => Ok(None),
        }
    }

    /// The documents of a mentorship: its agreement, the addenda, and each written progress
    /// report.
    pub fn mentorship_papers(&self, mentorship_id: i64) -> Result<Vec<Signable>> {
        let mut papers = vec![self.signable(Paper::Agreement, mentorship_id)?];
        for a in self.addenda(mentorship_id)? {
            papers.push(self.signable(Paper::Addendum, a.id)?);
        }
        let reports: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM progress_report WHERE mentorship_id = ?1
                 ORDER BY period_to, period_from",
            )?
            .query_map([mentorship_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in reports {
            papers.push(self.signable(Paper::ProgressReport, id)?);
        }
        Ok(papers)
    }

    /// The documents of a mentor: the contract (a staff mentor with an appointment) and every
    /// final version of the KPA allocation, newest cycle first.
    pub fn mentor_papers(&self, mentor_id: i64) -> Result<Vec<Signable>> {
        let mentor = self.mentor(mentor_id)?;
        let mut papers = Vec::new();
        if mentor.staff_id.is_some() && mentor.appointment_start.is_some() {
            papers.push(self.signable(Paper::MentorContract, mentor_id)?);
        }
        let allocations: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT k.id FROM kpa_allocation k JOIN cycle c ON c.id = k.cycle_id
                 WHERE k.mentor_id = ?1 AND k.finalised_on IS NOT NULL
                 ORDER BY c.start_date DESC, k.version DESC",
            )?
            .query_map([mentor_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in allocations {
            papers.push(self.signable(Paper::KpaAllocation, id)?);
        }
        Ok(papers)
    }

    /// The documents in force on `today` that have waited at least the
    /// `signature_reminder_days` setting for a signature: agreements, addenda and progress
    /// reports of active mentorships, this cycle's final KPA allocations, and the contracts and
    /// organisation agreements that run today. Longest waiting first.
    pub fn unsigned_papers(&self, today: NaiveDate) -> Result<Vec<Unsigned>> {
        Ok(self.unsigned_papers_at(today, 0..usize::MAX)?.1)
    }

    /// How many documents `unsigned_papers` lists, and those at `positions` in its order.
    /// Which documents wait is decided from their rows and signature counts alone, so only the
    /// documents asked for are read whole (names, signatures, copies): Today counts thousands
    /// of agreements and reports and shows a page of them.
    pub fn unsigned_papers_at(
        &self,
        today: NaiveDate,
        positions: std::ops::Range<usize>,
    ) -> Result<(usize, Vec<Unsigned>)> {
        let days = self.settings()?.signature_reminder_days;
        let cut = today - chrono::Days::new(u64::from(days));
        let mut stmt = self.conn.prepare_cached(
            "WITH doc (paper, subject_id, since, mentorship_id, mentor_id) AS (
                 SELECT 'agreement', ms.id, ms.start_date, ms.id, NULL FROM mentorship ms
                 WHERE ms.status = 'active' AND ms.archived_at IS NULL
                 UNION ALL
                 SELECT 'addendum', a.id, a.made_on, ms.id, NULL
                 FROM addendum a JOIN mentorship ms ON ms.id = a.mentorship_id
                 WHERE ms.status = 'active' AND ms.archived_at IS NULL
                 UNION ALL
                 SELECT 'progress_report', r.id, r.written_on, ms.id, NULL
                 FROM progress_report r JOIN mentorship ms ON ms.id = r.mentorship_id
                 WHERE ms.status = 'active' AND ms.archived_at IS NULL
                 UNION ALL
                 SELECT 'kpa_allocation', k.id, k.finalised_on, NULL, k.mentor_id
                 FROM kpa_allocation k JOIN cycle c ON c.id = k.cycle_id
                 WHERE k.status = 'final' AND c.start_date <= ?1 AND ?1 <= c.end_date
                 UNION ALL
                 SELECT 'mentor_contract', m.id, m.appointment_start, NULL, m.id FROM mentor m
                 WHERE m.staff_id IS NOT NULL AND m.archived_at IS NULL
                   AND m.appointment_start <= ?1 AND ?1 <= m.appointment_end
                 UNION ALL
                 SELECT 'organisation_agreement', o.id, o.agreement_start, NULL, NULL
                 FROM organisation o
                 WHERE o.archived_at IS NULL AND o.agreement_start <= ?1 AND ?1 <= o.agreement_end
             )
             SELECT paper, subject_id, mentorship_id, mentor_id, since,
                    (SELECT count(*) FROM signature s
                     WHERE s.paper = doc.paper AND s.subject_id = doc.subject_id)
             FROM doc WHERE since <= ?2",
        )?;
        // Which documents wait is read from the paper and its signature count. The page is
        // then picked out in the order (since, paper, subject) without sorting the rest,
        // comparing the dates as the ISO text they are stored as: on the large register,
        // sorting all 8,000 in SQL took 1.6 ms of this query's 6, and parsing every date
        // as a date cost more again.
        let mut waiting = Vec::new();
        let mut rows = stmt.query(params![today, cut])?;
        while let Some(r) = rows.next()? {
            let paper: Paper = r.get(0)?;
            let signed: i64 = r.get(5)?;
            // A signature is recorded once per block (the table's UNIQUE), and a document has a
            // block for each of its paper's signers, so fewer signatures than signers is
            // exactly "not signed"; `since <= cut` is exactly "waited the reminder's days".
            if usize::try_from(signed).is_ok_and(|n| n >= paper.signers().len()) {
                continue;
            }
            waiting.push((
                r.get::<_, String>(4)?,
                paper,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ));
        }
        let count = waiting.len();
        let end = positions.end.min(count);
        // (since as ISO text, paper, subject, mentorship, mentor)
        type Waiting = (String, Paper, i64, Option<i64>, Option<i64>);
        let order =
            |a: &Waiting, b: &Waiting| (&a.0, a.1.code(), a.2).cmp(&(&b.0, b.1.code(), b.2));
        if end < count {
            waiting.select_nth_unstable_by(end, order);
            waiting.truncate(end);
        }
        waiting.sort_unstable_by(order);
        let mut out = Vec::new();
        for (since, paper, subject_id, mentorship_id, mentor_id) in
            waiting.into_iter().skip(positions.start)
        {
            let since = since.parse::<NaiveDate>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, e.into())
            })?;
            out.push(Unsigned {
                document: self.signable(paper, subject_id)?,
                days: (today - since).num_days(),
                mentorship_id,
                mentor_id,
            });
        }
        Ok((count, out))
    }

    pub fn signatures(&self, paper: Paper, subject_id: i64) -> Result<Vec<Signature>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT paper, subject_id, signer, name, signed_on FROM signature
             WHERE paper = ?1 AND subject_id = ?2",
        )?;
        let rows = stmt.query_map(params![paper, subject_id], |r| {
            Ok(Signature {
                paper: r.get(0)?,
                subject_id: r.get(1)?,
                signer: r.get(2)?,
                name: r.get(3)?,
                signed_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a block's signature as written on the paper, or corrects one recorded before.
    pub fn record_signature(&mut self, s: &Signature, today: NaiveDate) -> Result<Signable> {
        let doc = self.signable(s.paper, s.subject_id)?;
        s.validate(&doc, today)?;
        self.conn.execute(
            "INSERT INTO signature (paper, subject_id, signer, name, signed_on)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (paper, subject_id, signer) DO UPDATE SET
                 name = excluded.name, signed_on = excluded.signed_on",
            params![s.paper, s.subject_id, s.signer, s.name.trim(), s.signed_on],
        )?;
        self.signable(s.paper, s.subject_id)
    }

    /// Takes back a signature recorded in error (the audit trail keeps it).
    pub fn remove_signature(
        &mut self,
        paper: Paper,
        subject_id: i64,
        signer: Signer,
    ) -> Result<Signable> {
        let removed = self.conn.execute(
            "DELETE FROM signature WHERE paper = ?1 AND subject_id = ?2 AND signer = ?3",
            params![paper, subject_id, signer],
        )?;
        if removed == 0 {
            return Err(Error::invalid(
                "signer",
                format!(
                    "No signature of the {} is recorded on this document.",
                    signer.label().to_lowercase()
                ),
            ));
        }
        self.signable(paper, subject_id)
    }

    /// The copies attached to a document, newest version first, without their bytes.
    pub fn copies(&self, paper: Paper, subject_id: i64) -> Result<Vec<Copy>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, version, file_name, kind, size, sha256, attached_on FROM attachment
             WHERE paper = ?1 AND subject_id = ?2 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map(params![paper, subject_id], |r| {
            let size = u64::try_from(r.get::<_, i64>(4)?).unwrap_or_default();
            Ok(Copy {
                id: r.get(0)?,
                version: r.get(1)?,
                file_name: r.get(2)?,
                kind: r.get(3)?,
                size,
                size_text: attachment::megabytes(size),
                sha256: r.get(5)?,
                attached_on: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps the scan or photo of a document's signed paper as its next version, after
    /// checking the file's content; the earlier versions stay.
    pub fn attach_copy(
        &mut self,
        paper: Paper,
        subject_id: i64,
        file_name: &str,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<Copy> {
        self.signable(paper, subject_id)?;
        let kind: FileKind =
            attachment::check(file_name, bytes, self.settings()?.attachment_max_megabytes)?;
        let tx = self.conn.savepoint()?;
        let version: u32 = tx.query_row(
            "SELECT coalesce(max(version), 0) + 1 FROM attachment WHERE paper = ?1 AND subject_id = ?2",
            params![paper, subject_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO attachment (paper, subject_id, version, file_name, kind, size, sha256, attached_on, bytes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                paper,
                subject_id,
                version,
                file_name,
                kind,
                i64::try_from(bytes.len()).unwrap_or(i64::MAX),
                attachment::sha256(bytes),
                today,
                bytes
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.copies(paper, subject_id)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(Error::NotFound {
                what: "Signed copy",
                id,
            })
    }

    /// Attaches the file at `path` as `attach_copy` does; a file over the size limit is
    /// refused before it is read.
    pub fn attach_file(
        &mut self,
        paper: Paper,
        subject_id: i64,
        path: &Path,
        today: NaiveDate,
    ) -> Result<Copy> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let size = std::fs::metadata(path)
            .map_err(|e| Error::file(path, e))?
            .len();
        attachment::check_size(&name, size, self.settings()?.attachment_max_megabytes)?;
        let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
        self.attach_copy(paper, subject_id, &name, &bytes, today)
    }

    /// Writes a copy into `dir` (created if needed) to be opened with the system's viewer,
    /// named after its document and version, and returns the file's path.
    pub fn write_copy(&self, id: i64, dir: &Path) -> Result<PathBuf> {
        let file = self.copy_file(id)?;
        let (paper, subject_id, version): (Paper, i64, u32) = self.conn.query_row(
            "SELECT paper, subject_id, version FROM attachment WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let reference = self
            .signable(paper, subject_id)?
            .reference
            .replace('/', "-");
        crate::private::create_dir(dir)?;
        let path = dir.join(format!(
            "{reference}-signed-v{version}.{}",
            file.kind.extension()
        ));
        crate::private::write(&path, &file.bytes)?;
        Ok(path)
    }

    /// A copy's bytes, checked against the SHA-256 kept beside them.
    pub fn copy_file(&self, id: i64) -> Result<File> {
        let (file_name, kind, sha256, bytes): (String, FileKind, String, Vec<u8>) = self
            .conn
            .query_row(
                "SELECT file_name, kind, sha256, bytes FROM attachment WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(not_found("Signed copy", id))?;
        if attachment::sha256(&bytes) != sha256 {
            return Err(Error::invalid(
                "file",
                format!("The stored copy {file_name} no longer matches its SHA-256: it was changed outside MentorDesk."),
            ));
        }
        Ok(File {
            file_name,
            kind,
            bytes,
        })
    }

    pub fn addendum(&self, id: i64) -> Result<Addendum> {
        self.conn
            .query_row(
                "SELECT id, mentorship_id, number, made_on, reason, changes FROM addendum WHERE id = ?1",
                [id],
                addendum_from_row,
            )
            .map_err(not_found("Addendum", id))
    }

    /// A mentorship's addenda in their order.
    pub fn addenda(&self, mentorship_id: i64) -> Result<Vec<Addendum>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, mentorship_id, number, made_on, reason, changes FROM addendum
             WHERE mentorship_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([mentorship_id], addendum_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes a mentorship's terms through the next numbered addendum: the mentorship is saved
    /// as amended (the programme's rules checked as for any save) and the addendum records
    /// what changed, in one transaction.
    pub fn make_addendum(&mut self, request: &Request, today: NaiveDate) -> Result<Addendum> {
        let id = request.mentorship.id.ok_or_else(|| {
            Error::invalid(
                "mentorship_id",
                "Save the mentorship before changing its agreement.",
            )
        })?;
        let before = self.mentorship(id)?;
        let changes = request.changes(&before, today)?;
        let changes_json = serde_json::to_string(&changes)
            .map_err(|e| Error::invalid("changes", e.to_string()))?;
        let addendum_id = self.in_transaction(|store| {
            store.save_terms(&request.mentorship)?;
            let number: u32 = store.conn.query_row(
                "SELECT coalesce(max(number), 0) + 1 FROM addendum WHERE mentorship_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            store.conn.execute(
                "INSERT INTO addendum (mentorship_id, number, made_on, reason, changes)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    number,
                    request.made_on,
                    request.reason.trim(),
                    changes_json
                ],
            )?;
            Ok(store.conn.last_insert_rowid())
        })?;
        self.addendum(addendum_id)
    }

    /// Refuses a change to a signed agreement's terms made in place.
    pub(super) fn check_not_signed(&self, m: &Mentorship) -> Result<()> {
        let Some(id) = m.id else { return Ok(()) };
        let recorded = self.signatures(Paper::Agreement, id)?;
        let signed: Vec<Signer> = Paper::Agreement
            .signers()
            .iter()
            .copied()
            .filter(|signer| recorded.iter().any(|s| s.signer == *signer))
            .collect();
        if signed.is_empty() {
            return Ok(());
        }
        let before = self.mentorship(id)?;
        let by: Vec<String> = signed.iter().map(|s| s.label().to_lowercase()).collect();
        refuse_in_place(&before, m, &format!("by the {}", by.join(", the ")))
    }
}

fn addendum_from_row(r: &rusqlite::Row) -> rusqlite::Result<Addendum> {
    let changes: String = r.get(5)?;
    Ok(Addendum {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        number: r.get(2)?,
        made_on: r.get(3)?,
        reason: r.get(4)?,
        changes: serde_json::from_str(&changes).unwrap_or_else(|_| vec![changes]),
    })
}
