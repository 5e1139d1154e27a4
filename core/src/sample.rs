//! The sample programme offered on first start: a department with five units, thirty staff,
//! six mentors (one external), ten protégés of all four kinds and eight mentorships. Every
//! record goes through the same checks as a typed one, so the sample also proves the rules.
//! Dates are placed around `today`, so the sample always looks current.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::*;
use crate::{Error, Result, Store};

/// (first names, surname, gender, race, born, designation, salary level, unit, location)
type Person = (
    &'static str,
    &'static str,
    Gender,
    Race,
    (i32, u32, u32),
    &'static str,
    u8,
    usize,
    Location,
);

const UNITS: [&str; 5] = [
    "Human Resource Development",
    "Finance and Supply Chain Management",
    "Information and Communication Technology",
    "Corporate Services",
    "Service Delivery Improvement",
];

use Gender::{Female as F, Male as M};
use Location::{Rural, Urban};
use Race::{African, Coloured, Indian, White};

/// The first five people manage the five units, in order.
const PEOPLE: [Person; 30] = [
    (
        "Nomvula",
        "Dlamini-Müller",
        F,
        African,
        (1972, 3, 14),
        "Director: Human Resource Development",
        13,
        0,
        Urban,
    ),
    (
        "Pieter",
        "O'Neill",
        M,
        White,
        (1970, 11, 2),
        "Chief Financial Officer",
        14,
        1,
        Urban,
    ),
    (
        "Mohammed",
        "Essop",
        M,
        Indian,
        (1975, 6, 21),
        "Director: ICT",
        13,
        2,
        Urban,
    ),
    (
        "Lindiwe",
        "Khumalo",
        F,
        African,
        (1968, 1, 30),
        "Director: Corporate Services",
        13,
        3,
        Urban,
    ),
    (
        "Johan",
        "Botha",
        M,
        White,
        (1969, 8, 9),
        "Director: Service Delivery Improvement",
        13,
        4,
        Rural,
    ),
    (
        "Zoë",
        "van der Merwe",
        F,
        White,
        (1978, 4, 17),
        "Deputy Director: Skills Development",
        11,
        0,
        Urban,
    ),
    (
        "Sipho",
        "Mkhize",
        M,
        African,
        (1976, 9, 5),
        "Deputy Director: Budget Planning",
        11,
        1,
        Urban,
    ),
    (
        "Ayesha",
        "Patel",
        F,
        Indian,
        (1980, 12, 11),
        "Deputy Director: Systems Development",
        11,
        2,
        Urban,
    ),
    (
        "Charlene",
        "Adams",
        F,
        Coloured,
        (1979, 2, 23),
        "Deputy Director: Labour Relations",
        11,
        3,
        Urban,
    ),
    (
        "Thabo",
        "Ndlovu",
        M,
        African,
        (1977, 7, 1),
        "Deputy Director: Service Standards",
        11,
        4,
        Rural,
    ),
    (
        "Refilwe",
        "Mokoena",
        F,
        African,
        (1988, 5, 19),
        "Assistant Director: Training",
        9,
        0,
        Urban,
    ),
    (
        "Kagiso",
        "Molefe",
        M,
        African,
        (1990, 10, 8),
        "Assistant Director: Expenditure",
        9,
        1,
        Urban,
    ),
    (
        "Naledi",
        "Mahlangu",
        F,
        African,
        (1991, 3, 3),
        "Assistant Director: Networks",
        9,
        2,
        Urban,
    ),
    (
        "René",
        "Fourie",
        M,
        White,
        (1987, 6, 27),
        "Assistant Director: Records",
        9,
        3,
        Urban,
    ),
    (
        "Busisiwe",
        "Zulu",
        F,
        African,
        (1989, 1, 15),
        "Assistant Director: Citizen Liaison",
        9,
        4,
        Rural,
    ),
    (
        "Andiswa",
        "Mthembu-Ngcobo",
        F,
        African,
        (1993, 8, 12),
        "Senior Practitioner: Skills Development",
        8,
        0,
        Urban,
    ),
    (
        "Riaan",
        "Pretorius",
        M,
        White,
        (1992, 4, 4),
        "Senior Accountant",
        8,
        1,
        Urban,
    ),
    (
        "Fatima",
        "Cassim",
        F,
        Indian,
        (1994, 11, 29),
        "Senior Systems Analyst",
        8,
        2,
        Urban,
    ),
    (
        "Lerato",
        "Sithole",
        F,
        African,
        (1995, 9, 9),
        "Senior Administration Officer",
        7,
        3,
        Urban,
    ),
    (
        "Xolani",
        "Dube",
        M,
        African,
        (1994, 2, 18),
        "Senior Service Delivery Officer",
        7,
        4,
        Rural,
    ),
    (
        "Precious",
        "Baloyi",
        F,
        African,
        (1996, 6, 6),
        "Training Practitioner",
        7,
        0,
        Urban,
    ),
    (
        "Themba",
        "Shabalala",
        M,
        African,
        (1997, 12, 24),
        "Accounting Clerk",
        5,
        1,
        Urban,
    ),
    (
        "Nokuthula",
        "Mabaso",
        F,
        African,
        (1998, 3, 28),
        "Help Desk Officer",
        5,
        2,
        Urban,
    ),
    (
        "Siyabonga",
        "Ngema",
        M,
        African,
        (1999, 7, 13),
        "Registry Clerk",
        5,
        3,
        Rural,
    ),
    (
        "Anél",
        "Swanepoel",
        F,
        White,
        (1997, 10, 10),
        "Service Delivery Officer",
        6,
        4,
        Urban,
    ),
    (
        "Mpho",
        "Maluleke",
        M,
        African,
        (2000, 1, 21),
        "Intern: Human Resource Management",
        1,
        0,
        Urban,
    ),
    (
        "Tshepo",
        "Letsoalo",
        M,
        African,
        (2001, 5, 2),
        "Intern: Information Technology",
        1,
        2,
        Urban,
    ),
    (
        "Ntombi",
        "Xaba",
        F,
        African,
        (2002, 8, 30),
        "Learner: Public Administration",
        1,
        3,
        Rural,
    ),
    (
        "Keabetswe",
        "Modise",
        F,
        African,
        (2001, 11, 16),
        "Learner: Financial Management",
        1,
        1,
        Urban,
    ),
    (
        "Ruben",
        "Jacobs",
        M,
        Coloured,
        (1990, 2, 2),
        "Assistant Director: Supply Chain",
        9,
        1,
        Urban,
    ),
];

