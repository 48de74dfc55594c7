import type { Round } from '../../db/elections';
import type { IssuanceRound, issuanceMethods } from '../../shared/api/issuance';
import { fail, ok, type Result } from '../../shared/api/result';
import { roundLabel } from '../../shared/strings/issuance';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { located, notFound, type Located } from '../platform/lookup';
import { numbered } from '../platform/round-number';
import { moveRound } from '../platform/round-state';
import { clock } from '../../shared/strings/time';
import { countsAttendance, validityOf } from '../checkin/validity';
import { correctCounts } from './correct';
import { issuanceRound, reread } from './view';

/*
 * 发票 and 收回, by the scrutineers (issuanceRoles). The round's state moves as shared/domain/rounds.ts
 * allows and nothing else:
 * - issuing needs the round `printed`: draft → voting is no transition, and a ballot that was
 *   never printed from the approved slate must not reach the voters. A re-vote is a new round
 *   (same kind, seats and candidates, parent = the void round) whose ballots are printed anew;
 * - printed → voting when the ballots are issued, with 应到 and 实到 frozen into the round;
 * - voting → counting when returned ≤ issued is recorded; → void at once when returned > issued.
 */

export function issuanceHandlers(ctx: ServiceContext): Handlers<typeof issuanceMethods> {
  const { store } = ctx;
  return {
    'issuance.list': ({ congressId }) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) {
        return notFound('congressId');
      }
      return ok(
        store.read(() => {
          const counts = store.delegates.counts(congress.id);
          const { entitled, present } = counts;
          return {
            congressId: congress.id,
            live: {
              entitled,
              present,
              validity: validityOf(congress, { ...counts, returned: null }),
            },
            elections: store.elections.listByCongress(congress.id).map((election) => {
              const rounds = store.elections.roundsOf(election.id);
              return {
                id: election.id,
                title: election.title,
                seats: election.seats,
                rounds: rounds.map((round) =>
                  issuanceRound(store, { round, election, congress, rounds }),
                ),
              };
            }),
          };
        }),
      );
    },

    'issuance.issue': ({ roundId, issued, reason }, session) =>
      located(store, roundId, (at) => issue(ctx, session, at, issued, reason ?? '')),

    'issuance.return': ({ roundId, returned, confirmVoid }, session) =>
      located(store, roundId, (at) => collect(ctx, session, at, returned, confirmVoid === true)),

    'issuance.revote': ({ roundId }, session) =>
      located(store, roundId, (at) => revote(ctx, session, at)),

    'issuance.correct': ({ roundId, ...correction }, session) =>
      located(store, roundId, (at) => correctCounts(ctx, session, at, correction)),
  };
}

/**
 * 发票. Freezes 应到 and 实到 into the round: whoever arrives or leaves later does not change the
 * quorum of ballots already in the voters' hands.
 */
function issue(
  ctx: ServiceContext,
  actor: Actor,
  at: Located,
  issued: number,
  reason: string,
): Result<IssuanceRound> {
  const { store } = ctx;
  const { round, election, congress } = at;
  const refused = notIssuable(at);
  if (refused) return fail('invalid-state', refused, { field: 'roundId' });
  const counts = store.delegates.counts(congress.id);
  const byAttendance = countsAttendance(congress);
  if (byAttendance) {
    const validity = validityOf(congress, { ...counts, returned: null });
    if (validity.met !== true) {
      return fail(
        'invalid-state',
        `${validity.text}，不能发票。请先核实报到情况（${validity.rule}）`,
      );
    }
    if (issued !== counts.present && reason === '') {
      return fail(
        'invalid-argument',
        `发出选票 ${issued} 张与实到 ${counts.present} 人不一致，请说明原因（如：某代表选票污损后换发）`,
        { field: 'reason' },
      );
    }
  }
  const present = byAttendance ? counts.present : null;
  store.transaction(() => {
    store.elections.recordIssued(round.id, { entitled: counts.entitled, present, issued });
    moveRound(store, round, { to: 'voting' });
    audit(ctx, actor, 'round.issue', {
      roundId: round.id,
      electionId: election.id,
      title: election.title,
      entitled: counts.entitled,
      present,
      issued,
      reason: reason === '' ? null : reason,
    });
  });
  return ok(reread(store, at));
}

