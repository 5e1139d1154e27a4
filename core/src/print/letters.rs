//! The selection letters the programme manager signs: acceptance onto the programme and
//! rejection of an application (to the applicant), and the notice that asks a mentor to accept
//! or decline a proposed protégé. Each letter ends with its file copy, the application's
//! decision trail, which the office keeps with a copy of the letter. This module gathers a
//! letter's facts and lays it out; which letters are owed is decided by the transitions in
//! `store::selection`, and the pages are drawn by `document`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{staff_party, Party};
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::{Mentor, Mentorship, ProtegeKind};
use crate::selection::{Application, Decision, Event, LetterKind, PendingLetter};
use crate::settings::Settings;
use crate::store::Store;
use crate::{Error, Result};

/// The heading of the part printed for the programme's file after the letter itself.
pub const FILE_COPY_HEADING: &str = "File copy: decision trail";

/// Everything printed in one letter, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterFacts {
    pub letter: PendingLetter,
    pub application_id: i64,
    pub application: Application,
    pub protege: Party,
    pub protege_kind: ProtegeKind,
    pub development_needs: String,
    pub career_goals: String,
    /// The mentor the letter names: the one accepted, or the one asked.
    pub mentor: Option<Party>,
    /// The mentorship made when the mentor accepted, with its id.
    pub mentorship: Option<(i64, Mentorship)>,
    /// The step of the decision trail that owed this letter.
    pub event: Event,
    /// The committee's reasons for a rejection, as written in its review.
    pub reasons: String,
    /// The whole decision trail, oldest first, for the file copy.
    pub trail: Vec<Event>,
    pub settings: Settings,
}

impl LetterFacts {
    pub fn load(store: &Store, letter_id: i64) -> Result<LetterFacts> {
        let (letter, _printed_on) = store.letter(letter_id)?;
        let application = store.application(letter.application_id)?;
        let protege = store.protege(application.protege_id)?;
        let trail = store.decision_trail(letter.application_id)?;
        let event = trail
            .iter()
            .find(|e| e.id == letter.event_id)
            .cloned()
            .ok_or(Error::NotFound {
                what: "Decision trail step",
                id: letter.event_id,
            })?;
        let mentor = match letter.mentor_id {
            Some(id) => Some(mentor_party(store, id)?),
            None => None,
        };
        if mentor.is_none() && letter.kind != LetterKind::Rejection {
            return Err(Error::invalid(
                "mentor_id",
                format!(
                    "The {} letter of {} names no mentor, so it cannot be printed.",
                    letter.kind.label().to_lowercase(),
                    Application::reference(letter.application_id)
                ),
            ));
        }
        let mentorship = match (letter.kind, application.mentorship_id) {
            (LetterKind::Acceptance, Some(id)) => Some((id, store.mentorship(id)?)),
            _ => None,
        };
        // The letter gives the reasons of the review that decided; the trail's step carries
        // the same words, and is the fallback should the review be missing.
        let reasons = store
            .reviews(letter.application_id)?
            .into_iter()
            .rev()
            .find(|r| r.decision == Decision::Rejected)
            .map(|r| r.reasons)
            .unwrap_or_else(|| event.why.clone());
        Ok(LetterFacts {
            application_id: letter.application_id,
            protege: staff_party(store, &store.staff(protege.staff_id)?)?,
            protege_kind: protege.kind,
            development_needs: protege.development_needs,
            career_goals: protege.career_goals,
            mentor,
            mentorship,
            event,
            reasons,
            trail,
            settings: store.settings()?,
            application,
            letter,
        })
    }

    /// The application's reference, e.g. "APP-0003".
    pub fn application_reference(&self) -> String {
        Application::reference(self.application_id)
    }

    /// The period the letter speaks of: the mentorship's once it is made, otherwise the one
    /// the application asked for.
    pub fn period(&self) -> (NaiveDate, NaiveDate) {
        match &self.mentorship {
            Some((_, m)) => (m.start_date, m.end_date),
            None => (self.application.wanted_start, self.application.wanted_end),
        }
    }

    /// The day by which the mentor is asked to answer a notice dated `today`.
    pub fn reply_by(&self, today: NaiveDate) -> NaiveDate {
        today + chrono::Days::new(u64::from(self.settings.mentor_reply_days))
    }
}

