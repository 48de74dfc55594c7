import type { Database } from 'better-sqlite3';
import type { Office, RoundKind, RoundState } from '../shared/domain';
import { applyPatch, returned } from './rows';

/** 选举事项: one thing elected (委员, 纪委委员, 代表, ...), held in one or more rounds. */
export interface ElectionFields {
  title: string;
  office: Office;
  seats: number;
  ballotColour: string;
  /** 双人录入: every box entered twice and reconciled before it counts. */
  doubleEntry: boolean;
  writeInBlanks: number;
  /** Order of the elections in the congress (and on the agenda). */
  position: number;
}

export interface Election extends ElectionFields {
  id: number;
  congressId: number;
}

export type NewElection = Pick<ElectionFields, 'title' | 'office' | 'seats'> &
  Partial<ElectionFields>;

/** One vote on paper: the formal round, or a 预选, runoff or 另行选举 after it. */
export interface Round {
  id: number;
  electionId: number;
  parentRoundId: number | null;
  kind: RoundKind;
  seats: number;
  /** Preliminary rounds only: how many 正式候选人 they produce. */
  formalCandidates: number | null;
  state: RoundState;
  voidReason: string | null;
  /** 应到 and 实到 with a vote, frozen when ballots are issued. */
  entitled: number | null;
  present: number | null;
  issued: number | null;
  returned: number | null;
  issuedAt: string | null;
  returnedAt: string | null;
  certifiedBy: number | null;
  certifiedAt: string | null;
  createdAt: string;
}

export interface NewRound {
  electionId: number;
  kind: RoundKind;
  seats: number;
  formalCandidates?: number | null;
  parentRoundId?: number | null;
}

export interface Candidate {
  id: number;
  roundId: number;
  name: string;
  note: string;
  /** Place on the ballot, from 0; the index of this candidate's character in a ballot's marks. */
  position: number;
}

export interface RoundUnlock {
  id: number;
  roundId: number;
  byPerson: number;
  reason: string;
  at: string;
}

/** The chair's recorded decision to reduce seats instead of holding 另行选举. */
export interface SeatReduction {
  roundId: number;
  seatsBefore: number;
  seatsAfter: number;
  decidedBy: string;
  reason: string;
  recordedBy: number;
  at: string;
}

interface ElectionRow extends Omit<Election, 'doubleEntry'> {
  doubleEntry: number;
}

const electionColumns = `id, congress_id AS congressId, title, office, seats,
  ballot_colour AS ballotColour, double_entry AS doubleEntry, write_in_blanks AS writeInBlanks,
  position`;

const roundColumns = `id, election_id AS electionId, parent_round_id AS parentRoundId, kind, seats,
  formal_candidates AS formalCandidates, state, void_reason AS voidReason, entitled, present,
  issued, returned, issued_at AS issuedAt, returned_at AS returnedAt,
  certified_by AS certifiedBy, certified_at AS certifiedAt, created_at AS createdAt`;

const candidateColumns = 'id, round_id AS roundId, name, note, position';

const unlockColumns = 'id, round_id AS roundId, by_person AS byPerson, reason, at';

const reductionColumns = `round_id AS roundId, seats_before AS seatsBefore,
  seats_after AS seatsAfter, decided_by AS decidedBy, reason, recorded_by AS recordedBy, at`;

const toElection = (row: ElectionRow): Election => ({ ...row, doubleEntry: row.doubleEntry === 1 });

/** Named parameters (@name) for an election row; a null position means after the last. */
const electionParams = (f: Omit<ElectionFields, 'position'> & { position: number | null }) => ({
  title: f.title,
  office: f.office,
  seats: f.seats,
  ballotColour: f.ballotColour,
  doubleEntry: f.doubleEntry ? 1 : 0,
  writeInBlanks: f.writeInBlanks,
  position: f.position,
});

type ElectionParams = ReturnType<typeof electionParams>;

