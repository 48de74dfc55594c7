-- 扫描录入: a pass may be entered from scanned ballot images as well as keyed. A reading is what
-- the machine made of one scanned sheet; it is not a ballot, and nothing counts until a teller
-- confirms it into the pass as a ballot.

-- The passes that took scanned sheets (so that reconciliation can show the image behind a ballot).
CREATE TABLE scanned_pass (
  pass_id INTEGER PRIMARY KEY REFERENCES entry_pass (id) ON DELETE CASCADE
) STRICT;

-- One scanned sheet, in scanning order (id) within its pass. pending: waits for a teller;
-- confirmed: entered as ballot_id; refused: never counts (reason says why); skipped: a blank page.
CREATE TABLE scan_reading (
  id INTEGER PRIMARY KEY,
  pass_id INTEGER NOT NULL REFERENCES entry_pass (id) ON DELETE CASCADE,
  -- Pages of one printed ballot of the round: the sheet is complete when it has them all.
  pages INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 99),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'refused', 'skipped')),
  reason TEXT CHECK (reason IS NULL OR length(trim(reason)) >= 1),
  ballot_id INTEGER UNIQUE REFERENCES ballot (id),
  CHECK ((status = 'confirmed') = (ballot_id IS NOT NULL)),
  CHECK (status <> 'refused' OR reason IS NOT NULL)
) STRICT;

CREATE INDEX scan_reading_pass ON scan_reading (pass_id, status);

-- A settled reading is evidence, as an entered ballot is.
CREATE TRIGGER scan_reading_settled BEFORE UPDATE ON scan_reading
WHEN OLD.status <> 'pending' OR NEW.pass_id IS NOT OLD.pass_id
BEGIN
  SELECT RAISE(ABORT, 'a settled scan reading is never changed');
END;

-- The pages of a sheet: the page image (content-addressed file beside the database, named by its
-- SHA-256) and the machine's reading of it as JSON. page 0: the reader found no page number.
CREATE TABLE scan_page (
  reading_id INTEGER NOT NULL REFERENCES scan_reading (id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 0),
  image TEXT NOT NULL CHECK (length(image) = 64 AND image NOT GLOB '*[^0-9a-f]*'),
  reading TEXT NOT NULL CHECK (json_valid(reading)),
  PRIMARY KEY (reading_id, page)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER scan_page_no_update BEFORE UPDATE ON scan_page
BEGIN
  SELECT RAISE(ABORT, 'a scanned page is never changed');
END;
