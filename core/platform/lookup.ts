import type { Congress } from '../../db/congresses';
import type { Election, Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { fail, type Result } from '../../shared/api/result';

/*
 * What a request names by id, looked up. A missing one is an expected failure: another desk
 * removed it, or the screen shows an older state of the file, so the operator is told to refresh.
 */

const missing = {
  congressId: '没有这个大会',
  electionId: '没有这个选举事项',
  roundId: '没有这个选举轮次',
  boxId: '没有这个票箱',
  delegateId: '名册中没有这名代表',
  sheetId: '没有这张扫描件',
};

/** The failure for a request whose `field` names nothing in the file. */
export function notFound(field: keyof typeof missing) {
  return fail('not-found', `${missing[field]}，请刷新后重试`, { field });
}

/** A round with its election, its congress and every round of that election, in the order held. */
export interface Located {
  round: Round;
  election: Election;
  congress: Congress;
  rounds: Round[];
}

export function locate(store: Store, roundId: number): Located | undefined {
  const round = store.elections.roundById(roundId);
  const election = round && store.elections.byId(round.electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!round || !election || !congress) return undefined;
  return { round, election, congress, rounds: store.elections.roundsOf(election.id) };
}

/** `act` on the round `roundId` names, or the not-found failure when there is none. */
export function located<T>(
  store: Store,
  roundId: number,
  act: (at: Located) => Result<T>,
): Result<T> {
  const at = locate(store, roundId);
  return at ? act(at) : notFound('roundId');
}
