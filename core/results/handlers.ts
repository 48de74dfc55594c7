import { Buffer } from 'node:buffer';
import { fail, ok, type Result } from '../../shared/api/result';
import type { RoundResults, resultsMethods } from '../../shared/api/results';
import { announce, announcement } from './announcement';
import { backupAfterCertification } from '../export/backup/handlers';
import { certify, confirmEligibility, recount, unlock } from './certify';
import type { ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { electionResults } from './election-results';
import { reduceSeats, setSupplementary } from './follow-up';
import { printPrintout } from '../reports/handlers';
import { notReady, roundResults } from './round-results';
import { isTallied, locate, tallyOf, type Located } from './tally-input';

/** 计票结果 and 宣布: the tally, its follow-ups, certification, the announcement and the sheets. */
export function resultsHandlers(ctx: ServiceContext): Handlers<typeof resultsMethods> {
  const { store } = ctx;
  return {
    'results.overview': ({ electionId }) => {
      const election = store.elections.byId(electionId);
      const congress = election && store.congresses.byId(election.congressId);
      if (!election || !congress) {
        return fail('not-found', '没有这个选举事项，请刷新后重试', { field: 'electionId' });
      }
      const rounds = store.elections.roundsOf(election.id);
      return ok(store.read(() => electionResults(store, { election, congress, rounds })));
    },

    'results.round': ({ roundId }) =>
      located(ctx, roundId, (at) =>
        ok(
          isTallied(at.round)
            ? { ready: true as const, results: current(ctx, at) }
            : { ready: false as const, ...notReady(ctx.store, at) },
        ),
      ),

    'results.confirmEligibility': (input, session) => confirmEligibility(ctx, session, input),
    'results.certify': async (input, session) => {
      const certified = await certify(ctx, session, input);
      // A copy of the database with the certified result, before anything else happens.
      if (certified.ok) await backupAfterCertification(ctx);
      return certified;
    },
    'results.unlock': (input, session) => unlock(ctx, session, input),
    'results.recount': (input, session) => recount(ctx, session, input),

    'results.supplementary': ({ roundId, ...request }, session) =>
      located(ctx, roundId, (at) => {
        const done = setSupplementary(ctx, session, at, request);
        return done.ok ? reread(ctx, roundId) : done;
      }),

    'results.reduceSeats': ({ roundId, ...request }, session) =>
      located(ctx, roundId, (at) => {
        const done = reduceSeats(ctx, session, at, request);
        return done.ok ? reread(ctx, roundId) : done;
      }),

    'results.announce': ({ roundId }, session) => announce(ctx, session, roundId),
    'results.announcement': () => ok(store.read(() => announcement(store))),

    'results.pdf': async (request, session) => {
      const printed = await printPrintout(store, session, ctx.printPdf, request);
      if (!printed.ok) return printed;
      const { built, pdf } = printed.value;
      return ok({
        title: built.report.title,
        fileName: built.fileName,
        pdf: Buffer.from(pdf).toString('base64'),
        roundState: null,
      });
    },
  };
}

function located<T>(ctx: ServiceContext, roundId: number, act: (at: Located) => Result<T>) {
  const at = locate(ctx.store, roundId);
  if (!at) return fail('not-found', '没有这个选举轮次，请刷新后重试', { field: 'roundId' });
  return act(at);
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
