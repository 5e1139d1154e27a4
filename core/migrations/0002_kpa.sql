-- Mentoring as a Key Performance Area: performance cycles, the workload norms, versioned KPA
-- allocations with the line manager's consultation, the history of mentor appointments and
-- the external organisations' agreements.

-- The norms of domain.md ("Mentoring as a Key Performance Area").
INSERT INTO setting (key, value) VALUES
    ('cycle_start_month', '4'),
    ('mentoring_hours_per_protege', '2'),
    ('preparation_hours_per_protege', '1'),
    ('working_hours_per_month', '173'),
    ('kpa_min_weight', '10'),
    ('kpa_max_weight', '30'),
    ('senior_manager_salary_level', '13'),
    ('kpa_range_for_senior_managers', 'false'),
    ('appointment_warning_days', '30');

CREATE TABLE cycle (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL,
    q1_review         TEXT NOT NULL,
    mid_cycle_review  TEXT NOT NULL,
    q3_review         TEXT NOT NULL,
    annual_assessment TEXT NOT NULL,
    CHECK (end_date > start_date)
) STRICT;

-- One row per version. A final version is never updated: a change inserts the next version,
-- and finalising it marks the one before as superseded.
CREATE TABLE kpa_allocation (
    id                     INTEGER PRIMARY KEY,
    mentor_id              INTEGER NOT NULL REFERENCES mentor (id),
    cycle_id               INTEGER NOT NULL REFERENCES cycle (id),
    version                INTEGER NOT NULL CHECK (version >= 1),
    status                 TEXT NOT NULL,
    consulted_on           TEXT,
    consultation_outcome   TEXT,
    consultation_notes     TEXT NOT NULL DEFAULT '',
    finalised_on           TEXT,
    -- Set when final: who was consulted and the norms the mentoring KPA was worked out with.
    line_manager           TEXT NOT NULL DEFAULT '',
    hours_per_protege      REAL,
    preparation_hours      REAL,
    working_hours_per_month REAL,
    created_at             TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE (mentor_id, cycle_id, version)
) STRICT;
CREATE INDEX kpa_allocation_cycle ON kpa_allocation (cycle_id);

CREATE TABLE kpa (
    id            INTEGER PRIMARY KEY,
    allocation_id INTEGER NOT NULL REFERENCES kpa_allocation (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL CHECK (title <> ''),
    outputs       TEXT NOT NULL DEFAULT '',
    indicators    TEXT NOT NULL DEFAULT '',
    weight        INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    mentoring     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX kpa_allocation_kpas ON kpa (allocation_id);

-- The mentoring KPA's protégés as they stood when the allocation was finalised.
CREATE TABLE kpa_workload_line (
    id              INTEGER PRIMARY KEY,
    allocation_id   INTEGER NOT NULL REFERENCES kpa_allocation (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    mentorship_id   INTEGER NOT NULL REFERENCES mentorship (id),
    protege         TEXT NOT NULL,
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL,
    months          REAL NOT NULL,
    hours_per_month REAL NOT NULL
) STRICT;
CREATE INDEX kpa_workload_line_allocation ON kpa_workload_line (allocation_id);

-- Appointments that have ended through the annual review; the current one stays on `mentor`.
CREATE TABLE mentor_appointment (
    id           INTEGER PRIMARY KEY,
    mentor_id    INTEGER NOT NULL REFERENCES mentor (id),
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    reviewed_on  TEXT NOT NULL,
    review_notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX mentor_appointment_mentor ON mentor_appointment (mentor_id);

ALTER TABLE organisation ADD COLUMN kind TEXT NOT NULL DEFAULT 'private_sector';
ALTER TABLE organisation ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN coordinator TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN days_per_year INTEGER;
ALTER TABLE organisation ADD COLUMN time_allocation_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN agreement_start TEXT;
ALTER TABLE organisation ADD COLUMN agreement_end TEXT;
