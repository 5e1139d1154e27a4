//! The department's contracts with the sample's mentors and its external organisation,
//! printed and read back with poppler and qpdf.

use mentordesk_core::document::long_date;
use mentordesk_core::print;
use mentordesk_core::print::mentor_contract::{self, MentorContractFacts, MENTOR_CLAUSES};
use mentordesk_core::print::organisation_agreement::{self, ORGANISATION_CLAUSES};
use mentordesk_core::store::Register;
use mentordesk_core::Error;

use crate::kpa_document::{expect_all, unappointed_mentor};
use crate::{check_pdf, date, sample_store, text_of};

#[test]
fn every_current_mentor_contract_prints_parties_appointment_proteges_time_training_and_signatures()
{
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let current = print::current(&store, today).unwrap();
    assert_eq!(current.mentors.len(), 5, "{current:?}");
    for &id in &current.mentors {
        let f = MentorContractFacts::load(&store, id, today).unwrap();
        let model = mentor_contract::build_mentor_contract(&f, today).plain_text();
        let path = mentor_contract::write_mentor_contract(&store, id, today, dir.path()).unwrap();
        let pdf = text_of(&path);
        let persal = f.details.persal.clone().unwrap();
        let start = long_date(f.appointment_start);
        let end = long_date(f.appointment_end);
        let certificate = f.mentor.training_certificate.clone();
        let trained = long_date(f.mentor.training_completed_on.unwrap());
        let manager = f.details.line_manager.clone().unwrap();
        let proteges: Vec<String> = f
            .proteges
            .iter()
            .flat_map(|m| [m.protege.clone(), m.reference.clone()])
            .collect();
        assert!(!proteges.is_empty());
        for text in [&model, &pdf] {
            let mut expected = vec![
                "Mentor contract",
                f.details.name.as_str(),
                persal.as_str(),
                f.details.designation.as_str(),
                f.details.unit.as_str(),
                "represented by Refilwe Mokoena, programme manager",
                start.as_str(),
                end.as_str(),
                "at most 12 months at a time",
                "annual review",
                "2 hours a month for each protégé, with 1 hour a month to prepare, 3 hours a month per protégé",
                "In the 2026/27 performance cycle",
                "Mentoring and Coaching in the Public Service",
                "National School of Government",
                certificate.as_str(),
                trained.as_str(),
                "earns no additional remuneration",
                "at the mentor's own request",
                "fails to carry out the duties",
                "absent for more than a month",
                "transfer",
                "disciplinary action",
                "dismissal",
                "Programme manager, for the department",
                "Mentor's line manager",
                manager.as_str(),
            ];
            expected.extend(MENTOR_CLAUSES);
            expected.extend(proteges.iter().map(String::as_str));
            expect_all(&f.details.name, text, &expected);
        }
        check_pdf(&path);
    }
}

#[test]
fn the_contract_gives_the_mentoring_kpa_of_the_current_cycle() {
    let (_dir, store) = sample_store();
    let today = date("2026-11-23");
    let text = |id| {
        mentor_contract::mentor_contract(&store, id, today)
            .unwrap()
            .plain_text()
    };
    // Zoë (MT-0001) has a final version 2; Thabo (MT-0005) only a draft.
    expect_all(
        "Zoë",
        &text(1),
        &[
            "Zoë van der Merwe",
            "(version 2 of the KPA allocation) the mentoring KPA weighs 10% and takes 3.11 hours a month",
            "1.8% of the mentor's working time",
            "Mpho Maluleke",
            "Ntombi Xaba",
            "Intern",
            "Nomvula Dlamini-Müller",
        ],
    );
    expect_all(
        "Thabo",
        &text(5),
        &["version 1, a draft not yet final", "Busisiwe Zulu"],
    );
}

