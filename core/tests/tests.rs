//! Integration tests of core, one module per area of `src/`.

mod agreement;
mod document;
mod rules;
mod store;

use chrono::NaiveDate;

pub fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|_| panic!("bad test date {text}"))
}
