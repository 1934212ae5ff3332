-- A valgus log as schema version 3 wrote it (frozen: never edit). Read by
-- tests/test_log_store.cpp through the sqlite3 command-line program; every
-- fixture holds the same two sessions, so the test can check that each
-- migration from this version keeps them. Version 0 is an empty file.
BEGIN;
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  session TEXT NOT NULL,
  stage_week INTEGER NOT NULL CHECK (stage_week >= 1),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  effort TEXT CHECK (effort IN ('easy', 'right', 'hard')),
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE session_exercises (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  refer INTEGER NOT NULL CHECK (refer IN (0, 1)),
  problems TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('both', 'left', 'right'))
);
CREATE TABLE assessment_values (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  test TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('', 'left', 'right')),
  value REAL NOT NULL,
  PRIMARY KEY (assessment_id, test, side)
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN next_morning_pain INTEGER CHECK (next_morning_pain BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN symptoms TEXT NOT NULL DEFAULT '';
CREATE TABLE safety_events (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  kind TEXT NOT NULL CHECK (kind IN ('pause', 'resume', 'referred', 'cleared')),
  reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO sessions VALUES (1, '2027-01-04', 'A', 1, 3, 'right', 'left knee sore', NULL, '');
INSERT INTO sessions VALUES (2, '2027-01-06', 'B', 2, NULL, NULL, '', NULL, '');
INSERT INTO session_exercises VALUES (1, 0, 'foam-roll-tfl', 1), (1, 1, 'clamshell', 0), (2, 0, 'side-plank', 1);
PRAGMA application_id = 1447119943;  -- 0x56414C47, "VALG"
PRAGMA user_version = 3;
COMMIT;
