import type { Store } from '../../../db/store';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { ReadRounds } from '../../../shared/scan/read';
import { knownRound } from '../../reports/machine-ballot';
import type { RoundContext } from '../round';

/**
 * The printed round the scanned sheets of a box must belong to, with the layout it was printed
 * with, and the congress's other printed rounds and earlier prints of this one (so that a sheet of
 * another election, or one printed before a reprint, is refused by name). The layouts are stored
 * when the ballots are printed.
 */
export function printedRounds(store: Store, context: RoundContext): Result<ReadRounds> {
  const latest = store.ballotLayouts.latestOf(context.round.id);
  if (!latest) {
    return fail(
      'invalid-state',
      `“${context.election.title}”本轮选票的印制版式没有保存（选票须由本程序打印），无法识别扫描件；请改用键盘录入`,
    );
  }
  const congress = context.election.congressId;
  const others = store.ballotLayouts
    .ofCongress(congress)
    .filter((printed) => printed.id !== latest.id)
    .map((printed) => knownRound(printed, congress));
  return ok({ expected: knownRound(latest, congress), others });
}
