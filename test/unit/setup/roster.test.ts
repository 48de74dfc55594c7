import { describe, expect, it } from 'vitest';
import { base64, rosterCsv, setupHarness, township, type SetupHarness } from './fixture';

const rows = [
  ['丁建国', '男', '汉族', '1975.03', '大学本科', '领导干部', '镇机关党委', '2025001'],
  ['王秀英', '女', '回族', '1988-11-02', '大专', '一线', '东湖村党总支', '2025002'],
  ['李华', '男', '汉族', '1969/5/6', '研究生', '专业技术', '镇机关党委', '2025003'],
];
const badRow = ['', '男', '汉族', '1980.01', '高中', '一线', '西湖村党支部', '2025004'];

async function withCongress(): Promise<{ h: SetupHarness; congressId: number }> {
  const h = await setupHarness();
  const congress = await h.must('congress.create', township);
  return { h, congressId: congress.id };
}

const delegates = (h: SetupHarness) => h.count('SELECT count(*) AS n FROM delegate');
const audits = (h: SetupHarness) => h.count('SELECT count(*) AS n FROM audit');

describe('roster import', () => {
  it('previews every line with the row report and writes nothing', async () => {
    const { h, congressId } = await withCongress();
    const before = audits(h);
    const content = base64(rosterCsv([...rows, badRow]));
    const review = await h.must('roster.preview', { congressId, fileName: '名册.csv', content });
    expect(review.summary).toMatchObject({
      lines: 4,
      importable: 3,
      errors: 1,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(review.problems).toContainEqual({
      line: 5,
      column: '姓名',
      reason: '姓名为空',
      severity: 'error',
    });
    expect(review.lines.map((l) => [l.line, l.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'ok'],
      [5, 'error'],
    ]);
    // An error line offers its values as read, to start a correction from.
    expect(review.lines[3]?.delegate).toMatchObject({ cardNo: '2025004', unit: '西湖村党支部' });
    expect(delegates(h)).toBe(0);
    expect(audits(h)).toBe(before);
  });

  it('refuses to import everything while a line has an error, and imports the valid lines when asked', async () => {
    const { h, congressId } = await withCongress();
    const content = base64(rosterCsv([...rows, badRow]));
    const file = { congressId, fileName: '名册.csv', content };
    const all = await h.call('roster.import', { ...file, mode: 'all' }, h.admin);
    expect(all.ok || all.error).toMatchObject({ code: 'invalid-state', field: 'mode' });
    expect(all.ok || all.error.message).toContain('第 5 行有错误');
    expect(delegates(h)).toBe(0);

    const imported = await h.must('roster.import', { ...file, mode: 'valid-only' });
    expect(imported).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: [5], fixed: [] });
    expect(delegates(h)).toBe(3);
    const rows_ = h.services.store.db
      .prepare<[], { payload: string }>("SELECT payload FROM audit WHERE action = 'roster.import'")
      .all();
    expect(rows_).toHaveLength(1);
    expect(JSON.parse(rows_[0]?.payload ?? '{}')).toMatchObject({
      fileName: '名册.csv',
      mode: 'valid-only',
      created: 3,
      skipped: [5],
    });
  });

  it('imports a line the operator fixed in the preview', async () => {
    const { h, congressId } = await withCongress();
    const content = base64(rosterCsv([...rows, badRow]));
    const fixed = {
      name: '赵丽',
      gender: '女' as const,
      ethnicity: '汉族',
      birthDate: '1980-01-01',
      education: '高中',
      category: '一线',
      unit: '西湖村党支部',
      cardNo: '2025004',
      hasVote: true,
    };
    const file = {
      congressId,
      fileName: '名册.csv',
      content,
      fixes: [{ line: 5, delegate: fixed }],
    };
    const review = await h.must('roster.preview', file);
    expect(review.summary).toMatchObject({ errors: 0, fixed: 1, importable: 4, created: 4 });
    expect(review.problems.filter((p) => p.line === 5)).toEqual([]);
    const imported = await h.must('roster.import', { ...file, mode: 'all' });
    expect(imported).toMatchObject({ created: 4, fixed: [5], skipped: [] });
    expect(h.services.store.delegates.byCard(congressId, '2025004')?.name).toBe('赵丽');

    const clash = await h.must('roster.preview', {
      ...file,
      fixes: [{ line: 5, delegate: { ...fixed, cardNo: '2025001' } }],
    });
    expect(clash.lines[3]).toMatchObject({ status: 'error' });
    expect(clash.lines[3]?.reasons.join('')).toContain('与第 2 行重复');
    const stray = await h.call(
      'roster.preview',
      { ...file, fixes: [{ line: 99, delegate: fixed }] },
      h.admin,
    );
    expect(stray.ok || stray.error.message).toContain('第 99 行');
  });

  it('updates by card number on re-import, keeping excuses and attendance', async () => {
    const { h, congressId } = await withCongress();
    const file = { congressId, fileName: '名册.csv', content: base64(rosterCsv(rows)) };
    await h.must('roster.import', { ...file, mode: 'all' });
    const li = h.services.store.delegates.byCard(congressId, '2025003');
    if (!li) throw new Error('李华 was not imported');
    await h.must('delegates.excuse', { delegateId: li.id, reason: '因病住院' });

    const changed = rows.map((r) => [...r]);
    const row = changed[2];
    if (row) row[6] = '镇农业服务中心';
    changed.push([
      '孙丽',
      '女',
      '汉族',
      '1992-04-01',
      '大学本科',
      '一线',
      '东湖村党总支',
      '2025005',
    ]);
    const again = { ...file, content: base64(rosterCsv(changed)) };
    const review = await h.must('roster.preview', again);
    expect(review.lines.map((l) => l.change)).toEqual([
      'unchanged',
      'unchanged',
      'updated',
      'created',
    ]);
    expect(await h.must('roster.import', { ...again, mode: 'all' })).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 2,
    });
    const after = h.services.store.delegates.byCard(congressId, '2025003');
    expect(after).toMatchObject({ id: li.id, unit: '镇农业服务中心', excusedReason: '因病住院' });
    expect(delegates(h)).toBe(4);

    const shorter = await h.must('roster.preview', {
      ...file,
      content: base64(rosterCsv(rows.slice(0, 1))),
    });
    expect(shorter.summary.notInFile).toBe(3);
  });

  it('writes nothing for files that cannot be read, and says why', async () => {
    const { h, congressId } = await withCongress();
    const before = audits(h);
    const cases: [string, string | Uint8Array, string][] = [
      ['空.csv', '', '是空的'],
      ['无表头.csv', '张三,男\r\n李四,女', '没有找到表头'],
      ['图片.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), '不是文本表格'],
      ['旧版.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), '旧版 Excel'],
    ];
    for (const [fileName, body, reason] of cases) {
      const file = { congressId, fileName, content: base64(body) };
      for (const method of ['roster.preview', 'roster.import'] as const) {
        const result =
          method === 'roster.preview'
            ? await h.call(method, file, h.admin)
            : await h.call(method, { ...file, mode: 'valid-only' }, h.admin);
        expect(result.ok || result.error).toMatchObject({
          code: 'invalid-argument',
          field: 'content',
        });
        expect(result.ok || result.error.message).toContain(reason);
      }
    }
    const notBase64 = await h.call(
      'roster.preview',
      { congressId, fileName: 'x.csv', content: '@@@' },
      h.admin,
    );
    expect(notBase64.ok || notBase64.error.field).toBe('content');
    expect(delegates(h)).toBe(0);
    expect(audits(h)).toBe(before);
  });

  it('refuses a file over the size cap with a clear message', async () => {
    const { h, congressId } = await withCongress();
    const big = 'a'.repeat(Math.ceil((5 * 1024 * 1024 + 10) / 3) * 4);
    const result = await h.call(
      'roster.preview',
      { congressId, fileName: '大.csv', content: big },
      h.admin,
    );
    expect(result.ok || result.error.message).toContain('名册文件过大');
  });

  it('is for the administrator only', async () => {
    const { h, congressId } = await withCongress();
    const teller = await h.person('teller');
    const content = base64(rosterCsv(rows));
    const result = await h.call(
      'roster.import',
      { congressId, fileName: 'a.csv', content, mode: 'all' },
      teller,
    );
    expect(result.ok || result.error.code).toBe('forbidden');
    expect(delegates(h)).toBe(0);
  });
});
