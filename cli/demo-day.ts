import type { ApiInput, ApiOutput, MethodName } from '../shared/api';
import type { Services } from '../core/platform/open';
import { markBallots, type PaperBallot } from './demo-ballots';
import type { Random } from './demo-roster';

/*
 * The demo's day: its people, the services called as each of them, and a round held from
 * ballots issued to certification.
 */

/** Delegates present at the demo's congress: every round issues this many ballots. */
export const present = 170;

/** The day's people, each with the PIN the demo prints so that one can sign in as them. */
export const people = [
  { key: 'tellerA', name: '张晓东', role: 'teller', pin: '1111' },
  { key: 'tellerB', name: '李春梅', role: 'teller', pin: '2222' },
  { key: 'scrutineer', name: '赵敏', role: 'scrutineer', pin: '3333' },
  { key: 'scrutineer2', name: '孙立新', role: 'scrutineer', pin: '4444' },
  { key: 'chief', name: '钱国华', role: 'chief-scrutineer', pin: '5555' },
] as const;
export const admin = { name: '王建国', pin: '246810' };

export type Key = (typeof people)[number]['key'] | 'admin';

/** The services as the day's people call them: every call through the API, as its role. */
export class Day {
  readonly tokens = new Map<Key, string>();
  constructor(
    readonly services: Services,
    readonly random: Random,
  ) {}

  async call<M extends MethodName>(who: Key, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const result = await this.services.dispatch(method, input, this.tokens.get(who) ?? null);
    // The demo plans a day that works: a refusal here is a bug in the demo or the services.
    if (!result.ok) throw new Error(`演示失败：${method}：${result.error.message}`);
    return result.value as ApiOutput<M>;
  }
}

export interface RoundPlan {
  electionId: number;
  seats: number;
  votes: Map<string, number>;
  rejected: number;
  overVoted: number;
  doubleEntry: boolean;
}

/** One vote: ballots issued and returned, entered box by box, counted and certified. */
export async function holdRound(day: Day, roundId: number, plan: RoundPlan) {
  await day.call('scrutineer', 'issuance.issue', { roundId, issued: present });
  await day.call('scrutineer', 'issuance.return', { roundId, returned: present });
  const { round } = await day.call('tellerA', 'entry.overview', { electionId: plan.electionId });
  if (round?.id !== roundId) throw new Error(`演示失败：第 ${roundId} 轮不在计票中`);
  const { candidates } = round;
  const papers = markBallots(day.random, {
    candidates,
    seats: plan.seats,
    votes: plan.votes,
    valid: present - plan.rejected - plan.overVoted,
    rejected: plan.rejected,
    overVoted: plan.overVoted,
    against: 0.55,
  });
  const half = Math.ceil(papers.length / 2);
  const boxes: [string, PaperBallot[]][] = [
    ['一号票箱', papers.slice(0, half)],
    ['二号票箱', papers.slice(half)],
  ];
  for (const [i, [label, stack]] of boxes.entries()) {
    const box = await day.call('scrutineer', 'entry.createBox', {
      roundId,
      label,
      expected: stack.length,
    });
    await enterPass(day, 'tellerA', box.id, stack);
    if (plan.doubleEntry) await secondPass(day, box.id, stack, i === 0);
  }
  await day.call('scrutineer', 'entry.finish', { roundId });
  const certified = await day.call('chief', 'results.certify', {
    roundId,
    pin: people[4].pin,
  });
  const f = certified.followUp;
  return {
    label: certified.round.label,
    issued: certified.ballots.issued,
    returned: certified.ballots.returned,
    valid: certified.ballots.valid ?? 0,
    invalid: certified.ballots.invalid ?? 0,
    elected: certified.elected.length,
    runoff:
      f.kind === 'runoff' && f.round ? { roundId: f.round.id, candidates: f.candidates } : null,
  };
}

async function enterPass(day: Day, teller: Key, boxId: number, stack: readonly PaperBallot[]) {
  let seq = (await day.call(teller, 'entry.open', { boxId })).progress.nextSeq;
  for (const ballot of stack) {
    seq = (await day.call(teller, 'entry.commit', { boxId, seq, ballot })).progress.nextSeq;
  }
  await day.call(teller, 'entry.finishPass', { boxId });
}

/**
 * The second teller's pass. In the first box they misread one ballot; the comparison lists it and
 * the 总监票人 settles it against the paper, as on the day.
 */
async function secondPass(day: Day, boxId: number, stack: readonly PaperBallot[], slip: boolean) {
  const misread = slip
    ? stack.findIndex((b) => b.declaredInvalid === null && b.marks.includes('X'))
    : -1;
  const typed = stack.map((b, i) =>
    i === misread ? { ...b, marks: b.marks.replace('X', '-') } : b,
  );
  await enterPass(day, 'tellerB', boxId, typed);
  if (misread >= 0) {
    await day.call('chief', 'entry.resolve', {
      boxId,
      seq: misread + 1,
      choice: 'first',
      note: '核对原票，该处画有“×”，以第一遍录入为准',
    });
  }
}
