-- The congress day's data. Ballot tables never reference delegates or attendance (secret ballot),
-- and carry no timestamp: a ballot is known only by its box, its entry pass and its order there.

-- Marks the file as ours ('CTLY'), so that opening some other SQLite file is refused, not migrated.
PRAGMA application_id = 1129598041;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  role TEXT NOT NULL CHECK (role IN ('admin', 'teller', 'scrutineer', 'chief-scrutineer')),
  pin_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX person_active_name ON person (name) WHERE active = 1;

CREATE TABLE congress (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  term TEXT NOT NULL DEFAULT '',
  organiser TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  profile TEXT NOT NULL
    CHECK (profile IN ('party-grassroots', 'party-local', 'village', 'peoples-congress')),
  options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options) AND json_type(options) = 'object'),
  ballot_instructions TEXT NOT NULL DEFAULT '',
  structure_targets TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(structure_targets) AND json_type(structure_targets) = 'array'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE delegate (
  id INTEGER PRIMARY KEY,
  congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  gender TEXT CHECK (gender IN ('男', '女')),
  ethnicity TEXT NOT NULL DEFAULT '',
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  education TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  card_no TEXT NOT NULL CHECK (length(trim(card_no)) >= 1),
  has_vote INTEGER NOT NULL DEFAULT 1 CHECK (has_vote IN (0, 1)),
  excused_reason TEXT CHECK (excused_reason IS NULL OR length(trim(excused_reason)) >= 1),
  UNIQUE (congress_id, card_no)
) STRICT;

-- One row per delegate who has been marked; no row means not yet arrived.
CREATE TABLE attendance (
  delegate_id INTEGER PRIMARY KEY REFERENCES delegate (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  at TEXT NOT NULL
) STRICT;

CREATE TABLE election (
  id INTEGER PRIMARY KEY,
  congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  office TEXT NOT NULL CHECK (office IN ('committee', 'alternate', 'standing', 'secretary',
    'deputy-secretary', 'discipline', 'delegate', 'village-committee', 'deputy')),
  seats INTEGER NOT NULL CHECK (seats >= 1),
  ballot_colour TEXT NOT NULL DEFAULT '',
  double_entry INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1)),
  write_in_blanks INTEGER NOT NULL DEFAULT 0 CHECK (write_in_blanks BETWEEN 0 AND 60),
  position INTEGER NOT NULL CHECK (position >= 0)
) STRICT;

CREATE INDEX election_congress ON election (congress_id, position);

-- A round moves draft → printed → voting → counting → counted → certified, or to void.
CREATE TABLE round (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
  parent_round_id INTEGER REFERENCES round (id),
  kind TEXT NOT NULL CHECK (kind IN ('formal', 'preliminary', 'runoff', 'supplementary')),
  seats INTEGER NOT NULL CHECK (seats >= 1),
  formal_candidates INTEGER CHECK (formal_candidates IS NULL OR formal_candidates >= 1),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'printed', 'voting', 'counting', 'counted', 'certified', 'void')),
  void_reason TEXT,
  entitled INTEGER CHECK (entitled IS NULL OR entitled >= 0),
  present INTEGER CHECK (present IS NULL OR present >= 0),
  issued INTEGER CHECK (issued IS NULL OR issued >= 0),
  returned INTEGER CHECK (returned IS NULL OR returned >= 0),
  issued_at TEXT,
  returned_at TEXT,
  certified_by INTEGER REFERENCES person (id),
  certified_at TEXT,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'preliminary') = (formal_candidates IS NOT NULL)),
  CHECK ((state = 'void') = (void_reason IS NOT NULL AND length(trim(void_reason)) >= 1)),
  CHECK ((state = 'certified') = (certified_by IS NOT NULL)),
  CHECK ((certified_by IS NULL) = (certified_at IS NULL)),
  CHECK ((issued IS NULL) = (issued_at IS NULL)),
  CHECK ((returned IS NULL) = (returned_at IS NULL)),
  CHECK (returned IS NULL OR issued IS NOT NULL),
  CHECK (present IS NULL OR entitled IS NULL OR present <= entitled)
) STRICT;

CREATE INDEX round_election ON round (election_id);

CREATE TABLE round_unlock (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  by_person INTEGER NOT NULL REFERENCES person (id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) >= 1),
  at TEXT NOT NULL
) STRICT;

CREATE INDEX round_unlock_round ON round_unlock (round_id);

-- The chair's recorded decision to reduce seats instead of holding 另行选举.
CREATE TABLE seat_reduction (
  round_id INTEGER PRIMARY KEY REFERENCES round (id) ON DELETE CASCADE,
  seats_before INTEGER NOT NULL CHECK (seats_before >= 1),
  seats_after INTEGER NOT NULL CHECK (seats_after >= 0 AND seats_after < seats_before),
  decided_by TEXT NOT NULL CHECK (length(trim(decided_by)) >= 1),
  reason TEXT NOT NULL CHECK (length(trim(reason)) >= 1),
  recorded_by INTEGER NOT NULL REFERENCES person (id),
  at TEXT NOT NULL
) STRICT;

-- Candidates belong to a round (a runoff has only the tied names). No link to the roster.
CREATE TABLE candidate (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  note TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (round_id, position),
  UNIQUE (round_id, name)
) STRICT;

-- A box moves entering → entered → (second entry) → reconciled; see README.
CREATE TABLE box (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 40),
  expected INTEGER NOT NULL CHECK (expected >= 0),
  state TEXT NOT NULL DEFAULT 'entering'
    CHECK (state IN ('entering', 'entered', 'second-entry', 'comparing', 'reconciled')),
  UNIQUE (round_id, label)
) STRICT;

