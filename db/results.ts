import type { Database } from 'better-sqlite3';
import { returned } from './rows';

/** The scrutineers' confirmation that an elected written-in name may hold the office. */
export interface EligibilityConfirmation {
  roundId: number;
  name: string;
  /** What was checked, in the scrutineers' words (e.g. 经核对党员名册，系本镇正式党员). */
  note: string;
  confirmedBy: number;
  at: string;
  /** false: found ineligible (the note says why); the name is then not elected. */
  eligible: boolean;
}

type ConfirmationRow = Omit<EligibilityConfirmation, 'eligible'> & { eligible: number };
const toConfirmation = (row: ConfirmationRow): EligibilityConfirmation => ({
  ...row,
  eligible: row.eligible === 1,
});

const confirmationColumns =
  'round_id AS roundId, name, note, confirmed_by AS confirmedBy, at, eligible';

/** What the results step records beside a round: eligibility checks, and lifting a seat reduction. */
export function createResultsRepo(db: Database, now: () => Date) {
  const insertConfirmation = db.prepare<
    [number, string, string, number, string, number],
    ConfirmationRow
  >(
    `INSERT INTO eligibility_confirmation (round_id, name, note, confirmed_by, at, eligible)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING ${confirmationColumns}`,
  );
  const selectConfirmations = db.prepare<[number], ConfirmationRow>(
    `SELECT ${confirmationColumns} FROM eligibility_confirmation WHERE round_id = ? ORDER BY at, name`,
  );
  const deleteReduction = db.prepare<[number]>('DELETE FROM seat_reduction WHERE round_id = ?');

  return {
    /** The scrutineers' finding on an elected written-in name: eligible, or not (with why). */
    confirmEligibility: (
      roundId: number,
      c: { name: string; note: string; confirmedBy: number; eligible: boolean },
    ): EligibilityConfirmation =>
      toConfirmation(
        returned(
          insertConfirmation.get(
            roundId,
            c.name,
            c.note,
            c.confirmedBy,
            now().toISOString(),
            c.eligible ? 1 : 0,
          ),
        ),
      ),
    confirmationsOf: (roundId: number): EligibilityConfirmation[] =>
      selectConfirmations.all(roundId).map(toConfirmation),
    /** The written-in names of the round found ineligible: the tally does not elect them. */
    ineligibleOf: (roundId: number): string[] =>
      selectConfirmations
        .all(roundId)
        .filter((c) => c.eligible === 0)
        .map((c) => c.name),
    /**
     * Takes back the chair's seat reduction on a round whose certification is lifted: it was
     * decided on the result now being checked again. The audit row keeps what it said.
     */
    removeSeatReduction: (roundId: number): boolean => deleteReduction.run(roundId).changes > 0,
  };
}
