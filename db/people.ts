import type { Database } from 'better-sqlite3';
import type { Role } from '../shared/domain';
import { returned } from './rows';

/** Someone who works the app (not a delegate): administrator, 计票人, 监票人, 总监票人. */
export interface Person {
  id: number;
  name: string;
  role: Role;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  active: boolean;
  createdAt: string;
}

interface PersonRow extends Omit<Person, 'active'> {
  active: number;
}

const columns = `id, name, role, pin_hash AS pinHash, failed_attempts AS failedAttempts,
  locked_until AS lockedUntil, active, created_at AS createdAt`;

const toPerson = (row: PersonRow): Person => ({ ...row, active: row.active === 1 });

export function createPeopleRepo(db: Database, now: () => Date) {
  const insert = db.prepare<[string, Role, string, string], PersonRow>(
    `INSERT INTO person (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?) RETURNING ${columns}`,
  );
  const selectById = db.prepare<[number], PersonRow>(`SELECT ${columns} FROM person WHERE id = ?`);
  const selectActiveByName = db.prepare<[string], PersonRow>(
    `SELECT ${columns} FROM person WHERE name = ? AND active = 1`,
  );
  const selectAll = db.prepare<[], PersonRow>(
    `SELECT ${columns} FROM person ORDER BY active DESC, id`,
  );
  const updatePin = db.prepare<[string, number], PersonRow>(
    `UPDATE person SET pin_hash = ? WHERE id = ? RETURNING ${columns}`,
  );
  const failAttempt = db.prepare<[string | null, number], PersonRow>(
    `UPDATE person SET failed_attempts = failed_attempts + 1, locked_until = ?
     WHERE id = ? RETURNING ${columns}`,
  );
  const resetAttempts = db.prepare<[number], PersonRow>(
    `UPDATE person SET failed_attempts = 0, locked_until = NULL WHERE id = ? RETURNING ${columns}`,
  );
  const deactivate = db.prepare<[number], PersonRow>(
    `UPDATE person SET active = 0 WHERE id = ? RETURNING ${columns}`,
  );

  const one = (row: PersonRow | undefined) => (row ? toPerson(row) : undefined);

  return {
    create(fields: { name: string; role: Role; pinHash: string }): Person {
      return toPerson(
        returned(insert.get(fields.name, fields.role, fields.pinHash, now().toISOString())),
      );
    },
    byId: (id: number) => one(selectById.get(id)),
    /** The active person of that name (names are unique among active people). */
    byName: (name: string) => one(selectActiveByName.get(name)),
    /** Everyone, active first, in the order they were added. */
    list: (): Person[] => selectAll.all().map(toPerson),
    updatePin: (id: number, pinHash: string) => one(updatePin.get(pinHash, id)),
    /** Counts one wrong PIN and sets the lock-out the caller derived from the new count. */
    recordFailedAttempt: (id: number, lockedUntil: string | null) =>
      one(failAttempt.get(lockedUntil, id)),
    resetAttempts: (id: number) => one(resetAttempts.get(id)),
    /** People are never deleted: audit rows and certifications name them. */
    deactivate: (id: number) => one(deactivate.get(id)),
  };
}
