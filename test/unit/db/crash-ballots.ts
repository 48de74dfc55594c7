// What the crash test's child writes, shared with the test that checks it: both derive a ballot
// from its seq alone, so the test knows exactly what every committed ballot must contain.
import type { BallotContent } from '../../../db/ballots';
import type { Store } from '../../../db/store';

export const crashCandidates = ['丁一', '卜二', '刁三', '王四', '田五', '白六', '司马七'];

/** The ballot the child enters at seq: varied marks, 0–3 write-ins, now and then invalid. */
export function crashBallot(seq: number): BallotContent {
  let x = Math.imul(seq, 2654435761) >>> 0;
  const next = (n: number) => {
    x = (Math.imul(x ^ (x >>> 13), 1274126177) + 0x9e3779b9) >>> 0;
    return x % n;
  };
  const marks = crashCandidates.map(() => 'OX-?'.charAt(next(4))).join('');
  const writeIns = Array.from({ length: next(4) }, (_w, slot) => ({
    slot,
    name: `写入${seq}号${slot}`,
    mark: next(3) === 0 ? ('-' as const) : ('O' as const),
  }));
  return { marks, invalidReason: next(10) === 0 ? '监票人认定无效' : null, writeIns };
}

/** The one entry pass the child fills, created (with its congress) the first time, atomically. */
export function crashPass(store: Store): number {
  return store.transaction(() => {
    const existing = store.ballots.passById(1);
    if (existing) return existing.id;
    const teller = store.people.create({ name: '计票人', role: 'teller', pinHash: 'x' });
    const congress = store.congresses.create({
      name: '断电测试大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    const election = store.elections.create(congress.id, {
      title: '委员',
      office: 'committee',
      seats: 5,
    });
    const round = store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: 5,
    });
    store.elections.replaceCandidates(
      round.id,
      crashCandidates.map((name) => ({ name })),
    );
    const box = store.ballots.createBox(round.id, { label: '一号箱', expected: 100_000 });
    const pass = store.ballots.openPass(box.id, 1, teller.id);
    store.audit.append({
      actor: teller.name,
      role: 'teller',
      action: 'setup',
      payload: { pass: pass.id },
    });
    return pass.id;
  });
}
