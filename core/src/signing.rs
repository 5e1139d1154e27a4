//! What was signed: the printed documents that carry signature blocks, who signs each block,
//! the signatures recorded from the wet-signed paper, a document's state (awaiting, partly
//! signed, signed) and when an unsigned document is due a reminder. Pure: the store gathers
//! the documents and their signatures.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::{Error, Result};

choice!(
    /// A kind of printed document that is signed, named with the record it is printed from.
    Paper {
        Agreement = "agreement": "Mentorship agreement",
        Addendum = "addendum": "Addendum to the agreement",
        KpaAllocation = "kpa_allocation": "KPA allocation",
        MentorContract = "mentor_contract": "Mentor contract",
        OrganisationAgreement = "organisation_agreement": "Agreement with a mentoring organisation",
        ProgressReport = "progress_report": "Progress report",
    }
);

choice!(
    /// Whose signature block it is.
    Signer {
        Mentor = "mentor": "Mentor",
        Protege = "protege": "Protégé",
        ProtegeLineManager = "protege_line_manager": "Protégé's line manager",
        MentorLineManager = "mentor_line_manager": "Mentor's line manager",
        ProgrammeManager = "programme_manager": "Programme manager",
        OrganisationContact = "organisation_contact": "Organisation's contact person",
        LiaisonCoordinator = "liaison_coordinator": "Liaison coordinator",
    }
);

impl Paper {
    /// The signature blocks printed on this kind of document, in their printed order. A
    /// progress report prints the protégé's line manager's block only when there is one.
    pub fn signers(self) -> &'static [Signer] {
        use Signer::*;
        match self {
            Paper::Agreement | Paper::Addendum => {
                &[Mentor, Protege, ProgrammeManager, ProtegeLineManager]
            }
            Paper::KpaAllocation => &[Mentor, MentorLineManager, ProgrammeManager],
            Paper::MentorContract => &[Mentor, ProgrammeManager, MentorLineManager],
            Paper::OrganisationAgreement => {
                &[ProgrammeManager, OrganisationContact, LiaisonCoordinator]
            }
            Paper::ProgressReport => &[Mentor, Protege, ProtegeLineManager, ProgrammeManager],
        }
    }
}

/// One signature as recorded from the paper: the block, the name written under it and the
/// date beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub paper: Paper,
    pub subject_id: i64,
    pub signer: Signer,
    pub name: String,
    pub signed_on: NaiveDate,
}

impl Signature {
    pub fn validate(&self, doc: &Signable, today: NaiveDate) -> Result<()> {
        if !doc.blocks.iter().any(|b| b.signer == self.signer) {
            return Err(Error::invalid(
                "signer",
                format!(
                    "{} has no block for the {} to sign.",
                    doc.title,
                    self.signer.label().to_lowercase()
                ),
            ));
        }
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "name",
                "Give the name of the person who signed, as written under the signature.",
            ));
        }
        if self.signed_on > today {
            return Err(Error::invalid(
                "signed_on",
                format!(
                    "{} is in the future; record a signature once the paper has been signed.",
                    self.signed_on
                ),
            ));
        }
        Ok(())
    }
}

/// A signature block of one printed document: whose it is, the name printed under it, and the
/// signature once recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub signer: Signer,
    pub signer_label: &'static str,
    /// The name the document prints under the block (empty when the record names no one).
    pub printed_name: String,
    pub signed: Option<Signed>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signed {
    pub name: String,
    pub signed_on: NaiveDate,
}

/// One printed document that is signed, with its blocks and how far it is signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signable {
    pub paper: Paper,
    pub subject_id: i64,
    /// The document's reference as printed on it, e.g. "MS-0007/AGR".
    pub reference: String,
    /// What the office calls it, e.g. "Mentorship agreement, MS-0007 (Thandi Mokoena)".
    pub title: String,
    /// The day the document was due to be signed from: the mentorship's start, the report's
    /// writing, the allocation's finalising, the appointment's or agreement's start.
    pub since: NaiveDate,
    pub blocks: Vec<Block>,
    pub state: State,
    /// The state in words, e.g. "Partly signed (mentor, protégé)".
    pub state_label: String,
    /// The scans of the signed paper, newest version first.
    pub copies: Vec<Copy>,
}

/// A stored scan of signed paper (without its bytes, which are read only when opened).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copy {
    pub id: i64,
    pub version: u32,
    pub file_name: String,
    pub kind: crate::attachment::FileKind,
    pub size: u64,
    /// The size as people read it, e.g. "640 KB".
    pub size_text: String,
    pub sha256: String,
    pub attached_on: NaiveDate,
}

/// How far a document is signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum State {
    Awaiting,
    /// Signed by these, not yet by the others.
    Partly {
        by: Vec<Signer>,
    },
    Signed,
}

impl State {
    pub fn of(blocks: &[Block]) -> State {
        let by: Vec<Signer> = blocks
            .iter()
            .filter(|b| b.signed.is_some())
            .map(|b| b.signer)
            .collect();
        match by.len() {
            0 => State::Awaiting,
            n if n == blocks.len() => State::Signed,
            _ => State::Partly { by },
        }
    }

    /// "Awaiting signatures", "Partly signed (mentor, protégé)" or "Signed".
    pub fn label(&self) -> String {
        match self {
            State::Awaiting => "Awaiting signatures".into(),
            State::Partly { by } => {
                let names: Vec<String> = by.iter().map(|s| s.label().to_lowercase()).collect();
                format!("Partly signed ({})", names.join(", "))
            }
            State::Signed => "Signed".into(),
        }
    }
}

impl Signable {
    /// A document from its blocks (with their signatures) and copies; the state follows.
    pub fn new(
        paper: Paper,
        subject_id: i64,
        reference: String,
        title: String,
        since: NaiveDate,
        blocks: Vec<Block>,
        copies: Vec<Copy>,
    ) -> Signable {
        let state = State::of(&blocks);
        Signable {
            paper,
            subject_id,
            reference,
            title,
            since,
            blocks,
            state_label: state.label(),
            state,
            copies,
        }
    }

    /// Whether anyone has signed it yet: a signed agreement's terms are no longer changed in
    /// place.
    pub fn any_signed(&self) -> bool {
        self.state != State::Awaiting
    }

    /// How many days the document has been waiting for signatures on `today`, when that is
    /// at least `remind_after_days`; `None` once signed or while still within the days.
    pub fn unsigned_for(&self, today: NaiveDate, remind_after_days: u32) -> Option<i64> {
        if self.state == State::Signed {
            return None;
        }
        let days = (today - self.since).num_days();
        (days >= i64::from(remind_after_days)).then_some(days)
    }

    /// The words Today shows: "Partly signed (mentor); waiting for the protégé and the
    /// programme manager since 3 November 2026 (20 days)."
    pub fn reminder(&self, days: i64) -> String {
        let waiting: Vec<String> = self
            .blocks
            .iter()
            .filter(|b| b.signed.is_none())
            .map(|b| format!("the {}", b.signer_label.to_lowercase()))
            .collect();
        format!(
            "{}; waiting for {} since {} ({days} days).",
            self.state.label(),
            and_list(&waiting),
            crate::document::long_date(self.since)
        )
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A block of a document with the signature recorded for it, if any.
pub fn block(signer: Signer, printed_name: String, signatures: &[Signature]) -> Block {
    let signed = signatures
        .iter()
        .find(|s| s.signer == signer)
        .map(|s| Signed {
            name: s.name.clone(),
            signed_on: s.signed_on,
        });
    Block {
        signer,
        signer_label: signer.label(),
        printed_name,
        signed,
    }
}
