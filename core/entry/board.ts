import type { Store } from '../../db/store';
import type { TallyBoard } from '../../shared/api/entry';
import { engineBallot, type StoredBallot } from '../../shared/domain/paper-ballot';
import { createCounter, type Counter } from '../../shared/tally';
import { contentOf } from './differences';
import type { RoundContext } from './round';

interface LiveBoard {
  /** What the counter was built for; a different one means it is rebuilt. */
  signature: string;
  context: RoundContext;
  counter: Counter;
  entered: number;
  version: number;
}

/**
 * The live tally boards, one engine counter per round, kept in memory and changed by one ballot
 * at a time as the entry service commits, voids and reconciles (O(1) per ballot). A board is built
 * from the file once, when first asked for; every ballot change goes through the entry service,
 * which keeps it current.
 */
export interface Boards {
  board(context: RoundContext): TallyBoard;
  /** After a change to a box's first pass has committed: the ballot now standing or gone. */
  added(context: RoundContext, ballot: StoredBallot): void;
  removed(context: RoundContext, ballot: StoredBallot): void;
}

function signatureOf(context: RoundContext): string {
  const { candidates, limit, writeInWithoutMark } = context.record;
  return JSON.stringify([candidates, limit, writeInWithoutMark]);
}

const byStore = new WeakMap<Store, Boards>();

/** The boards of one open file: every service on that store shares them. */
export function boardsOf(store: Store): Boards {
  let boards = byStore.get(store);
  if (!boards) {
    boards = createBoards(store);
    byStore.set(store, boards);
  }
  return boards;
}

function createBoards(store: Store): Boards {
  const boards = new Map<number, LiveBoard>();
  let versions = 0;

  const build = (context: RoundContext): LiveBoard => {
    const { candidates, limit, writeInWithoutMark } = context.record;
    const counter = createCounter(candidates, limit, { writeInWithoutMark });
    let entered = 0;
    store.read(() => {
      for (const box of store.ballots.boxesOf(context.round.id)) {
        const first = store.ballots.passOf(box.id, 1);
        if (!first) continue;
        for (const ballot of store.ballots.live(first.id)) {
          counter.add(engineBallot(context.reader, contentOf(ballot)));
          entered += 1;
        }
      }
    });
    return { signature: signatureOf(context), context, counter, entered, version: ++versions };
  };

  /** The round's board, built or rebuilt when missing or made for another ballot paper. */
  const current = (context: RoundContext): LiveBoard => {
    const known = boards.get(context.round.id);
    if (known && known.signature === signatureOf(context)) return known;
    const fresh = build(context);
    boards.set(context.round.id, fresh);
    return fresh;
  };

  const change = (context: RoundContext, ballot: StoredBallot, weight: 1 | -1) => {
    const known = boards.get(context.round.id);
    // Not built yet: it will be read from the file, this ballot included, when first asked for.
    if (!known) return;
    if (known.signature !== signatureOf(context)) {
      boards.delete(context.round.id);
      return;
    }
    const engine = engineBallot(context.reader, ballot);
    if (weight === 1) known.counter.add(engine);
    else known.counter.remove(engine);
    known.entered += weight;
    known.version = ++versions;
  };

  return {
    board(context) {
      const live = current(context);
      const counts = live.counter.counts();
      const boxes = store.ballots.boxesOf(context.round.id);
      return {
        roundId: context.round.id,
        title: context.election.title,
        kind: context.round.kind,
        state: context.round.state,
        version: live.version,
        candidates: counts.candidates.map((c) => ({ name: c.name, for: c.for })),
        writeIns: counts.writeIns,
        entered: live.entered,
        valid: counts.valid,
        invalid: counts.invalid,
        returned: context.round.returned,
        provisional:
          context.election.doubleEntry && boxes.some((box) => box.state !== 'reconciled'),
      };
    },
    added: (context, ballot) => change(context, ballot, 1),
    removed: (context, ballot) => change(context, ballot, -1),
  };
}
