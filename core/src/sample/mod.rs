//! The sample programme offered on first start: a department with five units, thirty-six staff,
//! six mentors (one external), sixteen protégés of all four kinds and eight mentorships. The
//! seven active mentorships have a history for reports and the dashboard: work plans mostly
//! signed off, about sixty sessions with their actions, goals at every stage, competency
//! ratings, the previous quarter's reports, and one troubled pair that has stopped meeting and
//! has begun the termination steps. Six new staff members make up an open intake for
//! selection and matching: applications waiting for the committee, approved, rejected (a
//! letter owed) and an intern entered as eligible. Every record goes through the same checks
//! as a typed one, so the sample also proves the rules. The leaving mentor's three earlier
//! pairs have ended (two completed, one terminated with its four steps). Most printed documents
//! are signed, two carry a signed copy, and one agreement was changed by an addendum. Dates are placed a fixed number of days
//! before or after `today` (never from the first of a month or a quarter), so what the sample
//! shows is the same on any day of the year; whatever would fall after `today` is left out.
//! The people and their stories are data (`data.rs`); this module turns them into records.

mod data;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::calendar::WorkingCalendar;
use crate::cycle::Cycle;
use crate::domain::*;
use crate::evaluation::{Answer, AnswerKind, Evaluation, Form, Question};
use crate::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use crate::selection::{Application, Entry, Review, State};
use crate::session::{Action, Session, SessionKind};
use crate::signing::Paper;
use crate::termination::{Step, StepKind};
use crate::workplan::EventKind;
use crate::{Error, Result, Store};
use data::When::{After, DaysAgo};
use data::*;

/// Fills an empty register with the sample programme, all in one transaction.
pub fn create(store: &mut Store, today: NaiveDate) -> Result<()> {
    if !store.is_empty()? {
        return Err(Error::invalid(
            "sample",
            "The sample programme can only be loaded into an empty register; this one already has staff.",
        ));
    }
    store.in_transaction(|store| fill(store, today))
}

/// The signatures recorded from the signed paper: every document signed two days after its
/// date, but for one agreement still waiting for the programme manager and the line manager
/// (`PARTLY_SIGNED`) and one progress report signed by the mentor alone; a photo of one signed
/// agreement and the scan of a KPA allocation attached; and one pair's agreement changed by an
/// addendum (`AMENDED`), which all four have signed.
fn sign_paper(
    store: &mut Store,
    mentorship_ids: &[i64],
    mentor_ids: &[i64],
    organisation_id: i64,
    today: NaiveDate,
) -> Result<()> {
    let amended_id = mentorship_ids[AMENDED];
    let mut documents = vec![store.signable(Paper::OrganisationAgreement, organisation_id)?];
    for row in store.mentorships(&crate::store::MentorshipQuery::default())? {
        if row.status != Status::Draft {
            documents.extend(store.mentorship_papers(row.id)?);
        }
    }
    for &id in mentor_ids {
        documents.extend(store.mentor_papers(id)?);
    }
    let partly_report = documents
        .iter()
        .find(|d| d.paper == Paper::ProgressReport)
        .map(|d| d.subject_id);
    for doc in &documents {
        let only = match doc.paper {
            Paper::Agreement if doc.subject_id == mentorship_ids[PARTLY_SIGNED] => &[
                crate::signing::Signer::Mentor,
                crate::signing::Signer::Protege,
            ][..],
            Paper::ProgressReport if Some(doc.subject_id) == partly_report => {
                &[crate::signing::Signer::Mentor][..]
            }
            _ => doc.paper.signers(),
        };
        sign_blocks(store, doc, only, today)?;
    }

    let mut m = store.mentorship(amended_id)?;
    m.goals.push(Goal {
        description: ADDENDUM_GOAL.0.into(),
        measure: ADDENDUM_GOAL.1.into(),
        due_on: None,
        status: GoalStatus::NotStarted,
        progress: 0,
    });
    m.meeting_minutes += 30;
    let addendum = store.make_addendum(
        &crate::addendum::Request {
            mentorship: m,
            reason: ADDENDUM_REASON.into(),
            made_on: today - Days::new(ADDENDUM_DAYS_AGO),
        },
        today,
    )?;
    let doc = store.signable(Paper::Addendum, addendum.id)?;
    sign_blocks(store, &doc, Paper::Addendum.signers(), today)?;

    store.attach_copy(
        Paper::Agreement,
        amended_id,
        "agreement-signed-page-14.png",
        &photo_of_signed_page(),
        today,
    )?;
    if let Some(kpa) = store
        .mentor_papers(mentor_ids[0])?
        .into_iter()
        .find(|d| d.paper == Paper::KpaAllocation)
    {
        let scan = crate::document::render_pdf(&crate::print::kpa_allocation::kpa_allocation(
            store,
            kpa.subject_id,
            kpa.since,
        )?)?;
        store.attach_copy(
            Paper::KpaAllocation,
            kpa.subject_id,
            "kpa-allocation-scan.pdf",
            &scan,
            today,
        )?;
    }
    Ok(())
}

