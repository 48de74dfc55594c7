import { describe, expect, it } from 'vitest';
import {
  tallyRound,
  type BallotGroup,
  type NameResult,
  type RoundInput,
} from '../../../shared/tally';
import { makeRound } from './rounds';

const candidates = ['王芳', '石磊', '朱红', '李华'];

function count(ballots: BallotGroup[], extra: Partial<RoundInput> = {}) {
  return tallyRound(makeRound({ candidates, seats: 2, ballots, ...extra }));
}

function entry(results: NameResult[], name: string): NameResult | undefined {
  return results.find((r) => r.name === name);
}

describe('reading each ballot', () => {
  it('more "for" marks than seats voids the whole ballot', () => {
    const result = count([
      { n: 3, marks: 'OO--' },
      { n: 2, marks: 'OOO-' },
    ]);
    expect(result.ballots).toMatchObject({ valid: 3, invalid: 2 });
    expect(entry(result.results, '朱红')).toMatchObject({ for: 0, against: 0, abstain: 3 });
    expect(result.determinations.find((d) => d.kind === 'ballots')?.text).toContain('2 张赞成');
  });

  it('a written name with ○ counts towards the limit: one over voids the ballot', () => {
    const writeIns = [{ name: '周涛', mark: 'O' as const }];
    const result = count([
      { n: 4, marks: 'OO--' },
      { n: 1, marks: 'OO--', writeIns },
      { n: 2, marks: 'O---', writeIns },
    ]);
    expect(result.ballots).toMatchObject({ valid: 6, invalid: 1 });
    expect(entry(result.results, '周涛')).toEqual({
      name: '周涛',
      for: 2,
      writeIn: true,
      outcome: 'not-elected',
    });
    expect(entry(result.results, '王芳')).toMatchObject({ for: 6 });
  });

  it('an unmarked written name is ignored by default', () => {
    const result = count([
      { n: 3, marks: 'OO--', writeIns: [{ name: '周涛', mark: '-' }] },
      { n: 1, marks: 'O---' },
    ]);
    expect(result.ballots).toMatchObject({ valid: 4, invalid: 0 });
    expect(entry(result.results, '周涛')).toBeUndefined();
  });

  it('writeInWithoutMark: for counts an unmarked written name, and it counts towards the limit', () => {
    const options = { options: { writeInWithoutMark: 'for' as const } };
    const result = count(
      [
        { n: 3, marks: 'OO--', writeIns: [{ name: '周涛', mark: '-' }] },
        { n: 2, marks: 'O---', writeIns: [{ name: '周涛', mark: '-' }] },
      ],
      options,
    );
    expect(result.ballots).toMatchObject({ valid: 2, invalid: 3 });
    expect(entry(result.results, '周涛')).toMatchObject({ for: 2, writeIn: true });
  });

  it('identical written names are one write-in, spaces inside a name aside', () => {
    const result = count([
      { n: 2, marks: 'O---', writeIns: [{ name: '周涛', mark: 'O' }] },
      { n: 3, marks: 'O---', writeIns: [{ name: '周\u3000涛', mark: 'O' }] },
      { n: 1, marks: '----', writeIns: [{ name: ' 周涛 ', mark: 'O' }] },
    ]);
    expect(result.results.filter((r) => r.writeIn)).toEqual([
      { name: '周涛', for: 6, writeIn: true, outcome: 'elected' },
    ]);
  });

  it('a written name equal to a candidate is not a second vote: the printed box decides', () => {
    const result = count([
      { n: 3, marks: 'OO--', writeIns: [{ name: '朱红', mark: 'O' }] },
      { n: 2, marks: '--X-', writeIns: [{ name: '朱红', mark: 'O' }] },
    ]);
    expect(result.ballots).toMatchObject({ valid: 5, invalid: 0 });
    expect(entry(result.results, '朱红')).toMatchObject({ for: 0, against: 2, abstain: 3 });
    expect(result.results.filter((r) => r.writeIn)).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('write-in-is-candidate');
  });

  it('an unclear mark is void for that candidate only; the rest of the ballot counts', () => {
    const result = count([{ n: 5, marks: 'O?X-' }]);
    expect(result.ballots).toMatchObject({ valid: 5, invalid: 0 });
    expect(entry(result.results, '王芳')).toMatchObject({ for: 5, against: 0, abstain: 0 });
    expect(entry(result.results, '石磊')).toMatchObject({ for: 0, against: 0, abstain: 5 });
    expect(entry(result.results, '朱红')).toMatchObject({ for: 0, against: 5, abstain: 0 });
  });

  it('a blank ballot is valid, all abstentions', () => {
    const result = count([{ n: 4, marks: '----' }]);
    expect(result.ballots).toMatchObject({ valid: 4, invalid: 0 });
    expect(entry(result.results, '李华')).toMatchObject({ for: 0, against: 0, abstain: 4 });
  });

  it('ballots the scrutineers declared invalid count as returned and nothing else', () => {
    const result = count([
      { n: 3, marks: 'OO--' },
      { n: 2, invalid: true },
    ]);
    expect(result.ballots).toEqual({ issued: 5, returned: 5, valid: 3, invalid: 2 });
    expect(entry(result.results, '王芳')).toMatchObject({ for: 3, abstain: 0 });
    const declared = result.determinations.filter((d) => d.kind === 'ballots');
    expect(declared[1]?.rule).toBe('《中国共产党基层组织选举工作暂行条例》第二十条');
  });

  it('a write-in who is elected is flagged for an eligibility check', () => {
    const result = count([{ n: 5, marks: 'O---', writeIns: [{ name: '周涛', mark: 'O' }] }]);
    expect(result.elected).toContain('周涛');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'eligibility', names: ['周涛'] }),
    );
  });
});
