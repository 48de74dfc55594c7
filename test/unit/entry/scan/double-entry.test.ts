import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entryHarness, type Seeded } from '../fixture';
import { ballot, enterAll, openBox, scan, scanHarness, votes } from './fixture';

const seed = { doubleEntry: true, returned: 4 };

/** What the first teller keys (keyed round) or confirms (scanned round) for the four papers. */
const firstReading = [
  ballot('OOOOOOOOO--'),
  ballot('OOOOXXXOO-O'),
  ballot('OOOOOOOO--X', { writeIns: [{ name: '周涛', mark: 'O' }] }),
  ballot('OXOOOOOXO-X'),
];

/** The second teller keys the same papers, differently at seqs 2 and 3. */
const secondReading = [
  ballot('OOOOOOOOO--'),
  ballot('OOOOXXXOOO-'),
  ballot('OOOOOOOO--X', { writeIns: [{ name: '周韬', mark: 'O' }] }),
  ballot('OXOOOOOXO-X'),
];

async function secondPass(h: Seeded, boxId: number) {
  await h.must('entry.finishPass', { boxId }, h.tellerA.token);
  await enterAll(h, boxId, h.tellerB.token, secondReading);
  return h.must('entry.finishPass', { boxId }, h.tellerB.token);
}

async function resolved(h: Seeded, boxId: number) {
  await h.must(
    'entry.resolve',
    { boxId, seq: 2, choice: 'first', note: '对照原票' },
    h.chief.token,
  );
  const last = await h.must(
    'entry.resolve',
    { boxId, seq: 3, choice: 'first', note: '原票写的是“周涛”' },
    h.scrutineer.token,
  );
  const shown = await h.must('entry.board', { roundId: h.round.id }, h.scrutineer.token);
  const board = shown && { ...shown, version: 0 };
  return { state: last.box.state, board };
}

const sideBySide = (differences: { seq: number; first: unknown; second: unknown }[]) =>
  differences.map(({ seq, first, second }) => ({ seq, first, second }));

describe('double entry with a scanned first pass', () => {
  it('compares and reconciles as two keyed passes do, with the paper behind each scanned ballot', async () => {
    const keyed = await entryHarness(seed);
    const keyedBox = await openBox(keyed, '一号箱', 4);
    await enterAll(keyed, keyedBox, keyed.tellerA.token, firstReading);
    await secondPass(keyed, keyedBox);

    const h = await scanHarness(seed);
    const boxId = await openBox(h, '一号箱', 4);
    const papers = [votes.allNine, votes.mixed, votes.writeIn, votes.againstSome];
    const file = await scan(h.paper, 'tiff', papers);
    const intake = await h.must('scan.submitFiles', { boxId, files: [file] }, h.tellerA.token);
    const [s1, s2, s3, s4] = intake.sheets.map((s) => s.id);
    if (!s1 || !s2 || !s3 || !s4) throw new Error('four sheets expected');
    await h.must('scan.confirmMany', { boxId, sheetIds: [s1, s2] }, h.tellerA.token);
    await h.must(
      'scan.confirm',
      { sheetId: s3, ballot: firstReading[2] ?? ballot('') },
      h.tellerA.token,
    );
    await h.must('scan.confirmMany', { boxId, sheetIds: [s4] }, h.tellerA.token);
    const box = await secondPass(h, boxId);
    expect(box).toMatchObject({ state: 'comparing', unresolved: 2 });

    const scanned = await h.must('entry.differences', { boxId }, h.scrutineer.token);
    const typed = await keyed.must(
      'entry.differences',
      { boxId: keyedBox },
      keyed.scrutineer.token,
    );
    expect(sideBySide(scanned.differences)).toEqual(sideBySide(typed.differences));
    expect(scanned.differences.map((d) => d.seq)).toEqual([2, 3]);

    // Beside the difference at seq 2, the scrutineers see the paper the first teller confirmed.
    const first = await h.must('entry.ballots', { boxId, pass: 1 }, h.scrutineer.token);
    const atTwo = first.find((b) => b.seq === 2);
    if (!atTwo) throw new Error('no ballot at seq 2');
    const image = await h.must('scan.image', { ballotId: atTwo.id }, h.scrutineer.token);
    expect(image.digest).toBe(intake.sheets[1]?.pages[0]?.image);
    expect(image.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(image.dataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(createHash('sha256').update(png).digest('hex')).toBe(image.digest);

    const second = await h.must('entry.ballots', { boxId, pass: 2 }, h.scrutineer.token);
    const keyedBallot = second.find((b) => b.seq === 2)?.id ?? 0;
    expect(await h.call('scan.image', { ballotId: keyedBallot }, h.scrutineer.token)).toMatchObject(
      {
        ok: false,
        error: { code: 'not-found', message: '这张选票不是扫描录入的，没有图像' },
      },
    );
    // The second teller may not look at the first pass's paper through its image either.
    expect(await h.call('scan.image', { ballotId: atTwo.id }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const afterScan = await resolved(h, boxId);
    expect(afterScan.state).toBe('reconciled');
    expect(afterScan).toEqual(await resolved(keyed, keyedBox));
  });
});
