import type { SigningKey } from '../../../core/platform/keys';
import type { ZipEntry } from '../../../core/export/package/zip';
import type { BallotsDocument, CastVote } from '../../../shared/export/ballots';
import { resultsCsv } from '../../../shared/export/csv';
import type { ResultsDocument } from '../../../shared/export/results';
import { parseRound, tallyRound } from '../../../shared/tally';
import { json, resigned, utf8 } from './fixture';

/*
 * The forgery of the county's worst case: the ballots of a package's last round changed (the
 * first two candidates' marks swapped on every paper), the round counted again with the program's
 * own engine so that results.json, results.csv and every digest agree, the manifest recomputed,
 * and all of it signed with `key`, whose public key goes into the manifest.
 */

function swapped(vote: CastVote): CastVote {
  const marks = [...vote.marks];
  [marks[0], marks[1]] = [marks[1] ?? '-', marks[0] ?? '-'];
  return { ...vote, marks: marks.join('') };
}

export function forgedPackage(entries: readonly ZipEntry[], key: SigningKey): Buffer {
  const results = json<ResultsDocument>(entries, 'results.json');
  const ballots = json<BallotsDocument>(entries, 'ballots.json');
  const election = results.elections[0];
  const round = election?.rounds.at(-1);
  const cast = ballots.rounds.find((r) => r.roundId === round?.id);
  if (!round || !cast) throw new Error('the package has no round to forge');
  cast.ballots = cast.ballots.map((vote) => (vote.invalid ? vote : swapped(vote)));
  const parsed = parseRound({
    ...round.parameters,
    ballots: cast.ballots.map((vote) =>
      vote.invalid ? { n: 1, invalid: true } : { n: 1, marks: vote.marks, writeIns: vote.writeIns },
    ),
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  round.result = tallyRound(parsed.value);
  return resigned(entries, key, {
    'ballots.json': utf8(`${JSON.stringify(ballots, null, 2)}\n`),
    'results.json': utf8(`${JSON.stringify(results, null, 2)}\n`),
    'results.csv': utf8(resultsCsv(results)),
  });
}
