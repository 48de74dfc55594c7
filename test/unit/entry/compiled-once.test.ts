import { afterEach, describe, expect, it } from 'vitest';
import { ballot, entryHarness, openBox } from './fixture';

/*
 * SQLite recompiles a statement at every new binding where its plan could weigh the bound value
 * (better-sqlite3 builds it with STAT4), and better-sqlite3 then builds the statement's row
 * constructor again with `Function`. Counting those calls over many commits shows whether a
 * statement on Enter's path that returns rows is recompiled each time; it was, for one, before.
 */

const realFunction = globalThis.Function;

afterEach(() => {
  globalThis.Function = realFunction;
});

/** Runs `work` and returns the source of every function built with `Function` meanwhile. */
function functionsBuiltDuring(work: () => void): string[] {
  const built: string[] = [];
  globalThis.Function = new Proxy(realFunction, {
    apply(target, self, args: unknown[]) {
      built.push(String(args.at(-1)));
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  try {
    work();
  } finally {
    globalThis.Function = realFunction;
  }
  return built;
}

describe("Enter's statements", () => {
  it('are compiled once, not again at every commit', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 60);
    const commit = (seq: number) => {
      const marks = seq % 2 === 0 ? 'OOOOOOOXX--' : 'OXOXOXOXO-O';
      const answer = h.services.dispatch.now(
        'entry.commit',
        { boxId, seq, ballot: ballot(marks) },
        h.tellerA.token,
      );
      if (!answer.ok) throw new Error(answer.error.message);
    };
    // The first commits compile every statement once and build their row constructors.
    for (let seq = 1; seq <= 5; seq += 1) commit(seq);

    const built = functionsBuiltDuring(() => {
      for (let seq = 6; seq <= 55; seq += 1) commit(seq);
    });

    expect(built).toEqual([]);
  });

  it('would be caught if one were compiled again', async () => {
    // The detector itself: the pass's last seq as it was bound before (plainly, ORDER BY on a
    // table with partial indexes) is compiled again after each commit, and shows up each time.
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 20);
    const passId = h.store.ballots.passOf(boxId, 1)?.id ?? 0;
    const recompiled = h.store.db.prepare<[number], { seq: number }>(
      'SELECT seq FROM ballot WHERE pass_id = ? ORDER BY seq DESC LIMIT 1',
    );
    const commitAndRead = (seq: number) => {
      h.services.dispatch.now(
        'entry.commit',
        { boxId, seq, ballot: ballot('OOOOOOOXX--') },
        h.tellerA.token,
      );
      recompiled.get(passId);
    };
    for (let seq = 1; seq <= 5; seq += 1) commitAndRead(seq);
    const built = functionsBuiltDuring(() => {
      for (let seq = 6; seq <= 15; seq += 1) commitAndRead(seq);
    });
    expect(built).toEqual(Array(10).fill('return (v0) => ({"seq":v0})'));
  });
});