/// Records the signatures of `signers` on `doc` (those whose block names someone), two days
/// after the document's date.
fn sign_blocks(
    store: &mut Store,
    doc: &crate::signing::Signable,
    signers: &[crate::signing::Signer],
    today: NaiveDate,
) -> Result<()> {
    let on = (doc.since + Days::new(2)).min(today);
    for b in doc.blocks.iter().filter(|b| signers.contains(&b.signer)) {
        if b.printed_name.trim().is_empty() {
            continue;
        }
        store.record_signature(
            &crate::signing::Signature {
                paper: doc.paper,
                subject_id: doc.subject_id,
                signer: b.signer,
                name: b.printed_name.clone(),
                signed_on: on,
            },
            today,
        )?;
    }
    Ok(())
}

/// A small picture of a signed page, as a phone would photograph it: lines of text and a
/// signature at the foot.
fn photo_of_signed_page() -> Vec<u8> {
    let (width, height) = (240, 340);
    let page = image::GrayImage::from_fn(width, height, |x, y| {
        let text_line = (30..260).contains(&y) && y % 14 < 3 && (20..220).contains(&x);
        let signature = (285..310).contains(&y)
            && (40..160).contains(&x)
            && (f64::from(y) - 297.0 - 9.0 * (f64::from(x) / 9.0).sin()).abs() < 2.0;
        image::Luma([if text_line || signature { 60 } else { 238 }])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    // Writing into memory fails only when out of memory; the sample then has no photo.
    let _ = page.write_to(&mut png, image::ImageFormat::Png);
    png.into_inner()
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn fill(store: &mut Store, today: NaiveDate) -> Result<()> {
    let first = today.with_day(1).unwrap_or(today);
    let began = |n: usize| today - Days::new(STARTED_DAYS_AGO[n]);
    // Appointments begin with the oldest mentorship and run for a year, but for the one mentor
    // whose appointment, made a year before, ends within the warning days.
    let begin = began(0);
    let appointment_end = begin + Months::new(12) - Days::new(1);
    let leaving_end = today + Days::new(LEAVING_IN_DAYS);
    let leaving_start = leaving_end - Months::new(12) + Days::new(1);
    let appointment = |mentor: usize| {
        if mentor == LEAVING_MENTOR {
            (leaving_start, leaving_end)
        } else {
            (begin, appointment_end)
        }
    };

    let mut settings = store.settings()?;
    settings.department_name = "Department of Public Service and Administration (sample)".into();
    settings.programme_manager = "Refilwe Mokoena".into();
    store.save_settings(&settings)?;

    let mut unit_ids = Vec::new();
    for name in UNITS {
        unit_ids.push(store.save_unit(&Unit {
            id: None,
            name: name.into(),
            line_manager_id: None,
            archived: false,
        })?);
    }
    let mut staff_ids = Vec::new();
    for (n, p) in PEOPLE.iter().enumerate() {
        let (first_names, surname, gender, race, born, designation, level, unit, location) = *p;
        let born = date(born);
        let joined = born.with_year(born.year() + 23).unwrap_or(born);
        let id = store.save_staff(
            &Staff {
                id: None,
                persal: format!("{}", 21_004_310 + n * 7_919),
                first_names: first_names.into(),
                surname: surname.into(),
                gender: Some(gender),
                race: Some(race),
                date_of_birth: Some(born),
                disability: n == 17,
                designation: designation.into(),
                salary_level: Some(level),
                unit_id: Some(unit_ids[unit]),
                line_manager_id: own_line_manager(n).map(|m| staff_ids[m]),
                location: Some(location),
                public_service_start: Some(joined.min(today)),
                unit_start: Some(joined.min(today)),
                email: format!(
                    "{}.{}@dpsa.example.gov.za",
                    first_names,
                    surname.replace(['\'', ' '], "")
                )
                .to_lowercase(),
                phone: format!("012 336 {:04}", 1000 + n * 37),
                archived: false,
            },
            today,
        )?;
        staff_ids.push(id);
    }
    for (unit, &unit_id) in unit_ids.iter().enumerate() {
        store.save_unit(&Unit {
            id: Some(unit_id),
            name: UNITS[unit].into(),
            line_manager_id: Some(staff_ids[unit]),
            archived: false,
        })?;
    }

    let trained = leaving_start - Months::new(3);
    let mut mentor_ids = Vec::new();
    for (n, &(person, fields, years, override_reason, nominated_by, languages)) in
        MENTORS.iter().enumerate()
    {
        mentor_ids.push(store.save_mentor(&Mentor {
            id: None,
            staff_id: Some(staff_ids[person]),
            external_name: String::new(),
            organisation_id: None,
            fields_of_expertise: fields.into(),
            qualifications: "Honours degree; accredited mentor training".into(),
            professional_background: PEOPLE[person].5.into(),
            scarce_skills: String::new(),
            years_experience: years,
            recruitment: if nominated_by.is_empty() {
                Recruitment::Volunteer
            } else {
                Recruitment::Nominated
            },
            nominated_by: nominated_by.into(),
            training_course: "Mentoring and Coaching in the Public Service".into(),
            training_provider: "National School of Government".into(),
            training_completed_on: Some(trained),
            training_certificate: format!("NSG-MC-{}-{:04}", trained.year(), 311 + n * 17),
            appointment_start: Some(appointment(n).0),
            appointment_end: Some(appointment(n).1),
            experience_override_reason: override_reason.into(),
            languages: languages.into(),
            archived: false,
        })?);
    }
    let organisation_id = store.save_organisation(&Organisation {
        contact_person: "Mr Hendrik Coetzee".into(),
        email: "mentoring@ubuntu-leadership.example.co.za".into(),
        phone: "011 403 2210".into(),
        address: "14 Jan Smuts Avenue, Braamfontein, Johannesburg, 2001".into(),
        coordinator: "Refilwe Mokoena (programme manager)".into(),
        days_per_year: Some(12),
        time_allocation_notes: "About two hours a month per protégé, in working hours, with a half-day workshop each quarter".into(),
        agreement_start: Some(begin),
        agreement_end: Some(appointment_end),
        ..Organisation::new("Ubuntu Leadership Institute", OrganisationKind::PrivateSector)
    })?;
    mentor_ids.push(store.save_mentor(&Mentor {
        id: None,
        staff_id: None,
        external_name: "Dr Khanyisile Sibiya-Jansen".into(),
        organisation_id: Some(organisation_id),
        fields_of_expertise: "Financial management, accounting, leadership".into(),
        qualifications: "CA(SA); PhD in Public Finance".into(),
        professional_background: "Former audit partner; executive coach".into(),
        scarce_skills: "Chartered accountancy".into(),
        years_experience: 22,
        recruitment: Recruitment::Volunteer,
        nominated_by: String::new(),
        training_course: "Executive Mentoring Programme".into(),
        training_provider: "Gordon Institute of Business Science".into(),
        training_completed_on: Some(trained),
        training_certificate: "GIBS-EMP-2231".into(),
        appointment_start: Some(begin),
        appointment_end: Some(appointment_end),
        experience_override_reason: String::new(),
        languages: "English, isiZulu, Afrikaans".into(),
        archived: false,
    })?);

    let mut protege_ids = Vec::new();
    for &(person, kind, detail, needs) in &PROTEGES {
        protege_ids.push(enrol(store, &staff_ids, person, kind, detail, needs)?);
    }

    let mut mentorship_ids = Vec::new();
    for (n, &(mentor, protege, purpose, mode, frequency, place, goals, competencies)) in
        PAIRINGS.iter().enumerate()
    {
        mentorship_ids.push(
            store.save_mentorship(&Mentorship {
                id: None,
                mentor_id: mentor_ids[mentor],
                protege_id: protege_ids[protege],
                start_date: began(n),
                end_date: appointment(mentor).1,
                purpose,
                mode,
                frequency,
                meeting_minutes: if frequency == Frequency::Weekly {
                    45
                } else {
                    60
                },
                meeting_place: place.into(),
                status: if n == 7 {
                    Status::Draft
                } else {
                    Status::Active
                },
                capacity_override_reason: String::new(),
                goals: goals
                    .iter()
                    .enumerate()
                    .map(|(g, &(description, measure))| {
                        let (status, progress) = STORIES[n]
                            .goals
                            .get(g)
                            .copied()
                            .unwrap_or((GoalStatus::NotStarted, 0));
                        Goal {
                            description: description.into(),
                            measure: measure.into(),
                            due_on: None,
                            status,
                            progress,
                        }
                    })
                    .collect(),
                competencies: competencies
                    .iter()
                    .map(|&(name, current_level, target_level)| Competency {
                        name: name.into(),
                        current_level,
                        target_level,
                    })
                    .collect(),
                archived: false,
            })?,
        );
    }
    allocate_kpas(store, &mentor_ids[..MENTOR_KPAS.len()], begin, today)?;
    let calendar = store.working_calendar(begin.year(), appointment_end.year())?;
    let quarter = previous_quarter(store, today)?;
    for (&id, story) in mentorship_ids.iter().zip(&STORIES) {
        tell(store, id, story, &calendar, quarter.as_ref(), today)?;
    }
    evaluate(store, mentorship_ids[EVALUATED], today)?;
    open_dispute(store, mentorship_ids[DISPUTED], today)?;
    let first_pairs = leaving_start + Days::new(14);
    complete_first_pairs(
        store,
        &staff_ids,
        mentor_ids[LEAVING_MENTOR],
        first_pairs,
        today,
    )?;
    sign_paper(store, &mentorship_ids, &mentor_ids, organisation_id, today)?;
    // The intake wants its mentoring from the first of next month to the end of the mentors'
    // appointments, so that every sample mentor's appointment covers it.
    let wanted = (first + Months::new(1), appointment_end);
    apply_to_intake(store, &staff_ids, wanted, today)
}

/// The protégé of the longest of the leaving mentor's pairs filled in the mid-point form on
/// paper five days after it fell due; the mentor's is still owed (and overdue), as are both
/// mid-point forms of the mentor's other pair, which reached its mid-point later.
fn evaluate(store: &mut Store, mentorship_id: i64, today: NaiveDate) -> Result<()> {
    let answer = |_: &Question, q: usize| EVALUATION_ANSWERS.get(q).copied();
    fill_in(
        store,
        mentorship_id,
        Form::ProtegeMidpoint,
        (5, true),
        answer,
        today,
    )
}

/// Records `form` of a mentorship as filled in `days` after it fell due (on paper or not),
/// each question (by its place on the form) answered with a rating, a yes or no, or words.
fn fill_in(
    store: &mut Store,
    mentorship_id: i64,
    form: Form,
    (days, from_paper): (u64, bool),
    answer: impl Fn(&Question, usize) -> Option<(Option<u8>, Option<bool>, &'static str)>,
    today: NaiveDate,
) -> Result<()> {
    let m = store.mentorship(mentorship_id)?;
    let answers = store
        .evaluation_questions(form, false)?
        .iter()
        .enumerate()
        .filter_map(|(q, question)| {
            let (rating, yes, text) = answer(question, q)?;
            Some(Answer {
                question_id: question.id.unwrap_or_default(),
                rating,
                yes,
                text: text.into(),
            })
        })
        .collect();
    store.save_evaluation(
        &Evaluation {
            id: None,
            mentorship_id,
            form,
            answered_on: form.due_on(m.start_date, m.end_date) + Days::new(days),
            scale: store.settings()?.rating_scale,
            from_paper,
            answers,
        },
        today,
    )?;
    Ok(())
}

/// The leaving mentor's first three protégés, mentored for six months from `start` early in
/// her appointment: each pair met monthly, with every evaluation form answered a few days
/// after it fell due, so that the programme report of the last twelve months has answers
/// enough to show how they spread. Two completed with their goal achieved, which earns a
/// certificate; the third (`TERMINATED_FIRST_PAIR`) was terminated early after the four
/// termination steps, so that its letters print and the report has a reason to group.
fn complete_first_pairs(
    store: &mut Store,
    staff_ids: &[i64],
    mentor_id: i64,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    for (n, &(person, ratings)) in FIRST_PAIRS.iter().enumerate() {
        let protege_id = enrol(
            store,
            staff_ids,
            person,
            ProtegeKind::Applicant,
            "",
            "Project management",
        )?;
        let terminated = n == TERMINATED_FIRST_PAIR;
        // The terminated pair stopped meeting at the discussion and ended on the decision.
        let step_day = |step: usize| start + Days::new(FIRST_PAIR_TERMINATION[step].1);
        let (status, end_date, last_meeting, goal) = if terminated {
            let goal = (GoalStatus::NotAchieved, 40);
            (Status::Terminated, step_day(3), step_day(0), goal)
        } else {
            let end = start + Months::new(6) - Days::new(1);
            (Status::Completed, end, end, (GoalStatus::Achieved, 100))
        };
        let mentorship_id = store.save_mentorship(&Mentorship {
            id: None,
            mentor_id,
            protege_id,
            start_date: start,
            end_date,
            purpose: Purpose::CareerDevelopment,
            mode: Mode::FaceToFace,
            frequency: Frequency::Monthly,
            meeting_minutes: 60,
            meeting_place: "Boardroom 2".into(),
            status,
            capacity_override_reason: String::new(),
            goals: vec![Goal {
                description: "Run a small project from plan to close-out".into(),
                measure: "Close-out report accepted".into(),
                due_on: None,
                status: goal.0,
                progress: goal.1,
            }],
            competencies: Vec::new(),
            archived: false,
        })?;
        for month in 0..6 {
            let held_on = start + Months::new(month) + Days::new(7);
            if held_on >= last_meeting {
                break;
            }
            store.save_session(
                &Session {
                    id: None,
                    mentorship_id,
                    held_on,
                    minutes: 60,
                    place: "Boardroom 2".into(),
                    mode: Mode::FaceToFace,
                    kind: SessionKind::Planned,
                    topics: FIRST_PAIR_TOPICS[month as usize].into(),
                    advice: String::new(),
                    diagnosis_now: String::new(),
                    diagnosis_goal: String::new(),
                    confidential_notes: String::new(),
                    actions: Vec::new(),
                },
                today,
            )?;
        }
        for &form in Form::ALL {
            let answer = |question: &Question, q: usize| {
                let rating =
                    (question.answer == AnswerKind::Rating).then_some(ratings[q % ratings.len()]);
                let yes = (question.answer == AnswerKind::YesNo).then_some(q + n != 5);
                Some((rating, yes, ""))
            };
            fill_in(
                store,
                mentorship_id,
                form,
                (3 + n as u64, n != 1),
                answer,
                today,
            )?;
        }
        if terminated {
            for (kind, days, initiated_by, notes) in FIRST_PAIR_TERMINATION {
                store.save_termination_step(
                    &Step {
                        id: None,
                        mentorship_id,
                        kind,
                        taken_on: start + Days::new(days),
                        initiated_by: initiated_by.into(),
                        notes: notes.into(),
                        coordinator_informed: true,
                        reason: (kind == StepKind::Decision)
                            .then_some(FIRST_PAIR_TERMINATION_REASON),
                    },
                    today,
                )?;
            }
        }
    }
    Ok(())
}

/// The applicant's own line manager, for the staff member at `PEOPLE[person]`.
fn own_line_manager(person: usize) -> Option<usize> {
    INTAKE
        .iter()
        .find(|a| a.person == person)
        .and_then(|a| a.line_manager)
}

/// Records a staff member of `PEOPLE` as a protégé with the profile the committee reads.
fn enrol(
    store: &mut Store,
    staff_ids: &[i64],
    person: usize,
    kind: ProtegeKind,
    detail: &str,
    needs: &str,
) -> Result<i64> {
    let (.., designation, level, unit, _) = PEOPLE[person];
    store.save_protege(&Protege {
        id: None,
        staff_id: staff_ids[person],
        kind,
        programme_detail: detail.into(),
        career_goals: format!(
            "Grow into a {} role",
            if level >= 8 {
                "senior management"
            } else {
                "professional"
            }
        ),
        career_path_plan: "Agreed with the line manager in the personal development plan".into(),
        education: "Recorded in the personal file".into(),
        work_experience: format!("{designation} in {}", UNITS[unit]),
        strengths: "Reliable, eager to learn".into(),
        weaknesses: "Limited experience of the new role".into(),
        development_needs: needs.into(),
        archived: false,
    })
}

/// Records the sample's intake (`INTAKE`): each applicant as a protégé, the application (or
/// the intern's entry as eligible) and the committee's review where it has decided. The
/// programme manager records the applications; the committee reviews ten days after receipt.
fn apply_to_intake(
    store: &mut Store,
    staff_ids: &[i64],
    (wanted_start, wanted_end): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Result<()> {
    let officer = store.settings()?.programme_manager;
    let intake = format!("{} intake", wanted_start.format("%B %Y"));
    for a in &INTAKE {
        let protege_id = enrol(store, staff_ids, a.person, a.kind, a.detail, a.needs)?;
        let received_on = today - Days::new(a.days_ago);
        let entry = match a.committee {
            Committee::NotNeeded => Entry::Eligible,
            _ => Entry::Application,
        };
        let id = store.save_application(
            &Application {
                id: None,
                protege_id,
                entry,
                received_on,
                intake: intake.clone(),
                wanted_start,
                wanted_end,
                preferred_gender: a.preferred_gender,
                preferred_language: a.preferred_language.into(),
                motivation: a.motivation.into(),
                state: State::Submitted,
                mentor_id: None,
                mentorship_id: None,
            },
            &officer,
            today,
        )?;
        if let Committee::Decided(decision, interview_notes, reasons) = a.committee {
            store.start_review(id, "Selection committee", received_on + Days::new(3))?;
            store.record_review(
                &Review {
                    id: None,
                    application_id: id,
                    reviewed_on: received_on + Days::new(10),
                    members_present: COMMITTEE.into(),
                    interview_notes: interview_notes.into(),
                    decision,
                    reasons: reasons.into(),
                },
                today,
            )?;
        }
    }
    Ok(())
}

/// Gives every internal mentor a KPA allocation for the cycle that contains `today`: the
/// first four final after the line manager's consultation (the first revised once, so it
/// has a history), the last still a draft awaiting consultation.
fn allocate_kpas(
    store: &mut Store,
    mentor_ids: &[i64],
    begin: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let cycle = store.ensure_cycle(today)?;
    let cycle_id = cycle.id.unwrap_or_default();
    for (n, (&mentor_id, own)) in mentor_ids.iter().zip(&MENTOR_KPAS).enumerate() {
        let mut allocation = store.propose_kpa_allocation(mentor_id, cycle_id)?;
        allocation.kpas.splice(
            0..0,
            own.iter()
                .map(|&(title, outputs, indicators, weight)| crate::kpa::Kpa {
                    title: title.into(),
                    outputs: outputs.into(),
                    indicators: indicators.into(),
                    weight,
                    mentoring: false,
                }),
        );
        if n + 1 < mentor_ids.len() {
            allocation.consulted_on = Some(begin.max(cycle.start_date).min(today));
            allocation.consultation_outcome = Some(crate::kpa::ConsultationOutcome::Agreed);
            allocation.consultation_notes =
                "The line manager agreed to the time for mentoring.".into();
        }
        let id = store.save_kpa_allocation(&allocation)?;
        if n + 1 == mentor_ids.len() {
            continue;
        }
        store.finalise_kpa_allocation(id, today)?;
        if n == 0 {
            // A revision after the mid-cycle review moves 5% between two KPAs.
            let mut revised = store.kpa_allocation(id)?;
            revised.kpas[0].weight -= 5;
            revised.kpas[1].weight += 5;
            revised.consultation_outcome = Some(crate::kpa::ConsultationOutcome::AgreedWithChanges);
            revised.consultation_notes =
                "Weights moved after the mid-cycle review; agreed by the line manager.".into();
            let next = store.save_kpa_allocation(&revised)?;
            store.finalise_kpa_allocation(next, today)?;
        }
    }
    Ok(())
}

/// The quarter before the one containing `today`, as the dashboard reckons it.
fn previous_quarter(store: &Store, today: NaiveDate) -> Result<Option<Period>> {
    let start_month = store.settings()?.cycle_start_month;
    let quarter_of =
        |day| Cycle::containing(day, start_month).and_then(|c| Period::quarter_containing(&c, day));
    Ok(quarter_of(today)
        .and_then(|q| q.from.pred_opt())
        .and_then(quarter_of))
}

/// The mode and place of a session: the mentorship's own, except that a blended mentorship
/// meets face to face for planned sessions and online for situational ones.
fn session_mode(m: &Mentorship, kind: SessionKind) -> (Mode, String) {
    match (m.mode, kind) {
        (Mode::Blended, SessionKind::Planned) => (Mode::FaceToFace, m.meeting_place.clone()),
        (Mode::Blended | Mode::EMentoring, _) => (Mode::EMentoring, "Microsoft Teams".into()),
        (mode, _) => (mode, m.meeting_place.clone()),
    }
}

/// Writes what has happened in an active mentorship up to `today`: its sessions, work plan with
/// sign-offs, ratings, the previous quarter's report and any termination steps. Whatever would
/// fall after `today` is left out, so the sample loads on any day.
fn tell(
    store: &mut Store,
    id: i64,
    story: &Story,
    calendar: &WorkingCalendar,
    quarter: Option<&Period>,
    today: NaiveDate,
) -> Result<()> {
    let m = store.mentorship(id)?;
    if m.status != Status::Active {
        return Ok(());
    }
    let working = |day: NaiveDate| calendar.on_or_after(day).unwrap_or(day);
    let after = |days: u64| working(m.start_date + Days::new(days));
    let mut planned = Vec::new();
    for &(when, kind, minutes, topics, advice, now, confidential, actions) in story.sessions {
        let held_on = match when {
            After(days) => after(days),
            DaysAgo(days) => today - Days::new(days),
        };
        if held_on > today || held_on < m.start_date {
            continue;
        }
        let (mode, place) = session_mode(&m, kind);
        let actions = actions
            .iter()
            .map(|&(description, owner, due, done)| Action {
                id: None,
                description: description.into(),
                owner,
                due_on: Some(working(held_on + Days::new(due))),
                done_on: done
                    .map(|days| working(held_on + Days::new(days)))
                    .filter(|&day| day <= today),
            })
            .collect();
        store.save_session(
            &Session {
                id: None,
                mentorship_id: id,
                held_on,
                minutes,
                place,
                mode,
                kind,
                topics: topics.into(),
                advice: advice.into(),
                diagnosis_now: now.into(),
                diagnosis_goal: story.aim.into(),
                confidential_notes: confidential.into(),
                actions,
            },
            today,
        )?;
        if kind == SessionKind::Planned {
            planned.push((held_on, topics));
        }
    }

    let plan = store.generate_work_plan(id)?;
    if let Some(until) = story
        .sign_off_lag
        .and_then(|lag| today.checked_sub_days(Days::new(lag)))
    {
        for (n, e) in plan.iter().filter(|e| e.due_on < until).enumerate() {
            let comment = match e.kind {
                EventKind::Discussion => planned
                    .iter()
                    .find(|&&(held, _)| held >= e.due_on && held <= e.due_on + Days::new(7))
                    .map_or_else(
                        || "Held as planned.".to_owned(),
                        |(_, t)| format!("Held: {t}."),
                    ),
                EventKind::Feedback => FEEDBACK_COMMENTS[n % FEEDBACK_COMMENTS.len()].to_owned(),
                _ => "Goals, ratings and open actions reviewed with the protégé.".to_owned(),
            };
            store.sign_off_event(e.id.unwrap_or_default(), e.due_on, &comment, today)?;
        }
    }

    for &(competency, days, rating, evidence) in story.ratings {
        let (Some(c), rated_on) = (m.competencies.get(competency), after(days)) else {
            continue;
        };
        if rated_on <= today {
            store.save_rating(
                &Rating {
                    id: None,
                    mentorship_id: id,
                    competency: c.name.clone(),
                    rated_on,
                    scale: RatingScale::FourPoint,
                    rating,
                    evidence: evidence.into(),
                },
                today,
            )?;
        }
    }

    if let (Some((mentor, protege, overall)), Some(q)) = (story.report, quarter) {
        if m.start_date <= q.to {
            store.save_report_entry(
                &ReportEntry {
                    id: None,
                    mentorship_id: id,
                    period_from: q.from,
                    period_to: q.to,
                    period_label: q.label.clone(),
                    written_on: working(q.to + Days::new(5)).min(today),
                    mentor_comments: mentor.into(),
                    protege_comments: protege.into(),
                    scale: RatingScale::FourPoint,
                    overall_rating: Some(overall),
                    recommendation: Recommendation::Continue,
                    recommendation_reason: String::new(),
                },
                today,
            )?;
        }
    }

    for &(kind, days, initiated_by, notes) in story.termination {
        let taken_on = after(days);
        if taken_on <= today {
            store.save_termination_step(
                &Step {
                    id: None,
                    mentorship_id: id,
                    kind,
                    taken_on,
                    initiated_by: initiated_by.into(),
                    reason: None,
                    notes: notes.into(),
                    coordinator_informed: true,
                },
                today,
            )?;
        }
    }
    Ok(())
}

/// The open dispute of one pair (`DISPUTED`): raised by the protégé with the programme
/// coordinator, one mediation meeting held and another agreed, no decision yet.
fn open_dispute(store: &mut Store, mentorship_id: i64, today: NaiveDate) -> Result<()> {
    let (raised, subject, details) = DISPUTE;
    let dispute_id = store.save_dispute(
        &crate::dispute::Dispute {
            id: None,
            mentorship_id,
            raised_on: today - Days::new(raised),
            raised_by: crate::dispute::Party::Protege,
            parties: crate::dispute::Parties::MentorProtege,
            subject: subject.into(),
            details: details.into(),
        },
        today,
    )?;
    for (kind, days, outcome, notes) in DISPUTE_STEPS {
        store.save_dispute_step(
            &crate::dispute::Step {
                id: None,
                dispute_id,
                kind,
                taken_on: today - Days::new(days),
                outcome,
                decided_by: String::new(),
                notes: notes.into(),
            },
            today,
        )?;
    }
    Ok(())
}
