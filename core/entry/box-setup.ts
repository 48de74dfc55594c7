import type { BoxRecord } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import { boxStatePhrase } from '../../shared/strings/entry';
import { boxRecord, moveBox, mostEntered, withBox } from './boxes';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { roundContext, whileCounting } from './round';
import { notFound } from '../platform/lookup';

/** The 监票人's part of entry: boxes with their hand counts, and sending a box back. */

export function createBox(
  ctx: ServiceContext,
  actor: Actor,
  input: { roundId: number; label: string; expected: number },
): Result<BoxRecord> {
  const { store } = ctx;
  return store.transaction((): Result<BoxRecord> => {
    const context = roundContext(store, input.roundId);
    if (!context) return notFound('roundId');
    const counting = whileCounting(context);
    if (!counting.ok) return counting;
    const taken = store.ballots.boxesOf(input.roundId).some((b) => b.label === input.label);
    if (taken) {
      return fail('conflict', `本轮已有名为“${input.label}”的票箱，请换一个名称`, {
        field: 'label',
      });
    }
    const box = store.ballots.createBox(input.roundId, {
      label: input.label,
      expected: input.expected,
    });
    audit(ctx, actor, 'box.create', { ...box });
    return ok(boxRecord(store, box, context.election.doubleEntry));
  });
}

/** A corrected hand count: while the first pass is open, and never below what a pass holds. */
export function setExpected(
  ctx: ServiceContext,
  actor: Actor,
  input: { boxId: number; expected: number },
): Result<BoxRecord> {
  const { store } = ctx;
  return withBox(store, input.boxId, ({ box, context }) => {
    const counting = whileCounting(context);
    if (!counting.ok) return counting;
    const doubleEntry = context.election.doubleEntry;
    if (box.state !== 'entering') {
      return fail(
        'invalid-state',
        `票箱“${box.label}”${boxStatePhrase(box.state, doubleEntry)}，张数不能再改；如清点有误，请先退回更正`,
      );
    }
    const entered = mostEntered(store, box);
    if (input.expected < entered) {
      return fail(
        'conflict',
        `票箱“${box.label}”已录入 ${entered} 张，张数不能少于 ${entered}；多录的选票请先作废`,
        { field: 'expected' },
      );
    }
    const updated = store.ballots.setBoxExpected(box.id, input.expected) ?? box;
    audit(ctx, actor, 'box.expected', {
      boxId: box.id,
      before: box.expected,
      after: input.expected,
    });
    return ok(boxRecord(store, updated, doubleEntry));
  });
}

/** Only a box created by mistake: once a ballot went into it, it is part of the record. */
export function removeBox(ctx: ServiceContext, actor: Actor, boxId: number): Result<null> {
  const { store } = ctx;
  return withBox(store, boxId, ({ box, context }) => {
    const counting = whileCounting(context);
    if (!counting.ok) return counting;
    if (store.ballots.boxBallotCount(box.id) > 0) {
      return fail(
        'invalid-state',
        `票箱“${box.label}”已录入过选票，不能删除（录入记录须完整保留）；张数有误请更正张数`,
      );
    }
    store.ballots.removeEmptyBox(box.id);
    audit(ctx, actor, 'box.remove', { ...box });
    return ok(null);
  });
}

/** Back to the first teller for a correction, before the two passes are compared. */
export function sendBack(
  ctx: ServiceContext,
  actor: Actor,
  input: { boxId: number; reason: string },
): Result<BoxRecord> {
  const { store } = ctx;
  return withBox(store, input.boxId, (found) => {
    const counting = whileCounting(found.context);
    if (!counting.ok) return counting;
    const moved = moveBox(store, found, 'send-back');
    if (!moved.ok) return moved;
    const first = store.ballots.passOf(input.boxId, 1);
    if (first) store.ballots.setPassDone(first.id, false);
    audit(ctx, actor, 'box.send-back', {
      boxId: input.boxId,
      from: found.box.state,
      reason: input.reason,
    });
    return ok(boxRecord(store, moved.value, found.context.election.doubleEntry));
  });
}
