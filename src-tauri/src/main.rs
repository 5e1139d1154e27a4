//! The MentorDesk executable: starts the desktop shell and reports a failure to start.

// Release builds on Windows open no console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(err) = mentordesk_app::run() {
        eprintln!("MentorDesk could not start its window: {err}");
        std::process::exit(1);
    }
}
