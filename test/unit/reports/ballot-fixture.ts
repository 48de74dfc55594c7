import type { BallotProps } from '../../../core/reports/templates/Ballot';

const surnames = [
  ...'丁于马王尤方邓石叶史冯吕朱任刘许孙严苏杜李杨吴何余宋张陆陈范林罗周郑孟赵胡钟段侯姜洪秦贾夏钱徐高郭唐黄曹梁彭董蒋韩程傅谢廖熊潘薛戴魏',
];
const givens = ['建国', '秀英', '明华', '志强', '丽娟', '海', '伟', '晓东', '春梅', '立新'];

/** Distinct names (up to 310), none contained in another, so that each can be found in the text. */
export function names(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${surnames[i % surnames.length] ?? ''}${givens[i % givens.length] ?? ''}`,
  );
}

/** The 9-of-11 committee ballot of a township congress, with three write-in blanks. */
export function ballot(overrides: Partial<BallotProps> = {}): BallotProps {
  return {
    congressName: '中国共产党东湖镇第十六次代表大会',
    electionTitle: '选举中国共产党东湖镇第十六届委员会委员',
    seats: 9,
    candidates: names(11),
    strokeOrder: true,
    writeInBlanks: 3,
    instructions: '',
    colourLabel: '',
    ...overrides,
  };
}
