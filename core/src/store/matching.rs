//! The facts matching needs: the protégé of an application with their reporting line, and
//! every mentor who might be suggested with the protégés they hold in the wanted period.

use chrono::NaiveDate;

use super::Store;
use crate::matching::Suggestion;
use crate::Result;

impl Store {
    /// Every mentor on the register scored for one application, ranked (`matching::suggest`).
    pub fn suggestions(&self, application_id: i64, today: NaiveDate) -> Result<Vec<Suggestion>> {
        let _ = (application_id, today);
        todo!("being written")
    }
}
