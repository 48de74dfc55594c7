-- A finished congress can be archived: kept read-only and out of the congress list.
ALTER TABLE congress ADD COLUMN archived_at TEXT;

-- Holds its one row only inside the transaction that deletes a whole congress: entered ballots
-- are never deleted one by one, but they go with their congress when an administrator deletes it.
CREATE TABLE congress_removal (
  congress_id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER ballot_no_delete;
CREATE TRIGGER ballot_no_delete BEFORE DELETE ON ballot
WHEN NOT EXISTS (SELECT 1 FROM congress_removal)
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never deleted, only voided');
END;

DROP TRIGGER ballot_write_in_no_delete;
CREATE TRIGGER ballot_write_in_no_delete BEFORE DELETE ON ballot_write_in
WHEN NOT EXISTS (SELECT 1 FROM congress_removal)
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never deleted, only voided');
END;
