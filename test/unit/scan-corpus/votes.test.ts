import { describe, expect, it } from 'vitest';
import { createRng } from '../../scan/corpus';
import { chooseVotes, DEFAULT_SHARES } from '../../scan/corpus/votes';

describe('voters', () => {
  const ballots = Array.from({ length: 4000 }, (_, i) =>
    chooseVotes(createRng(`votes:${i}`), 27, 5, 22, DEFAULT_SHARES),
  );

  it('most mark about the number of seats with ○', () => {
    const circles = ballots.map(
      (b) =>
        b.candidates.filter((m) => m === 'O').length +
        b.writeIns.filter((w) => w.mark === 'O').length,
    );
    const exact = circles.filter((c) => c === 22).length / ballots.length;
    expect(exact).toBeGreaterThan(0.65);
    expect(circles.some((c) => c > 22)).toBe(true);
    expect(circles.some((c) => c < 22)).toBe(true);
  });

  it('some strike candidates with ×, a few write a name in', () => {
    const crossing = ballots.filter((b) => b.candidates.includes('X')).length / ballots.length;
    const writing = ballots.filter((b) => b.writeIns.some((w) => w.name)).length / ballots.length;
    expect(crossing).toBeGreaterThan(0.2);
    expect(crossing).toBeLessThan(0.7);
    expect(writing).toBeGreaterThan(0.02);
    expect(writing).toBeLessThan(0.1);
  });

  it('about 1–2 % of ballots carry a mark for review', () => {
    const odd = ballots.filter(
      (b) =>
        b.candidates.some((m) => m !== null && m !== 'O' && m !== 'X') ||
        b.writeIns.some((w) => w.mark !== null && w.mark !== 'O' && w.mark !== 'X'),
    ).length;
    expect(odd / ballots.length).toBeGreaterThan(0.007);
    expect(odd / ballots.length).toBeLessThan(0.03);
  });
});
