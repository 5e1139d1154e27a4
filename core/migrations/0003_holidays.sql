-- Public holidays, for working-day arithmetic. A year's South African holidays are written
-- the first time the year is needed (`holiday_year` remembers which years were), and the
-- office may then add, rename or remove days.

CREATE TABLE holiday (
    date TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE holiday_year (
    year INTEGER PRIMARY KEY
) STRICT;
