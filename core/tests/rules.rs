//! Every refusal of the pairing rules, and each override where one exists.

use mentordesk_core::domain::*;
use mentordesk_core::rules::{check_pairing, PairingFacts};
use mentordesk_core::settings::Settings;
use mentordesk_core::Rule;

use crate::{date, fixtures};

/// A pairing that keeps every rule; each test changes one thing.
struct Case {
    mentorship: Mentorship,
    mentor: Mentor,
    line_manager: Option<i64>,
    mentor_overlapping: usize,
    protege_overlapping: Vec<String>,
    settings: Settings,
}

fn case() -> Case {
    Case {
        mentorship: Mentorship {
            start_date: date("2026-05-01"),
            end_date: date("2027-03-31"),
            ..fixtures::mentorship(1, 1)
        },
        mentor: Mentor {
            id: Some(1),
            years_experience: 12,
            training_completed_on: Some(date("2026-02-01")),
            appointment_start: Some(date("2026-04-01")),
            appointment_end: Some(date("2027-03-31")),
            ..fixtures::mentor(10)
        },
        line_manager: Some(99),
        mentor_overlapping: 0,
        protege_overlapping: vec![],
        settings: Settings {
            department_name: "Department".into(),
            programme_name: "Programme".into(),
            programme_manager: String::new(),
            mentor_capacity: 4,
            mentor_min_years_experience: 5,
            max_mentorship_months: 12,
            max_appointment_months: 12,
            allow_concurrent_mentorships: false,
            // The norms this test does not touch keep the defaults a new database gets.
            ..mentordesk_core::Store::open_in_memory()
                .and_then(|s| s.settings())
                .expect("default settings")
        },
    }
}

/// Checks the case; `expected` is the rule that must refuse it, with words the message must
/// hold, or `None` when it must pass.
fn check(c: Case, expected: Option<(Rule, &[&str])>) {
    let facts = PairingFacts {
        mentorship: &c.mentorship,
        mentor: &c.mentor,
        mentor_name: "Zoë van der Merwe",
        protege_name: "Pieter O'Neill",
        protege_line_manager: c.line_manager,
        mentor_overlapping: c.mentor_overlapping,
        protege_overlapping: c.protege_overlapping.clone(),
        settings: &c.settings,
    };
    match (check_pairing(&facts), expected) {
        (Ok(()), None) => {}
        (Ok(()), Some((rule, _))) => {
            panic!("expected a refusal by {rule:?}, but the pairing passed")
        }
        (Err(err), None) => panic!("expected the pairing to pass, but: {err}"),
        (
            Err(mentordesk_core::Error::Refused { rule, message, .. }),
            Some((expected_rule, words)),
        ) => {
            assert_eq!(rule, expected_rule, "{message}");
            for word in words {
                assert!(
                    message.contains(word),
                    "{message:?} should mention {word:?}"
                );
            }
        }
        (Err(other), Some(_)) => panic!("expected a rule's refusal, got {other:?}"),
    }
}

#[test]
fn a_pairing_that_keeps_every_rule_is_accepted() {
    check(case(), None);
}

#[test]
fn a_fifth_protege_is_refused_when_capacity_is_four() {
    let mut c = case();
    c.mentor_overlapping = 4;
    check(
        c,
        Some((
            Rule::Capacity,
            &[
                "already has 4 protégés",
                "capacity is 4",
                "protégé number 5",
            ],
        )),
    );
}

#[test]
fn a_fourth_protege_is_accepted_when_capacity_is_four() {
    let mut c = case();
    c.mentor_overlapping = 3;
    check(c, None);
}

#[test]
fn a_capacity_override_with_a_reason_allows_a_fifth_protege() {
    let mut c = case();
    c.mentor_overlapping = 4;
    c.mentorship.capacity_override_reason =
        "Scarce skill; approved by the committee on 3 May".into();
    check(c, None);
}

#[test]
fn a_blank_capacity_override_is_no_override() {
    let mut c = case();
    c.mentor_overlapping = 4;
    c.mentorship.capacity_override_reason = "   ".into();
    check(c, Some((Rule::Capacity, &["capacity is 4"])));
}

#[test]
fn capacity_follows_the_setting() {
    let mut c = case();
    c.settings.mentor_capacity = 2;
    c.mentor_overlapping = 2;
    check(c, Some((Rule::Capacity, &["capacity is 2"])));
}

