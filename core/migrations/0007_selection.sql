-- Selection and matching: applications (and interns and learners entered as eligible without
-- one), the committee's reviews, the decision trail, the letters owed, and the norms of the
-- suggestions (hard rules and the weights of the soft preferences).

INSERT INTO setting (key, value) VALUES
    ('exclude_same_reporting_line', 'true'),
    ('match_weight_expertise', '50'),
    ('match_weight_capacity', '15'),
    ('match_weight_location', '10'),
    ('match_weight_age_gap', '10'),
    ('match_weight_gender', '10'),
    ('match_weight_language', '5'),
    ('match_age_gap_years', '10'),
    ('mentor_reply_days', '10');

ALTER TABLE mentor ADD COLUMN languages TEXT NOT NULL DEFAULT '';

CREATE TABLE application (
    id                 INTEGER PRIMARY KEY,
    protege_id         INTEGER NOT NULL REFERENCES protege (id),
    -- 'application', or 'eligible' for interns and learners entered without one.
    entry              TEXT NOT NULL,
    received_on        TEXT NOT NULL,
    intake             TEXT NOT NULL DEFAULT '',
    wanted_start       TEXT NOT NULL,
    wanted_end         TEXT NOT NULL,
    preferred_gender   TEXT,
    preferred_language TEXT NOT NULL DEFAULT '',
    motivation         TEXT NOT NULL DEFAULT '',
    state              TEXT NOT NULL,
    -- The mentor proposed (matched), and the mentorship made when the mentor accepted.
    mentor_id          INTEGER REFERENCES mentor (id),
    mentorship_id      INTEGER REFERENCES mentorship (id),
    CHECK (wanted_end >= wanted_start)
) STRICT;
CREATE INDEX application_state ON application (state, intake);
CREATE INDEX application_protege ON application (protege_id);

CREATE TABLE committee_review (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES application (id),
    reviewed_on     TEXT NOT NULL,
    members_present TEXT NOT NULL CHECK (members_present <> ''),
    interview_notes TEXT NOT NULL DEFAULT '',
    decision        TEXT NOT NULL,
    reasons         TEXT NOT NULL CHECK (reasons <> '')
) STRICT;
CREATE INDEX committee_review_application ON committee_review (application_id);

-- The decision trail: every change of an application's state, who made it, when and why.
CREATE TABLE application_event (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (id),
    happened_on    TEXT NOT NULL,
    actor          TEXT NOT NULL CHECK (actor <> ''),
    state          TEXT NOT NULL,
    mentor_id      INTEGER REFERENCES mentor (id),
    what           TEXT NOT NULL,
    why            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX application_event_application ON application_event (application_id, id);

-- Letters owed by a decision; printed_on is set once the letter has been printed.
CREATE TABLE letter (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (id),
    kind           TEXT NOT NULL,
    mentor_id      INTEGER REFERENCES mentor (id),
    event_id       INTEGER NOT NULL REFERENCES application_event (id),
    printed_on     TEXT
) STRICT;
CREATE INDEX letter_pending ON letter (application_id) WHERE printed_on IS NULL;
