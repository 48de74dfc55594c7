import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../db/store';
import { tickingClock, useTempDir } from './fixtures';

const tempDir = useTempDir();

function freshStore(): Store {
  return openStore(join(tempDir(), 'roster.sqlite'), { now: tickingClock() });
}

describe('people', () => {
  it('counts wrong PINs, locks out, resets, and frees the name when deactivated', () => {
    const store = freshStore();
    const ann = store.people.create({ name: '李监票', role: 'scrutineer', pinHash: 'h1' });
    expect(ann).toMatchObject({ failedAttempts: 0, lockedUntil: null, active: true });
    expect(store.people.byName('李监票')?.id).toBe(ann.id);

    store.people.recordFailedAttempt(ann.id, null);
    const locked = store.people.recordFailedAttempt(ann.id, '2025-06-18T09:00:00.000Z');
    expect(locked).toMatchObject({ failedAttempts: 2, lockedUntil: '2025-06-18T09:00:00.000Z' });
    expect(store.people.resetAttempts(ann.id)).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
    });
    expect(store.people.updatePin(ann.id, 'h2')?.pinHash).toBe('h2');

    expect(() => store.people.create({ name: '李监票', role: 'teller', pinHash: 'x' })).toThrow(
      /UNIQUE/,
    );
    expect(store.people.deactivate(ann.id)?.active).toBe(false);
    expect(store.people.byName('李监票')).toBeUndefined();
    const again = store.people.create({ name: '李监票', role: 'teller', pinHash: 'x' });
    expect(store.people.list().map((p) => [p.id, p.active])).toEqual([
      [again.id, true],
      [ann.id, false],
    ]);
    expect(store.people.byId(999)).toBeUndefined();
    expect(store.people.updatePin(999, 'h')).toBeUndefined();
    store.close();
  });
});

describe('settings', () => {
  it('keep JSON values by key', () => {
    const store = freshStore();
    expect(store.settings.get('backup')).toBeUndefined();
    store.settings.set('backup', { folder: 'E:\\备份', every: 5 });
    store.settings.set('idleLockMinutes', 10);
    store.settings.set('backup', { folder: 'F:\\', every: 10 });
    expect(store.settings.get('backup')).toEqual({ folder: 'F:\\', every: 10 });
    expect(store.settings.get('idleLockMinutes')).toBe(10);
    expect(() => store.settings.set('x', undefined)).toThrow(/not JSON/);
    expect(store.settings.remove('idleLockMinutes')).toBe(true);
    expect(store.settings.get('idleLockMinutes')).toBeUndefined();
    store.close();
  });
});

describe('congresses', () => {
  it('are created with defaults, parsed JSON, and partially updated', () => {
    const store = freshStore();
    const c = store.congresses.create({
      name: '中共某镇第十五次代表大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
      options: { thresholdBase: 'entitled' },
    });
    expect(c).toMatchObject({
      term: '',
      options: { thresholdBase: 'entitled' },
      structureTargets: [],
    });
    const updated = store.congresses.update(c.id, {
      term: '第十五届',
      structureTargets: [{ kind: 'women', min: 0.25 }],
      venue: undefined,
    });
    expect(updated).toMatchObject({
      name: '中共某镇第十五次代表大会',
      term: '第十五届',
      venue: '',
      options: { thresholdBase: 'entitled' },
      structureTargets: [{ kind: 'women', min: 0.25 }],
    });
    expect(store.congresses.byId(c.id)).toEqual(updated);
    expect(store.congresses.update(999, { term: 'x' })).toBeUndefined();
    expect(() =>
      store.congresses.create({ name: 'x', heldOn: '2025/06/18', profile: 'village' }),
    ).toThrow(/CHECK/);
    const later = store.congresses.create({
      name: '村委会选举',
      heldOn: '2025-07-01',
      profile: 'village',
    });
    expect(store.congresses.list().map((x) => x.id)).toEqual([later.id, c.id]);
    expect(store.congresses.remove(later.id)).toBe(true);
    expect(store.congresses.byId(later.id)).toBeUndefined();
    store.close();
  });
});

