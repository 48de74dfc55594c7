import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/audit';
import { resultsHarness, times, type ResultsHarness } from '../results/fixture';

/*
 * A congress at the end of its day: one election whose formal round was voted, entered and
 * certified through the services. The administrator archives it, opens it read-only, brings it
 * back, or deletes it.
 */

const seed = { seats: 2, candidates: ['丁一', '王二', '李三'], entitled: 6, present: 6 };

async function finishedCongress(): Promise<ResultsHarness> {
  const h = await resultsHarness(seed);
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, [...times(4, 'OO-'), ...times(2, 'O-O')]);
  await h.certify(h.formalRoundId);
  return h;
}

const newcomer = {
  name: '新人',
  gender: '女',
  ethnicity: '汉族',
  birthDate: null,
  education: '',
  category: '',
  unit: '',
  cardNo: 'X1',
  hasVote: true,
} as const;

const count = (h: ResultsHarness, sql: string) => h.store.db.prepare(sql).pluck().get() as number;

describe('the congress archive', () => {
  it('is refused while a round is still being counted, and for anyone but an administrator', async () => {
    const h = await resultsHarness(seed);
    await h.vote(h.formalRoundId);
    const counting = await h.call('congress.archive', { congressId: h.congress.id }, h.admin.token);
    expect(counting).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!counting.ok) expect(counting.error.message).toMatch(/正在计票，选举尚未结束，不能归档/);
    const byChief = await h.call('congress.archive', { congressId: h.congress.id }, h.chief.token);
    expect(byChief).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.store.congresses.byId(h.congress.id)?.archivedAt).toBeNull();
  });

  it('keeps a finished congress read-only and out of the list until an administrator brings it back', async () => {
    const h = await finishedCongress();
    const { id } = h.congress;
    const archived = await h.must('congress.archive', { congressId: id }, h.admin.token);
    expect(archived.archivedAt).not.toBeNull();
    expect((await h.must('congress.list', {}, h.admin.token)).map((c) => c.id)).not.toContain(id);
    expect((await h.must('congress.archived', {}, h.admin.token)).map((c) => c.id)).toEqual([id]);
    expect(await h.must('congress.current', {}, h.admin.token)).toBeNull();

    // Opened read-only: it is the current congress again, and still archived.
    await h.must('congress.setCurrent', { congressId: id }, h.admin.token);
    const before = h.store.db.prepare('SELECT count(*) FROM audit').pluck().get();
    const writes = [
      h.call(
        'elections.create',
        { congressId: id, title: '补选', office: 'committee', seats: 1 },
        h.admin.token,
      ),
      h.call('congress.update', { congressId: id, venue: '别处' }, h.admin.token),
      h.call('delegates.add', { congressId: id, delegate: newcomer }, h.admin.token),
      h.call(
        'results.unlock',
        { roundId: h.formalRoundId, pin: '2468', reason: '复核' },
        h.chief.token,
      ),
      h.call('printouts.pdf', { kind: 'ballot', roundId: h.formalRoundId }, h.admin.token),
    ];
    for (const refused of await Promise.all(writes)) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      if (!refused.ok) {
        expect(refused.error.message).toBe(
          `大会“${h.congress.name}”已归档，只能查看，不能修改；如需修改，请由系统管理员先取消归档`,
        );
      }
    }
    expect(h.store.db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(before);
    expect(h.store.elections.listByCongress(id)).toHaveLength(1);
    expect(h.store.congresses.byId(id)?.venue).toBe('');
    // Its results are still there to read.
    const results = await h.roundResults(h.formalRoundId);
    expect(results.elected).toEqual(['丁一', '王二']);

    const byTeller = await h.call('congress.unarchive', { congressId: id }, h.teller.token);
    expect(byTeller).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const back = await h.must('congress.unarchive', { congressId: id }, h.admin.token);
    expect(back.archivedAt).toBeNull();
    await h.must('congress.update', { congressId: id, venue: '镇会议室' }, h.admin.token);
    expect(h.auditActions()).toEqual(
      expect.arrayContaining(['congress.archive', 'congress.unarchive', 'congress.update']),
    );
  });
});

