import { describe, expect, it } from 'vitest';
import { gbkCsv, header } from './files';
import { parseOk } from './files';

describe('a large roster', () => {
  it('reads 10,000 delegates from a GBK CSV, every one of them', async () => {
    const units = [
      '镇机关党委',
      '东湖村党总支',
      '西山村党支部',
      '镇中心学校党支部',
      '卫生院党支部',
    ];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      String(i + 1),
      `代表${i + 1}`,
      i % 3 === 0 ? '女' : '男',
      i % 10 === 0 ? '回族' : '汉族',
      `${1960 + (i % 40)}.${String((i % 12) + 1).padStart(2, '0')}`,
      '大学本科',
      '一线',
      units[i % units.length] ?? '',
      `2025${String(i).padStart(5, '0')}`,
      '是',
      '',
    ]);
    const roster = await parseOk(gbkCsv('large.csv', [header, ...rows]), 'large.csv');
    expect(roster.rows).toHaveLength(10_000);
    expect(roster.problems).toEqual([]);
    expect(roster.rows[9_999]).toMatchObject({
      line: 10_001,
      name: '代表10000',
      cardNo: '202509999',
    });
  });
});
