import { commitBallot } from '../core/entry/ballot-entry';
import type { PrintPdf } from '../core/reports/handlers';
import { benchPin, candidateNames, countingRound, lcg, openDay, paper, type BenchDay } from './day';
import { progress } from './measure';

/*
 * A congress with one certified round of `ballots` ballots (9 of 11, 1,000 to a box), built
 * through the services: every ballot is committed by the entry service with its audit row, as a
 * teller's would be. Only the durability of each commit is relaxed — a box's ballots share one
 * transaction — so that building 100,000 ballots takes seconds instead of 100,000 fsyncs.
 */

const perBox = 1000;
const candidates = candidateNames(11);
const seats = 9;

export interface BuiltCongress {
  day: BenchDay;
  congressId: number;
  roundId: number;
}

/** `printPdf`: how certification prints the package's reports (else the services' default). */
export async function certifiedCongress(
  file: string,
  ballots: number,
  printPdf?: PrintPdf,
): Promise<BuiltCongress> {
  const day = await openDay(file);
  if (printPdf) day.services.context.printPdf = printPdf;
  const { store, services } = day;
  const { congressId, electionId, roundId } = countingRound(store, {
    candidates,
    seats,
    ballots,
    writeInBlanks: 2,
  });
  const random = lcg(ballots);
  const teller = { personId: day.teller.id, name: day.teller.name, role: 'teller' };
  for (let boxNo = 1; boxNo * perBox - perBox < ballots; boxNo += 1) {
    const expected = Math.min(perBox, ballots - (boxNo - 1) * perBox);
    const box = await day.call(
      'entry.createBox',
      { roundId, label: `${boxNo}号票箱`, expected },
      day.scrutineer.token,
    );
    await day.call('entry.open', { boxId: box.id }, day.teller.token);
    store.transaction(() => {
      for (let seq = 1; seq <= expected; seq += 1) {
        const ballot = paper(random, candidates.length, seats);
        const done = commitBallot(services.context, teller, { boxId: box.id, seq, ballot });
        if (!done.ok) throw new Error(`entry.commit: ${done.error.message}`);
      }
    });
    await day.call('entry.finishPass', { boxId: box.id }, day.teller.token);
    if (boxNo % 50 === 0) progress(`congress: ${boxNo * perBox} / ${ballots} ballots entered`);
  }
  await day.call('entry.finish', { roundId }, day.scrutineer.token);
  await day.call('results.certify', { roundId, pin: benchPin }, day.chief.token);
  const overview = await day.call('entry.overview', { electionId }, day.teller.token);
  if (overview.round?.state !== 'certified') throw new Error('the bench round was not certified');
  return { day, congressId, roundId };
}
