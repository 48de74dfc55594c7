import type { Store } from '../db/store';
import { fail, ok, type Result } from '../shared/api/result';
import { currentCongress } from '../core/platform/congress-rules';
import type { PrintoutRequest } from '../core/reports/handlers';
import { idOption, type Args } from './args';

/**
 * The results step's reports for `report`: the 计票结果报告单 of every counted round of an
 * election, its 当选名单, and the congress's 选举结果汇总 (of --election's congress, --congress,
 * or the current one).
 */
export const resultReportKinds = {
  'result-sheet': {
    options: '--election <编号>',
    request: (store: Store, args: Args) =>
      electionRequest(store, args, '计票结果报告单', (electionId) => ({
        kind: 'result-sheet',
        electionId,
      })),
  },
  'elected-list': {
    options: '--election <编号>',
    request: (store: Store, args: Args) =>
      electionRequest(store, args, '当选名单', (electionId) => ({
        kind: 'elected-list',
        electionId,
      })),
  },
  summary: { options: '[--election <编号> | --congress <编号>]', request: summaryRequest },
};

function electionRequest(
  store: Store,
  args: Args,
  what: string,
  request: (electionId: number) => PrintoutRequest,
): Result<PrintoutRequest> {
  const electionId = idOption(args, '--election');
  if (electionId === null) return fail('invalid-argument', `打印${what}需要参数 --election <编号>`);
  if (typeof electionId === 'object') return fail('invalid-argument', electionId.error);
  if (!store.elections.byId(electionId)) {
    return fail('not-found', `数据库中没有编号为 ${electionId} 的选举事项`);
  }
  return ok(request(electionId));
}

function summaryRequest(store: Store, args: Args): Result<PrintoutRequest> {
  const electionId = idOption(args, '--election');
  const congressId = idOption(args, '--congress');
  for (const given of [electionId, congressId]) {
    if (given !== null && typeof given === 'object') return fail('invalid-argument', given.error);
  }
  if (typeof electionId === 'number') {
    const election = store.elections.byId(electionId);
    if (!election) return fail('not-found', `数据库中没有编号为 ${electionId} 的选举事项`);
    return ok({ kind: 'summary', congressId: election.congressId });
  }
  const congress =
    typeof congressId === 'number' ? store.congresses.byId(congressId) : currentCongress(store);
  if (!congress) {
    return fail(
      'not-found',
      typeof congressId === 'number'
        ? `数据库中没有编号为 ${congressId} 的大会`
        : '数据库中还没有大会',
    );
  }
  return ok({ kind: 'summary', congressId: congress.id });
}
