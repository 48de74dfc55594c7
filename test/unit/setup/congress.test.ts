import { describe, expect, it } from 'vitest';
import { setupHarness, township } from './fixture';

describe('congress set-up', () => {
  it('creates a congress with its profile defaults, makes it current and shows it in the header', async () => {
    const h = await setupHarness();
    expect(await h.must('congress.current', {})).toBeNull();
    const congress = await h.must('congress.create', township);
    expect(congress).toMatchObject({
      name: township.name,
      term: '第十六次',
      current: true,
      options: {
        quorum: 'at-least-4/5',
        thresholdBase: 'entitled',
        nameOrder: 'party',
        writeInWithoutMark: 'ignore',
      },
    });
    expect(congress.settableOptions).toEqual([
      'quorum',
      'thresholdBase',
      'nameOrder',
      'writeInWithoutMark',
    ]);
    const status = await h.must('app.status', {});
    expect(status.congress).toEqual({ id: congress.id, name: township.name, heldOn: '2025-06-18' });

    const village = await h.must('congress.create', {
      name: '东湖村第十二届村民委员会选举',
      heldOn: '2025-05-10',
      profile: 'village',
    });
    expect(village.options.nameOrder).toBe('npc');
    expect((await h.must('app.status', {})).congress?.id).toBe(village.id);
    await h.must('congress.setCurrent', { congressId: congress.id });
    expect((await h.must('congress.current', {}))?.id).toBe(congress.id);
    const list = await h.must('congress.list', {});
    expect(list.map((c) => [c.name, c.current])).toEqual([
      [township.name, true],
      ['东湖村第十二届村民委员会选举', false],
    ]);
    expect(h.auditActions().filter((a) => a.startsWith('congress.'))).toEqual([
      'congress.create',
      'congress.create',
      'congress.setCurrent',
    ]);
  });

  it('keeps options to those the profile has, and refuses the others', async () => {
    const h = await setupHarness();
    const refused = await h.call(
      'congress.create',
      { ...township, profile: 'village', options: { quorum: 'more-than-4/5' } },
      h.admin,
    );
    expect(refused.ok || refused.error).toMatchObject({
      code: 'invalid-argument',
      field: 'options.quorum',
    });
    expect(refused.ok || refused.error.message).toContain('村民委员会选举');
    expect(h.count('SELECT count(*) AS n FROM congress')).toBe(0);

    const congress = await h.must('congress.create', {
      ...township,
      options: { quorum: 'more-than-4/5', thresholdBase: 'present' },
    });
    expect(congress.options).toMatchObject({ quorum: 'more-than-4/5', thresholdBase: 'present' });
    const local = await h.must('congress.update', {
      congressId: congress.id,
      profile: 'party-local',
    });
    // party-local has no quorum option (its rule is fixed): that override is dropped.
    expect(local.options).toMatchObject({ quorum: 'at-least-4/5', thresholdBase: 'present' });
    expect(local.settableOptions).toContain('meeting');
  });

  it('validates the fields and the structure targets, naming the field', async () => {
    const h = await setupHarness();
    const badDate = await h.call('congress.create', { ...township, heldOn: '2025-02-30' }, h.admin);
    expect(badDate.ok || badDate.error).toMatchObject({
      code: 'invalid-argument',
      field: 'heldOn',
    });
    const badTarget = await h.call(
      'congress.create',
      { ...township, structureTargets: [{ metric: 'women', op: '>=', percent: 130 }] },
      h.admin,
    );
    expect(badTarget.ok || badTarget.error).toMatchObject({
      code: 'invalid-argument',
      field: 'structureTargets.0.percent',
    });
    const congress = await h.must('congress.create', {
      ...township,
      structureTargets: [{ metric: 'women', op: '>=', percent: 30 }],
    });
    expect(congress.structureTargets).toEqual([{ metric: 'women', op: '>=', percent: 30 }]);
  });

  it('lets only the administrator change set-up; everyone signed in may read it', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const teller = await h.person('teller');
    const denied = await h.call(
      'congress.update',
      { congressId: congress.id, name: '改名' },
      teller,
    );
    expect(denied.ok || denied.error.code).toBe('forbidden');
    expect(denied.ok || denied.error.message).toContain('管理员');
    const create = await h.call('congress.create', township, teller);
    expect(create.ok || create.error.code).toBe('forbidden');
    expect((await h.must('congress.get', { congressId: congress.id }, teller)).name).toBe(
      township.name,
    );
    const anonymous = await h.call('congress.current', {});
    expect(anonymous.ok || anonymous.error.code).toBe('unauthenticated');
    expect(h.count('SELECT count(*) AS n FROM congress')).toBe(1);
  });

  it('reports the delegate structure against the congress targets', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', {
      ...township,
      structureTargets: [
        { metric: 'women', op: '>=', percent: 30 },
        { metric: 'age-at-most', years: 35, op: '>=', percent: 20 },
      ],
    });
    const people: [string, '男' | '女', string][] = [
      ['张一', '女', '1990-01-01'],
      ['张二', '男', '1970-01-01'],
      ['张三', '男', '1960-01-01'],
      ['张四', '男', '1980-01-01'],
    ];
    for (const [i, [name, gender, birthDate]] of people.entries()) {
      await h.must('delegates.add', {
        congressId: congress.id,
        delegate: {
          name,
          gender,
          ethnicity: '汉族',
          birthDate,
          education: '大学本科',
          category: '一线',
          unit: '东湖村',
          cardNo: `A${i}`,
          hasVote: true,
        },
      });
    }
    const report = await h.must('structure.report', { congressId: congress.id });
    expect(report.total).toBe(4);
    expect(report.targets.map((t) => [t.label, t.count, t.met])).toEqual([
      ['女代表', 1, false],
      ['35岁及以下代表', 1, true],
    ]);
    expect(report.targets[0]?.sentence).toContain('还差 1 名');
  });
});
