-- Evaluations: at each mentorship's mid-point and end the protégé and the mentor fill in a
-- form, and the mentor assesses themself at the end. The questions are settings the programme
-- manager may change; these are the defaults (domain.md: behavioural rating scales, the
-- protégé's rating of the mentor, the mentor's self-assessment).
INSERT INTO setting (key, value) VALUES ('evaluation_overdue_days', '30');

CREATE TABLE evaluation_question (
    id          INTEGER PRIMARY KEY,
    form        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (text <> ''),
    answer      TEXT NOT NULL CHECK (answer IN ('rating', 'yes_no', 'text')),
    archived_at TEXT
) STRICT;
CREATE INDEX evaluation_question_form ON evaluation_question (form, position);

INSERT INTO evaluation_question (form, position, text, answer)
SELECT form.code, q.position, q.text, q.answer
FROM (SELECT 'protege_midpoint' AS code UNION ALL SELECT 'protege_end') AS form,
     (SELECT 1 AS position, 'How satisfied are you with the mentoring relationship?' AS text, 'rating' AS answer
      UNION ALL SELECT 2, 'Were the meetings held as the mentorship agreement sets them?', 'yes_no'
      UNION ALL SELECT 3, 'How far have your development goals progressed?', 'rating'
      UNION ALL SELECT 4, 'How useful has your mentor''s advice been?', 'rating'
      UNION ALL SELECT 5, 'How well has your line manager supported the mentorship?', 'rating'
      UNION ALL SELECT 6, 'Would you recommend the programme to a colleague?', 'yes_no'
      UNION ALL SELECT 7, 'Comments', 'text') AS q;

INSERT INTO evaluation_question (form, position, text, answer)
SELECT form.code, q.position, q.text, q.answer
FROM (SELECT 'mentor_midpoint' AS code UNION ALL SELECT 'mentor_end') AS form,
     (SELECT 1 AS position, 'How satisfied are you with the mentoring relationship?' AS text, 'rating' AS answer
      UNION ALL SELECT 2, 'Were the meetings held as the mentorship agreement sets them?', 'yes_no'
      UNION ALL SELECT 3, 'How far have the protégé''s development goals progressed?', 'rating'
      UNION ALL SELECT 4, 'How well has the protégé''s line manager supported the mentorship?', 'rating'
      UNION ALL SELECT 5, 'Would you recommend the programme to a colleague?', 'yes_no'
      UNION ALL SELECT 6, 'Comments', 'text') AS q;

INSERT INTO evaluation_question (form, position, text, answer) VALUES
    ('mentor_self', 1, 'How well did I prepare for our sessions?', 'rating'),
    ('mentor_self', 2, 'How well did I listen, and was my advice useful?', 'rating'),
    ('mentor_self', 3, 'How well did I keep to the agreed meetings and to confidentiality?', 'rating'),
    ('mentor_self', 4, 'What would I do differently with my next protégé?', 'text');

CREATE TABLE evaluation (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    form          TEXT NOT NULL,
    answered_on   TEXT NOT NULL,
    scale         TEXT NOT NULL,
    from_paper    INTEGER NOT NULL DEFAULT 0 CHECK (from_paper IN (0, 1)),
    UNIQUE (mentorship_id, form)
) STRICT;

CREATE TABLE evaluation_answer (
    id            INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    question_id   INTEGER NOT NULL REFERENCES evaluation_question (id),
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    yes           INTEGER CHECK (yes IN (0, 1)),
    text          TEXT NOT NULL DEFAULT '',
    UNIQUE (evaluation_id, question_id)
) STRICT;
CREATE INDEX evaluation_answer_question ON evaluation_answer (question_id);