describe('delegates and attendance', () => {
  function rosterStore() {
    const store = freshStore();
    const congress = store.congresses.create({
      name: '党代会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    return { store, congressId: congress.id };
  }

  it('re-import updates by card number, keeping id, excuse and attendance', () => {
    const { store, congressId } = rosterStore();
    const first = store.delegates.upsert(congressId, {
      name: '张三',
      cardNo: 'D001',
      gender: '男',
      unit: '机关',
      birthDate: '1975-03-02',
    });
    expect(first.change).toBe('created');
    store.delegates.excuse(first.delegate.id, '长期病休');
    store.delegates.setAttendance(first.delegate.id, 'leave');

    const same = store.delegates.upsert(congressId, {
      name: '张三',
      cardNo: 'D001',
      gender: '男',
      unit: '机关',
      birthDate: '1975-03-02',
    });
    expect(same).toEqual({
      delegate: store.delegates.byId(first.delegate.id),
      change: 'unchanged',
    });

    const changed = store.delegates.upsert(congressId, {
      name: '张叁',
      cardNo: 'D001',
      gender: '男',
    });
    expect(changed.change).toBe('updated');
    expect(changed.delegate).toMatchObject({
      id: first.delegate.id,
      name: '张叁',
      unit: '',
      birthDate: null,
      excusedReason: '长期病休',
      hasVote: true,
    });
    expect(store.delegates.attendanceOf(first.delegate.id)?.status).toBe('leave');

    const other = store.delegates.upsert(congressId, { name: '李四', cardNo: 'D002' });
    expect(other.change).toBe('created');
    expect(store.delegates.listByCongress(congressId).map((d) => d.cardNo)).toEqual([
      'D001',
      'D002',
    ]);
    expect(store.delegates.byCard(congressId, 'D002')?.id).toBe(other.delegate.id);

    const elsewhere = store.congresses.create({
      name: '另一会',
      heldOn: '2025-06-19',
      profile: 'village',
    });
    expect(store.delegates.upsert(elsewhere.id, { name: '王五', cardNo: 'D001' }).change).toBe(
      'created',
    );
    expect(() => store.delegates.create(congressId, { name: '重复', cardNo: 'D002' })).toThrow(
      /UNIQUE/,
    );
    store.close();
  });

  it('counts 应到, 实到, 请假, 缺席 over delegates with a vote who are not excused', () => {
    const { store, congressId } = rosterStore();
    const ids = store.transaction(() =>
      Array.from(
        { length: 10 },
        (_x, i) =>
          store.delegates.create(congressId, {
            name: `代表${i}`,
            cardNo: `C${i}`,
            hasVote: i !== 9,
          }).id,
      ),
    );
    const id = (i: number): number => {
      const found = ids[i];
      if (found === undefined) throw new Error(`no delegate ${i}`);
      return found;
    };
    const excused = id(8);
    store.delegates.excuse(excused, '出国半年以上');
    for (const i of [0, 1, 2, 3, 8, 9]) store.delegates.setAttendance(id(i), 'present');
    store.delegates.setAttendance(id(4), 'leave');
    store.delegates.setAttendance(id(5), 'absent');

    expect(store.delegates.counts(congressId)).toEqual({
      roster: 10,
      withoutVote: 1,
      excused: 1,
      entitled: 8,
      present: 4,
      leave: 1,
      absent: 1,
      notYet: 2,
    });

    // Undo a check-in, change a status, lift an excuse.
    expect(store.delegates.clearAttendance(id(0))).toBe(true);
    expect(store.delegates.clearAttendance(id(0))).toBe(false);
    store.delegates.setAttendance(id(5), 'present');
    store.delegates.unexcuse(excused);
    expect(store.delegates.counts(congressId)).toMatchObject({
      entitled: 9,
      present: 5,
      leave: 1,
      absent: 0,
      notYet: 3,
    });
    expect(store.delegates.attendanceByCongress(congressId).map((x) => x.delegateId)).toEqual(
      [1, 2, 3, 4, 5, 8, 9].map(id),
    );
    const other = store.congresses.create({
      name: '空会',
      heldOn: '2025-06-18',
      profile: 'village',
    });
    expect(store.delegates.counts(other.id)).toEqual({
      roster: 0,
      withoutVote: 0,
      excused: 0,
      entitled: 0,
      present: 0,
      leave: 0,
      absent: 0,
      notYet: 0,
    });
    store.close();
  });

  it('stamps a check-in with the store clock and drops it with the delegate', () => {
    const { store, congressId } = rosterStore();
    const d = store.delegates.create(congressId, { name: '赵六', cardNo: 'Z1' });
    const first = store.delegates.setAttendance(d.id, 'present');
    const second = store.delegates.setAttendance(d.id, 'present');
    expect(second.at > first.at).toBe(true);
    expect(store.delegates.update(d.id, { unit: '农村', gender: '女' })).toMatchObject({
      name: '赵六',
      unit: '农村',
      gender: '女',
    });
    expect(store.delegates.remove(d.id)).toBe(true);
    expect(store.delegates.attendanceOf(d.id)).toBeUndefined();
    expect(() => store.delegates.setAttendance(d.id, 'present')).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
