-- Progress: goals' status and progress, competency ratings per period, the parts of a progress
-- report that are written rather than logged, and the termination steps a recommendation to
-- terminate rests on.

INSERT INTO setting (key, value) VALUES
    ('rating_scale', 'four_point'),
    ('no_session_warning_days', '30');

ALTER TABLE mentorship_goal ADD COLUMN status TEXT NOT NULL DEFAULT 'not_started';
ALTER TABLE mentorship_goal ADD COLUMN progress INTEGER NOT NULL DEFAULT 0
    CHECK (progress BETWEEN 0 AND 100);

-- A rating keeps the competency's name and the scale it was given on, so a later change to
-- the mentorship or to the programme's scale never changes what was rated.
CREATE TABLE competency_rating (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    competency    TEXT NOT NULL CHECK (competency <> ''),
    rated_on      TEXT NOT NULL,
    scale         TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    evidence      TEXT NOT NULL CHECK (evidence <> '')
) STRICT;
CREATE INDEX competency_rating_mentorship ON competency_rating (mentorship_id, rated_on);

CREATE TABLE progress_report (
    id                    INTEGER PRIMARY KEY,
    mentorship_id         INTEGER NOT NULL REFERENCES mentorship (id),
    period_from           TEXT NOT NULL,
    period_to             TEXT NOT NULL,
    period_label          TEXT NOT NULL,
    written_on            TEXT NOT NULL,
    mentor_comments       TEXT NOT NULL DEFAULT '',
    protege_comments      TEXT NOT NULL DEFAULT '',
    scale                 TEXT NOT NULL,
    overall_rating        INTEGER CHECK (overall_rating BETWEEN 1 AND 5),
    recommendation        TEXT NOT NULL,
    recommendation_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (mentorship_id, period_from, period_to),
    CHECK (period_to >= period_from)
) STRICT;
CREATE INDEX progress_report_period ON progress_report (period_to);

CREATE TABLE termination_step (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    kind          TEXT NOT NULL,
    taken_on      TEXT NOT NULL,
    initiated_by  TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL CHECK (notes <> ''),
    coordinator_informed INTEGER NOT NULL DEFAULT 0 CHECK (coordinator_informed IN (0, 1))
) STRICT;
CREATE INDEX termination_step_mentorship ON termination_step (mentorship_id, taken_on);
