//! Reading and writing the programme's settings.

use super::Store;
use crate::settings::Settings;
use crate::Result;

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM setting")?;
        let pairs = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Settings::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Checks and saves every setting in one transaction.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        let tx = self.conn.savepoint()?;
        for (key, value) in settings.to_pairs() {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
