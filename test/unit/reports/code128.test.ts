import { describe, expect, it } from 'vitest';
import { barsPath } from '../../../core/reports/templates/Barcode';
import { encodeCode128, modulesOf, startB } from '../../../core/reports/templates/code128';

/** Module patterns published with ISO/IEC 15417 (Figure 1) and reproduced by zint's test suite. */
const aim = '11010010000101000110001100010001010111011000101110110001100011101011';
const digits10 =
  '110100111001011001110010001011000111000101101100001010011011110110100111100101100011101011';
const digits10SetB =
  '1101001000010011100110110011100101100101110011001001110110111001001100111010011101101110111010011001110010110010011101100101000110001100011101011';

function encoded(text: string) {
  const code = encodeCode128(text);
  if (!code.ok) throw new Error(code.reason);
  return code;
}

describe('Code 128', () => {
  it('encodes "AIM" in set B as in the standard', () => {
    expect(encoded('AIM').modules).toBe(aim);
  });

  it('encodes an even run of digits in set C, two to a symbol', () => {
    const code = encoded('1234567890');
    expect(code.symbols).toEqual([105, 12, 34, 56, 78, 90, 85]);
    expect(code.modules).toBe(digits10);
  });

  it('has the right pattern for every digit in set B', () => {
    const values = [...'1234567890'].map((c) => c.charCodeAt(0) - 32);
    const checksum = values.reduce((sum, v, i) => sum + v * (i + 1), startB) % 103;
    expect(modulesOf([startB, ...values, checksum])).toBe(digits10SetB);
  });

  it('switches between sets B and C where that is shorter, with the checksum over all', () => {
    // 2025 in C, then A and 001 in B: (105 + 20·1 + 25·2 + 100·3 + 33·4 + 16·5 + 16·6 + 17·7) mod 103 = 78
    expect(encoded('2025A001').symbols).toEqual([105, 20, 25, 100, 33, 16, 16, 17, 78]);
    // A lone digit first in B, then the rest of an odd run of seven in C.
    expect(encoded('D1234567').symbols.slice(0, 7)).toEqual([104, 36, 17, 99, 23, 45, 67]);
    expect(encoded('12345').symbols.slice(0, 5)).toEqual([105, 12, 34, 100, 21]);
  });

  it('draws every symbol as 11 modules of three bars and three spaces, and stops with 13', () => {
    const code = encoded('A-2025/07 x');
    expect(code.modules.length).toBe(11 * code.symbols.length + 13);
    for (let i = 0; i < code.symbols.length; i += 1) {
      const symbol = code.modules.slice(11 * i, 11 * i + 11);
      expect(symbol.startsWith('1') && symbol.endsWith('0')).toBe(true);
      expect(symbol.match(/1+/g)?.length).toBe(3);
    }
    expect(code.modules.endsWith('1100011101011')).toBe(true);
  });

  it('refuses text a scanner could not type back', () => {
    expect(encodeCode128('代001')).toEqual({ ok: false, reason: '“代001”含有条码无法表示的字符' });
    expect(encodeCode128('')).toEqual({ ok: false, reason: '内容为空' });
  });

  it('draws one rectangle per bar, after the quiet zone', () => {
    expect(barsPath('1101', 10)).toBe('M10 0h2v100h-2zM13 0h1v100h-1z');
  });
});