/** Elections, their rounds, each round's candidates, unlocks and seat reductions. */
export function createElectionsRepo(db: Database, now: () => Date) {
  const stamp = () => now().toISOString();

  const insertElection = db.prepare<[ElectionParams & { congressId: number }], ElectionRow>(
    `INSERT INTO election (congress_id, title, office, seats, ballot_colour, double_entry,
       write_in_blanks, position)
     VALUES (@congressId, @title, @office, @seats, @ballotColour, @doubleEntry, @writeInBlanks,
       coalesce(@position,
         (SELECT max(position) + 1 FROM election WHERE congress_id = @congressId), 0))
     RETURNING ${electionColumns}`,
  );
  const updateElection = db.prepare<[ElectionParams & { id: number }], ElectionRow>(
    `UPDATE election SET title = @title, office = @office, seats = @seats,
       ballot_colour = @ballotColour, double_entry = @doubleEntry,
       write_in_blanks = @writeInBlanks, position = @position
     WHERE id = @id RETURNING ${electionColumns}`,
  );
  const selectElection = db.prepare<[number], ElectionRow>(
    `SELECT ${electionColumns} FROM election WHERE id = ?`,
  );
  const selectElections = db.prepare<[number], ElectionRow>(
    `SELECT ${electionColumns} FROM election WHERE congress_id = ? ORDER BY position, id`,
  );
  const deleteElection = db.prepare<[number]>('DELETE FROM election WHERE id = ?');

  const insertRound = db.prepare<
    [number, number | null, RoundKind, number, number | null, string],
    Round
  >(
    `INSERT INTO round (election_id, parent_round_id, kind, seats, formal_candidates, created_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING ${roundColumns}`,
  );
  const selectRound = db.prepare<[number], Round>(`SELECT ${roundColumns} FROM round WHERE id = ?`);
  const selectRounds = db.prepare<[number], Round>(
    `SELECT ${roundColumns} FROM round WHERE election_id = ? ORDER BY id`,
  );
  const setState = db.prepare<[RoundState, number], Round>(
    `UPDATE round SET state = ? WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setSeats = db.prepare<[number, number], Round>(
    `UPDATE round SET seats = ? WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setFormalCandidates = db.prepare<[number, number], Round>(
    `UPDATE round SET formal_candidates = ? WHERE id = ? AND kind = 'preliminary'
     RETURNING ${roundColumns}`,
  );
  const setVoid = db.prepare<[string, number], Round>(
    `UPDATE round SET state = 'void', void_reason = ? WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setIssued = db.prepare<[number, number | null, number, string, number], Round>(
    `UPDATE round SET entitled = ?, present = ?, issued = ?, issued_at = ?
     WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setReturned = db.prepare<[number, string, number], Round>(
    `UPDATE round SET returned = ?, returned_at = ? WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setCounts = db.prepare<[number, number | null, number], Round>(
    `UPDATE round SET issued = ?, returned = ? WHERE id = ? RETURNING ${roundColumns}`,
  );
  const setCertified = db.prepare<[number, string, number], Round>(
    `UPDATE round SET state = 'certified', certified_by = ?, certified_at = ?
     WHERE id = ? RETURNING ${roundColumns}`,
  );
  const clearCertified = db.prepare<[number], Round>(
    `UPDATE round SET state = 'counting', certified_by = NULL, certified_at = NULL
     WHERE id = ? AND state = 'certified' RETURNING ${roundColumns}`,
  );
  const insertUnlock = db.prepare<[number, number, string, string], RoundUnlock>(
    `INSERT INTO round_unlock (round_id, by_person, reason, at) VALUES (?, ?, ?, ?)
     RETURNING ${unlockColumns}`,
  );
  const selectUnlocks = db.prepare<[number], RoundUnlock>(
    `SELECT ${unlockColumns} FROM round_unlock WHERE round_id = ? ORDER BY id`,
  );

  const insertCandidate = db.prepare<
    [{ roundId: number; name: string; note: string; position: number | null }],
    Candidate
  >(
    `INSERT INTO candidate (round_id, name, note, position)
     VALUES (@roundId, @name, @note,
       coalesce(@position, (SELECT max(position) + 1 FROM candidate WHERE round_id = @roundId), 0))
     RETURNING ${candidateColumns}`,
  );
  const selectCandidates = db.prepare<[number], Candidate>(
    `SELECT ${candidateColumns} FROM candidate WHERE round_id = ? ORDER BY position`,
  );
  const deleteCandidates = db.prepare<[number]>('DELETE FROM candidate WHERE round_id = ?');

  const insertReduction = db.prepare<
    [number, string, string, number, string, number],
    SeatReduction
  >(
    `INSERT INTO seat_reduction (round_id, seats_before, seats_after, decided_by, reason,
       recorded_by, at)
     SELECT id, seats, ?, ?, ?, ?, ? FROM round WHERE id = ?
     RETURNING ${reductionColumns}`,
  );
  const selectReduction = db.prepare<[number], SeatReduction>(
    `SELECT ${reductionColumns} FROM seat_reduction WHERE round_id = ?`,
  );

  const election = (row: ElectionRow | undefined) => (row ? toElection(row) : undefined);
  const byId = (id: number) => election(selectElection.get(id));

  const replaceCandidates = db.transaction(
    (roundId: number, list: readonly { name: string; note?: string }[]): Candidate[] => {
      deleteCandidates.run(roundId);
      return list.map((c, position) =>
        returned(insertCandidate.get({ roundId, name: c.name, note: c.note ?? '', position })),
      );
    },
  );

  const unlock = db.transaction((id: number, by: { personId: number; reason: string }) => {
    if (!clearCertified.get(id)) return undefined;
    return returned(insertUnlock.get(id, by.personId, by.reason, stamp()));
  });

  return {
    create(congressId: number, fields: NewElection): Election {
      const { ballotColour = '', doubleEntry = false, writeInBlanks = 0, position = null } = fields;
      const all = { ...fields, ballotColour, doubleEntry, writeInBlanks, position };
      return toElection(returned(insertElection.get({ ...electionParams(all), congressId })));
    },
    byId,
    /** In agenda order. */
    listByCongress: (congressId: number): Election[] =>
      selectElections.all(congressId).map(toElection),
    update(id: number, patch: Partial<ElectionFields>): Election | undefined {
      const current = byId(id);
      if (!current) return undefined;
      return election(updateElection.get({ ...electionParams(applyPatch(current, patch)), id }));
    },
    /** Deletes an election with its rounds; entered ballots make this fail. */
    remove: (id: number): boolean => deleteElection.run(id).changes > 0,

    createRound(fields: NewRound): Round {
      const { electionId, parentRoundId, kind, seats, formalCandidates } = fields;
      return returned(
        insertRound.get(
          electionId,
          parentRoundId ?? null,
          kind,
          seats,
          formalCandidates ?? null,
          stamp(),
        ),
      );
    },
    roundById: (id: number): Round | undefined => selectRound.get(id),
    /** In the order they were held. */
    roundsOf: (electionId: number): Round[] => selectRounds.all(electionId),
    /**
     * Moves a round between the ordinary states; 'void' and 'certified' have their own calls. The
     * services write a round's state (these, voidRound, certify, unlock) only through moveRound,
     * which checks the transition table first.
     */
    setRoundState: (id: number, state: Exclude<RoundState, 'void' | 'certified'>) =>
      setState.get(state, id),
    /** A round's seats follow its election's until ballots are issued (set-up checks that). */
    setRoundSeats: (id: number, seats: number) => setSeats.get(seats, id),
    /** A 预选's number of formal candidates, before its ballots are issued (set-up checks). */
    setFormalCandidates: (id: number, n: number) => setFormalCandidates.get(n, id),
    voidRound: (id: number, reason: string) => setVoid.get(reason, id),
    /** 发票: freezes 应到 and 实到 (null where the profile has none) with the ballots issued. */
    recordIssued: (
      id: number,
      counts: { entitled: number; present: number | null; issued: number },
    ) => setIssued.get(counts.entitled, counts.present, counts.issued, stamp(), id),
    /** 收回: may exceed issued; that makes the round void, which the service decides. */
    recordReturned: (id: number, count: number) => setReturned.get(count, stamp(), id),
    /** 更正: the counts typed wrong, corrected; when they were recorded stays as it was. */
    correctCounts: (id: number, counts: { issued: number; returned: number | null }) =>
      setCounts.get(counts.issued, counts.returned, id),
    certify: (id: number, personId: number) => setCertified.get(personId, stamp(), id),
    /**
     * Lifts a certification (needs the 总监票人 and a reason): the round goes back to counting
     * and the unlock is recorded. Undefined if the round was not certified.
     */
    unlock: (id: number, by: { personId: number; reason: string }): RoundUnlock | undefined =>
      unlock(id, by),
    unlocksOf: (roundId: number): RoundUnlock[] => selectUnlocks.all(roundId),

    /** In ballot order. */
    candidatesOf: (roundId: number): Candidate[] => selectCandidates.all(roundId),
    /** Appends at the end of the ballot. */
    addCandidate: (roundId: number, c: { name: string; note?: string }): Candidate =>
      returned(insertCandidate.get({ roundId, name: c.name, note: c.note ?? '', position: null })),
    /** Sets the whole list in ballot order (e.g. after sorting by strokes). */
    replaceCandidates: (roundId: number, list: readonly { name: string; note?: string }[]) =>
      replaceCandidates(roundId, list),

    recordSeatReduction(
      roundId: number,
      d: { seatsAfter: number; decidedBy: string; reason: string; recordedBy: number },
    ): SeatReduction | undefined {
      return insertReduction.get(
        d.seatsAfter,
        d.decidedBy,
        d.reason,
        d.recordedBy,
        stamp(),
        roundId,
      );
    },
    seatReductionOf: (roundId: number): SeatReduction | undefined => selectReduction.get(roundId),
  };
}
