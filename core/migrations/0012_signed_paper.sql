-- The signed paper trail: who signed each printed document and when, the scans of the signed
-- paper, and the numbered addenda that change a signed agreement.
INSERT INTO setting (key, value) VALUES ('signature_reminder_days', '14');
INSERT INTO setting (key, value) VALUES ('attachment_max_megabytes', '20');

-- One row per signature block signed. A document is named by its kind and the record it is
-- printed from: a mentorship (agreement), an addendum, a KPA allocation version, a mentor
-- (contract), an organisation (agreement) or a written progress report.
CREATE TABLE signature (
    id         INTEGER PRIMARY KEY,
    paper      TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    signer     TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (name <> ''),
    signed_on  TEXT NOT NULL,
    UNIQUE (paper, subject_id, signer)
) STRICT;

-- The scans or photos of signed paper. A new copy of the same document is a new version; no
-- row is ever updated or deleted. `bytes` is read only when the file itself is asked for.
CREATE TABLE attachment (
    id          INTEGER PRIMARY KEY,
    paper       TEXT NOT NULL,
    subject_id  INTEGER NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    file_name   TEXT NOT NULL CHECK (file_name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png')),
    size        INTEGER NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    attached_on TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    UNIQUE (paper, subject_id, version)
) STRICT;

-- A change to a signed agreement, numbered per mentorship: the sentences that say what
-- changed, as printed, and why. The mentorship's own row holds the terms as amended.
CREATE TABLE addendum (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    number        INTEGER NOT NULL CHECK (number >= 1),
    made_on       TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (reason <> ''),
    changes       TEXT NOT NULL,
    UNIQUE (mentorship_id, number)
) STRICT;