/// Internal mentors: (staff index, fields, years, override reason, nominated by).
const MENTORS: [(usize, &str, u32, &str, &str); 5] = [
    (5, "Skills development, training and learnerships, people management", 14, "", ""),
    (6, "Budgeting, financial management, public finance", 16, "", "Pieter O'Neill"),
    (7, "Information systems, project management, digital services", 12, "", ""),
    (8, "Labour relations, leadership, people management", 4,
     "Eleven years in labour relations elsewhere in the public service; approved by the committee.", "Lindiwe Khumalo"),
    (9, "Service delivery, Batho Pele, citizen engagement, leadership", 15, "", ""),
];

/// Each internal mentor's own KPAs besides mentoring: (title, outputs, indicators, weight).
/// With the mentoring KPA's 10% they add up to 100%.
type KpaLine = (&'static str, &'static str, &'static str, u32);

const MENTOR_KPAS: [[KpaLine; 4]; 5] = [
    [
        (
            "Workplace skills plan",
            "Skills plan and annual training report submitted",
            "Submitted to the SETA by 30 April",
            30,
        ),
        (
            "Learnerships and internships",
            "Learners and interns placed and supported",
            "95% of placements completed",
            25,
        ),
        (
            "Training administration",
            "Training records kept current",
            "Records updated within 5 working days",
            20,
        ),
        (
            "People management",
            "Team's performance agreements and reviews",
            "All reviews on time",
            15,
        ),
    ],
    [
        (
            "Budget planning",
            "Unit budgets and the MTEF submission",
            "Submitted by the Treasury deadline",
            30,
        ),
        (
            "Expenditure management",
            "Monthly expenditure reports",
            "Variance explained within 2%",
            25,
        ),
        (
            "Financial reporting",
            "Interim and annual financial statements",
            "Unqualified audit opinion",
            20,
        ),
        (
            "Internal control",
            "Audit findings resolved",
            "90% resolved within the quarter",
            15,
        ),
    ],
    [
        (
            "Information systems",
            "Systems available to staff",
            "99% availability in working hours",
            30,
        ),
        (
            "Project delivery",
            "ICT projects delivered as planned",
            "Milestones met within two weeks",
            25,
        ),
        (
            "Digital services",
            "Online services for citizens",
            "Two new services a year",
            20,
        ),
        (
            "ICT governance",
            "ICT policies and risk register",
            "Reviewed every quarter",
            15,
        ),
    ],
    [
        (
            "Labour relations",
            "Disciplinary and grievance cases handled",
            "Cases finalised within 90 days",
            30,
        ),
        (
            "Collective bargaining",
            "Departmental chamber meetings",
            "Every meeting prepared and minuted",
            25,
        ),
        (
            "Policy advice",
            "Labour relations policies current",
            "Policies reviewed annually",
            20,
        ),
        (
            "People management",
            "Team's performance agreements and reviews",
            "All reviews on time",
            15,
        ),
    ],
    [
        (
            "Service delivery improvement",
            "Service delivery improvement plan",
            "Plan approved and reported quarterly",
            30,
        ),
        (
            "Batho Pele",
            "Service standards published and monitored",
            "Standards met in 90% of cases",
            25,
        ),
        (
            "Citizen engagement",
            "Izimbizo and complaint management",
            "Complaints resolved within 30 days",
            20,
        ),
        (
            "Operations management",
            "Component's operational plan",
            "Quarterly targets met",
            15,
        ),
    ],
];

/// Protégés: (staff index, kind, programme detail, development needs).
const PROTEGES: [(usize, ProtegeKind, &str, &str); 10] = [
    (
        13,
        ProtegeKind::PromotedManager,
        "",
        "Leading a team for the first time; managing performance agreements",
    ),
    (
        14,
        ProtegeKind::PromotedManager,
        "",
        "Planning a unit's budget; delegating work",
    ),
    (
        29,
        ProtegeKind::PromotedManager,
        "",
        "Managing supply chain processes and a team of clerks",
    ),
    (
        15,
        ProtegeKind::Applicant,
        "",
        "Project management; facilitation of workshops",
    ),
    (
        16,
        ProtegeKind::Applicant,
        "",
        "Public finance management; report writing",
    ),
    (
        18,
        ProtegeKind::Applicant,
        "",
        "Records management systems; supervisory skills",
    ),
    (
        25,
        ProtegeKind::Intern,
        "Graduate internship: BCom Human Resource Management",
        "Workplace experience in HR administration",
    ),
    (
        26,
        ProtegeKind::Intern,
        "Graduate internship: Diploma in Information Technology",
        "Network support; career planning in ICT",
    ),
    (
        27,
        ProtegeKind::Learner,
        "Public Administration NQF level 4 (PSETA)",
        "Office administration; portfolio of evidence",
    ),
    (
        28,
        ProtegeKind::Learner,
        "Financial Management NQF level 5 (FASSET)",
        "Basic accounting; workplace assessment",
    ),
];

/// Mentorships: (mentor index, protégé index, purpose, mode, frequency, place, goals, competencies).
type Pairing = (
    usize,
    usize,
    Purpose,
    Mode,
    Frequency,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, u8, u8)],
);

