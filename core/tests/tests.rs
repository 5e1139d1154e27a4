//! Integration tests of core, one module per area of `src/`.

mod agreement;
mod calendar;
mod contracts;
mod cycle;
mod document;
mod kpa;
mod kpa_document;
mod rules;
mod session;
mod store;
mod workload;
mod workplan;

use chrono::NaiveDate;

pub fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|_| panic!("bad test date {text}"))
}
