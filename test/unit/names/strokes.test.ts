import cnchar from 'cnchar';
import { describe, expect, it } from 'vitest';
import { classOfStroke, strokeClasses } from '../../../shared/names';
import { STROKE_OVERRIDES } from '../../../shared/names/overrides';
import { COMPOUND_SURNAMES } from '../../../shared/names/surnames';

describe('stroke classes', () => {
  it.each([
    ['丁', '12'], // 横 竖钩
    ['小', '234'], // 竖钩 撇 点
    ['李', '1234521'], // 木, then 子: 横撇 竖钩 横
    ['卜', '24'], // 竖 点
    ['刁', '51'], // 横折钩 提
    ['冯', '41551'], // 点 提 横折 竖折折钩 横
    ['火', '4334'], // 点 撇 撇 捺
    ['女', '531'], // 撇点 撇 横
    ['张', '5153154'], // 横折 横 竖折折钩 撇 横 竖提 捺
    ['心', '4544'], // 点 卧钩 点 点
    ['也', '525'], // 横折钩 竖 竖弯钩
    ['𠮷', '121251'], // from the override table
  ])('%s is %s', (ch, classes) => {
    expect(strokeClasses(ch)).toBe(classes);
  });

  it('提 is a 横, 竖钩 a 竖, 捺 a 点, every other turning stroke a 折', () => {
    expect(classOfStroke('提')).toBe(1);
    expect(classOfStroke('竖钩')).toBe(2);
    expect(classOfStroke('捺')).toBe(4);
    for (const fold of ['横折', '横钩', '撇点', '竖提', '弯钩', '斜钩', '卧钩', '横撇|横钩']) {
      expect(classOfStroke(fold), fold).toBe(5);
    }
    expect(classOfStroke('不是笔画')).toBeUndefined();
  });

  it('classifies every stroke of every character cnchar knows, with its stroke count', () => {
    const unclassified: string[] = [];
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const ch = String.fromCodePoint(code);
      const count = cnchar.stroke(ch);
      if (typeof count !== 'number' || count === 0 || ch in STROKE_OVERRIDES) continue;
      const classes = strokeClasses(ch);
      if (classes === null) {
        const order = cnchar.stroke(ch, 'order');
        if (Array.isArray(order) && order[0] !== undefined) unclassified.push(ch);
      } else if (classes.length !== count) {
        unclassified.push(`${ch}:${classes.length}≠${count}`);
      }
    }
    expect(unclassified).toEqual([]);
  });

  it('override entries are well-formed', () => {
    for (const [ch, strokes] of Object.entries(STROKE_OVERRIDES)) {
      expect(strokeClasses(ch), ch).toMatch(/^[1-5]+$/);
      expect(
        strokes.split(' ').every((name) => classOfStroke(name) !== undefined),
        ch,
      ).toBe(true);
      const order = ch.length === 1 ? cnchar.stroke(ch, 'order', 'name') : [];
      const names: unknown = Array.isArray(order) ? order[0] : undefined;
      const count = ch.length === 1 ? cnchar.stroke(ch) : 0;
      if (Array.isArray(names)) {
        // A correction of cnchar's order must change the classes, or it is not needed.
        const fromCnchar = names.map((name) => classOfStroke(String(name))).join('');
        expect(strokeClasses(ch), ch).not.toBe(fromCnchar);
      } else if (typeof count === 'number' && count > 0) {
        // Where cnchar knows the count but not the order, the two must agree.
        expect(strokes.split(' '), ch).toHaveLength(count);
      }
    }
  });

  it('knows every character of the compound surnames', () => {
    const lacking = [...COMPOUND_SURNAMES]
      .join('')
      .replace(/./gu, (ch) => (strokeClasses(ch) === null ? ch : ''));
    expect(lacking).toBe('');
  });

  it('has no data for characters outside it', () => {
    expect(strokeClasses('𬌗')).toBeNull();
    expect(strokeClasses('A')).toBeNull();
  });
});