const PAIRINGS: [Pairing; 8] = [
    (
        3,
        0,
        Purpose::LeadershipDevelopment,
        Mode::FaceToFace,
        Frequency::Monthly,
        "Boardroom 3, Corporate Services",
        &[
            (
                "Draw up performance agreements with each of the team's five staff",
                "All five signed within two months",
            ),
            (
                "Run monthly team meetings with minutes",
                "Ten meetings minuted by the end date",
            ),
        ],
        &[
            ("People management and empowerment", 2, 4),
            ("Planning and organising", 3, 4),
        ],
    ),
    (
        4,
        1,
        Purpose::LeadershipDevelopment,
        Mode::Blended,
        Frequency::Fortnightly,
        "Regional office, Thohoyandou",
        &[(
            "Prepare the directorate's operational budget input",
            "Submitted on time, accepted without rework",
        )],
        &[("Financial management", 2, 3), ("Delegation", 2, 4)],
    ),
    (
        1,
        2,
        Purpose::SkillsTransfer,
        Mode::FaceToFace,
        Frequency::Monthly,
        "Finance boardroom",
        &[
            (
                "Map the procurement process for goods under R500 000",
                "A signed-off process map",
            ),
            (
                "Supervise the quarterly stock count",
                "Count completed and reconciled within a week",
            ),
        ],
        &[("Supply chain management", 2, 4)],
    ),
    (
        2,
        3,
        Purpose::CareerDevelopment,
        Mode::FaceToFace,
        Frequency::Monthly,
        "ICT meeting room",
        &[(
            "Lead a small internal project from plan to close-out",
            "Project closed on time, with a close-out report",
        )],
        &[("Project management", 2, 4), ("Facilitation", 2, 3)],
    ),
    (
        0,
        6,
        Purpose::Induction,
        Mode::FaceToFace,
        Frequency::Weekly,
        "HRD office, 4th floor",
        &[
            (
                "Learn the department's leave and appointment procedures",
                "Process 20 leave forms without error",
            ),
            ("Keep a learning journal", "One entry a week"),
        ],
        &[("HR administration", 1, 3)],
    ),
    (
        2,
        7,
        Purpose::EducationSupport,
        Mode::EMentoring,
        Frequency::Fortnightly,
        "Online (Teams) and ICT office",
        &[(
            "Complete the help-desk rotation",
            "Three months, with a supervisor's report",
        )],
        &[("Network support", 1, 3), ("Customer service", 2, 3)],
    ),
    (
        0,
        8,
        Purpose::EducationSupport,
        Mode::FaceToFace,
        Frequency::Monthly,
        "HRD office, 4th floor",
        &[(
            "Complete the portfolio of evidence for the learnership",
            "All workplace modules signed off by the assessor",
        )],
        &[("Office administration", 1, 3)],
    ),
    (
        5,
        9,
        Purpose::CareerDevelopment,
        Mode::Blended,
        Frequency::Monthly,
        "Finance boardroom and by telephone",
        &[(
            "Prepare monthly reconciliations for a cost centre",
            "Six reconciliations, reviewed without material errors",
        )],
        &[("Basic accounting", 1, 3), ("Report writing", 2, 3)],
    ),
];

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

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn fill(store: &mut Store, today: NaiveDate) -> Result<()> {
    // Appointments and mentorships begin on the first of the month two months ago.
    let first = today.with_day(1).unwrap_or(today);
    let begin = first.checked_sub_months(Months::new(2)).unwrap_or(first);
    let appointment_end = begin + Months::new(12) - chrono::Days::new(1);

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
                line_manager_id: None,
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

    let trained = begin.checked_sub_months(Months::new(3)).unwrap_or(begin);
    let mut mentor_ids = Vec::new();
    for (n, &(person, fields, years, override_reason, nominated_by)) in MENTORS.iter().enumerate() {
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
            appointment_start: Some(begin),
            appointment_end: Some(appointment_end),
            experience_override_reason: override_reason.into(),
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
        archived: false,
    })?);

    let mut protege_ids = Vec::new();
    for &(person, kind, detail, needs) in &PROTEGES {
        protege_ids.push(store.save_protege(&Protege {
            id: None,
            staff_id: staff_ids[person],
            kind,
            programme_detail: detail.into(),
            career_goals: format!(
                "Grow into a {} role",
                if PEOPLE[person].6 >= 8 {
                    "senior management"
                } else {
                    "professional"
                }
            ),
            career_path_plan:
                "Agreed with the line manager in the personal development plan".into(),
            education: "Recorded in the personal file".into(),
            work_experience: format!("{} in {}", PEOPLE[person].5, UNITS[PEOPLE[person].7]),
            strengths: "Reliable, eager to learn".into(),
            weaknesses: "Limited experience of the new role".into(),
            development_needs: needs.into(),
            archived: false,
        })?);
    }

    for (n, &(mentor, protege, purpose, mode, frequency, place, goals, competencies)) in
        PAIRINGS.iter().enumerate()
    {
        let start = begin + chrono::Days::new(7 * n as u64);
        store.save_mentorship(&Mentorship {
            id: None,
            mentor_id: mentor_ids[mentor],
            protege_id: protege_ids[protege],
            start_date: start,
            end_date: appointment_end,
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
                .map(|&(description, measure)| Goal {
                    description: description.into(),
                    measure: measure.into(),
                    due_on: None,
                    status: GoalStatus::NotStarted,
                    progress: 0,
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
        })?;
    }
    allocate_kpas(store, &mentor_ids[..MENTOR_KPAS.len()], begin, today)
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
