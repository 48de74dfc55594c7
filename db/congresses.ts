import type { Database } from 'better-sqlite3';
import type { ProfileId } from '../shared/tally/types';
import { applyPatch, returned } from './rows';

export interface CongressFields {
  name: string;
  /** 届次, e.g. 第十五届 */
  term: string;
  organiser: string;
  venue: string;
  /** YYYY-MM-DD */
  heldOn: string;
  profile: ProfileId;
  /** The 选举办法 settings; their shape belongs to the rule profiles and is checked there. */
  options: Record<string, unknown>;
  ballotInstructions: string;
  /** 机读选票: the ballots carry registration marks and a round code, for scanned entry. */
  machineReadable: boolean;
  /** Thresholds of the delegate-structure report (women, minorities, ...), checked there. */
  structureTargets: unknown[];
}

export interface Congress extends CongressFields {
  id: number;
  createdAt: string;
  /** When it was archived (read-only, out of the congress list); null while it is in use. */
  archivedAt: string | null;
}

type NewCongress = Pick<CongressFields, 'name' | 'heldOn' | 'profile'> & Partial<CongressFields>;

interface CongressRow extends Omit<Congress, 'options' | 'structureTargets' | 'machineReadable'> {
  options: string;
  structureTargets: string;
  machineReadable: number;
}

const columns = `id, name, term, organiser, venue, held_on AS heldOn, profile, options,
  ballot_instructions AS ballotInstructions, machine_readable AS machineReadable,
  structure_targets AS structureTargets, created_at AS createdAt, archived_at AS archivedAt`;

const toCongress = (row: CongressRow): Congress => ({
  ...row,
  options: JSON.parse(row.options) as Record<string, unknown>,
  structureTargets: JSON.parse(row.structureTargets) as unknown[],
  machineReadable: row.machineReadable === 1,
});

const defaults: Omit<CongressFields, 'name' | 'heldOn' | 'profile'> = {
  term: '',
  organiser: '',
  venue: '',
  options: {},
  ballotInstructions: '',
  // New congresses print machine-readable ballots; those from before the option keep theirs.
  machineReadable: true,
  structureTargets: [],
};

/** Named parameters (@name) for a congress row. */
const params = (f: CongressFields) => ({
  ...f,
  options: JSON.stringify(f.options),
  structureTargets: JSON.stringify(f.structureTargets),
  machineReadable: f.machineReadable ? 1 : 0,
});

type Params = ReturnType<typeof params>;

export function createCongressesRepo(db: Database, now: () => Date) {
  const insert = db.prepare<[Params & { createdAt: string }], CongressRow>(
    `INSERT INTO congress (name, term, organiser, venue, held_on, profile, options,
       ballot_instructions, machine_readable, structure_targets, created_at)
     VALUES (@name, @term, @organiser, @venue, @heldOn, @profile, @options,
       @ballotInstructions, @machineReadable, @structureTargets, @createdAt)
     RETURNING ${columns}`,
  );
  const selectById = db.prepare<[number], CongressRow>(
    `SELECT ${columns} FROM congress WHERE id = ?`,
  );
  const selectAll = db.prepare<[], CongressRow>(
    `SELECT ${columns} FROM congress ORDER BY held_on DESC, id DESC`,
  );
  const update = db.prepare<[Params & { id: number }], CongressRow>(
    `UPDATE congress SET name = @name, term = @term, organiser = @organiser, venue = @venue,
       held_on = @heldOn, profile = @profile, options = @options,
       ballot_instructions = @ballotInstructions, machine_readable = @machineReadable,
       structure_targets = @structureTargets
     WHERE id = @id RETURNING ${columns}`,
  );
  const remove = db.prepare<[number]>('DELETE FROM congress WHERE id = ?');
  const markRemoval = db.prepare<[number]>('INSERT INTO congress_removal (congress_id) VALUES (?)');
  const clearRemoval = db.prepare<[number]>('DELETE FROM congress_removal WHERE congress_id = ?');
  // A savepoint inside the caller's transaction; its own transaction otherwise.
  const removeWithBallots = db.transaction((id: number): boolean => {
    markRemoval.run(id);
    const removed = remove.run(id).changes > 0;
    clearRemoval.run(id);
    return removed;
  });
  const setArchived = db.prepare<[string | null, number]>(
    'UPDATE congress SET archived_at = ? WHERE id = ?',
  );

  const byId = (id: number) => {
    const row = selectById.get(id);
    return row ? toCongress(row) : undefined;
  };

  return {
    create(fields: NewCongress): Congress {
      const { name, heldOn, profile } = fields;
      const complete = applyPatch<CongressFields>({ ...defaults, name, heldOn, profile }, fields);
      return toCongress(
        returned(insert.get({ ...params(complete), createdAt: now().toISOString() })),
      );
    },
    byId,
    /** Most recent first. */
    list: (): Congress[] => selectAll.all().map(toCongress),
    /** Changes the given fields, keeps the rest; undefined if there is no such congress. */
    update(id: number, patch: Partial<CongressFields>): Congress | undefined {
      const current = byId(id);
      if (!current) return undefined;
      const row = update.get({ ...params(applyPatch(current, patch)), id });
      return row && toCongress(row);
    },
    /**
     * Deletes a congress with its roster, elections and entered ballots. Ballots are otherwise
     * never deleted: the triggers let them go only while the congress_removal row is there, which
     * lives within this call.
     */
    remove: (id: number): boolean => removeWithBallots(id),
    /** Archives (a time) or brings back (null) a congress. */
    setArchived: (id: number, at: string | null): boolean => setArchived.run(at, id).changes > 0,
  };
}
