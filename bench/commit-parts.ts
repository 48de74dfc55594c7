import { performance } from 'node:perf_hooks';
import { findBox } from '../core/entry/boxes';
import { entryProblem, writablePass, type Teller } from '../core/entry/ballot-entry';
import type { ServiceContext } from '../core/platform/context';
import { methods } from '../shared/api';
import { storedBallot, type BallotEntry } from '../shared/domain/paper-ballot';
import { spread, type Spread } from './measure';

/*
 * Where a commit's work goes apart from the disk: each part of `entry.commit` timed alone, the
 * same calls the service makes, inside a transaction that is then rolled back (so no fsync and
 * nothing kept): the dispatcher's check of the request against the API's schema, the state checks
 * (the box, its round and rules, the teller's pass, its place in the stack), the ballot's rows,
 * and the audit row (salt, canonical JSON, two SHA-256, insert).
 */

export interface CommitParts {
  validation: Spread;
  checks: Spread;
  ballot_rows: Spread;
  audit_row: Spread;
  samples: number;
}

class RolledBack extends Error {}

export function commitParts(
  ctx: ServiceContext,
  teller: Teller,
  input: { boxId: number; seq: number },
  papers: readonly BallotEntry[],
): CommitParts {
  const { store } = ctx;
  const validations: number[] = [];
  const checks: number[] = [];
  const rows: number[] = [];
  const audits: number[] = [];
  const schema = methods['entry.commit'].input;
  const once = store.db.transaction((ballot: BallotEntry) => {
    const v0 = performance.now();
    if (!schema.safeParse({ ...input, ballot }).success)
      throw new Error('a bench ballot is refused');
    const t0 = performance.now();
    validations.push(t0 - v0);
    const found = findBox(store, input.boxId);
    if (!found.ok) throw new Error(found.error.message);
    const pass = writablePass(store, found.value, teller);
    if (!pass.ok) throw new Error(pass.error.message);
    if (entryProblem(found.value, ballot)) throw new Error('a bench ballot does not fit its paper');
    const { live, last } = store.ballots.passStatus(pass.value.id);
    if (live < last) store.ballots.firstGap(pass.value.id);
    const t1 = performance.now();
    const stored = storedBallot(found.value.context.reader, ballot);
    const writeIns = stored.writeIns.map((w, slot) => ({ slot, ...w }));
    store.ballots.insert({ passId: pass.value.id, seq: input.seq, ...stored, writeIns });
    const t2 = performance.now();
    store.audit.append({
      actor: teller.name,
      role: teller.role,
      action: 'ballot.enter',
      payload: { boxId: input.boxId, pass: pass.value.pass, seq: input.seq, ...stored },
    });
    const t3 = performance.now();
    checks.push(t1 - t0);
    rows.push(t2 - t1);
    audits.push(t3 - t2);
    throw new RolledBack();
  });
  for (const ballot of papers) {
    try {
      once.immediate(ballot);
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  }
  return {
    validation: spread(validations),
    checks: spread(checks),
    ballot_rows: spread(rows),
    audit_row: spread(audits),
    samples: papers.length,
  };
}
