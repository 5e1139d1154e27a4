//! Applying a staff import: the units the file names that do not exist yet, then every new
//! and changed staff member, all in one transaction. What to write is decided by
//! `import::plan`; this module only writes it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Store;
use crate::domain::Staff;
use crate::import::{self, Field, ImportResult, Plan, Registered, Table};
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
        self.in_transaction(|store| {
            let plan = import::plan(store, table, mapping, today)?;
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
            store.apply_plan(&plan, today)?;
            Ok(plan)
        })
    }

    fn apply_plan(&mut self, plan: &Plan, today: NaiveDate) -> Result<()> {
        let mut created = HashMap::new();
        for name in &plan.new_units {
            let id = self.save_unit(&import::unit_named(name))?;
            created.insert(name.to_lowercase(), id);
        }
        for (staff, new_unit) in plan.lines.iter().filter_map(|l| l.record.as_ref()) {
            let mut staff = staff.clone();
            if let Some(name) = new_unit {
                staff.unit_id = created.get(&name.to_lowercase()).copied();
            }
            self.save_staff(&staff, today)?;
        }
        Ok(())
    }
}