CREATE TABLE entry_pass (
  id INTEGER PRIMARY KEY,
  box_id INTEGER NOT NULL REFERENCES box (id) ON DELETE CASCADE,
  pass INTEGER NOT NULL CHECK (pass IN (1, 2)),
  teller_id INTEGER NOT NULL REFERENCES person (id),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  UNIQUE (box_id, pass)
) STRICT;

-- marks: one character per candidate in ballot order: O for, X against, - no mark, ? unclear.
-- A voided ballot stays (voided_reason set); its re-entry takes the same seq. After double entry,
-- pass 1's live ballots are the counted ones: a reconciliation that differs from pass 1 voids pass
-- 1's ballot at that seq and enters the decided one there.
CREATE TABLE ballot (
  id INTEGER PRIMARY KEY,
  pass_id INTEGER NOT NULL REFERENCES entry_pass (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  marks TEXT NOT NULL CHECK (marks NOT GLOB '*[^OX?-]*'),
  invalid_reason TEXT CHECK (invalid_reason IS NULL OR length(trim(invalid_reason)) >= 1),
  voided_reason TEXT CHECK (voided_reason IS NULL OR length(trim(voided_reason)) >= 1)
) STRICT;

CREATE UNIQUE INDEX ballot_live_seq ON ballot (pass_id, seq) WHERE voided_reason IS NULL;
-- The few voided ballots of a pass: where a correction left a place to enter again. Entry finds
-- them on every commit without reading the whole pass.
CREATE INDEX ballot_voided ON ballot (pass_id, seq) WHERE voided_reason IS NOT NULL;
CREATE INDEX ballot_pass ON ballot (pass_id, seq);

-- A mark string that does not fit the ballot paper would be counted against the wrong names.
CREATE TRIGGER ballot_marks_fit_candidates BEFORE INSERT ON ballot
WHEN length(NEW.marks) <> (
  SELECT count(*) FROM candidate
  WHERE round_id = (SELECT x.round_id FROM entry_pass p JOIN box x ON x.id = p.box_id
                    WHERE p.id = NEW.pass_id))
BEGIN
  SELECT RAISE(ABORT, 'ballot marks do not match the candidates of its round');
END;

-- An entered ballot is evidence: it is never edited or removed, only voided once (with a reason).
CREATE TRIGGER ballot_only_voided BEFORE UPDATE ON ballot
WHEN OLD.voided_reason IS NOT NULL OR NEW.voided_reason IS NULL OR NEW.id IS NOT OLD.id
  OR NEW.pass_id IS NOT OLD.pass_id OR NEW.seq IS NOT OLD.seq OR NEW.marks IS NOT OLD.marks
  OR NEW.invalid_reason IS NOT OLD.invalid_reason
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never changed, only voided');
END;

CREATE TRIGGER ballot_no_delete BEFORE DELETE ON ballot
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never deleted, only voided');
END;

CREATE TABLE ballot_write_in (
  ballot_id INTEGER NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
  slot INTEGER NOT NULL CHECK (slot >= 0),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  mark TEXT NOT NULL CHECK (mark IN ('O', '-')),
  PRIMARY KEY (ballot_id, slot)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER ballot_write_in_no_update BEFORE UPDATE ON ballot_write_in
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never changed, only voided');
END;

CREATE TRIGGER ballot_write_in_no_delete BEFORE DELETE ON ballot_write_in
BEGIN
  SELECT RAISE(ABORT, 'an entered ballot is never deleted, only voided');
END;

-- Once a ballot of a round is entered, its marks are read against this list: the list is frozen.
CREATE TRIGGER candidate_frozen_insert BEFORE INSERT ON candidate
WHEN EXISTS (SELECT 1 FROM box x JOIN entry_pass p ON p.box_id = x.id
             JOIN ballot b ON b.pass_id = p.id WHERE x.round_id = NEW.round_id)
BEGIN
  SELECT RAISE(ABORT, 'candidates cannot change once ballots are entered');
END;

CREATE TRIGGER candidate_frozen_update BEFORE UPDATE ON candidate
WHEN EXISTS (SELECT 1 FROM box x JOIN entry_pass p ON p.box_id = x.id
             JOIN ballot b ON b.pass_id = p.id WHERE x.round_id IN (OLD.round_id, NEW.round_id))
BEGIN
  SELECT RAISE(ABORT, 'candidates cannot change once ballots are entered');
END;

CREATE TRIGGER candidate_frozen_delete BEFORE DELETE ON candidate
WHEN EXISTS (SELECT 1 FROM box x JOIN entry_pass p ON p.box_id = x.id
             JOIN ballot b ON b.pass_id = p.id WHERE x.round_id = OLD.round_id)
BEGIN
  SELECT RAISE(ABORT, 'candidates cannot change once ballots are entered');
END;

-- How the 总监票人 or a 监票人 settled one difference between two entry passes.
CREATE TABLE reconciliation (
  box_id INTEGER NOT NULL REFERENCES box (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  choice TEXT NOT NULL CHECK (choice IN ('first', 'second', 'other')),
  note TEXT NOT NULL DEFAULT '',
  resolved_by INTEGER NOT NULL REFERENCES person (id),
  at TEXT NOT NULL,
  PRIMARY KEY (box_id, seq)
) STRICT;

-- Append-only, hash-chained. hash = sha256(prev_hash + canonical JSON of the row's fields).
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
