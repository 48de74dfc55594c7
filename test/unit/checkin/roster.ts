/**
 * A township roster for tests: distinct names (common surnames, two-character given names),
 * twelve units, card numbers DH0001…, and every 60th delegate without a vote (预备党员).
 */
export interface RosterRow {
  name: string;
  gender: '男' | '女';
  unit: string;
  cardNo: string;
  hasVote: boolean;
}

const surnames = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const givenFirst = Array.from('建国志明秀海春晓文丽永红德玉金庆子家');
const givenSecond = Array.from('华军英平芳强敏杰涛霞斌辉勇静娟磊洋艳');

export const units = [
  '东湖村党总支',
  '西山村党支部',
  '南岭村党支部',
  '北港村党支部',
  '石桥社区党委',
  '镇机关党支部',
  '镇卫生院党支部',
  '镇中心学校党总支',
  '青龙村党支部',
  '白沙村党支部',
  '红星企业联合党支部',
  '非公企业联合党支部',
];

export function township(size: number): RosterRow[] {
  const rows: RosterRow[] = [];
  for (let i = 0; rows.length < size; i++) {
    const surname = surnames[i % surnames.length] ?? '王';
    const a = givenFirst[Math.floor(i / surnames.length) % givenFirst.length] ?? '建';
    const b = givenSecond[(i * 7 + Math.floor(i / 97)) % givenSecond.length] ?? '华';
    const n = rows.length;
    rows.push({
      name: `${surname}${a}${b}`,
      gender: n % 3 === 0 ? '女' : '男',
      unit: units[n % units.length] ?? '',
      cardNo: `DH${String(n + 1).padStart(4, '0')}`,
      hasVote: (n + 1) % 60 !== 0,
    });
  }
  const names = new Set(rows.map((r) => r.name));
  if (names.size !== rows.length) throw new Error('the test roster repeats a name');
  return rows;
}

/** The roster as the organisation department's CSV (UTF-8). */
export function rosterCsv(rows: readonly RosterRow[]): string {
  const header = ['序号', '姓名', '性别', '选举单位', '代表证号', '是否有选举权'];
  const lines = rows.map((r, i) =>
    [String(i + 1), r.name, r.gender, r.unit, r.cardNo, r.hasVote ? '是' : '否'].join(','),
  );
  return [header.join(','), ...lines].join('\r\n');
}
