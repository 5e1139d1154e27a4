//! Applying a staff import: the units the file names that do not exist yet, then every new
//! and changed staff member, all in one transaction. What to write is decided by
//! `import::plan`; this module only writes it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Store;
use crate::domain::Staff;
use crate::import::{self, Field, ImportResult, Plan, Progress, Registered, Stage, Table, Ticker};
use crate::{Error, Result};

impl Registered for Store {
    fn units(&self) -> Result<Vec<(i64, String)>> {
        Ok(Store::units(self, true)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect())
    }

    fn staff_by_persal(&self, persal: &str) -> Result<Option<Staff>> {
        Store::staff_by_persal(self, persal)
    }
}

impl Store {
    /// Plans the import again (the register may have changed since the preview) and applies
    /// it whole, or refuses it whole while any line has a problem.
    pub fn import_staff(
        &mut self,
        table: &Table,
        mapping: &[Option<Field>],
        today: NaiveDate,
    ) -> Result<ImportResult> {
        self.import_staff_with_progress(table, mapping, today, |_| {})
    }

    /// `import_staff`, telling `told` how far the checking of the lines and then the saving
    /// of the staff have got; both happen in the one transaction.
    pub fn import_staff_with_progress(
        &mut self,
        table: &Table,
        mapping: &[Option<Field>],
        today: NaiveDate,
        mut told: impl FnMut(Progress),
    ) -> Result<ImportResult> {
        self.in_transaction(|store| {
            let plan = import::plan_with_progress(store, table, mapping, today, &mut told)?;
            if plan.errors > 0 {
                return Err(Error::invalid(
                    "file",
                    format!(
                        "{} of the file's lines have problems, so nothing was imported. Correct \
                         them (see the report) and import the file again.",
                        plan.errors
                    ),
                ));
            }
            store.apply_plan(&plan, today, &mut told)?;
            Ok(plan)
        })
    }

    fn apply_plan(
        &mut self,
        plan: &Plan,
        today: NaiveDate,
        told: &mut dyn FnMut(Progress),
    ) -> Result<()> {
        let mut created = HashMap::new();
        for name in &plan.new_units {
            let id = self.save_unit(&import::unit_named(name))?;
            created.insert(name.to_lowercase(), id);
        }
        let records: Vec<_> = plan
            .lines
            .iter()
            .filter_map(|l| l.record.as_ref())
            .collect();
        let mut ticker = Ticker::start(Stage::Saving, records.len(), told);
        for (n, (staff, new_unit)) in records.into_iter().enumerate() {
            let mut staff = staff.clone();
            if let Some(name) = new_unit {
                staff.unit_id = created.get(&name.to_lowercase()).copied();
            }
            self.save_staff(&staff, today)?;
            ticker.reached(n + 1);
        }
        Ok(())
    }
}
