-- The session log and the actions agreed in sessions. Confidential notes live here and are
-- left out of every report and export unless the person includes them for one document.

CREATE TABLE session (
    id                 INTEGER PRIMARY KEY,
    mentorship_id      INTEGER NOT NULL REFERENCES mentorship (id),
    held_on            TEXT NOT NULL,
    minutes            INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
    place              TEXT NOT NULL DEFAULT '',
    mode               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    topics             TEXT NOT NULL CHECK (topics <> ''),
    advice             TEXT NOT NULL DEFAULT '',
    diagnosis_now      TEXT NOT NULL DEFAULT '',
    diagnosis_goal     TEXT NOT NULL DEFAULT '',
    confidential_notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX session_mentorship ON session (mentorship_id, held_on);
CREATE INDEX session_held_on ON session (held_on);

CREATE TABLE session_action (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description TEXT NOT NULL CHECK (description <> ''),
    owner       TEXT NOT NULL,
    due_on      TEXT,
    done_on     TEXT
) STRICT;
CREATE INDEX session_action_session ON session_action (session_id);
CREATE INDEX session_action_open ON session_action (due_on) WHERE done_on IS NULL;
