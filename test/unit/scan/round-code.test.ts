import { describe, expect, it } from 'vitest';
import { decodeRoundCode, encodeRoundCode, roundCodeMatrix } from '../../../shared/scan/round-code';
import { ROUND } from './fixture-layout';

describe('round code', () => {
  it('round-trips through its text', () => {
    const text = encodeRoundCode(ROUND);
    expect(text).toBe('CT1:3:2:1:5A1C0E9F3B7D2468:1');
    expect(decodeRoundCode(text)).toEqual(ROUND);
  });

  it('rejects text that is not a round code', () => {
    expect(decodeRoundCode('https://example.org')).toBeNull();
    expect(decodeRoundCode('CT1:3:2:1:5A1C:1')).toBeNull();
    expect(decodeRoundCode('CT2:3:2:1:5A1C0E9F3B7D2468:1')).toBeNull();
  });

  it('refuses to serialise a digest of the wrong length', () => {
    expect(() => encodeRoundCode({ ...ROUND, layout: 'abc' })).toThrow();
  });

  it('gives different pages different QR matrices', () => {
    const one = roundCodeMatrix(ROUND).flat().join();
    const two = roundCodeMatrix({ ...ROUND, page: 2 })
      .flat()
      .join();
    expect(one).not.toBe(two);
  });
});
