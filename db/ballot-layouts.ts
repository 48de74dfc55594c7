import type { Database } from 'better-sqlite3';
import type { BallotLayout } from '../shared/scan/layout';
import { returned } from './rows';

/** The grid of a machine-readable round as one print of its ballots laid it out. */
export interface PrintedLayout {
  id: number;
  roundId: number;
  electionId: number;
  /** SHA-256 (hex) of `json`. */
  digest: string;
  /** The layout as canonical JSON, exactly the bytes the digest is of. */
  json: string;
  layout: BallotLayout;
  printedAt: string;
}

type LayoutRow = Omit<PrintedLayout, 'layout'>;

const columns = `l.id, l.round_id AS roundId, r.election_id AS electionId, l.digest,
  l.layout AS json, l.printed_at AS printedAt`;
const joined = 'printed_layout l JOIN round r ON r.id = l.round_id';

// Written only by the ballot print, from a BallotLayout.
const toLayout = (row: LayoutRow): PrintedLayout => ({
  ...row,
  layout: JSON.parse(row.json) as BallotLayout,
});

export function createBallotLayoutsRepo(db: Database, now: () => Date) {
  const insert = db.prepare<[number, string, string, string], { id: number }>(
    `INSERT INTO printed_layout (round_id, digest, layout, printed_at) VALUES (?, ?, ?, ?)
     RETURNING id`,
  );
  const selectOfRound = db.prepare<[number], LayoutRow>(
    `SELECT ${columns} FROM ${joined} WHERE l.round_id = ? ORDER BY l.id`,
  );
  const selectLatest = db.prepare<[number], LayoutRow>(
    `SELECT ${columns} FROM ${joined} WHERE l.round_id = ? ORDER BY l.id DESC LIMIT 1`,
  );
  const selectOfCongress = db.prepare<[number], LayoutRow>(
    `SELECT ${columns} FROM ${joined} JOIN election e ON e.id = r.election_id
     WHERE e.congress_id = ? ORDER BY l.id`,
  );

  const latestOf = (roundId: number): PrintedLayout | undefined => {
    const row = selectLatest.get(roundId);
    return row && toLayout(row);
  };

  return {
    /**
     * Records a print of the round's ballots with this layout; a print with the layout of the
     * round's latest print adds nothing. Returns the round's layout as it now is.
     */
    record(roundId: number, printed: { json: string; digest: string }): PrintedLayout {
      const latest = latestOf(roundId);
      if (latest?.digest === printed.digest) return latest;
      insert.get(roundId, printed.digest, printed.json, now().toISOString());
      return returned(latestOf(roundId));
    },
    /** The layout the round's ballots were last printed with. */
    latestOf,
    /** Every layout the round was printed with, oldest first. */
    historyOf: (roundId: number): PrintedLayout[] => selectOfRound.all(roundId).map(toLayout),
    /** Every layout printed for the congress's rounds, oldest first. */
    ofCongress: (congressId: number): PrintedLayout[] =>
      selectOfCongress.all(congressId).map(toLayout),
  };
}