function notIssuable({ round, election, rounds }: Located): string | undefined {
  const name = `“${election.title}”${roundLabel(numbered(round, rounds))}`;
  switch (round.state) {
    case 'printed':
      return undefined;
    case 'draft':
      return `${name}的选票尚未印制，不能发票：请管理员先在“设置”中印制本轮选票`;
    case 'void':
      return `${name}已作废，不能发票`;
    default:
      return `${name}已于 ${clock(round.issuedAt ?? '')} 发出选票 ${round.issued ?? 0} 张，不能重复登记`;
  }
}

/**
 * 收回. Not more than issued: on to counting. More than issued: the round is void at once
 * (重新选举) — but only once the scrutineers have confirmed the count, since a slip of the finger
 * here cannot be taken back.
 */
function collect(
  ctx: ServiceContext,
  actor: Actor,
  at: Located,
  returned: number,
  confirmVoid: boolean,
): Result<IssuanceRound> {
  const { store } = ctx;
  const { round, election, rounds } = at;
  const name = `“${election.title}”${roundLabel(numbered(round, rounds))}`;
  if (round.state !== 'voting' || round.issued === null) {
    return fail('invalid-state', notCollectable(name, round), { field: 'roundId' });
  }
  const issued = round.issued;
  const payload = { roundId: round.id, electionId: election.id, title: election.title, issued };
  if (returned > issued) {
    const reason = `收回选票 ${returned} 张，多于发出的 ${issued} 张，本轮选举无效，应重新选举`;
    if (!confirmVoid) {
      return fail('invalid-state', `${name}${reason}。请再次清点核对；确认后本轮作废，不能撤回`, {
        field: 'confirmVoid',
      });
    }
    store.transaction(() => {
      store.elections.recordReturned(round.id, returned);
      moveRound(store, round, { to: 'void', reason });
      audit(ctx, actor, 'round.return', { ...payload, returned });
      audit(ctx, actor, 'round.void', { ...payload, returned, reason });
    });
    return ok(reread(store, at));
  }
  store.transaction(() => {
    store.elections.recordReturned(round.id, returned);
    moveRound(store, round, { to: 'counting' });
    audit(ctx, actor, 'round.return', { ...payload, returned });
  });
  return ok(reread(store, at));
}

function notCollectable(name: string, round: Round): string {
  if (round.state === 'void') return `${name}已作废，不能登记收回选票`;
  if (round.issued === null) return `${name}尚未发票，不能登记收回选票`;
  return `${name}已于 ${clock(round.returnedAt ?? '')} 登记收回选票 ${round.returned ?? 0} 张，不能重复登记`;
}

/** 重新选举: the void round again, as a new round after it, whose ballots are printed anew. */
function revote(ctx: ServiceContext, actor: Actor, at: Located): Result<IssuanceRound> {
  const { store } = ctx;
  const { round, election, rounds } = at;
  const name = `“${election.title}”${roundLabel(numbered(round, rounds))}`;
  if (round.state !== 'void') {
    return fail('invalid-state', `${name}没有作废，不需要重新选举`, { field: 'roundId' });
  }
  const opened = rounds.find((r) => r.parentRoundId === round.id);
  if (opened) {
    const again = roundLabel(numbered(opened, rounds));
    return fail('conflict', `${name}已开启重新选举（${again}），不能重复开启`);
  }
  const created = store.transaction(() => {
    const next = store.elections.createRound({
      electionId: election.id,
      kind: round.kind,
      seats: round.seats,
      formalCandidates: round.formalCandidates,
      parentRoundId: round.id,
    });
    const candidates = store.elections.candidatesOf(round.id);
    store.elections.replaceCandidates(
      next.id,
      candidates.map(({ name: candidate, note }) => ({ name: candidate, note })),
    );
    audit(ctx, actor, 'round.revote', {
      roundId: next.id,
      voidRoundId: round.id,
      electionId: election.id,
      title: election.title,
      candidates: candidates.map((c) => c.name),
    });
    return next;
  });
  return ok(reread(store, { ...at, round: created }));
}
