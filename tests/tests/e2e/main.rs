//! End-to-end tests: each one opens the real MentorDesk window with an empty database and
//! drives it as a person would, through the harness in `mentordesk_e2e`.
//! One module per area of the app; the steps they share are the harness's (`steps`).

mod access;
mod dashboard;
mod evaluations;
mod mentorship;
mod new_computer;
mod paper;
mod performance;
mod programme_report;
mod registers;
mod safety;
mod selection;