describe('deleting a congress', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('needs an administrator, its exact name and, never exported, a second confirmation', async () => {
    const h = await finishedCongress();
    const { id, name } = h.congress;
    const ballots = count(h, 'SELECT count(*) FROM ballot');
    expect(ballots).toBe(6);
    await h.must('results.announce', { roundId: h.formalRoundId }, h.chief.token);
    // Outside a congress's deletion, an entered ballot is still never deleted.
    expect(() => h.store.db.exec('DELETE FROM ballot')).toThrow(/never deleted/);

    const byChief = await h.call(
      'congress.remove',
      { congressId: id, confirmName: name },
      h.chief.token,
    );
    expect(byChief).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const misspelt = await h.call(
      'congress.remove',
      { congressId: id, confirmName: name.replace('东湖', '西湖'), confirmUnexported: true },
      h.admin.token,
    );
    expect(misspelt).toMatchObject({ ok: false, error: { field: 'confirmName' } });
    const unexported = await h.call(
      'congress.remove',
      { congressId: id, confirmName: name },
      h.admin.token,
    );
    expect(unexported).toMatchObject({ ok: false, error: { field: 'confirmUnexported' } });
    if (!unexported.ok) expect(unexported.error.message).toMatch(/从未导出/);
    expect(h.store.congresses.byId(id)).toBeDefined();
    expect(count(h, 'SELECT count(*) FROM ballot')).toBe(ballots);

    await h.must(
      'congress.remove',
      { congressId: id, confirmName: name, confirmUnexported: true },
      h.admin.token,
    );
    expect(h.store.congresses.byId(id)).toBeUndefined();
    // The projector no longer announces a round that is gone.
    expect(h.store.settings.get('projector.announcement')).toBeNull();
    for (const table of ['delegate', 'election', 'round', 'box', 'ballot', 'candidate']) {
      expect(count(h, `SELECT count(*) FROM ${table}`), table).toBe(0);
    }
    // The audit log is the installation's: it keeps the whole day and the deletion, unbroken.
    const last = h.store.db
      .prepare<[], { action: string; role: string; payload: string }>(
        'SELECT action, role, payload FROM audit ORDER BY seq DESC LIMIT 1',
      )
      .get();
    expect(last?.action).toBe('congress.remove');
    expect(last?.role).toBe('admin');
    expect(JSON.parse(last?.payload ?? '{}')).toMatchObject({
      congressId: id,
      name,
      delegates: 6,
      elections: 1,
      ballots: 6,
      exported: null,
    });
    expect(h.auditActions()).toContain('round.certify');
    expect(verifyAuditChain(h.store.db)).toMatchObject({ ok: true });
  });

  it('asks no second confirmation once the results were exported', async () => {
    const h = await finishedCongress();
    const folder = mkdtempSync(join(tmpdir(), 'ct-archive-export-'));
    dirs.push(folder);
    const made = await h.must(
      'export.package',
      { congressId: h.congress.id, folder },
      h.chief.token,
    );
    const record = await h.must('congress.get', { congressId: h.congress.id }, h.admin.token);
    expect(record.exported).toBe(true);
    await h.must(
      'congress.remove',
      { congressId: h.congress.id, confirmName: h.congress.name },
      h.admin.token,
    );
    expect(h.store.congresses.list()).toEqual([]);
    const last = h.store.db
      .prepare<[], string>("SELECT payload FROM audit WHERE action = 'congress.remove'")
      .pluck()
      .get();
    expect(JSON.parse(last ?? '{}')).toMatchObject({
      exported: { digest: made.digest, createdAt: made.createdAt },
    });
  });
});
