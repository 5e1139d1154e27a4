//! The sample programme offered on first start: a department with five units, thirty-six staff,
//! six mentors (one external), sixteen protégés of all four kinds and eight mentorships. The
//! seven active mentorships have a history for reports and the dashboard: work plans mostly
//! signed off, about sixty sessions with their actions, goals at every stage, competency
//! ratings, the previous quarter's reports, and one troubled pair that has stopped meeting and
//! has begun the termination steps. Six new staff members make up an open intake for
//! selection and matching: applications waiting for the committee, approved, rejected (a
//! letter owed) and an intern entered as eligible. Every record goes through the same checks
//! as a typed one, so the sample also proves the rules. Dates are placed a fixed number of days
//! before or after `today` (never from the first of a month or a quarter), so what the sample
//! shows is the same on any day of the year; whatever would fall after `today` is left out.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::calendar::WorkingCalendar;
use crate::cycle::Cycle;
use crate::domain::*;
use crate::progress::{Period, Rating, RatingScale, Recommendation, ReportEntry};
use crate::selection::{Application, Decision, Entry, Review, State};
use crate::session::{Action, ActionOwner as Owner, Session, SessionKind};
use crate::termination::{Step, StepKind};
use crate::workplan::EventKind;
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
const PEOPLE: [Person; 36] = [
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
    // The new staff members who apply to the sample's intake (`INTAKE`).
    (
        "Nandi",
        "Cele",
        F,
        African,
        (1996, 7, 22),
        "Human Resource Practitioner",
        7,
        0,
        Urban,
    ),
    (
        "Lwazi",
        "Ntuli",
        M,
        African,
        (1994, 4, 11),
        "Budget Analyst",
        8,
        1,
        Rural,
    ),
    (
        "Karabo",
        "Mashaba",
        F,
        African,
        (2002, 9, 3),
        "Intern: Financial Accounting",
        1,
        1,
        Urban,
    ),
    (
        "Priya",
        "Naidoo",
        F,
        Indian,
        (1992, 1, 27),
        "Database Administrator",
        8,
        2,
        Urban,
    ),
    (
        "Bongani",
        "Mthethwa",
        M,
        African,
        (1986, 10, 14),
        "Assistant Director: Service Standards",
        9,
        4,
        Rural,
    ),
    (
        "Marius",
        "Venter",
        M,
        White,
        (1984, 5, 8),
        "Assistant Director: Facilities",
        9,
        3,
        Urban,
    ),
];

