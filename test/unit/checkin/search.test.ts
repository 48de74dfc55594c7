import { describe, expect, it } from 'vitest';
import { createCheckinIndex, searchDelegates } from '../../../core/checkin/search';
import { congressWith, dayHarness } from './fixture';

const roster = [
  { id: 1, name: '李张森', cardNo: 'DH0001' },
  { id: 2, name: '张三', cardNo: 'DH0002' },
  { id: 3, name: '赵顺', cardNo: 'DH0003' },
  { id: 4, name: '张三丰', cardNo: 'DH0004' },
  { id: 5, name: '周舒', cardNo: 'ZS01' },
  { id: 6, name: '阿不都·热合曼', cardNo: 'DH0006' },
  { id: 7, name: '王芳', cardNo: 'dh0007' },
];

describe('searchDelegates', () => {
  const index = createCheckinIndex(roster);
  const ids = (query: string, limit = 9) => searchDelegates(index, query, limit).ids;

  it('ranks the whole name first, then names starting so, cards starting so, names inside', () => {
    expect(ids('zs')).toEqual([2, 3, 4, 5, 1]);
    expect(ids('张三')).toEqual([2, 4]);
    expect(ids('zhangsan')).toEqual([2, 4]);
    expect(ids('DH000')).toEqual([1, 2, 3, 4, 6, 7]);
    expect(ids('三')).toEqual([2, 4]);
  });

  it('recognises a scanned card exactly, and a card typed in another case if unique', () => {
    expect(searchDelegates(index, 'DH0004', 9)).toEqual({
      ids: [4],
      total: 1,
      card: 4,
      cardLike: true,
    });
    expect(searchDelegates(index, 'zs01', 9).card).toBe(5);
    expect(searchDelegates(index, 'DH0007', 9).card).toBe(7);
    expect(searchDelegates(index, 'DH000', 9).card).toBeNull();
    expect(searchDelegates(index, 'zs', 9).card).toBeNull();
  });

  it('tells a card prefix from a name, so that a digit after it is typed, not a pick', () => {
    expect(searchDelegates(index, 'dh', 9).cardLike).toBe(true);
    expect(searchDelegates(index, 'zs', 9).cardLike).toBe(true);
    expect(searchDelegates(index, 'zh', 9).cardLike).toBe(false);
    expect(searchDelegates(index, '张', 9).cardLike).toBe(false);
  });

  it('finds names written with a middle dot, without it', () => {
    expect(ids('阿不都热合曼')).toEqual([6]);
    expect(ids('abdrhm')).toEqual([6]);
  });

  it('lists at most the limit but counts every match', () => {
    expect(searchDelegates(index, 'dh', 2)).toMatchObject({ ids: [1, 2], total: 6, card: null });
    expect(searchDelegates(index, '   ', 9)).toEqual({
      ids: [],
      total: 0,
      card: null,
      cardLike: false,
    });
    expect(searchDelegates(index, 'qqq', 9).total).toBe(0);
  });
});

describe('checkin.search over an imported roster', () => {
  it('finds by initials, full pinyin, name and card, with the attendance of each', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 300);
    const teller = await h.person('teller');
    const first = ids[0] ?? 0;
    await h.must('checkin.checkIn', { delegateId: first, via: 'card' }, teller);

    const byName = await h.must('checkin.search', { congressId, query: '王建华' }, teller);
    expect(byName.matches[0]).toMatchObject({ id: first, unit: '东湖村党总支' });
    expect(byName.matches[0]?.attendance?.status).toBe('present');
    const byPinyin = await h.must('checkin.search', { congressId, query: 'wangjianhua' }, teller);
    expect(byPinyin.matches[0]?.name).toBe('王建华');
    const byInitials = await h.must('checkin.search', { congressId, query: 'wjh' }, teller);
    expect(byInitials.matches.map((m) => m.name)).toContain('王建华');
    expect(byInitials.matches.length).toBeLessThanOrEqual(9);
    const byCard = await h.must('checkin.search', { congressId, query: ' DH0150 ' }, teller);
    expect(byCard).toMatchObject({ query: 'DH0150', total: 1, card: { cardNo: 'DH0150' } });

    // A roster change reaches the next search: the index is rebuilt after a write.
    await h.must('delegates.update', {
      delegateId: first,
      delegate: {
        name: '王建设',
        gender: '男',
        ethnicity: '',
        birthDate: null,
        education: '',
        category: '',
        unit: '东湖村党总支',
        cardNo: 'DH0001',
        hasVote: true,
      },
    });
    const renamed = await h.must('checkin.search', { congressId, query: 'wangjianshe' }, teller);
    expect(renamed.matches.map((m) => m.id)).toEqual([first]);
  });
});
