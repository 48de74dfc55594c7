import { describe, expect, it } from 'vitest';
import { elect, votes } from './elect';

describe('announcement order', () => {
  it('alternates: by votes, most first, equal votes in stroke order', () => {
    const result = elect({
      office: 'alternate',
      candidates: ['王芳', '丁一', '石磊', '马力', '赵敏'],
      seats: 4,
      ballots: [
        { n: 30, marks: 'OOOO-' },
        { n: 5, marks: '-OOO-' },
        { n: 5, marks: '-O-O-' },
      ],
    });
    expect(votes(result)).toMatchObject({ 丁一: 40, 马力: 40, 石磊: 35, 王芳: 30 });
    expect(result.elected).toEqual(['丁一', '马力', '石磊', '王芳']);
  });

  it.each(['secretary', 'deputy-secretary'] as const)('%s: in ballot order', (office) => {
    const ballots = [{ n: 9, marks: 'OO' }];
    const result = elect({ office, candidates: ['石磊', '丁一'], seats: 2, ballots });
    expect(result.elected).toEqual(['石磊', '丁一']);
    expect(result.slate).toEqual({ minCandidates: 2, maxCandidates: null, ok: true });
  });

  it('other offices: 姓氏笔画, not votes', () => {
    const result = elect({
      candidates: ['石磊', '王芳', '丁一', '马力'],
      seats: 3,
      ballots: [
        { n: 30, marks: 'OOO-' },
        { n: 5, marks: 'O---' },
      ],
    });
    expect(result.elected).toEqual(['丁一', '王芳', '石磊']);
  });
});

describe('determinations', () => {
  it('every name carries an outcome, and every line names its rule', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红'],
      seats: 2,
      ballots: [
        { n: 6, marks: 'OO-', writeIns: [] },
        { n: 2, marks: 'O--', writeIns: [{ name: '周涛', mark: 'O' }] },
      ],
    });
    const outcomeNames = result.determinations
      .filter((d) => d.kind === 'outcome')
      .map((d) => d.name);
    expect(outcomeNames.sort()).toEqual(['周涛', '朱红', '王芳', '石磊'].sort());
    for (const determination of result.determinations) {
      expect(determination.text).toContain(`（${determination.rule}）`);
      expect(determination.text).not.toContain('\n');
    }
    const kinds = new Set(result.determinations.map((d) => d.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'quorum',
        'accounting',
        'ballots',
        'threshold',
        'outcome',
        'slate',
        'order',
      ]),
    );
    const fail = result.determinations.find((d) => d.name === '朱红');
    expect(fail?.text).toBe(
      '朱红 赞成票 0，未超过应到会有选举权人数 8 的半数，不能当选（《中国共产党基层组织选举工作条例》）',
    );
  });
});