/// Internal mentors: (staff index, fields, years, override reason, nominated by, languages).
const MENTORS: [(usize, &str, u32, &str, &str, &str); 5] = [
    (5, "Skills development, training and learnerships, people management", 14, "", "",
     "English, Afrikaans"),
    (6, "Budgeting, financial management, public finance", 16, "", "Pieter O'Neill",
     "English, isiZulu, isiXhosa"),
    (7, "Information systems, project management, digital services", 12, "", "",
     "English"),
    (8, "Labour relations, leadership, people management", 4,
     "Eleven years in labour relations elsewhere in the public service; approved by the committee.", "Lindiwe Khumalo",
     "English, Afrikaans"),
    (9, "Service delivery, Batho Pele, citizen engagement, leadership", 15, "", "",
     "English, isiNdebele, Sepedi"),
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

/// The selection committee of the sample programme, as its reviews name the members present.
const COMMITTEE: &str = "Refilwe Mokoena (chair), Lindiwe Khumalo, Mohammed Essop";

/// What the selection committee has done with an application of the sample's intake.
#[derive(Clone, Copy)]
enum Committee {
    /// Not reviewed yet.
    Waiting,
    /// Reviewed: (decision, interview notes, reasons).
    Decided(Decision, &'static str, &'static str),
    /// An intern or learner entered as eligible without an application needs no review.
    NotNeeded,
}

/// One application of the sample's intake, by a new staff member of `PEOPLE`.
struct Applicant {
    person: usize,
    kind: ProtegeKind,
    detail: &'static str,
    needs: &'static str,
    /// The applicant's own line manager (a `PEOPLE` index) when it is not the unit's manager.
    line_manager: Option<usize>,
    preferred_gender: Option<Gender>,
    preferred_language: &'static str,
    motivation: &'static str,
    /// The application was received so many days before `today`.
    days_ago: u64,
    committee: Committee,
}

/// The sample's intake: two applications waiting for the committee, two approved and ready
/// for matching, one rejected (its letter not yet printed) and an intern entered as eligible.
const INTAKE: [Applicant; 6] = [
    Applicant {
        person: 30,
        kind: ProtegeKind::Applicant,
        detail: "",
        needs: "Skills development facilitation and training needs analysis; people management",
        line_manager: None,
        preferred_gender: Some(F),
        preferred_language: "",
        motivation: "I arrange the department's training and want to qualify as a skills \
                     development facilitator. I would feel freer to speak with a woman mentor.",
        days_ago: 40,
        committee: Committee::Decided(
            Decision::Approved,
            "Interviewed for twenty minutes; a clear plan for the next three years.",
            "Clear career goals in skills development and a development plan agreed with her \
             manager; mentors in the field have places free.",
        ),
    },
    Applicant {
        person: 31,
        kind: ProtegeKind::Applicant,
        detail: "",
        needs: "Budgeting and public finance; financial management reports for the executive",
        // Sipho Mkhize, himself a mentor, manages the budget analysts.
        line_manager: Some(6),
        preferred_gender: None,
        preferred_language: "isiZulu",
        motivation: "I prepare the budget inputs of two branches and want to lead the \
                     department's MTEF submission one day.",
        days_ago: 35,
        committee: Committee::Decided(
            Decision::Approved,
            "Asked to be mentored in isiZulu, in which he explains figures best.",
            "Budgeting is a scarce skill in the department and his needs are clear. His own \
             line manager cannot mentor him; another finance mentor is to be found.",
        ),
    },
    Applicant {
        person: 32,
        kind: ProtegeKind::Intern,
        detail: "Graduate internship: BCom Accounting",
        needs: "Workplace experience in expenditure and budgeting; career planning in public \
                finance",
        line_manager: None,
        preferred_gender: None,
        preferred_language: "",
        motivation: "",
        days_ago: 14,
        committee: Committee::NotNeeded,
    },
    Applicant {
        person: 33,
        kind: ProtegeKind::Applicant,
        detail: "",
        needs: "Project management of ICT projects; presenting to senior management",
        line_manager: None,
        preferred_gender: None,
        preferred_language: "",
        motivation: "I am to run the move of the leave system to the cloud next year and have \
                     never led a project.",
        days_ago: 6,
        committee: Committee::Waiting,
    },
    Applicant {
        person: 34,
        kind: ProtegeKind::PromotedManager,
        detail: "",
        needs: "Leading a team for the first time; citizen engagement and service delivery \
                improvement plans",
        line_manager: None,
        preferred_gender: Some(M),
        preferred_language: "",
        motivation: "Newly promoted to lead the regional service standards team of six.",
        days_ago: 3,
        committee: Committee::Waiting,
    },
    Applicant {
        person: 35,
        kind: ProtegeKind::PromotedManager,
        detail: "",
        needs: "Leadership; managing facilities contracts",
        line_manager: None,
        preferred_gender: None,
        preferred_language: "",
        motivation: "I manage the building contracts and want to become a better leader.",
        days_ago: 30,
        committee: Committee::Decided(
            Decision::Rejected,
            "",
            "He already has a coach through the Emerging Management Development Programme, \
             which runs for another six months; this intake's places go to staff without other support. \
             He is welcome to apply to the next intake.",
        ),
    },
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

/// How many days before `today` each mentorship of `PAIRINGS` began. The first four began more
/// than a quarter ago (a quarter has at most 92 days), so on any day the previous quarter saw
/// them: three have its report written and the first, the troubled pair, still owes it.
const STARTED_DAYS_AGO: [u64; 8] = [100, 97, 95, 93, 70, 56, 49, 35];

/// The mentor (of `MENTORS`) whose appointment ends within the dashboard's warning days: it
/// was made a year before, and the two mentorships he holds end with it.
const LEAVING_MENTOR: usize = 2;
const LEAVING_IN_DAYS: u64 = 20;

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
    // The intake wants its mentoring from the first of next month to the end of the mentors'
    // appointments, so that every sample mentor's appointment covers it.
    let wanted = (first + Months::new(1), appointment_end);
    apply_to_intake(store, &staff_ids, wanted, today)
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

/// When a sample session was held: so many days after its mentorship began, or so many days
/// before `today` (for the sessions that must stay recent on whatever day the sample loads).
#[derive(Clone, Copy)]
enum When {
    After(u64),
    DaysAgo(u64),
}

/// An action agreed in a session: (description, owner, due so many days after the session,
/// done so many days after it or not yet). One whose done day is after `today` is still open.
type ActionLine = (&'static str, Owner, u64, Option<u64>);

/// A session: (when, kind, minutes, topics, advice, where the protégé is now, confidential
/// notes, actions agreed).
type SessionLine = (
    When,
    SessionKind,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [ActionLine],
);

/// A competency rating on the four-point scale: (competency's position in the pairing, days
/// after the start, rating, evidence).
type RatingLine = (usize, u64, u8, &'static str);

/// What has happened in one mentorship of `PAIRINGS`, in the same order.
struct Story {
    /// Where the protégé wants to be, as every session's diagnosis records it.
    aim: &'static str,
    /// Each goal's status and progress in percent, in the pairing's order.
    goals: &'static [(GoalStatus, u8)],
    sessions: &'static [SessionLine],
    ratings: &'static [RatingLine],
    /// Work-plan events due within this many days before `today` await the mentor's sign-off;
    /// `None`: the mentor has signed nothing off.
    sign_off_lag: Option<u64>,
    /// The previous quarter's report: (mentor's comments, protégé's comments, overall rating);
    /// `None`: not written yet.
    report: Option<(&'static str, &'static str, u8)>,
    /// Termination steps: (kind, days after the start, initiated by, notes).
    termination: &'static [(StepKind, u64, &'static str, &'static str)],
}

use SessionKind::{Planned, Situational};
use When::{After, DaysAgo};

/// Comments the mentors write when they sign off monthly feedback, in turn.
const FEEDBACK_COMMENTS: [&str; 4] = [
    "Written feedback on the month's work given and discussed.",
    "Feedback given in person; the protégé agreed with the points raised.",
    "Feedback given on the drafts submitted this month.",
    "Short feedback by e-mail, followed up at the next session.",
];

const STORIES: [Story; 8] = [
    // René Fourie with Charlene Adams: the planned meetings have been cancelled time and
    // again, and René has asked for another mentor.
    Story {
        aim: "",
        goals: &[(GoalStatus::NotStarted, 0), (GoalStatus::NotStarted, 0)],
        sessions: &[],
        ratings: &[],
        sign_off_lag: None,
        report: None,
        termination: &[
            (
                StepKind::Discussion,
                50,
                "Protégé",
                "René Fourie told the programme coordinator that every planned meeting since \
                 the agreement was signed has been cancelled because of disciplinary hearings \
                 the mentor chairs. The coordinator undertook to speak to Ms Adams first.",
            ),
            (
                StepKind::WrittenRequest,
                57,
                "Protégé",
                "Written request for another mentor: no session held in eight weeks; he needs \
                 help with his team's performance agreements before the mid-cycle review.",
            ),
        ],
    },
    // Busisiwe Zulu with Thabo Ndlovu: a new Assistant Director learning to budget and delegate.
    Story {
        aim: "Leads the citizen liaison team, delegates casework and plans the unit's budget alone",
        goals: &[(GoalStatus::InProgress, 60)],
        sessions: &[
            (
                After(0),
                Planned,
                90,
                "Contracting: the agreement, confidentiality, how and when to meet",
                "Meet at the regional office every second Tuesday and on Teams in between. Keep a \
                 one-page log of what she delegates.",
                "Newly promoted; still does most of the team's casework herself",
                "Cares for her mother, who had a stroke in July; asked that meetings end by 14:00.",
                &[("List the team's tasks and who does each", Owner::Protege, 7, Some(6))],
            ),
            (
                After(6),
                Situational,
                45,
                "A complaint about clinic queues escalated to the MEC's office",
                "Acknowledge in writing within 48 hours, log it in the complaints register and \
                 brief the director before the MEC's office calls.",
                "Unsure who answers escalated complaints",
                "",
                &[("Send the holding letter to the complainant", Owner::Protege, 2, Some(1))],
            ),
            (
                After(14),
                Planned,
                60,
                "The directorate's operational budget input: template and last year's spending",
                "Start from actual spending per item and add only what new activities need; cost \
                 each imbizo by transport, venue, sound and catering.",
                "Has not worked with a budget template before",
                "",
                &[
                    ("Get last year's expenditure per item from Budget Planning", Owner::Protege, 10, Some(8)),
                    ("Introduce her to Sipho Mkhize in Budget Planning", Owner::Mentor, 5, Some(2)),
                ],
            ),
            (
                After(21),
                Situational,
                45,
                "Planning the October imbizo in Vhembe with the municipality",
                "Agree roles with the municipality in writing; the department pays only for what \
                 the approved plan lists.",
                "Plans events well; hesitant to hold partners to agreements",
                "",
                &[("Send the municipality the draft memorandum of roles", Owner::Protege, 5, Some(4))],
            ),
            (
                After(28),
                Planned,
                60,
                "Delegation: which tasks the two liaison officers can own",
                "Delegate whole tasks with the outcome expected, not the steps; agree when to \
                 check in and do not take the work back.",
                "Delegates small tasks only; checks every letter herself",
                "",
                &[("Delegate the monthly complaints report to a liaison officer", Owner::Protege, 14, Some(12))],
            ),
            (
                After(31),
                Situational,
                45,
                "Conflict between the two liaison officers over overtime",
                "Hear each officer alone, then together; apply the overtime policy as written and \
                 refer personal matters to the Employee Health and Wellness Programme.",
                "Avoided the conflict for two weeks",
                "One officer disclosed a drinking problem to her; referred to the EHWP coordinator \
                 with his consent.",
                &[("Refer the officer to the EHWP coordinator", Owner::Protege, 2, Some(2))],
            ),
            (
                After(42),
                Planned,
                90,
                "The draft budget input, line by line: baseline, new needs and the MTEF years",
                "Separate the baseline from new requests and justify each new request by a \
                 target in the annual performance plan.",
                "Draft complete; costs not yet linked to targets",
                "",
                &[("Revise the imbizo costs with three quotations each", Owner::Protege, 10, Some(9))],
            ),
            (
                After(49),
                Situational,
                60,
                "Preparing for the budget committee",
                "Lead with the service the money buys; have last year's spending at hand for \
                 questions.",
                "Nervous about presenting to senior managers",
                "",
                &[("Rehearse the presentation together", Owner::Both, 3, Some(2))],
            ),
            (
                After(56),
                Planned,
                60,
                "Debrief of the budget committee; the team's performance agreements",
                "The committee accepted the input with one query. Agreements must have measurable \
                 outputs that the unit's plan can carry.",
                "Budget input accepted; agreements with the team not yet signed",
                "Thinking of applying for a post in Polokwane, closer to her mother.",
                &[("Finalise performance agreements with both liaison officers", Owner::Protege, 21, None)],
            ),
            (
                After(63),
                Situational,
                45,
                "Managing her own time: the weekly plan",
                "Block two hours each Monday for planning and keep them.",
                "Works late most days",
                "Said the late hours are straining things at home.",
                &[("Block two hours a week for planning", Owner::Protege, 7, Some(7))],
            ),
            (
                After(70),
                Planned,
                60,
                "Service standards: measuring how fast complaints are resolved; the quarterly SDIP report",
                "Measure from the day a complaint is received to the day the citizen is told the \
                 outcome, not to the day the file is closed.",
                "Reports on complaints without turnaround times",
                "",
                &[
                    ("Draft the complaints section of the quarterly SDIP report", Owner::Protege, 10, None),
                    ("Approve a second vehicle for the rural liaison visits", Owner::LineManager, 3, None),
                ],
            ),
            (
                After(74),
                Situational,
                45,
                "A citizen's complaint published in the local newspaper",
                "Reply through the communications unit, never directly to the paper; fix the case \
                 first.",
                "Handles the media request calmly",
                "",
                &[("Send the communications unit the facts of the case", Owner::Protege, 1, Some(1))],
            ),
        ],
        ratings: &[
            (0, 7, 2, "Could not yet explain the cost drivers of last year's izimbizo."),
            (1, 7, 1, "Still drafts every reply letter of the liaison officers herself."),
            (0, 56, 3, "Budget input accepted by the budget committee with a single query."),
            (1, 45, 2, "Delegated the monthly complaints report; checks it only at the end."),
        ],
        sign_off_lag: Some(0),
        report: Some((
            "Busisiwe has settled into the role quickly. She plans well and has started to \
             delegate; her budget input is on track.",
            "The sessions help me step back from the casework. I want more on managing \
             performance.",
            3,
        )),
        termination: &[],
    },
    // Ruben Jacobs with Sipho Mkhize: supply chain management in practice.
    Story {
        aim: "Runs the supply chain cycle of the directorate to the prescripts and manages the clerks",
        goals: &[(GoalStatus::InProgress, 70), (GoalStatus::Achieved, 100)],
        sessions: &[
            (
                After(0),
                Planned,
                90,
                "The prescripts: PFMA, Treasury Regulation 16A and the preferential procurement \
                 regulations",
                "Know the thresholds by heart: up to R2 000 petty cash, up to R1 million \
                 quotations, above that competitive bids.",
                "Knows the clerk's work well; new to managing the whole cycle",
                "",
                &[("Read Treasury Regulation 16A and the SCM policy", Owner::Protege, 14, Some(12))],
            ),
            (
                After(8),
                Situational,
                60,
                "The Auditor-General's finding on split quotations",
                "Splitting is irregular whatever the intent. Record the expenditure in the \
                 register and follow the condonation process.",
                "Did not know how to spot splitting in the order records",
                "Worried that the finding will count against him at the end of his probation.",
                &[("Update the irregular expenditure register", Owner::Protege, 7, Some(6))],
            ),
            (
                After(14),
                Situational,
                90,
                "Planning the quarterly stock count",
                "Counters may not count their own stores; appoint the teams in writing and keep \
                 the count sheets numbered.",
                "Has counted stock but never run a count",
                "",
                &[("Appoint the count teams in writing", Owner::Protege, 2, Some(1))],
            ),
            (
                After(17),
                Situational,
                45,
                "Stock count results: variances on stationery",
                "Investigate each variance before writing anything off; the CFO approves \
                 write-offs.",
                "Count completed on time",
                "",
                &[("Reconcile the variances and report to the CFO", Owner::Protege, 7, Some(5))],
            ),
            (
                After(23),
                Situational,
                60,
                "Specifications for the vehicle fleet tender",
                "Specify the function needed, never a brand; the bid specification committee \
                 checks this.",
                "Drafted specifications that favoured one supplier",
                "",
                &[("Rewrite the specification by function", Owner::Protege, 5, Some(5))],
            ),
            (
                After(30),
                Planned,
                60,
                "Mapping the procurement process from requisition to payment",
                "Map what is done now before improving it; mark each control and who performs it.",
                "Understands each step; has not seen the whole chain",
                "Studying part-time for a BCom Honours with examinations in November; asked for \
                 lighter weeks around them.",
                &[("Draw the first draft of the process map", Owner::Protege, 14, Some(16))],
            ),
            (
                After(37),
                Situational,
                60,
                "The Central Supplier Database and tax compliance checks",
                "Print the CSD report on the day of the award and keep it on file.",
                "Checks done, not always filed",
                "",
                &[("Train the two clerks on CSD verification", Owner::Protege, 14, Some(13))],
            ),
            (
                After(44),
                Situational,
                45,
                "A supplier's complaint about payment later than 30 days",
                "Trace every invoice older than 30 days and report the reasons monthly, as \
                 Treasury requires.",
                "Did not track the age of invoices",
                "",
                &[("Trace invoices older than 30 days with Finance", Owner::Protege, 7, Some(6))],
            ),
            (
                After(55),
                Situational,
                60,
                "Managing a clerk's poor attendance",
                "Handle possible ill health through the incapacity procedure, not discipline; \
                 HR advises.",
                "Unsure of the difference between incapacity and misconduct",
                "The clerk has been absent often and may be ill; Ruben fears being seen as harsh.",
                &[("Meet the clerk with an HR practitioner", Owner::Protege, 8, None)],
            ),
            (
                After(62),
                Planned,
                60,
                "Reviewing the process map with the bid committee secretariat",
                "Show where the committee's approvals sit and how long each takes.",
                "Process map nearly final",
                "",
                &[
                    ("Present the process map to the CFO for sign-off", Owner::Protege, 14, None),
                    ("Book the preferential procurement course with National Treasury", Owner::Mentor, 3, None),
                ],
            ),
            (
                After(66),
                Situational,
                45,
                "Requests for quotations over the festive season",
                "Plan December orders now: suppliers close and the bid committee does not sit.",
                "Plans a month ahead",
                "",
                &[("Send units the December procurement deadlines", Owner::Protege, 2, Some(1))],
            ),
            (
                DaysAgo(11),
                Planned,
                60,
                "The CFO's comments on the process map; the contract register",
                "Answer each comment in writing and agree the changes with the secretariat \
                 before the bid committee next sits.",
                "Process map with the CFO for sign-off",
                "",
                &[("Add every contract's expiry date to the register", Owner::Protege, 21, None)],
            ),
        ],
        ratings: &[
            (0, 7, 2, "Follows the prescripts for quotations; unsure of the bid process."),
            (0, 60, 3, "Led the stock count well; process map complete and controls explained \
                        correctly to the secretariat."),
        ],
        sign_off_lag: Some(12),
        report: Some((
            "Ruben knows the prescripts better each month and ran the stock count well. He must \
             still learn to act on staff problems early.",
            "The stock count gave me confidence. I need help with managing the clerks.",
            3,
        )),
        termination: &[],
    },
    // Andiswa Mthembu-Ngcobo with Mohammed Essop: a first project and a step towards promotion.
    Story {
        aim: "Ready for an Assistant Director post: leads projects and facilitates with confidence",
        goals: &[(GoalStatus::InProgress, 30)],
        sessions: &[
            (
                After(0),
                Planned,
                60,
                "Career plan from practitioner to Assistant Director; choosing a project",
                "Choose a project that a director will notice and that ends within six months.",
                "Strong practitioner; no project or team led yet",
                "Applied twice for Assistant Director posts without success and feels overlooked; \
                 encouraged to ask HR for the panels' feedback.",
                &[("Write a one-page proposal for an online training register", Owner::Protege, 10, Some(9))],
            ),
            (
                After(9),
                Situational,
                45,
                "Scoping the project: who is affected and what is in and out",
                "Write down what is out of scope as clearly as what is in.",
                "Scope too wide at first",
                "",
                &[("Draw up the project charter and get the director's approval", Owner::Protege, 14, Some(15))],
            ),
            (
                After(16),
                Situational,
                60,
                "Facilitation: planning a skills audit workshop for 25 staff",
                "Plan the timing of every activity and leave a third of the time for discussion.",
                "Has presented, never facilitated",
                "",
                &[("Draft the workshop programme", Owner::Protege, 7, Some(7))],
            ),
            (
                After(23),
                Situational,
                45,
                "The performance management rules for Assistant Directors",
                "Read the directive on performance management; interview panels ask about it.",
                "Knows the practitioner's side of performance management only",
                "",
                &[("Summarise the directive on one page", Owner::Protege, 7, Some(6))],
            ),
            (
                After(30),
                Planned,
                90,
                "Project plan: milestones, risks and a simple Gantt chart",
                "Few milestones, each with a date and an owner; review the risks weekly.",
                "Charter approved; plan in draft",
                "Her supervisor objects to project work in office hours; she will raise it with the \
                 director tactfully.",
                &[("Update the risk register weekly", Owner::Protege, 7, Some(7))],
            ),
            (
                After(37),
                Situational,
                60,
                "Debrief of the skills audit workshop she facilitated",
                "A dominant participant is best given a task, not silenced.",
                "Facilitated the whole day alone; one participant took over a session",
                "",
                &[("Summarise the evaluation forms", Owner::Protege, 5, Some(4))],
            ),
            (
                After(44),
                Situational,
                45,
                "A delay by the ICT developers",
                "Agree a new date in writing and tell the sponsor before the old date passes.",
                "Waited a week before raising the delay",
                "",
                &[("Agree a revised date with the developer", Owner::Protege, 3, Some(2))],
            ),
            (
                After(51),
                Situational,
                60,
                "Preparing for an interview for an Assistant Director post",
                "Answer with examples from this project: the situation, what she did and the \
                 result.",
                "Well prepared on content; anxious about the presentation",
                "The interview is her third attempt; she is anxious and sleeping badly.",
                &[
                    ("Prepare the ten-minute presentation", Owner::Protege, 6, Some(6)),
                    ("Arrange a mock interview panel", Owner::Mentor, 5, Some(4)),
                ],
            ),
            (
                After(58),
                Situational,
                45,
                "The mock interview",
                "Shorter answers; end each one with the result.",
                "Much calmer than at the first practice",
                "",
                &[],
            ),
            (
                After(62),
                Planned,
                60,
                "Debrief of the interview; the pilot of the online register",
                "Run the pilot with one unit and fix what it finds before going wider.",
                "Interview went well; pilot ready to start",
                "",
                &[("Run the pilot with the Finance unit", Owner::Protege, 14, None)],
            ),
            (
                DaysAgo(16),
                Planned,
                60,
                "What the pilot of the online register found in the Finance unit",
                "Fix the two faults the users found before the next unit starts, and write down \
                 what each fix changed.",
                "Pilot running; users log their training themselves",
                "",
                &[("Write the pilot report for the director", Owner::Protege, 30, None)],
            ),
        ],
        ratings: &[
            (0, 5, 2, "Has not planned or led a project before; the proposal was clear."),
            (1, 5, 2, "Presents well; has not yet facilitated a group."),
            (0, 45, 2, "Plan and risk register kept up to date; a delay was raised late."),
            (1, 40, 3, "Facilitated the skills audit workshop alone; evaluations were good."),
        ],
        sign_off_lag: Some(0),
        report: Some((
            "Andiswa chose a useful project and planned it carefully. Her facilitation is \
             already good.",
            "I have a clear career plan for the first time.",
            3,
        )),
        termination: &[],
    },
    // Mpho Maluleke with Zoë van der Merwe: an intern's induction into HR administration.
    Story {
        aim: "Processes leave, appointments and benefits without supervision",
        goals: &[(GoalStatus::Achieved, 100), (GoalStatus::InProgress, 30)],
        sessions: &[
            (
                After(0),
                Planned,
                45,
                "Induction: the department's structure, the Code of Conduct and PERSAL",
                "Ask when unsure; in HR a wrong capture costs someone money.",
                "First week in the public service",
                "",
                &[("Complete the PERSAL access forms", Owner::Protege, 3, Some(2))],
            ),
            (
                After(7),
                Planned,
                45,
                "The leave policy: kinds of leave and the incapacity leave procedure (PILIR)",
                "Check the balance on PERSAL before approving anything.",
                "Knows the kinds of leave; not the checks",
                "",
                &[("Process five leave forms under supervision", Owner::Protege, 7, Some(7))],
            ),
            (
                After(14),
                Planned,
                45,
                "Appointments: the checklist, qualification verification and vetting",
                "Nobody starts work before the checklist is complete.",
                "Follows the checklist with help",
                "",
                &[("Write the appointment checklist in his own words", Owner::Protege, 7, Some(8))],
            ),
            (
                After(16),
                Situational,
                45,
                "A leave form captured wrongly: unpaid leave captured as sick leave",
                "Correct it at once and tell the staff member; own the mistake.",
                "Upset by the error",
                "Lives in Soshanguve and spends much of the stipend on taxi fares; referred to \
                 the wellness programme for help with a budget.",
                &[("Correct the capture and tell the staff member", Owner::Protege, 1, Some(1))],
            ),
            (
                After(21),
                Planned,
                45,
                "The learning journal; e-mail etiquette in the public service",
                "Write the journal weekly, not in a rush before sessions.",
                "Journal behind by two weeks",
                "",
                &[("Catch up the journal entries for weeks 3 and 4", Owner::Protege, 3, Some(3))],
            ),
            (
                After(28),
                Planned,
                60,
                "Recruitment: the Z83 form, shortlisting and the panel's secretariat",
                "The secretariat records reasons, not opinions.",
                "Has not seen a panel at work",
                "",
                &[("Sit in as secretariat on a shortlisting panel", Owner::Protege, 10, Some(9))],
            ),
            (
                After(35),
                Planned,
                45,
                "Review of the leave forms processed so far",
                "Twelve forms without error: he can now work alone on routine leave.",
                "Accurate on routine leave",
                "",
                &[("Process the remaining eight leave forms alone", Owner::Protege, 10, Some(9))],
            ),
            (
                After(42),
                Planned,
                45,
                "Service benefits: housing allowance and medical aid (GEMS)",
                "New staff need the benefits explained in plain words on one page.",
                "Knows the benefits; explains them in jargon",
                "",
                &[("Prepare a one-page GEMS guide for new staff", Owner::Protege, 7, None)],
            ),
            (
                After(45),
                Situational,
                45,
                "A staff member's complaint about a late acting allowance",
                "Find the facts on PERSAL before replying.",
                "Handles complaints politely",
                "",
                &[("Check the acting allowance on PERSAL with the supervisor", Owner::Both, 3, Some(3))],
            ),
            (
                After(49),
                Planned,
                45,
                "Career planning: Honours in Industrial Psychology or a permanent post",
                "Look at both; the department's study assistance may make them one plan.",
                "Unsure of the next step after the internship",
                "His parents want him to study law; he feels pressure at home.",
                &[("Read the department's study assistance policy", Owner::Protege, 14, None)],
            ),
            (
                DaysAgo(3),
                Situational,
                45,
                "Preparing to present the leave statistics at the HRD meeting",
                "Three slides: the trend, the exceptions and what HR will do.",
                "Confident with the numbers",
                "",
                &[("Send the slides to the mentor", Owner::Protege, 1, Some(1))],
            ),
        ],
        ratings: &[
            (0, 10, 1, "Needs supervision for every leave form."),
            (0, 38, 2, "Twelve leave forms processed without error; appointments with help."),
        ],
        sign_off_lag: Some(0),
        report: Some((
            "Mpho has started well and learns quickly.",
            "The induction was clear and I know whom to ask.",
            3,
        )),
        termination: &[],
    },
    // Tshepo Letsoalo with Mohammed Essop: an IT intern's help-desk rotation, online.
    Story {
        aim: "Resolves help-desk calls alone and earns a network certification",
        goals: &[(GoalStatus::InProgress, 45)],
        sessions: &[
            (
                After(0),
                Planned,
                60,
                "The help-desk rotation plan; incidents and service requests",
                "Log every call, even the ones solved on the phone.",
                "Knows the theory from the diploma; no service desk experience",
                "",
                &[("Read the ICT service desk procedure", Owner::Protege, 7, Some(5))],
            ),
            (
                After(7),
                Situational,
                45,
                "Logging calls and setting priorities",
                "Priority follows the effect on services to citizens, not the caller's rank.",
                "Logs calls with too little detail",
                "",
                &[("Close 20 calls with complete notes", Owner::Protege, 14, Some(13))],
            ),
            (
                After(14),
                Planned,
                60,
                "Network basics: VLANs and the link to the regional offices",
                "Draw the network before touching it.",
                "Understands addressing; not yet the department's network",
                "Shares a room with three relatives and studies at the office after hours.",
                &[("Shadow the network technician for a day", Owner::Protege, 7, Some(8))],
            ),
            (
                After(21),
                Situational,
                45,
                "An angry user: a Deputy Director whose laptop was reimaged",
                "Listen, acknowledge, explain what happened and follow up the next day.",
                "Defensive when users complain",
                "Owes fees to his university of technology, which holds back his diploma \
                 certificate; referred to the study assistance office.",
                &[("Ask the university for a statement of the fees owed", Owner::Protege, 14, None)],
            ),
            (
                After(28),
                Planned,
                60,
                "A study plan for the CompTIA Network+ examination",
                "An hour a day, with the practice tests every Friday.",
                "Motivated; studies in bursts",
                "",
                &[("Request an examination voucher from the ICT training budget", Owner::Mentor, 21, None)],
            ),
            (
                After(35),
                Situational,
                45,
                "Password resets and POPIA: checking a caller's identity",
                "Never reset a password on the caller's word alone.",
                "Reset a password without checking once",
                "",
                &[("Draft a checklist for verifying callers", Owner::Protege, 7, Some(6))],
            ),
            (
                After(38),
                Situational,
                60,
                "Writing a user guide for the new VPN",
                "Write for the least technical user and test the guide on one.",
                "Writes for technicians",
                "",
                &[("Test the guide with a user in Corporate Services", Owner::Protege, 5, Some(4))],
            ),
            (
                After(42),
                Planned,
                60,
                "Feedback from the help-desk supervisor at the middle of the rotation",
                "First-call resolution is the next thing to improve.",
                "Reliable; escalates too quickly",
                "Offered a contract post by a private company after the internship; unsure whether \
                 to wait for a permanent post.",
                &[("Raise first-call resolution to 60%", Owner::Protege, 30, None)],
            ),
            (
                After(46),
                Situational,
                45,
                "Printer queue failures at the regional office",
                "Check the print server's logs before driving out.",
                "Solved the fault remotely",
                "",
                &[],
            ),
        ],
        ratings: &[
            (0, 10, 1, "Could not yet trace a fault beyond the user's computer."),
            (1, 10, 2, "Polite on calls; notes incomplete."),
            (0, 40, 2, "Traced a switch fault with the technician's help."),
            (1, 40, 3, "Handled an angry senior user well after coaching."),
        ],
        sign_off_lag: Some(0),
        report: None,
        termination: &[],
    },
    // Ntombi Xaba with Zoë van der Merwe: a learner's workplace modules.
    Story {
        aim: "Completes the workplace modules of the learnership with a full portfolio of evidence",
        goals: &[(GoalStatus::InProgress, 35)],
        sessions: &[
            (
                After(0),
                Planned,
                60,
                "The learnership: workplace modules, the portfolio of evidence, assessor and \
                 moderator",
                "Put evidence in the file the day it is produced.",
                "Has never worked in an office",
                "Travels two hours each way from KwaMhlanga; the first bus leaves at 04:30. \
                 Agreed with the supervisor that she starts at 08:00.",
                &[("Set up the portfolio file with a section per module", Owner::Protege, 3, Some(2))],
            ),
            (
                After(9),
                Situational,
                45,
                "Filing by the department's file plan",
                "Every document gets a reference before it is filed.",
                "Files by subject, not by the plan",
                "",
                &[("File the registry's incoming post for a week under supervision", Owner::Protege, 7, Some(7))],
            ),
            (
                After(16),
                Situational,
                60,
                "Writing a memo: structure and tone",
                "Purpose first, background briefly, the request last.",
                "Writes clearly; too informal",
                "The stipend was paid late and she borrowed money for transport; the HRD office has \
                 confirmed the payment.",
                &[("Write a memo requesting stationery", Owner::Protege, 5, Some(6))],
            ),
            (
                After(23),
                Situational,
                45,
                "Taking minutes of the registry's staff meeting",
                "Record decisions and actions, not who said what.",
                "Minutes too long",
                "",
                &[("Type the minutes and give them to the chairperson", Owner::Protege, 2, Some(2))],
            ),
            (
                After(27),
                Situational,
                45,
                "Answering the switchboard and taking messages",
                "Name the department and yourself; write the caller's number back to them.",
                "Shy on the telephone",
                "",
                &[],
            ),
            (
                After(31),
                Planned,
                60,
                "Portfolio check: evidence for the first two unit standards",
                "The supervisor's witness testimony must say what she did, not that she is good.",
                "Evidence collected; testimonies not signed",
                "",
                &[("Sign the witness testimonies for the first two unit standards", Owner::LineManager, 7, None)],
            ),
            (
                After(35),
                Situational,
                45,
                "Preparing for the college block release in December",
                "Hand over the registry duties in writing.",
                "Worried about falling behind at work",
                "Her grandmother, who looks after her child, is ill; she may need family \
                 responsibility leave.",
                &[("Hand over the registry duties before the block", Owner::Protege, 10, None)],
            ),
        ],
        ratings: &[
            (0, 14, 2, "Files and types accurately with guidance."),
            (0, 35, 2, "Memos and minutes acceptable after one revision."),
        ],
        sign_off_lag: Some(14),
        report: None,
        termination: &[],
    },
    // The draft mentorship has not begun.
    Story {
        aim: "",
        goals: &[],
        sessions: &[],
        ratings: &[],
        sign_off_lag: None,
        report: None,
        termination: &[],
    },
];

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
                    notes: notes.into(),
                    coordinator_informed: true,
                },
                today,
            )?;
        }
    }
    Ok(())
}
