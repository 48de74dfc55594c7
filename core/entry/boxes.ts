import type { Box } from '../../db/ballots';
import type { Store } from '../../db/store';
import { boxCounts, nextBoxState, type BoxEvent } from '../../shared/domain/boxes';
import type { BoxRecord, PassRecord } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import { boxEventWords, boxStatePhrase } from '../../shared/strings/entry';
import { roundContext, type RoundContext } from './round';
import { unresolvedCount } from './differences';
import { notFound } from '../platform/lookup';

/** A box with its round, found by id. */
export interface BoxInRound {
  box: Box;
  context: RoundContext;
}

export function findBox(store: Store, boxId: number): Result<BoxInRound> {
  const box = store.ballots.boxById(boxId);
  const context = box && roundContext(store, box.roundId);
  if (!box || !context) return notFound('boxId');
  return ok({ box, context });
}

/** `act` on the box, found in the change's transaction (a failed Result rolls it back). */
export function withBox<T>(
  store: Store,
  boxId: number,
  act: (found: BoxInRound) => Result<T>,
): Result<T> {
  return store.transaction((): Result<T> => {
    const found = findBox(store, boxId);
    return found.ok ? act(found.value) : found;
  });
}

/**
 * Moves the box along shared/domain/boxes.ts's machine (call inside the change's transaction), or says
 * why the machine does not allow it from where the box is.
 */
export function moveBox(store: Store, found: BoxInRound, event: BoxEvent): Result<Box> {
  const { box, context } = found;
  const doubleEntry = context.election.doubleEntry;
  const to = nextBoxState(box.state, event, doubleEntry);
  if (to === undefined) {
    if (!doubleEntry && (event === 'start-second' || event === 'finish-second')) {
      return fail('invalid-state', `“${context.election.title}”不设双人录入，没有第二遍录入`);
    }
    return fail(
      'invalid-state',
      `票箱“${box.label}”${boxStatePhrase(box.state, doubleEntry)}，不能${boxEventWords[event]}`,
    );
  }
  const moved = store.ballots.setBoxState(box.id, to);
  if (!moved) throw new Error(`box ${box.id} vanished inside its transaction`);
  return ok(moved);
}

function passRecords(store: Store, box: Box): PassRecord[] {
  return ([1, 2] as const).flatMap((n) => {
    const pass = store.ballots.passOf(box.id, n);
    if (!pass) return [];
    return [
      {
        pass: n,
        tellerId: pass.tellerId,
        tellerName: store.people.byId(pass.tellerId)?.name ?? `人员 ${pass.tellerId}`,
        live: store.ballots.passStatus(pass.id).live,
        done: pass.done,
      },
    ];
  });
}

export function boxRecord(store: Store, box: Box, doubleEntry: boolean): BoxRecord {
  return {
    id: box.id,
    roundId: box.roundId,
    label: box.label,
    expected: box.expected,
    state: box.state,
    passes: passRecords(store, box),
    counts: boxCounts(box.state, doubleEntry),
    unresolved: box.state === 'comparing' ? unresolvedCount(store, box) : null,
  };
}

/** The most any pass of the box holds: its hand count may not go below it. */
export function mostEntered(store: Store, box: Box): number {
  return Math.max(0, ...passRecords(store, box).map((p) => p.live));
}