#[test]
fn the_organisation_agreement_prints_its_mentors_consent_interview_liaison_and_signatures() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let current = print::current(&store, today).unwrap();
    assert_eq!(current.organisations.len(), 1);
    let id = current.organisations[0];
    let model = organisation_agreement::organisation_agreement(&store, id, today)
        .unwrap()
        .plain_text();
    let path = organisation_agreement::write_organisation_agreement(&store, id, today, dir.path())
        .unwrap();
    assert!(path.ends_with("ORG-0001-agreement.pdf"), "{path:?}");
    let pdf = text_of(&path);
    for text in [&model, &pdf] {
        let mut expected = vec![
            "Agreement with an external mentoring organisation",
            "ORG-0001/AGR",
            "Ubuntu Leadership Institute",
            "Private sector",
            "14 Jan Smuts Avenue, Braamfontein, Johannesburg, 2001",
            "Mr Hendrik Coetzee",
            "Dr Khanyisile Sibiya-Jansen",
            "CA(SA); PhD in Public Finance",
            "Financial management, accounting, leadership",
            "22",
            "Time per mentor: 12 days a year",
            "How it is spread: About two hours a month",
            "About two hours a month per protégé, in working hours",
            "do not interfere with the protégé's duties",
            "without the protégé's prior written consent",
            "what information is disclosed, to whom and on what date",
            "interviews the proposed protégé",
            "its acceptance decision is final",
            "Refilwe Mokoena (programme manager) is the coordinator who liaises",
            "15 August 2026 to 14 August 2027",
            "one month's written notice",
            "absent for more than a month",
            "For the department: programme manager",
            "For the organisation: contact person",
            "Liaison coordinator",
        ];
        expected.extend(ORGANISATION_CLAUSES);
        expect_all("ORG-0001", text, &expected);
    }
    check_pdf(&path);
}

#[test]
fn an_external_mentor_gets_no_contract_and_is_told_why() {
    let (_dir, store) = sample_store();
    // The sixth mentor of the sample is Dr Khanyisile Sibiya-Jansen of the Ubuntu Leadership
    // Institute.
    let err = mentor_contract::mentor_contract(&store, 6, date("2026-11-23")).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid {
                field: "mentor_id",
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    expect_all(
        "external mentor",
        &message,
        &[
            "Dr Khanyisile Sibiya-Jansen is an external mentor",
            "no mentor contract can be printed",
            "Ubuntu Leadership Institute (ORG-0001)",
        ],
    );
}

#[test]
fn a_mentor_without_a_current_appointment_gets_no_contract() {
    let (_dir, mut store) = sample_store();
    let kagiso = unappointed_mentor(&mut store);
    let err = mentor_contract::mentor_contract(&store, kagiso, date("2026-11-23")).unwrap_err();
    assert_eq!(err.field(), Some("appointment_start"));
    assert!(
        err.to_string()
            .contains("Kagiso Molefe has no appointment as a mentor"),
        "{err}"
    );
    let err = mentor_contract::mentor_contract(&store, 1, date("2027-09-01")).unwrap_err();
    assert_eq!(err.field(), Some("appointment_end"));
    assert!(
        err.to_string()
            .contains("appointment ended on 14 August 2027"),
        "{err}"
    );
}

#[test]
fn only_contracts_in_force_and_not_archived_are_current() {
    let (_dir, mut store) = sample_store();
    let today = date("2026-11-23");
    unappointed_mentor(&mut store);
    let sorted = |mut ids: Vec<i64>| {
        ids.sort();
        ids
    };
    assert_eq!(
        sorted(print::current(&store, today).unwrap().mentors),
        [1, 2, 3, 4, 5]
    );
    store.set_archived(Register::Mentor, 2, true).unwrap();
    store.set_archived(Register::Organisation, 1, true).unwrap();
    let now = print::current(&store, today).unwrap();
    assert_eq!(sorted(now.mentors), [1, 3, 4, 5]);
    assert!(now.organisations.is_empty());
    let before = print::current(&store, date("2025-12-13")).unwrap();
    assert!(before.mentors.is_empty() && before.organisations.is_empty());
}
