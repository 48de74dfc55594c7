-- A written-in name that is elected must be checked for eligibility (a full member of this
-- organisation, a registered voter, ...) before the round is certified: who confirmed it, and how.
CREATE TABLE eligibility_confirmation (
  round_id INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  note TEXT NOT NULL CHECK (length(trim(note)) >= 1),
  confirmed_by INTEGER NOT NULL REFERENCES person (id),
  at TEXT NOT NULL,
  PRIMARY KEY (round_id, name)
) STRICT;
