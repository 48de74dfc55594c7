import { describe, expect, it } from 'vitest';
import {
  committeeTestLayout,
  corpusBallot,
  createRng,
  generateBallot,
  generateCorpus,
  syntheticTemplate,
} from '../../scan/corpus';

const template = syntheticTemplate(committeeTestLayout(), 150, 'round-1');

describe('a seed fixes the corpus', () => {
  it('the same seed gives the same file bytes and truth', async () => {
    const a = await generateBallot(template, createRng(42), { seats: 9 });
    const b = await generateBallot(template, createRng(42), { seats: 9 });
    expect(b.truth).toEqual(a.truth);
    expect(b.file.type).toBe(a.file.type);
    expect(Buffer.compare(a.file.bytes, b.file.bytes)).toBe(0);
  });

  it('different seeds give different ballots', async () => {
    const a = await generateBallot(template, createRng(1), { seats: 9 });
    const b = await generateBallot(template, createRng(2), { seats: 9 });
    expect(Buffer.compare(a.file.bytes, b.file.bytes)).not.toBe(0);
  });

  it('ballot i of a corpus can be regenerated on its own', async () => {
    const spec = { template, count: 4, seed: 'corpus', seats: 9 };
    const all = [];
    for await (const ballot of generateCorpus(spec)) all.push(ballot);
    expect(all).toHaveLength(4);
    const third = await corpusBallot(spec, 2);
    expect(third.truth).toEqual(all[2]?.truth);
    expect(Buffer.compare(third.file.bytes, all[2]?.file.bytes ?? Buffer.alloc(0))).toBe(0);
  });

  it('the template is the same for the same layout, resolution and code', () => {
    const again = syntheticTemplate(committeeTestLayout(), 150, 'round-1');
    expect(Buffer.compare(again.image.data, template.image.data)).toBe(0);
  });
});