fn mentor_party(store: &Store, mentor_id: i64) -> Result<Party> {
    let mentor = store.mentor(mentor_id)?;
    if let Some(staff_id) = mentor.staff_id {
        return staff_party(store, &store.staff(staff_id)?);
    }
    let organisation = match mentor.organisation_id {
        Some(id) => Some(store.organisation(id)?.name),
        None => None,
    };
    Ok(Party {
        name: mentor.external_name,
        persal: None,
        designation: mentor.professional_background,
        unit: String::new(),
        organisation,
    })
}

/// The letter's layout, dated `today`.
pub fn build(f: &LetterFacts, today: NaiveDate) -> Document {
    let (title, suffix, mut blocks) = match f.letter.kind {
        LetterKind::Acceptance => (
            "Acceptance onto the programme",
            "ACC".to_owned(),
            acceptance(f),
        ),
        LetterKind::Rejection => (
            "Outcome of your application",
            "REJ".to_owned(),
            rejection(f),
        ),
        LetterKind::MentorNotice => (
            "Proposed protégé: request to mentor",
            Mentor::reference(f.letter.mentor_id.unwrap_or_default()),
            mentor_notice(f, today),
        ),
    };
    let reference = format!("{}/{suffix}", f.application_reference());
    let addressee = match f.letter.kind {
        LetterKind::MentorNotice => f.mentor.as_ref().unwrap_or(&f.protege),
        LetterKind::Acceptance | LetterKind::Rejection => &f.protege,
    };
    let mut letter = vec![
        Block::Paragraph(addressee.address()),
        Block::Fields(vec![
            ("Date".into(), long_date(today)),
            ("Our reference".into(), reference.clone()),
        ]),
        Block::Paragraph(format!("Dear {},", addressee.name)),
    ];
    letter.append(&mut blocks);
    letter.extend([
        Block::Paragraph("Yours sincerely,".into()),
        Block::Signatures(vec![Signatory {
            role: "Programme manager".into(),
            name: f.settings.programme_manager.clone(),
        }]),
    ]);
    letter.extend(file_copy(f));
    Document {
        title: title.into(),
        reference,
        organisation: f.settings.department_name.clone(),
        generated_on: today,
        blocks: letter,
    }
}

