import { describe, expect, it } from 'vitest';
import { compareNames, sortNames } from '../../../shared/names';

function sorted(names: string, order: 'party' | 'npc' = 'npc'): string {
  return sortNames(names.split(' ').reverse(), order).sorted.join(' ');
}

describe('姓氏笔画 order', () => {
  it.each([
    // Equal stroke counts are decided by the first stroke: 横 < 竖 < 撇 < 点 < 折.
    '丁 卜 刁',
    '于 万 马',
    '王 方',
    '石 田 白',
    '朱 刘',
    '李 吴 张 陈',
    // Fewer strokes first: 林 and 欧 have 8, 林 starts with 横, 欧 with 横 then 撇.
    '林 欧阳',
  ])('%s', (names) => {
    expect(sorted(names)).toBe(names);
  });

  it('is not code-point order, nor what a stroke-count sort gives', () => {
    expect(sorted('丁 卜 刁')).not.toBe(['丁', '卜', '刁'].sort().join(' '));
  });

  it('a compound surname ranks by its first character', () => {
    // 上 has 3 strokes, 诸 10: 上官 comes before 王, 诸葛 after 李.
    expect(sorted('上官云 王芳 李四 诸葛亮', 'party')).toBe('上官云 王芳 李四 诸葛亮');
    expect(sorted('李四 欧阳明 林木 罗兰', 'npc')).toBe('李四 林木 欧阳明 罗兰');
  });

  it('party convention: a one-character given name sorts as if a blank came first', () => {
    expect(sorted('田富 田大利', 'party')).toBe('田富 田大利');
    expect(compareNames('田富', '田大利', 'party')).toBeLessThan(0);
  });

  it('npc convention: characters compared directly', () => {
    expect(sorted('田富 田大利', 'npc')).toBe('田大利 田富');
    expect(compareNames('田富', '田大利', 'npc')).toBeGreaterThan(0);
  });

  it('same surname with one- and two-character given names', () => {
    // 王丽 (7 strokes) vs 王一明 (一: 1 stroke): party puts the single name first.
    expect(sorted('王一明 王丽 王二', 'party')).toBe('王二 王丽 王一明');
    expect(sorted('王一明 王丽 王二', 'npc')).toBe('王一明 王二 王丽');
    // 欧阳明 has a one-character given name, so it sorts as 欧阳, blank, 明: before 欧阳大明.
    expect(sorted('欧阳大明 欧阳明', 'party')).toBe('欧阳明 欧阳大明');
    expect(sorted('欧阳大明 欧阳明', 'npc')).toBe('欧阳大明 欧阳明');
  });

  it('a full-width blank inside a name is ignored', () => {
    expect(compareNames('田\u3000富', '田富', 'party')).toBe(0);
    expect(sorted('田大利 田\u3000富', 'party')).toBe('田\u3000富 田大利');
  });

  it('the scenario list, party convention', () => {
    const names = '王小明 丁一 马力 田富 田大利 欧阳明 林木 李四'.split(' ');
    expect(sortNames(names, 'party').sorted).toEqual(
      '丁一 马力 王小明 田富 田大利 李四 林木 欧阳明'.split(' '),
    );
  });

  it('the override table knows 𠮷 (6 strokes, 土 over 口)', () => {
    // 𠮷 and 吉 write the same strokes (横竖横竖横折横); 老 has 6 too but its fourth is a 撇.
    const result = sortNames(['老李', '𠮷利', '刘一', '吉利'], 'npc');
    expect(result.sorted).toEqual(['吉利', '𠮷利', '老李', '刘一']);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'equal-strokes', names: ['吉利', '𠮷利'] }),
    ]);
  });

  it('a character without stroke data gives a warning naming it and the name', () => {
    const result = sortNames(['王芳', '𬌗明', '丁一', '王𫘝'], 'party');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'missing-strokes',
        characters: ['𫘝', '𬌗'],
        names: ['王𫘝', '𬌗明'],
      }),
    );
    // Known before unknown at the same position; the rest of the order holds.
    expect(result.sorted.indexOf('丁一')).toBeLessThan(result.sorted.indexOf('王芳'));
    expect(result.sorted.indexOf('王芳')).toBeLessThan(result.sorted.indexOf('王𫘝'));
    expect(result.sorted.at(-1)).toBe('𬌗明');
  });

  it('orders deterministically whatever the input order', () => {
    const names = ['𬌗明', '𫘝华', '王芳', '王方', '人一', '入一'];
    const once = sortNames(names, 'npc').sorted;
    expect(sortNames([...names].reverse(), 'npc').sorted).toEqual(once);
  });
});
