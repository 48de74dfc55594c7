import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { congressWithRound, tickingClock, useTempDir } from './fixtures';

const tempDir = useTempDir();

function setUp() {
  const store = openStore(join(tempDir(), 'elections.sqlite'), { now: tickingClock() });
  return { store, ...congressWithRound(store) };
}

describe('elections', () => {
  it('keep their agenda order and take partial updates', () => {
    const { store, congress, election } = setUp();
    expect(election).toMatchObject({
      position: 0,
      doubleEntry: false,
      writeInBlanks: 3,
      ballotColour: '',
    });
    const discipline = store.elections.create(congress.id, {
      title: '纪委委员',
      office: 'discipline',
      seats: 3,
      doubleEntry: true,
    });
    expect(discipline.position).toBe(1);
    store.elections.update(election.id, { position: 2, ballotColour: '红色' });
    expect(store.elections.listByCongress(congress.id).map((e) => e.title)).toEqual([
      '纪委委员',
      '委员',
    ]);
    expect(store.elections.byId(discipline.id)).toMatchObject({ doubleEntry: true, seats: 3 });
    expect(store.elections.update(discipline.id, { doubleEntry: false })?.doubleEntry).toBe(false);
    expect(() =>
      store.elections.create(congress.id, { title: '常委', office: 'standing', seats: 0 }),
    ).toThrow(/CHECK/);
    expect(store.elections.remove(discipline.id)).toBe(true);
    store.close();
  });
});

describe('rounds', () => {
  it('record issuance, return, certification and unlock, with the fields tied to the state', () => {
    const { store, round, chief, election } = setUp();
    expect(round).toMatchObject({
      state: 'draft',
      kind: 'formal',
      issued: null,
      parentRoundId: null,
    });

    store.elections.setRoundState(round.id, 'printed');
    store.elections.setRoundState(round.id, 'voting');
    const issued = store.elections.recordIssued(round.id, {
      entitled: 200,
      present: 180,
      issued: 180,
    });
    expect(issued).toMatchObject({ entitled: 200, present: 180, issued: 180, returned: null });
    expect(issued?.issuedAt).toEqual(expect.stringMatching(/^2025-06-18T/));
    const back = store.elections.recordReturned(round.id, 179);
    expect(back?.returned).toBe(179);
    expect(back?.returnedAt).toEqual(expect.stringMatching(/^2025-06-18T/));
    expect(() =>
      store.elections.recordIssued(round.id, { entitled: 100, present: 101, issued: 1 }),
    ).toThrow(/CHECK/);

    // certified ⇔ certified_by: the state cannot be set around the certification.
    expect(() =>
      store.db.prepare("UPDATE round SET state = 'certified' WHERE id = ?").run(round.id),
    ).toThrow(/CHECK/);
    store.elections.setRoundState(round.id, 'counted');
    const certified = store.elections.certify(round.id, chief.id);
    expect(certified).toMatchObject({ state: 'certified', certifiedBy: chief.id });

    const unlock = store.elections.unlock(round.id, {
      personId: chief.id,
      reason: '当选人资格复核',
    });
    expect(unlock).toMatchObject({
      roundId: round.id,
      byPerson: chief.id,
      reason: '当选人资格复核',
    });
    expect(store.elections.roundById(round.id)).toMatchObject({
      state: 'counting',
      certifiedBy: null,
      certifiedAt: null,
    });
    expect(
      store.elections.unlock(round.id, { personId: chief.id, reason: '再次' }),
    ).toBeUndefined();
    expect(store.elections.unlocksOf(round.id)).toHaveLength(1);

    const runoff = store.elections.createRound({
      electionId: election.id,
      kind: 'runoff',
      seats: 1,
      parentRoundId: round.id,
    });
    expect(store.elections.roundsOf(election.id).map((r) => r.kind)).toEqual(['formal', 'runoff']);
    expect(store.elections.voidRound(runoff.id, '收回票数多于发出票数')).toMatchObject({
      state: 'void',
      voidReason: '收回票数多于发出票数',
    });
    expect(() => store.elections.voidRound(round.id, ' ')).toThrow(/CHECK/);
    expect(() =>
      store.elections.createRound({ electionId: election.id, kind: 'preliminary', seats: 5 }),
    ).toThrow(/CHECK/);
    expect(
      store.elections.createRound({
        electionId: election.id,
        kind: 'preliminary',
        seats: 5,
        formalCandidates: 6,
      }).formalCandidates,
    ).toBe(6);
    store.close();
  });

  it('record a seat reduction against the seats the round had', () => {
    const { store, round, chief } = setUp();
    const reduction = store.elections.recordSeatReduction(round.id, {
      seatsAfter: 3,
      decidedBy: '大会主席团',
      reason: '差额较小，经主席团决定减少名额',
      recordedBy: chief.id,
    });
    expect(reduction).toMatchObject({ roundId: round.id, seatsBefore: 4, seatsAfter: 3 });
    expect(store.elections.seatReductionOf(round.id)).toEqual(reduction);
    expect(
      store.elections.recordSeatReduction(9999, {
        seatsAfter: 1,
        decidedBy: 'x',
        reason: 'y',
        recordedBy: chief.id,
      }),
    ).toBeUndefined();
    store.close();
  });
});

describe('candidates', () => {
  it('are kept in ballot order, replaced whole, and frozen once a ballot is entered', () => {
    const { store, round, teller } = setUp();
    expect(store.elections.candidatesOf(round.id).map((c) => [c.position, c.name])).toEqual([
      [0, '丁一'],
      [1, '卜二'],
      [2, '刁三'],
      [3, '王四'],
      [4, '田五'],
    ]);
    const replaced = store.elections.replaceCandidates(round.id, [
      { name: '田五', note: '女' },
      { name: '丁一' },
      { name: '王四' },
      { name: '卜二' },
    ]);
    expect(replaced.map((c) => c.name)).toEqual(['田五', '丁一', '王四', '卜二']);
    expect(store.elections.addCandidate(round.id, { name: '刁三' }).position).toBe(4);
    expect(store.elections.candidatesOf(round.id)[0]).toMatchObject({ name: '田五', note: '女' });

    // A failing replacement changes nothing.
    expect(() =>
      store.elections.replaceCandidates(round.id, [{ name: '甲' }, { name: '甲' }]),
    ).toThrow(/UNIQUE/);
    expect(store.elections.candidatesOf(round.id)).toHaveLength(5);

    const box = store.ballots.createBox(round.id, { label: '一号箱', expected: 1 });
    const pass = store.ballots.openPass(box.id, 1, teller.id);
    store.ballots.insert({ passId: pass.id, seq: 1, marks: 'OOXX-' });
    expect(() => store.elections.addCandidate(round.id, { name: '新人' })).toThrow(/cannot change/);
    expect(() => store.elections.replaceCandidates(round.id, [{ name: '甲' }])).toThrow(
      /cannot change/,
    );
    expect(() =>
      store.db.prepare("UPDATE candidate SET name = '改名' WHERE round_id = ?").run(round.id),
    ).toThrow(/cannot change/);
    expect(store.elections.candidatesOf(round.id).map((c) => c.name)).toEqual([
      '田五',
      '丁一',
      '王四',
      '卜二',
      '刁三',
    ]);
    store.close();
  });
});
