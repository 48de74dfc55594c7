import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../db/store';
import { ballotReader, storedBallot } from '../shared/domain/paper-ballot';
import { locate } from '../core/platform/lookup';
import { tallyOf } from '../core/results/tally-input';
import { candidateNames, countingRound, lcg, paper } from './day';
import { median, ms, peakMemory, progress, sample, withPeak } from './measure';

/*
 * store_1m: a million ballots in a store file — written through the store's repositories in
 * transactions of 10,000 (each ballot with its audit row, 1,000 to a box, as entry leaves them),
 * then counted the way the results screen counts them: the counted-ballots query in one read
 * transaction, identical papers grouped, the engine's tally of the round.
 */

const ballots = 1_000_000;
const perBox = 1000;
const perTransaction = 10_000;
const candidates = candidateNames(10);
const seats = 7;

export interface StoreFigures {
  insert_s: number;
  inserts_per_s: number;
  count_median_ms: number;
  runs: number;
  ballots: number;
  file_mb: number;
  peak_mb: number;
  count_peak_mb: number;
}

export async function storeBench(quick: boolean): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-store-'));
  const file = join(dir, 'congress.sqlite');
  try {
    const store = openStore(file);
    const { roundId } = countingRound(store, { candidates, seats, ballots, writeInBlanks: 2 });
    const reader = ballotReader(candidates, seats, {
      writeInWithoutMark: 'ignore',
      preliminary: false,
    });
    const random = lcg(1);
    peakMemory.reset();
    const started = performance.now();
    const teller = store.transaction(() =>
      store.people.create({ name: '张计票', role: 'teller', pinHash: 'x' }),
    );
    let passId = 0;
    for (let done = 0; done < ballots; done += perTransaction) {
      store.transaction(() => {
        for (let n = done; n < done + perTransaction; n += 1) {
          const seq = (n % perBox) + 1;
          if (seq === 1) {
            const box = store.ballots.createBox(roundId, {
              label: `${n / perBox + 1}号票箱`,
              expected: perBox,
            });
            passId = store.ballots.openPass(box.id, 1, teller.id).id;
          }
          const stored = storedBallot(reader, paper(random, candidates.length, seats));
          const writeIns = stored.writeIns.map((w, slot) => ({ slot, ...w }));
          store.ballots.insert({ passId, seq, ...stored, writeIns });
          store.audit.append({
            actor: teller.name,
            role: teller.role,
            action: 'ballot.enter',
            payload: { boxId: Math.floor(n / perBox) + 1, pass: 1, seq, ...stored },
          });
        }
      });
      if (done % 100_000 === 0) progress(`store_1m: ${done} / ${ballots} ballots written`);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    const insertPeak = peakMemory.mb();

    progress('store_1m: counting');
    const at = locate(store, roundId);
    if (!at) throw new Error('the bench round is missing');
    const counted = await withPeak(() =>
      sample({ warmup: 1, runs: quick ? 1 : 3 }, () => {
        const { result } = tallyOf(store, at);
        if ((result.ballots.valid ?? 0) + (result.ballots.invalid ?? 0) !== ballots) {
          throw new Error('the store counted a different number of ballots');
        }
      }),
    );
    store.close();
    return {
      insert_s: Math.round(insertSeconds * 10) / 10,
      inserts_per_s: Math.round(ballots / insertSeconds),
      count_median_ms: ms(median(counted.value)),
      runs: counted.value.length,
      ballots,
      file_mb: Math.round(statSync(file).size / 2 ** 20),
      peak_mb: insertPeak,
      count_peak_mb: counted.peakMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
