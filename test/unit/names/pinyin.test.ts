import { describe, expect, it } from 'vitest';
import { createNameIndex, matchesQuery } from '../../../shared/names';

describe('pinyin search', () => {
  it.each([
    '张三',
    '三',
    'zs',
    'zhangsan',
    'zhangs',
    'zhs',
    'zhan',
    'zsan',
    'ZhangSan',
    'zhang san',
    '张s',
    'zh三',
  ])('%s finds 张三', (query) => {
    expect(matchesQuery('张三', query)).toBe(true);
  });

  it.each(['ls', 'zhangsi', 'sz', 'zhangsanfeng', 'x', '李'])('%s does not find 张三', (query) => {
    expect(matchesQuery('张三', query)).toBe(false);
  });

  it.each([
    ['单雄信', ['shan', 'dan', 'sxx', 'dxx']],
    ['曾国藩', ['zeng', 'ceng', 'zgf']],
    ['解缙', ['xie', 'jie', 'xj']],
    ['仇英', ['qiu', 'chou', 'qy']],
    ['区美玲', ['ou', 'qu', 'oml']],
    ['朴树', ['piao', 'pu', 'ps']],
    ['查良镛', ['zha', 'cha', 'zly']],
  ] as const)('any reading of the polyphone surname of %s matches', (name, queries) => {
    for (const query of queries) expect(matchesQuery(name, query), query).toBe(true);
  });

  it('ü is typed as v, and as u', () => {
    expect(matchesQuery('吕布', 'lvbu')).toBe(true);
    expect(matchesQuery('吕布', 'lubu')).toBe(true);
  });

  it('a given name can be searched on its own', () => {
    expect(matchesQuery('王小明', 'xm')).toBe(true);
    expect(matchesQuery('王小明', 'xiaoming')).toBe(true);
  });

  it('characters without a reading still match themselves', () => {
    expect(matchesQuery('𠮷利', '𠮷')).toBe(true);
    expect(matchesQuery('𠮷利', 'li')).toBe(true);
  });

  it('the index returns matches in roster order, and an empty query returns everyone', () => {
    const index = createNameIndex(['张三', '李四', '赵善', '章珊珊']);
    expect(index.search('zs')).toEqual(['张三', '赵善', '章珊珊']);
    expect(index.search('')).toHaveLength(4);
  });
});