#[test]
fn a_mentor_without_training_is_refused() {
    let mut c = case();
    c.mentor.training_completed_on = None;
    check(
        c,
        Some((
            Rule::Training,
            &[
                "Zoë van der Merwe",
                "not completed accredited mentor training",
            ],
        )),
    );
}

#[test]
fn training_completed_after_the_start_is_refused() {
    let mut c = case();
    c.mentor.training_completed_on = Some(date("2026-05-02"));
    check(c, Some((Rule::Training, &["2026-05-02", "2026-05-01"])));
}

#[test]
fn an_appointment_that_ends_before_the_mentorship_is_refused() {
    let mut c = case();
    c.mentor.appointment_end = Some(date("2027-01-31"));
    check(
        c,
        Some((
            Rule::Appointment,
            &["2026-04-01 to 2027-01-31", "2026-05-01 to 2027-03-31"],
        )),
    );
}

#[test]
fn an_appointment_that_starts_after_the_mentorship_is_refused() {
    let mut c = case();
    c.mentor.appointment_start = Some(date("2026-06-01"));
    check(c, Some((Rule::Appointment, &["does not cover"])));
}

#[test]
fn a_mentor_with_no_appointment_is_refused() {
    let mut c = case();
    c.mentor.appointment_start = None;
    c.mentor.appointment_end = None;
    check(c, Some((Rule::Appointment, &["no appointment"])));
}

#[test]
fn the_protege_s_own_line_manager_is_refused() {
    let mut c = case();
    c.line_manager = Some(10);
    check(
        c,
        Some((
            Rule::LineManager,
            &["Zoë van der Merwe is Pieter O'Neill's line manager"],
        )),
    );
}

#[test]
fn an_external_mentor_is_never_a_line_manager() {
    let mut c = case();
    c.mentor.staff_id = None;
    c.mentor.external_name = "Dr K. Sibiya".into();
    c.mentor.organisation_id = Some(1);
    c.line_manager = None;
    check(c, None);
}

#[test]
fn a_period_over_one_year_is_refused() {
    let mut c = case();
    c.mentor.appointment_end = Some(date("2027-12-31"));
    c.mentorship.end_date = date("2027-05-02");
    check(
        c,
        Some((
            Rule::Period,
            &["at most 12 months", "must end by 2027-05-01"],
        )),
    );
}

#[test]
fn a_period_of_exactly_one_year_is_accepted() {
    let mut c = case();
    c.mentor.appointment_end = Some(date("2027-12-31"));
    c.mentorship.end_date = date("2027-05-01");
    check(c, None);
}

#[test]
fn an_end_before_the_start_is_refused() {
    let mut c = case();
    c.mentorship.end_date = date("2026-04-30");
    check(
        c,
        Some((
            Rule::Period,
            &["End date 2026-04-30 is before start date 2026-05-01"],
        )),
    );
}

#[test]
fn a_protege_with_an_active_mentorship_is_refused() {
    let mut c = case();
    c.protege_overlapping = vec!["MS-0003".into()];
    check(
        c,
        Some((Rule::ProtegeAlreadyMentored, &["Pieter O'Neill", "MS-0003"])),
    );
}

#[test]
fn a_second_mentorship_is_allowed_when_the_setting_allows_it() {
    let mut c = case();
    c.protege_overlapping = vec!["MS-0003".into()];
    c.settings.allow_concurrent_mentorships = true;
    check(c, None);
}

#[test]
fn a_mentor_with_five_years_is_refused_because_more_than_five_are_needed() {
    let mut c = case();
    c.mentor.years_experience = 5;
    check(c, Some((Rule::Experience, &["has 5 years", "more than 5"])));
}

#[test]
fn a_mentor_with_six_years_is_accepted() {
    let mut c = case();
    c.mentor.years_experience = 6;
    check(c, None);
}

#[test]
fn an_experience_override_with_a_reason_is_accepted() {
    let mut c = case();
    c.mentor.years_experience = 3;
    c.mentor.experience_override_reason = "Ten years in the private sector".into();
    check(c, None);
}

#[test]
fn the_experience_minimum_follows_the_setting() {
    let mut c = case();
    c.settings.mentor_min_years_experience = 12;
    check(
        c,
        Some((Rule::Experience, &["has 12 years", "more than 12"])),
    );
}
