//! The sample programme's people and what happened to them, as data: the units and staff,
//! the mentors and their KPAs, the protégés, the intake's applications, the pairings and, for
//! each, the story of its sessions, ratings, report and termination steps. Dates are days
//! counted from the pairing's start or back from the day the sample is loaded; `super` (the
//! loader) turns them into records.

use crate::domain::*;
use crate::selection::Decision;
use crate::session::{ActionOwner as Owner, SessionKind};
use crate::termination::{Reason, StepKind};

/// (first names, surname, gender, race, born, designation, salary level, unit, location)
pub(super) type Person = (
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

pub(super) const UNITS: [&str; 5] = [
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
pub(super) const PEOPLE: [Person; 36] = [
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
pub(super) const MENTORS: [(usize, &str, u32, &str, &str, &str); 5] = [
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
pub(super) type KpaLine = (&'static str, &'static str, &'static str, u32);

pub(super) const MENTOR_KPAS: [[KpaLine; 4]; 5] = [
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
pub(super) const PROTEGES: [(usize, ProtegeKind, &str, &str); 10] = [
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
pub(super) const COMMITTEE: &str = "Refilwe Mokoena (chair), Lindiwe Khumalo, Mohammed Essop";

/// What the selection committee has done with an application of the sample's intake.
#[derive(Clone, Copy)]
pub(super) enum Committee {
    /// Not reviewed yet.
    Waiting,
    /// Reviewed: (decision, interview notes, reasons).
    Decided(Decision, &'static str, &'static str),
    /// An intern or learner entered as eligible without an application needs no review.
    NotNeeded,
}

/// One application of the sample's intake, by a new staff member of `PEOPLE`.
pub(super) struct Applicant {
    pub(super) person: usize,
    pub(super) kind: ProtegeKind,
    pub(super) detail: &'static str,
    pub(super) needs: &'static str,
    /// The applicant's own line manager (a `PEOPLE` index) when it is not the unit's manager.
    pub(super) line_manager: Option<usize>,
    pub(super) preferred_gender: Option<Gender>,
    pub(super) preferred_language: &'static str,
    pub(super) motivation: &'static str,
    /// The application was received so many days before `today`.
    pub(super) days_ago: u64,
    pub(super) committee: Committee,
}

/// The sample's intake: two applications waiting for the committee, two approved and ready
/// for matching, one rejected (its letter not yet printed) and an intern entered as eligible.
pub(super) const INTAKE: [Applicant; 6] = [
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
pub(super) type Pairing = (
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
pub(super) const STARTED_DAYS_AGO: [u64; 8] = [100, 97, 95, 93, 70, 56, 49, 35];

/// The pairing whose agreement the programme manager and the line manager have not signed yet.
pub(super) const PARTLY_SIGNED: usize = 6;

/// The pairing whose signed agreement an addendum changed, that many days ago: a goal added
/// and longer meetings.
pub(super) const AMENDED: usize = 1;
pub(super) const ADDENDUM_DAYS_AGO: u64 = 20;
pub(super) const ADDENDUM_GOAL: (&str, &str) = (
    "Present the unit's quarterly performance report to the directorate",
    "Presented once before the end date, with the director's feedback recorded",
);
pub(super) const ADDENDUM_REASON: &str = "At the quarterly review the pair agreed to add a goal \
     on reporting to the directorate, and to meet for longer to prepare it.";

/// The mentor (of `MENTORS`) whose appointment ends within the dashboard's warning days: it
/// was made a year before, and the two mentorships he holds end with it.
pub(super) const LEAVING_MENTOR: usize = 2;
pub(super) const LEAVING_IN_DAYS: u64 = 20;

/// The pairing (of `PAIRINGS`) whose protégé has answered the mid-point evaluation: the
/// leaving mentor's first pair, which passed its mid-point more than a month ago.
pub(super) const EVALUATED: usize = 3;

/// That protégé's answers, question by question of the default mid-point form: a rating, a
/// yes or no, or words.
pub(super) const EVALUATION_ANSWERS: &[(Option<u8>, Option<bool>, &str)] = &[
    (Some(4), None, ""),
    (None, Some(true), ""),
    (Some(3), None, ""),
    (Some(4), None, ""),
    (Some(2), None, ""),
    (None, Some(true), ""),
    (
        None,
        None,
        "The sessions help me plan my month. My manager finds it hard to release me for them.",
    ),
];

/// The leaving mentor's first protégés (of `PEOPLE`), whose six-month mentorships ended early
/// in her appointment (all completed but `TERMINATED_FIRST_PAIR`), each with the ratings their
/// forms gave, question by question.
pub(super) const FIRST_PAIRS: [(usize, &[u8]); 3] = [
    (12, &[3, 4, 3, 3, 2]),
    (23, &[4, 4, 3, 2, 3]),
    (19, &[2, 3, 3, 3, 4]),
];

/// The one of `FIRST_PAIRS` that did not complete: Xolani Dube's transfer to a regional office
/// ended it early, after the four termination steps (days after the start, who asked, what
/// was said or decided), the last the decision with `FIRST_PAIR_TERMINATION_REASON`. The pair
/// met monthly until the discussion, and the mentorship's end date is the decision's day.
pub(super) const TERMINATED_FIRST_PAIR: usize = 2;
pub(super) const FIRST_PAIR_TERMINATION_REASON: Reason = Reason::Transfer;
pub(super) const FIRST_PAIR_TERMINATION: [(StepKind, u64, &str, &str); 4] = [
    (
        StepKind::Discussion,
        80,
        "Protégé",
        "Xolani Dube told the programme coordinator that he is transferred to the Mokopane \
         service centre from next month, three hours from head office, and cannot keep the \
         monthly meetings in Boardroom 2. Meeting online was discussed.",
    ),
    (
        StepKind::WrittenRequest,
        87,
        "Protégé",
        "Mr Dube asked in writing to end the mentorship: the transfer, the service centre's \
         opening hours, which leave no time to meet online, and the mentoring his new manager \
         has arranged at the centre.",
    ),
    (
        StepKind::SeparateMeetings,
        94,
        "Protégé",
        "The coordinator met Ms Patel and Mr Dube separately. Both agree that the mentorship \
         cannot continue after the transfer; Ms Patel will hand her notes on the project goal \
         to Mr Dube.",
    ),
    (
        StepKind::Decision,
        101,
        "Protégé",
        "The mentorship ends on the day of Mr Dube's transfer. The project goal, not yet \
         achieved, moves into his personal development plan at the service centre, and he may \
         be matched again with a mentor there.",
    ),
];

/// What those pairs talked about, month by month.
pub(super) const FIRST_PAIR_TOPICS: [&str; 6] = [
    "Choosing the project and its sponsor",
    "The project plan and its milestones",
    "Reporting progress to the sponsor",
    "A slipped milestone: what to say and to whom",
    "Handing over to operations",
    "The close-out report and what was learnt",
];

pub(super) const PAIRINGS: [Pairing; 8] = [
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

/// When a sample session was held: so many days after its mentorship began, or so many days
/// before `today` (for the sessions that must stay recent on whatever day the sample loads).
#[derive(Clone, Copy)]
pub(super) enum When {
    After(u64),
    DaysAgo(u64),
}

/// An action agreed in a session: (description, owner, due so many days after the session,
/// done so many days after it or not yet). One whose done day is after `today` is still open.
pub(super) type ActionLine = (&'static str, Owner, u64, Option<u64>);

/// A session: (when, kind, minutes, topics, advice, where the protégé is now, confidential
/// notes, actions agreed).
pub(super) type SessionLine = (
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
pub(super) type RatingLine = (usize, u64, u8, &'static str);

/// What has happened in one mentorship of `PAIRINGS`, in the same order.
pub(super) struct Story {
    /// Where the protégé wants to be, as every session's diagnosis records it.
    pub(super) aim: &'static str,
    /// Each goal's status and progress in percent, in the pairing's order.
    pub(super) goals: &'static [(GoalStatus, u8)],
    pub(super) sessions: &'static [SessionLine],
    pub(super) ratings: &'static [RatingLine],
    /// Work-plan events due within this many days before `today` await the mentor's sign-off;
    /// `None`: the mentor has signed nothing off.
    pub(super) sign_off_lag: Option<u64>,
    /// The previous quarter's report: (mentor's comments, protégé's comments, overall rating);
    /// `None`: not written yet.
    pub(super) report: Option<(&'static str, &'static str, u8)>,
    /// Termination steps: (kind, days after the start, initiated by, notes).
    pub(super) termination: &'static [(StepKind, u64, &'static str, &'static str)],
}

use SessionKind::{Planned, Situational};
use When::{After, DaysAgo};

/// Comments the mentors write when they sign off monthly feedback, in turn.
pub(super) const FEEDBACK_COMMENTS: [&str; 4] = [
    "Written feedback on the month's work given and discussed.",
    "Feedback given in person; the protégé agreed with the points raised.",
    "Feedback given on the drafts submitted this month.",
    "Short feedback by e-mail, followed up at the next session.",
];

pub(super) const STORIES: [Story; 8] = [
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

/// The pairing (of `PAIRINGS`) whose protégé raised a dispute with the programme coordinator
/// about how the mentor keeps their meetings: one mediation meeting held, another agreed, no
/// decision yet, and no step for more than a month.
pub(super) const DISPUTED: usize = 2;

/// The open dispute: (days before `today` it was raised, subject, confidential details).
pub(super) const DISPUTE: (u64, &str, &str) = (
    45,
    "Sessions moved at short notice",
    "Sipho says three planned sessions were moved on the day itself, and that the mentor spoke \
     about his procurement errors in front of colleagues. He asks for a fixed monthly time.",
);

/// The dispute's steps: (kind, days before `today`, mediation outcome, confidential notes).
pub(super) type DisputeStep = (
    crate::dispute::StepKind,
    u64,
    Option<crate::dispute::Outcome>,
    &'static str,
);

pub(super) const DISPUTE_STEPS: [DisputeStep; 2] = [
    (
        crate::dispute::StepKind::RaisedWithCoordinator,
        44,
        None,
        "Sipho came to the coordinator's office; he does not want his line manager told yet.",
    ),
    (
        crate::dispute::StepKind::MediationMeeting,
        38,
        Some(crate::dispute::Outcome::Continuing),
        "Both agreed to meet on the first Tuesday of each month. Ruben denies speaking about \
         the errors in front of colleagues; a second meeting was agreed after the coordinator \
         has seen each of them alone.",
    ),
];
