import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ElectionResults } from '../shared/api/results';
import type { Office } from '../shared/tally/types';
import { openServices } from '../core/platform/open';
import { openChromiumPrinter } from '../core/reports/pdf';
import { oneLine, readArgs } from './args';
import { admin, Day, holdRound, people, present } from './demo-day';
import { demoRoster, pick, rosterCsv, seeded, shuffle } from './demo-roster';
import type { CliIo } from './io';

const usage = '用法：congress-tally demo --db <新数据库文件>';

/**
 * The elections of the demo, with the result each round is planned to give: 委员 with a tie at
 * the ninth seat (a runoff decides it), 纪委委员, and the delegates to the county congress.
 */
const elections: {
  title: string;
  office: Office;
  seats: number;
  doubleEntry: boolean;
  votes: number[];
  rejected: number;
  overVoted: number;
  writeIn?: number;
}[] = [
  {
    title: '选举中国共产党东湖镇第十六届委员会委员',
    office: 'committee',
    seats: 9,
    doubleEntry: true,
    votes: [162, 158, 155, 150, 147, 141, 133, 118, 109, 109, 71],
    rejected: 1,
    overVoted: 1,
    writeIn: 3,
  },
  {
    title: '选举中国共产党东湖镇纪律检查委员会委员',
    office: 'discipline',
    seats: 5,
    doubleEntry: false,
    votes: [160, 152, 146, 139, 128, 88],
    rejected: 1,
    overVoted: 0,
  },
  {
    title: '选举出席中国共产党青川县第十五次代表大会代表',
    office: 'delegate',
    seats: 20,
    doubleEntry: false,
    votes: [
      163, 160, 158, 155, 153, 150, 148, 146, 143, 141, 139, 136, 133, 131, 128, 126, 122, 119, 115,
      112, 98, 90, 84, 77,
    ],
    rejected: 0,
    overVoted: 0,
  },
];

const delegatesCount = 200;

/**
 * `demo --db <file>`: a complete township congress built through the real services, as the day
 * would go — roster, elections, ballots printed, check-in, ballots issued and returned, every
 * ballot entered (the committee twice), the tie at the last seat voted again, every round
 * certified. Exit 0 with a summary; 2 for bad input (nothing written).
 */
export async function demo(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message);
  const db = parsed.args.options.get('--db');
  if (db === undefined) return bad(io, '缺少参数 --db <新数据库文件>');
  if (parsed.args.positionals.length > 0) {
    return bad(io, `多余的参数：${parsed.args.positionals.join(' ')}`);
  }
  const file = resolve(db);
  if (existsSync(file))
    return bad(io, `文件已存在：${file}。演示数据只写入新文件，以免覆盖真实数据`);
  const started = performance.now();
  const printer = await openChromiumPrinter();
  const services = openServices({
    file,
    display: { openProjector: () => false },
    printPdf: (report) => printer.print(report),
  });
  try {
    const day = await holdCongress(new Day(services, seeded(20250618)));
    const seconds = (performance.now() - started) / 1000;
    for (const line of summary(file, day, seconds)) io.stdout(line);
    return 0;
  } finally {
    services.close();
    await printer.close();
  }
}

interface Held {
  congressName: string;
  attendance: { entitled: number; present: number; leave: number; absent: number };
  results: ElectionResults[];
  rounds: Map<
    number,
    {
      label: string;
      issued: number;
      returned: number;
      valid: number;
      invalid: number;
      elected: number;
    }
  >;
}

