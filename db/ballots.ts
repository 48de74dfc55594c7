import type { Database } from 'better-sqlite3';
import type { BoxState } from '../shared/domain';
import { returned } from './rows';

/** 票箱 / 批次: a stack of returned ballots entered together, with the count expected in it. */
export interface Box {
  id: number;
  roundId: number;
  label: string;
  expected: number;
  state: BoxState;
}

/** One teller's entry of one box: pass 1, and pass 2 under double entry. */
export interface EntryPass {
  id: number;
  boxId: number;
  pass: 1 | 2;
  tellerId: number;
  done: boolean;
}

export interface WriteIn {
  /** Which blank on the paper, from 0. */
  slot: number;
  name: string;
  /** O: ○ above the name; -: no mark. */
  mark: 'O' | '-';
}

/** What is on one paper ballot, as entered. */
export interface BallotContent {
  /** One character per candidate in ballot order: O for, X against, - no mark, ? unclear. */
  marks: string;
  /** Set when the ballot is invalid (over-vote, or rejected by the scrutineers), with why. */
  invalidReason: string | null;
  writeIns: WriteIn[];
}

export interface Ballot extends BallotContent {
  id: number;
  passId: number;
  /** Its place in the box's stack, from 1; a re-entry after a void takes the same seq. */
  seq: number;
  voidedReason: string | null;
}

export interface NewBallot {
  passId: number;
  seq: number;
  marks: string;
  invalidReason?: string | null;
  writeIns?: readonly WriteIn[];
}

/** What the tally reads of a counted ballot: its content only. */
export interface CountedBallot {
  marks: string;
  invalidReason: string | null;
  writeIns: { name: string; mark: 'O' | '-' }[];
}

export type ReconciliationChoice = 'first' | 'second' | 'other';

/** How one difference between the two passes of a box was settled against the paper. */
export interface Reconciliation {
  boxId: number;
  seq: number;
  choice: ReconciliationChoice;
  note: string;
  resolvedBy: number;
  at: string;
}

export interface PassCount {
  boxId: number;
  passId: number;
  pass: 1 | 2;
  live: number;
}

/** Where entry stands in one pass, read in one statement on the commit path. */
export interface PassStatus {
  /** Ballots standing. */
  live: number;
  /** The highest seq used, voided or not; 0 before the first ballot. */
  last: number;
}

interface PassRow extends Omit<EntryPass, 'done'> {
  done: number;
}

/** A ballot joined with at most one of its write-ins; consecutive rows of a ballot are merged. */
interface BallotWriteInRow {
  id: number;
  passId: number;
  seq: number;
  marks: string;
  invalidReason: string | null;
  voidedReason: string | null;
  slot: number | null;
  name: string | null;
  mark: 'O' | '-' | null;
}

const boxColumns = 'id, round_id AS roundId, label, expected, state';
const passColumns = 'id, box_id AS boxId, pass, teller_id AS tellerId, done';
const reconciliationColumns = 'box_id AS boxId, seq, choice, note, resolved_by AS resolvedBy, at';
const ballotWithWriteIns = `SELECT b.id, b.pass_id AS passId, b.seq, b.marks,
    b.invalid_reason AS invalidReason, b.voided_reason AS voidedReason, w.slot, w.name, w.mark
  FROM ballot b LEFT JOIN ballot_write_in w ON w.ballot_id = b.id`;

const toPass = (row: PassRow): EntryPass => ({ ...row, done: row.done === 1 });

/** Merges the join's rows (ordered by ballot, then slot) into one ballot each. */
function* ballotsFrom(rows: Iterable<BallotWriteInRow>): Generator<Ballot, void, undefined> {
  let current: Ballot | undefined;
  for (const { slot, name, mark, ...ballot } of rows) {
    if (current?.id !== ballot.id) {
      if (current) yield current;
      current = { ...ballot, writeIns: [] };
    }
    if (slot !== null && name !== null && mark !== null)
      current.writeIns.push({ slot, name, mark });
  }
  if (current) yield current;
}

/**
 * Boxes, entry passes, the ballots entered and the reconciliation of double entry. Nothing here
 * refers to a delegate, attendance or a time of entry (secret ballot).
 */
