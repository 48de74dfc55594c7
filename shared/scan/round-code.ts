import { encode } from 'uqr';
import type { RoundCode } from './layout';

/**
 * The text of the QR round code: `CT1:<congress>:<election>:<round>:<layout digest>:<page>`, the
 * digest as 16 upper-case hex digits so that the whole text fits QR's compact alphanumeric mode.
 */
const PREFIX = 'CT1';
const PATTERN = /^CT1:(\d{1,9}):(\d{1,9}):(\d{1,9}):([0-9A-F]{16}):(\d{1,3})$/i;

export function encodeRoundCode(code: RoundCode): string {
  if (!/^[0-9a-f]{16}$/i.test(code.layout)) {
    throw new Error(`round code layout digest must be 16 hex digits: ${code.layout}`);
  }
  const parts = [code.congress, code.election, code.round, code.page];
  if (!parts.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new Error('round code numbers must be non-negative integers');
  }
  const { congress, election, round, layout, page } = code;
  return `${PREFIX}:${congress}:${election}:${round}:${layout.toUpperCase()}:${page}`;
}

export function decodeRoundCode(text: string): RoundCode | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, congress, election, round, layout, page] = m;
  if (!congress || !election || !round || !layout || !page) return null;
  return {
    congress: Number(congress),
    election: Number(election),
    round: Number(round),
    layout: layout.toLowerCase(),
    page: Number(page),
  };
}

/** QR error-correction levels; the ballot prints with `PRINTED_ECC`, the reader accepts any. */
export const QR_ECC_LEVELS = ['L', 'M', 'Q', 'H'] as const;
export type QrEcc = (typeof QR_ECC_LEVELS)[number];
export const PRINTED_ECC: QrEcc = 'M';

/** The QR module matrix of a round code, without quiet zone: `true` is a dark module. */
export function roundCodeMatrix(code: RoundCode, ecc: QrEcc = PRINTED_ECC): boolean[][] {
  return encode(encodeRoundCode(code), { ecc, border: 0 }).data;
}
