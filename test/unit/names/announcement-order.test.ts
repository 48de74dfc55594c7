import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/cli/main.mjs');
const dir = mkdtempSync(join(tmpdir(), 'announcement-order-'));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

function cliIsStale(): boolean {
  const sources = ['cli', 'shared/tally', 'shared/names'].map((source) => join(root, source));
  return !existsSync(cli) || statSync(cli).mtimeMs < Math.max(...sources.map(newest));
}

beforeAll(() => {
  if (!cliIsStale()) return;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // A later build target failing (work in progress elsewhere) still leaves a fresh command line.
    if (cliIsStale()) throw error;
  }
}, 120_000);

/** A fixed shuffle, so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// Candidates who get no votes, so that the slate has its 差额.
const OTHERS = ['石磊', '白雪', '方芳', '田野', '江海', '金鑫'];

interface Tally {
  elected: string[];
  warnings: { code: string; characters?: string[] }[];
}

/** Every named person gets every vote; the rest none. Runs the round as a user would. */
function tally(
  names: readonly string[],
  round: { profile: string; office: string; nameOrder?: 'party' | 'npc' },
): Tally {
  const others = OTHERS.slice(0, Math.ceil(names.length / 3));
  const candidates = shuffled([...names, ...others], names.length);
  const voters = 200;
  const scenario = {
    profile: round.profile,
    round: 'formal',
    office: round.office,
    seats: names.length,
    candidates,
    electorate:
      round.profile === 'peoples-congress'
        ? { entitled: voters }
        : { entitled: voters, present: voters },
    issued: voters,
    returned: voters,
    ...(round.nameOrder === undefined ? {} : { options: { nameOrder: round.nameOrder } }),
    ballots: [
      { n: voters, marks: candidates.map((name) => (names.includes(name) ? 'O' : '-')).join('') },
    ],
  };
  const file = join(dir, `${names[0] ?? 'round'}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const run = spawnSync(process.execPath, ['bin/congress-tally.mjs', 'tally', file], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Tally;
}

describe('the elected list through the command line, in 姓氏笔画 order', () => {
  it('十九届中央政治局委员 (party convention)', () => {
    // The 中央政治局 of the 中国共产党第十九届中央委员会, elected at its 一中全会 (2017), as listed
    // in the 中央政治局 entry of 360百科 (baike.so.com/doc/6406226-6619890.html); 孙春兰's "(女)"
    // left out.
    const published = [
      '丁薛祥 习近平 王晨 王沪宁 刘鹤 许其亮 孙春兰 李希 李强 李克强 李鸿忠 杨洁篪 杨晓渡',
      '汪洋 张又侠 陈希 陈全国 陈敏尔 赵乐际 胡春华 栗战书 郭声琨 黄坤明 韩正 蔡奇',
    ]
      .join(' ')
      .split(' ');
    const result = tally(published, { profile: 'party-local', office: 'committee' });
    expect(result.elected).toEqual(published);
    expect(result.warnings).toEqual([]);
  });

  it('十八届中央政治局委员 (party convention)', () => {
    // The 中央政治局 of the 中国共产党第十八届中央委员会, elected at its 一中全会 (2012), as listed
    // in the same 360百科 entry.
    const published = [
      '习近平 马凯 王岐山 王沪宁 刘云山 刘延东 刘奇葆 许其亮 孙春兰 孙政才 李克强 李建国 李源潮',
      '汪洋 张春贤 张高丽 张德江 范长龙 孟建柱 赵乐际 胡春华 俞正声 栗战书 郭金龙 韩正',
    ]
      .join(' ')
      .split(' ');
    const result = tally(published, { profile: 'party-local', office: 'committee' });
    expect(result.elected).toEqual(published);
  });

  it('十六届中央纪委常务委员会委员 (party convention, one character without stroke data)', () => {
    // "常务委员会委员（按姓氏笔画为序）" of the 十六届中央纪律检查委员会 (elected 2002), as given on
    // news.china.com/zh_cn/focus/jigou/zywyh/zywyh.html; the page writes 马𫘝 as "马(马右加文)"
    // and leaves some places of the list blank, so this is the list less those places.
    const published = [
      '干以胜 马𫘝 马志鹏 王振川 刘峰岩 刘家义 刘锡荣 李至伦 吴毓萍 沈德咏 张树田 张惠新',
      '赵洪祝 夏赞忠 黄树贤 解厚铨',
    ]
      .join(' ')
      .split(' ');
    const result = tally(published, { profile: 'party-local', office: 'discipline' });
    expect(result.elected).toEqual(published);
    // 𫘝 has no stroke data, but the blank before a one-character given name decides first.
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'missing-strokes', characters: ['𫘝'] }),
    ]);
  });

  it("a people's-congress list (npc convention), built by hand: 竖钩 is a 竖", () => {
    // No published list in the npc convention was at hand; each order here follows from the
    // stroke classes in stroke-table.test.ts. 于 112 < 才 123 < 万 153 < 马 551; 水 2534 < 毛 3115;
    // 乐 35234 < 包 35515; 李 1234521 < 杨 1234533; and 小 (3 strokes) before 丹 (4) and 帆 (6).
    const expected =
      '丁一 于小伟 于丹 才让 万里 马力 水清 毛宁 乐天 包明 李强 杨小军 杨帆 陈可'.split(' ');
    const result = tally(expected, { profile: 'peoples-congress', office: 'deputy' });
    expect(result.elected).toEqual(expected);
  });

  it('the same names in the party convention put one-character given names first', () => {
    const result = tally(['于小伟', '于丹', '杨小军', '杨帆'], {
      profile: 'peoples-congress',
      office: 'deputy',
      nameOrder: 'party',
    });
    expect(result.elected).toEqual(['于丹', '于小伟', '杨帆', '杨小军']);
  });
});