export function createBallotsRepo(db: Database, now: () => Date) {
  const insertBox = db.prepare<[number, string, number], Box>(
    `INSERT INTO box (round_id, label, expected) VALUES (?, ?, ?) RETURNING ${boxColumns}`,
  );
  const selectBox = db.prepare<[number], Box>(`SELECT ${boxColumns} FROM box WHERE id = ?`);
  const selectBoxes = db.prepare<[number], Box>(
    `SELECT ${boxColumns} FROM box WHERE round_id = ? ORDER BY id`,
  );
  const setBoxState = db.prepare<[BoxState, number], Box>(
    `UPDATE box SET state = ? WHERE id = ? RETURNING ${boxColumns}`,
  );
  const setBoxExpected = db.prepare<[number, number], Box>(
    `UPDATE box SET expected = ? WHERE id = ? RETURNING ${boxColumns}`,
  );

  const insertPass = db.prepare<[number, 1 | 2, number], PassRow>(
    `INSERT INTO entry_pass (box_id, pass, teller_id) VALUES (?, ?, ?) RETURNING ${passColumns}`,
  );
  const selectPass = db.prepare<[number], PassRow>(
    `SELECT ${passColumns} FROM entry_pass WHERE id = ?`,
  );
  const selectPassOf = db.prepare<[number, 1 | 2], PassRow>(
    `SELECT ${passColumns} FROM entry_pass WHERE box_id = ? AND pass = ?`,
  );
  const setPassDone = db.prepare<[number, number], PassRow>(
    `UPDATE entry_pass SET done = ? WHERE id = ? RETURNING ${passColumns}`,
  );

  const insertBallot = db.prepare<[number, number, string, string | null], { id: number }>(
    `INSERT INTO ballot (pass_id, seq, marks, invalid_reason) VALUES (?, ?, ?, ?) RETURNING id`,
  );
  const insertWriteIn = db.prepare<[number, number, string, 'O' | '-']>(
    'INSERT INTO ballot_write_in (ballot_id, slot, name, mark) VALUES (?, ?, ?, ?)',
  );
  const selectBallot = db.prepare<[number], BallotWriteInRow>(
    `${ballotWithWriteIns} WHERE b.id = ? ORDER BY w.slot`,
  );
  const selectLiveAt = db.prepare<[number, number], BallotWriteInRow>(
    `${ballotWithWriteIns} WHERE b.pass_id = ? AND b.seq = ? AND b.voided_reason IS NULL
     ORDER BY w.slot`,
  );
  const selectLive = db.prepare<[number], BallotWriteInRow>(
    `${ballotWithWriteIns} WHERE b.pass_id = ? AND b.voided_reason IS NULL ORDER BY b.seq, w.slot`,
  );
  const selectOfPass = db.prepare<[number], BallotWriteInRow>(
    `${ballotWithWriteIns} WHERE b.pass_id = ? ORDER BY b.seq, b.id, w.slot`,
  );
  const selectNextSeq = db.prepare<[number], { next: number }>(
    'SELECT coalesce(max(seq), 0) + 1 AS next FROM ballot WHERE pass_id = ?',
  );
  const voidBallot = db.prepare<[string, number]>(
    'UPDATE ballot SET voided_reason = ? WHERE id = ? AND voided_reason IS NULL',
  );
  const selectLiveCount = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM ballot WHERE pass_id = ? AND voided_reason IS NULL',
  );
  const selectPassCounts = db.prepare<[number], PassCount>(
    `SELECT p.box_id AS boxId, p.id AS passId, p.pass,
       (SELECT count(*) FROM ballot b WHERE b.pass_id = p.id AND b.voided_reason IS NULL) AS live
     FROM entry_pass p JOIN box x ON x.id = p.box_id
     WHERE x.round_id = ? ORDER BY p.box_id, p.pass`,
  );

  // Seqs run 1..last without a hole except where a voided ballot awaits its re-entry, so the
  // standing count is last less those places: index lookups, whatever the size of the pass.
  // `+?`, not `?`: where the planner may weigh a bound value (SQLite is built with STAT4), it
  // compiles the statement again at every new binding; an expression is never weighed, and the
  // index serves it the same. This one runs at every Enter.
  const selectLast = db
    .prepare<[number], number>(
      'SELECT seq FROM ballot WHERE pass_id = +? ORDER BY seq DESC LIMIT 1',
    )
    .pluck();
  const selectGaps = db.prepare<[number], { seq: number }>(
    `SELECT v.seq FROM ballot v INDEXED BY ballot_voided
     WHERE v.pass_id = ? AND v.voided_reason IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM ballot l INDEXED BY ballot_live_seq
       WHERE l.pass_id = v.pass_id AND l.seq = v.seq AND l.voided_reason IS NULL)`,
  );
  const gapsOf = (passId: number) => new Set(selectGaps.all(passId).map((g) => g.seq));
  const selectLastEntered = db.prepare<[number], { seq: number }>(
    'SELECT seq FROM ballot WHERE pass_id = ? AND voided_reason IS NULL ORDER BY id DESC LIMIT 1',
  );
  const selectBoxBallots = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM ballot b JOIN entry_pass p ON p.id = b.pass_id
     WHERE p.box_id = ?`,
  );
  const deleteBox = db.prepare<[number]>('DELETE FROM box WHERE id = ?');

  const insertReconciliation = db.prepare<
    [number, number, ReconciliationChoice, string, number, string],
    Reconciliation
  >(
    `INSERT INTO reconciliation (box_id, seq, choice, note, resolved_by, at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING ${reconciliationColumns}`,
  );
  const supersede = db.prepare<[string, number]>(
    `INSERT INTO reconciliation_superseded
       (box_id, seq, choice, note, resolved_by, at, superseded_at)
     SELECT box_id, seq, choice, note, resolved_by, at, ? FROM reconciliation WHERE box_id = ?`,
  );
  const deleteReconciliations = db.prepare<[number]>('DELETE FROM reconciliation WHERE box_id = ?');
  const selectReconciliations = db.prepare<[number], Reconciliation>(
    `SELECT ${reconciliationColumns} FROM reconciliation WHERE box_id = ? ORDER BY seq`,
  );

  // Pass 1's live ballots of every box that counts: all boxes without double entry, only
  // reconciled ones with it (reconciliation has put the decided ballot into pass 1).
  const selectCounted = db.prepare<[number], BallotWriteInRow>(
    `SELECT b.id, b.pass_id AS passId, b.seq, b.marks, b.invalid_reason AS invalidReason,
       b.voided_reason AS voidedReason, w.slot, w.name, w.mark
     FROM box x
     JOIN round r ON r.id = x.round_id
     JOIN election e ON e.id = r.election_id
     JOIN entry_pass p ON p.box_id = x.id AND p.pass = 1
     JOIN ballot b ON b.pass_id = p.id AND b.voided_reason IS NULL
     LEFT JOIN ballot_write_in w ON w.ballot_id = b.id
     WHERE x.round_id = ? AND (e.double_entry = 0 OR x.state = 'reconciled')
     ORDER BY x.id, b.seq, w.slot`,
  );

  const pass = (row: PassRow | undefined) => (row ? toPass(row) : undefined);
  const single = (rows: BallotWriteInRow[]): Ballot | undefined => {
    const first = ballotsFrom(rows).next();
    return first.done ? undefined : first.value;
  };

  const insertRows = (ballot: NewBallot): Ballot => {
    const invalidReason = ballot.invalidReason ?? null;
    const { id } = returned(
      insertBallot.get(ballot.passId, ballot.seq, ballot.marks, invalidReason),
    );
    const writeIns = (ballot.writeIns ?? []).map(({ slot, name, mark }) => ({ slot, name, mark }));
    for (const w of writeIns) insertWriteIn.run(id, w.slot, w.name, w.mark);
    const { passId, seq, marks } = ballot;
    return { id, passId, seq, marks, invalidReason, voidedReason: null, writeIns };
  };
  // Inside the caller's transaction (Enter's), the rows are written there without a savepoint
  // of their own: a failure rolls the caller's transaction back as a whole.
  const insertAlone = db.transaction(insertRows);
  const insert = (ballot: NewBallot): Ballot =>
    db.inTransaction ? insertRows(ballot) : insertAlone(ballot);

  return {
    createBox: (roundId: number, box: { label: string; expected: number }): Box =>
      returned(insertBox.get(roundId, box.label, box.expected)),
    boxById: (id: number): Box | undefined => selectBox.get(id),
    /** In the order they were created. */
    boxesOf: (roundId: number): Box[] => selectBoxes.all(roundId),
    setBoxState: (id: number, state: BoxState) => setBoxState.get(state, id),
    setBoxExpected: (id: number, expected: number) => setBoxExpected.get(expected, id),

    openPass: (boxId: number, passNo: 1 | 2, tellerId: number): EntryPass =>
      toPass(returned(insertPass.get(boxId, passNo, tellerId))),
    passById: (id: number) => pass(selectPass.get(id)),
    passOf: (boxId: number, passNo: 1 | 2) => pass(selectPassOf.get(boxId, passNo)),
    setPassDone: (id: number, done: boolean) => pass(setPassDone.get(done ? 1 : 0, id)),

    /** One paper ballot with its write-ins, all or nothing. */
    insert: (ballot: NewBallot): Ballot => insert(ballot),
    byId: (id: number): Ballot | undefined => single(selectBallot.all(id)),
    /** The ballot that stands at this place of the pass (not a voided one). */
    liveAt: (passId: number, seq: number): Ballot | undefined =>
      single(selectLiveAt.all(passId, seq)),
    /** The pass's ballots that stand, in stack order. */
    live: (passId: number): Ballot[] => [...ballotsFrom(selectLive.iterate(passId))],
    /** Every ballot of the pass, voided ones too: by seq, then in the order entered. */
    ofPass: (passId: number): Ballot[] => [...ballotsFrom(selectOfPass.iterate(passId))],
    /** The seq after the last one used, voided or not; a re-entry reuses its voided seq instead. */
    nextSeq: (passId: number): number => returned(selectNextSeq.get(passId)).next,
    /** Voids a standing ballot (it stays, with the reason); false if it was not standing. */
    voidBallot: (id: number, reason: string): boolean => voidBallot.run(reason, id).changes > 0,
    liveCount: (passId: number): number => returned(selectLiveCount.get(passId)).n,
    passStatus(passId: number): PassStatus {
      const last = selectLast.get(passId) ?? 0;
      // A place voided twice is listed twice: count places, not rows.
      return { live: last - gapsOf(passId).size, last };
    },
    /** The lowest seq whose ballot was voided and not yet entered again; undefined if none. */
    firstGap(passId: number): number | undefined {
      const gaps = gapsOf(passId);
      return gaps.size === 0 ? undefined : Math.min(...gaps);
    },
    /** The seq of the standing ballot entered most recently; undefined before the first. */
    lastEntered: (passId: number): number | undefined => selectLastEntered.get(passId)?.seq,
    /** Ballots ever entered into the box, voided ones included. */
    boxBallotCount: (boxId: number): number => returned(selectBoxBallots.get(boxId)).n,
    /** Removes a box (with its passes) that no ballot was ever entered into; false if none. */
    removeEmptyBox: (boxId: number): boolean => deleteBox.run(boxId).changes > 0,
    /** Standing ballots in every pass of the round's boxes: entry progress at a glance. */
    passCounts: (roundId: number): PassCount[] => selectPassCounts.all(roundId),

    /**
     * A reopened box: its settled differences move to reconciliation_superseded (kept, with
     * when), so that the corrected passes are compared afresh. Returns how many moved.
     */
    supersedeReconciliations: (boxId: number): number => {
      supersede.run(now().toISOString(), boxId);
      return deleteReconciliations.run(boxId).changes;
    },
    recordReconciliation: (r: Omit<Reconciliation, 'at'>): Reconciliation =>
      returned(
        insertReconciliation.get(
          r.boxId,
          r.seq,
          r.choice,
          r.note,
          r.resolvedBy,
          now().toISOString(),
        ),
      ),
    reconciliationsOf: (boxId: number): Reconciliation[] => selectReconciliations.all(boxId),

    /**
     * Streams the ballots that count for the round, in box and stack order (an export shuffles
     * them). Consume it inside `store.read` so that it sees one state of the file.
     */
    *counted(roundId: number): Generator<CountedBallot, void, undefined> {
      for (const b of ballotsFrom(selectCounted.iterate(roundId))) {
        yield {
          marks: b.marks,
          invalidReason: b.invalidReason,
          writeIns: b.writeIns.map(({ name, mark }) => ({ name, mark })),
        };
      }
    },
  };
}
