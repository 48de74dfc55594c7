import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store';
import { openStore } from '../../../db/store';
import { moveRound, type RoundMove } from '../../../core/platform/round-state';
import { canMove, ROUND_STATES, type RoundState } from '../../../shared/domain/rounds';
import { congressWithRound, useTempDir } from '../db/fixtures';
import { resultsHarness } from '../results/fixture';

const tempDir = useTempDir();
const root = resolve(import.meta.dirname, '../../..');

/** A new round of the election, put in `state` by SQL, as a crash or an older file could leave it. */
function roundIn(store: Store, electionId: number, chiefId: number, state: RoundState): number {
  const round = store.elections.createRound({ electionId, kind: 'formal', seats: 4 });
  const certified = state === 'certified';
  store.db
    .prepare(
      `UPDATE round SET state = ?, void_reason = ?, certified_by = ?, certified_at = ?
       WHERE id = ?`,
    )
    .run(
      state,
      state === 'void' ? '作废' : null,
      certified ? chiefId : null,
      certified ? '2025-06-18T08:00:00.000Z' : null,
      round.id,
    );
  return round.id;
}

function moveTo(to: RoundState, from: RoundState, chiefId: number): RoundMove {
  if (to === 'void') return { to, reason: '重新选举' };
  if (to === 'certified') return { to, personId: chiefId };
  if (to === 'counting' && from === 'certified') {
    return { to, unlock: { personId: chiefId, reason: '重新核对' } };
  }
  return { to };
}

const pairs = ROUND_STATES.flatMap((from) => ROUND_STATES.map((to) => [from, to] as const));

describe('the round state machine', () => {
  it.each(pairs)('moves a round from %s to %s only as the table allows', (from, to) => {
    const store = openStore(join(tempDir(), 'machine.sqlite'));
    const { election, chief } = congressWithRound(store);
    const id = roundIn(store, election.id, chief.id, from);
    const move = () =>
      store.transaction(() => moveRound(store, { id }, moveTo(to, from, chief.id)));
    if (canMove(from, to)) {
      expect(move().state).toBe(to);
      expect(store.elections.roundById(id)?.state).toBe(to);
    } else {
      expect(move).toThrow(/not an allowed transition/);
      expect(store.elections.roundById(id)?.state).toBe(from);
    }
    store.close();
  });

  it('lifts a certification only with its unlock recorded, and records none otherwise', () => {
    const store = openStore(join(tempDir(), 'unlock.sqlite'));
    const { election, chief } = congressWithRound(store);
    const certified = roundIn(store, election.id, chief.id, 'certified');
    const counted = roundIn(store, election.id, chief.id, 'counted');
    const unlock = { personId: chief.id, reason: '重新核对' };
    expect(() =>
      store.transaction(() => moveRound(store, { id: certified }, { to: 'counting' })),
    ).toThrow(/unlock/);
    expect(() =>
      store.transaction(() => moveRound(store, { id: counted }, { to: 'counting', unlock })),
    ).toThrow(/unlock/);
    expect(store.elections.roundById(certified)?.state).toBe('certified');
    expect(store.elections.roundById(counted)?.state).toBe('counted');
    store.transaction(() => moveRound(store, { id: certified }, { to: 'counting', unlock }));
    expect(store.elections.roundById(certified)).toMatchObject({
      state: 'counting',
      certifiedBy: null,
    });
    expect(store.elections.unlocksOf(certified)).toHaveLength(1);
    store.close();
  });

  it.each(ROUND_STATES)(
    'sends a round back to entry from %s only when it is counted',
    async (from) => {
      const h = await resultsHarness({
        seats: 2,
        candidates: ['甲', '乙', '丙'],
        entitled: 5,
        present: 5,
      });
      const id = h.store.transaction(() => roundIn(h.store, h.election.id, h.chief.id, from));
      const sent = await h.call('results.recount', { roundId: id, reason: '复核' }, h.chief.token);
      expect(sent.ok).toBe(from === 'counted');
      expect(h.store.elections.roundById(id)?.state).toBe(from === 'counted' ? 'counting' : from);
    },
  );

  it('is the only code that writes a round state', () => {
    const writers =
      /\.(setRoundState|voidRound)\(|elections\.(certify|unlock)\(|UPDATE round SET state/;
    const machine = 'core/platform/round-state.ts';
    const offenders = ['core', 'electron', 'cli', 'bench']
      .flatMap((folder) => sources(join(root, folder)))
      .map((file) => relative(root, file))
      .filter((file) => file !== machine && writers.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}
