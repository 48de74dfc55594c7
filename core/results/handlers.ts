import { ok, type Result } from '../../shared/api/result';
import type { RoundResults, resultsMethods } from '../../shared/api/results';
import type { AnnounceMethod } from '../announce/handlers';
import { backupAfterCertification } from '../export/backup/handlers';
import { printCertifiedReports } from '../export/package/report-pdfs';
import { certify, recount, unlock } from './certify';
import { confirmEligibility } from './eligibility';
import type { ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { electionResults } from './election-results';
import { openFormal } from './formal';
import { reduceSeats, setSupplementary } from './follow-up';
import { notReady, roundResults } from './round-results';
import { isTallied, tallyOf } from './tally-input';
import { locate, located, notFound, type Located } from '../platform/lookup';

/** 计票结果: the tally, its follow-ups and certification (the announcement is core/announce/). */
export function resultsHandlers(
  ctx: ServiceContext,
): Handlers<Omit<typeof resultsMethods, AnnounceMethod>> {
  const { store } = ctx;
  return {
    'results.overview': ({ electionId }) => {
      const election = store.elections.byId(electionId);
      const congress = election && store.congresses.byId(election.congressId);
      if (!election || !congress) {
        return notFound('electionId');
      }
      const rounds = store.elections.roundsOf(election.id);
      return ok(store.read(() => electionResults(store, { election, congress, rounds })));
    },

    'results.round': ({ roundId }) =>
      located(ctx.store, roundId, (at) =>
        ok(
          isTallied(at.round)
            ? { ready: true as const, results: current(ctx, at) }
            : { ready: false as const, ...notReady(ctx.store, at) },
        ),
      ),

    'results.confirmEligibility': (input, session) => confirmEligibility(ctx, session, input),
    'results.certify': async (input, session) => {
      const certified = await certify(ctx, session, input);
      if (!certified.ok) return certified;
      // A copy of the database with the certified result, before anything else happens.
      await backupAfterCertification(ctx);
      // The package's reports, printed once here for every later export.
      const congressId = locate(store, input.roundId)?.congress.id;
      if (congressId !== undefined) await printCertifiedReports(ctx, congressId);
      return certified;
    },
    'results.unlock': (input, session) => unlock(ctx, session, input),
    'results.recount': (input, session) => recount(ctx, session, input),

    'results.supplementary': ({ roundId, ...request }, session) =>
      located(ctx.store, roundId, (at) => {
        const done = setSupplementary(ctx, session, at, request);
        return done.ok ? reread(ctx, roundId) : done;
      }),

    'results.openFormal': ({ roundId }, session) =>
      located(ctx.store, roundId, (at) => {
        const done = openFormal(ctx, session, at);
        return done.ok ? reread(ctx, roundId) : done;
      }),

    'results.reduceSeats': ({ roundId, ...request }, session) =>
      located(ctx.store, roundId, (at) => {
        const done = reduceSeats(ctx, session, at, request);
        return done.ok ? reread(ctx, roundId) : done;
      }),
  };
}

/** The round's results as they stand now, read on one state of the file. */
function current(ctx: ServiceContext, at: Located): RoundResults {
  return ctx.store.read(() => roundResults(ctx.store, at, tallyOf(ctx.store, at)));
}

function reread(ctx: ServiceContext, roundId: number): Result<RoundResults> {
  const at = locate(ctx.store, roundId);
  if (!at) throw new Error(`round ${roundId} vanished after a change`);
  return ok(current(ctx, at));
}
