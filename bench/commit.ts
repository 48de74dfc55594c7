import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { canonicalJson } from '../db/audit';
import { openStore, type Store } from '../db/store';
import type { BallotEntry } from '../shared/domain/paper-ballot';
import { ballotReader, storedBallot } from '../shared/domain/paper-ballot';
import { candidateNames, countingRound, lcg, openDay, paper } from './day';
import { filesystemOf } from './machine';
import { commitParts, type CommitParts } from './commit-parts';
import { ms, peakMemory, percentile, progress, ratio } from './measure';

/*
 * commit: one entered ballot of 15 marks committed through the service (the dispatcher's
 * `entry.commit`: validation, session, the pass's checks, the ballot and its audit row in one
 * IMMEDIATE transaction, WAL with synchronous=FULL) on a real file. The baseline inserts the same
 * rows — ballot, written names, an audit row of the same size — with bare prepared statements in
 * the same schema on a second file, so the ratio is what the service adds to the disk's own cost.
 * The two alternate in blocks, so that a burst of load on the machine hits both alike.
 */

const candidates = candidateNames(15);
const seats = 11;
const block = 50;

export interface CommitFigures {
  p50_ms: number;
  p99_ms: number;
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  ratio: number;
  samples: number;
  filesystem: string | null;
  peak_mb: number;
  /** The commit's own work apart from the disk, part by part (bench/commit-parts.ts). */
  parts: CommitParts;
}

export async function commitBench(quick: boolean): Promise<CommitFigures> {
  const runs = quick ? 300 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-commit-'));
  try {
    const random = lcg(15);
    const papers = Array.from({ length: runs + 2 * block }, () =>
      paper(random, candidates.length, seats),
    );
    const service = await serviceCommits(join(dir, 'service.sqlite'), papers.length);
    const baseline = bareInserts(join(dir, 'baseline.sqlite'), papers.length);
    const serviceTimes: number[] = [];
    const baselineTimes: number[] = [];
    peakMemory.reset();
    for (let start = 0; start < papers.length; start += block) {
      const stack = papers.slice(start, start + block);
      // The first block of each is the warm-up: prepared statements, JIT, the file's first pages.
      const keep = start > 0;
      for (const p of stack) {
        const took = service.commit(p);
        if (keep) serviceTimes.push(took);
      }
      for (const p of stack) {
        const took = baseline.insert(p);
        if (keep) baselineTimes.push(took);
      }
      if (start % 500 === 0) progress(`commit: ${start} / ${papers.length}`);
    }
    const peak = peakMemory.mb();
    const parts = service.parts(papers.slice(0, Math.min(papers.length, 1000)));
    service.close();
    baseline.close();
    const p99 = percentile(serviceTimes, 99);
    const baselineP99 = percentile(baselineTimes, 99);
    return {
      p50_ms: ms(percentile(serviceTimes, 50)),
      p99_ms: ms(p99),
      baseline_p50_ms: ms(percentile(baselineTimes, 50)),
      baseline_p99_ms: ms(baselineP99),
      ratio: ratio(p99, baselineP99),
      samples: serviceTimes.length,
      filesystem: filesystemOf(dir),
      peak_mb: peak,
      parts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real services on a fresh file, a box open for the teller; `commit` times one call. */
async function serviceCommits(file: string, count: number) {
  const day = await openDay(file);
  const { roundId } = countingRound(day.store, {
    candidates,
    seats,
    ballots: count,
    writeInBlanks: 2,
  });
  const box = await day.call(
    'entry.createBox',
    { roundId, label: '一号票箱', expected: count },
    day.scrutineer.token,
  );
  let seq = (await day.call('entry.open', { boxId: box.id }, day.teller.token)).progress.nextSeq;
  return {
    commit(ballot: BallotEntry): number {
      const started = performance.now();
      // Enter's own path: the call answered before it returns (Dispatch.now).
      const result = day.services.dispatch.now(
        'entry.commit',
        { boxId: box.id, seq, ballot },
        day.teller.token,
      );
      const took = performance.now() - started;
      if (!result.ok) throw new Error(`entry.commit: ${result.error.message}`);
      seq += 1;
      return took;
    },
    parts: (ballots: readonly BallotEntry[]) =>
      commitParts(
        day.services.context,
        { personId: day.teller.id, name: day.teller.name, role: 'teller' },
        { boxId: box.id, seq },
        ballots,
      ),
    close: () => day.services.close(),
  };
}

/** The same rows with bare statements, on a file with the same schema and pragmas. */
function bareInserts(file: string, count: number) {
  const store = openStore(file);
  const { roundId } = countingRound(store, { candidates, seats, ballots: count, writeInBlanks: 2 });
  const passId = bareSetUp(store, roundId, count);
  const { db } = store;
  const insertBallot = db.prepare<[number, number, string, string | null], { id: number }>(
    'INSERT INTO ballot (pass_id, seq, marks, invalid_reason) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const insertWriteIn = db.prepare<[number, number, string, string]>(
    'INSERT INTO ballot_write_in (ballot_id, slot, name, mark) VALUES (?, ?, ?, ?)',
  );
  const insertAudit = db.prepare<[number, string, string, string, string, string, string, string]>(
    'INSERT INTO audit (seq, at, actor, role, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const reader = ballotReader(candidates, seats, {
    writeInWithoutMark: 'ignore',
    preliminary: false,
  });
  const hash = 'f'.repeat(64);
  let seq = 0;
  let auditSeq = store.audit.head().seq;
  const write = db.transaction((stored: ReturnType<typeof storedBallot>, payload: string) => {
    const row = insertBallot.get(passId, seq, stored.marks, stored.invalidReason);
    if (!row) throw new Error('the ballot insert returned no id');
    stored.writeIns.forEach((w, slot) => insertWriteIn.run(row.id, slot, w.name, w.mark));
    const at = new Date().toISOString();
    insertAudit.run(auditSeq, at, '张计票', 'teller', 'ballot.enter', payload, hash, hash);
  });
  return {
    insert(ballot: BallotEntry): number {
      seq += 1;
      auditSeq += 1;
      // The row's content is prepared outside the timing: the baseline is the insert alone.
      const stored = storedBallot(reader, ballot);
      const payload = canonicalJson({ boxId: 1, pass: 1, seq, ...stored });
      const started = performance.now();
      write.immediate(stored, payload);
      return performance.now() - started;
    },
    close: () => store.close(),
  };
}

/** A box and a pass for the bare inserts to go into, written as the services would. */
function bareSetUp(store: Store, roundId: number, count: number): number {
  return store.transaction(() => {
    const teller = store.people.create({ name: '张计票', role: 'teller', pinHash: 'x' });
    const box = store.ballots.createBox(roundId, { label: '一号票箱', expected: count });
    return store.ballots.openPass(box.id, 1, teller.id).id;
  });
}
