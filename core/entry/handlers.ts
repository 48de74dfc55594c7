import type { entryMethods } from '../../shared/api/entry';
import { ok } from '../../shared/api/result';
import { commitBallot, finishPass, openPass } from './ballot-entry';
import { boardsOf } from './board';
import { createBox, removeBox, sendBack, setExpected } from './box-setup';
import { audit, type ServiceContext } from '../platform/context';
import { passBallots, voidBallot } from './corrections';
import type { Handlers } from '../platform/dispatch';
import { finishEntry, overview, projectedKey, projectedRound } from './overview';
import { roundContext } from './round';
import { comparison, resolve } from './reconcile';
import { reopenBox } from './reopen';
import { notFound } from '../platform/lookup';

/** 录入: the tellers' passes, the 监票人's boxes and reconciliation, and the projector's board. */
export function entryHandlers(ctx: ServiceContext): Handlers<typeof entryMethods> {
  const { store } = ctx;
  return {
    'entry.overview': ({ electionId }) => overview(store, electionId),
    'entry.createBox': (input, session) => createBox(ctx, session, input),
    'entry.setExpected': (input, session) => setExpected(ctx, session, input),
    'entry.removeBox': ({ boxId }, session) => removeBox(ctx, session, boxId),
    'entry.open': ({ boxId }, session) => openPass(ctx, session, boxId),
    'entry.commit': (input, session) => commitBallot(ctx, session, input),
    'entry.ballots': (input, session) => passBallots(store, session, input),
    'entry.void': (input, session) => voidBallot(ctx, session, input),
    'entry.finishPass': ({ boxId }, session) => finishPass(ctx, session, boxId),
    'entry.sendBack': (input, session) => sendBack(ctx, session, input),
    'entry.reopenBox': (input, session) => reopenBox(ctx, session, input),
    'entry.differences': ({ boxId }) => comparison(store, boxId),
    'entry.resolve': (input, session) => resolve(ctx, session, input),
    'entry.finish': ({ roundId }, session) => finishEntry(ctx, session, roundId),

    'entry.board': ({ roundId }) => {
      const id = roundId ?? projectedRound(store);
      const context = id === null ? undefined : roundContext(store, id);
      return ok(context ? boardsOf(store).board(context) : null);
    },

    'entry.project': ({ roundId }, session) => {
      if (roundId !== null && !roundContext(store, roundId)) {
        return notFound('roundId');
      }
      store.transaction(() => {
        store.settings.set(projectedKey, roundId);
        audit(ctx, session, 'projector.board', { roundId });
      });
      return ok({ roundId });
    },
  };
}
