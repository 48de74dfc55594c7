import type { IssuanceRound } from '../../shared/api/issuance';
import { fail, ok, type Result } from '../../shared/api/result';
import { roundLabel } from '../../shared/strings/issuance';
import { roundStatePhrases } from '../../shared/strings/setup';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import type { Located } from '../platform/lookup';
import { numbered } from '../platform/round-number';
import { moveRound } from '../platform/round-state';
import { reread } from './view';

export interface CountsCorrection {
  issued?: number | undefined;
  returned?: number | undefined;
  reason: string;
  confirmVoid?: boolean | undefined;
}

/*
 * 更正发出、收回张数 typed wrong at the desk. A scrutineer may correct them while the round is
 * voting or being counted; once entry is closed the tally rests on them, so the round must first
 * be sent back to counting (退回重新计票) or its certification lifted. A correction that leaves
 * more ballots returned than issued voids the round under the rules, so it needs the
 * scrutineers' confirmation, as at 收回.
 */
export function correctCounts(
  ctx: ServiceContext,
  actor: Actor,
  at: Located,
  correction: CountsCorrection,
): Result<IssuanceRound> {
  const { store } = ctx;
  const { round, election, rounds } = at;
  const name = `“${election.title}”${roundLabel(numbered(round, rounds))}`;
  const refused = notCorrectable(at, name, correction);
  if (refused) return refused;
  const before = { issued: round.issued, returned: round.returned };
  const issued = correction.issued ?? round.issued ?? 0;
  const returned = correction.returned ?? round.returned;
  if (issued === before.issued && returned === before.returned) {
    return fail('invalid-argument', `${name}的张数与原登记相同，没有要更正的内容`, {
      field: correction.returned === undefined ? 'issued' : 'returned',
    });
  }
  const after = { issued, returned };
  const payload = { roundId: round.id, electionId: election.id, title: election.title };
  const voids = returned !== null && returned > issued;
  if (voids && correction.confirmVoid !== true) {
    return fail(
      'invalid-state',
      `更正后收回选票 ${returned} 张，多于发出的 ${issued} 张：按规定${name}选举无效，须重新选举。` +
        '请再次清点核对；确认后本轮作废，不能撤回',
      { field: 'confirmVoid' },
    );
  }
  store.transaction(() => {
    store.elections.correctCounts(round.id, after);
    audit(ctx, actor, 'round.correctCounts', {
      ...payload,
      before,
      after,
      reason: correction.reason,
    });
    if (voids) {
      const reason = `更正后收回选票 ${returned} 张，多于发出的 ${issued} 张，本轮选举无效，应重新选举`;
      moveRound(store, round, { to: 'void', reason });
      audit(ctx, actor, 'round.void', { ...payload, ...after, reason });
    }
  });
  return ok(reread(store, at));
}

function notCorrectable(
  { round }: Located,
  name: string,
  correction: CountsCorrection,
): Result<never> | undefined {
  if (correction.issued === undefined && correction.returned === undefined) {
    return fail('invalid-argument', '请填写更正后的发出或收回张数', { field: 'issued' });
  }
  switch (round.state) {
    case 'voting':
      if (correction.returned !== undefined) {
        return fail('invalid-state', `${name}尚未登记收回选票，请在“收回”一栏登记，不用更正`, {
          field: 'returned',
        });
      }
      return undefined;
    case 'counting':
      return undefined;
    case 'counted':
      return fail(
        'invalid-state',
        `${name}录入已结束，计票结果依据这些张数：须先由总监票人在“计票结果”中退回重新计票，才能更正`,
        { field: 'roundId' },
      );
    case 'certified':
      return fail('invalid-state', `${name}结果已签核：须先由总监票人解锁重核，才能更正张数`, {
        field: 'roundId',
      });
    default:
      return fail(
        'invalid-state',
        `${name}${roundStatePhrases[round.state]}，没有可更正的发出、收回张数`,
        { field: 'roundId' },
      );
  }
}