async function holdCongress(day: Day): Promise<Held> {
  await signInPeople(day);
  const congress = await day.call('admin', 'congress.create', {
    name: '中国共产党东湖镇第十六次代表大会',
    term: '第十六次',
    organiser: '中共东湖镇委员会',
    venue: '东湖镇人民会堂',
    heldOn: '2025-06-18',
    profile: 'party-grassroots',
  });
  const roster = demoRoster(day.random, delegatesCount);
  await day.call('admin', 'roster.import', {
    congressId: congress.id,
    fileName: '东湖镇第十六次党代会代表名册.csv',
    content: Buffer.from(rosterCsv(roster), 'utf8').toString('base64'),
    mode: 'all',
  });
  const pool = shuffle(
    day.random,
    roster.map((d) => d.name),
  );
  const rounds = [];
  for (const plan of elections) {
    const candidates = pool.splice(0, plan.votes.length);
    const election = await day.call('admin', 'elections.create', {
      congressId: congress.id,
      title: plan.title,
      office: plan.office,
      seats: plan.seats,
      doubleEntry: plan.doubleEntry,
    });
    const formal = election.rounds[0];
    if (!formal) throw new Error('演示失败：选举事项没有正式选举轮次');
    await day.call('admin', 'elections.setCandidates', {
      roundId: formal.id,
      candidates: candidates.map((name) => ({ name })),
    });
    rounds.push({ plan, candidates, roundId: formal.id, electionId: election.id });
  }
  for (const r of rounds)
    await day.call('admin', 'printouts.pdf', { kind: 'ballot', roundId: r.roundId });
  await checkIn(day, congress.id);
  const held: Held['rounds'] = new Map();
  let announced: number | undefined;
  for (const r of rounds) {
    const votes = new Map(r.candidates.map((name, i) => [name, r.plan.votes[i] ?? 0]));
    if (r.plan.writeIn) votes.set(pick(day.random, pool), r.plan.writeIn);
    const certified = await holdRound(day, r.roundId, {
      electionId: r.electionId,
      seats: r.plan.seats,
      votes,
      rejected: r.plan.rejected,
      overVoted: r.plan.overVoted,
      doubleEntry: r.plan.doubleEntry,
    });
    held.set(r.roundId, certified);
    const follow = certified.runoff;
    if (r === rounds[0]) announced = follow?.roundId ?? r.roundId;
    if (follow) {
      await day.call('admin', 'printouts.pdf', { kind: 'ballot', roundId: follow.roundId });
      const [first, second] = follow.candidates;
      const runoffVotes = new Map([
        [first ?? '', 103],
        [second ?? '', 61],
      ]);
      held.set(
        follow.roundId,
        await holdRound(day, follow.roundId, {
          electionId: r.electionId,
          seats: 1,
          votes: runoffVotes,
          rejected: 0,
          overVoted: 1,
          doubleEntry: r.plan.doubleEntry,
        }),
      );
    }
  }
  // The committee's list, completed by its runoff, is what the hall's screen shows at the end.
  if (announced !== undefined) {
    await day.call('scrutineer', 'results.announce', { roundId: announced });
  }
  const results = [];
  for (const r of rounds) {
    results.push(await day.call('admin', 'results.overview', { electionId: r.electionId }));
  }
  const overview = await day.call('admin', 'checkin.overview', { congressId: congress.id });
  return { congressName: congress.name, attendance: overview.counts, results, rounds: held };
}

/** The day's people, added and signed in together: their PINs hash side by side. */
async function signInPeople(day: Day): Promise<void> {
  const first = await day.call('admin', 'session.createFirstAdmin', admin);
  day.tokens.set('admin', first.token);
  await Promise.all(
    people.map(async ({ key, name, role, pin }) => {
      const added = await day.call('admin', 'people.add', { name, role, pin });
      const signed = await day.call(key, 'session.signIn', { personId: added.id, pin });
      day.tokens.set(key, signed.token);
    }),
  );
}

/** 170 of 200 arrive (cards scanned); of the rest, 18 are on leave and 12 absent. */
async function checkIn(day: Day, congressId: number): Promise<void> {
  const { delegates } = await day.call('admin', 'delegates.list', { congressId });
  const order = shuffle(day.random, delegates);
  for (const [i, d] of order.entries()) {
    if (i < present)
      await day.call('tellerA', 'checkin.checkIn', { delegateId: d.id, via: 'card' });
    else {
      const status = i < present + 18 ? 'leave' : 'absent';
      await day.call('tellerA', 'checkin.mark', { delegateId: d.id, status });
    }
  }
}

function summary(file: string, held: Held, seconds: number): string[] {
  const a = held.attendance;
  const lines = [
    `演示大会已生成：${file}（用时 ${seconds.toFixed(1)} 秒）`,
    `${held.congressName}：代表 ${delegatesCount} 名，应到 ${a.entitled} 人，实到 ${a.present} 人，请假 ${a.leave} 人，缺席 ${a.absent} 人`,
  ];
  for (const e of held.results) {
    lines.push('', `${e.title}（应选 ${e.seats} 名）`);
    for (const r of e.rounds) {
      const c = held.rounds.get(r.id);
      if (c) {
        lines.push(
          `  ${c.label}：发出 ${c.issued} 张，收回 ${c.returned} 张，有效 ${c.valid} 张，无效 ${c.invalid} 张；当选 ${c.elected} 名`,
        );
      }
    }
    lines.push(`  当选名单（${e.orderNote}）：${e.elected.map((x) => x.name).join('、')}`);
  }
  lines.push(
    '',
    `登录：${[{ ...admin, role: '管理员' }, ...people.map((p) => ({ ...p, role: roleWords[p.role] }))].map((p) => `${p.name}（${p.role}）PIN ${p.pin}`).join('；')}`,
    `打开：npm start -- --db ${file}`,
  );
  return lines;
}

const roleWords = { teller: '计票人', scrutineer: '监票人', 'chief-scrutineer': '总监票人' };

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}