/// A mentor as a protégé's letter names them.
fn mentor_words(p: &Party) -> String {
    match &p.organisation {
        Some(org) => format!("{}, of {org} (external organisation)", p.name),
        None => [p.name.as_str(), p.designation.trim(), p.unit.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn period_words(f: &LetterFacts) -> String {
    let (start, end) = f.period();
    format!("{} to {}", long_date(start), long_date(end))
}

/// The programme manager as a letter names them, ending before a comma or a full stop.
fn manager(f: &LetterFacts) -> String {
    match f.settings.programme_manager.trim() {
        "" => "the programme manager".into(),
        name => format!("the programme manager, {name}"),
    }
}

/// The programme manager in the middle of a sentence: "the programme manager, Refilwe
/// Mokoena, will ...".
fn manager_mid(f: &LetterFacts) -> String {
    match f.settings.programme_manager.trim() {
        "" => "the programme manager".into(),
        name => format!("the programme manager, {name},"),
    }
}

fn application_words(f: &LetterFacts) -> String {
    let what = match f.application.entry {
        crate::selection::Entry::Application => "your application",
        crate::selection::Entry::Eligible => "your entry",
    };
    let intake = match f.application.intake.trim() {
        "" => String::new(),
        intake => format!(" for the {intake}"),
    };
    format!(
        "{what}{intake} ({}, received on {})",
        f.application_reference(),
        long_date(f.application.received_on)
    )
}

fn acceptance(f: &LetterFacts) -> Vec<Block> {
    let programme = &f.settings.programme_name;
    let mentor = f.mentor.as_ref();
    let mentor_name = mentor.map_or("", |m| m.name.as_str());
    let mentorship = f
        .mentorship
        .as_ref()
        .map(|(id, _)| Mentorship::reference(*id));
    let mut fields = vec![
        (
            "Your mentor".to_owned(),
            mentor.map(mentor_words).unwrap_or_default(),
        ),
        ("Period".into(), period_words(f)),
    ];
    if let Some(reference) = &mentorship {
        fields.push(("Mentorship".into(), reference.clone()));
    }
    let mut blocks = vec![
        Block::Heading(format!("Your place on the {programme}")),
        Block::Paragraph(format!(
            "I am pleased to tell you that you have been accepted onto the {programme}, following \
             {}. {mentor_name} has agreed to be your mentor.",
            application_words(f)
        )),
        Block::Fields(fields),
    ];
    if let Some(org) = mentor.and_then(|m| m.organisation.as_ref()) {
        blocks.push(Block::Paragraph(format!(
            "{org} offers your mentor to the department under its agreement with us, and accepted \
             you as a protégé after its interview."
        )));
    }
    blocks.extend([
        Block::Paragraph(format!(
            "The next step is the mentorship agreement{}. {} will arrange a meeting with you, \
             your mentor and your line manager to agree your goals, how and how often you will \
             meet, and the work plan, and to sign the agreement. The mentorship begins once the \
             agreement is signed. Mentoring supplements your line manager's supervision; it \
             does not replace it.",
            mentorship
                .map(|r| format!(" (reference {r}/AGR)"))
                .unwrap_or_default(),
            capitalised(&manager_mid(f)),
        )),
        Block::Paragraph(format!(
            "If you have any question about the programme, please contact {}, quoting the \
             reference above. Congratulations, and I wish you a rewarding mentorship.",
            manager(f)
        )),
    ]);
    blocks
}

fn rejection(f: &LetterFacts) -> Vec<Block> {
    let programme = &f.settings.programme_name;
    vec![
        Block::Heading(format!("Your application to the {programme}")),
        Block::Paragraph(format!(
            "Thank you for {}. The selection committee considered it on {} and regrets that it \
             could not accept you onto the programme this time.",
            application_words(f),
            long_date(f.event.happened_on)
        )),
        Block::Paragraph("The committee gave these reasons:".into()),
        Block::Paragraph(f.reasons.trim().to_owned()),
        Block::Paragraph(
            "This decision concerns this application only. You are welcome to apply again for \
             a later intake; a new application is considered afresh, and the reasons above may \
             help you prepare it."
                .into(),
        ),
        Block::Paragraph(format!(
            "If you wish to query the decision, write to {}, quoting the reference above and \
             giving your reasons. The committee will reconsider the application and answer \
             you in writing; if you remain dissatisfied, the department's grievance procedure \
             is open to you.",
            manager(f)
        )),
    ]
}

fn mentor_notice(f: &LetterFacts, today: NaiveDate) -> Vec<Block> {
    let programme = &f.settings.programme_name;
    let protege = &f.protege.name;
    let days = f.settings.mentor_reply_days;
    let reply_by = long_date(f.reply_by(today));
    let organisation = f.mentor.as_ref().and_then(|m| m.organisation.clone());
    let mut blocks = vec![
        Block::Heading(format!("A protégé proposed for you in the {programme}")),
        Block::Paragraph(format!(
            "The {programme} proposes you as the mentor of {protege}, whose details follow, \
             and asks whether you will accept."
        )),
        Block::Fields(vec![
            ("Protégé".into(), protege.clone()),
            ("Kind of protégé".into(), f.protege_kind.label().into()),
            ("Unit".into(), or_not_recorded(&f.protege.unit)),
            (
                "Development needs".into(),
                or_not_recorded(&f.development_needs),
            ),
            ("Career goals".into(), or_not_recorded(&f.career_goals)),
            ("Period".into(), period_words(f)),
        ]),
    ];
    match &organisation {
        Some(org) => blocks.push(Block::Paragraph(format!(
            "As the agreement between the department and {org} provides, the organisation \
             interviews the protégé before it decides, and its decision is final. Please \
             arrange the interview through {} and give the organisation's decision, accept or \
             decline, by {reply_by} (within {days} days of this notice).",
            manager_mid(f)
        ))),
        None => blocks.push(Block::Paragraph(format!(
            "Please tell {} by {reply_by} (within {days} days of this notice) whether you \
             accept or decline. If you accept, the mentorship is drawn up and you, the protégé \
             and the protégé's line manager meet to sign the mentorship agreement; the \
             mentoring responsibility is then written into your key performance areas.",
            manager_mid(f)
        ))),
    }
    blocks.push(Block::Paragraph(
        "If you decline, please give your reason: it is recorded, and the protégé is matched \
         with another mentor."
            .into(),
    ));
    blocks.push(Block::Paragraph(match &organisation {
        Some(_) => "Protégé information reaches an external organisation only with the \
                    protégé's written consent. The details above are given to you only to \
                    decide on this proposal; please keep them confidential."
            .into(),
        None => "The details above are given to you only to decide on this proposal; please \
                 keep them confidential."
            .into(),
    }));
    blocks
}

/// The decision trail, printed after the letter for the copy the office files.
fn file_copy(f: &LetterFacts) -> Vec<Block> {
    vec![
        Block::PageBreak,
        Block::Heading(FILE_COPY_HEADING.into()),
        Block::Note(format!(
            "For the programme's file, kept with a copy of this letter: every step of {} up to \
             {}, oldest first. Not sent with the letter.",
            f.application_reference(),
            long_date(
                f.trail
                    .last()
                    .map_or(f.event.happened_on, |e| e.happened_on)
            )
        )),
        Block::Table {
            columns: vec![
                Column::new("Date", 0.16),
                Column::new("Who", 0.24),
                Column::new("What", 0.26),
                Column::new("Why", 0.34),
            ],
            rows: f
                .trail
                .iter()
                .map(|e| {
                    vec![
                        long_date(e.happened_on),
                        e.actor.clone(),
                        e.what.clone(),
                        e.why.clone(),
                    ]
                })
                .collect(),
        },
    ]
}

fn or_not_recorded(text: &str) -> String {
    match text.trim() {
        "" => "Not recorded".into(),
        text => text.to_owned(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One letter's layout, dated `today`.
pub fn letter(store: &Store, letter_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(build(&LetterFacts::load(store, letter_id)?, today))
}

/// The PDF's name: "APP-0003-rejection.pdf", "APP-0003-acceptance.pdf",
/// "APP-0003-mentor-notice-MT-0002.pdf".
pub fn file_name(letter: &PendingLetter) -> String {
    let application = Application::reference(letter.application_id);
    match letter.kind {
        LetterKind::Acceptance => format!("{application}-acceptance.pdf"),
        LetterKind::Rejection => format!("{application}-rejection.pdf"),
        LetterKind::MentorNotice => format!(
            "{application}-mentor-notice-{}.pdf",
            Mentor::reference(letter.mentor_id.unwrap_or_default())
        ),
    }
}

/// Prints one letter, printed before or not, into `dir` and returns the file's path. It does
/// not mark the letter printed; `print_letter` does.
pub fn write_letter(
    store: &Store,
    letter_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let facts = LetterFacts::load(store, letter_id)?;
    let path = dir.join(file_name(&facts.letter));
    crate::document::write_pdf(&build(&facts, today), &path)?;
    Ok(path)
}

/// Prints one letter into `dir`, marks it printed once its PDF is safely written, and returns
/// the file's path.
pub fn print_letter(
    store: &mut Store,
    letter_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let path = write_letter(store, letter_id, today, dir)?;
    store.mark_letter_printed(letter_id, today)?;
    Ok(path)
}

/// Prints every letter still owed into `dir`, oldest first, and marks each printed once its
/// PDF is safely written. `on_letter` is told of each letter before it is printed, with its
/// position (from 1) and the number owed. It stops at the first failure: the letters printed
/// before it are marked, the one that failed and those after it stay owed.
pub fn write_pending_letters(
    store: &mut Store,
    today: NaiveDate,
    dir: &Path,
    mut on_letter: impl FnMut(&PendingLetter, usize, usize),
) -> Result<Vec<PathBuf>> {
    let pending = store.pending_letters()?;
    let mut written = Vec::with_capacity(pending.len());
    for (index, letter) in pending.iter().enumerate() {
        on_letter(letter, index + 1, pending.len());
        written.push(print_letter(store, letter.id, today, dir)?);
    }
    Ok(written)
}
