import { rosterFailure, type RosterEncoding, type RosterFailure } from './types';

export type Decoded = { ok: true; text: string; encoding: RosterEncoding } | RosterFailure;

const saveAsHint =
  '请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”或“Excel 工作簿（.xlsx）”后重新导入。';

/**
 * Finds the text of a CSV without asking the operator: a BOM decides; otherwise strict UTF-8,
 * then GB18030 (a superset of the GBK that Excel on Chinese Windows writes). GB18030 accepts
 * almost any byte sequence, so its result must also look like a roster.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === null ? notDecodable(fileName) : { ok: true, text, encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    const text = strictDecode('utf-16le', bytes.subarray(2));
    return text === null ? notDecodable(fileName) : { ok: true, text, encoding: 'utf-16le' };
  }
  const binary = binaryReason(bytes);
  if (binary !== null) {
    return rosterFailure(
      'binary',
      `文件“${fileName}”不是文本表格（${binary}），可能是其它类型的文件改成了 .csv 扩展名。${saveAsHint}`,
    );
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = strictDecode('gb18030', bytes);
  if (gb === null || !mostlyGb2312(bytes) || !looksLikeChineseText(gb))
    return notDecodable(fileName);
  return { ok: true, text: gb, encoding: 'gb18030' };
}

function notDecodable(fileName: string): RosterFailure {
  return rosterFailure(
    'encoding',
    `无法识别文件“${fileName}”的文字编码：既不是 UTF-8，也不是 GBK/GB18030。${saveAsHint}`,
  );
}

export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text files in any of our encodings never contain NUL and hardly any other control byte. */
function binaryReason(bytes: Uint8Array): string | null {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return '含有空字节';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls += 1;
  }
  return controls * 100 > bytes.length ? '含有大量控制字符' : null;
}

/**
 * A roster in GBK is almost all GB2312 (its common hanzi and symbols); the GBK extensions hold
 * rare characters, a few of them in names. Big5 and Shift-JIS bytes land mostly in the extensions.
 */
function mostlyGb2312(bytes: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i += 1;
    } else if (trail >= 0x30 && trail <= 0x39) {
      rare += 1;
      i += 4;
    } else {
      const gb2312 =
        ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1;
      if (gb2312) common += 1;
      else rare += 1;
      i += 2;
    }
  }
  return rare * 10 <= common + rare;
}

/**
 * Text wrongly decoded as GB18030 (Big5, Shift-JIS, Latin-1, random bytes) turns into private-use
 * characters, kana, box drawing and other scripts a Chinese roster does not use.
 */
function looksLikeChineseText(text: string): boolean {
  let nonAscii = 0;
  let odd = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii += 1;
    if (code >= 0xe000 && code <= 0xf8ff) return false;
    if (!usualInRoster(code)) odd += 1;
  }
  return odd * 50 <= nonAscii;
}

const usualRanges: readonly (readonly [number, number])[] = [
  [0x00b7, 0x00b7], // · in minority names
  [0x00d7, 0x00d7], // ×
  [0x2000, 0x206f], // general punctuation: — … ‘’ “”
  [0x2100, 0x218f], // № ℃ Ⅰ Ⅱ
  [0x2460, 0x24ff], // ① ②
  [0x25a0, 0x25ff], // ○ □
  [0x3000, 0x303f], // CJK punctuation, ideographic space
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xff00, 0xffef], // full-width forms
  [0x20000, 0x3134f], // CJK extensions B–G (rare name characters)
];

function usualInRoster(code: number): boolean {
  return usualRanges.some(([from, to]) => code >= from && code <= to);
}
