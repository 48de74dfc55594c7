import { describe, expect, it } from 'vitest';
import type { DelegateInput } from '../../../shared/api/delegates';
import { setupHarness, township } from './fixture';

const zhang: DelegateInput = {
  name: '张三',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1980-05-06',
  education: '大学本科',
  category: '一线',
  unit: '东湖村党总支',
  cardNo: 'DH001',
  hasVote: true,
};

describe('delegates by hand', () => {
  it('adds and edits, refusing a card number someone already holds', async () => {
    const h = await setupHarness();
    const { id: congressId } = await h.must('congress.create', township);
    const added = await h.must('delegates.add', { congressId, delegate: zhang });
    expect(added).toMatchObject({ name: '张三', attendance: null, excusedReason: null });
    const li = await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, name: '李四', cardNo: 'DH002' },
    });
    const clash = await h.call(
      'delegates.update',
      { delegateId: li.id, delegate: { ...zhang, name: '李四', cardNo: 'DH001' } },
      h.admin,
    );
    expect(clash.ok || clash.error).toMatchObject({ code: 'conflict', field: 'delegate.cardNo' });
    expect(clash.ok || clash.error.message).toContain('已属于 张三');
    const badCard = await h.call(
      'delegates.add',
      { congressId, delegate: { ...zhang, cardNo: '代表一号' } },
      h.admin,
    );
    expect(badCard.ok || badCard.error.field).toBe('delegate.cardNo');
    const renamed = await h.must('delegates.update', {
      delegateId: added.id,
      delegate: { ...zhang, name: '张 三丰' },
    });
    expect(renamed.name).toBe('张 三丰');
    expect(h.count('SELECT count(*) AS n FROM delegate')).toBe(2);
  });

  it('excuses (不计入应到) with a reason and takes it back, as the counts show', async () => {
    const h = await setupHarness();
    const { id: congressId } = await h.must('congress.create', township);
    const a = await h.must('delegates.add', { congressId, delegate: zhang });
    await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, cardNo: 'DH002', name: '李四' },
    });
    await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, cardNo: 'DH003', name: '王五', hasVote: false },
    });
    const empty = await h.call('delegates.excuse', { delegateId: a.id, reason: '  ' }, h.admin);
    expect(empty.ok || empty.error.field).toBe('reason');
    await h.must('delegates.excuse', { delegateId: a.id, reason: '出国半年以上' });
    let listed = await h.must('delegates.list', { congressId });
    expect(listed.counts).toMatchObject({ roster: 3, withoutVote: 1, excused: 1, entitled: 1 });
    const noVote = listed.delegates.find((d) => d.name === '王五');
    const refused = await h.call(
      'delegates.excuse',
      { delegateId: noVote?.id ?? 0, reason: '病' },
      h.admin,
    );
    expect(refused.ok || refused.error.message).toContain('没有选举权');
    await h.must('delegates.unexcuse', { delegateId: a.id });
    listed = await h.must('delegates.list', { congressId });
    expect(listed.counts).toMatchObject({ excused: 0, entitled: 2 });
    expect(h.auditActions()).toContain('delegate.unexcuse');
  });

  it('removes a delegate only before check-in, and says why not after', async () => {
    const h = await setupHarness();
    const { id: congressId } = await h.must('congress.create', township);
    const a = await h.must('delegates.add', { congressId, delegate: zhang });
    const b = await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, name: '李四', cardNo: 'DH002' },
    });
    h.services.store.transaction(() => h.services.store.delegates.setAttendance(a.id, 'present'));
    const refused = await h.call('delegates.remove', { delegateId: a.id }, h.admin);
    expect(refused.ok || refused.error.code).toBe('invalid-state');
    expect(refused.ok || refused.error.message).toContain(
      '张三（代表证号 DH001）已报到，不能从名册中删除',
    );
    await h.must('delegates.remove', { delegateId: b.id });
    const listed = await h.must('delegates.list', { congressId });
    expect(listed.delegates.map((d) => [d.name, d.attendance])).toEqual([['张三', 'present']]);
  });

  it('finds delegates by name, pinyin initials or card number', async () => {
    const h = await setupHarness();
    const { id: congressId } = await h.must('congress.create', township);
    await h.must('delegates.add', { congressId, delegate: zhang });
    await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, name: '赵六', cardNo: 'DH002' },
    });
    await h.must('delegates.add', {
      congressId,
      delegate: { ...zhang, name: '钱五', cardNo: 'XH003' },
    });
    const names = async (query: string) =>
      (await h.must('delegates.search', { congressId, query })).map((d) => d.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('zhao')).toEqual(['赵六']);
    expect(await names('钱')).toEqual(['钱五']);
    expect(await names('dh')).toEqual(['张三', '赵六']);
    expect(await names('')).toEqual([]);
  });
});
