-- Work plans: dated events of a mentorship that the mentor signs off, and the template that
-- generates a new plan.

INSERT INTO setting (key, value) VALUES
    ('workplan_feedback_working_day', '3'),
    ('workplan_review_every_months', '3');

CREATE TABLE work_plan_event (
    id               INTEGER PRIMARY KEY,
    mentorship_id    INTEGER NOT NULL REFERENCES mentorship (id),
    due_on           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL CHECK (title <> ''),
    signed_off_on    TEXT,
    sign_off_comment TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX work_plan_event_mentorship ON work_plan_event (mentorship_id, due_on);
CREATE INDEX work_plan_event_open ON work_plan_event (due_on) WHERE signed_off_on IS NULL;
