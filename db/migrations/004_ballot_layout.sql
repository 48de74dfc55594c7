-- 机读选票: a congress whose 选举办法 allows machine reading prints its ballots with registration
-- marks, a round code and a fixed grid. Congresses created before this keep the ballot they had.
ALTER TABLE congress ADD COLUMN machine_readable INTEGER NOT NULL DEFAULT 0
  CHECK (machine_readable IN (0, 1));

-- The grid of a machine-readable round as printed: the layout as canonical JSON and its SHA-256.
-- Every print that changes the layout adds a row; the earlier rows stay, so that a ballot of an
-- old print (旧版选票) is recognised as such. The round's layout is its latest row.
CREATE TABLE printed_layout (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  digest TEXT NOT NULL CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
  layout TEXT NOT NULL CHECK (json_valid(layout) AND json_type(layout) = 'object'),
  printed_at TEXT NOT NULL
) STRICT;

CREATE INDEX printed_layout_round ON printed_layout (round_id, id);

CREATE TRIGGER printed_layout_no_update BEFORE UPDATE ON printed_layout
BEGIN
  SELECT RAISE(ABORT, 'a printed layout is never changed');
END;
