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
}

const confirmationColumns = 'round_id AS roundId, name, note, confirmed_by AS confirmedBy, at';

/** What the results step records beside a round: eligibility checks, and lifting a seat reduction. */
export function createResultsRepo(db: Database, now: () => Date) {
  const insertConfirmation = db.prepare<
    [number, string, string, number, string],
    EligibilityConfirmation
  >(
    `INSERT INTO eligibility_confirmation (round_id, name, note, confirmed_by, at)
     VALUES (?, ?, ?, ?, ?) RETURNING ${confirmationColumns}`,
  );
  const selectConfirmations = db.prepare<[number], EligibilityConfirmation>(
    `SELECT ${confirmationColumns} FROM eligibility_confirmation WHERE round_id = ? ORDER BY at, name`,
  );
  const deleteReduction = db.prepare<[number]>('DELETE FROM seat_reduction WHERE round_id = ?');

  return {
    confirmEligibility: (
      roundId: number,
      c: { name: string; note: string; confirmedBy: number },
    ): EligibilityConfirmation =>
      returned(insertConfirmation.get(roundId, c.name, c.note, c.confirmedBy, now().toISOString())),
    confirmationsOf: (roundId: number): EligibilityConfirmation[] =>
      selectConfirmations.all(roundId),
    /**
     * Takes back the chair's seat reduction on a round whose certification is lifted: it was
     * decided on the result now being checked again. The audit row keeps what it said.
     */
    removeSeatReduction: (roundId: number): boolean => deleteReduction.run(roundId).changes > 0,
  };
}
