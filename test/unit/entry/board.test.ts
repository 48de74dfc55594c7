import { describe, expect, it } from 'vitest';
import type { TallyBoard } from '../../../shared/api/entry';
import { ballotReader, engineBallot } from '../../../shared/domain/paper-ballot';
import { tallyRound, type RoundResult } from '../../../shared/tally';
import { seeded } from '../db/fixtures';
import { ballot, entryHarness, nineOfEleven, openBox, openHarness, type Seeded } from './fixture';

const roster = ['周涛', '欧阳明', '丁建国', '孙丽'];

/** A random ballot: mostly valid, some over-votes, write-ins and rejected ones. */
function randomBallot(random: () => number) {
  if (random() < 0.06) return ballot('-----------', { declaredInvalid: '无法辨认' });
  const marks = nineOfEleven
    .map(() => {
      const r = random();
      return r < 0.7 ? 'O' : r < 0.85 ? 'X' : r < 0.97 ? '-' : '?';
    })
    .join('');
  const writeIns =
    random() < 0.15
      ? [
          {
            name: roster[Math.floor(random() * roster.length)] ?? '周涛',
            mark: random() < 0.8 ? ('O' as const) : ('-' as const),
          },
        ]
      : [];
  return ballot(marks, { writeIns });
}

/** The engine's full tally over the ballots the store says count. */
function tallied(h: Seeded): RoundResult {
  const reader = ballotReader(nineOfEleven, 9, {
    writeInWithoutMark: 'ignore',
    preliminary: false,
  });
  const ballots = h.store.read(() => [...h.store.ballots.counted(h.round.id)]);
  return tallyRound({
    profile: 'party-grassroots',
    round: 'formal',
    office: 'committee',
    seats: 9,
    candidates: nineOfEleven,
    electorate: { entitled: 60, present: 60 },
    issued: 60,
    returned: ballots.length,
    ballots: ballots.map((b) => ({ ...engineBallot(reader, b), n: 1 })),
  });
}

function countsOf(board: TallyBoard) {
  return {
    valid: board.valid,
    invalid: board.invalid,
    candidates: board.candidates,
    writeIns: [...board.writeIns].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function engineCounts(result: RoundResult) {
  return {
    valid: result.ballots.valid,
    invalid: result.ballots.invalid,
    candidates: result.results.filter((r) => !r.writeIn).map((r) => ({ name: r.name, for: r.for })),
    writeIns: result.results
      .filter((r) => r.writeIn)
      .map((r) => ({ name: r.name, for: r.for }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The board of a round, which must be there. */
async function boardOf(h: Pick<Seeded, 'must'>, roundId: number): Promise<TallyBoard> {
  const board = await h.must('entry.board', { roundId }, '');
  if (!board) throw new Error(`round ${roundId} has no board`);
  return board;
}

describe('the live tally board', () => {
  it('equals the engine’s tally of the counted ballots through commits, voids and re-entries', async () => {
    const h = await entryHarness({ returned: 50 });
    const random = seeded(20250618);
    const board = () => boardOf(h, h.round.id);
    expect((await board()).entered).toBe(0);

    const boxes = [await openBox(h, '一号箱', 30), await openBox(h, '二号箱', 20)];
    for (const boxId of boxes) {
      let seq = 1;
      const expected = h.store.ballots.boxById(boxId)?.expected ?? 0;
      while (seq <= expected) {
        const committed = await h.must(
          'entry.commit',
          { boxId, seq, ballot: randomBallot(random) },
          h.tellerA.token,
        );
        // Now and then a correction: void a random earlier ballot and enter it again.
        if (random() < 0.2) {
          const target = 1 + Math.floor(random() * committed.seq);
          await h.must('entry.void', { boxId, seq: target, reason: '更正' }, h.tellerA.token);
          await h.must(
            'entry.commit',
            { boxId, seq: target, ballot: randomBallot(random) },
            h.tellerA.token,
          );
        }
        seq = committed.seq + 1;
        expect(countsOf(await board())).toEqual(engineCounts(tallied(h)));
      }
      await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    }
    const final = await board();
    expect(final.entered).toBe(50);
    expect(final.candidates.map((c) => c.name)).toEqual(nineOfEleven);
    expect(countsOf(final)).toEqual(engineCounts(tallied(h)));
    // The board never says who is past the threshold: counts only.
    expect(Object.keys(final).sort()).toEqual(
      [
        'candidates',
        'entered',
        'invalid',
        'kind',
        'provisional',
        'returned',
        'roundId',
        'state',
        'title',
        'valid',
        'version',
        'writeIns',
      ].sort(),
    );

    // Built again from the file after a restart, it is the same.
    h.services.close();
    const again = openHarness(h.file);
    const rebuilt = await boardOf(again, h.round.id);
    expect(countsOf(rebuilt)).toEqual(countsOf(final));
  });

  it('shows the projected round to the projector, without a session', async () => {
    const h = await entryHarness();
    expect(await h.must('entry.board', {}, '')).toBeNull();
    await h.must('entry.project', { roundId: h.round.id }, h.tellerA.token);
    const shown = await h.call('entry.board', {}, null);
    expect(shown).toMatchObject({ ok: true, value: { roundId: h.round.id, entered: 0 } });
    const overview = await h.must('entry.overview', { electionId: h.election.id }, h.tellerA.token);
    expect(overview.projected).toBe(true);
    await h.must('entry.project', { roundId: null }, h.tellerA.token);
    expect(await h.must('entry.board', {}, '')).toBeNull();
  });

  it('follows the first pass under double entry, marked provisional until every box is reconciled', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 1 });
    const boxId = await openBox(h, '一号箱', 1);
    await h.must('entry.commit', { boxId, seq: 1, ballot: ballot('OOOOOOOOO--') }, h.tellerA.token);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    await h.must('entry.open', { boxId }, h.tellerB.token);
    await h.must('entry.commit', { boxId, seq: 1, ballot: ballot('OOOOOOOOX--') }, h.tellerB.token);
    const before = await boardOf(h, h.round.id);
    expect(before).toMatchObject({ provisional: true, entered: 1 });
    expect(before.candidates[8]).toEqual({ name: '刘强', for: 1 });

    await h.must('entry.finishPass', { boxId }, h.tellerB.token);
    await h.must('entry.resolve', { boxId, seq: 1, choice: 'second', note: '' }, h.chief.token);
    const after = await boardOf(h, h.round.id);
    expect(after).toMatchObject({ provisional: false, entered: 1 });
    expect(after.candidates[8]).toEqual({ name: '刘强', for: 0 });
    expect(countsOf(after)).toEqual(engineCounts(tallied(h)));
  });
});
