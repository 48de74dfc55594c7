import { ok } from '../../shared/api/result';
import type { resultsMethods } from '../../shared/api/results';
import { announce, announcement } from './announcement';
import type { ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';

/** The methods of the announcement, declared with the results in the API contract. */
export type AnnounceMethod = 'results.announce' | 'results.announcement';

/** 宣布: a certified result on the projector, and what the hall's screen shows. */
export function announceHandlers(
  ctx: ServiceContext,
): Handlers<Pick<typeof resultsMethods, AnnounceMethod>> {
  const { store } = ctx;
  return {
    'results.announce': ({ roundId }, session) => announce(ctx, session, roundId),
    'results.announcement': () => ok(store.read(() => announcement(store))),
  };
}
