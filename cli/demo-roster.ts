import { strokeClasses } from '../shared/names';

/** A small seeded generator (mulberry32): the demo is the same congress on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Fisher–Yates with the seeded generator. */
export function shuffle<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// The commonest surnames, roughly by frequency (a name list draws them more often up front).
const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const compound = ['欧阳', '司马', '诸葛', '上官'];
const givenMale = (
  '建国 志强 卫东 建华 国庆 海涛 永刚 德明 文斌 俊杰 立新 春生 振华 明辉 晓峰 宏伟 家乐 红军 ' +
  '长林 世平 光明 玉龙 正清 新民 永胜 卫国 庆丰 金山 学军 伟 强 磊 军 勇 杰 涛 斌 超 鹏 刚 波 辉'
).split(' ');
const givenFemale = (
  '秀英 丽娟 桂兰 玉梅 春梅 晓燕 红霞 淑芬 美玲 雪梅 慧敏 婷婷 彩云 海燕 凤英 小红 素琴 文静 ' +
  '敏 静 丽 燕 芳 娜 萍 红 霞 洁 琳'
).split(' ');

const units = [
  '镇机关党委',
  '东湖村党总支',
  '西湖村党支部',
  '南山村党支部',
  '北坪村党支部',
  '镇中心学校党支部',
  '镇卫生院党支部',
  '非公企业联合党支部',
];
const categories = ['领导干部', '专业技术人员', '生产和工作一线', '生产和工作一线', '先进模范人物'];
const educations = ['研究生', '大学本科', '大学本科', '大学专科', '大学专科', '高中', '初中'];
const ethnicities = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '土家族', '苗族'];

export interface DemoDelegate {
  name: string;
  gender: '男' | '女';
  ethnicity: string;
  birth: string;
  education: string;
  category: string;
  unit: string;
  cardNo: string;
}

/** Every character has stroke data, so the demo's lists sort without a warning to check by hand. */
function printable(name: string): boolean {
  return [...name].every((ch) => strokeClasses(ch) !== null);
}

/**
 * `count` delegates with realistic, distinct names: common surnames (a few compound ones) and
 * common given names of one or two characters, spread over the township's 选举单位.
 */
export function demoRoster(random: Random, count: number): DemoDelegate[] {
  const taken = new Set<string>();
  const delegates: DemoDelegate[] = [];
  while (delegates.length < count) {
    const n = delegates.length;
    const female = random() < 0.32;
    const surname = n % 50 === 7 ? pick(random, compound) : pick(random, surnames);
    const name = `${surname}${pick(random, female ? givenFemale : givenMale)}`;
    if (taken.has(name) || !printable(name)) continue;
    taken.add(name);
    const year = 1962 + Math.floor(random() * 38);
    const month = 1 + Math.floor(random() * 12);
    delegates.push({
      name,
      gender: female ? '女' : '男',
      ethnicity: pick(random, ethnicities),
      birth: `${year}.${String(month).padStart(2, '0')}`,
      education: pick(random, educations),
      category: pick(random, categories),
      unit: units[n % units.length] ?? '',
      cardNo: `DH2025${String(n + 1).padStart(3, '0')}`,
    });
  }
  return delegates;
}

/** The roster as an organisation department's spreadsheet saves it: UTF-8 CSV with a BOM. */
export function rosterCsv(delegates: readonly DemoDelegate[]): string {
  const header = '序号,姓名,性别,民族,出生年月,学历,代表类别,选举单位,代表证号,是否有选举权';
  const lines = delegates.map((d, i) =>
    [
      i + 1,
      d.name,
      d.gender,
      d.ethnicity,
      d.birth,
      d.education,
      d.category,
      d.unit,
      d.cardNo,
      '是',
    ].join(','),
  );
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
