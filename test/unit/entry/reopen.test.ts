import { describe, expect, it } from 'vitest';
import { ballot, enterAll, entryHarness, openBox, type Seeded } from './fixture';

const paper = [ballot('OOOOOOOOO--'), ballot('OOOOOOOOXX-'), ballot('-----------')];
/** The second teller read the first paper's last candidate as ○. */
const secondReading = [ballot('OOOOOOOO--O'), paper[1], paper[2]].map((b) => b ?? ballot(''));
/** What the recount found on the second paper. */
const recounted = ballot('OOOOOOOXXX-');

/** A box entered twice, its one difference settled for pass 2, and entry closed: counted. */
async function countedBox(h: Seeded) {
  const boxId = await openBox(h, '一号箱', paper.length);
  await enterAll(h, boxId, h.tellerA.token, paper);
  await h.must('entry.finishPass', { boxId }, h.tellerA.token);
  await enterAll(h, boxId, h.tellerB.token, secondReading);
  await h.must('entry.finishPass', { boxId }, h.tellerB.token);
  const settle = { boxId, seq: 1, choice: 'second' as const, note: '对照原票' };
  await h.must('entry.resolve', settle, h.scrutineer.token);
  await h.must('entry.finish', { roundId: h.round.id }, h.scrutineer.token);
  return boxId;
}

const reason = '复点发现第 2 张读错';
const actions = (h: Seeded) =>
  h.store.db
    .prepare<[], { action: string; payload: string }>('SELECT action, payload FROM audit')
    .all();

describe('reopening a reconciled box', () => {
  it('lets the 总监票人 reopen it after a recount; the round goes back to counting', async () => {
    const h = await entryHarness({ doubleEntry: true, issued: 3, returned: 3 });
    const boxId = await countedBox(h);
    const writes = actions(h).length;
    const denied = await h.call('entry.reopenBox', { boxId, reason }, h.scrutineer.token);
    expect(denied.ok || denied.error.code).toBe('forbidden');
    const blank = await h.call('entry.reopenBox', { boxId, reason: ' ' }, h.chief.token);
    expect(blank.ok || blank.error).toMatchObject({ field: 'reason' });
    expect(actions(h)).toHaveLength(writes);

    const box = await h.must('entry.reopenBox', { boxId, reason }, h.chief.token);
    expect(box).toMatchObject({ state: 'entering', counts: false });
    expect(h.store.elections.roundById(h.round.id)?.state).toBe('counting');
    const written = actions(h).slice(writes);
    expect(written.map((a) => a.action)).toEqual(['round.recount', 'box.reopen']);
    expect(JSON.parse(written[1]?.payload ?? '{}')).toMatchObject({
      boxId,
      reason,
      roundFrom: 'counted',
      superseded: 1,
    });
    expect(h.store.db.prepare('SELECT count(*) AS n FROM reconciliation_superseded').get()).toEqual(
      { n: 1 },
    );

    // Both tellers correct the paper the recount found, each in their own pass.
    for (const token of [h.tellerA.token, h.tellerB.token]) {
      await h.must('entry.open', { boxId }, token);
      await h.must('entry.void', { boxId, seq: 2, reason }, token);
      await enterAll(h, boxId, token, [recounted]);
      await h.must('entry.finishPass', { boxId }, token);
    }
    const again = await h.must('entry.overview', { electionId: h.election.id }, h.chief.token);
    expect(again.boxes[0]).toMatchObject({ state: 'reconciled', counts: true });
    await h.must('entry.finish', { roundId: h.round.id }, h.scrutineer.token);
    const counted = h.store.read(() => [...h.store.ballots.counted(h.round.id)]);
    expect(counted.map((b) => b.marks).sort()).toEqual(
      [secondReading[0], recounted, paper[2]].map((b) => b?.marks).sort(),
    );
  });

  it('refuses, in words, a box not reconciled and a round already certified', async () => {
    const h = await entryHarness({ doubleEntry: true, issued: 3, returned: 3 });
    const open = await openBox(h, '二号箱', 3);
    const early = await h.call('entry.reopenBox', { boxId: open, reason }, h.chief.token);
    expect(early.ok || early.error.message).toBe(
      '票箱“二号箱”正在第一遍录入，还没有核对完成，不需要重开',
    );
    await h.must('entry.removeBox', { boxId: open }, h.scrutineer.token);

    const boxId = await countedBox(h);
    h.store.transaction(() => h.store.elections.certify(h.round.id, h.chief.id));
    const writes = actions(h).length;
    const certified = await h.call('entry.reopenBox', { boxId, reason }, h.chief.token);
    expect(certified.ok || certified.error.message).toContain('本轮结果已签核，不能直接重开');
    expect(certified.ok || certified.error.message).toContain('解锁重核');
    expect(actions(h)).toHaveLength(writes);
    expect(h.store.ballots.boxById(boxId)?.state).toBe('reconciled');
  });
});
