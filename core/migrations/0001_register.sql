-- The register: settings, units, staff, external organisations, mentors, protégés and
-- mentorships with their goals and competencies.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The programme's norms, with the defaults of the DPSA guide (see domain.md).
INSERT INTO setting (key, value) VALUES
    ('department_name', 'Department of Public Service and Administration'),
    ('programme_name', 'Public Service Mentorship Programme'),
    ('programme_manager', ''),
    ('mentor_capacity', '4'),
    ('mentor_min_years_experience', '5'),
    ('max_mentorship_months', '12'),
    ('max_appointment_months', '12'),
    ('allow_concurrent_mentorships', 'false');

CREATE TABLE unit (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    line_manager_id INTEGER REFERENCES staff (id),
    archived_at     TEXT
) STRICT;

CREATE TABLE staff (
    id                   INTEGER PRIMARY KEY,
    persal               TEXT NOT NULL UNIQUE,
    first_names          TEXT NOT NULL,
    surname              TEXT NOT NULL,
    search_key           TEXT NOT NULL,
    gender               TEXT,
    race                 TEXT,
    date_of_birth        TEXT,
    disability           INTEGER NOT NULL DEFAULT 0,
    designation          TEXT NOT NULL DEFAULT '',
    salary_level         INTEGER,
    unit_id              INTEGER REFERENCES unit (id),
    line_manager_id      INTEGER REFERENCES staff (id),
    location             TEXT,
    public_service_start TEXT,
    unit_start           TEXT,
    email                TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    archived_at          TEXT
) STRICT;
CREATE INDEX staff_unit ON staff (unit_id);
CREATE INDEX staff_surname ON staff (surname, first_names);

CREATE TABLE organisation (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    contact_person TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    archived_at    TEXT
) STRICT;

CREATE TABLE mentor (
    id                         INTEGER PRIMARY KEY,
    staff_id                   INTEGER UNIQUE REFERENCES staff (id),
    external_name              TEXT NOT NULL DEFAULT '',
    organisation_id            INTEGER REFERENCES organisation (id),
    fields_of_expertise        TEXT NOT NULL DEFAULT '',
    qualifications             TEXT NOT NULL DEFAULT '',
    professional_background    TEXT NOT NULL DEFAULT '',
    scarce_skills              TEXT NOT NULL DEFAULT '',
    years_experience           INTEGER NOT NULL,
    recruitment                TEXT NOT NULL,
    nominated_by               TEXT NOT NULL DEFAULT '',
    training_course            TEXT NOT NULL DEFAULT '',
    training_provider          TEXT NOT NULL DEFAULT '',
    training_completed_on      TEXT,
    training_certificate       TEXT NOT NULL DEFAULT '',
    appointment_start          TEXT,
    appointment_end            TEXT,
    experience_override_reason TEXT NOT NULL DEFAULT '',
    archived_at                TEXT,
    CHECK (staff_id IS NOT NULL OR (organisation_id IS NOT NULL AND external_name <> ''))
) STRICT;

CREATE TABLE protege (
    id                INTEGER PRIMARY KEY,
    staff_id          INTEGER NOT NULL UNIQUE REFERENCES staff (id),
    kind              TEXT NOT NULL,
    programme_detail  TEXT NOT NULL DEFAULT '',
    career_goals      TEXT NOT NULL DEFAULT '',
    career_path_plan  TEXT NOT NULL DEFAULT '',
    education         TEXT NOT NULL DEFAULT '',
    work_experience   TEXT NOT NULL DEFAULT '',
    strengths         TEXT NOT NULL DEFAULT '',
    weaknesses        TEXT NOT NULL DEFAULT '',
    development_needs TEXT NOT NULL DEFAULT '',
    archived_at       TEXT
) STRICT;

CREATE TABLE mentorship (
    id                       INTEGER PRIMARY KEY,
    mentor_id                INTEGER NOT NULL REFERENCES mentor (id),
    protege_id               INTEGER NOT NULL REFERENCES protege (id),
    start_date               TEXT NOT NULL,
    end_date                 TEXT NOT NULL,
    purpose                  TEXT NOT NULL,
    mode                     TEXT NOT NULL,
    frequency                TEXT NOT NULL,
    meeting_minutes          INTEGER NOT NULL,
    meeting_place            TEXT NOT NULL DEFAULT '',
    status                   TEXT NOT NULL,
    capacity_override_reason TEXT NOT NULL DEFAULT '',
    archived_at              TEXT,
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX mentorship_mentor ON mentorship (mentor_id);
CREATE INDEX mentorship_protege ON mentorship (protege_id);

CREATE TABLE mentorship_goal (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    description   TEXT NOT NULL CHECK (description <> ''),
    measure       TEXT NOT NULL DEFAULT '',
    due_on        TEXT
) STRICT;
CREATE INDEX mentorship_goal_mentorship ON mentorship_goal (mentorship_id);

CREATE TABLE mentorship_competency (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL CHECK (name <> ''),
    current_level INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),
    target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5)
) STRICT;
CREATE INDEX mentorship_competency_mentorship ON mentorship_competency (mentorship_id);
