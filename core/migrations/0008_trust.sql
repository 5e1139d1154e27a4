-- Data you can trust: the people who sign in with their roles, the audit trail of every
-- change, and how many automatic backups are kept.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    -- The name folded for comparison, so "Thandi Mokoena" and "thandi mokoena" are one user.
    name_key      TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('programme_manager', 'hr_officer', 'viewer')),
    -- An Argon2id hash in PHC string form; never the password.
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (datetime('now')),
    disabled_at   TEXT
) STRICT;

-- One line per row inserted, updated or deleted in any other table, written by triggers that
-- the store installs after every migration (see store/audit.rs). Each line's hash covers the
-- line before it, so an edited or removed line breaks the chain.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before     TEXT,
    after      TEXT,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_record ON audit_log (table_name, row_id);

INSERT INTO setting (key, value) VALUES ('backups_kept', '10');
