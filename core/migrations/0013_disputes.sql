-- Disputes between the parties of a mentorship (mentor, protégé, the protégé's line manager),
-- with the route the programme prescribes: raised with the programme coordinator, mediation
-- meetings, a decision by the person appointed to decide, and a referral to the department's
-- grievance procedure when it stays unresolved. `details` and a step's `notes` are
-- confidential: the audit trail withholds them and lists never carry them. The dispute's state
-- is derived from its steps, never stored.
CREATE TABLE dispute (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    raised_on     TEXT NOT NULL,
    raised_by     TEXT NOT NULL,
    parties       TEXT NOT NULL,
    subject       TEXT NOT NULL CHECK (subject <> ''),
    details       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX dispute_mentorship ON dispute (mentorship_id, raised_on);

CREATE TABLE dispute_step (
    id         INTEGER PRIMARY KEY,
    dispute_id INTEGER NOT NULL REFERENCES dispute (id),
    kind       TEXT NOT NULL,
    taken_on   TEXT NOT NULL,
    outcome    TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX dispute_step_dispute ON dispute_step (dispute_id, taken_on);
