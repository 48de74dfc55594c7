-- A reconciled box reopened by the 总监票人 after a recount: the differences settled before are
-- kept here, and the two passes, once corrected, are compared afresh.
CREATE TABLE reconciliation_superseded (
  box_id INTEGER NOT NULL REFERENCES box (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  choice TEXT NOT NULL CHECK (choice IN ('first', 'second', 'other')),
  note TEXT NOT NULL,
  resolved_by INTEGER NOT NULL REFERENCES person (id),
  at TEXT NOT NULL,
  superseded_at TEXT NOT NULL
) STRICT;

-- The scrutineers' finding on an elected written-in name: eligible (1), or not (0: not a full
-- member of this organisation, not a registered voter, ...), in which case the name is not
-- elected and its seat is left vacant.
ALTER TABLE eligibility_confirmation
  ADD COLUMN eligible INTEGER NOT NULL DEFAULT 1 CHECK (eligible IN (0, 1));
