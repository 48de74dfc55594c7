/**
 * Code 128 (ISO/IEC 15417), sets B and C: what a delegate card's barcode carries and what a USB
 * scanner types back. Pure, so it runs in the print templates and in tests alike.
 */

/** Bar and space widths of symbol values 0–105 (six elements, 11 modules each). */
const widths: readonly string[] = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 ' +
  '221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 ' +
  '231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232'
).split(' ');

/** The stop pattern: seven elements, 13 modules, ending in the final bar. */
const stopWidths = '2331112';

const codeC = 99;
const codeB = 100;
export const startB = 104;
const startC = 105;

export type Code128 =
  { ok: true; symbols: number[]; modules: string } | { ok: false; reason: string };

/**
 * Encodes printable ASCII, switching to set C (two digits per symbol) for runs of digits where
 * that makes the barcode shorter, as card numbers are mostly digits.
 */
export function encodeCode128(text: string): Code128 {
  if (text === '') return { ok: false, reason: '内容为空' };
  if (!/^[\x20-\x7e]+$/.test(text)) return { ok: false, reason: `“${text}”含有条码无法表示的字符` };
  const data = dataSymbols(text);
  const checksum = data.reduce((sum, value, i) => sum + value * Math.max(i, 1), 0) % 103;
  const symbols = [...data, checksum];
  return { ok: true, symbols, modules: modulesOf(symbols) };
}

function dataSymbols(text: string): number[] {
  const symbols: number[] = [];
  let set: 'B' | 'C' = digitRun(text, 0) >= 4 || isEvenDigits(text) ? 'C' : 'B';
  symbols.push(set === 'C' ? startC : startB);
  let i = 0;
  while (i < text.length) {
    const run = digitRun(text, i);
    if (set === 'C' && run >= 2) {
      symbols.push(Number(text.slice(i, i + 2)));
      i += 2;
    } else if (set === 'C') {
      symbols.push(codeB);
      set = 'B';
    } else if (run >= 6 || (run >= 4 && i + run === text.length)) {
      if (run % 2 === 1) symbols.push(charValue(text, i++));
      symbols.push(codeC);
      set = 'C';
    } else {
      symbols.push(charValue(text, i++));
    }
  }
  return symbols;
}

function charValue(text: string, i: number): number {
  return text.charCodeAt(i) - 32;
}

function digitRun(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
  return i - from;
}

function isEvenDigits(text: string): boolean {
  return text.length % 2 === 0 && digitRun(text, 0) === text.length;
}

/** Symbols (start first, checksum last) to modules, 1 a bar and 0 a space, with the stop. */
export function modulesOf(symbols: readonly number[]): string {
  const patterns = symbols.map((value) => {
    const pattern = widths[value];
    if (pattern === undefined) throw new RangeError(`Code 128 has no symbol ${value}`);
    return pattern;
  });
  return [...patterns, stopWidths].map(elementsToModules).join('');
}

function elementsToModules(elements: string): string {
  return [...elements].map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(Number(w))).join('');
}
