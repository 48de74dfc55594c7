import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Store } from '../../../db/store';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'congress-tally-db-')));
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so failures can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fixed clock that moves one second per reading. */
export function tickingClock(start = '2025-06-18T08:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

export const candidateNames = ['丁一', '卜二', '刁三', '王四', '田五'];

/** A congress with one election (one round, five candidates) and a teller, built by the repos. */
export function congressWithRound(store: Store, options: { doubleEntry?: boolean } = {}) {
  return store.transaction(() => {
    const teller = store.people.create({ name: '计票人甲', role: 'teller', pinHash: 'x' });
    const chief = store.people.create({ name: '总监票人', role: 'chief-scrutineer', pinHash: 'y' });
    const congress = store.congresses.create({
      name: '某镇第十五次党代会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    const election = store.elections.create(congress.id, {
      title: '委员',
      office: 'committee',
      seats: 4,
      doubleEntry: options.doubleEntry ?? false,
      writeInBlanks: 3,
    });
    const round = store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: 4,
    });
    const candidates = store.elections.replaceCandidates(
      round.id,
      candidateNames.map((name) => ({ name })),
    );
    return { teller, chief, congress, election, round, candidates };
  });
}
