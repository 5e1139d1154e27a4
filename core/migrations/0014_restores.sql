-- One row per restore of a backup into this database, written after the restored content is
-- in place, so that the audit trail's triggers give the restore its own line (who restored
-- what, and when) right after the restored trail. `replaced_lines` and `replaced_head` describe
-- the trail the restore replaced (none for a restore into a new database); its full copy is the
-- backup named in `replaced_kept_in`.
CREATE TABLE restore (
    id               INTEGER PRIMARY KEY,
    restored_from    TEXT NOT NULL,
    data_version     INTEGER NOT NULL,
    restored_lines   INTEGER NOT NULL,
    restored_head    TEXT,
    replaced_lines   INTEGER,
    replaced_head    TEXT,
    replaced_kept_in TEXT
) STRICT;
