import { describe, expect, it } from 'vitest';
import { ageOn, readBirthDate } from '../../../core/setup/roster/dates';

const on = '2025-06-18';

describe('birth dates as rosters write them', () => {
  it.each([
    ['1980-05-06', '1980-05-06', false],
    ['1980/5/6', '1980-05-06', false],
    ['1980.05.06', '1980-05-06', false],
    ['1980年5月6日', '1980-05-06', false],
    ['1980年5月6号', '1980-05-06', false],
    ['19800506', '1980-05-06', false],
    ['1980/5/6 0:00', '1980-05-06', false],
    ['29347', '1980-05-06', false],
    ['1980.05', '1980-05-01', true],
    ['1980.5', '1980-05-01', true],
    ['1980.10', '1980-10-01', true],
    ['1980-05', '1980-05-01', true],
    ['198005', '1980-05-01', true],
    ['1980年5月', '1980-05-01', true],
    ['2000-02-29', '2000-02-29', false],
  ])('reads %s as %s', (text, value, monthOnly) => {
    expect(readBirthDate(text, on)).toEqual({ value, monthOnly });
  });

  it('reads Excel date cells by their calendar date, whatever the time zone', () => {
    expect(readBirthDate(new Date(Date.UTC(1975, 11, 31)), on)).toEqual({
      value: '1975-12-31',
      monthOnly: false,
    });
  });

  it.each([
    ['1980', '出生日期“1980”只有年份，未导入'],
    ['1900-02-29', '出生日期“1900-02-29”不是有效日期'],
    ['1980-13-01', '出生日期“1980-13-01”不是有效日期'],
    ['6/5/1980', '无法识别出生日期“6/5/1980”'],
    ['八零年', '无法识别出生日期“八零年”'],
    ['2025-06-19', '出生日期 2025-06-19 晚于大会日期 2025-06-18，未导入'],
  ])('leaves out %s: %s', (text, problem) => {
    expect(readBirthDate(text, on)).toEqual({ value: null, monthOnly: false, problem });
  });

  it('keeps an unusual age but asks for it to be checked', () => {
    expect(readBirthDate('1920-01-01', on)).toEqual({
      value: '1920-01-01',
      monthOnly: false,
      problem: '按大会日期计算已 105 岁，请核实出生日期',
    });
  });

  it('counts age in whole years, the birthday itself included', () => {
    expect(ageOn('1985-06-18', on)).toBe(40);
    expect(ageOn('1985-06-19', on)).toBe(39);
    expect(ageOn('1984-02-29', '2025-02-28')).toBe(40);
    expect(ageOn('1984-02-29', '2025-03-01')).toBe(41);
  });
});
